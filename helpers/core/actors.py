"""Who is who in a story: the actor table, alias lookup, sides, and actor mentions in a Doc.

The story's ``actors.csv`` (beside its articles; :mod:`helpers.core.story`) holds one row per
actor: ``canonical`` name, ``aliases`` (``|``-separated, as written in French news), ``kind``
(``person``, ``institution``, ``media``, ``anonymous``), ``side`` (one of the story's
``sides.csv``, or ``other``), grammatical ``gender``/``number`` (used to resolve *il*, *elle*,
*selon eux*), the entity ``label`` the ruler gives it and ``speaks_for`` (the government or body
it speaks for).

>>> actor("Volodymyr Zelenskiy").canonical
'Volodymyr Zelensky'
>>> side_of("le GUR")
'Ukraine'

Two ways to use the table on parsed text, both from the same aliases:

* the ``actor_ruler`` component (:mod:`helpers.core.components`) puts spaCy's ``EntityRuler`` in
  the pipeline: Docs carry the canonical name in ``ent.ent_id_``; this is what displaCy shows;
* :func:`find_actors` runs the same aliases through a ``PhraseMatcher`` on a Doc that is already
  parsed, without changing it. The claims use this, so they give the same answer whether or not
  the Doc went through the ruler.

The table is the course's story's (``seeds/``) whatever the corpus: see :mod:`helpers.core.story`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from helpers.core.datafiles import read_table
from helpers.core.story import OTHER, load_story
from helpers.core.text import normalise

KINDS = ("person", "institution", "media", "anonymous")
#: the ruler's patterns match case-insensitively ("Les Renseignements Ukrainiens")
MATCH_ATTR = "LOWER"
SIDE_COLUMNS = ["side", "role", "interest", "colour"]


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
    # the aliases are typed by hand: compose their accents as the loader does for articles
    return normalise(unicodedata.normalize("NFC", text))


def _key(text: str) -> str:
    """Lookup key for an alias: lower case, plain apostrophes and spaces, no leading article."""
    text = _normalise(text).strip().lower()
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"^(?:l'|le |la |les |un |une |des |de |d'|du )", "", text)


def sides() -> pd.DataFrame:
    """The story's sides (``sides.csv``): ``side, role, interest, colour``, in the order charts
    list them; ``other`` is always there, last. A fresh copy on every call."""
    return _sides().copy()


@lru_cache(maxsize=1)
def _sides() -> pd.DataFrame:
    table = read_table(load_story().path("sides"), columns=SIDE_COLUMNS)
    for column in SIDE_COLUMNS:
        if column not in table.columns:
            table[column] = ""
    if OTHER not in set(table["side"]):
        other = pd.DataFrame([{"side": OTHER, "role": "other", "interest": "", "colour": ""}])
        table = pd.concat([table, other], ignore_index=True)
    return table[SIDE_COLUMNS]


def side_names() -> tuple[str, ...]:
    """The story's sides, in order (``other`` last)."""
    return tuple(_sides()["side"])


def side_role(side: str) -> str:
    """``belligerent``, ``backer``, ``adversary``, ``other`` (``""`` for an unknown side)."""
    table = _sides()
    return dict(zip(table["side"], table["role"], strict=True)).get(side, "")


@lru_cache(maxsize=1)
def _rows() -> tuple[dict, ...]:
    path = load_story().path("actors")
    rows = tuple(load_story().rows("actors"))
    for row in rows:
        if row["kind"] not in KINDS or row["side"] not in side_names():
            raise ValueError(f"{path.name}: bad kind or side for {row['canonical']!r}")
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


def side_of(name: str) -> str:
    """The side of the actor named ``name`` (canonical name or alias), ``""`` when the story
    does not know it."""
    found = actor(name) if name else None
    return found.side if found else ""


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


_MATCHERS: dict[int, object] = {}
_TOKENIZERS: dict[int, object] = {}


def use_tokenizer(nlp) -> None:
    """Tokenize the aliases of :func:`find_actors` as ``nlp`` does, for Docs of its vocab (the
    course's pipeline registers itself when it is built)."""
    _TOKENIZERS[id(nlp.vocab)] = nlp.tokenizer


def _tokenizer(vocab):
    if id(vocab) not in _TOKENIZERS:  # a Doc from another pipeline: spaCy's French rules
        import spacy

        _TOKENIZERS[id(vocab)] = spacy.blank("fr", vocab=vocab).tokenizer
    return _TOKENIZERS[id(vocab)]


def _matcher(vocab):
    """A PhraseMatcher over all aliases (anonymous ones included), built once per vocab."""
    key = id(vocab)
    if key not in _MATCHERS:
        from spacy.matcher import PhraseMatcher

        tokenizer = _tokenizer(vocab)
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
