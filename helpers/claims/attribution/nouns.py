"""Noun phrases into speakers: the extent of a phrase, appositions (``le chef du centre…, Andriï
Kovalenko``), and :func:`speaker_from_head`, which turns a phrase into a :class:`Speaker` (a
known actor, an anonymous source, a role, the body behind a document, a phrase as written)."""

from __future__ import annotations

from helpers.claims.attribution.groups import _is_past_participle
from helpers.claims.attribution.lexicon import (
    _DETERMINERS,
    DEFINITE,
    DEMONSTRATIVE,
    INDEFINITE,
    KIND_BY_CLASS,
    KIND_BY_LABEL,
    MEDIATORS,
    NP_LINKS,
    PRONOUNS,
    QUOTE_MARKS,
    _word_class_at,
    nationality_side,
    word_class,
)
from helpers.claims.attribution.model import Context, Speaker
from helpers.claims.attribution.pronouns import _clitic_word, _last_speaker, resolve_pronoun
from helpers.core.actors import Actor, canonical_actor
from helpers.core.nlp import token_table


def _speaker_from_actor(actor: Actor, span, pos: int, ctx: Context) -> Speaker:
    gender, number = actor.gender, actor.number
    head = _np_head(span) if actor.kind != "person" else None
    if head is not None and head.pos_ in {"NOUN", "ADJ"}:
        gender = _morph(head, "Gender") or gender
        number = _morph(head, "Number") or number
    if span is not None and span[0].lower_ == "les":
        number = "p"
    return Speaker(actor.canonical, actor.kind, actor.side, span.text if span is not None else "",
                   pos, gender, number)


def _morph(tok, feat: str) -> str:
    value = tok.morph.get(feat)
    if not value:
        return ""
    return {"Masc": "m", "Fem": "f", "Sing": "s", "Plur": "p"}.get(value[0], "")


def _np_head(span):
    if span is None:
        return None
    pos = token_table(span.doc).pos
    for k in range(span.start, span.end):
        if pos[k] in {"NOUN", "PROPN"}:
            return span.doc[k]
    return span[-1] if len(span) else None


def np_extent(doc, head: int, lo: int, hi: int) -> tuple[int, int]:
    """Token range of the noun phrase around ``head``, by word order (determiner, adjectives,
    names, ``de``/``à`` complements, a short parenthesis, ``diffusée par X``), within lo:hi."""
    tab = token_table(doc)
    text, lower, pos = tab.text, tab.lower, tab.pos
    s = head
    while s - 1 >= lo:
        k = s - 1
        if tab.is_punct[k] or text[k] in QUOTE_MARKS:
            break
        if lower[k] in {"de", "d'"}:  # only the partitive article: "de hauts responsables"
            if pos[s] != "ADJ":
                break
        elif not (pos[k] in {"DET", "ADJ", "NUM"} or lower[k] in _DETERMINERS):
            break
        s -= 1
    e = head + 1
    while e < hi and e - s < 16:
        if text[e].isspace() or text[e] in QUOTE_MARKS:
            break
        if pos[e] in {"ADJ", "PROPN"} or text[e] == "-" or lower[e] == "proche" or (
            pos[e] == "NOUN" and (tab.is_title[e] or doc[e].is_upper or pos[e - 1] in {
                "NOUN", "PROPN"})
            and tab.dep[e] not in {"obl:mod", "obl:arg"} and not _word_class_at(tab, e, "skip")
        ):
            e += 1
            continue
        if lower[e] in NP_LINKS or (lower[e] == "par" and pos[e - 1] in {"VERB", "ADJ"}
                                    and _word_class_at(tab, head, "document_head")):
            j = e + 1
            while j < hi and (pos[j] == "DET" or lower[j] in DEFINITE):
                j += 1
            while j < hi and pos[j] == "ADJ":
                j += 1
            if j < hi and pos[j] in {"NOUN", "PROPN"} and not _word_class_at(tab, j, "skip"):
                e = j + 1
                continue
            break
        if pos[e] in {"VERB", "ADJ"} and _is_past_participle(doc[e]) and pos[e - 1] != "AUX" and (
            e + 1 >= hi or lower[e + 1] != "par" or _word_class_at(tab, head, "document_head")
        ):  # "un soldat nord-coréen capturé", "une vidéo diffusée par X" (not "experts cités par")
            e += 1
            continue
        if text[e] == "(":
            close = next((k for k in range(e + 1, min(e + 6, hi)) if text[k] == ")"), None)
            if close is not None:
                e = close + 1
                continue
        break
    return s, e


def _apposition(doc, e: int, hi: int, ctx: Context) -> tuple[int, bool]:
    """Extend past ``, le général Pat Ryder,`` or ``, par l'intermédiaire de … Mark Rutte,``.

    Returns the new end and whether a mediator phrase ("par la voix de") was crossed.
    """
    if e >= hi or doc[e].text != ",":
        return e, False
    k = e + 1
    mediated = False
    lowers = [t.lower_ for t in doc[k : min(k + 4, hi)]]
    for med in MEDIATORS:
        if lowers[: len(med)] == med:
            k += len(med)
            mediated = True
            break
    while k < hi and (doc[k].pos_ in {"DET", "ADJ"} or doc[k].lower_ in DEFINITE):
        k += 1
    if k >= hi:
        return e, False
    if k in ctx.mention_at or doc[k].pos_ in {"PROPN", "NOUN"}:
        s2, e2 = np_extent(doc, k, k, hi)
        e2 = max(e2, ctx.mention_at[k].end if k in ctx.mention_at else e2)
        # a name in apposition: PROPN or a known actor inside, then a comma, a verb or the end
        names = any(j in ctx.mention_at or doc[j].pos_ == "PROPN" for j in range(k, e2))
        if not names and not mediated:
            return e, False
        if mediated and e2 < hi and doc[e2].text == ",":
            inner, _ = _apposition(doc, e2, hi, ctx)
            return inner, True
        return e2, mediated
    return e, False


def speaker_from_head(ctx: Context, h: int, lo: int, hi: int) -> Speaker | None:
    """Turn the noun phrase headed by token ``h`` into a :class:`Speaker` (or None)."""
    doc = ctx.doc
    tok = doc[h]
    if tok.lower_ in PRONOUNS or (tok.text.startswith("-") and _clitic_word(tok) in PRONOUNS):
        return resolve_pronoun(ctx, tok)
    if tok.lower_ in {"on", "ce", "c'", "cela", "ça", "qui", "que", "qu'", "je", "j'", "nous",
                      "vous", "tu"} or not any(c.isalpha() for c in tok.text):
        return None
    s, e = np_extent(doc, h, lo, hi)
    if h in ctx.mention_at:
        m = ctx.mention_at[h]
        s, e = min(s, m.start), max(e, m.end)
    e_app, mediated = _apposition(doc, e, hi, ctx)
    span = doc[s:e]
    full = doc[s:e_app]
    in_span = [m for m in ctx.mentions if m.start < e_app and m.end > s]
    persons = [m for m in in_span if m.actor.kind == "person"]
    det = doc[s].lower_ if doc[s].pos_ == "DET" or doc[s].lower_ in INDEFINITE else ""

    def from_mention(m):
        return _speaker_from_actor(m.actor, doc[m.start : m.end], h, ctx)

    head_mention = ctx.mention_at.get(h)
    if head_mention is not None:
        if head_mention.actor.kind in {"person", "anonymous"}:
            return from_mention(head_mention)
        appositive = [m for m in persons if m.start >= e]
        if appositive:
            return from_mention(appositive[0])
        return from_mention(head_mention)
    if word_class(tok, "anonymous_head") and det in DEFINITE and tok.is_title and not (
            tok.is_sent_start or doc[s].is_sent_start and s == h - 1):
        # "l'Institut pour l'étude de la guerre": a named body, not an anonymous source
        return _as_written(ctx, span, "institution", h)
    if word_class(tok, "anonymous_head") and det in INDEFINITE | {""}:
        anon = [m for m in in_span if m.actor.kind == "anonymous"]
        if anon:
            return from_mention(anon[0])
        return _as_written(ctx, span, "anonymous", h)
    if det in DEMONSTRATIVE and (word_class(tok, "anonymous_head") or word_class(tok, "role_head")):
        last = _last_speaker(ctx, h)
        if last is not None:
            return _retext(last, span.text, h)
    if word_class(tok, "role_head"):
        if persons:
            return from_mention(persons[0])
        name = _name_in(doc, h + 1, e_app)  # "Le député Lee Seong-kweun", "Le ministre…, X,"
        if name is not None:
            return _as_written(ctx, name, "person", h)
        # "le porte-parole de l'armée" is one identifiable person; "un commandant" is anonymous
        kind = "anonymous" if det in {"un", "une", "des", "de", "d'"} else "person"
        return _as_written(ctx, span, kind, h)
    if word_class(tok, "document_head"):
        # "des images satellite des services de renseignement sud-coréens": the body behind it
        window_end = next((k for k in range(h + 1, min(hi, h + 10)) if doc[k].is_punct), min(
            hi, h + 10))
        behind = [m for m in ctx.mentions if h < m.start < window_end] or in_span
        if behind:
            return from_mention(behind[0])
        people = next((k for k in range(h + 1, window_end) if word_class(doc[k], "anonymous_head")
                       or word_class(doc[k], "role_head")), None)
        if people is not None:  # "selon des images géolocalisées par des analystes"
            return speaker_from_head(ctx, people, h + 1, hi)
        return _as_written(ctx, span, "", h)
    if word_class(tok, "not_speaker"):
        return None
    if det in DEFINITE and word_class(tok, "anonymous_head"):
        earlier = _corefer(ctx, tok)
        if earlier is not None:
            return _retext(earlier, span.text, h)
        return _as_written(ctx, span, "anonymous", h)
    if in_span:
        return from_mention(in_span[0])
    if mediated and persons:
        return from_mention(persons[0])
    ent = next((ent for ent in doc.ents if ent.start <= h < ent.end), None)
    if ent is not None and ent.label_ in KIND_BY_LABEL and not tok.is_stop:
        return _as_written(ctx, doc[ent.start : ent.end], KIND_BY_LABEL[ent.label_], h)
    if tok.pos_ in {"NOUN", "PROPN"} or tok.is_upper:
        kind = next((k for c, k in KIND_BY_CLASS.items() if word_class(tok, c)), "")
        if not kind and tok.is_upper and len(tok.text) >= 2 and tok.is_alpha:
            kind = "institution"  # an acronym: "le SBU"
        return _as_written(ctx, full if full.end - full.start <= 12 else span, kind, h)
    return None


def _name_in(doc, s: int, e: int):
    """A person's name (a run of capitalised proper nouns) between tokens s and e, or None."""
    k = s
    while k < e:
        if doc[k].pos_ == "PROPN" or (doc[k].is_title and doc[k].pos_ in {"NOUN", "ADJ"}):
            j = k
            while j < e and (doc[j].pos_ == "PROPN" or doc[j].is_title or doc[j].text == "-"):
                j += 1
            if j - k >= 2:
                return doc[k:j]
            k = j
        k += 1
    return None


def _as_written(ctx: Context, span, kind: str, pos: int) -> Speaker:
    text = span.text.strip(" ,")
    head = _np_head(span)
    gender = _morph(head, "Gender") if head is not None else ""
    number = _morph(head, "Number") if head is not None else ""
    first = span[0].lower_ if len(span) else ""
    if first in {"un", "le", "ce", "cet"}:  # the article is more reliable than the noun's morph
        gender, number = "m", "s"                # for epicene words ("un porte-parole")
    elif first in {"une", "la", "cette"}:
        gender, number = "f", "s"
    elif first in {"les", "des", "ces"}:
        number = "p"
    return Speaker(canonical_actor(text), kind, nationality_side(span), text, pos, gender, number)


def _retext(sp: Speaker, text: str, pos: int) -> Speaker:
    return Speaker(sp.name, sp.kind, sp.side, text, pos, sp.gender, sp.number)


def _corefer(ctx: Context, tok) -> Speaker | None:
    """``le soldat`` → the closest earlier mention of a *soldat* with the same number."""
    doc, lemmas = ctx.doc, ctx.tab.lemma
    number = _morph(tok, "Number")
    for j in range(tok.i - 1, -1, -1):
        if lemmas[j] != tok.lemma_ or ctx.inside[j] or (
                number and _morph(doc[j], "Number") != number):
            continue
        if j in ctx.mention_at:
            m = ctx.mention_at[j]
            return _speaker_from_actor(m.actor, doc[m.start : m.end], j, ctx)
        s, e = np_extent(doc, j, max(0, j - 4), min(len(doc), j + 8))
        if doc[s].lower_ in DEFINITE | DEMONSTRATIVE:
            continue  # another reference to the same person: keep looking for the first
        return _as_written(ctx, doc[s:e], "anonymous", j)
    return None
