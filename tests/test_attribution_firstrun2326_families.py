"""The families of errors the twenty-third to twenty-sixth first-run evaluations
(``tests/data/eval/firstrun23`` to ``firstrun26``) revealed, each tested on sentences written for
these tests: other stories, names and wording than the evaluations' articles. Read with a story
folder that has no actor table."""

from __future__ import annotations

from story_free import no_story_table, speaker  # noqa: F401 (the fixture is autouse)


def test_a_role_then_a_lawyer_s_title_and_name():
    text = "L'avocat des familles, Me Paul Ternier, a indiqué qu'une plainte serait déposée."
    assert speaker(text) == "Paul Ternier"


def test_a_role_then_a_name_the_model_tags_as_a_noun_after_a_time_phrase():
    text = ("« Aucun visiteur n'a été blessé pour autant », a assuré jeudi matin le directeur du "
            "parc, Olivier Brunet.")
    assert speaker(text) == "Olivier Brunet"


def test_a_body_named_after_its_group():
    text = "La ligne restera fermée six semaines, a précisé SNCF Voyageurs dans un communiqué."
    assert speaker(text) == "SNCF Voyageurs"
