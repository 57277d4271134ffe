"""The context of one article, computed once before any rule runs: actor mentions, quotes,
cue phrases, reporting verbs and the subject-like mentions pronouns can refer to."""

from __future__ import annotations

from helpers.claims.attribution.bodies import described_bodies
from helpers.claims.attribution.cues import _cue_matcher
from helpers.claims.attribution.lexicon import (
    _ARTICLES,
    _PREPOSITIONS_NOT_PAR,
    INDEFINITE,
    PREPOSITIONS,
    SUBJECT_DEPS,
    _reporting_lemmas,
    _word_class_at,
    is_title,
)
from helpers.claims.attribution.model import Context
from helpers.claims.attribution.naming import _as_written, _speaker_from_actor
from helpers.claims.attribution.nouns import speaker_from_head
from helpers.claims.attribution.phrases import np_extent
from helpers.claims.attribution.quotes import quote_state
from helpers.core.actors import find_actors
from helpers.core.nlp import entity_bounds, sentences, token_table


def build_context(doc) -> Context:
    ctx = Context(doc=doc, tab=token_table(doc))
    ctx.mentions = find_actors(doc)
    for m in ctx.mentions:
        for i in range(m.start, m.end):
            ctx.mention_at[i] = m
    ctx.inside, ctx.unclosed = quote_state(doc)
    # ordered by start, then cue, then end
    ctx.cues = sorted(((doc.vocab.strings[m], s, e) for m, s, e in _cue_matcher(doc.vocab)(doc)),
                      key=lambda c: (c[1], c[0], c[2]))
    ctx.reporting = _reporting_lemmas(doc, ctx.tab)
    ctx.subjects = _subject_mentions(ctx)
    named = _named_subjects(ctx)
    people = [(pos, sp) for pos, sp in named if sp.kind == "person"]
    ctx.subjects = sorted(ctx.subjects + people + _people_interviewed(ctx), key=lambda x: x[0])
    ctx.main_subjects = _main_subjects(ctx) | {pos for pos, _ in people}
    # bodies named as a subject are antecedents of a later "la préfecture", not of "il"
    ctx.named = sorted([(pos, sp) for pos, sp in named if sp.kind == "institution"]
                       + described_bodies(ctx), key=lambda x: x[0])
    return ctx


def _named_subjects(ctx: Context) -> list:
    """People and bodies named as the subject of their sentence, whatever the verb (``Arrivé à
    Anduze, le ministre de l'Intérieur, Bertrand Lacombe, a survolé…``, ``Le rectorat de Lille a
    fermé 80 écoles``): a later *il* or *le rectorat* may be them."""
    tab, out = ctx.tab, []
    for sent in sentences(ctx.doc):
        # the first subject of a main verb (the root, or the verb a participle opening the
        # sentence hangs on: "Arrivé à Anduze, le ministre… a survolé")
        subjects = [t for t in sent if t.dep_ in {"nsubj", "nsubj:pass"} and (
            t.head.dep_ in _MAIN_VERB or t.head.pos_ == "VERB" and t.head.dep_ not in _EMBEDDED)
            and not ctx.inside[t.i]]
        subj = subjects[0] if subjects else None
        if subj is not None and not _named_at(tab, subj):
            # "Guide de haute montagne…, Mathieu Etchegaray connaît…": the person, when the
            # parse also makes the description a subject
            subj = next((t for t in subjects if t.ent_type_ == "PER"), subj)
        # "Le groupe Nordalu, numéro deux de l'aluminium, va…": the parse may make the
        # apposition the subject, and the name before it the apposition's subject
        subj = next((c for c in subj.children if c.dep_ == "nsubj" and c.i < subj.i), subj) if (
            subj is not None) else _person_before_root(ctx, sent)
        if subj is not None and subj.pos_ == "PROPN" and subj.i > sent.start and any(
                _word_class_at(tab, subj.i - 1, c) for c in ("institution_head", "generic_org")):
            subj = ctx.doc[subj.i - 1]  # "l'association Bords de Tarn": the body's noun heads it
        if subj is not None and subj.pos_ == "PROPN" and subj.i >= sent.start + 3 and (
                tab.text[subj.i - 1] == ","):  # "Le proviseur, Marc Aubin, a…": the role heads it
            role = _role_before(ctx, sent.start, subj.i - 1)
            subj = role if role is not None else subj
        if subj is None or subj.i in ctx.mention_at:
            continue
        # "Au moins 60 services d'urgences avaient dû fermer": a count names nobody
        if not _named_at(tab, subj) or any(c.like_num for c in subj.children if c.i < subj.i):
            continue
        verb = subj.head.i if subj.head.i > subj.i else sent.root.i
        sp = speaker_from_head(ctx, subj.i, sent.start, verb if verb > subj.i else sent.end)
        # a person by a name of two words at least ("Capital a interrogé…" names no person)
        # a body by more than its bare noun ("Le mouvement, lancé lundi, …" names no body)
        if sp is not None and (sp.kind == "person" and sp.name[:1].isupper() and (
                " " in sp.name or sp.role) or sp.kind == "institution" and not (
                sp.name.islower() and " " not in sp.name)):
            out.append((subj.i, sp))
            if sp.kind == "institution":  # "Le tribunal de Rodez… Le tribunal…": the bare
                ctx.named.append((subj.i, sp))  # noun of a later subject goes back to it
    return out


def _role_before(ctx: Context, start: int, comma: int):
    """The head of the role opening the sentence and ending at ``comma`` (``Le proviseur``,
    ``Le principal du collège``), or None."""
    tab, k = ctx.tab, start
    while k < comma and tab.pos[k] == "DET":
        k += 1
    if k < comma and _word_class_at(tab, k, "role_head") and np_extent(
            ctx.doc, k, start, comma)[1] == comma:
        return ctx.doc[k]
    return None


#: Verbs whose object is someone the article then quotes: ``Capital a interrogé le Pr
#: Mathieu Schaller… Le spécialiste estime``.
_INTERVIEWS = {"interroger", "joindre", "contacter", "consulter", "interviewer", "rencontrer",
               "solliciter"}


def _people_interviewed(ctx: Context) -> list:
    """People named as the object of a verb of interviewing, antecedents of a later pronoun or
    description (not main subjects: they do not block a pronoun's way back)."""
    tab, out = ctx.tab, []
    for k in [k for k, lemma in enumerate(tab.lemma) if lemma in _INTERVIEWS]:
        if tab.pos[k] != "VERB" or ctx.inside[k]:
            continue
        j = next((j for j in range(k + 1, min(len(tab.text), k + 5)) if tab.pos[j] == "PROPN"
                  or is_title(tab.text[j])), None)
        if j is None:
            continue
        sp = speaker_from_head(ctx, j, k + 1, ctx.doc[k].sent.end)
        if sp is not None and sp.kind == "person" and " " in sp.name:
            out.append((j, sp))
    return out


def _named_at(tab, subj) -> bool:
    """Does the subject ``subj`` name someone: a name, a body, a role?"""
    return tab.pos[subj.i] == "PROPN" or subj.ent_type_ == "ORG" or _word_class_at(
        tab, subj.i, "role_head") or _word_class_at(tab, subj.i, "institution_head") or (
        tab.is_title[subj.i] and _word_class_at(tab, subj.i, "local_body"))  # "le Grand Port…"


def _person_before_root(ctx: Context, sent):
    """The first person the model names before the sentence's main verb, outside a quote and
    not after a preposition, when the parse gives the verb no subject (``la maire, Annick
    Floc'h, a fait fermer…``: the apostrophe breaks the parse; ``Dans un collège de Lyon, Camille
    Royer… partage…``: the model makes the opening complement the root)."""
    tab, root = ctx.tab, sent.root.i
    # "Le vétérinaire du refuge, Thomas Lagarde, examine…": the model reads the verb as a noun
    # and makes the role the root
    if tab.pos[root] in {"NOUN", "PROPN"} and (sent[0].pos_ == "ADP" or any(
            t.dep_ == "appos" and t.ent_type_ == "PER" and t.head.i == root for t in sent)):
        root = sent.end
    for start, end, label in entity_bounds(ctx.doc):
        if end <= sent.start or start >= sent.end:
            continue
        # "Le manager de l'équipe X, Patrick Sauvat, est…": a name between commas, wherever
        # the model puts the root
        between_commas = tab.text[start - 1] == "," and end < sent.end and tab.text[end] == ","
        if start >= root and not (between_commas and tab.pos[root] not in {"VERB", "AUX"}):
            continue
        if label == "PER" and start > sent.start and not ctx.inside[start] and (
                tab.lower[start - 1] not in PREPOSITIONS):
            return ctx.doc[start]
    return None


#: The dependencies of a main verb; a verb in any other but these (the model sometimes hangs
#: the main verb on a relative clause: ``À Vivonne, où la rivière…, le maire… a pris``) too.
_MAIN_VERB = {"ROOT", "advcl", "conj", "parataxis"}
_EMBEDDED = {"acl:relcl", "acl", "ccomp", "csubj", "xcomp"}


def _main_subjects(ctx: Context) -> set[int]:
    """Positions of the subject mentions that are the subject of their sentence's root
    (``Séoul a convoqué…``), not an agent, an apposition or a complement."""
    doc = ctx.doc
    out = set()
    for pos, _ in ctx.subjects:
        m = ctx.mention_at.get(pos)
        tokens = doc[m.start : m.end] if m else doc[pos : pos + 1]
        if any(t.dep_ in {"nsubj", "nsubj:pass"} and t.head.dep_ == "ROOT" or t.dep_ == "ROOT"
               and t.pos_ in {"PROPN", "NOUN"} for t in tokens):
            out.add(pos)
    return out


def _subject_mentions(ctx: Context) -> list:
    """Actor mentions in a subject-like position (for pronoun resolution), in order."""
    doc, tab, inside = ctx.doc, ctx.tab, ctx.inside
    lower = tab.lower
    out = []
    for m in ctx.mentions:
        if any(inside[m.start : m.end]):
            continue
        before = m.start - 1 if m.start else None  # index of the word before the mention
        if lower[m.start] in _ARTICLES and before is not None:
            before = m.start - 2 if m.start >= 2 else None
        if before is not None and lower[before] in _PREPOSITIONS_NOT_PAR:
            continue
        if not SUBJECT_DEPS.isdisjoint(tab.dep[m.start : m.end]) or (
                before is not None and lower[before] == "par"):
            out.append((m.start, _speaker_from_actor(m.actor, doc[m.start : m.end], m.start, ctx)))
    subjects = [i for i, dep in enumerate(tab.dep) if dep == "nsubj"]
    for i in subjects:  # "Des responsables ukrainiens ont…" (not in the table)
        if (i not in ctx.mention_at and not inside[i]
                and _word_class_at(tab, i, "anonymous_head")):
            s, e = np_extent(doc, i, max(0, i - 3), min(len(doc), i + 8))
            if lower[s] in INDEFINITE or tab.pos[s] != "DET":
                out.append((i, _as_written(ctx, doc[s:e], "anonymous", i)))
    return sorted(out, key=lambda x: x[0])
