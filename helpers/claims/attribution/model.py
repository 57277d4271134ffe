"""What the attribution rules produce and share: a :class:`Speaker`, a :class:`Candidate` cue with
its speaker, and the :class:`Context` of one parsed article (computed once by
:func:`helpers.claims.attribution.context.build_context`)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Speaker:
    name: str  # canonical (actor table) or as written without its article
    kind: str  # person | institution | media | anonymous | ""
    side: str
    text: str  # the words that name the speaker in this sentence, as written
    pos: int  # token index, for recency
    gender: str = ""
    number: str = ""
    #: the role the text gives a person (``maire de Plouguerneau``), for a later bare *le maire*
    role: str = ""
    #: the nouns a later bare mention may use for this speaker (``préfecture``, ``maire``,
    #: ``institut`` for the Insee)
    heads: tuple[str, ...] = ()


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
    tab: object = None  # helpers.core.nlp.TokenTable of doc: its token attributes as lists
    mentions: list = field(default_factory=list)
    mention_at: dict = field(default_factory=dict)  # token index → Mention
    inside: list = field(default_factory=list)  # token inside a quotation
    unclosed: list = field(default_factory=list)  # … in one never closed on its line
    history: list = field(default_factory=list)  # (pos, Speaker) of primary speakers
    subjects: list = field(default_factory=list)  # (pos, Speaker) of subject-like mentions
    main_subjects: set = field(default_factory=set)  # … the positions of main-clause subjects
    named: list = field(default_factory=list)  # (pos, Speaker) of bodies named as a subject
    cues: list = field(default_factory=list)  # (cue, start, end) from the Matcher
    reporting: list = field(default_factory=list)  # reporting_lemma of each token
    places: list | None = None  # (character, "du Gard") of the départements named, when needed
