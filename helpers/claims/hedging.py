"""How sure a sentence sounds: the *conditionnel journalistique* and lexical hedges.

A sentence is *hedged* when it presents its claim with less than full commitment:

* a verb in the conditional (``auraient tiré``, ``seraient en formation``, ``arriverait``,
  ``pourrait bénéficier``), except conditionals of necessity, advice or wish (``il faudrait``,
  ``il vaudrait mieux``, ``voudrait``) and the *futur dans le passé* after a past verb
  (``a promis que son pays resterait``), which are grammar, not caution. The imperfect
  (``il valait mieux``, ``montraient``) is not a conditional at all;
* a lexical hedge from ``helpers/claims/data/hedges.csv``: ``selon``, ``d'après``, claim verbs
  (``affirmer``, ``prétendre``; ``assurer`` when it introduces a clause), belief and appearance
  (``penser``, ``croire``, ``sembler``), probability (``probable``, ``peut-être``, ``risquer de``),
  allegation (``présumé``, ``accuser … de``).

Statements that something is unconfirmed ("La BBC n'a pas vérifié ces affirmations") are
*caveats about other sentences*, not hedges; :mod:`helpers.reliability.conclusion` counts them.

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

from helpers.claims.conditional_uses import grammatical, main_verb
from helpers.core.nlp import per_doc, token_table
from helpers.core.text import fold

HEDGES_CSV = Path(__file__).resolve().parent / "data" / "hedges.csv"

COND_ENDINGS = ("aient", "ais", "ait", "ions", "iez")
_R_ENDINGS = tuple("r" + e for e in COND_ENDINGS)
# Irregular conditional stems (grammar, not lexicon): être, avoir, pouvoir, devoir, faire, aller,
# voir, envoyer, savoir, vouloir, falloir, valoir, venir/tenir and their compounds, mourir, courir…
IRREGULAR_STEMS = {
    "ser", "aur", "pourr", "devr", "fer", "ir", "verr", "enverr", "renverr", "saur", "voudr",
    "faudr", "vaudr", "mourr", "courr", "acquerr", "recevr", "percevr", "apercevr", "pleuvr",
    "assiér", "viendr", "tiendr",
}
VERB_ENDINGS = {"e", "es", "ent", "ait", "aient", "é", "ée", "és", "ées", "ant", "er", "ons", "ez",
                "a", "ai", "ais", "èrent", "era", "eront", "erait", "eraient"}
_ENDINGS_LONGEST_FIRST = tuple(sorted(VERB_ENDINGS, key=len, reverse=True))


@dataclass(frozen=True)
class Hedge:
    trigger: str
    match: str  # lemma | form | phrase | conditional | exempt
    condition: str  # any | complement | appearance | belief | allegation | source
    forms: tuple[str, ...]


@lru_cache(maxsize=1)
def load_hedges() -> tuple[Hedge, ...]:
    """The hedge lexicon (``helpers/claims/data/hedges.csv``)."""
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


# ----------------------------------------------------------------------------- token features
# The rules below visit every token of every claim, several times. They read each Doc's
# attributes once, as lists (helpers.core.nlp.token_table), instead of creating a spaCy Token (and
# looking its strings up) at every ``doc[i]``; the rare deeper checks (exemptions, *futur dans le
# passé*) still use Tokens.


@dataclass(frozen=True, slots=True)
class _Features:
    text: list
    lower: list
    lemma_low: list  # lemma_.lower()
    pos: list
    dep: list
    is_title: list
    is_punct: list
    idx: list
    doc_text: str
    cnd: list  # Mood=Cnd in the morphology
    inf: list  # VerbForm=Inf in the morphology


@per_doc
def _features(doc) -> _Features:
    """The token features of ``doc``, computed once per Doc (it does not change after parsing)."""
    table = token_table(doc)
    moods = [_mood_and_form(m) for m in table.morph]
    return _Features(
        text=table.text, lower=table.lower, lemma_low=[x.lower() for x in table.lemma],
        pos=table.pos, dep=table.dep, is_title=table.is_title, is_punct=table.is_punct,
        idx=table.idx, doc_text=table.doc_text,
        cnd=[c for c, _ in moods], inf=[i for _, i in moods],
    )


@lru_cache(maxsize=4096)
def _mood_and_form(morph: str) -> tuple[bool, bool]:
    """(``Mood`` has ``Cnd``, ``VerbForm`` has ``Inf``) for a morphology string such as
    ``Mood=Cnd|Number=Sing|VerbForm=Fin`` (a field may hold several values: ``Mood=Cnd,Ind``)."""
    feats = dict(f.split("=", 1) for f in morph.split("|") if "=" in f)
    return ("Cnd" in feats.get("Mood", "").split(","),
            "Inf" in feats.get("VerbForm", "").split(","))


def _positions(tokens):
    """``(doc, token indices)`` of a Doc, a Span or an iterable of Tokens of one Doc, and the
    Tokens themselves when they were given as such (else ``None``: made on demand)."""
    from spacy.tokens import Doc, Span

    if isinstance(tokens, Span):
        return tokens.doc, range(tokens.start, tokens.end), None
    if isinstance(tokens, Doc):
        return tokens, range(len(tokens)), None
    toks = list(tokens)
    return (toks[0].doc if toks else None), [t.i for t in toks], toks


# ----------------------------------------------------------------------------- conditionals


def is_conditional(tok) -> bool:
    """True for a verb in the conditional, even when the small model tags it imperfect."""
    return _conditional_at(_features(tok.doc), tok.i)


def _conditional_at(f: _Features, i: int) -> bool:
    low = f.lower[i]
    if not low.endswith(COND_ENDINGS):  # most tokens: no conditional ending at all
        return False
    if f.cnd[i] and low.endswith(_R_ENDINGS):  # every conditional has its r: "restait", which
        return True                            # the model may call one, is an imperfect
    return _conditional_form(low, f.pos[i], f.lemma_low[i])


@lru_cache(maxsize=16384)
def _conditional_form(low: str, pos: str, lemma: str) -> bool:
    """Is the form ``low`` (tagged ``pos``, lemma ``lemma``) a conditional by its ending?"""
    ending = next((e for e in COND_ENDINGS if low.endswith(e)), None)
    if ending is None or pos in {"PROPN", "DET", "ADP", "PUNCT", "NUM"}:
        return False
    stem = low[: -len(ending)]
    if stem in IRREGULAR_STEMS or any(stem.endswith(s) and len(s) > 3 for s in IRREGULAR_STEMS):
        return True
    if not lemma.endswith(("er", "ir", "re")) or len(stem) < 3:
        return False
    # regular conditional: the infinitive (minus the -e of -re verbs) + ending
    base = lemma[:-1] if lemma.endswith("re") else lemma
    return fold(stem, case=False) == fold(base, case=False)


_STOPS = {".", ";", "?", "!"}
_QUE = {"que", "qu'"}
_DE = {"de", "d'"}
_OPENS_CLAUSE = {":", "«", "“"}


def has_complement(tokens, i: int) -> bool:
    """Does the word at ``tokens[i]`` introduce a clause: *que*, *de* + infinitive, a colon or
    quote, within the next few words (the parse is too unreliable for this)?"""
    doc, idx, _ = _positions(tokens)
    window = idx[i + 1 : i + 9]
    return bool(window) and _has_complement_at(_features(doc), window)


def _has_complement_at(f: _Features, window) -> bool:
    """:func:`has_complement` on ``window``, the doc indices of the next (up to 8) tokens."""
    if _infinitive_past_negation(f, window):
        return True
    for k, j in enumerate(window):
        t = f.text[j]
        if t in _STOPS:
            return False
        low = f.lower[j]
        if low in _QUE:  # not "tandis que", "alors que", "parce que": a conjunction
            return not (k and f.lower[window[k - 1]] in _CONJUNCTION_HEADS)
        if low in _DE and _infinitive_near(f, window[k + 1 :]):
            return True
        if k == 0 and (t in _OPENS_CLAUSE or f.inf[j]):
            return True
    return False


def _infinitive_past_negation(f: _Features, window) -> bool:
    """``assure n'avoir jamais été informée``, ``affirme ne pas connaître``: an infinitive past
    a negation or clitics says what is claimed, as a clause would."""
    k = next((k for k, j in enumerate(window[:4]) if f.lower[j] not in _CLITICS), None)
    return bool(k) and f.inf[window[k]]


#: Words that make *que* a conjunction, not the start of what is said.
_CONJUNCTION_HEADS = {"tandis", "alors", "bien", "parce", "pendant", "dès", "avant", "après",
                      "sans", "pour", "afin", "depuis", "lors", "tant", "ainsi", "même"}


def _infinitive_near(f: _Features, window) -> bool:
    """An infinitive in the next three words, past a negation and clitic pronouns (``risquent
    de ne pas s'en relever``, ``risquent de se multiplier``)."""
    rest = [j for j in window if f.lower[j] not in _CLITICS]
    return any(f.inf[u] or _infinitive_form(f, u) for u in rest[:3])


def _infinitive_form(f: _Features, j: int) -> bool:
    """A verb in an infinitive's form the model calls finite (``risquent de se durcir``)."""
    return f.pos[j] == "VERB" and f.lower[j].endswith(("er", "ir", "re")) and (
        f.lemma_low[j] == f.lower[j])


#: Negations and clitic pronouns between *de* and its infinitive.
_CLITICS = {"ne", "n'", "pas", "plus", "jamais", "se", "s'", "en", "y", "le", "la", "les", "l'",
            "lui", "leur", "me", "m'", "te", "t'", "nous", "vous"}


# ----------------------------------------------------------------------------- hedges


@lru_cache(maxsize=1)
def _phrases_by_first() -> dict[str, list[list[str]]]:
    """The hedge phrases (as word lists) by their first word, to test only those that can match."""
    out: dict[str, list[list[str]]] = {}
    for parts, _ in _index()[2]:
        out.setdefault(parts[0], []).append(list(parts))
    return out


def find_hedges(tokens) -> list:
    """The tokens of ``tokens`` (a Doc, a Span or a list of Tokens) that hedge the claim, in order.

    For a phrase (``d'après``, ``sans doute``) the first token is returned.
    """
    doc, idx, toks = _positions(tokens)
    if not idx:
        return []
    found = _hedge_positions(doc, idx)
    return [toks[p] for p in found] if toks is not None else [doc[idx[p]] for p in found]


def _hedge_positions(doc, idx) -> list[int]:
    """The positions in ``idx`` (doc indices of the tokens, in order) of the hedging tokens."""
    f = _features(doc)
    lemmas, forms, _, exempt = _index()
    phrases = _phrases_by_first()
    found = []
    lowers = f.lower[idx.start : idx.stop] if isinstance(idx, range) else [f.lower[j] for j in idx]
    for p, j in enumerate(idx):
        low = lowers[p]
        h = _lemma_hedge(f, j, lemmas)
        if h is None:
            h = forms.get(low)
        if h is not None:
            if _condition_met(f, h, idx[p + 1 : p + 9]):
                found.append(p)
            continue
        if any(lowers[p : p + len(ph)] == ph for ph in phrases.get(low, ())):
            found.append(p)
            continue
        if _conditional_at(f, j) and not _exempt_conditional(doc[j], exempt):
            found.append(p)
    return found


def _condition_met(f: _Features, h: Hedge, window) -> bool:
    """``any``; ``complement`` (a clause after it); ``appearance`` (that, or an adjective or
    an infinitive: ``paraît incertaine``); ``belief`` (not *à*: *penser à* is to think of);
    ``allegation`` (``accusé de fournir``, ``accusés d'« ingérence »``: *de* and what is
    alleged); ``source`` (``selon`` followed by someone, not by ``les normes``, ``la loi``:
    :func:`_not_sources`)."""
    if h.condition == "any":
        return True
    if h.condition == "source":
        return not _names_no_source(f, window)
    if h.condition == "belief":  # "pense que", "pense avoir"; not "a pensé à une arnaque"
        return not window or f.lower[window[0]] not in {"à", "au", "aux"}
    if h.condition == "appearance" and _looks(f, window):
        return True
    if _has_complement_at(f, window):
        return True
    return h.condition == "allegation" and _alleges(f, window)


def _looks(f: _Features, window) -> bool:
    """``paraît toutefois incertaine``, ``paraît se stabiliser``: an adjective or an infinitive
    (adverbs and a reflexive pronoun skipped) after a verb of appearance; not ``paraîtra en
    mars`` (a book, a newspaper)."""
    words = [f.lower[j] for j in window]
    skip = next((len(p) for p in _TIME_PHRASES if words[: len(p)] == p), 0)
    window = window[skip:]  # "paraissent pour l'instant suffisants"
    for j in window[:4]:
        if f.pos[j] == "ADV" or f.lower[j] in {"se", "s'"}:
            continue  # a participle as an adjective: "apparaissent particulièrement touchées"
        return f.pos[j] == "ADJ" or f.inf[j] or f.pos[j] == "VERB" and f.lower[j].endswith(
            _PARTICIPLE_ENDINGS)
    return False


#: Phrases of time between a verb of appearance and its adjective.
_TIME_PHRASES = (["pour", "l'", "instant"], ["pour", "le", "moment"], ["à", "ce", "stade"],
                 ["à", "première", "vue"], ["jusqu'", "ici"], ["jusqu'", "à", "présent"])


#: Past participle endings by the infinitive's ending (``démentir`` → ``démentie``); also read
#: by :mod:`helpers.claims.attribution.verbs`.
PARTICIPLE_ENDINGS = {"er": ("é", "ée", "és", "ées"), "ir": ("i", "ie", "is", "ies", "u", "ue"),
                      "re": ("u", "ue", "us", "ues", "t", "te", "ts", "tes", "is", "ise")}

#: Endings of past participles used as adjectives (*touchée*, *fini*, *perdus*): those of -er
#: and -ir verbs (a final *-t* or *-te* would take in too many other words).
_PARTICIPLE_ENDINGS = (*PARTICIPLE_ENDINGS["er"], *PARTICIPLE_ENDINGS["ir"], "us", "ues")


def _alleges(f: _Features, window) -> bool:
    """*de* (within a few words, past the accused) then, past quote marks, a noun."""
    for k, j in enumerate(window[:6]):
        if f.lower[j] in _DE or f.lower[j] == "d":
            rest = [u for u in window[k + 1 : k + 4] if f.text[u] not in {"'", "«", "“", '"'}]
            # a noun, or what is alleged done: "accuse le maire d'« instrumentaliser »"
            return bool(rest) and (f.pos[rest[0]] in {"NOUN", "PROPN"} or f.inf[rest[0]] or (
                _infinitive_form(f, rest[0])))
        if f.text[j] in _STOPS:
            return False
    return False


@lru_cache(maxsize=1)
def _not_sources() -> frozenset[str]:
    """Nouns after which *selon* names no source (``attribution_words.csv``, ``not_source``)."""
    path = HEDGES_CSV.parent / "attribution_words.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        return frozenset(r["word"] for r in csv.DictReader(fh) if r["class"] == "not_source")


def _names_no_source(f: _Features, window) -> bool:
    """``selon les normes du BIT``: the first noun after *selon* is a norm, not a source."""
    for j in window[:4]:
        if f.pos[j] == "PRON" or f.is_punct[j]:
            return False  # "Selon elle, quatorze cas…": a source, then the claim
        if f.pos[j] in {"NOUN", "PROPN"}:
            return f.lemma_low[j] in _not_sources() or f.lower[j] in _not_sources()
    return False


_NOT_VERB_POS = {"PUNCT", "DET", "PROPN", "NUM"}


def _lemma_hedge(f: _Features, i: int, lemmas: dict):
    """The hedge verb (or ``selon``) token ``i`` is a form of. The small model's POS tags are
    unreliable (``pensaient`` → ADV, ``risque`` → VERB with lemma *risque*), so the lemma is
    trusted whatever the POS, and an -er verb is also recognised by stem + ending."""
    # "pluie crue" (amod) is not "croire"; "autorités françaises accusent" (amod, ADV) is a verb
    # … unless "de" follows ("Ces épisodes risquent de se multiplier": "risquent" ADJ, amod)
    followed = i + 1 < len(f.lower) and f.lower[i + 1] in _DE
    # … or one of the finite forms hedges.csv lists ("La décision paraît arrêtée": amod)
    finite = f.lower[i] in _lemma_forms()
    if f.pos[i] in _NOT_VERB_POS or f.dep[i] == "amod" and f.pos[i] != "ADV" and not (
            followed or finite):
        return None
    lemma = _verb_lemma_at(f, i, lemmas, _lemma_forms())
    return lemmas.get(lemma) if lemma else None


@lru_cache(maxsize=1)
def _lemma_forms() -> dict[str, str]:
    """Irregular forms of the hedge verbs (``croit`` → *croire*, which the model may tag as an
    adjective of lemma *croit*), from ``hedges.csv``'s ``forms`` of its ``lemma`` rows."""
    return {f: h.trigger for h in load_hedges() if h.match == "lemma" for f in h.forms
            if f != h.trigger}


def verb_lemma(tok, known, forms: dict[str, str] | None = None) -> str:
    """The lemma of ``tok`` if it is in ``known``, trusting spaCy's lemma first and then the
    form (regular -er verbs: stem + ending), because the small model often gets verbs wrong
    (``parle`` → NOUN *parle*, ``accuse`` → ADJ *accus*, ``nié`` → NOUN *nié*); irregular forms
    come from ``forms`` (form → lemma). A word right after a determiner is a noun (``les
    annonces``, ``la critique``)."""
    return _verb_lemma_at(_features(tok.doc), tok.i, known, forms)


_NOT_VERB_GUESS_POS = {"PUNCT", "DET", "PROPN", "NUM", "ADP"}
_REFLEXIVE = {"s'", "se", "me", "m'", "te", "t'"}
#: Verbs that say something, but mean something else with a reflexive pronoun.
_OTHER_WHEN_REFLEXIVE = {"assurer", "rappeler", "montrer"}
_NOUN_BEFORE = {"DET", "ADP", "CCONJ"}


def _verb_lemma_at(f: _Features, i: int, known, forms: dict[str, str] | None) -> str:
    """:func:`verb_lemma` of token ``i``."""
    lemma = f.lemma_low[i]
    if i > 0 and f.lower[i - 1] in _REFLEXIVE and lemma in _OTHER_WHEN_REFLEXIVE:
        return ""  # "s'assurer que personne…" makes sure; "se rappeler" remembers
    if lemma in known:
        return lemma
    low = f.lower[i]
    if forms and low in forms and forms[low] in known:  # irregular: "dément"
        as_noun = f.pos[i] == "NOUN" and (i == 0 or f.pos[i - 1] in _NOUN_BEFORE
                                          or f.lower[i - 1] == "ni")  # "ni démenti"
        return "" if as_noun else forms[low]
    pos = f.pos[i]
    if pos == "PROPN" and not f.is_title[i]:
        pos = "NOUN"  # "Bercy chiffre le coût": a lower-case word is no proper noun
    if pos in _NOT_VERB_GUESS_POS or f.is_title[i] and i > 0 and not f.is_punct[i - 1]:
        return ""
    # "a-t-elle raconté": the clitic the model tags as a determiner is no article
    if i > 0 and f.pos[i - 1] == "DET" and pos != "VERB" and not f.lower[i - 1].startswith("-"):
        return ""
    reflexive = i > 0 and f.lower[i - 1] in _REFLEXIVE  # "se montre prudente"
    for guess in _er_guesses(low):
        if guess in known:
            return "" if reflexive and guess in _OTHER_WHEN_REFLEXIVE else guess
    return ""


@lru_cache(maxsize=65536)
def _er_guesses(low: str) -> tuple[str, ...]:
    """The -er infinitives ``low`` could be a form of (stem + ending, longest ending first);
    a stem's last *è* may be the infinitive's *é* or *e* (``tempère`` → *tempérer*,
    ``relève`` → *relever*)."""
    out = []
    for e in _ENDINGS_LONGEST_FIRST:
        if low.endswith(e) and len(low) - len(e) >= 2:
            stem = low[: -len(e)]
            out.append(stem + "er")
            k = stem.rfind("è")
            if k >= 0:
                out += [stem[:k] + "é" + stem[k + 1:] + "er", stem[:k] + "e" + stem[k + 1:] + "er"]
    return tuple(out)


def _exempt_conditional(tok, exempt: set[str]) -> bool:
    verb = main_verb(tok)
    if verb.lemma_ in exempt or tok.lemma_ in exempt:
        return True
    nxt = tok.doc[tok.i + 1 : tok.i + 3]
    if tok.lemma_ == "avoir" and any(t.lemma_ in exempt for t in nxt):  # aurait fallu
        return True
    return grammatical(tok)


def hedge_words(tokens) -> list[str]:
    """The hedge triggers of ``tokens`` as words (``d'après`` for the phrase)."""
    _, _, phrases, _ = _index()
    doc, idx, _ = _positions(tokens)
    if not idx:
        return []
    f = _features(doc)
    n = len(f.text)
    out = []
    for p in _hedge_positions(doc, idx):
        i = idx[p]
        word = f.text[i]
        for parts, _ in phrases:
            end = min(i + len(parts), n) - 1  # last token of doc[i : i + len(parts)]
            # that Span's text, sliced from the Doc's
            text = f.doc_text[f.idx[i] : f.idx[end] + len(f.text[end])]
            if text.lower().replace(" ", "") == "".join(parts):
                word = text
                break
        out.append(word)
    return out
