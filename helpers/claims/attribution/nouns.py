"""Noun phrases into speakers (their extent and appositions are :mod:`.phrases`):
:func:`speaker_from_head` runs one reader per kind of phrase, in order: a pronoun, a number
(never a speaker), a known actor, *la même source*, a medium by its title, a part of a body
(*la direction de X*), an anonymous source, a role (with its name in apposition), a possessive
body (*son ministère*), a document (the body behind it), a phrase pointing back
(:mod:`.references`, :mod:`.epithets`), a body named in apposition or known by a part of it
(:mod:`.bodies`), a named entity, a phrase as written (a name after an article is a body's)."""

from __future__ import annotations

from helpers.claims.attribution.bodies import body_in_apposition, unit_of_a_body
from helpers.claims.attribution.body_parts import body_of_role, part_of_a_body
from helpers.claims.attribution.documents import POSSESSIVES, document_author
from helpers.claims.attribution.epithets import (
    definite_description,
    demonstrative,
    epithet,
    has_a_person_ending,
)
from helpers.claims.attribution.inner_actors import mention_inside
from helpers.claims.attribution.lexicon import (
    DEFINITE,
    INDEFINITE,
    KIND_BY_CLASS,
    KIND_BY_LABEL,
    PRONOUNS,
    agreeing_gender,
    epicene,
    feminine_form,
    is_number,
    is_title,
    role_keys,
    word_class,
)
from helpers.claims.attribution.members import body_of_members
from helpers.claims.attribution.model import Context, Speaker
from helpers.claims.attribution.naming import (
    Phrase,
    _as_written,
    _from_mention,
    _phrase,
)
from helpers.claims.attribution.person_names import _name_in
from helpers.claims.attribution.phrases import (
    _morph,
    _name_before,
    _role_after,
    glued_hyphen,
    name_goes_on,
    np_extent,
)
from helpers.claims.attribution.pronouns import _clitic_word, resolve_pronoun
from helpers.claims.attribution.references import (
    NOT_DECIDED,
    antecedents,
    bare_reference,
    retext,
    same_source,
)
from helpers.claims.attribution.seats import seat_body
from helpers.core.actors import canonical_actor, country_adjective

# ----------------------------------------------------------------------------- readers
# Each reader returns a Speaker, None (nobody speaks), or NOT_DECIDED (another reader's case).


def _number_phrase(p: Phrase):
    """``Au moins six personnes sont mortes, a annoncé…``, ``12 morts``, ``quatre diplomates``:
    never a speaker (``les huit organisations``, ``signé par quatre associations``: a group
    that can speak may be one)."""
    tab = p.ctx.tab
    if tab.lower[p.s] in DEFINITE | {"ses", "leurs", "nos", "vos"} or p.has("institution_head"):
        return NOT_DECIDED
    if any(is_number(tab, k) for k in range(p.s, p.h + 1)):
        return None
    return NOT_DECIDED


def _known_actor(p: Phrase):
    """The head is an actor of the tables; a body with a person in apposition is the person."""
    m = p.ctx.mention_at.get(p.h)
    if m is None:
        return NOT_DECIDED
    if m.actor.kind in {"person", "anonymous"}:
        return _from_mention(p, m)
    appositive = [x for x in p.persons if x.start >= p.e]
    if appositive:
        return _from_mention(p, appositive[0])
    if p.mediated:  # "L'OTAN, par l'intermédiaire de son secrétaire général, Mark Rutte,"
        name = _name_in(p.ctx.doc, p.e, p.e_app)
        if name is not None:
            return _as_written(p.ctx, name, "person", p.h)
    doc, end = p.ctx.doc, m.end
    while end < p.hi and doc[end].is_title and end not in p.ctx.mention_at and (
            doc[end].pos_ in {"PROPN", "NOUN", "ADJ"}) and not word_class(doc[end], "time_word"):
        end += 1  # "SNCF Voyageurs", "EDF Renouvelables": a body named after its group
    if end > m.end and m.actor.kind == "institution":
        return _as_written(p.ctx, doc[m.start : end], "institution", p.h)
    return _from_mention(p, m)


def _titled_person(p: Phrase):
    """``M. Paul Guen, gérant…``, ``le Dr Yann Roux``: the parse makes the title the head;
    the person is the name after it (and the role in apposition after the name)."""
    tab, h = p.ctx.tab, p.h
    if not is_title(tab.text[h]) or h + 1 >= p.hi or not tab.text[h + 1][:1].isupper():
        return NOT_DECIDED
    name = _name_in(p.ctx.doc, h + 1, max(p.e, h + 2), after_role=True)
    if name is None and tab.pos[h + 1] in {"PROPN", "NOUN"} and (
            h + 2 >= p.hi or not tab.text[h + 2][:1].isupper()):
        name = p.ctx.doc[h + 1 : h + 2]  # "M. Schaller", "le Pr Schaller": a surname alone
    if name is None or name.start != h + 1:
        return NOT_DECIDED
    role = _role_after(p.ctx, name.end, p.hi)
    sp = _as_written(p.ctx, name, "person", h)
    return _with_role(sp, role) if role is not None else sp


def _anonymous(p: Phrase):
    """``un responsable ukrainien``, ``des sources diplomatiques``; ``l'Institut pour l'étude
    de la guerre`` (a capitalised head after the article) is a named body."""
    tok, doc = p.tok, p.ctx.doc
    if not (p.has("anonymous_head") or _someone_described(p)):  # "un technicien de la SNCF"
        return NOT_DECIDED
    if p.det in DEFINITE and tok.is_title and not (
            tok.is_sent_start or doc[p.s].is_sent_start and p.s == p.h - 1):
        return _as_written(p.ctx, p.span, "institution", p.h)
    if p.det in INDEFINITE | {""}:
        named = _person_in_apposition(p)  # "Un festivalier, Hugo Maurel, raconte…"
        if named is not NOT_DECIDED:
            return named
        anon = [m for m in p.mentions if m.actor.kind == "anonymous"]
        if anon:
            return _from_mention(p, anon[0])
        return _as_written(p.ctx, _with_relative(p), "anonymous", p.h)
    return NOT_DECIDED


def _someone_described(p: Phrase) -> bool:
    """``un technicien``, ``une infirmière en réanimation``: an indefinite noun for a person
    (by its ending) before a verb of saying (not ``Un soutien en échange…``, a headline)."""
    tok, tab = p.tok, p.ctx.tab
    cited = p.s > 0 and (tab.lower[p.s - 1] == "selon" or tab.lower[p.s - 2 : p.s] == ["d'",
                                                                                       "après"])
    # the verb of saying after it, or just before it (``…, reconnaît un prévisionniste``)
    near = range(max(tok.sent.start, p.s - 3), p.s)
    return p.det in INDEFINITE and tok.is_lower and has_a_person_ending(tok) and not p.has(
        "document_head") and (cited or any(
        p.ctx.reporting[k] for k in (*range(p.e, tok.sent.end), *near)))


def _with_relative(p: Phrase):
    """The phrase and the relative clause that defines it, with no comma between (``Un
    automobiliste qui suivait le car affirme…`` → *automobiliste qui suivait le car*: the
    source as written); a relative between commas only describes it (``Un vétérinaire du
    secteur, qui a requis l'anonymat, estime…`` → *vétérinaire du secteur*). The clause ends
    at a punctuation mark or the phrase's bound (the verb, when the subject comes first)."""
    tab = p.ctx.tab
    if p.e >= p.hi or tab.lower[p.e] != "qui":
        return p.span
    end = next((k for k in range(p.e + 1, p.hi) if tab.is_punct[k] or p.ctx.inside[k]), p.hi)
    if {"anonymat", "anonyme"} & set(tab.lower[p.e : end]):
        return p.span  # "qui a souhaité garder l'anonymat" says why no name, not who
    return p.ctx.doc[p.s : end] if end - p.e <= _RELATIVE_WORDS else p.span


#: The longest defining relative clause kept in an anonymous source's name, in words.
_RELATIVE_WORDS = 8


def _titled_name(p: Phrase):
    """``le prévisionniste Paul Berger``, ``l'historien de l'art Gérard Lemoine``: a common noun
    the lexicon does not list (and its lower-case complement), then a name: the person, with
    the words before the name as their role."""
    tok, tab = p.tok, p.ctx.tab
    if tok.pos_ != "NOUN" or not tok.is_lower or p.mentions or any(p.has(c) for c in (
            "role_head", "institution_head", "media_head", "document_head", "generic_org")):
        return None  # a body's name after its noun ("le syndicat Sud Santé") is the body's
    k = p.h + 1  # the parse may end the phrase before a name it tags as a thing
    while k < min(p.hi, p.h + 5) and tab.text[k].islower() and not tab.is_punct[k]:
        k += 1
    name = _name_in(p.ctx.doc, k, min(p.hi, k + 5), after_role=True)
    if name is not None and all(t.is_title for t in p.ctx.doc[k : name.start]):
        return p.ctx.doc[k : name.end]  # a first name the model tags as a noun ("Marion")
    return None


def _role(p: Phrase):
    """``le maire de Brest, Paul Guen`` / ``Paul Guen, maire de Brest`` (the person);
    ``le porte-parole de l'armée`` (one identifiable person); ``un commandant`` (anonymous);
    ``le prévisionniste Paul Berger`` (a noun, then a name)."""
    titled = _titled_name(p)
    if titled is not None:
        return _with_role(_as_written(p.ctx, titled, "person", p.h), p.ctx.doc[p.s : titled.start])
    ctx = p.ctx
    if not p.has("role_head"):
        return _person_in_apposition(p)
    if p.persons:
        return _with_role(_from_mention(p, p.persons[0]), p.span)
    name = _name_in(ctx.doc, p.h + 1, p.e_app, after_role=True) or _name_before(ctx, p.s, p.lo)
    if name is not None and p.h < name.start < p.e and ctx.doc[name.start - 1].lower_ in {
            "de", "du", "d'", "des"}:
        # "la vice-présidente de Saint-Étienne Métropole, Sylvie Marchetti": the name in
        # apposition holds the role, not a body the model tags a person after its "de"
        name = _name_in(ctx.doc, p.e, p.e_app, after_role=True) or name
    if name is not None:
        # "le colonel Hervé Quéméner": the role is the words before the name
        role = ctx.doc[p.s : name.start] if p.s < name.start < p.e else p.span
        return _with_role(_as_written(ctx, name, "person", p.h), role)
    reference = bare_reference(p)
    if reference is NOT_DECIDED:
        reference = epithet(p)  # "Jean Morel, le directeur… Le patron assure"
    if reference is not NOT_DECIDED:
        return reference
    kind = "anonymous" if p.det in {"un", "une", "des", "de", "d'"} else "person"
    sp = _as_written(ctx, p.span, kind, p.h)
    return _with_role(sp, p.span) if kind == "person" else sp


def _person_in_apposition(p: Phrase):
    """``La pharmacienne chargée des approvisionnements, Sophie Lemarchand, …``: a noun for a
    person the lexicon does not list as a role, with a name in apposition, is that person (any
    noun but a body's before a person's full name: ``le cerveau présumé du réseau, X``)."""
    if p.e_app <= p.e or any(p.has(c) for c in ("institution_head", "generic_org",
                                                  "media_head", "local_body")):
        return NOT_DECIDED
    name = _name_in(p.ctx.doc, p.e, p.e_app, after_role=True)
    if name is not None and len(name) > 2 and word_class(name[0], "title"):
        name = name[1:]  # "Le curé de la paroisse, le père Olivier Rambert,"
    if name is None or name.start > p.e + 1 + sum(
            p.ctx.tab.lower[k] in DEFINITE or word_class(p.ctx.doc[k], "title")
            for k in range(p.e + 1, name.start)):
        return NOT_DECIDED
    # any noun before a person's full name ("Le cerveau présumé du réseau, Cédric Lafaye,")
    if not has_a_person_ending(p.tok) and not (
            len(name) >= 2 and all(t.ent_type_ == "PER" for t in name)):
        return NOT_DECIDED
    return _with_role(_as_written(p.ctx, name, "person", p.h), p.span)


def _with_role(sp: Speaker, role_span) -> Speaker:
    """A person named beside a role: the role, its head (for a later *le maire*) and the
    gender the role's article gives (``La ministre du Travail, Sandrine Aubier``)."""
    # a noun the model took for a verb in its own form ("pédiatre à l'hôpital") is the head
    head = next((t for t in role_span if t.pos_ in {"NOUN", "PROPN"} or t.i == role_span.start
                 and (t.pos_ == "VERB" and t.lemma_ == t.lower_ or word_class(t, "role_head"))),
                None)
    first = role_span[0].lower_ if len(role_span) else ""
    gender = {"la": "f", "une": "f", "le": "m", "un": "m"}.get(first, "")
    if not gender and head is not None:  # "médecin remplaçante": the adjective agrees
        gender = agreeing_gender(head)
    if not gender and head is not None and head.pos_ == "NOUN" and not epicene(head):
        gender = "f" if feminine_form(head) else _morph(head, "Gender")
    start = 1 if len(role_span) and role_span[0].pos_ == "DET" else 0
    role = role_span[start:].text.strip(" ,") if len(role_span) > start else ""
    heads = role_keys(head.lower_) if head is not None else ()
    heads += role_keys(role.split(" ")[0].lower()) if role else ()  # "économiste du sport"
    if "avocat" in sp.heads:  # "Sa consœur, Me Leïla Haddad": her title makes her a lawyer
        heads += ("avocat",)
    return Speaker(sp.name, sp.kind, sp.side, sp.text, sp.pos, gender or sp.gender, "s",
                   role=role, heads=heads)


def _possessive(p: Phrase):
    """``Son ministère de la Défense``, ``sa diplomatie``: the body of the country or
    organisation named just before (``La Russie… Son ministère de la Défense`` → the Russian
    ministry of defence: the story's name for it when it has one)."""
    people = p.has("anonymous_head") and p.tok.lower_.endswith("s") and p.e_app == p.e
    if p.det not in POSSESSIVES or not (p.has("institution_head") or people) or p.persons:
        return NOT_DECIDED
    ctx = p.ctx
    mine = body_of_role(p)
    if mine is not None:
        return mine
    owner = next((sp for sp in antecedents(ctx, p.s) if sp.kind == "institution"), None)
    if owner is None:
        return NOT_DECIDED
    if people:  # "Ses responsables affirment": the body's people speak for it (the body quoted)
        quoted = [sp for pos, sp in sorted(ctx.history, key=lambda x: -x[0])
                  if pos < p.s and sp.kind == "institution"]
        return retext(quoted[0] if quoted else owner, p.span.text, p.h)
    if p.has("body_part") and p.e == p.h + 1:  # "sa direction": the body speaks
        return retext(owner, p.span.text, p.h)
    words = p.ctx.doc[p.s + 1 : p.e].text
    name = _owned_name(words, p.tok.text, owner.name)
    sp = _as_written(ctx, p.span, "institution", p.h)
    return Speaker(name, "institution", owner.side, sp.text, p.h, sp.gender, sp.number,
                   heads=sp.heads)


def _owned_name(words: str, head: str, owner: str) -> str:
    """The name of ``words`` (``ministère de la Défense``) belonging to ``owner``: a known
    actor when one is called so with the owner's adjective (``ministère russe de la
    Défense``), else ``ministère de la Défense (Russie)``."""
    adjective = country_adjective(owner)
    if adjective:
        rest = words[len(head):].strip() if words.startswith(head) else ""
        for guess in (f"{words} {adjective}", f"{head} {adjective} {rest}".strip()):
            known = canonical_actor(guess)
            if known != guess:
                return known
    return f"{words} ({owner})"


def _document(p: Phrase):
    """A document: the body or person behind it (:mod:`.documents`)."""
    return document_author(p, speaker_from_head)


def _not_speaker(p: Phrase):
    return None if p.has("not_speaker") else NOT_DECIDED


def _entity(p: Phrase):
    ctx, h = p.ctx, p.h
    ent = next((ent for ent in ctx.doc.ents if ent.start <= h < ent.end), None)
    if ent is None or ent.label_ not in KIND_BY_LABEL or p.tok.is_stop:
        return NOT_DECIDED
    (start, end), kind = (ent.start, ent.end), KIND_BY_LABEL[ent.label_]
    if kind == "person":
        role = _role_after(ctx, end, p.hi)
        sp = _as_written(ctx, ctx.doc[start : end], kind, h)
        sp.gender = ""  # a first name's morphology is a guess; the role's article is not
        return _with_role(sp, role) if role is not None else sp
    stop = max(_name_end(ctx.doc, p.e, end), p.e)
    if ctx.doc[start].text[:1].isupper():  # "la Fédération des Vosges pour la pêche et…"
        stop = name_goes_on(ctx.doc, start, stop, p.hi)
    sp = _as_written(ctx, ctx.doc[start:stop], kind, h)
    if p.s < start and p.det in _GENDER_OF_ARTICLE:
        # "le collectif Bastion": the article agrees with the body, the name's morphology is a
        # guess (a later "il" is the collectif)
        sp.gender, sp.number = _GENDER_OF_ARTICLE[p.det], "s"
    return sp


_GENDER_OF_ARTICLE = {"le": "m", "un": "m", "la": "f", "une": "f"}


def _name_end(doc, k: int, end: int) -> int:
    """How far past token ``k`` an entity ending at ``end`` is still a name: up to a
    preposition no name goes on with (``dans un communiqué``, which the model sometimes puts in
    the entity; ``Agence du numérique en santé`` is whole)."""
    while k < end and doc[k].lower_ not in _NOT_IN_NAMES and not word_class(doc[k], "time_word"):
        k += 1
    return k


#: Prepositions after which an entity the model found is no longer a name (nor after a day).
_NOT_IN_NAMES = {"dans", "sur", "lors", "après", "avant", "depuis", "pendant", "selon", "par"}


def _as_noun(p: Phrase):
    """A phrase as written, when its head is a name, an acronym or a noun that can speak."""
    tok = p.tok
    # "Vent d'Ouest Énergies": a body's name the model opens with an adverb
    named = tok.pos_ == "ADV" and tok.is_title and tok.ent_type_ in {"ORG", "MISC"}
    if not (tok.pos_ in {"NOUN", "PROPN"} or tok.is_upper or p.has("institution_head") or named):
        return None
    kind = next((k for c, k in KIND_BY_CLASS.items() if p.has(c)), "institution" if named else "")
    if not kind and tok.is_upper and len(tok.text) >= 2 and tok.is_alpha:
        kind = "institution"  # an acronym: "le SBU"
    titled = tok.is_title and (p.h > 0 and glued_hyphen(p.ctx.tab, p.h - 1) or bool(
        p.mentions) and not tok.is_sent_start or (  # "FSU-Ens…", "Voies navigables de France"
        not tok.is_sent_start and p.det in {"le", "la", "l'"}
        and not p.ctx.doc[p.s].is_lower))  # "selon L'Écho du Vercors"
    if not kind and (tok.pos_ == "PROPN" or titled):
        # a name after an article is a body's ("l'Ufap-Unsa Justice"), not a person's
        kind = "person" if p.det not in DEFINITE and _name_in(p.ctx.doc, p.s, p.e) else (
            "institution")
    if not kind and _someone_described(p):  # "Un technicien …, qui…, affirme"
        return _as_written(p.ctx, p.span, "anonymous", p.h)
    if not kind:
        return None  # "la hausse du chômage se confirme": a thing does not speak
    name = _name_in(p.ctx.doc, p.s, p.e) if kind == "person" else None
    role = _role_after(p.ctx, name.end, p.hi) if name is not None else None
    if role is not None:  # "Karim Ba, délégué CGT du site" (a name the parse did not tag)
        return _with_role(_as_written(p.ctx, name, kind, p.h), role)
    if kind == "anonymous" and p.e_app > p.e + 1:  # "Sa mère, Nathalie Roussel, dit…"
        named = _name_in(p.ctx.doc, p.e + 1, p.e_app)
        if named is not None and named.start == p.e + 1:
            return _with_role(_as_written(p.ctx, named, "person", p.h), p.span)
    return _written_whole(p, kind)


def _written_whole(p: Phrase, kind: str) -> Speaker:
    """The phrase as written (with its apposition), a body's name whole: ``l'institut Sondora``
    (a named institute, not an anonymous one), ``l'association Toit d'abord Vaucluse``, ``la
    Ligue de Bretagne pour la protection des oiseaux``."""
    doc = p.ctx.doc
    full = p.full if p.full.end - p.full.start <= 12 else p.span
    named = p.h + 1 < p.e and doc[p.h + 1].is_title
    if kind == "anonymous" and p.has("institution_head") and named:
        kind = "institution"
    if kind == "institution" and full.end == p.e and p.h + 1 < p.e and (
            doc[p.h].is_title or named):
        start = p.h if doc[p.h].is_title else p.h + 1
        full = doc[p.s : name_goes_on(doc, start, p.e, p.hi)]
    return _as_written(p.ctx, full, kind, p.h)


def _named_in_full_before(p: Phrase):
    """The span of the body a one-word name shortens, when the text named it in full before
    (``au Muséum national d'histoire naturelle (MNHN)`` … ``une étude du Muséum``), or None."""
    doc, tab, word = p.ctx.doc, p.ctx.tab, p.tok.text
    for k in range(p.s - 1, -1, -1):
        if tab.text[k] == word and not p.ctx.inside[k]:
            s, e = np_extent(doc, k, doc[k].sent.start, doc[k].sent.end)
            if e > k + 2 and s >= k - 1:
                return doc[k:e]
    return None


def _titled_medium(p: Phrase):
    """``le quotidien Le Courrier picard``, ``l'hebdomadaire Le Canard enchaîné``, ``le
    journal régional La Voix du Nord``: a medium's noun, then its title, which names it (as
    written, without the title's article; a later bare *le quotidien* points back to it)."""
    if not p.has("media_head"):
        return NOT_DECIDED
    tab, k = p.ctx.tab, p.h + 1
    while k < p.hi and tab.pos[k] == "ADJ" and tab.text[k].islower():
        k += 1  # "le quotidien régional"
    start = k + 1 if k + 1 < p.hi and tab.lower[k] in {"le", "la", "les", "l'"} else k
    if start >= p.hi or not tab.text[start][:1].isupper() or tab.is_punct[start]:
        return NOT_DECIDED
    m = p.ctx.mention_at.get(start)
    if m is not None:
        return _from_mention(p, m)
    end = start + 1
    while end < p.hi and not tab.is_punct[end] and (
            tab.text[end][:1].isupper() or tab.pos[end] == "ADJ"
            or tab.lower[end] in {"du", "de", "des", "la", "l'"} and end + 1 < p.hi
            and tab.text[end + 1][:1].isupper()):
        end += 1
    sp = _as_written(p.ctx, p.ctx.doc[start:end], "media", p.h)
    sp.heads = (p.tok.lemma_.lower(), *sp.heads)
    return sp


def _part_of_a_body(p: Phrase):
    """``la direction du centre hospitalier``, ``la direction``: the body it is part of
    (:mod:`.body_parts`)."""
    return part_of_a_body(p, speaker_from_head)


def _members(p: Phrase):
    """``les sapeurs-pompiers``, ``ses organisateurs``: the body named before (:mod:`.members`)."""
    return body_of_members(p, speaker_from_head)


_READERS = (_number_phrase, seat_body, _known_actor, _titled_person, same_source,
            _titled_medium, _part_of_a_body, _members, _anonymous, demonstrative, _role,
            _possessive, _document, _not_speaker, body_in_apposition, bare_reference,
            definite_description,
            mention_inside, _entity, unit_of_a_body, _as_noun)


def speaker_from_head(ctx: Context, h: int, lo: int, hi: int) -> Speaker | None:
    """Turn the noun phrase headed by token ``h`` into a :class:`Speaker` (or None)."""
    tok = ctx.doc[h]
    if tok.lower_ in PRONOUNS or (tok.text.startswith("-") and _clitic_word(tok) in PRONOUNS):
        return resolve_pronoun(ctx, tok)
    if tok.lower_ in {"on", "ce", "c'", "cela", "ça", "qui", "que", "qu'", "je", "j'", "nous",
                      "vous", "tu"} or not any(c.isalpha() for c in tok.text):
        return None
    p = _phrase(ctx, h, lo, hi)
    for reader in _READERS:
        found = reader(p)
        if found is not NOT_DECIDED:
            return _with_first_name(p, _in_full(p, found))
    return None


def _with_first_name(p: Phrase, sp: Speaker | None) -> Speaker | None:
    """``le Pr Schaller``, ``M. Schaller`` after ``Mathieu Schaller``: a surname alone is the
    person named in full before."""
    if sp is None or sp.kind != "person" or " " in sp.name or not sp.name[:1].isupper():
        return sp
    full = next((a for a in antecedents(p.ctx, p.s) if a.kind == "person" and " " in a.name
                 and a.name.split()[-1] == sp.name), None)
    return retext(full, sp.text, sp.pos) if full is not None else sp


def _in_full(p: Phrase, sp: Speaker | None) -> Speaker | None:
    """A body named by one word the text gave in full before (``une étude du Muséum`` after
    ``au Muséum national d'histoire naturelle``): the full name."""
    if sp is None or sp.kind != "institution" or " " in sp.name or p.mentions or not (
            p.tok.is_title) or p.tok.is_sent_start or sp.name != p.tok.text:
        return sp
    whole = _named_in_full_before(p)
    return _as_written(p.ctx, whole, "institution", p.h) if whole is not None else sp
