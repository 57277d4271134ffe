"""The learner's saved work: small JSON files in a ``work/`` folder that survive crashes.

A notebook kernel can die at any moment (Binder culls idle servers, laptops sleep, a cell is
interrupted). Whatever the learner has tagged or graded must still be there afterwards, so:

* every ``save`` writes a temporary file in the same folder, flushes it to disk and then renames it
  over the old one (``os.replace`` is atomic: readers see the old file or the new one, never half);
* the previous good version is kept as ``<key>.bak.json`` before it is replaced;
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
import re
import tempfile
import warnings
import zipfile
from pathlib import Path
from typing import Any

from helpers import REPO_DIR

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
]

#: Environment variable that moves the work folder (CI, shared machines, tests in a subprocess).
ENV_VAR = "KURSK_WORK_DIR"
DEFAULT_ROOT = REPO_DIR / "work"

# A key becomes a file name, so it is restricted to characters that are safe on every OS and
# cannot climb out of the folder. The suffixes we use for our own bookkeeping files are reserved
# so a learner's key can never be mistaken for (or overwrite) a backup or a quarantined file.
_KEY_RE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}")
_BACKUP_SUFFIX = ".bak"
_CORRUPT_MARK = ".corrupt-"
# The marker that tells ``load`` a dict is really a DataFrame.
_DF_MARKER = "__workspace_type__"
# import_zip refuses members bigger than this: learner work is small, zip bombs are not.
_MAX_MEMBER_BYTES = 50 * 1024 * 1024

_root_override: Path | None = None


class WorkspaceWarning(UserWarning):
    """Something was wrong with a saved file; the learner's data was kept and a fallback used."""


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


def shown(path: Path) -> str:
    """``path`` as a learner should read it: relative to the course folder when inside it.

    Notebook outputs are committed and shown on GitHub: they must not carry a machine's paths.
    """
    try:
        return Path(path).resolve().relative_to(REPO_DIR).as_posix()
    except ValueError:
        return Path(path).name


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


def _check_key(key: Any) -> str:
    """Return ``key`` if it is a safe short name, else raise a ValueError that says why."""
    if not isinstance(key, str):
        raise ValueError(f"A workspace key must be a string such as 'tags_02', not {key!r}.")
    if not _KEY_RE.fullmatch(key) or ".." in key:
        raise ValueError(
            f"Invalid workspace key {key!r}: use 1-100 letters, digits, '_', '-' or '.', "
            "not starting with '.' or '-', and no '..' or slashes (e.g. 'tags_02', 'grades')."
        )
    if key.endswith(_BACKUP_SUFFIX) or _CORRUPT_MARK in key:
        raise ValueError(
            f"Invalid workspace key {key!r}: names ending in '.bak' or containing '.corrupt-' "
            "are reserved for backups."
        )
    return key


def _path(key: str) -> Path:
    return root() / f"{key}.json"


def _backup_path(key: str) -> Path:
    return root() / f"{key}{_BACKUP_SUFFIX}.json"


def keys() -> list[str]:
    """The keys that have saved work, sorted (backups and quarantined files are not keys)."""
    folder = root()
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.json"):
        try:
            found.append(_check_key(path.stem))
        except ValueError:
            continue  # a backup, a quarantined file, or something the learner dropped there
    return sorted(found)


# --------------------------------------------------------------------------------------------
# encoding and decoding
# --------------------------------------------------------------------------------------------


def _sorted_list(items) -> list:
    """A set as a list in a stable order, even when its items are of mixed types."""
    try:
        return sorted(items)
    except TypeError:
        return sorted(items, key=repr)


def _json_default(obj: Any) -> Any:
    """Teach ``json.dumps`` the few extra types listed in the module docstring."""
    if isinstance(obj, set | frozenset):
        return _sorted_list(obj)
    type_module = type(obj).__module__
    if type_module.startswith("pandas") and type(obj).__name__ == "DataFrame":
        # to_json turns NaN into null and numpy/Timestamp values into plain JSON.
        return {
            _DF_MARKER: "DataFrame",
            "columns": [str(c) for c in obj.columns],
            "records": json.loads(obj.to_json(orient="records", date_format="iso")),
        }
    if type_module == "numpy" and hasattr(obj, "item"):
        return obj.item()  # numpy scalar -> Python number
    raise TypeError(f"objects of type {type(obj).__name__} cannot be saved as JSON")


def _encode(key: str, data: Any) -> str:
    """Serialise ``data`` or raise a TypeError naming ``key`` (nothing is written in that case)."""
    try:
        # allow_nan=False: NaN is not valid JSON and other tools would refuse the file.
        return json.dumps(data, default=_json_default, ensure_ascii=False, indent=1,
                          allow_nan=False) + "\n"
    except (TypeError, ValueError, RecursionError) as err:
        raise TypeError(
            f"Cannot save {key!r}: {err}. Save plain data (dict, list, str, numbers, bool, None), "
            "a set or a pandas DataFrame; replace NaN or infinity with None."
        ) from err


def _object_hook(obj: dict) -> Any:
    if obj.get(_DF_MARKER) == "DataFrame":
        import pandas as pd  # only needed when a DataFrame was saved; keeps the import light

        return pd.DataFrame(obj["records"], columns=obj["columns"])
    return obj


def _decode(raw: bytes) -> Any:
    """Parse a saved file; raise ValueError with a plain-words reason when it is unusable."""
    if not raw.strip():
        raise ValueError("the file is empty (probably a save that was interrupted)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ValueError(f"it is not UTF-8 text (bad byte at position {err.start})") from err
    try:
        return json.loads(text, object_hook=_object_hook)
    except json.JSONDecodeError as err:
        raise ValueError(
            f"it is not valid JSON ({err.msg}: line {err.lineno}, column {err.colno}); "
            "it may have been cut off by a crash or edited by hand"
        ) from err
    except (KeyError, TypeError) as err:  # a DataFrame marker with missing parts
        raise ValueError(f"a saved table inside it is damaged ({err})") from err


# --------------------------------------------------------------------------------------------
# writing
# --------------------------------------------------------------------------------------------


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable; not possible on Windows, where it is simply skipped."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _atomic_write(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` so that a crash leaves either the old or the new file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # Same folder as the target: os.replace is only atomic within one file system. The name does
    # not end in .json, so a temp file left by a crash is never taken for a key.
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _timestamp() -> str:
    return _dt.datetime.now().strftime("%Y%m%d-%H%M%S")


def _quarantine(key: str) -> Path:
    """Move an unreadable ``<key>.json`` aside to ``<key>.corrupt-<timestamp>.json``."""
    src = _path(key)
    dest = root() / f"{key}{_CORRUPT_MARK}{_timestamp()}.json"
    n = 1
    while dest.exists():  # two corruptions in the same second: never overwrite the first
        dest = root() / f"{key}{_CORRUPT_MARK}{_timestamp()}-{n}.json"
        n += 1
    os.replace(src, dest)
    return dest


def _keep_backup(key: str) -> None:
    """Copy the current good file to ``<key>.bak.json`` before it is replaced.

    A current file that does not parse is *not* copied (that would overwrite the last good
    backup with garbage); it is moved aside instead, with a warning.
    """
    current = _path(key)
    if not current.exists():
        return
    raw = current.read_bytes()
    try:
        _decode(raw)
    except ValueError as err:
        moved = _quarantine(key)
        warnings.warn(
            f"Workspace file {shown(current)} was unreadable ({err}); it was moved to {moved.name} "
            "before saving the new version.",
            WorkspaceWarning,
            stacklevel=4,
        )
        return
    _atomic_write(_backup_path(key), raw)


def _write_text(key: str, text: str) -> None:
    _keep_backup(key)
    _atomic_write(_path(key), text.encode("utf-8"))


def save(key: str, data: Any) -> Path:
    """Save ``data`` under ``key`` (atomically, keeping the previous version); return the file."""
    _check_key(key)
    text = _encode(key, data)  # first, so unsaveable data never touches the old file
    _write_text(key, text)
    return _path(key)


# --------------------------------------------------------------------------------------------
# reading
# --------------------------------------------------------------------------------------------


def _read_backup(key: str) -> tuple[bool, Any]:
    """(True, value) from ``<key>.bak.json`` when it exists and parses, else (False, None)."""
    backup = _backup_path(key)
    try:
        return True, _decode(backup.read_bytes())
    except (OSError, ValueError):
        return False, None


def load(key: str, default: Any = None) -> Any:
    """The data saved under ``key``; ``default`` when nothing was saved.

    A damaged file is moved aside (never deleted) with a :class:`WorkspaceWarning`, and the last
    good copy from ``<key>.bak.json`` is returned when there is one, else ``default``.
    """
    _check_key(key)
    path = _path(key)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return default
    try:
        return _decode(raw)
    except ValueError as err:
        problem = str(err)
    try:
        where = f"It was moved to {_quarantine(key).name} (nothing was deleted)."
    except OSError as err:  # read-only folder: leave the file where it is, still fall back
        where = f"It could not be moved aside ({err}) and was left as it is."
    ok, value = _read_backup(key)
    if ok:
        outcome = f"Using the last good copy from {_backup_path(key).name} instead."
    else:
        outcome = "There is no usable backup, so the default value is returned."
    warnings.warn(
        f"Workspace file {shown(path)} could not be read: {problem}. {where} {outcome}",
        WorkspaceWarning,
        stacklevel=2,
    )
    return value if ok else default


# --------------------------------------------------------------------------------------------
# zip export / import (how a Binder learner takes their work home and brings it back)
# --------------------------------------------------------------------------------------------


def export_zip(path: str | os.PathLike | None = None) -> Path:
    """Write every saved key into one zip file and return its path.

    The default is ``work/my_work_<YYYY-MM-DD>.zip``: on Binder, right-click it in the file
    browser and choose *Download*. Files that cannot be read are left out, with a warning.
    """
    target = Path(path) if path is not None else root() / f"my_work_{_dt.date.today()}.zip"
    members = []
    for key in keys():
        raw = _path(key).read_bytes()
        try:
            _decode(raw)
        except ValueError as err:
            warnings.warn(
                f"Not exporting {key!r}: {err}. Run load({key!r}) to recover its last good copy.",
                WorkspaceWarning,
                stacklevel=2,
            )
            continue
        members.append((f"{key}.json", raw))
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name, raw in members:
                zf.writestr(name, raw)
        os.replace(tmp, target)  # a half-written zip never takes the place of a good one
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return target


def _member_key(name: str) -> str:
    """The key a zip member restores, or raise ValueError saying why it is skipped."""
    if "/" in name or "\\" in name or ".." in name:
        raise ValueError("only files at the top level of the zip are restored")
    if not name.endswith(".json"):
        raise ValueError("only .json files are restored")
    key = name[: -len(".json")]
    _check_key(key)
    return key


def _skip(name: str, reason: str) -> None:
    warnings.warn(f"Skipped {name!r} from the zip: {reason}.", WorkspaceWarning, stacklevel=3)


def import_zip(path: str | os.PathLike) -> list[str]:
    """Restore the ``<key>.json`` files of a zip made by :func:`export_zip`; return their keys.

    Members in sub-folders, with unsafe names, too big, or not valid JSON are skipped with a
    warning. A key that already exists keeps its current version as ``<key>.bak.json``.
    """
    given = Path(path)
    # On Binder the upload button drops the file in the folder the file browser shows:
    # look there (the course folder, notebooks/) and in the work folder, not only the cwd.
    candidates = [given, root() / given, REPO_DIR / given, REPO_DIR / "notebooks" / given]
    path = next((c for c in candidates if c.is_file()), None)
    if path is None:
        raise FileNotFoundError(
            f"No zip file called {str(given)!r}: upload it with the file browser's upload button "
            "(into work/ or next to the notebooks), then call import_zip with its name."
        )
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile as err:
        raise ValueError(f"{path} is not a zip file ({err})") from err
    restored: list[str] = []
    with zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            try:
                key = _member_key(info.filename)
            except ValueError as err:
                _skip(info.filename, str(err))
                continue
            if info.file_size > _MAX_MEMBER_BYTES:
                _skip(info.filename, f"it is larger than {_MAX_MEMBER_BYTES // 2**20} MB")
                continue
            raw = zf.read(info)
            try:
                _decode(raw)
            except ValueError as err:
                _skip(info.filename, str(err))
                continue
            _write_text(key, raw.decode("utf-8"))
            if key not in restored:
                restored.append(key)
    return restored
