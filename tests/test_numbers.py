"""parse_number and find_numbers: French digits, grouping, decimal comma, number words."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.figures.extract import parse_number as public_parse_number
from helpers.figures.numbers import find_numbers, number_words, parse_number


def test_parse_number_is_the_public_one():
    assert public_parse_number is parse_number


@pytest.mark.parametrize(
    "text, value",
    [
        ("11.000", 11000),
        ("8 000", 8000),
        ("8\u00a0000", 8000),
        ("8\u202f000", 8000),
        ("1 500", 1500),
        ("50.000", 50000),
        ("1 234 567", 1234567),
        ("12.345.678", 12345678),
        ("11'000", 11000),  # Swiss grouping
        ("11\u2019000", 11000),
        ("4,8", 4.8),
        ("4,800", 4.8),  # a comma is always the decimal mark in French
        ("1 234 567,89", 1234567.89),
        ("-9,2321312", -9.2321312),
        ("\u22125", -5),
        ("1,5 million", 1_500_000),
        ("2,5 milliards", 2_500_000_000),
        ("3 millions", 3_000_000),
        ("10 mille", 10_000),
        ("dix mille", 10_000),
        ("quatre-vingt-dix", 90),
        ("quatre vingt dix neuf", 99),
        ("soixante et onze", 71),
        ("vingt et un", 21),
        ("cinq", 5),
        ("neuf", 9),
        ("zéro", 0),
        ("deux cent virgule trois", 200.3),
        ("trois millions", 3_000_000),
        ("un billion", 1e12),  # French long scale
        ("une dizaine", 10),
        ("un millier", 1000),
        ("une demi-douzaine", 6),
        ("trois centaines", 300),
        ("une dizaine de milliers", 10_000),
        ("  8 000  ", 8000),
    ],
)
def test_parse_number_reads_french_numbers(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "soldats",
        "plusieurs milliers",  # vague: no value
        "quelques centaines",
        "environ 3 000",  # a figure with a qualifier, not a number
        "18 octobre",
        "8 000 soldats",
        "jsx-2028956212",
        "F-16",
        "10k",
        "1er",
        "premier",
        "deuxième",
        "192.168.1.2",
        "8 000 et 9 000",
        "1.000 000",  # mixed separators
        None,
        12,
        b"8 000",
    ],
)
def test_parse_number_returns_none_for_anything_else(text):
    assert parse_number(text) is None


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_parse_number_never_raises(text):
    out = parse_number(text)
    assert out is None or (isinstance(out, float) and math.isfinite(out))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789 .,'\u00a0\u202f-\u2212kmillonardsuxtéve", max_size=30))
def test_parse_number_never_raises_on_number_like_text(text):
    out = parse_number(text)
    assert out is None or isinstance(out, float)


SEPARATORS = [" ", "\u00a0", "\u202f", "\u2009", ".", "'", "\u2019"]


def group(n: int, sep: str) -> str:
    digits = str(abs(n))
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return ("-" if n < 0 else "") + sep.join(parts)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=-(10**15), max_value=10**15),
    st.sampled_from(["plain"] + SEPARATORS),
)
def test_any_integer_in_any_french_grouping_parses_back(n, style):
    text = str(n) if style == "plain" else group(n, style)
    assert parse_number(text) == float(n), text


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=1, max_value=99))
def test_decimal_comma_parses_back(n, cents):
    text = f"{group(n, ' ')},{cents:02d}"
    assert parse_number(text) == pytest.approx(n + cents / 100)


def test_find_numbers_gives_spans_into_the_text():
    text = "Jusqu\u2019à 8\u202f000 soldats, puis dix mille, puis 1,5 million et une dizaine."
    found = find_numbers(text)
    assert [(n.text, n.value) for n in found] == [
        ("8 000", 8000),
        ("dix mille", 10000),
        ("1,5 million", 1_500_000),
        ("une dizaine", 10),
    ]
    for n in found:
        assert text[n.start : n.end].replace("\u202f", " ") == n.text
    assert [n.kind for n in found] == ["digits", "words", "mixed", "collective"]


def test_find_numbers_leaves_out_identifiers_and_ordinals():
    found = find_numbers('class="jsx-2028956212" le 1er rang, la deuxième fois, 10k, 180ml')
    assert found == []


def test_find_numbers_keeps_separate_numbers_apart():
    assert [n.value for n in find_numbers("1, 234, 567")] == [1, 234, 567]
    assert [n.value for n in find_numbers("423 0000")] == [423, 0]


def test_pour_cent_is_not_a_hundred():
    assert [n.value for n in find_numbers("30 pour cent")] == [30]


def test_number_words_data():
    words = number_words()
    assert words["dizaine"] == (10, "collective")
    assert words["milliers"] == (1000, "collective")
    assert words["milliard"] == (1e9, "scale")
