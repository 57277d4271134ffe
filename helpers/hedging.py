"""How sure a sentence sounds: the *conditionnel journalistique* and lexical hedges.

A sentence is *hedged* when it presents its claim with less than full commitment:

* a verb in the conditional (``auraient tiré``, ``seraient en formation``, ``arriverait``,
  ``pourrait bénéficier``), except conditionals of necessity, advice or wish (``il faudrait``,
  ``il vaudrait mieux``, ``voudrait``) and the *futur dans le passé* after a past verb
  (``a promis que son pays resterait``), which are grammar, not caution. The imperfect
  (``il valait mieux``, ``montraient``) is not a conditional at all;
* a lexical hedge from ``helpers/data/hedges.csv``: ``selon``, ``d'après``, claim verbs
  (``affirmer``, ``prétendre``; ``assurer`` when it introduces a clause), belief and appearance
  (``penser``, ``croire``, ``sembler``), probability (``probable``, ``peut-être``, ``risquer de``),
  allegation (``présumé``, ``accuser … de``).

Statements that something is unconfirmed ("La BBC n'a pas vérifié ces affirmations") are
*caveats about other sentences*, not hedges; :mod:`helpers.reliability` counts them.

What spaCy gives: the lemma and the morphology (``Mood=Cnd``). What is written here by hand,
because no library does it for French: the small model often tags a conditional as an imperfect
(``arriverait`` → ``Mood=Ind|Tense=Imp``), so a token also counts as conditional when its form is
*infinitive stem + conditional ending* (``arriver`` + ``ait``) or an irregular conditional stem
(``ser-``, ``aur-``, ``pourr-``…); and the exemptions above.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

HEDGES_CSV = Path(__file__).resolve().parent / "data" / "hedges.csv"

COND_ENDINGS = ("aient", "ais", "ait", "ions", "iez")
# Irregular conditional stems (grammar, not lexicon): être, avoir, pouvoir, devoir, faire, aller,
# voir, envoyer, savoir, vouloir, falloir, valoir, venir/tenir and their compounds, mourir, courir…
IRREGULAR_STEMS = {
    "ser", "aur", "pourr", "devr", "fer", "ir", "verr", "enverr", "renverr", "saur", "voudr",
    "faudr", "vaudr", "mourr", "courr", "acquerr", "recevr", "percevr", "apercevr", "pleuvr",
    "assiér", "viendr", "tiendr",
}
MODALS = {"pouvoir", "devoir"}
VERB_ENDINGS = {"e", "es", "ent", "ait", "aient", "é", "ée", "és", "ées", "ant", "er", "ons", "ez",
                "a", "ai", "ais", "èrent", "era", "eront", "erait", "eraient"}
_ENDINGS_LONGEST_FIRST = tuple(sorted(VERB_ENDINGS, key=len, reverse=True))
PAST_TENSES = {"Imp", "Past"}


@dataclass(frozen=True)
class Hedge:
    trigger: str
    match: str  # lemma | form | phrase | conditional | exempt
    condition: str  # any | complement
    forms: tuple[str, ...]


@lru_cache(maxsize=1)
def load_hedges() -> tuple[Hedge, ...]:
    """The hedge lexicon (``helpers/data/hedges.csv``)."""
    hedges = []
    with open(HEDGES_CSV, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            forms = tuple(dict.fromkeys([row["trigger"], *row["forms"].split()]))
            hedges.append(Hedge(row["trigger"], row["match"], row["condition"], forms))
    return tuple(hedges)


@lru_cache(maxsize=1)
def _index():
    lemmas, forms, phrases, exempt = {}, {}, [], set()
    for h in load_hedges():
        if h.match == "lemma":
            lemmas[h.trigger] = h
        elif h.match == "form":
            for f in h.forms:
                forms[f] = h
        elif h.match == "phrase":
            phrases.append((tuple(_split(h.trigger)), h))
        elif h.match == "exempt":
            exempt.add(h.trigger)
    return lemmas, forms, phrases, exempt


def _split(phrase: str) -> list[str]:
    return re.findall(r"\w+'|[\w-]+", phrase.lower())


def _strip_accents(s: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def is_conditional(tok) -> bool:
    """True for a verb in the conditional, even when the small model tags it imperfect."""
    if "Cnd" in tok.morph.get("Mood"):
        return True
    low = tok.lower_
    ending = next((e for e in COND_ENDINGS if low.endswith(e)), None)
    if ending is None or tok.pos_ in {"PROPN", "DET", "ADP", "PUNCT", "NUM"}:
        return False
    stem = low[: -len(ending)]
    if stem in IRREGULAR_STEMS or any(stem.endswith(s) and len(s) > 3 for s in IRREGULAR_STEMS):
        return True
    lemma = tok.lemma_.lower()
    if not lemma.endswith(("er", "ir", "re")) or len(stem) < 3:
        return False
    # regular conditional: the infinitive (minus the -e of -re verbs) + ending
    base = lemma[:-1] if lemma.endswith("re") else lemma
    return _strip_accents(stem) == _strip_accents(base)


def _main_verb(tok):
    """The lexical verb a conditional auxiliary belongs to (``auraient`` → ``tiré``)."""
    if tok.dep_.startswith(("aux", "cop")) and tok.head is not tok:
        return tok.head
    return tok


def _is_compound(tok) -> bool:
    """``aurait décidé``, ``seraient entrés``: a conditional auxiliary + past participle."""
    if tok.lemma_ not in {"avoir", "être"}:
        return False
    nxt = tok.doc[tok.i + 1 : tok.i + 4]
    return any("Part" in t.morph.get("VerbForm") and "Past" in t.morph.get("Tense") for t in nxt)


def _future_in_past(tok) -> bool:
    """``a promis que son pays resterait``: a simple conditional in a *que* clause governed by a
    verb in a past tense is the *futur dans le passé* (not modals: ``pourrait`` stays a hedge)."""
    verb = _main_verb(tok)
    if _is_compound(tok) or verb.lemma_ in MODALS or tok.lemma_ in MODALS:
        return False
    clause = verb
    for _ in range(4):  # climb to the head of the clause
        if any(c.lower_ in {"que", "qu'"} and c.dep_ == "mark" for c in clause.children):
            break
        if clause.head is clause:
            return False
        clause = clause.head
    else:
        return False
    governor = clause.head
    if governor is clause or not any(c.lower_ in {"que", "qu'"} for c in clause.children):
        return False
    tenses = set(governor.morph.get("Tense"))
    has_aux = any(c.dep_.startswith("aux") for c in governor.children)
    past_participle = "Part" in governor.morph.get("VerbForm") and "Past" in tenses and has_aux
    past_finite = "Fin" in governor.morph.get("VerbForm") and tenses & PAST_TENSES
    return bool(past_participle or past_finite)


def has_complement(tokens, i: int) -> bool:
    """Does the word at ``tokens[i]`` introduce a clause: *que*, *de* + infinitive, a colon or
    quote, within the next few words (the parse is too unreliable for this)?"""
    window = tokens[i + 1 : i + 9]
    for k, t in enumerate(window):
        if t.text in {".", ";", "?", "!"}:
            return False
        if t.lower_ in {"que", "qu'"}:
            return True
        if t.lower_ in {"de", "d'"} and any(
            "Inf" in u.morph.get("VerbForm") for u in window[k + 1 : k + 4]
        ):
            return True
        if k == 0 and (t.text in {":", "«", "“"} or "Inf" in t.morph.get("VerbForm")):
            return True
    return False


def find_hedges(tokens) -> list:
    """The tokens of ``tokens`` (a Span or list of Tokens) that hedge the claim, in order.

    For a phrase (``d'après``, ``sans doute``) the first token is returned.
    """
    tokens = list(tokens)
    lemmas, forms, phrases, exempt = _index()
    found = []
    lowers = [t.lower_ for t in tokens]
    for i, tok in enumerate(tokens):
        low = tok.lower_
        h = _lemma_hedge(tok, lemmas)
        if h is None:
            h = forms.get(low)
        if h is not None:
            if h.condition == "any" or has_complement(tokens, i):
                found.append(tok)
            continue
        if any(lowers[i : i + len(p)] == list(p) for p, _ in phrases):
            found.append(tok)
            continue
        if is_conditional(tok) and not _exempt_conditional(tok, exempt):
            found.append(tok)
    return found


def _lemma_hedge(tok, lemmas: dict):
    """The hedge verb (or ``selon``) this token is a form of. The small model's POS tags are
    unreliable (``pensaient`` → ADV, ``risque`` → VERB with lemma *risque*), so the lemma is
    trusted whatever the POS, and an -er verb is also recognised by stem + ending."""
    if tok.pos_ in {"PUNCT", "DET", "PROPN", "NUM"} or tok.dep_ == "amod":  # 'pluie crue'
        return None
    lemma = verb_lemma(tok, lemmas)
    return lemmas.get(lemma) if lemma else None


def verb_lemma(tok, known, forms: dict[str, str] | None = None) -> str:
    """The lemma of ``tok`` if it is in ``known``, trusting spaCy's lemma first and then the
    form (regular -er verbs: stem + ending), because the small model often gets verbs wrong
    (``parle`` → NOUN *parle*, ``accuse`` → ADJ *accus*, ``nié`` → NOUN *nié*); irregular forms
    come from ``forms`` (form → lemma). A word right after a determiner is a noun (``les
    annonces``, ``la critique``)."""
    lemma = tok.lemma_.lower()
    if lemma in known:
        return lemma
    if forms and tok.lower_ in forms and forms[tok.lower_] in known:  # irregular: "dément"
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        as_noun = tok.pos_ == "NOUN" and (prev is None or prev.pos_ in {"DET", "ADP", "CCONJ"}
                                          or prev.lower_ == "ni")  # "ni démenti"
        return "" if as_noun else forms[tok.lower_]
    if tok.pos_ in {"PUNCT", "DET", "PROPN", "NUM", "ADP"} or tok.is_title and tok.i > 0 and (
        not tok.doc[tok.i - 1].is_punct
    ):
        return ""
    if tok.i > 0 and tok.doc[tok.i - 1].pos_ == "DET" and tok.pos_ != "VERB":
        return ""
    low = tok.lower_
    for ending in _ENDINGS_LONGEST_FIRST:
        if low.endswith(ending) and len(low) - len(ending) >= 2:
            guess = low[: -len(ending)] + "er"
            if guess in known:
                return guess
    return ""


def _exempt_conditional(tok, exempt: set[str]) -> bool:
    verb = _main_verb(tok)
    if verb.lemma_ in exempt or tok.lemma_ in exempt:
        return True
    nxt = tok.doc[tok.i + 1 : tok.i + 3]
    if tok.lemma_ == "avoir" and any(t.lemma_ in exempt for t in nxt):  # aurait fallu
        return True
    return _future_in_past(tok)


def hedge_words(tokens) -> list[str]:
    """The hedge triggers of ``tokens`` as words (``d'après`` for the phrase)."""
    _, _, phrases, _ = _index()
    out = []
    for tok in find_hedges(tokens):
        word = tok.text
        for parts, _ in phrases:
            if tok.doc[tok.i : tok.i + len(parts)].text.lower().replace(" ", "") == "".join(parts):
                word = tok.doc[tok.i : tok.i + len(parts)].text
                break
        out.append(word)
    return out
