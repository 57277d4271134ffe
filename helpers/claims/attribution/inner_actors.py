"""A known actor inside a noun phrase (:func:`mention_inside`): the phrase is that actor
(``le ministère de la Santé``), unless the actor only sits in the phrase's own name (``le parquet
de Paris``: the city; ``l'association Samu-Urgences de France``; ``la direction départementale de
la police nationale (DDPN) du Nord``: a body of its own)."""

from __future__ import annotations

from helpers.claims.affiliations import country_in
from helpers.claims.attribution.naming import Phrase, _from_mention
from helpers.claims.attribution.references import NOT_DECIDED


def mention_inside(p: Phrase):
    """A known actor inside the phrase itself (not in its apposition: ``Nadia Ferrand,
    secrétaire de l'union CGT`` is not the CGT)."""
    inside = [m for m in p.mentions if m.start < p.e]
    # "L'Alliance … de France", "a annoncé Voies navigables de France": a name's own country
    named = p.tok.pos_ == "PROPN" or p.tok.is_title and (p.h > p.s or not p.tok.is_sent_start)
    if inside and not (named and inside[0].start > p.h) and not (
            _seat(p, inside[0]) or _in_own_name(p, inside[0]) or _acronym_after(p, inside[0])
            or _other_country(p, inside[0])):
        return _from_mention(p, inside[0])
    return NOT_DECIDED


def _acronym_after(p: Phrase, m) -> bool:
    """``la direction départementale de la police nationale (DDPN) du Nord``: a body's noun
    whose complement is a known actor, given an acronym of its own, is a body in its own right."""
    text = p.ctx.tab.text
    return m.start > p.h and p.has("institution_head") and any(
        text[k] == "(" and k + 2 < p.e and text[k + 2] == ")" and text[k + 1].isupper()
        for k in range(m.end, p.e))


def _in_own_name(p: Phrase, m) -> bool:
    """``l'association Samu-Urgences de France``: a known actor at the end of the capitalised
    name that follows a body's noun is part of that name (the speaker is the association)."""
    tab = p.ctx.tab
    first = p.h + 1
    return (m.start > first and p.has("institution_head") and first < p.e
            and tab.text[first][:1].isupper() and first not in p.ctx.mention_at)


def _seat(p: Phrase, m) -> bool:
    """``le parquet de Paris``, ``la mairie de Moscou``: a capital after a body that sits in a
    city names the city, not the government the capital stands for (``le régime de
    Pyongyang`` is the government)."""
    capital = m.actor.label == "LOC" and m.actor.canonical != p.ctx.doc[m.start : m.end].text
    return capital and m.start > p.h and p.has("local_body")


def _other_country(p: Phrase, m) -> bool:
    """``le ministère britannique de l'Intérieur``: the phrase names another country's body
    than the actor found inside it (France's *Intérieur*)."""
    country = country_in(p.span.text)
    return bool(country) and bool(m.actor.speaks_for) and country != m.actor.speaks_for
