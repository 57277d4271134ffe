"""The whole investigation from one parse of each article.

>>> result = run(load_corpus())
>>> result["claims"]          # helpers.claims.tag_claims, from the same Docs
>>> result["figures"]         # helpers.figures.extract_figures, from the same Docs and claims
>>> result["signals"]         # helpers.reliability.article_signals (when that module exists)
>>> result["actors"]          # helpers.claims.story_actors: the story's actors, found in the text

``run`` parses each distinct text once with ``nlp.pipe`` (in batches; ``n_process`` spreads a large
corpus over several processes) and hands the same ``Doc`` objects to every step: claims and
figures (and the reliability signals) never parse again. Results are cached on disk
(:mod:`helpers.core.cache`): reopening a notebook reads the Docs and each article's tables back
instead of parsing, and a changed text, model, actor table or helper module is computed afresh.
In a new kernel whose tables are all cached, ``run`` does not even load the model (a few
seconds): ``docs`` is then a :class:`LazyDocs`, read from the cache when first used.

The Docs that ``run`` returns carry no ``doc.tensor`` (the model's internal word vectors, 96 floats
a token; nothing in the course reads them): a thousand articles stay a few hundred MB lighter,
and a Doc read from the cache is the same as a freshly parsed one.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy
import pandas as pd

from helpers.core.actors import register_found
from helpers.core.cache import (
    DocStore,
    TableStore,
    code_fingerprint,
    known_fingerprint,
    pipeline_fingerprint,
    pipeline_key,
    remember_fingerprint,
    row_key,
    story_fingerprint,
)
from helpers.core.nlp import get_nlp, normalise, text_hash
from helpers.core.story import story_of, use_story

__all__ = ["DEFAULT_BATCH_SIZE", "parse_corpus", "run"]

#: Texts per ``nlp.pipe`` batch. Parsing memory grows with it (seed-sized articles, ~3 500
#: characters: about +75 MB at 8, +160 MB at 16, +340 MB at 32) and speed hardly does.
DEFAULT_BATCH_SIZE = 8
#: Articles per call of ``tag_claims``/``extract_figures`` when their tables are computed (one
#: progress-bar step; the tables do not depend on it).
TABLE_CHUNK = 64
_NO_TENSOR = numpy.zeros((0,), dtype="float32")


def run(corpus, n_process: int = 1, batch_size: int = DEFAULT_BATCH_SIZE, cache=True,
        progress: bool = False) -> dict:
    """Parse ``corpus`` once and return every table of the investigation.

    - ``corpus``: a DataFrame with ``article_id`` (unique) and ``text``, e.g. ``load_corpus()``,
      or a plain string (its ``article_id`` is ``"text"``).
    - ``n_process``: processes for parsing (``-1``: one per CPU); worth it from a few hundred
      articles, never more than there are batches to parse.
    - ``batch_size``: texts per ``nlp.pipe`` batch.
    - ``cache``: ``True`` (``$KURSK_CACHE_DIR`` or ``.cache/``), ``False``, or a folder.
    - ``progress``: show progress bars (``tqdm.auto``: a widget in JupyterLab, text elsewhere)
      while parsing and tagging; nothing is shown when everything comes from the cache.

    The story analysed is the one the corpus was loaded from (``load_corpus`` records its
    folder): from then on its actors and sides are the ones in use
    (:func:`helpers.core.story.use_story`), and the actors found in its text are registered
    (:func:`helpers.core.actors.register_found`) for :func:`helpers.core.actors.origin_of`.

    Returns a dict: ``corpus`` (as given), ``docs`` (one Doc per row, in order; a
    :class:`LazyDocs` when every table came from the cache before the model was loaded), ``claims``,
    ``figures``, ``actors`` (:func:`helpers.claims.story_actors.story_actors`) and, when
    :mod:`helpers.reliability` exists, ``signals`` and ``corroboration``;
    ``stats`` counts what was parsed and what came from the cache, with the wall and CPU time
    of each step (``docs``, ``claims``, ``figures``, ``signals``, ``corroboration``, and
    ``cache`` for reading and writing tables) in ``stats["seconds"]`` and
    ``stats["cpu_seconds"]``.
    """
    corpus = _as_corpus(corpus)
    if story_of(corpus) is not None:
        use_story(story_of(corpus))
    root = None if cache is True or cache is False or cache is None else Path(cache)
    use_cache = cache is not False and cache is not None
    stats = {"articles": len(corpus), "parsed": 0, "docs_from_cache": 0,
             "tables_computed": 0, "tables_from_cache": 0, "seconds": {}, "cpu_seconds": {}}
    clock = _Clock(stats)
    texts = corpus["text"].fillna("").astype(str).tolist()
    if use_cache and get_nlp.cache_info().currsize == 0 and len(corpus):
        # A new kernel: when every table is cached, answer without loading the model.
        result = _from_tables_alone(corpus, texts, root, stats, clock,
                                    dict(n_process=n_process, batch_size=batch_size))
        if result is not None:
            return result
    nlp = get_nlp()
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
    if _has_reliability():
        result.update(_reliability_tables(corpus, docs, claims, figures, tables, row_keys,
                                          clock))
    result["stats"] = stats
    return result


def _from_tables_alone(corpus, texts, root, stats, clock, parse_options) -> dict | None:
    """Every table of ``corpus`` from the cache, the model not loaded, or None when one is
    missing. ``docs`` is then a :class:`LazyDocs`: the Docs are read (loading the model) the
    first time one is used."""
    with clock("cache"):
        known = known_fingerprint(pipeline_key(), root)
        if known is None:
            return None
        store = TableStore(f"{known}-{code_fingerprint()}-{story_fingerprint()}", root)
        parts, keys = _cached_parts(corpus, texts, store)
        if any(part is None for part in parts):
            return None
        reliability: dict = {}
        if _has_reliability():
            reliability = _cached_reliability(store, keys)
            if reliability is None:
                return None
        claims = _assemble([p[0] for p in parts], lambda: _empty_claims(corpus))
        figures = _assemble([p[1] for p in parts], lambda: _empty_figures(corpus))
        mentions = _assemble([p[2] for p in parts], _empty_mentions)
    actors = _actors(claims, mentions, clock)
    stats["tables_from_cache"] = len(corpus)
    docs = LazyDocs(lambda: parse_corpus(texts, store=DocStore(get_nlp(), root),
                                         **parse_options), len(texts))
    return {"corpus": corpus, "docs": docs, "claims": claims, "figures": figures,
            "actors": actors, **reliability, "stats": stats}


class LazyDocs(Sequence):
    """The Docs of a run whose tables all came from the cache, read from the Doc cache (which
    loads the model, a few seconds) the first time one is used; a list otherwise."""

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
    ``nlp.pipe``, or read from ``store``; newly parsed Docs are written to ``store``."""
    nlp = get_nlp()
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
            pipe = nlp.pipe((unique[k] for k in missing), batch_size=batch_size,
                            n_process=procs)
            for key, doc in zip(missing, pipe, strict=True):
                doc.tensor = _NO_TENSOR
                found[key] = doc
                if store is not None:
                    store.put(key, doc)
                bar.update(1)
    if stats is not None:
        stats["parsed"] += len(missing)
        stats["docs_from_cache"] += len(unique) - len(missing)
    return [found[k] for k in keys]


def _cpu_count() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


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


def _reliability_tables(corpus, docs, claims, figures, store, row_keys, clock) -> dict:
    """``signals`` and ``corroboration``: they compare articles, so they are cached for the
    corpus as a whole (every row's key, in order), not article by article."""
    if store is not None:
        with clock("cache"):
            cached = _cached_reliability(store, row_keys)
        if cached is not None:
            return cached
    reliability = _reliability()
    if reliability is None:
        return {}
    with clock("signals"):
        signals = reliability.article_signals(corpus, docs=docs, claims=claims)
    with clock("corroboration"):
        corroboration = reliability.corroboration(figures)
    out = {"signals": signals, "corroboration": corroboration}
    if store is not None:
        with clock("cache"):
            store.put(_corpus_key(row_keys), out)
    return out


def _corpus_key(row_keys) -> str:
    return "corpus-" + _digest_keys(row_keys)


def _cached_reliability(store: TableStore, row_keys) -> dict | None:
    cached = store.get(_corpus_key(row_keys))
    if (isinstance(cached, dict) and set(cached) == {"signals", "corroboration"}
            and all(isinstance(v, pd.DataFrame) for v in cached.values())):
        return cached
    return None


def _digest_keys(keys) -> str:
    import hashlib

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


def _has_reliability() -> bool:
    """Does :mod:`helpers.reliability` exist (it is optional for this layer)? Found without
    importing it, so that a warm run reads its cached tables without the import."""
    import importlib.util
    import sys

    if "helpers.reliability" in sys.modules:
        return sys.modules["helpers.reliability"] is not None
    return importlib.util.find_spec("helpers.reliability") is not None


def _reliability():
    """:mod:`helpers.reliability` when it exists, else None."""
    import importlib

    try:
        return importlib.import_module("helpers.reliability")
    except ModuleNotFoundError as err:
        if err.name != "helpers.reliability":
            raise
        return None


class _Clock:
    """``with clock("step"):`` adds the block's wall and CPU time to ``stats``."""

    def __init__(self, stats: dict):
        self.wall, self.cpu = stats["seconds"], stats["cpu_seconds"]

    @contextmanager
    def __call__(self, name: str):
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.wall[name] = self.wall.get(name, 0.0) + time.perf_counter() - wall
            self.cpu[name] = self.cpu.get(name, 0.0) + time.process_time() - cpu


class _NoBar:
    def update(self, n=1):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _bar(show: bool, total: int, desc: str):
    if not show or total <= 0:
        return _NoBar()
    try:
        from tqdm.auto import tqdm
    except ImportError:  # progress bars are a comfort, not a requirement
        return _NoBar()
    return tqdm(total=total, desc=desc, unit="article")
