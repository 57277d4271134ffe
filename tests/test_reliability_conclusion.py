"""The conclusion checker of notebook 04: calibrated estimative terms, independent origins."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.core.datafiles import read_table
from helpers.core.story import load_story
from helpers.reliability import (
    check_conclusion,
    conclusion_report,
    display_name,
    estimative_terms,
)

GOOD = ("It is likely that 10 000 to 12 000 North Korean soldiers were in Kursk by "
        "mid-December 2024: Zelensky said 11 000 and Lloyd Austin put it at about 10 000.")


def test_a_good_paragraph_passes_and_says_why(capsys):
    assert check_conclusion(GOOD) is True
    out = capsys.readouterr().out
    assert "“likely” (55–80 %)" in out
    assert "Volodymyr Zelensky (Ukraine) and Lloyd Austin (United States)" in out
    assert "Well done" in out


def test_french_paragraph_with_aliases_and_accents():
    report = conclusion_report(
        "Il est très probable qu'environ 10 000 soldats nord-coréens étaient à Koursk, selon "
        "le président ukrainien et le SECRETAIRE AMERICAIN A LA DEFENSE.")
    assert report.ok
    assert report.terms == ["very likely"]
    assert report.speakers == ["Volodymyr Zelensky", "Lloyd Austin"]
    assert report.origins == ["Ukraine", "États-Unis"]  # the governments they speak for


@pytest.mark.parametrize(
    ("phrase", "term"),
    [("very likely", "very likely"), ("unlikely", "unlikely"), ("likely", "likely"),
     ("highly probable", "very likely"), ("probably", "likely"), ("remote", "almost no chance"),
     ("roughly even odds", "roughly even chance"), ("nearly certain", "almost certain"),
     ("almost certainly", "almost certain"), ("peu probable", "unlikely"),
     ("très peu probable", "very unlikely"), ("Presque certain", "almost certain")],
)
def test_each_calibrated_term_is_read_as_its_own_band(phrase, term):
    report = conclusion_report(f"It is {phrase} that Zelensky and Lloyd Austin are right.")
    assert report.terms == [term]


@given(st.sampled_from(sorted(set(estimative_terms().query("kind == 'calibrated'")["term"]))),
       st.text(alphabet="abc ,.", max_size=20))
def test_any_calibrated_term_is_found_in_any_filler(term, filler):
    report = conclusion_report(f"{filler} {term.upper()} {filler}")
    assert report.terms == [term]


def test_vague_words_fail_with_the_scale_and_a_note():
    report = conclusion_report("Maybe 11 000 were there, according to Zelensky and the NIS.")
    assert not report.ok
    assert report.terms == [] and report.vague == ["Maybe"]
    text = str(report)
    assert "No calibrated estimative term" in text
    assert "almost no chance (1–5 %)" in text and "almost certain (95–99 %)" in text
    assert "“Maybe” is not on the scale" in text


def test_two_origins_on_one_side_are_not_independent():
    report = conclusion_report("It is likely that 11 000 were there, according to Zelensky "
                               "and Ukrainian military intelligence.")
    assert not report.ok
    assert report.speakers == ["Volodymyr Zelensky", "GUR"]
    assert report.origins == ["Ukraine"] and report.sides == ["Ukraine"]
    text = str(report)
    assert ("Volodymyr Zelensky and the GUR both speak for the Ukrainian government: one "
            "origin, not 2") in text
    assert "Ukraine is a party to the war" in text
    assert "Lloyd Austin or the Pentagon (United States)" in text


def test_one_origin_repeated_is_one_origin():
    report = conclusion_report("It is likely: Zelensky said so, and the président ukrainien "
                               "repeated it on Telegram.")
    assert report.speakers == ["Volodymyr Zelensky"]
    assert "Only one origin named" in str(report)


def test_anonymous_sources_and_media_are_not_counted():
    report = conclusion_report("It is likely, says an unnamed Ukrainian official quoted by the "
                               "BBC and by AFP.")
    assert not report.ok
    assert report.origins == []
    assert report.anonymous == ["responsable ukrainien"]
    assert report.media == ["BBC", "AFP"]
    text = str(report)
    assert "An unnamed Ukrainian official: anonymous, so not counted" in text
    assert "BBC and AFP: a news outlet relays" in text


def test_a_country_counts_only_when_cited_as_a_source():
    mentioned = conclusion_report("It is likely that troops from North Korea fought in Russia "
                                  "and Ukraine, as Lloyd Austin said.")
    assert mentioned.speakers == ["Lloyd Austin"]
    assert set(mentioned.places) == {"North Korea", "Russia", "Ukraine"}
    cited = conclusion_report("It is likely, according to Kyiv, and Washington says so too.")
    assert cited.ok
    assert set(cited.origins) == {"Ukraine", "États-Unis"}
    assert "“according to Kyiv”" not in str(cited)  # no hint once it passes


def test_acronyms_must_be_capitals():
    # "eu" is French for "had": it is not the EU
    report = conclusion_report("Il y a eu, c'est probable, des soldats selon le GUR et l'UE.")
    assert report.speakers == ["GUR", "UE"]
    assert conclusion_report("Il y a eu des soldats, selon le gur.").origins == []


def test_tips_that_do_not_fail_the_check():
    no_figure = conclusion_report("It is likely that thousands were there, according to "
                                  "Zelensky and Lloyd Austin.")
    assert no_figure.ok and not no_figure.has_figure
    assert "Tip: give the figure" in str(no_figure)
    mixed = conclusion_report("We have high confidence that it is very likely that 10 000 "
                              "were there, as Zelensky and Lloyd Austin said.")
    assert mixed.ok
    assert "confidence level and a likelihood in the same sentence" in str(mixed)


def test_empty_or_not_text():
    assert not conclusion_report("").ok
    assert "Write your paragraph first" in str(conclusion_report("   "))
    assert not conclusion_report(None).ok


def test_estimative_terms_data_is_icd_203():
    table = estimative_terms()
    scale = table[table["kind"] == "calibrated"]
    assert list(scale["term"]) == ["almost no chance", "very unlikely", "unlikely",
                                   "roughly even chance", "likely", "very likely",
                                   "almost certain"]
    assert list(zip(scale["low_pct"], scale["high_pct"], strict=True)) == [
        (1, 5), (5, 20), (20, 45), (45, 55), (55, 80), (80, 95), (95, 99)]
    assert scale["source"].str.contains("ICD 203").all()
    assert (table.loc[table["kind"] == "vague", "low_pct"].isna()).all()


def test_english_aliases_name_actors_of_the_table():
    from helpers.core.actors import load_actors

    canonical = set(load_actors()["canonical"])
    assert set(read_table(load_story().path("english_aliases"))["canonical"]) <= canonical
    assert display_name("Pentagone") == "the Pentagon"
    assert display_name("Lloyd Austin") == "Lloyd Austin"


def test_the_conclusion_is_saved_for_the_report_but_not_the_placeholder(tmp_path):
    from helpers.core import workspace
    from helpers.reliability import load_conclusion, save_conclusion

    workspace.set_root(tmp_path)
    try:
        save_conclusion("Write your paragraph here.")
        assert load_conclusion() == ""
        save_conclusion("  It is likely that about 10 000 were there.  ")
        assert load_conclusion() == "It is likely that about 10 000 were there."
    finally:
        workspace.set_root(None)


def test_officials_of_one_government_are_one_origin():
    # issue 15: Blinken and Austin speak for the United States
    report = conclusion_report("It is likely that 10 000 were there, as Antony Blinken and "
                               "Lloyd Austin said.")
    assert not report.ok and report.origins == ["États-Unis"]
    assert "both speak for the United States: one origin" in str(report)


@pytest.mark.parametrize("denial", [
    "Russia denied it", "Russia has denied it", "North Korea confirmed nothing",
    "North Korea did not confirm it", "North Korea didn't comment",
    "le Kremlin a démenti", "la Corée du Nord n'a rien confirmé", "it was denied by Russia"])
def test_a_denial_or_a_silence_is_not_an_origin(denial):
    report = conclusion_report(f"It is likely that 10 000 were there according to Lloyd Austin; "
                               f"{denial}.")
    assert not report.ok, denial
    assert report.origins == ["États-Unis"]
    assert report.denied
    assert "a denial or a silence is not an origin" in str(report)


def test_a_negated_term_is_not_the_term():
    report = conclusion_report("It is not likely at all that 10 000 were there, according to "
                               "Zelensky and Lloyd Austin.")
    assert not report.ok and report.terms == []
    assert report.negated == ["not likely"]
    assert "negates a term" in str(report)
    assert conclusion_report("Il n'est pas probable que 10 000 soient là, selon Zelensky et "
                             "Lloyd Austin.").terms == []
    assert conclusion_report("It is unlikely, according to Zelensky and Lloyd Austin.").terms == \
        ["unlikely"]


def test_any_story_names_from_its_claims_table(tmp_path):
    import pandas as pd

    claims = pd.DataFrame({
        "article_id": ["a", "a", "b", "b"],
        "speaker": ["préfecture", "préfecture", "ministre de l'Intérieur",
                    "source proche de la préfecture"],
        "speaker_kind": ["", "", "person", "anonymous"]})
    story = load_story(tmp_path)  # a learner's folder: no story data
    french = conclusion_report("Il est très probable que sept personnes soient mortes, selon la "
                               "préfecture du Gard et le ministre de l'Intérieur.", story, claims)
    assert french.ok, str(french)
    assert set(french.origins) == {"préfecture", "ministre de l'Intérieur"}
    english = conclusion_report("It is very likely that seven people died, according to the "
                                "prefecture and the Interior minister.", story, claims)
    assert english.ok, str(english)
    one = conclusion_report("It is likely that seven died, says the prefecture.", story, claims)
    assert not one.ok
    text = str(one)
    assert "ministre de l'Intérieur" in text  # suggested from the claims, not the course's
    for word in ("Austin", "Pentagon", "Zelensky", "GUR", "NIS"):
        assert word not in text
