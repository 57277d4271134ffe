"""The course's colours: Okabe & Ito's colour-blind-safe palette, and one colour per side of the
story (its ``sides.csv``), so that a side looks the same in every chart."""

from __future__ import annotations

from functools import lru_cache

from helpers.core.actors import sides
from helpers.core.story import UNATTRIBUTED

#: Okabe & Ito's colour-blind-safe palette (orange, sky blue, green, yellow, blue, vermilion,
#: purple, grey), used for every chart in the course.
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"]
#: Okabe & Ito's black, the eighth colour of their palette (``OKABE_ITO`` has grey instead)
BLACK = "#000000"
#: nobody named: grey
GREY = "#999999"


@lru_cache(maxsize=1)
def side_colours() -> dict[str, str]:
    """``{side: colour}`` in the story's order, then ``"unattributed"`` (grey). A side without a
    colour in ``sides.csv`` takes the next unused Okabe–Ito colour; ``other`` is black."""
    table = sides()
    given = dict(zip(table["side"], table["colour"], strict=True))
    free = [c for c in OKABE_ITO[:-1] if c not in given.values()]
    out = {}
    for side, colour in given.items():
        out[side] = colour or (BLACK if side == "other" else (free.pop(0) if free else BLACK))
    out[UNATTRIBUTED] = GREY
    return out


def side_colour(side: str) -> str:
    """The colour of ``side`` (black for a side the story does not list)."""
    return side_colours().get(side, BLACK)
