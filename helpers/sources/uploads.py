"""Where a learner's own articles go (notebook 05): the ``my_articles/`` folder at the course's
root (git-ignored), filled by dropping files there or with an upload widget.

``KURSK_MY_ARTICLES`` moves the folder (tests and instructors with a prepared set use it).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from helpers import REPO_DIR, SEEDS_DIR
from helpers.core import workspace
from helpers.core.text import fold
from helpers.core.workspace import shown

ENV_VAR = "KURSK_MY_ARTICLES"
ALLOWED = {".txt", ".md", ".html", ".htm"}
#: Learner uploads larger than this are refused: an article is a few kB, a saved page < 2 MB.
MAX_BYTES = 10 * 1024 * 1024


def my_articles_folder() -> Path:
    """The folder for the learner's articles (it may not exist yet)."""
    env = os.environ.get(ENV_VAR)
    return Path(env).expanduser() if env else REPO_DIR / "my_articles"


def _usable(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in ALLOWED)


def choose_folder() -> Path:
    """The learner's folder when it holds articles, else the course's seeds; says which."""
    folder = my_articles_folder()
    found = _usable(folder)
    if found:
        print(f"Using your {len(found)} article(s) in {shown(folder)}/: "
              + ", ".join(p.name for p in found))
        return folder
    print(f"No articles in {shown(folder)}/ yet: this notebook shows the method on the "
          "course's five reports. Add yours (section 1) and run the notebook again.")
    return SEEDS_DIR


def safe_name(name: str) -> str:
    """A file name that is safe to write: no folders, plain characters, an allowed suffix."""
    name = fold(Path(str(name)).name, case=False).encode("ascii", "ignore").decode()
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._") or "article"
    if Path(name).suffix.lower() not in ALLOWED:
        raise ValueError(f"{name}: only {', '.join(sorted(ALLOWED))} files can be analysed")
    return name


def save_uploads(files, folder: Path | None = None) -> list[Path]:
    """Write uploaded files (``[{"name": ..., "content": bytes}]``, as ipywidgets' FileUpload
    gives them) into the folder; never overwrite: a name in use gets ``-2``, ``-3``…"""
    folder = folder or my_articles_folder()
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for item in files:
        name = safe_name(item["name"])
        content = bytes(item["content"])
        if len(content) > MAX_BYTES:
            raise ValueError(f"{name} is larger than {MAX_BYTES // 2**20} MB: is it an article?")
        target = folder / name
        n = 2
        while target.exists():
            target = folder / f"{Path(name).stem}-{n}{Path(name).suffix}"
            n += 1
        target.write_bytes(content)
        written.append(target)
    return written


OWN_WORK = "my_investigation"


def use_own_workspace() -> Path:
    """Save notebook 05's grades, conclusion and report apart from the Kursk course's, in
    ``work/my_investigation/``, so that neither overwrites the other. Safe to run twice."""
    current = workspace.root()
    target = current if current.name == OWN_WORK else current / OWN_WORK
    workspace.set_root(target)
    print(f"Your work in this notebook is saved in {shown(target)}/.")
    return target
