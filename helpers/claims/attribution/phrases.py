"""Where a noun phrase ends: determiners and adjectives, names and their complements (*le service
départemental d'incendie et de secours (SDIS) du Finistère*, *le ministère de l'Europe et des
Affaires étrangères*), appositions in both orders (*le maire de Brest, Paul Guen* / *Paul Guen,
maire de Brest*), a role after a name. By word order more than by the parse: the small model
often attaches these wrongly."""

from __future__ import annotations

import re
from functools import lru_cache

from helpers.claims.attribution.groups import _is_past_participle
from helpers.claims.attribution.lexicon import (
    _DETERMINERS,
    DEFINITE,
    MEDIATORS,
    NP_LINKS,
    PRONOUNS,
    QUOTE_MARKS,
    _person_ending_at,
    _word_class_at,
    reporting_lemma,
    word_class,
)
from helpers.claims.attribution.model import Context
from helpers.claims.attribution.person_names import _BRETON, name_word
from helpers.core.nlp import token_table


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


def _left_edge(tab, head: int, lo: int) -> int:
    """First token of the phrase: its determiner and adjectives (and the partitive ``de`` of
    ``de hauts responsables``)."""
    s = head
    while s - 1 >= lo:
        k = s - 1
        if tab.is_punct[k] or tab.text[k] in QUOTE_MARKS or _word_class_at(tab, k, "time_word"):
            break  # "a précisé lundi la préfecture": the model may read the day as an adjective
        if tab.lower[k] in {"de", "d'"} or tab.lower[k] == "des" and tab.pos[k] == "ADP":
            if tab.pos[s] != "ADJ" or tab.lower[k] == "des":  # "des" = "de les": a preposition
                break
        elif not (tab.pos[k] in {"DET", "ADJ", "NUM"} or tab.lower[k] in _DETERMINERS):
            break
        s -= 1
    return s


def _modifier(doc, tab, e: int, head: int) -> bool:
    """Is token ``e`` part of the phrase: an adjective, a name, a capitalised noun, a number
    after a name (``le SDIS 29``)?"""
    pos = tab.pos
    if tab.text[e] in QUOTE_MARKS:  # the model tags « as a proper noun
        return False
    if pos[e] in {"ADJ", "PROPN"} or tab.text[e] == "-" or tab.lower[e] == "proche":
        return True
    if _name_like(tab, e) or _name_particle(tab, e):
        return True
    named = pos[e - 1] == "PROPN" or tab.text[e - 1].isupper() and len(tab.text[e - 1]) > 1
    if pos[e] == "NUM" and named or tab.lower[e - 1] == "numéro" and tab.lower[e] in {
            "un", "deux", "trois"}:
        return True  # "le SDIS 29", "le numéro un de la CFDT"
    if pos[e] == "NOUN" and tab.is_title[e] and e == head + 1 and _word_class_at(
            tab, head, "institution_head"):
        return True  # "le collectif Terres vivantes", whatever the parse hangs "Terres" on
    return pos[e] == "NOUN" and (tab.is_title[e] or doc[e].is_upper or pos[e - 1] in {
        "NOUN", "PROPN"}) and tab.dep[e] not in {"obl:mod", "obl:arg"} and not _word_class_at(
        tab, e, "skip")


#: The tags the model gives to made-up names (``l'association Clain vivant``: *Clain* an adverb).
_NAME_LIKE_POS = {"AUX", "VERB", "PRON", "NUM", "X", "ADV"}


def _name_like(tab, k: int) -> bool:
    """A capitalised word inside a phrase that the model tags as a verb, a pronoun or a number:
    a made-up name (``le groupe de pirates LockNova``, ``DarkOrbit``)."""
    return tab.pos[k] in _NAME_LIKE_POS and tab.text[k][:1].isupper() and (
        tab.text[k].isalpha()) and tab.lemma[k] not in {"avoir", "être"} and tab.lower[
        k] not in PRONOUNS


#: The particles of surnames, capitalised inside a name (``Yannick Le Goff``, ``Anne Le Floch``,
#: ``Marie Du Pont``); the model tags them as articles, which cut the name after the first name.
_NAME_PARTICLES = {"Le", "La", "Les", "Du", "De", "Des", "L'", "D'"}


def _name_particle(tab, k: int) -> bool:
    """A surname particle at ``k``: capitalised, inside a name, before a capitalised word."""
    return tab.text[k] in _NAME_PARTICLES and 0 < k < len(tab.text) - 1 and tab.is_title[
        k + 1] and (tab.pos[k - 1] == "PROPN" or tab.is_title[k - 1]) and not tab.is_punct[k - 1]


def _en_field(tab, e: int, hi: int, head: int) -> bool:
    """``en`` and a noun that is part of a person's role: ``le rédacteur en chef``, ``son
    commandant en second``, ``une étudiante en licence``, ``un chercheur en climatologie``."""
    lower = tab.lower
    if lower[e] != "en" or e + 1 >= hi:
        return False
    if lower[e + 1] in {"chef", "second"}:
        return True
    return tab.pos[e + 1] == "NOUN" and tab.text[e + 1].islower() and (
        lower[e + 1] not in _NOT_A_FIELD and not _word_class_at(tab, head, "role_head")) and (
        _person_ending_at(tab, head) or _word_class_at(tab, head, "anonymous_head"))


def _complement_end(tab, e: int, hi: int, head: int) -> int | None:
    """End of a ``de``/``à`` complement starting at ``e`` (``du Finistère``, ``de l'Europe et
    des Affaires étrangères``, ``d'incendie et de secours``), or None."""
    lower, pos = tab.lower, tab.pos
    if _en_field(tab, e, hi, head):
        return e + 2
    if lower[e] == "en" and e + 1 < hi and pos[e + 1] == "PROPN" and tab.text[e + 1][:1].isupper():
        j = e + 1  # "le directeur de SNCF Réseau en Auvergne-Rhône-Alpes": where it serves
        while j < hi and (pos[j] == "PROPN" or tab.text[j] == "-"):
            j += 1
        return j
    against = lower[e] == "contre" and lower[e - 1] in {"lutte", "ligue"}  # "lutte contre la…"
    if not (lower[e] in NP_LINKS or against or lower[e] == "et" and e + 1 < hi and lower[
            e + 1] in NP_LINKS and _after_link(tab, e)):
        if not (lower[e] == "par" and pos[e - 1] in {"VERB", "ADJ"}
                and _word_class_at(tab, head, "document_head")):
            return None
    j = e + (2 if lower[e] == "et" else 1)
    if lower[e] in {"de", "d'"} and j < hi and _class_name(lower[j]):
        # "une élève de 4e", "un élève de terminale" (and its letter: "de 3e B")
        return j + 2 if j + 1 < hi and re.fullmatch(r"[A-Z]\.?", tab.text[j + 1]) else j + 1
    while j < hi and (pos[j] == "DET" or lower[j] in DEFINITE):
        j += 1
    while j < hi and pos[j] == "ADJ":
        j += 1
    if j < hi and (pos[j] in {"NOUN", "PROPN"} or _name_like(tab, j)) and tab.text[
            j] not in QUOTE_MARKS and not (
            _word_class_at(tab, j, "skip")) and not (
            lower[e] in {"à", "au", "aux"} and _addressee(tab, j)):
        return j + 1
    return None


#: Nouns after *en* that say how or where someone is, not their field (*l'expert en revanche*,
#: *un agent en visite*).
_NOT_A_FIELD = {"revanche", "effet", "outre", "particulier", "fait", "tout", "visite",
                "déplacement", "route", "tête", "ligne", "direct", "cours", "colère", "charge",
                "marge", "personne", "attendant", "vain", "partie", "somme", "substance"}


#: School classes by name (``terminale``, ``CM2``); by number they are ordinals (``4e``, ``1re``,
#: ``6ème``): *la mère d'une élève de 4e* is one source, not a figure cut from a role.
_CLASS_NAMES = {"terminale", "seconde", "première", "sixième", "cinquième", "quatrième",
                "troisième", "cp", "ce1", "ce2", "cm1", "cm2"}


def _class_name(word: str) -> bool:
    return word in _CLASS_NAMES or _CLASS_ORDINAL.fullmatch(word) is not None


_CLASS_ORDINAL = re.compile(r"\d{1,2}(?:e|ème|eme|er|re|ère|nde?)")


def _addressee(tab, j: int) -> bool:
    """``a indiqué la mairie à l'AFP``, ``aux journalistes``, ``au Parisien``, ``à la presse``:
    whom the speaker told, not a part of the speaker's name (``l'ambassadeur de France à
    Bakou`` is)."""
    if _word_class_at(tab, j, "media_head") or tab.lemma[j].lower() == "journaliste":
        return True
    # a name written in lower case as its medium writes it: "à franceinfo"
    return tab.lower[j] in media_words() and (not tab.text[j].islower() or tab.text[j] in (
        lowercase_media_words()))


def lowercase_media_words() -> frozenset[str]:
    """The first words of media names written in lower case (``franceinfo``)."""
    from helpers.core.actors import tables_key

    return _media_words(tables_key(), as_written=True)


def media_words() -> frozenset[str]:
    """The first word of every medium's name and alias, without its article, in lower case
    (``afp``, ``parisien``, ``franceinfo``), for the story in use."""
    from helpers.core.actors import tables_key

    return _media_words(tables_key())


@lru_cache(maxsize=16)
def _media_words(key: tuple, as_written: bool = False) -> frozenset[str]:
    from helpers.core.actors import media

    out = set()
    for a in media():
        for name in (a.canonical, *a.aliases):
            words = re.sub(r"^(?:[Ll]es? |[Ll]a |[Ll]')", "", name).split()
            out.update(words[:1])
    if as_written:
        return frozenset(w for w in out if w.islower())
    return frozenset(w.lower() for w in out)


def _after_link(tab, e: int) -> bool:
    """``… de A et de B``: the word before *et* is itself the noun of a *de* complement."""
    k = e - 1
    while k > 0 and tab.pos[k] == "ADJ":
        k -= 1
    while k > 0 and tab.pos[k - 1] == "DET":
        k -= 1
    return k > 0 and tab.lower[k - 1] in NP_LINKS | DEFINITE and tab.pos[e - 1] in {
        "NOUN", "PROPN", "ADJ"}


def _agent_follows(tab, e: int, hi: int, head: int) -> bool:
    """``joint par l'AFP``, ``contacté par Le Monde``: a lower-case participle (the model tags
    some as adjectives) and its agent after a source, not part of its name; a document keeps
    its participle (``une vidéo diffusée par X``: :func:`np_extent`)."""
    return (e + 1 < hi and tab.lower[e + 1] == "par" and tab.pos[e] in {"ADJ", "VERB"}
            and tab.text[e].islower() and not _word_class_at(tab, head, "document_head"))


def _number_of_name(tab, e: int, hi: int) -> bool:
    """``Intégrité 81``, ``SOS Racisme 13``: a number that ends a name belongs to it (a number
    before a noun counts it: ``Météo-France 12 départements`` is not a name)."""
    return tab.text[e].isdigit() and tab.text[e - 1][:1].isupper() and (
        e + 1 >= hi or tab.is_punct[e + 1] or tab.pos[e + 1] in {"VERB", "AUX"})


def glued_hyphen(tab, k: int) -> bool:
    """Is token ``k`` a hyphen written without spaces between two words, the second one
    capitalised (``CGT-Cheminots``, ``UFC-Que Choisir``, ``Garnier-Roche``)?"""
    if tab.text[k] != "-" or k == 0 or k + 1 >= len(tab.text):
        return False
    return (tab.idx[k - 1] + len(tab.text[k - 1]) == tab.idx[k] and tab.idx[k] + 1 == tab.idx[
        k + 1] and tab.text[k + 1][:1].isupper())


def np_extent(doc, head: int, lo: int, hi: int) -> tuple[int, int]:
    """Token range of the noun phrase around ``head``, by word order (determiner, adjectives,
    names, ``de``/``à`` complements, a short parenthesis, ``diffusée par X``), within lo:hi."""
    tab = token_table(doc)
    s = _left_edge(tab, head, lo)
    e = head + 1
    while e < hi and e - s < 16:
        if tab.text[e].isspace() or tab.text[e] in QUOTE_MARKS:
            break
        if _agent_follows(tab, e, hi, head) or _next_verb_starts(doc, tab, e):
            break
        if _modifier(doc, tab, e, head) or _number_of_name(tab, e, hi) or (
                _article_of_a_name(tab, e, hi, head, e == head + 1)) or (
                _BRETON.fullmatch(tab.text[e]) and tab.text[e - 1][:1].isupper()):
            e += 1
            continue
        if e + 1 < hi and (glued_hyphen(tab, e) or tab.text[e] == "&" and tab.text[e + 1][
                :1].isupper() and tab.text[e - 1][:1].isupper() or _and_in_a_name(
                    doc, tab, e, head)):
            e += 2  # "l'UFC-Que Choisir" split at its hyphen, "Tram & Bus Stéphanois"
            continue
        end = _complement_end(tab, e, hi, head)
        if end is not None:
            e = end
            continue
        if tab.pos[e] in {"VERB", "ADJ"} and _is_past_participle(doc[e]) and tab.pos[
            e - 1] != "AUX" and (e + 1 >= hi or tab.lower[e + 1] != "par"
                                 or _word_class_at(tab, head, "document_head")):
            e += 1  # "un soldat nord-coréen capturé", "une vidéo diffusée par X"
            continue
        if tab.text[e] == "(":
            close = next((k for k in range(e + 1, min(e + 6, hi)) if tab.text[k] == ")"), None)
            if close is not None:
                e = close + 1
                continue
        break
    return s, e


def _next_verb_starts(doc, tab, e: int) -> bool:
    """``l'agence évoque une « mesure »``: a verb of saying the model reads as an adjective ends
    the phrase; so does the clitic of the verb that follows (``La représentante de l'État y
    annonce…``)."""
    if tab.lower[e] in {"y", "en"} and tab.pos[e] != "ADP":
        return True
    return tab.pos[e] == "ADJ" and tab.text[e].islower() and not _is_past_participle(doc[e]) and (
        bool(reporting_lemma(doc[e])))


def _article_of_a_name(tab, e: int, hi: int, head: int, at_head: bool) -> bool:
    """``l'association Les Amis du Diois``, ``le gérant du camping Les Pins``: a capitalised
    article opens a name after a body's noun (the head, ``at_head``) or after the common noun
    that ends the phrase's complement."""
    named_thing = _body_noun(tab, head) if at_head else (
        tab.pos[e - 1] == "NOUN" and tab.text[e - 1].islower())
    # "Gaëlle Le Floc'h", "Yann Le Goff": a surname's particle after a first name
    surname = tab.text[e] in {"Le", "La"} and tab.text[e - 1].istitle()
    return tab.text[e] in {"Les", "La", "Le", "L'", "L\u2019"} and e + 1 < hi and (
        tab.text[e + 1][:1].isupper()) and (named_thing or surname)


def _body_noun(tab, head: int) -> bool:
    return any(_word_class_at(tab, head, c) for c in ("institution_head", "generic_org",
                                                       "described_kind"))


def _and_in_a_name(doc, tab, e: int, head: int) -> bool:
    """``l'association Laïcité et République``: *et* between capitalised words of the name a
    body's noun (singular) is given goes on with the name."""
    return tab.lower[e] == "et" and e - 1 > head and tab.text[e - 1][:1].isupper() and (
        tab.text[e + 1][:1].isupper()) and tab.pos[e + 1] in {"PROPN", "NOUN", "ADJ"} and (
        _body_noun(tab, head)) and not tab.lower[head].endswith(("s", "x")) and (
        # not two bodies: "la région Auvergne-Rhône-Alpes et SNCF Voyageurs"
        doc[e - 1].ent_type_ != "LOC" and not tab.text[e + 1].isupper())


# ----------------------------------------------------------------------------- appositions


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
    if k >= hi or doc[k].text in QUOTE_MARKS or not (
            k in ctx.mention_at or doc[k].pos_ in {"PROPN", "NOUN"}):
        return e, False
    s2, e2 = np_extent(doc, k, k, hi)
    e2 = max(e2, ctx.mention_at[k].end if k in ctx.mention_at else e2)
    e2 = _title_complement(doc, e2, hi)
    while e2 < hi and doc[e2 - 1].text[:1].isupper() and (name_word(doc[e2]) or doc[e2].text in (
            {"Le", "La"}) and e2 + 1 < hi and name_word(doc[e2 + 1])):
        e2 += 1  # "Me Gaëlle Le Floc'h": the name goes on past its particle
    # a person's name in apposition (a person of the table, a run of proper nouns), then a
    # comma, a verb or the end: not a place or a body ("un proche du dossier, Matignon")
    names = any(j in ctx.mention_at and ctx.mention_at[j].actor.kind == "person"
                or j not in ctx.mention_at and (doc[j].pos_ == "PROPN" or doc[j].ent_type_ == "PER")
                and doc[j].text not in QUOTE_MARKS for j in range(k, e2))
    if not names and not mediated:
        return e, False
    if mediated and e2 < hi and doc[e2].text == ",":
        inner, _ = _apposition(doc, e2, hi, ctx)
        return inner, True
    return e2, mediated


def _title_complement(doc, e: int, hi: int) -> int:
    """``le vice-amiral d'escadre Laurent Kerhervé``: past a title's lower-case complement to
    the person's name right after it (the parse reads *escadre* as a verb and stops)."""
    if e + 2 >= hi or doc[e].lower_ not in {"de", "d'", "du"} or not doc[e + 1].is_lower:
        return e
    k = e + 2
    if doc[k].ent_type_ != "PER" or doc[k].ent_iob_ != "B":
        return e
    while k < hi and doc[k].ent_type_ == "PER" and (k == e + 2 or doc[k].ent_iob_ == "I"):
        k += 1
    return k


def _name_before(ctx: Context, s: int, lo: int):
    """``Paul Guen, maire de Brest, …``: the name just before the comma that opens the role."""
    doc = ctx.doc
    if s - 1 < lo or doc[s - 1].text != ",":
        return None
    end = s - 1
    start = end
    tab = ctx.tab
    while start - 1 >= lo and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].is_title
                               and doc[start - 1].pos_ in {"NOUN", "ADJ"}
                               or doc[start - 1].text == "-" or _name_particle(tab, start - 1)):
        start -= 1
    if end - start >= 2 and not any(t.ent_type_ in {"LOC", "ORG"} for t in doc[start:end]):
        return doc[start:end]
    return None


def name_owner(doc, j: int, lo: int) -> int:
    """``l'agence régionale de santé (ARS) de Nouvelle-Aquitaine``, ``l'agence de l'eau
    Loire-Bretagne``: a name that the parse hangs on a body's noun before it is part of that
    body's name; the body noun is the phrase's head. ``j`` itself otherwise."""
    k = j
    while doc[k].dep_ in {"nmod", "flat:name", "appos"} and lo <= doc[k].head.i < k and (
            doc[k].head.pos_ in {"NOUN", "PROPN"}):
        k = doc[k].head.i
        if word_class(doc[k], "institution_head"):
            return k
    return j


def _noun_like(doc, k: int, hi: int) -> bool:
    """A noun, or a noun the model tags as a verb in its own form before a preposition
    (``Aline Roy, pédiatre à l'hôpital``: *pédiatre* is read as a verb)."""
    t = doc[k]
    return t.pos_ == "NOUN" or t.pos_ == "VERB" and t.lemma_ == t.lower_ and k + 1 < hi and (
        doc[k + 1].pos_ == "ADP")


def _role_after(ctx: Context, e: int, hi: int):
    """``Yannick Le Bihan, directeur régional d'Enedis``: the role in apposition after a name
    (a Span), or None."""
    doc = ctx.doc
    if e >= hi or doc[e].text != ",":
        return None
    k = e + 1
    while k < hi and (doc[k].pos_ == "DET" or doc[k].lower_ in DEFINITE):
        k += 1
    if k >= hi:
        return None
    # a role of the lexicon, or any common noun right after the comma ("hydrologue au CNRS")
    bare_noun = k == e + 1 and _noun_like(doc, k, hi) and doc[k].is_lower and not word_class(
        doc[k], "skip")
    if bare_noun or word_class(doc[k], "role_head") or word_class(doc[k], "anonymous_head"):
        _, end = np_extent(doc, k, k, hi)
        return doc[e + 1 : end]
    return None


#: Words other than *de* a body's name goes on with after its noun or its first capitalised
#: word (``Fédération … pour la pêche``, ``le collectif Écoles sans amiante``).
_NAME_LINKS = {"pour", "sans", "contre"}


def name_goes_on(doc, start: int, end: int, hi: int) -> int:
    """Where a name that began with a capital at ``start`` ends, when it goes on past ``end``
    with *de* or *pour* and words up to a punctuation mark or ``hi`` (``la Mutuelle des
    collectivités du Centre (MCC)``, ``l'association Toit d'abord Vaucluse, qui…``, ``la
    Fédération des Vosges pour la pêche et la protection du milieu aquatique,``), else
    ``end``."""
    j, tab = end, token_table(doc)
    body = any(_word_class_at(tab, k, c) for k in (start, start - 1) if k >= 0 for c in (
        "institution_head", "generic_org", "described_kind"))
    if start < end and j + 1 < hi and doc[j].lower_ == "en" and (body or doc[start].is_title):
        return _with_its_field(doc, tab, j, end)
    if start == end or j >= hi or doc[j].lower_ not in {"de", "des", "du", "d'"} | _NAME_LINKS:
        return end
    if doc[j].lower_ in _NAME_LINKS and not body:
        return end  # "la Chine pour la deuxième année": only a body's name goes on so
    while j < min(hi, end + 10) and (not doc[j].is_punct or glued_hyphen(tab, j)) and (
            doc[j].pos_ not in {"VERB", "AUX"}):  # "Parents de Ty-Glaz"
        j += 1
    last = doc[j - 1]
    closed = j >= hi or doc[j].is_punct
    named = last.is_title or last.pos_ in {"NOUN", "ADJ", "PROPN"}  # "… de la mer": PROPN
    return j if j > end + 1 and closed and named else end


def _with_its_field(doc, tab, j: int, end: int) -> int:
    """``Cher en Fête``, ``l'Agence du numérique en santé``: a body's name goes on with *en*
    and the one word of its field, not a place or a time (``en Bretagne``, ``en mars``)."""
    word = doc[j + 1]
    if word.ent_type_ in {"LOC", "GPE"} or _word_class_at(tab, j + 1, "time_word") or not (
            word.is_title or word.pos_ == "NOUN" and word.is_lower):
        return end
    after = j + 2
    return after if after >= len(doc) or doc[after].is_punct or doc[after].pos_ in {
        "VERB", "AUX", "ADP", "DET"} else end
