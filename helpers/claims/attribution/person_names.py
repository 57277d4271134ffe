"""Where a person's name is in a phrase: a person entity of the parse, a run of capitalised
words after a title (*Me Sandrine Roux*), surnames with their particle and Breton surnames
(*Gaëlle Le Floc'h*), names the model cut at an apostrophe. Written by hand: the small model's
person entities stop short of these."""

from __future__ import annotations

import re

from helpers.claims.attribution.lexicon import is_title
from helpers.core.nlp import entity_bounds


def _cut_name(tok) -> bool:
    """``Floc'`` of ``Le Floc'h``: a word of a name the model cut at its apostrophe (and may
    call a verb)."""
    return tok.text.endswith(("'", "\u2019")) and not tok.whitespace_ and len(tok.text) > 2


def name_word(tok) -> bool:
    """A capitalised word of a name, Breton ones included: ``Floc'h``, ``Guivarc'h`` (which
    Python's ``istitle`` refuses for the small letter after the apostrophe)."""
    return tok.is_title or bool(_BRETON.fullmatch(tok.text))


def _particle(doc, j: int, k: int, e: int) -> bool:
    """``Le`` of ``Yann Le Floc'h``: a surname's particle inside a name, a name word after it."""
    return j > k and doc[j].text in {"Le", "La"} and j + 1 < e and name_word(doc[j + 1])


_BRETON = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+['’][a-zà-ÿ]+")


def _after_title(doc, s: int, e: int):
    """A title a person's name follows (``Me``, ``Dre``, ``M.``), then two capitalised words
    or more: the title and the name (:func:`naming._without_title` drops the title)."""
    for k in range(s, e - 2):
        if is_title(doc[k].text):
            j = k + 1
            while j < e and (name_word(doc[j]) or doc[j].text == "-" and j > k + 1):
                j += 1
            if j - k >= 3:
                return doc[k:j]
    return None


def _name_in(doc, s: int, e: int, after_role: bool = False):
    """A person's name between tokens s and e: a person entity of the parse, else a run of
    capitalised proper nouns (after a role, whatever the parse calls it: ``le secrétaire
    américain à la Défense Lloyd Austin``); or None."""
    titled = _after_title(doc, s, e)  # "Me Sandrine Roux", whatever the model tags it
    if titled is not None:
        return titled
    person = next(((a, b) for a, b, label in entity_bounds(doc) if label == "PER" and s <= a
                   and b <= e and b - a >= 2), None)
    if person is not None:  # "Yannick Le" of "Yannick Le Floc'h"
        start, end = person
        return doc[start : end + 1] if end < e and _cut_name(doc[end]) and doc[
            end].is_title else doc[start:end]
    k = s
    while k < e:  # proper nouns only: "la Défense Lloyd Austin" → "Lloyd Austin"
        j = k
        while j < e and ((doc[j].pos_ == "PROPN" or _cut_name(doc[j])) and name_word(doc[j])
                         or doc[j].text == "-" and j > k or _particle(doc, j, k, e)
                         or j > k and doc[j - 1].text in {"Le", "La"} and name_word(doc[j])):
            j += 1
        if j - k >= 2 and (after_role or doc[k].ent_type_ not in {"LOC", "ORG"}):
            return doc[k:j]
        k = max(j, k + 1)
    k = s
    while k < e:
        if doc[k].pos_ == "PROPN" or (doc[k].is_title and doc[k].pos_ in {"NOUN", "ADJ"}):
            j = k
            while j < e and (doc[j].pos_ == "PROPN" or name_word(doc[j]) or doc[j].text == "-"
                             or _particle(doc, j, k, e)):
                j += 1
            if j - k >= 2 and doc[k].ent_type_ not in {"LOC", "ORG"}:
                return doc[k:j]
            k = j
        k += 1
    return None
