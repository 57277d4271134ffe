"""helpers.pipeline.run: one parse per article, the disk cache, and the same tables either way.

Every test uses its own cache folder (``tmp_path``); nothing here measures time
(``benchmarks/speed.py`` does).
"""

import pickle
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from helpers.claims.tagging import tag_claims
from helpers.core import cache, nlp
from helpers.core.story import load_story
from helpers.figures.extract import extract_figures
from helpers.figures.question import story_figures
from helpers.pipeline import _Clock, run
from helpers.sources.corpus import load_corpus

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def seeds():
    return load_corpus()


@pytest.fixture(scope="module")
def fresh(seeds):
    """The seeds parsed the ordinary way, and their tables."""
    docs = nlp.parse_many(seeds["text"].tolist())
    claims = tag_claims(seeds, docs=docs)
    return docs, claims, extract_figures(seeds, docs=docs, claims=claims)


@pytest.fixture(scope="module")
def short(seeds):
    """The seeds cut to their first 600 characters or so: quick to parse, still real news."""
    def cut(text):
        end = text.find("\n", 600)
        return text if end < 0 else text[:end]

    return seeds.assign(text=seeds["text"].map(cut))


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_VAR, str(folder))
    return folder


@pytest.fixture
def parses(monkeypatch):
    """Count the texts the pipeline tokenizes (every parse, by ``nlp(...)`` or ``nlp.pipe``,
    starts with ``make_doc``); any other way to parse an article fails the test."""
    pipeline = nlp.get_nlp()
    seen = []
    make_doc = pipeline.make_doc

    def counting(text):
        seen.append(text)
        return make_doc(text)

    def forbidden(*args, **kwargs):
        raise AssertionError("parsed outside helpers.pipeline")

    monkeypatch.setattr(pipeline, "make_doc", counting)
    monkeypatch.setattr(nlp, "parse", forbidden)
    monkeypatch.setattr(nlp, "parse_many", forbidden)
    return seen


@pytest.fixture
def fake_reliability(monkeypatch):
    """Stand-ins for the reliability tables that record what they were given."""
    calls = {}

    def article_signals(corpus, docs=None, claims=None):
        calls["signals"] = (corpus, docs, claims)
        return pd.DataFrame({"article_id": corpus["article_id"], "n_docs": len(docs)})

    def corroboration(figures):
        calls["corroboration"] = figures
        return pd.DataFrame({"value": figures["value"].dropna().unique()})

    monkeypatch.setattr("helpers.reliability.signals.article_signals", article_signals)
    monkeypatch.setattr("helpers.reliability.corroborate.corroboration", corroboration)
    return calls


def _same_tables(a: dict, b: dict) -> None:
    assert set(a) == set(b)
    for key in ("claims", "figures", "signals", "corroboration"):
        if key in a:
            assert_frame_equal(a[key], b[key])


def _docs_equal(a, b) -> None:
    assert a.text == b.text
    assert [(s.start, s.end) for s in a.sents] == [(s.start, s.end) for s in b.sents]
    assert [(e.start, e.end, e.label_, e.ent_id_) for e in a.ents] == [
        (e.start, e.end, e.label_, e.ent_id_) for e in b.ents]
    assert [(t.text, t.whitespace_, t.lemma_, t.pos_, t.tag_, str(t.morph), t.dep_, t.head.i,
             t.is_sent_start, t.ent_iob_) for t in a] == [
        (t.text, t.whitespace_, t.lemma_, t.pos_, t.tag_, str(t.morph), t.dep_, t.head.i,
         t.is_sent_start, t.ent_iob_) for t in b]


# ----------------------------------------------------------------------------- one parse


def test_each_article_is_parsed_once_and_every_table_uses_those_docs(
        seeds, fresh, parses, fake_reliability):
    result = run(seeds, cache=False)

    assert sorted(parses) == sorted(nlp.normalise(t) for t in seeds["text"])
    assert result["stats"]["parsed"] == len(seeds)
    assert set(result) >= {"corpus", "docs", "claims", "figures", "signals", "corroboration"}
    assert result["corpus"] is seeds
    assert [d.text for d in result["docs"]] == [nlp.normalise(t) for t in seeds["text"]]
    corpus, docs, claims = fake_reliability["signals"]
    assert corpus is seeds and docs is result["docs"] and claims is result["claims"]
    # corroboration compares the figures answering the story's question, as notebook 04 does
    assert_frame_equal(fake_reliability["corroboration"], story_figures(result["figures"]))

    _, claims, figures = fresh
    assert_frame_equal(result["claims"], claims)
    assert_frame_equal(result["figures"], figures)


def test_the_same_text_twice_is_parsed_once(seeds, parses):
    text = seeds["text"].iloc[1]
    corpus = pd.DataFrame({"article_id": ["a", "b"], "text": [text, text]})
    result = run(corpus, cache=False)
    assert len(parses) == 1
    assert result["docs"][0] is result["docs"][1]
    assert list(result["claims"]["article_id"].unique()) == ["a", "b"]


def test_a_plain_string_is_one_article():
    result = run("Selon Kiev, environ 3 000 soldats nord-coréens auraient été tués.", cache=False)
    assert list(result["claims"]["article_id"].unique()) == ["text"]
    assert result["figures"]["value"].tolist() == [3000.0]


def test_empty_corpus(parses):
    result = run(pd.DataFrame({"article_id": [], "text": []}), cache=False)
    assert parses == [] and result["docs"] == []
    assert result["claims"].empty and result["figures"].empty
    assert list(result["claims"].columns) == list(tag_claims("x", docs=[nlp.get_nlp()("x")]))
    assert "value" in result["figures"].columns


def test_repeated_article_ids_are_refused(seeds):
    corpus = pd.concat([seeds.iloc[:1], seeds.iloc[:1]])
    with pytest.raises(ValueError, match="unique"):
        run(corpus, cache=False)


def test_two_processes_give_the_same_tables(short):
    small = short.iloc[:3]
    one = run(small, n_process=1, batch_size=1, cache=False)
    two = run(small, n_process=2, batch_size=1, cache=False)
    _same_tables(one, two)
    for a, b in zip(one["docs"], two["docs"], strict=True):
        _docs_equal(a, b)


def test_progress_bars_do_not_change_the_result(short, capsys):
    quiet = run(short.iloc[:2], cache=False)
    shown = run(short.iloc[:2], cache=False, progress=True)
    _same_tables(quiet, shown)
    assert "parsing" in capsys.readouterr().err


# ----------------------------------------------------------------------------- the cache


def test_a_warm_cache_parses_nothing_and_gives_identical_tables(seeds, fresh, cache_dir,
                                                                 parses):
    cold = run(seeds)  # cache=True: $KURSK_CACHE_DIR
    assert len(parses) == len(seeds)
    assert list((cache_dir / "docs").glob("*/*.spacy"))
    assert list((cache_dir / "tables").glob("*/*.json"))

    parses.clear()
    warm = run(seeds)
    assert parses == []
    assert warm["stats"]["docs_from_cache"] == len(seeds)
    assert warm["stats"]["tables_from_cache"] == len(seeds)
    _same_tables(cold, warm)
    _, claims, figures = fresh
    assert_frame_equal(warm["claims"], claims)
    assert_frame_equal(warm["figures"], figures)
    for a, b in zip(fresh[0], warm["docs"], strict=True):
        _docs_equal(a, b)


def test_a_new_kernel_reads_cached_tables_without_loading_the_model(short, tmp_path):
    small = short.iloc[:2]
    cold = run(small, cache=tmp_path)
    script = (
        "import pickle, sys\n"
        "from helpers.core.nlp import get_nlp\n"
        "from helpers.pipeline import run\n"
        "corpus = pickle.loads(sys.stdin.buffer.read())\n"
        f"result = run(corpus, cache={str(tmp_path)!r})\n"
        "loaded = get_nlp.cache_info().currsize\n"
        "tables = {k: result[k] for k in ('claims', 'figures', 'signals', 'corroboration')}\n"
        "sys.stdout.buffer.write(pickle.dumps((loaded, len(result['docs']), tables)))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], input=pickle.dumps(small),
                         capture_output=True, check=True, cwd=ROOT).stdout
    loaded, n_docs, tables = pickle.loads(out)
    assert loaded == 0 and n_docs == len(small)
    for key, table in tables.items():
        assert_frame_equal(cold[key], table)


def test_docs_of_a_cache_only_run_are_read_when_first_used(short, tmp_path, parses):
    from helpers.pipeline import LazyDocs, _from_tables_alone

    small = short.iloc[:2]
    cold = run(small, cache=tmp_path)
    parses.clear()
    texts = small["text"].tolist()
    stats = {"seconds": {}, "cpu_seconds": {}}
    warm = _from_tables_alone(small, texts, tmp_path, stats, _Clock(stats), load_story(), {})
    assert isinstance(warm["docs"], LazyDocs) and "not read yet" in repr(warm["docs"])
    _same_tables(cold, warm)
    assert stats["tables_from_cache"] == len(small)
    for a, b in zip(cold["docs"], warm["docs"], strict=True):
        _docs_equal(a, b)
    assert parses == []  # read from the Doc cache, not parsed
    assert len(warm["docs"]) == 2 and list(warm["docs"]) == warm["docs"]


def test_a_missing_table_means_the_ordinary_run(short, tmp_path):
    from helpers.pipeline import _from_tables_alone

    run(short.iloc[:2], cache=tmp_path)
    stats = {"seconds": {}, "cpu_seconds": {}}
    three = short.iloc[:3]
    texts, story = three["text"].tolist(), load_story()
    assert _from_tables_alone(three, texts, tmp_path, stats, _Clock(stats), story, {}) is None
    assert _from_tables_alone(three, texts, tmp_path / "empty", stats, _Clock(stats), story,
                              {}) is None


def test_signals_are_cached_for_the_corpus_as_a_whole(short, tmp_path, fake_reliability):
    small = short.iloc[:2]
    first = run(small, cache=tmp_path)
    fake_reliability.clear()
    again = run(small, cache=tmp_path)
    assert fake_reliability == {}  # neither signals nor corroboration computed again
    _same_tables(first, again)
    run(short.iloc[:3], cache=tmp_path)  # another corpus: computed for it
    assert len(fake_reliability["signals"][0]) == 3


def test_docs_read_back_from_the_cache_tag_the_same_claims_and_figures(seeds, fresh, tmp_path):
    pipeline = nlp.get_nlp()
    store = cache.DocStore(pipeline, tmp_path)
    texts = [nlp.normalise(t) for t in seeds["text"]]
    for text, doc in zip(texts, fresh[0], strict=True):
        store.put(nlp.text_hash(text), doc)
    restored = [store.get(nlp.text_hash(t), t) for t in texts]
    assert all(d is not None and d.vocab is pipeline.vocab for d in restored)
    for a, b in zip(fresh[0], restored, strict=True):
        _docs_equal(a, b)
    claims = tag_claims(seeds, docs=restored)
    assert_frame_equal(claims, fresh[1])
    assert_frame_equal(extract_figures(seeds, docs=restored, claims=claims), fresh[2])


def test_a_changed_text_is_parsed_again_and_only_it(short, tmp_path, parses):
    run(short, cache=tmp_path)
    changed = short.copy()
    changed.loc[2, "text"] = re.sub(r"1\s500", "2 500", changed.loc[2, "text"])
    assert changed.loc[2, "text"] != short.loc[2, "text"]
    parses.clear()
    result = run(changed, cache=tmp_path)
    assert parses == [nlp.normalise(changed.loc[2, "text"])]
    assert result["stats"]["tables_computed"] == 1
    assert_frame_equal(result["claims"], tag_claims(changed, docs=result["docs"]))
    assert 2500.0 in result["figures"]["value"].tolist()


def test_a_changed_date_recomputes_the_tables_not_the_parse(short, tmp_path, parses):
    run(short, cache=tmp_path)
    changed = short.copy()
    changed["published"] = pd.Timestamp("2024-12-01")
    parses.clear()
    result = run(changed, cache=tmp_path)
    assert parses == []
    assert result["stats"]["tables_computed"] == len(short)


def _edited_input(monkeypatch, tmp_path, name: str, edit) -> None:
    """Make the Doc fingerprint read an edited copy of the input file called ``name``."""
    inputs = cache.doc_inputs()
    original = next(p for p in inputs if p.name == name and p.is_file())
    edited = tmp_path / name
    edited.write_text(edit(original.read_text(encoding="utf-8")), encoding="utf-8")
    monkeypatch.setattr(cache, "doc_inputs", lambda: [edited if p == original else p
                                                      for p in inputs])


def test_the_fingerprint_names_model_pipes_and_the_ruler_lexicon(tmp_path, monkeypatch):
    pipeline = nlp.get_nlp()
    base = cache.fingerprint(pipeline)
    assert cache.fingerprint(pipeline) == base
    assert not any(p.name == "actors.csv" for p in cache.doc_inputs())  # no story in a Doc

    _edited_input(monkeypatch, tmp_path, "french_actors.csv",
                  lambda text: text + "Nouvel Organisme,,institution,Nouvel Organisme,,m,s,\n")
    assert cache.fingerprint(pipeline) != base
    monkeypatch.undo()

    _edited_input(monkeypatch, tmp_path, "entity_fixes.csv", lambda text: text + "Koursk,LOC\n")
    assert cache.fingerprint(pipeline) != base
    monkeypatch.undo()

    monkeypatch.setitem(pipeline.meta, "version", "9.9.9")
    assert cache.fingerprint(pipeline) != base
    monkeypatch.undo()
    assert cache.fingerprint(pipeline) == base


@pytest.mark.parametrize("change", ["model version", "ruler lexicon"])
def test_a_changed_fingerprint_parses_everything_again(short, tmp_path, monkeypatch, parses,
                                                       change):
    small = short.iloc[:2]
    run(small, cache=tmp_path)
    parses.clear()
    monkeypatch.setattr(cache, "_PIPELINE_FINGERPRINTS", {})  # as in a new kernel
    if change == "model version":
        monkeypatch.setitem(nlp.get_nlp().meta, "version", "3.8.1")
    else:
        _edited_input(monkeypatch, tmp_path, "french_actors.csv",
                      lambda text: text.replace("Place Beauvau|", "Place Beauvau|Beauvau-Craon|"))
    result = run(small, cache=tmp_path)
    assert len(parses) == len(small)
    assert result["stats"]["tables_computed"] == len(small)
    assert len(list((tmp_path / "docs").iterdir())) == 2  # old and new fingerprint


def test_the_fingerprint_is_taken_once_per_loaded_pipeline(monkeypatch, tmp_path):
    monkeypatch.setattr(cache, "_PIPELINE_FINGERPRINTS", {})
    pipeline = nlp.get_nlp()
    first = cache.pipeline_fingerprint(pipeline)
    _edited_input(monkeypatch, tmp_path, "french_actors.csv",
                  lambda _: "changed on disk while the kernel runs")
    assert cache.pipeline_fingerprint(pipeline) == first  # the loaded ruler has not changed


def test_the_story_in_use_keys_the_tables_not_the_docs(short, tmp_path, parses):
    """Another story (its own actors.csv) or a learner's correction recomputes the tables, and
    reads the same parses: no story is in a Doc."""
    from helpers.core import workspace
    from helpers.core.actors import save_corrections
    from helpers.core.story import story_in_use

    small = short.iloc[:2].copy()
    small.attrs = {}  # not loaded from a folder: the story in use is the one set below
    run(small, cache=tmp_path / "cache")
    story = tmp_path / "story"
    story.mkdir()
    (story / "actors.csv").write_text(
        "canonical,aliases,kind,side,gender,number,label,speaks_for\n"
        "Nouvel Acteur,Nouvel Acteur,person,other,m,s,PER,\n", encoding="utf-8")
    parses.clear()
    with story_in_use(story):
        result = run(small, cache=tmp_path / "cache")
        assert parses == [] and result["stats"]["tables_computed"] == len(small)
        workspace.set_root(tmp_path / "work")
        try:
            save_corrections(pd.DataFrame([{"name": "GUR", "kind": "institution",
                                            "affiliation": "Ukraine", "same_as": ""}]))
            again = run(small, cache=tmp_path / "cache")
        finally:
            workspace.set_root(None)
        assert parses == [] and again["stats"]["tables_computed"] == len(small)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty"])
def test_a_corrupt_cache_entry_is_parsed_again_without_error(short, tmp_path, parses, damage):
    small = short.iloc[:2]
    cold = run(small, cache=tmp_path)
    entries = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len([p for p in entries if p.suffix == ".spacy"]) == 2
    assert len([p for p in entries if p.name.startswith("article-")]) == 2
    for path in entries:
        data = path.read_bytes()
        path.write_bytes({"garbage": b"\x00not a cache entry" * 10,
                          "truncated": data[: len(data) // 2], "empty": b""}[damage])
    parses.clear()
    again = run(small, cache=tmp_path)
    assert len(parses) == len(small)
    _same_tables(cold, again)
    parses.clear()
    run(small, cache=tmp_path)  # the entries were rewritten
    assert parses == []


def test_an_entry_for_another_text_under_the_same_key_is_ignored(tmp_path):
    pipeline = nlp.get_nlp()
    store = cache.DocStore(pipeline, tmp_path)
    store.put("somekey", pipeline("Un autre texte."))
    assert store.get("somekey", "Un texte.") is None
    assert store.get("somekey", "Un autre texte.") is not None


def test_an_unwritable_cache_folder_only_turns_the_cache_off(short, tmp_path, parses):
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file where the cache folder should be")
    result = run(short.iloc[:2], cache=blocker)
    assert len(parses) == 2 and len(result["claims"])
    assert blocker.read_text() == "a file where the cache folder should be"


def test_no_temporary_files_are_left_behind(short, tmp_path):
    run(short.iloc[:2], cache=tmp_path)
    assert not [p for p in tmp_path.rglob("*.tmp")]


def test_clear_removes_the_cache(short, tmp_path, parses):
    run(short.iloc[:1], cache=tmp_path)
    cache.clear(tmp_path)
    parses.clear()
    run(short.iloc[:1], cache=tmp_path)
    assert len(parses) == 1


# ----------------------------------------------------------------------------- parsing elsewhere
# A notebook kernel (setup_notebook) parses in a subprocess, so that six open notebooks fit a
# Binder user's memory (benchmarks/notebooks.py --all-open). Each test runs in a fresh process:
# this one has usually loaded the model already, and then parses in place.

_KERNEL = (
    "import pickle, sys\n"
    "from helpers.core import nlp\n"
    "from helpers.pipeline import run\n"
    "nlp.parse_elsewhere()\n"
    "corpus, cache = pickle.loads(sys.stdin.buffer.read())\n"
)


def _as_kernel(script: str, payload):
    out = subprocess.run([sys.executable, "-c", _KERNEL + script], input=pickle.dumps(payload),
                         capture_output=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr.decode()[-2000:]
    return pickle.loads(out.stdout)


def test_a_kernel_that_parses_elsewhere_gets_the_same_tables_without_the_model(short, tmp_path):
    small = short.iloc[:2]
    here = run(small, cache=False)
    loaded, stats, tables, ents = _as_kernel(
        "result = run(corpus, cache=cache)\n"
        "tables = {k: result[k] for k in ('claims', 'figures', 'signals', 'corroboration')}\n"
        "ents = [[(e.text, e.label_) for e in d.ents] for d in result['docs']]\n"
        "out = (nlp.model_loaded(), result['stats'], tables, ents)\n"
        "sys.stdout.buffer.write(pickle.dumps(out))\n", (small, tmp_path))
    assert not loaded  # the subprocess parsed and tagged; this kernel never loaded the model
    assert stats["parsed"] == 2 and stats["tables_computed"] == 2
    for key, table in tables.items():
        assert_frame_equal(here[key], table)
    assert ents == [[(e.text, e.label_) for e in d.ents] for d in here["docs"]]
    # and the cache it filled serves the ordinary way too
    warm = run(small, cache=tmp_path)
    assert warm["stats"]["parsed"] == 0
    _same_tables(here, warm)


def test_without_a_cache_the_docs_come_from_a_subprocess_and_the_tables_from_here(short):
    small = short.iloc[:2]
    here = run(small, cache=False)
    loaded, tables = _as_kernel(
        "result = run(corpus, cache=False)\n"
        "tables = {k: result[k] for k in ('claims', 'figures', 'signals', 'corroboration')}\n"
        "sys.stdout.buffer.write(pickle.dumps((nlp.model_loaded(), tables)))\n", (small, None))
    assert not loaded
    for key, table in tables.items():
        assert_frame_equal(here[key], table)


def test_docs_read_with_a_blank_vocab_have_the_models_lexical_attributes(short):
    text = short["text"].iloc[0]
    here = nlp.parse(text)
    loaded, rows = _as_kernel(
        "doc = nlp.parse(corpus)\n"
        "rows = [(t.text, t.is_stop, t.like_num, t.is_alpha, t.is_title, t.lemma_) for t in doc]\n"
        "sys.stdout.buffer.write(pickle.dumps((nlp.model_loaded(), rows)))\n", (text, None))
    assert not loaded
    assert rows == [(t.text, t.is_stop, t.like_num, t.is_alpha, t.is_title, t.lemma_)
                    for t in here]


def test_a_failing_subprocess_falls_back_to_parsing_here_with_a_warning(monkeypatch):
    monkeypatch.setattr(nlp, "parses_elsewhere", lambda: True)

    def broken(texts, batch_size=16):
        raise nlp.ParseWorkerError("the parsing subprocess failed: out of memory")

    monkeypatch.setattr(nlp, "parse_in_subprocess", broken)
    with pytest.warns(RuntimeWarning, match="out of memory; parsing in this kernel instead"):
        docs = nlp.parse_many(["Le maire a déclaré que tout allait bien."])
    assert docs[0][1].text == "maire"


def test_setup_notebook_turns_parsing_elsewhere_on(monkeypatch):
    from helpers.display.notebook import setup_notebook

    monkeypatch.setitem(nlp._ELSEWHERE, "on", False)
    setup_notebook()
    assert nlp._ELSEWHERE["on"] is True
