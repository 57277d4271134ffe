"""Hand-tagging claims: choose sentences, keep the learner's tags, compare them with the tagger's.

The logic behind the tagging widget of notebook 02 (:mod:`helpers.display.widgets.tagging` draws
it). Nothing here imports ipywidgets, and nothing calls :func:`helpers.claims.tag_claims`: every
function takes the claims table as an argument, so tests build small tables by hand.

>>> sample = pick_sentences(claims, n=12)        # article_id, sentence_id, sentence
>>> session = TaggingSession(claims)             # loads the saved tags, if any
>>> session.set("speaker", "GUR")                # ... and saves them at once
>>> result = compare(session.tags, claims)       # agreement and Cohen's kappa
>>> print(result); result.disagreements

**What is tagged.** The parser sometimes cuts one sentence into pieces (``Selon Washington`` /
``,`` / ``jusqu'à 8 000 soldats…``); :func:`helpers.claims.tag_claims` gives such pieces one
``claim_id`` and the same tags. Here they are read as one *unit*, shown joined, and named by their
first ``sentence_id``. A claims table without ``claim_id`` has one unit per row.

**What is saved.** ``workspace.save("tags_02", tags)`` after every change, where ``tags`` maps a
stable key, ``"<article_id>:<sentence_id>"`` (``"002_fd0b306409274ced:7"``), to::

    {"sentence": "…", "checkable": True, "speaker": "GUR", "hedged": False}

``checkable`` and ``hedged`` are ``True``, ``False`` or ``None`` (not answered yet); ``speaker`` is
a speaker of the claims table, :data:`NOBODY`, :data:`SOMEONE_ELSE` or ``None``. The sentence text
is kept so the file makes sense on its own (in an exported zip, or if the tagger changes later).
"""

from __future__ import annotations

import math
import random
import re
import unicodedata
import warnings
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from helpers.core import workspace

__all__ = [
    "NOBODY",
    "QUESTIONS",
    "SOMEONE_ELSE",
    "TAGS_KEY",
    "Agreement",
    "Comparison",
    "TaggingSession",
    "TaggingWarning",
    "cohen_kappa",
    "compare",
    "kappa_strength",
    "load_tags",
    "pick_sentences",
    "sentence_units",
    "speaker_choices",
    "tag_key",
]

#: The workspace key the tags are saved under (``work/tags_02.json``).
TAGS_KEY = "tags_02"
#: The speaker answer for a sentence nobody is quoted for: the outlet states it itself.
NOBODY = "nobody / the outlet itself"
#: The speaker answer for a speaker missing from the list.
SOMEONE_ELSE = "someone else"
#: The three questions, in the order the widget asks them.
QUESTIONS = ("checkable", "speaker", "hedged")
#: Units with fewer words than this (headline stubs, lone labels) are not offered for tagging,
#: nor are units starting in lower case (the tail of a sentence cut at a line break).
MIN_WORDS = 6
#: The groups :func:`pick_sentences` takes turns drawing from.
STRATA = ("named", "anonymous", "hedged", "none")

_REQUIRED = ("article_id", "sentence_id", "sentence", "speaker", "hedged")
_WORD = re.compile(r"\w+")
# Pieces that are glued to the text before them when a split sentence is joined back.
_NO_SPACE_BEFORE = (",", ".", ")", "…", "”")
_NO_SPACE_AFTER = ("(", "“")


class TaggingWarning(UserWarning):
    """Saved tags that could not be used as they were; the learner's file is never deleted."""


def tag_key(article_id: Any, sentence_id: Any) -> str:
    """The stable key of a sentence in the saved tags: ``"002_fd0b306409274ced:7"``."""
    return f"{article_id}:{int(sentence_id)}"


# ----------------------------------------------------------------------------- the units


def _text(value: Any) -> str:
    """A cell as a stripped string; missing values (None, NaN) become ``""``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _flag(value: Any) -> bool:
    """A cell as a bool; missing values count as False."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return False
    return bool(value)


def _join(pieces: Sequence[str]) -> str:
    """Join the pieces of a split sentence as a reader sees them (no space before ``,`` ``.``)."""
    out = ""
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if out and not piece.startswith(_NO_SPACE_BEFORE) and not out.endswith(_NO_SPACE_AFTER):
            out += " "
        out += piece
    return out


def _starts_a_sentence(text: str) -> bool:
    """The first letter or digit (after quote marks and dashes) is a capital or a digit."""
    first = _WORD.search(text)
    return bool(first) and (first.group()[0].isupper() or first.group()[0].isdigit())


def _sort_key(name: str) -> tuple[str, str]:
    """Alphabetical order as a French reader expects it: "États-Unis" among the E."""
    plain = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in plain if not unicodedata.combining(c)), name


def _check_columns(claims: pd.DataFrame) -> None:
    if not isinstance(claims, pd.DataFrame):
        raise TypeError(
            f"claims must be a DataFrame (from tag_claims), not {type(claims).__name__}"
        )
    missing = [c for c in _REQUIRED if c not in claims.columns]
    if missing:
        raise ValueError(
            f"The claims table has no column {', '.join(map(repr, missing))}: pass the DataFrame "
            "that tag_claims(corpus) returns (it has article_id, sentence_id, sentence, speaker, "
            "speaker_kind, hedged, …)."
        )


def sentence_units(claims: pd.DataFrame) -> pd.DataFrame:
    """The sentences a reader sees, a row each, in article order.

    Columns: ``key, article_id, sentence_id`` (the unit's first sentence), ``sentence`` (its pieces
    joined), ``speaker``, ``speaker_kind``, ``hedged`` (the tagger's answers, ``""`` / False when
    missing), ``stratum`` (``named``, ``anonymous`` or ``none``), ``words``, ``members`` (the
    ``sentence_id`` of every piece).
    """
    _check_columns(claims)
    df = claims.copy()
    df["article_id"] = df["article_id"].map(_text)
    df["sentence_id"] = df["sentence_id"].astype(int)
    df = df.sort_values(["article_id", "sentence_id"], kind="stable")
    has_claim_id = "claim_id" in df.columns and df["claim_id"].notna().all()
    group_col = "claim_id" if has_claim_id else "sentence_id"
    rows = []
    for (article_id, _), group in df.groupby(["article_id", group_col], sort=False):
        first = group.iloc[0]
        speaker = _text(first["speaker"])
        kind = _text(first.get("speaker_kind", ""))
        if not speaker:
            stratum = "none"
        elif kind == "anonymous":
            stratum = "anonymous"
        else:  # person, institution, media, or a hand-built table without speaker_kind
            stratum = "named"
        sentence = _join([_text(s) for s in group["sentence"]])
        rows.append(
            {
                "key": tag_key(article_id, first["sentence_id"]),
                "article_id": article_id,
                "sentence_id": int(first["sentence_id"]),
                "sentence": sentence,
                "speaker": speaker,
                "speaker_kind": kind,
                "hedged": _flag(first["hedged"]),
                "stratum": stratum,
                "words": len(_WORD.findall(sentence)),
                "members": [int(s) for s in group["sentence_id"]],
            }
        )
    units = pd.DataFrame(
        rows,
        columns=["key", "article_id", "sentence_id", "sentence", "speaker", "speaker_kind",
                 "hedged", "stratum", "words", "members"],
    )
    # reading order: a unit sits where its first piece is
    return units.sort_values(["article_id", "sentence_id"], kind="stable").reset_index(drop=True)


def speaker_choices(claims: pd.DataFrame) -> list[str]:
    """The answers to "who says it?": :data:`NOBODY`, every speaker of ``claims`` (alphabetical),
    then :data:`SOMEONE_ELSE`."""
    _check_columns(claims)
    speakers = {_text(s) for s in claims["speaker"]} - {"", NOBODY, SOMEONE_ELSE}
    return [NOBODY, *sorted(speakers, key=_sort_key), SOMEONE_ELSE]


# ----------------------------------------------------------------------------- sampling


def pick_sentences(claims: pd.DataFrame, n: int = 12, seed: int = 0) -> pd.DataFrame:
    """A varied sample of ``n`` sentences to tag by hand, the same for the same ``seed``.

    Draws in turn from four groups: sentences attributed to a named speaker, to an anonymous
    source, hedged ones, and ones with no attribution; within a group it takes the sentence from
    the article picked least so far, so the sample spreads over the articles. Fragments and stubs
    shorter than :data:`MIN_WORDS` words are left out while there are enough longer sentences. The
    result does not depend on the row order of ``claims``.

    Returns a DataFrame with ``article_id, sentence_id, sentence``, in article order.
    """
    if not isinstance(n, int) or isinstance(n, bool) or n < 0:
        raise ValueError(f"n must be a whole number of sentences, 0 or more, not {n!r}")
    units = sentence_units(claims)
    units = units[units["sentence"] != ""]
    long_enough = units[(units["words"] >= MIN_WORDS) & units["sentence"].map(_starts_a_sentence)]
    pool = long_enough if len(long_enough) >= n else units
    records = pool.to_dict("records")
    random.Random(seed).shuffle(records)  # the pool is in article order, so this is reproducible
    rank = {r["key"]: i for i, r in enumerate(records)}
    groups = {
        "named": [r for r in records if r["stratum"] == "named"],
        "anonymous": [r for r in records if r["stratum"] == "anonymous"],
        "hedged": [r for r in records if r["hedged"]],
        "none": [r for r in records if r["stratum"] == "none"],
    }
    chosen: dict[str, dict] = {}
    per_article: Counter = Counter()
    while len(chosen) < min(n, len(records)):
        before = len(chosen)
        for name in STRATA:  # every unit is in one group at least (named, anonymous or none)
            left = [r for r in groups[name] if r["key"] not in chosen]
            if not left or len(chosen) >= n:
                continue
            best = min(left, key=lambda r: (per_article[r["article_id"]], rank[r["key"]]))
            chosen[best["key"]] = best
            per_article[best["article_id"]] += 1
        if len(chosen) == before:
            break
    sample = pd.DataFrame(list(chosen.values()), columns=list(units.columns))
    sample = sample.sort_values(["article_id", "sentence_id"], kind="stable")
    return sample[["article_id", "sentence_id", "sentence"]].reset_index(drop=True)


# ----------------------------------------------------------------------------- saved tags


def _clean_tag(key: str, value: Any) -> dict | None:
    """A saved tag with only the fields we know, each of the right type; None if unusable."""
    if not isinstance(value, Mapping):
        return None
    tag: dict[str, Any] = {"sentence": value.get("sentence") if isinstance(
        value.get("sentence"), str) else ""}
    for name in ("checkable", "hedged"):
        v = value.get(name)
        tag[name] = v if isinstance(v, bool) else None
    v = value.get("speaker")
    tag["speaker"] = v if isinstance(v, str) and v else None
    return tag


def load_tags(key: str = TAGS_KEY) -> dict[str, dict]:
    """The learner's saved tags (``{}`` when there are none).

    A damaged file is handled by :func:`helpers.workspace.load` (warning, last good copy). A file
    that is valid JSON but not tags (a list, say) gives ``{}`` with a :class:`TaggingWarning`; it is
    kept as the backup by the next save, never deleted.
    """
    data = workspace.load(key, default={})
    if not isinstance(data, Mapping):
        warnings.warn(
            f"The saved tags ({key}) are not a table of tags ({type(data).__name__}); starting "
            f"afresh. The old file is kept as {key}.bak.json at the next save.",
            TaggingWarning,
            stacklevel=2,
        )
        return {}
    tags = {}
    for k, v in data.items():
        tag = _clean_tag(str(k), v)
        if tag is None:
            warnings.warn(f"Ignoring a saved tag that is not usable: {k!r}", TaggingWarning,
                          stacklevel=2)
            continue
        tags[str(k)] = tag
    return tags


def _complete(tag: Mapping | None) -> bool:
    return bool(tag) and all(tag.get(q) is not None for q in QUESTIONS)


class TaggingSession:
    """One learner tagging one sample: the sentences, where they are, and their saved tags.

    Every change goes to disk at once (:meth:`set` calls :meth:`save`), so a kernel restart loses
    nothing. A new session on the same workspace resumes at the first sentence not fully tagged,
    with the saved answers. Sentences tagged earlier but missing from today's sample (the tagger
    changed) are kept and shown after the sample, so no tag is orphaned.
    """

    def __init__(self, claims: pd.DataFrame, n: int = 12, seed: int = 0, key: str = TAGS_KEY):
        self.claims = claims
        self.key = key
        self.units = sentence_units(claims)
        self.tags: dict[str, dict] = load_tags(key)
        sample = pick_sentences(claims, n=n, seed=seed)
        keys = [tag_key(a, s) for a, s in zip(sample["article_id"], sample["sentence_id"],
                                                strict=True)]
        in_sample = set(keys)
        extra = [k for k in self.units["key"] if k in self.tags and k not in in_sample]
        self.keys: list[str] = keys + extra
        self._by_key = self.units.set_index("key", drop=False)
        self.choices = speaker_choices(claims)
        for tag in self.tags.values():  # a saved answer stays selectable even if the list changed
            s = tag.get("speaker")
            if s and s not in self.choices:
                self.choices.insert(len(self.choices) - 1, s)
        self.saves = 0
        self.last_saved: Path | None = None
        self.position = self.first_untagged()

    # -- where we are
    def __len__(self) -> int:
        return len(self.keys)

    @property
    def current_key(self) -> str | None:
        return self.keys[self.position] if self.keys else None

    def unit(self, key: str | None = None) -> pd.Series:
        """The unit (``article_id, sentence_id, sentence, …``) of ``key`` (default: current)."""
        key = self.current_key if key is None else key
        return self._by_key.loc[key]

    def neighbours(self, key: str | None = None) -> tuple[str, str]:
        """The sentences just before and after ``key`` in its article (``""`` at either end)."""
        unit = self.unit(key)
        same = self.units[self.units["article_id"] == unit["article_id"]].reset_index(drop=True)
        i = int(same.index[same["key"] == unit["key"]][0])
        before = same.loc[i - 1, "sentence"] if i > 0 else ""
        after = same.loc[i + 1, "sentence"] if i + 1 < len(same) else ""
        return before, after

    def first_untagged(self) -> int:
        """Index of the first sentence with a question unanswered (the last one if all are done)."""
        for i, k in enumerate(self.keys):
            if not _complete(self.tags.get(k)):
                return i
        return max(len(self.keys) - 1, 0)

    def go(self, position: int) -> int:
        """Move to ``position`` (clamped to the sample); return the new position."""
        self.position = min(max(int(position), 0), max(len(self.keys) - 1, 0))
        return self.position

    def next(self) -> int:
        return self.go(self.position + 1)

    def previous(self) -> int:
        return self.go(self.position - 1)

    # -- the answers
    def tag(self, key: str | None = None) -> dict:
        """The answers for ``key`` (default: current); unanswered questions are None."""
        key = self.current_key if key is None else key
        saved = self.tags.get(key, {})
        return {q: saved.get(q) for q in QUESTIONS}

    def is_tagged(self, key: str | None = None) -> bool:
        """All three questions answered for ``key`` (default: current)."""
        return _complete(self.tag(key))

    @property
    def n_tagged(self) -> int:
        return sum(_complete(self.tags.get(k)) for k in self.keys)

    def progress_text(self) -> str:
        return f"{self.n_tagged} of {len(self.keys)} tagged"

    def set(self, question: str, value: Any, key: str | None = None) -> Path:
        """Record one answer for ``key`` (default: current) and save all tags at once."""
        if question not in QUESTIONS:
            raise ValueError(f"question must be one of {QUESTIONS}, not {question!r}")
        if question == "speaker":
            if value is not None and (not isinstance(value, str) or value not in self.choices):
                raise ValueError(f"{value!r} is not one of the speaker choices")
        elif value is not None and not isinstance(value, bool):
            raise ValueError(f"{question} must be True, False or None, not {value!r}")
        key = self.current_key if key is None else key
        if key is None or key not in self._by_key.index:
            raise KeyError(f"no sentence {key!r} in this session")
        tag = self.tags.setdefault(
            key, {"sentence": self.unit(key)["sentence"], **dict.fromkeys(QUESTIONS)}
        )
        tag[question] = value
        return self.save()

    def save(self) -> Path:
        """Write every tag to the workspace now (atomic; the previous file is kept as backup)."""
        path = workspace.save(self.key, self.tags)
        self.saves += 1
        self.last_saved = path
        return path

    def compare(self) -> Comparison:
        """:func:`compare` of these tags with the claims table."""
        return compare(self.tags, self.claims)


# ----------------------------------------------------------------------------- agreement


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
    if kappa is None or math.isnan(kappa):
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
        if math.isnan(self.kappa):
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


def compare(learner_tags: Mapping[str, Mapping] | TaggingSession, claims: pd.DataFrame
            ) -> Comparison:
    """Compare the learner's tags with the automatic ones of ``claims`` (``tag_claims`` output).

    ``learner_tags``: the saved dict (``{"002_…:7": {"speaker": …, "hedged": …}}``, as
    :func:`load_tags` returns it) or a :class:`TaggingSession`. For "who says it?" and "hedged?"
    separately, only sentences the learner answered are compared. The tagger's empty speaker
    counts as :data:`NOBODY`; :data:`SOMEONE_ELSE` never matches. A key may name any piece of a
    split sentence.

    Returns a :class:`Comparison`: ``.speaker`` and ``.hedged`` (``compared``, ``agreement``,
    ``kappa``), ``.table()``, and ``.disagreements``, a DataFrame with
    ``article, sentence, question, yours, automatic``.
    """
    if isinstance(learner_tags, TaggingSession):
        learner_tags = learner_tags.tags
    units = sentence_units(claims)
    by_piece: dict[str, dict] = {}
    for unit in units.to_dict("records"):
        for member in unit["members"]:
            by_piece[tag_key(unit["article_id"], member)] = unit
    pairs: dict[str, list[tuple]] = {"speaker": [], "hedged": []}
    rows, not_found, seen = [], [], set()
    checkable = answered_checkable = 0
    order = {k: i for i, k in enumerate(units["key"])}
    matched = []
    for key, tag in learner_tags.items():
        unit = by_piece.get(str(key))
        if unit is None:
            not_found.append(str(key))
        elif unit["key"] not in seen and isinstance(tag, Mapping):
            seen.add(unit["key"])
            matched.append((order[unit["key"]], unit, tag))
    for _, unit, tag in sorted(matched, key=lambda m: m[0]):
        if isinstance(tag.get("checkable"), bool):
            answered_checkable += 1
            checkable += tag["checkable"]
        yours, auto = tag.get("speaker"), unit["speaker"] or NOBODY
        if isinstance(yours, str) and yours:
            pairs["speaker"].append((yours, auto))
            if yours != auto:
                rows.append((unit, "who says it?", yours, auto))
        yours, auto = tag.get("hedged"), bool(unit["hedged"])
        if isinstance(yours, bool):
            pairs["hedged"].append((yours, auto))
            if yours != auto:
                rows.append((unit, "hedged?", _yes_no(yours), _yes_no(auto)))

    def agreement(question: str, name: str) -> Agreement:
        got = pairs[name]
        return Agreement(
            question=question,
            compared=len(got),
            agreed=sum(x == y for x, y in got),
            kappa=cohen_kappa([x for x, _ in got], [y for _, y in got]),
        )

    disagreements = pd.DataFrame(
        [
            {"article": u["article_id"], "sentence": u["sentence"], "question": q,
             "yours": yours, "automatic": auto}
            for u, q, yours, auto in rows
        ],
        columns=["article", "sentence", "question", "yours", "automatic"],
    )
    return Comparison(
        speaker=agreement("Who says it?", "speaker"),
        hedged=agreement("Hedged?", "hedged"),
        disagreements=disagreements,
        checkable=checkable,
        answered_checkable=answered_checkable,
        not_found=tuple(not_found),
    )
