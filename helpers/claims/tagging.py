"""Tag the claims of each article: who says each sentence, whether it quotes, how sure it sounds.

>>> claims = tag_claims(corpus)                 # a DataFrame with article_id and text
>>> claims = tag_claims("Selon Kiev, 30 soldats auraient été tués.")
>>> claims[["speaker", "speaker_kind", "cue", "hedged", "hedges"]]

One row per body sentence (``sentence_id`` is the index in :func:`helpers.core.nlp.sentences`):

=============== ==============================================================================
article_id      the article
sentence_id     index of the sentence in ``helpers.core.nlp.sentences(doc)``
sentence        its text (surrounding white space stripped)
speaker         canonical name (the story's ``actors.csv``, the French news lexicon), else the
                words as written without their article (``porte-parole du Kremlin``); ``""``
                when nobody speaks
speaker_kind    ``person``, ``institution``, ``media``, ``anonymous`` or ``""``
cue             what attributes it: a reporting verb's lemma (``déclarer``), ``selon``,
                ``d'après``, ``citant``, ``si l'on en croit``, ``quote`` (a quotation whose
                speaker is given nearby), ``label`` (a line that only names a source); ``""``
quoted          the sentence contains words in « » or “ ”
hedged          the claim is presented with less than full commitment (:mod:`.hedging`)
hedges          the words that make it so: ``["auraient", "selon"]``
speaker_side    the speaker's side (Ukraine, Russia, North Korea, United States, …) or ``""``
speaker_text    the words naming the speaker in this sentence, as written (``il``, ``le GUR``)
claim_id        sentences the parser split apart but a reader reads as one share a claim_id
                (``Selon Washington`` / ``,`` / ``jusqu'à 8 000 soldats…``) and all its tags
start_char      offsets of the sentence in the (normalised) article text
end_char
speaker_role    the role the text gives the speaker (``maire de Plouguerneau``), or ``""``
part_speakers   when the sentence gives figures from several sources (``9 000 selon la
                préfecture, 25 000 selon les syndicats``): ``[start_char, end_char, speaker]``
                of each part that names its own source; ``[]`` otherwise
=============== ==============================================================================

What the libraries do: spaCy parses (once per article: pass ``docs`` to reuse the pipeline's
parses), its ``PhraseMatcher``/``Matcher`` find actors and cue phrases, its morphology gives the
conditional. What is hand-written, because no library does it for French news: the attribution
rules (:mod:`helpers.claims.attribution`), the hedging rules (:mod:`helpers.claims.hedging`) and the
sentence-level passes here:

1. sentences the parser cut in the middle (no final stop, a fragment starting with a comma, a
   lone quote mark) are read together as one claim;
2. each claim gets the best of its cues (:func:`helpers.claims.attribution.choose`); its speaker is
   remembered so that a later *il* or *selon lui* can refer to it;
3. ``C'est ce qu'affirment X`` also attributes the sentence before it to X;
4. a quotation with no cue takes the speaker of the same words quoted elsewhere in the article
   (a headline such as ``“Ils portent des uniformes russes”``), else of the neighbouring claim
   it continues (a paragraph opening with a quote is attributed at its end);
5. a line that is only an anonymous source (``Une source proche du dossier``) is tagged as such.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from helpers.claims.attribution import (
    CLOSERS,
    OPENERS,
    QUOTE_MARKS,
    Context,
    Speaker,
    build_context,
    choose,
    part_sources,
    remember,
    speaker_from_head,
    unit_candidates,
)
from helpers.claims.hedging import hedge_words
from helpers.core.nlp import TokenTable, parse_many, sentences, token_table
from helpers.core.story import story_in_use, story_of

COLUMNS = [
    "article_id", "sentence_id", "sentence", "speaker", "speaker_kind", "cue", "quoted", "hedged",
    "hedges", "speaker_side", "speaker_text", "claim_id", "start_char", "end_char",
    "speaker_role", "part_speakers",
]
TERMINAL = re.compile(r"[.!?…](?:[\s\"»”)\]]*)$")
WORD = re.compile(r"\w")
_CONTINUES = {",", ";", ")"}
_CLOSERS_OR_QUOTE = CLOSERS | {'"', "«"}


def _as_corpus(corpus) -> pd.DataFrame:
    if isinstance(corpus, str):
        return pd.DataFrame({"article_id": ["text"], "text": [corpus]})
    if not isinstance(corpus, pd.DataFrame) or not {"article_id", "text"} <= set(corpus.columns):
        raise TypeError("corpus must be a string or a DataFrame with 'article_id' and 'text'")
    return corpus


def tag_claims(corpus, docs=None, mentions: list | None = None) -> pd.DataFrame:
    """A row per sentence of every article: speaker, kind, cue, quoted, hedged, hedges (+ extras).

    ``corpus``: a DataFrame with ``article_id`` and ``text`` (e.g. from ``load_corpus()``), or a
    plain string (its ``article_id`` is ``"text"``). ``docs``: the spaCy Docs of those texts, in
    the same order, already parsed by ``helpers.core.nlp`` (the text is then not parsed again).
    ``mentions``: a list to which the actors named in each article are added
    (:func:`helpers.claims.story_actors.mentions_in`, from the same reading of the article).
    """
    corpus = _as_corpus(corpus)
    if docs is None:
        docs = parse_many(corpus["text"].fillna("").astype(str).tolist())
    docs = list(docs)
    if len(docs) != len(corpus):
        raise ValueError(f"{len(docs)} docs for {len(corpus)} articles: pass one Doc per row")
    rows: list[dict] = []
    # a corpus loaded from a folder is read with that story's actors, never another's
    with story_in_use(story_of(corpus)):
        for article_id, doc in zip(corpus["article_id"].tolist(), docs, strict=True):
            rows.extend(_tag_doc(str(article_id), doc, mentions))
    return pd.DataFrame(rows, columns=COLUMNS)


# ----------------------------------------------------------------------------- claim units


@dataclass(frozen=True, slots=True)
class _Sentences:
    """The sentences of a Doc as character data: every rule here reads the Doc's text, never a
    Span's (``Span.text`` is rebuilt token by token on every access)."""

    text: str  # the Doc's text
    start: list  # start_char of each sentence
    end: list  # end_char of each sentence
    raw: list  # each sentence's text (``Span.text``: the Doc's text between start and end)

    @classmethod
    def of(cls, doc, sents) -> _Sentences:
        text = token_table(doc).doc_text
        start = [s.start_char for s in sents]
        end = [s.end_char for s in sents]
        return cls(text, start, end, [text[a:b] for a, b in zip(start, end, strict=True)])


def _group(ss: _Sentences) -> list[list[int]]:
    """The parser's sentences grouped into the sentences a reader sees (lists of indices)."""
    units: list[list[int]] = []
    text = ss.text
    for i, raw in enumerate(ss.raw):
        body = raw.strip()
        marks_only = not WORD.search(body)
        if units:
            p = units[-1][-1]
            prev = ss.raw[p]
            lead = len(raw) - len(raw.lstrip())
            gap = text[ss.start[p] + len(prev.rstrip()) : ss.start[i] + lead]
            new_paragraph = "\n" in gap or prev.rstrip(" \t").endswith("\n")
            prev_body = text[ss.start[units[-1][0]] : ss.end[p]].strip()
            prev_open = not TERMINAL.search(prev_body) or (
                not WORD.search(prev_body) and prev_body[-1:] in OPENERS)
            continuation = body[:1] in _CONTINUES or (
                body[:1] in _CLOSERS_OR_QUOTE and body[1:].lstrip()[:1] in {",", ";"})
            closers_only = marks_only and not any(c in OPENERS for c in body)
            if not new_paragraph and (prev_open or continuation or closers_only):
                if not (marks_only and body[-1:] in OPENERS and not prev_open):
                    units[-1].append(i)
                    continue
        units.append([i])
    return units


def _paragraph_of(ss: _Sentences, units) -> list[int]:
    """Paragraph number of each unit (a line break starts a new paragraph)."""
    out, para = [], 0
    last_end = 0
    for unit in units:
        start = ss.start[unit[0]]
        if "\n" in ss.text[last_end:start]:
            para += 1
        out.append(para)
        last_end = ss.end[unit[-1]]
        if ss.raw[unit[-1]].rstrip(" \t").endswith("\n"):
            last_end -= 1
    return out


def _words_in_quotes(ctx: Context, counted: list[bool], lo: int, hi: int) -> tuple[int, int]:
    """(words inside a quotation, words) of tokens ``lo:hi``; ``counted`` marks the tokens that
    are words (not quote marks)."""
    words = [j for j in range(lo, hi) if counted[j]]
    return sum(ctx.inside[j] for j in words), len(words)


def _quoted_text(ctx: Context, tab: TokenTable, word: list[bool], lo: int, hi: int) -> str:
    return " ".join(tab.lower[j] for j in range(lo, hi) if ctx.inside[j] and word[j])


def _span_text(tab: TokenTable, lo: int, hi: int) -> str:
    """``doc[lo:hi].text`` (``lo < hi``), sliced from the Doc's text."""
    return tab.doc_text[tab.idx[lo] : tab.idx[hi - 1] + len(tab.text[hi - 1])]


def _plain(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


# ----------------------------------------------------------------------------- one article


@dataclass
class _Article:
    """One article while its claims are tagged: the sentences grouped into claims, their token
    bounds, and each claim's speaker and cue as the passes fill them in."""

    doc: object
    ctx: Context
    tab: TokenTable
    ss: _Sentences
    units: list[list[int]]
    bounds: list[tuple[int, int]]
    paras: list[int]
    word: list[bool]  # tokens with a word character
    speakers: list = field(default_factory=list)
    cues: list = field(default_factory=list)
    parts: list = field(default_factory=list)  # each claim's part_sources

    @classmethod
    def of(cls, doc, sents) -> _Article:
        ss = _Sentences.of(doc, sents)
        tab = token_table(doc)
        units = _group(ss)
        return cls(doc, build_context(doc), tab, ss, units,
                   [(sents[u[0]].start, sents[u[-1]].end) for u in units],
                   _paragraph_of(ss, units), [WORD.search(t) is not None for t in tab.text])

    def attribute(self, k: int, speaker: Speaker, cue: str) -> None:
        self.speakers[k], self.cues[k] = speaker, cue


def _cues(art: _Article) -> list:
    """Passes 1-2: the chosen cue of each claim, in reading order (pronouns look back at
    earlier speakers); 3: "C'est ce qu'affirment X" attributes the sentence before it too."""
    chosen: list = []
    for lo, hi in art.bounds:
        cands = unit_candidates(art.ctx, lo, hi)
        cand = choose(cands)
        chosen.append(cand)
        art.parts.append(part_sources(art.ctx, lo, hi, cands) if cands else [])
        if cand is not None:
            remember(art.ctx, cand.speaker,
                     cand.speaker.pos if cand.speaker.pos >= lo else cand.pos)
    art.speakers = [c.speaker if c else None for c in chosen]
    art.cues = [c.cue if c else "" for c in chosen]
    for k, cand in enumerate(chosen):
        if cand is not None and cand.cleft and k > 0 and art.speakers[k - 1] is None:
            art.attribute(k - 1, _inherit(art.speakers[k]), cand.cue)
    return chosen


def _quotes(art: _Article) -> list[tuple[int, int]]:
    """Pass 4: a quotation without a cue takes the speaker of the same words quoted elsewhere,
    else of the neighbouring claim it continues. Returns (words quoted, words) of each claim."""
    ctx, tab = art.ctx, art.tab
    counted = [w and t not in QUOTE_MARKS for w, t in zip(art.word, tab.text, strict=True)]
    share = [_words_in_quotes(ctx, counted, lo, hi) for lo, hi in art.bounds]
    quoted_only = [n > 0 and q == n for q, n in share]
    plain_units: list[str | None] = [None] * len(art.units)  # _plain of each claim, when needed
    for k in range(len(art.units)):
        if art.speakers[k] is not None or share[k][0] < 3:
            continue
        quoted = _plain(_quoted_text(ctx, tab, art.word, *art.bounds[k]))
        echo = _quote_echo(tab, quoted, k, art.bounds, art.speakers, plain_units)
        if echo is not None:
            art.attribute(k, _inherit(echo), "quote")
    for k in range(len(art.units)):
        if art.speakers[k] is None and quoted_only[k]:
            near = _neighbour_speaker(k, art.paras, art.speakers, quoted_only)
            if near is not None:
                art.attribute(k, _inherit(near), "quote")
    return share


def _labels(art: _Article) -> None:
    """Pass 5: a line that only names an anonymous source."""
    for k, (lo, hi) in enumerate(art.bounds):
        if art.speakers[k] is None:
            label = _label_line(art.ctx, art.tab, art.word, lo, hi)
            if label is not None:
                art.attribute(k, label, "label")


def _rows(article_id: str, art: _Article, share: list[tuple[int, int]]) -> list[dict]:
    rows = []
    for k, unit in enumerate(art.units):
        lo, hi = art.bounds[k]
        hedges = hedge_words(art.doc[lo:hi])
        sp = art.speakers[k]
        for i in unit:
            raw, start = art.ss.raw[i], art.ss.start[i]
            rows.append({
                "article_id": article_id,
                "sentence_id": i,
                "sentence": raw.strip(),
                "speaker": sp.name if sp else "",
                "speaker_kind": sp.kind if sp else "",
                "cue": art.cues[k] if sp else "",
                "quoted": share[k][0] > 0,
                "hedged": bool(hedges),
                "hedges": list(hedges),
                "speaker_side": sp.side if sp else "",
                "speaker_text": sp.text if sp else "",
                "claim_id": k,
                "start_char": start + (len(raw) - len(raw.lstrip())),
                "end_char": start + len(raw.rstrip()),
                "speaker_role": sp.role if sp else "",
                "part_speakers": _char_parts(art.tab, art.parts[k]),
            })
    return rows


def _char_parts(tab: TokenTable, parts: list) -> list[list]:
    """``[start_char, end_char, speaker]`` of each token range of :func:`part_sources`."""
    return [[tab.idx[a], tab.idx[b - 1] + len(tab.text[b - 1]), sp.name] for a, b, sp in parts]


def _tag_doc(article_id: str, doc, mentions: list | None = None) -> list[dict]:
    sents = sentences(doc)
    if not sents:
        return []
    art = _Article.of(doc, sents)
    _cues(art)
    share = _quotes(art)
    _labels(art)
    if mentions is not None:
        from helpers.claims.story_actors import mentions_in

        mentions.extend(mentions_in(article_id, art.ctx))
    return _rows(article_id, art, share)


def _inherit(sp: Speaker) -> Speaker:
    """The same speaker, not named in this sentence (so ``speaker_text`` is empty)."""
    return Speaker(sp.name, sp.kind, sp.side, "", sp.pos, sp.gender, sp.number, sp.role,
                   sp.heads)


def _quote_echo(tab: TokenTable, quoted: str, k: int, bounds, speakers,
                plain_units: list) -> Speaker | None:
    """A quotation repeated elsewhere in the article (headline ↔ body) has the same speaker.

    ``quoted``: the plain words quoted in claim ``k``; ``plain_units`` caches each claim's plain
    words (``None`` until needed)."""
    if len(quoted.split()) < 3:
        return None
    for j, (lo, hi) in enumerate(bounds):
        if j != k and speakers[j] is not None:
            if plain_units[j] is None:
                plain_units[j] = _plain(_span_text(tab, lo, hi))
            if quoted in plain_units[j]:
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


def _label_line(ctx: Context, tab: TokenTable, word: list[bool], lo: int, hi: int
                ) -> Speaker | None:
    """``Une source proche du dossier`` alone on its line: an anonymous source, no verb."""
    words = [j for j in range(lo, hi) if word[j]]
    if not words or len(words) > 10 or any(tab.pos[j] in {"VERB", "AUX"} for j in words):
        return None
    head = next((j for j in words if tab.pos[j] in {"NOUN", "PROPN"}), None)
    if head is None:
        return None
    sp = speaker_from_head(ctx, head, lo, hi)
    if sp is None or sp.kind != "anonymous":
        return None
    return sp
