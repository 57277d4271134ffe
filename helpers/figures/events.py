"""Which event a figure is about, read from the parse: this story's, or an earlier one.

"La crue de 2002, qui avait fait 23 morts" gives a figure, but not one of this week's toll; a
timeline of the story must list it apart (``past_event``). No library reads this, so the rule
is written here by hand, from the figure's place in the dependency parse:

- the figure's *clause* is its nearest verb (``avait fait``); when that verb opens a clause
  hanging on a noun (a relative clause, "quand …"), that noun is the *event* the clause
  describes (``la crue de 2002``), and so is the noun it is in apposition to;
- a figure is about an earlier event when its own noun phrase, an adjunct of its verb, or the
  event noun holds a *marker*: a year before the reference year (``de 2002``, ``en 2010``), a
  word of the lexicon ``past_markers.json`` (``précédent``, ``l'an dernier``, ``un an plus
  tôt``), or, with a verb in the pluperfect (``avait compté``), a date more than a week before
  the reference date (``le 1er octobre`` in an article of 15 October);
- a verb in the pluperfect with ``alors`` ("1,28 million avaient alors défilé") looks back;
- what follows a "que" after the figure is a comparison, not its event ("61 000 de plus
  qu'au trimestre précédent");
- a year after ``depuis`` starts something still going on ("depuis 2022"): not a marker; and
  a date on a verb of saying dates the statement, not the event ("Fin novembre, Austin avait
  estimé à 10 000 …" is about the story, said earlier): the date rule skips those verbs.

The reference date is the publication date; for an undated article, the end of the year it
names most often. Markers are looked for only among tokens reached from the figure without going
through another verb, so "six morts, contre 23 lors de la crue de 2002" keeps *six* in this
story.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from helpers.claims.attribution.lexicon import reporting_verbs

DATA_DIR = Path(__file__).resolve().parent / "data"
#: an earlier event must be at least this far before the reference date (a story's own days of
#: statements and updates stay inside it)
EARLIER_BY = pd.Timedelta(days=7)
_VERBS = {"VERB", "AUX"}
_NOMINAL = {"NOUN", "PROPN", "NUM", "PRON"}
_EVENT_LINKS = {"acl", "acl:relcl", "advcl", "appos", "nmod"}
_ADJUNCTS = {"obl", "obl:mod", "obl:tmod", "obl:arg", "advmod", "nmod", "advcl"}
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


@lru_cache(maxsize=1)
def past_markers() -> dict:
    with open(DATA_DIR / "past_markers.json", encoding="utf-8") as fh:
        return json.load(fh)


def clause_verb(doc, i: int):
    """The nearest verb above token ``i`` (itself if it is one), or None."""
    tok = doc[i]
    for _ in range(len(doc)):
        if tok.pos_ in _VERBS:
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def is_pluperfect(verb) -> bool:
    """``avait fait``, ``avaient été comptés``: an auxiliary in the imperfect on a participle."""
    return verb is not None and "Part" in verb.morph.get("VerbForm") and any(
        c.dep_.startswith("aux") and "Imp" in c.morph.get("Tense") for c in verb.children)


def _without_verbs(token, stop) -> list:
    """``token`` and what hangs below it, not crossing into another verb's clause or ``stop``.
    (spaCy makes a new Token object at each access: tokens are compared by index.)"""
    stop_i = None if stop is None else stop.i
    out, todo = [], [token]
    while todo:
        t = todo.pop()
        if t.i == stop_i:
            continue
        out.append(t)
        todo.extend(c for c in t.children if c.pos_ not in _VERBS and c.i != stop_i)
    return out


def _another_figures(i: int, tokens: list, others: set[int]) -> bool:
    """Do ``tokens`` (an adjunct of the figure's verb) belong to another figure? They do when
    they hold one ("contre 38 % lors de la précédente journée"), or when they follow the figure
    with another figure in between: in "2,4 millions, contre 2,3 millions un an plus tôt" the
    parser hangs "un an plus tôt" on the verb, but it dates the 2,3 millions."""
    at = {t.i for t in tokens}
    if not at or at & others:
        return True
    first = min(at)
    return first > i and any(i < k < first for k in others)


def _before_comparison(i: int, tokens: list) -> list:
    """Drop what follows a "que" after the figure: in "61 000 de plus qu'au trimestre
    précédent" the earlier quarter is what the figure is compared with, not its event."""
    que = [t.i for t in tokens if t.i > i and t.lower_ in ("que", "qu'")]
    return [t for t in tokens if not que or t.i < min(que)]


def scope(doc, i: int, others: set[int] = frozenset()) -> list:
    """The tokens that may date the event of the figure at token ``i``: its noun phrase, the
    adjuncts of its verb, and the event noun its clause describes (see the module docstring).
    ``others``: the tokens of the other figures of the article."""
    verb = clause_verb(doc, i)
    phrase = doc[i].head if doc[i].dep_ == "nummod" else doc[i]
    tokens = _without_verbs(phrase, verb)
    if verb is None:
        return _before_comparison(i, tokens)
    for child in verb.children:
        if child.dep_ in _ADJUNCTS and child.pos_ not in _VERBS and child.i != phrase.i \
                and not phrase.is_ancestor(child) and not child.is_ancestor(phrase):
            adjunct = _without_verbs(child, verb)
            if not _another_figures(i, adjunct, others):
                tokens += adjunct
    tokens = _before_comparison(i, tokens)
    while verb.dep_ == "conj" and verb.head.pos_ in _VERBS:  # "avait fait … et sinistré …"
        verb = verb.head
    event, hops = verb, 0
    while event.dep_ in _EVENT_LINKS and event.head.i != event.i and hops < 3:
        event, hops = event.head, hops + 1
        if event.pos_ in _VERBS:
            break
        tokens += _without_verbs(event, verb)
    return list({t.i: t for t in tokens}.values())


def reference_date(published, years: list[int]) -> pd.Timestamp | None:
    """The publication date; for an undated article, the last day of the year it names most
    often (``years``: its year-like tokens; not the latest: an article may look ahead, "d'ici
    2027")."""
    if published is not None and not pd.isna(published):
        return pd.Timestamp(published).normalize()
    years = pd.Series(years, dtype=int)
    if years.empty:
        return None
    counts = years.value_counts()
    year = max(y for y, n in counts.items() if n == counts.max())
    return pd.Timestamp(year=year, month=12, day=31)


def is_past_event(doc, i: int, reference: pd.Timestamp | None,
                  dated_tokens: dict[int, pd.Timestamp], others: set[int] = frozenset()) -> bool:
    """Is the figure at token ``i`` about an event earlier than the story (module docstring)?

    ``dated_tokens``: token index → the date its date expression resolves to; ``others``: the
    tokens of the article's other figures."""
    tokens = scope(doc, i, others)
    words = " ".join(t.lower_ for t in sorted(tokens, key=lambda t: t.i))
    if any(re.search(rf"(?<![\w-]){re.escape(m)}(?![\w-])", words)
           for m in past_markers()["phrases"]):
        return True
    if reference is None:
        return False
    for t in tokens:
        if _YEAR.fullmatch(t.text) and int(t.text) < reference.year and \
                (t.i == 0 or doc[t.i - 1].lower_ not in past_markers()["ongoing_before_year"]):
            return True
    verb = clause_verb(doc, i)
    while verb is not None and verb.dep_ == "conj" and verb.head.pos_ in _VERBS:
        verb = verb.head
    if not is_pluperfect(verb):
        return False
    if any(c.lower_ == "alors" for c in verb.children):  # "avaient alors défilé": back then
        return True
    if verb.lemma_.lower() not in reporting_verbs():
        return any(t.i in dated_tokens and dated_tokens[t.i] < reference - EARLIER_BY
                   for t in tokens)
    return False


def past_flags(doc, starts: list[int], ends: list[int], mentions, published) -> list[bool]:
    """:func:`is_past_event` for figures given by character spans in ``doc`` (its normalised
    text), with ``mentions`` the date expressions found in it."""
    from bisect import bisect_left, bisect_right

    from helpers.core.nlp import token_table
    from helpers.figures.dates import resolve_date

    tab = token_table(doc)
    idx = tab.idx
    base = None if published is None or pd.isna(published) else published
    dated: dict[int, pd.Timestamp] = {}
    for m in mentions:
        when = resolve_date(m.text, base)
        if when is pd.NaT:
            continue
        for k in range(bisect_left(idx, m.start), bisect_left(idx, m.end)):
            dated[k] = when
    reference = reference_date(published, [int(t) for t in tab.text if _YEAR.fullmatch(t)])
    if not len(doc):
        return [False] * len(starts)
    tokens = [max(bisect_right(idx, max(start, end - 1)) - 1, 0)
              for start, end in zip(starts, ends, strict=True)]
    return [is_past_event(doc, i, reference, dated, set(tokens) - {i}) for i in tokens]
