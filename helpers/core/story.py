"""A story is a folder: its articles, and beside them the story's own data, all optional.

>>> story = load_story()                     # the course's story: seeds/
>>> story.question.text
>>> load_story("my_articles/").question      # a learner's folder: the generic defaults

The helpers know French news, not any one story; what is particular to a story lives in its
folder (``seeds/README.md`` describes the course's files):

=========================== =====================================================================
``story.json``              the story's title, its question (what is counted, which figures
                            answer it and their scopes), the report's wording, the conclusion
                            checker's suggestions
``actors.csv``              the people and bodies of the story, their aliases, kind, side and
                            affiliation (``speaks_for``): corrections to what the rules find in
                            the text (:mod:`helpers.core.actors`), never needed by them
``english_aliases.csv``     their English names, for a conclusion written in English
``access.csv``              could each origin know what it reports?
``sides.csv``               the sides, their stake in the story and their colour in charts
``nationalities.csv``       adjectives that tell a speaker's side (*un responsable ukrainien*)
``units.csv``               nouns the story counts beyond the generic French units
``entity_fixes.csv``        the small model's entity mistakes on the story's names (not in the
                            parse any more: the generic fixes are ``helpers/core/data``)
``spelling_variants.csv``   the ways of writing the story's names (a trace of translation)
``translation_slips.csv``   English spellings of the story's names
``signal_examples.csv``     examples from the articles for the transparency signals' meanings
``exercises.json``          the course's exercises on this story, with their answers
``sources.csv``             what is known of each article (read by the loader)
=========================== =====================================================================

A folder without these files (a learner's, usually) gets the generic defaults: a question that
every figure with a number answers (the report asks the likeliest one,
:func:`helpers.figures.counted.with_question`), the actors found in its text (with the French news
lexicon), a title made from nothing story-specific. Notebook 05 writes the learner's question into
their folder's ``story.json`` (:func:`save_question`, from
:func:`helpers.figures.counted.choose_question`).

``load_story()`` without a folder is the course's story. The story *being analysed* is
:func:`active_story` (the course's until :func:`use_story` names another;
:func:`helpers.pipeline.run` names the folder its corpus was loaded from): the actor table and
the sides (:mod:`helpers.core.actors`) are that story's, so a learner's folder is never read
with the course's actors.
"""

from __future__ import annotations

import json
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from helpers import SEEDS_DIR
from helpers.core.datafiles import read_json, read_rows, read_table

#: The story's data files, by what they hold (the loader skips them: they are not articles).
FILES = {
    "story": "story.json",
    "actors": "actors.csv",
    "english_aliases": "english_aliases.csv",
    "access": "access.csv",
    "sides": "sides.csv",
    "nationalities": "nationalities.csv",
    "units": "units.csv",
    "entity_fixes": "entity_fixes.csv",
    "spelling_variants": "spelling_variants.csv",
    "translation_slips": "translation_slips.csv",
    "signal_examples": "signal_examples.csv",
    "exercises": "exercises.json",
}
#: What a figure with nobody named behind it is, in every table and chart.
UNATTRIBUTED = "unattributed"
#: The side of an actor whose side is unknown or outside the story's sides.
OTHER = "other"


@dataclass(frozen=True)
class Question:
    """What the story counts, and the rules that tell which figures answer it (notebook 03).

    A figure answers the question when what it counts is one of ``counts`` and its
    ``unit_kind`` one of ``unit_kinds`` (any, when empty) and no rule sets it aside: no number,
    an earlier event, the size of one unit in a derived total, a casualty count
    (``casualties``), another force (``other_forces``), or below ``min_value``.
    ``scopes`` label what a figure covers (in training, at the front…), first match wins.
    """

    text: str = "What do the figures count?"
    #: what the charts' value axis counts
    counted: str = "how many"
    #: what the figures answering it count (:func:`helpers.figures.counted.counts_of`: "mort",
    #: "manifestant", "soldat"); any, when empty
    counts: tuple[str, ...] = ()
    unit_kinds: tuple[str, ...] = ()
    min_value: float = 0
    casualties: re.Pattern | None = None
    other_forces: re.Pattern | None = None
    scopes: tuple[tuple[str, re.Pattern], ...] = ()
    #: why a figure that passes every rule is an estimate, in words
    answers: str = "what the story counts"
    timeline_title: str = "The figures, by the date they were stated"
    #: the roles whose figures notebook 04 and the report assess
    assessed_roles: tuple[str, ...] = ("estimate", "casualties")

    @classmethod
    def from_dict(cls, data: dict | None) -> Question:
        data = data or {}
        flags = re.I

        def pattern(key: str) -> re.Pattern | None:
            value = data.get(key)
            return re.compile(value, flags) if value else None

        kept = {k: data[k] for k in ("text", "counted", "answers", "timeline_title") if k in data}
        return cls(
            **kept,
            counts=tuple(data.get("counts", ())),
            unit_kinds=tuple(data.get("unit_kinds", ())),
            min_value=float(data.get("min_value", 0)),
            casualties=pattern("casualties"),
            other_forces=pattern("other_forces"),
            scopes=tuple((s["label"], re.compile(s["pattern"], flags))
                         for s in data.get("scopes", ())),
            assessed_roles=tuple(data.get("assessed_roles", ("estimate", "casualties"))),
        )


#: the title of a story whose folder names none (``title`` in its ``story.json``)
TITLE = "How the reports know what they say"


@dataclass(frozen=True)
class Story:
    """One story folder and what its data files say (see the module docstring)."""

    folder: Path
    title: str = TITLE
    question: Question = field(default_factory=Question)
    #: the report's wording, by key (``report_text`` gives a default for a missing key)
    report: dict = field(default_factory=dict)
    #: the conclusion checker's wording and suggestions
    conclusion: dict = field(default_factory=dict)

    def path(self, name: str) -> Path:
        """The path of one of :data:`FILES` in this story's folder (it may not exist)."""
        return self.folder / FILES[name]

    def rows(self, name: str) -> list[dict[str, str]]:
        """The rows of one of the story's CSV files (``[]`` when the folder has none)."""
        return read_rows(self.path(name))

    def files(self) -> list[Path]:
        """The story data files this folder has (what a cache must watch)."""
        return [p for p in (self.folder / f for f in FILES.values()) if p.is_file()]

    def table(self, name: str, columns: list[str] | None = None) -> pd.DataFrame:
        """One of the story's CSV files as a table of strings (empty, with ``columns``, when the
        folder has none): ``story.table("actors")``, ``story.table("sides")``."""
        return read_table(self.path(name), columns=columns)

    @property
    def actors(self) -> pd.DataFrame:
        """The story's actor table as written (:mod:`helpers.core.actors` reads it)."""
        return self.table("actors", columns=["canonical", "aliases", "kind", "side", "gender",
                                              "number", "label", "speaks_for", "note"])

    def report_text(self, key: str, default: str = "") -> str:
        """The report's wording for ``key`` (``story.json``), else ``default``."""
        return str(self.report.get(key, default))


def story_folder(path=None) -> Path:
    """The folder of a story: ``None`` is the course's (``seeds/``), a file means its folder."""
    folder = SEEDS_DIR if path is None else Path(path)
    return folder.parent if folder.is_file() else folder


def load_story(folder=None) -> Story:
    """The story in ``folder`` (``None``: the course's, ``seeds/``; a file: the folder it is
    in). Read again only when its ``story.json`` changes."""
    folder = story_folder(folder).resolve()
    return _load(folder, _stamp(folder / FILES["story"]))


def _stamp(path: Path) -> tuple:
    try:
        stat = path.stat()
    except OSError:
        return ()
    return (stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=1)
def _course() -> Story:
    folder = story_folder(None).resolve()
    return _load(folder, _stamp(folder / FILES["story"]))


@lru_cache(maxsize=16)
def _load(folder: Path, _stamp: tuple) -> Story:
    data = read_json(folder / FILES["story"], default={}) or {}
    question = Question.from_dict(data.get("question"))
    title = data.get("title") or (f"{question.text} {TITLE}" if data.get("question") else TITLE)
    return Story(folder=folder, title=title, question=question,
                 report=dict(data.get("report", {})), conclusion=dict(data.get("conclusion", {})))


def save_question(folder, question: dict) -> Story:
    """Write ``question`` (:class:`Question`'s fields as ``story.json`` holds them) into the
    ``story.json`` of ``folder``, keeping what else the file holds; the story as it now reads.
    The course's own folder is never written: its question is part of the course."""
    folder = story_folder(folder).resolve()
    if folder == SEEDS_DIR.resolve():
        raise ValueError("the course's story (seeds/) keeps its own question")
    path = folder / FILES["story"]
    data = read_json(path, default={}) or {}
    data["question"] = {**data.get("question", {}), **question}
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
    return load_story(folder)


#: The story being analysed (None: the course's), kept as a Story: the rules ask for it at
#: every sentence.
_ACTIVE: dict[str, Story | None] = {"story": None}


def active_story() -> Story:
    """The story being analysed: the one :func:`use_story` named last, else the course's."""
    # asked at every sentence: the course's story is read once (its folder is not the learner's)
    return _ACTIVE["story"] or _course()


def use_story(folder=None) -> Story:
    """Analyse the story in ``folder`` from now on (``None``: the course's); returns it."""
    _ACTIVE["story"] = None if folder is None else load_story(folder)
    return active_story()


@contextmanager
def story_in_use(folder):
    """``with story_in_use(folder):`` the story in ``folder`` is analysed inside the block
    (``None`` leaves the story in use as it is)."""
    before = _ACTIVE["story"]
    if folder is not None:
        use_story(folder)
    try:
        yield active_story()
    finally:
        _ACTIVE["story"] = before


#: Where :func:`helpers.sources.load_corpus` records the folder a corpus was read from.
CORPUS_STORY = "story_folder"


def story_of(corpus) -> Path | None:
    """The story folder a corpus was loaded from (``corpus.attrs``), or None."""
    folder = getattr(corpus, "attrs", {}).get(CORPUS_STORY)
    return Path(folder) if folder else None


def is_story_file(path: Path) -> bool:
    """Is ``path`` one of a story's data files (not an article)?"""
    return path.name in FILES.values()
