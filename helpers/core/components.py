"""The course's own spaCy components, registered once, when this module is imported.

* the tokenizer keeps Breton names and compound nouns whole (``Floc'h``, ``sapeurs-pompiers``:
  :mod:`helpers.core.tokenizer`);
* ``sentence_breaks`` (before the parser): French news sentence starts decided by rule;
* ``actor_ruler`` (after NER): spaCy's ``EntityRuler`` with the French news lexicon (metonyms,
  national bodies, media, countries and capitals: :func:`helpers.core.actors.ruler_patterns`),
  so that Docs carry the canonical name in ``ent.ent_id_`` (what displaCy shows);
* ``entity_fixes`` (after the ruler): the small model's known entity mistakes dropped or
  relabelled (``helpers/core/data/entity_fixes.csv``: "Citant" tagged as a person);
* ``tag_fixes`` (after those): a noun after an article the model tagged a pronoun is a noun
  (``Le quinquagénaire dit…``);
* spaCy's own ``doc_cleaner``, last: no ``doc.tensor`` is kept.

No story is in the pipeline: a story's actors are found on the parsed Doc
(:func:`helpers.core.actors.find_actors`) and shown by :func:`helpers.display.notebook.
entities_html`, so one parse serves every story and the parse cache never holds one story's
knowledge for another.

:func:`add_course_pipes` puts them in a loaded pipeline (:func:`helpers.core.nlp.get_nlp` does).
Registering them here, at module level, is what lets the pipeline and the actor table know each
other without an import cycle: this module reads the actors, the pipeline imports this module.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Span

from helpers import DATA_DIR
from helpers.core.actors import MATCH_ATTR, ruler_patterns, use_tokenizer
from helpers.core.datafiles import read_rows
from helpers.core.tokenizer import course_tokenizer

SENTENCE_BREAKS = "sentence_breaks"
RULER_NAME = "actor_ruler"
FIXES_NAME = "entity_fixes"
TAG_FIXES_NAME = "tag_fixes"
CLEANER_NAME = "doc_cleaner"
#: The generic French entity fixes (the story adds its own, ``entity_fixes.csv`` beside it).
ENTITY_FIXES_CSV = DATA_DIR / "entity_fixes.csv"

_ENDS = {".", "!", "?", "…"}
_CLOSERS = {"»", "”", '"', ")"}
_OPENERS = {"«", "“", '"', "-", "—"}


def _break_here(prev: str, tok: str, ws: str, nxt: str, nxt_space: bool, nxt_cap: bool) -> int:
    """1 when a sentence starts at the next token, -1 when it does not (spaCy's SENT_START)."""
    after_end = tok in _ENDS or (tok in _CLOSERS and prev in _ENDS)
    if "\n" in tok or "\n" in ws:
        return 1
    if nxt_space or (nxt in _CLOSERS and tok in _ENDS):
        return -1
    return 1 if after_end and (nxt_cap or nxt in _OPENERS) else -1


@Language.component(SENTENCE_BREAKS)
def sentence_breaks(doc):
    """Decide sentence starts before the parser does (the parser keeps these choices).

    A sentence starts after a line break (headlines and paragraphs have no final stop), or after
    ``. ! ? …`` (and any closing quote) when the next word is capitalised or opens a quote;
    nowhere else. The small model's parser otherwise cuts French news sentences in the middle
    ("Selon Washington" / ", jusqu'à 8 000 …"), which would split one claim in two.

    The starts are computed as one array and set with ``Doc.from_array``: setting
    ``token.is_sent_start`` one token at a time makes spaCy check the whole Doc each time, which
    took minutes on a long article (quadratic time).
    """
    if len(doc) < 2:
        return doc
    text = [t.text for t in doc]
    ws = [t.whitespace_ for t in doc]
    space = [t.is_space for t in doc]
    # a capital first letter: "Vingt-sept" is neither title nor upper case for spaCy
    cap = [t.text[:1].isupper() for t in doc]
    starts = doc.to_array([SENT_START]).astype("int64")
    prev = [""] + text[:-1]
    for i in range(len(doc) - 1):
        starts[i + 1] = _break_here(prev[i], text[i], ws[i], text[i + 1], space[i + 1],
                                    cap[i + 1])
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


@lru_cache(maxsize=1)
def entity_fixes() -> dict[str, str]:
    """``{entity text: new label}`` (``""`` drops the entity): the generic French fixes."""
    return {row["text"]: row["label"] for row in read_rows(ENTITY_FIXES_CSV)}


@Language.component(FIXES_NAME)
def fix_entities(doc):
    """Drop or relabel the small model's known entity mistakes (:func:`entity_fixes`).

    Entities set by the actor ruler (they have an ``ent_id_``) are kept as they are.
    """
    fixes = entity_fixes()
    ents = []
    for ent in doc.ents:
        text = ent.text.strip()
        if ent.ent_id_ or text not in fixes:
            ents.append(_without_lowercase_start(ent))
        elif fixes[text]:
            ents.append(Span(doc, ent.start, ent.end, label=fixes[text]))
    doc.ents = _joined_people(_without_overlaps([_to_its_acronym(e) for e in ents if len(e)]))
    return doc


def _without_overlaps(ents: list) -> list:
    """The entities in order, each dropped when one before it (made longer) covers it."""
    out = []
    for ent in ents:
        if not out or ent.start >= out[-1].end:
            out.append(ent)
    return out


def _to_its_acronym(ent):
    """``Fédération nationale des bailleurs`` ``privés (FNBP)`` → the whole name: a body's
    name runs up to the acronym in brackets after it when the acronym spells more of it than
    the model's entity (``Système national d'observation de la sécurité en montagne
    (SNOSM)``, ``Fédération française des motards en colère de la Sarthe (FFMC 72)``)."""
    doc = ent.doc
    if ent.label_ not in {"ORG", "MISC"} or ent.ent_id_:
        return ent
    end = next((k for k in range(ent.end, min(len(doc), ent.end + 9)) if doc[k].is_punct),
               None)
    if end is None or end == ent.end or doc[end].text != "(" or end + 1 >= len(doc) or any(
            doc[k].pos_ in {"VERB", "AUX"} for k in range(ent.end, end)):
        return ent
    acronym = doc[end + 1].text
    if not (acronym.isupper() and acronym.isalpha() and len(acronym) >= 2):
        return ent
    initials, short = _initials(doc[ent.start : end]), _initials(ent)
    if len(acronym) <= len(short) or not initials.startswith(acronym):
        return ent
    return Span(doc, ent.start, end, label=ent.label)


def _initials(span) -> str:
    """``Centre national d'étude`` → ``CNE``: the first letters an acronym takes, unaccented."""
    letters = "".join(t.text[0] for t in span if t.is_alpha and t.lower_ not in _LINK_WORDS)
    return unicodedata.normalize("NFD", letters.upper()).encode("ascii", "ignore").decode()


#: Words an acronym skips: ``Fédération nationale des bailleurs privés`` is FNBP.
_LINK_WORDS = {"de", "du", "des", "d'", "la", "le", "les", "l'", "et", "en", "pour", "à", "au",
               "aux", "sur"}


@Language.component(TAG_FIXES_NAME)
def fix_tags(doc):
    """``Le quinquagénaire dit…``: the small model sometimes tags a noun after an article as a
    pronoun; a word after an article that is no pronoun is a noun."""
    for tok in doc[1:]:
        if tok.pos_ == "PRON" and doc[tok.i - 1].lower_ in _ARTICLES and tok.is_alpha and (
                tok.is_lower and len(tok) > 3 and tok.lower_ not in _PRONOUNS):
            tok.pos_ = "NOUN"
    return doc


_ARTICLES = {"le", "la", "l'", "les", "un", "une", "ce", "cet", "cette", "son", "sa", "leur"}
#: Pronouns an article may come before (*le sien*, *les autres*, *la plupart*).
_PRONOUNS = {"sien", "sienne", "siens", "siennes", "leur", "leurs", "autre", "autres", "même",
             "mêmes", "plupart", "mien", "mienne", "tien", "tienne", "nôtre", "nôtres", "vôtre",
             "vôtres", "lequel", "laquelle", "lesquels", "lesquelles", "quelle", "elle", "elles",
             "lui", "nous", "vous", "celui", "celle", "ceux", "celles"}


def _joined_people(ents: list) -> list:
    """``Sylvie`` ``Marchal`` → ``Sylvie Marchal``: the model sometimes starts a new person
    entity at the surname; two person entities side by side are one name."""
    out = []
    for ent in ents:
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == ent.label_ == "PER" and prev.end == ent.start and (
                not prev.ent_id_ and not ent.ent_id_):
            out[-1] = Span(ent.doc, prev.start, ent.end, label=ent.label)
        else:
            out.append(ent)
    return out


def _without_lowercase_start(ent):
    """``sourit Lucas`` → ``Lucas``: a person's name starts with a capital (or a particle:
    *de Villepin*); the model sometimes takes the verb of an incise into the name, or tags
    lower-case words alone (``de la``), which name nobody and are dropped; or a newspaper's
    title before the name (``L'Indépendant Claire Vidal``)."""
    if ent.label_ != "PER" or ent.ent_id_:
        return ent
    if not any(t.text[:1].isupper() for t in ent):
        return Span(ent.doc, ent.start, ent.start, label=ent.label)  # "de la": no name at all
    start = ent.start
    while start < ent.end - 1 and ent.doc[start].is_lower and ent.doc[start].lower_ not in (
            _PARTICLES):
        start += 1
    if ent.end - start >= 4 and ent.doc[start].pos_ == "DET" and all(
            t.is_title for t in ent.doc[start + 1 : ent.end]):
        start += 2  # "à L'Indépendant Claire Vidal": a title before the name is not a name
    return ent if start == ent.start else Span(ent.doc, start, ent.end, label=ent.label)


#: Particles a person's name may start with.
_PARTICLES = {"de", "du", "des", "d'", "le", "la", "van", "von", "ben", "el", "al"}


def add_actor_ruler(nlp):
    """Add the actor ``EntityRuler`` and :func:`fix_entities` after ``ner``; idempotent.

    Returns the ruler. Docs parsed *before* this call keep the statistical entities; tag their
    text again, or use :func:`helpers.core.actors.find_actors`, which does not depend on it.
    """
    use_tokenizer(nlp)
    if RULER_NAME in nlp.pipe_names:
        return nlp.get_pipe(RULER_NAME)
    where = {"after": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME,
                         config={"overwrite_ents": True, "phrase_matcher_attr": MATCH_ATTR},
                         **where)
    with nlp.select_pipes(enable=[]):  # the patterns need only the tokenizer
        ruler.add_patterns(ruler_patterns())
    nlp.add_pipe(FIXES_NAME, after=RULER_NAME)
    nlp.add_pipe(TAG_FIXES_NAME, after=FIXES_NAME)
    return ruler


def add_course_pipes(nlp):
    """The course's tokenizer rule (:mod:`helpers.core.tokenizer`), sentence breaks (before the
    parser) and actor ruler (after NER), and spaCy's ``doc_cleaner`` last: it drops
    ``doc.tensor`` (the model's internal word vectors, 96 floats a token), which nothing in the
    course reads, so a thousand Docs stay a few hundred MB lighter."""
    course_tokenizer(nlp)
    if SENTENCE_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(SENTENCE_BREAKS, before="parser")
    add_actor_ruler(nlp)
    if CLEANER_NAME not in nlp.pipe_names:
        nlp.add_pipe("doc_cleaner", name=CLEANER_NAME, last=True)
    return nlp
