"""How the claim tagger and the figure extractor do on text they were never tuned on.

    .venv/bin/python benchmarks/heldout_accuracy.py            # the numbers
    .venv/bin/python benchmarks/heldout_accuracy.py --errors   # and the speakers it gets wrong

The set is ``tests/data/eval/newstories/``: four French articles on stories other than the
course's (a storm, a strike, unemployment figures, a diplomatic row), annotated by hand without
reading the rules (its README gives the guidelines). The scoring is the other benchmarks': the
alignment of ``claims_accuracy.py`` (a speaker also counts as right when it is one of the
annotation's ``alternatives``) and the matching of ``figures_accuracy.py``.

The instructor guide quotes these numbers ("Known limits to tell learners"): update it when they
change.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT, ROOT / "benchmarks"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

import claims_accuracy as ca  # noqa: E402
import figures_accuracy as fa  # noqa: E402

from helpers.core.text import fold  # noqa: E402

SET = ROOT / "tests" / "data" / "eval" / "newstories"


def _key(name: str) -> str:
    return " ".join(fold(ca.canonical_actor(name) if name else "").replace("'", " ").split())


def claims_scores(errors: bool = False) -> dict:
    from helpers.claims import tag_claims
    from helpers.core.nlp import parse_many

    gold = ca.read_annotations(SET / "claims.csv")
    files = sorted(SET.glob("*.txt"))
    corpus = pd.DataFrame({"article_id": [f.stem for f in files],
                           "text": [f.read_text(encoding="utf-8") for f in files]})
    aligned = ca.align(gold, corpus, tag_claims(corpus, docs=parse_many(corpus["text"].tolist())))
    aligned = aligned[aligned["in_gold"]].copy()
    alternatives = dict(zip(gold["sentence"], gold["alternatives"], strict=True))
    aligned["right"] = [
        _key(r.speaker) in {_key(n) for n in [r.gold_speaker, *alternatives[r.sentence].split("|")]
                            if n} if r.gold_speaker else not r.speaker
        for r in aligned.itertuples()]
    said = aligned[aligned["gold_speaker"] != ""]
    hedged = aligned[aligned["gold_hedged"]]
    if errors:
        print(said[~said["right"]][["article_id", "gold_speaker", "speaker"]].to_string())
    return {
        "sentences": len(aligned), "attributed": len(said),
        "speaker right": said["right"].mean(),
        "no speaker found": int((said["speaker"] == "").sum()),
        "wrong or partial speaker": int(((said["speaker"] != "") & ~said["right"]).sum()),
        "hedged right": aligned["hedged_ok"].mean(),
        "hedges found": f"{int(hedged['hedged'].sum())} of {len(hedged)}",
        "false hedges": int((~aligned["gold_hedged"] & aligned["hedged"]).sum()),
    }


def figures_scores() -> dict:
    from helpers.figures import extract_figures
    from helpers.sources import load_corpus

    gold = pd.read_csv(SET / "figures.csv", dtype={"unit": str, "text": str, "speaker": str},
                       keep_default_na=False, na_values={"value": [""], "low": [""], "high": [""]})
    gold["derived"] = "False"
    with warnings.catch_warnings():  # the annotation files beside the articles are skipped
        warnings.simplefilter("ignore")
        corpus = load_corpus(SET)
    predicted = extract_figures(corpus)
    # a figure without a date would stop the scoring's message; it counts as a wrong date
    predicted["stated_on"] = predicted["stated_on"].fillna(pd.Timestamp("1900-01-01"))
    result = fa.score(predicted, gold)
    value_wrong = [w for w in result["wrong"] if "stated_on" not in w
                   and ("'value'" in w or "'qualifier'" in w)]
    return {
        "figures": result["gold"], "found": result["found"], "recall": result["recall"],
        "precision": result["precision"],
        "value and qualifier right (of found)": 1 - len(value_wrong) / max(result["found"], 1),
        "unit wrong": sum("'unit'" in w for w in result["wrong"]),
        "date right": result["stated_on"], "speaker right": result["speaker"],
    }


def _show(name: str, scores: dict) -> None:
    print(name)
    for key, value in scores.items():
        print(f"  {key:38} {value:.0%}" if isinstance(value, float) else f"  {key:38} {value}")


def main(argv: list[str]) -> None:
    _show("claims (tag_claims), four new stories:", claims_scores("--errors" in argv))
    _show("figures (extract_figures), four new stories:", figures_scores())


if __name__ == "__main__":
    main(sys.argv[1:])
