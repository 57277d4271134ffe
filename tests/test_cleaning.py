"""Cleaning rules on small texts: what goes into `removed`, what stays as prose, and that cleaning
never raises, never adds text and stays fast on hostile input."""

import datetime as dt
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.sources.cleaning import (
    clean_text,
    cut_inline,
    find_date,
    load_rules,
    looks_like_headline,
    tidy,
)

BODY = (
    "Le Kremlin a renvoyé les questions concernant les décès au ministère russe de la Défense, "
    "qui n’a fait aucun commentaire."
)
SECOND = "Les forces russes ont progressé dans l’est du pays ces derniers mois, selon Kiev."


def kinds(cleaned):
    return [item["kind"] for item in cleaned.removed]


def non_space(text):
    return len(re.sub(r"\s", "", text))


# ------------------------------------------------------------------------------------- rules file


def test_every_rule_is_well_formed():
    rules = load_rules()
    assert len(rules) > 10
    for rule in rules:
        assert rule.where in {"anywhere", "top", "bottom", "edges"}, rule
        assert rule.how in {
            "line",
            "contains",
            "inline",
            "attributes",
            "breadcrumb",
            "byline",
            "name",
        }, rule
        if rule.how in {"byline", "name"}:
            assert "name" in rule.regex.groupindex


# ---------------------------------------------------------------------------------------- residue


def test_attribute_residue_is_matched_generally_not_one_string():
    text = (
        f"Titre de l’article\n\n{BODY}\n\n"
        '<source srcset="a.webp 1x" type="image/webp"> <img alt="" class="css-1x2y3z" />\n'
        "  • data-src='x.jpg' loading=\"lazy\">>>>\n\n"
        f"{SECOND}"
    )
    cleaned = clean_text(text)
    assert kinds(cleaned) == ["scraper residue", "scraper residue"]
    assert "class=" not in cleaned.text and ">" not in cleaned.text
    assert cleaned.text == f"{BODY}\n\n{SECOND}"


def test_a_sentence_with_an_equals_sign_is_not_residue():
    line = 'Le rapport « 2 = 2 » cite un responsable qui a dit "oui" au texte.'
    assert clean_text(f"Titre\n\n{line}").text == line


def test_html_tags_inside_a_sentence_are_cut_and_recorded():
    cleaned = clean_text(f"Titre\n\nUn <b>premier</b> contingent<br/> arriverait. {BODY}")
    assert cleaned.text == f"Un premier contingent arriverait. {BODY}"
    assert [r["text"] for r in cleaned.removed] == ["<b>", "</b>", "<br/>"]
    assert set(kinds(cleaned)) == {"scraper residue"}


# ----------------------------------------------------------------------------------- link markers


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Yonhap. (nouvelle fenêtre)ce vendredi 18 octobre.", "Yonhap. ce vendredi 18 octobre."),
        ("Kovalenko, sur Telegram (nouvelle fenêtre).", "Kovalenko, sur Telegram."),
        ("un responsable (nouvelle fenêtre) aurait dit", "un responsable aurait dit"),
        ("le site (s’ouvre dans une nouvelle fenêtre), puis", "le site, puis"),
    ],
)
def test_link_markers_leave_the_sentence_readable(line, expected):
    cleaned = clean_text(f"Titre\n\n{line}")
    assert cleaned.text == expected
    assert kinds(cleaned) == ["link marker"]
    assert cleaned.removed[0]["text"].startswith("(") and cleaned.removed[0]["text"] in line


def test_cut_inline_returns_the_line_untouched_without_a_match():
    assert cut_inline("rien ici", re.compile("xyz")) == ("rien ici", [])


# ------------------------------------------------------------------------ aggregators and links


def test_aggregator_lines():
    text = (
        f"Titre\n\n{BODY}\n-\n\u00a0\nFor Latest Updates Follow us on Google\u00a0News\n"
        "Related News :\nPREV Alerte orange\nNEXT Autre article\n"
    )
    cleaned = clean_text(text)
    assert kinds(cleaned) == ["aggregator line"] * 5
    assert cleaned.text == BODY


def test_prev_next_only_in_capitals():
    line = "Next, les troupes ont avancé vers le nord de la région."
    assert line in clean_text(f"Titre\n\n{BODY}\n{line}").text


def test_lire_aussi_takes_the_linked_headline_but_not_prose():
    text = (
        f"Titre\n\n{BODY}\n\nLire aussi\n\nLa Corée du Nord publie des images d’une usine\n\n"
        f"{SECOND}\n\nÀ lire aussi :\n{BODY}"
    )
    cleaned = clean_text(text)
    assert [r["text"] for r in cleaned.removed] == [
        "Lire aussi",
        "La Corée du Nord publie des images d’une usine",
        "À lire aussi :",
    ]
    assert set(kinds(cleaned)) == {"related links"}
    assert cleaned.text == f"{BODY}\n\n{SECOND}\n\n{BODY}"


def test_lire_aussi_with_its_headline_on_the_same_line():
    cleaned = clean_text(f"Titre\n\n{BODY}\nLire aussi : Le Kremlin dément\n{SECOND}")
    assert cleaned.removed == [{"kind": "related links", "text": "Lire aussi : Le Kremlin dément"}]


# ------------------------------------------------------------------------------ top of the article


def test_headline_site_name_section_label_byline_and_date_at_the_top():
    text = (
        "Info Actu 24\nMonde > Europe\n\nKyiv dit avoir combattu les troupes nord-coréennes\n"
        "Par Jean DUPONT, envoyé spécial à Kiev\nPublié le 6 novembre 2024 à 10h05\n\n"
        f"{BODY}\n\nUne source proche du dossier\n\n{SECOND}"
    )
    cleaned = clean_text(text)
    assert cleaned.title == "Kyiv dit avoir combattu les troupes nord-coréennes"
    assert cleaned.site_name == "Info Actu 24"
    assert cleaned.byline == "Jean DUPONT"
    assert cleaned.published == dt.date(2024, 11, 6)
    assert kinds(cleaned) == ["site name", "section label", "byline", "date line"]
    # a sub-heading in the body is prose, not boilerplate
    assert cleaned.text == f"{BODY}\n\nUne source proche du dossier\n\n{SECOND}"
    assert cleaned.warnings == []


def test_a_first_line_ending_with_a_full_stop_is_not_a_headline():
    cleaned = clean_text(f"{BODY}\n{SECOND}")
    assert cleaned.title == ""
    assert cleaned.text == f"{BODY}\n\n{SECOND}"
    assert any("no headline found" in w for w in cleaned.warnings)


def test_a_lone_line_is_text_not_a_headline():
    cleaned = clean_text("Quelques mots sans point final")
    assert (cleaned.title, cleaned.text) == ("", "Quelques mots sans point final")


def test_known_title_is_taken_from_the_first_line_and_its_copies_removed():
    cleaned = clean_text(f"Le titre\n{BODY}\nLE TITRE\n{SECOND}", title="Le titre")
    assert cleaned.title == "Le titre"
    assert cleaned.removed == [{"kind": "repeated headline", "text": "LE TITRE"}]
    assert cleaned.text == f"{BODY}\n\n{SECOND}"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Des soldats nord-coréens bientôt aux côtés des troupes russes ?", True),
        ("“Ils portent des uniformes russes”", True),
        ("Quelle est l'ampleur de...", True),
        ("Selon Washington, 8 000 soldats ont été déployés.", False),
        ("suite d’une phrase coupée", False),
        ("mot " * 40, False),
        ("", False),
    ],
)
def test_looks_like_headline(line, expected):
    assert looks_like_headline(line) is expected


# --------------------------------------------------------------------------- bottom of the article


def test_author_box_and_bare_byline_at_the_bottom_only():
    text = (
        f"Titre\n\nZoé SAMIN a dit non.\n\n{BODY}\n\nVladimir Poutine\n\n{SECOND}\n\nZoé SAMIN\n"
        "Passionnée et curieuse, j'écris sur la tech. Pour le sponsoring, contactez-nous."
    )
    cleaned = clean_text(text)
    assert cleaned.byline == "Zoé SAMIN"
    assert kinds(cleaned) == ["byline", "author box"]
    # the same name inside the body, or a name line that is not at an edge, stays
    assert cleaned.text == f"Zoé SAMIN a dit non.\n\n{BODY}\n\nVladimir Poutine\n\n{SECOND}"


def test_several_authors():
    cleaned = clean_text(f"Titre\n\n{BODY}\n\nPar Anne MARTIN et Paul Durand")
    assert cleaned.byline == "Anne MARTIN et Paul Durand"


# -------------------------------------------------------------------------------- whitespace


def test_paragraphs_whitespace_and_typography():
    text = (
        "Titre\r\n\u00a0\r\nUn premier contingent de 1\u00a0500   soldats\tarriverait,\n"
        "selon l’agence « Yonhap ».\n \u00a0 \n\u200bLe Kremlin dément."
    )
    cleaned = clean_text(text)
    assert cleaned.text == (
        "Un premier contingent de 1\u00a0500 soldats arriverait, selon l’agence « Yonhap »."
        "\n\nLe Kremlin dément."
    )


def test_tidy():
    assert tidy("  a \u00a0 b\u200b\tc ") == "a b c"
    assert tidy("1\u00a0500") == "1\u00a0500"


def test_find_date():
    assert find_date("Publié le 1er décembre 2024 à 8h") == dt.date(2024, 12, 1)
    assert find_date("Mis à jour le 18/10/2024") == dt.date(2024, 10, 18)
    assert find_date("2024-10-18T10:00") == dt.date(2024, 10, 18)
    assert find_date("31/02/2024") is None
    assert find_date("mercredi matin") is None


@pytest.mark.parametrize("line, date", [
    ("MONT-DE-MARSAN, 3 décembre 2026 (AFP) - ", dt.date(2026, 12, 3)),
    ("Bruxelles (Belgique), 5 déc. 2026 (Reuters) – ", dt.date(2026, 12, 5)),
    ("PARIS (AFP) - ", None),  # the agency without a date
])
def test_an_agency_dateline_is_cut_and_dates_the_article(line, date):
    cleaned = clean_text(f"Des canards abattus dans les Landes\n\n{line}Près de 210 000 canards "
                         "vont être abattus, a annoncé la préfecture.\n\nLa suite.")
    assert cleaned.text.startswith("Près de 210 000 canards")
    assert cleaned.published == date
    assert {"kind": "date line", "text": line} in cleaned.removed


def test_a_copys_own_date_line_wins_over_the_wire_dateline():
    cleaned = clean_text("Des canards abattus\n\nPublié le 04/12/2026 à 10h00\n\n"
                         "MONT-DE-MARSAN, 3 décembre 2026 (AFP) - Près de 210 000 canards.")
    assert cleaned.published == dt.date(2026, 12, 4)


@pytest.mark.parametrize("text", [
    "Le préfet (AFP) a dit que la route restait coupée.",
    "Selon l'AFP, trois personnes sont mortes.",
    "La foule a scandé « Paris (AFP) - non ».",
])
def test_an_agency_named_inside_a_sentence_is_no_dateline(text):
    cleaned = clean_text(f"Un titre\n\n{text}")
    assert cleaned.text == text and cleaned.removed == []


# ------------------------------------------------------------------------------- properties, speed


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=400))
def test_cleaning_never_raises_and_never_adds_text(text):
    cleaned = clean_text(text)
    assert non_space(cleaned.text) <= non_space(text)
    for item in cleaned.removed:
        assert item["text"] in text


LINES = st.sampled_from(
    [
        "Titre",
        "Lire aussi",
        "Zoé SAMIN",
        "(nouvelle fenêtre)",
        "For Latest Updates Follow us on Google News",
        'type="image/avif" class="jsx-1">>>',
        BODY,
        "",
        "\u00a0",
        "-",
        "Par Jean DUPONT",
        "Passionné, contactez-nous.",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(LINES, max_size=12))
def test_cleaning_articles_made_of_boilerplate_pieces(lines):
    text = "\n".join(lines)
    cleaned = clean_text(text)
    assert non_space(cleaned.text) + non_space(cleaned.title) <= non_space(text)
    assert "(nouvelle fenêtre)" not in cleaned.text
    assert "Google News" not in cleaned.text


@pytest.mark.parametrize(
    "hostile",
    [
        'a="b" ' * 100_000,
        "<" * 500_000,
        "<a " * 200_000,
        "*" * 100_000 + "x",
        "Zoé SAMIN " * 30_000,
        ("x" * 300 + "\n") * 10_000,
    ],
    ids=["attributes", "brackets", "open-tags", "stars", "names", "many-lines"],
)
def test_no_catastrophic_backtracking(hostile):
    start = time.perf_counter()
    clean_text(hostile)
    assert time.perf_counter() - start < 5
