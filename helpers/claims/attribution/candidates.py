"""The orchestrator: every cue of a sentence, each rule family in turn (cue phrases, then
reporting verbs, then a quotation after a colon when nothing else speaks), and the choice of the
sentence's main attribution."""

from __future__ import annotations

from helpers.claims.attribution.cues import colon_quote_candidate, phrase_candidate
from helpers.claims.attribution.groups import _is_gerund_or_infinitive
from helpers.claims.attribution.lexicon import reporting_verbs, verb_needs
from helpers.claims.attribution.model import Candidate, Context, Speaker
from helpers.claims.attribution.verbs import verb_candidate


def unit_candidates(ctx: Context, lo: int, hi: int) -> list[Candidate]:
    """Every attribution cue between tokens ``lo`` and ``hi`` (one sentence), in order."""
    doc = ctx.doc
    out: list[Candidate] = []
    for cue, s, e in ctx.cues:
        if lo <= s < hi and not ctx.inside[s]:
            cand = phrase_candidate(ctx, cue, s, e, lo, hi)
            if cand is not None:
                out.append(cand)
    previous = None
    reporting, inside, unclosed = ctx.reporting, ctx.inside, ctx.unclosed
    for i in range(lo, hi):
        # a verb inside a quotation is the quoted speaker's, unless the quotation is never closed
        # ("“Les soldats étaient mal équipés, a expliqué un officier"): then it may be an incise
        if not reporting[i] or (inside[i] and not unclosed[i]):
            continue
        if any(s <= i < e for _, s, e in ctx.cues):  # "si l'on en croit" is a phrase cue
            continue
        cand = verb_candidate(ctx, i, lo, hi, previous)
        if cand is not None:
            out.append(cand)
            if not _is_gerund_or_infinitive(doc[i]):
                previous = cand
    if not out:  # "X, 68 ans, est venue : « … »": the quotation after a colon
        colon = colon_quote_candidate(ctx, lo, hi)
        out.extend([colon] if colon is not None else [])
    return sorted(out, key=lambda c: c.pos)


def choose(cands: list[Candidate]) -> Candidate | None:
    """The sentence's main attribution: relayed sources before the media relaying them
    (``…, ont révélé de hauts responsables ukrainiens, rapporte la BBC``), then the main clause
    before embedded cues, then the first."""
    cands = [c for c in cands if c.speaker is not None and c.speaker.name]
    if not cands:
        return None
    if any(c.speaker.kind != "media" and c.rank <= 1 for c in cands):
        cands = [c for c in cands if c.speaker.kind != "media"]
    # "…, rapporte L'Écho nivernais, citant un enquêteur": whoever cites someone relays them,
    # whatever kind of body the text makes it
    cited = [c for c in cands if c.cue == "citant"]
    if cited and any(c.pos < cited[0].pos for c in cands):
        return cited[0]
    # "Le service a enregistré 31 400 passages, indique le rapport": a verb of saying gives
    # the source of a count stated in the main clause
    saying = [c for c in cands if c.rank == 0 and c.cue in reporting_verbs()
              and verb_needs().get(c.cue) not in _COUNTING]
    if saying and len(saying) < len(cands) and all(
            verb_needs().get(c.cue) in _COUNTING for c in cands if c not in saying):
        cands = saying
    return min(cands, key=lambda c: (c.rank, c.pos))


#: What a counting verb needs (``reporting_verbs.csv``): a figure, a past count.
_COUNTING = {"count", "figure"}


def remember(ctx: Context, speaker: Speaker | None, pos: int) -> None:
    if speaker is not None and speaker.name:
        ctx.history.append((pos, speaker))
