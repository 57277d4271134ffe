"""Who is who in the reports: the actor table, an EntityRuler built from it, and alias lookup.

``helpers/data/actors.csv`` holds one row per actor of the seed articles (and a few more):
``canonical`` name, ``aliases`` (``|``-separated, as written in French news), ``kind``
(``person``, ``institution``, ``media``, ``anonymous``), ``side`` (Ukraine, Russia, North Korea,
United States, South Korea, NATO, EU, other), grammatical ``gender``/``number`` (used to resolve
*il*, *elle*, *selon eux*) and the entity ``label`` the ruler gives it.

>>> load_actors().set_index("canonical").loc["GUR", "side"]
'Ukraine'
>>> canonical_actor("Volodymyr Zelenskiy")
'Volodymyr Zelensky'

Two ways to use the table on parsed text, both from the same patterns:

* :func:`add_actor_ruler` adds spaCy's ``EntityRuler`` (plus :func:`fix_entities`, which drops the
  small model's known mistakes such as "Citant" tagged as a person) to a pipeline, once. Docs
  parsed afterwards carry the corrected ``doc.ents`` with the canonical name in ``ent.ent_id_``;
  this is what displaCy shows.
* :func:`find_actors` runs the same aliases through a ``PhraseMatcher`` on a Doc that is already
  parsed, without changing it. :mod:`helpers.claims` uses this, so it gives the same answer
  whether or not the Doc went through the ruler.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

DATA_DIR = Path(__file__).resolve().parent / "data"
ACTORS_CSV = DATA_DIR / "actors.csv"
ENTITY_FIXES_CSV = DATA_DIR / "entity_fixes.csv"

KINDS = ("person", "institution", "media", "anonymous")
SIDES = ("Ukraine", "Russia", "North Korea", "United States", "South Korea", "NATO", "EU", "other")
RULER_NAME = "actor_ruler"
FIXES_NAME = "entity_fixes"
#: the ruler's patterns match case-insensitively ("Les Renseignements Ukrainiens")
MATCH_ATTR = "LOWER"


@dataclass(frozen=True)
class Actor:
    canonical: str
    kind: str
    side: str
    gender: str  # "m", "f" or ""
    number: str  # "s", "p" or ""
    label: str
    #: the government or body this actor speaks for (Blinken → États-Unis), "" when none: two
    #: officials of one government relaying one intelligence assessment are one origin.
    speaks_for: str = ""


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


@lru_cache(maxsize=1)
def _rows() -> tuple[dict, ...]:
    with open(ACTORS_CSV, encoding="utf-8", newline="") as f:
        rows = tuple(csv.DictReader(f))
    for row in rows:
        if row["kind"] not in KINDS or row["side"] not in SIDES:
            raise ValueError(f"{ACTORS_CSV.name}: bad kind or side for {row['canonical']!r}")
    return rows


def load_actors() -> pd.DataFrame:
    """The actor table as a DataFrame (``aliases`` as lists); a fresh copy on every call."""
    df = pd.DataFrame([dict(r) for r in _rows()])
    df["aliases"] = df["aliases"].map(lambda s: [a for a in s.split("|") if a])
    return df


@lru_cache(maxsize=1)
def _by_canonical() -> dict[str, Actor]:
    return {
        r["canonical"]: Actor(r["canonical"], r["kind"], r["side"], r["gender"], r["number"],
                              r["label"], r.get("speaks_for", ""))
        for r in _rows()
    }


@lru_cache(maxsize=1)
def _by_alias() -> dict[str, Actor]:
    actors = _by_canonical()
    table: dict[str, Actor] = {}
    for r in _rows():
        for alias in [r["canonical"], *r["aliases"].split("|")]:
            if alias:
                table.setdefault(_key(alias), actors[r["canonical"]])
    return table


def actor(name: str) -> Actor | None:
    """The :class:`Actor` whose canonical name or alias is ``name`` (any case), else None."""
    return _by_canonical().get(name) or _by_alias().get(_key(name))


def origin_of(name: str) -> str:
    """The origin a speaker's claims come from: the government or body they speak for
    (``"Antony Blinken"`` → ``"États-Unis"``), else the speaker themself; ``""`` stays ``""``."""
    found = actor(name) if name else None
    return (found.speaks_for or found.canonical) if found else name


def canonical_actor(text: str) -> str:
    """Canonical name for an alias (``"le président ukrainien"`` → ``"Volodymyr Zelensky"``);
    text not in the table comes back stripped of its leading article, as written."""
    found = actor(text)
    if found:
        return found.canonical
    text = re.sub(r"\s+", " ", _normalise(text)).strip()
    return re.sub(r"^(?:[Ll]'|[Ll]es? |[Ll]a |[Uu]ne? |[Dd]es |[Dd]e |[Dd]'|[Dd]u )", "", text)


def ruler_patterns() -> list[dict]:
    """EntityRuler patterns: one phrase pattern per alias, ``id`` = canonical name."""
    patterns = []
    for r in _rows():
        if not r["label"]:  # anonymous sources are found by rule, not as entities
            continue
        for alias in dict.fromkeys([r["canonical"], *r["aliases"].split("|")]):
            if alias:
                patterns.append({"label": r["label"], "pattern": _normalise(alias),
                                 "id": r["canonical"]})
    return patterns


@lru_cache(maxsize=1)
def _entity_fixes() -> dict[str, str]:
    with open(ENTITY_FIXES_CSV, encoding="utf-8", newline="") as f:
        return {row["text"]: row["label"] for row in csv.DictReader(f)}


def fix_entities(doc):
    """Drop or relabel the small model's known entity mistakes (``entity_fixes.csv``).

    Entities set by the actor ruler (they have an ``ent_id_``) are kept as they are.
    """
    from spacy.tokens import Span

    fixes = _entity_fixes()
    ents = []
    for ent in doc.ents:
        text = ent.text.strip()
        if ent.ent_id_ or text not in fixes:
            ents.append(ent)
        elif fixes[text]:
            ents.append(Span(doc, ent.start, ent.end, label=fixes[text]))
    doc.ents = ents
    return doc


def add_actor_ruler(nlp):
    """Add the actor ``EntityRuler`` and :func:`fix_entities` after ``ner``; idempotent.

    Returns the ruler. Docs parsed *before* this call keep the statistical entities; tag their
    text again, or use :func:`find_actors`, which does not depend on the ruler.
    """
    from spacy.language import Language

    if RULER_NAME in nlp.pipe_names:
        return nlp.get_pipe(RULER_NAME)
    if FIXES_NAME not in Language.factories:
        Language.component(FIXES_NAME, func=fix_entities)
    where = {"after": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME,
                         config={"overwrite_ents": True, "phrase_matcher_attr": MATCH_ATTR},
                         **where)
    with nlp.select_pipes(enable=[]):  # the patterns need only the tokenizer
        ruler.add_patterns(ruler_patterns())
    nlp.add_pipe(FIXES_NAME, after=RULER_NAME)
    return ruler


_MATCHERS: dict[int, object] = {}


def _matcher(vocab):
    """A PhraseMatcher over all aliases (anonymous ones included), built once per vocab."""
    key = id(vocab)
    if key not in _MATCHERS:
        from spacy.matcher import PhraseMatcher

        from helpers.nlp import get_nlp

        tokenizer = get_nlp().tokenizer
        matcher = PhraseMatcher(vocab, attr=MATCH_ATTR)
        for r in _rows():
            # an anonymous source's canonical label ("responsables sud-coréens") is too generic to
            # match on its own: only its listed aliases ("des responsables sud-coréens") do
            names = [] if r["kind"] == "anonymous" else [r["canonical"]]
            aliases = dict.fromkeys([*names, *r["aliases"].split("|")])
            docs = [tokenizer(_normalise(a)) for a in aliases if a]
            matcher.add(r["canonical"], docs)
        _MATCHERS.clear()  # one pipeline per process in practice
        _MATCHERS[key] = matcher
    return _MATCHERS[key]


def find_actors(doc) -> list[Mention]:
    """Known actors mentioned in ``doc`` (longest match wins), in text order. Read-only."""
    from spacy.util import filter_spans

    actors = _by_canonical()
    matches = _matcher(doc.vocab)(doc)
    names = {(s, e): doc.vocab.strings[m] for m, s, e in matches}
    kept = sorted(filter_spans([doc[s:e] for _, s, e in matches]), key=lambda sp: sp.start)
    return [Mention(sp.start, sp.end, actors[names[(sp.start, sp.end)]]) for sp in kept]
