"""Cue phrases: ``selon X``, ``d'après X``, ``aux dires de X``, ``si l'on en croit X``,
``citant X``, ``cité par X``, ``de même source`` (the source before), and ``Pour X, …``
opening a sentence, found by spaCy's
``Matcher`` (:func:`phrase_candidate`). ``selon les normes du BIT``, ``selon la loi``: *selon*
without a source attributes nothing."""

from __future__ import annotations

from helpers.claims.attribution.lexicon import (
    DEFINITE,
    DEMONSTRATIVE,
    INDEFINITE,
    OPENERS,
    PRONOUNS,
    RELATIVE_SELON,
    word_class,
)
from helpers.claims.attribution.model import Candidate, Context
from helpers.claims.attribution.nouns import speaker_from_head
from helpers.claims.attribution.phrases import _apposition, name_goes_on, name_owner, np_extent
from helpers.claims.attribution.pronouns import resolve_pronoun
from helpers.claims.attribution.references import source_before
from helpers.claims.attribution.subjects import _looks_like_speaker, _sentence_initial_subject

# Fixed cue phrases, as words (a tuple gives the choices at that place, None an optional
# place): the speaker is the noun phrase right after them. They are expanded into spaCy's
# ``PhraseMatcher`` on the lower-case form, which reads the Doc's token array instead of
# building a Token for each word as the rule-based ``Matcher`` does.
CUE_PHRASES = {
    "selon": [["selon"]],
    "d'après": [["d'", "après"]],
    "aux dires de": [["aux", "dires", ("de", "d'", "du")]],
    "si l'on en croit": [
        ["si", ("l'on", "on", "l'"), ("on", None), "en", ("croit", "croire")],
        ["à", "en", "croire"],
    ],
    # "a-t-on appris de même source", "De même source, on précise…": the source before
    "de même source": [[("de", "d'"), "même", ("source", "sources")]],
    "citant": [["citant"]],
    "cité par": [[("cité", "cités", "citée", "citées"), "par"]],
    # "Pour Mathieu Ronsard, économiste…, la hausse devrait…": an opinion, at a sentence start
    "pour": [["pour"]],
}
_RELATIVES = {"lesquels", "lesquelles", "lequel", "laquelle"}

_CUE_MATCHERS: dict[int, object] = {}


def _expand(phrase: list) -> list[list[str]]:
    """Every word sequence of one cue phrase (see :data:`CUE_PHRASES`)."""
    out: list[list[str]] = [[]]
    for place in phrase:
        choices = place if isinstance(place, tuple) else (place,)
        out = [words + ([c] if c is not None else []) for words in out for c in choices]
    return out


def _cue_matcher(vocab):
    key = id(vocab)
    if key not in _CUE_MATCHERS:
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc

        matcher = PhraseMatcher(vocab, attr="LOWER")
        for name, phrases in CUE_PHRASES.items():
            matcher.add(name, [Doc(vocab, words=words) for phrase in phrases
                               for words in _expand(phrase)])
        _CUE_MATCHERS.clear()
        _CUE_MATCHERS[key] = matcher
    return _CUE_MATCHERS[key]


def _antecedent_candidate(ctx: Context, cue: str, s: int, lo: int, hi: int) -> Candidate | None:
    """``…des responsables, selon lesquels…``: the phrase before *selon lesquels*."""
    doc = ctx.doc
    j = s - 1
    while j >= lo and (doc[j].is_punct or doc[j].is_space):
        j -= 1
    while j >= lo and doc[j].pos_ == "ADJ":
        j -= 1
    if j < lo:
        return None
    m = ctx.mention_at.get(j)
    if doc[j].pos_ == "PROPN" and (m is None or m.actor.label == "LOC"):
        # "par l'agence de l'eau Seine-Normandie, selon laquelle": the body, not its place
        j = name_owner(doc, m.start if m else j, lo)
    sp = speaker_from_head(ctx, j, lo, hi)
    if sp is None or not sp.kind:
        return None
    return Candidate(sp, cue, 1, s)


def _head_after(ctx: Context, e: int, hi: int) -> int | None:
    """The head of the phrase after the cue (past determiners, adjectives and numbers)."""
    doc = ctx.doc
    j = e
    while j < hi and (doc[j].pos_ in {"DET", "ADJ", "NUM"} or doc[j].lower_ in INDEFINITE
                      | DEFINITE | DEMONSTRATIVE) and j not in ctx.mention_at and not (
            word_class(doc[j], "institution_head")):  # "le collectif X": an adjective to the model
        j += 1
    if (j >= hi or doc[j].is_punct) and j - 1 >= e and doc[j - 1].pos_ == "ADJ" and (
            doc[j - 1].lower_ not in {"même", "seul", "seule"}):
        return j - 1  # "d'après le même communiqué,": the noun the model tags as an adjective
    if j >= hi or doc[j].is_punct:
        return None
    return j


def _opens_sentence(ctx: Context, s: int, lo: int) -> bool:
    """Only white space or an opening quote before token ``s`` in its sentence."""
    tab = ctx.tab
    return all(tab.text[k].isspace() or tab.text[k] in OPENERS for k in range(lo, s))


def _opinion_holder(ctx: Context, s: int, e: int, lo: int, hi: int) -> Candidate | None:
    """``Pour Mathieu Ronsard, économiste à l'OFCE, la hausse devrait…``: *pour* opening the
    sentence, then someone who can speak, then a comma (not ``Pour l'instant,``)."""
    if e + 1 < hi and ctx.tab.lower[e] in _STRESSED and ctx.tab.text[e + 1] == "," and (
            _opens_sentence(ctx, s, lo)):  # "Pour lui, le groupe a eu le bon réflexe"
        return Candidate(resolve_pronoun(ctx, ctx.doc[e]), "pour", 0, s)
    j = _head_after(ctx, e, hi)
    if j is None or not _opens_sentence(ctx, s, lo) or not _looks_like_speaker(ctx, j):
        return None
    m = ctx.mention_at.get(j)
    end = max(m.end if m else 0, np_extent(ctx.doc, j, e, hi)[1])  # "l'UFC-Que Choisir d'Ille…"
    end = max(end, _apposition(ctx.doc, end, hi, ctx)[0])
    end = _past_relative(ctx, end, hi)  # "Pour X, diététicienne qui intervient…, la cantine…"
    if end < hi and ctx.tab.text[end] != "," and end - 1 > j:
        # "Pour le groupe Agir pour la région (opposition), …": a body's name goes on
        end = _past_brackets(ctx, name_goes_on(ctx.doc, end - 1, end, hi), hi)
    if end >= hi or ctx.tab.text[end] != ",":
        return None
    return Candidate(speaker_from_head(ctx, j, e, hi), "pour", 0, s)


def _past_brackets(ctx: Context, k: int, hi: int) -> int:
    """Past a short phrase in brackets at ``k`` (``(opposition)``), else ``k``."""
    if k >= hi or ctx.tab.text[k] != "(":
        return k
    close = next((x for x in range(k + 1, min(hi, k + 6)) if ctx.tab.text[x] == ")"), None)
    return close + 1 if close is not None else k


#: Stressed pronouns that may follow *Pour* as an opinion's holder.
_STRESSED = {"lui", "elle", "eux", "elles"}


def _past_relative(ctx: Context, end: int, hi: int) -> int:
    """Where a relative clause that ends a holder's apposition stops (``Pour Anne Roy,
    diététicienne qui intervient dans plusieurs écoles, …``): its closing comma; else
    ``end``."""
    tab = ctx.tab
    k = next((x for x in range(end, min(hi, end + 6)) if tab.lower[x] in {"qui", "dont"}), None)
    if k is None or any(tab.text[x] in {",", ".", ";", ":"} for x in range(end, k)):
        return end
    comma = next((x for x in range(k + 1, min(hi, k + 14)) if tab.text[x] == ","), None)
    return comma if comma is not None and not any(ctx.inside[k:comma]) else end


def colon_quote_candidate(ctx: Context, lo: int, hi: int) -> Candidate | None:
    """``Jacqueline, 68 ans, est venue de Vitré : « Avec le gel, je perds 40 euros. »``: a
    quotation opened after a colon is said by the subject of the clause before the colon, when
    that subject can speak (not ``Le message est clair : « … »``)."""
    tab = ctx.tab
    colon = next((k for k in range(lo, hi - 1) if tab.text[k] == ":" and not ctx.inside[k]
                  and (tab.text[k + 1] in OPENERS or ctx.inside[k + 1])), None)
    if colon is None:
        return None
    subject = next((t.i for t in ctx.doc[lo:colon] if t.dep_ in {"nsubj", "nsubj:pass"}
                    and not ctx.inside[t.i]), None)
    if subject is None:  # the parse missed it: the phrase opening the sentence
        subject = _sentence_initial_subject(ctx, lo, colon)
    if subject is None or not _looks_like_speaker(ctx, subject):
        return None
    sp = speaker_from_head(ctx, subject, lo, colon)
    return Candidate(sp, "quote", 1, colon) if sp is not None and sp.kind else None


def phrase_candidate(ctx: Context, cue: str, s: int, e: int, lo: int, hi: int) -> Candidate | None:
    """The speaker after ``selon``, ``d'après``, ``citant``, ``si l'on en croit``, ``Pour``…"""
    doc = ctx.doc
    if e >= hi:
        return None
    if cue == "pour":
        return _opinion_holder(ctx, s, e, lo, hi)
    if cue == "de même source":
        return Candidate(source_before(ctx, s), cue, 0, s)
    nxt = doc[e]
    rank = 2 if cue in {"citant", "cité par"} else 0
    if cue == "selon" and nxt.lemma_ in RELATIVE_SELON | {"lequel"} or nxt.lower_ in _RELATIVES:
        return _antecedent_candidate(ctx, cue, s, lo, hi)
    if nxt.lower_ in PRONOUNS:
        return Candidate(resolve_pronoun(ctx, nxt), cue, rank, s)
    j = _head_after(ctx, e, hi)
    if j is None or word_class(doc[j], "not_source"):
        return None  # "selon les normes du BIT", "selon la loi": no source
    if cue == "selon" and s > lo:  # "qui, selon Washington, seraient…": inside a relative clause
        before = [t.lower_ for t in doc[max(lo, s - 2) : s] if not t.is_space]
        if "qui" in before or "que" in before:
            rank = 1
    return Candidate(speaker_from_head(ctx, j, lo, hi), cue, rank, s)
