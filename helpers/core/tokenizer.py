"""The course's one change to spaCy's French tokenizer: Breton names stay whole
(:func:`keep_breton_names`). Used by the loaded pipeline (:mod:`helpers.core.components`) and by
the tokenizer that matches actor aliases on Docs read back (:mod:`helpers.core.actors`)."""

from __future__ import annotations


def keep_breton_names(nlp):
    """Keep Breton names whole: ``Floc'h``, ``Guivarc'h``, ``Le Bec'h``. spaCy's French tokenizer
    splits after any apostrophe before a letter (the elision of *l'État*, *qu'il*), which cuts
    them into ``Floc'`` and ``h`` and glues a final stop to the ``h``, so that the sentence does
    not end there. In French an elided word never ends in *c'* before *h* inside a word; the
    Breton *c'h* does. Idempotent."""
    from spacy.lang.fr.punctuation import ELISION, TOKENIZER_INFIXES
    from spacy.util import compile_infix_regex

    keep = rf"(?!(?<=[^\W\d_][cC][{ELISION}])[hH])"
    current = getattr(nlp.tokenizer.infix_finditer, "__self__", None)
    if current is not None and keep in current.pattern:
        return nlp
    infixes = [p + keep if ELISION in p and p.startswith("(?<=") else p
               for p in TOKENIZER_INFIXES]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp
