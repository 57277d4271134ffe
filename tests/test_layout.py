"""The layout of helpers/, read from the source with ``ast``: packages by the course's moves, a
lower layer never importing a higher one, no import cycle, small modules, no story in the code.

Layers, lowest first: core < sources < claims < figures < reliability < pipeline < display <
report < course. ``helpers/__init__.py`` (paths only) is below them all; the modules kept for the
first layout (``helpers.corpus``, ``helpers.nlp``, ``helpers.exercises``, ``helpers.workspace``)
are above them all and nothing in helpers/ imports them. Every import counts, also one inside a
function: a lazy import may save time, never dodge the order.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HELPERS = ROOT / "helpers"
LAYERS = ["core", "sources", "claims", "figures", "reliability", "pipeline", "display", "report",
          "course"]
COMPAT = {"helpers.corpus", "helpers.nlp", "helpers.exercises", "helpers.workspace"}
MAX_LINES = 500
STORY_WORDS = re.compile(r"nord-cor|north korea|koursk|kursk|zelensk|blinken|pyongyang", re.I)
ALLOWED_WORDS = re.compile(r"KURSK_[A-Z_]+|kursk-reports")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(HELPERS.rglob("*.py"))}


def _layer(module: str) -> int:
    """-1 for the paths (``helpers``), the index in :data:`LAYERS`, len(LAYERS) for COMPAT."""
    if module == "helpers":
        return -1
    if module in COMPAT:
        return len(LAYERS)
    return LAYERS.index(module.split(".")[1])


def _imports(module: str) -> set[str]:
    """The helpers modules ``module`` imports (at any depth of its code)."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "helpers"}
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{module}: relative import (write helpers.… in full)"
            if not (node.module or "").startswith("helpers"):
                continue
            for alias in node.names:  # a submodule imported by name, or a name of the module
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in MODULES else node.module)
    unknown = found - set(MODULES)
    assert not unknown, f"{module} imports modules that do not exist: {sorted(unknown)}"
    return found


GRAPH = {module: _imports(module) for module in MODULES}


def test_every_module_is_in_a_layer():
    for module in MODULES:
        assert module == "helpers" or module in COMPAT or module.split(".")[1] in LAYERS, module


def test_the_packages_are_the_course_moves():
    packages = {p.name for p in HELPERS.iterdir() if (p / "__init__.py").is_file()}
    assert packages == set(LAYERS) - {"pipeline"}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_lower_layer_imports_a_higher_one(module):
    higher = [m for m in GRAPH[module] if _layer(m) > _layer(module)]
    assert not higher, f"{module} (layer {_layer(module)}) imports {higher}"


def test_nothing_in_helpers_imports_the_first_layout_modules():
    users = {m: GRAPH[m] & COMPAT for m in MODULES if GRAPH[m] & COMPAT}
    assert not users, users


def test_no_import_cycle():
    """Depth-first search over the explicit imports; a cycle is reported with its path."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for target in sorted(GRAPH[module]):
            if state.get(target) == 1:
                cycle = path[path.index(target):] + [target]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if target not in state:
                visit(target)
        path.pop()
        state[module] = 2

    for module in sorted(MODULES):
        if module not in state:
            visit(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_is_over_500_lines(module):
    lines = len(MODULES[module].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{module}: {lines} lines"


def _docstring_nodes(tree: ast.AST) -> set[int]:
    """The string constants that are docstrings (of modules, classes, functions) or attribute
    docstrings (a bare string statement)."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(
                node.value.value, str):
            out.add(id(node.value))
    return out


def test_no_story_in_the_code():
    """The helpers know French news, not one story: no string literal outside docstrings names
    the Kursk story (its words live in seeds/, as data)."""
    found = []
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = _docstring_nodes(tree)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and id(node) not in docstrings
                    and STORY_WORDS.search(ALLOWED_WORDS.sub("", node.value))):
                found.append(f"{module}:{node.lineno}: {node.value[:70]!r}")
    assert not found, "\n".join(found)


def test_each_package_exports_what_it_lists():
    import importlib

    for module in MODULES:
        if module.count(".") != 1 or not MODULES[module].name == "__init__.py":
            continue
        package = importlib.import_module(module)
        missing = [n for n in getattr(package, "__all__", []) if not hasattr(package, n)]
        assert not missing, f"{module}: {missing}"


@pytest.mark.parametrize("name", [
    "helpers.sources.load_corpus", "helpers.course.check", "helpers.course.hint",
    "helpers.course.solution", "helpers.course.exercises", "helpers.claims.tag_claims",
    "helpers.figures.parse_number", "helpers.figures.extract_figures",
    "helpers.reliability.article_signals", "helpers.reliability.corroboration",
    "helpers.pipeline.run", "helpers.report.write_report",
    # the first layout's paths, kept for code written against them
    "helpers.corpus.load_corpus", "helpers.nlp.get_nlp", "helpers.exercises.check",
    "helpers.exercises.hint", "helpers.exercises.solution", "helpers.exercises.exercises",
    "helpers.workspace.save", "helpers.workspace.load", "helpers.workspace.export_zip",
    "helpers.workspace.import_zip", "helpers.workspace.set_root",
])
def test_the_public_api_is_importable(name):
    import importlib

    module, _, attr = name.rpartition(".")
    assert callable(getattr(importlib.import_module(module), attr))
