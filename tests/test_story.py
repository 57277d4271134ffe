"""A story is a folder: the course's story data in seeds/, the generic defaults for a folder
without any, and the one selection of figures that answers the story's question."""

from __future__ import annotations

import warnings

import pandas as pd

from helpers import SEEDS_DIR
from helpers.core.story import FILES, Question, load_story
from helpers.figures.question import classify_figures, story_figures
from helpers.report import write_report
from helpers.sources import load_corpus

ARTICLE = ("Inondations dans le Gard\n\n"
           "Au moins 12 personnes sont mortes, a annoncé la préfecture mardi. Selon les pompiers, "
           "environ 3 000 habitants ont été évacués.\n")


def _figure(text: str, value: float, unit_kind: str, sentence: str) -> dict:
    return {"article_id": "a", "sentence_id": 0, "text": text, "value": value, "low": value,
            "high": value, "qualifier": "exact", "unit": "", "unit_kind": unit_kind,
            "speaker": "", "derived": False, "stated_on": pd.Timestamp("2024-11-04"),
            "sentence": sentence, "start": 0}


def test_the_course_story_is_read_from_seeds():
    story = load_story()
    assert story.folder == SEEDS_DIR.resolve()
    assert story.question.unit_kinds == ("troops",)
    assert story.question.min_value == 500
    assert {label for label, _ in story.question.scopes} >= {"in training", "in Russia"}
    assert len(story.actors) > 40 and "GUR" in set(story.actors["canonical"])
    assert {p.name for p in story.files()} == set(FILES.values())


def test_a_folder_without_story_data_gets_the_generic_defaults(tmp_path):
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    story = load_story(tmp_path)
    assert story.question == Question()
    assert story.question.unit_kinds == () and story.question.casualties is None
    assert story.actors.empty and story.files() == []
    assert load_story(tmp_path / "article.txt").folder == tmp_path.resolve()  # a file: its folder


def test_the_loader_skips_the_story_files_without_a_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        corpus = load_corpus()
    assert len(corpus) == 5
    assert not set(corpus["source_file"]) & set(FILES.values())


def test_the_generic_question_lets_every_figure_with_a_number_answer():
    figures = pd.DataFrame([_figure("12", 12.0, "people", "12 personnes sont mortes."),
                            _figure("3 000", 3000.0, "people", "3 000 habitants évacués.")])
    assert list(classify_figures(figures, Question())["role"]) == ["estimate", "estimate"]
    course = load_story().question  # troops only, casualties apart: none of these
    assert story_figures(figures, course).empty


def test_the_report_of_a_folder_without_story_data_names_no_story(tmp_path):
    folder = tmp_path / "crue"
    folder.mkdir()
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    path = write_report(folder, out_path=tmp_path / "report.html", cache=False,
                        generated="1 January 2025")
    text = path.read_text(encoding="utf-8")
    # nobody chose a question: the report asks the likeliest one its figures answer
    assert "<title>How many deaths? How the reports know what they say</title>" in text
    # the story's own wording, generic explanations: nothing of the course's story
    for word in ("North Korea", "soldiers", "GUR", "troop"):
        assert word not in text, word


def test_run_corroborates_the_figures_of_the_story_it_is_given(tmp_path):
    from helpers.pipeline import run

    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    own = run(corpus, cache=False, story=tmp_path)["corroboration"]
    assert sorted(own["value"]) == [12.0, 3000.0]  # the generic question: every figure
    # without a story, the folder the corpus was loaded from is the story
    assert run(corpus, cache=False)["corroboration"].equals(own)
    assert run(corpus, cache=False, story=SEEDS_DIR)["corroboration"].empty  # soldiers only
