"""A noun phrase as the rules read it (:class:`Phrase`: its extent, article, apposition and the
actors named in it), and the :class:`~helpers.claims.attribution.model.Speaker` it names as
written or as a known actor. The readers that decide who a phrase names are :mod:`.nouns`,
:mod:`.references` and :mod:`.bodies`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from helpers.claims.attribution.lexicon import (
    DEFINITE,
    INDEFINITE,
    _word_class_at,
    agreeing_gender,
    is_title,
    nationality_side,
    role_keys,
    word_class,
)
from helpers.claims.attribution.model import Context, Speaker
from helpers.claims.attribution.person_names import _cut_name
from helpers.claims.attribution.phrases import (
    _apposition,
    _morph,
    _np_head,
    glued_hyphen,
    np_extent,
)
from helpers.claims.attribution.places import through_its_list, with_its_place
from helpers.core.actors import Actor, canonical_actor


def _speaker_from_actor(actor: Actor, span, pos: int, ctx: Context) -> Speaker:
    gender, number = actor.gender, actor.number
    head = _np_head(span) if actor.kind != "person" else None
    if head is not None and head.pos_ in {"NOUN", "ADJ"}:
        elided = span[0].lower_ in {"l'", "l\u2019"}
        gender = (elided and agreeing_gender(head)) or _morph(head, "Gender") or gender
        number = _morph(head, "Number") or number
    if span is not None and span[0].lower_ == "les":
        number = "p"
    heads = tuple(dict.fromkeys([*actor.is_a, *([head.lemma_.lower()] if head is not None
                                                and head.pos_ == "NOUN" else [])]))
    return Speaker(actor.canonical, actor.kind, actor.side, span.text if span is not None else "",
                   pos, gender, number, heads=heads)


@dataclass
class Phrase:
    """The noun phrase headed by ``h``: tokens ``s:e``, ``s:e_app`` with an apposition, the
    actor mentions in it, its determiner."""

    ctx: Context
    h: int
    lo: int
    hi: int
    s: int
    e: int
    e_app: int
    mediated: bool
    det: str
    mentions: list
    persons: list

    @property
    def tok(self):
        return self.ctx.doc[self.h]

    @property
    def span(self):
        return self.ctx.doc[self.s : self.e]

    @property
    def full(self):
        return self.ctx.doc[self.s : self.e_app]

    def has(self, name: str) -> bool:
        return word_class(self.tok, name)


#: The word classes of nouns that can speak.
_SPEAKING = ("institution_head", "role_head", "anonymous_head", "media_head")

#: A contracted preposition holds the article of the phrase after it (``les chiffres du
#: parquet``: *le parquet*).
_CONTRACTED = {"du": "le", "au": "le", "des": "les", "aux": "les"}


def _speaking_head(ctx: Context, h: int, lo: int) -> int:
    """The body noun just before ``h`` when ``h`` cannot speak but that noun can: the model
    sometimes reads an adjective as the head (``Les douanes françaises``: *françaises* a
    noun, *douanes* its modifier)."""
    tab, k = ctx.tab, h - 1
    if k < lo or h in ctx.mention_at or tab.pos[k] != "NOUN" or not tab.text[h].islower():
        return h
    if any(_word_class_at(tab, h, c) for c in _SPEAKING):
        return h
    return k if any(_word_class_at(tab, k, c) for c in _SPEAKING) else h


def _determiner(doc, s: int) -> str:
    """The phrase's article: its first word, or the article inside the preposition before it
    (``du parquet``: ``le``)."""
    if doc[s].pos_ == "DET" or doc[s].lower_ in INDEFINITE or doc[s].lower_ in DEFINITE and (
            s + 1 < len(doc) and doc[s + 1].is_alpha):  # "précise le baromètre": "le" a PRON
        return doc[s].lower_
    before = doc[s - 1] if s else None
    return _CONTRACTED.get(before.lower_, "") if before is not None and before.pos_ == "ADP" else ""


def _phrase(ctx: Context, h: int, lo: int, hi: int) -> Phrase:
    doc, read_as_head = ctx.doc, h
    h = _speaking_head(ctx, h, lo)
    s, e = np_extent(doc, h, lo, hi)
    if e < hi and doc[h].dep_ == "det" and doc[h].head.i == e and doc[e].text.islower():
        read_as_head = e  # "de sources concordantes": "sources" parsed as a determiner
    e = max(e, read_as_head + 1)  # … of an adjective read as the head
    if h in ctx.mention_at:
        m = ctx.mention_at[h]
        s, e = min(s, m.start), max(e, m.end)
    place_end = _past_place(ctx, h, e, hi)
    e_app, mediated = _apposition(doc, place_end, hi, ctx)
    if e_app <= place_end:  # no name after the phrase of place: it is not the role's
        e_app = e
    in_span = [m for m in ctx.mentions if m.start < e_app and m.end > s]
    det = _determiner(doc, s)
    return Phrase(ctx, h, lo, hi, s, e, e_app, mediated, det, in_span,
                  [m for m in in_span if m.actor.kind == "person"])


def _past_place(ctx: Context, h: int, e: int, hi: int) -> int:
    """``Son délégué dans le Cher, Patrick Guérinot, …``: where a role's apposition may start,
    past a short phrase of place (up to a comma, no verb); ``e`` otherwise."""
    tab = ctx.tab
    if e >= hi or tab.lower[e] not in {"dans", "à", "au", "en"} or not any(
            _word_class_at(tab, h, c) for c in ("role_head", "person_noun")):
        return e
    comma = next((k for k in range(e + 1, min(hi, e + 6)) if tab.is_punct[k]), None)
    if comma is None or tab.text[comma] != "," or any(
            tab.pos[k] in {"VERB", "AUX"} for k in range(e, comma)):
        return e
    return comma


def _from_mention(p: Phrase, m) -> Speaker:
    ctx = p.ctx
    return _speaker_from_actor(m.actor, ctx.doc[m.start : m.end], p.h, ctx)


def _clean_name(span) -> str:
    """A name without its article's comma, its parenthesised acronym (``service départemental
    d'incendie et de secours (SDIS) du Finistère`` → ``… de secours du Finistère``)."""
    words = []
    depth = 0
    for t in span:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif not depth:
            words.append(t.text_with_ws)
    return "".join(words).strip(" ,")


def _without_title(span):
    """A name without the titles before it (``Me Claire Josselin``, ``la Dre Aline Roy``,
    ``M. Paul Guen`` → the name): the one place names drop them, so that the speaker and the
    story's actors cluster on the bare name. A title with no capitalised word after it stays."""
    k = 1 if len(span) > 2 and span[0].lower_ in {"le", "la", "l'"} else 0
    while len(span) > k + 1 and is_title(span[k].text) and span[k + 1].text[:1].isupper():
        span, k = span[k + 1 :], 0
    return span


def _cut_after_apostrophe(span) -> str:
    """The letters the model cut off a name after its apostrophe (``Guivarc'h``, ``Floc'h``
    come out as ``Guivarc'`` then ``h.``): the rest of the word, or ``""``."""
    if not len(span) or span[-1].whitespace_ or not span[-1].text.endswith(("'", "’")):
        return ""
    end = span[-1].i + 1
    return _LETTERS.match(span.doc[end].text).group(0) if end < len(span.doc) else ""


_LETTERS = re.compile(r"[^\W\d_]*")


def _as_written(ctx: Context, span, kind: str, pos: int) -> Speaker:
    lawyer = any(t.lower_ in _LAWYER_TITLES
                 for t in span.doc[max(0, span.start - 1) : span.start + 2])
    span = _without_title(span)
    start = span.start  # "la CGT-Cheminots de Grenoble": the words glued before by a hyphen
    while start >= 2 and glued_hyphen(ctx.tab, start - 1) and (
            span.doc[start - 2].text[:1].isupper()):
        start -= 2
    span = _before_reporting_verb(ctx, span.doc[start : span.end])
    span, kind_head = _span_of_kind(span, kind)
    if len(span) and span.end < len(span.doc) and _cut_name(span.doc[span.end]) and (
            span.doc[span.end].is_title and span[-1].ent_type_ == "PER"):
        span = span.doc[span.start : span.end + 1]  # "Yannick Le" "Floc'" "h"
    text = _clean_name(span) or span.text.strip(" ,")
    text += _cut_after_apostrophe(span)
    if len(span) > 1 and span[-2].text.endswith(("'", "\u2019")) and not span[-2].whitespace_:
        text = text.rstrip(".")  # "Guivarc'" "h.": the model put the full stop in the name
    head = kind_head if kind_head is not None else _np_head(span)
    gender = _morph(head, "Gender") if head is not None else ""
    number = _morph(head, "Number") if head is not None else ""
    first = span[0].lower_ if len(span) else ""
    if first in {"un", "le", "ce", "cet"}:  # the article is more reliable than the noun's morph
        gender, number = "m", "s"                # for epicene words ("un porte-parole")
    elif first in {"une", "la", "cette"}:
        gender, number = "f", "s"
    elif first in {"les", "des", "ces"}:
        number = "p"
    elif first in {"l'", "l\u2019"} and head is not None:
        gender = agreeing_gender(head) or gender
    heads = role_keys(head.lemma_.lower()) if head is not None and head.pos_ in {
        "NOUN", "PROPN"} else ()
    if lawyer and kind == "person":  # "Me X… L'avocate": "Me" says no gender, the name's
        heads, gender = (*heads, "avocat"), ""  # morphology is a guess
    return Speaker(canonical_actor(text), kind, nationality_side(span), span.text.strip(" ,"), pos,
                   gender, number, heads=heads)


def _before_reporting_verb(ctx: Context, span):
    """``l'agence évoque une « mesure »``: a lower-case verb of saying the model reads as an
    adjective ends the phrase; it is never part of a name."""
    for k in range(span.start + 1, span.end):
        if ctx.reporting[k] and ctx.tab.pos[k] in {"ADJ", "VERB"} and ctx.tab.text[k].islower():
            return span.doc[span.start : k]
    return span


def _span_of_kind(span, kind: str):
    """The words that name a body (:func:`_body_span`) or an anonymous source
    (:func:`_before_participle`), and the noun of a body's kind its name leaves out."""
    if kind == "institution" and len(span):
        return _body_span(span)
    if kind == "anonymous":
        return _before_participle(span), None
    return span, None


def _before_participle(span):
    """``des habitants rencontrés mercredi`` → *habitants*: an anonymous source without the
    participle that says how the newsroom met it."""
    cut = next((t.i for t in span[1:] if t.is_lower and t.lower_.endswith(_PARTICIPLE) and (
        t.pos_ in {"VERB", "ADJ"}) and t.doc[t.i - 1].pos_ == "NOUN"), span.end)
    return span.doc[span.start : cut]


def _body_span(span):
    """A body's name as written, and the noun of its kind when the name leaves it out: with its
    place (``la Fédération des propriétaires d'Ille-et-Vilaine``), its list (``de l'aménagement
    et du logement``), up to a participle (``… publié le 17 mars``), its name after a
    description (``l'association de consommateurs Alerte Conso``)."""
    span = span.doc[span.start : with_its_place(span.doc, through_its_list(span.doc, span.end))]
    cut = next((t.i for t in span[1:] if t.is_lower and t.lower_.endswith(_PARTICIPLE) and (
        t.pos_ in {"VERB", "ADJ"} or "Part" in t.morph.get("VerbForm")) and (
        t.doc[t.i - 1].lower_ not in {"de", "du", "des", "d'"}) and not _before_acronym(t)),
        span.end)
    span = span.doc[span.start : cut]
    named = _name_after_description(span)
    # the kind stays among the heads: a later "l'association" goes back to it
    return (named, _np_head(span)) if named.start > span.start else (span, None)


def _before_acronym(tok) -> bool:
    """``Fédération nationale des bailleurs privés (FNBP)``: a word right before the body's
    acronym in brackets is still its name, participle or not."""
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text == "(" and doc[tok.i + 2].is_upper


def _name_after_description(span):
    """``l'association de consommateurs Alerte Conso``, ``la compagnie à bas coût Azur
    Connect``: a body's kind, a description of it, then its name: the name. Not ``le ministère
    de l'Intérieur`` (the capital opens the complement), nor ``l'agence régionale de santé
    Grand Est`` (a place)."""
    words = [t for t in span if t.pos_ != "DET"]
    if len(words) < 4 or not word_class(words[0], "generic_org") and not word_class(
            words[0], "described_kind") or not words[1].is_lower:
        return span  # "le collectif Eau libre Poitou": the name follows the kind at once
    k = len(span)
    while k > 0 and (span[k - 1].is_title or span[k - 1].text.isupper() or span[k - 1].like_num
                     or span[k - 1].text == "&" and k > 1 and span[k - 2].is_title):
        k -= 1  # "l'association de consommateurs Clic & Droits"
    if k == len(span) or k < 2 or not span[k - 1].is_lower or span[k - 1].lower_ in {
            "de", "du", "des", "d'", "l'", "la", "le", "les", "et"} or span[k - 1].pos_ not in {
            "NOUN", "ADJ"} or any(t.ent_type_ == "LOC" for t in span[k:]):
        return span
    return span[k:]


#: Endings of past participles, which end a phrase but never a body's name.
_PARTICIPLE = ("é", "ée", "és", "ées")

#: Titles only a lawyer bears: a later *l'avocate* is the person named with one.
_LAWYER_TITLES = {"me", "maître"}
