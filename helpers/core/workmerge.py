"""How two versions of a saved value become one, and the sentence that says what happened.

A value that is a mapping (answers, tags, grades: ``{item: …}``) is merged item by item; any
other value (a list, a number, a saved table) is one item. Every item carries the time it was
last changed (:mod:`.workfiles` keeps the stamps), so:

* a **save** writes only the items the caller changed since it read the value (compared with
  what it read: :func:`helpers.core.workfiles.hashes`), and deletes only the items it removed and
  nobody changed since; items another kernel wrote in the meantime stay;
* an **import** takes, item by item, the newer of the zip's and the folder's versions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from helpers.core.workfiles import is_items, value_hash


@dataclass
class Saved:
    """A saved value as plain JSON data, with its stamps (per item for a mapping)."""

    value: Any
    stamps: dict[str, str] | str


@dataclass
class Change:
    """What an import did to one key."""

    key: str
    kind: str  # new, items, replaced, kept, same
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.kind in {"new", "replaced"} or bool(self.added or self.replaced)


def newest(stamps: dict[str, str] | str) -> str:
    return stamps if isinstance(stamps, str) else max(stamps.values(), default="")


def _fresh_stamps(new: Any, disk: Saved | None, now: str) -> dict[str, str] | str:
    """Stamps of ``new`` written whole: an item equal to the one on disk keeps its time."""
    old_items = disk is not None and is_items(disk.value) and isinstance(disk.stamps, dict)
    if is_items(new):
        return {k: disk.stamps[k] if old_items and k in disk.value
                and value_hash(disk.value[k]) == value_hash(v) else now
                for k, v in new.items()}
    if disk is not None and not old_items and value_hash(disk.value) == value_hash(new):
        return newest(disk.stamps)
    return now


def merge_save(new: Any, disk: Saved | None, seen: Any, now: str,
               replace: bool = False) -> Saved:
    """``new``, saved by a caller that last saw ``seen`` (hashes), over ``disk``."""
    if disk is None or replace or not (is_items(new) and is_items(disk.value)):
        return Saved(new, _fresh_stamps(new, disk, now))
    seen = seen if isinstance(seen, dict) else {}
    value, stamps = dict(disk.value), dict(disk.stamps)
    for k, v in new.items():
        h = value_hash(v)
        if seen.get(k) == h or (k in value and value_hash(value[k]) == h):
            continue  # not changed here: whatever is on disk (maybe newer) stays
        value[k], stamps[k] = v, now
    for k, h in seen.items():
        if k not in new and k in value and value_hash(value[k]) == h:
            del value[k], stamps[k]  # removed here, and nobody changed it since
    # the caller's order first (what it shows), then the items others added
    order = [k for k in new if k in value] + [k for k in value if k not in new]
    return Saved({k: value[k] for k in order}, {k: stamps[k] for k in order})


def merge_import(key: str, incoming: Saved, current: Saved | None,
                 prefer_zip: bool = False) -> tuple[Saved, Change]:
    """The zip's value of ``key`` merged into the folder's: the newer version of each item wins
    (``prefer_zip``: the zip's, whenever it differs)."""
    if current is None:
        added = list(incoming.value) if is_items(incoming.value) else []
        return incoming, Change(key, "new", added=added)
    if not (is_items(incoming.value) and is_items(current.value)):
        if value_hash(incoming.value) == value_hash(current.value):
            return current, Change(key, "same")
        if prefer_zip or newest(incoming.stamps) > newest(current.stamps):
            return incoming, Change(key, "replaced")
        return current, Change(key, "kept")
    value, stamps = dict(current.value), dict(current.stamps)
    change = Change(key, "items")
    for k, v in incoming.value.items():
        theirs = incoming.stamps[k] if isinstance(incoming.stamps, dict) else incoming.stamps
        if k not in value:
            change.added.append(k)
        elif value_hash(value[k]) == value_hash(v):
            continue
        elif prefer_zip or theirs > stamps[k]:
            change.replaced.append(k)
        else:
            change.kept.append(k)
            continue
        value[k], stamps[k] = v, theirs
    return Saved(value, stamps), change


def _names(items: list[str], most: int = 5) -> str:
    shown = ", ".join(items[:most])
    return shown + (f" and {len(items) - most} more" if len(items) > most else "")


def _count(n: int, what: str = "item") -> str:
    return f"{n} {what}{'s' if n != 1 else ''}"


def describe(change: Change, kept_in: str = "") -> str:
    """One plain sentence about what an import did to a key."""
    key = change.key
    if change.kind == "new":
        size = f" ({_count(len(change.added))})" if change.added else ""
        return f"{key}: restored from the zip{size}."
    if change.kind == "same":
        return f"{key}: the same as in the zip, nothing to do."
    if change.kind == "kept":
        return f"{key}: your version is newer than the zip's, so it was kept."
    kept = f" Your previous version is kept in {kept_in}." if kept_in and change.changed else ""
    if change.kind == "replaced":
        return f"{key}: replaced by the zip's newer version.{kept}"
    parts = []
    if change.added:
        parts.append(f"{_count(len(change.added))} added from the zip ({_names(change.added)})")
    if change.replaced:
        parts.append(f"{_count(len(change.replaced))} replaced by the zip's newer version "
                     f"({_names(change.replaced)})")
    if change.kept:
        parts.append(f"{_count(len(change.kept))} kept because yours "
                     f"{'is' if len(change.kept) == 1 else 'are'} newer "
                     f"({_names(change.kept)})")
    if not parts:
        return f"{key}: nothing in the zip is new, nothing to do."
    return f"{key}: " + "; ".join(parts) + "." + kept
