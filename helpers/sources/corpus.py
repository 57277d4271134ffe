"""Load a folder of news articles into a DataFrame, one row per article, cleaned and annotated.

>>> corpus = load_corpus()                      # the course's five seed articles
>>> corpus = load_corpus("my_articles/")        # a learner's own folder (or a single file)

Columns, in this order: ``article_id, title, text, raw, byline, published, outlet, source_file,
warnings, removed``, then the extra columns of the folder's ``sources.csv`` when it has one.

What is read, and what is not:

* ``.txt``, ``.md`` / ``.markdown`` and ``.html`` / ``.htm`` files are articles. Text is decoded
  as UTF-8 (a byte-order mark is dropped; a few stray bytes are read as cp1252 and named in a
  warning), else as the legacy encoding that reads as French (:mod:`.decoding`). HTML goes
  through trafilatura, Markdown through a light syntax strip (:mod:`.formats`); then all go
  through :mod:`.cleaning`.
* Only regular files inside the folder are read, at most 10 MB each, an article's text at most
  1,000,000 characters (:mod:`.files`): pipes, devices, links leading out of the folder and
  oversized files are skipped with a warning. File names are shown as text whatever their bytes.
* Two articles with the same text are both kept and both flagged (a warning naming the files,
  a note in their ``warnings``; :func:`same_text` lists them).
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
appended as they are (``summary_en``, one English line on what the article reports, is shown by
``show_article`` above the French text).
"""


from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd

from helpers import SEEDS_DIR
from helpers.core.nlp import text_hash
from helpers.core.story import CORPUS_STORY
from helpers.core.warn import warn_from_caller
from helpers.sources.cleaning import clean_text
from helpers.sources.decoding import SkipFile, decode_bytes
from helpers.sources.files import SOURCES_FILE, check_length, ignored, read_file, shown_name
from helpers.sources.formats import FORMATS, _from_html, _from_markdown, timestamp

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



#: Columns of sources.csv that override detection when filled in.
OVERRIDES = ("outlet", "published", "byline")


class CorpusWarning(UserWarning):
    """A file skipped or something odd about a file, while loading a corpus."""


def read_article(path: Path, folder: Path | None = None) -> dict:
    """One file → a row dict (without ``article_id``). Raises :class:`SkipFile`.

    ``folder``: the folder being loaded, which a link must not lead out of."""
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise SkipFile(
            f"unsupported file type '{shown_name(path.suffix) or '(none)'}' "
            f"(articles are {', '.join(sorted(FORMATS))}; save it as .txt)"
        )
    raw, notes = decode_bytes(read_file(path, folder))
    meta = {"body": raw, "title": "", "byline": "", "published": None, "outlet": ""}
    if kind == "html":
        meta |= _from_html(raw)
    elif kind == "markdown":
        meta |= _from_markdown(raw)
    check_length(meta["body"])
    cleaned = clean_text(meta["body"], title=meta["title"])
    removed = meta.get("removed", []) + cleaned.removed
    if not cleaned.text:
        kinds = sorted({item["kind"] for item in removed})
        what = f"only boilerplate ({', '.join(kinds)})" if kinds else "no article text"
        raise SkipFile(f"nothing left after cleaning: {what}")
    warnings = cleaned.warnings
    if meta["published"]:  # the page's metadata dates it: a relative date line does not matter
        warnings = [w for w in warnings if not w.startswith(RELATIVE_DATE_NOTE)]
    outlet = meta["outlet"] or cleaned.site_name
    if not outlet and (guess := outlet_from_name(path.stem)):
        outlet = guess
        warnings = [*warnings, f"outlet '{guess}' read from the file name: check it in the "
                               "sources form"]
    return {
        "title": cleaned.title,
        "text": cleaned.text,
        "raw": raw,
        "byline": meta["byline"] or cleaned.byline,
        "published": meta["published"] or timestamp(cleaned.published),
        "outlet": outlet,
        "source_file": shown_name(path.name),
        "warnings": notes + meta.get("notes", []) + warnings,
        "removed": removed,
    }


#: how the cleaning's note on a relative date line begins (:mod:`.cleaning`)
RELATIVE_DATE_NOTE = "the date line says"
_NAME_PARTS = re.compile(r"[_\s]+")
#: words of a file name that are never an outlet
_NOT_OUTLETS = frozenset({"article", "articles", "texte", "text", "copie", "copy", "page",
                          "document", "doc", "sans", "titre", "untitled", "nouveau", "new"})


def outlet_from_name(stem: str) -> str:
    """The outlet a learner's file name gives, when it follows the common pattern ``number_
    outlet_slug`` (``01_journaldumidi_premier-bilan``: ``journaldumidi``) or starts with a web
    address (``lemonde.fr_…``); ``""`` otherwise: a guess the sources form shows for checking."""
    parts = [p for p in _NAME_PARTS.split(stem) if p]
    if len(parts) >= 2 and re.fullmatch(r"[\w-]+\.(?:fr|com|net|org|info|be|ch|ca|eu)", parts[0]):
        return parts[0]
    if len(parts) >= 3 and parts[0].isdigit():
        word = parts[1]
        if word.isalpha() and len(word) >= 3 and word.casefold() not in _NOT_OUTLETS:
            return word
    return ""


def _warn(message: str) -> None:
    """Warn as from the caller's line (the notebook cell), not from inside this module: the
    warning then shows no path of the course's installation."""
    warn_from_caller(message, CorpusWarning, (__file__,))


def _resolve(path) -> tuple[Path, list[Path], bool]:
    """(folder, candidate files sorted by name, whether a whole folder is loaded)."""
    root = SEEDS_DIR if path is None else Path(path)
    if not root.exists():
        raise FileNotFoundError(f"No such file or folder: '{path if path is not None else root}'")
    if not root.is_dir():  # a file, or a device or pipe that read_file will refuse
        return root.parent, [root], False
    entries = sorted((p for p in root.iterdir() if not ignored(p.name)), key=lambda p: p.name)
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


def _read_sources(path: Path) -> pd.DataFrame | None:
    try:
        text, _ = decode_bytes(read_file(path, path.parent))
        table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (SkipFile, OSError, pd.errors.ParserError, pd.errors.EmptyDataError) as err:
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
            when = timestamp(source["published"].strip())
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


def _read_one(file: Path, folder: Path | None) -> tuple[dict | None, str | None]:
    """(row, None) for an article, (None, reason) for a file that is skipped."""
    if file.is_dir():
        return None, "it is a folder (subfolders are not searched; load it on its own)"
    try:
        row = read_article(file, folder)
    except SkipFile as err:
        return None, str(err)
    except OSError as err:
        return None, f"cannot be read ({err.strerror or err})"
    for note in row["warnings"]:
        if "not UTF-8" in note:  # the text was repaired or guessed: the learner must see it
            _warn(f"{row['source_file']}: {note}.")
    return row, None


def _flag_same_text(rows: list[dict]) -> None:
    """Articles with the same text (whatever their spacing): a note on each, one warning."""
    groups: dict[str, list[dict]] = {}
    for row in rows:
        groups.setdefault(text_hash(" ".join(row["text"].split())), []).append(row)
    for group in groups.values():
        if len(group) < 2:
            continue
        names = [row["source_file"] for row in group]
        for row in group:
            others = ", ".join(n for n in names if n != row["source_file"])
            row["warnings"].append(f"same text as {others}")
        _warn(f"{', '.join(names[:-1])} and {names[-1]} have the same text: is one a copy of the "
              "other? Keep one, or it counts twice when articles are compared.")


def load_corpus(path: str | Path | None = None) -> pd.DataFrame:
    """Load the articles of a folder (or one file) as a DataFrame, one row per article.

    ``path=None`` loads the course's bundled seed articles. See the module docstring for the
    columns, the formats read and what happens to files that cannot be used.
    """
    root, candidates, whole_folder = _resolve(path)
    rows, stems, skipped = [], [], []
    for file in candidates:
        row, reason = _read_one(file, root if whole_folder else None)
        if row is not None:
            rows.append(row)
            stems.append(shown_name(file.stem))
        else:
            skipped.append(f"{shown_name(file.name)}: {reason}")
            _warn(f"Skipped {shown_name(file.name)}: {reason}")
    if not rows:
        where = "the bundled seeds folder" if path is None else f"'{path}'"
        detail = "; ".join(skipped) if skipped else "no files besides ignored ones"
        raise ValueError(f"No usable article in {where}. Skipped: {detail}")
    _unique_ids(rows, stems)
    _flag_same_text(rows)
    extra_columns: list[str] = []
    sources = root / SOURCES_FILE
    if sources.is_file():
        table = _read_sources(sources)
        if table is not None:
            extra_columns = _merge_sources(rows, table, whole_folder)
    corpus = pd.DataFrame(rows, columns=COLUMNS + extra_columns)
    corpus["published"] = pd.to_datetime(corpus["published"]).astype("datetime64[ns]")
    corpus = corpus.reset_index(drop=True)
    # the story the articles belong to: its actors and sides are the ones used on them
    corpus.attrs[CORPUS_STORY] = str(root.resolve())
    return corpus


def same_text(corpus: pd.DataFrame) -> pd.DataFrame:
    """The articles that share their text with another (whatever the spacing): one row per
    group, ``article_ids`` and ``files`` (lists); empty when every text is different."""
    groups: dict[str, list[int]] = {}
    for i, text in enumerate(corpus["text"].astype(str)):
        groups.setdefault(text_hash(" ".join(text.split())), []).append(i)
    rows = [{"article_ids": corpus["article_id"].iloc[idx].astype(str).tolist(),
             "files": corpus["source_file"].iloc[idx].astype(str).tolist()}
            for idx in groups.values() if len(idx) > 1]
    return pd.DataFrame(rows, columns=["article_ids", "files"])


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
