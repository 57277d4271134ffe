"""The subject of a reporting verb: before it (``X a déclaré``, the parse's ``nsubj``, the
phrase opening the sentence, the first of a coordination) or after it (inverted: ``…, a indiqué
lundi un responsable``)."""

from __future__ import annotations

from helpers.claims.attribution.groups import _is_past_participle, _verb_group_start
from helpers.claims.attribution.lexicon import (
    DEFINITE,
    DEMONSTRATIVE,
    INDEFINITE,
    PREPOSITIONS,
    PRONOUNS,
    QUOTE_MARKS,
    _word_class_at,
    _words,
    has_a_person_ending,
    is_number,
    word_class,
)
from helpers.claims.attribution.misparsed import (
    described_name_head,
    speaker_noun_as_adjective,
)
from helpers.claims.attribution.model import Context
from helpers.claims.attribution.phrases import _apposition, name_owner, np_extent
from helpers.claims.attribution.seats import seat_at


def _looks_like_speaker(ctx: Context, j: int, documents: bool = False) -> bool:
    """Can the phrase headed by ``j`` speak: a known actor, a name, an acronym, a person, a
    body, a medium (and, as a subject, a document: ``Le communiqué réclame``)?"""
    tok = ctx.doc[j]
    classes = ("anonymous_head", "role_head", "institution_head", "media_head") + (
        ("document_head",) if documents else ())
    nxt = ctx.doc[j + 1] if j + 1 < len(ctx.doc) else None
    # "le prévisionniste Paul Berger", "la docteure Sophie Roux" (a first name the model tags
    # as a noun)
    titled = tok.pos_ == "NOUN" and nxt is not None and nxt.is_title and (
        nxt.pos_ == "PROPN" or nxt.ent_type_ == "PER")
    return (
        j in ctx.mention_at
        or titled
        or tok.pos_ == "PROPN"
        or (tok.is_upper and len(tok.text) >= 2 and tok.is_alpha)  # an acronym: "le SBU"
        or (tok.ent_type_ in {"PER", "ORG"} and not tok.is_sent_start)
        or any(word_class(tok, c) for c in classes)
        or seat_at(ctx.tab, j) is not None  # "l'hôtel de ville"
    ) and not word_class(tok, "not_speaker")


#: Prepositions of a phrase that can sit between an inverted verb and its subject: the channel
#: (``a expliqué à l'AFP X``, ``sur franceinfo``), the place or the occasion (``lors d'un point
#: presse``, ``dans un communiqué``).
_ADJUNCT_PREPOSITIONS = {"à", "au", "aux", "sur", "dans", "lors", "devant", "auprès", "en"}


def _time_phrase_end(ctx: Context, j: int, hi: int) -> int:
    """Past a phrase of time at ``j`` (``en fin de matinée``, ``vers 18 heures``, ``tard dans
    la soirée``, ``peu avant midi``): its last time word; ``j`` when there is none (``la maire``
    is not one: no time word ends it)."""
    tab = ctx.tab
    end = k = j
    while k < hi and k - j < 7:
        if _word_class_at(tab, k, "time_word"):
            end = k + 1
        elif not (_word_class_at(tab, k, "time_link") or is_number(tab, k)):
            break
        k += 1
    return end


def _skip_phrase(ctx: Context, j: int, hi: int) -> int:
    """Past a set phrase, a phrase of time, an adverb or a number (``lundi 4``) at ``j``; ``j``
    when there is none."""
    tab = ctx.tab
    end = _time_phrase_end(ctx, j, hi)
    if end > j:
        return end
    low = tab.lower[j : j + 3]
    phrase = next((p for p in _words()[2] if low[: len(p)] == p), None)
    if phrase:
        return j + len(phrase)
    if _word_class_at(tab, j, "skip") or ctx.doc[j].like_num or tab.pos[j] == "ADV" and (
            tab.lower[j] != "auprès" and not ctx.doc[j].ent_type_):  # "auprès de l'AFP X": an
        # addressee, read whole; "Vent d'Ouest Énergies": a name the model starts with an adverb
        return j + 1
    return j


def _skip_adjunct(ctx: Context, j: int, hi: int) -> int:
    """Past a prepositional phrase at ``j`` when a noun phrase follows it before the clause
    ends (``a expliqué à l'AFP Yannick Le Bihan``); ``j`` otherwise (``a déclaré à la presse.``)."""
    tab = ctx.tab
    if tab.lower[j] not in _ADJUNCT_PREPOSITIONS:
        return j
    k = j + 1
    if tab.lower[j] in {"lors", "auprès"} and k < hi and tab.lower[k] in {"de", "d'", "du", "des"}:
        k += 1
    while k < hi and (tab.pos[k] == "DET" or tab.lower[k] in DEFINITE | INDEFINITE):
        k += 1
    if k >= hi or tab.pos[k] not in {"NOUN", "PROPN"} and k not in ctx.mention_at:
        return j
    # a known actor ends where its name ends ("à l'AFP Jeanne Roux"); else, or when no phrase
    # follows it ("à France Bleu Armorique la directrice"), the parse's phrase
    ends = [ctx.mention_at[k].end] if k in ctx.mention_at else []
    ends.append(_name_after_addressee(ctx, k, np_extent(ctx.doc, k, k, hi)[1]))
    for nxt in ends:
        while nxt < hi and tab.text[nxt].isspace():
            nxt += 1
        nxt = _rest_of_channel_name(ctx, nxt, hi)
        if nxt < hi and not tab.is_punct[nxt] and (tab.pos[nxt] in {"DET", "NOUN", "PROPN"}
                                                   or nxt in ctx.mention_at):
            return nxt
    return j


def _rest_of_channel_name(ctx: Context, k: int, hi: int) -> int:
    """Past the rest of a channel's name (``à France 3 Hauts-de-France le commandant…``): a
    number, or capitalised words that are no person's, when an article follows them (the parse
    or the actor table ends the channel's phrase before them)."""
    tab, doc = ctx.tab, ctx.doc
    e = k
    while e < hi and (tab.pos[e] == "NUM" or tab.text[e][:1].isupper() and (
            doc[e].ent_type_ != "PER")):
        e += 1
    return e if e > k and e < hi and tab.lower[e] in DEFINITE | INDEFINITE else k


def _name_after_addressee(ctx: Context, k: int, end: int) -> int:
    """Where the addressee phrase headed by ``k`` ends: at a person's name the parse runs into
    it (``à nos confrères de Ouest-France Marc Tanguy``, ``à la presse locale Marc Tanguy``:
    the name is the subject), not at a role's own name (``à la ministre Agnès Pannier``)."""
    doc = ctx.doc
    for x in range(k + 1, end):
        if doc[x].ent_iob_ == "B" and doc[x].ent_type_ == "PER" and not word_class(
                doc[x - 1], "role_head") and not doc[x - 1].is_punct:
            return x
    return end


def _after_verb(ctx: Context, v: int, hi: int) -> int | None:
    """Head of the inverted subject after a verb, skipping time words, adverbs and a phrase
    naming the channel or the occasion."""
    doc, tab = ctx.doc, ctx.tab
    j = v + 1
    phrase = ctx.reporting[v].split()[1:] if v < len(ctx.reporting) else []
    if phrase and tab.lower[j : j + len(phrase)] == phrase:  # "a fait savoir son directeur"
        j += len(phrase)
    while j < hi:
        if tab.text[j].isspace() or tab.text[j] == "," and j == v + 1:
            j += 1
            continue
        nxt = _skip_phrase(ctx, j, hi)
        if nxt == j:
            nxt = _skip_adjunct(ctx, j, hi)
        if nxt == j:
            break
        j = nxt
    if j >= hi or doc[j].is_punct:
        return None
    return _phrase_head(ctx, j, hi)


def _phrase_head(ctx: Context, j: int, hi: int) -> int | None:
    """The head noun of the phrase starting at ``j`` (past its determiners and adjectives)."""
    doc = ctx.doc
    k = j
    while k < hi and (doc[k].pos_ in {"DET", "ADJ", "NUM"} or doc[k].lower_ in INDEFINITE | DEFINITE
                      | DEMONSTRATIVE) and k not in ctx.mention_at:
        k += 1
    # a first name or an acronym the model takes for a pronoun ("Odile", "GRDF": PRON) is
    # still a name
    name = (doc[k].is_title and doc[k].ent_type_ == "PER" or doc[k].ent_type_ == "ORG" and (
        doc[k].is_upper and len(doc[k].text) >= 2) or doc[k].ent_iob_ == "B" and (
        doc[k].ent_type_ in {"ORG", "MISC"} and doc[k].is_title)) if k < hi else False
    if (k >= hi or doc[k].pos_ not in {"NOUN", "PROPN"} and k not in ctx.mention_at) and (
            k - 1 >= j and doc[k - 1].pos_ == "ADJ" and doc[k - 1].is_lower) and (
            k - 1 > j or j > 0 and doc[j - 1].lower_ in INDEFINITE | DEFINITE):
        # "explique la chercheuse.", "s'inquiète un généraliste installé…": the noun the model
        # read as an adjective
        return k - 1
    # "précise le baromètre.": a word after an article is a noun, whatever the model's tag
    after_article = k > j and doc[j].lower_ in INDEFINITE | DEFINITE | DEMONSTRATIVE and (
        k < hi and doc[k].is_alpha and doc[k].is_lower)
    if k < hi and (k in ctx.mention_at or doc[k].pos_ in {"NOUN", "PROPN", "ADJ"} or name
                   or after_article):
        return k
    return None


#: What opens a sentence whose ``on`` stands for a body: ``À Bercy, on relativise``, ``Du côté
#: de l'Élysée, on assure que…``, ``Côté Matignon, on…``, ``Dans l'entourage du ministre, on
#: indique…``.
_PLACE_OPENERS = (["à"], ["au"], ["chez"], ["du", "côté", "de"], ["du", "côté", "d'"],
                  ["du", "côté", "du"],
                  ["du", "côté", "des"], ["côté"], ["dans", "l'", "entourage", "de"],
                  ["dans", "l'", "entourage", "du"], ["dans", "l'", "entourage", "des"])


def locative_source(ctx: Context, lo: int, on: int) -> int | None:
    """The head of the place or body that opens the sentence before ``on`` (``À Bercy, on…``),
    when it looks like a speaker; else None. A metonym needs no preposition: ``Rue de
    Grenelle, on assure…``, ``Place Beauvau, on indique…`` (the address alone is the place)."""
    tab = ctx.tab
    if tab.text[on - 1] != ",":
        return None
    words = tab.lower[lo:on]
    opener = next((p for p in _PLACE_OPENERS if words[: len(p)] == p), None)
    if opener is None:
        m = ctx.mention_at.get(lo)
        bare = m is not None and m.start == lo and m.end == on - 1
        # not a country or its capital: "Paris, on…" is not written for the government
        return lo if bare and m.actor.kind == "institution" and m.actor.label != "LOC" else None
    j = _phrase_head(ctx, lo + len(opener), on)
    j = _body_after_place(ctx, j, on) if j is not None else None  # "À Dijon, au siège de l'ARS"
    # "Au Grand Port maritime de Marseille, on…": a body that sits in a town, by its own name
    named = j is not None and ctx.doc[j].is_title and word_class(ctx.doc[j], "local_body")
    if j is None or not (_looks_like_speaker(ctx, j) or named):
        return None
    if "entourage" in opener:  # "dans l'entourage du ministre": the entourage, anonymous
        return lo + 2
    return j


def _body_after_place(ctx: Context, j: int, on: int) -> int:
    """``À Dijon, au siège de l'ARS, on rappelle``: the body named after the town that opens
    the sentence, else ``j``."""
    m = ctx.mention_at.get(j)
    town = ctx.doc[j].ent_type_ == "LOC" or m is not None and m.actor.label == "LOC"
    if not town:
        return j
    tab = ctx.tab
    for k in range(on - 1, j, -1):
        m = ctx.mention_at.get(k)
        if m is not None and m.actor.kind == "institution" and m.actor.label != "LOC":
            return m.start
        if m is None and (tab.text[k].isupper() and len(tab.text[k]) >= 2 or _word_class_at(
                tab, k, "institution_head")) and tab.pos[k] in {"NOUN", "PROPN"}:
            return k
    return j


def _ends_clause(ctx: Context, j: int, hi: int) -> bool:
    """Does the noun phrase at ``j`` run to the end of the sentence (or a comma / bracket)?"""
    doc = ctx.doc
    _, e = np_extent(doc, j, j, hi)
    while e < hi and doc[e].is_space:
        e += 1
    return e >= hi or doc[e].text in {".", "!", "?", "…", ",", "(", ";"} or doc[e].lower_ in {
        "dans", "sur", "lors", "devant", "vendredi", "lundi", "mardi", "mercredi", "jeudi",
        "samedi", "dimanche"}


def _before_verb(ctx: Context, start: int, lo: int) -> int | None:
    """Head of the nearest subject-like noun phrase left of the verb group (same clause)."""
    doc = ctx.doc
    start = _before_relative(ctx, start, lo)
    bracket = False  # "à la Commission nationale… (CNIL)": the name in brackets is the phrase's
    for j in range(start - 1, lo - 1, -1):
        t = doc[j]
        if t.text in {".", "?", "!", ";", ":"} or t.lower_ in {"que", "qu'"}:
            return None
        bracket = (bracket or t.text == ")") and t.text != "("
        if ctx.inside[j] or bracket or t.text == "(":
            continue
        if j in ctx.mention_at or (t.pos_ in {"NOUN", "PROPN"} and not word_class(t, "skip")) or (
                speaker_noun_as_adjective(ctx, j, lo)):
            m = ctx.mention_at.get(j)
            first = m.start if m else np_extent(doc, j, lo, start)[0]
            if m is not None and first - 2 >= lo and doc[first - 1].lower_ in DEFINITE:
                first -= 1  # a known actor's mention leaves out its article ("de la SNCF")
            before = doc[first - 1] if first > lo else None
            if before is not None and (before.lower_ in PREPOSITIONS - {"par"} or (
                    before.lower_ == "des" and before.pos_ == "ADP")):  # "des" = "de les"
                continue
            if before is not None and before.lower_ == "par" and first - 2 >= lo and (
                    _participle_form(doc[first - 2])):
                continue  # "Un agent de l'OFB joint par BFMTV évoque": who reached him
            if m is None and t.pos_ == "PROPN":  # "L'agence … de Nouvelle-Aquitaine parle"
                return name_owner(doc, j, lo)
            return m.start if m else j
        if t.pos_ == "PRON" and t.lower_ in PRONOUNS:
            return j
    return None


def _before_relative(ctx: Context, start: int, lo: int) -> int:
    """``Une étudiante, qui préfère garder l'anonymat, raconte…``: where the subject's phrase
    ends when a relative clause between commas comes before the verb (the clause's own nouns
    are not the subject), else ``start``."""
    tab = ctx.tab
    if start - 1 <= lo or tab.text[start - 1] != ",":
        return start
    comma = next((k for k in range(start - 2, lo - 1, -1) if tab.text[k] == ","), None)
    if comma is None or comma + 1 >= start - 1 or tab.lower[comma + 1] not in {"qui", "dont"}:
        return start
    # the clause hangs on the phrase that opens the sentence, with no verb or quote before it
    if any(tab.pos[k] in {"VERB", "AUX"} or tab.text[k] in QUOTE_MARKS or ctx.inside[k]
           for k in range(lo, comma)):
        return start
    return comma


#: Words that open a sentence with a place, a time or a domain before its subject (``À
#: Nantes, Nadia Ferrand…``, ``Dans l'Ouest, …``, ``Fin décembre, …``).
_OPENING_WORDS = {"à", "au", "aux", "dans", "en", "sur", "chez", "depuis", "après", "avant",
                  "lors", "fin", "début", "mi", "outre", "entre", "parmi", "face", "hier",
                  "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}


#: Past participles without an *-é* ending (``Venue lundi à Targon, la ministre…``, ``joint
#: par BFMTV``), which the model often tags as adjectives or nouns.
_IRREGULAR_PARTICIPLES = {"venu", "venue", "venus", "venues", "revenu", "revenue", "parti",
                          "partie", "sorti", "sortie", "rendu", "rendue", "reçu", "reçue", "élu",
                          "élue", "joint", "jointe", "joints", "jointes", "descendu", "descendue",
                          "attendu", "attendue", "pris", "prise", "mis", "mise", "interrompu",
                          "interrompue"}


def _participle_form(tok) -> bool:
    """A past participle by the morphology, its *-é* ending or its irregular form: what the
    model tags it does not matter."""
    return _is_past_participle(tok) or tok.lower_.endswith(("é", "ée", "és", "ées")) or (
        tok.lower_ in _IRREGULAR_PARTICIPLES)


def _opens_with_participle(ctx: Context, lo: int) -> int:
    """``Interrogé vendredi sur une radio, le ministre…``, ``Invitée du journal de 20 heures,
    la ministre…``, ``Plus mesurée, la CFDT…``: the words up to a participle (after an adverb)
    opening the sentence; 0 when it does not open with one."""
    doc = ctx.doc
    k = lo + 1 if doc[lo].pos_ == "ADV" and lo + 1 < len(doc) else lo  # "Plus mesurée"
    tok = doc[k]
    # the model may call a capitalised participle a name ("Interrogée": PROPN)
    participle = doc[lo].text[:1].isupper() and tok.pos_ in {"VERB", "ADJ", "NOUN", "PROPN"} and (
        "Part" in tok.morph.get("VerbForm") or _participle_form(tok)
        or k > lo and tok.pos_ == "ADJ")  # "Plus prudente, la FSU…"
    return k - lo + 1 if participle else 0


def _after_opening_adjunct(ctx: Context, lo: int, start: int) -> int:
    """Past a phrase of place, time or circumstance opening the sentence up to its comma (``À
    Nantes,``, ``Interrogé vendredi,``), when a subject follows it; ``lo`` otherwise."""
    tab = ctx.tab
    participle = _opens_with_participle(ctx, lo)
    if tab.lower[lo] not in _OPENING_WORDS and not participle:
        return lo
    comma = next((k for k in range(lo + 1, min(start, lo + 12)) if tab.text[k] == ","), None)
    if comma is None or any(tab.pos[k] in {"VERB", "AUX"} for k in range(lo + participle, comma)):
        return lo
    return comma + 1 if comma + 1 < start else lo


def _after_preposition(ctx: Context, j: int, lo: int) -> bool:
    """Is the phrase of token ``j`` the object of a preposition (``À Nantes``)?"""
    doc = ctx.doc
    m = ctx.mention_at.get(j)
    first = m.start if m else np_extent(doc, j, lo, j + 1)[0]
    return first > lo and doc[first - 1].lower_ in PREPOSITIONS - {"par"}


def _parsed_subject(ctx: Context, verb, lo: int, start: int) -> int | None:
    """The parse's ``nsubj`` of the verb, of its auxiliaries, or of the first verb of a
    coordination (``Il n'a pas donné…, mais a déclaré``), when it is not inside a quote or after
    a preposition."""
    for node in (verb, verb.head if verb.dep_ == "conj" else None):
        if node is None:
            continue
        for h in [node, *[c for c in node.children if c.dep_.startswith("aux")]]:
            subj = next((c for c in h.children if c.dep_ in {"nsubj", "nsubj:pass"}
                         and lo <= c.i < start and not ctx.inside[c.i]), None)
            if subj is not None and subj.lower_ == "qui" and h.dep_ == "acl:relcl":
                # "La Coopérative…, qui regroupe 100 irrigants, assure": the parse joins the
                # verb to the relative clause; its subject is what the relative describes
                subj = h.head if lo <= h.head.i < subj.i else None
            if subj is not None:
                return None if _after_preposition(ctx, subj.i, lo) else subj.i
    return None


def _relay_subject(ctx: Context, found: int, lo: int, start: int) -> int:
    """``Des experts cités par le Washington Post doutent``: the relay is not the subject."""
    relay = next((cs for cue, cs, ce in ctx.cues if cue == "cité par" and lo <= cs < found < start
                  and ce <= found + 1 + 4), None)
    if relay is not None:
        before = _before_verb(ctx, relay, lo)
        if before is not None:
            return before
    return found


def _clause_subject(ctx: Context, verb, lo: int, hi: int, start: int | None = None) -> int | None:
    """Head token of the subject before ``verb``: the phrase opening the sentence before a
    comma (``Le Kremlin, bien qu'allié…, rejette``), the parse's ``nsubj``, else the nearest
    subject-like phrase to its left; then the first of a coordination (``l'UE et des pays comme
    le Royaume-Uni… ont qualifié`` → ``l'UE``)."""
    doc = ctx.doc
    if start is None:
        start = _verb_group_start(doc, verb.i, lo)
    lo = _after_opening_adjunct(ctx, lo, start)
    if start - 1 >= lo and doc[start - 1].text == ",":
        found = _sentence_initial_subject(ctx, lo, start)
        if found is not None:
            return found
    found = _parsed_subject(ctx, verb, lo, start)
    if found is None:
        found = _before_verb(ctx, start, lo)
    if found is None or doc[found].lower_ in {"ce", "c'", "que", "qu'", "on"}:
        return None
    found = described_name_head(ctx, found, lo)
    return _first_conjunct(ctx, _relay_subject(ctx, found, lo, start), lo, start)




def _sentence_initial_subject(ctx: Context, lo: int, start: int) -> int | None:
    """``Le Kremlin, bien qu'allié du régime…, rejette``: the phrase that opens the sentence."""
    doc = ctx.doc
    k = lo
    while k < start and (doc[k].is_space or doc[k].pos_ == "DET" or doc[k].lower_ in DEFINITE
                         or doc[k].pos_ == "ADJ" and k + 1 < start and doc[k + 1].pos_ == "NOUN"):
        k += 1  # past "L'ancien", "Le nouveau"
    # "Son juriste, Mathieu Perrochon, a annoncé": a noun for a person, a name in apposition
    named = k + 2 < start and doc[k].pos_ == "NOUN" and has_a_person_ending(doc[k]) and (
        doc[k + 1].text == "," and doc[k + 2].pos_ == "PROPN")
    if k < start and (_looks_like_speaker(ctx, k, documents=True) or named):
        m = ctx.mention_at.get(k)
        end = m.end if m else np_extent(doc, k, lo, start)[1]
        if end < start and doc[end].text == ",":
            return k
    return None


def subject_before_comma(ctx: Context, lo: int, start: int) -> bool:
    """``Le porte-parole, Rashad Mammadov, a accusé…``: the comma before the verb closes the
    subject's apposition (so the verb is not an incise)."""

    lo = _after_opening_adjunct(ctx, lo, start)
    if _before_relative(ctx, start, lo) != start and _before_verb(ctx, start, lo) is not None:
        return True  # "Une étudiante, qui préfère garder l'anonymat, raconte…"
    k = _sentence_initial_subject(ctx, lo, start)
    if k is None:
        return False
    m = ctx.mention_at.get(k)
    end = m.end if m else np_extent(ctx.doc, k, lo, start)[1]
    after = _apposition(ctx.doc, end, start, ctx)[0]
    return end < after == start - 1


def _np_start(ctx: Context, j: int, lo: int) -> int:
    """First token of the phrase ending with token ``j``: its determiner and adjectives."""
    doc = ctx.doc
    k = ctx.mention_at[j].start if j in ctx.mention_at else j
    while k - 1 >= lo:
        t = doc[k - 1]
        if t.is_punct:
            break
        article = t.pos_ == "DET" or t.lower_ in DEFINITE | DEMONSTRATIVE | {"un", "une", "des"}
        partitive = t.lower_ in {"de", "d'"} and doc[k].pos_ == "ADJ"  # "de hauts responsables"
        if article or partitive or t.pos_ == "ADJ":
            k -= 1
        else:
            break
    return k


def _first_conjunct(ctx: Context, j: int, lo: int, stop: int) -> int:
    """``l'UE et des pays comme le Royaume-Uni, les États-Unis, l'Australie et la Corée du Sud``:
    walk left from the parse's subject to the first item of the coordination. A comma only
    joins items when an *et*/*ou* follows (``A, B et C``)."""
    doc = ctx.doc
    best = j
    k = _np_start(ctx, j, lo)
    listed = any(doc[x].lower_ in {"et", "ou"} for x in range(j, stop))
    while k - 1 >= lo:
        m = k
        while m - 1 >= lo and (doc[m - 1].lower_ in {"et", "ou", "comme", "ainsi", "que"}
                               or doc[m - 1].text == "," and listed):
            m -= 1
        if m == k:
            break
        head = next((x for x in range(m - 1, max(lo, m - 8) - 1, -1)
                     if (x in ctx.mention_at or doc[x].pos_ in {"NOUN", "PROPN"})), None)
        if head is None or not _looks_like_speaker(ctx, head) or ctx.inside[head]:
            break
        item_start = _np_start(ctx, head, lo)
        before = doc[item_start - 1] if item_start > lo else None
        if before is not None and before.lower_ in (PREPOSITIONS | {"par"}) - {"comme"}:
            break
        best, k = head, item_start
        listed = True
    return best
