"""Provenance clues a reader can see without any NLP: what the loader removed, name spellings,
sentences about verification.

These feed notebook 01 (*Investigate the source*) and, later, the reliability signals.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from helpers.core.datafiles import read_table
from helpers.core.story import load_story
from helpers.core.text import is_missing, short_id
from helpers.sources.corpus import find_article

#: Why each kind of removed text is a clue about where an article came from.
REMOVED_KIND_MEANING = {
    "aggregator line": "an aggregator republished the page automatically (not the original outlet)",
    "scraper residue": "a robot copied the page's HTML and left attributes behind",
    "repeated headline": "the headline was pasted more than once: automated republishing",
    "related links": "navigation of the original page: it tells which site the text comes from",
    "link marker": "a link's label, copied as text from the original page",
    "author box": "a promotional author box, typical of content sites, names nobody",
    "byline": "the author's name, a transparency signal worth keeping",
    "site name": "the name of the site that published this copy",
    "section label": "the site's menu or breadcrumb, scraped with the article",
    "page furniture": "buttons and labels of the web page (share, advertising, paywall)",
    "date line": "the page's own publication date: compare it with the dates in the text",
    "image": "a picture in the page; its caption may credit a source",
}




def _or_not_stated(value) -> str:
    if is_missing(value) or str(value) == "":
        return "—"
    if isinstance(value, pd.Timestamp):
        return value.strftime("%a %d %b %Y")
    return str(value)


#: The columns of :func:`sources_table`, in the order a reader investigates them.
SOURCE_COLUMNS = {
    "title": "headline",
    "outlet": "outlet",
    "kind": "kind of site",
    "published": "published",
    "date_evidence": "date evidence",
    "byline": "byline",
    "original_source": "stated original source",
}


def sources_table(corpus: pd.DataFrame) -> pd.DataFrame:
    """One row per article (short id): who published it, when and on what evidence, by whom,
    from whom. Unknown values show as "—". Columns missing from the corpus are left out."""
    present = {k: v for k, v in SOURCE_COLUMNS.items() if k in corpus.columns}
    table = corpus[list(present)].map(_or_not_stated).rename(columns=present)
    table.index = pd.Index([short_id(a) for a in corpus["article_id"]], name="article")
    return table


def removed_summary(corpus: pd.DataFrame) -> pd.DataFrame:
    """How many pieces of each kind cleaning removed from each article (articles × kinds)."""
    table = removed_table(corpus)
    articles = [short_id(a) for a in corpus["article_id"]]
    if table.empty:
        return pd.DataFrame(index=pd.Index(articles, name="article"))
    counts = pd.crosstab(table["article"], table["kind"]).reindex(articles, fill_value=0)
    counts.index.name, counts.columns.name = "article", None
    return counts


def removed_table(
    corpus: pd.DataFrame, article: str | int | None = None, max_chars: int = 90
) -> pd.DataFrame:
    """A row per piece the loader removed: ``article, kind, text, clue``.

    ``article`` (an id or number such as ``"002"``) keeps one article's pieces.
    """
    rows = []
    if article is not None:
        corpus = find_article(corpus, article).to_frame().T
    for article_id, removed in zip(corpus["article_id"], corpus["removed"], strict=True):
        for item in removed:
            text = " ".join(str(item["text"]).split())
            if len(text) > max_chars:
                text = text[: max_chars - 1] + "…"
            kind = item["kind"]
            rows.append(
                {
                    "article": short_id(article_id),
                    "kind": kind,
                    "text": text,
                    "clue": REMOVED_KIND_MEANING.get(kind, ""),
                }
            )
    return pd.DataFrame(rows, columns=["article", "kind", "text", "clue"])


@lru_cache(maxsize=1)
def spelling_variants_table() -> pd.DataFrame:
    """The ways of writing the story's names (its ``spelling_variants.csv``; none for a folder
    without one)."""
    return read_table(load_story().path("spelling_variants"),
                      columns=["name", "variant", "pattern", "note"])


def spelling_variants(corpus: pd.DataFrame) -> pd.DataFrame:
    """How often each spelling of each name appears in each article (headline and text).

    Rows: ``name, variant``; one column per article (short id); only names written in more
    than one way across the corpus are kept, since those are the clues.
    """
    variants = spelling_variants_table()
    counts = {}
    for aid, title, text in zip(corpus["article_id"], corpus["title"], corpus["text"], strict=True):
        both = f"{title}\n{text}"
        counts[short_id(aid)] = [len(re.findall(p, both)) for p in variants["pattern"]]
    table = pd.DataFrame(counts, index=pd.MultiIndex.from_frame(variants[["name", "variant"]]))
    used = table.sum(axis=1) > 0
    several = used.groupby(level="name").transform("sum") > 1
    return table[used & several]


_SENTENCE = re.compile(r"[^.!?\n]*[.!?]?")


def find_sentences(corpus: pd.DataFrame, pattern: str, column: str = "text") -> pd.DataFrame:
    """Sentences matching a regular expression (case-insensitive): ``article, sentence``.

    A light regex split is enough to *show* sentences; claim tagging uses spaCy's sentences.
    """
    rx = re.compile(pattern, re.IGNORECASE)
    rows = []
    for aid, text in zip(corpus["article_id"], corpus[column], strict=True):
        for m in _SENTENCE.finditer(text):
            sentence = m.group(0).strip()
            if sentence and rx.search(sentence):
                rows.append({"article": short_id(aid), "sentence": sentence})
    return pd.DataFrame(rows, columns=["article", "sentence"])
