"""The département a sentence is about, for a body the text names only by its kind: *Ils étaient
9 000 à Rennes selon la préfecture* is the préfecture d'Ille-et-Vilaine, *… dans le Gard, a
annoncé la préfecture* the préfecture du Gard. The départements, their names and chefs-lieux are
``helpers/claims/data/departements.csv``; the bodies that have one per département are the word
class ``departmental_body`` of ``attribution_words.csv``."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from helpers.claims.attribution.lexicon import DATA_DIR
from helpers.claims.attribution.model import Context, Speaker
from helpers.core.datafiles import read_rows

#: A place name inside a longer proper name: ``Corée du Nord``, ``Olympique de Marseille``.
_INSIDE_A_NAME = re.compile(r"[A-ZÀ-Ý][\w-]*\s+(?:du|de la|de l'|des|de|d')\s*$")


@lru_cache(maxsize=1)
def _places() -> tuple[dict[str, str], re.Pattern]:
    """Each département's name and chef-lieu → how the département follows a body's noun (``du
    Gard``), and a pattern finding them as whole words."""
    of: dict[str, str] = {}
    for r in read_rows(DATA_DIR / "departements.csv"):
        if r["of"]:
            of[r["name"]] = r["of"]
            if r["chef_lieu"]:
                of.setdefault(r["chef_lieu"], r["of"])
    names = "|".join(re.escape(n) for n in sorted(of, key=len, reverse=True))
    return of, re.compile(rf"(?<![\w-])(?:{names})(?![\w-])")


def places_in(ctx: Context) -> list[tuple[int, str]]:
    """``(character, "du Gard")`` of each département or chef-lieu the article names, in order
    (computed once per article)."""
    if ctx.places is None:
        of, pattern = _places()
        text = ctx.tab.doc_text
        ctx.places = [(m.start(), of[m.group()]) for m in pattern.finditer(text)
                      if not _INSIDE_A_NAME.search(text[max(0, m.start() - 40) : m.start()])]
    return ctx.places


def departement_at(ctx: Context, start: int, lo: int, hi: int) -> str:
    """The département (``du Gard``) of the words at character ``start`` of the sentence whose
    characters are ``lo:hi``: the last one named before them in the sentence, else the first
    after them in it, else the last one named before in the article; ``""`` if none."""
    places = places_in(ctx)
    k = bisect_left(places, (start, ""))
    before = places[k - 1] if k else None
    if before is not None and before[0] >= lo:
        return before[1]
    if k < len(places) and places[k][0] < hi:
        return places[k][1]
    return before[1] if before is not None else ""


def departmental_body(p) -> Speaker | None:
    """``la préfecture`` with no préfecture named before: the préfecture of the département
    the sentence, or else the article, is about (``préfecture du Gard``)."""
    ctx, tab = p.ctx, p.ctx.tab
    sent = ctx.doc[p.h].sent
    of = departement_at(ctx, tab.idx[p.s], sent.start_char, sent.end_char)
    if not of:
        return None
    return Speaker(f"{p.tok.lemma_.lower()} {of}", "institution", "", p.span.text, p.h,
                   "f" if p.det == "la" else "", "s", heads=(p.tok.lemma_.lower(),))


def with_its_place(doc, end: int) -> int:
    """Where a body's name ends when its place follows it (``la Fédération des propriétaires``
    ``d'Ille-et-Vilaine``; ``le Centre régional… (Crous) de Bretagne``, past its acronym): the
    place is part of the name. ``end`` when no place follows."""
    k = end
    if k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")":
        k += 3
    if k + 1 < len(doc) and doc[k].lower_ in {"de", "d'", "du"} and (
            doc[k + 1].text[:1].isupper() and doc[k + 1].ent_type_ == "LOC"):
        e = k + 1
        while e < len(doc) and doc[e].ent_type_ == "LOC" and doc[e].ent_iob_ != "O" and (
                e == k + 1 or doc[e].ent_iob_ == "I"):
            e += 1
        return e
    return end


def through_its_list(doc, end: int) -> int:
    """Where a body's name ends when it lists what it covers (``la direction régionale de
    l'environnement``, ``de l'aménagement et du logement``; ``la direction de la recherche``,
    ``des études, de l'évaluation et des statistiques``): a list closed by *et*, each item a
    complement in *de*; ``end`` when no closed list follows."""
    k = end
    while k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ in _OF:
        k = _complement_end(doc, k + 1)
    if k + 1 < len(doc) and doc[k].lower_ == "et" and doc[k + 1].lower_ in _OF:
        return _complement_end(doc, k + 1)
    return end


_OF = {"de", "du", "des", "d'", "d\u2019"}


def _complement_end(doc, k: int) -> int:
    """The end of ``de l'aménagement``, ``des études`` from its *de* at ``k``: an article, then
    nouns and adjectives."""
    k += 1
    if k < len(doc) and doc[k].lower_ in {"la", "le", "les", "l'", "l\u2019"}:
        k += 1
    start = k
    while k < len(doc) and doc[k].pos_ in {"NOUN", "ADJ", "PROPN"} and doc[k].is_alpha:
        k += 1
    return k if k > start else start - 1
