"""Saved work in a zip file: written by ``export_zip``, read (checked member by member, within
limits, before anything is written) by ``import_zip``.

A member's comment carries the stamps of its items (when each was last changed), compressed; a
zip made by hand has none, and its members' dates stand for every item. A zip made by an older
version of the course reads the same way.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import os
import tempfile
import time
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from helpers.core.workfiles import check_key, decode, stamp_of, stamps_from_record, stamps_record
from helpers.core.workmerge import Saved

#: More members than any learner's work has (a dozen keys): a zip beyond it is not saved work.
MAX_ENTRIES = 1000
#: Total size once unpacked, checked before anything is read: learner work is small.
MAX_TOTAL_BYTES = 50 * 1024 * 1024
_COMMENT_MARK = b"kursk-stamps-v1:"
_MAX_COMMENT = 65535  # what a zip member's comment can hold
_MAX_STAMPS_BYTES = 8 * 1024 * 1024  # a comment unpacks to at most this


@dataclass
class Member:
    """One usable member of a zip: its key and its value with stamps."""

    key: str
    name: str
    saved: Saved


def _comment(value: Any, stamps: dict | str) -> bytes:
    packed = _COMMENT_MARK + zlib.compress(json.dumps(stamps_record(value, stamps)).encode())
    return packed if len(packed) <= _MAX_COMMENT else b""


def write_zip(target: Path, members: list[tuple[str, bytes, Any, dict | str, float]]) -> Path:
    """Write ``(name, raw, plain value, stamps, mtime)`` members into ``target`` atomically."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name, raw, value, stamps, mtime in members:
                info = zipfile.ZipInfo(name, date_time=time.localtime(max(mtime, 315532800))[:6])
                info.compress_type = zipfile.ZIP_DEFLATED
                info.comment = _comment(value, stamps)
                zf.writestr(info, raw)
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
    return check_key(name[: -len(".json")])


def _stamps(info: zipfile.ZipInfo, value: Any) -> dict | str:
    """The member's stamps from its comment, or its date for every item."""
    try:
        fallback = stamp_of(_dt.datetime(*info.date_time))
    except ValueError:  # a date no calendar has
        fallback = stamp_of(0.0)
    record = None
    if info.comment.startswith(_COMMENT_MARK):
        with contextlib.suppress(zlib.error, ValueError, RecursionError):
            unpack = zlib.decompressobj()
            data = unpack.decompress(info.comment[len(_COMMENT_MARK):], _MAX_STAMPS_BYTES)
            record = json.loads(data) if unpack.eof else None
    return stamps_from_record(value, record, fallback)


def _read_problem(err: Exception) -> str:
    """Why a member could not be read, in words."""
    text = str(err)
    if isinstance(err, RuntimeError) and "encrypted" in text:
        return "it is encrypted (protected by a password); export it again without one"
    if isinstance(err, NotImplementedError):
        return "it is compressed with a method this Python cannot read; zip it again"
    if "CRC" in text:
        return "it is damaged (its content does not match its checksum): the zip was cut or altered"
    return f"it cannot be read ({text or type(err).__name__})"


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    if info.flag_bits & 0x1:
        raise RuntimeError("encrypted")
    with zf.open(info) as fh:
        raw = fh.read(info.file_size + 1)
    if len(raw) != info.file_size:
        raise ValueError("it is not the size the zip says it is")
    return raw


def open_zip(path: Path) -> zipfile.ZipFile:
    """The zip, checked against the limits; a ValueError that says why when it is refused."""
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as err:
        raise ValueError(f"{path.name} is not a zip file ({err}); nothing was imported") from err
    infos = zf.infolist()
    total = sum(i.file_size for i in infos)
    problem = None
    if len(infos) > MAX_ENTRIES:
        problem = f"it holds {len(infos):,} files, more than the {MAX_ENTRIES:,} allowed"
    elif total > MAX_TOTAL_BYTES:
        problem = (f"it would unpack to {total / 2**20:,.0f} MB, more than the "
                   f"{MAX_TOTAL_BYTES // 2**20} MB allowed")
    if problem:
        zf.close()
        raise ValueError(f"{path.name} is not a saved-work zip: {problem}. Nothing was imported.")
    return zf


def read_members(zf: zipfile.ZipFile, skip: Callable[[str, str], None]) -> list[Member]:
    """Every usable member of ``zf`` (nothing is written); ``skip(name, reason)`` for the others."""
    infos = [i for i in zf.infolist() if not i.is_dir()]
    counts = Counter(i.filename for i in infos)
    members, reported = [], set()
    for info in infos:
        name = info.filename
        if counts[name] > 1:
            if name not in reported:
                reported.add(name)
                skip(name, f"the zip holds {counts[name]} files with that name, so none of them "
                           "was restored (a zip from export_zip holds each file once)")
            continue
        try:
            key = _member_key(name)
        except ValueError as err:
            skip(name, str(err))
            continue
        try:
            raw = _read_member(zf, info)
        except Exception as err:  # a damaged member is any of a dozen errors: report each one
            skip(name, _read_problem(err))
            continue
        try:
            value = decode(raw, plain=True)
        except ValueError as err:
            skip(name, str(err))
            continue
        members.append(Member(key, name, Saved(value, _stamps(info, value))))
    return members
