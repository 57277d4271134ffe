"""Quote tracking: which tokens are inside a quotation, tolerant of what scraping does to quote
marks."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from helpers.claims.attribution.lexicon import OPENERS, QUOTE_MARKS
from helpers.core.nlp import token_table


def quote_mask(doc) -> list[bool]:
    """Per token: is it inside a quotation (quote marks themselves are not)? See
    :func:`quote_state`."""
    return quote_state(doc)[0]


# the only characters that change the state of quote_state: quote marks and line breaks
_QUOTE_EVENTS = re.compile("[\n" + "".join(sorted(QUOTE_MARKS)) + "]")


def quote_state(doc) -> tuple[list[bool], list[bool]]:
    """Per token: inside a quotation, and inside one that is never closed on its line.

    Tolerant of what scraped French news does to quote marks: a doubled mark (``« «``, ``» »``)
    counts once, an opening mark glued to the word before it (``Koursk«``) closes, a stray
    closing mark is ignored, and a line break closes whatever is open. Never raises.
    """
    tab = token_table(doc)
    text = tab.doc_text
    # Walk from one quote mark or line break to the next (the other characters only matter as
    # "some non-space character came since the last mark"), collecting character ranges.
    inside_runs: list[tuple[int, int]] = []  # characters inside a quotation
    unclosed_runs: list[tuple[int, int]] = []  # … in one never closed on its line
    is_open = False
    opened_at = -1
    last_mark = ""
    pos = 0  # the characters before pos are done
    for event in _QUOTE_EVENTS.finditer(text):
        i = event.start()
        if i > pos:  # ordinary characters since the last event
            if is_open:
                inside_runs.append((pos, i))
            if not text[pos:i].isspace():
                last_mark = ""
        pos = i + 1
        ch = text[i]
        if ch == "\n":
            if is_open and opened_at >= 0:
                unclosed_runs.append((opened_at, i))
            is_open, last_mark = False, ""
            continue
        prev = text[i - 1] if i else " "
        if ch == '"' or ch == "„":
            nxt = text[i + 1] if i + 1 < len(text) else " "
            if prev in "=/" or nxt in "<>/":  # 'type="image/avif"': markup, not a quote
                continue
            is_open = not is_open
            opened_at = i
        elif ch in OPENERS:
            if not is_open:
                is_open = True
                opened_at = i
            elif last_mark in OPENERS and not text[text.rfind(last_mark, 0, i) + 1 : i].strip():
                pass  # doubled opening mark
            elif not prev.isspace():
                is_open = False  # "Koursk«": a closing mark typed the wrong way round
        elif is_open:
            is_open = False
        last_mark = ch
    if pos < len(text) and is_open:
        inside_runs.append((pos, len(text)))
    if is_open and opened_at >= 0:
        unclosed_runs.append((opened_at, len(text)))
    if not unclosed_runs and not inside_runs:
        return [False] * len(tab.text), [False] * len(tab.text)
    ends = [a + len(t) for a, t in zip(tab.idx, tab.text, strict=True)]
    return _tokens_in(tab, ends, inside_runs), _tokens_in(tab, ends, unclosed_runs)


def _tokens_in(tab, ends: list[int], runs: list[tuple[int, int]]) -> list[bool]:
    """Per token: does it overlap one of the character ranges ``runs`` (quote marks and
    whitespace tokens never do)? ``ends``: where each token ends (``tab.idx`` is where it
    starts; both ascending)."""
    flags = [False] * len(tab.text)
    starts = tab.idx
    for a, b in runs:
        # the tokens that end after a and start before b
        for k in range(bisect_right(ends, a), bisect_left(starts, b)):
            word = tab.text[k]
            flags[k] = not (word in QUOTE_MARKS or word.isspace())
    return flags
