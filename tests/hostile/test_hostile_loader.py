"""Issue 16, items 3, 5 (the size limit), 7, 8, 11 and 12 (UTF-16): what a learner's folder can
hold, and the loader's answer to it. Attack ids (L…) are listed in README.md."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import warnings

import pytest

from helpers import SEEDS_DIR
from helpers.sources.corpus import CorpusWarning, load_corpus, same_text
from helpers.sources.files import MAX_FILE_BYTES, MAX_TEXT_CHARS

SEED = sorted(SEEDS_DIR.glob("*.txt"))[0]
FRENCH = ("Les soldats nord-coréens sont arrivés à Koursk, selon les services de renseignement "
          "sud-coréens. « Nous avons vérifié », a déclaré le ministère.\n")


def _load(folder) -> tuple:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_corpus(folder)
    return corpus, [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)]


# ------------------------------------------------------------------- item 3: encodings


def test_L01_one_cp1252_byte_in_a_utf8_article_is_repaired_and_named(tmp_path):
    data = ("Titre\n\n" + FRENCH).encode("utf-8").replace("arrivés".encode(), b"arriv\xe9s")
    (tmp_path / "stray.txt").write_bytes(data)
    corpus, said = _load(tmp_path)
    row = corpus.iloc[0]
    assert "nord-coréens" in row["text"] and "arrivés" in row["text"]
    assert "Ã" not in row["text"] and "û" not in row["text"]
    assert any("stray.txt" in m and "'é' on line 3" in m for m in said)
    assert any("read as cp1252" in note for note in row["warnings"])


def test_L02_a_file_mixing_utf8_and_cp1252_paragraphs_keeps_both(tmp_path):
    data = (("Titre\n\n" + FRENCH).encode("utf-8") + b"\n"
            + "Deuxième paragraphe écrit sous Windows à Séoul.\n".encode("cp1252"))
    (tmp_path / "mixed.txt").write_bytes(data)
    corpus, said = _load(tmp_path)
    text = corpus.iloc[0]["text"]
    assert "nord-coréens" in text and "Deuxième paragraphe écrit sous Windows à Séoul." in text
    assert any("mixed.txt" in m for m in said)


def test_L03_a_whole_cp1252_file_is_read_as_cp1252_with_a_warning(tmp_path):
    (tmp_path / "legacy.txt").write_bytes(("Titre\n\n" + FRENCH).encode("cp1252"))
    corpus, said = _load(tmp_path)
    assert "nord-coréens" in corpus.iloc[0]["text"]
    assert any("legacy.txt" in m and "cp1252" in m for m in said)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_L04_utf16_without_a_byte_order_mark_is_read(tmp_path, encoding):
    (tmp_path / "u16.txt").write_bytes(("Titre\n\n" + FRENCH).encode(encoding))
    corpus, _ = _load(tmp_path)
    assert corpus.iloc[0]["text"] == FRENCH.strip()


# ------------------------------------------------------------------- item 5: size


def test_L05_an_article_over_the_text_limit_is_skipped_naming_file_and_limit(tmp_path):
    paragraph = SEED.read_text(encoding="utf-8") + "\n\n"
    (tmp_path / "huge.txt").write_text(paragraph * (1_290_000 // len(paragraph) + 1))
    shutil.copy(SEED, tmp_path / "normal.txt")
    corpus, said = _load(tmp_path)
    assert corpus["source_file"].tolist() == ["normal.txt"]
    assert any("huge.txt" in m and f"{MAX_TEXT_CHARS:,}" in m for m in said)


def test_L06_a_file_over_the_byte_limit_is_not_even_read(tmp_path):
    with open(tmp_path / "big.html", "wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)  # sparse: no time spent writing it
    shutil.copy(SEED, tmp_path / "normal.txt")
    corpus, said = _load(tmp_path)
    assert corpus["source_file"].tolist() == ["normal.txt"]
    assert any("big.html" in m and "10.0 MB" in m for m in said)


# ------------------------------------------------------------------- item 7: not regular files


def test_L07_a_link_to_a_file_outside_the_folder_is_skipped(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("Titre\n\nUn texte privé qui n'est pas dans le dossier.\n")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "secret.txt").symlink_to(outside)
    shutil.copy(SEED, folder / "normal.txt")
    corpus, said = _load(folder)
    assert corpus["source_file"].tolist() == ["normal.txt"]
    assert sum("outside the folder" in m for m in said) == 2


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_L08_a_fifo_named_txt_is_skipped_without_waiting(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    os.mkfifo(tmp_path / "sources.csv")  # the metadata file too: not a file, so not read
    shutil.copy(SEED, tmp_path / "normal.txt")
    corpus, said = _load(tmp_path)  # would block forever on open() without O_NONBLOCK
    assert corpus["source_file"].tolist() == ["normal.txt"]
    assert any("pipe.txt" in m and "not a regular file" in m for m in said)


def test_L09_a_link_to_a_device_is_skipped_without_reading_it(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "zero.txt").symlink_to("/dev/zero")
    shutil.copy(SEED, folder / "normal.txt")
    corpus, said = _load(folder)
    assert corpus["source_file"].tolist() == ["normal.txt"]
    assert any("zero.txt" in m for m in said)
    # named on its own (no folder to stay in), a device is still not read
    with pytest.raises(ValueError, match="not a regular file"):
        _load(folder / "zero.txt")


def test_L10_a_link_inside_the_folder_is_followed(tmp_path):
    shutil.copy(SEED, tmp_path / "normal.txt")
    (tmp_path / "sub").mkdir()
    shutil.copy(SEED, tmp_path / "sub" / "other.txt")
    (tmp_path / "other.txt").symlink_to(tmp_path / "sub" / "other.txt")
    (tmp_path / "nothing.txt").symlink_to(tmp_path / "missing.txt")
    corpus, said = _load(tmp_path)
    assert sorted(corpus["source_file"]) == ["normal.txt", "other.txt"]
    assert any("nothing.txt" in m and "does not exist" in m for m in said)


# ------------------------------------------------------------------- item 8: names


def test_L11_a_name_with_non_utf8_bytes_prints_reports_and_exports(tmp_path, work_dir):
    from helpers.pipeline import run
    from helpers.report.exports import export_tables
    from helpers.report.write import write_report

    raw_name = os.path.join(os.fsencode(tmp_path), b"caf\xe9 \xff\x81.txt")
    with open(raw_name, "wb") as fh:
        fh.write(SEED.read_bytes())
    corpus, _ = _load(tmp_path)
    assert corpus.iloc[0]["source_file"].startswith("café")
    with contextlib.redirect_stdout(io.TextIOWrapper(io.BytesIO(), encoding="utf-8")):
        print(corpus)  # what failed with UnicodeEncodeError
    results = run(corpus, cache=False)
    for path in export_tables(results, tmp_path / "exports"):
        path.read_text(encoding="utf-8-sig")
    report = write_report(tmp_path, tmp_path / "report.html", results=results,
                          generated="2024-11-05")
    assert "café" in report.read_text(encoding="utf-8")


def test_L12_control_characters_and_direction_overrides_in_names_are_shown_as_marks(tmp_path):
    shutil.copy(SEED, tmp_path / "a\nb\u202etxt.txt")
    corpus, _ = _load(tmp_path)
    assert corpus.iloc[0]["source_file"] == "a?b?txt.txt"


# ------------------------------------------------------------------- item 11: long lines


_LONG_LINES = {  # 200,000 characters: a quadratic regex would take many minutes on each
    "brackets": "[" * 200_000,
    "images": "![" * 100_000,
    "links": "[a](" * 50_000,
    "emphasis": "*a" * 100_000,
    "underscores": "_a" * 100_000,
    "backticks": "`a" * 100_000,
    "mixed": "[*_`!(" * 33_000,
    "tags": "<a" * 100_000,
    "entities": "&#" * 100_000,
    "quotes": "> " * 100_000,
}


@pytest.mark.parametrize("suffix", [".md", ".txt", ".html"])
def test_L13_a_200000_character_line_loads_in_linear_time(tmp_path, suffix):
    for i, line in enumerate(_LONG_LINES.values()):
        body = f"Titre\n\n{line}\n\n{FRENCH}"
        if suffix == ".html":
            body = f"<html><body><h1>Titre</h1><p>{line}</p><p>{FRENCH}</p></body></html>"
        (tmp_path / f"line{i}{suffix}").write_text(body, encoding="utf-8")
    corpus, _ = _load(tmp_path)
    assert len(corpus) >= 1


# ------------------------------------------------------------------- issue 14: same text twice


def test_L14_two_articles_with_the_same_text_are_flagged_naming_both(tmp_path):
    shutil.copy(SEED, tmp_path / "a.txt")
    (tmp_path / "b.txt").write_text(SEED.read_text(encoding="utf-8").replace("\n", "\r\n"))
    (tmp_path / "c.txt").write_text("Titre\n\n" + FRENCH)
    corpus, said = _load(tmp_path)
    assert any("a.txt and b.txt have the same text" in m for m in said)
    notes = dict(zip(corpus["source_file"], corpus["warnings"], strict=True))
    assert "same text as b.txt" in notes["a.txt"] and "same text as a.txt" in notes["b.txt"]
    assert not any(n.startswith("same text") for n in notes["c.txt"])
    table = same_text(corpus)
    assert table["files"].tolist() == [["a.txt", "b.txt"]]


def test_L15_a_folder_named_like_an_article_is_skipped(tmp_path):
    (tmp_path / "dossier.txt").mkdir()
    shutil.copy(SEED, tmp_path / "normal.txt")
    corpus, said = _load(tmp_path)
    assert corpus["source_file"].tolist() == ["normal.txt"]
    assert any("dossier.txt" in m and "folder" in m for m in said)


def test_control_the_course_folder_itself_has_no_new_warnings():
    corpus, said = _load(None)
    assert len(corpus) == 5 and said == []
    assert same_text(corpus).empty


@pytest.mark.parametrize(("encoding", "text"), [
    ("cp1251", "Заголовок\n\nСеверокорейские солдаты прибыли в Курскую область, сообщает "
               "разведка. «Мы это проверили», заявило министерство.\n"),
    ("iso8859_7", "Τίτλος\n\nΟι Βορειοκορεάτες στρατιώτες έφτασαν στο Κουρσκ, σύμφωνα με τις "
                  "υπηρεσίες πληροφοριών.\n"),
], ids=["russian-cp1251", "greek-iso8859-7"])
def test_L16_a_legacy_file_in_another_script_is_not_read_as_cp1252(tmp_path, encoding, text):
    (tmp_path / "foreign.txt").write_bytes(text.encode(encoding))
    corpus, said = _load(tmp_path)
    assert corpus.iloc[0]["text"] == text.split("\n\n", 1)[1].strip()
    assert any("foreign.txt" in m for m in said)


def test_L17_a_page_nested_100000_deep_is_skipped_with_a_reason(tmp_path):
    page = "<html><body>" + "<div>" * 100_000 + "Selon Kiev, 11 000 soldats. " * 10 + \
        "</div>" * 100_000 + "</body></html>"
    (tmp_path / "deep.html").write_text(page)
    shutil.copy(SEED, tmp_path / "normal.txt")
    corpus, said = _load(tmp_path)
    assert corpus["source_file"].tolist() == ["normal.txt"]
    assert any("deep.html" in m for m in said)
