"""A source for each part of a sentence that gives figures from several sources: ``Ils étaient
9 000 selon la préfecture, 25 000 selon les syndicats``, ``La CGT a revendiqué 1,2 million de
manifestants, quand le ministère en a recensé 320 000``, and the verb left out after the first
source (``la préfecture a dénombré 9 000 manifestants, les syndicats 25 000``). The sentence keeps
one speaker (:func:`.candidates.choose`); a figure takes the source of its own part
(:func:`helpers.figures.extract.extract_figures`)."""

from __future__ import annotations

from helpers.claims.attribution.candidates import choose
from helpers.claims.attribution.lexicon import is_number
from helpers.claims.attribution.model import Candidate, Context, Speaker
from helpers.claims.attribution.nouns import speaker_from_head
from helpers.claims.attribution.subjects import _looks_like_speaker

#: What ends one part of a sentence and starts the next: a comma, ``et``, ``quand``, ``tandis
#: que``, ``contre``, ``dont``…
_MARKS = {",", ";", "(", ")", "—", "–", ":"}
_WORDS = {"et", "quand", "tandis", "alors", "contre", "dont", "mais", "lorsque"}

#: The cues of sources a figure is credited to, as opposed to a verb left out after them.
_PHRASE_CUES = {"selon", "d'après", "aux dires de", "si l'on en croit", "citant", "cité par",
                "pour", "quote", "label"}


def _parts(ctx: Context, lo: int, hi: int) -> list[tuple[int, int]]:
    """Token ranges of the parts of the sentence ``lo:hi``, the boundary words left out."""
    tab = ctx.tab
    out, start = [], lo
    for k in range(lo, hi):
        if not ctx.inside[k] and (tab.text[k] in _MARKS or tab.lower[k] in _WORDS):
            if k > start:
                out.append((start, k))
            start = k + 1
    end = hi
    while end > start and (tab.is_punct[end - 1] or tab.text[end - 1].isspace()):
        end -= 1  # the final stop
    if end > start:
        out.append((start, end))
    return out


def _gapped(ctx: Context, a: int, b: int) -> Candidate | None:
    """``…, les syndicats 25 000``, ``… et la place Beauvau 390 000``: a part with no verb whose
    words are a source, then a figure (the reporting verb is the one before, left out)."""
    tab = ctx.tab
    if any(tab.pos[k] in {"VERB", "AUX"} for k in range(a, b)):
        return None
    num = next((k for k in range(a, b) if is_number(tab, k)), None)
    if num is None or num - a < 2 or num - a > 6:
        return None
    head = ctx.mention_at[num - 1].start if num - 1 in ctx.mention_at else num - 1
    if tab.pos[head] not in {"NOUN", "PROPN"} or not _looks_like_speaker(ctx, head):
        return None
    sp = speaker_from_head(ctx, head, a, num)
    return Candidate(sp, "", 0, head) if sp is not None and sp.kind else None


def _part_source(ctx: Context, cands: list[Candidate], a: int, b: int,
                 verb_before: bool) -> Speaker | None:
    """The source named in the part ``a:b``: its own cue's, else a source whose verb was left
    out (only after a reporting verb in an earlier part)."""
    own = choose([c for c in cands if a <= c.pos < b])
    if own is not None:
        return own.speaker
    gapped = _gapped(ctx, a, b) if verb_before else None
    return gapped.speaker if gapped is not None else None


def part_sources(ctx: Context, lo: int, hi: int, cands: list[Candidate]
                 ) -> list[tuple[int, int, Speaker]]:
    """``(start, end, speaker)`` token ranges of the parts of the sentence ``lo:hi`` that name
    their own source, when there are at least two different sources; ``[]`` otherwise (the
    sentence's speaker is every figure's)."""
    named = [c for c in cands if c.speaker is not None and c.speaker.name]
    numbers = (k for k in range(lo, hi) if is_number(ctx.tab, k))
    if not named or next(numbers, None) is None or next(numbers, None) is None:
        return []  # one figure at most: the sentence's speaker is its source
    out = []
    for a, b in _parts(ctx, lo, hi):
        verb_before = any(c.pos < a and c.cue not in _PHRASE_CUES for c in named)
        sp = _part_source(ctx, named, a, b, verb_before)
        if sp is not None:
            out.append((a, b, sp))
    return out if len({sp.name for _, _, sp in out}) >= 2 else []
