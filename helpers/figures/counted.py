"""What each figure counts, as a reader names it, and the questions a story's figures can answer.

>>> counts_of(figures)              # a Series: "mort", "manifestant", "soldat", … per figure
>>> counted_choices(figures)        # what the articles count, the most often attributed first
>>> question_for("mort")            # the question's data for story.json: "How many deaths?"

A figure's unit is the noun after it (``extract_figures``' ``unit``). What it *counts* is the
same noun grouped with its synonyms (``counted.csv``: every troop noun counts soldiers), except
for the nouns that only say "people" (*personnes*, *victimes*, *participants*) and figures
without a noun: there the words of the figure's clause say what is counted, closest first
(*quatre personnes sont mortes*: deaths; *4 800 personnes ont défilé*: demonstrators). A figure
with neither takes what the figure before it in the same sentence counts, when that one counts
the same noun or none (*4 800 personnes ont défilé selon la police, 11 000 selon la CGT*: both
demonstrators), as French leaves the noun out of a repeated count.

The rules and the lexicon are generic French (``helpers/figures/data/counted.csv``); a story adds
its own nouns with its ``units.csv``. No library names what a French number counts, so this is
written by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import pandas as pd

from helpers import SEEDS_DIR
from helpers.core.datafiles import read_rows
from helpers.core.story import TITLE, Question, load_story, save_question
from helpers.core.text import fold, is_missing
from helpers.figures.clauses import SentenceFigures, by_sentence

__all__ = ["choose_question", "counted_choices", "counted_english", "counts_of",
           "question_for", "with_question"]

DATA_DIR = Path(__file__).resolve().parent / "data"
#: unit kinds that never make a story's question (durations, ages, shares)
NOT_COUNTS = frozenset({"time", "percent"})
#: how far from the figure (characters) the words that say what it counts are looked for
WINDOW = 70
#: the smallest bare number that takes what the same number counts elsewhere (small numbers are
#: too common to be the same count)
SAME_NUMBER = 100
#: what is counted when the question is itself a toll: its figures are never "casualties"
TOLLS = frozenset({"mort", "blessé", "disparu", "victime", "hospitalisé", "sinistré"})
CHOICE_COLUMNS = ["counts", "english", "question", "attributed", "figures", "articles",
                  "examples"]


@dataclass(frozen=True)
class _Counted:
    counts: str
    english: str
    generic: bool
    predicate: re.Pattern | None


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, _Counted], dict[str, _Counted], list[_Counted]]:
    """``({noun: row}, {unit kind: row}, rows with a predicate in file order)``."""
    by_noun, by_kind, predicates = {}, {}, []
    for r in read_rows(DATA_DIR / "counted.csv"):
        row = _Counted(r["counts"], r["english"], r["generic"] == "yes",
                       re.compile(r["predicate"], re.I) if r["predicate"] else None)
        for noun in filter(None, r["nouns"].split("|")):
            if noun.startswith("kind:"):
                by_kind[noun[5:]] = row
            else:
                by_noun[noun] = row
        if row.predicate is not None:
            predicates.append(row)
    return by_noun, by_kind, predicates


def counted_english(counts: str) -> str:
    """How the course names ``counts`` in English (``"mort"`` → ``"deaths"``); a noun it does
    not know stays as the articles write it."""
    by_noun, by_kind, _ = _lexicon()
    known = {row.counts: row.english for row in [*by_noun.values(), *by_kind.values()]}
    return known.get(counts, counts)


def _text(value) -> str:
    return "" if is_missing(value) else str(value)


def _from_words(before: str, after: str) -> str:
    """What the closest predicate of the clause says is counted: the first one after the figure,
    else the last one before it; ``""`` when none."""
    best: tuple[int, int, str] | None = None
    for order, row in enumerate(_lexicon()[2]):
        found = row.predicate.search(after)
        if found:
            candidate = (found.start(), order, row.counts)
            best = min(best, candidate) if best else candidate
    if best:
        return best[2]
    for order, row in enumerate(_lexicon()[2]):
        found = [m.end() for m in row.predicate.finditer(before)]
        if found:
            candidate = (len(before) - found[-1], order, row.counts)
            best = min(best, candidate) if best else candidate
    return best[2] if best else ""


def _windows(name, siblings: SentenceFigures) -> tuple[str, str]:
    """The words around the figure ``name`` (its index), up to :data:`WINDOW` characters, cut
    at its neighbours."""
    sentence = siblings.sentence.lower().replace("\u2019", "'")
    start, end = siblings.span(name)
    if start < 0:
        return "", sentence
    lo, hi = max(0, start - WINDOW), min(len(sentence), end + WINDOW)
    for o_start, o_end in siblings.neighbours(name):
        if o_end <= start:
            lo = max(lo, o_end)
        elif o_start >= end:
            hi = min(hi, o_start)
    return sentence[lo:start], sentence[end:hi]


def _own_counts(row: dict) -> tuple[str, bool]:
    """(what the noun counts, whether the clause must say it)."""
    by_noun, by_kind, _ = _lexicon()
    lemma = _text(row.get("unit"))
    found = by_noun.get(lemma) or by_kind.get(_text(row.get("unit_kind")))
    if found is not None:
        return found.counts, found.generic
    return lemma, not lemma


def counts_of(figures: pd.DataFrame) -> pd.Series:
    """What each figure counts (the rules of the module docstring), indexed as ``figures``;
    ``""`` when nothing says."""
    if figures.empty:
        return pd.Series("", index=figures.index, dtype=object)
    groups = by_sentence(figures)
    out: dict = {}
    for siblings in groups.values():
        rows = siblings.rows
        previous: tuple[str, str] | None = None  # (unit, counts) of the figure before
        for name in _in_text_order(rows):
            row = rows[name]
            counts, needs_words = _own_counts(row)
            if needs_words and not row["derived"]:
                said = _from_words(*_windows(name, siblings))
                unit = _text(row.get("unit"))
                if said:
                    counts = said
                elif previous and unit in ("", previous[0]):
                    counts = previous[1]
            out[name] = counts
            previous = (_text(row.get("unit")), counts)
    series = pd.Series(out, dtype=object).reindex(figures.index).fillna("")
    return _same_number(figures, series)


def _in_text_order(rows: dict) -> list:
    """The index of a sentence's figures in the order they are written (by ``start``, missing
    last, ties kept in table order)."""
    def where(name):
        start = rows[name].get("start")
        return (1, 0) if start is None or pd.isna(start) else (0, start)
    return sorted(rows, key=where)


def _same_number(figures: pd.DataFrame, counts: pd.Series) -> pd.Series:
    """A bare number of :data:`SAME_NUMBER` or more that nothing else names counts what the same
    number counts elsewhere in the story, when that is one thing (*Ils étaient 9 000*, and
    *9 000 manifestants* in another article)."""
    named = figures.assign(counts=counts)
    named = named[(named["counts"] != "") & named["value"].notna()]
    by_value = named.groupby("value")["counts"].agg(lambda s: set(s))
    bare = (counts == "") & (figures["value"] >= SAME_NUMBER) & (figures["unit"].fillna("") == "")
    out = counts.copy()
    for name in counts.index[bare]:
        found = by_value.get(figures.at[name, "value"], set())
        if len(found) == 1:
            out[name] = next(iter(found))
    return out


@lru_cache(maxsize=1)
def _casualty_pattern() -> str:
    return "|".join(f"(?:{r['pattern']})" for r in read_rows(DATA_DIR / "casualty_words.csv"))


def question_for(counts: str, english: str | None = None) -> dict:
    """The question's data (``story.json``'s ``question``) for a story counting ``counts``.
    Unless what is counted is itself a toll (deaths, injured, missing…), a figure whose clause
    says they were killed or wounded is a casualty count, apart from the estimates."""
    english = english or counted_english(counts)
    ask = f"How many {english}?"
    question = {"text": ask, "counted": english, "counts": [counts],
                "answers": f"how many {english}",
                "timeline_title": f"{ask} The figures, by the date they were stated"}
    if counts not in TOLLS:
        question["casualties"] = _casualty_pattern()
    return question


def _match(wanted: str, choices: pd.DataFrame) -> str:
    """The ``counts`` of ``choices`` a learner means by ``wanted`` ("morts", "deaths", "How many
    deaths?"), else ``""``."""
    def key(text: str) -> str:
        text = fold(str(text)).strip(" ?.!«»\"'")
        text = re.sub(r"^(?:how many|combien de|combien d')\s*", "", text)
        return re.sub(r"(?<=\w)[sx]\b", "", text)

    target = key(wanted)
    for row in choices.itertuples():
        if target in (key(row.counts), key(row.english)):
            return row.counts
    by_noun = _lexicon()[0]
    for noun, row in by_noun.items():  # a synonym: "tués" for deaths
        if target == key(noun):
            return row.counts
    return ""


def with_question(story, figures: pd.DataFrame):
    """``story`` when it asks a question (its ``story.json`` says what is counted), else the
    same story asking the likeliest one of its figures (the first of :func:`counted_choices`):
    what a folder nobody chose a question for is read with, e.g. by the report."""
    question = story.question
    if question.counts or question.unit_kinds:
        return story
    choices = counted_choices(figures)
    if choices.empty:
        return story
    asked = Question.from_dict(question_for(choices["counts"].iloc[0]))
    title = f"{asked.text} {TITLE}" if story.title == TITLE else story.title
    return replace(story, question=asked, title=title)


def choose_question(folder, figures: pd.DataFrame, wanted: str = ""):
    """The story's question, chosen by the learner (notebook 05) and written into the folder's
    ``story.json``; returns the :class:`helpers.core.story.Story`.

    ``wanted``: what the story counts, in French or English ("morts", "deaths"); ``""`` keeps
    the question already saved in the folder, else takes the first of :func:`counted_choices`
    (the most often attributed). The course's own folder keeps its question, whatever is asked.
    Prints what was chosen and how to choose another."""
    story = load_story(folder)
    choices = counted_choices(figures)
    if story.folder == SEEDS_DIR.resolve():
        print(f"The course's question: {story.question.text} (the course's articles keep it).")
        return story
    counts = _match(wanted, choices) if str(wanted).strip() else ""
    if str(wanted).strip() and not counts:
        print(f"No figure of your articles counts “{wanted}”; the choices are listed above.")
    if not counts:
        saved = story.question.counts
        counts = saved[0] if saved else (choices["counts"].iloc[0] if len(choices) else "")
    if not counts:
        print("No figure of your articles counts anything yet: every figure is shown.")
        return story
    story = save_question(story.folder, question_for(counts))
    mine = choices[choices["counts"] == counts]
    said = (f" {int(mine['figures'].iloc[0])} figure(s) in {int(mine['articles'].iloc[0])} "
            "article(s) count it.") if len(mine) else ""
    print(f"Your question: {story.question.text}{said}")
    others = [q for q in choices["english"] if q != story.question.counted][:4]
    if others:
        print(f"To ask another, write it in quotes above, e.g. what_is_counted = "
              f"\"{others[0]}\" ({', '.join(others)}), and run the cell again.")
    return story


def counted_choices(figures: pd.DataFrame) -> pd.DataFrame:
    """What the articles' figures count, one row per thing counted: ``counts`` (the French
    noun), ``english``, ``question``, ``attributed`` (figures with a speaker), ``figures`` (with
    a number), ``articles``, ``examples`` (as written). Figures about earlier events, vague
    amounts and durations or shares are left out. The most often attributed first: the likeliest
    question of the story."""
    if figures.empty:
        return pd.DataFrame(columns=CHOICE_COLUMNS)
    table = figures.assign(counts=counts_of(figures))
    keep = (table["value"].notna() & (table["qualifier"] != "vague") & (table["counts"] != "")
            & ~table["unit_kind"].fillna("").isin(NOT_COUNTS))
    if "past_event" in table:
        keep &= ~table["past_event"].fillna(False).astype(bool)
    table = table[keep]
    rows = []
    for counts, mine in table.groupby("counts", sort=False):
        english = counted_english(counts)
        rows.append({
            "counts": counts, "english": english, "question": f"How many {english}?",
            "attributed": int((mine["speaker"].fillna("") != "").sum()),
            "figures": len(mine), "articles": mine["article_id"].nunique(),
            "examples": ", ".join(dict.fromkeys(mine["text"].astype(str)))[:80],
        })
    out = pd.DataFrame(rows, columns=CHOICE_COLUMNS)
    out = out.sort_values(["attributed", "figures", "articles"], ascending=False,
                          kind="stable")
    return out.reset_index(drop=True)
