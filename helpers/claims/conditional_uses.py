"""When a conditional is grammar, not caution: the *futur dans le passé* after a past verb of
saying (``a promis que son pays resterait``, ``avait promis au Midi Libre qu'une réunion serait
organisée``), a conditional after a hypothesis (``Si l'annulation devenait définitive, le
préfet devrait…``) and an obligation unmet (``aurait dû atteindre``).
:mod:`helpers.claims.hedging` does not count these as hedges.

Written by hand: no library tells a French conditional of report from one of tense or
hypothesis. The parse is read first; word order takes over where the parse of the *que* clause
breaks (a quote or an addressee in it)."""

from __future__ import annotations

#: Modal verbs, whose conditional stays a hedge even in a *que* clause (``pourrait``).
MODALS = {"pouvoir", "devoir"}
PAST_TENSES = {"Imp", "Past"}
_QUE = {"que", "qu'"}


def grammatical(tok) -> bool:
    """Is the conditional ``tok`` the future in the past or the consequence of a hypothesis?"""
    return _future_in_past(tok) or _future_in_past_by_order(tok) or _after_a_hypothesis(tok) or (
        _should_have(tok))


def _should_have(tok) -> bool:
    """``aurait dû atteindre``: the conditional past of *devoir* says what should have been,
    an obligation unmet, not a claim left to its source."""
    return tok.lemma_ == "avoir" and any(t.lower_ in {"dû", "due", "dus", "dues"}
                                        for t in tok.doc[tok.i + 1 : tok.i + 3])


def main_verb(tok):
    """The lexical verb a conditional auxiliary belongs to (``auraient`` → ``tiré``)."""
    if tok.dep_.startswith(("aux", "cop")) and tok.head is not tok:
        return tok.head
    return tok


def _is_compound(tok) -> bool:
    """``aurait décidé``, ``seraient entrés``: a conditional auxiliary + past participle."""
    if tok.lemma_ not in {"avoir", "être"}:
        return False
    nxt = tok.doc[tok.i + 1 : tok.i + 4]
    return any("Part" in t.morph.get("VerbForm") and "Past" in t.morph.get("Tense") for t in nxt)


#: Verbs of commitment after which a passive conditional is still the future in the past
#: (``a promis que la demande serait examinée``).
_COMMITMENTS = {"promettre", "annoncer", "assurer", "garantir", "engager", "jurer"}


#: The verbs whose compound tenses take *être* (and their compounds): with them *seraient* +
#: participle is a conditional past (``seraient entrés``: an allegation), not a passive.
_ETRE_VERBS = {"aller", "venir", "arriver", "partir", "entrer", "rentrer", "sortir", "monter",
               "descendre", "naître", "mourir", "décéder", "tomber", "rester", "retourner",
               "devenir", "revenir", "parvenir", "survenir", "intervenir", "passer", "repartir",
               "ressortir", "redescendre", "remonter", "retomber", "apparaître", "disparaître"}


def _passive_present(tok, verb) -> bool:
    """``seraient mobilisés``: *être* in the conditional present with a transitive verb's
    participle, a passive (the future in the past after any past verb of saying); not
    ``seraient entrés`` (a verb taking *être*) nor ``se seraient rendus`` (a pronominal one)."""
    if tok.lemma_ != "être" or verb is tok or verb.lemma_ in _ETRE_VERBS:
        return False
    before = tok.doc[max(0, tok.i - 2) : tok.i]
    return not any(t.lower_ in {"se", "s'"} for t in before)


def _future_in_past(tok) -> bool:
    """``a promis que son pays resterait``: a simple conditional in a *que* clause governed by a
    verb in a past tense is the *futur dans le passé* (not modals: ``pourrait`` stays a hedge);
    so is a passive one after a promise (``a promis que la demande serait examinée``)."""
    verb = main_verb(tok)
    if verb.lemma_ in MODALS or tok.lemma_ in MODALS:
        return False
    compound = _is_compound(tok)
    if compound and tok.lemma_ != "être":
        return False
    clause = verb
    for _ in range(4):  # climb to the head of the clause
        if _opens_with_que(clause):
            break
        if clause.head is clause:
            return False
        clause = clause.head
    else:
        return False
    governor = clause.head
    if governor is clause or not _opens_with_que(clause):
        return False
    for _ in range(2):  # "a dit à la radio qu'elle ne « fermerait pas »": the model hangs the
        if governor.pos_ in {"VERB", "AUX"} or governor.head is governor:  # clause on a noun
            break
        governor = governor.head
    # a conditional past ("seraient entrés") after a neutral verb is an allegation; a passive
    # present ("seraient mobilisés", the auxiliary of the passive) is the future in the past
    if compound and governor.lemma_ not in _COMMITMENTS and not _passive_present(tok, verb):
        return False
    tenses = set(governor.morph.get("Tense"))
    has_aux = any(c.dep_.startswith("aux") for c in governor.children)
    past_participle = "Part" in governor.morph.get("VerbForm") and "Past" in tenses and has_aux
    past_finite = "Fin" in governor.morph.get("VerbForm") and tenses & PAST_TENSES
    return bool(past_participle or past_finite)


def _opens_with_que(clause) -> bool:
    """Is ``clause`` a *que* clause: a *que* marking it, or opening it (the model attaches
    ``qu'`` to the clause's subject in ``a indiqué qu'une dizaine de psychologues seraient…``)?"""
    return any(c.lower_ in {"que", "qu'"} and c.dep_ == "mark" for c in clause.children) or (
        clause.left_edge.lower_ in {"que", "qu'"} and clause.left_edge.i < clause.i)


def _future_in_past_by_order(tok) -> bool:
    """The future in the past read by word order when the parse of the *que* clause breaks
    (``avait promis au Midi Libre qu'une réunion serait organisée``, ``avait promis que les
    apiculteurs seraient « accompagnés »``): a *que* before the conditional, no other verb in
    between, and just before the *que* (past an addressee) a verb of saying in a past tense."""
    doc, sent = tok.doc, tok.sent
    if tok.lemma_ in MODALS or main_verb(tok).lemma_ in MODALS:
        return False
    que = next((k for k in range(tok.i - 1, max(sent.start, tok.i - 10) - 1, -1)
                if doc[k].lower_ in _QUE), None)
    if que is None or any(doc[k].pos_ in {"VERB", "AUX"} and doc[k].lower_ not in _QUE
                          for k in range(que + 1, tok.i)):
        return False
    for k in range(que - 1, max(sent.start, que - 6) - 1, -1):
        t = doc[k]
        if t.pos_ not in {"VERB", "AUX"} or "Inf" in t.morph.get("VerbForm") and (
                k > sent.start and doc[k - 1].lemma_ == "faire"):
            continue  # "a fait savoir … qu'elle ne reprendrait": the tense is faire's
        past = "Part" in t.morph.get("VerbForm") and k > sent.start and doc[k - 1].lemma_ in {
            "avoir", "être"} or set(t.morph.get("Tense")) & PAST_TENSES
        committed = t.lemma_ in _COMMITMENTS or not _is_compound(tok) or _passive_present(
            tok, main_verb(tok))
        return bool(past) and committed
    return False


def _after_a_hypothesis(tok) -> bool:
    """``Si l'annulation devenait définitive, le préfet devrait nommer…``: a conditional after a
    *si* clause in the imperfect states what would follow a hypothesis, not a reported claim."""
    doc, sent = tok.doc, tok.sent
    si = next((k for k in range(sent.start, tok.i) if doc[k].lower_ in {"si", "s'"}
               and (k == sent.start or doc[k - 1].is_punct)), None)
    if si is None:
        return False
    comma = next((k for k in range(si + 1, tok.i) if doc[k].text == ","), None)
    return comma is not None and any("Imp" in doc[k].morph.get("Tense")
                                     for k in range(si + 1, comma))
