"""Reporting verbs: the speaker of ``X a déclaré que…``, ``…, a déclaré X``, ``…, a-t-il ajouté``,
``confirmé par X``, ``…, estimant que`` (:func:`verb_candidate`), and the cases where a verb
of saying attributes nothing (negated, blocked, without what it needs to report: a clause, a
figure, ``à``)."""

from __future__ import annotations

from helpers.claims.attribution.groups import (
    _PAST_AUX,
    _after_comme,
    _clitic_subject,
    _is_cleft,
    _is_gerund_or_infinitive,
    _is_past_participle,
    _verb_group_start,
)
from helpers.claims.attribution.impersonal import impersonal_source
from helpers.claims.attribution.lexicon import (
    BLOCKING_GOVERNORS,
    CLOSERS,
    NEGATION_AFTER,
    OPENERS,
    _word_class_at,
    has_a_person_ending,
    reporting_verbs,
    word_class,
)
from helpers.claims.attribution.misparsed import relative_antecedent
from helpers.claims.attribution.model import Candidate, Context
from helpers.claims.attribution.needs import (
    _about_a_claim,
    _incise_position,
    _infinitive_after,
    _needs_met,
)
from helpers.claims.attribution.nouns import speaker_from_head
from helpers.claims.attribution.pronouns import _last_speaker, resolve_pronoun
from helpers.claims.attribution.subjects import (
    _after_verb,
    _before_verb,
    _clause_subject,
    _ends_clause,
    _looks_like_speaker,
    _sentence_initial_subject,
    locative_source,
    subject_before_comma,
)
from helpers.claims.hedging import PARTICIPLE_ENDINGS, is_conditional
from helpers.core.nlp import token_table

_INCISE_MARKS = {",", ":", "—", "–", "("}


def _negated(doc, start: int, v: int) -> bool:
    tab = token_table(doc)
    before = set(tab.lower[max(0, start - 1) : v])
    after = set(tab.lower[v + 1 : v + 3]) | before
    if not (before & {"ne", "n'"} and after & NEGATION_AFTER) and "non" not in before:
        return False
    # "ne peut pas confirmer": the body speaks (it says it cannot confirm); "n'annonce pas de
    # pluies": it says there are none (a negated object, not a silence)
    k = v + 1 if v + 1 < len(tab.lower) and tab.lower[v + 1] in NEGATION_AFTER else v
    none_of = k + 1 < len(tab.lower) and tab.lower[k + 1] in {"de", "d'"} and k > v and (
        reporting_verbs().get(token_table(doc).lemma[v]) != "factive")  # not "ne confirme pas de"
    return "pouvoir" not in tab.lemma[start:v] and not none_of


def _verdict(ctx: Context, v: int) -> bool:
    """``Le tribunal a reconnu X coupable``, ``l'a déclaré responsable``: a court's verdict is an
    act, not a statement (``reconnaît être responsable``, ``a reconnu que`` still report)."""
    tab = ctx.tab
    if tab.lemma[v] not in {"reconnaître", "déclarer"}:
        return False
    for k in range(v + 1, min(v + 7, len(tab.lower))):
        if tab.lower[k] in _VERDICTS:
            return True
        if tab.pos[k] in {"VERB", "AUX", "SCONJ", "PUNCT"}:
            return False
    return False


_VERDICTS = {"coupable", "coupables", "innocent", "innocente", "innocents", "responsable",
             "responsables", "irresponsable"}


def _blocked(doc, start: int, v: int) -> bool:
    """``refusant de confirmer``, ``s'est bien gardée de commenter``, ``n'a pas souhaité
    préciser``, ``aurait dû prévenir``: nobody speaks."""
    tab = token_table(doc)
    if start >= 3 and tab.lemma[start - 1] in {"souhaiter", "vouloir"} and (
            {"ne", "n'"} & set(tab.lower[max(0, start - 5) : start - 1])):
        return True
    if start >= 1 and tab.lemma[start - 1] == "devoir" and tab.pos[start - 1] in {"VERB", "AUX"}:
        return True  # "aurait dû prévenir", "doit annoncer jeudi": not said (yet)
    if start < 2 or tab.lower[start - 1] not in {"de", "d'"}:
        return False
    return not BLOCKING_GOVERNORS.isdisjoint(tab.lemma[max(0, start - 4) : start - 1])


def _described_demand(ctx: Context, v: int, start: int, lo: int, hi: int) -> bool:
    """``La mesure, réclamée par les éleveurs, est…``: a demand participle between commas
    describes a thing (background, no statement); ``a été exigée par`` and ``ces chiffres,
    réclamés par…`` (a claim) still report."""
    return (reporting_verbs()[ctx.reporting[v]] == "demand" and start == v and start > lo
            and ctx.tab.text[start - 1] == "," and not _about_a_claim(ctx, v, hi))


def _reports(ctx: Context, v: int, start: int, lo: int, hi: int) -> bool:
    """Is the verb at ``v`` reporting here: not negated or blocked, with what it needs, and
    not a quoted speaker's own verb (unless it is an incise)?"""
    doc = ctx.doc
    if _negated(doc, start, v) or _blocked(doc, start, v) or _verdict(ctx, v):
        return False
    if v >= 2 and ctx.tab.lower[v - 1] == "à" and ctx.tab.lemma[v - 2] == "être":
        return False  # "Aucune victime n'est à déplorer": what is to be said, by nobody
    if not _needs_met(ctx, ctx.reporting[v], v, start, lo, hi):
        return False
    return not ctx.inside[v] or _incise_position(doc, start, lo)


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


def _previous_word(doc, start: int, lo: int):
    """The token before the verb group (white space skipped), or None at the sentence start."""
    prev = doc[start - 1] if start > lo else None
    while prev is not None and prev.is_space and prev.i > lo:
        prev = doc[prev.i - 1]
    return prev


def _is_incise(doc, prev, lo: int) -> bool:
    """``…, a déclaré X``, ``« … » a souligné X``, ``comme l'affirme X``, ``ce qu'a dit X``:
    a position where the subject follows the verb."""
    if prev is None or prev.text in _INCISE_MARKS or prev.text in CLOSERS | OPENERS:
        return True
    if prev.lower_ in {"qu'", "que", "comme"}:
        return True
    return prev.lower_ in {"l'", "le"} and prev.i > lo and doc[prev.i - 1].lower_ in {
        "comme", "que", "qu'"}


def _inverted_candidate(ctx: Context, v: int, lo: int, hi: int, start: int, prev, cue: str,
                        cleft: bool) -> Candidate | None:
    """The subject after an incise verb: ``…, a indiqué lundi un responsable``."""
    doc = ctx.doc
    j = _after_verb(ctx, v, hi)
    if j is not None and doc[j].lower_ == "par":
        j = _after_verb(ctx, j, hi)
    # after a verb of saying, a noun for a person speaks too: "…, glisse un anesthésiste qui…"
    if j is not None and (_looks_like_speaker(ctx, j) or doc[j].pos_ == "NOUN" and (
            has_a_person_ending(doc[j])) and ctx.tab.lower[j - 1] in _ARTICLES):
        return Candidate(speaker_from_head(ctx, j, v + 1, hi), cue, 0, v, cleft)
    closing = j is not None and _ends_clause(ctx, j, hi) and not word_class(doc[j], "not_speaker")
    if closing and prev is not None and prev.text == "," and _sentence_initial_subject(
            ctx, lo, start) is None:
        # "…, a précisé l'état-major": a phrase closing the sentence after an incise verb
        return Candidate(speaker_from_head(ctx, j, v + 1, hi), cue, 0, v, cleft)
    return None


#: The articles before a noun for a person that speaks after an incise verb (not a number:
#: ``a compté 12 000 participants``).
_ARTICLES = {"un", "une", "le", "la", "l'", "l\u2019"}


def _participle(tok, lemma: str) -> bool:
    """A past participle, by the morphology or, when the model calls it an adjective, by the
    participle ending of its verb (``une hypothèse démentie``; not ``évoque``)."""
    endings = PARTICIPLE_ENDINGS.get(lemma[-2:], ())
    if lemma.endswith("er") and not tok.lower_.endswith(endings):
        return False  # "Le chirurgien estime par ailleurs…": the model's participle is a present
    if _is_past_participle(tok):
        return True
    # "-oit" is a present tense, never a participle ("La pédiatre croit que…")
    return tok.pos_ == "ADJ" and tok.lower_.endswith(endings) and not tok.lower_.endswith("oit")


def _is_passive(ctx: Context, tok, v: int, start: int, lo: int) -> bool:
    """``confirmé par les Occidentaux``, ``a été révélée par le GUR``, ``une hypothèse démentie
    par le ministère`` (not ``s'est dit prêt``, not ``avait jusqu'ici qualifié``)."""
    if not _participle(tok, ctx.reporting[v]):
        return False
    tab = ctx.tab
    group = range(start, v)
    if any(tab.lower[k] in {"se", "s'"} for k in group):
        return False
    if "être" in tab.lemma[start:v]:
        return True
    if any(tab.pos[k] == "AUX" or tab.lemma[k] in _PAST_AUX for k in group):
        return False
    if _infinitive_or_quote_after(ctx, v):
        return False  # "L'élue dit avoir appris…", "X dit « comprendre… »": the model's 'dit'
    # "avait jusqu'ici qualifié": a finite 'avoir' a few words before, no other verb between
    if any(tab.lemma[k] == "avoir" and "Fin" in ctx.doc[k].morph.get("VerbForm")
           and "VERB" not in tab.pos[k + 1 : v] for k in range(max(lo, v - 5), v)):
        return False
    # no auxiliary: a participle ("une hypothèse démentie par…", "…, accusés de"), unless the
    # form is a present tense with its object ("L'ONG décrit des camps")
    if "par" in tab.lower[v + 1 : v + 8]:
        return True
    finite = v + 1 < len(tab.pos) and tab.pos[v + 1] in {"DET", "NUM"} and (
        v == 0 or tab.text[v - 1] != ",")
    return not finite


def _infinitive_or_quote_after(ctx: Context, v: int) -> bool:
    """``dit avoir appris``, ``dit ne pas savoir``, ``dit « comprendre… »``: what the subject
    says follows the verb, which is therefore active (the model reads some *dit* as a
    participle)."""
    tab = ctx.tab
    k = v + 1
    while k < len(tab.pos) and (tab.pos[k] == "ADV" or tab.lower[k] in {"ne", "n'"}):
        k += 1
    if k >= len(tab.pos):
        return False
    return tab.text[k] in OPENERS or _infinitive_after(ctx, v, len(tab.pos))


def _agent_candidate(ctx: Context, tok, v: int, hi: int, cue: str) -> Candidate | None:
    """The agent of a passive reporting verb (``par X``), skipping adverbs and a short time or
    place phrase (``démentie dans la soirée par le ministère``); None without one."""
    tab = ctx.tab
    k = v + 1
    while k < hi and (tab.pos[k] == "ADV" or _word_class_at(tab, k, "skip")):
        k += 1
    if k < hi and tab.lower[k] in {"dans", "en", "lors", "dès", "vers", "au", "à"}:
        by = next((x for x in range(k + 1, min(hi, k + 6)) if tab.lower[x] == "par"), None)
        if by is not None and not any(tab.is_punct[x] for x in range(k, by)):
            k = by
    if k < hi and tab.lower[k] == "par":
        j = _after_verb(ctx, k, hi)
        if j is not None:
            return Candidate(speaker_from_head(ctx, j, k + 1, hi), cue, _verb_rank(tok), v)
    return None  # "Il a été constaté que…", "les victimes signalées": no speaker


def _noun_before_participle(ctx: Context, tok, start: int, lo: int) -> int | None:
    """``une motion réclamant le maintien``, ``des riverains dénonçant le bruit``: a present
    participle right after a noun (its adjectives skipped, no comma) describes that noun; the
    noun's index, else None."""
    if "Inf" in tok.morph.get("VerbForm"):
        return None
    tab, k = ctx.tab, start - 1
    while k > lo and tab.pos[k] == "ADJ":
        k -= 1
    return k if k >= lo and tab.pos[k] in {"NOUN", "PROPN"} else None


def _gerund_candidate(ctx: Context, tok, v: int, lo: int, hi: int, start: int, cue: str,
                      rank: int, previous: Candidate | None) -> Candidate:
    """``…, estimant que``, ``Avant d'ajouter :``: the subject of the governing clause."""
    doc = ctx.doc
    noun = _noun_before_participle(ctx, tok, start, lo)
    if noun is not None:  # "une motion réclamant…": the noun's, a thing does not speak
        return Candidate(speaker_from_head(ctx, noun, lo, start), cue, 1, v)
    if previous is not None and previous.speaker is not None:
        return Candidate(previous.speaker, cue, previous.rank, v)
    on = next((k for k in range(max(lo, start - 3), start) if ctx.tab.lower[k] == "on"), None)
    if on is not None:  # "Dans l'entourage de la ministre, on veut croire que…"
        place = locative_source(ctx, lo, on)
        return Candidate(speaker_from_head(ctx, place, lo, on) if place is not None else None,
                         cue, rank, v)
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


def _comme_candidate(ctx: Context, v: int, hi: int, cue: str) -> Candidate:
    """The subject after the verb of a clause of comparison when it can speak (``comme l'a
    annoncé le ministre``); a rule or a text is nobody (``comme l'exige la réglementation``),
    and a body named before the clause is not its subject (``a notifié l'incident à la CNIL,
    comme l'exige…``)."""
    j = _after_verb(ctx, v, hi)
    if j is None or not _looks_like_speaker(ctx, j):
        return Candidate(None, cue, 0, v)
    return Candidate(speaker_from_head(ctx, j, v + 1, hi), cue, 0, v)


def _subject_candidate(ctx: Context, tok, v: int, lo: int, hi: int, start: int, cue: str,
                       rank: int, cleft: bool, incise: bool) -> Candidate | None:
    """``X a déclaré…``: the subject before the verb; an incise whose subject comes later;
    ``À Bercy, on relativise``: the place that stands for a body."""
    doc = ctx.doc
    j = _clause_subject(ctx, tok, lo, hi, start)
    if j is not None:
        if doc[j].lower_ == "qui" and tok.head is not tok and tok.head.pos_ in {"NOUN", "PROPN"}:
            return Candidate(speaker_from_head(ctx, tok.head.i, lo, hi), cue, 1, v, cleft)
        if doc[j].lower_ == "qui":
            # "Un automobiliste qui suivait le car affirme": the model makes the verb a
            # conjunct of the relative clause's; the antecedent is the phrase before "qui"
            ante = _before_verb(ctx, j, lo)
            return Candidate(speaker_from_head(ctx, ante, lo, start) if ante is not None else None,
                             cue, rank, v, cleft)
        # the subject's phrase ends before the verb ("le gouvernement parle d'un…")
        found = speaker_from_head(ctx, j, lo, start if j < start else hi)
        qui = start - 1 if start > lo and ctx.tab.lower[start - 1] == "qui" else None
        ante = relative_antecedent(ctx, qui, lo) if found is None and qui is not None else None
        if ante is not None:  # "l'avis du collectif X, qui affirme": the model gives "qui"
            found = speaker_from_head(ctx, ante, ante, qui - 1)  # the head "avis"
        return Candidate(found, cue, rank, v, cleft)
    if incise:
        j = _after_verb(ctx, v, hi)
        if j is not None:
            return Candidate(speaker_from_head(ctx, j, v + 1, hi), cue, 0, v, cleft)
    if start > lo and ctx.tab.lower[start - 1] == "on":
        place = locative_source(ctx, lo, start - 1)
        if place is not None:
            return Candidate(speaker_from_head(ctx, place, lo, start), cue, rank, v, cleft)
    return None


def verb_candidate(ctx: Context, v: int, lo: int, hi: int,
                   previous: Candidate | None = None) -> Candidate | None:
    """The speaker of the reporting verb at token ``v`` (within the sentence ``lo:hi``). A verb
    of saying in the conditional (``Selon Le Parisien, Matignon aurait demandé…``) reports what
    someone is said to have said: it ranks as citing, after the source that says so."""
    cand = _verb_candidate(ctx, v, lo, hi, previous)
    start = _verb_group_start(ctx.doc, v, lo)
    if cand is not None and any(is_conditional(t) for t in ctx.doc[start : v + 1]):
        return Candidate(cand.speaker, cand.cue, max(cand.rank, 2), cand.pos, cand.cleft)
    return cand


def _verb_candidate(ctx: Context, v: int, lo: int, hi: int,
                    previous: Candidate | None = None) -> Candidate | None:
    doc = ctx.doc
    tok = doc[v]
    start = _verb_group_start(doc, v, lo)
    if not _reports(ctx, v, start, lo, hi):
        return None
    cue = ctx.reporting[v]
    found = impersonal_source(ctx, v, lo, hi, start, cue)
    if found is not None:
        return found
    if _after_comme(ctx, start, lo):
        return _comme_candidate(ctx, v, hi, cue)
    cleft = _is_cleft(doc, start, lo)
    clitic = _clitic_subject(doc, start, v, hi)
    if clitic is not None:
        return Candidate(resolve_pronoun(ctx, clitic), cue, 0, v)
    prev = _previous_word(doc, start, lo)
    gerund = _is_gerund_or_infinitive(tok)
    incise = _is_incise(doc, prev, lo) and not (
        prev is not None and prev.text == "," and subject_before_comma(ctx, lo, start))
    if incise and not gerund:
        cand = _inverted_candidate(ctx, v, lo, hi, start, prev, cue, cleft)
        if cand is not None:
            return cand
    if _is_passive(ctx, tok, v, start, lo):
        if _described_demand(ctx, v, start, lo, hi):
            return None
        return _agent_candidate(ctx, tok, v, hi, cue)
    rank = 0 if incise and not gerund else _verb_rank(tok)
    if gerund:
        return _gerund_candidate(ctx, tok, v, lo, hi, start, cue, rank, previous)
    return _subject_candidate(ctx, tok, v, lo, hi, start, cue, rank, cleft, incise)
