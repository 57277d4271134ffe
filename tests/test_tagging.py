"""helpers.claims.hand_tags: the sample to tag, the saved tags, Cohen's kappa and the comparison."""

from __future__ import annotations

import json
import math
import warnings

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.claims.agreement import cohen_kappa, compare, kappa_strength
from helpers.claims.hand_tags import (
    MIN_WORDS,
    TAGS_KEY,
    TaggingSession,
    TaggingWarning,
    load_tags,
    pick_sentences,
)
from helpers.claims.sentence_units import (
    NOBODY,
    SOMEONE_ELSE,
    sentence_units,
    speaker_choices,
    tag_key,
)
from helpers.core import workspace

ARTICLES = ["000_aaaa", "001_bbbb", "002_cccc", "003_dddd", "004_eeee"]


def row(article, sid, sentence, speaker="", kind="", hedged=False, claim_id=None):
    return {"article_id": article, "sentence_id": sid, "sentence": sentence, "speaker": speaker,
            "speaker_kind": kind, "cue": "", "quoted": False, "hedged": hedged,
            "hedges": ["auraient"] if hedged else [],
            "claim_id": sid if claim_id is None else claim_id}


# Eight sentences per article, in four kinds: named speaker, anonymous source, hedged without a
# speaker, plain statement; plus a fragment and a stub that must never be offered.
KINDS = [
    ("Volodymyr Zelensky", "person", False, "Le président a déclaré que les soldats étaient là."),
    ("responsable ukrainien", "anonymous", False, "Un responsable a indiqué que les combats ont eu "
                                                  "lieu hier."),
    ("", "", True, "Les soldats auraient été déployés dans la région de Koursk."),
    ("", "", False, "La région de Koursk est contrôlée depuis août par l'armée."),
    ("GUR", "institution", True, "Selon le GUR, trente soldats auraient été tués ce week-end."),
    ("", "", False, "C'est une première depuis le début du conflit armé."),
]


@pytest.fixture
def big_claims():
    rows = []
    for a, article in enumerate(ARTICLES):
        for k, (speaker, kind, hedged, text) in enumerate(KINDS):
            rows.append(row(article, k, f"{text} ({a}.{k})", speaker, kind, hedged))
        rows.append(row(article, 6, "lancer une incursion surprise en août dernier."))
        rows.append(row(article, 7, "Une source proche", "source proche", "anonymous"))
    return pd.DataFrame(rows)


@pytest.fixture
def small_claims():
    """Two articles; 001's first sentence was cut in three pieces by the parser."""
    return pd.DataFrame([
        row("000_aaaa", 0, "Le GUR affirme que 30 soldats auraient été tués.", "GUR",
            "institution", True),
        row("000_aaaa", 1, "La zone est contrôlée par l'armée ukrainienne depuis août."),
        row("001_bbbb", 0, "Selon Washington", "États-Unis", "institution", True, claim_id=0),
        row("001_bbbb", 1, ",", "États-Unis", "institution", True, claim_id=0),
        row("001_bbbb", 2, "jusqu'à 8 000 soldats « ont été déployés ».", "États-Unis",
            "institution", True, claim_id=0),
        row("001_bbbb", 3, "Le président Zelensky a déclaré que 11 000 soldats étaient là.",
            "Volodymyr Zelensky", "person", False, claim_id=1),
        row("001_bbbb", 4, "Un responsable ukrainien a indiqué que les combats avaient commencé.",
            "responsable ukrainien", "anonymous", True, claim_id=2),
    ])


# ------------------------------------------------------------------------------ units


def test_tag_key_is_stable_text():
    assert tag_key("002_fd0b306409274ced", 7) == "002_fd0b306409274ced:7"
    assert tag_key("002", pd.Series([7]).iloc[0]) == "002:7"  # numpy ints too


def test_split_sentences_are_joined_into_one_unit(small_claims):
    units = sentence_units(small_claims)
    assert list(units["key"]) == ["000_aaaa:0", "000_aaaa:1", "001_bbbb:0", "001_bbbb:3",
                                  "001_bbbb:4"]
    joined = units.set_index("key").loc["001_bbbb:0"]
    assert joined["sentence"] == "Selon Washington, jusqu'à 8 000 soldats « ont été déployés »."
    assert joined["members"] == [0, 1, 2]
    assert joined["speaker"] == "États-Unis" and joined["hedged"]
    assert list(units["stratum"]) == ["named", "none", "named", "named", "anonymous"]


def test_units_without_claim_id_are_one_per_row(small_claims):
    units = sentence_units(small_claims.drop(columns=["claim_id", "speaker_kind"]))
    assert len(units) == len(small_claims)
    # without speaker_kind, a speaker counts as named and no speaker as none
    assert set(units["stratum"]) == {"named", "none"}


def test_missing_values_are_read_as_empty(small_claims):
    claims = small_claims.copy()
    claims["speaker"] = claims["speaker"].astype(object)
    claims.loc[1, "speaker"] = None
    claims["hedged"] = claims["hedged"].astype(object)
    claims.loc[1, "hedged"] = float("nan")
    unit = sentence_units(claims).iloc[1]
    assert unit["speaker"] == "" and not unit["hedged"] and unit["stratum"] == "none"


def test_bad_claims_tables_are_refused_with_a_reason(small_claims):
    with pytest.raises(ValueError, match="'speaker'"):
        sentence_units(small_claims.drop(columns=["speaker"]))
    with pytest.raises(TypeError, match="DataFrame"):
        pick_sentences([{"sentence": "x"}])


def test_speaker_choices(small_claims):
    claims = small_claims.copy()
    claims.loc[1, "speaker"] = None
    choices = speaker_choices(claims)
    assert choices[0] == NOBODY and choices[-1] == SOMEONE_ELSE
    # alphabetical as a French reader expects: États-Unis among the E, before GUR
    assert choices[1:-1] == ["États-Unis", "GUR", "responsable ukrainien", "Volodymyr Zelensky"]


# ------------------------------------------------------------------------------ sampling


def test_pick_sentences_shape_and_order(big_claims):
    sample = pick_sentences(big_claims, n=12, seed=0)
    assert list(sample.columns) == ["article_id", "sentence_id", "sentence"]
    assert len(sample) == 12
    assert sample.equals(sample.sort_values(["article_id", "sentence_id"]).reset_index(drop=True))
    assert not sample.duplicated(["article_id", "sentence_id"]).any()


def test_pick_sentences_is_reproducible_and_order_free(big_claims):
    first = pick_sentences(big_claims, n=12, seed=3)
    assert first.equals(pick_sentences(big_claims, n=12, seed=3))
    shuffled = big_claims.sample(frac=1, random_state=1).reset_index(drop=True)
    assert first.equals(pick_sentences(shuffled, n=12, seed=3))
    others = [pick_sentences(big_claims, n=12, seed=s) for s in range(1, 6)]
    assert any(not first.equals(o) for o in others)


@pytest.mark.parametrize("seed", range(5))
def test_pick_sentences_is_varied(big_claims, seed):
    sample = pick_sentences(big_claims, n=12, seed=seed)
    units = sentence_units(big_claims).set_index(["article_id", "sentence_id"])
    picked = units.loc[list(zip(sample["article_id"], sample["sentence_id"], strict=True))]
    assert set(sample["article_id"]) == set(ARTICLES)  # spread over the five articles
    assert sample["article_id"].value_counts().max() <= 3
    assert (picked["stratum"] == "named").any()
    assert (picked["stratum"] == "anonymous").any()
    assert (picked["stratum"] == "none").any()
    assert picked["hedged"].any() and (~picked["hedged"]).any()
    # no fragment (lower-case start) and no stub (too few words)
    assert not sample["sentence"].str.startswith("lancer").any()
    assert (picked["words"] >= MIN_WORDS).all()


def test_pick_sentences_small_tables_and_bad_n(small_claims):
    everything = pick_sentences(small_claims, n=50)
    assert len(everything) == len(sentence_units(small_claims))  # stubs allowed when short
    assert pick_sentences(small_claims, n=0).empty
    for bad in (-1, 2.5, "3", True):
        with pytest.raises(ValueError, match="n must"):
            pick_sentences(small_claims, n=bad)


# ------------------------------------------------------------------------------ saved tags


def saved(work_dir):
    return json.loads((work_dir / f"{TAGS_KEY}.json").read_text(encoding="utf-8"))


def test_every_change_is_saved_at_once(small_claims, work_dir):
    session = TaggingSession(small_claims, n=5)
    key = session.current_key
    assert key == "000_aaaa:0"
    assert not (work_dir / f"{TAGS_KEY}.json").exists()
    session.set("checkable", True)
    assert saved(work_dir)[key] == {"sentence": small_claims.loc[0, "sentence"],
                                    "checkable": True, "speaker": None, "hedged": None}
    session.set("speaker", "GUR")
    assert saved(work_dir)[key]["speaker"] == "GUR"
    session.set("hedged", False)
    assert saved(work_dir)[key]["hedged"] is False
    assert session.is_tagged() and session.progress_text() == "1 of 5 tagged"
    assert session.saves == 3


def test_answers_are_checked(small_claims):
    session = TaggingSession(small_claims, n=5)
    with pytest.raises(ValueError, match="speaker choices"):
        session.set("speaker", "Batman")
    with pytest.raises(ValueError, match="True, False or None"):
        session.set("hedged", "yes")
    with pytest.raises(ValueError, match="question must be"):
        session.set("mood", True)
    with pytest.raises(KeyError):
        session.set("hedged", True, key="999:1")


def test_a_new_session_resumes_with_the_saved_tags(small_claims):
    first = TaggingSession(small_claims, n=5)
    for question, value in (("checkable", True), ("speaker", "GUR"), ("hedged", True)):
        first.set(question, value)
    first.next()
    first.set("speaker", NOBODY)  # second sentence: one answer out of three
    again = TaggingSession(small_claims, n=5)
    assert again.keys == first.keys
    assert again.position == 1 and again.current_key == "000_aaaa:1"
    assert again.tag() == {"checkable": None, "speaker": NOBODY, "hedged": None}
    assert again.tag("000_aaaa:0") == {"checkable": True, "speaker": "GUR", "hedged": True}
    assert again.progress_text() == "1 of 5 tagged"


def test_all_tagged_resumes_on_the_last(small_claims):
    session = TaggingSession(small_claims, n=5)
    for key in session.keys:
        for question, value in (("checkable", False), ("speaker", NOBODY), ("hedged", False)):
            session.set(question, value, key=key)
    assert TaggingSession(small_claims, n=5).position == 4


def test_tags_outside_todays_sample_are_kept(small_claims, work_dir):
    picked = pick_sentences(small_claims, n=1).iloc[0]
    sampled = tag_key(picked["article_id"], picked["sentence_id"])
    other = next(k for k in sentence_units(small_claims)["key"] if k != sampled)
    workspace.save(TAGS_KEY, {other: {"sentence": "x", "checkable": True,
                                      "speaker": "Someone removed since", "hedged": True},
                              "999_gone:1": {"checkable": True}})
    session = TaggingSession(small_claims, n=1)
    assert session.keys == [sampled, other]  # a tag with no sentence any more is not shown
    assert "Someone removed since" in session.choices  # still selectable, shown as saved
    assert session.choices[-1] == SOMEONE_ELSE


def test_corrupt_file_falls_back_to_the_last_good_copy(small_claims, work_dir):
    session = TaggingSession(small_claims, n=5)
    session.set("checkable", True)
    session.set("speaker", "GUR")  # the first version is now the backup
    (work_dir / f"{TAGS_KEY}.json").write_text('{"000_aaaa:0": {"checkable": tr', "utf-8")
    with pytest.warns(workspace.WorkspaceWarning, match="last good copy"):
        again = TaggingSession(small_claims, n=5)
    assert again.tag("000_aaaa:0") == {"checkable": True, "speaker": None, "hedged": None}
    assert list(work_dir.glob(f"{TAGS_KEY}.corrupt-*.json"))  # kept, not deleted


def test_unusable_saved_data_is_reported(work_dir):
    workspace.save(TAGS_KEY, ["not", "tags"])
    with pytest.warns(TaggingWarning, match="not a table of tags"):
        assert load_tags() == {}
    workspace.save(TAGS_KEY, {"a:1": "yes", "b:2": {"checkable": "yes", "speaker": 3,
                                                    "hedged": True}})
    with pytest.warns(TaggingWarning, match="'a:1'"):
        tags = load_tags()
    assert tags == {"b:2": {"sentence": "", "checkable": None, "speaker": None, "hedged": True}}


def test_navigation_is_clamped(small_claims):
    session = TaggingSession(small_claims, n=5)
    assert session.previous() == 0
    assert session.go(99) == 4 and session.next() == 4
    assert session.neighbours("001_bbbb:3") == (
        "Selon Washington, jusqu'à 8 000 soldats « ont été déployés ».",
        "Un responsable ukrainien a indiqué que les combats avaient commencé.",
    )
    assert session.neighbours("000_aaaa:0")[0] == ""
    assert session.neighbours("001_bbbb:4")[1] == ""


# ------------------------------------------------------------------------------ kappa


def pairs(table):
    """Two raters' labels from a confusion table {(a_label, b_label): count}."""
    a, b = [], []
    for (x, y), count in table.items():
        a += [x] * count
        b += [y] * count
    return a, b


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        # the classic 2×2 example: p_o = 0.7, p_e = 0.5, kappa = 0.4
        ({("yes", "yes"): 20, ("yes", "no"): 5, ("no", "yes"): 10, ("no", "no"): 15}, 0.4),
        # same raw agreement (0.6), different kappas: p_e = 0.54 and 0.46
        ({("yes", "yes"): 45, ("yes", "no"): 15, ("no", "yes"): 25, ("no", "no"): 15}, 0.06 / 0.46),
        ({("yes", "yes"): 25, ("yes", "no"): 35, ("no", "yes"): 5, ("no", "no"): 35}, 0.14 / 0.54),
        # three labels: p_o = 24/30, p_e = (12·11 + 10·12 + 8·7)/900 → 412/592
        ({("a", "a"): 10, ("a", "b"): 2, ("b", "a"): 1, ("b", "b"): 8, ("b", "c"): 1,
          ("c", "b"): 2, ("c", "c"): 6}, 412 / 592),
        ({(True, True): 3, (False, False): 2}, 1.0),  # perfect agreement
        ({(True, False): 1, (False, True): 1}, -1.0),  # perfect disagreement
        ({("x", "x"): 2, ("x", "y"): 2}, 0.0),  # one rater constant: no better than chance
    ],
)
def test_kappa_textbook_values(table, expected):
    a, b = pairs(table)
    assert cohen_kappa(a, b) == pytest.approx(expected)
    assert cohen_kappa(b, a) == pytest.approx(expected)


def test_kappa_degenerate_cases():
    assert math.isnan(cohen_kappa([], []))
    # p_e = 1: both gave every item the same single label; kappa is 0/0
    assert math.isnan(cohen_kappa(["GUR"] * 4, ["GUR"] * 4))
    assert cohen_kappa(["a"], ["b"]) == 0.0  # one item, disagreeing: p_o = p_e = 0
    with pytest.raises(ValueError, match="same items"):
        cohen_kappa([1, 2], [1])


@given(st.lists(st.tuples(st.sampled_from("abc"), st.sampled_from("abcd")), max_size=40))
def test_kappa_matches_the_formula_from_a_crosstab(labels):
    a = [x for x, _ in labels]
    b = [y for _, y in labels]
    k = cohen_kappa(a, b)
    n = len(labels)
    if n == 0 or (len(set(a)) == 1 and set(a) == set(b)):
        assert math.isnan(k)
        return
    p_o = sum(x == y for x, y in labels) / n
    pa, pb = pd.Series(a).value_counts(normalize=True), pd.Series(b).value_counts(normalize=True)
    p_e = float((pa * pb.reindex(pa.index, fill_value=0)).sum())
    assert k == pytest.approx((p_o - p_e) / (1 - p_e))
    assert -1 - 1e-9 <= k <= 1 + 1e-9
    assert cohen_kappa(b, a) == pytest.approx(k)


def test_kappa_strength_words():
    assert kappa_strength(float("nan")) == "undefined"
    assert kappa_strength(-0.1) == "poor"
    assert kappa_strength(0.0) == "slight"
    assert kappa_strength(0.4) == "fair"
    assert kappa_strength(0.5) == "moderate"
    assert kappa_strength(0.7) == "substantial"
    assert kappa_strength(0.81) == "almost perfect"


# ------------------------------------------------------------------------------ compare


@pytest.fixture
def four_claims():
    return pd.DataFrame([
        row("000_aaaa", 0, "Le GUR affirme que 30 soldats auraient été tués.", "GUR",
            "institution", True),
        row("000_aaaa", 1, "La zone est contrôlée par l'armée depuis août.", "", "", False),
        row("001_bbbb", 0, "Zelensky a déclaré que 11 000 soldats étaient là.",
            "Volodymyr Zelensky", "person", False),
        row("001_bbbb", 1, "Un responsable a indiqué que les combats auraient commencé.",
            "responsable ukrainien", "anonymous", True),
    ])


def tags(checkable, speaker, hedged):
    return {"sentence": "", "checkable": checkable, "speaker": speaker, "hedged": hedged}


LEARNER = {
    "000_aaaa:0": tags(True, "GUR", True),  # agrees twice
    "000_aaaa:1": tags(True, NOBODY, True),  # speaker agrees (nobody = ""), hedged does not
    "001_bbbb:0": tags(False, SOMEONE_ELSE, False),  # speaker disagrees
    "001_bbbb:1": tags(None, "responsable ukrainien", True),  # agrees twice
}


def test_compare_hand_computed(four_claims):
    result = compare(LEARNER, four_claims)
    # speaker: 3 of 4; each label used once by each rater, 3 labels shared → (4·3−3)/(16−3)
    assert (result.speaker.compared, result.speaker.agreed) == (4, 3)
    assert result.speaker.agreement == 0.75
    assert result.speaker.kappa == pytest.approx(9 / 13)
    # hedged: yours T,T,F,T vs T,F,F,T → p_o = 0.75, p_e = (3·2 + 1·2)/16 = 0.5 → 0.5
    assert (result.hedged.compared, result.hedged.agreed) == (4, 3)
    assert result.hedged.kappa == pytest.approx(0.5)
    expected = pd.DataFrame(
        [
            {"article": "000_aaaa", "sentence": "La zone est contrôlée par l'armée depuis août.",
             "question": "hedged?", "yours": "yes", "automatic": "no"},
            {"article": "001_bbbb",
             "sentence": "Zelensky a déclaré que 11 000 soldats étaient là.",
             "question": "who says it?", "yours": SOMEONE_ELSE,
             "automatic": "Volodymyr Zelensky"},
        ]
    )
    pd.testing.assert_frame_equal(result.disagreements, expected)
    assert (result.checkable, result.answered_checkable) == (2, 3)
    table = result.table()
    assert list(table["question"]) == ["Who says it?", "Hedged?"]
    assert list(table["strength"]) == ["substantial", "moderate"]
    text = str(result)
    assert "4 sentences compared, same answer for 3 (75%)" in text
    assert "kappa 0.69 (substantial agreement)" in text and "kappa 0.50 (moderate" in text


def test_compare_only_counts_answered_questions(four_claims):
    partial = {"000_aaaa:0": tags(True, None, True), "000_aaaa:1": tags(None, NOBODY, None)}
    result = compare(partial, four_claims)
    assert result.speaker.compared == 1 and result.hedged.compared == 1
    # one answer each, both agreeing: one label used by both → p_e = 1, kappa undefined
    assert result.speaker.agreement == 1.0 and math.isnan(result.speaker.kappa)
    assert "undefined" in str(result)
    empty = compare({}, four_claims)
    assert empty.speaker.compared == 0 and math.isnan(empty.speaker.agreement)
    assert empty.disagreements.empty
    assert list(empty.disagreements.columns) == ["article", "sentence", "question", "yours",
                                                 "automatic"]
    assert "no sentence answered yet" in str(empty)


def test_compare_keys_of_any_piece_and_unknown_keys(small_claims):
    learner = {"001_bbbb:2": tags(True, "États-Unis", True),  # the third piece of a split claim
               "999_zzzz:1": tags(True, NOBODY, False)}
    result = compare(learner, small_claims)
    assert result.speaker.compared == 1 and result.speaker.agreed == 1
    assert result.not_found == ("999_zzzz:1",)
    assert "1 saved tag(s) match no sentence" in str(result)


def test_compare_accepts_a_session(four_claims):
    session = TaggingSession(four_claims, n=4)
    for key, tag in LEARNER.items():
        for question in ("checkable", "speaker", "hedged"):
            session.set(question, tag[question], key=key)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = compare(session, four_claims)
    assert result.speaker.kappa == pytest.approx(9 / 13)
    assert session.compare().hedged.kappa == pytest.approx(0.5)
    # the same answers come back from the saved file
    assert compare(load_tags(), four_claims).speaker.agreed == 3
