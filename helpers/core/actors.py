"""Who is who in a story: actors, their aliases and affiliations, and their mentions in a Doc.

An actor has a ``canonical`` name, ``aliases`` (as written in French news), a ``kind``
(``person``, ``institution``, ``media``, ``anonymous``), a ``side`` (one of the story's
``sides.csv``, or ``other``), a grammatical ``gender``/``number`` (to resolve *il*, *elle*,
*selon eux*) and an **affiliation**: the government, organisation or side it speaks for
(``speaks_for`` in a story's ``actors.csv``). Two officials of one government relaying one
assessment are one origin: :func:`origin_of` is what corroboration counts.

Four layers of knowledge, the later ones correcting the earlier ones:

1. **French news** (``helpers/core/data/french_actors.csv``, ``countries.csv``): metonyms
   (*Place Beauvau*, *le Quai d'Orsay*, *Bercy*, *Matignon*), national bodies, unions, media,
   countries and their capitals (*Bakou*, *Washington*). No story in them.
2. **Actors found** in the story's text (:func:`helpers.claims.story_actors.story_actors`,
   registered here by :func:`register_found`): names, roles, affiliations read from the text.
3. **The story's own table** (``actors.csv`` beside its articles): the story's corrections. The
   course's story has one; the rules must not need it.
4. **The learner's corrections** (saved with their work, :func:`save_corrections`).

The story is the one being analysed (:func:`helpers.core.story.active_story`). Attribution
(:func:`find_actors`, :func:`canonical_actor`) reads layers 1, 3 and 4 only: a sentence's
speaker never depends on what other articles say, so each article's claims can be cached on
their own. Lookups made after a run (:func:`actor`, :func:`origin_of`, :func:`side_of`) read
all four.

>>> actor("Place Beauvau").canonical
"ministère de l'Intérieur"
>>> origin_of("Place Beauvau")
'France'
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from helpers import DATA_DIR
from helpers.core import workspace
from helpers.core.actor_table import (  # KINDS, UNKNOWN, Actor, name_key: imported from here too
    CORRECTION_COLUMNS,
    KINDS,
    UNKNOWN,
    Actor,
    ActorTable,
    Mention,
    _actor_of_row,
    _normalise,
    _split,
    corrected,
    name_key,
)

__all__ = [
    "KINDS", "UNKNOWN", "Actor", "ActorTable", "Mention", "actor", "actors_fingerprint",
    "affiliation_of", "canonical_actor", "corrections", "countries", "country_adjective",
    "find_actors", "known_actor", "load_actors", "lookup_table", "matching_table", "media",
    "name_key", "origin_of", "register_found", "ruler_patterns", "save_corrections",
    "side_names", "side_of", "side_role", "sides", "tables_key", "use_tokenizer",
]  # fmt: skip
from helpers.core.datafiles import read_rows, read_table
from helpers.core.story import OTHER, active_story

#: the story's aliases match case-insensitively ("Les Renseignements Ukrainiens")
MATCH_ATTR = "LOWER"
SIDE_COLUMNS = ["side", "role", "interest", "colour"]
FRENCH_ACTORS_CSV = DATA_DIR / "french_actors.csv"
COUNTRIES_CSV = DATA_DIR / "countries.csv"


@lru_cache(maxsize=1)
def countries() -> tuple[dict, ...]:
    """``countries.csv``: country, adjectives, capitals, gender (generic French knowledge)."""
    return tuple(read_rows(COUNTRIES_CSV))


@lru_cache(maxsize=256)
def country_adjective(name: str) -> str:
    """The adjective of a country (``Russie`` → ``russe``), ``""`` for anything else."""
    row = next((c for c in countries() if c["country"] == name), None)
    return _split(row["adjectives"])[0] if row else ""


@lru_cache(maxsize=1)
def french_actors() -> tuple[Actor, ...]:
    """Layer 1: the French news lexicon and the countries with their capitals (a capital
    stands for its government: *Bakou a rappelé son ambassadeur*)."""
    out = [_actor_of_row({**r, "label": "PER" if r["kind"] == "person" else "ORG"})
           for r in read_rows(FRENCH_ACTORS_CSV)]
    for c in countries():
        out.append(Actor(c["country"], "institution", "", c["gender"], "s", "LOC",
                         c["country"], _split(c["capitals"]), ("pays", "État")))
    return tuple(out)


def _article_variants(alias: str) -> list[str]:
    """``Le Monde`` is also written ``le Monde``, and a metonym in lower case also opens a
    sentence (``rue de Grenelle``: *Rue de Grenelle, on assure…*)."""
    m = re.match(r"^(Le|La|Les|L')(\s?)(.+)", alias)
    if m:
        return [alias, f"{m.group(1).lower()}{m.group(2)}{m.group(3)}"]
    if alias[:1].islower():
        return [alias, alias[:1].upper() + alias[1:]]
    return [alias]


# ----------------------------------------------------------------------------- the story


def _story_folder() -> Path:
    return active_story().folder


@lru_cache(maxsize=8)
def _story_sides(folder: Path) -> pd.DataFrame:
    table = read_table(folder / "sides.csv", columns=SIDE_COLUMNS)
    for column in SIDE_COLUMNS:
        if column not in table.columns:
            table[column] = ""
    if OTHER not in set(table["side"]):
        other = pd.DataFrame([{"side": OTHER, "role": "other", "interest": "", "colour": ""}])
        table = pd.concat([table, other], ignore_index=True)
    return table[SIDE_COLUMNS]


def sides() -> pd.DataFrame:
    """The story's sides (``sides.csv``): ``side, role, interest, colour``, in the order charts
    list them; ``other`` is always there, last. A fresh copy on every call."""
    return _sides().copy()


def _sides() -> pd.DataFrame:
    return _story_sides(_story_folder())


def side_names() -> tuple[str, ...]:
    """The story's sides, in order (``other`` last)."""
    return tuple(_sides()["side"])


def side_role(side: str) -> str:
    """``belligerent``, ``backer``, ``adversary``, ``other`` (``""`` for an unknown side)."""
    table = _sides()
    return dict(zip(table["side"], table["role"], strict=True)).get(side, "")


@lru_cache(maxsize=8)
def _story_rows(folder: Path) -> tuple[dict, ...]:
    path = folder / "actors.csv"
    rows = tuple(read_rows(path))
    names = tuple(_story_sides(folder)["side"])
    for row in rows:
        if row["kind"] not in KINDS or row["side"] not in names:
            raise ValueError(f"{path.name}: bad kind or side for {row['canonical']!r}")
    return rows


def _rows() -> tuple[dict, ...]:
    """The story's own table (``actors.csv``), as rows of strings."""
    return _story_rows(_story_folder())


def load_actors() -> pd.DataFrame:
    """The story's own actor table (``actors.csv``, ``aliases`` as lists), with the learner's
    corrections applied; a fresh copy on every call."""
    rows = [dict(r) for r in _rows()]
    columns = ["canonical", "aliases", "kind", "side", "gender", "number", "label", "speaks_for"]
    df = pd.DataFrame(rows, columns=list(dict.fromkeys(columns + [k for r in rows for k in r])))
    df["aliases"] = df["aliases"].fillna("").map(lambda s: [a for a in s.split("|") if a])
    return df


# ----------------------------------------------------------------------------- corrections


def corrections_key(folder: Path | None = None) -> str:
    """The workspace key of the learner's corrections to a story's actors."""
    name = Path(folder or _story_folder()).name or "story"
    return "actors." + (re.sub(r"[^A-Za-z0-9_.-]", "_", name)[:80] or "story")


@lru_cache(maxsize=32)
def _corrections_path(root: Path, folder: Path) -> str:
    return str(root / f"{corrections_key(folder)}.json")


def _corrections_stamp(folder: Path) -> tuple:
    """What changes when the corrections file does (read on every look-up: a stat, no JSON;
    the path is built once per work folder and story, most of a look-up's cost before)."""
    path = _corrections_path(workspace.root(), folder)
    try:
        st = os.stat(path)
    except OSError:
        return (path, None)
    return (path, st.st_mtime_ns, st.st_size)


def corrections(folder: Path | None = None) -> pd.DataFrame:
    """The learner's corrections to the story's actors (:data:`CORRECTION_COLUMNS`)."""
    folder = Path(folder or _story_folder())
    return _corrections(folder, _corrections_stamp(folder)).copy()


@lru_cache(maxsize=8)
def _corrections(folder: Path, stamp: tuple) -> pd.DataFrame:
    data = workspace.load(corrections_key(folder), default=None)
    table = pd.DataFrame(data) if data is not None else pd.DataFrame()
    for column in CORRECTION_COLUMNS:
        if column not in table.columns:
            table[column] = ""
    return table[CORRECTION_COLUMNS].fillna("").astype(str)


def save_corrections(table: pd.DataFrame, folder: Path | None = None) -> Path:
    """Save the learner's corrections (rows of :data:`CORRECTION_COLUMNS`; ``same_as`` names
    the actor a row is the same as) with their work, for the story in ``folder``."""
    table = pd.DataFrame(table).copy()
    for column in CORRECTION_COLUMNS:
        if column not in table.columns:
            table[column] = ""
    table = table[CORRECTION_COLUMNS].fillna("").astype(str)
    table = table[table["name"].str.strip() != ""]
    return workspace.save(corrections_key(folder), table.reset_index(drop=True))


# ----------------------------------------------------------------------------- the tables in use

#: Layer 2, by story folder: the actors found in its text (:func:`register_found`), and a
#: count of registrations (what the look-up table's cache is keyed on).
_FOUND: dict[Path, ActorTable] = {}
_FOUND_VERSION = [0]


def register_found(actors, folder: Path | None = None) -> None:
    """Make the actors found in a story's text (a DataFrame of
    :func:`helpers.claims.story_actors.story_actors`, or Actors) known to :func:`actor` and
    :func:`origin_of` for that story (the story in use by default)."""
    folder = Path(folder or _story_folder())
    if isinstance(actors, pd.DataFrame):
        actors = [Actor(r.name, r.kind, getattr(r, "side", ""), getattr(r, "gender", ""),
                        getattr(r, "number", ""), "",
                        "" if r.affiliation == UNKNOWN else r.affiliation,
                        tuple(a for a in r.aliases if a != r.name))
                  for r in actors.itertuples(index=False)]
    _FOUND[folder] = ActorTable(actors)
    _FOUND_VERSION[0] += 1


def found_actors(folder: Path | None = None) -> ActorTable:
    return _FOUND.get(Path(folder or _story_folder()), ActorTable())


@lru_cache(maxsize=16)
def _matching_table(folder: Path, stamp: tuple) -> ActorTable:
    """Layers 4, 3 and 1 (what attribution reads), the learner's first."""
    story = ActorTable(_actor_of_row(r) for r in _story_rows(folder))
    generic = ActorTable(french_actors())
    base = ActorTable([*story, *generic])
    return ActorTable([*corrected(base, _corrections(folder, stamp)), *story, *generic])


def matching_table() -> ActorTable:
    folder = _story_folder()
    return _matching_table(folder, _corrections_stamp(folder))


def lookup_table() -> ActorTable:
    """All four layers: corrections, the story's table, the actors found, French news."""
    folder = _story_folder()
    stamp = _corrections_stamp(folder)
    return _lookup_table(folder, stamp, _FOUND_VERSION[0])


@lru_cache(maxsize=16)
def _lookup_table(folder: Path, stamp: tuple, version: int) -> ActorTable:
    story = ActorTable(_actor_of_row(r) for r in _story_rows(folder))
    found = _FOUND.get(folder, ActorTable())
    generic = ActorTable(french_actors())
    base = ActorTable([*story, *found, *generic])
    return ActorTable([*corrected(base, _corrections(folder, stamp)), *story, *found,
                       *generic])


def actors_fingerprint() -> str:
    """What the claims of an article depend on beyond its text: the story's table and the
    learner's corrections (for cache keys)."""
    folder = _story_folder()
    rows = [tuple(sorted(r.items())) for r in _story_rows(folder)]
    fixes = _corrections(folder, _corrections_stamp(folder)).to_records(index=False).tolist()
    import hashlib

    return hashlib.sha256(repr((str(folder), rows, fixes)).encode()).hexdigest()[:16]


# ----------------------------------------------------------------------------- look-ups


def media() -> tuple[Actor, ...]:
    """Every medium the rules know for the story in use: the French news lexicon's, the
    story's and the learner's."""
    return tuple(a for a in matching_table() if a.kind == "media")


def tables_key() -> tuple:
    """What the tables of the story in use depend on (for caches built from them)."""
    folder = _story_folder()
    return (folder, _corrections_stamp(folder))


def known_actor(name: str) -> Actor | None:
    """An actor the French news lexicon, the story's table or the learner's corrections know
    (not the actors found in the text: what the rules may rely on)."""
    return matching_table().get(name)


def actor(name: str) -> Actor | None:
    """The :class:`Actor` whose canonical name or alias is ``name`` (any case), else None."""
    return lookup_table().get(name)


def side_of(name: str) -> str:
    """The side of the actor named ``name`` (canonical name or alias), ``""`` when the story
    does not know it."""
    found = actor(name) if name else None
    return found.side if found else ""


def affiliation_of(name: str) -> str:
    """The government, organisation or side ``name`` speaks for, :data:`UNKNOWN` when the text
    does not say (and ``""`` for no name)."""
    if not name:
        return ""
    found = actor(name)
    return found.speaks_for if found and found.speaks_for else UNKNOWN


def origin_of(name: str) -> str:
    """The origin a speaker's claims come from: the government or body they speak for, its
    affiliation (``"Antony Blinken"`` → ``"États-Unis"``, ``"Place Beauvau"`` → ``"France"``),
    else the speaker themself (an unknown affiliation is not shared with anyone); ``""`` stays
    ``""``."""
    found = actor(name) if name else None
    return (found.speaks_for or found.canonical) if found else name


def canonical_actor(text: str) -> str:
    """Canonical name for an alias (``"le président ukrainien"`` → ``"Volodymyr Zelensky"``)
    from the tables attribution reads; other text comes back stripped of its leading article,
    as written."""
    found = matching_table().get(text)
    if found:
        return found.canonical
    text = re.sub(r"\s+", " ", _normalise(text)).strip()
    text = re.sub(r"^(?:[Pp]lusieurs|[Cc]ertaine?s|[Qq]uelques|[Dd]e nombreu(?:x|ses)|[Ss]on|[Ss]a|"
                  r"[Ss]es|[Ll]eurs?) ", "", text)
    return re.sub(r"^(?:[Ll]'|[Ll]es? |[Ll]a |[Uu]ne? |[Dd]es |[Dd]e |[Dd]'|[Dd]u )", "", text)


# ----------------------------------------------------------------------------- in a Doc


def ruler_patterns() -> list[dict]:
    """EntityRuler patterns for the pipeline: French news knowledge only (layer 1), one phrase
    pattern per alias, ``id`` = canonical name. A story's own actors are not in the parse: they
    are found on the parsed Doc (:func:`find_actors`), so one parse serves every story."""
    patterns = []
    for a in french_actors():
        label = a.label or ("PER" if a.kind == "person" else "ORG")
        for alias in dict.fromkeys([a.canonical, *a.aliases]):
            for variant in _article_variants(_normalise(alias)):
                patterns.append({"label": label, "pattern": variant, "id": a.canonical})
    return patterns


_MATCHERS: dict[tuple, object] = {}
_TOKENIZERS: dict[int, object] = {}


def use_tokenizer(nlp) -> None:
    """Tokenize the aliases of :func:`find_actors` as ``nlp`` does, for Docs of its vocab (the
    course's pipeline registers itself when it is built)."""
    _TOKENIZERS[id(nlp.vocab)] = nlp.tokenizer


def _tokenizer(vocab):
    if id(vocab) not in _TOKENIZERS:
        # a Doc read back or from another pipeline: spaCy's French rules, with the course's
        # (Breton names and compound nouns whole)
        import spacy

        from helpers.core.tokenizer import course_tokenizer

        _TOKENIZERS[id(vocab)] = course_tokenizer(spacy.blank("fr", vocab=vocab)).tokenizer
    return _TOKENIZERS[id(vocab)]


def _matchers(vocab, table: ActorTable):
    """Two PhraseMatchers over the aliases of ``table``: the story's and the learner's
    case-insensitive, French news' as written (``Intérieur`` but not *à l'intérieur*)."""
    key = (id(vocab), id(table))
    if key not in _MATCHERS:
        from spacy.matcher import PhraseMatcher

        tokenizer = _tokenizer(vocab)
        generic = {a.canonical for a in french_actors()}
        lower = PhraseMatcher(vocab, attr=MATCH_ATTR)
        exact = PhraseMatcher(vocab, attr="ORTH")
        for a in table:
            # an anonymous source's canonical label ("responsables sud-coréens") is too generic
            # to match on its own: only its listed aliases ("des responsables sud-coréens") do
            names = [] if a.kind == "anonymous" else [a.canonical]
            aliases = [v for n in dict.fromkeys([*names, *a.aliases]) if n
                       for v in _article_variants(_normalise(n))]
            matcher = exact if a.canonical in generic else lower
            matcher.add(a.canonical, [tokenizer(alias) for alias in dict.fromkeys(aliases)])
        if len(_MATCHERS) > 8:
            _MATCHERS.clear()
        _MATCHERS[key] = (lower, exact, table)  # the table is kept so its id stays its own
    return _MATCHERS[key][:2]


def find_actors(doc) -> list[Mention]:
    """Known actors mentioned in ``doc`` (longest match wins), in text order. Read-only."""
    from spacy.util import filter_spans

    table = matching_table()
    names = {}
    for matcher in _matchers(doc.vocab, table):
        for m, s, e in matcher(doc):
            names.setdefault((s, e), doc.vocab.strings[m])
    spans = [doc[s:e] for s, e in names if not _inside_a_word(doc, s, e)]
    kept = sorted(filter_spans(spans), key=lambda sp: sp.start)
    return [Mention(sp.start, sp.end, table.actors[names[(sp.start, sp.end)]]) for sp in kept]


def _inside_a_word(doc, s: int, e: int) -> bool:
    """``FSU`` in ``SNUipp-FSU``: an alias glued by a hyphen to a longer name is not a
    mention."""
    before = s > 0 and doc[s - 1].text == "-" and not doc[s - 1].whitespace_
    after = e < len(doc) and doc[e].text == "-" and not doc[e - 1].whitespace_
    return before or after
