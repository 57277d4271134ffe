"""A part of a body that speaks for it: *la direction du centre hospitalier*, *les services de
la préfecture*, *la direction régionale du groupe* (the body named after it), *La direction
dément.* (alone: the last body quoted that has a management); *son association* after a person
whose role names one. Written by hand: no library says which body a French news text's *la
direction* belongs to."""

from __future__ import annotations

import re

from helpers.claims.attribution.documents import Reader, speaker_like
from helpers.claims.attribution.lexicon import DEFINITE, word_class
from helpers.claims.attribution.model import Speaker
from helpers.claims.attribution.naming import Phrase
from helpers.claims.attribution.references import NOT_DECIDED, antecedents, retext


def part_of_a_body(p: Phrase, read: Reader):
    """``la direction du centre hospitalier``, ``les services de la préfecture``, ``la
    présidence de l'université``: a part that speaks for the body named right after it (with
    its article: ``le service de presse`` is a kind of service, ``la direction générale de la
    santé`` a body of its own); alone, the body named before (:func:`_body_before`). ``read``
    turns a noun phrase into a speaker (:func:`helpers.claims.attribution.nouns.
    speaker_from_head`)."""
    ctx, tab, h = p.ctx, p.ctx.tab, p.h
    if not p.has("body_part") or p.det not in DEFINITE or not p.tok.is_lower:
        return NOT_DECIDED
    k = h + 1
    while k < p.hi and tab.pos[k] == "ADJ" and tab.text[k].islower() and tab.lower[k] != (
            "générale"):  # "la direction régionale du groupe" ("direction générale": a body)
        k += 1
    if p.e == h + 1 and p.det != "les":
        return _body_before(p)
    if k + 1 >= p.hi or not (tab.lower[k] in {"du", "des"} or tab.lower[k] == "de" and tab.lower[
            k + 1] in {"la", "l'"}):
        return NOT_DECIDED
    j = next((x for x in range(k + 1, min(p.hi, k + 4)) if tab.pos[x] in {"NOUN", "PROPN"}), None)
    if j is None or not (speaker_like(ctx, j) or word_class(ctx.doc[j], "local_body")) or (
            word_class(ctx.doc[j], "anonymous_head")) or k > h + 1 and (
            p.e > j + 1 or tab.lower[k] == "des"):  # "la direction régionale des douanes"
        return NOT_DECIDED  # ("la direction du port": a body that sits in a town)
    body = read(ctx, j, k + 1, p.hi)
    return retext(body, p.span.text, h) if body is not None else NOT_DECIDED


#: Heads of bodies of members, whose *direction* is not what *la direction* names.
_MEMBERSHIP = frozenset({"syndicat", "intersyndicale", "association", "collectif", "fédération",
                         "confédération", "centrale"})


def _body_before(p: Phrase):
    """``La direction dément.``: a part named alone speaks for the body it named before, else
    for the last body quoted or named as a subject before it that has a management (a company,
    a hospital, a town hall), not a union or an association that speaks against it."""
    ctx, words = p.ctx, p.span.text.lower()
    # "a précisé la direction (du CHU)… a indiqué la direction": the same words, the same body
    body = next((sp for _, sp in sorted(ctx.history, key=lambda x: -x[0]) if sp.pos < p.s and (
        sp.text.lower() == words or sp.text.lower().startswith(f"{words} d"))), None)
    if body is None:
        body = next((sp for sp in antecedents(ctx, p.s) if sp.kind == "institution"
                     and _MEMBERSHIP.isdisjoint(sp.heads)), None)
    return retext(body, p.span.text, p.h) if body is not None else NOT_DECIDED


def body_of_role(p: Phrase) -> Speaker | None:
    """``Claire Hentz, présidente de l'Association des urgentistes du Grand Est… Selon une
    enquête de son association``: the body of that noun in the role of the person named last."""
    last = next(iter(antecedents(p.ctx, p.s)), None)
    if last is None or last.kind != "person" or p.e != p.h + 1:
        return None
    role = re.sub(r"\s*\([^)]*\)", "", last.role)
    m = re.search(rf"\b({re.escape(p.tok.lower_)}\b.*)", role, re.IGNORECASE)
    if m is None or m.start() == 0:  # "sa présidente" is no body of the président's
        return None
    return Speaker(m.group(1), "institution", last.side, p.span.text, p.h, heads=(p.tok.lower_,))
