"""Quote tracking: which tokens are inside a quotation, tolerant of what scraping and typing do to
quote marks, and never silencing more than one sentence for one stray mark."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from helpers.claims.attribution.lexicon import OPENERS, QUOTE_MARKS
from helpers.core.nlp import token_table


def quote_mask(doc) -> list[bool]:
    """Per token: is it inside a quotation (quote marks themselves are not)? See
    :func:`quote_state`."""
    return quote_state(doc)[0]


# the only characters that change the state of quote_state: quote marks and line breaks
_QUOTE_EVENTS = re.compile("[\n" + "".join(sorted(QUOTE_MARKS)) + "]")


@dataclass
class _Walk:
    """The state of the walk through one text: the quotation open (if any) and the character
    ranges found so far."""

    text: str
    sentence_ends: list[int]
    is_open: bool = False
    opened_at: int = -1
    last_mark: str = ""
    inside: list = field(default_factory=list)  # characters inside a quotation
    unclosed: list = field(default_factory=list)  # … in one never closed where it should be

    def end_of_sentence(self, i: int) -> int:
        """Where the sentence holding character ``i`` ends."""
        k = bisect_right(self.sentence_ends, i)
        return self.sentence_ends[k] if k < len(self.sentence_ends) else len(self.text)

    def open(self, i: int) -> None:
        self.is_open, self.opened_at = True, i

    def give_up(self, i: int) -> None:
        """The quotation opened at ``opened_at`` is never closed (a line break at ``i``, or a new
        opening mark in a later sentence): it only covers its own sentence, so one stray mark
        silences one sentence, not the paragraph."""
        end = min(i, self.end_of_sentence(self.opened_at))
        self.unclosed.append((self.opened_at, end))
        self.inside = [(a, min(b, end)) for a, b in self.inside if a < end]
        self.is_open = False


def _straight(walk: _Walk, i: int) -> None:
    """``"``: closes an open quotation; opens one unless it looks like a closing mark with
    nothing open (``stray",``) or like markup (``type="image/avif"``)."""
    text = walk.text
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev in "=/" or nxt in "<>/":
        return
    if walk.is_open:
        walk.is_open = False
    elif not (not prev.isspace() and (nxt.isspace() or nxt in ",.;:!?)")):
        walk.open(i)


def _opener(walk: _Walk, i: int) -> None:
    """``«`` ``“``: opens; doubled (``« «``) counts once; glued to the word before it
    (``Koursk«``) it closes; after an unclosed quotation of an earlier sentence, it starts
    again."""
    text = walk.text
    prev = text[i - 1] if i else " "
    if not walk.is_open:
        walk.open(i)
    elif walk.last_mark in OPENERS and not text[text.rfind(walk.last_mark, 0, i) + 1 : i].strip():
        pass  # doubled opening mark
    elif not prev.isspace():
        walk.is_open = False  # "Koursk«": a closing mark typed the wrong way round
    elif walk.end_of_sentence(walk.opened_at) <= i:
        walk.give_up(i)  # the earlier mark was stray: this one opens a new quotation
        walk.open(i)


def _mark(walk: _Walk, i: int) -> None:
    """A line break or a quote mark at character ``i``."""
    ch = walk.text[i]
    if ch == "\n":
        if walk.is_open and walk.opened_at >= 0:
            walk.give_up(i)
        walk.is_open, walk.last_mark = False, ""
        return
    if ch in {'"', "„"}:
        _straight(walk, i)
    elif ch in OPENERS:
        _opener(walk, i)
    elif walk.is_open:
        walk.is_open = False
    walk.last_mark = ch


def _walk(text: str, sentence_ends: list[int]) -> _Walk:
    """Walk from one quote mark or line break to the next, collecting character ranges (the
    other characters only matter as "some non-space character came since the last mark")."""
    walk = _Walk(text, sentence_ends)
    pos = 0  # the characters before pos are done
    for event in _QUOTE_EVENTS.finditer(text):
        i = event.start()
        if i > pos:  # ordinary characters since the last event
            if walk.is_open:
                walk.inside.append((pos, i))
            if not text[pos:i].isspace():
                walk.last_mark = ""
        pos = i + 1
        _mark(walk, i)
    if pos < len(text) and walk.is_open:
        walk.inside.append((pos, len(text)))
    if walk.is_open and walk.opened_at >= 0:
        walk.give_up(len(text))
    return walk


def quote_state(doc) -> tuple[list[bool], list[bool]]:
    """Per token: inside a quotation, and inside one that is never closed where it should be.

    Tolerant of what scraped and typed French news does to quote marks: a doubled mark (``«
    «``, ``» »``) counts once, an opening mark glued to the word before it (``Koursk«``)
    closes, a stray closing mark is ignored, and a quotation never closed (a line break, or a new
    opening mark in a later sentence, comes first) covers only the sentence it opened in: the
    rest of the paragraph is read again. Never raises.
    """
    tab = token_table(doc)
    ends = sorted({s.end_char for s in doc.sents}) if len(doc) else []
    walk = _walk(tab.doc_text, ends)
    if not walk.unclosed and not walk.inside:
        return [False] * len(tab.text), [False] * len(tab.text)
    token_ends = [a + len(t) for a, t in zip(tab.idx, tab.text, strict=True)]
    return (_tokens_in(tab, token_ends, walk.inside),
            _tokens_in(tab, token_ends, walk.unclosed))


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
