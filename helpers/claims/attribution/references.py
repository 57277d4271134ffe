"""Phrases that point back to a speaker named before: *selon la même source*, *la même
préfecture*, a bare role (*le maire*, *l'édile*, *la chercheuse*: the last person named in that
role), a bare body (*la préfecture* → *la préfecture du Finistère*; *l'institut*,
*l'entreprise*, *l'opérateur*: the body of that kind named before, else the last body quoted).

The antecedents are the speakers already chosen in the article (``ctx.history``) and the actor
mentions in a subject's place (``ctx.subjects``), most recent first. Written by hand: no library
resolves French news references of this kind."""

from __future__ import annotations

import re

from helpers.claims.affiliations import _NAME, _kind_of_body, country_in
from helpers.claims.attribution.lexicon import (
    DEFINITE,
    class_words,
    covered_by,
    epicene,
    feminine_form,
    is_general_role,
    role_key,
    role_keys,
    word_class,
)
from helpers.claims.attribution.model import Context, Speaker
from helpers.claims.attribution.naming import _as_written
from helpers.claims.attribution.phrases import _morph, name_goes_on, np_extent
from helpers.claims.attribution.places import departmental_body

#: What a reader returns when the phrase is another reader's case.
NOT_DECIDED = object()


def retext(sp: Speaker, text: str, pos: int) -> Speaker:
    """The same speaker, named here by ``text`` at token ``pos``."""
    return Speaker(sp.name, sp.kind, sp.side, text, pos, sp.gender, sp.number, sp.role,
                   sp.heads)


def antecedents(ctx: Context, before: int) -> list[Speaker]:
    """Speakers, subject mentions and bodies or people named as a subject, before token
    ``before``, most recent first."""
    pool = sorted([(p, sp) for p, sp in ctx.history + ctx.subjects + ctx.named
                   if p < before and sp.kind], key=lambda x: -x[0])
    return [sp for _, sp in pool]


def _head(p) -> str:
    """The role or body a phrase names: its head noun's (``l'édile`` → ``maire``), or the
    whole phrase's when ``role_synonyms.csv`` lists it (``le ministère public`` → ``parquet``)."""
    whole = " ".join(p.ctx.tab.lower[p.h : p.e]).replace("' ", "'")  # "chef d'établissement"
    if role_key(whole) != whole:
        return role_key(whole)
    return role_key(p.tok.lemma_.lower()) if p.tok.lemma_ else p.tok.lower_


def _plain(p) -> bool:
    """A bare description: a singular definite article, the noun and its adjectives, no name
    (``la préfecture``, ``l'institut``); a noun for any body may also take a common-noun
    complement (``l'organisme de prévision``), a named body may not (``la préfecture de
    police`` is a name)."""
    if p.det not in DEFINITE - {"les"} or p.mentions:
        return False
    doc = p.ctx.doc
    # the head may be an acronym the lexicon knows ("l'ONG")
    words = [t for t in doc[p.s + 1 : p.e] if t.i != p.h or not p.has("institution_head")]
    if any(t.pos_ == "PROPN" or not t.is_lower and t.is_alpha and t.i > p.s for t in words):
        return False  # a name, even one the model does not tag as one ("LockNova")
    return p.has("generic_org") or not any(t.pos_ in {"NOUN", "ADP"} for t in words
                                           if t.i != p.h)


def _in_sentence(ctx: Context, p, head: str) -> Speaker | None:
    """``Dans l'Éducation nationale, le ministère…``: a body of that kind named earlier in the
    same sentence, even after a preposition."""
    for m in reversed(ctx.mentions):
        if p.lo <= m.start and m.end <= p.s and head in m.actor.is_a:
            return Speaker(m.actor.canonical, m.actor.kind, m.actor.side, "", m.start,
                           m.actor.gender, m.actor.number, heads=m.actor.is_a)
    return None


def _place(ctx: Context, p) -> str:
    """The place a sentence opens with (``À Rennes, la préfecture…`` → ``rennes``), or ``""``."""
    tab = ctx.tab
    if tab.lower[p.lo] not in {"à", "au", "en", "dans"}:
        return ""
    words = []
    for k in range(p.lo + 1, min(p.s, p.lo + 6)):
        if tab.text[k] == ",":
            break
        if tab.pos[k] == "PROPN":
            words.append(tab.lower[k])
    return " ".join(words)


def _same_head(ctx: Context, p, head: str, kinds: set[str]) -> Speaker | None:
    """The last antecedent of ``kinds`` named with ``head`` (its gender agreeing for a person),
    not one named for another place than the one the sentence opens with (``À Rennes, la
    préfecture`` is not the Bouches-du-Rhône's)."""
    wanted = {"la": "f", "le": "m"}.get(p.det, "")
    if not wanted and not epicene(p.tok):  # "l'édile": the noun's gender
        wanted = _morph(ctx.doc[p.h], "Gender")
        if feminine_form(p.tok):  # "l'élue": the model's morphology says masculine
            wanted = "f"
    country = country_in(p.span.text)  # "le président ukrainien" is not the Korean one
    for sp in antecedents(ctx, p.s):
        if country and country_in(f"{sp.name} {sp.role}") != country:
            continue
        if sp.kind in kinds and head in sp.heads and (
                sp.kind != "person" or not wanted or not sp.gender or sp.gender == wanted):
            return None if _named_elsewhere(ctx, p, sp) else sp
    return None


def _named_elsewhere(ctx: Context, p, sp: Speaker) -> bool:
    """Is ``sp`` named for another place than the one the sentence opens with (``À Rennes, la
    préfecture`` is not the Bouches-du-Rhône's)?"""
    place = _place(ctx, p)
    return bool(place) and place not in sp.name.lower() and any(
        w[:1].isupper() for w in sp.name.split()[1:])


def same_source(p):
    """``selon la même source`` → the source before; ``la même préfecture`` → the last
    *préfecture*."""
    ctx = p.ctx
    if p.det not in DEFINITE or "même" not in ctx.tab.lower[p.s : p.h]:
        return NOT_DECIDED
    head = _head(p)
    found = None
    if head != "source":
        found = _same_head(ctx, p, head, {"institution", "person", "media", "anonymous"})
    if found is None:
        found = source_before(ctx, p.s)
    return retext(found, p.span.text, p.h) if found is not None else NOT_DECIDED


def source_before(ctx: Context, pos: int) -> Speaker | None:
    """The last source quoted before token ``pos`` (what *de même source* and *selon la même
    source* point back to), else None."""
    earlier = [(k, sp) for k, sp in ctx.history if k < pos]
    return max(earlier, key=lambda x: x[0])[1] if earlier else None


def bare_reference(p):
    """``le maire``, ``l'édile``, ``la chercheuse`` → the last person in that role;
    ``la préfecture``, ``le rectorat`` → the last body of that name; ``l'institut``,
    ``l'entreprise``, ``l'opérateur`` → the body of that kind named before, else the last body
    quoted."""
    if not _plain(p):
        found = _shortened_role(p) or _periphrasis(p)
        return renamed(found, p) if found is not None else NOT_DECIDED
    ctx = p.ctx
    head = _head(p)
    body = p.has("institution_head") or p.has("generic_org") or p.has("media_head") or (
        p.has("local_body"))  # "le port", "l'aéroport": a body that sits in a town
    if p.has("role_head") or head == "chercheur" or is_general_role(head) and not body:
        found = _same_head(ctx, p, head, {"person"})
        return renamed(found, p) if found is not None else NOT_DECIDED
    if not body:
        # "la pédiatre" after "Aline Roy, pédiatre au CHU": any noun a person was named by
        found = _same_head(ctx, p, head, {"person"}) if p.tok.pos_ == "NOUN" else None
        return renamed(found, p) if found is not None else NOT_DECIDED
    found = _in_sentence(ctx, p, head) or _same_head(ctx, p, head, {"institution", "media"})
    if found is None and p.has("company_noun"):
        found = _company_before(ctx, p)
    if found is None:
        found = _body_by_other_words(ctx, p, head)
    return renamed(found, p) if found is not None else NOT_DECIDED


def _body_by_other_words(ctx: Context, p, head: str) -> Speaker | None:
    """A bare body noun no body was named with before: the same words then a name anywhere
    before, the ministry of the minister named, a body of a kind the general noun covers, the
    département's council, the body in the role of the person just quoted, else (for a
    general noun: *l'entreprise*) the last body quoted."""
    found = _named_earlier(ctx, p)
    if found is None and head == "ministère":
        found = _ministry_of_minister(ctx, p)
    if found is None and is_general_role(head):
        found = _body_of_unstated_kind(ctx, p)
    if found is None and p.has("departmental_body"):
        found = departmental_body(p)
    if found is not None or _complement(p):
        return found
    if p.has("generic_org") or is_general_role(head):
        found = _body_in_role(ctx, p)
    if found is None and p.has("generic_org"):
        found = next((sp for sp in antecedents(ctx, p.s) if sp.kind == "institution"
                      and sp in [s for _, s in ctx.history]), None)
    return found


def renamed(sp: Speaker, p) -> Speaker:
    """``sp``, named here by the phrase ``p``, whose gender a later pronoun agrees with: a
    body's as its noun says (``le collectif X … Selon l'association, … Elle appelle``), a
    person's as the article says (``Claire Roy… confie la vétérinaire``: the model's guess from
    a first name gives way)."""
    found = retext(sp, p.span.text, p.h)
    gender = GENDER_OF_DETERMINER.get(p.det, "")
    if sp.kind == "institution":
        gender = gender or _morph(p.tok, "Gender")
    if gender and sp.kind in {"institution", "person"}:
        found.gender = gender
    return found


#: The gender a singular determiner gives the noun after it.
GENDER_OF_DETERMINER = {"le": "m", "la": "f", "ce": "m", "cet": "m", "cette": "f"}


def _body_in_role(ctx: Context, p) -> Speaker | None:
    """``a précisé Sandrine Keller, directrice territoriale de GRDF. D'après l'entreprise…``: a
    general noun for a body, right after a person whose role is in a body named by its name
    (not a mayor's or a prefect's town), is that body."""
    last = next(iter(antecedents(ctx, p.s)), None)
    if last is None or last.kind != "person" or _kind_of_body(last.role):
        return None
    m = re.match(rf"[\w-]+(?: [a-zé][\w-]*)? (?:de la |de l'|du |des |de |d')"
                 rf"({_NAME}(?: (?!{_LINKS}\b)[a-zéèêàâîôûç-]+){{0,2}})", last.role)
    if m is None:
        return None
    # "président du Collectif des riverains… L'association": a body the text gives another kind
    kind, head = m.group(1).split()[0].lower(), _head(p)
    companies = class_words("company_noun")
    if _names_a_kind_of_body(kind) and kind != head and head not in role_keys(kind) and not (
            kind in companies and head in companies):
        return None
    return Speaker(m.group(1), "institution", last.side, p.span.text, p.h, heads=(head,))


#: Words that end a body's name in a role (``Coordination rurale dans la Creuse``).
_LINKS = "(?:de|du|des|d|en|à|au|aux|dans|pour|sur|chez|et|la|le|les|l|depuis)"


def _periphrasis(p) -> Speaker | None:
    """``le représentant de l'État`` (the préfet): a phrase ``role_synonyms.csv`` reads whole
    as a role is the last person named in that role."""
    if p.det not in DEFINITE - {"les"} or p.mentions:
        return None
    whole = " ".join(p.ctx.tab.lower[p.h : p.e]).replace("' ", "'")
    role = role_key(whole)
    if role == whole:
        return None
    # "le représentant de l'État" may be a préfète: the periphrasis's gender says nothing
    return next((sp for sp in antecedents(p.ctx, p.s) if sp.kind == "person" and role in sp.heads),
                None)


def _ministry_of_minister(ctx: Context, p) -> Speaker | None:
    """``La ministre de la Culture, Hélène Vautrin, … Le ministère a annoncé``: the ministry of
    the last minister named before, no other body quoted in between."""
    for sp in antecedents(ctx, p.s):
        if sp.kind == "institution":
            return None
        if sp.kind == "person" and sp.role.lower().startswith("ministre "):
            # "ministre de la Culture" names its ministry; "ministre déléguée chargée de…" does not
            rest = sp.role[len("ministre"):]
            if not rest.lower().startswith((" de ", " des ", " du ", " d'", " d’")):
                return None
            return Speaker("ministère" + rest, "institution", sp.side, p.span.text, p.h, "m", "s",
                           heads=("ministère",))
    return None


def _body_of_unstated_kind(ctx: Context, p) -> Speaker | None:
    """``d'après un communiqué de l'Ufap-Unsa Justice. Le syndicat réclame…``: a general noun
    for bodies (``general_roles.csv``: *le syndicat*, *l'instance*, *l'ONG*) with no body of
    its kinds named before is the last body quoted by a name alone, not across a body the text
    gives another kind (*la préfecture*, *le groupe X*)."""
    quoted = [s for _, s in ctx.history]
    for sp in antecedents(ctx, p.s):
        if sp.kind != "institution" or sp not in quoted:
            continue
        return sp if sp.name[:1].isupper() and not any(
            _names_a_kind_of_body(h) for h in sp.heads) else None
    return None


def _names_a_kind_of_body(word: str) -> bool:
    """Is ``word`` a noun the lexicon knows for a kind of body (``préfecture``, ``groupe``)?"""
    return any(word in class_words(c) for c in _BODY_CLASSES)


#: The classes of ``attribution_words.csv`` whose nouns say what kind of body one is.
_BODY_CLASSES = ("institution_head", "generic_org", "company_noun", "described_kind",
                 "media_head", "local_body")


def _company_before(ctx: Context, p) -> Speaker | None:
    """``le groupe``, ``l'équipementier`` → the last company named before, by any noun for a
    company (``le fabricant Ludéo``) or by its own name alone (``Valdrive va fermer…``)."""
    nouns = class_words("company_noun")
    for sp in antecedents(ctx, p.s):
        if sp.kind != "institution" or "pays" in sp.heads:  # a country is no company
            continue
        if not nouns.isdisjoint(sp.heads) or sp.name[:1].isupper() and " " not in sp.name and (
                not sp.name.isupper()):
            return sp
    return None


def _shortened_role(p) -> Speaker | None:
    """``le président de la chambre`` after ``le président de la chambre d'agriculture de la
    Vienne, Jean-Michel Roux``: a role with the start of its complement is the last person
    named in the whole role."""
    if p.det not in DEFINITE - {"les"} or p.mentions or p.e <= p.h + 2 or not p.has("role_head"):
        return None
    short = p.ctx.doc[p.h : p.e].text.lower()
    if any(t.pos_ == "PROPN" for t in p.span):
        return None
    return next((sp for sp in antecedents(p.ctx, p.s) if sp.kind == "person" and (
        sp.role.lower().startswith(short + " ") or sp.role.lower() == short)), None)


def _named_earlier(ctx: Context, p) -> Speaker | None:
    """``le centre hospitalier`` after ``Le service d'urgences du centre hospitalier de
    Ploërmel``: the same words, then a name, anywhere before (a complement too, not only a
    speaker or a subject), the last time. Only the words before the bare phrase are read, and
    only where its head noun occurs."""
    tab, words = ctx.tab, ctx.tab.lower[p.h : p.e]
    # "l'établissement" also names "le centre hospitalier de Vannes" (general_roles.csv)
    kinds = covered_by(tab.lemma[p.h].lower()) if len(words) == 1 else set()
    first, lower, lemma = words[0], tab.lower, tab.lemma
    for k in [k for k in range(p.s - 1, -1, -1) if lower[k] == first or kinds and (
            lower[k] in kinds or lemma[k] in kinds)]:
        n = len(words) if lower[k : k + len(words)] == words else 1
        if n == 1 and len(words) > 1 and not kinds or ctx.inside[k]:
            continue
        e = _name_end(ctx, k, n, bool(kinds))
        if e is not None:
            s = k  # "la Haute Autorité de…": the capitalised words of the name before its kind
            while s > ctx.doc[k].sent.start + 1 and tab.text[s - 1][:1].isupper() and (
                    tab.pos[s - 1] in {"ADJ", "NOUN", "PROPN"}):
                s -= 1
            found = _as_written(ctx, ctx.doc[s:e], "institution", s)
            if _named_elsewhere(ctx, p, found):
                continue
            # "la communauté d'agglomération du Pays de Grasse" quoted before: the name it
            # completes with no article (not "le service d'urgences du centre hospitalier")
            inside = (f"d'{found.name}", f"de {found.name}")
            return next((sp for sp in antecedents(ctx, p.s) if sp.kind == "institution"
                         and sp.name.endswith(inside)), found)
    return None


def _name_end(ctx: Context, k: int, n: int, any_name: bool) -> int | None:
    """Where the name ends that the ``n`` words of a body's kind at ``k`` begin, or None when
    they begin no name: the words then *de* and a name (``le centre hospitalier de Ploërmel``),
    adjectives first (``le comité régional de la conchyliculture``); a kind of body
    (``any_name``: ``lycée``) then any name; a capitalised kind starts the name itself, however
    it goes on (``l'Institut national pour la sécurité des sols``)."""
    tab, sent = ctx.tab, ctx.doc[k].sent
    e = np_extent(ctx.doc, k, sent.start, sent.end)[1]
    capital = tab.text[k][:1].isupper() and k > sent.start
    if capital:
        e = name_goes_on(ctx.doc, k, e, sent.end)
    a = k + n
    while a < e and tab.pos[a] == "ADJ" and tab.text[a].islower():
        a += 1
    links = {"de", "du", "des", "d'"} | ({"pour", "sans", "contre"} if capital else set())
    # "le collectif Sauvons le Clos-Moreau": the name right after the kind
    if a >= e or not (any_name or tab.lower[a] in links or tab.is_title[a]):
        return None
    # a name, even one the model tags as a common noun ("de Neufchâteau")
    return e if capital or any(tab.pos[x] == "PROPN" or tab.is_title[x] for x in range(a, e)) else (
        None)


def _complement(p) -> bool:
    """``le groupe de pirates``, ``la société de nettoyage``: a noun after the head says what
    kind of body it is, so it is not just any body quoted before."""
    return any(t.pos_ == "NOUN" for t in p.ctx.doc[p.h + 1 : p.e])


def is_generic_body(tok) -> bool:
    """``entreprise``, ``institut``, ``opérateur``…: a noun for any body of that kind."""
    return word_class(tok, "generic_org")
