"""How many of Microsoft Recognizers-Text's French number specs our extractor reproduces.

    .venv/bin/python benchmarks/recognizers_fr.py            # from the repository root

The specs (MIT licence) are read in place from ``../shared/benchmarks/recognizers-text-fr/``
relative to the repository root (``RECOGNIZERS_FR`` overrides the folder); they are not copied
into the repository. They are another project's test suite, so this is a measurement, not a
pass/fail test.

- ``NumberModel.json``: every ``integer`` and ``decimal`` result; ours is
  :func:`helpers.figures.find_numbers` (what ``parse_number`` and ``extract_figures`` build on).
- ``NumberRangeModel.json``: every result; ours is :func:`helpers.figures.extract_figures`, its
  ``text`` (the qualifier and number as written) and ``interval``.

A result is reproduced when the value is the same and the span is the same: same start and same
text (case and apostrophes aside). The files' ``End`` is inclusive in some cases and exclusive in
others, so start + text is the reliable span. For ranges two columns: the interval exactly as
written (brackets included; the specs write "entre 20 et 30" as the half-open "[20,30)") and the
end points only. "python supports" counts the results of cases without "python" in
``NotSupported``: what Recognizers-Text's own Python package passes.
"""

from __future__ import annotations

import json
import math
import os
import re
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from helpers.core.text import normalise  # noqa: E402

SPECS = Path(os.environ.get("RECOGNIZERS_FR", ROOT / ".." / "shared" / "benchmarks" /
                            "recognizers-text-fr"))


def load(name: str) -> list[dict]:
    with open(SPECS / name, encoding="utf-8-sig") as fh:  # the files start with a BOM
        return json.load(fh)


def python_supported(case: dict) -> bool:
    return "python" not in case.get("NotSupported", "").lower()


def _number(text: str) -> float:
    text = text.strip()
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    return float(text)


def _same_text(a: str, b: str) -> bool:
    return normalise(a).casefold() == normalise(b).casefold()


def numbers_table() -> dict:
    from helpers.figures.numbers import find_numbers

    counts = {k: {"results": 0, "python": 0, "ours": 0, "ours_of_python": 0}
              for k in ("integer", "decimal")}
    misses = []
    for case in load("NumberModel.json"):
        ours = find_numbers(case["Input"])
        for res in case["Results"]:
            kind = res.get("Resolution", {}).get("subtype")
            if kind not in counts:
                continue
            row = counts[kind]
            row["results"] += 1
            row["python"] += python_supported(case)
            want = _number(res["Resolution"]["value"])
            hit = any(
                n.start == res["Start"] and _same_text(n.text, res["Text"])
                and math.isclose(n.value, want, rel_tol=1e-9, abs_tol=1e-12)
                for n in ours
            )
            if hit:
                row["ours"] += 1
                row["ours_of_python"] += python_supported(case)
            else:
                misses.append(f"{kind}: {case['Input']!r} -> {res['Text']!r} = {want:g}; "
                              f"ours {[(n.text, n.value) for n in ours]}")
    return {"counts": counts, "misses": misses}


def _endpoints(interval: str) -> tuple:
    m = re.fullmatch(r"\s*[\[(]\s*([^,]*?)\s*,\s*([^,]*?)\s*[\])]\s*", interval or "")
    if not m:
        return ()
    return tuple(_number(x) if x else None for x in m.groups())


def ranges_table() -> dict:
    from helpers.figures.extract import extract_figures

    cases = load("NumberRangeModel.json")
    corpus = pd.DataFrame({"article_id": range(len(cases)), "text": [c["Input"] for c in cases]})
    found = extract_figures(corpus, claims=pd.DataFrame(columns=["article_id", "sentence_id",
                                                                  "speaker"]))
    row = {"results": 0, "python": 0, "exact": 0, "endpoints": 0, "exact_of_python": 0}
    misses = []
    for i, case in enumerate(cases):
        ours = found[found["article_id"] == i]
        for res in case["Results"]:
            row["results"] += 1
            row["python"] += python_supported(case)
            want = res["Resolution"]["value"]
            mask = [r.start == res["Start"] and _same_text(r.text, res["Text"])
                    for r in ours.itertuples()]
            same_span = ours[pd.Series(mask, index=ours.index, dtype=bool)]
            exact = any(i == want for i in same_span["interval"])
            ends = any(_endpoints(i) == _endpoints(want) for i in same_span["interval"])
            row["exact"] += exact
            row["endpoints"] += ends
            row["exact_of_python"] += exact and python_supported(case)
            if not ends:
                misses.append(f"{case['Input']!r} -> {res['Text']!r} {want}; ours "
                              f"{list(zip(ours['text'], ours['interval'], strict=True))}")
    return {"counts": row, "misses": misses}


def main(verbose: bool = "-v" in sys.argv) -> None:
    if not SPECS.is_dir():
        sys.exit(f"Recognizers-Text specs not found in {SPECS} (set RECOGNIZERS_FR)")
    numbers = numbers_table()
    ranges = ranges_table()
    print(f"Recognizers-Text French specs, {SPECS.resolve()}\n")
    print("| spec | results | their Python package supports | we reproduce (value and span) "
          "| of those their package supports |")
    print("|---|---:|---:|---:|---:|")
    for kind, c in numbers["counts"].items():
        print(f"| NumberModel {kind} | {c['results']} | {c['python']} | {c['ours']} "
              f"| {c['ours_of_python']} / {c['python']} |")
    c = ranges["counts"]
    print(f"| NumberRangeModel (interval as written) | {c['results']} | {c['python']} "
          f"| {c['exact']} | {c['exact_of_python']} / {c['python']} |")
    print(f"| NumberRangeModel (end points, brackets aside) | {c['results']} | {c['python']} "
          f"| {c['endpoints']} | - |")
    if verbose:
        print("\nNumberModel results not reproduced:")
        for line in numbers["misses"]:
            print("  ", line)
        print("\nNumberRangeModel results not reproduced (end points):")
        for line in ranges["misses"]:
            print("  ", line)
    else:
        print("\n(-v lists the cases not reproduced)")


if __name__ == "__main__":
    main()
