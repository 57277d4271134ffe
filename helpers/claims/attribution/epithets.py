"""A definite noun phrase that names someone already in the story by a new description: the
*reprise* of French news writing, which avoids repeating a name (``Hervé Kerjean, agriculteur à
Pleyben… L'exploitant dit…``, ``Le groupe Solvena… Le chimiste assure…``, ``La Fondation pour
le logement… Selon l'organisation caritative…``, ``Léa Roy, infirmière… La soignante
affirme…``).

The other readers take a bare noun back only to someone named with the same noun, or with a
noun the lexicon links to it (:mod:`.references`). This is the fallback when they find nobody:
the most recent person or body quoted or named as a subject in the last sentences, of a kind the
noun can describe (a person for *la soignante*, a body for *l'organisation*), a person's gender
agreeing with the article. A journalist uses such a description right after the one it stands
for, so the search stops a few sentences back; beyond that the phrase stays as written. A
singular demonstrative (*ce commercial*, *cette ancienne institutrice*) is read the same way.

Written by hand: spaCy's French models have no coreference component, and no maintained library
resolves French coreference within the course's pinned, offline stack."""

from __future__ import annotations

from bisect import bisect_right

from helpers.claims.affiliations import country_in
from helpers.claims.attribution.lexicon import (
    DEFINITE,
    DEMONSTRATIVE,
    epicene,
    feminine_form,
    has_a_person_ending,
)
from helpers.claims.attribution.model import Context, Speaker
from helpers.claims.attribution.naming import _as_written, _speaker_from_actor
from helpers.claims.attribution.phrases import _morph, np_extent
from helpers.claims.attribution.pronouns import _last_speaker
from helpers.claims.attribution.references import (
    GENDER_OF_DETERMINER,
    NOT_DECIDED,
    _named_earlier,
    renamed,
)
from helpers.core.nlp import _sentence_bounds, entity_bounds

#: How many sentences before the phrase's own an antecedent may be.
WINDOW = 2

#: Word classes (``attribution_words.csv``) of general nouns for bodies, which describe no
#: person: *l'organisation*, *le groupe*, *l'assureur*, *le collectif*.
_BODY_CLASSES = ("generic_org", "company_noun", "described_kind")

#: Word classes of nouns that name a body of their own (*la police*, *la présidence*, *la
#: préfecture*), which :mod:`.references` takes back or leaves as written.
_NAMING_CLASSES = ("institution_head", "local_body", "body_part")

#: Word classes of nouns that are no description of a speaker (a document has its own reader,
#: a figure or a time is not a source).
_NOT_A_DESCRIPTION = ("document_head", "not_speaker", "not_source", "claim_noun", "figure_word",
                      "measure_word", "time_word", "media_head", "skip", "title")


def definite_description(p):
    """A reader (:mod:`.nouns`): ``le soldat`` → the earlier mention of a soldier; else the
    person or body a plain definite phrase describes anew (:func:`epithet`); else an anonymous
    noun as written (``la source``)."""
    named = any(t.text[:1].isupper() for t in p.ctx.doc[p.h + 1 : p.e])  # "l'institut Opinia"
    if p.det in DEFINITE and p.has("anonymous_head") and not named:
        earlier = corefer(p.ctx, p.tok)
        found = epithet(p)
        # "Un spécialiste nous explique… le Pr Mathieu Schaller… Le spécialiste estime": a
        # person named since the earlier mention is the one described
        if earlier is not None and not (found is not NOT_DECIDED and found.kind == "person"
                                        and " " in found.name and _named_after(
                                            p.ctx, found, earlier.pos)):
            return renamed(earlier, p)
        if found is NOT_DECIDED and p.has("institution_head"):
            # "l'Institut français de recherche pour l'exploitation de la mer… L'institut juge"
            found = _named_earlier(p.ctx, p) or NOT_DECIDED
        return found if found is not NOT_DECIDED else _as_written(p.ctx, p.span, "anonymous", p.h)
    return epithet(p)


def _named_after(ctx: Context, sp: Speaker, pos: int) -> bool:
    """Is the person ``sp`` named (quoted or as a subject) after token ``pos``?"""
    return any(q > pos and a.name == sp.name for q, a in ctx.history + ctx.subjects)


def corefer(ctx: Context, tok) -> Speaker | None:
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
            # "Le vétérinaire du refuge, Thomas Lagarde, examine…": the name in apposition
            named = next((sp for q, sp in ctx.subjects + ctx.history if j <= q <= e + 4
                          and sp.kind == "person" and " " in sp.name), None)
            if named is not None:
                return named
            continue  # another reference to the same person: keep looking for the first
        return _as_written(ctx, doc[s:e], "anonymous", j)
    return None


def epithet(p):
    """A reader (:mod:`.nouns`): the person or body the plain definite phrase ``p`` describes
    anew, or ``NOT_DECIDED`` when it is no such phrase or nobody fits."""
    kind = _kind_described(p)
    if kind is None:
        return NOT_DECIDED
    found = _antecedent(p, kind)
    return renamed(found, p) if found is not None else NOT_DECIDED


def _kind_described(p) -> str | None:
    """``"person"``, ``"institution"`` or ``"any"``: what the phrase can describe, or None when
    it is not a plain singular definite description (an article, the noun, adjectives)."""
    tok = p.tok
    if p.det not in {"le", "la", "l'"} or p.mentions or not tok.text.islower():
        return None
    if tok.pos_ not in {"NOUN", "ADJ"} or any(p.has(c) for c in _NOT_A_DESCRIPTION):
        return None
    if not _plain_description(p):
        return None
    if country_in(p.span.text):
        return None  # "le président ukrainien" is not the Korean one named before
    if any(p.has(c) for c in _BODY_CLASSES):
        return "institution"
    if any(p.has(c) for c in _NAMING_CLASSES):
        return None
    if any(p.has(c) for c in ("role_head", "anonymous_head", "person_noun")):
        return "person"
    subject = tok.dep_.startswith("nsubj")
    if subject and not p.ctx.reporting[tok.head.i]:
        return None  # "le vent semblait faiblir": a noun of any other kind must report
    if has_a_person_ending(tok):
        return "any"  # "le transporteur", "le chimiste": a company too
    return "any" if subject else None  # "L'ordre rappelle…"; "selon la carte" is a thing


def demonstrative(p):
    """A reader (:mod:`.nouns`): ``ce commercial``, the person named last
    (:func:`demonstrative_person`); else, for ``ce responsable``, ``cette source``, the speaker
    just before."""
    found = demonstrative_person(p)
    if found is None and p.det in DEMONSTRATIVE and any(
            p.has(c) for c in ("anonymous_head", "role_head", "person_noun")):
        found = _last_speaker(p.ctx, p.h)
        found = renamed(found, p) if found is not None else None
    return found if found is not None else NOT_DECIDED


def demonstrative_person(p) -> Speaker | None:
    """``raconte ce commercial``, ``Cette ancienne institutrice dit…``: a singular
    demonstrative before a noun for a person, or before any noun that is the subject of a verb
    of saying, is the person named last (quoted, a subject or a name), its gender agreeing."""
    tok = p.tok
    if p.det not in {"ce", "cet", "cette"} or p.mentions or not tok.text.islower() or (
            tok.pos_ not in {"NOUN", "ADJ"}) or any(
            p.has(c) for c in _NOT_A_DESCRIPTION + _BODY_CLASSES + _NAMING_CLASSES):
        return None
    person_like = has_a_person_ending(tok) or feminine_form(tok) or any(
        p.has(c) for c in ("role_head", "anonymous_head", "person_noun"))
    if not person_like and not (p.ctx.reporting[tok.head.i] and (
            tok.dep_.startswith("nsubj") or _inverted_after(p.ctx, tok.head.i, tok.i))):
        return None
    found = _antecedent(p, "person")
    return renamed(found, p) if found is not None else None


def _inverted_after(ctx: Context, verb: int, k: int) -> bool:
    """Is token ``k`` right after the verb of an incise (``», raconte ce commercial``, ``, a
    ajouté ce commercial``): the verb's inverted subject, whatever the parse calls it?"""
    start = verb - (verb > 0 and ctx.tab.pos[verb - 1] == "AUX")
    return k > verb and start > 0 and ctx.tab.text[start - 1] in {",", "»", "”"}


def _plain_description(p) -> bool:
    """The noun and lower-case adjectives; a complement only after a noun for a body that does
    something (``le gestionnaire des voies`` is the body that manages them; ``le responsable de
    la communication`` is someone else, ``le groupe de pirates`` another body)."""
    rest = [t for t in p.ctx.doc[p.s + 1 : p.e] if t.i != p.h]
    if any(not t.text.islower() for t in rest):
        return False
    # "l'élue d'opposition", "l'agent de terrain": de and a noun with no article qualify
    rest = [t for k, t in enumerate(rest) if not (t.lower_ in {"de", "d'"} and k + 1 < len(
        rest) and rest[k + 1].pos_ == "NOUN") and not (k and rest[k - 1].lower_ in {"de", "d'"}
                                                       and t.pos_ == "NOUN")]
    return all(t.pos_ == "ADJ" for t in rest) or (
        any(p.has(c) for c in _BODY_CLASSES) and has_a_person_ending(p.tok))


def _antecedent(p, kind: str) -> Speaker | None:
    """The most recent speaker or subject within :data:`WINDOW` sentences that ``kind`` allows,
    a person first for a noun that may describe either."""
    ctx: Context = p.ctx
    starts = [s for s, _ in _sentence_bounds(ctx.doc)]
    here = bisect_right(starts, p.s) - 1
    first = starts[max(0, here - WINDOW)] if here >= 0 else 0
    pool = sorted(((pos, sp) for pos, sp in ctx.history + ctx.subjects + ctx.named
                   if first <= pos < p.s and sp.kind and sp.name and sp.number != "p"),
                  key=lambda x: -x[0])
    gender = _gender(p)
    people = [sp for _, sp in pool if sp.kind in {"person", "anonymous"}
              and (not gender or not sp.gender or sp.gender == gender)]
    bodies = [sp for _, sp in pool if sp.kind == "institution" and "pays" not in sp.heads]
    if not people and kind != "institution":
        people = _people_named(p, first)
    if kind == "person":
        return people[0] if people else None
    if kind == "institution":
        return bodies[0] if bodies else None
    return people[0] if people else bodies[0] if bodies else None


def _people_named(p, first: int) -> list[Speaker]:
    """People the model names between token ``first`` and the phrase, outside quotes and
    wherever they stand (``Les parents ont mandaté une avocate, Me Sandrine Lopès.
    L'avocate…``), most recent first."""
    ctx = p.ctx
    return [_as_written(ctx, ctx.doc[s:e], "person", s)
            for s, e, label in reversed(entity_bounds(ctx.doc))
            if label == "PER" and first <= s and e <= p.s and not ctx.inside[s] and e - s >= 2]


def _gender(p) -> str:
    """The gender the phrase gives a person: its article's, else its noun's (``l'élue``)."""
    if p.det in GENDER_OF_DETERMINER:
        return GENDER_OF_DETERMINER[p.det]
    if epicene(p.tok):
        return ""
    if feminine_form(p.tok):
        return "f"
    return _morph(p.tok, "Gender")
