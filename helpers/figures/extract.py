"""Figures in French news: how many, of what, how sure, who said it and when.

``extract_figures`` returns a row per figure: the number (``value``, ``low``, ``high``), how it is
qualified (``exact, approx, lower, upper, range, vague``), what is counted (``unit``), the
``speaker`` (from the claim tagging of the same sentence) and when it was stated (``stated_on``).

What libraries do: spaCy parses (one parse per article, :mod:`helpers.core.nlp`), ``text2num``
reads number words, ``dateparser`` reads dates (see :mod:`.numbers`, :mod:`.dates`).
What no library does for French, and is therefore written here by hand, with its word lists kept
as data in ``helpers/figures/data/`` (``figure_qualifiers.csv``, ``figure_units.csv``,
``figure_patterns.json``) and in :mod:`.qualifiers` and :mod:`.article`:

- the qualifiers that change a figure's meaning: "environ", "quelque", "près de", "une dizaine"
  (approx); "au moins", "plus de" (lower bound); "jusqu'à", "moins de" (upper bound); "entre X et
  Y", "de X à Y" (range); "plusieurs milliers", "quelques centaines", "un petit nombre" (vague,
  no value);
- what is not a figure: dates, times and durations, years, article numbers, identifiers,
  "les deux" (both), the article "un";
- the unit (the noun counted, as a lemma), carried over to an elliptic figure ("sur les 10 000
  soldats…, jusqu'à 8 000") or a pronoun ("il y en a 11 000");
- derived totals: "cinq unités, chacune composée d'environ 3 000 soldats" gives 5 units, about
  3 000 soldiers each, and a derived total of about 15 000 (``derived=True``).
"""


from __future__ import annotations

import bisect
from dataclasses import dataclass

import pandas as pd

from helpers.claims.tagging import tag_claims
from helpers.core.nlp import parse_many, sentences
from helpers.figures.article import (
    _before_fraction,
    _DocView,
    _ends_statement,
    _has_clitic_en,
    _is_lone_one,
    _is_not_a_figure,
    _regexes,
    _unit_after,
    _years,
    patterns,
)
from helpers.figures.dates import _find_dates, _statement_dates, date_for
from helpers.figures.events import past_flags
from helpers.figures.numbers import _find_numbers, parse_number  # parse_number: public API here
from helpers.figures.qualifiers import (
    NAN,
    QUALIFIERS,
    _combine,
    _Figure,
    _interval,
    _join_bounds,
    _postfix_after_unit,
    _qualify_single,
    _ranges,
)

__all__ = ["COLUMNS", "QUALIFIERS", "extract_figures", "figures_in_doc", "parse_number"]

#: the stable columns first (GUIDE.md), then the helpful ones
COLUMNS = [
    "article_id", "sentence_id", "text", "value", "low", "high", "qualifier", "unit", "speaker",
    "derived", "stated_on", "stated_on_text", "past_event", "cue", "interval", "unit_kind",
    "sentence", "context", "start", "end",
]  # fmt: skip


# --------------------------------------------------------------------------- one document


@dataclass
class _Statements:
    """The sentences of an article and its *statements*: runs of sentences up to a final stop or
    a line break (the parser cuts "Selon Washington / , / jusqu'à 8 000…" into pieces)."""

    sents: list
    starts: list[int]
    ends: list[int]
    group_of: list[int]  # statement of each sentence
    groups: list[list[int]]  # sentences of each statement

    @classmethod
    def of(cls, doc, text: str) -> _Statements:
        sents = sentences(doc)
        group_of, groups = [], []
        for k, s in enumerate(sents):
            if not groups or _ends_statement(text, sents[k - 1], s):
                groups.append([k])
            else:
                groups[-1].append(k)
            group_of.append(len(groups) - 1)
        return cls(sents, [s.start_char for s in sents], [s.end_char for s in sents],
                   group_of, groups)

    def sentence_id(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.starts, char) - 1)

    def group(self, char: int) -> int:
        return self.group_of[self.sentence_id(char)]


def _numbers(view: _DocView, dates: list) -> tuple[list, list[tuple[int, int]]]:
    """The numbers that may be figures, and the vague amounts ("plusieurs milliers"), whose
    numbers are not counted again."""
    vague = [(m.start(), m.end()) for m in _regexes()["vague"].finditer(view.text)]
    numbers = [
        n for n in _find_numbers(view.norm)
        if not any(s < n.end and n.start < e for s, e in vague)
        and not _is_not_a_figure(view, n, dates)
    ]
    years = _years(view, numbers)
    return [n for i, n in enumerate(numbers) if i not in years], vague


def _qualified(view: _DocView, dates: list) -> list[_Figure]:
    """Every figure with its qualifier (ranges and joined bounds as one), in text order."""
    text = view.text
    numbers, vague = _numbers(view, dates)
    ranges = _ranges(view, numbers, set(patterns()["change_verbs"]))
    figures: list[_Figure] = []
    skip = set()
    for i, n in enumerate(numbers):
        if i in skip:
            continue
        if i in ranges:
            figures.append(ranges[i])
            skip.add(i + 1)
            continue
        f = _qualify_single(text, n)
        if _is_lone_one(n) and (f.qualifier == "exact" or _before_fraction(text, n)):
            continue  # the article "un", "un quart"
        figures.append(f)
    figures = _join_bounds(text, figures)
    figures += [_Figure(s, e, NAN, NAN, NAN, "vague", text[s:e].strip()) for s, e in vague]
    return sorted(figures, key=lambda f: f.start)


def _with_units(view: _DocView, figures: list[_Figure], st: _Statements) -> list[_Figure]:
    """The noun each figure counts (durations dropped: "8 heures", "trois jours"), a postfix
    qualifier after it ("30 soldats au moins"); an elliptic figure borrows the unit of the
    previous figure of its statement, or after the pronoun "en" ("il y en a 11 000") the last
    unit of the article."""
    kept = []
    for f in figures:
        f.unit, f.unit_kind, f.unit_end = _unit_after(view, f.end)
        if f.unit_kind != "time":
            _postfix_after_unit(view.text, f)
            kept.append(f)
    last_unit = ("", "")
    previous_in_group: dict[int, tuple[str, str]] = {}
    for f in kept:
        g = st.group(f.start)
        if not f.unit:
            if g in previous_in_group:
                f.unit, f.unit_kind = previous_in_group[g]
            elif _has_clitic_en(view, st.groups[g], st.sents, f.start) and last_unit[0]:
                f.unit, f.unit_kind = last_unit
        if f.unit:
            previous_in_group[g] = last_unit = (f.unit, f.unit_kind)
    return kept


def _with_derived(text: str, figures: list[_Figure], st: _Statements) -> list[_Figure]:
    """Derived totals added: "cinq unités, chacune composée d'environ 3 000 soldats"."""
    rx = _regexes()
    derived = []
    for a, b in zip(figures, figures[1:], strict=False):
        if a.unit_kind != "group" or a.unit_end < 0 or b.start < a.unit_end:
            continue
        if st.group(a.start) != st.group(b.start):
            continue
        between = text[a.unit_end : b.start]
        if rx["each"].fullmatch(between) or rx["of"].fullmatch(between):
            total = _combine(a, b)
            if total is not None:
                total.text = f"{text[a.start:a.end]} × {text[b.start:b.end]}"
                derived.append(total)
    return sorted(figures + derived, key=lambda f: (f.start, f.derived))


def _row(f: _Figure, text: str, sid: int, members: list[int], st: _Statements, dated: tuple,
         context: str) -> dict:
    stated_on, stated_text = dated
    return {
        "sentence_id": sid,
        "text": f.text or text[f.start : f.end].strip(),
        "value": f.value,
        "low": f.low,
        "high": f.high,
        "qualifier": f.qualifier,
        "unit": f.unit,
        "derived": f.derived,
        "stated_on": stated_on,
        "stated_on_text": stated_text,
        "cue": f.cue,
        "interval": _interval(f),
        "unit_kind": f.unit_kind,
        # a Span's text is this slice of the Doc's (Span.text rebuilds it token by token)
        "sentence": text[st.starts[sid] : st.ends[sid]].strip(),
        "context": context,
        "start": f.start,
        "end": f.end,
        "_group": [members[0], members[-1]],
    }


def figures_in_doc(doc, published=None) -> list[dict]:
    """The figures of one parsed article, as dicts (no article_id or speaker yet).

    ``doc`` must come from :func:`helpers.core.nlp.parse` (normalised text).
    """
    view = _DocView(doc)
    text = view.text
    st = _Statements.of(doc, text)
    if not st.sents:
        return []
    dates = _find_dates(view.norm)
    date_starts = [d.start for d in dates]
    figures = _with_derived(text, _with_units(view, _qualified(view, dates), st), st)
    # when each statement was made, and its words: once per statement
    dated: dict[int, tuple] = {}
    contexts: dict[int, str] = {}
    rows = []
    for f in figures:
        sid = st.sentence_id(f.start)
        g = st.group_of[sid]
        members = st.groups[g]
        if g not in dated:
            span = doc[st.sents[members[0]].start : st.sents[members[-1]].end]
            dated[g] = _statement_dates(span, published, view.table, view.reporting,
                                        view.norm, (dates, date_starts))
            contexts[g] = " ".join(text[st.starts[members[0]] : st.ends[members[-1]]].split())
        token = bisect.bisect_right(view.starts, f.start) - 1
        rows.append(_row(f, text, sid, members, st, date_for(token, dated[g], published),
                         contexts[g]))
    _date_repeated_figures(rows)
    past = past_flags(doc, [r["start"] for r in rows], [r["end"] for r in rows], dates, published)
    for row, flag in zip(rows, past, strict=True):
        row["past_event"] = flag
    return rows


def _date_repeated_figures(rows: list[dict]) -> None:
    """A lead or subheading repeats a figure the body dates ("jusqu'à 8 000 … a indiqué jeudi
    dernier"): an undated figure takes the date of the same figure
    dated elsewhere in the article (same value and qualifier; the unit may be worded otherwise)."""
    dated = {}
    for r in rows:
        if r["stated_on_text"] and not r["derived"]:
            dated.setdefault((r["value"], r["qualifier"]), r)
    for r in rows:
        if r["stated_on_text"] or r["qualifier"] == "vague":
            continue
        source = dated.get((r["value"], r["qualifier"]))
        if source is not None:
            r["stated_on"] = source["stated_on"]
            r["stated_on_text"] = f"{source['stated_on_text']} (same figure, sentence " \
                                  f"{source['sentence_id']})"


# --------------------------------------------------------------------------- corpus level
# --------------------------------------------------------------------------- corpus level


def _as_corpus(corpus_or_text, published=None) -> pd.DataFrame:
    if isinstance(corpus_or_text, str):
        return pd.DataFrame(
            {"article_id": ["text"], "text": [corpus_or_text], "published": [published]}
        )
    if isinstance(corpus_or_text, pd.DataFrame):
        missing = {"article_id", "text"} - set(corpus_or_text.columns)
        if missing:
            raise ValueError(f"corpus lacks the column(s) {sorted(missing)}")
        corpus = corpus_or_text.reset_index(drop=True)
        if "published" not in corpus.columns:
            corpus = corpus.assign(published=published)
        return corpus
    raise TypeError("extract_figures expects a corpus DataFrame or a string")


def _speakers(corpus: pd.DataFrame, docs, claims) -> tuple[dict, dict]:
    """Each sentence's speaker by ``(article_id, sentence_id)``, and each article's parts of
    sentences with their own source (``part_speakers``: ``(start_char, end_char, speaker)``)."""
    if claims is None:
        claims = tag_claims(corpus, docs=docs)
    if len(claims) == 0 or "speaker" not in claims.columns:
        return {}, {}
    speakers = claims["speaker"].fillna("").astype(str)
    by_sentence = dict(zip(zip(claims["article_id"], claims["sentence_id"], strict=True),
                           speakers, strict=True))
    parts: dict = {}
    if "part_speakers" in claims.columns:
        for aid, found in zip(claims["article_id"], claims["part_speakers"], strict=True):
            if isinstance(found, list | tuple) and len(found):
                parts.setdefault(aid, set()).update(tuple(p) for p in found)
    return by_sentence, parts


def _part_speaker(parts, start: int) -> str:
    """The source of the part of its sentence a figure starting at ``start`` sits in, or ``""``."""
    return next((name for a, b, name in parts if a <= start < b), "")


def extract_figures(corpus_or_text, docs=None, claims=None, published=None) -> pd.DataFrame:
    """A row per figure in a corpus (or in one string, whose ``article_id`` is ``"text"``).

    - ``docs``: the Docs already parsed from ``corpus.text`` (same order); parsed here if None.
    - ``claims``: :func:`helpers.claims.tag_claims` for the same corpus, used for ``speaker``
      by ``(article_id, sentence_id)``; tagged here from the same Docs when None.
    - ``published``: publication date for a plain string (a corpus brings its own column).

    Columns: ``article_id, sentence_id, text, value, low, high, qualifier, unit, speaker``, then
    ``derived`` (a total computed from two stated figures), ``stated_on`` (when it was said:
    :func:`helpers.figures.dates.statement_date`) and its ``stated_on_text``, ``past_event``
    (about an earlier event than the story's: :mod:`.events`), ``cue`` (the qualifier as
    written), ``interval`` ("[30,)" = 30 or more, "(,8000]" = up to 8 000, "~10000"),
    ``unit_kind`` (troops, people, group, area, percent, currency…, other), ``sentence`` (the
    parser's sentence), ``context`` (the whole statement around it) and ``start``/``end`` in the
    normalised text.

    Qualifiers: exact (value = low = high), approx (value; bounds NaN), lower (value = low),
    upper (value = high), range (low, high, value = midpoint), vague (all NaN).
    """
    corpus = _as_corpus(corpus_or_text, published)
    if docs is None:
        docs = parse_many(corpus["text"].fillna("").astype(str).tolist())
    docs = list(docs)
    if len(docs) != len(corpus):
        raise ValueError(f"{len(docs)} docs for {len(corpus)} articles: they must be aligned")
    speakers, parts = _speakers(corpus, docs, claims)

    rows = []
    for aid, published, doc in zip(corpus["article_id"].tolist(), corpus["published"].tolist(),
                                   docs, strict=True):
        found = figures_in_doc(doc, published)
        for row in found:
            first, last = row.pop("_group")
            speaker = _part_speaker(parts.get(aid, ()), row["start"]) or speakers.get(
                (aid, row["sentence_id"]), "")
            if not speaker:  # the parser may have cut the statement: ask its other pieces
                for k in range(first, last + 1):
                    speaker = speakers.get((aid, k), "")
                    if speaker:
                        break
            rows.append({"article_id": aid, "speaker": speaker, **row})
    frame = pd.DataFrame(rows, columns=COLUMNS)
    if frame.empty:
        return frame.astype(
            {"value": float, "low": float, "high": float, "derived": bool, "past_event": bool,
             "stated_on": "datetime64[ns]"}
        )
    frame["stated_on"] = pd.to_datetime(frame["stated_on"]).astype("datetime64[ns]")
    for col in ("value", "low", "high"):
        frame[col] = frame[col].astype(float)
    frame["derived"] = frame["derived"].astype(bool)
    frame["past_event"] = frame["past_event"].astype(bool)
    frame["sentence_id"] = frame["sentence_id"].astype(int)
    return frame

