"""The whole investigation from one parse of each article.

>>> result = run(load_corpus())
>>> result["claims"]          # helpers.claims.tag_claims, from the same Docs
>>> result["figures"]         # helpers.figures.extract_figures, from the same Docs and claims
>>> result["signals"]         # helpers.reliability.article_signals
>>> result["corroboration"]   # helpers.reliability.corroborate of the story's figures
>>> result["actors"]          # helpers.claims.story_actors: the story's actors, found in the text

``run`` parses each distinct text once with ``nlp.pipe`` (in batches; ``n_process`` spreads a large
corpus over several processes) and hands the same ``Doc`` objects to every step: claims and
figures (and the reliability signals) never parse again. Results are cached on disk
(:mod:`helpers.core.cache`): reopening a notebook reads the Docs and each article's tables back
instead of parsing, and a changed text, model, actor table or helper module is computed afresh.
In a new kernel whose tables are all cached, ``run`` does not even load the model (a few
seconds): ``docs`` is then a :class:`LazyDocs`, read from the cache when first used.

In a notebook kernel (``setup_notebook`` turns on :func:`helpers.core.nlp.parse_elsewhere`),
what is not cached yet is computed by this module run as a short-lived subprocess
(``python -m helpers.pipeline``), which fills the cache and exits; the kernel then reads the
tables as above and never holds the model (~200 MB a kernel, and learners keep six open).

The Docs carry no ``doc.tensor`` (spaCy's ``doc_cleaner`` drops it in the pipeline,
:mod:`helpers.core.components`): a thousand articles stay a few hundred MB lighter.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from helpers.core.actors import register_found
from helpers.core.cache import (
    DocStore,
    TableStore,
    code_fingerprint,
    files_digest,
    known_fingerprint,
    pipeline_fingerprint,
    pipeline_key,
    remember_fingerprint,
    row_key,
    story_fingerprint,
)
from helpers.core.nlp import (
    get_nlp,
    model_loaded,
    parse_many,
    parses_elsewhere,
    reading_vocab,
    subprocess_env,
    text_hash,
)
from helpers.core.progress import Clock as _Clock
from helpers.core.progress import cpu_count as _cpu_count
from helpers.core.progress import progress_bar as _bar
from helpers.core.story import Story, active_story, load_story, story_of, use_story
from helpers.core.text import normalise

__all__ = ["DEFAULT_BATCH_SIZE", "parse_corpus", "run"]

#: Texts per ``nlp.pipe`` batch. Parsing memory grows with it (seed-sized articles, ~3 500
#: characters: about +75 MB at 8, +160 MB at 16, +340 MB at 32) and speed hardly does.
DEFAULT_BATCH_SIZE = 8
#: Articles per call of ``tag_claims``/``extract_figures`` when their tables are computed (one
#: progress-bar step; the tables do not depend on it).
TABLE_CHUNK = 64


def run(corpus, n_process: int = 1, batch_size: int = DEFAULT_BATCH_SIZE, cache=True,
        progress: bool = False, story=None) -> dict:
    """Parse ``corpus`` once and return every table of the investigation.

    - ``corpus``: a DataFrame with ``article_id`` (unique) and ``text``, e.g. ``load_corpus()``,
      or a plain string (its ``article_id`` is ``"text"``).
    - ``n_process``: processes for parsing (``-1``: one per CPU); worth it from a few hundred
      articles, never more than there are batches to parse.
    - ``batch_size``: texts per ``nlp.pipe`` batch.
    - ``cache``: ``True`` (``$KURSK_CACHE_DIR`` or ``.cache/``), ``False``, or a folder.
    - ``progress``: show progress bars (``tqdm.auto``: a widget in JupyterLab, text elsewhere)
      while parsing and tagging; nothing is shown when everything comes from the cache.
    - ``story``: the story folder (or :class:`helpers.core.story.Story`) whose question
      selects the figures ``corroboration`` compares; ``None``: the folder the corpus was
      loaded from (``load_corpus`` records it), else the story in use (the course's).

    From then on its actors and sides are the ones in use
    (:func:`helpers.core.story.use_story`), and the actors found in its text are registered
    (:func:`helpers.core.actors.register_found`) for :func:`helpers.core.actors.origin_of`.

    Returns a dict: ``corpus`` (as given), ``docs`` (one Doc per row, in order; a
    :class:`LazyDocs` when every table came from the cache before the model was loaded), ``claims``,
    ``figures``, ``actors`` (:func:`helpers.claims.story_actors.story_actors`: the story's
    actors, found in the text), ``signals`` (:func:`helpers.reliability.article_signals`),
    ``corroboration`` (:func:`helpers.reliability.corroborate` of the figures answering the
    story's question, :func:`helpers.figures.story_figures`: the selection notebook 04 and the
    report show);
    ``stats`` counts what was parsed and what came from the cache, with the wall and CPU time
    of each step (``docs``, ``claims``, ``figures``, ``signals``, ``corroboration``, and
    ``cache`` for reading and writing tables) in ``stats["seconds"]`` and
    ``stats["cpu_seconds"]``.
    """
    corpus = _as_corpus(corpus)
    if story is None:  # the folder the articles came from, else the story in use
        story = story_of(corpus) or active_story()
    story = story if isinstance(story, Story) else load_story(story)
    if story.folder != active_story().folder:
        use_story(story.folder)  # its actors, sides and corrections, for every rule below
    root = None if cache is True or cache is False or cache is None else Path(cache)
    use_cache = cache is not False and cache is not None
    stats = {"articles": len(corpus), "parsed": 0, "docs_from_cache": 0,
             "tables_computed": 0, "tables_from_cache": 0, "seconds": {}, "cpu_seconds": {}}
    clock = _Clock(stats)
    texts = corpus["text"].fillna("").astype(str).tolist()
    elsewhere = parses_elsewhere()
    if use_cache and not model_loaded() and len(corpus):
        # A new kernel: when every table is cached, answer without loading the model.
        options = dict(n_process=n_process, batch_size=batch_size)
        result = _from_tables_alone(corpus, texts, root, stats, clock, story, options)
        if result is None and elsewhere and _fill_cache_elsewhere(
                corpus, root, batch_size, story, progress, stats, clock):
            result = _from_tables_alone(corpus, texts, root, stats, clock, story, options)
        if result is not None:
            return result
    if elsewhere:  # no usable cache: Docs from a subprocess, tables computed here
        use_cache = False
    nlp = None if elsewhere else get_nlp()
    with clock("docs"):
        docs = parse_corpus(texts, n_process=n_process, batch_size=batch_size,
                            store=DocStore(nlp, root) if use_cache else None,
                            progress=progress, stats=stats)
    tables = None
    if use_cache:
        tables = TableStore(_tables_fingerprint(nlp), root)
        remember_fingerprint(pipeline_fingerprint(nlp), pipeline_key(), root)
    claims, figures, mentions, row_keys = _tables(corpus, texts, docs, tables, progress, stats,
                                                  clock)
    result = {"corpus": corpus, "docs": docs, "claims": claims, "figures": figures,
              "actors": _actors(claims, mentions, clock)}
    result.update(_reliability_tables(corpus, docs, claims, figures, story,
                                      tables, _corpus_key(row_keys, story), clock))
    result["stats"] = stats
    return result


def _from_tables_alone(corpus, texts, root, stats, clock, story, parse_options) -> dict | None:
    """Every table of ``corpus`` from the cache, the model not loaded, or None when one is
    missing. ``docs`` is then a :class:`LazyDocs`: the Docs are read from the cache the first
    time one is used (with the pipeline's vocab if it is loaded by then, else a blank one)."""
    with clock("cache"):
        known = known_fingerprint(pipeline_key(), root)
        if known is None:
            return None
        store = TableStore(f"{known}-{code_fingerprint()}-{story_fingerprint()}", root)
        parts, keys = _cached_parts(corpus, texts, store)
        if any(part is None for part in parts):
            return None
        reliability = _cached_reliability(store, _corpus_key(keys, story))
        if reliability is None:
            return None
        claims = _assemble([p[0] for p in parts], lambda: _empty_claims(corpus))
        figures = _assemble([p[1] for p in parts], lambda: _empty_figures(corpus))
        mentions = _assemble([p[2] for p in parts], _empty_mentions)
    actors = _actors(claims, mentions, clock)
    stats["tables_from_cache"] = len(corpus) - stats.get("tables_computed", 0)
    docs = LazyDocs(lambda: parse_corpus(
        texts, store=DocStore(root=root, fingerprint=known, vocab=reading_vocab()),
        **parse_options), len(texts))
    return {"corpus": corpus, "docs": docs, "claims": claims, "figures": figures,
            "actors": actors, **reliability, "stats": stats}


class LazyDocs(Sequence):
    """The Docs of a run whose tables all came from the cache, read from the Doc cache the first
    time one is used; a list otherwise."""

    def __init__(self, load, n: int):
        self._load, self._n, self._docs = load, n, None

    def _all(self) -> list:
        if self._docs is None:
            self._docs = self._load()
        return self._docs

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i):
        return self._all()[i]

    def __iter__(self):
        return iter(self._all())

    def __eq__(self, other):
        return list(self) == list(other) if isinstance(other, Sequence) else NotImplemented

    def __repr__(self) -> str:
        state = "read" if self._docs is not None else "not read yet"
        return f"<{self._n} Docs from the cache, {state}>"


# ----------------------------------------------------------------------------- parsing


def parse_corpus(texts, n_process: int = 1, batch_size: int = DEFAULT_BATCH_SIZE,
                 store: DocStore | None = None, progress: bool = False,
                 stats: dict | None = None) -> list:
    """One Doc per text, in order: each distinct (normalised) text parsed once with
    ``nlp.pipe`` (:func:`helpers.core.nlp.parse_many`), or read from ``store``; newly parsed Docs
    are written to ``store``."""
    normed = [normalise(t) for t in texts]
    keys = [text_hash(t) for t in normed]
    unique = dict(zip(keys, normed, strict=True))
    found = {}
    if store is not None:
        for key, text in unique.items():
            doc = store.get(key, text)
            if doc is not None:
                found[key] = doc
    missing = [key for key in unique if key not in found]
    if missing:
        batches = math.ceil(len(missing) / max(1, batch_size))
        procs = n_process if n_process > 0 else _cpu_count()
        procs = max(1, min(procs, batches))
        with _bar(progress, len(missing), "parsing") as bar:
            pipe = parse_many([unique[k] for k in missing], batch_size=batch_size,
                              n_process=procs)
            for key, doc in zip(missing, pipe, strict=True):
                found[key] = doc
                if store is not None:
                    store.put(key, doc)
                bar.update(1)
    if stats is not None:
        stats["parsed"] += len(missing)
        stats["docs_from_cache"] += len(unique) - len(missing)
    return [found[k] for k in keys]


def _fill_cache_elsewhere(corpus, root, batch_size, story, progress, stats, clock) -> bool:
    """Run this module as a subprocess that computes what ``corpus`` lacks into the cache (see
    :func:`_main`); True when it did. Its counts are added to ``stats``."""
    import json
    import pickle
    import subprocess
    import sys

    request = {"corpus": corpus, "root": None if root is None else str(root),
               "batch_size": batch_size, "story": str(story.folder)}
    with clock("subprocess"), _bar(progress, len(corpus), "parsing and tagging") as bar:
        proc = subprocess.run([sys.executable, "-m", "helpers.pipeline"],
                              input=pickle.dumps(request), capture_output=True,
                              env=subprocess_env(), check=False)
        bar.update(len(corpus))
    if proc.returncode != 0:
        import warnings

        tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
        warnings.warn("the analysis subprocess failed (" + " / ".join(tail) + "); "
                      "computing in this kernel instead", RuntimeWarning, stacklevel=3)
        return False
    counts = json.loads(proc.stdout.decode("utf-8") or "{}")
    for name in ("parsed", "docs_from_cache", "tables_computed"):
        stats[name] += int(counts.get(name, 0))
    return True


def _main() -> None:
    """``python -m helpers.pipeline``: the subprocess of :func:`_fill_cache_elsewhere`. Reads a
    pickled request from stdin (written by the parent kernel a moment before), runs :func:`run`
    into the cache, prints what it counted as JSON."""
    import json
    import pickle
    import sys

    request = pickle.loads(sys.stdin.buffer.read())  # noqa: S301 - from our own parent process
    result = run(request["corpus"], batch_size=request["batch_size"],
                 cache=request["root"] or True, story=request["story"])
    counts = {k: result["stats"][k] for k in ("parsed", "docs_from_cache", "tables_computed")}
    sys.stdout.write(json.dumps(counts))


# ----------------------------------------------------------------------------- tables


def _tables(corpus: pd.DataFrame, texts, docs, store: TableStore | None, progress, stats,
            clock):
    """Claims and figures, article by article from ``store`` where it has them, the others
    computed in chunks from the Docs; assembled in corpus order. (claims and figures are
    imported only when something is computed: a warm run does not pay for their imports.)"""
    ids = corpus["article_id"].astype(str).tolist()
    parts: list = [None] * len(corpus)
    keys: list = [None] * len(corpus)
    if store is not None:
        with clock("cache"):
            parts, keys = _cached_parts(corpus, texts, store)
    missing = [i for i, part in enumerate(parts) if part is None]
    if missing:
        from helpers.claims.tagging import tag_claims
        from helpers.figures.extract import extract_figures
    with _bar(progress and bool(missing), len(missing), "claims & figures") as bar:
        for start in range(0, len(missing), TABLE_CHUNK):
            rows = missing[start : start + TABLE_CHUNK]
            sub = corpus.iloc[rows]
            sub_docs = [docs[i] for i in rows]
            found: list = []
            with clock("claims"):
                claims = tag_claims(sub, docs=sub_docs, mentions=found)
            with clock("figures"):
                figures = extract_figures(sub, docs=sub_docs, claims=claims)
            with clock("cache"):
                by_claims = _split(claims)
                by_figures = _split(figures)
                by_mentions = _split(_mentions_frame(found))
                for i in rows:
                    parts[i] = (by_claims.get(ids[i]), by_figures.get(ids[i]),
                                by_mentions.get(ids[i]))
                    if store is not None:
                        store.put("article-" + keys[i], parts[i])
            bar.update(len(rows))
    stats["tables_computed"] += len(missing)
    stats["tables_from_cache"] += len(corpus) - len(missing)
    with clock("cache"):
        return (_assemble([p[0] for p in parts], lambda: _empty_claims(corpus)),
                _assemble([p[1] for p in parts], lambda: _empty_figures(corpus)),
                _assemble([p[2] for p in parts], _empty_mentions),
                keys if store is not None else None)


def _cached_parts(corpus, texts, store: TableStore) -> tuple[list, list]:
    """Each row's key and its cached (claims, figures) rows, or None where there are none."""
    parts, keys = [], []
    for text, record in zip(texts, corpus.to_dict("records"), strict=True):
        keys.append(row_key(text_hash(text), record))
        cached = store.get("article-" + keys[-1])
        parts.append(cached if _valid_part(cached) else None)
    return parts, keys


def _empty_claims(corpus):
    from helpers.claims.tagging import tag_claims

    return tag_claims(corpus.iloc[:0], docs=[])


def _mentions_frame(rows: list) -> pd.DataFrame:
    from helpers.claims.story_actors import MENTION_COLUMNS

    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def _empty_mentions():
    return _mentions_frame([])


def _actors(claims, mentions, clock) -> pd.DataFrame:
    """The story's actors from the claims and the mentions of every article, registered for
    :func:`helpers.core.actors.origin_of` (before corroboration counts origins)."""
    from helpers.claims.story_actors import story_actors

    with clock("actors"):
        actors = story_actors(claims, mentions)
        register_found(actors)
    return actors


def _empty_figures(corpus):
    from helpers.figures.extract import extract_figures

    return extract_figures(corpus.iloc[:0], docs=[], claims=None)


def _reliability_tables(corpus, docs, claims, figures, story: Story, store, key, clock) -> dict:
    """``signals`` and ``corroboration``: they compare articles, so they are cached for the
    corpus as a whole (``key``: every row's key, in order, and the story's data), not article by
    article. (The reliability modules are imported only when something is computed.)"""
    if store is not None:
        with clock("cache"):
            cached = _cached_reliability(store, key)
        if cached is not None:
            return cached
    from helpers.figures.question import story_figures
    from helpers.reliability.corroborate import corroboration
    from helpers.reliability.signals import article_signals

    with clock("signals"):
        signals = article_signals(corpus, docs=docs, claims=claims)
    with clock("corroboration"):
        table = corroboration(story_figures(figures, story.question))
    out = {"signals": signals, "corroboration": table}
    if store is not None and key is not None:
        with clock("cache"):
            store.put(key, out)
    return out


def _corpus_key(row_keys, story: Story) -> str | None:
    """The cache key of the corpus-level tables: every row's key and the story's data files
    (its question decides which figures are corroborated)."""
    if row_keys is None:
        return None
    return "corpus-" + _digest_keys([*row_keys, files_digest(story.files())])


def _cached_reliability(store: TableStore, key: str) -> dict | None:
    cached = store.get(key)
    if (isinstance(cached, dict) and set(cached) == {"signals", "corroboration"}
            and all(isinstance(v, pd.DataFrame) for v in cached.values())):
        return cached
    return None


def _digest_keys(keys) -> str:
    return hashlib.sha256("\n".join(keys).encode()).hexdigest()[:16]


def _split(frame: pd.DataFrame) -> dict:
    """Rows of each article (keyed by ``str(article_id)``); articles without rows are absent."""
    if frame.empty:
        return {}
    return {key: part.reset_index(drop=True)
            for key, part in frame.groupby(frame["article_id"].astype(str), sort=False)}


def _valid_part(value) -> bool:
    return (isinstance(value, tuple) and len(value) == 3
            and all(v is None or isinstance(v, pd.DataFrame) for v in value))


def _assemble(parts: list, empty) -> pd.DataFrame:
    """Concatenate the articles' rows in order; ``empty()`` gives the typed empty table."""
    rows = [p for p in parts if p is not None and len(p)]
    if not rows:
        return empty()
    if len(rows) == 1:
        return rows[0].reset_index(drop=True)
    return pd.concat(rows, ignore_index=True)


def _tables_fingerprint(nlp) -> str:
    return f"{pipeline_fingerprint(nlp)}-{code_fingerprint()}-{story_fingerprint()}"


# ----------------------------------------------------------------------------- helpers


def _as_corpus(corpus) -> pd.DataFrame:
    if isinstance(corpus, str):
        return pd.DataFrame({"article_id": ["text"], "text": [corpus]})
    if not isinstance(corpus, pd.DataFrame) or not {"article_id", "text"} <= set(corpus.columns):
        raise TypeError("corpus must be a string or a DataFrame with 'article_id' and 'text'")
    ids = corpus["article_id"].astype(str)
    dupes = sorted(set(ids[ids.duplicated()]))
    if dupes:
        raise ValueError(f"article_id must be unique; repeated: {', '.join(dupes[:5])}")
    return corpus


if __name__ == "__main__":
    _main()
