"""Reporting verbs: the speaker of ``X a déclaré que…``, ``…, a déclaré X``, ``…, a-t-il ajouté``,
``confirmé par X``, ``…, estimant que`` (:func:`verb_candidate`), and the cases where a verb
of saying attributes nothing (negated, blocked, without a clause)."""

from __future__ import annotations

from helpers.claims.attribution.groups import (
    _is_cleft,
    _is_gerund_or_infinitive,
    _is_past_participle,
    _verb_group_start,
)
from helpers.claims.attribution.lexicon import (
    BLOCKING_GOVERNORS,
    CLOSERS,
    NEGATION_AFTER,
    OPENERS,
    PRONOUNS,
    _word_class_at,
    verbs_needing_a_clause,
    word_class,
)
from helpers.claims.attribution.model import Candidate, Context
from helpers.claims.attribution.nouns import speaker_from_head
from helpers.claims.attribution.pronouns import _clitic_word, _last_speaker, resolve_pronoun
from helpers.claims.attribution.subjects import (
    _after_verb,
    _before_verb,
    _clause_subject,
    _ends_clause,
    _looks_like_speaker,
    _sentence_initial_subject,
)
from helpers.claims.hedging import has_complement
from helpers.core.nlp import token_table


def _clitic_subject(doc, start: int, v: int, hi: int):
    """``a-t-il``, ``ajoute-t-il``, ``a-t-elle``: the clitic pronoun token, if any."""
    text = token_table(doc).text
    for j in range(start, min(v + 3, hi)):
        if text[j].startswith("-") and _clitic_word(doc[j]) in PRONOUNS:
            return doc[j]
    return None


def _negated(doc, start: int, v: int) -> bool:
    tab = token_table(doc)
    before = set(tab.lower[max(0, start - 1) : v])
    after = set(tab.lower[v + 1 : v + 3]) | before
    if not (before & {"ne", "n'"} and after & NEGATION_AFTER) and "non" not in before:
        return False
    # "ne peut pas confirmer": the body speaks (it says it cannot confirm)
    return "pouvoir" not in tab.lemma[start:v]


def _blocked(doc, start: int, v: int) -> bool:
    """``refusant de confirmer``, ``s'est bien gardée de commenter``: nobody speaks."""
    tab = token_table(doc)
    if start < 2 or tab.lower[start - 1] not in {"de", "d'"}:
        return False
    return not BLOCKING_GOVERNORS.isdisjoint(tab.lemma[max(0, start - 4) : start - 1])


def _incise_position(doc, start: int, lo: int) -> bool:
    prev = token_table(doc).text[start - 1] if start > lo else None
    return prev is not None and (prev in {",", "—", "–"} or prev in CLOSERS)


def _introduces_clause(ctx: Context, v: int, lo: int, hi: int) -> bool:
    """``a assuré que…``, ``juge « inquiétante »``, ``…, a répondu X``: the verb reports."""
    doc = ctx.doc
    return has_complement(doc[lo:hi], v - lo) or any(ctx.inside[lo:hi]) or (
        _incise_position(doc, _verb_group_start(doc, v, lo), lo))


def _verb_rank(tok) -> int:
    """0 for a verb in the main clause, 1 when it sits inside another clause."""
    node = tok
    for _ in range(8):
        if node.head is node or node.dep_ == "ROOT":
            return 0
        if node.dep_ not in {"conj", "parataxis", "advcl", "xcomp", "dep"}:
            return 1
        node = node.head
    return 1


def verb_candidate(ctx: Context, v: int, lo: int, hi: int,
                   previous: Candidate | None = None) -> Candidate | None:
    """The speaker of the reporting verb at token ``v`` (within the sentence ``lo:hi``)."""
    doc = ctx.doc
    tok = doc[v]
    start = _verb_group_start(doc, v, lo)
    if _negated(doc, start, v) or _blocked(doc, start, v):
        return None
    cue = ctx.reporting[v]
    if cue in verbs_needing_a_clause() and not _introduces_clause(ctx, v, lo, hi):
        return None
    if ctx.inside[v] and not _incise_position(doc, start, lo):
        return None
    cleft = _is_cleft(doc, start, lo)
    clitic = _clitic_subject(doc, start, v, hi)
    if clitic is not None:
        return Candidate(resolve_pronoun(ctx, clitic), cue, 0, v)
    prev = doc[start - 1] if start > lo else None
    while prev is not None and prev.is_space and prev.i > lo:
        prev = doc[prev.i - 1]
    gerund = _is_gerund_or_infinitive(tok)
    object_relative = prev is not None and (
        prev.lower_ in {"qu'", "que", "comme"} or (
            prev.lower_ in {"l'", "le"} and prev.i > lo
            and doc[prev.i - 1].lower_ in {"comme", "que", "qu'"})
    )
    incise = prev is None or prev.text in {",", ":", "—", "–", "("} or prev.text in CLOSERS or (
        prev.text in OPENERS
    ) or object_relative
    if incise and not gerund:
        j = _after_verb(ctx, v, hi)
        if j is not None and doc[j].lower_ == "par":
            j = _after_verb(ctx, j, hi)
        if j is not None and _looks_like_speaker(ctx, j):
            return Candidate(speaker_from_head(ctx, j, v + 1, hi), cue, 0, v, cleft)
        closing = j is not None and _ends_clause(ctx, j, hi) and not word_class(
            doc[j], "not_speaker")
        if closing and prev is not None and prev.text == "," and _sentence_initial_subject(
                ctx, lo, start) is None:
            # "…, a précisé l'état-major": a phrase closing the sentence after an incise verb
            return Candidate(speaker_from_head(ctx, j, v + 1, hi), cue, 0, v, cleft)
    # passive with an agent: "confirmé par les Occidentaux", "a été révélée par le GUR"
    tab = ctx.tab
    group = range(start, v)
    # "avait jusqu'ici qualifié": a finite 'avoir' a few words before, no other verb between
    avoir_before = any(
        tab.lemma[k] == "avoir" and "Fin" in doc[k].morph.get("VerbForm")
        and "VERB" not in tab.pos[k + 1 : v]
        for k in range(max(lo, v - 5), v)
    )
    reflexive = any(tab.lower[k] in {"se", "s'"} for k in group)  # "s'est dit prêt": not passive
    passive = _is_past_participle(tok) and not reflexive and (
        "être" in tab.lemma[start:v]
        or not (avoir_before or any(tab.pos[k] == "AUX" or tab.lemma[k] in {"avoir", "être"}
                                    for k in group))
    )
    if passive:
        k = v + 1
        while k < hi and (tab.pos[k] == "ADV" or _word_class_at(tab, k, "skip")):
            k += 1
        if k < hi and tab.lower[k] == "par":
            j = _after_verb(ctx, k, hi)
            if j is not None:
                return Candidate(speaker_from_head(ctx, j, k + 1, hi), cue, _verb_rank(tok), v)
        return None  # "Il a été constaté que…", "les victimes signalées": no speaker
    rank = 0 if incise and not gerund else _verb_rank(tok)
    if gerund:  # "…, estimant que", "Avant d'ajouter :": the subject of the governing clause
        if previous is not None and previous.speaker is not None:
            return Candidate(previous.speaker, cue, previous.rank, v)
        opener = [t.lower_ for t in doc[max(lo, start - 2) : start] if not t.is_space]
        if "Inf" in tok.morph.get("VerbForm") and (start - lo <= 2 or "avant" in opener):
            return Candidate(_last_speaker(ctx, v), cue, rank, v)  # "Avant d'ajouter : « … »"
        root = tok.sent.root
        j = _clause_subject(ctx, root, lo, hi) if root is not tok and root.pos_ in {
            "VERB", "AUX"} else None
        if j is None:
            j = _before_verb(ctx, start, lo)
        if j is not None:
            return Candidate(speaker_from_head(ctx, j, lo, hi), cue, rank, v)
        return Candidate(_last_speaker(ctx, v), cue, rank, v)
    j = _clause_subject(ctx, tok, lo, hi, start)
    if j is not None:
        if doc[j].lower_ == "qui" and tok.head is not tok:
            return Candidate(speaker_from_head(ctx, tok.head.i, lo, hi), cue, 1, v, cleft)
        return Candidate(speaker_from_head(ctx, j, lo, hi), cue, rank, v, cleft)
    if incise:
        j = _after_verb(ctx, v, hi)
        if j is not None:
            return Candidate(speaker_from_head(ctx, j, v + 1, hi), cue, 0, v, cleft)
    return None
