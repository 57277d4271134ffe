"""Figures about an earlier event than the story's (``past_event``), and "la veille"."""

import pandas as pd
import pytest

from helpers.figures.dates import find_dates, resolve_date
from helpers.figures.extract import extract_figures


def _past(text: str, published: str | None) -> dict[str, bool]:
    when = pd.Timestamp(published) if published else None
    figures = extract_figures(text, published=when)
    return dict(zip(figures["text"], figures["past_event"], strict=True))


@pytest.mark.parametrize("text, published, expected", [
    # a relative clause on a dated event noun
    ("Le département garde en mémoire la crue de septembre 2002, qui avait fait 23 morts.",
     "2025-10-13", {"23": True}),
    # the year is the verb's adjunct
    ("En 2010, la tempête Xynthia avait fait 47 morts.", "2025-11-13", {"47": True}),
    # this story's toll beside an earlier one in the same sentence
    ("Au moins six personnes sont mortes, soit moins que lors de la crue de 2002 qui avait "
     "fait 23 morts.", "2025-10-13", {"Au moins six": False, "23": True}),
    # "précédente": the adjunct belongs to the figure it follows
    ("Selon la direction, 32 % des cheminots étaient en grève jeudi, contre 38 % lors de la "
     "précédente journée.", "2026-10-15", {"32": False, "38": True}),
    ("Le nombre de chômeurs atteint 2,4 millions, contre 2,3 millions un an plus tôt.",
     "2026-11-13", {"2,4 millions": False, "2,3 millions": True}),
    # what follows "que" is a comparison
    ("Le nombre de chômeurs atteint 2,5 millions, soit 61 000 de plus qu'au trimestre "
     "précédent.", "2026-11-13", {"2,5 millions": False}),
    # "depuis 2022" starts something still going on
    ("Depuis 2022, 11 000 soldats ont été envoyés, a affirmé lundi le ministre.", "2024-11-06",
     {"11 000": False}),
    # a pluperfect in reported speech is this story
    ("Le préfet a indiqué que six personnes avaient péri.", "2025-10-13", {"six": False}),
    # a pluperfect with a date two weeks earlier
    ("Le 1er octobre, 1 200 cheminots avaient défilé à Rennes.", "2026-10-15",
     {"1 200": True}),
    # ... but a date on a verb of saying dates the statement, not the event
    ("Fin novembre, le ministre avait estimé à environ 10.000 le nombre de soldats présents.",
     "2024-12-17", {"environ 10.000": False}),
])
def test_past_events(text, published, expected):
    found = _past(text, published)
    assert {k: found[k] for k in expected} == expected


def test_an_undated_article_takes_the_year_it_names_most_often():
    text = ("Les chiffres de 2025 confirment la tendance. En 2025, le taux atteint 7 %. "
            "La crue de 2003, qui avait fait 12 morts, reste dans les mémoires.")
    assert _past(text, None) == {"7": False, "12": True}


def test_the_kursk_seeds_have_no_figure_about_an_earlier_event(seeds_figures):
    assert not seeds_figures["past_event"].any()


@pytest.fixture(scope="module")
def seeds_figures():
    from helpers.pipeline import run
    from helpers.sources.corpus import load_corpus

    return run(load_corpus(), cache=False)["figures"]


@pytest.mark.parametrize("expression, days_before", [
    ("la veille", 1), ("La veille au soir", 1), ("l'avant-veille", 2), ("l’avant-veille", 2),
])
def test_la_veille_is_the_day_before_publication(expression, days_before):
    published = pd.Timestamp("2025-10-14")
    assert resolve_date(expression, published) == published - pd.Timedelta(days=days_before)


@pytest.mark.parametrize("text, found", [
    ("qui faisait état la veille d'au moins quatre morts", ["la veille"]),
    ("Venu la veille à Anduze, le ministre a promis", ["la veille"]),
    ("à la veille de l'élection", []),
    ("la veille du scrutin, il avait promis", []),
])
def test_which_veille_is_a_date(text, found):
    assert [d.text for d in find_dates(text)] == found


def test_a_figure_stated_la_veille_is_dated_the_day_before():
    figures = extract_figures("La veille, la préfecture avait annoncé au moins quatre morts.",
                              published=pd.Timestamp("2025-10-14"))
    assert figures["stated_on"].tolist() == [pd.Timestamp("2025-10-13")]


def test_each_figure_takes_the_date_of_the_saying_it_belongs_to():
    figures = extract_figures(
        "Six personnes ont perdu la vie, a annoncé mardi la préfecture, qui faisait état la "
        "veille d'au moins quatre morts.", published=pd.Timestamp("2025-10-14"))
    assert figures["stated_on"].tolist() == [pd.Timestamp("2025-10-14"),
                                              pd.Timestamp("2025-10-13")]


def test_a_reporting_phrase_dates_its_statement():
    figures = extract_figures("Mardi soir, les autorités faisaient encore état de six morts.",
                              published=pd.Timestamp("2025-10-15"))
    assert figures["stated_on"].tolist() == [pd.Timestamp("2025-10-14")]
