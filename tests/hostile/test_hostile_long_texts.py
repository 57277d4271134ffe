"""Issue 16, item 5: long articles. The course's sentence breaks must be linear (they were
quadratic: a 0.98-million-character article took 491 s), and a text longer than spaCy's limit
must be parsed in pieces, not refused with error E088. Attack ids (N…) are in README.md."""

from __future__ import annotations

import spacy

from helpers.core.components import sentence_breaks
from helpers.core.nlp import PIECE_CHARS, get_nlp, pipe_texts, split_long
from helpers.pipeline import run

PARAGRAPH = ("Selon Kiev, environ 11 000 soldats nord-coréens sont arrivés à Koursk. "
             "« Nous l'avons vérifié », a déclaré le ministère. Le Pentagone a confirmé.\n\n")


def test_N01_sentence_breaks_are_linear_on_300000_tokens():
    # 300,000 tokens: the old component (a whole-Doc check per token) needed over 15 minutes
    # here, growing with the square of the length; the new one is well under a second.
    nlp = spacy.blank("fr")
    nlp.max_length = 2_000_000  # the tokenizer alone: no parser's memory to protect
    doc = nlp(PARAGRAPH * (300_000 // len(nlp(PARAGRAPH))))
    assert len(doc) >= 290_000
    sentence_breaks(doc)
    starts = sum(1 for t in doc if t.is_sent_start)
    assert starts >= 3 * (len(doc) // len(nlp(PARAGRAPH)))


def test_N02_split_long_cuts_after_paragraphs_and_keeps_every_character():
    text = PARAGRAPH * 200
    pieces = split_long(text, 1000)
    assert "".join(pieces) == text
    assert all(len(p) <= 1000 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])
    one_line = "x" * 2500  # no separator at all: cut anyway
    assert "".join(split_long(one_line, 1000)) == one_line


def test_N03_a_text_longer_than_max_length_is_one_doc_not_error_e088():
    nlp = get_nlp()
    text = PARAGRAPH * 40
    whole = nlp(text)
    saved = nlp.max_length
    nlp.max_length = 1500  # spaCy refuses longer texts with E088
    try:
        doc = next(pipe_texts(nlp, [text]))
    finally:
        nlp.max_length = saved
    assert doc.text == text
    assert [t.text for t in doc] == [t.text for t in whole]
    assert [s.text for s in doc.sents] == [s.text for s in whole.sents]
    assert [(e.text, e.label_) for e in doc.ents] == [(e.text, e.label_) for e in whole.ents]


def test_N04_run_on_a_long_article_gives_its_tables(tmp_path):
    text = PARAGRAPH * (2 * PIECE_CHARS // len(PARAGRAPH) + 5)  # three pieces
    result = run(text, cache=tmp_path)
    assert len(result["docs"][0].text) == len(text)
    assert len(result["claims"]) == 3 * text.count(PARAGRAPH)
    again = run(text, cache=tmp_path)  # and the joined Doc goes through the cache
    assert again["stats"]["parsed"] == 0 and again["stats"]["tables_from_cache"] == 1
