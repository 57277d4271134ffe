"""load_corpus: the five seeds cleaned as the course expects, every format and encoding, every kind
of bad input (skipped with a warning naming the file and the reason), and sources.csv."""

import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

from helpers import SEEDS_DIR
from helpers.sources.corpus import COLUMNS, CorpusWarning, load_corpus

SEED_FILES = sorted(SEEDS_DIR.glob("*.txt"))
ARTICLE = (
    "Des soldats nord-coréens ont été tués à Koursk\n\n"
    "Des soldats nord-coréens ont été tués en combattant les forces ukrainiennes, "
    "ont annoncé les États-Unis.\n\n"
    "L’agence de renseignement militaire ukrainienne a déclaré qu’au moins 30 soldats "
    "avaient été tués ou blessés.\n"
)


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def kinds(row) -> list[str]:
    return [item["kind"] for item in row["removed"]]


def removed_texts(row, kind) -> list[str]:
    return [item["text"] for item in row["removed"] if item["kind"] == kind]


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> pd.DataFrame:
    """The five seed texts without sources.csv: what detection alone finds."""
    folder = tmp_path_factory.mktemp("seeds")
    for file in SEED_FILES:
        shutil.copy(file, folder / file.name)
    return load_corpus(folder).set_index("article_id", drop=False)


# ------------------------------------------------------------------------------------ the seeds


def test_bundled_seeds_load_from_any_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    corpus = load_corpus()
    assert list(corpus.columns[: len(COLUMNS)]) == COLUMNS
    assert list(corpus["article_id"]) == [f.stem for f in SEED_FILES]
    assert list(corpus["source_file"]) == [f.name for f in SEED_FILES]
    assert str(corpus["published"].dtype).startswith("datetime64")
    if (SEEDS_DIR / "sources.csv").exists():
        assert {"kind", "date_evidence", "original_source", "notes"} <= set(corpus.columns)
        assert "sources" not in " ".join(corpus["article_id"])


def test_no_absolute_paths_anywhere(seeds):
    for column in ("source_file", "warnings", "article_id"):
        assert not any("/" in str(value) for value in seeds[column]), column


def test_raw_is_the_file_text_and_removed_pieces_are_in_it(seeds):
    for file in SEED_FILES:
        row = seeds.loc[file.stem]
        assert row["raw"] == file.read_text(encoding="utf-8")
        for item in row["removed"]:
            assert set(item) == {"kind", "text"}
            assert item["text"] and item["text"] in row["raw"]


def test_seed_000(seeds):
    row = seeds.loc["000_a2d806d17827b430"]
    assert (
        row["title"]
        == "Kyiv affirme avoir combattu les troupes nord-coréennes pour la première fois"
    )
    assert row["outlet"] == "News Day FR"
    assert row["byline"] == ""
    assert removed_texts(row, "site name") == ["News Day FR"]
    assert removed_texts(row, "aggregator line") == [
        "For Latest Updates Follow us on Google\u00a0News",
        "Related News :",
    ]
    text = row["text"]
    assert text.startswith("C’est une première depuis le début du conflit.")
    assert "\n\n“Ils portent des uniformes russes”\n\n" in text  # a sub-heading stays
    assert "ne peuvent être vérifiées de manière indépendante" in text
    for residue in ("News Day", "Google", "Related News", row["title"]):
        assert residue not in text
    assert row["warnings"] == []


def test_seed_001(seeds):
    row = seeds.loc["001_9525bc5489a9129d"]
    assert row["title"] == ""
    assert any("no headline found" in w for w in row["warnings"])
    assert removed_texts(row, "related links") == [
        "Suivez la couverture complète",
        "Guerre en Ukraine : les attaques en Russie se multiplient",
        "Lire aussi",
        "Russie : pourquoi le déploiement de soldats nord-coréens inquiète la Corée du Sud",
    ]
    assert removed_texts(row, "link marker") == ["(nouvelle fenêtre)"] * 2
    assert removed_texts(row, "aggregator line") == ["-"]
    text = row["text"]
    assert text.startswith("Selon Washington, jusqu’à 8 000 soldats nord-coréens")
    assert "selon un responsable ukrainien aurait eu lieu" in text
    assert "Andri Kovalenko, sur Telegram." in text
    assert "\n\nJusqu’à 8 000 Nord-Coréens « déployés dans la région de Koursk »\n\n" in text
    for residue in ("nouvelle fenêtre", "Lire aussi", "Suivez la couverture", "\n-\n"):
        assert residue not in text
    assert len(text.split("\n\n")) == 11


def test_seed_002(seeds):
    row = seeds.loc["002_fd0b306409274ced"]
    title = "Des soldats nord-coréens bientôt aux côtés des troupes russes en Ukraine ?"
    assert row["title"] == title
    assert row["byline"] == "Zoé SAMIN"
    assert removed_texts(row, "repeated headline") == [title, title]
    assert removed_texts(row, "byline") == ["Zoé SAMIN"]
    assert len(removed_texts(row, "scraper residue")) == 1
    assert removed_texts(row, "scraper residue")[0].startswith('• type="image/avif"')
    assert removed_texts(row, "aggregator line")[1:] == [
        "PREV Alerte ORANGE « pluie crue » et « orages », à 8 heures du matin",
        "NEXT fortes pluies attendues dans quelques heures, alerte activée",
    ]
    assert (
        "La Corée du Nord est la première à publier des images d’une usine d’uranium enrichi"
        in (removed_texts(row, "related links"))
    )
    text = row["text"]
    assert "a déclaré l’agence de presse sud-coréenne Yonhap. ce vendredi 18 octobre." in text
    assert "\n\nPersonnel civil ou militaire ?\n\n" in text
    assert "Un premier contingent de 1\u00a0500 soldats" in text  # French typography kept
    assert text.endswith(
        "Le Kremlin a par la suite nié toutes ces accusations venant de Kiev et de Séoul."
    )
    for residue in (
        title,
        "jsx",
        "type=",
        ">",
        "PREV",
        "NEXT",
        "Google",
        "Zoé",
        "Lire aussi",
        "usine d’uranium",
        "(nouvelle fenêtre)",
    ):
        assert residue not in text, residue


def test_seed_003(seeds):
    row = seeds.loc["003_a74d49738eea9ff9"]
    assert row["title"] == (
        "Soldats Nord-Coréens Tués Et Blessés En Russie Selon Les Renseignements Ukrainiens"
    )
    assert removed_texts(row, "section label") == ["ActualitésInternational"]
    (box,) = removed_texts(row, "author box")
    assert box.startswith("Passionné et dévoué, j'explore sans cesse") and box.endswith(
        "contactez-nous."
    )
    assert (row["byline"], row["outlet"]) == ("", "")
    paragraphs = row["text"].split("\n\n")
    assert "Une source proche du dossier" in paragraphs
    assert "L’Ukraine accuse et s’inquiète" in paragraphs
    assert paragraphs[0].startswith("Les services de renseignement ukrainiens révèlent")
    assert paragraphs[-1].endswith("risque pourtant d’éclater au grand jour.")
    assert "Passionné" not in row["text"] and "Actualités" not in row["text"]


def test_seed_004_is_all_prose(seeds):
    row = seeds.loc["004_889f7cbedb78b04d"]
    assert row["title"] == "" and row["removed"] == []
    assert any("no headline found" in w for w in row["warnings"])
    lines = [line for line in row["raw"].split("\n") if line.strip()]
    assert row["text"].split("\n\n") == lines  # nothing lost, apostrophes untouched
    assert "La BBC n’a pas vérifié ces affirmations de manière indépendante." in row["text"]


def test_apostrophes_are_left_to_the_nlp_layer(seeds):
    for text in seeds["text"]:
        assert "’" in text


# ------------------------------------------------------------------------------------- formats


HTML_PAGE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>Des soldats nord-coréens à Koursk | Le Journal Test</title>
<meta name="author" content="Zoé Samin">
<meta property="og:site_name" content="Le Journal Test">
<meta property="article:published_time" content="2024-10-18T09:30:00+02:00">
<style>body {color: red}</style>
<script>var tracker = "SCRIPT_TEXT";</script>
</head><body>
<header><nav><a href="/">Accueil</a> <a href="/monde">NAV_TEXT</a></nav></header>
<article>
<h1>Des soldats nord-coréens à Koursk</h1>
<p>Selon Washington, jusqu’à 8 000 soldats nord-coréens « ont été déployés dans la région de
Koursk » en Russie, a indiqué le chef de la diplomatie américaine.</p>
<p>L’armée ukrainienne contrôle de vastes pans du territoire dans cette zone depuis août,
selon un responsable ukrainien cité par l’AFP.</p>
<p>Lire aussi</p>
<p>Le Kremlin dément toute présence de troupes étrangères</p>
<p>Moscou n’a ni confirmé ni démenti ces informations, a ajouté le responsable.</p>
</article>
<footer>© Le Journal Test — mentions légales</footer>
</body></html>
"""


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_html_text_and_metadata_never_scripts_or_navigation(tmp_path, suffix):
    write(tmp_path, f"page{suffix}", HTML_PAGE)
    row = load_corpus(tmp_path).iloc[0]
    assert row["title"] == "Des soldats nord-coréens à Koursk"
    assert row["byline"] == "Zoé Samin"
    assert row["outlet"] == "Le Journal Test"
    assert row["published"] == pd.Timestamp("2024-10-18")
    assert row["text"].startswith("Selon Washington, jusqu’à 8 000 soldats nord-coréens")
    assert "Moscou n’a ni confirmé ni démenti" in row["text"]
    for hidden in ("SCRIPT_TEXT", "NAV_TEXT", "color: red", "<", "Lire aussi", row["title"]):
        assert hidden not in row["text"]
    assert removed_texts(row, "related links") == [
        "Lire aussi",
        "Le Kremlin dément toute présence de troupes étrangères",
    ]
    assert row["raw"].startswith("<!DOCTYPE html>")


def test_html_without_text_is_skipped(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "empty.html", "<html><head><script>x = 1</script></head><body></body></html>")
    with pytest.warns(CorpusWarning, match=r"empty\.html: no article text found in the HTML"):
        corpus = load_corpus(tmp_path)
    assert list(corpus["article_id"]) == ["a"]


def test_markdown(tmp_path):
    write(
        tmp_path,
        "note.md",
        "# Des soldats *nord-coréens* à Koursk\n\n"
        "Selon [Washington](https://example.org/x), **8 000 soldats** ont été déployés.\n\n"
        "![carte](https://example.org/carte.png)\n\n"
        "## Ce que dit Kiev\n\n"
        "> L’armée ukrainienne contrôle de vastes pans du territoire, a dit un responsable.\n\n"
        "- Les combats auraient commencé lundi.\n",
    )
    row = load_corpus(tmp_path).iloc[0]
    assert row["title"] == "Des soldats nord-coréens à Koursk"
    assert row["text"] == (
        "Selon Washington, 8 000 soldats ont été déployés.\n\n"
        "Ce que dit Kiev\n\n"
        "L’armée ukrainienne contrôle de vastes pans du territoire, a dit un responsable.\n\n"
        "Les combats auraient commencé lundi."
    )
    assert row["removed"] == [{"kind": "image", "text": "![carte](https://example.org/carte.png)"}]


def test_a_single_file_path(tmp_path):
    path = write(tmp_path, "one.txt", ARTICLE)
    write(tmp_path, "other.txt", ARTICLE)
    for given in (path, str(path)):
        corpus = load_corpus(given)
        assert list(corpus["article_id"]) == ["one"]
        assert corpus.loc[0, "source_file"] == "one.txt"
        assert corpus.loc[0, "title"] == "Des soldats nord-coréens ont été tués à Koursk"


def test_duplicate_stems_are_both_kept(tmp_path):
    write(tmp_path, "a.md", ARTICLE)
    write(tmp_path, "a.txt", ARTICLE)
    with pytest.warns(CorpusWarning, match=r"a\.txt: another file is also called 'a'"):
        corpus = load_corpus(tmp_path)
    assert list(corpus["article_id"]) == ["a", "a_2"]
    assert list(corpus["source_file"]) == ["a.md", "a.txt"]
    assert any("'a_2'" in w for w in corpus.loc[1, "warnings"])


# ----------------------------------------------------------------------------------- encodings


FRENCH = "L’armée nord-coréenne « a été déployée » à Koursk, selon un cœur d’élite.\n"


def test_cp1252_bytes_are_decoded_right(tmp_path):
    write(tmp_path, "legacy.txt", ("Titre du réseau\n\n" + FRENCH).encode("cp1252"))
    row = load_corpus(tmp_path).iloc[0]
    assert row["text"] == FRENCH.strip()
    assert row["title"] == "Titre du réseau"
    assert "decoded as cp1252 (the file is not UTF-8)" in row["warnings"]


def test_latin1_bytes_are_decoded_right(tmp_path):
    text = "Café à Séoul : la Corée du Nord a envoyé des troupes, dit-on ici.\n"
    write(tmp_path, "latin.txt", text.encode("latin-1"))
    assert load_corpus(tmp_path).iloc[0]["text"] == text.strip()


def test_utf8_bom_crlf_and_cr(tmp_path):
    write(tmp_path, "bom.txt", "\ufeffTitre\r\n\r\n" + FRENCH.replace("\n", "\r\n"))
    write(tmp_path, "cr.txt", ("Titre\r\r" + FRENCH.replace("\n", "\r")).encode("utf-8"))
    corpus = load_corpus(tmp_path)
    for _, row in corpus.iterrows():
        assert not row["raw"].startswith("\ufeff") and "\r" not in row["raw"]
        assert (row["title"], row["text"]) == ("Titre", FRENCH.strip())
        other = "cr.txt" if row["source_file"] == "bom.txt" else "bom.txt"
        assert row["warnings"] == [f"same text as {other}"]  # and nothing else


def test_utf16_with_bom(tmp_path):
    write(tmp_path, "u16.txt", FRENCH.encode("utf-16"))
    row = load_corpus(tmp_path).iloc[0]
    assert row["text"] == FRENCH.strip()
    assert "decoded as UTF-16" in row["warnings"]


# ---------------------------------------------------------------------------------- bad input


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01" + bytes(range(256))


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", " \n\t\r\n\u00a0\n".encode(), "contains only whitespace"),
        ("image.txt", PNG, "not a text file: a PNG image"),
        ("nul.txt", b"abc\x00\x01\x02def" * 10, "not a text file: a binary file"),
        ("controls.txt", bytes(range(1, 32)) * 20, "not a text file"),
        ("undecodable.txt", bytes(range(128, 256)) * 3, "cannot be decoded as text"),
        (
            "boilerplate.txt",
            "\u00a0\nFor Latest Updates Follow us on Google News\n\u00a0\n\nRelated News :\n",
            "only boilerplate (aggregator line)",
        ),
        ("report.pdf", b"%PDF-1.4 ...", "unsupported file type '.pdf'"),
        ("report.docx", b"PK\x03\x04...", "unsupported file type '.docx'"),
        ("noext", b"hello", "unsupported file type '(none)'"),
    ],
)
def test_bad_files_are_skipped_with_a_warning_and_the_rest_loads(tmp_path, name, content, reason):
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, name, content)
    with pytest.warns(CorpusWarning) as caught:
        corpus = load_corpus(tmp_path)
    messages = [str(w.message) for w in caught]
    assert any(name in m and reason in m for m in messages), messages
    assert list(corpus["article_id"]) == ["good"]


def test_warnings_are_filterable_and_point_at_the_caller(tmp_path):
    """A notebook shows the warning with the cell's location, never a path into helpers/."""
    assert issubclass(CorpusWarning, UserWarning)
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, "empty.txt", b"")
    with pytest.warns(CorpusWarning) as caught:
        load_corpus(tmp_path)
    assert [Path(w.filename).name for w in caught] == [Path(__file__).name]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        warnings.simplefilter("ignore", CorpusWarning)  # what a notebook can do
        assert len(load_corpus(tmp_path)) == 1


def test_folder_furniture_is_ignored_quietly(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, "README.md", "# Mes articles\n\nCe dossier contient mes articles.\n")
    write(tmp_path, ".hidden.txt", ARTICLE)
    (tmp_path / ".ipynb_checkpoints").mkdir()
    write(tmp_path / ".ipynb_checkpoints", "good-checkpoint.txt", ARTICLE)
    with warnings.catch_warnings():
        warnings.simplefilter("error", CorpusWarning)
        corpus = load_corpus(tmp_path)
    assert list(corpus["article_id"]) == ["good"]


def test_a_subfolder_is_not_searched_but_named(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    (tmp_path / "more").mkdir()
    with pytest.warns(CorpusWarning, match=r"more: it is a folder"):
        load_corpus(tmp_path)


def test_missing_path_names_it(tmp_path):
    missing = tmp_path / "nowhere"
    with pytest.raises(FileNotFoundError, match="nowhere"):
        load_corpus(missing)


def test_no_usable_article_lists_what_was_skipped(tmp_path):
    write(tmp_path, "empty.txt", b"")
    write(tmp_path, "photo.png", PNG)
    with pytest.warns(CorpusWarning), pytest.raises(ValueError) as err:
        load_corpus(tmp_path)
    message = str(err.value)
    assert "No usable article" in message
    assert "empty.txt: empty file" in message and "photo.png: unsupported file type" in message


def test_an_empty_folder(tmp_path):
    with pytest.raises(ValueError, match="No usable article"):
        load_corpus(tmp_path)


def test_a_5_mb_text_is_cleaned_but_not_loaded_as_one_article(tmp_path):
    from helpers.sources.cleaning import clean_text
    from helpers.sources.files import MAX_TEXT_CHARS

    paragraph = SEED_FILES[0].read_text(encoding="utf-8")
    big = (paragraph + "\n\n") * (5_000_000 // len(paragraph.encode()) + 1)
    cleaned = clean_text(big)  # cleaning stays linear on a long text
    assert len(cleaned.text) > 4_000_000 and "Google" not in cleaned.text
    write(tmp_path, "big.txt", big)
    write(tmp_path, "small.txt", paragraph)
    with pytest.warns(CorpusWarning, match=f"big.txt.*{MAX_TEXT_CHARS:,}"):
        corpus = load_corpus(tmp_path)
    assert corpus["source_file"].tolist() == ["small.txt"]


# --------------------------------------------------------------------------------- sources.csv


SOURCES = (
    "article_id,outlet,kind,published,date_evidence,original_source,byline,notes\n"
    "a,Le Journal,aggregator republication,2024-11-06,"
    '"ce mercredi",BBC,Anne Martin,"note, with comma"\n'
    "b,,,not a date,,,,\n"
    "ghost,X,,,,,,\n"
)


def test_sources_csv_overrides_and_extends(tmp_path):
    write(tmp_path, "a.txt", "News Day FR\n\n" + ARTICLE)
    write(tmp_path, "b.txt", ARTICLE)
    write(tmp_path, "c.txt", ARTICLE)
    write(tmp_path, "sources.csv", SOURCES)
    with pytest.warns(CorpusWarning) as caught:
        corpus = load_corpus(tmp_path).set_index("article_id", drop=False)
    messages = " | ".join(str(w.message) for w in caught)
    assert "'ghost'" in messages and "not a date" in messages
    assert list(corpus.columns) == COLUMNS + ["kind", "date_evidence", "original_source", "notes"]
    assert list(corpus.index) == ["a", "b", "c"]  # sources.csv is not an article
    a, b, c = (corpus.loc[k] for k in "abc")
    assert (a["outlet"], a["byline"], a["published"]) == (
        "Le Journal",
        "Anne Martin",
        pd.Timestamp("2024-11-06"),
    )
    assert (a["kind"], a["original_source"], a["notes"]) == (
        "aggregator republication",
        "BBC",
        "note, with comma",
    )
    assert pd.isna(b["published"]) and any("not a date" in w for w in b["warnings"])
    assert (c["kind"], c["notes"], c["outlet"]) == ("", "", "")


def test_bundled_sources_csv_is_merged():
    if not (SEEDS_DIR / "sources.csv").exists():
        pytest.skip("seeds/sources.csv not written yet")
    table = pd.read_csv(SEEDS_DIR / "sources.csv", dtype=str, keep_default_na=False)
    corpus = load_corpus().set_index("article_id")
    for _, source in table.iterrows():
        row = corpus.loc[source["article_id"]]
        if source["outlet"]:
            assert row["outlet"] == source["outlet"]
        if source["published"]:
            assert row["published"] == pd.Timestamp(source["published"])
        assert row["notes"] == source["notes"]


def test_decomposed_accents_are_composed_on_load(tmp_path):
    decomposed = "Titre\n\nLes soldats de\u0301ploye\u0301s sont la\u0300.\n"
    (tmp_path / "a.txt").write_text(decomposed, "utf-8")
    corpus = load_corpus(tmp_path)
    assert "déployés" in corpus.loc[0, "text"]


def test_short_ids_label_seeds_by_number_and_keep_other_names_whole():
    from helpers.core.text import short_id

    assert short_id("002_fd0b306409274ced") == "002"
    assert short_id("article_1") == "article_1" != short_id("article_2")
    assert short_id("exemple") == "exemple"
