"""The claims table as a learner reads it: the rows matching a few filters (the claims filter
widget draws this), and a summary per article."""

from __future__ import annotations

import pandas as pd

from helpers.core.text import fold, normalise, short_id


def filter_claims(
    claims: pd.DataFrame,
    article: str | int | None = None,
    kind: str | None = None,
    speaker: str | None = None,
    hedged: bool | None = None,
    contains: str | None = None,
) -> pd.DataFrame:
    """The rows of a claims table that match every filter given, as a learner reads them:
    ``article`` (number such as ``"003"`` or full id), ``kind`` (``"anonymous"``, ``"person"``,
    ``"institution"``, ``"media"``, or ``"none"`` for sentences nobody is said to say),
    ``speaker`` (canonical name, case-insensitive), ``hedged`` (True/False), ``contains``
    (words in the sentence, ignoring case and accents)."""
    keep = pd.Series(True, index=claims.index)
    if article is not None:
        key = str(article).strip()
        ids = claims["article_id"].astype(str)
        number = ids.map(short_id)
        keep &= (ids == key) | (number == key) | (
            number.str.isdigit() & key.isdigit()
            & (number.str.lstrip("0").replace("", "0") == (key.lstrip("0") or "0"))
        )
    if kind is not None:
        keep &= claims["speaker_kind"] == ("" if kind == "none" else kind)
    if speaker is not None:
        keep &= claims["speaker"].str.casefold() == speaker.casefold()
    if hedged is not None:
        keep &= claims["hedged"] == hedged
    if contains:
        # Accents, case and curly apostrophes ignored, as the exercises do: "coreens" finds
        # "coréens", "l'armee" finds "l’armée".
        wanted = fold(normalise(contains))
        keep &= claims["sentence"].map(lambda s: wanted in fold(normalise(str(s))))
    return claims[keep].reset_index(drop=True)


def claims_summary(claims: pd.DataFrame) -> pd.DataFrame:
    """Per article: sentences, how many are attributed (and to anonymous sources), quoted,
    hedged, and how many different speakers."""
    table = claims.assign(
        attributed=claims["speaker"] != "",
        anonymous=claims["speaker_kind"] == "anonymous",
        article=claims["article_id"].map(short_id),
    )
    return table.groupby("article").agg(
        sentences=("sentence_id", "size"),
        attributed=("attributed", "sum"),
        anonymous=("anonymous", "sum"),
        quoted=("quoted", "sum"),
        hedged=("hedged", "sum"),
        speakers=("speaker", lambda s: s[s != ""].nunique()),
    )
