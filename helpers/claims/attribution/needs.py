"""What a reporting verb needs around it to report (``reporting_verbs.csv``, column ``needs``:
:func:`_needs_met`): a clause right after it (``a dévoilé que``, past ``par ailleurs``), an
adjective (``juge « préoccupante »``), a figure or a count, a quote or an incise, *à*. Without
it the verb does something else (``assurer la sécurité``, ``a lancé une offensive``)."""

from __future__ import annotations

from helpers.claims.affiliations import country_in
from helpers.claims.attribution.groups import (
    _PAST_AUX,
    _after_comme,
    _clitic_subject,
    _is_past_participle,
    _verb_group_start,
)
from helpers.claims.attribution.impersonal import impersonal_on
from helpers.claims.attribution.lexicon import (
    CLOSERS,
    OPENERS,
    _word_class_at,
    is_general_role,
    is_number,
    reporting_verbs,
    verb_needs,
    word_class,
)
from helpers.claims.attribution.model import Context
from helpers.claims.attribution.subjects import _after_verb, _looks_like_speaker
from helpers.claims.hedging import has_complement
from helpers.core.nlp import token_table


def _incise_position(doc, start: int, lo: int) -> bool:
    prev = token_table(doc).text[start - 1] if start > lo else None
    return prev is not None and (prev in {",", "—", "–"} or prev in CLOSERS)


def _right_after_a_quote(tab, start: int, lo: int) -> bool:
    """``« … », sourit-il``, ``« … » sourit-il``: the verb group follows a closing quote mark."""
    k = start - 1
    if k >= lo and tab.text[k] == ",":
        k -= 1
    return k >= lo and tab.text[k] in CLOSERS


def _right_after_a_clause(ctx: Context, start: int, lo: int) -> bool:
    """The verb group follows a comma that ends a clause with its own verb (``Une réouverture
    pourrait intervenir à l'automne, avance…``), not a phrase (``L'armée, avance…``)."""
    return start - 1 > lo and any(ctx.tab.pos[k] in {"VERB", "AUX"} for k in range(lo, start - 1))


def _introduces_clause(ctx: Context, v: int, lo: int, hi: int) -> bool:
    """``a assuré que…``, ``juge « inquiétante »``, ``…, a répondu X``: the verb reports (an
    incise only with someone after it: ``…, alerte activée`` is not one)."""
    doc = ctx.doc
    if has_complement(doc[lo:hi], v - lo) or any(ctx.inside[lo:hi]):
        return True
    if not _incise_position(doc, _verb_group_start(doc, v, lo), lo):
        return False
    j = _after_verb(ctx, v, hi)
    return j is not None and _looks_like_speaker(ctx, j) or _clitic_subject(
        doc, _verb_group_start(doc, v, lo), v, hi) is not None


def _figure_near(ctx: Context, v: int, lo: int, hi: int, classes: tuple[str, ...]) -> bool:
    """A number or a word of ``classes`` after the verb (to the clause's end) or just before it
    (``les 41 000 manifestants recensés``)."""
    tab = ctx.tab
    end = next((k for k in range(v + 1, hi) if tab.text[k] in {";", ".", ":"}), hi)
    before = range(max(lo, v - 4), v) if "figure_word" in classes else range(0)
    window = [*before, *range(v + 1, min(end, v + 16))]
    if "figure_word" in classes and any(is_number(tab, k) for k in window):
        return True
    return any(_word_class_at(tab, k, c) for k in window for c in classes)


def _adjective_after(ctx: Context, v: int, hi: int) -> bool:
    """``juge peu probable``, ``a qualifié inacceptable``, ``juge « préoccupante »``: an
    assessment without a clause."""
    tab = ctx.tab
    k = v + 1
    while k < hi and (tab.pos[k] == "ADV" or tab.text[k] in OPENERS or tab.text[k].isspace()):
        k += 1
    # the small model tags some adjectives as verbs after an adverb ("peu probable")
    return k < hi and (tab.pos[k] == "ADJ" or tab.lower[k].endswith(("able", "ible"))) or (
        _object_then_adjective(ctx, v, hi))


def _object_then_adjective(ctx: Context, v: int, hi: int) -> bool:
    """``juge l'action du gouvernement insuffisante``, ``juge la réforme injuste``: an object
    that is no person, then an adjective that says what it is judged (not a nationality or a
    court's word: ``juger le soldat russe``, ``l'affaire pénale``). Read on the words, as the
    small model hangs such an adjective anywhere."""
    tab = ctx.tab
    if v + 2 >= hi or tab.pos[v + 1] != "DET" or reporting_verbs().get(ctx.reporting[v]) != (
            "assessment"):
        return False
    noun = next((k for k in range(v + 2, min(hi, v + 4)) if tab.pos[k] in {"NOUN", "ADJ"}), None)
    if noun is None or ctx.doc[noun].ent_type_ == "PER" or is_general_role(tab.lower[noun]) or any(
            _word_class_at(tab, noun, c) for c in ("role_head", "anonymous_head")):
        return False
    for k in range(noun + 1, hi):
        if tab.pos[k] in {"PUNCT", "CCONJ", "VERB", "AUX", "SCONJ"}:
            return False
        if tab.pos[k] == "ADJ" and not country_in(tab.text[k]) and (
                tab.lemma[k] not in _COURT_WORDS):
            return True
    return False


#: Adjectives of the courts, which name a case, not a judgement of it (*l'affaire pénale*).
_COURT_WORDS = {"pénal", "civil", "criminel", "correctionnel", "administratif", "judiciaire"}


def _counts(ctx: Context, v: int, start: int, lo: int, hi: int) -> bool:
    """``en a compté 318 000``, ``a compté 9 000 manifestants``: counting, a past event or with
    *en*/*y*; ``l'ambassade compte trente agents`` states what it has."""
    tab = ctx.tab
    past = any(tab.lemma[k] in _PAST_AUX for k in range(start, v)) or _is_past_participle(
        ctx.doc[v])
    clitic = any(tab.lower[k] in {"en", "y"} for k in range(max(lo, start - 1), v))
    return (past or clitic) and _figure_near(ctx, v, lo, hi, ("figure_word", "measure_word"))


def _clause_right_after(ctx: Context, v: int, hi: int) -> bool:
    """``a dévoilé que…``, ``relève : « … »``: a clause or a quote right after the verb (not a
    *que* further on: ``recensent les inscrits, qu'ils cherchent ou non…``)."""
    tab = ctx.tab
    k = _past_adverbials(tab, v + 1, hi)
    return k < hi and (tab.lower[k] in {"que", "qu'"} or tab.text[k] in {":", *OPENERS, '"'})


def _past_adverbials(tab, k: int, hi: int) -> int:
    """The first token from ``k`` past adverbs (``aussi``), a preposition with its adverb
    (``par ailleurs``, ``d'ailleurs``) and a short incise between commas (``, pour sa part,``),
    which French puts between a verb of saying and its clause."""
    while k < hi:
        if tab.pos[k] == "ADV" or tab.text[k].isspace():
            k += 1
        elif tab.pos[k] == "ADP" and k + 1 < hi and tab.pos[k + 1] == "ADV":
            k += 2
        elif tab.text[k] == "," and (close := next(
                (j for j in range(k + 1, min(hi, k + 6)) if tab.text[j] == ","), None)) and not any(
                tab.lower[j] in {"que", "qu'"} or tab.text[j] in OPENERS for j in range(k, close)):
            k = close + 1
        else:
            return k
    return k


def _about_a_claim(ctx: Context, v: int, hi: int) -> bool:
    """``conteste ces chiffres``, ``cette version est contestée par``: the verb's object or
    passive subject is a claim (a figure, a document, a version), not an action."""
    tok = ctx.doc[v]  # (hi: the signature of _adjective_after)
    nouns = [c for c in tok.children if c.i < hi and c.dep_ in {"obj", "nsubj:pass", "nsubj"}
             and c.pos_ in {"NOUN", "PROPN"}]
    # "conteste une partie de l'analyse": a part of a claim is a claim
    doc = ctx.doc
    nouns += [doc[n.i + 2 + (doc[n.i + 2].pos_ == "DET")] for n in nouns if n.lower_ in _PARTS
              and n.i + 3 < hi and doc[n.i + 1].lower_ in {"de", "des", "du", "d'"}]
    # "conteste toute intention frauduleuse": denying any of something is a statement
    return any(word_class(n, c) for n in nouns for c in (
        "claim_noun", "document_head", "figure_word", "measure_word")) or any(
        n.i > 0 and doc[n.i - 1].lower_ in {"tout", "toute", "tous", "toutes"} for n in nouns)


#: Nouns for a part of what follows them: *une partie de l'analyse*, *l'essentiel des chiffres*.
_PARTS = {"partie", "essentiel", "ensemble", "totalité", "moitié"}


def _warns_about(ctx: Context, v: int, hi: int) -> bool:
    """``alerte (de son côté) sur les conséquences``: a warning about something is a statement
    (not ``a alerté les secours``, an action)."""
    k = v + 1
    while k < hi and k < v + 6 and (ctx.tab.pos[k] == "ADV" or ctx.tab.lower[k] in _ASIDE):
        k += 1
    return k < hi and ctx.tab.lower[k] == "sur"


#: The words of an aside between a verb and its complement: *de son côté*, *à son tour*.
_ASIDE = {"de", "son", "leur", "côté", "à", "tour", "pour", "sa", "part"}


def _reflexive_de(ctx: Context, v: int, start: int, hi: int) -> bool:
    """``s'inquiète (lui aussi) d'un effet domino``: a reflexive verb of feeling and what it is
    about, said by its subject (not ``inquiétés par la DNCG``, a passive)."""
    tab = ctx.tab
    if not {"s'", "se"} & set(tab.lower[max(0, start - 1) : v]):
        return False
    return any(tab.lower[k] in {"de", "d'", "du", "des"} for k in range(v + 1, min(hi, v + 5)))


#: Words between a verb of saying and its infinitive: negation, clitics, *en revanche*.
_BEFORE_INF = {"ne", "n'", "pas", "plus", "jamais", "rien", "se", "s'", "en", "y", "revanche",
               "toutefois", "pourtant", "de", "d'"}


def _infinitive_after(ctx: Context, v: int, hi: int) -> bool:
    """``raconte dormir dans sa voiture``, ``explique avoir tout perdu``: an infinitive (past an
    adverb or a negation) says what was told, as a clause would."""
    k = v + 1  # past adverbs, a negation, clitics: "dit ne plus rien attendre"
    if ctx.tab.lower[k : k + 2] == ["quant", "à"]:  # "menace quant à lui de saisir…"
        k += 3
    while k < hi and k < v + 5 and (ctx.tab.pos[k] == "ADV" or ctx.tab.lower[k] in _BEFORE_INF):
        k += 1
    if k >= hi:
        return False
    tok = ctx.doc[k]  # the model may tag it a noun right after the verb ("raconte dormir")
    return "Inf" in tok.morph.get("VerbForm") or k == v + 1 and tok.pos_ in {
        "NOUN", "VERB", "AUX"} and tok.is_lower and tok.lower_.endswith(("er", "ir", "re", "oir"))


def _needs_met(ctx: Context, cue: str, v: int, start: int, lo: int, hi: int) -> bool:
    """Does the verb have what it needs to report (``reporting_verbs.csv``, ``needs``)?"""
    need = verb_needs().get(cue, "")
    if not need:
        return True
    if need in {"clause", "quote"} and reporting_verbs()[cue] != "demand" and _after_comme(
            ctx, start, lo):
        return True  # "comme l'a rappelé X" says what X said; "comme l'a demandé X" does not
    if need in _PLACED:
        return _PLACED[need](ctx, v, start, lo, hi)
    if need in {"clause", "claim"}:  # or an assessment ("juge probable"), a claim disputed
        other = _adjective_after if need == "clause" else _about_a_claim
        if reporting_verbs()[cue] == "warning" and _warns_about(ctx, v, hi):
            return True
        return _introduces_clause(ctx, v, lo, hi) or other(ctx, v, hi) or (
            _infinitive_after(ctx, v, hi)) or (  # "raconte dormir…", "conteste avoir fabriqué…"
            _reflexive_de(ctx, v, start, hi))
    if _clause_right_after(ctx, v, hi):
        return True
    if need == "measure":  # or an incise after a quote or a clause: "…, avance un agent"
        return _figure_near(ctx, v, lo, hi, ("measure_word",)) or _incise_position(
            ctx.doc, start, lo) and _right_after_a_clause(ctx, start, lo)
    return _incise_position(ctx.doc, start, lo) or _figure_near(
        ctx, v, lo, hi, ("figure_word", "measure_word"))


#: The needs met by what stands at a place around the verb, each tested by one rule.
_PLACED = {
    "à": lambda ctx, v, start, lo, hi: any(
        ctx.tab.lower[k] in {"à", "au", "aux"} for k in range(v + 1, min(hi, v + 8))),
    "count": lambda ctx, v, start, lo, hi: _counts(ctx, v, start, lo, hi),
    "quote": lambda ctx, v, start, lo, hi: any(ctx.inside[lo:hi]) or _incise_position(
        ctx.doc, start, lo),
    # a verb of manner speaks only right after a quote: "« … », sourit-il"
    "incise": lambda ctx, v, start, lo, hi: _right_after_a_quote(ctx.tab, start, lo),
    "on": lambda ctx, v, start, lo, hi: impersonal_on(ctx, start, v, hi),
    # a verb with its subject, not a participle ("l'entreprise mise en cause", "le marché
    # attribué par l'État")
    "active": lambda ctx, v, start, lo, hi: not _is_past_participle(ctx.doc[v]) or (
        start < v and ctx.tab.lemma[start] == "avoir" and "été" not in ctx.tab.lower[start:v]),
    # a quote, or the reason given with par: "justifie cette mesure par la hausse des accidents"
    "reason": lambda ctx, v, start, lo, hi: _PLACED["quote"](ctx, v, start, lo, hi) or any(
        ctx.tab.lower[k] == "par" for k in range(v + 1, min(hi, v + 8))),
    "forecast": lambda ctx, v, start, lo, hi: _forecasts(ctx, v, lo, hi),
}


def _forecasts(ctx: Context, v: int, lo: int, hi: int) -> bool:
    """``Météo-France prévoit jusqu'à 38 °C``, ``la mairie prévoit 700 000 euros``: a figure
    someone named foresees, not what a text or a project provides for (``le projet prévoit``,
    ``ce texte prévoit que``) nor a plan (``prévoit d'organiser``)."""
    tab, doc = ctx.tab, ctx.doc
    if v + 1 < hi and tab.lower[v + 1] in {"de", "d'"}:
        return False
    subject = next((c for c in doc[v].children if c.dep_ == "nsubj"), None)
    if subject is None and v - 1 >= lo and tab.pos[v - 1] in {"NOUN", "PROPN"}:
        subject = doc[v - 1]  # "La mairie prévoit…": the model may hang the verb on its noun
    named = subject is not None and (subject.pos_ == "PROPN" or subject.ent_type_ == "ORG" or any(
        _word_class_at(tab, subject.i, c) for c in ("role_head", "institution_head", "local_body",
                                                    "generic_org")))
    return named and _figure_near(ctx, v, lo, hi, ("figure_word", "measure_word"))
