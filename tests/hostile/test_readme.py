"""README.md beside this file lists every attack with its result; keep it and the tests in step."""

from __future__ import annotations

import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROW = re.compile(r"^\| ([A-Z]\d\d) \| .+ \| (holds|in part|fails) \|$", re.MULTILINE)


def _rows() -> dict[str, str]:
    rows = ROW.findall((HERE / "README.md").read_text(encoding="utf-8"))
    ids = [attack for attack, _ in rows]
    assert len(ids) == len(set(ids)), "an attack id appears twice in README.md"
    return dict(rows)


def _tested() -> set[str]:
    """Attack ids named by the tests: test_W11_W13_… covers W11 to W13, test_K01_K12_… K01 to
    K12."""
    found = set()
    for path in HERE.glob("test_hostile_*.py"):
        for first, last in re.findall(r"^def test_([A-Z]\d\d)(?:_([A-Z]\d\d))?_",
                                      path.read_text(encoding="utf-8"), re.MULTILINE):
            end = int((last or first)[1:])
            found |= {f"{first[0]}{n:02d}" for n in range(int(first[1:]), end + 1)}
    return found


def test_every_attack_in_the_readme_has_a_test_and_every_test_a_row():
    assert set(_rows()) == _tested()


def test_the_totals_match_the_rows():
    results = list(_rows().values())
    text = (HERE / "README.md").read_text(encoding="utf-8")
    expected = (f"Totals: {len(results)} attacks tried: {results.count('holds')} hold, "
                f"{results.count('in part')} hold in part, {results.count('fails')} fail.")
    assert expected in text
