"""The attribution rules' word lists: reporting verbs (``reporting_verbs.csv``, matched by lemma),
word classes (``attribution_words.csv``: anonymous heads, roles, institutions, media, words to
skip), the small closed classes of French grammar they need, and the nationality adjectives that
give an anonymous speaker a side."""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from helpers.claims.hedging import verb_lemma
from helpers.core.datafiles import read_rows
from helpers.core.nlp import token_table
from helpers.core.story import active_story, load_story

DATA_DIR = Path(__file__).resolve().parents[1] / "data"  # helpers/claims/data


OPENERS = {"«", "“"}


CLOSERS = {"»", "”"}


QUOTE_MARKS = OPENERS | CLOSERS | {'"', "„"}


PRONOUNS = {  # text → (gender, number)
    "il": ("m", "s"), "elle": ("f", "s"), "ils": ("m", "p"), "elles": ("f", "p"),
    "lui": ("m", "s"), "eux": ("m", "p"),
    # demonstratives point back the same way: "La préfecture… Celle-ci a fait état de…"
    "celui-ci": ("m", "s"), "celle-ci": ("f", "s"), "ceux-ci": ("m", "p"), "celles-ci": ("f", "p"),
}


RELATIVE_SELON = {"lequel", "laquelle", "lesquels", "lesquelles"}


PREPOSITIONS = {
    "de", "d'", "du", "à", "au", "aux", "en", "dans", "sur", "contre", "avec", "vers", "pour",
    "entre", "chez", "sans", "après", "avant", "depuis", "sous", "lors", "malgré", "comme",
}


NP_LINKS = {"de", "d'", "du", "des", "à", "au", "aux"}


INDEFINITE = {"un", "une", "des", "de", "d'", "plusieurs", "certains", "certaines", "quelques",
              "deux", "trois", "nombreux", "nombreuses", "hauts", "haut"}


DEFINITE = {"le", "la", "les", "l'"}


DEMONSTRATIVE = {"ce", "cet", "cette", "ces"}


BLOCKING_GOVERNORS = {"refuser", "garder", "éviter", "abstenir", "décliner", "éluder"}


NEGATION_AFTER = {"pas", "jamais", "plus", "guère", "point", "rien"}


SUBJECT_DEPS = {"nsubj", "nsubj:pass", "obl:agent", "ROOT", "appos", "conj", "flat:name"}


KIND_BY_CLASS = {
    "anonymous_head": "anonymous", "role_head": "person", "institution_head": "institution",
    "media_head": "media",
}


KIND_BY_LABEL = {"PER": "person", "ORG": "institution", "LOC": "institution"}


_ARTICLES = DEFINITE | INDEFINITE


_DETERMINERS = INDEFINITE | DEFINITE | DEMONSTRATIVE


_PREPOSITIONS_NOT_PAR = PREPOSITIONS - {"par"}


MEDIATORS = [["par", "l'", "intermédiaire", "de"], ["par", "l'", "intermédiaire", "du"],
             ["par", "la", "voix", "de"], ["par", "la", "voix", "du"], ["via"]]


@lru_cache(maxsize=1)
def _verb_rows() -> tuple[dict, ...]:
    return tuple(read_rows(DATA_DIR / "reporting_verbs.csv"))


@lru_cache(maxsize=1)
def reporting_verbs() -> dict[str, str]:
    """``lemma → stance`` from ``helpers/claims/data/reporting_verbs.csv`` (phrases such as
    ``faire état`` included)."""
    return {r["lemma"]: r["stance"] for r in _verb_rows()}


@lru_cache(maxsize=1)
def reporting_forms() -> dict[str, str]:
    """Irregular inflected forms of the reporting verbs (``dément`` → ``démentir``); a phrase's
    forms (``fait`` for ``faire état``) are its verb's, not the phrase's."""
    return {form: r["lemma"] for r in _verb_rows() if " " not in r["lemma"]
            for form in r["forms"].split()}


@lru_cache(maxsize=1)
def verb_needs() -> dict[str, str]:
    """What a verb needs around it to report (``reporting_verbs.csv``, column ``needs``):
    ``clause`` (a clause, a quote, an adjective or an incise: ``assurer que`` but not
    ``assurer la sécurité``), ``figure`` (that, or a number or a change: ``a recensé 41 000``),
    ``measure`` (a figure word: ``avance le chiffre de``), ``count`` (a figure, in a past tense
    or with *en*: ``en a compté 318 000``), ``quote`` (a quote or an incise: ``a-t-elle
    lancé``), ``incise`` (right after a quote only: a verb of manner, ``« … », sourit-il``, not
    ``souriant``), ``à`` (``appelle à``), ``claim`` (a clause or a claim disputed: ``conteste ces
    chiffres``, not ``la mesure est contestée``), ``reason`` (a quote or a reason with *par*:
    ``justifie cette mesure par``), ``active`` (its subject, not a participle: ``met en
    cause``, not ``les agents mis en cause``); ``""``: nothing."""
    return {r["lemma"]: r["needs"] for r in _verb_rows() if r["needs"]}


@lru_cache(maxsize=1)
def verb_phrases() -> dict[str, list[tuple[list[str], str]]]:
    """Reporting phrases by their verb's lemma: ``faire`` → ``[(["état"], "faire état")]``."""
    out: dict[str, list[tuple[list[str], str]]] = {}
    for lemma in reporting_verbs():
        words = re.findall(r"\w+'|[\w-]+", lemma)
        if len(words) > 1:
            out.setdefault(words[0], []).append((words[1:], lemma))
    return out


@lru_cache(maxsize=1)
def _phrase_forms() -> dict[str, str]:
    """Forms of a phrase's verb (``fait`` → ``faire``): the model often tags ``fait`` a noun."""
    phrases = verb_phrases()
    return {form: r["lemma"].split()[0] for r in _verb_rows() if r["lemma"].split()[0] in phrases
            and " " in r["lemma"] for form in r["forms"].split()}


def reporting_lemma(tok) -> str:
    """The reporting verb ``tok`` is a form of, or ``""``."""
    return verb_lemma(tok, reporting_verbs(), reporting_forms())


# (lemma, form, POS, title case, (previous POS, form, punctuation flag)) → reporting_lemma
_REPORTING_MEMO: dict[tuple, str] = {}


def _reporting_lemmas(doc, tab) -> list[str]:
    """:func:`reporting_lemma` of every token of ``doc`` (``tab`` is its token table), with the
    phrases of :func:`verb_phrases` (``faisait état``, ``a mis en garde``) given to their verb.

    Every token of every sentence is tested, and nearly all are not reporting verbs. The answer
    of :func:`helpers.claims.hedging.verb_lemma` depends only on the token's lemma, form, POS and
    title case and on the previous token's POS, form and punctuation flag (``les annonces``, ``ni
    démenti``), so it is memoised on those: a repeated word costs a dict look-up, not a Token
    and a call. (If ``verb_lemma`` ever reads more of the context, add it to the key.)
    """
    memo = _REPORTING_MEMO
    if len(memo) > 200_000:  # a bound for very long runs; any size gives the same answers
        memo.clear()
    # the previous token's features; one more than there are tokens (the last one's are unused)
    before = [None, *zip(tab.pos, tab.lower, tab.is_punct, strict=True)]
    keys = list(zip(tab.lemma, tab.lower, tab.pos, tab.is_title, before, strict=False))
    out = [memo.get(key) for key in keys]
    for i in [i for i, lemma in enumerate(out) if lemma is None]:
        lemma = memo.get(keys[i])  # the same words may have come earlier in this Doc
        if lemma is None:
            lemma = memo[keys[i]] = reporting_lemma(doc[i])
        out[i] = lemma
    phrases, forms = verb_phrases(), _phrase_forms()
    for i, (lemma, low) in enumerate(zip(tab.lemma, tab.lower, strict=True)):
        verb = lemma if lemma in phrases else forms.get(low)
        if verb is not None:
            out[i] = _phrase_at(tab, i, phrases[verb]) or out[i]
    for i in [i for i, lemma in enumerate(out) if lemma in _OTHER_WHEN_REFLEXIVE]:
        k = i - 1 - (i > 1 and tab.pos[i - 1] == "AUX")  # "se sont révélés", "s'annonce"
        if k >= 0 and tab.lower[k] in {"se", "s'"}:
            out[i] = ""
    return out


#: Verbs of saying that mean something else with *se*: ``les tests se sont révélés négatifs``,
#: ``la saison s'annonce difficile``, ``la tendance se confirme``, ``le projet se précise``.
_OTHER_WHEN_REFLEXIVE = {"révéler", "annoncer", "confirmer", "préciser", "montrer", "traduire"}


def _phrase_at(tab, i: int, candidates) -> str:
    """The reporting phrase whose other words follow the verb at ``i``, an adverb or two
    between them allowed (``a également mis en garde``)."""
    if tab.pos[i] not in {"VERB", "AUX", "NOUN"} or i and tab.pos[i - 1] == "DET":
        return ""  # "le fait de" is a noun
    for rest, lemma in candidates:
        j = i + 1
        while j < len(tab.lower) and j - i <= 3 and (tab.pos[j] == "ADV" or tab.text[j][:1] == "-"
                                                     ) and tab.lower[j] != rest[0]:
            j += 1  # an adverb, an inverted pronoun: "fait-on savoir"
        if tab.lower[j : j + len(rest)] == rest:
            return lemma
    return ""


@lru_cache(maxsize=1)
def dating_verbs() -> frozenset[str]:
    """The reporting verbs whose tense dates a statement without looking at their complement
    (the date rules of :mod:`helpers.figures.dates`): not those that report only with a quote,
    ``à``, a figure word or a count (``a lancé une offensive``, ``a compté parmi``), nor the
    phrases (``faire état``)."""
    needs = verb_needs()
    return frozenset(v for v in reporting_verbs() if needs.get(v, "") not in {
        "quote", "incise", "à", "measure", "count", "on", "reason", "active"} and " " not in v)


@lru_cache(maxsize=1)
def _words() -> tuple[dict[str, set[str]], dict[str, str], list[list[str]]]:
    classes: dict[str, set[str]] = {}
    phrases: list[list[str]] = []
    for r in read_rows(DATA_DIR / "attribution_words.csv"):
        classes.setdefault(r["class"], set()).add(r["word"])
        if r["class"] == "skip":
            parts = re.findall(r"\w+'|[\w-]+", r["word"].lower())
            if len(parts) > 1:
                phrases.append(parts)
    return classes, {}, phrases


@lru_cache(maxsize=8)
def _nationality_sides(folder) -> dict[str, str]:
    """The story's nationalities (its ``nationalities.csv``): which side an anonymous
    "responsable ukrainien" speaks for. Keyed by story folder: each story has its own sides."""
    return {r["word"]: r["side"] for r in load_story(folder).rows("nationalities")}


@lru_cache(maxsize=1)
def _role_synonyms() -> dict[str, str]:
    with open(DATA_DIR / "role_synonyms.csv", encoding="utf-8", newline="") as f:
        return {r["word"]: r["role"] for r in csv.DictReader(f)}


def role_key(word: str) -> str:
    """The role a word names (``édile`` → ``maire``, ``chercheuse`` → ``chercheur``); itself
    when ``role_synonyms.csv`` does not list it."""
    return _role_synonyms().get(word, word)


@lru_cache(maxsize=1)
def _general_roles() -> dict[str, tuple[str, ...]]:
    """Each role and the general words that may name a person in it (``general_roles.csv``:
    ``maire`` → ``élu``)."""
    out: dict[str, set[str]] = {}
    for r in read_rows(DATA_DIR / "general_roles.csv"):
        for role in r["roles"].split("|"):
            out.setdefault(role, set()).add(r["word"])
    return {role: tuple(sorted(words)) for role, words in out.items()}


def role_keys(word: str) -> tuple[str, ...]:
    """The role a word names, then the general words for that role (``maire`` → ``("maire",
    "élu")``): the nouns a later bare mention of that person may use."""
    key = role_key(word)
    return (key, *_general_roles().get(key, ()))


def covered_by(word: str) -> set[str]:
    """The roles or bodies a general word covers (``établissement`` → ``centre``, ``lycée``…);
    empty for a word that is not general."""
    return {role for role, words in _general_roles().items() if word in words}


def is_general_role(word: str) -> bool:
    """``élu``, ``magistrat``: a word for the people of several roles (``general_roles.csv``)."""
    return any(word in words for words in _general_roles().values())


def class_words(name: str) -> frozenset[str]:
    """The words of one class of ``attribution_words.csv``."""
    return frozenset(_words()[0].get(name, ()))


def feminine_form(tok) -> bool:
    """``élue``, ``avocate``, ``présidente``, ``vice-présidente``: a form with the feminine *-e*
    its role or lemma does not have; ``directrice``, ``chercheuse``: a feminine ending of the
    role it names (the model's morphology often says masculine)."""
    low = tok.lower_
    key = role_key(low)
    if key != low and low.endswith(_FEMININE_ENDINGS) and not key.endswith(_FEMININE_ENDINGS):
        return True
    role = low[:-1] if low[:-1] in class_words("role_head") else ""
    return any(low in {base + "e", base + "ne"} and not base.endswith("e")
               for base in (tok.lemma_.lower(), key, role) if base)


#: The endings of feminine role nouns whose masculine ends otherwise (*directeur*).
_FEMININE_ENDINGS = ("rice", "euse", "esse")


def agreeing_gender(head) -> str:
    """The gender an adjective agreeing with ``head`` shows in its ending: ``ukrainienne`` (its
    lemma plus *-e*) is feminine, ``ukrainien`` (its own lemma, no *-e*) masculine; ``russe``
    shows nothing. For a noun after the elided *l'*, whose gender the model guesses
    (``l'état-major ukrainien``)."""
    for adj in head.children:
        if adj.dep_ != "amod" or adj.pos_ != "ADJ" or adj.i < head.i:
            continue
        low, lemma = adj.lower_.rstrip("sx") or adj.lower_, adj.lemma_.lower()
        if low == lemma + "e" and not lemma.endswith("e"):
            return "f"
        if low == lemma and not low.endswith("e"):
            return "m"
    return ""


def epicene(tok) -> bool:
    """A noun of either gender: listed (``porte-parole``), or a form in *-e* that is its own
    lemma (``pédiatre``, ``hydrogéologue``, ``juriste``), whose gender the model guesses."""
    low = tok.lower_
    return word_class(tok, "epicene") or low.endswith("e") and low == tok.lemma_.lower() and (
        not feminine_form(tok))


def is_title(text: str) -> bool:
    """``Me``, ``Dre``, ``M.``, ``professeur``: a title written before a person's name
    (``attribution_words.csv``'s class ``title``, matched as written: *Me* is not *me*)."""
    return text in _words()[0].get("title", ())


def word_class(tok, name: str) -> bool:
    """Is ``tok`` (or the hyphenated word it is part of: ``état-major``) in the word class?"""
    return _word_class_at(token_table(tok.doc), tok.i, name)


def _word_class_at(tab, i: int, name: str) -> bool:
    """:func:`word_class` of token ``i``, read from the Doc's token table ``tab``."""
    words = _words()[0].get(name, ())
    return tab.lemma[i].lower() in words or tab.lower[i] in words or _compound_at(tab, i) in words


def _compound(tok) -> str:
    """``état`` ``-`` ``major`` → ``état-major`` (the tokenizer splits some hyphenated words)."""
    return _compound_at(token_table(tok.doc), tok.i)


def _compound_at(tab, i: int) -> str:
    """:func:`_compound` of token ``i`` of the token table ``tab``."""
    text, idx = tab.text, tab.idx

    def glued(j: int) -> bool:  # no whitespace after token j (j is never the last token here)
        return idx[j] + len(text[j]) == idx[j + 1]

    s = e = i
    while s - 2 >= 0 and text[s - 1] == "-" and glued(s - 2) and glued(s - 1):
        s -= 2
    while e + 2 < len(text) and text[e + 1] == "-" and glued(e) and glued(e + 1):
        e += 2
    return tab.doc_text[idx[s] : idx[e] + len(text[e])].lower() if e > s else ""


def is_number(tab, k: int) -> bool:
    """Is token ``k`` a number in digits or words (``318``, ``onze``, ``vingt-sept``), not the
    article *un* nor an ordinal (``la première à publier``)?"""
    return _number_word(tab.lower[k])


@lru_cache(maxsize=4096)
def _number_word(word: str) -> bool:
    # asked of every token of a sentence with figures, so answered once per word
    if word in {"un", "une", "l'un", "l'une"} or word.startswith("premi") or word.endswith("ième"):
        return False
    if any(c.isdigit() for c in word):
        return True
    from spacy.lang.fr.lex_attrs import like_num

    parts = [part for part in word.split("-") if part]
    return bool(parts) and all(like_num(part) for part in parts)


def nationality_side(tokens) -> str:
    sides = _nationality_sides(active_story().folder)
    for t in tokens:
        for stem, side in sides.items():
            if t.lower_.startswith(stem):
                return side
    return ""


#: Endings of French nouns for people (*agricult-eur*, *soign-ante*, *chim-iste*,
#: *hydro-logue*, *univers-itaire*, *pomp-ier*, *médec-in*, *pharmac-ien*).
_PERSON_ENDINGS = ("eur", "euse", "rice", "ien", "ienne", "iste", "logue", "aire", "ant", "ante",
                   "ier", "ière")


def has_a_person_ending(tok) -> bool:
    """Does the noun end as French nouns for people do (:data:`_PERSON_ENDINGS`), or is it one
    with no such ending (``person_noun``: *expert*, *témoin*)?"""
    return _person_ending_at(token_table(tok.doc), tok.i)


def _person_ending_at(tab, i: int) -> bool:
    """:func:`has_a_person_ending` of token ``i``, read from the Doc's token table ``tab``."""
    return tab.lower[i].endswith(_PERSON_ENDINGS) or tab.lemma[i].lower().endswith(
        _PERSON_ENDINGS) or _word_class_at(tab, i, "person_noun")
