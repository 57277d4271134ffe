"""The files behind the learner's saved work (:mod:`helpers.core.workspace` is the API).

In a work folder::

    answers.json                      the saved value, plain JSON a learner can open
    answers.bak.json                  the version it replaced (``load`` falls back to it)
    answers.corrupt-<time>.json       a file that could not be read, moved aside, never deleted
    versions/answers/answers.<time>.json   every replaced version, the last :data:`MAX_VERSIONS`
    .workspace/stamps/answers.json    when each item was last changed (for merges)
    .workspace/lock                   taken by every save and import (``filelock``)

The stamps file names each item with its time and a hash of its value: an item edited by hand
(hash no longer matching) takes the file's modification time, so a crash between writing the value
and its stamps, or an edit in a text editor, never makes an old item look new.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import errno
import hashlib
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from helpers import REPO_DIR

BACKUP_SUFFIX = ".bak"
CORRUPT_MARK = ".corrupt-"
#: The marker that tells ``load`` a dict is really a DataFrame (and the merge: one value).
DF_MARKER = "__workspace_type__"
META_DIR = ".workspace"
VERSIONS_DIR = "versions"
#: Replaced versions kept per key: enough to undo a morning's work, small on disk.
MAX_VERSIONS = 20
#: How long a save waits for another kernel's save to finish before saying so.
LOCK_TIMEOUT = 30
# A temporary file of ours: ".<name>.json.<random>.tmp" (from tempfile.mkstemp).
_TMP_RE = re.compile(r"\.(?P<name>[A-Za-z0-9_][A-Za-z0-9_.-]*)\.json\.[^.]+\.tmp")


# A key becomes a file name, so it is restricted to characters that are safe on every OS and
# cannot climb out of the folder. The suffixes we use for our own bookkeeping files are reserved
# so a learner's key can never be mistaken for (or overwrite) a backup or a quarantined file.
_KEY_RE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}")


class WorkspaceWarning(UserWarning):
    """Something was wrong with a saved file; the learner's data was kept and a fallback used."""


def check_key(key: Any) -> str:
    """Return ``key`` if it is a safe short name, else raise a ValueError that says why."""
    if not isinstance(key, str):
        raise ValueError(f"A workspace key must be a string such as 'tags_02', not {key!r}.")
    if not _KEY_RE.fullmatch(key) or ".." in key:
        raise ValueError(
            f"Invalid workspace key {key!r}: use 1-100 letters, digits, '_', '-' or '.', "
            "not starting with '.' or '-', and no '..' or slashes (e.g. 'tags_02', 'grades')."
        )
    if key.endswith(BACKUP_SUFFIX) or CORRUPT_MARK in key:
        raise ValueError(
            f"Invalid workspace key {key!r}: names ending in '.bak' or containing '.corrupt-' "
            "are reserved for backups."
        )
    return key


def shown(path: Path) -> str:
    """``path`` as a learner should read it: relative to the course folder when inside it.

    Notebook outputs are committed and shown on GitHub: they must not carry a machine's paths.
    """
    try:
        return Path(path).resolve().relative_to(REPO_DIR).as_posix()
    except (ValueError, OSError):
        return Path(path).name


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
    """Teach ``json.dumps`` the few extra types listed in the workspace docstring."""
    if isinstance(obj, set | frozenset):
        return _sorted_list(obj)
    type_module = type(obj).__module__
    if type_module.startswith("pandas") and type(obj).__name__ == "DataFrame":
        # to_json turns NaN into null and numpy/Timestamp values into plain JSON.
        return {
            DF_MARKER: "DataFrame",
            "columns": [str(c) for c in obj.columns],
            "records": json.loads(obj.to_json(orient="records", date_format="iso")),
        }
    if type_module == "numpy" and hasattr(obj, "item"):
        return obj.item()  # numpy scalar -> Python number
    raise TypeError(f"objects of type {type(obj).__name__} cannot be saved as JSON")


def encode(key: str, data: Any) -> str:
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


def dump_plain(value: Any) -> str:
    """Already-plain JSON data as the text of a saved file."""
    return json.dumps(value, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def _object_hook(obj: dict) -> Any:
    if obj.get(DF_MARKER) == "DataFrame":
        import pandas as pd  # only needed when a DataFrame was saved; keeps the import light

        return pd.DataFrame(obj["records"], columns=obj["columns"])
    return obj


def _text(raw: bytes) -> str:
    """The text of a saved file: UTF-8 (a byte-order mark allowed), else UTF-16/32 as JSON
    allows (with or without a mark: editors on Windows write it), else a ValueError."""
    if not raw.strip():
        raise ValueError("the file is empty (probably a save that was interrupted)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        problem = ValueError(f"it is not UTF-8 text (bad byte at position {err.start})")
        encoding = json.detect_encoding(raw)
        if not encoding.startswith(("utf-16", "utf-32")):
            raise problem from err
        try:
            text = raw.decode(encoding).lstrip("\ufeff")
            json.loads(text)
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise problem from err
        return text


def decode(raw: bytes, plain: bool = False) -> Any:
    """Parse a saved file (``plain``: DataFrames left as their marked dicts); raise ValueError
    with a plain-words reason when it is unusable."""
    text = _text(raw)
    try:
        return json.loads(text, object_hook=None if plain else _object_hook)
    except json.JSONDecodeError as err:
        raise ValueError(
            f"it is not valid JSON ({err.msg}: line {err.lineno}, column {err.colno}); "
            "it may have been cut off by a crash or edited by hand"
        ) from err
    except RecursionError as err:
        raise ValueError("it is nested too deeply to read (thousands of brackets inside "
                         "each other); it was not written by the course") from err
    except (KeyError, TypeError, ValueError) as err:  # a DataFrame marker with missing parts
        raise ValueError(f"a saved table inside it is damaged ({err})") from err


def is_items(value: Any) -> bool:
    """Is ``value`` a mapping of items (merged item by item) rather than one value?"""
    return isinstance(value, dict) and DF_MARKER not in value


def value_hash(value: Any) -> str:
    """A short hash of plain JSON data, the same for equal data whatever the key order."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def hashes(value: Any) -> dict[str, str] | str:
    """Per item for a mapping, one hash otherwise: what a caller saw, to merge against."""
    if is_items(value):
        return {k: value_hash(v) for k, v in value.items()}
    return value_hash(value)


# --------------------------------------------------------------------------------------------
# time stamps
# --------------------------------------------------------------------------------------------

_last_stamp = [""]


def now_stamp() -> str:
    """The time in UTC, to the microsecond, never twice the same in one process."""
    stamp = _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if stamp <= _last_stamp[0]:
        later = _dt.datetime.strptime(_last_stamp[0], "%Y-%m-%dT%H:%M:%S.%fZ")
        stamp = (later + _dt.timedelta(microseconds=1)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    _last_stamp[0] = stamp
    return stamp


def stamp_of(when: _dt.datetime | float) -> str:
    """A stamp for a file time (seconds since the epoch) or a naive local datetime (a zip's)."""
    if isinstance(when, int | float):
        when = _dt.datetime.fromtimestamp(when, _dt.UTC)
    elif when.tzinfo is None:
        when = when.astimezone()  # a zip member's time is the local time of the machine
    return when.astimezone(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _stamps_path(folder: Path, key: str) -> Path:
    return folder / META_DIR / "stamps" / f"{key}.json"


def stamps_record(value: Any, stamps: dict | str) -> dict:
    """What is written beside a value: each item's stamp and hash (or the value's)."""
    if is_items(value) and isinstance(stamps, dict):
        return {"items": {k: [stamps[k], value_hash(v)] for k, v in value.items()}}
    return {"value": [stamps if isinstance(stamps, str) else max(stamps.values(), default=""),
                      value_hash(value)]}


def stamps_from_record(value: Any, record: Any, fallback: str) -> dict | str:
    """Each item's stamp from ``record`` where its hash still matches, else ``fallback``."""
    record = record if isinstance(record, dict) else {}
    if is_items(value):
        items = record.get("items") if isinstance(record.get("items"), dict) else {}
        out = {}
        for k, v in value.items():
            entry = items.get(k)
            ok = isinstance(entry, list) and len(entry) == 2 and entry[1] == value_hash(v)
            out[k] = str(entry[0]) if ok else fallback
        return out
    entry = record.get("value")
    ok = isinstance(entry, list) and len(entry) == 2 and entry[1] == value_hash(value)
    return str(entry[0]) if ok else fallback


def read_stamps(folder: Path, key: str, value: Any, path: Path) -> dict | str:
    """The stamps of ``value``, the saved value of ``key`` read from ``path``."""
    try:
        fallback = stamp_of(path.stat().st_mtime)
    except OSError:
        fallback = now_stamp()
    try:
        record = json.loads(_stamps_path(folder, key).read_bytes())
    except (OSError, ValueError, RecursionError):
        record = None
    return stamps_from_record(value, record, fallback)


def write_stamps(folder: Path, key: str, value: Any, stamps: dict | str) -> None:
    record = stamps_record(value, stamps)
    atomic_write(_stamps_path(folder, key), json.dumps(record, ensure_ascii=False).encode())


# --------------------------------------------------------------------------------------------
# writing, moving aside, versions
# --------------------------------------------------------------------------------------------


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable; not possible on Windows, where it is simply skipped."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def atomic_write(path: Path, payload: bytes) -> None:
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


def plain_os_error(err: OSError, folder: Path, what: str) -> OSError:
    """``err`` said in words a learner can act on, naming the work folder (not a temp file)."""
    from filelock import Timeout

    where = f"{shown(folder)}/"
    if isinstance(err, Timeout):
        message = (f"Cannot {what}: another notebook has been saving in {where} for "
                   f"{LOCK_TIMEOUT} seconds. Run the cell again in a moment.")
    elif isinstance(err, PermissionError) or err.errno == errno.EROFS:
        message = (f"Cannot {what}: the work folder {where} is read-only. Your work is still in "
                   "this notebook; choose a folder you can write to with "
                   "workspace.set_root('some/folder') and run the cell again.")
    elif err.errno == errno.ENOSPC:
        message = (f"Cannot {what}: the disk holding {where} is full. Free some space (or "
                   "download your work with workspace.export_zip()) and run the cell again.")
    else:
        message = f"Cannot {what} in {where}: {err.strerror or err}."
    plain = type(err)(err.errno, message) if err.errno else type(err)(message)
    return plain


def timestamp_name() -> str:
    return _dt.datetime.now().strftime("%Y%m%d-%H%M%S")


def quarantine(path: Path) -> Path:
    """Move an unreadable ``<key>.json`` (a file or a folder) aside to
    ``<key>.corrupt-<timestamp>.json``; never overwrite an earlier one."""
    key = path.name.removesuffix(".json")
    dest = path.with_name(f"{key}{CORRUPT_MARK}{timestamp_name()}.json")
    n = 1
    while dest.exists():  # two corruptions in the same second: never overwrite the first
        dest = path.with_name(f"{key}{CORRUPT_MARK}{timestamp_name()}-{n}.json")
        n += 1
    os.replace(path, dest)
    return dest


def versions_folder(folder: Path, key: str) -> Path:
    return folder / VERSIONS_DIR / key


def keep_version(folder: Path, key: str, raw: bytes) -> Path:
    """Keep ``raw`` (a version about to be replaced) as a dated file; drop the oldest beyond
    :data:`MAX_VERSIONS`."""
    where = versions_folder(folder, key)
    stamp = now_stamp().replace(":", "-")  # a colon is not allowed in Windows file names
    target = where / f"{key}.{stamp}.json"
    atomic_write(target, raw)
    kept = sorted(where.glob(f"{key}.*.json"))
    for old in kept[:-MAX_VERSIONS]:
        with contextlib.suppress(OSError):
            old.unlink()
    return target


def versions(folder: Path, key: str) -> list[Path]:
    """The kept versions of ``key``, oldest first."""
    return sorted(versions_folder(folder, key).glob(f"{key}.*.json"))


def clean_leftovers(folder: Path) -> None:
    """Temporary files left by saves that were interrupted (a killed kernel): one that holds a
    complete value is kept as a version of its key, a partial one is removed. Called under the
    lock, so no save is writing them at that moment."""
    for tmp in list(folder.glob(".*.tmp")):
        match = _TMP_RE.fullmatch(tmp.name)
        if not match:
            continue
        try:
            raw = tmp.read_bytes()
            decode(raw, plain=True)
        except ValueError:
            raw = None
        except OSError:
            continue
        with contextlib.suppress(OSError):
            # a backup's temp file is only a copy of a version kept elsewhere
            if raw is not None and not match["name"].endswith(BACKUP_SUFFIX):
                keep_version(folder, match["name"], raw)
            tmp.unlink()


def lock(folder: Path):
    """The work folder's lock (one per folder, shared by every kernel on the machine)."""
    from filelock import FileLock

    return FileLock(folder / META_DIR / "lock", timeout=LOCK_TIMEOUT)
