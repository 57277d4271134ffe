"""Who says it: attribution rules for French news sentences.

What comes from libraries: spaCy's tokens, lemmas, morphology and dependency parse; a
``PhraseMatcher`` of actor aliases (:mod:`helpers.core.actors`); a ``Matcher`` for the fixed cue
phrases (``selon``, ``d'après``, ``citant``, ``si l'on en croit``, ``c'est ce que``…). What is
written here by hand, because no library does attribution for French: the rules below. They lean
on word order as much as on the parse, because the small model often misparses inverted subjects
(``…, a indiqué lundi un responsable ukrainien`` comes out as three sentences).

Patterns handled (each with a test in ``tests/test_claims.py``):

* a reporting verb (``helpers/data/reporting_verbs.csv``, matched by lemma) with its subject:
  ``X a déclaré que…``, ``X affirme avoir…``, inverted ``…, a déclaré X``, ``« … » a souligné X``,
  ``…, a-t-il ajouté``, ``ajoute-t-il``, ``comme l'affirme X``, ``c'est ce qu'affirment X``,
  the passive ``confirmé par X``, and participles and infinitives that take the subject of
  their governing verb (``…, estimant que``, ``Avant d'ajouter :``);
* ``selon X`` / ``d'après X`` / ``aux dires de X`` / ``si l'on en croit X`` anywhere in the
  sentence, ``selon lesquels`` (the antecedent), ``citant X`` (when nobody else speaks);
* the speaker phrase is turned into an actor: the actor table (aliases → canonical name), a
  person named in apposition (``le chef du centre…, Andriï Kovalenko``; ``L'OTAN, par
  l'intermédiaire de… Mark Rutte``), anonymous sources (``un responsable ukrainien``, ``des
  sources diplomatiques russes``), roles (``le porte-parole du Kremlin``), the body behind a
  document (``selon des images satellite des services de renseignement sud-coréens``);
* references to an earlier speaker: pronouns (``il``, ``elle``, ``selon lui``, ``selon eux``,
  ``-t-il``) go to the most recent compatible (gender, number) subject or speaker before them;
  ``cette source`` to the last speaker; a definite description (``le soldat``) to the earlier
  mention with the same head noun (``un soldat russe capturé``).

The sentence-level choice between several cues, quotes without a cue, and the *c'est ce que*
sentence that attributes the one before it are in :mod:`helpers.claims.tagging`.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from helpers.claims.hedging import has_complement, verb_lemma
from helpers.core.actors import Actor, find_actors
from helpers.core.nlp import token_table

DATA_DIR = Path(__file__).resolve().parent / "data"

OPENERS = {"«", "“"}
CLOSERS = {"»", "”"}
QUOTE_MARKS = OPENERS | CLOSERS | {'"', "„"}
PRONOUNS = {  # text → (gender, number)
    "il": ("m", "s"), "elle": ("f", "s"), "ils": ("m", "p"), "elles": ("f", "p"),
    "lui": ("m", "s"), "eux": ("m", "p"),
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

# Fixed cue phrases for spaCy's Matcher: the speaker is the noun phrase right after them.
CUE_PATTERNS = {
    "selon": [[{"LOWER": "selon"}]],
    "d'après": [[{"LOWER": "d'"}, {"LOWER": "après"}]],
    "aux dires de": [[{"LOWER": "aux"}, {"LOWER": "dires"}, {"LOWER": {"IN": ["de", "d'", "du"]}}]],
    "si l'on en croit": [
        [{"LOWER": "si"}, {"LOWER": {"IN": ["l'on", "on", "l'"]}}, {"LOWER": "on", "OP": "?"},
         {"LOWER": "en"}, {"LOWER": {"IN": ["croit", "croire"]}}],
        [{"LOWER": "à"}, {"LOWER": "en"}, {"LOWER": "croire"}],
    ],
    "citant": [[{"LOWER": "citant"}]],
    "cité par": [[{"LOWER": {"IN": ["cité", "cités", "citée", "citées"]}}, {"LOWER": "par"}]],
}
MEDIATORS = [["par", "l'", "intermédiaire", "de"], ["par", "l'", "intermédiaire", "du"],
             ["par", "la", "voix", "de"], ["par", "la", "voix", "du"], ["via"]]


@dataclass
class Speaker:
    name: str  # canonical (actor table) or as written without its article
    kind: str  # person | institution | media | anonymous | ""
    side: str
    text: str  # the words that name the speaker in this sentence, as written
    pos: int  # token index, for recency
    gender: str = ""
    number: str = ""


@dataclass
class Candidate:
    speaker: Speaker | None
    cue: str
    rank: int  # 0 main clause or incise, 1 embedded, 2 citing
    pos: int
    cleft: bool = False  # "C'est ce qu'affirment X": also attributes the sentence before


@dataclass
class Context:
    """Everything the rules need about one parsed article, computed once."""

    doc: object  # spacy.tokens.Doc
    tab: object = None  # helpers.nlp.TokenTable of doc: its token attributes as lists
    mentions: list = field(default_factory=list)
    mention_at: dict = field(default_factory=dict)  # token index → Mention
    inside: list = field(default_factory=list)  # token inside a quotation
    unclosed: list = field(default_factory=list)  # … in one never closed on its line
    history: list = field(default_factory=list)  # (pos, Speaker) of primary speakers
    subjects: list = field(default_factory=list)  # (pos, Speaker) of subject-like mentions
    cues: list = field(default_factory=list)  # (cue, start, end) from the Matcher
    reporting: list = field(default_factory=list)  # reporting_lemma of each token


# ----------------------------------------------------------------------------- lexicons


@lru_cache(maxsize=1)
def reporting_verbs() -> dict[str, str]:
    """``lemma → stance`` from ``helpers/data/reporting_verbs.csv``."""
    with open(DATA_DIR / "reporting_verbs.csv", encoding="utf-8", newline="") as f:
        return {r["lemma"]: r["stance"] for r in csv.DictReader(f)}


@lru_cache(maxsize=1)
def reporting_forms() -> dict[str, str]:
    """Irregular inflected forms of the reporting verbs (``dément`` → ``démentir``)."""
    with open(DATA_DIR / "reporting_verbs.csv", encoding="utf-8", newline="") as f:
        return {form: r["lemma"] for r in csv.DictReader(f) for form in r["forms"].split()}


def reporting_lemma(tok) -> str:
    """The reporting verb ``tok`` is a form of, or ``""``."""
    return verb_lemma(tok, reporting_verbs(), reporting_forms())


# (lemma, form, POS, title case, (previous POS, form, punctuation flag)) → reporting_lemma
_REPORTING_MEMO: dict[tuple, str] = {}


def _reporting_lemmas(doc, tab) -> list[str]:
    """:func:`reporting_lemma` of every token of ``doc`` (``tab`` is its token table).

    Every token of every sentence is tested, and nearly all are not reporting verbs. The answer
    of :func:`helpers.hedging.verb_lemma` depends only on the token's lemma, form, POS and title
    case and on the previous token's POS, form and punctuation flag (``les annonces``, ``ni
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
    return out


@lru_cache(maxsize=1)
def verbs_needing_a_clause() -> frozenset[str]:
    """Verbs that report only when they introduce a clause or a quote (``assurer que`` but not
    ``assurer la sécurité``; ``rappeler que`` but not ``rappeler ses troupes``)."""
    with open(DATA_DIR / "reporting_verbs.csv", encoding="utf-8", newline="") as f:
        return frozenset(r["lemma"] for r in csv.DictReader(f) if r["needs_clause"] == "yes")


@lru_cache(maxsize=1)
def _words() -> tuple[dict[str, set[str]], dict[str, str], list[list[str]]]:
    classes: dict[str, set[str]] = {}
    sides: dict[str, str] = {}
    phrases: list[list[str]] = []
    with open(DATA_DIR / "attribution_words.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            classes.setdefault(r["class"], set()).add(r["word"])
            if r["class"] == "nationality":
                sides[r["word"]] = r["side"]
            if r["class"] == "skip":
                parts = re.findall(r"\w+'|[\w-]+", r["word"].lower())
                if len(parts) > 1:
                    phrases.append(parts)
    return classes, sides, phrases


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


def nationality_side(tokens) -> str:
    sides = _words()[1]
    for t in tokens:
        for stem, side in sides.items():
            if t.lower_.startswith(stem):
                return side
    return ""


# ----------------------------------------------------------------------------- quotes


def quote_mask(doc) -> list[bool]:
    """Per token: is it inside a quotation (quote marks themselves are not)? See
    :func:`quote_state`."""
    return quote_state(doc)[0]


# the only characters that change the state of quote_state: quote marks and line breaks
_QUOTE_EVENTS = re.compile("[\n" + "".join(sorted(QUOTE_MARKS)) + "]")


def quote_state(doc) -> tuple[list[bool], list[bool]]:
    """Per token: inside a quotation, and inside one that is never closed on its line.

    Tolerant of what scraped French news does to quote marks: a doubled mark (``« «``, ``» »``)
    counts once, an opening mark glued to the word before it (``Koursk«``) closes, a stray
    closing mark is ignored, and a line break closes whatever is open. Never raises.
    """
    tab = token_table(doc)
    text = tab.doc_text
    # Walk from one quote mark or line break to the next (the other characters only matter as
    # "some non-space character came since the last mark"), collecting character ranges.
    inside_runs: list[tuple[int, int]] = []  # characters inside a quotation
    unclosed_runs: list[tuple[int, int]] = []  # … in one never closed on its line
    is_open = False
    opened_at = -1
    last_mark = ""
    pos = 0  # the characters before pos are done
    for event in _QUOTE_EVENTS.finditer(text):
        i = event.start()
        if i > pos:  # ordinary characters since the last event
            if is_open:
                inside_runs.append((pos, i))
            if not text[pos:i].isspace():
                last_mark = ""
        pos = i + 1
        ch = text[i]
        if ch == "\n":
            if is_open and opened_at >= 0:
                unclosed_runs.append((opened_at, i))
            is_open, last_mark = False, ""
            continue
        prev = text[i - 1] if i else " "
        if ch == '"' or ch == "„":
            nxt = text[i + 1] if i + 1 < len(text) else " "
            if prev in "=/" or nxt in "<>/":  # 'type="image/avif"': markup, not a quote
                continue
            is_open = not is_open
            opened_at = i
        elif ch in OPENERS:
            if not is_open:
                is_open = True
                opened_at = i
            elif last_mark in OPENERS and not text[text.rfind(last_mark, 0, i) + 1 : i].strip():
                pass  # doubled opening mark
            elif not prev.isspace():
                is_open = False  # "Koursk«": a closing mark typed the wrong way round
        elif is_open:
            is_open = False
        last_mark = ch
    if pos < len(text) and is_open:
        inside_runs.append((pos, len(text)))
    if is_open and opened_at >= 0:
        unclosed_runs.append((opened_at, len(text)))
    if not unclosed_runs and not inside_runs:
        return [False] * len(tab.text), [False] * len(tab.text)
    ends = [a + len(t) for a, t in zip(tab.idx, tab.text, strict=True)]
    return _tokens_in(tab, ends, inside_runs), _tokens_in(tab, ends, unclosed_runs)


def _tokens_in(tab, ends: list[int], runs: list[tuple[int, int]]) -> list[bool]:
    """Per token: does it overlap one of the character ranges ``runs`` (quote marks and
    whitespace tokens never do)? ``ends``: where each token ends (``tab.idx`` is where it
    starts; both ascending)."""
    flags = [False] * len(tab.text)
    starts = tab.idx
    for a, b in runs:
        # the tokens that end after a and start before b
        for k in range(bisect_right(ends, a), bisect_left(starts, b)):
            word = tab.text[k]
            flags[k] = not (word in QUOTE_MARKS or word.isspace())
    return flags


# ----------------------------------------------------------------------------- context


_CUE_MATCHERS: dict[int, object] = {}


def _cue_matcher(vocab):
    key = id(vocab)
    if key not in _CUE_MATCHERS:
        from spacy.matcher import Matcher

        matcher = Matcher(vocab)
        for name, patterns in CUE_PATTERNS.items():
            matcher.add(name, patterns)
        _CUE_MATCHERS.clear()
        _CUE_MATCHERS[key] = matcher
    return _CUE_MATCHERS[key]


def build_context(doc) -> Context:
    ctx = Context(doc=doc, tab=token_table(doc))
    ctx.mentions = find_actors(doc)
    for m in ctx.mentions:
        for i in range(m.start, m.end):
            ctx.mention_at[i] = m
    ctx.inside, ctx.unclosed = quote_state(doc)
    # ordered by start, then cue, then end
    ctx.cues = sorted(((doc.vocab.strings[m], s, e) for m, s, e in _cue_matcher(doc.vocab)(doc)),
                      key=lambda c: (c[1], c[0], c[2]))
    ctx.reporting = _reporting_lemmas(doc, ctx.tab)
    ctx.subjects = _subject_mentions(ctx)
    return ctx


def _speaker_from_actor(actor: Actor, span, pos: int, ctx: Context) -> Speaker:
    gender, number = actor.gender, actor.number
    head = _np_head(span) if actor.kind != "person" else None
    if head is not None and head.pos_ in {"NOUN", "ADJ"}:
        gender = _morph(head, "Gender") or gender
        number = _morph(head, "Number") or number
    if span is not None and span[0].lower_ == "les":
        number = "p"
    return Speaker(actor.canonical, actor.kind, actor.side, span.text if span is not None else "",
                   pos, gender, number)


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


def _subject_mentions(ctx: Context) -> list:
    """Actor mentions in a subject-like position (for pronoun resolution), in order."""
    doc, tab, inside = ctx.doc, ctx.tab, ctx.inside
    lower = tab.lower
    out = []
    for m in ctx.mentions:
        if any(inside[m.start : m.end]):
            continue
        before = m.start - 1 if m.start else None  # index of the word before the mention
        if lower[m.start] in _ARTICLES and before is not None:
            before = m.start - 2 if m.start >= 2 else None
        if before is not None and lower[before] in _PREPOSITIONS_NOT_PAR:
            continue
        if not SUBJECT_DEPS.isdisjoint(tab.dep[m.start : m.end]) or (
                before is not None and lower[before] == "par"):
            out.append((m.start, _speaker_from_actor(m.actor, doc[m.start : m.end], m.start, ctx)))
    subjects = [i for i, dep in enumerate(tab.dep) if dep == "nsubj"]
    for i in subjects:  # "Des responsables ukrainiens ont…" (not in the table)
        if (i not in ctx.mention_at and not inside[i]
                and _word_class_at(tab, i, "anonymous_head")):
            s, e = np_extent(doc, i, max(0, i - 3), min(len(doc), i + 8))
            if lower[s] in INDEFINITE or tab.pos[s] != "DET":
                out.append((i, _as_written(ctx, doc[s:e], "anonymous", i)))
    return sorted(out, key=lambda x: x[0])


# ----------------------------------------------------------------------------- noun phrases


def np_extent(doc, head: int, lo: int, hi: int) -> tuple[int, int]:
    """Token range of the noun phrase around ``head``, by word order (determiner, adjectives,
    names, ``de``/``à`` complements, a short parenthesis, ``diffusée par X``), within lo:hi."""
    tab = token_table(doc)
    text, lower, pos = tab.text, tab.lower, tab.pos
    s = head
    while s - 1 >= lo:
        k = s - 1
        if tab.is_punct[k] or text[k] in QUOTE_MARKS:
            break
        if lower[k] in {"de", "d'"}:  # only the partitive article: "de hauts responsables"
            if pos[s] != "ADJ":
                break
        elif not (pos[k] in {"DET", "ADJ", "NUM"} or lower[k] in _DETERMINERS):
            break
        s -= 1
    e = head + 1
    while e < hi and e - s < 16:
        if text[e].isspace() or text[e] in QUOTE_MARKS:
            break
        if pos[e] in {"ADJ", "PROPN"} or text[e] == "-" or lower[e] == "proche" or (
            pos[e] == "NOUN" and (tab.is_title[e] or doc[e].is_upper or pos[e - 1] in {
                "NOUN", "PROPN"})
            and tab.dep[e] not in {"obl:mod", "obl:arg"} and not _word_class_at(tab, e, "skip")
        ):
            e += 1
            continue
        if lower[e] in NP_LINKS or (lower[e] == "par" and pos[e - 1] in {"VERB", "ADJ"}
                                    and _word_class_at(tab, head, "document_head")):
            j = e + 1
            while j < hi and (pos[j] == "DET" or lower[j] in DEFINITE):
                j += 1
            while j < hi and pos[j] == "ADJ":
                j += 1
            if j < hi and pos[j] in {"NOUN", "PROPN"} and not _word_class_at(tab, j, "skip"):
                e = j + 1
                continue
            break
        if pos[e] in {"VERB", "ADJ"} and _is_past_participle(doc[e]) and pos[e - 1] != "AUX" and (
            e + 1 >= hi or lower[e + 1] != "par" or _word_class_at(tab, head, "document_head")
        ):  # "un soldat nord-coréen capturé", "une vidéo diffusée par X" (not "experts cités par")
            e += 1
            continue
        if text[e] == "(":
            close = next((k for k in range(e + 1, min(e + 6, hi)) if text[k] == ")"), None)
            if close is not None:
                e = close + 1
                continue
        break
    return s, e


def _is_past_participle(tok) -> bool:
    """``capturé``, ``diffusée``, ``confirmé`` (by the morphology)."""
    return "Part" in tok.morph.get("VerbForm") and "Past" in tok.morph.get("Tense")


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
    if k >= hi:
        return e, False
    if k in ctx.mention_at or doc[k].pos_ in {"PROPN", "NOUN"}:
        s2, e2 = np_extent(doc, k, k, hi)
        e2 = max(e2, ctx.mention_at[k].end if k in ctx.mention_at else e2)
        # a name in apposition: PROPN or a known actor inside, then a comma, a verb or the end
        names = any(j in ctx.mention_at or doc[j].pos_ == "PROPN" for j in range(k, e2))
        if not names and not mediated:
            return e, False
        if mediated and e2 < hi and doc[e2].text == ",":
            inner, _ = _apposition(doc, e2, hi, ctx)
            return inner, True
        return e2, mediated
    return e, False


def speaker_from_head(ctx: Context, h: int, lo: int, hi: int) -> Speaker | None:
    """Turn the noun phrase headed by token ``h`` into a :class:`Speaker` (or None)."""
    doc = ctx.doc
    tok = doc[h]
    if tok.lower_ in PRONOUNS or (tok.text.startswith("-") and _clitic_word(tok) in PRONOUNS):
        return resolve_pronoun(ctx, tok)
    if tok.lower_ in {"on", "ce", "c'", "cela", "ça", "qui", "que", "qu'", "je", "j'", "nous",
                      "vous", "tu"} or not any(c.isalpha() for c in tok.text):
        return None
    s, e = np_extent(doc, h, lo, hi)
    if h in ctx.mention_at:
        m = ctx.mention_at[h]
        s, e = min(s, m.start), max(e, m.end)
    e_app, mediated = _apposition(doc, e, hi, ctx)
    span = doc[s:e]
    full = doc[s:e_app]
    in_span = [m for m in ctx.mentions if m.start < e_app and m.end > s]
    persons = [m for m in in_span if m.actor.kind == "person"]
    det = doc[s].lower_ if doc[s].pos_ == "DET" or doc[s].lower_ in INDEFINITE else ""

    def from_mention(m):
        return _speaker_from_actor(m.actor, doc[m.start : m.end], h, ctx)

    head_mention = ctx.mention_at.get(h)
    if head_mention is not None:
        if head_mention.actor.kind in {"person", "anonymous"}:
            return from_mention(head_mention)
        appositive = [m for m in persons if m.start >= e]
        if appositive:
            return from_mention(appositive[0])
        return from_mention(head_mention)
    if word_class(tok, "anonymous_head") and det in DEFINITE and tok.is_title and not (
            tok.is_sent_start or doc[s].is_sent_start and s == h - 1):
        # "l'Institut pour l'étude de la guerre": a named body, not an anonymous source
        return _as_written(ctx, span, "institution", h)
    if word_class(tok, "anonymous_head") and det in INDEFINITE | {""}:
        anon = [m for m in in_span if m.actor.kind == "anonymous"]
        if anon:
            return from_mention(anon[0])
        return _as_written(ctx, span, "anonymous", h)
    if det in DEMONSTRATIVE and (word_class(tok, "anonymous_head") or word_class(tok, "role_head")):
        last = _last_speaker(ctx, h)
        if last is not None:
            return _retext(last, span.text, h)
    if word_class(tok, "role_head"):
        if persons:
            return from_mention(persons[0])
        name = _name_in(doc, h + 1, e_app)  # "Le député Lee Seong-kweun", "Le ministre…, X,"
        if name is not None:
            return _as_written(ctx, name, "person", h)
        # "le porte-parole de l'armée" is one identifiable person; "un commandant" is anonymous
        kind = "anonymous" if det in {"un", "une", "des", "de", "d'"} else "person"
        return _as_written(ctx, span, kind, h)
    if word_class(tok, "document_head"):
        # "des images satellite des services de renseignement sud-coréens": the body behind it
        window_end = next((k for k in range(h + 1, min(hi, h + 10)) if doc[k].is_punct), min(
            hi, h + 10))
        behind = [m for m in ctx.mentions if h < m.start < window_end] or in_span
        if behind:
            return from_mention(behind[0])
        people = next((k for k in range(h + 1, window_end) if word_class(doc[k], "anonymous_head")
                       or word_class(doc[k], "role_head")), None)
        if people is not None:  # "selon des images géolocalisées par des analystes"
            return speaker_from_head(ctx, people, h + 1, hi)
        return _as_written(ctx, span, "", h)
    if word_class(tok, "not_speaker"):
        return None
    if det in DEFINITE and word_class(tok, "anonymous_head"):
        earlier = _corefer(ctx, tok)
        if earlier is not None:
            return _retext(earlier, span.text, h)
        return _as_written(ctx, span, "anonymous", h)
    if in_span:
        return from_mention(in_span[0])
    if mediated and persons:
        return from_mention(persons[0])
    ent = next((ent for ent in doc.ents if ent.start <= h < ent.end), None)
    if ent is not None and ent.label_ in KIND_BY_LABEL and not tok.is_stop:
        return _as_written(ctx, doc[ent.start : ent.end], KIND_BY_LABEL[ent.label_], h)
    if tok.pos_ in {"NOUN", "PROPN"} or tok.is_upper:
        kind = next((k for c, k in KIND_BY_CLASS.items() if word_class(tok, c)), "")
        if not kind and tok.is_upper and len(tok.text) >= 2 and tok.is_alpha:
            kind = "institution"  # an acronym: "le SBU"
        return _as_written(ctx, full if full.end - full.start <= 12 else span, kind, h)
    return None


def _name_in(doc, s: int, e: int):
    """A person's name (a run of capitalised proper nouns) between tokens s and e, or None."""
    k = s
    while k < e:
        if doc[k].pos_ == "PROPN" or (doc[k].is_title and doc[k].pos_ in {"NOUN", "ADJ"}):
            j = k
            while j < e and (doc[j].pos_ == "PROPN" or doc[j].is_title or doc[j].text == "-"):
                j += 1
            if j - k >= 2:
                return doc[k:j]
            k = j
        k += 1
    return None


def _as_written(ctx: Context, span, kind: str, pos: int) -> Speaker:
    from helpers.core.actors import canonical_actor

    text = span.text.strip(" ,")
    head = _np_head(span)
    gender = _morph(head, "Gender") if head is not None else ""
    number = _morph(head, "Number") if head is not None else ""
    first = span[0].lower_ if len(span) else ""
    if first in {"un", "le", "ce", "cet"}:  # the article is more reliable than the noun's morph
        gender, number = "m", "s"                # for epicene words ("un porte-parole")
    elif first in {"une", "la", "cette"}:
        gender, number = "f", "s"
    elif first in {"les", "des", "ces"}:
        number = "p"
    return Speaker(canonical_actor(text), kind, nationality_side(span), text, pos, gender, number)


def _retext(sp: Speaker, text: str, pos: int) -> Speaker:
    return Speaker(sp.name, sp.kind, sp.side, text, pos, sp.gender, sp.number)


def _corefer(ctx: Context, tok) -> Speaker | None:
    """``le soldat`` → the closest earlier mention of a *soldat* with the same number."""
    doc, lemmas = ctx.doc, ctx.tab.lemma
    number = _morph(tok, "Number")
    for j in range(tok.i - 1, -1, -1):
        if lemmas[j] != tok.lemma_ or ctx.inside[j] or (
                number and _morph(doc[j], "Number") != number):
            continue
        if j in ctx.mention_at:
            m = ctx.mention_at[j]
            return _speaker_from_actor(m.actor, doc[m.start : m.end], j, ctx)
        s, e = np_extent(doc, j, max(0, j - 4), min(len(doc), j + 8))
        if doc[s].lower_ in DEFINITE | DEMONSTRATIVE:
            continue  # another reference to the same person: keep looking for the first
        return _as_written(ctx, doc[s:e], "anonymous", j)
    return None


# ----------------------------------------------------------------------------- references


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
    pool = sorted([(p, sp) for p, sp in ctx.history + ctx.subjects if p < tok.i and sp.kind],
                  key=lambda x: -x[0])
    # agreement first; then number alone is relaxed ("Le GUR … Selon eux": a body as "they")
    for wanted in ((gender, number), (gender if number == "s" else "", "")):
        for _, sp in pool:
            if _compatible(sp, *wanted):
                return Speaker(sp.name, sp.kind, sp.side, tok.text, tok.i, sp.gender, sp.number)
    return None


def _last_speaker(ctx: Context, pos: int) -> Speaker | None:
    earlier = [(p, sp) for p, sp in ctx.history if p < pos]
    return max(earlier, key=lambda x: x[0])[1] if earlier else None


# ----------------------------------------------------------------------------- cues


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
        elif (pos[t] == "AUX" or lemma[t] in {"avoir", "être"} or text[t].startswith("-")
              or lower[t] in {"ne", "n'", "pas", "se", "s'", "l'"}):
            k -= 1
        elif (pos[t] == "ADV" or _word_class_at(tab, t, "skip")) and aux_in(max(lo, k - 4), k - 1):
            k -= 1
        else:
            break
    return k


def _clitic_subject(doc, start: int, v: int, hi: int):
    """``a-t-il``, ``ajoute-t-il``, ``a-t-elle``: the clitic pronoun token, if any."""
    text = token_table(doc).text
    for j in range(start, min(v + 3, hi)):
        if text[j].startswith("-") and _clitic_word(doc[j]) in PRONOUNS:
            return doc[j]
    return None


def _negated(doc, start: int, v: int) -> bool:
    tab = token_table(doc)
    before = set(tab.lower[max(0, start - 1) : v])
    after = set(tab.lower[v + 1 : v + 3]) | before
    if not (before & {"ne", "n'"} and after & NEGATION_AFTER) and "non" not in before:
        return False
    # "ne peut pas confirmer": the body speaks (it says it cannot confirm)
    return "pouvoir" not in tab.lemma[start:v]


def _blocked(doc, start: int, v: int) -> bool:
    """``refusant de confirmer``, ``s'est bien gardée de commenter``: nobody speaks."""
    tab = token_table(doc)
    if start < 2 or tab.lower[start - 1] not in {"de", "d'"}:
        return False
    return not BLOCKING_GOVERNORS.isdisjoint(tab.lemma[max(0, start - 4) : start - 1])


def _incise_position(doc, start: int, lo: int) -> bool:
    prev = token_table(doc).text[start - 1] if start > lo else None
    return prev is not None and (prev in {",", "—", "–"} or prev in CLOSERS)


def _introduces_clause(ctx: Context, v: int, lo: int, hi: int) -> bool:
    """``a assuré que…``, ``juge « inquiétante »``, ``…, a répondu X``: the verb reports."""
    doc = ctx.doc
    return has_complement(doc[lo:hi], v - lo) or any(ctx.inside[lo:hi]) or (
        _incise_position(doc, _verb_group_start(doc, v, lo), lo))


def _is_gerund_or_infinitive(tok) -> bool:
    forms = tok.morph.get("VerbForm")
    return "Inf" in forms or ("Part" in forms and "Pres" in tok.morph.get("Tense")) or (
        tok.lower_.endswith("ant") and tok.pos_ == "VERB"
    )


def _looks_like_speaker(ctx: Context, j: int) -> bool:
    tok = ctx.doc[j]
    return (
        j in ctx.mention_at
        or tok.pos_ == "PROPN"
        or (tok.is_upper and len(tok.text) >= 2 and tok.is_alpha)  # an acronym: "le SBU"
        or (tok.ent_type_ in {"PER", "ORG"} and not tok.is_sent_start)
        or any(word_class(tok, c) for c in ("anonymous_head", "role_head", "institution_head",
                                            "media_head"))
    ) and not word_class(tok, "not_speaker")


def _after_verb(ctx: Context, v: int, hi: int) -> int | None:
    """Head of the inverted subject after a verb, skipping time words and adverbs."""
    doc, tab = ctx.doc, ctx.tab
    skip_phrases = _words()[2]
    j = v + 1
    while j < hi:
        low = tab.lower[j : j + 3]
        phrase = next((p for p in skip_phrases if low[: len(p)] == p), None)
        if phrase:
            j += len(phrase)
            continue
        if tab.text[j].isspace() or tab.text[j] in {","} and j == v + 1:
            j += 1
            continue
        if _word_class_at(tab, j, "skip") or tab.pos[j] == "ADV" or doc[j].like_num:
            j += 1
            continue
        break
    if j >= hi or doc[j].is_punct:
        return None
    # the phrase starts here: find its head noun
    k = j
    while k < hi and (doc[k].pos_ in {"DET", "ADJ", "NUM"} or doc[k].lower_ in INDEFINITE | DEFINITE
                      | DEMONSTRATIVE) and k not in ctx.mention_at:
        k += 1
    if k < hi and (k in ctx.mention_at or doc[k].pos_ in {"NOUN", "PROPN", "ADJ"}):
        return k
    return None


def _ends_clause(ctx: Context, j: int, hi: int) -> bool:
    """Does the noun phrase at ``j`` run to the end of the sentence (or a comma / bracket)?"""
    doc = ctx.doc
    _, e = np_extent(doc, j, j, hi)
    while e < hi and doc[e].is_space:
        e += 1
    return e >= hi or doc[e].text in {".", "!", "?", "…", ",", "(", ";"} or doc[e].lower_ in {
        "dans", "sur", "lors", "devant", "vendredi", "lundi", "mardi", "mercredi", "jeudi",
        "samedi", "dimanche"}


def _before_verb(ctx: Context, start: int, lo: int) -> int | None:
    """Head of the nearest subject-like noun phrase left of the verb group (same clause)."""
    doc = ctx.doc
    for j in range(start - 1, lo - 1, -1):
        t = doc[j]
        if t.text in {".", "?", "!", ";", ":"} or t.lower_ in {"que", "qu'"}:
            return None
        if ctx.inside[j]:
            continue
        if j in ctx.mention_at or (t.pos_ in {"NOUN", "PROPN"} and not word_class(t, "skip")):
            m = ctx.mention_at.get(j)
            first = m.start if m else np_extent(doc, j, lo, start)[0]
            before = doc[first - 1] if first > lo else None
            if before is not None and before.lower_ in PREPOSITIONS - {"par"}:
                continue
            return m.start if m else j
        if t.pos_ == "PRON" and t.lower_ in PRONOUNS:
            return j
    return None


def _verb_rank(tok) -> int:
    """0 for a verb in the main clause, 1 when it sits inside another clause."""
    node = tok
    for _ in range(8):
        if node.head is node or node.dep_ == "ROOT":
            return 0
        if node.dep_ not in {"conj", "parataxis", "advcl", "xcomp", "dep"}:
            return 1
        node = node.head
    return 1


def verb_candidate(ctx: Context, v: int, lo: int, hi: int,
                   previous: Candidate | None = None) -> Candidate | None:
    """The speaker of the reporting verb at token ``v`` (within the sentence ``lo:hi``)."""
    doc = ctx.doc
    tok = doc[v]
    start = _verb_group_start(doc, v, lo)
    if _negated(doc, start, v) or _blocked(doc, start, v):
        return None
    cue = ctx.reporting[v]
    if cue in verbs_needing_a_clause() and not _introduces_clause(ctx, v, lo, hi):
        return None
    if ctx.inside[v] and not _incise_position(doc, start, lo):
        return None
    cleft = _is_cleft(doc, start, lo)
    clitic = _clitic_subject(doc, start, v, hi)
    if clitic is not None:
        return Candidate(resolve_pronoun(ctx, clitic), cue, 0, v)
    prev = doc[start - 1] if start > lo else None
    while prev is not None and prev.is_space and prev.i > lo:
        prev = doc[prev.i - 1]
    gerund = _is_gerund_or_infinitive(tok)
    object_relative = prev is not None and (
        prev.lower_ in {"qu'", "que", "comme"} or (
            prev.lower_ in {"l'", "le"} and prev.i > lo
            and doc[prev.i - 1].lower_ in {"comme", "que", "qu'"})
    )
    incise = prev is None or prev.text in {",", ":", "—", "–", "("} or prev.text in CLOSERS or (
        prev.text in OPENERS
    ) or object_relative
    if incise and not gerund:
        j = _after_verb(ctx, v, hi)
        if j is not None and doc[j].lower_ == "par":
            j = _after_verb(ctx, j, hi)
        if j is not None and _looks_like_speaker(ctx, j):
            return Candidate(speaker_from_head(ctx, j, v + 1, hi), cue, 0, v, cleft)
        closing = j is not None and _ends_clause(ctx, j, hi) and not word_class(
            doc[j], "not_speaker")
        if closing and prev is not None and prev.text == "," and _sentence_initial_subject(
                ctx, lo, start) is None:
            # "…, a précisé l'état-major": a phrase closing the sentence after an incise verb
            return Candidate(speaker_from_head(ctx, j, v + 1, hi), cue, 0, v, cleft)
    # passive with an agent: "confirmé par les Occidentaux", "a été révélée par le GUR"
    tab = ctx.tab
    group = range(start, v)
    # "avait jusqu'ici qualifié": a finite 'avoir' a few words before, no other verb between
    avoir_before = any(
        tab.lemma[k] == "avoir" and "Fin" in doc[k].morph.get("VerbForm")
        and "VERB" not in tab.pos[k + 1 : v]
        for k in range(max(lo, v - 5), v)
    )
    reflexive = any(tab.lower[k] in {"se", "s'"} for k in group)  # "s'est dit prêt": not passive
    passive = _is_past_participle(tok) and not reflexive and (
        "être" in tab.lemma[start:v]
        or not (avoir_before or any(tab.pos[k] == "AUX" or tab.lemma[k] in {"avoir", "être"}
                                    for k in group))
    )
    if passive:
        k = v + 1
        while k < hi and (tab.pos[k] == "ADV" or _word_class_at(tab, k, "skip")):
            k += 1
        if k < hi and tab.lower[k] == "par":
            j = _after_verb(ctx, k, hi)
            if j is not None:
                return Candidate(speaker_from_head(ctx, j, k + 1, hi), cue, _verb_rank(tok), v)
        return None  # "Il a été constaté que…", "les victimes signalées": no speaker
    rank = 0 if incise and not gerund else _verb_rank(tok)
    if gerund:  # "…, estimant que", "Avant d'ajouter :": the subject of the governing clause
        if previous is not None and previous.speaker is not None:
            return Candidate(previous.speaker, cue, previous.rank, v)
        opener = [t.lower_ for t in doc[max(lo, start - 2) : start] if not t.is_space]
        if "Inf" in tok.morph.get("VerbForm") and (start - lo <= 2 or "avant" in opener):
            return Candidate(_last_speaker(ctx, v), cue, rank, v)  # "Avant d'ajouter : « … »"
        root = tok.sent.root
        j = _clause_subject(ctx, root, lo, hi) if root is not tok and root.pos_ in {
            "VERB", "AUX"} else None
        if j is None:
            j = _before_verb(ctx, start, lo)
        if j is not None:
            return Candidate(speaker_from_head(ctx, j, lo, hi), cue, rank, v)
        return Candidate(_last_speaker(ctx, v), cue, rank, v)
    j = _clause_subject(ctx, tok, lo, hi, start)
    if j is not None:
        if doc[j].lower_ == "qui" and tok.head is not tok:
            return Candidate(speaker_from_head(ctx, tok.head.i, lo, hi), cue, 1, v, cleft)
        return Candidate(speaker_from_head(ctx, j, lo, hi), cue, rank, v, cleft)
    if incise:
        j = _after_verb(ctx, v, hi)
        if j is not None:
            return Candidate(speaker_from_head(ctx, j, v + 1, hi), cue, 0, v, cleft)
    return None


def _clause_subject(ctx: Context, verb, lo: int, hi: int, start: int | None = None) -> int | None:
    """Head token of the subject before ``verb``: the parse's ``nsubj`` (of the verb, its
    auxiliaries, or the first verb of a coordination: ``Il n'a pas donné…, mais a déclaré``),
    else the nearest subject-like phrase to its left; then the first of a coordination
    (``l'UE et des pays comme le Royaume-Uni… ont qualifié`` → ``l'UE``)."""
    doc = ctx.doc
    if start is None:
        start = _verb_group_start(doc, verb.i, lo)
    found = None
    if start - 1 >= lo and doc[start - 1].text == ",":
        # "Le Kremlin, bien qu'allié…, rejette", "Les services…, cités par Yonhap, affirment"
        found = _sentence_initial_subject(ctx, lo, start)
        if found is not None:
            return found
    for node in (verb, verb.head if verb.dep_ == "conj" else None):
        if node is None:
            continue
        heads = [node, *[c for c in node.children if c.dep_.startswith("aux")]]
        for h in heads:
            subj = next((c for c in h.children if c.dep_ in {"nsubj", "nsubj:pass"}
                         and lo <= c.i < start and not ctx.inside[c.i]), None)
            if subj is not None:
                found = subj.i
                break
        if found is not None:
            break
    if found is None:
        found = _before_verb(ctx, start, lo)
    if found is None or doc[found].lower_ in {"ce", "c'", "que", "qu'", "on"}:
        return None
    # "Des experts cités par le Washington Post doutent": the relay is not the subject
    relay = next((cs for cue, cs, ce in ctx.cues if cue == "cité par" and lo <= cs < found < start
                  and ce <= found + 1 + 4), None)
    if relay is not None:
        before = _before_verb(ctx, relay, lo)
        if before is not None:
            found = before
    return _first_conjunct(ctx, found, lo, start)


def _sentence_initial_subject(ctx: Context, lo: int, start: int) -> int | None:
    """``Le Kremlin, bien qu'allié du régime…, rejette``: the phrase that opens the sentence."""
    doc = ctx.doc
    k = lo
    while k < start and (doc[k].is_space or doc[k].pos_ == "DET" or doc[k].lower_ in DEFINITE):
        k += 1
    if k < start and _looks_like_speaker(ctx, k):
        m = ctx.mention_at.get(k)
        end = m.end if m else np_extent(doc, k, lo, start)[1]
        if end < start and doc[end].text == ",":
            return k
    return None


def _np_start(ctx: Context, j: int, lo: int) -> int:
    """First token of the phrase ending with token ``j``: its determiner and adjectives."""
    doc = ctx.doc
    k = ctx.mention_at[j].start if j in ctx.mention_at else j
    while k - 1 >= lo:
        t = doc[k - 1]
        if t.is_punct:
            break
        article = t.pos_ == "DET" or t.lower_ in DEFINITE | DEMONSTRATIVE | {"un", "une", "des"}
        partitive = t.lower_ in {"de", "d'"} and doc[k].pos_ == "ADJ"  # "de hauts responsables"
        if article or partitive or t.pos_ == "ADJ":
            k -= 1
        else:
            break
    return k


def _first_conjunct(ctx: Context, j: int, lo: int, stop: int) -> int:
    """``l'UE et des pays comme le Royaume-Uni, les États-Unis, l'Australie et la Corée du Sud``:
    walk left from the parse's subject to the first item of the coordination. A comma only
    joins items when an *et*/*ou* follows (``A, B et C``)."""
    doc = ctx.doc
    best = j
    k = _np_start(ctx, j, lo)
    listed = any(doc[x].lower_ in {"et", "ou"} for x in range(j, stop))
    while k - 1 >= lo:
        m = k
        while m - 1 >= lo and (doc[m - 1].lower_ in {"et", "ou", "comme", "ainsi", "que"}
                               or doc[m - 1].text == "," and listed):
            m -= 1
        if m == k:
            break
        head = next((x for x in range(m - 1, max(lo, m - 8) - 1, -1)
                     if (x in ctx.mention_at or doc[x].pos_ in {"NOUN", "PROPN"})), None)
        if head is None or not _looks_like_speaker(ctx, head) or ctx.inside[head]:
            break
        item_start = _np_start(ctx, head, lo)
        before = doc[item_start - 1] if item_start > lo else None
        if before is not None and before.lower_ in (PREPOSITIONS | {"par"}) - {"comme"}:
            break
        best, k = head, item_start
        listed = True
    return best


def _is_cleft(doc, start: int, lo: int) -> bool:
    """``C'est ce qu'affirment…``, ``C'est ce qu'a déclaré…``."""
    words = token_table(doc).lower[max(lo, start - 4) : start]
    return words[-4:] == ["c'", "est", "ce", "qu'"] or words[-4:] == ["c'", "est", "ce", "que"]


def phrase_candidate(ctx: Context, cue: str, s: int, e: int, lo: int, hi: int) -> Candidate | None:
    """The speaker after ``selon``, ``d'après``, ``citant``, ``si l'on en croit``…"""
    doc = ctx.doc
    if e >= hi:
        return None
    nxt = doc[e]
    rank = 2 if cue in {"citant", "cité par"} else 0
    if cue == "selon" and nxt.lemma_ in RELATIVE_SELON | {"lequel"} or nxt.lower_ in {
        "lesquels", "lesquelles", "lequel", "laquelle"
    }:
        j = s - 1
        while j >= lo and (doc[j].is_punct or doc[j].is_space):
            j -= 1
        while j >= lo and doc[j].pos_ == "ADJ":
            j -= 1
        if j < lo:
            return None
        sp = speaker_from_head(ctx, j, lo, hi)
        if sp is None or not sp.kind:
            return None
        return Candidate(sp, cue, 1, s)
    if nxt.lower_ in PRONOUNS:
        return Candidate(resolve_pronoun(ctx, nxt), cue, rank, s)
    j = e
    while j < hi and (doc[j].pos_ in {"DET", "ADJ", "NUM"} or doc[j].lower_ in INDEFINITE
                      | DEFINITE | DEMONSTRATIVE) and j not in ctx.mention_at:
        j += 1
    if j >= hi or doc[j].is_punct:
        return None
    if cue == "selon" and s > lo:  # "qui, selon Washington, seraient…": inside a relative clause
        before = [t.lower_ for t in doc[max(lo, s - 2) : s] if not t.is_space]
        if "qui" in before or "que" in before:
            rank = 1
    return Candidate(speaker_from_head(ctx, j, lo, hi), cue, rank, s)


def unit_candidates(ctx: Context, lo: int, hi: int) -> list[Candidate]:
    """Every attribution cue between tokens ``lo`` and ``hi`` (one sentence), in order."""
    doc = ctx.doc
    out: list[Candidate] = []
    for cue, s, e in ctx.cues:
        if lo <= s < hi and not ctx.inside[s]:
            cand = phrase_candidate(ctx, cue, s, e, lo, hi)
            if cand is not None:
                out.append(cand)
    previous = None
    reporting, inside, unclosed = ctx.reporting, ctx.inside, ctx.unclosed
    for i in range(lo, hi):
        # a verb inside a quotation is the quoted speaker's, unless the quotation is never closed
        # ("“Les soldats étaient mal équipés, a expliqué un officier"): then it may be an incise
        if not reporting[i] or (inside[i] and not unclosed[i]):
            continue
        if any(s <= i < e for _, s, e in ctx.cues):  # "si l'on en croit" is a phrase cue
            continue
        cand = verb_candidate(ctx, i, lo, hi, previous)
        if cand is not None:
            out.append(cand)
            if not _is_gerund_or_infinitive(doc[i]):
                previous = cand
    return sorted(out, key=lambda c: c.pos)


def choose(cands: list[Candidate]) -> Candidate | None:
    """The sentence's main attribution: relayed sources before the media relaying them
    (``…, ont révélé de hauts responsables ukrainiens, rapporte la BBC``), then the main clause
    before embedded cues, then the first."""
    cands = [c for c in cands if c.speaker is not None and c.speaker.name]
    if not cands:
        return None
    if any(c.speaker.kind != "media" and c.rank <= 1 for c in cands):
        cands = [c for c in cands if c.speaker.kind != "media"]
    return min(cands, key=lambda c: (c.rank, c.pos))


def remember(ctx: Context, speaker: Speaker | None, pos: int) -> None:
    if speaker is not None and speaker.name:
        ctx.history.append((pos, speaker))
