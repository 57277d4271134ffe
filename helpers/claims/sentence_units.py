"""The sentences a reader sees: the parser sometimes cuts one sentence into pieces (``Selon
Washington`` / ``,`` / ``jusqu'à 8 000 soldats…``); :func:`helpers.claims.tag_claims` gives such
pieces one ``claim_id`` and the same tags. Here they are read as one *unit*, shown joined, and
named by their first ``sentence_id`` (:func:`tag_key` is the stable key of the learner's tags)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import pandas as pd

from helpers.core.text import fold, is_missing

#: The speaker answer for a sentence nobody is quoted for: the outlet states it itself.
NOBODY = "nobody / the outlet itself"

#: The speaker answer for a speaker missing from the list.
SOMEONE_ELSE = "someone else"


#: The three questions, in the order the widget asks them.
QUESTIONS = ("checkable", "speaker", "hedged")


_REQUIRED = ("article_id", "sentence_id", "sentence", "speaker", "hedged")


_WORD = re.compile(r"\w+")


# Pieces that are glued to the text before them when a split sentence is joined back.
_NO_SPACE_BEFORE = (",", ".", ")", "…", "”")


_NO_SPACE_AFTER = ("(", "“")


def tag_key(article_id: Any, sentence_id: Any) -> str:
    """The stable key of a sentence in the saved tags: ``"002_fd0b306409274ced:7"``."""
    return f"{article_id}:{int(sentence_id)}"


def _text(value: Any) -> str:
    """A cell as a stripped string; missing values (None, NaN) become ``""``."""
    if is_missing(value):
        return ""
    return str(value).strip()


def _flag(value: Any) -> bool:
    """A cell as a bool; missing values count as False."""
    if is_missing(value):
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
    return fold(name), name


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
