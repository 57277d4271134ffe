"""The members of a body speaking for it: *les sapeurs-pompiers* after *le service départemental
d'incendie et de secours du Tarn*, *les gendarmes* after *le groupement de gendarmerie de la
Loire*, *les organisateurs* (*ses organisateurs*) after *le festival, organisé par l'association
Bords de Tarn* or *une pétition lancée par l'association X* (``member_bodies.csv``).

Written by hand: no library links a collective noun to the body French news named before."""

from __future__ import annotations

from functools import lru_cache

from helpers.claims.attribution.lexicon import DATA_DIR
from helpers.claims.attribution.model import Context, Speaker
from helpers.claims.attribution.references import NOT_DECIDED, retext
from helpers.core.datafiles import read_rows

#: The verbs by which the text says who organises: ``organisé par X``, ``X, qui organise``,
#: ``lancée par X`` (and ``à l'appel de X``).
_ORGANISES = {"organiser", "lancer"}


@lru_cache(maxsize=1)
def member_bodies() -> dict[str, tuple[str, ...]]:
    """``{member noun: words one of which the body's name holds}`` (empty for *organisateurs*,
    whose body the text names by what it does)."""
    return {r["member"]: tuple(w for w in r["body_words"].split("|") if w)
            for r in read_rows(DATA_DIR / "member_bodies.csv")}


def body_of_members(p, read):
    """For a reader of :mod:`.nouns`: the body ``p`` (*les pompiers*, *ses organisateurs*) names
    the members of, named before; else another reader's case. ``read`` turns a phrase's head into
    a speaker (:func:`.nouns.speaker_from_head`, passed in: it uses the readers)."""
    words = member_bodies().get(p.tok.lower_)
    doc = p.ctx.doc
    if words is None or p.det not in {"les", "des", "ses", "leurs"} or any(
            not t.is_lower or t.pos_ in {"ADP", "DET"} for t in doc[p.h + 1 : p.e]):
        return NOT_DECIDED  # "les pompiers de Paris" is named; "les magistrats financiers" not
    ctx = p.ctx
    if not words:
        found = _organiser(ctx, p.s, read)
    else:
        bodies = [(pos, sp) for pos, sp in ctx.history + ctx.named if pos < p.s and (
            sp.kind == "institution") and any(w in sp.name.lower() for w in words)]
        found = max(bodies, key=lambda x: x[0])[1] if bodies else None
    return retext(found, p.span.text, p.h) if found is not None else NOT_DECIDED


def _organiser(ctx: Context, before: int, read) -> Speaker | None:
    """The body named right after (``organisé par``, ``lancée par``, ``à l'appel de``) or right
    before (``X, qui organise``) the last word saying who organises, before token ``before``."""
    tab = ctx.tab
    k = next((k for k in range(before - 1, -1, -1) if not ctx.inside[k] and (
        tab.lemma[k].lower() in _ORGANISES and tab.pos[k] in {"VERB", "ADJ"}
        or tab.lower[k] == "appel" and tab.lower[k - 1 : k] in (["l'"], ["l\u2019"]))), None)
    if k is None:
        return None
    sent = ctx.doc[k].sent
    by = next((j for j in range(k + 1, min(sent.end, k + 3)) if tab.lower[j] in {
        "par", "de", "d'", "du"}), None)
    head = next((j for j in range(by + 1, min(sent.end, by + 4)) if tab.pos[j] in {
        "NOUN", "PROPN"}), None) if by is not None else None
    if head is not None:
        sp = read(ctx, head, by + 1, sent.end)
    else:
        # a body quoted in the sentence first (its name as quoted), else one named there
        named = [sp for pool in (ctx.history, ctx.named) for pos, sp in sorted(
            pool, key=lambda x: -x[0]) if sent.start <= pos < k and sp.kind == "institution"]
        sp = named[0] if named else None
    return sp if sp is not None and sp.kind == "institution" else None
