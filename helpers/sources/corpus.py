"""Load a folder of news articles into a DataFrame, one row per article, cleaned and annotated.

>>> corpus = load_corpus()                      # the course's five seed articles
>>> corpus = load_corpus("my_articles/")        # a learner's own folder (or a single file)

Columns, in this order: ``article_id, title, text, raw, byline, published, outlet, source_file,
warnings, removed``, then the extra columns of the folder's ``sources.csv`` when it has one.

What is read, and what is not:

* ``.txt``, ``.md`` / ``.markdown`` and ``.html`` / ``.htm`` files are articles. Text is decoded
  as UTF-8 (a byte-order mark is dropped), else as the legacy encoding that reads as French.
  HTML goes through trafilatura (main text and metadata; scripts, styles and menus never come
  out), Markdown through a light syntax strip; then all go through :mod:`helpers.sources.cleaning`.
* Ignored on purpose, without a warning: ``sources.csv`` (the metadata read below), the story's
  own data files (:data:`helpers.core.story.FILES`: ``actors.csv``, ``story.json``…), ``README*``
  files, hidden files and folders (``.git``, ``.ipynb_checkpoints``, ``.DS_Store``) and
  ``__pycache__``. They are part of a folder's furniture, not articles.
* Every other file is skipped *with* a :class:`CorpusWarning` naming the file and the reason (an
  unsupported format, an empty or binary file, a file that is only boilerplate), and so is a
  subfolder (it is not searched). No file is ever dropped silently. A folder with no usable
  article raises ``ValueError`` listing what was skipped and why; a missing path raises
  ``FileNotFoundError``.

``sources.csv`` (``article_id, outlet, kind, published, date_evidence, original_source, byline,
notes``) records what is known about each article with the evidence for it. Its non-empty
``outlet``, ``published`` and ``byline`` override what was detected; its other columns are
appended as they are.
"""

from __future__ import annotations

import codecs
import io
import re
import sys
import unicodedata
import warnings
from pathlib import Path

import pandas as pd

from helpers import SEEDS_DIR
from helpers.core.story import is_story_file
from helpers.sources.cleaning import clean_text, cut_inline, tidy

COLUMNS = [
    "article_id",
    "title",
    "text",
    "raw",
    "byline",
    "published",
    "outlet",
    "source_file",
    "warnings",
    "removed",
]
FORMATS = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
SOURCES_FILE = "sources.csv"
#: Columns of sources.csv that override detection when filled in.
OVERRIDES = ("outlet", "published", "byline")

# Signatures of binary formats learners are likely to drop in a folder by mistake.
_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a zip archive (also .docx, .odt, .xlsx)",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
    b"\x1f\x8b": "a gzip archive",
    b"{\\rtf": "an RTF document",
}
# Letters and marks of French text that legacy encodings write with bytes 0x80–0xFF. Used to
# choose between decodings: the one with more of these and fewer oddities is the right one.
_FRENCH_MARKS = frozenset("àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ’‘“”«»…–—€°\u00a0\u202f")

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")  # not tab, line ends or form feed


class CorpusWarning(UserWarning):
    """A file skipped or something odd about a file, while loading a corpus."""


class SkipFile(Exception):
    """Raised by the readers: this file is not a usable article (the message says why)."""


# ------------------------------------------------------------------------------------ decoding


def _binary_kind(data: bytes) -> str | None:
    for magic, name in _MAGIC.items():
        if data.startswith(magic):
            return name
    if b"\x00" in data[:65536]:
        return "a binary file (it contains NUL bytes)"
    return None


def _french_score(text: str) -> int:
    """How French a decoding reads: French marks count for, other non-ASCII characters against."""
    return sum(1 if ch in _FRENCH_MARKS else -1 for ch in _NON_ASCII.findall(text))


def _decode_legacy(data: bytes) -> tuple[str, str] | None:
    """Decode bytes that are not UTF-8: charset-normalizer's guess or cp1252, whichever reads
    as more French.

    Charset detection alone is unreliable on a short French text (it guesses cp1250 or UTF-16
    for a few lines of cp1252), and cp1252 — the Windows Western encoding, whose printable
    characters include all of Latin-1's — is what legacy French files almost always are.
    Cyrillic or Greek legacy files would come out wrong: save those as UTF-8.
    """
    from charset_normalizer import from_bytes

    candidates: list[tuple[str, str]] = []
    try:
        candidates.append((data.decode("cp1252"), "cp1252"))
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is not None and best.encoding:
        candidates.append((str(best), codecs.lookup(best.encoding).name))
    if not candidates:
        return None
    # max() keeps the first of equal scores: cp1252 wins ties.
    return max(candidates, key=lambda c: _french_score(c[0]))


def _looks_binary(text: str) -> bool:
    """Many control characters: a binary file that happened to decode."""
    return len(_CONTROL.findall(text)) > max(2, len(text) // 100)


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """Bytes of a text file → (text with ``\\n`` line ends, notes for the reader).

    Raises :class:`SkipFile` for an empty, whitespace-only or binary file.
    """
    if not data:
        raise SkipFile("empty file (0 bytes)")
    notes: list[str] = []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, notes = data.decode("utf-16"), ["decoded as UTF-16"]
    elif kind := _binary_kind(data):
        raise SkipFile(f"not a text file: {kind}")
    else:
        try:
            text = data.decode("utf-8-sig")  # -sig: a leading byte-order mark is dropped
        except UnicodeDecodeError:
            legacy = _decode_legacy(data)
            if legacy is None:
                raise SkipFile("cannot be decoded as text (not UTF-8 nor cp1252)") from None
            text, encoding = legacy
            notes.append(f"decoded as {encoding} (the file is not UTF-8)")
    if _looks_binary(text):
        raise SkipFile("not a text file: it is full of control characters (binary data?)")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SkipFile("contains only whitespace")
    # Composed accents (é as one character, not e + accent), as in almost all French web text:
    # searches, lexicons and character offsets then agree on what "é" is.
    return unicodedata.normalize("NFC", text), notes


# ------------------------------------------------------------------------------------- formats


def _timestamp(value) -> pd.Timestamp | None:
    """A date-like value → a tz-naive Timestamp, or None when it is empty or not a date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError):
        return None
    if pd.isna(ts):
        return None
    return ts.tz_localize(None) if ts.tzinfo is not None else ts


def _from_html(raw: str) -> dict:
    """Main text and metadata of an HTML page, by trafilatura (no scripts, styles or menus)."""
    import trafilatura

    doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False)
    if doc is None or not (doc.text or "").strip():
        raise SkipFile("no article text found in the HTML page")
    return {
        "body": doc.text,
        "title": doc.title or "",
        "byline": doc.author or "",
        "published": _timestamp(doc.date),
        "outlet": doc.sitename or "",
        "notes": ["HTML: text and metadata extracted with trafilatura"],
    }


_MD_HEADING = re.compile(r" {0,3}(#{1,6})[ \t]+(.*)")
_MD_QUOTE = re.compile(r"^[ \t]*(?:> ?)+")
_MD_BULLET = re.compile(r"^[ \t]*[-*+][ \t]+(?=\S)")
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MD_INLINE = [
    (re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)"), r"\1"),  # [text](url) → text
    (re.compile(r"\[([^\]\n]*)\]\[[^\]\n]*\]"), r"\1"),  # [text][ref] → text
    (re.compile(r"\*\*([^*\n]+)\*\*"), r"\1"),
    (re.compile(r"__([^_\n]+)__"), r"\1"),
    (re.compile(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<!\w)_([^_\n]+)_(?!\w)"), r"\1"),
    (re.compile(r"`([^`\n]+)`"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])"), r"\1"),  # backslash escapes
]


def _markdown_rule(line: str) -> bool:
    """A thematic break (---, ***, ___) or a setext underline (===)."""
    chars = line.replace(" ", "")
    return len(chars) >= 3 and len(set(chars)) == 1 and chars[0] in "-*_="


def _markdown_line(line: str) -> str:
    line = _MD_BULLET.sub("", _MD_QUOTE.sub("", line, count=1), count=1)
    for regex, repl in _MD_INLINE:
        line = regex.sub(repl, line)
    return line


def _from_markdown(raw: str) -> dict:
    """Light Markdown: the first ``# `` heading is the title; headings, quotes, list bullets,
    emphasis and links become plain text; images are removed (and recorded)."""
    lines, title, removed = [], "", []
    for line in raw.split("\n"):
        if line.strip() == "```" or line.lstrip().startswith("```"):
            continue
        if _markdown_rule(line):
            if set(line.strip()) == {"="} and not title and lines and lines[-1].strip():
                title = tidy(lines.pop())  # setext heading: "Title\n====="
            lines.append("")
            continue
        line, images = cut_inline(line, _MD_IMAGE)
        removed += [{"kind": "image", "text": image} for image in images]
        heading = _MD_HEADING.fullmatch(line)
        if heading:
            text = tidy(_markdown_line(heading.group(2)))
            if text.endswith("#") and text.rstrip("#").endswith(" "):
                text = text.rstrip("#").rstrip()  # "# Title #": closing hashes
            if heading.group(1) == "#" and not title:
                title = text
                continue
            lines += ["", text, ""]  # a sub-heading is a paragraph of its own
            continue
        lines.append(_markdown_line(line))
    return {"body": "\n".join(lines), "title": title, "removed": removed}


# ------------------------------------------------------------------------------------- reading


def read_article(path: Path) -> dict:
    """One file → a row dict (without ``article_id``). Raises :class:`SkipFile`."""
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise SkipFile(
            f"unsupported file type '{path.suffix or '(none)'}' "
            f"(articles are {', '.join(sorted(FORMATS))}; save it as .txt)"
        )
    raw, notes = decode_bytes(path.read_bytes())
    meta = {"body": raw, "title": "", "byline": "", "published": None, "outlet": ""}
    if kind == "html":
        meta |= _from_html(raw)
    elif kind == "markdown":
        meta |= _from_markdown(raw)
    cleaned = clean_text(meta["body"], title=meta["title"])
    removed = meta.get("removed", []) + cleaned.removed
    if not cleaned.text:
        kinds = sorted({item["kind"] for item in removed})
        what = f"only boilerplate ({', '.join(kinds)})" if kinds else "no article text"
        raise SkipFile(f"nothing left after cleaning: {what}")
    return {
        "title": cleaned.title,
        "text": cleaned.text,
        "raw": raw,
        "byline": meta["byline"] or cleaned.byline,
        "published": meta["published"] or _timestamp(cleaned.published),
        "outlet": meta["outlet"] or cleaned.site_name,
        "source_file": path.name,
        "warnings": notes + meta.get("notes", []) + cleaned.warnings,
        "removed": removed,
    }


def _ignored(path: Path) -> bool:
    """Folder furniture skipped quietly by design (see the module docstring)."""
    name = path.name
    return (
        name.startswith(".")
        or name == "__pycache__"
        or name.lower() == SOURCES_FILE
        or name.upper().startswith("README")
        or is_story_file(path)
    )


def _warn(message: str) -> None:
    """Warn as from the caller's line (the notebook cell), not from inside this module: the
    warning then shows no path of the course's installation."""
    level, frame = 1, sys._getframe(0)
    while frame is not None and frame.f_code.co_filename == __file__:
        level, frame = level + 1, frame.f_back
    warnings.warn(message, CorpusWarning, stacklevel=level)


def _resolve(path) -> tuple[Path, list[Path], bool]:
    """(folder, candidate files sorted by name, whether a whole folder is loaded)."""
    root = SEEDS_DIR if path is None else Path(path)
    if not root.exists():
        raise FileNotFoundError(f"No such file or folder: '{path if path is not None else root}'")
    if root.is_file():
        return root.parent, [root], False
    entries = sorted((p for p in root.iterdir() if not _ignored(p)), key=lambda p: p.name)
    return root, entries, True


def _unique_ids(rows: list[dict], stems: list[str]) -> None:
    """``article_id`` = the file stem; a second file with the same stem gets ``_2`` (and so on)."""
    taken = set(stems)
    seen: set[str] = set()
    for row, stem in zip(rows, stems, strict=True):
        article_id, n = stem, 1
        while article_id in seen or (article_id != stem and article_id in taken):
            n += 1
            article_id = f"{stem}_{n}"
        if article_id != stem:
            note = f"another file is also called '{stem}': this one's id is '{article_id}'"
            row["warnings"].append(note)
            _warn(f"{row['source_file']}: {note}")
        seen.add(article_id)
        row["article_id"] = article_id


# --------------------------------------------------------------------------------- sources.csv


def _read_sources(path: Path) -> pd.DataFrame | None:
    try:
        text, _ = decode_bytes(path.read_bytes())
        table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (SkipFile, pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        _warn(f"Ignored {path.name}: it cannot be read as a CSV table ({err})")
        return None
    table.columns = [str(c).strip() for c in table.columns]
    if "article_id" not in table.columns:
        _warn(f"Ignored {path.name}: it has no 'article_id' column")
        return None
    table["article_id"] = table["article_id"].str.strip()
    duplicated = table["article_id"].duplicated()
    for article_id in table.loc[duplicated, "article_id"]:
        _warn(f"{path.name}: article_id '{article_id}' appears twice; the first row is used")
    return table[~duplicated]


def _merge_sources(rows: list[dict], table: pd.DataFrame, whole_folder: bool) -> list[str]:
    """Apply sources.csv to the rows; return the names of the extra columns it adds."""
    extras = [c for c in table.columns if c != "article_id" and c not in OVERRIDES]
    by_id = {r["article_id"]: r for r in table.to_dict("records")}
    for row in rows:
        source = by_id.get(row["article_id"], {})
        for column in ("outlet", "byline"):
            if source.get(column, "").strip():
                row[column] = source[column].strip()
        if source.get("published", "").strip():
            when = _timestamp(source["published"].strip())
            if when is None:
                note = f"{SOURCES_FILE}: published '{source['published']}' is not a date; ignored"
                row["warnings"].append(note)
                _warn(f"{row['source_file']}: {note}")
            else:
                row["published"] = when
        for column in extras:
            # A sources.csv column named like one of ours ("title") must not overwrite it.
            name = column if column not in COLUMNS else f"{column}_{Path(SOURCES_FILE).stem}"
            row[name] = source.get(column, "")
    if whole_folder:
        known = {r["article_id"] for r in rows}
        for article_id in by_id:
            if article_id not in known:
                _warn(
                    f"{SOURCES_FILE}: a row for '{article_id}', but no article file has that name"
                )
    return [c if c not in COLUMNS else f"{c}_{Path(SOURCES_FILE).stem}" for c in extras]


# ----------------------------------------------------------------------------------- load_corpus


def load_corpus(path: str | Path | None = None) -> pd.DataFrame:
    """Load the articles of a folder (or one file) as a DataFrame, one row per article.

    ``path=None`` loads the course's bundled seed articles. See the module docstring for the
    columns, the formats read and what happens to files that cannot be used.
    """
    root, candidates, whole_folder = _resolve(path)
    rows, stems, skipped = [], [], []
    for file in candidates:
        reason = None
        if file.is_dir():
            reason = "it is a folder (subfolders are not searched; load it on its own)"
        else:
            try:
                rows.append(read_article(file))
                stems.append(file.stem)
            except SkipFile as err:
                reason = str(err)
            except OSError as err:
                reason = f"cannot be read ({err.strerror or err})"
        if reason:
            skipped.append(f"{file.name}: {reason}")
            _warn(f"Skipped {file.name}: {reason}")
    if not rows:
        where = "the bundled seeds folder" if path is None else f"'{path}'"
        detail = "; ".join(skipped) if skipped else "no files besides ignored ones"
        raise ValueError(f"No usable article in {where}. Skipped: {detail}")
    _unique_ids(rows, stems)
    extra_columns: list[str] = []
    sources = root / SOURCES_FILE
    if sources.is_file():
        table = _read_sources(sources)
        if table is not None:
            extra_columns = _merge_sources(rows, table, whole_folder)
    corpus = pd.DataFrame(rows, columns=COLUMNS + extra_columns)
    corpus["published"] = pd.to_datetime(corpus["published"]).astype("datetime64[ns]")
    return corpus.reset_index(drop=True)


def short_id(article_id) -> str:
    """How tables label an article: ``"002"`` for the course's ``"002_fd0b306409274ced"`` (a
    number, then a hash), the full id for anything else (``"article_1"`` stays itself, so two
    learner files never share a label)."""
    text = str(article_id)
    head, sep, _ = text.partition("_")
    return head if sep and head.isdigit() else text


def _number(article_id: str) -> int | None:
    head = article_id.split("_", 1)[0]
    return int(head) if head.isdigit() else None


def find_article(corpus: pd.DataFrame, article: str | int) -> pd.Series:
    """The corpus row for a full id (``"002_fd0b…"``), its number (``"002"``, ``"2"``, ``2``)."""
    key = str(article).strip()
    ids = corpus["article_id"].astype(str)
    hit = corpus[ids == key]
    if hit.empty and key.isdigit():
        hit = corpus[ids.map(_number) == int(key)]
    if hit.empty:
        raise KeyError(f"No article {article!r}; the articles are: {', '.join(ids)}")
    return hit.iloc[0]
