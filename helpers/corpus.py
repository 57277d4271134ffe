"""Kept for code written against the first layout: ``helpers.corpus`` is now
:mod:`helpers.sources.corpus`."""

from helpers.core.text import short_id  # noqa: F401
from helpers.sources.corpus import (  # noqa: F401
    COLUMNS,
    CorpusWarning,
    find_article,
    load_corpus,
)
