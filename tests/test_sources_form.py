"""The sources form of notebook 05 and the loader gaps it shows: what the loader finds in a
learner's files, the form prefilled with it, saved as sources.csv and read back."""

import shutil
from pathlib import Path

import pandas as pd
import pytest

from helpers import SEEDS_DIR
from helpers.display.widgets.sources import sources_form
from helpers.sources import load_corpus
from helpers.sources.cleaning import clean_text
from helpers.sources.corpus import outlet_from_name
from helpers.sources.sources_form import SOURCE_COLUMNS, sources_rows, write_sources

STORIES = Path(__file__).resolve().parent / "data" / "stories"


def copy_story(name: str, folder: Path) -> Path:
    """The article files of a test story (not its README or expected.csv)."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in (STORIES / name).iterdir():
        if path.suffix in (".txt", ".html"):
            shutil.copy(path, folder / path.name)
    return folder


def test_a_byline_and_a_date_line_after_the_standfirst_are_read():
    cleaned = clean_text("Inondations : le bilan s'alourdit\n\nLes secours ont cherché toute la "
                         "nuit dans le Gard.\n\nPar Jean Dupont\n\nPublié le 13/10/2025 à 18h04"
                         "\n\nLe corps du texte commence ici.")
    assert cleaned.byline == "Jean Dupont"
    assert str(cleaned.published) == "2025-10-13"
    assert cleaned.text.startswith("Les secours")  # the standfirst stays, as prose
    assert "Publié" not in cleaned.text and "Par Jean" not in cleaned.text


def test_published_today_gives_no_date_but_says_why():
    cleaned = clean_text("Pensions : la bataille des chiffres\n\nPar Nicolas Garnier · Publié "
                         "aujourd'hui à 21h10\n\nLe corps du texte commence ici.")
    assert cleaned.byline == "Nicolas Garnier" and cleaned.published is None
    assert any("aujourd'hui" in w and "sources form" in w for w in cleaned.warnings)
    assert "Publié" not in cleaned.text


@pytest.mark.parametrize(("stem", "outlet"), [
    ("01_journaldumidi_premier-bilan", "journaldumidi"),
    ("03_actuflash_lendemain", "actuflash"),
    ("lemonde.fr_article-sur-la-crue", "lemonde.fr"),
    ("exemple_depeche", ""), ("article1", ""), ("02_article_suite", ""),
])
def test_the_outlet_of_a_file_name(stem, outlet):
    assert outlet_from_name(stem) == outlet


def test_the_test_stories_load_with_what_a_reader_finds(tmp_path):
    crue = load_corpus(copy_story("crue", tmp_path / "crue")).set_index("article_id")
    expected = pd.read_csv(STORIES / "crue" / "expected.csv").drop_duplicates("file")
    for row in expected.itertuples():
        found = crue.loc[Path(row.file).stem]
        assert found["byline"] == row.byline
        assert found["published"].strftime("%Y-%m-%d") == row.published
    assert crue.loc["01_journaldumidi_premier-bilan", "outlet"] == "journaldumidi"
    assert crue.loc["02_gardmatin_six-morts", "outlet"] == "Gard Matin"
    demo = load_corpus(copy_story("manifestation", tmp_path / "manif")).set_index("article_id")
    assert demo.loc["02_courrierdusoir_bataille-des-chiffres", "published"].day == 15
    assert demo.loc["02_courrierdusoir_bataille-des-chiffres", "byline"] == "Nicolas Garnier"
    assert pd.isna(demo.loc["03_actuflash_lendemain", "published"])  # no date anywhere


def test_the_form_is_prefilled_saved_and_read_back(tmp_path):
    folder = copy_story("manifestation", tmp_path / "manif")
    corpus = load_corpus(folder)
    rows = sources_rows(corpus, folder)
    assert list(rows.columns) == SOURCE_COLUMNS
    assert list(rows.columns) == list(pd.read_csv(SEEDS_DIR / "sources.csv").columns)
    first = rows.set_index("article_id").loc["01_infobretagne_rennes"]
    assert first["outlet"] == "infobretagne" and first["published"] == "2026-10-15"
    assert first["byline"] == "Maëlle Le Gall" and "Publié le 15/10/2026" in first["date_evidence"]
    assert "file name" in first["notes"]

    form = sources_form(corpus, folder)
    undated = next(r for r in form.rows if r.article_id == "03_actuflash_lendemain")
    undated.fields["published"].value = "16/10/2026"
    undated.fields["outlet"].value = "ActuFlash"
    assert form.save() and "saved sources.csv" in form.status.value
    again = load_corpus(folder).set_index("article_id")
    assert again.loc["03_actuflash_lendemain", "published"] == pd.Timestamp("2026-10-16")
    assert again.loc["03_actuflash_lendemain", "outlet"] == "ActuFlash"
    saved = pd.read_csv(folder / "sources.csv", dtype=str, keep_default_na=False)
    row = saved.set_index("article_id").loc["03_actuflash_lendemain"]
    assert row["published"] == "2026-10-16"
    assert row["date_evidence"] == "entered in the sources form"
    # the next form shows what was saved
    assert sources_rows(load_corpus(folder), folder).set_index("article_id").loc[
        "03_actuflash_lendemain", "outlet"] == "ActuFlash"


def test_a_bad_date_or_the_course_folder_is_refused_in_words(tmp_path):
    folder = copy_story("crue", tmp_path / "crue")
    form = sources_form(load_corpus(folder), folder)
    form.rows[0].fields["published"].value = "mardi dernier"
    assert not form.save() and "is not a date" in form.status.value
    assert not (folder / "sources.csv").exists()
    with pytest.raises(ValueError, match="course's"):
        write_sources(SEEDS_DIR, [])
    assert repr(form).startswith("[the sources form")
