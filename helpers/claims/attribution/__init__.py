"""Who says it: attribution rules for French news sentences, one module per rule family, run in
order by one orchestrator (:mod:`.candidates`), in the manner of GenderGapTracker's
``quote_extractor_fr.py``.

What comes from libraries: spaCy's tokens, lemmas, morphology and dependency parse; a
``PhraseMatcher`` of actor aliases (:mod:`helpers.core.actors`); a ``Matcher`` for the fixed cue
phrases. What is written here by hand, because no library does attribution for French: the
rules. They lean on word order as much as on the parse, because the small model often misparses
inverted subjects (``…, a indiqué lundi un responsable ukrainien`` comes out as three sentences).

=================== =========================================================================
:mod:`.lexicon`     the word lists: reporting verbs (``reporting_verbs.csv``: what each needs to
                    report), word classes (``attribution_words.csv``), role synonyms, grammar
:mod:`.model`       ``Speaker``, ``Candidate``, ``Context``
:mod:`.quotes`      which tokens are inside a quotation; a stray mark silences one sentence
:mod:`.context`     what the rules need about one article, computed once (``build_context``)
:mod:`.cues`        ``selon X``, ``d'après X``, ``aux dires de X``, ``si l'on en croit X``,
                    ``citant X``, ``cité par X``, ``Pour X, …``, ``de même source`` (the
                    source before); ``selon les normes`` (nothing)
:mod:`.groups`      the verb group of a reporting verb; participles and gerunds
:mod:`.verbs`       a reporting verb with its subject: ``X a déclaré que…``, inverted ``…, a
                    déclaré X`` (past ``à l'AFP``), ``« … » a souligné X``, ``…, a-t-il
                    ajouté``, the passive ``confirmé par X``, participles and infinitives,
                    ``a-t-on appris auprès de X``, ``À Bercy, on…``
:mod:`.impersonal`  *on* as the subject: the source after the verb (*a-t-on appris auprès de
                    X*) or the place or body before it (*À Bercy, on…*, *Chez X, on…*)
:mod:`.subjects`    the subject of a verb, before or after it, past an opening place phrase
:mod:`.phrases`     where a noun phrase ends; appositions both ways; a role after a name
:mod:`.naming`      a noun phrase as the rules read it (article, apposition, actors in it) and
                    the speaker it names as written
:mod:`.nouns`       a noun phrase into a speaker, one reader per kind of phrase: a number (never
                    a speaker), a known actor, a medium by its title (*le quotidien Le
                    Courrier picard*), a body's part (*la direction de X* → X), an anonymous
                    source, a role and its name, *son ministère*, a document (its author,
                    *réalisés par les agents de X* → X), a named entity, as written
:mod:`.documents`   a document as a source: the body or person behind it (*selon un bilan
                    de la préfecture*), the author of the same document named before
:mod:`.references`  phrases pointing back: *la même source*, *le maire* / *l'édile* / *l'élue*,
                    *la préfecture*, *l'institut*, *l'entreprise*, *l'établissement*, a body
                    named before only as a complement (*le centre hospitalier*)
:mod:`.epithets`    a definite description pointing back: *le soldat* → the earlier soldier;
                    a person or body described anew (*Léa Roy, infirmière… La soignante
                    affirme*, *le groupe Solvena… Le chimiste assure*): the last one a few
                    sentences back that the noun can describe
:mod:`.bodies`      a body described, then named (*le gestionnaire du réseau, Enedis*); a unit
                    named after its body (*le groupement de gendarmerie du Var*); a body named
                    beside its kind (*aux Transports Le Goff, une entreprise…*), the antecedent
                    of a later *l'entreprise*
:mod:`.places`      the département a sentence is about: *à Rennes, selon la préfecture* → the
                    préfecture d'Ille-et-Vilaine
:mod:`.pronouns`    ``il``, ``elle``, ``selon lui``, ``-t-il``: the person just quoted, else the
                    most recent compatible speaker or subject
:mod:`.candidates`  the orchestrator: every cue of a sentence, and the one chosen
:mod:`.parts`       a source for each part of a sentence that gives figures from several
                    (``9 000 selon la préfecture, 25 000 selon les syndicats``)
=================== =========================================================================

The known actors come from :mod:`helpers.core.actors`: the French news lexicon, the story's own
table and the learner's corrections, never another story's.

Each pattern has a test in ``tests/test_claims.py`` (the Kursk story) and
``tests/test_attribution_families.py`` (French news in general; the families each first-run
set revealed in ``tests/test_attribution_firstrun*_families.py``). The sentence-level passes
(claims the parser split, quotes without a cue, *c'est ce que* attributing the sentence before)
are in :mod:`helpers.claims.tagging`.
"""

from helpers.claims.attribution.candidates import choose, remember, unit_candidates
from helpers.claims.attribution.context import build_context
from helpers.claims.attribution.lexicon import CLOSERS, OPENERS, QUOTE_MARKS, reporting_verbs
from helpers.claims.attribution.model import Candidate, Context, Speaker
from helpers.claims.attribution.nouns import speaker_from_head
from helpers.claims.attribution.parts import part_sources
from helpers.claims.attribution.quotes import quote_mask, quote_state

__all__ = [
    "CLOSERS", "OPENERS", "QUOTE_MARKS", "Candidate", "Context", "Speaker", "build_context",
    "choose", "part_sources", "quote_mask", "quote_state", "remember", "reporting_verbs",
    "speaker_from_head", "unit_candidates",
]  # fmt: skip
