"""Documents as sources: *selon un bilan communiqué par la préfecture*, *d'après le décompte
des syndicats*, *les constats réalisés par les agents de l'OFB* (the body behind the document);
*Une enquête de l'Union… Selon l'enquête, …* (the author of the same document named before);
*souligne le texte* (the body or person named just before). Written by hand: no library says
who stands behind a document a French news sentence cites."""

from __future__ import annotations

from collections.abc import Callable

from helpers.claims.attribution.groups import _is_past_participle
from helpers.claims.attribution.lexicon import DEFINITE, DEMONSTRATIVE, word_class
from helpers.claims.attribution.model import Context, Speaker
from helpers.claims.attribution.naming import Phrase, _as_written, _from_mention, _phrase
from helpers.claims.attribution.references import NOT_DECIDED, antecedents, retext
from helpers.claims.attribution.seats import local_body_before

#: What turns a noun phrase (its head, and the bounds it may not cross) into a speaker.
Reader = Callable[[Context, int, int, int], "Speaker | None"]

#: Possessive determiners: *selon ses calculs* is the document of the one named before.
POSSESSIVES = {"son", "sa", "ses", "leur", "leurs"}


def document_author(p: Phrase, read: Reader):
    """``selon un bilan communiqué par la préfecture``, ``d'après le décompte des syndicats``,
    ``des images satellite des services sud-coréens``: the body behind the document. ``read``
    turns a noun phrase into a speaker (:func:`helpers.claims.attribution.nouns.
    speaker_from_head`, which runs this reader among others)."""
    if not p.has("document_head"):
        return NOT_DECIDED
    ctx, doc, h, hi = p.ctx, p.ctx.doc, p.h, p.hi
    window_end = _document_window(doc, h, hi)
    # "consulté par Le Monde", "que s'est procuré franceinfo": who read it did not write it
    window_end = next((k for k in range(h + 1, window_end) if word_class(doc[k], "access_verb")),
                      window_end)
    # "un sondage de l'institut X publié par le conseil départemental", "un arrêté préfectoral"
    stated = _published_by(ctx, h, window_end, hi, read) or _issuer_adjective(p)
    if stated is not None:
        return stated
    behind = [m for m in ctx.mentions if h < m.start < window_end] or [
        m for m in p.mentions if m.start < window_end]
    body = next((k for k in range(h + 1, window_end) if word_class(doc[k], "institution_head")),
                window_end)
    # "d'une étude de l'association Samu-Urgences de France": the body's noun comes before the
    # country in its name, and the body is the author
    if behind and behind[0].start < body:
        return _from_mention(p, behind[0])
    kind = None  # "le rapport d'inspection": the kind of document
    for k in range(h + 1, window_end):
        if ctx.tab.lower[k] in {"par", "de", "du", "des", "d'"}:
            j = next((x for x in range(k + 1, window_end) if ctx.tab.pos[x] in {"NOUN", "PROPN"}),
                     None)
            if j == k + 1 and ctx.tab.lower[k] in {"de", "d'"} and _kind_of_document(ctx, j):
                kind = j if kind is None else kind
            elif j is not None and speaker_like(ctx, j):
                return _staff_body(ctx, j, window_end, read) or read(ctx, j, k + 1, hi) or (
                    _publisher_named(ctx, k, j, hi))
    author = _author_of_the_kind(ctx, kind, read) if kind is not None else None
    if author is not None:
        return author
    people = next((k for k in range(h + 1, window_end) if (word_class(doc[k], "anonymous_head")
                   or word_class(doc[k], "role_head")) and not _addressee(ctx, k)), None)
    if people is not None:  # "selon des images géolocalisées par des analystes"
        return read(ctx, people, h + 1, hi)
    return _author_before(p, read)


def _addressee(ctx: Context, k: int) -> bool:
    """``une note adressée aux élus``: the word at ``k`` follows *à*, so it names whom the
    document is for, not who wrote it."""
    lower = ctx.tab.lower
    before = lower[k - 1] if k else ""
    if before in DEFINITE and k > 1:
        before = lower[k - 2]
    return before in {"à", "au", "aux"}


def _author_before(p: Phrase, read: Reader) -> Speaker | None:
    """A document whose phrase names no author: the author of the same document named before
    (``Une enquête de l'Union… Selon l'enquête, …``), else, for ``le texte``, ``ses calculs``,
    the body or person named just before; else None."""
    earlier = _same_document_before(p, read) if p.det in DEFINITE else None
    if earlier is None and (p.det in DEMONSTRATIVE or p.det in DEFINITE and p.tok.lower_ in (
            _GENERAL_DOCUMENTS)):
        earlier = _document_before(p, read)
    if earlier is not None:
        return retext(earlier, p.span.text, p.h)
    if p.det in DEFINITE | POSSESSIVES and p.e - p.s <= 3 and not p.tok.is_title:
        issuer = next((sp for sp in antecedents(p.ctx, p.s) if sp.kind in {
            "institution", "person", "media"}), None)
        return retext(issuer, p.span.text, p.h) if issuer is not None else None
    return None


#: Nouns that can take up any document named before: ``une note adressée aux élus… Le document
#: chiffre…``.
_GENERAL_DOCUMENTS = {"document", "texte"}


def _document_before(p: Phrase, read: Reader) -> Speaker | None:
    """``Pattes Libres 24 a publié une étude… Selon ce document, …``, ``écrit la DAP dans une
    note… Le document chiffre…``: the last document named in the two sentences before, by any
    noun; its author is the one its own phrase names, else the source or the subject of its
    sentence."""
    ctx, tab = p.ctx, p.ctx.tab
    lo = ctx.doc[p.s].sent.start
    for _ in range(2):
        lo = ctx.doc[lo - 1].sent.start if lo > 0 else lo
    k = next((k for k in range(p.s - 1, lo - 1, -1) if tab.pos[k] == "NOUN"
              and not ctx.inside[k] and word_class(ctx.doc[k], "document_head")), None)
    if k is None:
        return None
    found = _author_at(ctx, k, read)
    if found is not None:
        return found
    sent = ctx.doc[k].sent
    head = ctx.doc[k].head  # "X a publié une étude": the subject of the verb it is the object of
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None) if (
        ctx.doc[k].dep_ == "obj" and head.pos_ == "VERB") else None
    if subject is not None and speaker_like(ctx, subject.i):
        found = read(ctx, subject.i, sent.start, head.i)
        if found is not None and found.kind:
            return found
    # the source quoted in that sentence, else the first body or person named as a subject
    for pool in (ctx.history, ctx.subjects + ctx.named):
        there = [(q, sp) for q, sp in pool if sent.start <= q < sent.end
                 and sp.kind in {"institution", "person", "media"}]
        if there:
            return min(there, key=lambda x: x[0])[1]
    return None


def _same_document_before(p: Phrase, read: Reader) -> Speaker | None:
    """The author of the last document named before with the same noun (``Une enquête de
    l'Union des apiculteurs… Selon l'enquête, …``), or None."""
    ctx, lemma, tab = p.ctx, p.tok.lemma_, p.ctx.tab
    k = next((k for k in range(p.s - 1, -1, -1) if tab.lemma[k] == lemma
              and not ctx.inside[k] and tab.pos[k] == "NOUN"), None)
    # the document introduced there (``une enquête``, same number), not ``le service
    # d'analyse`` or another mention of it
    if k is None or k == 0 or tab.lower[k - 1] not in {"un", "une", "le", "la", "l'"} or (
            tab.lower[k] != p.tok.lower_):
        return None
    # "d'après le baromètre publié par Kotéo": a definite document counts when its publisher is
    # given there (not "en lisant le jugement", read by someone who did not write it)
    if tab.lower[k - 1] not in {"un", "une"} and "par" not in tab.lower[k + 1 : _document_window(
            ctx.doc, k, ctx.doc[k].sent.end)]:
        return None
    return _author_at(ctx, k, read)


def _author_at(ctx: Context, k: int, read: Reader) -> Speaker | None:
    """The author the phrase of the document at token ``k`` names, or None. The phrase ends at
    its sentence's verb (``… de Bretagne chiffre…``), not at a participle (``le bulletin publié
    par…``)."""
    tab, sent = ctx.tab, ctx.doc[k].sent
    end = next((x for x in range(k + 1, sent.end) if ctx.reporting[x] and x > k + 1
                or tab.pos[x] in {"VERB", "AUX"} and not _is_past_participle(ctx.doc[x])),
               sent.end)
    found = document_author(_phrase(ctx, k, sent.start, end), read)
    return found if isinstance(found, Speaker) and found.kind else None


def _staff_body(ctx: Context, j: int, end: int, read: Reader) -> Speaker | None:
    """``les constats réalisés par les agents de l'OFB``: a document made by a body's staff
    (*les agents, les équipes, les services de X*, no one in particular) is the body's."""
    tab = ctx.tab
    if j < 1 or tab.lower[j - 1] != "les" or not word_class(ctx.doc[j], "anonymous_head"):
        return None
    if j + 1 >= end or tab.lower[j + 1] not in {"de", "du", "des", "d'"}:
        return None
    x = next((x for x in range(j + 2, end) if tab.pos[x] in {"NOUN", "PROPN"}), None)
    if x is None or not speaker_like(ctx, x) or word_class(ctx.doc[x], "anonymous_head"):
        return None
    return read(ctx, x, j + 2, ctx.doc[x].sent.end)


def _published_by(ctx: Context, h: int, end: int, hi: int, read: Reader) -> Speaker | None:
    """The agent of a participle of publishing after the document (``un sondage Ifop publié le
    18 octobre par le collectif``, ``un inventaire du bureau d'études H, publié par
    l'association``): who published it, before whoever made it; else None."""
    tab, doc = ctx.tab, ctx.doc
    k = next((k for k in range(h + 2, end) if tab.lower[k] == "par" and any(
        _is_past_participle(doc[x]) for x in range(max(h + 1, k - 6), k))), None)
    j = next((x for x in range(k + 1, end) if tab.pos[x] in {"NOUN", "PROPN"}), None) if (
        k is not None) else None
    if j is None or not speaker_like(ctx, j):
        return None
    found = _staff_body(ctx, j, end, read) or read(ctx, j, k + 1, hi)
    whole = _publisher_named(ctx, k, j, hi)
    rest = whole.name[len(found.name):].split() if found is not None and whole is not None and (
        whole.name.startswith(f"{found.name} ")) else None
    if found is None or rest and not set(rest) & _NOT_IN_A_NAME:
        found = whole  # "par le collectif Promeneurs en paix,": the name up to the comma
    return found if found is not None and found.kind else None


#: Words that end a publisher's name: ``… Cœur d'Angers auprès de ses membres``, ``France
#: Travail et la Dares``.
_NOT_IN_A_NAME = {"auprès", "et", "avec", "dans", "sur", "à", "au", "aux", "le", "la", "les"}


def _issuer_adjective(p: Phrase) -> Speaker | None:
    """``un arrêté préfectoral``, ``un rapport sénatorial``: the adjective names the body that
    issued it (the one of that kind named before, if any)."""
    tab = p.ctx.tab
    k = p.h + 1
    body = _ISSUERS.get(tab.lower[k]) if k < p.hi else None
    if body is None:
        return None
    return local_body_before(p, body.lower()) or Speaker(body, "institution", "", p.span.text,
                                                          p.h)


#: Adjectives that name the body a document comes from.
_ISSUERS = {"préfectoral": "préfecture", "préfectorale": "préfecture", "municipal": "mairie",
            "municipale": "mairie", "sénatorial": "Sénat", "sénatoriale": "Sénat",
            "ministériel": "ministère", "ministérielle": "ministère"}


def _publisher_named(ctx: Context, k: int, j: int, hi: int) -> Speaker | None:
    """``publié par Kotéo``, ``par la plateforme de location Kotéo``, ``par le Système national
    d'observation… (SNOSM)``: after *par*, a capitalised name no reader knew is the body that
    published the document, written whole."""
    doc = ctx.doc
    if ctx.tab.lower[k] != "par":
        return None
    end = next((x for x in range(j, hi) if doc[x].is_punct or doc[x].pos_ in {"VERB", "AUX"}),
               hi)
    if end - k > 14 or not any(doc[x].text[:1].isupper() for x in range(j, end)):
        return None
    return _as_written(ctx, doc[k + 1 : end], "institution", j)


def _kind_of_document(ctx: Context, j: int) -> bool:
    """``le rapport d'inspection``, ``d'enquête``, ``une note de synthèse``: a common noun right
    after *de*, with no article, says what kind of document it is, not who wrote it."""
    tok = ctx.doc[j]
    return tok.pos_ == "NOUN" and tok.is_lower and j not in ctx.mention_at


def _author_of_the_kind(ctx: Context, j: int, read: Reader) -> Speaker | None:
    """``après une inspection de la DDPP… Selon le rapport d'inspection``: the body the same
    noun was given to before (``une inspection de X``), else nobody."""
    lemmas, lower = ctx.tab.lemma, ctx.tab.lower
    for k in range(j - 2, -1, -1):
        if lemmas[k] != lemmas[j] or ctx.inside[k]:
            continue
        if k + 1 < j and lower[k + 1] in {"de", "du", "des", "d'"}:
            x = next((x for x in range(k + 2, min(j, k + 5)) if ctx.tab.pos[x] in {
                "NOUN", "PROPN"}), None)
            if x is not None and speaker_like(ctx, x):
                return read(ctx, x, k + 2, ctx.doc[x].sent.end)
    return None


def _document_window(doc, h: int, hi: int) -> int:
    """Where what is said about a document ends: the next punctuation, or past a participle
    in apposition (``Le communiqué commun, signé par les huit organisations,``), or past its
    publisher however long the words before it (``l'atlas de la démographie médicale publié le
    20 janvier par le Conseil…``)."""
    end = min(hi, h + 10)
    k = next((k for k in range(h + 1, end) if doc[k].is_punct), end)
    if k == end:
        far = min(hi, h + 18)
        stop = next((x for x in range(end, far) if doc[x].is_punct), far)
        agent = next((x for x in range(end - 3, stop) if doc[x].lower_ == "par"), None)
        if agent is not None:
            end = min(hi, agent + 8)
            k = next((x for x in range(agent, end) if doc[x].is_punct), end)
    if k < end and doc[k].text == "," and k + 1 < hi and _is_past_participle(doc[k + 1]):
        end = min(hi, k + 10)
        k = next((x for x in range(k + 1, end) if doc[x].is_punct), end)
    return k


def speaker_like(ctx: Context, j: int) -> bool:
    tok = ctx.doc[j]
    if j in ctx.mention_at:
        return True
    if word_class(tok, "not_speaker") or word_class(tok, "document_head"):
        return False
    # a capitalised noun inside the sentence is a name too ("une étude du Muséum")
    named = tok.pos_ == "PROPN" or tok.is_title and tok.pos_ == "NOUN" and not tok.is_sent_start
    return named or tok.is_upper and len(tok.text) >= 2 or any(
        word_class(tok, c) for c in ("institution_head", "anonymous_head", "role_head",
                                     "media_head"))
