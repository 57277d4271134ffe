"""Take the boilerplate out of an article's plain text, keeping a record of every piece removed.

What a library already does is left to it: trafilatura extracts the main text and metadata of an
HTML page (see :mod:`.corpus`). What no library does is written here by hand: the residue
that copying, scraping and republishing leave in *plain text* — aggregator footers, "Lire aussi"
blocks, "(nouvelle fenêtre)" link labels, repeated headlines, breadcrumbs, author boxes, bylines.

The patterns are data, in ``helpers/sources/data/boilerplate.csv`` (one rule a row, with why it
exists); this module decides *where* in an article each rule may apply, because position is what
tells a byline from a sentence: a bare name is a byline only just below the headline or after
the last paragraph, a short capitalised line is a site name only above the headline.

Every removal is recorded as ``{"kind": ..., "text": ...}`` with the exact text removed (a
substring of the input), in reading order: what cleaning removed is itself a clue to where the
article came from, and the notebooks teach from it.

The passes, line by line:

1. lines that are boilerplate wherever they are (scraper residue, aggregator lines, related links);
2. pieces cut out of a line (HTML tags, "(nouvelle fenêtre)"), leaving the sentence readable;
3. the top: site name and section labels, then the headline, then bylines and date lines;
4. copies of the headline anywhere else;
5. the bottom: author boxes, bylines, date lines;
6. the kept lines become paragraphs, whitespace tidied, joined by blank lines.

Apostrophes and all other characters of the prose are left as they are: typography is the
:mod:`helpers.core.nlp` layer's job.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import dateparser

DATA_DIR = Path(__file__).resolve().parent / "data"


RULES_FILE = DATA_DIR / "boilerplate.csv"

#: Line-rules are tried on lines up to this length only: boilerplate lines are short, and the
#: guard keeps the work per line small on huge files.
MAX_RULE_LINE = 400

#: A person's name as bylines print it: 2–4 capitalised or UPPERCASE words ("Zoé SAMIN",
#: "Jean-Marc de La Tour"), several joined by "," / "et" / "and" / "&". Case-sensitive on purpose:
#: the capitals are what make a line a name and not a short sentence.
_WORD = (
    r"(?:[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:[-'’][A-ZÀ-ÖØ-Þa-zà-öø-ÿ]+)*"
    r"|[A-ZÀ-ÖØ-Þ]{2,}(?:[-'’][A-ZÀ-ÖØ-Þ]+)*|[A-Z]\.)"
)
_PARTICLE = r"(?:de|du|des|van|von|der|da|di|le|la|ben|bin|al|el)"
_NAME = rf"{_WORD}(?:\s(?:{_PARTICLE}\s)?{_WORD}){{1,3}}"
NAMES_PATTERN = rf"(?-i:(?P<name>{_NAME}(?:\s?(?:,|et|and|&)\s{_NAME}){{0,3}}))"

# Strip HTML tag openers ("<source", "</div") when deciding whether a line is only tag debris.
_TAG_OPENER = re.compile(r"</?[A-Za-z][\w:-]*")
_DEBRIS = " \t\u00a0<>/•·*|-–—"
# Characters that need no space before them: "Telegram (nouvelle fenêtre)." → "Telegram."
_CLOSERS = frozenset(".,)]}…”")
# Invisible characters left by web pages (zero-width space, word joiner, stray byte-order mark).
_INVISIBLE = ("\u200b", "\u2060", "\ufeff")
_SPACE_RUN = re.compile(r"[^\S\n]{2,}|[\t\v\f\r]")


@dataclass(frozen=True)
class Rule:
    """One row of ``boilerplate.csv``, compiled."""

    kind: str
    where: str
    how: str
    regex: re.Pattern
    also_next: bool = False


@dataclass
class Cleaned:
    """What :func:`clean_text` returns."""

    text: str = ""
    title: str = ""
    byline: str = ""
    site_name: str = ""
    published: dt.date | None = None
    removed: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------------------- rules


def _compile(how: str, pattern: str) -> re.Pattern:
    if how == "breadcrumb":
        # The section words, glued together ("ActualitésInternational") or separated by > / | • ·
        words = f"(?:{pattern})"
        pattern = rf"{words}(?:\s*(?:[>›»/|•·:,-]\s*)?{words})*"
    pattern = pattern.replace("{names}", NAMES_PATTERN)
    return re.compile(pattern, re.IGNORECASE)


@lru_cache(maxsize=4)
def load_rules(path: str | Path = RULES_FILE) -> tuple[Rule, ...]:
    """Read the rules file (lines starting with ``#`` are comments)."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    for n, row in enumerate(rows, start=1):
        if None in row or None in row.values():  # an unquoted comma in a pattern shifts columns
            raise ValueError(f"{path}: rule {n} does not have 6 columns; quote patterns with ','")
    return tuple(
        Rule(
            kind=row["kind"].strip(),
            where=row["where"].strip(),
            how=row["how"].strip(),
            regex=_compile(row["how"].strip(), row["pattern"]),
            also_next=row["also_next"].strip().lower() == "yes",
        )
        for row in rows
    )


@lru_cache(maxsize=32)
def _rules(where: frozenset[str], hows: frozenset[str]) -> tuple[Rule, ...]:
    """The rules for one position (``where``) and kind of match (``how``), in file order."""
    return tuple(r for r in load_rules() if r.where in where and r.how in hows)


def _matches(rule: Rule, line: str) -> re.Match | bool | None:
    """Whether ``line`` (already tidied) is wholly the boilerplate ``rule`` describes."""
    if rule.how == "attributes":
        return "=" in line and _is_attribute_debris(line, rule.regex)
    if rule.how == "contains":
        return rule.regex.search(line)
    if len(line) > MAX_RULE_LINE:
        return None
    return rule.regex.fullmatch(line)


def _is_attribute_debris(line: str, attribute: re.Pattern) -> bool:
    """True when the line holds HTML attributes and, apart from them, only tag debris."""
    rest, count = attribute.subn("", line)
    return count > 0 and not _TAG_OPENER.sub("", rest).strip(_DEBRIS)


def _first_match(rules: tuple[Rule, ...], line: str) -> tuple[Rule, re.Match | bool] | None:
    for rule in rules:
        found = _matches(rule, line)
        if found:
            return rule, found
    return None


# ---------------------------------------------------------------------------------- small helpers


def tidy(line: str) -> str:
    """One paragraph's whitespace tidied: runs of spaces (and tabs) become one space, the ends
    trimmed (no-break spaces included), invisible characters dropped. A single no-break space
    inside the line ("1 500", "« troupes »") is kept: it is French typography."""
    for char in _INVISIBLE:
        if char in line:
            line = line.replace(char, "")
    return _SPACE_RUN.sub(" ", line).strip()


def _key(line: str) -> str:
    """Comparison key for headlines: case, spacing and apostrophe style ignored."""
    return " ".join(tidy(line).replace("’", "'").casefold().split())


def looks_like_headline(line: str) -> bool:
    """A short line that starts like a title and does not end like a sentence.

    Headlines have no final full stop; a lede or summary bullet does (001, 004 open with one).
    An ellipsis is allowed (truncated titles), so are "?" and "!".
    """
    text = tidy(line)
    if not text or len(text) > 200 or len(text.split()) > 30:
        return False
    if text[-1] in ".,;:" and not text.endswith(("...", "…")):
        return False
    return text[0].isupper() or text[0].isdigit() or text[0] in "«“\"'‘(["


# Where a written date can be: a day, a month (a word or a number) and a four-digit year, or an
# ISO date. Which words are months, and whether the day exists, is dateparser's business.
_DATE_SHAPE = re.compile(
    r"(?<!\d)(\d{1,2})(?:er)?([ /.])(\S+?)\2(\d{4})(?!\d)|(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)"
)
#: a date line that names a day relative to the reading ("Publié aujourd'hui à 21h10"): no date
_RELATIVE_DAY = re.compile(r"\b(?:aujourd['’]hui|hier|avant-hier|today|yesterday)\b", re.I)

_DATEPARSER_STRICT = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"],
                      "DATE_ORDER": "DMY"}


def find_date(text: str) -> dt.date | None:
    """The first date written in ``text`` ("18 octobre 2024", "1er décembre 2024", "18/10/2024",
    "2024-10-18"), read by dateparser; ``None`` when there is none (or no such day)."""
    for m in _DATE_SHAPE.finditer(text):
        written = m.group(5) or f"{m.group(1)} {m.group(3)} {m.group(4)}"
        when = dateparser.parse(written, languages=["fr", "en"], settings=_DATEPARSER_STRICT)
        if when is not None:
            return when.date()
    return None


# ------------------------------------------------------------------------------------- the page


class _Page:
    """The article's lines, which of them are gone, and the record of what was removed."""

    def __init__(self, text: str):
        self.lines = text.splitlines()
        self.original = list(self.lines)
        self.tidy = [tidy(line) for line in self.lines]  # what the rules look at
        self.gone = [False] * len(self.lines)
        self.title_at: int | None = None
        self.dateline: dt.date | None = None  # the date of an agency's dateline, if any
        self._records: list[tuple[int, int, dict]] = []
        self.result = Cleaned()

    def live(self) -> list[int]:
        """Indices of the lines still in play: not removed, not the headline, not blank."""
        return [
            i
            for i, text in enumerate(self.tidy)
            if text and not self.gone[i] and i != self.title_at
        ]

    def next_live(self, i: int) -> int | None:
        """The first line in play after line ``i``."""
        for j in range(i + 1, len(self.lines)):
            if self.tidy[j] and not self.gone[j] and j != self.title_at:
                return j
        return None

    def set_line(self, i: int, line: str) -> None:
        self.lines[i] = line
        self.tidy[i] = tidy(line)

    def record(self, i: int, kind: str, text: str) -> None:
        self._records.append((i, len(self._records), {"kind": kind, "text": text}))

    def remove(self, i: int, kind: str) -> None:
        """Remove line ``i`` whole. If pieces were already cut out of it, the record becomes the
        original line, so that every removed text is found as it is in the article."""
        self.gone[i] = True
        if self.lines[i] != self.original[i]:
            self._records = [r for r in self._records if r[0] != i]
        self.record(i, kind, self.original[i].strip())

    def apply(self, i: int, rule: Rule, found: re.Match | bool) -> None:
        """Remove line ``i`` under ``rule`` and keep what the line tells (name, date, site)."""
        self.remove(i, rule.kind)
        line = self.tidy[i]
        if isinstance(found, re.Match) and "name" in (found.re.groupindex or {}):
            name = found.group("name")
            if name and name.casefold() not in self.result.byline.casefold():
                self.result.byline = ", ".join(filter(None, [self.result.byline, name]))
        if rule.kind in ("date line", "byline") and self.result.published is None:
            self.result.published = find_date(line)
            if self.result.published is None and _RELATIVE_DAY.search(line):
                self.result.warnings.append(
                    f"the date line says « {line} »: a day relative to when the page was "
                    "saved, so no date; write the date in the sources form (notebook 05)")
        if rule.kind == "site name" and not self.result.site_name:
            self.result.site_name = line

    def removed(self) -> list[dict]:
        return [item for _, _, item in sorted(self._records, key=lambda r: (r[0], r[1]))]


# ------------------------------------------------------------------------------------ the passes


def _remove_boilerplate_lines(page: _Page) -> None:
    """Pass 1: lines that are boilerplate wherever they stand."""
    rules = _rules(frozenset({"anywhere"}), frozenset({"line", "attributes"}))
    for i in page.live():
        if page.gone[i]:  # taken as the linked headline of the line before
            continue
        hit = _first_match(rules, page.tidy[i])
        if not hit:
            continue
        rule, found = hit
        page.apply(i, rule, found)
        if rule.also_next:
            _remove_linked_headline(page, i, rule, rules)


def _remove_linked_headline(page: _Page, i: int, rule: Rule, rules: tuple[Rule, ...]) -> None:
    """After "Lire aussi" comes the headline it links to; a sentence stays (it is prose)."""
    j = page.next_live(i)
    if j is None:
        return
    line = page.tidy[j]
    if looks_like_headline(line) and not _first_match(rules, line):
        page.remove(j, rule.kind)


def cut_inline(line: str, regex: re.Pattern) -> tuple[str, list[str]]:
    """Cut every match of ``regex`` out of ``line``; return the new line and the pieces cut.

    The sentence stays readable: "Yonhap. (nouvelle fenêtre)ce vendredi" → "Yonhap. ce
    vendredi" (the space before the marker is kept), "sur Telegram (nouvelle fenêtre)." →
    "sur Telegram." (no space is left before a full stop or comma). Double spaces are left for
    :func:`tidy`.
    """
    pieces, parts, pos = [], [], 0
    for m in regex.finditer(line):
        if not m.group(0):
            continue
        kept = line[pos : m.start()]
        if line[m.end() : m.end() + 1] in _CLOSERS and line[m.end() : m.end() + 1]:
            kept = kept.rstrip()
        parts.append(kept)
        pieces.append(m.group(0))
        pos = m.end()
    if not pieces:
        return line, []
    parts.append(line[pos:])
    return "".join(parts), pieces


def _cut_inline_pieces(page: _Page) -> None:
    """Pass 2: HTML tags and link labels inside sentences, an agency's dateline."""
    rules = _rules(frozenset({"anywhere"}), frozenset({"inline"}))
    for i in page.live():
        for rule in rules:
            line, pieces = cut_inline(page.lines[i], rule.regex)
            if pieces:
                page.set_line(i, line)
            for piece in pieces:
                page.record(i, rule.kind, piece)
                if rule.kind == "date line" and page.dateline is None:
                    page.dateline = find_date(piece)  # an agency's dateline: see clean_text


def _read_top(page: _Page, title: str) -> str:
    """Pass 3: site name and section labels, the headline, then bylines and date lines.

    ``title`` is a headline known from elsewhere (HTML metadata, a Markdown heading): the first
    line that repeats it is taken as the headline line. Otherwise the first line is the headline
    when it looks like one. Returns the headline ("" when there is none).
    """
    top = frozenset({"top", "edges"})
    before = _rules(top, frozenset({"line", "breadcrumb", "byline"}))
    after = _rules(top, frozenset({"line", "breadcrumb", "byline", "name"}))
    live = page.live()
    k = 0
    while k < len(live) and (hit := _first_match(before, page.tidy[live[k]])):
        page.apply(live[k], *hit)
        k += 1
    if k < len(live):
        line = page.tidy[live[k]]
        if (_key(line) == _key(title)) if title else looks_like_headline(line):
            title = title or line
            page.title_at = live[k]
            k += 1
    if not title:
        return ""
    # a standfirst may come before the byline and date lines: one prose line is let through
    # (and kept), then only bylines and date lines are read
    after_standfirst = tuple(r for r in after if r.kind in ("byline", "date line")
                             and r.how != "name")
    standfirst = False
    for i in live[k:]:
        line = page.tidy[i]
        rules = after_standfirst if standfirst else after
        if _key(line) == _key(title):
            page.remove(i, "repeated headline")
        elif hit := _first_match(rules, line):
            page.apply(i, *hit)
        elif not standfirst and not page.result.byline and page.result.published is None:
            standfirst = True
        else:
            break
    return title


def _remove_repeated_headlines(page: _Page, title: str) -> None:
    """Pass 4: the headline again, anywhere in the body (002 prints it three times)."""
    if not title:
        return
    key = _key(title)
    for i in page.live():
        # cheap length test first: most lines are nowhere near the headline's length
        if abs(len(page.tidy[i]) - len(title)) < 8 and _key(page.tidy[i]) == key:
            page.remove(i, "repeated headline")


def _read_bottom(page: _Page) -> None:
    """Pass 5: from the last line up, author boxes, bylines and date lines, until prose."""
    rules = _rules(
        frozenset({"bottom", "edges"}), frozenset({"line", "contains", "byline", "name"})
    )
    for i in reversed(page.live()):
        hit = _first_match(rules, page.tidy[i])
        if not hit:
            break
        page.apply(i, *hit)


def _paragraphs(page: _Page) -> list[str]:
    """Pass 6: kept lines as paragraphs. A line broken mid-sentence (a lowercase letter or a
    comma, then a line starting in lowercase) is joined back to the one before."""
    paragraphs: list[list[str]] = []  # each paragraph as its lines, joined at the end
    joinable = False
    for i, text in enumerate(page.tidy):
        if page.gone[i] or i == page.title_at:
            text = ""
        if not text:
            joinable = False
            continue
        prev = paragraphs[-1][-1] if joinable else ""
        if prev and (prev[-1].islower() or prev[-1] == ",") and text[0].islower():
            paragraphs[-1].append(text)
        else:
            paragraphs.append([text])
        joinable = True
    return [" ".join(lines) for lines in paragraphs]


def clean_text(text: str, title: str = "") -> Cleaned:
    """Clean one article's plain text.

    ``title`` is the headline when it is already known (from HTML metadata or a Markdown
    heading); otherwise the first line is taken as the headline when it looks like one.
    Returns a :class:`Cleaned` with the body ``text`` (paragraphs joined by a blank line), the
    ``title``, ``byline``, ``site_name`` and ``published`` found in the text, the ``removed``
    pieces and reader-facing ``warnings``.
    """
    page = _Page(text)
    known_title = tidy(title)
    _remove_boilerplate_lines(page)
    _cut_inline_pieces(page)
    title = _read_top(page, known_title)
    _remove_repeated_headlines(page, title)
    _read_bottom(page)
    paragraphs = _paragraphs(page)
    result = page.result
    # a copy's own date line ("Publié le…") dates this copy; the wire's dateline comes second
    result.published = result.published or page.dateline
    if page.title_at is not None and not paragraphs and not known_title:
        # A lone line is more likely a short text than a headline without an article.
        paragraphs = [page.tidy[page.title_at]]
        title = ""
    result.title = title
    result.text = "\n\n".join(paragraphs)
    result.removed = page.removed()
    if not title and paragraphs:
        result.warnings.append("no headline found (the first line reads as body text)")
    return result
