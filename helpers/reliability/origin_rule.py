"""The one rule for origins, which corroboration, grading, the origins picture and the conclusion
checker all follow (notebook 04 teaches it):

* **officials fold into the government or body they speak for**: the origin of a claim is
  :func:`helpers.core.actors.origin_of` its speaker (Antony Blinken and Lloyd Austin are one
  United States origin), else the speaker; a figure with no speaker has no origin (the outlet
  does not say where it got it). An anonymous source stays its own origin: nobody can check
  that it speaks for anyone (it is on its side all the same);
* **independent origins are on different sides**: an origin's side is the story's
  (``sides.csv``); an origin whose side the story does not know is a side of its own;
* **a different scope is not a confirmation**: two figures confirm each other only when they
  count the same thing (``measure``: soldiers sent are not soldiers killed) over the same scope
  (soldiers in training in October are not soldiers in Russia); a figure without a scope is
  compared with any;
* **a denial is not an origin** (the checker's side of the rule: :mod:`.conclusion`).

Written here by hand: this is the course's method, not a library's.
"""

from __future__ import annotations

from helpers.core.actors import actor, origin_of, side_of
from helpers.core.story import OTHER
from helpers.core.text import is_missing

__all__ = ["compatible_scopes", "confirmations", "origin", "side_key"]


def origin(speaker) -> str:
    """The origin of a claim by ``speaker``: the government or body they speak for, else the
    speaker; ``""`` for nobody."""
    if is_missing(speaker) or not str(speaker).strip():
        return ""
    found = actor(str(speaker))
    if found is not None and found.kind == "anonymous":
        return found.canonical
    return origin_of(str(speaker)) or str(speaker)


def side_key(name: str, side: str | None = None) -> str:
    """What independence is judged on: the side of ``name`` (``side`` when given), or the name
    itself when the story gives it no side (unrelated bodies are not one side)."""
    side = side_of(name) if side is None else side
    return name if side in ("", OTHER) else side


def compatible_scopes(a: str, b: str) -> bool:
    """Do two scopes allow the figures to confirm each other? The same scope, or one unknown."""
    a, b = ("" if is_missing(a) else str(a)), ("" if is_missing(b) else str(b))
    return not a or not b or a == b


def confirmations(mine: tuple[str, set[str]], others: dict[str, tuple[str, set[str]]]
                  ) -> tuple[list[str], list[str]]:
    """Which of ``others`` (``{origin: (side key, scopes)}``) can confirm ``mine`` ((side key,
    scopes)): (those on another side with a compatible scope, those on another side whose every
    scope differs). Origins on ``mine``'s side are in neither list."""
    key, scopes = mine
    confirm, differ = [], []
    for name, (other_key, other_scopes) in others.items():
        if other_key == key:
            continue
        if any(compatible_scopes(a, b) for a in (scopes or {""}) for b in (other_scopes or {""})):
            confirm.append(name)
        else:
            differ.append(name)
    return confirm, differ
