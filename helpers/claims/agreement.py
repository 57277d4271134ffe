"""How far the learner's hand tags agree with the tagger's: raw agreement and Cohen's kappa for
"who says it?" and "hedged?", and the sentences where they differ."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from helpers.claims.sentence_units import NOBODY, sentence_units, tag_key
from helpers.core.text import is_missing


def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float:
    """Cohen's kappa of two raters' labels for the same items: (p_o − p_e) / (1 − p_e).

    ``p_o`` is the share of items they agree on, ``p_e`` the share they would agree on by chance
    given how often each used each label. 1 is perfect agreement, 0 no better than chance,
    negative worse than chance.

    Written by hand (a few lines, exact integer arithmetic) because no maintained lightweight
    library in our stack provides it: scikit-learn and statsmodels have it but weigh tens of MB
    and are not otherwise needed, and a Binder kernel must stay small.

    Degenerate cases return ``nan`` (kappa is 0/0, undefined): no items, or ``p_e == 1``, which
    happens when both raters gave every item one and the same label (their agreement is perfect,
    but says nothing about judgement).
    """
    a, b = list(a), list(b)
    if len(a) != len(b):
        raise ValueError(f"both raters must label the same items ({len(a)} vs {len(b)} labels)")
    n = len(a)
    if n == 0:
        return math.nan
    agreed = sum(x == y for x, y in zip(a, b, strict=True))
    count_a, count_b = Counter(a), Counter(b)
    chance = sum(count_a[label] * count_b[label] for label in count_a)  # p_e × n²
    if chance == n * n:
        return math.nan
    return (n * agreed - chance) / (n * n - chance)


def kappa_strength(kappa: float) -> str:
    """Landis & Koch's (1977) words for a kappa: a convention for reading it, not a test."""
    if is_missing(kappa):
        return "undefined"
    if kappa < 0:
        return "poor"
    for limit, words in ((0.20, "slight"), (0.40, "fair"), (0.60, "moderate"),
                         (0.80, "substantial")):
        if kappa <= limit:
            return words
    return "almost perfect"


@dataclass(frozen=True)
class Agreement:
    """How often the learner and the tagger gave the same answer to one question."""

    question: str
    compared: int
    agreed: int
    kappa: float

    @property
    def agreement(self) -> float:
        """Raw agreement: the share of compared sentences with the same answer (nan if none)."""
        return self.agreed / self.compared if self.compared else math.nan

    def describe(self) -> str:
        if not self.compared:
            return f"{self.question}: no sentence answered yet."
        if is_missing(self.kappa):
            k = ("Cohen's kappa is undefined here: you and the tagger gave the same single "
                 "answer to every sentence, so chance alone would agree as much")
        else:
            k = f"Cohen's kappa {self.kappa:.2f} ({kappa_strength(self.kappa)} agreement)"
        return (f"{self.question}: {self.compared} sentences compared, same answer for "
                f"{self.agreed} ({self.agreement:.0%}). {k}.")


@dataclass(frozen=True)
class Comparison:
    """The result of :func:`compare`: a line per question, and the disagreements."""

    speaker: Agreement
    hedged: Agreement
    disagreements: pd.DataFrame = field(repr=False)
    checkable: int = 0  # sentences the learner called checkable factual claims
    answered_checkable: int = 0
    not_found: tuple[str, ...] = ()  # saved keys with no sentence in the claims table

    def table(self) -> pd.DataFrame:
        """A row per question: ``question, compared, agreed, agreement, kappa, strength``."""
        return pd.DataFrame(
            [
                {"question": a.question, "compared": a.compared, "agreed": a.agreed,
                 "agreement": a.agreement, "kappa": a.kappa, "strength": kappa_strength(a.kappa)}
                for a in (self.speaker, self.hedged)
            ]
        )

    def __str__(self) -> str:
        lines = [self.speaker.describe(), self.hedged.describe()]
        if self.answered_checkable:
            lines.append(
                f"You judged {self.checkable} of {self.answered_checkable} sentences to be "
                "checkable factual claims (the tagger does not answer this one: it is yours)."
            )
        if self.not_found:
            lines.append(f"{len(self.not_found)} saved tag(s) match no sentence of this table "
                         "and were left out.")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return str(self)


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def _matched(learner_tags: Mapping, units: pd.DataFrame) -> tuple[list, list[str]]:
    """(unit, tag) for each tagged unit, in reading order (a key may name any piece of a split
    sentence; a unit counts once), and the keys that match no sentence."""
    by_piece: dict[str, dict] = {}
    for unit in units.to_dict("records"):
        for member in unit["members"]:
            by_piece[tag_key(unit["article_id"], member)] = unit
    order = {k: i for i, k in enumerate(units["key"])}
    matched, not_found, seen = [], [], set()
    for key, tag in learner_tags.items():
        unit = by_piece.get(str(key))
        if unit is None:
            not_found.append(str(key))
        elif unit["key"] not in seen and isinstance(tag, Mapping):
            seen.add(unit["key"])
            matched.append((order[unit["key"]], unit, tag))
    return [(unit, tag) for _, unit, tag in sorted(matched, key=lambda m: m[0])], not_found


def _answers(unit: dict, tag: Mapping) -> list[tuple[str, object, object]]:
    """(question, yours, automatic) for the questions the learner answered about ``unit``."""
    out = []
    if isinstance(tag.get("speaker"), str) and tag["speaker"]:
        out.append(("speaker", tag["speaker"], unit["speaker"] or NOBODY))
    if isinstance(tag.get("hedged"), bool):
        out.append(("hedged", tag["hedged"], bool(unit["hedged"])))
    return out


def _agreement(question: str, got: list[tuple]) -> Agreement:
    return Agreement(question=question, compared=len(got), agreed=sum(x == y for x, y in got),
                     kappa=cohen_kappa([x for x, _ in got], [y for _, y in got]))


_ASKED = {"speaker": "who says it?", "hedged": "hedged?"}


def compare(learner_tags, claims: pd.DataFrame) -> Comparison:
    """Compare the learner's tags with the automatic ones of ``claims`` (``tag_claims`` output).

    ``learner_tags``: the saved dict (``{"002_…:7": {"speaker": …, "hedged": …}}``, as
    :func:`helpers.claims.hand_tags.load_tags` returns it) or a tagging session (its ``.tags``).
    For "who says it?" and "hedged?" separately, only sentences the learner answered are
    compared. The tagger's empty speaker counts as :data:`NOBODY`; :data:`SOMEONE_ELSE` never
    matches. A key may name any piece of a split sentence.

    Returns a :class:`Comparison`: ``.speaker`` and ``.hedged`` (``compared``, ``agreement``,
    ``kappa``), ``.table()``, and ``.disagreements``, a DataFrame with
    ``article, sentence, question, yours, automatic``.
    """
    learner_tags = getattr(learner_tags, "tags", learner_tags)
    matched, not_found = _matched(learner_tags, sentence_units(claims))
    pairs: dict[str, list[tuple]] = {"speaker": [], "hedged": []}
    rows = []
    checkable = answered_checkable = 0
    for unit, tag in matched:
        if isinstance(tag.get("checkable"), bool):
            answered_checkable += 1
            checkable += tag["checkable"]
        for question, yours, auto in _answers(unit, tag):
            pairs[question].append((yours, auto))
            if yours != auto:
                shown = (yours, auto) if question == "speaker" else (_yes_no(yours), _yes_no(auto))
                rows.append({"article": unit["article_id"], "sentence": unit["sentence"],
                             "question": _ASKED[question], "yours": shown[0],
                             "automatic": shown[1]})
    return Comparison(
        speaker=_agreement("Who says it?", pairs["speaker"]),
        hedged=_agreement("Hedged?", pairs["hedged"]),
        disagreements=pd.DataFrame(rows, columns=["article", "sentence", "question", "yours",
                                                  "automatic"]),
        checkable=checkable,
        answered_checkable=answered_checkable,
        not_found=tuple(not_found),
    )
