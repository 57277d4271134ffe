"""Kept for code written against the first layout: ``helpers.nlp`` is now
:mod:`helpers.core.nlp`."""

from helpers.core.nlp import (  # noqa: F401
    MODEL_NAME,
    TokenTable,
    get_nlp,
    normalise,
    parse,
    parse_many,
    sentences,
    token_table,
)
