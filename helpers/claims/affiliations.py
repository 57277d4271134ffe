"""Affiliation: the government, organisation or side an actor speaks for, read from its name and
the role the text gives it (``affiliation_words.csv``). Corroboration counts independent
affiliations (:func:`helpers.core.actors.origin_of`), so these rules decide what an *origin*
is for a story the course has never seen.

================================ ==================================================================
the text says                    affiliation
================================ ==================================================================
*le ministère de l'Intérieur*,   the government of the country named in it (*le ministère
*la préfecture*, *le préfet*,    azerbaïdjanais*, *l'ambassade d'Azerbaïdjan* → Azerbaïdjan), else
*l'ambassadrice de France*       France: a French public body is France's
*le maire de Brest*, *la mairie* the commune: ``commune de Brest``
*la CGT*, *le cabinet Occurrence* itself (a body speaks for itself)
*Paul Guen, directeur d'Enedis*  the organisation of the role (Enedis), and so on through it
*un responsable ukrainien*       the government of the nationality (Ukraine)
anything else (a person, a       ``unknown``: the learner can correct it (:mod:`helpers.display.
source with no role)             widgets.actors`)
================================ ==================================================================

Written by hand: no library knows what a French news phrase says about allegiance.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from helpers.core.actors import UNKNOWN, countries
from helpers.core.actors import known_actor as actor
from helpers.core.text import fold

DATA = Path(__file__).resolve().parent / "data" / "affiliation_words.csv"


@lru_cache(maxsize=1)
def _words() -> dict[str, str]:
    """word → what it makes its holder speak for: ``government``, ``local``."""
    with open(DATA, encoding="utf-8", newline="") as fh:
        return {r["word"]: r["speaks_for"] for r in csv.DictReader(fh)}


@lru_cache(maxsize=1)
def _nationalities() -> tuple[tuple[str, str], ...]:
    """(adjective stem folded, country), longest first: ``azerbaidjanais`` → Azerbaïdjan."""
    pairs = [(fold(adj), c["country"]) for c in countries()
             for adj in c["adjectives"].split("|") if adj]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def _words_of(text: str) -> list[str]:
    return re.findall(r"[\w'-]+", text.lower())


def country_in(text: str) -> str:
    """The country a phrase names: a nationality (``ministère azerbaïdjanais``) or ``de``/``d'``
    + a country (``ambassade d'Azerbaïdjan``, ``ambassadrice de France``); ``""`` when none."""
    folded = fold(text)
    for word in re.findall(r"[\w-]+", folded):
        for stem, country in _nationalities():
            if word.startswith(stem):
                return country
    for c in countries():
        name = fold(c["country"])
        if re.search(rf"\b(?:de|d'|du|des)\s*{re.escape(name)}\b", folded):
            return c["country"]
    return ""


def _kind_of_body(text: str) -> str:
    words = _words()
    found = [words[w] for w in _words_of(text) if w in words]
    if "government" in found:
        return "government"
    return found[0] if found else ""


def _commune(text: str) -> str:
    """``maire de Plouguerneau`` → ``commune de Plouguerneau``."""
    m = re.search(r"\b(?:de|d'|du)\s*((?:[A-ZÉÈÎÔ][\w'-]*\s?)+)", text)
    if not m:
        return UNKNOWN
    place = m.group(1).strip()
    return f"commune d'{place}" if fold(place[:1]) in "aeiouy" else f"commune de {place}"


_NAME = r"[A-ZÉÈ][\w'-]*(?:\s(?:de la|de l'|du|des|de|d'|et)?\s?[A-ZÉÈ][\w'-]*)*"


def _organisation_in(role: str) -> str:
    """The organisation a role names: a known body or medium anywhere in it (``secrétaire de
    l'union départementale CGT`` → CGT, ``économiste à l'OFCE``), else a name after *à*, *au*,
    *chez* (``chargée de mission à la Fondation X``); ``""`` when the role names none
    (``spécialiste du Caucase``)."""
    for m in re.finditer(_NAME, role):
        known = actor(m.group(0))
        if known is None and " " in m.group(0):
            known = next((actor(w) for w in m.group(0).split() if actor(w)), None)
        if known is not None and known.kind in {"institution", "media"}:
            return known.canonical
    m = re.search(rf"\b(?:à la|à l'|au|aux|à|chez)\s*({_NAME})", role)
    return m.group(1).strip() if m else ""


def derive_affiliation(name: str, kind: str, role: str = "") -> str:
    """The affiliation the text gives an actor (see the module docstring), or ``unknown``."""
    known = actor(name)
    if known is not None and known.speaks_for:
        return known.speaks_for
    text = f"{name} {role}".strip()
    body = _kind_of_body(text)
    if body == "local":
        return _commune(text)
    if body == "government":
        return country_in(text) or "France"
    if kind == "person" and role:
        org = _organisation_in(role)
        if org:
            return derive_affiliation(org, "institution")
    if kind in {"institution", "media"}:
        return known.canonical if known is not None else name
    if kind == "anonymous":
        return country_in(text) or UNKNOWN
    return UNKNOWN
