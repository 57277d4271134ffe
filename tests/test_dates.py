"""Relative French dates resolved against the publication date, and the date of a statement."""

import pandas as pd
import pytest

from helpers.core.nlp import parse
from helpers.figures.dates import find_dates, resolve_date, statement_date

WED = "2024-11-06"  # article 000
MON = "2024-11-04"  # article 001
FRI = "2024-10-18"  # article 002
MON2 = "2024-12-16"  # article 003
TUE = "2024-12-17"  # article 004


@pytest.mark.parametrize(
    "published, expression, expected",
    [
        (WED, "lundi", "2024-11-04"),
        (WED, "lundi soir", "2024-11-04"),
        (WED, "ce mercredi matin", "2024-11-06"),
        (WED, "mercredi matin", "2024-11-06"),
        (WED, "mercredi", "2024-11-06"),  # a bare weekday can be the publication day
        (WED, "à la fin du mois dernier", "2024-10-31"),
        (WED, "en août", "2024-08-01"),
        (MON, "lundi", "2024-11-04"),
        (MON, "ce lundi", "2024-11-04"),
        (MON, "jeudi dernier", "2024-10-31"),
        (MON, "vendredi", "2024-11-01"),
        (MON, "lundi dernier", "2024-10-28"),
        (MON, "lundi prochain", "2024-11-11"),
        (FRI, "ce vendredi 18 octobre", "2024-10-18"),
        (FRI, "du 8 au 13 octobre", "2024-10-08"),
        (FRI, "en juin dernier", "2024-06-01"),
        (FRI, "plus tôt cette semaine", "2024-10-14"),
        (MON2, "samedi", "2024-12-14"),
        (MON2, "Samedi", "2024-12-14"),
        (MON2, "ce week-end", "2024-12-14"),
        (MON2, "fin novembre", "2024-11-30"),
        (MON2, "Fin novembre", "2024-11-30"),
        (MON2, "début décembre", "2024-12-01"),
        (MON2, "mi-novembre", "2024-11-15"),
        (MON2, "en février 2022", "2022-02-01"),
        (MON2, "février 2022", "2022-02-01"),
        (MON2, "hier", "2024-12-15"),
        (MON2, "la semaine dernière", "2024-12-09"),
        (MON2, "le mois dernier", "2024-11-01"),
        (MON2, "il y a deux jours", "2024-12-14"),
        (MON2, "en octobre", "2024-10-01"),
        (TUE, "Lundi", "2024-12-16"),
        (TUE, "Plus tôt cette semaine", "2024-12-16"),
        (TUE, "du week-end", "2024-12-14"),
        (TUE, "aujourd'hui", "2024-12-17"),
        (TUE, "17/05/2018", "2018-05-17"),
    ],
)
def test_resolve_date(published, expression, expected):
    assert resolve_date(expression, published) == pd.Timestamp(expected)


def test_resolve_date_accepts_timestamps():
    assert resolve_date("lundi", pd.Timestamp(WED)) == pd.Timestamp("2024-11-04")


@pytest.mark.parametrize("expression", ["", "   ", "bientôt", "le président", None, 42])
def test_resolve_date_is_nat_when_unknown(expression):
    assert resolve_date(expression, WED) is pd.NaT


def test_relative_dates_need_the_publication_date():
    assert resolve_date("lundi", None) is pd.NaT
    assert resolve_date("fin novembre", pd.NaT) is pd.NaT
    assert resolve_date("18 octobre 2024", None) == pd.Timestamp("2024-10-18")


def test_find_dates():
    text = (
        "Zelensky a affirmé lundi soir que 11.000 soldats, mais à 8 heures du matin. Fin novembre,"
        " Austin. Ce vendredi 18 octobre, du 8 au 13 octobre, en février 2022, ce week-end."
    )
    assert [d.text for d in find_dates(text)] == [
        "lundi soir",
        "Fin novembre",
        "Ce vendredi 18 octobre",
        "du 8 au 13 octobre",
        "en février 2022",
        "ce week-end",
    ]
    for d in find_dates(text):
        assert text[d.start : d.end] == d.text


@pytest.mark.parametrize(
    "sentence, published, expected, expression",
    [
        (
            "Le président ukrainien Volodymyr Zelensky a affirmé lundi soir que 11.000 soldats "
            "nord-coréens se trouvaient déjà dans la région russe de Koursk.",
            WED,
            "2024-11-04",
            "lundi soir",
        ),
        (
            "Fin novembre, le secrétaire américain à la Défense Lloyd Austin avait quant à lui "
            "estimé à environ 10.000 le nombre de soldats nord-coréens présents.",
            MON2,
            "2024-11-30",
            "Fin novembre",
        ),
        (
            "Le chef de la diplomatie Antony Blinken a indiqué jeudi dernier que jusqu'à 8 000 "
            "soldats avaient été déployés.",
            MON,
            "2024-10-31",
            "jeudi dernier",
        ),
        (  # the weekend dates the losses, not the statement: publication date
            "Selon eux, au moins 30 soldats nord-coréens auraient été tués ou blessés ce week-end.",
            MON2,
            MON2,
            "",
        ),
        (  # a fronted date with no verb of saying dates an event
            "En août, l'armée ukrainienne a lancé une offensive surprise.",
            MON2,
            MON2,
            "",
        ),
        ("Kiev a averti que la Russie avait massé quelque 50.000 hommes.", MON2, MON2, ""),
        (  # a passive verb of saying: the fronted year is when the cases happened
            "En 2023, 412 cas avaient été signalés dans la région, selon l'agence.",
            MON2,
            MON2,
            "",
        ),
    ],
)
def test_statement_date(sentence, published, expected, expression):
    when, text = statement_date(parse(sentence)[:], published)
    assert (when, text) == (pd.Timestamp(expected), expression)


def test_statement_date_parses_a_string_and_takes_a_doc():
    sentence = "Samedi, Zelensky a déclaré que 30 soldats étaient morts."
    expected = (pd.Timestamp("2024-12-14"), "Samedi")
    assert statement_date(sentence, TUE) == expected
    assert statement_date(parse(sentence), TUE) == expected
