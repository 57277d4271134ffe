"""Tables as a learner reads them: the signals of each article, tinted by what they can show,
and the estimates answering the story's question."""

from __future__ import annotations

import pandas as pd

from helpers.core.story import UNATTRIBUTED
from helpers.core.text import is_missing, short_id
from helpers.display.frames import cell_text
from helpers.display.points import value_text

ESTIMATE_COLUMNS = ["stated_on", "speaker", "side", "figure", "scope", "article_id", "text",
                    "mentions"]


# Tints for the signals table: blue = shows transparency, orange = calls for caution (Okabe–Ito
# hues, light enough for black text); the column name says which, so colour is not the only cue.
_READING_TINT = {"transparency": "#CCE3F2", "caution": "#F9DEC2"}


def style_signals(signals: pd.DataFrame, explanations: pd.DataFrame):
    """The article signals as a compact table (signals as rows, articles as columns), each row
    tinted by what the signal can show: transparency (blue) or a reason for caution (orange);
    non-zero values only, so a blank cell reads "none found"."""
    table = signals.set_index(signals["article_id"].map(short_id))
    table = table.drop(columns=["article_id"]).T
    reading = dict(zip(explanations["signal"], explanations["reading"], strict=False))

    def show(value, signal: str) -> str:
        # blank for none found (0, no, 0 %): the filled cells are the ones to read
        if isinstance(value, str) or not (is_missing(value) or value in (0, False)):
            return cell_text(value, signal)
        return ""

    shown = pd.DataFrame({col: [show(v, signal) for signal, v in table[col].items()]
                          for col in table.columns}, index=table.index)
    shown.index = [f"{name} ({reading.get(name, 'context')})" for name in table.index]

    def tint(row):
        colour = _READING_TINT.get(row.name.rsplit("(", 1)[-1].rstrip(")"), "")
        return [f"background-color: {colour}" if colour else "" for _ in row]

    left = [{"selector": "th", "props": "text-align: left;"}]
    return (shown.style.apply(tint, axis=1).set_properties(**{"text-align": "left"})
            .set_table_styles(left).set_uuid("signals"))


def estimates_table(estimates: pd.DataFrame) -> pd.DataFrame:
    """The estimates as the widget shows them: date, speaker, side, the figure in words, scope,
    article, the words as written, how many times the article says it."""
    if len(estimates) == 0:
        return pd.DataFrame(columns=ESTIMATE_COLUMNS)
    out = pd.DataFrame({
        "stated_on": estimates["stated_on"],
        "speaker": [s or UNATTRIBUTED for s in estimates["speaker"].fillna("")],
        "side": estimates["side"],
        "figure": [value_text(r) for _, r in estimates.iterrows()],
        "scope": estimates["scope"] if "scope" in estimates else "",
        "article_id": estimates["article_id"],
        "text": estimates["text"],
        "mentions": estimates["mentions"] if "mentions" in estimates else 1,
    })
    return out.reset_index(drop=True)
