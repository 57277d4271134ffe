"""Articles rendered as HTML for the notebooks. Articles are untrusted input: every piece of their
text goes through :func:`html.escape`, and no markup from an article ever reaches the page.
"""

from __future__ import annotations

import html

import pandas as pd

from helpers.core.nlp import sentences
from helpers.core.text import is_missing
from helpers.display import answer_cells
from helpers.display.colours import OKABE_ITO
from helpers.display.frames import register_formatters
from helpers.sources.corpus import find_article

#: The column of sources.csv holding one English line on what each article reports.
SUMMARY_COLUMN = "summary_en"

# Colour-blind-safe accents (Okabe–Ito orange and blue); removed text is also struck through,
# so the meaning never rests on colour alone.
_STYLE = """
<style>
.kr-article {max-width: 46em; font-family: Georgia, serif; line-height: 1.45;
             border-left: 4px solid #0072B2; padding: 0.2em 1em; margin: 0.5em 0;}
.kr-article h3 {font-family: sans-serif; margin: 0.3em 0;}
.kr-meta {font-family: sans-serif; font-size: 0.85em; color: #444;}
.kr-summary {font-family: sans-serif; font-size: 0.95em; margin: 0.4em 0 0.6em;
             padding: 0.3em 0.6em; background: #EEF4F9;}
.kr-raw {white-space: pre-wrap;}
.kr-removed {background: #FBE3CC; text-decoration: line-through; text-decoration-color: #D55E00;}
.kr-kind {font-family: sans-serif; font-size: 0.7em; color: #fff; background: #D55E00;
          border-radius: 3px; padding: 0 0.3em; margin-right: 0.2em; text-decoration: none;}
</style>
"""


def _meta_line(row: pd.Series) -> str:
    def value(name: str) -> str:
        v = row.get(name, "")
        if is_missing(v) or v == "":
            return "<i>not stated</i>"
        if isinstance(v, pd.Timestamp):
            v = v.strftime("%d %B %Y")
        return html.escape(str(v))

    return (
        f'<div class="kr-meta">{html.escape(str(row["article_id"]))} · outlet: {value("outlet")}'
        f" · published: {value('published')} · byline: {value('byline')}</div>"
    )


def _summary_line(row: pd.Series) -> str:
    """The English line saying what the article reports (``summary_en`` in the folder's
    sources.csv); nothing for an article without one, such as a learner's own."""
    summary = row.get(SUMMARY_COLUMN, "")
    if is_missing(summary) or not str(summary).strip():
        return ""
    return (f'<div class="kr-summary" lang="en"><b>In English:</b> '
            f"{html.escape(str(summary).strip())}</div>")


def _raw_with_removed_marked(raw: str, removed: list[dict], title: str = "") -> str:
    """Escape ``raw`` and wrap each removed piece in a marked, labelled span.

    Pieces are found in order; the kept headline's first occurrence is skipped, so that its
    repeats, not the headline itself, are the ones marked.
    """
    spans, start_at = [], {}
    if title and title in raw:
        start_at[title] = raw.find(title) + len(title)
    for item in removed:
        text = str(item.get("text", ""))
        if not text:
            continue
        pos = raw.find(text, start_at.get(text, 0))
        if pos < 0:
            continue
        start_at[text] = pos + len(text)
        spans.append((pos, pos + len(text), str(item.get("kind", "removed"))))
    out, cursor = [], 0
    for start, end, kind in sorted(spans):
        if start < cursor:  # overlapping pieces: keep the first
            continue
        out.append(html.escape(raw[cursor:start]))
        out.append(
            f'<span class="kr-removed" title="{html.escape(kind)}">'
            f'<span class="kr-kind">{html.escape(kind)}</span>{html.escape(raw[start:end])}</span>'
        )
        cursor = end
    out.append(html.escape(raw[cursor:]))
    return "".join(out)


def article_html(row: pd.Series, view: str = "clean") -> str:
    """HTML for one article. ``view="clean"``: title and cleaned paragraphs;
    ``view="raw"``: the file as received, with what cleaning removed struck through and labelled."""
    title = html.escape(str(row.get("title") or "")) or "<i>(no headline in the file)</i>"
    parts = [_STYLE, '<div class="kr-article">', f"<h3>{title}</h3>", _meta_line(row),
             _summary_line(row)]
    if view == "raw":
        removed = list(row.get("removed") or [])
        marked = _raw_with_removed_marked(str(row["raw"]), removed, str(row.get("title") or ""))
        parts.append(f'<div class="kr-raw">{marked}</div>')
    elif view == "clean":
        for paragraph in str(row["text"]).split("\n\n"):
            if paragraph.strip():
                parts.append(f"<p>{html.escape(paragraph.strip())}</p>")
    else:
        raise ValueError(f"view must be 'clean' or 'raw', not {view!r}")
    parts.append("</div>")
    return "\n".join(parts)


def show_article(corpus: pd.DataFrame, article: str | int, view: str = "clean"):
    """Display one article (escaped HTML); ``article`` is an id or a number, e.g. ``"002"``."""
    from IPython.display import HTML, display

    display(HTML(article_html(find_article(corpus, article), view=view)))


def setup_notebook() -> None:
    """What every notebook shares: readable tables (every DataFrame and Series goes through
    :mod:`.frames`), colour-blind-safe plots, one plain sentence for an answer typed without
    quotes (:mod:`.answer_cells`); and parsing in a subprocess, so that an open notebook does
    not keep the model in memory."""
    import matplotlib as mpl

    from helpers.core.nlp import parse_elsewhere

    parse_elsewhere()
    from cycler import cycler

    pd.set_option("display.max_colwidth", 400)
    pd.set_option("display.max_rows", 30)
    pd.set_option("display.width", 120)
    # Okabe–Ito palette: distinguishable with the common colour-vision deficiencies.
    mpl.rcParams["axes.prop_cycle"] = cycler(color=OKABE_ITO)
    mpl.rcParams["figure.figsize"] = (8, 4.5)
    mpl.rcParams["figure.dpi"] = 80
    mpl.rcParams["axes.spines.top"] = False
    mpl.rcParams["axes.spines.right"] = False
    register_formatters()
    answer_cells.install()


# Light Okabe–Ito tints behind black text; the label is always written too, so colour is never
# the only cue.
ENTITY_COLOURS = {"PER": "#F5C77E", "ORG": "#A6D8F5", "LOC": "#F7F0A0", "MISC": "#D9D9D9"}


_LABEL_BY_KIND = {"person": "PER", "institution": "ORG", "media": "ORG", "anonymous": "MISC"}


def _story_entities(doc, span) -> list[tuple[int, int, str, str]]:
    """``(start, end, label, canonical)`` of the entities in ``span``: the actors of the story
    in use (:func:`helpers.core.actors.find_actors`) first, then the parse's own entities where
    no actor is (the parse holds no story)."""
    from spacy.util import filter_spans

    from helpers.core.actors import find_actors

    found = []
    for m in find_actors(doc):
        if span.start <= m.start and m.end <= span.end and m.actor.kind != "anonymous":
            label = m.actor.label or _LABEL_BY_KIND.get(m.actor.kind, "MISC")
            found.append(_labelled(doc, m.start, m.end, label, m.actor.canonical))
    found = filter_spans(found)
    taken = {i for s in found for i in range(s.start, s.end)}
    for ent in span.ents:
        if taken.isdisjoint(range(ent.start, ent.end)):
            found.append(_labelled(doc, ent.start, ent.end, ent.label_, ent.ent_id_))
    return [(s.start, s.end, s.label_, s.kb_id_) for s in sorted(found, key=lambda s: s.start)]


def _labelled(doc, start: int, end: int, label: str, canonical: str):
    from spacy.tokens import Span

    return Span(doc, start, end, label=label, kb_id=canonical or "")


def entities_html(doc, max_sentences: int | None = None) -> str:
    """displaCy's entity view of a parsed article (displaCy escapes the text).

    Each label also gives the canonical name when the story's actor table (or the French news
    lexicon) knows the entity under another name (``Zelenskiy`` → ``PER · Volodymyr
    Zelensky``).
    """
    from spacy import displacy

    sents = sentences(doc)
    if max_sentences is not None and len(sents) > max_sentences:
        span = doc[: sents[max_sentences - 1].end]
    else:
        span = doc[:]
    ents = []
    for start, end, label, canonical in _story_entities(doc, span):
        first, last = doc[start], doc[end - 1]
        if canonical and canonical != doc[start:end].text:
            label = f"{label} · {canonical}"
        ents.append({"start": first.idx - span.start_char,
                     "end": last.idx + len(last.text) - span.start_char, "label": label})
    colours = {e["label"]: ENTITY_COLOURS.get(e["label"].split(" ·")[0], "#D9D9D9") for e in ents}
    data = {"text": span.text, "ents": ents, "title": None}
    return displacy.render(data, style="ent", manual=True, jupyter=False,
                           options={"colors": colours})


def show_entities(doc, max_sentences: int | None = None) -> None:
    """Display the named entities of a parsed article (first ``max_sentences`` sentences)."""
    from IPython.display import HTML, display

    display(HTML(entities_html(doc, max_sentences)))
