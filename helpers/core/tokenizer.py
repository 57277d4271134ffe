"""The course's two changes to spaCy's French tokenizer (:func:`course_tokenizer`): Breton names
stay whole (:func:`keep_breton_names`) and so do compound nouns (:func:`keep_compound_nouns`).
Used by the loaded pipeline (:mod:`helpers.core.components`) and by the tokenizer that matches
actor aliases on Docs read back (:mod:`helpers.core.actors`)."""

from __future__ import annotations

import re

_LOWER = "a-zàâäçéèêëîïôöùûüÿœæ"
# what follows a verb's hyphen in an inverted question or imperative (dit-il, est-ce, dites-le)
_CLITICS = "ils?|elles?|on|je|tu|nous|vous|les?|la|lui|leur|moi|toi|ce|même|mêmes|en"
# a capital only at the start of the first word ("Celle-ci", "Sapeurs-pompiers" opening a line)
_COMPOUND = re.compile(
    rf"[{_LOWER.upper()}{_LOWER}][{_LOWER}]{{2,}}(?:-(?!(?:{_CLITICS})(?![{_LOWER}]))[{_LOWER}]{{2,}})+")


def course_tokenizer(nlp):
    """spaCy's French tokenizer with the course's two rules. Idempotent."""
    return keep_compound_nouns(keep_breton_names(nlp))


def keep_compound_nouns(nlp):
    """Keep lowercase compound nouns whole: ``sapeurs-pompiers``, ``député-maire``,
    ``médecin-chef``, ``grands-parents``. spaCy's French exceptions list many compounds
    (*porte-parole*, *vice-président*) but not their plurals nor the rest, and cuts the others
    at the hyphen, so that ``Les sapeurs-pompiers disent…`` has the subject ``pompiers`` with a
    stray ``sapeurs -`` before it. A hyphen followed by a subject or object pronoun (*dit-il*,
    *est-ce*, *dites-le*) still splits, as spaCy does. Idempotent."""
    current = nlp.tokenizer.token_match
    if getattr(current, "keeps_compounds", False):
        return nlp

    def token_match(text):
        return (current(text) if current else None) or _COMPOUND.fullmatch(text)

    token_match.keeps_compounds = True
    nlp.tokenizer.token_match = token_match
    return nlp


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
