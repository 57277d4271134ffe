"""The story's actors found in its text (helpers.claims.story_actors), their affiliations
(helpers.claims.affiliations), origins (helpers.core.actors.origin_of) and the learner's
corrections. The articles are written for these tests; the story folder has no actor table."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.claims.affiliations import country_in, derive_affiliation
from helpers.claims.story_actors import (
    COLUMNS,
    actor_mentions,
    story_actors,
    with_corrections,
)
from helpers.claims.tagging import tag_claims
from helpers.core import actors as core_actors
from helpers.core.actors import (
    UNKNOWN,
    affiliation_of,
    corrections,
    origin_of,
    register_found,
    save_corrections,
)
from helpers.core.nlp import parse_many
from helpers.core.story import story_in_use

ARTICLES = {
    "a1": (
        "Crue : trois morts dans le Var\n\n"
        "Au moins trois personnes sont mortes, a annoncé la préfecture du Var. "
        "Le préfet du Var, Luc Arnaud, a décrit une situation « critique ». "
        "Le maire de Draguignan, Paul Guen, a dénoncé un manque de moyens. "
        "Selon la CGT, 200 agents sont mobilisés. "
        "Le SDIS 83 a comptabilisé 900 interventions."
    ),
    # no département named in a2 (its bare "la préfecture" would be the préfecture du Var at
    # once, attribution/places.py): the bare body is left to the clustering across articles
    "a2": (
        "Le bilan s'alourdit encore\n\n"
        "Quatre personnes sont mortes, selon la préfecture. "
        "« La situation reste critique », a déclaré Arnaud. "
        "Le service départemental d'incendie et de secours (SDIS) du Var a mobilisé 600 "
        "pompiers, a précisé la Place Beauvau. "
        "Le ministre de l'Intérieur, Marc Solal, est attendu mardi. "
        "Un responsable italien a assuré que des renforts arriveraient."
    ),
}


@pytest.fixture
def story(tmp_path):
    with story_in_use(tmp_path):
        yield tmp_path


@pytest.fixture
def found(story):
    corpus = pd.DataFrame({"article_id": list(ARTICLES), "text": list(ARTICLES.values())})
    docs = parse_many(corpus["text"].tolist())
    mentions: list = []
    claims = tag_claims(corpus, docs=docs, mentions=mentions)
    return corpus, docs, claims, pd.DataFrame(mentions)


def _row(table: pd.DataFrame, name: str) -> pd.Series:
    rows = table[table["name"] == name]
    assert len(rows) == 1, table[["name", "aliases"]]
    return rows.iloc[0]


def test_the_table_has_one_row_per_actor(found):
    _, _, claims, mentions = found
    table = story_actors(claims, mentions)
    assert list(table.columns) == COLUMNS
    assert table["name"].is_unique
    assert set(table["kind"]) <= {"person", "institution", "media", "anonymous"}
    assert (table["mentions"] >= 1).all()


def test_mentions_of_one_actor_are_clustered_across_articles(found):
    _, _, claims, mentions = found
    table = story_actors(claims, mentions)
    prefet = _row(table, "Luc Arnaud")
    assert "Arnaud" in prefet["aliases"] and prefet["articles"] == ["a1", "a2"]
    assert prefet["role"] == "préfet du Var" and prefet["kind"] == "person"
    prefecture = _row(table, "préfecture du Var")
    assert "préfecture" in prefecture["aliases"]  # the bare body of the second article
    sdis = _row(table, "service départemental d'incendie et de secours du Var")
    assert "SDIS 83" in sdis["aliases"]  # the acronym in brackets
    assert _row(table, "ministère de l'Intérieur")["articles"] == ["a2"]  # Place Beauvau


def test_actors_named_without_speaking_are_found(found):
    corpus, docs, claims, _ = found
    table = story_actors(claims, actor_mentions(corpus, docs))
    solal = _row(table, "Marc Solal")
    assert solal["kind"] == "person" and solal["role"] == "ministre de l'Intérieur"


def test_affiliations_come_from_the_text(found):
    _, _, claims, mentions = found
    table = story_actors(claims, mentions).set_index("name")["affiliation"]
    assert table["préfecture du Var"] == "France"
    assert table["Luc Arnaud"] == "France"  # a préfet speaks for the State
    assert table["Paul Guen"] == "commune de Draguignan"
    assert table["CGT"] == "CGT"
    assert table["ministère de l'Intérieur"] == "France"
    assert table["Marc Solal"] == "France"
    assert table["responsable italien"] == "Italie"


@pytest.mark.parametrize("name, kind, role, expected", [
    ("ministère azerbaïdjanais des Affaires étrangères", "institution", "", "Azerbaïdjan"),
    ("ambassade d'Azerbaïdjan à Paris", "institution", "", "Azerbaïdjan"),
    ("Hélène Roux", "person", "ambassadrice de France en Azerbaïdjan", "France"),
    ("Jean Noël", "person", "directeur régional d'Enedis", "Enedis"),
    ("Lina Haddad", "person", "secrétaire de l'union départementale CGT du Nord", "CGT"),
    ("Anne Joly", "person", "hydrologue au CNRS", "CNRS"),
    ("Anne Joly", "person", "spécialiste du Caucase", UNKNOWN),
    ("Le Figaro", "media", "", "Le Figaro"),
    ("cabinet Occurrence", "institution", "", "cabinet Occurrence"),
    ("diplomate européen", "anonymous", "", UNKNOWN),
    ("Paul", "person", "", UNKNOWN),
])
def test_derive_affiliation(story, name, kind, role, expected):
    assert derive_affiliation(name, kind, role) == expected


def test_a_role_naming_a_body_of_the_story_gives_its_affiliation(story):
    claims = pd.DataFrame({
        "article_id": ["a", "a"], "claim_id": [0, 1], "speaker_kind": ["institution", "person"],
        "speaker": ["service départemental d'incendie et de secours du Gard", "Éric Vidal"],
        "speaker_role": ["", "directeur du SDIS du Gard"],
        "speaker_text": ["le service départemental d'incendie et de secours (SDIS) du Gard",
                         "Éric Vidal"]})
    table = story_actors(claims).set_index("name")
    assert table.loc["Éric Vidal", "affiliation"] == table.iloc[0]["affiliation"] != UNKNOWN
    assert derive_affiliation("Martine Roustan", "person", "maire d'Anduze") == (
        "commune d'Anduze")


def test_country_in():
    assert country_in("le ministère russe de la Défense") == "Russie"
    assert country_in("l'ambassade d'Azerbaïdjan") == "Azerbaïdjan"
    assert country_in("la préfecture du Var") == ""


def test_origin_of_counts_affiliations_once_registered(found):
    _, _, claims, mentions = found
    table = story_actors(claims, mentions)
    assert origin_of("Luc Arnaud") == "Luc Arnaud"  # not registered yet: itself
    register_found(table)
    assert origin_of("Luc Arnaud") == origin_of("préfecture du Var") == "France"
    assert origin_of("Arnaud") == "France"  # an alias of the found actor
    assert origin_of("CGT") == "CGT" and origin_of("") == ""
    assert affiliation_of("inconnu au bataillon") == UNKNOWN
    # an unknown affiliation is not shared: the speaker is its own origin
    assert origin_of("Paul Inconnu") == "Paul Inconnu"


def test_the_story_table_corrects_what_is_found(story, found):
    (story / "actors.csv").write_text(
        "canonical,aliases,kind,side,gender,number,label,speaks_for\n"
        "Luc Arnaud,Arnaud,person,other,m,s,PER,ministère de l'Intérieur\n", encoding="utf-8")
    core_actors._story_rows.cache_clear()
    try:
        _, _, claims, mentions = found
        register_found(story_actors(claims, mentions))
        assert origin_of("Luc Arnaud") == "ministère de l'Intérieur"
    finally:
        core_actors._story_rows.cache_clear()


def test_corrections_are_saved_with_the_work_and_read_back(found, work_dir):
    _, _, claims, mentions = found
    table = story_actors(claims, mentions)
    register_found(table)
    fixes = pd.DataFrame([
        {"name": "Paul Guen", "kind": "person", "affiliation": "Les Verts", "same_as": ""},
        {"name": "SNCF du Var", "kind": "", "affiliation": "", "same_as": ""},  # unknown: kept
        {"name": "responsable italien", "kind": "", "affiliation": "", "same_as": "Luc Arnaud"},
    ])
    path = save_corrections(fixes)
    assert path.parent == work_dir and path.name.startswith("actors.")
    assert list(corrections()["name"]) == ["Paul Guen", "SNCF du Var", "responsable italien"]
    # the rules read them back: origins, and the table the learner sees
    assert origin_of("Paul Guen") == "Les Verts"
    assert origin_of("responsable italien") == origin_of("Luc Arnaud") == "France"
    shown = with_corrections(table)
    assert _row(shown, "Paul Guen")["affiliation"] == "Les Verts"
    assert "responsable italien" in _row(shown, "Luc Arnaud")["aliases"]
    assert "responsable italien" not in set(shown["name"])
    assert shown["corrected"].sum() == 2


def test_corrections_key_the_claims(found, work_dir):
    """A learner's merge reaches attribution: the merged name is an alias the rules know."""
    save_corrections(pd.DataFrame([{"name": "Arnaud", "kind": "person", "affiliation": "",
                                    "same_as": "Luc Arnaud"}]))
    row = tag_claims("« La situation reste critique », a déclaré Arnaud.").iloc[0]
    assert row["speaker"] == "Luc Arnaud"


def test_another_story_never_reads_the_course_table(story):
    from helpers.core.actors import canonical_actor, find_actors
    from helpers.core.nlp import parse

    assert canonical_actor("le président ukrainien") == "président ukrainien"
    doc = parse("Le GUR a déclaré que Zelenskiy était à Kiev.")
    assert {m.actor.canonical for m in find_actors(doc)} == {"Ukraine"}  # Kiev: French news


def test_the_course_story_keeps_its_table():
    from helpers.core.actors import canonical_actor

    assert canonical_actor("le président ukrainien") == "Volodymyr Zelensky"
    assert origin_of("Antony Blinken") == "États-Unis"


def test_run_registers_the_actors_of_the_folder_it_reads(tmp_path):
    from helpers.core.story import active_story
    from helpers.pipeline import run
    from helpers.sources import load_corpus

    folder = tmp_path / "story"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    result = run(load_corpus(folder), cache=False)
    assert active_story().folder == folder.resolve()
    assert "Luc Arnaud" in set(result["actors"]["name"])
    assert origin_of("Luc Arnaud") == "France"
    origins = set().union(*result["corroboration"]["origins"])
    assert "France" in origins and "Luc Arnaud" not in origins


# ----------------------------------------------------------------------------- the editor


def test_actor_table_applies_the_corrections(found, work_dir):
    from helpers.claims.story_actors import TABLE_COLUMNS, actor_table

    _, _, claims, mentions = found
    actors = story_actors(claims, mentions)
    table = actor_table({"actors": actors, "claims": claims})
    assert list(table.columns) == TABLE_COLUMNS and not table["corrected"].any()
    save_corrections(pd.DataFrame([{"name": "CGT", "kind": "", "affiliation": "syndicats",
                                    "same_as": ""}]))
    table = actor_table(actors)
    assert _row(table, "CGT")["affiliation"] == "syndicats" and _row(table, "CGT")["corrected"]
    assert len(actor_table(claims)) >= 4  # from the claims alone: the speakers


def test_corrections_from_keeps_what_was_not_edited(found, work_dir):
    from helpers.claims.story_actors import corrections_from

    _, _, claims, mentions = found
    actors = story_actors(claims, mentions)
    save_corrections(pd.DataFrame([{"name": "Marc Solal", "kind": "", "affiliation": "PS",
                                    "same_as": ""}]))
    edits = [{"name": "CGT", "kind": "institution", "affiliation": "CGT", "same_as": ""},  # same
             {"name": "Paul Guen", "kind": "person", "affiliation": "Les Verts", "same_as": ""},
             {"name": "Arnaud", "kind": "person", "affiliation": "", "same_as": "Luc Arnaud"}]
    fixes = corrections_from(actors, edits)
    assert list(fixes["name"]) == ["Marc Solal", "Paul Guen"]  # Arnaud is an alias already
    assert fixes.set_index("name").loc["Paul Guen", "affiliation"] == "Les Verts"


def test_the_editor_widget_saves_what_the_learner_changes(found, work_dir):
    from helpers.display import actor_editor

    _, _, claims, mentions = found
    editor = actor_editor({"actors": story_actors(claims, mentions), "claims": claims},
                          limit=5)
    assert len(editor.rows) == 5 and "actor editor" in repr(editor)
    row = next(r for r in editor.rows if r.name == "Paul Guen")
    row.affiliation.value = "Les Verts"
    other = next(r for r in editor.rows if r.name == "ministère de l'Intérieur")
    other.same_as.value = "préfecture du Var"
    editor.save_button.click()
    assert "2 correction(s) saved" in editor.status.value
    saved = corrections().set_index("name")
    assert saved.loc["Paul Guen", "affiliation"] == "Les Verts"
    assert saved.loc["ministère de l'Intérieur", "same_as"] == "préfecture du Var"
    assert origin_of("Paul Guen") == "Les Verts"
