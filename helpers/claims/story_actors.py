"""The story's actors, found in its text rather than listed: who speaks or is named, what kind of
actor each is, and the affiliation the text gives it.

>>> mentions = actor_mentions(corpus, docs)      # every actor named in every article
>>> actors = story_actors(claims, mentions)       # one row per actor, across the articles

``story_actors`` has a row per actor: ``name, kind, affiliation, mentions, articles, aliases,
role``. Mentions come from the claims' speakers (with the role the text gives them) and from the
actors named in the text: the French news lexicon's and the story's own, people (named
entities, with a role in apposition), bodies named with a complement (*la préfecture du
Finistère*, *le rectorat de Rennes*). One actor's mentions are clustered across the articles:

* the same name after accent and case folding and without its article;
* spelling variants of one name (RapidFuzz ``token_sort_ratio``: *Zelenskiy* / *Zelensky*);
* a surname alone and the one person with that surname (*Mercadier* → *Laurent Mercadier*);
* an acronym given in brackets and a name starting with it (*service … (SDIS) du Finistère* /
  *SDIS 29*), when only one body has it;
* a role and the person the text names in it (*préfet du Finistère* → *Laurent Mercadier*);
* a bare body and the only body of that name (*préfecture* → *préfecture du Finistère*).

The name kept is the fullest; the affiliation is :func:`helpers.claims.affiliations.
derive_affiliation`'s. :func:`helpers.core.actors.register_found` makes the table known to
``origin_of``; the learner's corrections (:func:`helpers.core.actors.save_corrections`) are
applied on top (:func:`with_corrections`). Written by hand around RapidFuzz: no library clusters
French news actors by role.
"""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from helpers.claims.affiliations import derive_affiliation
from helpers.claims.attribution import build_context, speaker_from_head
from helpers.claims.attribution.lexicon import word_class
from helpers.claims.attribution.phrases import np_extent
from helpers.core.actors import UNKNOWN, corrections, known_actor, name_key
from helpers.core.nlp import entity_bounds, parse_many, sentences

COLUMNS = ["name", "kind", "affiliation", "mentions", "articles", "aliases", "role"]
MENTION_COLUMNS = ["article_id", "name", "kind", "role", "text"]
#: How alike two spellings of one name must be (RapidFuzz ``token_sort_ratio``, 0-100).
SPELLING = 90
#: Nouns that name a place more often than a body when they are not the subject of a verb of
#: saying (``dans la région de Koursk``): not actors unless they speak.
_PLACES = {"région", "ville", "commune", "département", "pays", "territoire", "province"}


# ----------------------------------------------------------------------------- mentions


def _named_by_a_noun(ctx, i: int) -> bool:
    """``le cabinet Occurrence``, ``le colonel Hervé Quéméner``: a name right after a body or
    role noun belongs to that noun's phrase."""
    doc = ctx.doc
    k = i - 1
    return k >= 0 and doc[k].pos_ == "NOUN" and (word_class(doc[k], "role_head") or word_class(
        doc[k], "institution_head"))


def _heads(ctx, sent) -> list[int]:
    """Tokens that may head an actor's name in ``sent``: known actors, people and bodies named
    by the parse, role and body nouns with a complement (``le préfet du Finistère``)."""
    heads = {m.start for m in ctx.mentions if sent.start <= m.start < sent.end
             and m.actor.kind != "anonymous"}
    heads |= {start for start, end, label in entity_bounds(ctx.doc)
              if sent.start <= start and end <= sent.end and label in {"PER", "ORG"}
              and start not in ctx.mention_at and not _named_by_a_noun(ctx, start)}
    for i in range(sent.start + 1, sent.end - 1):
        if _named_body(ctx, i, sent.end):
            heads.add(i)
    return sorted(h for h in heads if not ctx.inside[h])


def _named_body(ctx, i: int, end: int) -> bool:
    """``le préfet du Finistère``, ``la préfecture de police``, ``le service départemental
    d'incendie et de secours (SDIS) du Var``: a definite role or body noun with a complement
    or a name, not a place (``la région de Koursk``)."""
    doc, tab = ctx.doc, ctx.tab
    if tab.pos[i] != "NOUN" or tab.lemma[i] in _PLACES or tab.lower[i - 1] not in {
            "le", "la", "l'", "les"}:
        return False
    if not (word_class(doc[i], "role_head") or word_class(doc[i], "institution_head")):
        return False
    s, e = np_extent(doc, i, i, end)
    return any(tab.lower[k] in {"de", "du", "d'", "des"} or tab.pos[k] == "PROPN"
               for k in range(i + 1, e))


def mentions_in(article_id: str, ctx) -> list[dict]:
    """The actors named in one article, from its attribution context (``tag_claims`` passes the
    one it used: see its ``mentions`` argument)."""
    rows = []
    for sent in sentences(ctx.doc):
        for h in _heads(ctx, sent):
            sp = speaker_from_head(ctx, h, sent.start, sent.end)
            if sp is not None and sp.name and sp.kind in {"person", "institution", "media"}:
                rows.append({"article_id": article_id, "name": sp.name, "kind": sp.kind,
                             "role": sp.role, "text": sp.text})
    return rows


def _mentions_of(article_id: str, doc) -> list[dict]:
    return mentions_in(article_id, build_context(doc))


def actor_mentions(corpus, docs=None) -> pd.DataFrame:
    """Every actor named in every article (not only those who speak): ``article_id, name,
    kind, role, text``. ``docs``: the parsed articles, in corpus order (parsed when None)."""
    if docs is None:
        docs = parse_many(corpus["text"].fillna("").astype(str).tolist())
    rows = []
    for article_id, doc in zip(corpus["article_id"].astype(str), docs, strict=True):
        rows.extend(_mentions_of(article_id, doc))
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def _speaker_mentions(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims' speakers, once per claim."""
    if claims is None or claims.empty:
        return pd.DataFrame(columns=MENTION_COLUMNS)
    said = claims[claims["speaker"].fillna("") != ""]
    if "claim_id" in said.columns:
        said = said.drop_duplicates(["article_id", "claim_id"])
    role = said["speaker_role"] if "speaker_role" in said.columns else ""
    text = said["speaker_text"] if "speaker_text" in said.columns else said["speaker"]
    return pd.DataFrame({"article_id": said["article_id"].astype(str), "name": said["speaker"],
                         "kind": said["speaker_kind"], "role": role, "text": text},
                        columns=MENTION_COLUMNS)


# ----------------------------------------------------------------------------- clustering


class _Clusters:
    """Union-find over names."""

    def __init__(self, names):
        self.parent = {n: n for n in names}

    def find(self, n: str) -> str:
        while self.parent[n] != n:
            self.parent[n] = self.parent[self.parent[n]]
            n = self.parent[n]
        return n

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra

    def groups(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for n in self.parent:
            out.setdefault(self.find(n), []).append(n)
        return out


def _same_name(names: dict[str, str], clusters: _Clusters) -> None:
    """One key after folding (``l'Insee`` / ``INSEE``), and spelling variants (RapidFuzz, within
    one kind and one first letter: ``Zelenskiy`` / ``Zelensky``)."""
    from rapidfuzz import fuzz, process

    by_key: dict[str, str] = {}
    for n in names:
        first = by_key.setdefault(name_key(n), n)
        clusters.union(first, n)
    blocks: dict[tuple, list[tuple[str, str]]] = {}
    for key, n in by_key.items():
        if len(key) >= 6:
            blocks.setdefault((names[n], key[:1]), []).append((key, n))
    for block in blocks.values():
        if len(block) < 2:
            continue
        keys = [k for k, _ in block]
        scores = process.cdist(keys, keys, scorer=fuzz.token_sort_ratio, score_cutoff=SPELLING)
        for i, j in zip(*scores.nonzero(), strict=True):
            if i < j:
                clusters.union(block[i][1], block[j][1])


def _unique(candidates: list[str]) -> str | None:
    return candidates[0] if len(set(candidates)) == 1 else None


def _surnames(names: dict[str, str], clusters: _Clusters) -> None:
    """``Mercadier`` → the one person whose name ends with it."""
    people = [n for n, k in names.items() if k == "person" and len(n.split()) >= 2]
    for n, k in names.items():
        if k == "person" and len(n.split()) == 1:
            match = _unique([p for p in people if p.split()[-1].lower() == n.lower()])
            if match:
                clusters.union(match, n)


def _acronyms(names: dict[str, str], texts: dict[str, set], clusters: _Clusters) -> None:
    """``service … (SDIS) du Finistère`` and ``SDIS 29``: an acronym in brackets and a name
    starting with it, when one body only has that acronym."""
    owners: dict[str, list[str]] = {}
    for n, written in texts.items():
        for text in written:
            for acronym in re.findall(r"\(([A-Z][A-Za-z0-9-]{1,9})\)", text):
                owners.setdefault(acronym, []).append(n)
    for acronym, found in owners.items():
        owner = _unique(found)
        if owner is None:
            continue
        for n in names:
            if n != owner and (n == acronym or n.startswith(acronym + " ")):
                clusters.union(owner, n)


def _roles(names: dict[str, str], roles: dict[str, Counter], clusters: _Clusters) -> None:
    """``préfet du Finistère`` (a role as a speaker) → the person the text names in it."""
    holders: dict[str, list[str]] = {}
    for n, counted in roles.items():
        if names[n] == "person":
            for role in counted:
                holders.setdefault(name_key(role), []).append(n)
    for n in names:
        holder = _unique(holders.get(name_key(n), []))
        if holder and holder != n:
            clusters.union(holder, n)


def _bare_bodies(names: dict[str, str], clusters: _Clusters) -> None:
    """``préfecture`` → the only ``préfecture …`` of the story."""
    bodies = [n for n, k in names.items() if k == "institution" and " " in n]
    for n, k in names.items():
        if k == "institution" and " " not in n:
            match = _unique([b for b in bodies if name_key(b).split()[0] == name_key(n)])
            if match:
                clusters.union(match, n)


def _canonical(members: list[str], counts: Counter) -> str:
    """A known actor's name when one is in the cluster, else the fullest name (ties: the most
    mentioned)."""
    known = [m for m in members if known_actor(m) is not None
             and known_actor(m).canonical == m]
    if known:
        return max(known, key=lambda m: counts[m])
    return max(members, key=lambda m: (len(m.split()) > 1, len(m), counts[m]))


def story_actors(claims: pd.DataFrame | None, mentions: pd.DataFrame | None = None
                 ) -> pd.DataFrame:
    """One row per actor of the story (see the module docstring): ``name, kind, affiliation,
    mentions, articles, aliases, role``, the most mentioned first."""
    rows = pd.concat([_speaker_mentions(claims), mentions if mentions is not None else
                      pd.DataFrame(columns=MENTION_COLUMNS)], ignore_index=True)
    rows = rows[rows["name"].fillna("").str.strip() != ""]
    if rows.empty:
        return pd.DataFrame(columns=COLUMNS)
    counts = Counter(rows["name"])
    kinds = rows.groupby("name")["kind"].agg(lambda s: Counter(s).most_common(1)[0][0]).to_dict()
    roles = {n: Counter(r for r in g if r) for n, g in rows.groupby("name")["role"]}
    texts = {n: set(g) for n, g in rows.groupby("name")["text"]}
    clusters = _Clusters(kinds)
    _same_name(kinds, clusters)
    _surnames(kinds, clusters)
    _acronyms(kinds, texts, clusters)
    _roles(kinds, roles, clusters)
    _bare_bodies(kinds, clusters)
    out = [_row(members, rows, counts, kinds, roles, texts)
           for members in clusters.groups().values()]
    table = _through_roles(pd.DataFrame(out, columns=[*COLUMNS, "_roles"]))[COLUMNS]
    return table.sort_values(["mentions", "name"], ascending=[False, True],
                             ignore_index=True)


def _through_roles(table: pd.DataFrame) -> pd.DataFrame:
    """``Éric Vidal, directeur du SDIS du Gard``: a person whose role names a body found in the
    story (by its name or an alias) speaks for what that body speaks for."""
    bodies = {}
    for r in table[table["kind"].isin(["institution", "media"])].itertuples(index=False):
        for n in [r.name, *r.aliases]:
            if len(n) >= 3:
                bodies.setdefault(name_key(n), r.affiliation)
    pattern = "|".join(re.escape(k) for k in sorted(bodies, key=len, reverse=True))
    if not pattern:
        return table
    found = re.compile(rf"\b(?:{pattern})\b")
    for i, r in table.iterrows():
        if r["kind"] == "person" and r["affiliation"] == UNKNOWN:
            m = next((m for role in r["_roles"] for m in [found.search(name_key(role))] if m),
                     None)
            if m:
                table.at[i, "affiliation"] = bodies[m.group(0)]
    return table


def _bracket_aliases(written: set) -> set[str]:
    """``le service … (SDIS) du Gard`` → ``SDIS``, ``SDIS du Gard``."""
    out = set()
    for text in written:
        m = re.search(r"\(([A-Z][A-Za-z0-9-]{1,9})\)(.*)$", text)
        if m:
            out |= {m.group(1), f"{m.group(1)} {m.group(2).strip()}".strip()}
    return out


def _row(members, rows, counts, kinds, roles, texts) -> dict:
    name = _canonical(members, counts)
    kind = Counter({k: sum(counts[m] for m in members if kinds[m] == k)
                    for k in {kinds[m] for m in members}}).most_common(1)[0][0]
    role_counts = sum((roles[m] for m in members), Counter())
    ranked = [r for r, _ in role_counts.most_common()]
    role = ranked[0] if ranked else ""
    affiliation = next((a for a in (derive_affiliation(name, kind, r) for r in ranked)
                        if a != UNKNOWN), derive_affiliation(name, kind, role))
    mine = rows[rows["name"].isin(members)]
    return {"name": name, "kind": kind, "affiliation": affiliation, "_roles": ranked,
            "mentions": int(sum(counts[m] for m in members)),
            "articles": sorted(set(mine["article_id"])),
            "aliases": sorted((set(members) | _bracket_aliases(
                set().union(*(texts[m] for m in members)))) - {name}), "role": role}


# ----------------------------------------------------------------------------- corrections


def with_corrections(actors: pd.DataFrame, fixes: pd.DataFrame | None = None) -> pd.DataFrame:
    """The found actors with the learner's corrections (:func:`helpers.core.actors.
    corrections`) applied: a kind or an affiliation changed, an actor merged into another
    (``same_as``). A ``corrected`` column says which rows the learner changed."""
    fixes = corrections() if fixes is None else fixes
    table = actors.copy()
    table["corrected"] = False
    merged = []
    for fix in fixes.itertuples(index=False):
        at = table.index[table["name"] == fix.name]
        if not len(at):
            continue
        if fix.same_as.strip() and fix.same_as in set(table["name"]):
            _merge(table, at[0], fix.same_as)
            merged.append(at[0])
            continue
        if fix.kind:
            table.loc[at, "kind"] = fix.kind
        if fix.affiliation:
            table.loc[at, "affiliation"] = fix.affiliation
        table.loc[at, "corrected"] = True
    return table.drop(index=merged).reset_index(drop=True)


def _merge(table: pd.DataFrame, source, target_name: str) -> None:
    """Add the row ``source`` to the actor called ``target_name`` (the caller drops it)."""
    target = table.index[table["name"] == target_name][0]
    row = table.loc[source]
    table.at[target, "mentions"] = int(table.at[target, "mentions"] + row["mentions"])
    table.at[target, "articles"] = sorted(set(table.at[target, "articles"]) | set(row["articles"]))
    table.at[target, "aliases"] = sorted(set(table.at[target, "aliases"]) | {row["name"]}
                                         | set(row["aliases"]))
    table.at[target, "corrected"] = True


def affiliation_known(actors: pd.DataFrame) -> pd.Series:
    """Per actor: does the text (or the learner) give its affiliation?"""
    return actors["affiliation"].fillna(UNKNOWN) != UNKNOWN


# ----------------------------------------------------------------------------- the learner's table

#: What the learner sees and corrects, one row per actor.
TABLE_COLUMNS = ["name", "kind", "affiliation", "mentions", "aliases", "corrected"]


def found_actors(source) -> pd.DataFrame:
    """The actors found in the text, before any correction. ``source``: what
    :func:`helpers.pipeline.run` returned, a claims table, or a table of :func:`story_actors`."""
    if isinstance(source, dict):
        actors = source.get("actors")
        return actors if actors is not None else story_actors(source.get("claims"))
    if isinstance(source, pd.DataFrame) and "affiliation" in source.columns:
        return source
    return story_actors(source)


def actor_table(source) -> pd.DataFrame:
    """The story's actors as the learner sees and corrects them (:data:`TABLE_COLUMNS`,
    corrections applied, the most mentioned first); ``source`` as for :func:`found_actors`."""
    return with_corrections(found_actors(source))[TABLE_COLUMNS].reset_index(drop=True)


def corrections_from(found: pd.DataFrame, edits: list[dict]) -> pd.DataFrame:
    """The learner's corrections to save: each edit (``name``, ``kind``, ``affiliation``,
    ``same_as``) where it differs from what was found (``found``: :func:`found_actors`), and
    the corrections saved before for the actors not edited here, so that saving a page of the
    table never forgets another."""
    original = found.set_index("name")
    rows, edited = [], set()
    for edit in edits:
        name = edit["name"]
        if name not in original.index:
            continue
        edited.add(name)
        before = original.loc[name]
        kind = edit.get("kind", "")
        kind = kind if kind and kind != before["kind"] else ""
        affiliation = (edit.get("affiliation") or "").strip()
        affiliation = affiliation if affiliation and affiliation != before["affiliation"] else ""
        same_as = edit.get("same_as") or ""
        same_as = same_as if same_as != name else ""
        if kind or affiliation or same_as:
            rows.append({"name": name, "kind": kind, "affiliation": affiliation,
                         "same_as": same_as})
    earlier = corrections()
    kept = earlier[~earlier["name"].isin(edited)]
    return pd.concat([kept, pd.DataFrame(rows, columns=kept.columns)], ignore_index=True)
