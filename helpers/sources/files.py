"""Which files of a folder are articles, and how they are read, whatever is in the folder.

* Folder furniture is skipped quietly (:func:`ignored`): hidden files, ``README*``,
  ``sources.csv``, the story's data files. The upload button uses the same rule.
* Only regular files are read: a pipe (FIFO), a device or a socket is skipped with a reason,
  without blocking; a link is followed only when it leads to a file inside the folder.
* At most :data:`MAX_FILE_BYTES` are read from a file, and an article's text is at most
  :data:`MAX_TEXT_CHARS`: a file over either is skipped with a message naming the limit.
* A file name is shown as text whatever its bytes (:func:`shown_name`): bytes that are not UTF-8
  are read as cp1252, control characters become ``?``, so that printing a corpus, the report and
  the CSV exports never fail on a name.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from helpers.core.story import is_story_file
from helpers.sources.decoding import SkipFile, repair_utf8

SOURCES_FILE = "sources.csv"
#: The largest file read as an article (and accepted by the upload button): an article is a few
#: kB, a saved web page with its scripts rarely 2 MB.
MAX_FILE_BYTES = 10 * 1024 * 1024
#: The longest article text analysed: about 500 pages, far beyond any news article (a few
#: thousand characters); one this long takes about 30 s and 500 MB to analyse.
MAX_TEXT_CHARS = 1_000_000

# Control characters and the bidirectional overrides that can make a name read backwards.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def ignored(name: str) -> bool:
    """Folder furniture, skipped quietly by design: hidden files and folders, ``__pycache__``,
    ``sources.csv``, ``README*`` and the story's data files."""
    return (
        name.startswith(".")
        or name == "__pycache__"
        or name.lower() == SOURCES_FILE
        or name.upper().startswith("README")
        or is_story_file(Path(name))
    )


def shown_name(name: str) -> str:
    """A file name as printable text: undecodable bytes read as cp1252, control characters
    (and direction overrides) as ``?``."""
    raw = os.fsencode(name)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        repaired = repair_utf8(raw)
        text = repaired[0] if repaired is not None else raw.decode("cp1252", errors="replace")
    return _UNPRINTABLE.sub("?", text)


def _megabytes(n: int) -> str:
    return f"{n / 2**20:,.1f} MB"


def _check_link(path: Path, folder: Path | None) -> None:
    """A link is followed only to a file inside ``folder``; a link to nothing is skipped."""
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        raise SkipFile("it is a link to a file that does not exist") from None
    if folder is not None and not real.is_relative_to(folder.resolve()):
        raise SkipFile("it is a link to a file outside the folder (links are followed only to "
                       "files inside it; copy the file here instead)")


def read_file(path: Path, folder: Path | None = None) -> bytes:
    """The bytes of an article file, or :class:`SkipFile` saying why it is not read.

    ``folder``: the folder being loaded (a link must stay inside it); None for a file named
    on its own.
    """
    _check_link(path, folder)
    # O_NONBLOCK: opening a FIFO would otherwise wait for a writer, forever
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SkipFile("it is not a regular file (a pipe, a device or a socket); only "
                           "files are read")
        if info.st_size > MAX_FILE_BYTES:
            raise SkipFile(f"it is {_megabytes(info.st_size)}, more than the "
                           f"{_megabytes(MAX_FILE_BYTES)} an article file can be")
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:  # it grew while being read
        raise SkipFile(f"it is more than the {_megabytes(MAX_FILE_BYTES)} an article file can be")
    return data


def check_length(text: str) -> None:
    """:class:`SkipFile` when an article's text is longer than :data:`MAX_TEXT_CHARS`."""
    if len(text) > MAX_TEXT_CHARS:
        raise SkipFile(f"its text is {len(text):,} characters long, more than the "
                       f"{MAX_TEXT_CHARS:,} an article can have (about 500 pages): split it "
                       "into several files")
