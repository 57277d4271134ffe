"""Text handed to matplotlib, shown as it is written.

matplotlib reads a label with two ``$`` signs as math-text: ``"5 $ à 10 $"`` (a money story)
comes out in italics with the words run together, and a ``$`` followed by a backslash or an
unknown command stops the drawing with a parser error. Every title, label, tick label and legend
entry that comes from articles or from the learner goes through :func:`chart_text`.
"""

from __future__ import annotations

from typing import Any


def chart_text(text: Any) -> str:
    """``text`` for matplotlib: each ``$`` escaped (shown as ``$``, never math); None → ``""``."""
    return "" if text is None else str(text).replace("$", r"\$")
