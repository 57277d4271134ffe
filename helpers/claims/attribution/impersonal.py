"""*On* as the subject of a verb of saying: ``a-t-on appris auprès des pompiers``, ``fait-on
savoir à Bercy`` (the source after the verb), ``À Bercy, on relativise``, ``Chez Agrilys
Assurances, l'un des principaux assureurs…, on assure`` (the place or body the sentence opens
with); otherwise nobody."""

from __future__ import annotations

from helpers.claims.attribution.model import Candidate, Context
from helpers.claims.attribution.nouns import speaker_from_head
from helpers.claims.attribution.references import source_before
from helpers.claims.attribution.subjects import locative_source


def impersonal_on(ctx: Context, start: int, v: int, hi: int) -> bool:
    """``a-t-on appris``, ``reconnaît-on``, ``on apprend``: *on* is the subject."""
    tab = ctx.tab
    clitic = any(tab.text[j] in {"-t-on", "-on"} for j in range(start, min(v + 3, hi)))
    return clitic or start > 0 and tab.lower[start - 1] == "on"


def _on_source(ctx: Context, v: int, hi: int) -> Candidate | None:
    """``a-t-on appris auprès des pompiers``, ``reconnaît-on de source préfectorale``: the
    source named after the verb (``auprès de X``, ``de source X``), else nobody."""
    tab = ctx.tab
    cue = ctx.reporting[v] or tab.lemma[v]
    for k in range(v + 1, min(hi, v + 6)):
        if tab.lower[k] == "auprès" and k + 2 < hi and tab.lower[k + 1] in {"de", "d'", "du",
                                                                           "des"}:
            j = next((x for x in range(k + 2, min(hi, k + 6)) if tab.pos[x] in {"NOUN", "PROPN"}),
                     None)
            if j is not None:
                return Candidate(speaker_from_head(ctx, j, k + 2, hi), cue, 0, v)
        if tab.lower[k] in {"à", "au"} and k + 1 < hi and (k + 1 in ctx.mention_at or tab.text[
                k + 1][:1].isupper() and tab.pos[k + 1] == "PROPN"):
            # "fait-on savoir à Bercy", "indique-t-on à Matignon": the place that speaks
            return Candidate(speaker_from_head(ctx, k + 1, k + 1, hi), cue, 0, v)
        if tab.lower[k] in {"de", "d'"} and tab.lower[k + 1 : k + 2] in (["source"], ["sources"]):
            return Candidate(speaker_from_head(ctx, k + 1, k, hi), cue, 0, v)
        if tab.lower[k] in {"de", "d'"} and tab.lower[k + 1 : k + 2] == ["même"] and (
                tab.lower[k + 2 : k + 3] in (["source"], ["sources"])):  # "de même source"
            return Candidate(source_before(ctx, k), cue, 0, v)
    return None


def impersonal_source(ctx: Context, v: int, lo: int, hi: int, start: int,
                       cue: str) -> Candidate | None:
    """With *on* as the subject, the source after the verb or the place before it, or None."""
    if not impersonal_on(ctx, start, v, hi):
        return None
    return _on_source(ctx, v, hi) or _place_before_on(ctx, v, lo, start, cue)


def _place_before_on(ctx: Context, v: int, lo: int, start: int, cue: str) -> Candidate | None:
    """``Chez Agrilys Assurances, l'un des principaux assureurs…, on assure``: the body the
    sentence opens with, before its apposition's nouns (which the parse may make the subject)."""
    if start <= lo or ctx.tab.lower[start - 1] != "on":
        return None
    place = locative_source(ctx, lo, start - 1)
    return Candidate(speaker_from_head(ctx, place, lo, start - 1), cue, 0, v) if (
        place is not None) else None
