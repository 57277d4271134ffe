"""Hand-tagging claims: choose sentences, keep the learner's tags, compare them with the tagger's.

The logic behind the tagging widget of notebook 02 (:mod:`helpers.display.widgets.tagging` draws
it). Nothing here imports ipywidgets, and nothing calls :func:`helpers.claims.tag_claims`: every
function takes the claims table as an argument, so tests build small tables by hand.

>>> sample = pick_sentences(claims, n=12)        # article_id, sentence_id, sentence
>>> session = TaggingSession(claims)             # loads the saved tags, if any
>>> session.set("speaker", "GUR")                # ... and saves them at once
>>> result = compare(session.tags, claims)       # agreement and Cohen's kappa
>>> print(result); result.disagreements

**What is tagged.** The sentences a reader sees (:mod:`.sentence_units`): pieces of a sentence
the parser split are one unit. A claims table without ``claim_id`` has one unit per row. The
comparison with the tagger is :mod:`.agreement`.

**What is saved.** ``workspace.save("tags_02", tags)`` after every change, where ``tags`` maps a
stable key, ``"<article_id>:<sentence_id>"`` (``"002_fd0b306409274ced:7"``), to::

    {"sentence": "…", "checkable": True, "speaker": "GUR", "hedged": False}

``checkable`` and ``hedged`` are ``True``, ``False`` or ``None`` (not answered yet); ``speaker`` is
a speaker of the claims table, :data:`NOBODY`, :data:`SOMEONE_ELSE` or ``None``. The sentence text
is kept so the file makes sense on its own (in an exported zip, or if the tagger changes later).
"""


from __future__ import annotations

import random
import warnings
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from helpers.claims.agreement import Comparison, compare
from helpers.claims.sentence_units import (
    NOBODY,
    QUESTIONS,
    SOMEONE_ELSE,
    _starts_a_sentence,
    sentence_units,
    speaker_choices,
    tag_key,
)
from helpers.core import workspace

__all__ = [
    "NOBODY", "QUESTIONS", "SOMEONE_ELSE", "TAGS_KEY", "TaggingSession", "TaggingWarning",
    "load_tags", "pick_sentences",
]  # fmt: skip

#: The workspace key the tags are saved under (``work/tags_02.json``).
TAGS_KEY = "tags_02"


#: Units with fewer words than this (headline stubs, lone labels) are not offered for tagging,
#: nor are units starting in lower case (the tail of a sentence cut at a line break).
MIN_WORDS = 6


#: The groups :func:`pick_sentences` takes turns drawing from.
STRATA = ("named", "anonymous", "hedged", "none")


class TaggingWarning(UserWarning):
    """Saved tags that could not be used as they were; the learner's file is never deleted."""


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

    A damaged file is handled by :func:`helpers.core.workspace.load` (warning, last good copy).
    A file that is valid JSON but not tags (a list, say) gives ``{}`` with a
    :class:`TaggingWarning`; it is kept as the backup by the next save, never deleted.
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
