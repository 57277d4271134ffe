"""Helpers for the Kursk reports notebooks: load, parse, tag, compare and assess French news."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
#: The repository root when helpers/ is used from a checkout (the notebooks' case).
REPO_DIR = PACKAGE_DIR.parent
SEEDS_DIR = REPO_DIR / "seeds"
