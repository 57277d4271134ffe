"""Pronouns and references back: *il*, *elle*, *selon lui*, *-t-il* go to the most recent
compatible speaker or subject before them."""

from __future__ import annotations

from helpers.claims.attribution.lexicon import PRONOUNS
from helpers.claims.attribution.model import Context, Speaker


def _compatible(sp: Speaker, gender: str, number: str) -> bool:
    if number and sp.number and sp.number != number:
        return False
    if number == "p" and gender == "m":
        return True  # "ils", "eux": masculine or mixed groups
    return not (gender and sp.gender and sp.gender != gender)


def _clitic_word(tok) -> str:
    """``-t-il`` → ``il``, ``-elle`` → ``elle``, ``lui`` → ``lui``."""
    return tok.lower_.lstrip("-").removeprefix("t-")


def resolve_pronoun(ctx: Context, tok) -> Speaker | None:
    """The most recent compatible speaker or subject before ``tok`` (``il``, ``-t-il``, ``eux``)."""
    word = _clitic_word(tok)
    if word not in PRONOUNS:
        return None
    gender, number = PRONOUNS[word]
    person = _person_just_quoted(ctx, tok.i, gender, number)
    if person is not None:
        return _as_pronoun(person, tok)
    pool = sorted([(p, sp) for p, sp in ctx.history + ctx.subjects if p < tok.i and sp.kind],
                  key=lambda x: -x[0])
    # agreement first; then number alone is relaxed ("Le GUR … Selon eux": a body as "they")
    for wanted in ((gender, number), (gender if number == "s" else "", "")):
        for _, sp in pool:
            if _compatible(sp, *wanted):
                return _as_pronoun(sp, tok)
    # nobody else: a body named as the subject of this sentence ("Le tribunal a annulé le
    # scrutin, entaché selon lui d'irrégularités")
    here = tok.sent.start
    body = next((sp for p, sp in reversed(ctx.named) if here <= p < tok.i
                 and _compatible(sp, gender, number)), None)
    return _as_pronoun(body, tok) if body is not None else None


def _person_just_quoted(ctx: Context, pos: int, gender: str, number: str) -> Speaker | None:
    """``« … », a expliqué X, directeur d'Enedis. Il estime…``: a singular pronoun goes to the
    person quoted last, not to a body named since in an apposition or a complement, unless a
    sentence since has a compatible main subject (``Séoul a convoqué… Elle a prévenu``)."""
    earlier = [(p, sp) for p, sp in ctx.history if p < pos]
    if number != "s" or not earlier:
        return None
    at, last = max(earlier, key=lambda x: x[0])
    if last.kind != "person" or not _compatible(last, gender, number):
        return None
    if any(at < p < pos and p in ctx.main_subjects and _compatible(sp, gender, number)
           for p, sp in ctx.subjects):
        return None
    return last


def _as_pronoun(sp: Speaker, tok) -> Speaker:
    return Speaker(sp.name, sp.kind, sp.side, tok.text, tok.i, sp.gender, sp.number, sp.role,
                   sp.heads)


def _last_speaker(ctx: Context, pos: int) -> Speaker | None:
    earlier = [(p, sp) for p, sp in ctx.history if p < pos]
    return max(earlier, key=lambda x: x[0])[1] if earlier else None
