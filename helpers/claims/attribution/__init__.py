"""Who says it: attribution rules for French news sentences, one module per rule family, run in
order by one orchestrator (:mod:`.candidates`), in the manner of GenderGapTracker's
``quote_extractor_fr.py``.

What comes from libraries: spaCy's tokens, lemmas, morphology and dependency parse; a
``PhraseMatcher`` of actor aliases (:mod:`helpers.core.actors`); a ``Matcher`` for the fixed cue
phrases. What is written here by hand, because no library does attribution for French: the
rules. They lean on word order as much as on the parse, because the small model often misparses
inverted subjects (``…, a indiqué lundi un responsable ukrainien`` comes out as three sentences).

=================== =========================================================================
:mod:`.lexicon`     the word lists: reporting verbs, word classes, nationalities, grammar words
:mod:`.model`       ``Speaker``, ``Candidate``, ``Context``
:mod:`.quotes`      which tokens are inside a quotation
:mod:`.context`     what the rules need about one article, computed once (``build_context``)
:mod:`.cues`        ``selon X``, ``d'après X``, ``aux dires de X``, ``si l'on en croit X``,
                    ``citant X``, ``cité par X``, ``selon lesquels`` (the antecedent)
:mod:`.groups`      the verb group of a reporting verb; participles and gerunds
:mod:`.verbs`       a reporting verb (``reporting_verbs.csv``) with its subject: ``X a déclaré
                    que…``, inverted ``…, a déclaré X``, ``« … » a souligné X``, ``…, a-t-il
                    ajouté``, ``comme l'affirme X``, ``c'est ce qu'affirment X``, the passive
                    ``confirmé par X``, participles and infinitives (``…, estimant que``)
:mod:`.subjects`    the subject of a verb, before or after it, the first of a coordination
:mod:`.nouns`       a noun phrase into a speaker: the actor table, a person in apposition
                    (``le chef du centre…, Andriï Kovalenko``), anonymous sources, roles, the
                    body behind a document, the earlier mention of ``le soldat``
:mod:`.pronouns`    ``il``, ``elle``, ``selon lui``, ``selon eux``, ``-t-il``: the most recent
                    compatible speaker or subject
:mod:`.candidates`  the orchestrator: every cue of a sentence, and the one chosen
=================== =========================================================================

Each pattern has a test in ``tests/test_claims.py``. The sentence-level passes (claims the parser
split, quotes without a cue, *c'est ce que* attributing the sentence before) are in
:mod:`helpers.claims.tagging`.
"""

from helpers.claims.attribution.candidates import choose, remember, unit_candidates
from helpers.claims.attribution.context import build_context
from helpers.claims.attribution.lexicon import CLOSERS, OPENERS, QUOTE_MARKS, reporting_verbs
from helpers.claims.attribution.model import Candidate, Context, Speaker
from helpers.claims.attribution.nouns import speaker_from_head
from helpers.claims.attribution.quotes import quote_mask, quote_state

__all__ = [
    "CLOSERS", "OPENERS", "QUOTE_MARKS", "Candidate", "Context", "Speaker", "build_context",
    "choose", "quote_mask", "quote_state", "remember", "reporting_verbs", "speaker_from_head",
    "unit_candidates",
]  # fmt: skip
