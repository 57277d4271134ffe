"""When was it said? French date expressions, resolved against the article's publication date.

``dateparser`` resolves what it can ("18 octobre", "vendredi 18 octobre", "en août",
"février 2022", "hier", "la semaine dernière", "il y a deux jours") with ``PREFER_DATES_FROM:
past`` and the publication date as ``RELATIVE_BASE``. Written by hand here is only what it gets
wrong or does not read (checked with dateparser 1.2–1.5):

- weekdays: dateparser returns None for "lundi soir", "ce lundi", "jeudi dernier", "mercredi
  matin", and for a bare "lundi" in an article published on a Monday it answers a week earlier,
  while newspapers mean that same day. Here a bare or "ce" weekday is the most recent such day,
  the publication day included; "dernier" excludes it; "prochain" looks ahead;
- "début/mi/fin + month" ("fin novembre" → 30 Nov), "(à) la fin du mois dernier";
- "ce week-end" / "du week-end" (the most recent Saturday), "plus tôt cette semaine" (its Monday);
- "en juin dernier", "du 8 au 13 octobre" (its first day);
- "la veille" (the day before publication), "l'avant-veille" (two days before), "la veille au
  soir"; but not "à la veille de l'élection" or "la veille du scrutin" (the eve of some other
  event), which are left out.

Which date governs a sentence (:func:`statement_date`) is also a hand rule: a date placed first
("Fin novembre, Austin avait estimé…") or next to a verb of saying ("a affirmé lundi soir que…")
dates the statement; a date elsewhere dates the events reported ("tués ce week-end"), and then the
statement falls back to the publication date.
"""

from __future__ import annotations

import bisect
import calendar
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from helpers.claims.attribution.lexicon import dating_verbs, verb_phrases
from helpers.core.nlp import parse, token_table
from helpers.core.text import FRENCH_MONTHS, normalise

DATA_DIR = Path(__file__).resolve().parent / "data"

__all__ = ["DateMention", "date_words", "find_dates", "resolve_date", "statement_date"]

DATEPARSER_SETTINGS = {
    "PREFER_DATES_FROM": "past",
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
}


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text (character offsets into it)."""

    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def date_words() -> dict:
    with open(DATA_DIR / "date_words.json", encoding="utf-8") as fh:
        return json.load(fh)


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _regexes() -> dict[str, re.Pattern]:
    w = date_words()
    wd, mo, parts = _alt(w["weekdays"]), _alt(FRENCH_MONTHS), _alt(w["day_parts"])
    day = r"(?:1er|\d{1,2})"
    year = r"(?:\s+\d{4})?"
    forms = [
        rf"du\s+{day}\s+au\s+{day}\s+(?:{mo}){year}",
        rf"(?:(?:ce|cette)\s+)?(?:(?:{wd})\s+)?(?:le\s+)?{day}\s+(?:{mo}){year}",
        rf"(?:(?:au|en|à\s+la|la)\s+)?(?:début|fin|mi)(?:-|\s+)(?:{mo}){year}",
        r"(?:à\s+la\s+|la\s+|en\s+|au\s+)?(?:fin|début)\s+du\s+mois(?:\s+(?:dernier|passé))?",
        rf"(?:(?:en|depuis|dès|courant|d'ici)\s+)?(?:{mo})\s+(?:\d{{4}}|dernier)",
        rf"(?:en|depuis|dès|courant|d'ici)\s+(?:{mo})",
        rf"(?:(?:ce|cette)\s+)?(?:{wd})(?:\s+(?:dernier|prochain|passé))?"
        rf"(?:\s+(?:{parts}))?(?:\s+(?:dernier|prochain))?",
        r"(?:ce|le|du|au\s+cours\s+du)\s+week-?end(?:\s+(?:dernier|passé))?",
        rf"avant-hier|hier(?:\s+(?:{parts}))?|aujourd'hui|ce\s+matin|ce\s+soir|cette\s+nuit"
        r"|cet\s+après-midi",
        # "(à) la veille du scrutin / de la réunion" is the eve of some event, not the day before
        # publication: left out ("faisait état la veille de six morts" is kept)
        r"(?<!à\s)(?:la\s+|l')(?:avant-)?veille(?:\s+au\s+(?:soir|matin))?"
        r"(?!\s+(?:du|des|de\s+(?:la|l'|son|sa|ses|leur|leurs|ce|cet|cette|ces))(?![\w-]))",
        r"(?:plus\s+tôt|plus\s+tard|en\s+début|en\s+fin)\s+de\s+semaine"
        r"|(?:plus\s+tôt|plus\s+tard|en\s+début|en\s+fin)\s+(?:cette|la)\s+semaine"
        r"|cette\s+semaine|la\s+semaine\s+(?:dernière|passée)|le\s+mois\s+(?:dernier|passé)"
        r"|l'an\s+(?:dernier|passé)|l'année\s+(?:dernière|passée)",
        r"il\s+y\s+a\s+(?:\w+)\s+(?:jours|semaines|mois)",
        r"en\s+\d{4}",
        r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})",
    ]
    return {
        "find": re.compile(r"(?<![\w-])(?:" + "|".join(forms) + r")(?![\w-])", re.I),
        "weekday": re.compile(rf"\b({wd})\b", re.I),
        "month": re.compile(rf"(?<!\w)({mo})\b", re.I),
        "part": re.compile(r"\b(début|mi|fin)\b", re.I),
        "year": re.compile(r"\b(\d{4})\b"),
        "range": re.compile(rf"du\s+({day})\s+au\s+{day}\s+((?:{mo}){year})", re.I),
    }


def find_dates(text: str) -> list[DateMention]:
    """Every date expression in ``text`` (normalised first; offsets are the same)."""
    if not isinstance(text, str):
        return []
    return _find_dates(normalise(text))


def _find_dates(norm: str) -> list[DateMention]:
    """:func:`find_dates` of a text already normalised."""
    return [DateMention(m.start(), m.end(), m.group()) for m in _regexes()["find"].finditer(norm)]


# A character no date expression can contain: the forms are made of words, digits, spaces,
# apostrophes, hyphens and slashes only. A search never reads past one (it can only fail there),
# so the dates between two of them are the same in a statement and in its whole article.
_BARRIER = re.compile(r"[^\w\s'/-]")


@lru_cache(maxsize=1)
def _barriers_hold() -> bool:
    """Do the words of ``date_words.json`` keep to the characters above (else a date could
    contain a :data:`_BARRIER` character)?"""
    w = date_words()
    return not any(_BARRIER.search(x) for x in [*w["weekdays"], *FRENCH_MONTHS, *w["day_parts"]])


def _dates_between(norm: str, start: int, end: int, whole: list[DateMention],
                   whole_starts: list[int]) -> list[DateMention]:
    """``_find_dates(norm[start:end])``, from ``whole`` (``_find_dates(norm)``, with the
    ``start`` of each): only the pieces before the first and after the last character no date
    can cross are searched again (there, the statement's edges change what the pattern sees)."""
    text = norm[start:end]
    first = _BARRIER.search(text)
    if first is None or not _barriers_hold():
        return _find_dates(text)
    last = next(i for i in range(len(text) - 1, -1, -1) if _BARRIER.match(text, i))
    rx = _regexes()["find"]
    head = [DateMention(m.start(), m.end(), m.group()) for m in rx.finditer(text, 0, first.start())]
    lo = bisect.bisect_right(whole_starts, start + first.start())
    hi = bisect.bisect_left(whole_starts, start + last)
    middle = [DateMention(d.start - start, d.end - start, d.text) for d in whole[lo:hi]]
    tail = [DateMention(m.start(), m.end(), m.group()) for m in rx.finditer(text, last + 1)]
    return head + middle + tail


def _timestamp(value) -> pd.Timestamp:
    if value is None:
        return pd.NaT
    try:
        ts = pd.Timestamp(value)
    except (TypeError, ValueError):
        return pd.NaT
    if ts is pd.NaT:
        return pd.NaT
    if ts.tzinfo is not None:
        ts = ts.tz_localize(None)
    return ts.normalize()


@lru_cache(maxsize=2048)
def _dateparser(expression: str, base_iso: str | None):
    import dateparser

    settings = dict(DATEPARSER_SETTINGS)
    if base_iso:
        settings["RELATIVE_BASE"] = pd.Timestamp(base_iso).to_pydatetime()
    try:
        return dateparser.parse(expression, languages=["fr"], settings=settings)
    except Exception:  # noqa: BLE001 - a date we cannot read is NaT, not a crash
        return None


def _month_year(month: int, base: pd.Timestamp, explicit: str | None, strictly_before=False):
    if explicit:
        return int(explicit)
    if month > base.month or (strictly_before and month == base.month):
        return base.year - 1
    return base.year


_DERNIER = re.compile(r"\b(?:dernier|passé)\b")


def resolve_date(expression: str, published) -> pd.Timestamp:
    """The day ``expression`` names, read against the publication date; NaT when unknown.

    >>> resolve_date("lundi soir", "2024-11-06")    # a Wednesday
    Timestamp('2024-11-04 00:00:00')
    >>> resolve_date("fin novembre", "2024-12-16")
    Timestamp('2024-11-30 00:00:00')

    Day-level resolution: a month alone is its first day, "mi-" the 15th, "fin" the last day.
    """
    if not isinstance(expression, str) or not expression.strip():
        return pd.NaT
    base = _timestamp(published)
    e = re.sub(r"\s+", " ", normalise(expression).strip().lower())
    year_m = _regexes()["year"].search(e)
    explicit_year = year_m.group(1) if year_m else None
    if base is pd.NaT:  # a relative date needs the publication date
        return _timestamp(_dateparser(e, None)) if explicit_year else pd.NaT
    m = _regexes()["range"].search(e)
    if m:  # "du 8 au 13 octobre": the first day
        return resolve_date(f"{m.group(1)} {m.group(2)}", base)
    for rule in (_eve, _weekday, _weekend, _week, _month_part):
        when = rule(e, base, explicit_year)
        if when is not None:
            return when
    return _parsed(e, base)


def _eve(e: str, base: pd.Timestamp, _year) -> pd.Timestamp | None:
    """"la veille" (au soir): the day before publication; "l'avant-veille": two days before."""
    m = re.fullmatch(r"(?:la |l')(avant-)?veille(?: au (?:soir|matin))?", e)
    if m is None:
        return None
    return base - pd.Timedelta(days=2 if m.group(1) else 1)


def _weekday(e: str, base: pd.Timestamp, _year) -> pd.Timestamp | None:
    """"lundi", "ce lundi", "jeudi dernier", "mardi prochain" (no day number)."""
    wd = _regexes()["weekday"].search(e)
    if not wd or re.search(r"\b(?:1er|\d{1,2})\b", e):
        return None
    target = date_words()["weekdays"].index(wd.group(1))
    if "prochain" in e:
        delta = -(((target - base.weekday()) % 7) or 7)
    elif _DERNIER.search(e):
        delta = ((base.weekday() - target) % 7) or 7
    else:
        delta = (base.weekday() - target) % 7
    return base - pd.Timedelta(days=delta)


def _weekend(e: str, base: pd.Timestamp, _year) -> pd.Timestamp | None:
    """"ce week-end", "le week-end dernier": the most recent Saturday."""
    if "week-end" not in e and "weekend" not in e:
        return None
    delta = (base.weekday() - 5) % 7
    if _DERNIER.search(e) and base.weekday() >= 5:
        delta += 7
    return base - pd.Timedelta(days=delta)


def _week(e: str, base: pd.Timestamp, _year) -> pd.Timestamp | None:
    """"cette semaine", "la semaine dernière", "en fin de semaine", "plus tard cette semaine"."""
    if "semaine" not in e or e.startswith("il y a"):
        return None
    monday = base - pd.Timedelta(days=base.weekday())
    if re.search(r"\b(?:dernière|passée)\b", e):
        return monday - pd.Timedelta(days=7)
    if "fin" in e:
        return min(monday + pd.Timedelta(days=4), base)
    return base if "plus tard" in e else monday


def _month_part(e: str, base: pd.Timestamp, explicit_year) -> pd.Timestamp | None:
    """"à la fin du mois dernier", "fin novembre", "en juin dernier"."""
    mo = _regexes()["month"].search(e)
    part = _regexes()["part"].search(e)
    dernier = _DERNIER.search(e) is not None
    if "mois" in e and part and not mo:
        first = base.replace(day=1)
        if dernier:
            first = (first - pd.Timedelta(days=1)).replace(day=1)
        return _part_of_month(first.year, first.month, part.group(1))
    if mo and not re.search(r"\b(?:1er|\d{1,2})\b", e) and (part or dernier):
        month = FRENCH_MONTHS[mo.group(1)]
        year = _month_year(month, base, explicit_year, strictly_before=dernier)
        return _part_of_month(year, month, part.group(1) if part else "début")
    return None


def _parsed(e: str, base: pd.Timestamp) -> pd.Timestamp:
    """What dateparser reads, the expression as written or without its frame words ("ce
    vendredi 18 octobre" → "vendredi 18 octobre", "depuis août" → "août")."""
    cleaned = re.sub(r"^(?:ce|cette|cet|le|en|depuis|dès|courant|d'ici)\s+", "", e)
    cleaned = re.sub(r"\s+(?:matin|soir|après-midi|midi|soirée|matinée)$", "", cleaned)
    if cleaned in {"matin", "soir", "nuit", "après-midi"}:
        return base
    return _timestamp(_dateparser(e, base.isoformat()) or _dateparser(cleaned, base.isoformat()))


def _part_of_month(year: int, month: int, part: str) -> pd.Timestamp:
    part = part.lower()
    if part == "fin":
        day = calendar.monthrange(year, month)[1]
    elif part == "mi":
        day = 15
    else:
        day = 1
    return pd.Timestamp(year=year, month=month, day=day)


@lru_cache(maxsize=1)
def _reporting_verbs() -> frozenset:
    """The verbs of saying, the same list the attribution rules use (``reporting_verbs.csv``),
    without those that report only with a quote or a given complement (``a lancé une
    offensive``, ``appelle à``: :func:`helpers.claims.attribution.lexicon.dating_verbs`)."""
    return dating_verbs()


def _is_reporting(token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in _reporting_verbs()


def _reporting_flags(table) -> list[bool]:
    """:func:`_is_reporting` for every token of a Doc (index = ``token.i``), from its
    :func:`helpers.core.nlp.token_table`; the verb of a reporting phrase counts too when its
    words follow ("faisaient encore état de six morts")."""
    verbs = _reporting_verbs()
    flags = [(pos == "VERB" or pos == "AUX") and lemma.lower() in verbs
             for pos, lemma in zip(table.pos, table.lemma, strict=True)]
    phrases = verb_phrases()
    for i, lemma in enumerate(table.lemma):
        for words, _phrase in phrases.get(lemma.lower(), ()):
            # up to two adverbs between the verb and its phrase: "fait déjà état", "fait encore"
            for gap in range(3):
                if table.lower[i + 1 + gap : i + 1 + gap + len(words)] == words:
                    flags[i] = True
                    break
    return flags


def statement_date(span, published) -> tuple[pd.Timestamp, str]:
    """When the statement in ``span`` was made: ``(date, expression)``.

    ``span`` is a spaCy ``Span``/``Doc`` (or a string, parsed here). A date expression dates the
    statement when it comes first in the sentence (and the sentence has a verb of saying) or sits
    next to a verb of saying, before its complement ("a indiqué jeudi dernier que…"). Otherwise the
    publication date is returned, with expression ``""``.
    """
    if isinstance(span, str):
        span = parse(span)
    if not hasattr(span, "start_char"):  # a Doc: take all of it
        span = span[:]
    table = token_table(span.doc)
    return _statement_date(span, published, table, _reporting_flags(table))


def _statement_date(span, published, table, reporting: list[bool], norm: str | None = None,
                    dates: tuple[list[DateMention], list[int]] | None = None
                    ) -> tuple[pd.Timestamp, str]:
    """:func:`statement_date` of a Span, given its Doc's :func:`helpers.core.nlp.token_table` (the
    tokens as lists: ``doc[i]`` builds a new Token at each access) and whether each token is a
    verb of saying (:func:`_reporting_flags`), so that an article's statements share one reading
    of its tokens. ``norm``: the Doc's text normalised, and ``dates``: ``_find_dates(norm)`` with
    the start of each, when the caller has them."""
    found = _statement_dates(span, published, table, reporting, norm, dates)
    return (found[0][1], found[0][2]) if found else (_timestamp(published), "")


def _statement_dates(span, published, table, reporting: list[bool], norm: str | None = None,
                     dates: tuple[list[DateMention], list[int]] | None = None
                     ) -> list[tuple[int, pd.Timestamp, str]]:
    """Every date of a statement that dates a verb of saying in ``span``: ``(the verb's token,
    date, expression)``, in text order (see :func:`_statement_date`). A statement may report
    two sayings ("a annoncé mardi la préfecture, qui faisait état la veille de quatre morts"):
    each figure takes the date of the saying it belongs to (:func:`date_for`)."""
    base = _timestamp(published)
    offset = span.start_char
    text = table.doc_text[offset : span.end_char]  # span.text, not rebuilt token by token
    first_verb = next((k for k in range(span.start, span.end) if reporting[k]), -1)
    if norm is not None and dates is not None:
        mentions = _dates_between(norm, offset, span.end_char, *dates)
    else:
        mentions = _find_dates(norm[offset : span.end_char] if norm is not None
                               else normalise(text))
    found = []
    for mention in mentions:
        # fronted: "Fin novembre, X avait estimé…", "Samedi, X a déclaré…"
        fronted = (first_verb >= 0 and not text[: mention.start].strip(" \t\n,;:«»“”\"'—–-()")
                   and not _passive(span.doc[first_verb]))
        verb = first_verb if fronted else _reporting_verb_of(span, table, reporting,
                                                             offset + mention.start)
        if verb >= 0:
            when = resolve_date(mention.text, base)
            if when is not pd.NaT:
                found.append((verb, when, mention.text))
    return found


def _passive(verb) -> bool:
    """``En 2025, 78 cas avaient été signalés…``: a passive verb of saying reports the event the
    fronted date belongs to, not a statement made then."""
    return any(child.dep_ == "aux:pass" for child in verb.children)


def date_for(token: int, found: list[tuple[int, pd.Timestamp, str]], published
             ) -> tuple[pd.Timestamp, str]:
    """The date of the saying a figure at ``token`` belongs to, among a statement's
    :func:`_statement_dates`: the nearest verb of saying before it, else the first after it;
    the publication date when the statement dates no saying."""
    if not found:
        return _timestamp(published), ""
    before = [f for f in found if f[0] <= token]
    verb, when, text = max(before, key=lambda f: f[0]) if before else found[0]
    return when, text


def _reporting_verb_of(span, table, reporting: list[bool], char: int) -> int:
    """The verb of saying the date at ``char`` belongs to (its head is one, or one comes just
    before it in the same clause: "a indiqué jeudi dernier que…"), or -1."""
    first_token, end_token = span.start, span.end
    # the first token of the span starting at or after the date
    i = bisect.bisect_left(table.idx, char, first_token, end_token)
    if i >= end_token:
        return -1
    head = span.doc[i].head.i
    if reporting[head]:
        return head
    for j in range(i - 1, max(first_token - 1, i - 4), -1):
        if table.lower[j] in {"que", "qu'", "«", "“", "."}:
            return -1
        if reporting[j]:
            return j
    return -1
