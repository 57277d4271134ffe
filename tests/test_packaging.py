"""helpers/ as an installable package: the wheel ships every module and every data file.

The wheel is built from a copy of what packaging reads (pyproject.toml, README.md, helpers/), so
the build leaves nothing behind in the checkout (no build/, no egg-info) while other tests run.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HELPERS = ROOT / "helpers"


def _shipped_sources() -> set[str]:
    """Every module and data file under helpers/, as wheel paths (``helpers/core/text.py``)."""
    files = {p for p in HELPERS.rglob("*") if p.is_file() and "__pycache__" not in p.parts
             and p.suffix != ".pyc"}
    return {p.relative_to(ROOT).as_posix() for p in files}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("src")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(HELPERS, src / "helpers",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--disable-pip-version-check", "--quiet", "-w", str(out), str(src)],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    wheels = list(out.glob("*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def test_the_wheel_ships_every_module_and_data_file(wheel):
    with zipfile.ZipFile(wheel) as zf:
        shipped = {name for name in zf.namelist() if name.startswith("helpers/")}
    missing = _shipped_sources() - shipped
    assert not missing, f"not in the wheel: {sorted(missing)}"


def test_the_wheel_ships_the_data_of_every_package(wheel):
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
    for package in ("core", "sources", "claims", "figures", "reliability", "course"):
        assert any(n.startswith(f"helpers/{package}/data/") for n in names), package
    assert not any(n.startswith(("seeds/", "tests/", "notebooks/")) for n in names)
