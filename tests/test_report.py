"""helpers.report: the self-contained HTML hand-in and the CSV exports.

The seeds are parsed once for the module; the other corpora are tiny articles written here.
Nothing is timed. Charts are drawn with matplotlib's Agg backend.
"""

import base64
import datetime as dt

import matplotlib
import pandas as pd
import pytest
from report_page import ReportPage

from helpers.core import workspace
from helpers.pipeline import run
from helpers.reliability.grading import save_grade
from helpers.report import EXPORTS, export_tables, write_report
from helpers.sources.corpus import load_corpus

matplotlib.use("Agg")  # the report draws on Agg canvases itself; no window, whatever the setup

DAY = dt.date(2025, 1, 15)
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
NNBSP = "\u202f"  # narrow no-break space: how the course writes thousands (11 000)
SECTIONS = ["sources", "cleaning", "claims", "figures", "timeline", "reliability",
            "corroboration", "shared", "grades", "conclusion"]

TXT_ARTICLE = """Des soldats nord-coréens signalés près de Koursk

Publié le 12 novembre 2024

Selon le ministère ukrainien de la Défense, environ 12 000 soldats nord-coréens seraient arrivés \
dans la région de Koursk. Le président Volodymyr Zelensky a affirmé lundi que 11 000 soldats \
étaient déjà sur place.

Un responsable ukrainien a indiqué que les troupes seraient en formation.
"""

HTML_ARTICLE = """<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>Le Pentagone confirme des troupes nord-coréennes</title>
<meta name="author" content="Marie Dupont">
<meta property="article:published_time" content="2024-11-05">
<script>window.evil = 1;</script></head>
<body><nav>Accueil · Monde</nav><article><h1>Le Pentagone confirme des troupes nord-coréennes</h1>
<p>Le secrétaire américain à la Défense Lloyd Austin a déclaré mardi qu'environ 10 000 soldats
nord-coréens se trouvaient en Russie.</p>
<p>Selon lui, une partie de ces soldats a été déployée dans la région de Koursk, où les combats
se poursuivent contre l'armée ukrainienne.</p>
<p>Moscou n'a pas confirmé ces informations. Le Kremlin a refusé de commenter.</p>
</article></body></html>
"""


# ----------------------------------------------------------------------------- reading the HTML


# ----------------------------------------------------------------------------- fixtures


@pytest.fixture(autouse=True)
def work(tmp_path):
    """Every test has its own, empty work folder (never the learner's real one)."""
    root = tmp_path / "work"
    workspace.set_root(root)
    yield root
    workspace.set_root(None)


@pytest.fixture(scope="module")
def seeds():
    return run(load_corpus())


@pytest.fixture(scope="module")
def seeds_page(seeds, tmp_path_factory):
    """The seeds' report with nothing saved in the work folder."""
    workspace.set_root(tmp_path_factory.mktemp("empty-work"))
    try:
        path = write_report(results=seeds, out_path=tmp_path_factory.mktemp("r") / "r.html",
                            generated=DAY)
    finally:
        workspace.set_root(None)
    return path.read_text(encoding="utf-8")


def _own_folder(folder):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "001_note.txt").write_text(TXT_ARTICLE, encoding="utf-8")
    (folder / "002_page.html").write_text(HTML_ARTICLE, encoding="utf-8")
    return folder


# ----------------------------------------------------------------------------- the file


def test_report_is_written_where_asked_with_its_folders(seeds, tmp_path):
    out = tmp_path / "deep" / "er" / "hand-in.html"
    path = write_report(results=seeds, out_path=out, generated=DAY)
    assert path == out
    assert out.is_file()
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_default_path_is_the_work_folder(seeds, work):
    path = write_report(results=seeds, generated=DAY)
    assert path == work / "report.html"
    assert path.is_file()


def test_report_is_self_contained(seeds_page):
    lowered = seeds_page.lower()
    assert 'src="http' not in lowered
    assert "<script" not in lowered
    assert "<link" not in lowered
    assert "@import" not in lowered
    assert "url(" not in lowered
    for tag, attrs in ReportPage(seeds_page).tags:
        for name in ("src", "href"):
            value = attrs.get(name)
            if value is not None:
                assert value.startswith(("data:image/png;base64,", "#")), (tag, name, value)


def test_charts_are_embedded_pngs_with_alt_text(seeds_page):
    images = ReportPage(seeds_page).images()
    assert len(images) == 2  # the timeline and the spread of the estimates
    for img in images:
        data = base64.b64decode(img["src"].removeprefix("data:image/png;base64,"))
        assert data.startswith(PNG_MAGIC)
        assert len(data) > 10_000
        assert "North Korean soldiers" in img["alt"] or "estimates" in img["alt"]
    timeline = images[0]["alt"]
    assert "Timeline chart" in timeline
    assert f"NIS 1{NNBSP}500" in timeline  # the points are listed in words
    assert "Zelensky" in timeline


def test_report_has_every_section_and_the_date(seeds_page):
    page = ReportPage(seeds_page)
    ids = [attrs.get("id") for tag, attrs in page.tags if tag == "section"]
    for section in SECTIONS:
        assert section in ids
    assert "Generated on 15 January 2025" in seeds_page
    assert '<meta name="viewport"' in seeds_page
    assert "@media print" in seeds_page


def test_tables_show_the_investigation(seeds_page):
    page = ReportPage(seeds_page)
    sources = page.rows("kr-sources", "002")
    assert sources and "Zoé SAMIN" in sources[0] and "Fri 18 Oct 2024" in sources[0]
    assert "BBC" in page.rows("kr-sources", "004")[0]
    assert page.rows("kr-cleaning", "aggregator line")
    assert len(page.tables["kr-claims-summary"]) == 1 + 5  # header + one row per article
    assert any("source proche du dossier" in row for row in page.tables["kr-anonymous"])
    assert any("au moins 30" in row for row in page.tables["kr-figures"])
    assert any(row[:2] == ["31 Oct 2024", "Antony Blinken"] for row in page.tables["kr-estimates"])
    signals = page.rows("kr-signals", "has byline")[0]
    assert signals[1:6] == ["no", "no", "yes", "no", "no"]
    assert "author" in signals[6]  # the one-line meaning
    ten_thousand = page.rows("kr-corroboration", f"about 10{NNBSP}000 soldiers")[0]
    assert "2: Ukraine; États-Unis" in ten_thousand
    # issue 15: the same number over different scopes is not a confirmation
    assert any("count different things" in cell for cell in ten_thousand)
    assert page.rows("kr-corroboration", "at least 30 soldiers killed or wounded")
    assert not [r for r in page.tables["kr-corroboration"] if "capturé" in " ".join(r)]
    assert any("au moins 30 soldats" in cell for row in page.tables["kr-shared"] for cell in row)


def test_friendly_lines_when_nothing_is_saved(seeds_page):
    assert "You have not saved any grades yet" in seeds_page
    assert "You have not saved a conclusion yet" in seeds_page
    assert "notebook 04" in seeds_page
    assert "kr-grades" not in seeds_page
    assert "save_grade(" not in seeds_page  # no Python in the hand-in
    # the rubric's proposals are shown for reference, marked as not the learner's: one row
    # per origin, officials folded into the government they speak for
    page = ReportPage(seeds_page)
    assert page.rows("kr-proposals", "Ukraine") and page.rows("kr-proposals", "États-Unis")
    assert not page.rows("kr-proposals", "GUR") and not page.rows("kr-proposals", "Lloyd Austin")


def test_saved_grades_and_conclusion_appear(seeds, tmp_path):
    save_grade("Ukraine", "D", 4, note="Only Ukraine <says> so & nobody checks")
    save_grade("Kim Jong Un", "E", 5, claim="no troops at all")
    workspace.save("conclusion", {"text": "It is likely that 10 000 to 12 000 North Korean "
                                          "soldiers were in Kursk, according to Lloyd Austin and "
                                          "the GUR.\n\n<b>Second</b> paragraph."})
    text = write_report(results=seeds, out_path=tmp_path / "r.html", generated=DAY).read_text(
        encoding="utf-8")
    page = ReportPage(text)
    gur = page.rows("kr-grades", "Ukraine")
    assert len(gur) == 1
    row = gur[0]
    assert row[1] == f"11{NNBSP}000 soldiers (in Kursk)"
    assert row[2].startswith("C2")  # the rubric's grade beside the learner's
    assert row[3] == "D4: Not usually reliable · Doubtful"
    assert row[5] == "Only Ukraine <says> so & nobody checks"  # as text, after unescaping
    assert "Only Ukraine &lt;says&gt; so &amp; nobody checks" in text
    kim = page.rows("kr-grades", "Kim Jong Un")[0]  # an origin the rubric does not propose
    assert kim[1] == "no troops at all" and kim[3].startswith("E5")
    assert "You graded 2 origins" in text
    assert "It is likely that 10 000 to 12 000" in text
    assert "&lt;b&gt;Second&lt;/b&gt; paragraph." in text
    assert "<b>Second</b>" not in text
    assert "Calibrated estimative language" in text  # what the checker says
    assert "You have not saved any grades yet" not in text
    assert "You have not saved a conclusion yet" not in text


def test_article_text_is_escaped(tmp_path):
    corpus = load_corpus(_own_folder(tmp_path / "arts"))
    corpus.loc[0, "title"] = 'Titre <script>alert("titre")</script>'
    corpus.loc[0, "byline"] = '<img src=x onerror="alert(2)">'
    corpus.loc[0, "text"] = (
        "Selon une source proche du dossier, <script>alert(1)</script> environ 12 000 soldats "
        "nord-coréens seraient arrivés dans la région de Koursk.\n\n" + corpus.loc[0, "text"])
    results = run(corpus, cache=False)
    text = write_report(results=results, out_path=tmp_path / "r.html", generated=DAY).read_text(
        encoding="utf-8")
    assert "<script" not in text.lower()
    assert 'Titre &lt;script&gt;alert("titre")&lt;/script&gt;' in text  # the headline
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text  # the sentence, in the claims tables
    assert "<img src=x" not in text
    assert "&lt;img src=x" in text
    assert all(img["src"].startswith("data:image/png;base64,") for img in ReportPage(text).images())


def test_own_folder_with_a_txt_and_an_html_article(tmp_path):
    folder = _own_folder(tmp_path / "my_articles")
    (folder / "photo.png").write_bytes(PNG_MAGIC + b"\0" * 32)  # not an article: skipped
    with pytest.warns(UserWarning, match="photo.png"):
        path = write_report(folder, out_path=tmp_path / "out" / "report.html",
                            cache=tmp_path / "cache", generated=DAY)
    text = path.read_text(encoding="utf-8")
    page = ReportPage(text)
    assert "2 articles from “my_articles”" in text
    assert [r[0] for r in page.tables["kr-sources"][1:]] == ["001", "002"]
    html_row = page.rows("kr-sources", "002")[0]
    assert "Le Pentagone confirme des troupes nord-coréennes" in html_row
    assert "Marie Dupont" in html_row
    assert "photo.png" in text  # the skipped file is listed with its reason
    assert "window.evil" not in text  # the page's script never reaches the text
    images = page.images()
    assert len(images) == 2
    assert "Lloyd Austin" in images[0]["alt"] or "Austin" in images[0]["alt"]
    assert any("Lloyd Austin" in row for row in page.tables["kr-estimates"])


def test_same_inputs_same_file(seeds, tmp_path):
    first = write_report(results=seeds, out_path=tmp_path / "a.html", generated=DAY)
    second = write_report(results=seeds, out_path=tmp_path / "b.html", generated=DAY)
    assert first.read_bytes() == second.read_bytes()


# ----------------------------------------------------------------------------- CSV exports


def test_exports_open_with_pandas_with_bom_and_columns(seeds, tmp_path):
    paths = export_tables(seeds, tmp_path / "exports")
    assert [p.name for p in paths] == list(EXPORTS.values())
    for key, path in zip(EXPORTS, paths, strict=True):
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), path.name
        table = pd.read_csv(path, encoding="utf-8-sig")
        assert list(table.columns) == list(seeds[key].columns), path.name
        assert len(table) == len(seeds[key]), path.name
    claims = pd.read_csv(paths[0], encoding="utf-8-sig", keep_default_na=False)
    assert "nord-coréens" in " ".join(claims["sentence"])  # accents intact
    assert claims.loc[0, "sentence"] == seeds["claims"].loc[0, "sentence"]
    several = seeds["claims"]["hedges"].map(len) > 1
    if several.any():
        i = several.idxmax()
        assert claims.loc[i, "hedges"] == "; ".join(seeds["claims"].loc[i, "hedges"])
    figures = pd.read_csv(paths[1], encoding="utf-8-sig")
    assert figures["value"].dropna().tolist() == seeds["figures"]["value"].dropna().tolist()
    assert str(figures.loc[0, "stated_on"]) == "2024-11-04"
    corroboration = pd.read_csv(paths[3], encoding="utf-8-sig")
    first = seeds["corroboration"].iloc[0]
    assert corroboration.loc[0, "articles"] == "; ".join(first["articles"])
    assert corroboration.loc[0, "origins"] == "; ".join(first["origins"])


def test_exports_default_to_the_work_folder_and_defuse_formulas(work):
    results = {
        "corpus": pd.DataFrame({"article_id": ["a"], "text": ["x"]}),
        "claims": pd.DataFrame({"article_id": ["a"], "sentence": ['=HYPERLINK("http://x")'],
                                "hedges": [["selon", "affirme"]]}),
        "figures": pd.DataFrame({"article_id": ["a"], "text": ["-5"], "value": [-5.0]}),
        "signals": pd.DataFrame({"article_id": ["a"], "named_sources": [2]}),
        "corroboration": pd.DataFrame({"value": [-5.0], "articles": [["a", "b"]]}),
    }
    paths = export_tables(results)
    assert paths[0].parent == work / "exports"
    claims = pd.read_csv(paths[0], encoding="utf-8-sig")
    assert claims.loc[0, "sentence"] == "'=HYPERLINK(\"http://x\")"
    assert claims.loc[0, "hedges"] == "selon; affirme"
    figures = pd.read_csv(paths[1], encoding="utf-8-sig")
    assert figures.loc[0, "value"] == -5.0  # numbers are left alone
    assert figures.loc[0, "text"] == "'-5"  # text a spreadsheet would compute is not
    assert pd.read_csv(paths[3], encoding="utf-8-sig").loc[0, "articles"] == "a; b"


def test_an_article_without_figures_still_gives_a_report(tmp_path):
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "billet.txt").write_text(
        "Un billet sans chiffres\n\nLe ministre a déclaré mardi que la situation restait "
        "confuse. Selon une source proche du dossier, rien n'est confirmé.\n", encoding="utf-8")
    path = write_report(folder, out_path=tmp_path / "r.html", cache=False, generated=DAY)
    text = path.read_text(encoding="utf-8")
    assert "1 article from “one”" in text
    assert not ReportPage(text).images()
    assert "so there is no timeline" in text
    assert "Only one article: nothing to compare." in text
