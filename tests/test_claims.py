"""helpers.claims.tag_claims: the table's contract, each attribution pattern of issue #3, and the
accuracy reached on the two hand-annotated sets (held with a small margin)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.claims.attribution import quote_mask
from helpers.claims.tagging import COLUMNS, tag_claims
from helpers.core.nlp import parse, parse_many, sentences

ROOT = Path(__file__).resolve().parents[1]
API = ["article_id", "sentence_id", "sentence", "speaker", "speaker_kind", "cue", "quoted",
       "hedged", "hedges"]
KINDS = {"person", "institution", "media", "anonymous", ""}


def _benchmark():
    spec = importlib.util.spec_from_file_location("claims_accuracy",
                                                  ROOT / "benchmarks" / "claims_accuracy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench():
    return _benchmark()


@pytest.fixture(scope="module")
def seeds(bench):
    corpus = bench.seed_corpus()
    docs = parse_many(corpus["text"].tolist())
    return corpus, docs, tag_claims(corpus, docs=docs)


def claim(text: str) -> pd.Series:
    """The tags of the last sentence of ``text`` (earlier sentences give context)."""
    return tag_claims(text).iloc[-1]


# ----------------------------------------------------------------------------- the contract


def test_columns_and_types(seeds):
    _, _, table = seeds
    assert list(table.columns[: len(API)]) == API
    assert list(table.columns) == COLUMNS
    assert table["quoted"].map(type).eq(bool).all()
    assert table["hedged"].map(type).eq(bool).all()
    assert table["hedges"].map(lambda h: isinstance(h, list)).all()
    assert set(table["speaker_kind"]) <= KINDS
    assert (table["hedged"] == table["hedges"].map(bool)).all()
    silent = table[table["speaker"] == ""]
    assert silent["speaker_kind"].eq("").all() and silent["cue"].eq("").all()


def test_one_row_per_sentence_in_order(seeds):
    corpus, docs, table = seeds
    for article_id, doc in zip(corpus["article_id"], docs, strict=True):
        rows = table[table["article_id"] == article_id]
        sents = sentences(doc)
        assert rows["sentence_id"].tolist() == list(range(len(sents)))
        assert rows["sentence"].tolist() == [s.text.strip() for s in sents]
        for r in rows.itertuples():
            assert doc.text[r.start_char : r.end_char] == r.sentence


def test_a_plain_string_is_one_article():
    table = tag_claims("Selon Kiev, 30 soldats auraient été tués. Les combats continuent.")
    assert set(table["article_id"]) == {"text"}
    assert len(table) == 2


def test_given_docs_are_not_parsed_again(monkeypatch):
    corpus = pd.DataFrame({"article_id": ["a"], "text": ["Selon le GUR, l'unité aurait fui."]})
    docs = parse_many(corpus["text"])
    before = [(e.text, e.label_) for e in docs[0].ents]

    def no_parsing(*args, **kwargs):
        raise AssertionError("tag_claims parsed the text again")

    monkeypatch.setattr("helpers.nlp.parse_many", no_parsing)
    monkeypatch.setattr("helpers.nlp.parse", no_parsing)
    table = tag_claims(corpus, docs=docs)
    assert table.loc[0, "speaker"] == "GUR"
    assert [(e.text, e.label_) for e in docs[0].ents] == before  # the Doc is left as it was


def test_bad_input_is_refused_clearly():
    with pytest.raises(TypeError, match="article_id"):
        tag_claims(pd.DataFrame({"body": ["x"]}))
    corpus = pd.DataFrame({"article_id": ["a", "b"], "text": ["Un.", "Deux."]})
    with pytest.raises(ValueError, match="one Doc per row"):
        tag_claims(corpus, docs=parse_many(["Un."]))


def test_empty_inputs():
    empty = tag_claims(pd.DataFrame({"article_id": [], "text": []}))
    assert list(empty.columns) == COLUMNS and empty.empty
    assert tag_claims("").empty
    assert tag_claims("   \n\n ").empty


def test_headline_sentence_is_whole_and_attributed(seeds):
    _, _, table = seeds
    first = table[table["article_id"] == "001_9525bc5489a9129d"].iloc[0]
    assert first["sentence"].startswith("Selon Washington, jusqu'à 8 000 soldats")
    assert first["speaker"] == "États-Unis" and first["hedged"]


def test_pieces_of_a_broken_quote_share_one_claim(seeds):
    """001 leaves "« , a-t-il ensuite précisé." on its own after doubled quote marks: it belongs
    to the sentence before it."""
    _, _, table = seeds
    rows = table[table["article_id"] == "001_9525bc5489a9129d"]
    tail = rows[rows["sentence"].str.startswith("« , a-t-il ensuite précisé")].iloc[0]
    before = rows[rows["sentence_id"] == tail["sentence_id"] - 1].iloc[0]
    assert tail["claim_id"] == before["claim_id"]
    assert tail["speaker"] == before["speaker"] == "Antony Blinken"


# ----------------------------------------------------------------------------- attribution


@pytest.mark.parametrize("text, speaker, cue", [
    ("Le GUR a déclaré que 30 soldats avaient été tués.", "GUR", "déclarer"),
    ("Kyiv affirme avoir combattu les troupes nord-coréennes.", "Ukraine", "affirmer"),
    ("Des soldats ont été tués, a indiqué lundi un responsable ukrainien.",
     "responsable ukrainien", "indiquer"),
    ("« Ils sont mal équipés », a souligné le Pentagone.", "Pentagone", "souligner"),
    ("“Nous avons des preuves”» a alors déclaré Mark Rutte.", "Mark Rutte", "déclarer"),
    ("Selon Washington, 8 000 soldats ont été déployés.", "États-Unis", "selon"),
    ("8 000 soldats ont été déployés, selon Washington.", "États-Unis", "selon"),
    ("D'après le GUR, les pertes sont lourdes.", "GUR", "d'après"),
    ("Les pertes sont lourdes, d'après le GUR.", "GUR", "d'après"),
    ("« Une menace importante », selon la Corée du Sud", "Corée du Sud", "selon"),
    ("Les militaires de Kiev auraient tiré, comme l'affirme Andriï Kovalenko.", "Andriï Kovalenko",
     "affirmer"),
    ("Des soldats ont été repérés, citant des sources militaires ukrainiennes.",
     "sources militaires ukrainiennes", "citant"),
    ("Citant le renseignement américain, Antony Blinken a indiqué que 8 000 soldats étaient là.",
     "Antony Blinken", "indiquer"),
    ("Un déploiement confirmé par les Occidentaux.", "Occidentaux", "confirmer"),
    ("Ces pertes, si l'on en croit le GUR, seraient lourdes.", "GUR", "si l'on en croit"),
])
def test_attribution_patterns(text, speaker, cue):
    row = claim(text)
    assert (row["speaker"], row["cue"]) == (speaker, cue)


@pytest.mark.parametrize("text, speaker", [
    ("Volodymyr Zelensky a parlé lundi. « Nous tiendrons », a-t-il ajouté.", "Volodymyr Zelensky"),
    ("Pat Ryder a parlé lundi. « C'est sérieux », ajoute-t-il.", "Pat Ryder"),
    ("Volodymyr Zelensky a déclaré que l'offensive continuait. Selon lui, 11 000 soldats sont là.",
     "Volodymyr Zelensky"),
    ("Les services de renseignement militaire ukrainien ont déclaré que 30 soldats avaient été "
     "tués. Selon eux, les pertes sont lourdes.", "GUR"),
    # agreement is relaxed on number when nothing agrees: a body is often "they"
    ("Le GUR a déclaré que 30 soldats avaient été tués. Selon eux, les pertes sont lourdes.",
     "GUR"),
    # "elle" is Séoul, the subject just before, not Choe Son-hui, the speaker before that
    ("Choe Son-hui a promis son soutien. Séoul a convoqué l'ambassadeur de Russie. "
     "Elle a également prévenu qu'elle enverrait des armes.", "Corée du Sud"),
    ("Une vidéo montre un soldat russe capturé par les forces ukrainiennes. Le soldat a déclaré "
     "que son unité avait fui.", "soldat russe capturé"),
])
def test_references_to_an_earlier_speaker(text, speaker):
    assert claim(text)["speaker"] == speaker


@pytest.mark.parametrize("text, speaker", [
    ("Le président ukrainien a déclaré que la situation était grave.", "Volodymyr Zelensky"),
    ("Volodymyr Zelenskiy a déclaré que la situation était grave.", "Volodymyr Zelensky"),
    ("Le GUR a déclaré que la situation était grave.", "GUR"),
    ("L'agence de renseignement militaire ukrainienne a déclaré que c'était grave.", "GUR"),
    ("Les services de renseignement militaire ukrainien ont déclaré que c'était grave.", "GUR"),
])
def test_aliases_are_canonicalised(text, speaker):
    assert claim(text)["speaker"] == speaker


@pytest.mark.parametrize("text, speaker", [
    ("Un responsable ukrainien a déclaré que les combats avaient commencé.",
     "responsable ukrainien"),
    ("Selon une source proche du dossier, l'accord est signé.", "source proche du dossier"),
    ("Une Source à la présidence ukrainienne a assuré à l'AFP que Moscou tentait d'étendre la "
     "guerre.", "source à la présidence ukrainienne"),
    ("Selon des sources diplomatiques russes, le traité est signé.",
     "sources diplomatiques russes"),
    ("De hauts responsables ukrainiens ont révélé que les combats avaient commencé.",
     "hauts responsables ukrainiens"),
    ("Un diplomate européen a déclaré que la menace était réelle.", "diplomate européen"),
])
def test_anonymous_sources(text, speaker):
    row = claim(text)
    assert (row["speaker"], row["speaker_kind"]) == (speaker, "anonymous")


def test_kinds_and_sides():
    table = tag_claims("Selon l'agence Yonhap, Pyongyang prépare un envoi. Le Kremlin a démenti "
                       "ces informations. Un diplomate européen a déclaré que c'était grave.")
    assert table[["speaker_kind", "speaker_side"]].values.tolist() == [
        ["media", "South Korea"], ["institution", "Russia"], ["anonymous", "EU"]]


@pytest.mark.parametrize("text", [
    "Le Kremlin a refusé de commenter ces informations.",
    "Une information qui, bien qu'elle n'ait pas été confirmée par Moscou, coïncide avec la "
    "visite.",
    "Le ministère russe de la Défense a assuré la sécurité du convoi.",
    "Ce seraient les premières victimes signalées.",
    "Les combats se poursuivent dans la région de Koursk.",
])
def test_no_speaker_when_nobody_speaks(text):
    assert claim(text)["speaker"] == ""


def test_a_quote_takes_the_speaker_of_its_neighbours(seeds):
    _, _, table = seeds
    article = table[table["article_id"] == "000_a2d806d17827b430"]
    headline = article[article["sentence"] == "“Ils portent des uniformes russes”"].iloc[0]
    assert (headline["speaker"], headline["cue"]) == ("responsable ukrainien", "quote")
    follow = article[article["sentence"].str.startswith("“Nous avons essayé")].iloc[0]
    assert follow["speaker"] == "soldat russe capturé" and follow["quoted"]


def test_c_est_ce_qu_attributes_the_sentence_before():
    table = tag_claims("Moscou n'aurait pas l'intention de retirer ses troupes. "
                       "C'est ce qu'a indiqué une source proche du Kremlin.")
    assert table["speaker"].tolist() == ["source proche du Kremlin"] * 2


def test_ner_mistakes_do_not_become_speakers():
    table = tag_claims("Citant les services de renseignement américains, le chef de la "
                       "diplomatie Antony Blinken a indiqué que 8 000 soldats étaient déployés.")
    assert set(table["speaker"]) == {"Antony Blinken"}
    assert claim("Washington a annoncé de nouvelles sanctions.")["speaker_kind"] == "institution"


# ----------------------------------------------------------------------------- quotes


def test_quoted_flag():
    assert claim("« Nous tiendrons », a déclaré le GUR.")["quoted"]
    assert not claim("Le GUR a déclaré que la ligne tenait.")["quoted"]


@pytest.mark.parametrize("text, inside", [
    ("« a b » c", ["a", "b"]),
    ("« « a » » c", ["a"]),  # doubled marks
    ("« a Koursk« , c", ["a", "Koursk"]),  # a closing mark typed as an opening one
    ("a » b « c", ["c"]),  # a stray closing mark; an opening one never closed
    ("“a”» b", ["a"]),
    ('x type="image/avif" « a »', ["a"]),  # markup is not a quotation
    ("« a\nb", ["a"]),  # a line break closes
])
def test_quote_mask(text, inside):
    doc = parse(text)
    assert [t.text for t, q in zip(doc, quote_mask(doc), strict=True) if q] == inside


quote_soup = st.lists(st.sampled_from(
    list("«»“”\"'.,;:!?- \n") + ["selon", "a déclaré", "il", "Kiev", "GUR", "a-t-il", "auraient",
                                 "Selon lui", "soldats", "C'est ce qu'", "citant", "« «", "» »",
                                 " ", " ", "Le soldat", "comme l'affirme", "d'après"]),
    max_size=40).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(quote_soup)
def test_never_crashes_on_quote_soup(text):
    table = tag_claims(text)
    assert len(table) == len(sentences(parse(text)))
    assert set(table["speaker_kind"]) <= KINDS


# ----------------------------------------------------------------------------- accuracy

# Reached with the rules as committed: 100 % on both sets for speaker, kind and hedging. Both sets
# were used while writing the rules, so these are development scores (fresh sentences score lower:
# see the benchmark's docstring). The floors leave room for two sentences per set to change with
# a new model version, not for a rule to break.
FLOORS = {
    ("seeds", "speaker"): 0.97, ("seeds", "kind"): 0.97, ("seeds", "hedged"): 0.97,
    ("own", "speaker"): 0.97, ("own", "kind"): 0.97, ("own", "hedged"): 0.97,
    # French news beyond the course's story (issue 13): the held-out new stories, and the
    # course's own sets read without its actor table
    ("newstories", "speaker"): 0.95, ("newstories", "hedged"): 0.95,
    ("seeds (no table)", "speaker"): 0.8, ("own (no table)", "speaker"): 0.9,
}


@pytest.fixture(scope="module")
def scores(bench):
    table, _ = bench.evaluate(without_table=True)
    return table.set_index(["set", "system"])


@pytest.mark.parametrize("key", sorted(FLOORS))
def test_accuracy_holds(scores, key):
    name, metric = key
    assert scores.loc[(name, "tag_claims"), metric] >= FLOORS[key]


@pytest.mark.parametrize("name", ["seeds", "own", "newstories"])
def test_far_better_than_the_baseline(scores, name):
    ours, naive = scores.loc[(name, "tag_claims")], scores.loc[(name, "baseline")]
    assert ours["speaker"] - naive["speaker"] >= 0.5
    assert ours["hedged"] > naive["hedged"]


def test_nothing_is_tagged_outside_the_gold_sentences(scores):
    ours = scores.loc[("seeds", "tag_claims")]
    assert ours["extra_speakers"] <= 1 and ours["extra_hedges"] <= 1


def test_gold_files_are_well_formed(bench):
    from helpers.core.actors import load_actors

    actors = load_actors().set_index("canonical")
    gold = bench.read_annotations(bench.GOLD)
    corpus = bench.seed_corpus().set_index("article_id")
    for g in gold.itertuples():
        assert bench.locate(g.sentence, corpus.loc[g.article_id, "text"]), g.sentence[:60]
        assert g.speaker_kind in KINDS
        # every speaker of the seeds is in the actor table, with the same kind
        if g.speaker:
            assert g.speaker in actors.index, g.speaker
            assert actors.loc[g.speaker, "kind"] == g.speaker_kind, g.speaker
    own = bench.read_annotations(bench.OWN)
    assert len(own) >= 25 and set(own["speaker_kind"]) <= KINDS
    assert own.duplicated(["article_id", "sentence"]).sum() == 0


# ----------------------------------------------------------------------------- reading the table


def test_filter_claims_by_each_filter(three_claims):
    from helpers.claims.filters import filter_claims

    table = three_claims
    assert filter_claims(table, article="3")["sentence_id"].tolist() == [0]
    assert len(filter_claims(table, article="000_a")) == 2
    assert filter_claims(table, kind="anonymous")["article_id"].tolist() == ["003_b"]
    assert filter_claims(table, kind="none")["sentence"].tolist() == ["Le ciel est bleu."]
    assert len(filter_claims(table, hedged=True, speaker="ukraine")) == 1
    assert len(filter_claims(table, contains="30 SOLDATS")) == 1


def test_claims_summary_counts_per_article(three_claims):
    from helpers.claims.filters import claims_summary

    summary = claims_summary(three_claims)
    assert summary.loc["000"].to_dict() == {
        "sentences": 2, "attributed": 1, "anonymous": 0, "quoted": 0, "hedged": 1, "speakers": 1,
    }
    assert summary.loc["003", "anonymous"] == 1
