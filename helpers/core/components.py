"""The course's own spaCy components, registered once, when this module is imported.

* ``sentence_breaks`` (before the parser): French news sentence starts decided by rule;
* ``actor_ruler`` (after NER): spaCy's ``EntityRuler`` with the French news lexicon (metonyms,
  national bodies, media, countries and capitals: :func:`helpers.core.actors.ruler_patterns`),
  so that Docs carry the canonical name in ``ent.ent_id_`` (what displaCy shows);
* ``entity_fixes`` (after the ruler): the small model's known entity mistakes dropped or
  relabelled (``helpers/core/data/entity_fixes.csv``: "Citant" tagged as a person).

No story is in the pipeline: a story's actors are found on the parsed Doc
(:func:`helpers.core.actors.find_actors`) and shown by :func:`helpers.display.notebook.
entities_html`, so one parse serves every story and the parse cache never holds one story's
knowledge for another.

:func:`add_course_pipes` puts them in a loaded pipeline (:func:`helpers.core.nlp.get_nlp` does).
Registering them here, at module level, is what lets the pipeline and the actor table know each
other without an import cycle: this module reads the actors, the pipeline imports this module.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Span

from helpers import DATA_DIR
from helpers.core.actors import MATCH_ATTR, ruler_patterns, use_tokenizer
from helpers.core.datafiles import read_rows

SENTENCE_BREAKS = "sentence_breaks"
RULER_NAME = "actor_ruler"
FIXES_NAME = "entity_fixes"
#: The generic French entity fixes (the story adds its own, ``entity_fixes.csv`` beside it).
ENTITY_FIXES_CSV = DATA_DIR / "entity_fixes.csv"

_ENDS = {".", "!", "?", "…"}
_CLOSERS = {"»", "”", '"', ")"}
_OPENERS = {"«", "“", '"', "-", "—"}


@Language.component(SENTENCE_BREAKS)
def sentence_breaks(doc):
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
        elif after_end and (nxt.text[:1].isupper() or nxt.text in _OPENERS):
            nxt.is_sent_start = True
        else:
            nxt.is_sent_start = False
    return doc


@lru_cache(maxsize=1)
def entity_fixes() -> dict[str, str]:
    """``{entity text: new label}`` (``""`` drops the entity): the generic French fixes."""
    return {row["text"]: row["label"] for row in read_rows(ENTITY_FIXES_CSV)}


@Language.component(FIXES_NAME)
def fix_entities(doc):
    """Drop or relabel the small model's known entity mistakes (:func:`entity_fixes`).

    Entities set by the actor ruler (they have an ``ent_id_``) are kept as they are.
    """
    fixes = entity_fixes()
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
    text again, or use :func:`helpers.core.actors.find_actors`, which does not depend on it.
    """
    use_tokenizer(nlp)
    if RULER_NAME in nlp.pipe_names:
        return nlp.get_pipe(RULER_NAME)
    where = {"after": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME,
                         config={"overwrite_ents": True, "phrase_matcher_attr": MATCH_ATTR},
                         **where)
    with nlp.select_pipes(enable=[]):  # the patterns need only the tokenizer
        ruler.add_patterns(ruler_patterns())
    nlp.add_pipe(FIXES_NAME, after=RULER_NAME)
    return ruler


def add_course_pipes(nlp):
    """The course's sentence breaks (before the parser) and actor ruler (after NER)."""
    if SENTENCE_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(SENTENCE_BREAKS, before="parser")
    add_actor_ruler(nlp)
    return nlp
