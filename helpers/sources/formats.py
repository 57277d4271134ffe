"""Reading an article's format: HTML through trafilatura (main text and metadata; scripts,
styles and menus never come out), Markdown through a light syntax strip; plain text as it is."""

from __future__ import annotations

import re

import pandas as pd

from helpers.core.text import is_missing
from helpers.sources.cleaning import cut_inline, tidy
from helpers.sources.decoding import SkipFile

FORMATS = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}


def timestamp(value) -> pd.Timestamp | None:
    """A date-like value → a tz-naive Timestamp, or None when it is empty or not a date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError):
        return None
    if is_missing(ts):
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
        "published": timestamp(doc.date),
        "outlet": doc.sitename or "",
        "notes": ["HTML: text and metadata extracted with trafilatura"],
    }


_MD_HEADING = re.compile(r" {0,3}(#{1,6})[ \t]+(.*)")


_MD_QUOTE = re.compile(r"^[ \t]*(?:> ?)+")


_MD_BULLET = re.compile(r"^[ \t]*[-*+][ \t]+(?=\S)")


# Link text stops at the next "[" and a URL holds at most one level of parentheses
# (wiki/Koursk_(ville)): every match attempt then ends at the next bracket, so a line of
# 50,000 "[" is read in linear time (a text class without "[" took 21 s on it).
_MD_TEXT = r"\[([^\[\]\n]*)\]"
_MD_URL = r"\((?:[^()\n]|\([^()\n]*\))*\)"


_MD_IMAGE = re.compile(r"!" + _MD_TEXT + _MD_URL)


_MD_INLINE = [
    (re.compile(_MD_TEXT + _MD_URL), r"\1"),  # [text](url) → text
    (re.compile(_MD_TEXT + r"\[[^\[\]\n]*\]"), r"\1"),  # [text][ref] → text
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
