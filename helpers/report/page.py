"""The report's page: one HTML file with its style inline (CSS for screens, phones and paper),
sections, and tables escaped by pandas; small text helpers the sections share."""

from __future__ import annotations

import html
import re

import pandas as pd

from helpers.core.text import format_day, format_number, is_missing
from helpers.display.frames import frame_html

DASH = "—"


CSS = """
:root { --blue: #0072B2; --orange: #E69F00; --vermilion: #D55E00; --grey: #666; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem 1.25rem 3rem;
       font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
             sans-serif; color: #1a1a1a; background: #fff; }
header { border-bottom: 3px solid var(--blue); margin-bottom: 1rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 0.4rem; padding-left: 0.5rem;
     border-left: 5px solid var(--blue); }
h3 { font-size: 1.08rem; margin: 1.6rem 0 0.3rem; }
.meta { color: #333; margin: 0.2rem 0 0.8rem; }
nav ul { margin: 0.3rem 0 0.6rem; padding-left: 0; list-style: none; columns: 2 16rem; }
nav a { color: var(--blue); }
.intro { margin: 0.3rem 0 0.6rem; max-width: 48rem; }
.note { font-size: 0.88rem; color: #333; }
.table-wrap { overflow-x: auto; margin: 0.4rem 0 1rem; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; font-size: 0.86rem; min-width: 50%; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.55rem;
         border-bottom: 1px solid #ddd; }
th { background: #eef4f9; font-weight: 600; }
tbody tr:nth-child(even) { background: #fafafa; }
td { max-width: 28rem; overflow-wrap: break-word; }
figure { margin: 1rem 0; }
figure img { display: block; max-width: 100%; height: auto; border: 1px solid #e5e5e5; }
figcaption { font-size: 0.88rem; color: #333; margin-top: 0.3rem; }
.empty { font-style: italic; color: #333; }
.friendly { background: #fff6e0; border-left: 5px solid var(--orange); padding: 0.6rem 0.9rem;
            max-width: 48rem; }
blockquote.conclusion { margin: 0.5rem 0 1rem; padding: 0.6rem 1rem; max-width: 48rem;
                        border-left: 5px solid var(--blue); background: #f3f8fc; }
ul.feedback { max-width: 48rem; }
code { font-size: 0.9em; background: #f2f2f2; padding: 0 0.2em; border-radius: 3px; }
footer { margin-top: 3rem; border-top: 1px solid #ccc; font-size: 0.85rem; color: #333; }
@media screen and (max-width: 40rem) {
  body { font-size: 15px; padding: 0.6rem 0.7rem 2rem; }
  h1 { font-size: 1.3rem; }
  /* a phone: each row becomes a card, each cell a line "column: value" */
  .table-wrap table, .table-wrap tbody, .table-wrap tr, .table-wrap td {
    display: block; width: 100%; min-width: 0; }
  .table-wrap thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
                      clip: rect(0 0 0 0); }
  .table-wrap tr { border: 1px solid #d5d5d5; border-radius: 4px; margin: 0 0 0.6rem;
                   padding: 0.35rem 0.6rem; }
  tbody tr:nth-child(even) { background: #fff; }
  .table-wrap td { border: none; padding: 0.12rem 0; max-width: none; font-size: 0.9rem;
                   text-align: left !important; white-space: normal !important; }
  .table-wrap td::before { content: attr(data-label) ": "; font-weight: 600; color: #333; }
}
@media print {
  @page { margin: 1.5cm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav { display: none; }
  .table-wrap { overflow: visible; }
  table { font-size: 8.5pt; width: 100%; }
  td { max-width: none; }
  tr, figure, blockquote { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  tbody tr:nth-child(even) { background: none; }
  a { color: inherit; text-decoration: none; }
}
"""


def page_html(title: str, date_text: str, corpus_label: str, sections: list[tuple]) -> str:
    toc = "".join(f'<li><a href="#{sid}">{html.escape(heading)}</a></li>'
                  for sid, heading, level, _ in sections if level == 2)
    body = "\n".join(block for *_, block in sections)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>{CSS}</style>
</head>
<body>
<header>
<h1>{html.escape(title)}</h1>
<p class="meta">Generated on {html.escape(date_text)} · {html.escape(corpus_label)}</p>
<p class="meta">The method: <strong>read the sources → tag the claims → compare the figures →
assess reliability</strong>. The tables were made by the course's helpers; the grades and the
conclusion are the learner's own.</p>
<nav aria-label="Contents"><strong>Contents</strong><ul>{toc}</ul></nav>
</header>
<main>
{body}
</main>
<footer>
<p>Made with the course's notebooks (<code>helpers.report.write_report</code>). Article text
is quoted as the files give it, in French; it is shown as text, never run as code. Methods: SIFT
(Caulfield), Civic Online Reasoning (Stanford History Education Group), the Admiralty code
(NATO AJP-2.1), estimative language (ICD 203).</p>
</footer>
</body>
</html>
"""


def section(sid: str, heading: str, intro: str, body: str, level: int = 2) -> tuple:
    tag = f"h{level}"
    intro_html = f'<p class="intro">{intro}</p>' if intro else ""
    block = (f'<section id="{sid}">\n<{tag}>{html.escape(heading)}</{tag}>\n{intro_html}\n'
             f"{body}\n</section>")
    return (sid, heading, level, block)


def table_html(frame: pd.DataFrame, name: str) -> str:
    """A table as the notebooks show it (:func:`helpers.display.frames.frame_html`: escaped,
    French numbers, lists as words, text left and numbers right), inside a scroller."""
    body = frame_html(frame, index=False, classes=f"kr-{name}")
    # each cell gets its column's name, shown before it when a phone lays rows out as cards
    labels = [html.escape(str(c), quote=True) for c in frame.columns]

    def label(row: re.Match) -> str:
        cells = iter(labels)
        return re.sub(r"<td(?=[ >])", lambda _: f'<td data-label="{next(cells, "")}"', row.group(0))

    body = re.sub(r"<tr>.*?</tr>", label, body, flags=re.S)
    return f'<div class="table-wrap">{body}</div>'


def empty_note(text: str) -> str:
    return f'<p class="empty">{html.escape(text)}</p>'


def friendly_note(markup: str) -> str:
    """A hint for the learner (``markup`` is the module's own text, never an article's)."""
    return f'<p class="friendly">{markup}</p>'


def joined(values) -> str:
    if is_missing(values):
        return ""
    return "; ".join(str(v) for v in values)


def cut(text, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def day(value) -> str:
    """A date in a table: ``"18 Oct 2024"``, or a dash."""
    return format_day(value) or DASH


def num(value) -> str:
    """A number in a table: ``"10 000"``, or a dash."""
    return format_number(value) or DASH
