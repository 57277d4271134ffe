"""helpers.figures.counted: what a figure counts, as a reader names it, on sentences of French
news written for these tests; the questions a story's figures can answer."""

import pandas as pd
import pytest

from helpers.core.story import Question
from helpers.figures.counted import counted_choices, counts_of, question_for, with_question
from helpers.figures.question import classify_figures, past_figures, story_estimates


def figures(sentence: str, *found, article="a", sentence_id=0, speaker="", past=False):
    """Rows for the figures ``found`` ((text, value, unit, unit_kind), in order) of one
    sentence."""
    rows = []
    for text, value, unit, kind in found:
        rows.append({"article_id": article, "sentence_id": sentence_id, "text": text,
                     "value": value, "low": value, "high": value, "qualifier": "exact",
                     "unit": unit, "unit_kind": kind, "speaker": speaker, "derived": False,
                     "stated_on": pd.Timestamp("2025-10-14"), "past_event": past,
                     "sentence": sentence, "start": sentence.find(text)})
    return rows


def table(*groups) -> pd.DataFrame:
    return pd.DataFrame([row for group in groups for row in group])


@pytest.mark.parametrize(("sentence", "found", "expected"), [
    ("Au moins quatre personnes sont mortes, trois sont portées disparues.",
     [("quatre", 4.0, "personne", "people"), ("trois", 3.0, "personne", "people")],
     ["mort", "disparu"]),
    ("Six personnes ont perdu la vie, a annoncé la préfecture.",
     [("Six", 6.0, "personne", "people")], ["mort"]),
    ("4 800 personnes ont défilé à Brest selon la police, 11 000 selon la CGT.",
     [("4 800", 4800.0, "personne", "people"), ("11 000", 11000.0, "personne", "people")],
     ["manifestant", "manifestant"]),
    ("Plus de 1 500 personnes ont été évacuées.",
     [("1 500", 1500.0, "personne", "people")], ["évacué"]),
    ("Jusqu'à 8 000 Nord-Coréens et 3 000 hommes sont arrivés.",
     [("8 000", 8000.0, "nord-coréen", "troops"), ("3 000", 3000.0, "homme", "troops")],
     ["soldat", "soldat"]),
    ("La crue a privé 45 000 foyers d'électricité.",
     [("45 000", 45000.0, "foyer", "other")], ["foyer"]),
])
def test_what_a_figure_counts(sentence, found, expected):
    assert counts_of(table(figures(sentence, *found))).tolist() == expected


def test_a_bare_number_counts_what_the_same_number_counts_elsewhere():
    rows = table(figures("Ils étaient 9 000 à Rennes selon la préfecture.",
                         ("9 000", 9000.0, "", "")),
                 figures("La préfecture a compté 9 000 manifestants.",
                         ("9 000", 9000.0, "manifestant", "other"), article="b"),
                 figures("Il en restait deux.", ("deux", 2.0, "", ""), article="c"))
    assert counts_of(rows).tolist() == ["manifestant", "manifestant", ""]


def test_the_choices_are_what_is_counted_most_attributed_first():
    rows = table(
        figures("Six personnes sont mortes.", ("Six", 6.0, "personne", "people"),
                speaker="préfecture"),
        figures("Sept morts, selon la préfecture.", ("Sept", 7.0, "mort", "people"),
                speaker="préfecture", sentence_id=1),
        figures("La crue de 2002 avait fait 23 morts.", ("23", 23.0, "mort", "people"),
                sentence_id=2, past=True),
        figures("Plus de 1 500 personnes ont été évacuées.",
                ("1 500", 1500.0, "personne", "people"), sentence_id=3),
        figures("32 % des écoles sont fermées.", ("32", 32.0, "%", "percent"), sentence_id=4),
    )
    choices = counted_choices(rows)
    assert choices["counts"].tolist() == ["mort", "évacué"]  # no past event, no share
    assert choices.iloc[0]["question"] == "How many deaths?"
    assert choices.iloc[0]["attributed"] == 2 and choices.iloc[0]["figures"] == 2
    deaths = Question.from_dict(question_for("mort"))
    assert [r for r in story_estimates(rows, question=deaths)["value"]] == [6.0, 7.0]
    past = past_figures(rows, deaths)
    assert past["value"].tolist() == [23.0] and past["role"].tolist() == ["past event"]


def test_a_question_not_about_a_toll_keeps_casualties_apart():
    assert "casualties" not in question_for("mort")
    demonstrators = Question.from_dict(question_for("manifestant"))
    rows = table(figures("20 manifestants ont été blessés.",
                         ("20", 20.0, "manifestant", "other")),
                 figures("Ils étaient 9 000 manifestants.",
                         ("9 000", 9000.0, "manifestant", "other"), sentence_id=1))
    classified = classify_figures(rows, demonstrators)
    assert classified["role"].tolist() == ["casualties", "estimate"]
    assert classified["measure"].tolist() == ["demonstrators wounded", "demonstrators"]


def test_a_folder_without_a_question_is_read_with_its_likeliest(tmp_path):
    from helpers.core.story import load_story

    rows = table(figures("Six personnes sont mortes.", ("Six", 6.0, "personne", "people"),
                         speaker="préfecture"))
    story = with_question(load_story(tmp_path), rows)
    assert story.question.counts == ("mort",)
    assert story.title.startswith("How many deaths?")
    course = load_story()
    assert with_question(course, rows) is course  # the course's own question is kept
