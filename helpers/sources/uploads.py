"""Where a learner's own articles go (notebook 05): the ``my_articles/`` folder at the course's
root (git-ignored), filled by dropping files there or with an upload widget.

``KURSK_MY_ARTICLES`` moves the folder (tests and instructors with a prepared set use it).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from helpers import REPO_DIR, SEEDS_DIR
from helpers.core import workspace
from helpers.core.workfiles import atomic_write, timestamp_name
from helpers.core.workspace import shown
from helpers.sources.files import MAX_FILE_BYTES, ignored, shown_name

ENV_VAR = "KURSK_MY_ARTICLES"
ALLOWED = {".txt", ".md", ".html", ".htm"}
#: Learner uploads larger than this are refused: the loader's limit (an article is a few kB).
MAX_BYTES = MAX_FILE_BYTES
#: A file replaced by an upload of the same name is kept here (hidden: the loader skips it).
REPLACED_DIR = ".replaced"
# Which upload each stored file came from (its original name): a second upload of the same name
# replaces it, another name that gives the same safe name gets its own file.
_ORIGINALS = ".uploads.json"
_STEM_BYTES = 120  # a stored name stays far below the 255 bytes file systems allow


def my_articles_folder() -> Path:
    """The folder for the learner's articles (it may not exist yet)."""
    env = os.environ.get(ENV_VAR)
    return Path(env).expanduser() if env else REPO_DIR / "my_articles"


def _usable(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.suffix.lower() in ALLOWED and not ignored(p.name))


def choose_folder() -> Path:
    """The learner's folder when it holds articles, else the course's seeds; says which."""
    folder = my_articles_folder()
    found = _usable(folder)
    if found:
        print(f"Using your {len(found)} article(s) in {shown(folder)}/: "
              + ", ".join(shown_name(p.name) for p in found))
        return folder
    print(f"No articles in {shown(folder)}/ yet: this notebook shows the method on the "
          "course's five reports. Add yours (section 1) and run the notebook again.")
    return SEEDS_DIR


def _plain(text: str) -> str:
    """Letters and digits of any script kept, accents on Latin letters dropped (é → e, so the
    names of French articles stay as they were), everything else a ``_``."""
    out, latin = [], False
    for ch in unicodedata.normalize("NFKD", text):
        if unicodedata.category(ch).startswith("M"):  # an accent, a vowel sign, a virama
            if not latin:
                out.append(ch)
            continue
        latin = ch.isascii()
        out.append(ch if ch.isalnum() or ch in "._-" else "_")
    return unicodedata.normalize("NFC", re.sub("_+", "_", "".join(out)))


def safe_name(name: str) -> str:
    """A file name that is safe to write, from an uploaded name in any script: no folders, no
    control characters, at most 120 bytes before the suffix, an allowed suffix, and never a name
    the loader skips (``README…`` becomes ``article_README…``)."""
    base = shown_name(str(name)).replace("\\", "/").rsplit("/", 1)[-1]
    suffix = Path(base).suffix.lower()
    if suffix not in ALLOWED:
        raise ValueError(f"{base}: only {', '.join(sorted(ALLOWED))} files can be analysed")
    stem = _plain(base[: -len(suffix)]).strip("._-")
    if len(stem.encode("utf-8")) > _STEM_BYTES:
        digest = hashlib.sha256(base.encode("utf-8", "replace")).hexdigest()[:8]
        stem = stem.encode("utf-8")[: _STEM_BYTES - 9].decode("utf-8", "ignore") + "-" + digest
    stem = stem or "article"
    if ignored(stem + suffix):
        stem = f"article_{stem}"
    return stem + suffix


@dataclass
class Upload:
    """What became of one uploaded file."""

    original: str
    path: Path | None = None
    problem: str = ""
    replaced: bool = False
    unchanged: bool = False
    same_as: str = ""

    def line(self) -> str:
        """One plain sentence for the learner (file names as text, not yet HTML-escaped)."""
        if self.problem:
            return f"✗ {self.original}: {self.problem}"
        stored = "" if self.path.name == self.original else f" as {self.path.name}"
        if self.unchanged:
            said = "already in your folder with the same content; nothing changed"
        elif self.replaced:
            said = (f"saved{stored}, replacing the file of the same name you uploaded before "
                    f"(the old one is kept in {REPLACED_DIR}/)")
        else:
            said = f"saved{stored}"
        same = f"; it has the same content as {self.same_as}, already in your folder" \
            if self.same_as else ""
        return f"✓ {self.original}: {said}{same}."


class Uploads(list):
    """The paths saved by :func:`save_uploads` (a list, as before), with ``.items``: an
    :class:`Upload` per file, and ``.lines()``: a sentence per file."""

    def __init__(self, items: list[Upload]):
        super().__init__(u.path for u in items if u.path is not None)
        self.items = items

    def lines(self) -> list[str]:
        return [u.line() for u in self.items]


def _originals(folder: Path) -> dict:
    try:
        data = json.loads((folder / _ORIGINALS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _target(folder: Path, name: str, original: str, originals: dict) -> Path:
    """The stored file of an earlier upload of ``original``, else a free name (``-2``…)."""
    stem, suffix = Path(name).stem, Path(name).suffix
    candidate, n = folder / name, 2
    while candidate.exists() and originals.get(candidate.name, candidate.name) != original:
        candidate = folder / f"{stem}-{n}{suffix}"
        n += 1
    return candidate


def _same_content(folder: Path, content: bytes, target: Path) -> str:
    digest = hashlib.sha256(content).digest()
    for other in _usable(folder):
        if other != target and other.stat().st_size == len(content):
            if hashlib.sha256(other.read_bytes()).digest() == digest:
                return shown_name(other.name)
    return ""


def _save_one(folder: Path, item, originals: dict) -> Upload:
    original = shown_name(str(item.get("name", ""))).replace("\\", "/").rsplit("/", 1)[-1]
    upload = Upload(original or "(no name)")
    try:
        name = safe_name(original)
        content = bytes(item["content"])
    except (ValueError, TypeError, KeyError) as err:
        upload.problem = str(err).removeprefix(f"{original}: ")
        return upload
    if len(content) > MAX_BYTES:
        upload.problem = f"it is larger than {MAX_BYTES // 2**20} MB: is it an article?"
        return upload
    target = _target(folder, name, original, originals)
    upload.same_as = _same_content(folder, content, target)
    if target.exists():
        if target.read_bytes() == content:
            upload.path, upload.unchanged, upload.same_as = target, True, ""
            return upload
        keep = folder / REPLACED_DIR / f"{timestamp_name()}-{target.name}"
        keep.parent.mkdir(exist_ok=True)
        os.replace(target, keep)
        upload.replaced = True
    target.write_bytes(content)
    originals[target.name] = original
    upload.path = target
    return upload


def save_uploads(files, folder: Path | None = None) -> Uploads:
    """Write uploaded files (``[{"name": ..., "content": bytes}]``, as ipywidgets' FileUpload
    gives them) into the folder, each on its own: a bad file is reported and the others saved.
    A file uploaded again under the same name replaces the first (kept in ``.replaced/``); a
    different name that gives the same safe name gets ``-2``, ``-3``…"""
    folder = folder or my_articles_folder()
    folder.mkdir(parents=True, exist_ok=True)
    originals = _originals(folder)
    items = []
    for item in files:
        try:
            items.append(_save_one(folder, item, originals))
        except Exception as err:  # one file's failure, whatever it is, must not drop the others
            name = shown_name(str(item.get("name", "") if isinstance(item, dict) else item))
            reason = err.strerror if isinstance(err, OSError) and err.strerror else err
            items.append(Upload(name or "(no name)", problem=f"it could not be saved ({reason})"))
    with contextlib.suppress(OSError):
        atomic_write(folder / _ORIGINALS, json.dumps(originals, ensure_ascii=False).encode())
    return Uploads(items)


OWN_WORK = "my_investigation"


def use_own_workspace() -> Path:
    """Save notebook 05's grades, conclusion and report apart from the Kursk course's, in
    ``work/my_investigation/``, so that neither overwrites the other. Safe to run twice."""
    current = workspace.root()
    target = current if current.name == OWN_WORK else current / OWN_WORK
    workspace.set_root(target)
    print(f"Your work in this notebook is saved in {shown(target)}/.")
    return target
