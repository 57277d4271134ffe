"""Cue phrases: ``selon X``, ``d'après X``, ``aux dires de X``, ``si l'on en croit X``,
``citant X``, ``cité par X``, found by spaCy's ``Matcher`` (:func:`phrase_candidate`)."""

from __future__ import annotations

from helpers.claims.attribution.lexicon import (
    DEFINITE,
    DEMONSTRATIVE,
    INDEFINITE,
    PRONOUNS,
    RELATIVE_SELON,
)
from helpers.claims.attribution.model import Candidate, Context
from helpers.claims.attribution.nouns import speaker_from_head
from helpers.claims.attribution.pronouns import resolve_pronoun

# Fixed cue phrases for spaCy's Matcher: the speaker is the noun phrase right after them.
CUE_PATTERNS = {
    "selon": [[{"LOWER": "selon"}]],
    "d'après": [[{"LOWER": "d'"}, {"LOWER": "après"}]],
    "aux dires de": [[{"LOWER": "aux"}, {"LOWER": "dires"}, {"LOWER": {"IN": ["de", "d'", "du"]}}]],
    "si l'on en croit": [
        [{"LOWER": "si"}, {"LOWER": {"IN": ["l'on", "on", "l'"]}}, {"LOWER": "on", "OP": "?"},
         {"LOWER": "en"}, {"LOWER": {"IN": ["croit", "croire"]}}],
        [{"LOWER": "à"}, {"LOWER": "en"}, {"LOWER": "croire"}],
    ],
    "citant": [[{"LOWER": "citant"}]],
    "cité par": [[{"LOWER": {"IN": ["cité", "cités", "citée", "citées"]}}, {"LOWER": "par"}]],
}


_CUE_MATCHERS: dict[int, object] = {}


def _cue_matcher(vocab):
    key = id(vocab)
    if key not in _CUE_MATCHERS:
        from spacy.matcher import Matcher

        matcher = Matcher(vocab)
        for name, patterns in CUE_PATTERNS.items():
            matcher.add(name, patterns)
        _CUE_MATCHERS.clear()
        _CUE_MATCHERS[key] = matcher
    return _CUE_MATCHERS[key]


def phrase_candidate(ctx: Context, cue: str, s: int, e: int, lo: int, hi: int) -> Candidate | None:
    """The speaker after ``selon``, ``d'après``, ``citant``, ``si l'on en croit``…"""
    doc = ctx.doc
    if e >= hi:
        return None
    nxt = doc[e]
    rank = 2 if cue in {"citant", "cité par"} else 0
    if cue == "selon" and nxt.lemma_ in RELATIVE_SELON | {"lequel"} or nxt.lower_ in {
        "lesquels", "lesquelles", "lequel", "laquelle"
    }:
        j = s - 1
        while j >= lo and (doc[j].is_punct or doc[j].is_space):
            j -= 1
        while j >= lo and doc[j].pos_ == "ADJ":
            j -= 1
        if j < lo:
            return None
        sp = speaker_from_head(ctx, j, lo, hi)
        if sp is None or not sp.kind:
            return None
        return Candidate(sp, cue, 1, s)
    if nxt.lower_ in PRONOUNS:
        return Candidate(resolve_pronoun(ctx, nxt), cue, rank, s)
    j = e
    while j < hi and (doc[j].pos_ in {"DET", "ADJ", "NUM"} or doc[j].lower_ in INDEFINITE
                      | DEFINITE | DEMONSTRATIVE) and j not in ctx.mention_at:
        j += 1
    if j >= hi or doc[j].is_punct:
        return None
    if cue == "selon" and s > lo:  # "qui, selon Washington, seraient…": inside a relative clause
        before = [t.lower_ for t in doc[max(lo, s - 2) : s] if not t.is_space]
        if "qui" in before or "que" in before:
            rank = 1
    return Candidate(speaker_from_head(ctx, j, lo, hi), cue, rank, s)
