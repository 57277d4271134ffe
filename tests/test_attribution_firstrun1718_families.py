"""The families of errors the seventeenth and eighteenth first-run evaluations
(``tests/data/eval/firstrun17`` and ``firstrun18``) revealed, each tested on sentences written for
these tests: other stories, names and wording than the evaluations' articles. Read with a story
folder that has no actor table."""

from __future__ import annotations

from story_free import no_story_table, speaker, tags  # noqa: F401 (the fixture is autouse)


def test_the_same_communique_when_the_model_tags_its_noun_an_adjective():
    text = ("Le collectif Vélo Libre (CVL) dénonce, dans un communiqué publié mardi, « un recul ». "
            "D'après le même communiqué, 40 % des cyclistes ont déjà été renversés.")
    assert speaker(text) == "collectif Vélo Libre"


def test_what_is_to_be_said_has_no_speaker():
    assert speaker("Aucun blessé n'est à déplorer, selon les premiers éléments.") != "Aucun blessé"


def test_a_body_s_people_speak_for_the_body_quoted():
    text = ("Pour l'association Loire Vivante, qui s'oppose au barrage, la crue « était "
            "prévisible ». Ses responsables affirment avoir alerté la préfecture dès 2024.")
    assert speaker(text) == "association Loire Vivante"


def test_an_opinion_holder_whose_apposition_ends_with_a_relative_clause():
    text = ("Pour Marc Olier, pédiatre qui exerce dans trois écoles du quartier, la mesure « vient "
            "trop tard ». Les enfants risquent d'en pâtir, craint-il.")
    assert list(tags(text)["speaker"]) == ["Marc Olier"] * 2


def test_a_body_named_after_the_town_that_opens_the_sentence():
    text = "À Lyon, au siège de la DREAL, on rappelle que 12 sites sont surveillés."
    assert speaker(text) == "DREAL"
