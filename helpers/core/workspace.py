"""The learner's saved work: small JSON files in a ``work/`` folder that survive crashes, two
notebooks saving at once, and zips brought back from another session.

A notebook kernel can die at any moment (Binder culls idle servers, laptops sleep, a cell is
interrupted), two notebooks can save at the same moment, and a learner can import yesterday's zip
over today's work. Whatever the learner has tagged, answered or graded must still be there
afterwards, so:

* every ``save`` takes the work folder's lock (``filelock``: one save at a time, across kernels),
  writes a temporary file in the same folder, flushes it to disk and renames it over the old one
  (``os.replace`` is atomic: readers see the old file or the new one, never half);
* a value that maps items (answers, tags, grades: ``{item: …}``) is **merged**, not overwritten:
  a save writes the items this kernel changed since it loaded the value, and keeps those another
  kernel saved meanwhile (:mod:`.workmerge`); ``save(key, data, merge=False)`` replaces it whole;
* the version a save or an import replaces is kept, as ``<key>.bak.json`` and as a dated file in
  ``versions/<key>/`` (the last :data:`~helpers.core.workfiles.MAX_VERSIONS`);
* ``import_zip`` merges each key item by item, the newer version of each item winning (a stamp is
  saved with each item), and prints what changed;
* a file that cannot be read is never deleted: ``load`` moves it aside as
  ``<key>.corrupt-<timestamp>.json``, warns with a :class:`WorkspaceWarning`, and falls back to the
  backup.

Where the files go: ``set_root(path)`` if it was called, else the ``KURSK_WORK_DIR`` environment
variable, else ``work/`` at the repository root (git-ignored).

What can be saved: anything ``json`` can write (dict, list, str, int, float, bool, None), plus

* ``set`` / ``frozenset`` -> stored as a sorted list (``load`` gives a list back);
* ``tuple`` -> a list (as ``json`` always does);
* numpy scalars -> the matching Python number;
* ``pandas.DataFrame`` -> its rows as records, with a marker so ``load`` returns a DataFrame
  (columns and their order are kept; the index is not; missing values come back as NaN).

Example::

    from helpers.core import workspace
    workspace.save("tags_02", {"s1": "claim", "s2": "attribution"})
    workspace.load("tags_02")          # {'s1': 'claim', 's2': 'attribution'}
    workspace.export_zip()             # work/my_work_2024-11-05.zip, to download from Binder
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import os
from pathlib import Path
from typing import Any

from helpers import REPO_DIR
from helpers.core import workzip
from helpers.core.warn import warn_from_caller
from helpers.core.workfiles import (
    BACKUP_SUFFIX,
    WorkspaceWarning,
    atomic_write,
    check_key,
    clean_leftovers,
    decode,
    dump_plain,
    encode,
    hashes,
    keep_version,
    lock,
    now_stamp,
    plain_os_error,
    quarantine,
    read_stamps,
    shown,
    value_hash,
    versions_folder,
    write_stamps,
)
from helpers.core.workfiles import versions as _versions
from helpers.core.workmerge import Saved, describe, merge_import, merge_save

__all__ = [
    "WorkspaceWarning",
    "export_zip",
    "import_zip",
    "keys",
    "load",
    "root",
    "save",
    "set_root",
    "shown",
    "summary",
    "versions",
]

#: Environment variable that moves the work folder (CI, shared machines, tests in a subprocess).
ENV_VAR = "KURSK_WORK_DIR"
DEFAULT_ROOT = REPO_DIR / "work"
_HERE = (str(Path(__file__).with_name("work")),)  # workspace.py, workfiles.py, …: not the caller

_root_override: Path | None = None
# What this kernel last loaded or saved under each key (hashes per item): a save writes only what
# changed since, so it never undoes what another kernel saved in between.
_seen: dict[tuple[str, str], Any] = {}
_check_key = check_key  # the name older code and tests use


def _warn(message: str) -> None:
    warn_from_caller(message, WorkspaceWarning, _HERE)


# --------------------------------------------------------------------------------------------
# where the files are
# --------------------------------------------------------------------------------------------


def set_root(path: str | os.PathLike | None) -> Path:
    """Save work under ``path`` from now on (``None`` goes back to the env var / default)."""
    global _root_override
    _root_override = None if path is None else Path(path).expanduser()
    return root()


def root() -> Path:
    """The folder holding the saved work (it may not exist until the first ``save``)."""
    if _root_override is not None:
        return _root_override
    env = os.environ.get(ENV_VAR)
    # An empty variable is treated as unset: `KURSK_WORK_DIR= make lab` should not mean "cwd".
    return Path(env).expanduser() if env else DEFAULT_ROOT


def summary() -> None:
    """Print what is saved so far, one line per key (no paths, so the output is stable)."""
    saved = keys()
    if not saved:
        print("Nothing saved yet: your answers and tags will appear here as you work.")
        return
    print(f"Saved so far ({len(saved)}):")
    for key in saved:
        value = load(key)
        size = f"{len(value)} entries" if isinstance(value, dict | list) else type(value).__name__
        print(f"  • {key}: {size}")


def _path(key: str) -> Path:
    return root() / f"{key}.json"


def _backup_path(key: str) -> Path:
    return root() / f"{key}{BACKUP_SUFFIX}.json"


def _seen_key(key: str) -> tuple[str, str]:
    return os.path.abspath(root()), key


def keys() -> list[str]:
    """The keys that have saved work, sorted (backups and quarantined files are not keys)."""
    folder = root()
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.json"):
        try:
            if path.is_file():  # a folder called "tags.json" is not saved work
                found.append(check_key(path.stem))
        except (ValueError, OSError):
            continue  # a backup, a quarantined file, or something the learner dropped there
    return sorted(found)


def versions(key: str) -> list[Path]:
    """The dated versions kept of ``key`` (each save or import that replaced it), oldest first."""
    return _versions(root(), check_key(key))


# --------------------------------------------------------------------------------------------
# writing
# --------------------------------------------------------------------------------------------


def _current(folder: Path, key: str) -> tuple[Saved | None, bytes | None]:
    """The saved value of ``key`` with its stamps, before a write; a folder or an unreadable file
    in its place is moved aside (with a warning) and counts as nothing saved."""
    path = folder / f"{key}.json"
    if path.exists() and not path.is_file():
        moved = quarantine(path)
        _warn(f"{shown(path)} was a folder, not a saved file; it was moved to {moved.name} "
              "(nothing in it was deleted) before saving.")
        return None, None
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, None
    try:
        value = decode(raw, plain=True)
    except ValueError as err:
        moved = quarantine(path)
        _warn(f"Workspace file {shown(path)} was unreadable ({err}); it was moved to "
              f"{moved.name} before saving the new version.")
        return None, None
    return Saved(value, read_stamps(folder, key, value, path)), raw


def _write(folder: Path, key: str, saved: Saved, old_raw: bytes | None) -> None:
    """Write ``saved`` as ``key``, keeping ``old_raw`` (what it replaces) as backup and version."""
    if old_raw is not None:
        atomic_write(folder / f"{key}{BACKUP_SUFFIX}.json", old_raw)
        keep_version(folder, key, old_raw)
    atomic_write(folder / f"{key}.json", dump_plain(saved.value).encode("utf-8"))
    # The value is saved: stamps that cannot be written only make its items as old as the file
    with contextlib.suppress(OSError):
        write_stamps(folder, key, saved.value, saved.stamps)


class _Locked:
    """``with _Locked(what) as folder:`` the work folder, locked; an OSError inside (read-only
    folder, full disk, another kernel holding the lock too long) comes out in plain words."""

    def __init__(self, what: str):
        self.what, self.folder, self.lock = what, root(), None

    def __enter__(self) -> Path:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self.lock = lock(self.folder)
            self.lock.acquire()
        except OSError as err:
            raise plain_os_error(err, self.folder, self.what) from err
        return self.folder

    def __exit__(self, kind, err, tb):
        self.lock.release()
        if isinstance(err, OSError):
            raise plain_os_error(err, self.folder, self.what) from err
        return False


def save(key: str, data: Any, *, merge: bool = True) -> Path:
    """Save ``data`` under ``key`` (atomically, keeping the previous version); return the file.

    A mapping is merged with what is saved: the items this kernel changed since it last loaded
    or saved ``key`` are written, the others keep what is on disk (another notebook may have
    saved them meanwhile). ``merge=False`` replaces the saved value whole.
    """
    check_key(key)
    new = json.loads(encode(key, data))  # first, so unsaveable data never touches the old file
    with _Locked(f"save {key!r}") as folder:
        clean_leftovers(folder)
        disk, old_raw = _current(folder, key)
        merged = merge_save(new, disk, _seen.get(_seen_key(key)), now_stamp(),
                            replace=not merge)
        if disk is None or value_hash(merged.value) != value_hash(disk.value):
            _write(folder, key, merged, old_raw)
    _seen[_seen_key(key)] = hashes(new)
    return _path(key)


# --------------------------------------------------------------------------------------------
# reading
# --------------------------------------------------------------------------------------------


def _read_backup(key: str) -> tuple[bool, Any, str]:
    """(True, value, file name) from the backup or the newest readable version, else
    (False, None, "")."""
    for path in [_backup_path(key), *reversed(_versions(root(), key))]:
        try:
            return True, decode(path.read_bytes()), path.name
        except (OSError, ValueError):
            continue
    return False, None, ""


def _unreadable(key: str, path: Path, problem: str, default: Any) -> Any:
    """Warn about an unreadable ``path``, move it aside when it is a file, use the backup."""
    if path.is_file():
        try:
            where = f"It was moved to {quarantine(path).name} (nothing was deleted)."
        except OSError as err:  # read-only folder: leave the file where it is, still fall back
            where = f"It could not be moved aside ({err.strerror or err}) and was left as it is."
    else:
        where = "It was left as it is."
    ok, value, name = _read_backup(key)
    if ok:
        outcome = f"Using the last good copy from {name} instead."
    else:
        outcome = "There is no usable backup, so the default value is returned."
    _warn(f"Workspace file {shown(path)} could not be read: {problem}. {where} {outcome}")
    return value if ok else default


def load(key: str, default: Any = None) -> Any:
    """The data saved under ``key``; ``default`` when nothing was saved.

    A damaged file is moved aside (never deleted) with a :class:`WorkspaceWarning`, and the last
    good copy (``<key>.bak.json``, else the newest kept version) is returned when there is one,
    else ``default``.
    """
    check_key(key)
    path = _path(key)
    if path.exists() and not path.is_file():
        return _unreadable(key, path, "it is a folder, not a saved file", default)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return default
    except OSError as err:
        return _unreadable(key, path, err.strerror or str(err), default)
    try:
        value, plain = decode(raw), decode(raw, plain=True)
    except ValueError as err:
        return _unreadable(key, path, str(err), default)
    _seen[_seen_key(key)] = hashes(plain)
    return value


# --------------------------------------------------------------------------------------------
# zip export / import (how a Binder learner takes their work home and brings it back)
# --------------------------------------------------------------------------------------------


def export_zip(path: str | os.PathLike | None = None) -> Path:
    """Write every saved key into one zip file and return its path.

    The default is ``work/my_work_<YYYY-MM-DD>.zip``: on Binder, right-click it in the file
    browser and choose *Download*. Files that cannot be read are left out, with a warning.
    """
    folder = root()
    target = Path(path) if path is not None else folder / f"my_work_{_dt.date.today()}.zip"
    members = []
    for key in keys():
        file = _path(key)
        try:
            raw = file.read_bytes()
            value = decode(raw, plain=True)
        except (OSError, ValueError) as err:
            _warn(f"Not exporting {key!r}: {err}. Run load({key!r}) to recover its last good "
                  "copy.")
            continue
        stamps = read_stamps(folder, key, value, file)
        members.append((f"{key}.json", raw, value, stamps, file.stat().st_mtime))
    return workzip.write_zip(target, members)


def _find_zip(given: Path) -> Path:
    # On Binder the upload button drops the file in the folder the file browser shows:
    # look there (the course folder, notebooks/) and in the work folder, not only the cwd.
    candidates = [given, root() / given, REPO_DIR / given, REPO_DIR / "notebooks" / given]
    found = next((c for c in candidates if c.is_file()), None)
    if found is None:
        raise FileNotFoundError(
            f"No zip file called {str(given)!r}: upload it with the file browser's upload button "
            "(into work/ or next to the notebooks), then call import_zip with its name."
        )
    return found


def _skip(name: str, reason: str) -> None:
    _warn(f"Skipped {name!r} from the zip: {reason}.")


def import_zip(path: str | os.PathLike, *, prefer_zip: bool = False) -> list[str]:
    """Merge the ``<key>.json`` files of a zip made by :func:`export_zip` into the saved work;
    print what changed, one sentence per key; return the keys found in the zip.

    Item by item, the newer version wins (``prefer_zip=True``: the zip's, whenever it differs);
    what is replaced is kept in ``versions/<key>/``. Members in sub-folders, with unsafe or
    repeated names, damaged, encrypted, or not valid JSON are skipped with a warning each; a zip
    with too many members or too big once unpacked is refused before anything is written.
    """
    found = _find_zip(Path(path))
    with workzip.open_zip(found) as zf:
        members = workzip.read_members(zf, _skip)
    restored, lines = [], []
    with _Locked(f"import {found.name}") as folder:
        clean_leftovers(folder)
        for member in members:
            current, old_raw = _current(folder, member.key)
            merged, change = merge_import(member.key, member.saved, current, prefer_zip)
            if change.changed:
                _write(folder, member.key, merged, old_raw)
            kept_in = f"{shown(versions_folder(folder, member.key))}/" if old_raw else ""
            lines.append(describe(change, kept_in))
            if member.key not in restored:
                restored.append(member.key)
    print("\n".join(lines) if lines else f"Nothing to import from {found.name}.")
    return restored
