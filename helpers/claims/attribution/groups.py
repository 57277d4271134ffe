"""Verb groups: where the group of a reporting verb starts (auxiliaries, clitics, negation, the
adverbs and set phrases inside it), its clitic subject (``a-t-il``), the participles and gerunds
that change what it says, and the clause of comparison it may stand in (``comme l'a dit X``)."""

from __future__ import annotations

from functools import lru_cache

from helpers.claims.attribution.lexicon import PRONOUNS, _word_class_at, _words
from helpers.claims.attribution.model import Context
from helpers.claims.attribution.pronouns import _clitic_word
from helpers.core.nlp import token_table


@lru_cache(maxsize=1)
def _group_phrases() -> dict[str, list[list[str]]]:
    """The set phrases that sit inside a verb group (:func:`_verb_group_start`), in order, by
    their last word."""
    by_last: dict[str, list[list[str]]] = {}
    for p in _words()[2] + [["par", "la", "suite"], ["à", "nouveau"], ["de", "nouveau"]]:
        by_last.setdefault(p[-1], []).append(p)
    return by_last


def _verb_group_start(doc, v: int, lo: int) -> int:
    """First token of the verb group ending at ``v``: auxiliaries, clitics, negation, and the
    adverbs and set phrases that sit inside it (``a de leur côté affirmé``, ``a par la suite
    nié``)."""
    tab = token_table(doc)
    lower, pos, lemma, text = tab.lower, tab.pos, tab.lemma, tab.text
    phrases = _group_phrases()

    def aux_in(a: int, b: int) -> bool:  # an auxiliary or a form of 'avoir' in tokens a:b
        return any(pos[x] == "AUX" or lemma[x] == "avoir" for x in range(a, b))

    k = v
    while k - 1 >= lo:
        t = k - 1
        phrase = next((p for p in phrases.get(lower[t], ()) if k - len(p) >= lo
                       and lower[k - len(p) : k] == p), None)
        if phrase and aux_in(max(lo, k - len(phrase) - 3), k - len(phrase)):
            k -= len(phrase)
        elif t > lo and not text[t].islower() and lemma[t] not in {"avoir", "être"}:
            break  # a name the model takes for an auxiliary: "le groupe LockNova a revendiqué"
        elif (pos[t] == "AUX" or lemma[t] in {"avoir", "être"} or text[t].startswith("-")
              or lower[t] in {"ne", "n'", "pas", "se", "s'", "l'"}):
            k -= 1
        elif (pos[t] == "ADV" or _word_class_at(tab, t, "skip")) and aux_in(max(lo, k - 4), k - 1):
            k -= 1
        else:
            break
    return k


def _is_past_participle(tok) -> bool:
    """``capturé``, ``diffusée``, ``confirmé`` (by the morphology)."""
    return "Part" in tok.morph.get("VerbForm") and "Past" in tok.morph.get("Tense")


def _is_gerund_or_infinitive(tok) -> bool:
    """``en estimant``, ``a tenu à rappeler``: by the morphology when the form agrees (the
    model calls some presents infinitives: ``« … », résume sa présidente``), or by *-ant*."""
    forms, low = tok.morph.get("VerbForm"), tok.lower_
    return "Inf" in forms and low.endswith(("er", "ir", "re", "oir")) or (
        "Part" in forms and "Pres" in tok.morph.get("Tense") and low.endswith("ant")) or (
        low.endswith("ant") and tok.pos_ == "VERB")


def _is_cleft(doc, start: int, lo: int) -> bool:
    """``C'est ce qu'affirment…``, ``C'est ce qu'a déclaré…``."""
    words = token_table(doc).lower[max(lo, start - 4) : start]
    return words[-4:] == ["c'", "est", "ce", "qu'"] or words[-4:] == ["c'", "est", "ce", "que"]


#: The auxiliaries of compound tenses and of the passive.
_PAST_AUX = {"avoir", "être"}


def _clitic_subject(doc, start: int, v: int, hi: int):
    """``a-t-il``, ``ajoute-t-il``, ``a-t-elle``: the clitic pronoun token, if any."""
    text = token_table(doc).text
    for j in range(start, min(v + 3, hi)):
        if text[j].startswith("-") and _clitic_word(doc[j]) in PRONOUNS:
            return doc[j]
    return None


def _after_comme(ctx: Context, start: int, lo: int) -> bool:
    """``comme l'exige la loi``, ``comme le prévoit le règlement``, ``ainsi que l'a annoncé le
    ministre``: a clause of comparison, whose subject comes after its verb."""
    lower = ctx.tab.lower
    k = start - 1 if start > lo and lower[start - 1] in {"le", "la", "les"} else start
    return k > lo and (lower[k - 1] == "comme" or k - 1 > lo and lower[k - 2 : k] == [
        "ainsi", "que"])
