"""Text reuse: passages two articles share nearly word for word.

>>> shared_passages(corpus)
   article_a  article_b  passage_a                        passage_b                  similarity ...
   000_…      001_…      Nous constatons une augmentation  Nous constatons une …      94.4

Copied passages show that two articles are not independent: one copied the other, or both copied
a common source (an agency dispatch, a translation of the same English report). The same quote in
two articles is one statement, reported twice.

How: each text is cut into words (accents and case ignored); every run of ``shingle`` words
(a *shingle*) of article A that also occurs in article B is a hit. Hits that move forward together
in both texts, at most ``max_gap`` words apart, are chained into one passage, so that a quote with
a few words cut or added (*près du front*) stays one passage; passages with fewer than
``min_words`` shared words are dropped. RapidFuzz then scores how alike the two passages are
(``fuzz.ratio``, 0-100).

What is a library's: RapidFuzz's similarity score. What is written here by hand: the shingling
and the chaining of hits into passages. (``difflib.SequenceMatcher`` aligns two texts in
one order only, so it misses a quote that comes early in one article and late in the other.)
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations

import pandas as pd
from rapidfuzz import fuzz

from helpers.core.text import fold, normalise

__all__ = ["COLUMNS", "shared_passages"]

COLUMNS = [
    "article_a", "article_b", "passage_a", "passage_b", "similarity", "shared_words",
    "start_a", "end_a", "start_b", "end_b",
]  # fmt: skip
_TOKEN = re.compile(r"\w+(?:-\w+)*")  # an apostrophe ends a word: qu'au -> qu, au


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """(folded word, start, end) for each word; offsets index the original text."""
    return [(fold(m.group(0)), m.start(), m.end()) for m in _TOKEN.finditer(normalise(text))]


def _shingles(words: list[str], k: int) -> dict[tuple[str, ...], list[int]]:
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in range(len(words) - k + 1):
        index[tuple(words[i : i + k])].append(i)
    return index


def _chains(hits: list[tuple[int, int]], k: int, max_gap: int) -> list[list[tuple[int, int]]]:
    """Chain shingle hits (i in A, j in B) that move forward together in both texts, with at
    most ``max_gap`` unshared words between two shingles: each chain is one shared passage."""
    chains: list[list[tuple[int, int]]] = []
    reach = k + max_gap
    for i, j in sorted(hits):
        for chain in chains:
            last_i, last_j = chain[-1]
            if 0 < i - last_i <= reach and 0 < j - last_j <= reach:
                chain.append((i, j))
                break
        else:
            chains.append([(i, j)])
    return chains


def _pair(text_a, toks_a, text_b, toks_b, k, min_words, max_gap) -> list[dict]:
    words_a = [t[0] for t in toks_a]
    words_b = [t[0] for t in toks_b]
    index_b = _shingles(words_b, k)
    hits = [
        (i, j)
        for i in range(len(words_a) - k + 1)
        for j in index_b.get(tuple(words_a[i : i + k]), [])
    ]
    out = []
    for chain in _chains(hits, k, max_gap):
        shared = len({i + d for i, _ in chain for d in range(k)})
        if shared < min_words:
            continue
        lo_a, hi_a = chain[0][0], chain[-1][0] + k
        lo_b, hi_b = chain[0][1], chain[-1][1] + k
        start_a, end_a = toks_a[lo_a][1], toks_a[hi_a - 1][2]
        start_b, end_b = toks_b[lo_b][1], toks_b[hi_b - 1][2]
        score = fuzz.ratio(" ".join(words_a[lo_a:hi_a]), " ".join(words_b[lo_b:hi_b]))
        out.append({
            "passage_a": text_a[start_a:end_a], "passage_b": text_b[start_b:end_b],
            "similarity": round(float(score), 1), "shared_words": int(shared),
            "start_a": start_a, "end_a": end_a, "start_b": start_b, "end_b": end_b,
        })
    return out


def shared_passages(
    corpus: pd.DataFrame,
    min_words: int = 8,
    shingle: int = 4,
    max_gap: int = 4,
    column: str = "text",
) -> pd.DataFrame:
    """Passages shared by two articles: a row per passage, with ``article_a, article_b,
    passage_a, passage_b, similarity`` (RapidFuzz ratio of the two passages, 0-100),
    ``shared_words`` and the character offsets of each passage in its article's text.

    ``corpus``: a DataFrame with ``article_id`` and ``text`` (or ``column``). ``min_words``:
    fewer shared words than this is a phrase, not a passage ("dans la région de Koursk" is
    everywhere). ``shingle``: words per shingle; ``max_gap``: words that may differ inside one
    passage. Each pair of articles is compared once, in corpus order (A before B). Sorted by
    ``shared_words``, descending.
    """
    ids = corpus["article_id"].astype(str).tolist()
    texts = corpus[column].fillna("").astype(str).tolist()
    toks = [_tokens(t) for t in texts]
    rows = []
    for a, b in combinations(range(len(ids)), 2):
        for found in _pair(texts[a], toks[a], texts[b], toks[b], shingle, min_words, max_gap):
            rows.append({"article_a": ids[a], "article_b": ids[b], **found})
    table = pd.DataFrame(rows, columns=COLUMNS)
    return table.sort_values("shared_words", ascending=False, kind="stable").reset_index(
        drop=True
    )
