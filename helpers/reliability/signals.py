"""Transparency signals of each article: what a reader can observe about where it comes from.

>>> signals = article_signals(corpus)                 # a row per article
>>> signal_explanations()                            # what each column means, and does not prove
>>> signal_evidence(corpus, claims=claims)           # the sentence or piece behind each count

Columns of :func:`article_signals` (explained for learners in ``data/signals.csv``):

====================== ======================================================================
article_id             the article
outlet_named           bool: the outlet is known (from the page or seeds/sources.csv)
has_byline             bool: an author is named
author_box             bool: an unsigned author blurb was removed from the end (003)
headline_style         ``"Title Case"``, ``"sentence case"``, ``"ALL CAPS"`` or ``"none"``
named_sources          int: distinct named speakers (people, institutions, media) in the claims
anonymous_sources      int: distinct anonymous speakers (*un responsable ukrainien*)
hedged_share           float 0-1: share of claims (a sentence the parser split counts once) that
                       are hedged (conditionnel, *selon*, *affirme*...)
direct_quotes          int: claims quoting someone's words, with a speaker
verification_caveats   int: sentences where the outlet says it has not, or could not, check a
                       claim itself (its own caveat)
not_confirmed          int: sentences saying someone else (often the other side) has not
                       confirmed a claim: not the outlet's caveat
other_side_response    int: sentences giving the accused side's answer (denial, no comment)
stated_original_source text: outlets or agencies the text credits (``"Yonhap, AFP"``), or ``""``
aggregator_traces      int: aggregator lines the loader removed (a bare separator is not counted)
scraper_traces         int: scraper residue, link labels and repeated headlines removed
translation_slips      int: lower-case restarts after a full stop, English spellings of names
====================== ======================================================================

What libraries do: spaCy parses and :func:`helpers.claims.tag_claims` attributes each sentence
(pass ``claims``, and it is never tagged again; pass ``docs``, and the text is never parsed
again); spaCy's French stop-word list tells function words in headlines; pandas counts.
Written here by hand, because no library knows French news furniture: the patterns of caveats,
credits and slips (data files ``verification_caveats.csv``, ``source_credits.csv``,
``translation_slips.csv``) and the headline-style rule.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from helpers.claims.tagging import tag_claims
from helpers.core.actors import media, tables_key
from helpers.core.datafiles import read_rows, read_table
from helpers.core.story import load_story
from helpers.core.text import is_missing, normalise

DATA_DIR = Path(__file__).resolve().parent / "data"

__all__ = [
    "SIGNALS",
    "article_signals",
    "data_table",
    "headline_style",
    "signal_evidence",
    "signal_explanations",
]

#: ``headline_style`` values
HEADLINE_STYLES = ("Title Case", "sentence case", "ALL CAPS", "none")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_LETTER = re.compile(r"[^\W\d_]")


def data_table(name: str) -> pd.DataFrame:
    """A CSV of ``helpers/reliability/data`` as strings (``#`` lines are comments)."""
    return read_table(DATA_DIR / name)


@lru_cache(maxsize=1)
def _signals() -> pd.DataFrame:
    return data_table("signals.csv")


#: the signal columns, in order (``article_id`` comes first in the table)
SIGNALS: tuple[str, ...] = tuple(_signals()["signal"])


def signal_explanations(story=None) -> pd.DataFrame:
    """``signal, meaning, does_not_prove`` (+ ``type, reading, method``), one row per column of
    :func:`article_signals`; ``reading`` says whether more of it shows transparency, calls for
    caution, or is context (for colour-coding a table). The meanings are generic; a story with
    a ``signal_examples.csv`` (the course's: ``story`` None) adds its examples after them."""
    table = _signals()[["signal", "meaning", "does_not_prove", "type", "reading",
                        "method"]].copy()
    story = story if hasattr(story, "rows") else load_story(story)
    examples = {r["signal"]: r["example"] for r in story.rows("signal_examples")}
    table["meaning"] = [f"{m} E.g. {examples[s]}." if examples.get(s) else m
                        for s, m in zip(table["signal"], table["meaning"], strict=True)]
    return table


# ------------------------------------------------------------------------------- patterns


@lru_cache(maxsize=1)
def _caveat_patterns() -> list[tuple[str, str, re.Pattern]]:
    table = data_table("verification_caveats.csv")
    return [(r.signal, r.kind, re.compile(r.pattern, re.I)) for r in table.itertuples()]


@lru_cache(maxsize=1)
def _slip_patterns() -> list[tuple[str, re.Pattern]]:
    rows = read_rows(DATA_DIR / "translation_slips.csv") + load_story().rows("translation_slips")
    return [(r["kind"], re.compile(r["pattern"])) for r in rows]


def _media_aliases() -> tuple[tuple[str, str], ...]:
    """(alias as written, canonical) for every medium known in the story in use (the French
    news lexicon's, the story's), longest alias first."""
    return _media_aliases_for(tables_key())


@lru_cache(maxsize=8)
def _media_aliases_for(key: tuple) -> tuple[tuple[str, str], ...]:
    pairs = {}
    for found in media():
        for alias in [found.canonical, *found.aliases]:
            pairs.setdefault(normalise(alias), found.canonical)
    return tuple(sorted(pairs.items(), key=lambda p: len(p[0]), reverse=True))


def _media_canonical(words: str) -> str:
    lowered = words.lower()
    return next((c for a, c in _media_aliases() if a.lower() == lowered), words)


def _alias_regex(alias: str) -> str:
    # short acronyms (AP, AFP, BBC) must be written in capitals: "ap" is not the agency
    body = re.escape(alias).replace(r"\ ", r"\s+")
    return f"(?-i:{body})" if alias.isupper() and len(alias) <= 4 else body


def _credit_patterns() -> list[re.Pattern]:
    return _credit_patterns_for(tables_key())


@lru_cache(maxsize=8)
def _credit_patterns_for(key: tuple) -> list[re.Pattern]:
    names = "|".join(_alias_regex(alias) for alias, _ in _media_aliases())
    media = rf"(?:l'|la\s+|le\s+|les\s+)?(?P<media>{names})\b"
    return [
        re.compile(row.pattern.replace("{media}", media), re.I)
        for row in data_table("source_credits.csv").itertuples()
    ]


# ------------------------------------------------------------------------------- headline


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.fr.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def headline_style(title) -> str:
    """``"Title Case"``, ``"sentence case"``, ``"ALL CAPS"`` or ``"none"``.

    French capitalises only the first word and proper nouns. A headline is Title Case when at
    least half of the words after the first start with a capital, and so do most of its function
    words (*Et*, *En*, *Les*, *Selon*: spaCy's French stop words), at least two of them: French
    never capitalises those mid-sentence. Capitals on names alone stay sentence case, even a
    name with a function word in it (*Kim Jong Un rencontre Poutine*).
    """
    if not isinstance(title, str) or not _LETTER.search(title):
        return "none"
    words = _WORD.findall(normalise(title))
    letters = "".join(_LETTER.findall(title))
    if len(words) >= 2 and letters.isupper():
        return "ALL CAPS"
    rest = words[1:]
    if len(rest) < 2:
        return "sentence case"
    capitalised = [w for w in rest if w[0].isupper()]
    function_words = [w for w in rest if w.lower() in _stop_words()]
    function_caps = [w for w in function_words if w[0].isupper()]
    if (len(capitalised) * 2 >= len(rest) and len(function_caps) >= 2
            and len(function_caps) * 2 > len(function_words)):
        return "Title Case"
    return "sentence case"


# ------------------------------------------------------------------------------- evidence


class _Unit(NamedTuple):
    """One claim: sentences the parser split, read as one."""

    article_id: object
    text: str
    speaker: str
    speaker_kind: str
    quoted: bool
    hedged: bool


def _claim_units(claims: pd.DataFrame) -> list[_Unit]:
    """One unit per claim (sentences the parser split read as one), by article and sentence.

    The columns are cleaned with pandas; the grouping is a plain loop over them, in first-seen
    order of ``(article_id, claim_id)`` (a pandas groupby with a joining lambda cost more than
    everything else here). Rows without an ``article_id`` or ``claim_id`` are left out.
    """
    if not len(claims):
        return []
    table = claims.sort_values(["article_id", "sentence_id"], kind="stable")
    claim_id = table["claim_id"] if "claim_id" in table.columns else table["sentence_id"]

    def column(name: str, default) -> pd.Series:
        if name in table.columns:
            return table[name]
        return pd.Series(default, index=table.index)

    speaker = column("speaker", "").fillna("").astype(str)
    kind = column("speaker_kind", "").fillna("").astype(str)
    # NaN is not True (as pandas' any() skips it)
    quoted = column("quoted", False).fillna(False).astype(bool)
    hedged = table["hedged"].fillna(False).astype(bool)
    keep = (table["article_id"].notna() & claim_id.notna()).tolist()
    groups: dict[tuple, list] = {}
    for ok, aid, cid, sentence, who, what, quote, hedge in zip(
        keep, table["article_id"].tolist(), claim_id.tolist(), table["sentence"].tolist(),
        speaker.tolist(), kind.tolist(), quoted.tolist(), hedged.tolist(), strict=True,
    ):
        if not ok:
            continue
        group = groups.get((aid, cid))
        if group is None:  # the first sentence of the claim gives its speaker
            groups[(aid, cid)] = [aid, [str(sentence)], who, what, quote, hedge]
        else:
            group[1].append(str(sentence))
            group[4] = group[4] or quote
            group[5] = group[5] or hedge
    return [_Unit(aid, " ".join(texts), who, what, quote, hedge)
            for aid, texts, who, what, quote, hedge in groups.values()]


def _units_by_article(units: list[_Unit]) -> dict:
    by_article: dict = {}
    for unit in units:
        by_article.setdefault(unit.article_id, []).append(unit)
    return by_article


_WORD = re.compile(r"\w+")


def _might_credit(text: str, index: dict) -> bool:
    """Does ``text`` name a medium? Every credit pattern contains a name, so a text without one
    needs no pattern tried (most sentences): the words of each name are looked up from their
    first one (``index``: :func:`_media_words`), not matched by one regular expression with
    every name (there are hundreds)."""
    words = _WORD.findall(text.lower())
    return any(words[i : i + len(name)] == list(name) for i, w in enumerate(words)
               for name in index.get(w, ()))


@lru_cache(maxsize=8)
def _media_words(key: tuple) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The words of each media name by its first one (``le monde`` under ``le`` and, since an
    article may be left out, ``monde`` under ``monde``)."""
    out: dict[str, set] = {}
    for alias, _ in _media_aliases():
        words = tuple(_WORD.findall(alias.lower()))
        while words:
            out.setdefault(words[0], set()).add(words)
            if words[0] not in {"le", "la", "les", "l", "the"}:
                break
            words = words[1:]
    return {w: tuple(names) for w, names in out.items()}


def _find_credits(text: str, index: dict) -> list[tuple[str, str]]:
    """(canonical media name, matched words) for each credit in ``text``."""
    found = []
    if not _might_credit(text, index):
        return found
    for rx in _credit_patterns():
        for m in rx.finditer(text):
            found.append((_media_canonical(" ".join(m.group("media").split())), m.group(0)))
    return found


@lru_cache(maxsize=1)
def _caveat_prefilter() -> re.Pattern | None:
    """All caveat patterns as one alternation: a sentence it does not match matches none of
    them, and most sentences are such. None when the patterns cannot be joined safely (groups
    would renumber back-references; a pattern may carry its own flags)."""
    patterns = [rx for _, _, rx in _caveat_patterns()]
    if not patterns or any(rx.groups or rx.flags != patterns[0].flags for rx in patterns):
        return None
    try:
        return re.compile("|".join(f"(?:{rx.pattern})" for rx in patterns), patterns[0].flags)
    except re.error:
        return None


@lru_cache(maxsize=1)
def _removed_kinds() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(signal, removed kinds it counts) for the signals read from what the loader removed."""
    table = _signals()
    return tuple((signal, tuple(wanted.split("|")))
                 for signal, wanted in zip(table["signal"], table["removed_kinds"], strict=True)
                 if wanted)


def _removed_evidence(removed) -> list[tuple[str, str, str]]:
    """(signal, kind, evidence) for the removed pieces that count as a signal."""
    out = []
    for item in removed:
        for signal, wanted in _removed_kinds():
            if item.get("kind") not in wanted:
                continue
            if signal == "aggregator_traces" and not _LETTER.search(str(item.get("text"))):
                continue  # a lone "-" is the loader's guess, not evidence on its own
            out.append((signal, item["kind"], item.get("text", "")))
    return out


def _sentence_evidence(unit: str, media_index: dict) -> list[tuple[str, str, str]]:
    """(signal, kind, evidence) for the caveats (the whole claim, once per signal) and the
    credits (the words naming the outlet) of one claim."""
    out = []
    sentence = normalise(unit)
    caveats = _caveat_prefilter()
    if caveats is None or caveats.search(sentence):
        seen: set[str] = set()
        for signal, kind, rx in _caveat_patterns():
            if signal not in seen and rx.search(sentence):
                seen.add(signal)
                out.append((signal, kind, unit))
    out += [("stated_original_source", media, words)
            for media, words in dict.fromkeys(_find_credits(sentence, media_index))]
    return out


def _slip_evidence(text: str) -> list[tuple[str, str, str]]:
    normalised = normalise(text) if _slip_patterns() else ""
    return [("translation_slips", kind, m.group(0))
            for kind, rx in _slip_patterns() for m in rx.finditer(normalised)]


def _evidence_rows(article_id, text, removed, units, media_index: dict) -> list[dict]:
    found = _removed_evidence(removed)
    for unit in units:
        found += _sentence_evidence(unit, media_index)
    found += _slip_evidence(text)
    return [{"article_id": article_id, "signal": signal, "kind": kind,
             "evidence": " ".join(str(evidence).split())} for signal, kind, evidence in found]


EVIDENCE_COLUMNS = ["article_id", "signal", "kind", "evidence"]


def _prepare(corpus, docs, claims) -> tuple[pd.DataFrame, pd.DataFrame]:
    if isinstance(corpus, str):
        corpus = pd.DataFrame({"article_id": ["text"], "text": [corpus]})
    if not isinstance(corpus, pd.DataFrame) or not {"article_id", "text"} <= set(corpus.columns):
        raise TypeError("corpus must be a string or a DataFrame with 'article_id' and 'text'")
    if claims is None:
        claims = tag_claims(corpus, docs=docs)
    return corpus, claims


def _column(corpus: pd.DataFrame, name: str, default):
    if name in corpus.columns:
        return corpus[name].tolist()
    return [default] * len(corpus)


def _all_evidence_rows(corpus: pd.DataFrame, units_by_article: dict) -> list[dict]:
    rows: list[dict] = []
    media_index = _media_words(tables_key())  # the story's media, looked up once (a stat)
    for aid, text, removed in zip(
        corpus["article_id"], corpus["text"].fillna("").astype(str),
        _column(corpus, "removed", []), strict=True,
    ):
        removed = removed if isinstance(removed, list) else []
        texts = [unit.text for unit in units_by_article.get(aid, [])]
        rows += _evidence_rows(aid, text, removed, texts, media_index)
    return rows


def signal_evidence(corpus, docs=None, claims=None) -> pd.DataFrame:
    """What each pattern-based count rests on: ``article_id, signal, kind, evidence``.

    A row per caveat or other-side sentence (the whole claim), per credit (the words that give
    the outlet's name), per slip (the words), and per removed piece that counts as an aggregator
    or scraper trace or an author box. ``corpus``, ``docs``, ``claims`` as for
    :func:`article_signals`.
    """
    corpus, claims = _prepare(corpus, docs, claims)
    rows = _all_evidence_rows(corpus, _units_by_article(_claim_units(claims)))
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)


# ------------------------------------------------------------------------------- signals


def _filled(value) -> bool:
    if is_missing(value):
        return False
    return bool(str(value).strip())


def article_signals(corpus, docs=None, claims=None) -> pd.DataFrame:
    """A row per article: ``article_id`` and the transparency signals listed in the module
    docstring (counts are ints, ``hedged_share`` a float from 0 to 1).

    ``corpus``: a DataFrame from :func:`helpers.sources.load_corpus` (``article_id`` and ``text``
    are required; ``title``, ``byline``, ``outlet``, ``removed`` are used when present) or one
    string. ``docs``: the spaCy Docs of the texts, in order (used only to tag claims when
    ``claims`` is not given). ``claims``: the :func:`helpers.claims.tag_claims` table of the same
    corpus; it is used as it is, never tagged again.
    """
    corpus, claims = _prepare(corpus, docs, claims)
    # claims and evidence are grouped by article once (the rows of :func:`signal_evidence`),
    # not filtered out of whole tables for each article
    units = _units_by_article(_claim_units(claims))
    evidence: dict = {}
    for item in _all_evidence_rows(corpus, units):
        evidence.setdefault(item["article_id"], []).append(item)
    rows = []
    for aid, title, byline, outlet in zip(
        corpus["article_id"], _column(corpus, "title", ""), _column(corpus, "byline", ""),
        _column(corpus, "outlet", ""), strict=True,
    ):
        ev = evidence.get(aid, [])
        counts = Counter(item["signal"] for item in ev)
        credits = [item["kind"] for item in ev if item["signal"] == "stated_original_source"]
        row = {
            "article_id": aid,
            "outlet_named": _filled(outlet),
            "has_byline": _filled(byline),
            "author_box": counts["author_box"] > 0,
            "headline_style": headline_style(title),
            "named_sources": 0,
            "anonymous_sources": 0,
            "hedged_share": 0.0,
            "direct_quotes": 0,
            "verification_caveats": counts["verification_caveats"],
            "not_confirmed": counts["not_confirmed"],
            "other_side_response": counts["other_side_response"],
            "stated_original_source": ", ".join(dict.fromkeys(credits)),
            "aggregator_traces": counts["aggregator_traces"],
            "scraper_traces": counts["scraper_traces"],
            "translation_slips": counts["translation_slips"],
        }
        mine = units.get(aid)
        if mine:
            speakers = [u for u in mine if u.speaker != ""]
            row["named_sources"] = len({u.speaker for u in speakers
                                        if u.speaker_kind != "anonymous"})
            row["anonymous_sources"] = len({u.speaker for u in speakers
                                            if u.speaker_kind == "anonymous"})
            row["hedged_share"] = sum(u.hedged for u in mine) / len(mine)
            row["direct_quotes"] = sum(u.quoted for u in speakers)
        rows.append(row)
    table = pd.DataFrame(rows, columns=["article_id", *SIGNALS])
    return table.astype({s: t for s, t in _dtypes().items() if s in table.columns})


def _dtypes() -> dict[str, str]:
    types = {"bool": "bool", "int": "int64", "share": "float64", "text": "object"}
    return {r.signal: types[r.type] for r in _signals().itertuples()}
