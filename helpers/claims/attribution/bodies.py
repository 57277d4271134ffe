"""Bodies described before they are named, and bodies known by a part of them: *selon le
gestionnaire du réseau, Enedis* (the name in apposition, not the description: the description
alone would go back to the last body quoted), *selon le groupement de gendarmerie du Var* (a unit
the lexicon does not list, named after the body it belongs to); a body named beside the noun of
its kind anywhere in the text (*aux Transports Le Goff, une entreprise familiale*, *la société
Breizh Fret*), which a later bare *l'entreprise* points back to."""

from __future__ import annotations

from helpers.claims.attribution.lexicon import DEFINITE, _word_class_at, _words, role_keys
from helpers.claims.attribution.model import Context, Speaker
from helpers.claims.attribution.naming import Phrase, _as_written, _from_mention
from helpers.claims.attribution.phrases import glued_hyphen, name_goes_on, np_extent
from helpers.claims.attribution.references import NOT_DECIDED

#: Nouns that describe a body without naming it (``le gestionnaire``, ``l'opérateur``,
#: ``la société``, ``le quotidien``).
_DESCRIPTIONS = ("institution_head", "generic_org", "media_head")


def _name_after_comma(p: Phrase) -> tuple[Speaker, int] | None:
    """The body named right after the phrase's comma (``…, Enedis``, ``…, la SNCF``): a known
    body or medium, else proper nouns that are not a person's name; with where its name ends.
    None when there is none."""
    ctx, doc = p.ctx, p.ctx.doc
    k = p.e + 1
    if k >= p.hi or doc[p.e].text != ",":
        return None
    if doc[k].lower_ in DEFINITE and k + 1 < p.hi:
        k += 1
    kind = _kind_then_name(p, k)  # "l'armateur, la compagnie grecque Thalassa Maritime"
    k = kind or k
    m = ctx.mention_at.get(k)
    if m is not None:
        return (_from_mention(p, m), m.end) if m.actor.kind in {"institution", "media"} else None
    end = k
    # capitalised words the model may tag as nouns, a number ending the name ("Parents de
    # Ty-Glaz", "Montfort Tri 91")
    while end < p.hi and (doc[end].pos_ == "PROPN" or doc[end].is_title and doc[end].pos_ in {
            "NOUN", "ADJ", "X"} or end > k and doc[end].like_num and doc[end].text.isdigit() or (
            end > k and end + 1 < p.hi and glued_hyphen(ctx.tab, end))):  # "Ty-Glaz"
        end += 2 if doc[end].text == "-" else 1
    end = name_goes_on(doc, k, end, p.hi)
    # a first name and a surname are a person ("le gérant, Paul Roux"); a single word after
    # a body's description is its name, whatever the model calls it ("l'exploitant, Aquavia")
    # "Montfort Tri 91", "Amis de Port-Haliguen": a number ends no person's name, a common
    # noun starts none
    person = end - k > 1 and all(t.ent_type_ == "PER" for t in doc[k:end]) and not kind and (
        not doc[end - 1].like_num) and doc[k].pos_ == "PROPN" and not _company_of_a_place(p, k, end)
    return (_as_written(ctx, doc[k:end], "institution", p.h), end) if k < end and not (
        person) else None


def _company_of_a_place(p: Phrase, k: int, end: int) -> bool:
    """``Le transporteur, Autocars du Haut-Jura,``: after a noun for a company, a name with
    *du* or *des* in it is the company's, even when the model tags it a person."""
    return _word_class_at(p.ctx.tab, p.h, "company_noun") and any(
        p.ctx.tab.lower[x] in {"du", "des"} for x in range(k + 1, end))


def _kind_then_name(p: Phrase, k: int) -> int | None:
    """Where the name starts after a noun for any body and its adjectives (``la compagnie
    grecque Thalassa Maritime``: the name, not its kind), or None."""
    tab, doc = p.ctx.tab, p.ctx.doc
    if not (_word_class_at(tab, k, "generic_org") or _word_class_at(tab, k, "company_noun")):
        return None
    j = k + 1
    while j < p.hi and doc[j].pos_ == "ADJ" and doc[j].is_lower:
        j += 1
    return j if j < p.hi and doc[j].pos_ == "PROPN" else None


def body_in_apposition(p: Phrase):
    """``le gestionnaire du réseau, Enedis``, ``l'opérateur ferroviaire, la SNCF``: a body
    described, then named after a comma that closes the phrase: the name."""
    if p.det not in DEFINITE or not any(p.has(c) for c in _DESCRIPTIONS):
        return NOT_DECIDED
    found = _name_after_comma(p)
    if found is None:
        return NOT_DECIDED
    speaker, end = found
    if end < p.hi and not p.ctx.doc[end].is_punct:
        return NOT_DECIDED  # "le syndicat, Sud Santé en tête, …": more than a name
    return speaker


def unit_of_a_body(p: Phrase):
    """``le groupement de gendarmerie de l'Isère``, ``la cellule d'enquête de la police
    judiciaire``: a noun the lexicon does not know, whose complement names a body, is a unit of
    that body (an institution, named as written)."""
    tab, tok = p.ctx.tab, p.tok
    if tok.pos_ != "NOUN" or not tok.is_lower or any(p.has(c) for c in (
            "figure_word", "document_head", "not_speaker", "not_source")):
        return NOT_DECIDED
    body = any(_word_class_at(tab, k, "institution_head") or (
        k in p.ctx.mention_at and p.ctx.mention_at[k].actor.kind == "institution")
        for k in range(p.h + 1, p.e))
    return _as_written(p.ctx, p.span, "institution", p.h) if body else NOT_DECIDED


_KIND_ARTICLES = {"un", "une", "le", "la", "l'"}


def described_bodies(ctx: Context) -> list[tuple[int, Speaker]]:
    """Bodies named beside the noun of their kind (``generic_org``), anywhere in the article,
    as the subject or not: ``aux Transports Le Goff, une entreprise familiale`` (the name, then
    its kind in apposition), ``la société Breizh Fret`` (the kind, then the name). Each is an
    antecedent of a later bare ``l'entreprise`` / ``la société``, with that noun among its
    heads; without it, ``d'après l'entreprise`` went back to the last body quoted."""
    words = _words()[0]
    kinds, tab = words.get("generic_org", set()) | words.get("described_kind", set()), ctx.tab
    out = []
    for i in [i for i, w in enumerate(tab.lower) if w in kinds]:  # a few per article at most
        # "X, le principal groupe de supporters": one adjective may come before the kind
        det = i - 2 if i >= 2 and tab.pos[i - 1] == "ADJ" and tab.lower[i - 1].isalpha() else i - 1
        if det < 0 or tab.lower[det] not in _KIND_ARTICLES or ctx.inside[i]:
            continue
        span = _name_before_kind(ctx, det) or _name_after_kind(ctx, i)
        if span is not None:
            sp = _as_written(ctx, span, "institution", span.start)
            sp.heads = (*role_keys(tab.lower[i]), *sp.heads)  # "groupe": a later "collectif"
            out.append((span.start, sp))
    return out


def _name_run(tab, k: int) -> bool:
    # a capitalised word of a name (the model tags some as nouns or articles: "Transports Le")
    return tab.text[k][:1].isupper() and not tab.is_punct[k]


def _name_before_kind(ctx: Context, det: int):
    """``Transports Le Goff, une entreprise``: the capitalised words before the comma."""
    tab = ctx.tab
    comma = det - 1
    if comma < 1 or tab.text[comma] != ",":
        return None
    if tab.text[comma - 1] == ")":  # "Ultras Valrance 1987 (UV87), le groupe": its acronym
        opening = next((k for k in range(comma - 2, max(0, comma - 5), -1) if tab.text[k] == "("),
                       None)
        comma = opening if opening is not None else comma
    s = comma
    while s - 1 >= 0 and _name_run(tab, s - 1) and (
            tab.pos[s - 1] == "PROPN" or not ctx.doc[s - 1].is_sent_start):  # not "Selon"
        s -= 1
    small = _name_with_small_words(ctx, comma)
    s = min(s, small)
    m = ctx.mention_at.get(s)
    if m is not None and m.actor.kind != "institution":
        return None
    return ctx.doc[s:comma] if s < comma and (tab.pos[comma - 1] == "PROPN" or s == small) else None


def _name_with_small_words(ctx: Context, comma: int) -> int:
    """``du Collectif des riverains de l'A69, une association``: a name with lower-case words
    inside, from its capital after an article or a preposition to the comma (``comma`` when
    there is none)."""
    tab = ctx.tab
    for k in range(comma - 2, max(0, comma - 10), -1):
        if tab.text[k][:1].isupper() and tab.lower[k - 1] in _NAME_OPENERS and not (
                tab.is_punct[k]) and np_extent(ctx.doc, k, k, comma)[1] == comma:
            return k
    return comma


#: What comes before a body's name written with lower-case words inside.
_NAME_OPENERS = {"du", "de", "la", "l'", "le", "des"}


def _name_after_kind(ctx: Context, i: int):
    """``la société Breizh Fret``: the capitalised words right after the kind's noun."""
    tab, e = ctx.tab, i + 1
    while e < len(tab.text) and _name_run(tab, e) and tab.pos[e] in {"PROPN", "NOUN", "DET"}:
        e += 1
    if e == i + 1 or tab.pos[e - 1] != "PROPN":
        return None
    # "l'association Bords de Tarn": the name goes on with "de"
    return ctx.doc[i + 1 : name_goes_on(ctx.doc, i + 1, e, ctx.doc[i].sent.end)]
