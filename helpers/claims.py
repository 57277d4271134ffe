"""Tag the claims of each article: who says each sentence, whether it quotes, how sure it sounds.

>>> claims = tag_claims(corpus)                 # a DataFrame with article_id and text
>>> claims = tag_claims("Selon Kiev, 30 soldats auraient été tués.")
>>> claims[["speaker", "speaker_kind", "cue", "hedged", "hedges"]]

One row per body sentence (``sentence_id`` is the index in :func:`helpers.nlp.sentences`):

=============== ==============================================================================
article_id      the article
sentence_id     index of the sentence in ``helpers.nlp.sentences(doc)``
sentence        its text (surrounding white space stripped)
speaker         canonical name from ``helpers/data/actors.csv``, else the words as written
                without their article (``porte-parole du Kremlin``); ``""`` when nobody speaks
speaker_kind    ``person``, ``institution``, ``media``, ``anonymous`` or ``""``
cue             what attributes it: a reporting verb's lemma (``déclarer``), ``selon``,
                ``d'après``, ``citant``, ``si l'on en croit``, ``quote`` (a quotation whose
                speaker is given nearby), ``label`` (a line that only names a source); ``""``
quoted          the sentence contains words in « » or “ ”
hedged          the claim is presented with less than full commitment (:mod:`helpers.hedging`)
hedges          the words that make it so: ``["auraient", "selon"]``
speaker_side    the speaker's side (Ukraine, Russia, North Korea, United States, …) or ``""``
speaker_text    the words naming the speaker in this sentence, as written (``il``, ``le GUR``)
claim_id        sentences the parser split apart but a reader reads as one share a claim_id
                (``Selon Washington`` / ``,`` / ``jusqu'à 8 000 soldats…``) and all its tags
start_char      offsets of the sentence in the (normalised) article text
end_char
=============== ==============================================================================

What the libraries do: spaCy parses (once per article: pass ``docs`` to reuse the pipeline's
parses), its ``PhraseMatcher``/``Matcher`` find actors and cue phrases, its morphology gives the
conditional. What is hand-written, because no library does it for French news: the attribution
rules (:mod:`helpers.attribution`), the hedging rules (:mod:`helpers.hedging`) and the
sentence-level passes here:

1. sentences the parser cut in the middle (no final stop, a fragment starting with a comma, a
   lone quote mark) are read together as one claim;
2. each claim gets the best of its cues (:func:`helpers.attribution.choose`); its speaker is
   remembered so that a later *il* or *selon lui* can refer to it;
3. ``C'est ce qu'affirment X`` also attributes the sentence before it to X;
4. a quotation with no cue takes the speaker of the same words quoted elsewhere in the article
   (a headline such as ``“Ils portent des uniformes russes”``), else of the neighbouring claim
   it continues (a paragraph opening with a quote is attributed at its end);
5. a line that is only an anonymous source (``Une source proche du dossier``) is tagged as such.
"""

from __future__ import annotations

import re

import pandas as pd

from helpers.attribution import (
    CLOSERS,
    OPENERS,
    QUOTE_MARKS,
    Context,
    Speaker,
    build_context,
    choose,
    remember,
    speaker_from_head,
    unit_candidates,
)
from helpers.hedging import hedge_words

COLUMNS = [
    "article_id", "sentence_id", "sentence", "speaker", "speaker_kind", "cue", "quoted", "hedged",
    "hedges", "speaker_side", "speaker_text", "claim_id", "start_char", "end_char",
]
TERMINAL = re.compile(r"[.!?…](?:[\s\"»”)\]]*)$")
WORD = re.compile(r"\w")


def _as_corpus(corpus) -> pd.DataFrame:
    if isinstance(corpus, str):
        return pd.DataFrame({"article_id": ["text"], "text": [corpus]})
    if not isinstance(corpus, pd.DataFrame) or not {"article_id", "text"} <= set(corpus.columns):
        raise TypeError("corpus must be a string or a DataFrame with 'article_id' and 'text'")
    return corpus


def tag_claims(corpus, docs=None) -> pd.DataFrame:
    """A row per sentence of every article: speaker, kind, cue, quoted, hedged, hedges (+ extras).

    ``corpus``: a DataFrame with ``article_id`` and ``text`` (e.g. from ``load_corpus()``), or a
    plain string (its ``article_id`` is ``"text"``). ``docs``: the spaCy Docs of those texts, in
    the same order, already parsed by ``helpers.nlp`` (the text is then not parsed again).
    """
    corpus = _as_corpus(corpus)
    if docs is None:
        from helpers.nlp import parse_many

        docs = parse_many(corpus["text"].fillna("").astype(str).tolist())
    docs = list(docs)
    if len(docs) != len(corpus):
        raise ValueError(f"{len(docs)} docs for {len(corpus)} articles: pass one Doc per row")
    rows: list[dict] = []
    for article_id, doc in zip(corpus["article_id"].tolist(), docs, strict=True):
        rows.extend(_tag_doc(str(article_id), doc))
    return pd.DataFrame(rows, columns=COLUMNS)


# ----------------------------------------------------------------------------- claim units


def group_sentences(doc, sents) -> list[list[int]]:
    """Group the parser's sentences into the sentences a reader sees (lists of indices)."""
    units: list[list[int]] = []
    text = doc.text  # Doc.text is rebuilt on every access: read it once
    for i, s in enumerate(sents):
        body = s.text.strip()
        marks_only = not WORD.search(body)
        if units:
            prev = sents[units[-1][-1]]
            gap = text[prev.start_char + len(prev.text.rstrip()) : s.start_char + (
                len(s.text) - len(s.text.lstrip()))]
            new_paragraph = "\n" in gap or prev.text.rstrip(" \t").endswith("\n")
            prev_body = text[sents[units[-1][0]].start_char : prev.end_char].strip()
            prev_open = not TERMINAL.search(prev_body) or (
                not WORD.search(prev_body) and prev_body[-1:] in OPENERS)
            continuation = body[:1] in {",", ";", ")"} or (
                body[:1] in CLOSERS | {'"', "«"} and body[1:].lstrip()[:1] in {",", ";"})
            closers_only = marks_only and not any(c in OPENERS for c in body)
            if not new_paragraph and (prev_open or continuation or closers_only):
                if not (marks_only and body[-1:] in OPENERS and not prev_open):
                    units[-1].append(i)
                    continue
        units.append([i])
    return units


def _paragraph_of(doc, sents, units) -> list[int]:
    """Paragraph number of each unit (a line break starts a new paragraph)."""
    text = doc.text  # Doc.text is rebuilt on every access: read it once
    out, para = [], 0
    last_end = 0
    for unit in units:
        start = sents[unit[0]].start_char
        if "\n" in text[last_end:start]:
            para += 1
        out.append(para)
        last_end = sents[unit[-1]].end_char
        if sents[unit[-1]].text.rstrip(" \t").endswith("\n"):
            last_end = sents[unit[-1]].end_char - 1
    return out


def _words_in_quotes(ctx: Context, lo: int, hi: int) -> tuple[int, int]:
    doc = ctx.doc
    words = [t for t in doc[lo:hi] if WORD.search(t.text) and t.text not in QUOTE_MARKS]
    return sum(ctx.inside[t.i] for t in words), len(words)


def _quoted_text(ctx: Context, lo: int, hi: int) -> str:
    doc = ctx.doc
    return " ".join(t.lower_ for t in doc[lo:hi] if ctx.inside[t.i] and WORD.search(t.text))


def _plain(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


# ----------------------------------------------------------------------------- one article


def _tag_doc(article_id: str, doc) -> list[dict]:
    from helpers.nlp import sentences

    sents = sentences(doc)
    if not sents:
        return []
    ctx = build_context(doc)
    units = group_sentences(doc, sents)
    paras = _paragraph_of(doc, sents, units)
    bounds = [(sents[u[0]].start, sents[u[-1]].end) for u in units]

    # 1-2: cues in each claim, in reading order (pronouns look back at earlier speakers)
    chosen: list = []
    for lo, hi in bounds:
        cand = choose(unit_candidates(ctx, lo, hi))
        chosen.append(cand)
        if cand is not None:
            remember(ctx, cand.speaker, cand.speaker.pos if cand.speaker.pos >= lo else cand.pos)
    speakers: list[Speaker | None] = [c.speaker if c else None for c in chosen]
    cues = [c.cue if c else "" for c in chosen]

    # 3: "C'est ce qu'affirment X" attributes the sentence before it too
    for k, cand in enumerate(chosen):
        if cand is not None and cand.cleft and k > 0 and speakers[k - 1] is None:
            speakers[k - 1], cues[k - 1] = _inherit(speakers[k]), cand.cue

    # 4: quotations without a cue
    quote_share = [_words_in_quotes(ctx, lo, hi) for lo, hi in bounds]
    quoted_only = [n > 0 and q == n for q, n in quote_share]
    for k in range(len(units)):
        if speakers[k] is not None or quote_share[k][0] < 3:
            continue
        echo = _quote_echo(ctx, k, bounds, speakers)
        if echo is not None:
            speakers[k], cues[k] = _inherit(echo), "quote"
    for k in range(len(units)):
        if speakers[k] is None and quoted_only[k]:
            near = _neighbour_speaker(k, paras, speakers, quoted_only)
            if near is not None:
                speakers[k], cues[k] = _inherit(near), "quote"

    # 5: a line that only names an anonymous source
    for k, (lo, hi) in enumerate(bounds):
        if speakers[k] is None:
            label = _label_line(ctx, lo, hi)
            if label is not None:
                speakers[k], cues[k] = label, "label"

    rows = []
    for k, unit in enumerate(units):
        lo, hi = bounds[k]
        hedges = hedge_words(doc[lo:hi])
        sp = speakers[k]
        for i in unit:
            s = sents[i]
            rows.append({
                "article_id": article_id,
                "sentence_id": i,
                "sentence": s.text.strip(),
                "speaker": sp.name if sp else "",
                "speaker_kind": sp.kind if sp else "",
                "cue": cues[k] if sp else "",
                "quoted": quote_share[k][0] > 0,
                "hedged": bool(hedges),
                "hedges": list(hedges),
                "speaker_side": sp.side if sp else "",
                "speaker_text": sp.text if sp else "",
                "claim_id": k,
                "start_char": s.start_char + (len(s.text) - len(s.text.lstrip())),
                "end_char": s.start_char + len(s.text.rstrip()),
            })
    return rows


def _inherit(sp: Speaker) -> Speaker:
    """The same speaker, not named in this sentence (so ``speaker_text`` is empty)."""
    return Speaker(sp.name, sp.kind, sp.side, "", sp.pos, sp.gender, sp.number)


def _quote_echo(ctx: Context, k: int, bounds, speakers) -> Speaker | None:
    """A quotation repeated elsewhere in the article (headline ↔ body) has the same speaker."""
    quoted = _plain(_quoted_text(ctx, *bounds[k]))
    if len(quoted.split()) < 3:
        return None
    for j, (lo, hi) in enumerate(bounds):
        if j != k and speakers[j] is not None and quoted in _plain(ctx.doc[lo:hi].text):
            return speakers[j]
    return None


def _neighbour_speaker(k: int, paras, speakers, quoted_only) -> Speaker | None:
    """A quotation continuing a neighbour's: look back within the paragraph through other bare
    quotations; a paragraph that opens with a quote is attributed after it, so look forward."""
    para = paras[k]
    opens_paragraph = k == 0 or paras[k - 1] != para

    def back():
        j = k - 1
        while j >= 0 and paras[j] == para:
            if speakers[j] is not None:
                return speakers[j]
            if not quoted_only[j]:
                return None
            j -= 1
        return None

    def forward():
        j = k + 1
        while j < len(speakers) and paras[j] == para:
            if speakers[j] is not None:
                return speakers[j]
            if not quoted_only[j]:
                return None
            j += 1
        return None

    if opens_paragraph or (k > 0 and quoted_only[k - 1] and speakers[k - 1] is None):
        return forward() or back()
    return back() or forward()


def _label_line(ctx: Context, lo: int, hi: int) -> Speaker | None:
    """``Une source proche du dossier`` alone on its line: an anonymous source, no verb."""
    doc = ctx.doc
    words = [t for t in doc[lo:hi] if WORD.search(t.text)]
    if not words or len(words) > 10 or any(t.pos_ in {"VERB", "AUX"} for t in words):
        return None
    head = next((t for t in words if t.pos_ in {"NOUN", "PROPN"}), None)
    if head is None:
        return None
    sp = speaker_from_head(ctx, head.i, lo, hi)
    if sp is None or sp.kind != "anonymous":
        return None
    return sp


# ----------------------------------------------------------------------------- reading the table


def _short(article_id: str) -> str:
    from helpers.corpus import short_id

    return short_id(article_id)


def filter_claims(
    claims: pd.DataFrame,
    article: str | int | None = None,
    kind: str | None = None,
    speaker: str | None = None,
    hedged: bool | None = None,
    contains: str | None = None,
) -> pd.DataFrame:
    """The rows of a claims table that match every filter given, as a learner reads them:
    ``article`` (number such as ``"003"`` or full id), ``kind`` (``"anonymous"``, ``"person"``,
    ``"institution"``, ``"media"``, or ``"none"`` for sentences nobody is said to say),
    ``speaker`` (canonical name, case-insensitive), ``hedged`` (True/False), ``contains``
    (words in the sentence, case-insensitive)."""
    keep = pd.Series(True, index=claims.index)
    if article is not None:
        key = str(article).strip()
        ids = claims["article_id"].astype(str)
        number = ids.map(_short)
        keep &= (ids == key) | (number == key) | (
            number.str.isdigit() & key.isdigit()
            & (number.str.lstrip("0").replace("", "0") == (key.lstrip("0") or "0"))
        )
    if kind is not None:
        keep &= claims["speaker_kind"] == ("" if kind == "none" else kind)
    if speaker is not None:
        keep &= claims["speaker"].str.casefold() == speaker.casefold()
    if hedged is not None:
        keep &= claims["hedged"] == hedged
    if contains:
        keep &= claims["sentence"].str.contains(contains, case=False, regex=False)
    return claims[keep].reset_index(drop=True)


def claims_summary(claims: pd.DataFrame) -> pd.DataFrame:
    """Per article: sentences, how many are attributed (and to anonymous sources), quoted,
    hedged, and how many different speakers."""
    table = claims.assign(
        attributed=claims["speaker"] != "",
        anonymous=claims["speaker_kind"] == "anonymous",
        article=claims["article_id"].map(_short),
    )
    return table.groupby("article").agg(
        sentences=("sentence_id", "size"),
        attributed=("attributed", "sum"),
        anonymous=("anonymous", "sum"),
        quoted=("quoted", "sum"),
        hedged=("hedged", "sum"),
        speakers=("speaker", lambda s: s[s != ""].nunique()),
    )
