"""The building or the phrase that stands for a local body: *l'hôtel de ville* is the town's
mairie, *l'Hôtel de Région* its regional council, *les services de l'État* the préfecture named
before (``seats.csv``); a mayor named before gives the mairie its town (*la maire de Poitiers,
X … l'hôtel de ville* → *mairie de Poitiers*). Unlike *Matignon* or *Bercy*, which name one
body of the state (``french_actors.csv``), these name a different body in every town, so the
body is the one of that kind named before in the article, else the kind itself (*mairie*).

Written by hand: no library maps French metonyms of local government to their bodies."""

from __future__ import annotations

import re
from functools import lru_cache

from helpers.claims.attribution.lexicon import DATA_DIR
from helpers.claims.attribution.model import Speaker
from helpers.claims.attribution.references import NOT_DECIDED, antecedents, retext
from helpers.core.datafiles import read_rows


@lru_cache(maxsize=1)
def _seats() -> dict[tuple[str, ...], tuple[str, tuple[str, ...]]]:
    """``("hôtel", "de", "ville")``, ``("services", "de", "l'", "état")`` (split as the tokenizer
    splits) → (``"mairie"``, the names its body goes by)."""
    return {tuple(re.findall(r"[^\s']+'?", r["seat"])): (r["body"], tuple(r["names"].split("|")))
            for r in read_rows(DATA_DIR / "seats.csv")}


def seat_at(tab, j: int) -> tuple[str, tuple[str, ...]] | None:
    """The body and names of the seat whose words start at token ``j``, else None."""
    for words, body in _seats().items():
        if tuple(tab.lower[j : j + len(words)]) == words:
            return body
    return None


def seat_body(p):
    """A reader (:mod:`.nouns`): ``l'hôtel de ville`` → the last mairie named before (``la
    mairie de Saint-Rémy-sur-Orge``), else ``mairie``."""
    tab = p.ctx.tab
    found = seat_at(tab, p.h) or seat_at(tab, p.s + 1)
    if found is None or p.det not in {"l'", "le", "la", "les"}:
        return NOT_DECIDED
    body, names = found
    # "le Département", "la région" alone stand for its council; "la région Occitanie", "le
    # département du Trésor" are names
    word = tab.lower[p.h] in _WORD_SEATS
    if word and p.e != p.h + 1:
        return NOT_DECIDED
    before = local_body_before(p, body, names)
    if before is not None:
        return before
    if body not in _NAMED_ALONE or word:
        return NOT_DECIDED  # "les services de l'État" with no préfecture before: the State
    return Speaker(body, "institution", "", p.span.text, p.h, "f" if body == "mairie" else "m",
                   "s", heads=(body.split()[0],))


def local_body_before(p, body: str, names: tuple[str, ...] = ()) -> Speaker | None:
    """The local body of kind ``body`` named before the phrase ``p`` (by one of ``names``: the
    kind's own name if none): ``la mairie de Vierzon``, or the mairie of a mayor named before
    (``La maire de Poitiers, Claire Vernoux, …`` → *mairie de Poitiers*); else None."""
    names = names or _names_of(body)
    for sp in antecedents(p.ctx, p.s):
        name = sp.name.lower()
        # a name with its place ("la mairie de Vierzon"), not "la ville" as the text said it
        if sp.kind == "institution" and any(name.startswith((f"{n} ", f"{n}-")) for n in names):
            return retext(sp, p.span.text, p.h)
        place = _place_of_the_holder(sp, body) if sp.kind == "person" else ""
        if place:
            return Speaker(f"{body} {place}", "institution", "", p.span.text, p.h,
                           "f" if body == "mairie" else "m", "s", heads=(body.split()[0],))
    return None


def _names_of(body: str) -> tuple[str, ...]:
    """The names ``seats.csv`` gives a body (``mairie``: *mairie*, *ville*, *commune*…)."""
    return next((names for kind, names in _seats().values() if kind == body), (body,))


def _place_of_the_holder(sp: Speaker, body: str) -> str:
    """``de Poitiers`` when ``sp`` was named as the head of that body there (``maire de
    Poitiers`` for a mairie, ``président du conseil régional d'Occitanie`` for a regional
    council), else ``""``."""
    role, lowered = sp.role, sp.role.lower()
    for lead in (_HOLDERS.get(body, ""), body):
        at = lowered.find(f"{lead} ") if lead else -1
        if at < 0 or lead != body and at > 0:  # "maire de…", not "adjoint au maire de…"
            continue
        rest = role[at + len(lead) + 1 :].strip(" ,")
        if rest.lower().startswith(("de ", "d'", "du ", "des ")):
            return rest
    return ""


#: The bodies a seat names even when the text named none before (*l'hôtel de ville*: a mairie).
_NAMED_ALONE = {"mairie", "conseil régional", "conseil départemental"}

#: Seats of one word, read only alone and only back to the council named before.
_WORD_SEATS = {"département", "région"}

#: Who heads the body a seat stands for, as the text names them (*la maire de Poitiers*).
_HOLDERS = {"mairie": "maire"}
