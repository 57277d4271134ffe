"""helpers.reliability.grading: the Admiralty scale, the rubric on hand-built figures, the
learner's grades."""

import pandas as pd
import pytest

from helpers.core import workspace
from helpers.reliability.grading import (
    GRADES_KEY,
    admiralty_scale,
    claim_label,
    grade_name,
    load_grades,
    main_origins,
    parse_grade,
    propose_grade,
    propose_grades,
    reconcile,
    save_grade,
)

NAN = float("nan")
# GUIDE.md, "Method the course teaches": the exact names
RELIABILITY = {"A": "Completely reliable", "B": "Usually reliable", "C": "Fairly reliable",
               "D": "Not usually reliable", "E": "Unreliable", "F": "Reliability cannot be judged"}
CREDIBILITY = {"1": "Confirmed by other sources", "2": "Probably true", "3": "Possibly true",
               "4": "Doubtful", "5": "Improbable", "6": "Truth cannot be judged"}


def figures(*rows):
    """Rows: (article_id, value, qualifier, speaker[, unit_kind])."""
    return pd.DataFrame([
        {"article_id": a, "sentence_id": 0, "text": str(v), "value": v, "low": NAN,
         "high": NAN, "qualifier": q, "unit": "soldat", "speaker": s, "derived": False,
         "unit_kind": rest[0] if rest else "troops"}
        for a, v, q, s, *rest in rows
    ])


# ----------------------------------------------------------------------------- the scale


def test_admiralty_names_are_exactly_the_guides():
    scale = admiralty_scale()
    rel = scale[scale["scale"] == "reliability"].set_index("code")["name"].to_dict()
    cred = scale[scale["scale"] == "credibility"].set_index("code")["name"].to_dict()
    assert rel == RELIABILITY
    assert cred == CREDIBILITY
    assert (scale["source"] == "NATO AJP-2.1 / STANAG 2511").all()
    assert (scale["meaning"].str.len() > 30).all()


@pytest.mark.parametrize(
    ("given", "expected"),
    [(("B2",), ("B", "2")), (("b", 2), ("B", "2")), (("F", "6"), ("F", "6")),
     ((" c3 ",), ("C", "3")), (("A", 1.0), ("A", "1"))],
)
def test_parse_grade(given, expected):
    assert parse_grade(*given) == expected


@pytest.mark.parametrize("given", [("G", 1), ("B", 7), ("B",), ("B22",), ("", "")])
def test_parse_grade_refuses_with_a_message(given):
    with pytest.raises(ValueError, match="A to F|1 to 6"):
        parse_grade(*given)


def test_grade_name():
    assert grade_name("B2") == "B2: Usually reliable · Probably true"


def test_claim_label():
    assert claim_label(10000.0, "troops", "approx") == "about 10\u202f000 troops"
    assert claim_label(30.0, "troops", "lower") == "at least 30 troops"
    assert claim_label(8000.0, "troops", "upper") == "up to 8\u202f000 troops"
    assert claim_label(1.5, "", "") == "1,5"  # French decimals, as every number shown


# ----------------------------------------------------------------------------- the rubric


def test_an_anonymous_source_with_no_corroboration_is_f6():
    p = propose_grade("responsable ukrainien", figures(("a", 3000.0, "approx",
                                                        "responsable ukrainien")))
    assert p.code == "F6"
    assert "anonymous" in p.reasons["anonymity"]
    assert "nobody else" in p.reasons["corroboration"]
    assert "F6: Reliability cannot be judged · Truth cannot be judged" in p.explain()


def test_an_origin_outside_the_actor_table_is_f():
    p = propose_grade("un blogueur", figures(("a", 7.0, "exact", "un blogueur")))
    assert p.reliability == "F"
    assert "lateral reading" in p.reasons["anonymity"]


def test_a_belligerent_steps_down_one_grade():
    rows = figures(("a", 30.0, "lower", "GUR"), ("b", 30.0, "lower", "GUR"))
    p = propose_grade("GUR", rows)
    assert p.code == "C6"  # direct access (B), a party to the war (C); repeated, not confirmed
    assert "one step down, to C" in p.reasons["side and interest"]
    assert p.claim == "at least 30 troops"


def test_officials_are_graded_as_the_government_they_speak_for():
    # issue 15: Blinken and Austin are one United States origin, graded once (its access is
    # the US government's: direct)
    blinken, austin = propose_grade("Antony Blinken", figures()), propose_grade("Lloyd Austin",
                                                                                figures())
    assert blinken.origin == austin.origin == "États-Unis"
    assert blinken.code == austin.code and blinken.reliability == "B"
    # a communication centre's head speaks for Ukraine: direct, a party to the war -> C
    assert propose_grade("Andriï Kovalenko", figures()).reliability == "C"
    assert all(propose_grade(o, figures()).reliability != "A"
               for o in ("NIS", "Pentagone", "Lloyd Austin"))
    rows = figures(("a", 8000.0, "upper", "Antony Blinken"), ("b", 8000.0, "upper",
                                                              "Lloyd Austin"))
    p = propose_grade("États-Unis", rows)
    assert "Antony Blinken and Lloyd Austin speak for États-Unis" in p.reasons["affiliation"]


def test_credibility_tiers():
    rows = figures(
        ("a", 10000.0, "approx", "Volodymyr Zelensky"),
        ("b", 10000.0, "approx", "Lloyd Austin"),  # same figure, another side -> 1
        ("c", 11000.0, "exact", "Volodymyr Zelensky"),  # close figure from another side -> 2
        ("d", 50000.0, "approx", "Ukraine"),
        ("e", 52000.0, "approx", "Kyiv Independent"),  # close figure, same side only -> 3
        ("f", 1500.0, "exact", "NIS"),  # nobody else -> 6
    )
    assert propose_grade("Lloyd Austin", rows, value=10000).credibility == "1"
    assert propose_grade("Volodymyr Zelensky", rows, value=10000).credibility == "1"
    assert propose_grade("Volodymyr Zelensky", rows, value=11000).credibility == "2"
    assert propose_grade("Ukraine", rows, value=50000).credibility == "3"
    assert propose_grade("NIS", rows, value=1500).credibility == "6"


def test_same_figure_from_the_same_side_only_is_3():
    rows = figures(("a", 8000.0, "upper", "Antony Blinken"),
                   ("b", 8000.0, "upper", "New York Times"))
    p = propose_grade("Antony Blinken", rows)
    assert p.credibility == "3"
    assert "not independent" in p.reasons["corroboration"]
    # the government and its official are one origin: nobody else
    rows = figures(("a", 8000.0, "upper", "Antony Blinken"), ("a", 8000.0, "upper", "États-Unis"))
    assert propose_grade("Antony Blinken", rows).credibility == "6"


def test_a_figure_with_another_scope_is_not_a_confirmation():
    # issue 15: Zelensky's ~10 000 counts soldiers in training, Blinken's 10 000 soldiers in
    # Russia: not "1 · Confirmed"
    rows = figures(("a", 10000.0, "exact", "Antony Blinken"),
                   ("b", 10000.0, "approx", "Volodymyr Zelensky"))
    rows["scope"] = ["in Russia", "in training"]
    p = propose_grade("Antony Blinken", rows, value=10000)
    assert p.credibility == "6"
    assert "a different scope is not a confirmation" in p.reasons["corroboration"]
    assert p.claim == "10\u202f000 troops (in Russia)"
    rows["scope"] = ["in Russia", "in Russia"]
    assert propose_grade("Antony Blinken", rows, value=10000).credibility == "1"


def test_any_story_named_or_anonymous_from_the_claims():
    rows = figures(("a", 7.0, "exact", "préfecture", "people"),
                   ("b", 7.0, "exact", "ministre de l'Intérieur", "people"),
                   ("b", 9.0, "exact", "source proche de la préfecture", "people"))
    claims = pd.DataFrame({"article_id": ["a", "b", "b"],
                           "speaker": ["préfecture", "ministre de l'Intérieur",
                                       "source proche de la préfecture"],
                           "speaker_kind": ["", "person", "anonymous"]})
    origins = main_origins(rows, claims, unit_kinds=None)
    assert set(origins["origin"]) == {"préfecture", "ministre de l'Intérieur",
                                      "source proche de la préfecture"}
    kinds = origins.set_index("origin")["kind"]
    assert kinds["source proche de la préfecture"] == "anonymous"
    table = propose_grades(rows, claims, unit_kinds=None).set_index("origin")
    assert table.loc["source proche de la préfecture", "proposed"] == "F6"
    # a named person the story knows nothing of starts at C; two bodies of no known side that
    # give the same toll confirm each other
    assert table.loc["ministre de l'Intérieur", "proposed"] == "C1"
    assert "lateral reading" in table.loc["ministre de l'Intérieur", "reasons"]


def test_the_main_claim_is_the_one_repeated_most():
    rows = figures(("a", 11000.0, "exact", "Volodymyr Zelensky"),
                   ("b", 11000.0, "exact", "Volodymyr Zelensky"),
                   ("c", 10000.0, "approx", "Volodymyr Zelensky"))
    assert propose_grade("Volodymyr Zelensky", rows).claim == "11\u202f000 troops"


def test_no_figure_gives_6_with_a_reason():
    p = propose_grade("Kremlin", figures())
    assert p.credibility == "6" and p.claim == ""
    assert "no figure" in p.reasons["corroboration"]


def test_main_origins_and_propose_grades():
    rows = figures(("a", 30.0, "lower", "GUR"), ("b", 30.0, "lower", "GUR"),
                   ("b", 3000.0, "approx", "responsable ukrainien"),
                   ("b", 9.0, "exact", "département du Trésor américain", "people"),
                   ("c", 10.0, "exact", ""))
    origins = main_origins(rows)
    # troops only; the GUR speaks for Ukraine; an anonymous official stays its own origin
    assert list(origins["origin"]) == ["Ukraine", "responsable ukrainien"]
    assert origins.iloc[0]["speakers"] == ["GUR"]
    assert origins.iloc[0]["articles"] == ["a", "b"]
    assert origins.iloc[0]["role"] == "belligerent" and origins.iloc[0]["access"] == "direct"
    claims = pd.DataFrame({"article_id": ["a", "b", "c", "d"],
                           "speaker": ["responsable ukrainien"] * 4})
    assert main_origins(rows, claims).iloc[0]["origin"] == "responsable ukrainien"
    assert len(main_origins(rows, unit_kinds=None)) == 3
    table = propose_grades(rows)
    assert table.set_index("origin")["proposed"].to_dict() == {
        "Ukraine": "C6", "responsable ukrainien": "F6"}
    assert table["reasons"].str.contains("corroboration:").all()


# ----------------------------------------------------------------------------- the learner


def test_save_and_load_grades_through_the_workspace(work_dir):
    assert load_grades() == {}
    saved = save_grade("GUR", "c", 3, note="the Pentagon confirms losses", claim="30",
                       proposed="C6")
    assert saved == {"reliability": "C", "credibility": "3", "claim": "30",
                     "note": "the Pentagon confirms losses", "proposed": "C6"}
    save_grade("NIS", "B2")
    assert set(load_grades()) == {"GUR", "NIS"}
    assert workspace.load(GRADES_KEY)["NIS"]["reliability"] == "B"
    assert (work_dir / f"{GRADES_KEY}.json").exists()
    save_grade("GUR", "D4")  # a second grade overrides the first
    assert load_grades()["GUR"]["credibility"] == "4"


def test_a_bad_grade_is_not_saved():
    with pytest.raises(ValueError):
        save_grade("GUR", "Z9")
    with pytest.raises(ValueError):
        save_grade("  ", "B2")
    assert load_grades() == {}


def test_reconcile_compares_with_the_proposal():
    proposals = pd.DataFrame({"origin": ["GUR", "NIS", "Lloyd Austin"],
                              "claim": ["x", "y", "z"], "proposed": ["C6", "B6", "B1"]})
    save_grade("GUR", "C3", note="Pentagon: losses")
    save_grade("NIS", "B6")
    table = reconcile(proposals).set_index("origin")
    assert table.loc["NIS", "same"] and table.loc["NIS", "comment"] == "same grade as the rubric"
    assert not table.loc["GUR", "same"]
    assert "more credible (3 vs 6)" in table.loc["GUR", "comment"]
    assert table.loc["GUR", "note"] == "Pentagon: losses"
    assert table.loc["Lloyd Austin", "yours"] == ""
    assert table.loc["Lloyd Austin", "comment"] == "not graded yet"
    other = reconcile(proposals, grades={"Lloyd Austin": {"reliability": "D",
                                                           "credibility": "1"}})
    assert "less reliable (D vs B)" in other.set_index("origin").loc["Lloyd Austin", "comment"]
