"""The exercises of the course's story (``exercises.json`` beside its articles): read once, with
the short article ids their answers use."""

from __future__ import annotations

from functools import lru_cache

from helpers.core.datafiles import read_json
from helpers.core.story import load_story


@lru_cache(maxsize=1)
def _data() -> dict:
    """The parsed exercises file (read once; loaded lazily so importing never fails)."""
    return read_json(load_story().path("exercises"), default={"articles": {}, "exercises": []})


def _specs() -> dict[str, dict]:
    return {spec["id"]: spec for spec in _data()["exercises"]}


def _articles() -> dict[str, str]:
    """Three-digit prefix -> full article id, e.g. ``"002" -> "002_fd0b306409274ced"``."""
    return _data()["articles"]
