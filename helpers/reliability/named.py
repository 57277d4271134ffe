"""Who a conclusion paragraph names, for the checker (:mod:`.conclusion`): the story's actors (the
actor table, its English names) and the speakers its claims table names, each folded into its
origin (:mod:`.origin_rule`), and whether a mention is a denial or a silence, which is not an
origin ("Russia denied it", "North Korea confirmed nothing", *le Kremlin a démenti*).

A speaker the claims table names is found by its full name, a person by their surname, and a
body by its head word in French or English (*la préfecture*, "the prefecture"; *le ministre de
l'Intérieur*, "the minister": ``data/role_words.csv``). Written by hand: no library knows which
names of a paragraph are a story's sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from helpers import SEEDS_DIR
from helpers.core.actors import actor, load_actors, side_of
from helpers.core.datafiles import read_table
from helpers.core.story import OTHER, Story, active_story, load_story, story_in_use
from helpers.reliability.estimative import key, phrase, plain
from helpers.reliability.origin_rule import origin as origin_of_speaker

DATA_DIR = Path(__file__).resolve().parent / "data"

__all__ = ["Mention", "Name", "find_names", "names_of_story", "speakers_of"]


@dataclass(frozen=True)
class Name:
    canonical: str  # the actor table's name, or the claims table's
    kind: str
    side: str
    label: str
    origin: str  # the government or body it speaks for (itself when none)

    @property
    def side_key(self) -> str:
        """What independence is judged on: its side, or its origin when it has none."""
        return self.origin if self.side in ("", OTHER) else self.side


@dataclass(frozen=True)
class Mention:
    name: Name
    written: str
    start: int
    end: int
    denied: str = ""  # "denial", "silence" or ""


def _name(canonical: str, kind: str, label: str = "") -> Name:
    origin = origin_of_speaker(canonical) or canonical
    side = side_of(origin) or side_of(canonical)
    return Name(canonical, kind, side, label, origin)


def _english_aliases(story: Story) -> pd.DataFrame:
    """The English names of the story's actors (its ``english_aliases.csv``, if it has one)."""
    return read_table(story.path("english_aliases"), columns=["canonical", "display", "aliases"])


@lru_cache(maxsize=1)
def _role_words() -> dict[str, list[str]]:
    table = read_table(DATA_DIR / "role_words.csv", columns=["french", "english"])
    return {plain(r.french).lower(): [w for w in r.english.split("|") if w]
            for r in table.itertuples()}


def _actor_surfaces(story: Story) -> list[tuple[str, Name]]:
    """(surface, name) of the actor table's names and aliases and their English names."""
    out = []
    with story_in_use(story.folder):  # the actor table of this story, whichever is in use
        actors = load_actors().set_index("canonical")
    for canonical, row in actors.iterrows():
        name = _name(canonical, row["kind"], row["label"])
        out += [(s, name) for s in [canonical, *row["aliases"]]]
    for row in _english_aliases(story).itertuples():
        if row.canonical not in actors.index:  # a name the story's actor table lacks
            continue
        name = _name(row.canonical, actors.loc[row.canonical, "kind"],
                     actors.loc[row.canonical, "label"])
        out += [(s, name) for s in row.aliases.split("|")]
    if story.folder != SEEDS_DIR.resolve():  # a story's own table, beside its articles
        for row in story.actors.itertuples():
            name = _name(row.canonical, row.kind, row.label)
            out += [(s, name) for s in [row.canonical, *str(row.aliases).split("|")]]
    return out


def _speaker_surfaces(speakers: tuple[tuple[str, str], ...]) -> list[tuple[str, Name]]:
    """(surface, name) of the claims table's speakers (most quoted first): full name, then a
    person's surname, then a body's head word in French and English."""
    full, short = [], []
    for speaker, kind in speakers:
        found = actor(speaker)
        name = _name(found.canonical if found else speaker, found.kind if found else kind)
        full.append((speaker, name))
        words = speaker.replace(",", " ").split()
        if name.kind == "person" and len(words) > 1 and words[-1][:1].isupper():
            short.append((words[-1], name))
        head = plain(words[0]).lower() if words else ""
        if head in _role_words():
            short += [(w, name) for w in [words[0], *_role_words()[head]]]
    return full + short


@lru_cache(maxsize=8)
def _compiled(folder: Path, speakers: tuple[tuple[str, str], ...]
              ) -> tuple[re.Pattern, dict[str, Name]]:
    story = load_story(folder)
    surfaces: dict[str, tuple[str, Name]] = {}
    for surface, name in [*_actor_surfaces(story), *_speaker_surfaces(speakers)]:
        folded = plain(surface).lower().strip()
        if len(folded) > 1 and folded not in surfaces:
            surfaces[folded] = (surface.strip(), name)
    ordered = sorted(surfaces.values(), key=lambda item: len(item[0]), reverse=True)
    # a short acronym (GUR, NIS, EU) must be in capitals: "eu" is French for "had"; but "Nato"
    rx = re.compile(
        "|".join(phrase(s, case_sensitive=s.isupper() and len(s) <= 3) for s, _ in ordered),
        re.I,
    ) if ordered else re.compile("(?!)")
    return rx, {plain(s).lower(): n for s, n in ordered}


def speakers_of(claims: pd.DataFrame | None) -> tuple[tuple[str, str], ...]:
    """The claims table's speakers with their kind, most quoted first."""
    if claims is None or not len(claims) or "speaker" not in claims.columns:
        return ()
    said = claims[claims["speaker"].fillna("").str.strip() != ""]
    kinds = (said["speaker_kind"].fillna("") if "speaker_kind" in said.columns
             else pd.Series("", index=said.index))
    order = said["speaker"].value_counts(sort=True)
    first_kind = dict(zip(said["speaker"], kinds, strict=True))
    return tuple((str(s), str(first_kind.get(s, ""))) for s in order.index)


def names_of_story(story: Story | None = None, claims: pd.DataFrame | None = None
                   ) -> tuple[re.Pattern, dict[str, Name]]:
    """One regex for every name the checker knows in ``story`` (and its ``claims``), and
    ``{folded name: Name}``."""
    return _compiled((story or active_story()).folder, speakers_of(claims))


@lru_cache(maxsize=1)
def _cues() -> tuple[list[tuple[str, re.Pattern]], list[tuple[str, re.Pattern]]]:
    table = read_table(DATA_DIR / "denial_cues.csv", columns=["kind", "position", "pattern"])
    after = [(r.kind, re.compile(r"\s*,?\s*(?:" + r.pattern + ")")) for r in table.itertuples()
             if r.position == "after"]
    before = [(r.kind, re.compile(r.pattern)) for r in table.itertuples()
              if r.position == "before"]
    return after, before


def denial(text: str, start: int, end: int) -> str:
    """``"denial"`` or ``"silence"`` when the words around the name at ``text[start:end]`` (plain,
    see :func:`helpers.reliability.estimative.plain`) deny or say nothing; else ``""``."""
    after, before = _cues()
    following = text[end:end + 80].lower()
    for kind, rx in after:
        if rx.match(following):
            return kind
    preceding = text[max(0, start - 40):start].lower()
    return next((kind for kind, rx in before if rx.search(preceding)), "")


def find_names(folded: str, story: Story | None = None,
               claims: pd.DataFrame | None = None) -> list[Mention]:
    """Every name of the story in ``folded`` (plain text), in order, with its denial."""
    rx, names = names_of_story(story, claims)
    return [Mention(names[key(m.group(0))], m.group(0), m.start(), m.end(),
                    denial(folded, m.start(), m.end())) for m in rx.finditer(folded)]
