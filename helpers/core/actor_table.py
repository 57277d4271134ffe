"""The actor table itself: an :class:`Actor`, a :class:`Mention` of one in a Doc, an
:class:`ActorTable` looked up by name or alias, and the learner's corrections applied to one
(:func:`corrected`). Which tables are in use, and for which story, is :mod:`helpers.core.actors`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

import pandas as pd

from helpers.core.text import fold

KINDS = ("person", "institution", "media", "anonymous")
#: An affiliation the text does not give.
UNKNOWN = "unknown"
#: Columns of a learner's corrections (:func:`helpers.core.actors.save_corrections`).
CORRECTION_COLUMNS = ["name", "kind", "affiliation", "same_as"]


@dataclass(frozen=True)
class Actor:
    canonical: str
    kind: str
    side: str = ""
    gender: str = ""  # "m", "f" or ""
    number: str = ""  # "s", "p" or ""
    label: str = ""
    #: the government, organisation or side this actor speaks for (Blinken → États-Unis), ""
    #: when the text does not say: two officials of one government are one origin.
    speaks_for: str = ""
    aliases: tuple[str, ...] = ()
    #: what the actor is, for a later bare mention (Insee → "institut": *l'institut*)
    is_a: tuple[str, ...] = ()

    @property
    def affiliation(self) -> str:
        return self.speaks_for


@dataclass(frozen=True)
class Mention:
    """An alias of a known actor found in a Doc: tokens ``start:end``."""

    start: int
    end: int
    actor: Actor


def _normalise(text: str) -> str:
    # same typography fixes as helpers.nlp.normalise, without importing spaCy
    text = unicodedata.normalize("NFC", text)
    return text.replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ")


def _key(text: str) -> str:
    """Lookup key for an alias: lower case, plain apostrophes and spaces, no leading article."""
    text = _normalise(text).strip().lower()
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"^(?:l'|le |la |les |un |une |des |de |d'|du )", "", text)


def name_key(text: str) -> str:
    """:func:`_key` without accents: how two spellings of one name are compared."""
    return fold(_key(text))


class ActorTable:
    """Actors by canonical name and by alias (first listed wins)."""

    def __init__(self, actors=()):
        self.actors: dict[str, Actor] = {}
        self.by_alias: dict[str, Actor] = {}
        for a in actors:
            self.add(a)

    def add(self, a: Actor) -> None:
        # an earlier layer wins: the same name, or a name it lists as an alias (a learner's
        # merge, the story's "Kiev" for the lexicon's country)
        if a.canonical in self.actors or _key(a.canonical) in self.by_alias:
            return
        self.actors[a.canonical] = a
        for alias in (a.canonical, *a.aliases):
            if alias:
                self.by_alias.setdefault(_key(alias), a)
                self.by_alias.setdefault(name_key(alias), a)

    def get(self, name: str) -> Actor | None:
        if not name:
            return None
        return (self.actors.get(name) or self.by_alias.get(_key(name))
                or self.by_alias.get(name_key(name)))

    def __iter__(self):
        return iter(self.actors.values())

    def __len__(self) -> int:
        return len(self.actors)


def _split(value: str) -> tuple[str, ...]:
    return tuple(a for a in (value or "").split("|") if a)


def _actor_of_row(r: dict) -> Actor:
    return Actor(r["canonical"], r.get("kind", ""), r.get("side", ""),
                 r.get("gender", ""), r.get("number", ""), r.get("label", ""),
                 r.get("speaks_for", r.get("affiliation", "")), _split(r.get("aliases", "")),
                 _split(r.get("is_a", "")))


def corrected(base: ActorTable, fixes: pd.DataFrame) -> list[Actor]:
    """The learner's corrections as actors: a kind or an affiliation changed, or a name made
    an alias of another actor (``same_as``)."""
    out: dict[str, Actor] = {}
    for fix in fixes.itertuples(index=False):
        target_name = fix.same_as.strip() or fix.name.strip()
        known = out.get(target_name) or base.get(target_name) or Actor(target_name, "")
        aliases = known.aliases + ((fix.name,) if fix.same_as.strip() else ())
        changes = {"aliases": tuple(dict.fromkeys(aliases))}
        if fix.kind in KINDS and not fix.same_as.strip():
            changes["kind"] = fix.kind
        if fix.affiliation.strip() and not fix.same_as.strip():
            changes["speaks_for"] = "" if fix.affiliation.strip() == UNKNOWN else (
                fix.affiliation.strip())
        out[known.canonical] = replace(known, **changes)
    return list(out.values())
