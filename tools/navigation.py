"""Write the navigation lines of every notebook and the README's course table from
``helpers/course/data/course.csv``, so they never drift apart.

    python tools/navigation.py          # rewrite what is stale
    python tools/navigation.py --check  # exit 1 and name what is stale (used by the tests)

A notebook's navigation cells are the markdown cells tagged ``navigation`` (first and last cell).
The README's table sits between ``<!-- course-map:start -->`` and ``<!-- course-map:end -->``.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import nbformat  # noqa: E402

from helpers.course import course_map  # noqa: E402

NOTEBOOKS = ROOT / "notebooks"
README = ROOT / "README.md"
MAP_START, MAP_END = "<!-- course-map:start -->", "<!-- course-map:end -->"


def _label(row) -> str:
    return f"{row['number']} {row['title']}"


def navigation_line(position: int, rows: list[dict]) -> str:
    """``← previous · Course map · next →`` for the notebook at ``position``."""
    parts = []
    if position > 0:
        prev = rows[position - 1]
        parts.append(f"[← {_label(prev)}]({prev['file']})")
    parts.append("[Course map](../README.md#course-map)")
    if position + 1 < len(rows):
        nxt = rows[position + 1]
        if nxt["status"] == "ready":
            parts.append(f"[{_label(nxt)} →]({nxt['file']})")
        else:
            parts.append(f"next: {_label(nxt)} *(in preparation)*")
    return " · ".join(parts)


def readme_table(rows: list[dict]) -> str:
    lines = ["| notebook | what you learn | time |", "|---|---|---|"]
    for row in rows:
        name = f"[{_label(row)}](notebooks/{row['file']})"
        if row["status"] != "ready":
            name = f"{_label(row)} *(in preparation)*"
        lines.append(f"| {name} | {row['goal']} | {row['minutes']} min |")
    return "\n".join(lines)


#: Below the navigation line at the end of every notebook. Learners on Binder leave notebooks
#: open, and each running kernel holds memory (1 GB for the whole session).
CLOSING = (
    "*Done with this notebook?* Your answers are already saved. Free its memory with "
    "**Kernel → Shut Down Kernel** (or close the tab and choose *Shut Down*); "
    "when you come back, *Run All* is quick: the analysis is cached."
)


def closing_cell(line: str) -> str:
    return f"{CLOSING}\n\n{line}"


def _nav_cell(source: str):
    return nbformat.v4.new_markdown_cell(source, metadata={"tags": ["navigation"]})


def update_notebook(path: Path, line: str, write: bool = True) -> bool:
    """Set the first cell to the navigation line and the last to :func:`closing_cell`; True when
    the file changed (or, with ``write=False``, would change: nothing is written)."""
    before = path.read_text(encoding="utf-8")
    nb = nbformat.reads(before, as_version=4)
    cells = nb.cells
    is_nav = [("navigation" in c.get("metadata", {}).get("tags", [])) for c in cells]
    if cells and is_nav[0]:
        cells[0]["source"] = line
    else:
        cells.insert(0, _nav_cell(line))
    if len(cells) > 1 and "navigation" in cells[-1].get("metadata", {}).get("tags", []):
        cells[-1]["source"] = closing_cell(line)
    else:
        cells.append(_nav_cell(closing_cell(line)))
    after = nbformat.writes(nb) + "\n"
    if after != before:
        if write:
            path.write_text(after, encoding="utf-8")
        return True
    return False


def update_readme(rows: list[dict], write: bool = True) -> bool:
    text = README.read_text(encoding="utf-8")
    block = f"{MAP_START}\n{readme_table(rows)}\n{MAP_END}"
    new = re.sub(re.escape(MAP_START) + ".*?" + re.escape(MAP_END), block, text, flags=re.S)
    if MAP_START not in text:
        raise SystemExit(f"README.md has no {MAP_START} … {MAP_END} block")
    if new != text:
        if write:
            README.write_text(new, encoding="utf-8")
        return True
    return False


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if stale")
    args = parser.parse_args(argv)
    rows = course_map().to_dict("records")
    # --check writes nothing: tests run it while other workers read the notebooks
    write = not args.check
    stale = []
    if update_readme(rows, write):
        stale.append("README.md")
    for i, row in enumerate(rows):
        path = NOTEBOOKS / row["file"]
        if path.exists() and update_notebook(path, navigation_line(i, rows), write):
            stale.append(f"notebooks/{row['file']}")
        elif not path.exists() and row["status"] == "ready":
            stale.append(f"notebooks/{row['file']} (marked ready in course.csv but missing)")
    if args.check:
        if stale:
            print("stale: " + ", ".join(stale) + "\nrun: python tools/navigation.py")
            return 1
        print("navigation and README course map are up to date")
        return 0
    print("updated: " + (", ".join(stale) if stale else "nothing"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
