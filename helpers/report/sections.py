"""The report's sections, one function each, following the course's four moves: the sources and
what cleaning removed, the claims, the figures and their timeline, reliability (signals,
corroboration, shared passages). Every piece of article text goes through escaping."""

from __future__ import annotations

import html

import pandas as pd

from helpers.core.story import Story
from helpers.core.text import is_missing, short_id
from helpers.display.points import timeline_points, value_text
from helpers.display.timeline import undated_note
from helpers.figures.question import past_figures, spread, story_estimates
from helpers.reliability import shared_passages, signal_explanations
from helpers.report.charts import (
    figure_html,
    spread_alt,
    spread_png,
    timeline_alt,
    timeline_png,
)
from helpers.report.page import DASH, cut, day, empty_note, joined, num, table_html
from helpers.sources.provenance import REMOVED_KIND_MEANING, sources_table


def sources_section(corpus: pd.DataFrame, labels: list[str], load_notes) -> str:
    table = sources_table(corpus)
    table.insert(0, "article", labels)
    parts = [table_html(table.reset_index(drop=True), "sources")]
    notes = [n for n in load_notes if n]
    if notes:
        items = "".join(f"<li>{html.escape(n)}</li>" for n in notes)
        parts.append(f'<p class="note">Files the loader did not use:</p><ul class="note">{items}'
                     "</ul>")
    return "\n".join(parts)


def cleaning_section(corpus: pd.DataFrame, labels: list[str]) -> str:
    if "removed" not in corpus.columns:
        return empty_note("This corpus does not record what cleaning removed.")
    kinds: dict[str, dict] = {}
    for label, removed in zip(labels, corpus["removed"], strict=True):
        for item in removed if isinstance(removed, list) else []:
            kind = str(item.get("kind", "removed"))
            entry = kinds.setdefault(kind, {"counts": {}, "example": ""})
            entry["counts"][label] = entry["counts"].get(label, 0) + 1
            text = " ".join(str(item.get("text", "")).split())
            if not entry["example"] and len(text) > 1:
                entry["example"] = cut(text, 90)
    if not kinds:
        return empty_note("Cleaning removed nothing: the text was clean as received.")
    rows = [{"what was removed": kind,
             "pieces, per article": ", ".join(f"{a}: {n}" for a, n in e["counts"].items()),
             "example": e["example"] or DASH,
             "what it tells you": REMOVED_KIND_MEANING.get(kind, "")}
            for kind, e in sorted(kinds.items(), key=lambda kv: -sum(kv[1]["counts"].values()))]
    return table_html(pd.DataFrame(rows), "cleaning")


def claims_section(claims: pd.DataFrame, label_of: dict) -> str:
    if claims is None or claims.empty:
        return empty_note("No sentences were found in the articles.")
    parts = ['<h3 id="claims-per-article">Per article</h3>']
    rows = []
    for aid, mine in claims.groupby(claims["article_id"].astype(str), sort=False):
        said = mine[mine["speaker"].fillna("") != ""]
        top = said["speaker"].value_counts().head(3)
        rows.append({
            "article": label_of.get(aid, aid),
            "sentences": len(mine),
            "attributed": len(said),
            "anonymous": int((mine["speaker_kind"] == "anonymous").sum()),
            "quoted": int(mine["quoted"].astype(bool).sum()),
            "hedged": f"{int(mine['hedged'].astype(bool).sum())} "
                      f"({mine['hedged'].astype(bool).mean():.0%})",
            "speakers": int(said["speaker"].nunique()),
            "most cited": ", ".join(f"{s} ({n})" for s, n in top.items()) or DASH,
        })
    parts.append(table_html(pd.DataFrame(rows), "claims-summary"))
    parts.append('<h3 id="anonymous">Anonymous sources</h3>')
    anon = claims[claims["speaker_kind"] == "anonymous"]
    if anon.empty:
        parts.append(empty_note("No anonymous source: every attributed claim names its speaker."))
        return "\n".join(parts)
    parts.append('<p class="intro">Nobody can check who they are, what they could know or '
                 "whether they are independent of each other.</p>")
    rows = []
    for (aid, speaker), mine in anon.groupby([anon["article_id"].astype(str), "speaker"],
                                             sort=False):
        written = mine["speaker_text"] if "speaker_text" in mine else pd.Series(dtype=str)
        written = [w for w in dict.fromkeys(written.fillna("").str.strip()) if len(w) > 3]
        rows.append({
            "article": label_of.get(aid, aid),
            "source": speaker,
            "as written": " / ".join(written) or DASH,
            "sentences": len(mine),
            "first sentence": cut(mine["sentence"].iloc[0], 220),
        })
    parts.append(table_html(pd.DataFrame(rows), "anonymous"))
    return "\n".join(parts)


def figures_section(figures: pd.DataFrame, label_of: dict) -> str:
    if figures is None or figures.empty:
        return empty_note("No figures were found in the articles.")
    rows = []
    for _, f in figures.iterrows():
        vague = f["qualifier"] == "vague" or is_missing(f["value"])
        rows.append({
            "article": label_of.get(str(f["article_id"]), f["article_id"]),
            "as written": f["text"],
            "value": "vague (no number)" if vague else value_text(f),
            "unit": f.get("unit", "") or DASH,
            "counts": f.get("unit_kind", "") or DASH,
            "speaker": f["speaker"] or "nobody named",
            "stated on": day(f.get("stated_on")),
        })
    return table_html(pd.DataFrame(rows), "figures")


def estimates_section(figures: pd.DataFrame, label_of: dict, story: Story) -> str:
    """The estimates answering the story's question: the timeline, the spread, the table; the
    figures about earlier events, apart."""
    question = story.question
    if figures is None or figures.empty or "unit_kind" not in figures.columns:
        return empty_note(story.report_text(
            "no_figures", "No figure answers the story's question, so there is no timeline to "
            "draw."))
    est = story_estimates(figures, question=question)
    past = past_section(figures, label_of, story)
    if est.empty:
        return empty_note(f"No figure estimates {question.answers}, so there is no timeline "
                          "to draw.") + past
    points = timeline_points(est)
    parts = [f'<p class="intro">One point per estimate of {html.escape(question.answers)}, at '
             "the date it was stated (by article when its article has no date). Colour = the "
             "speaker's side; shape = the speaker; a hollow marker is approximate, an arrow a "
             "bound (“at least”, “up to”), a bar a range.</p>"]
    if len(points):
        caption = story.report_text("timeline_caption", f"The timeline: {question.text}")
        parts.append(figure_html(timeline_png(est, question), timeline_alt(points, question),
                                 caption))
    undated = sorted({short_id(a) for a in est.loc[est["stated_on"].isna(), "article_id"]})
    if undated:
        parts.append(f'<p class="friendly">{html.escape(undated_note(undated))}</p>')
    if len(points) >= 2:
        s = spread(est)
        caption = (f"The spread: from {num(s['low'])} ({s['low_by']}) to {num(s['high'])} "
                   f"({s['high_by']}), {s['ratio']:.1f} times as many.")
        parts.append(figure_html(spread_png(est, question), spread_alt(points, s), caption))
    rows = [{"stated on": day(r["stated_on"]) if not is_missing(r["stated_on"]) else "no date",
             "speaker": r["speaker"] or "nobody named", "side": r["side"],
             "estimate": value_text(r), "scope": r.get("scope") or DASH,
             "article": label_of.get(str(r["article_id"]), r["article_id"]),
             "as written": r["text"], "mentions": r.get("mentions", 1)}
            for _, r in est.iterrows()]
    parts.append('<p class="intro">The same estimates as a table (the chart\'s data):</p>')
    parts.append(table_html(pd.DataFrame(rows), "estimates"))
    return "\n".join(parts) + past


def past_section(figures: pd.DataFrame, label_of: dict, story: Story) -> str:
    """The figures counting what the question counts, but about an earlier event: listed apart,
    never on the timeline."""
    past = past_figures(figures, story.question)
    if past.empty:
        return ""
    rows = [{"article": label_of.get(str(r["article_id"]), r["article_id"]),
             "figure": value_text(r), "as written": r["text"],
             "speaker": r["speaker"] or "nobody named", "sentence": cut(r["sentence"], 220)}
            for _, r in past.iterrows()]
    return ('\n<h3 id="past">Figures about earlier events</h3>\n<p class="intro">These count '
            f"{html.escape(question_words(story))} too, but for an earlier event (a past "
            "disaster, a previous day): they are not this story's figures and stay off the "
            "timeline.</p>\n" + table_html(pd.DataFrame(rows), "past"))


def question_words(story: Story) -> str:
    return story.question.counted or "what the question counts"


def signals_section(signals: pd.DataFrame, label_of: dict, story: Story | None = None) -> str:
    if signals is None or signals.empty:
        return empty_note("No article, so no signals.")
    meaning = signal_explanations(story).set_index("signal")
    columns = [label_of.get(str(a), str(a)) for a in signals["article_id"]]
    rows = []
    for signal in [c for c in signals.columns if c != "article_id"]:
        kind = meaning["type"].get(signal, "")
        row = {"signal": signal.replace("_", " ")}
        for col, value in zip(columns, signals[signal], strict=True):
            row[col] = _signal_value(value, kind)
        row["what it means"] = meaning["meaning"].get(signal, "")
        row["read as"] = meaning["reading"].get(signal, "")
        rows.append(row)
    table = pd.DataFrame(rows)
    return (table_html(table, "signals") +
            '\n<p class="note">“read as”: <em>transparency</em> (more of it lets a reader '
            "check), <em>caution</em> (a reason to look for the original), <em>context</em> "
            "(neither).</p>")


def corroboration_section(table: pd.DataFrame, label_of: dict) -> str:
    if table is None or table.empty:
        return empty_note("No figure with a number, so nothing to corroborate.")
    rows = []
    for _, r in table.iterrows():
        rows.append({
            "figure": r["claim"] if r.get("claim") else f"{num(r['value'])} {r['unit_kind']}",
            "as written": joined(r.get("texts", [])),
            "articles": joined(label_of.get(str(a), a) for a in r["articles"]),
            "origins": f"{r['n_origins']}: {joined(r['origins'])}" if r["n_origins"] else "0",
            "speakers": joined(r["speakers"]) or DASH,
            "scopes": joined(r.get("scopes", [])) or DASH,
            "independence": r["independent"],
        })
    return table_html(pd.DataFrame(rows), "corroboration")


def shared_section(corpus: pd.DataFrame, label_of: dict) -> str:
    if len(corpus) < 2:
        return empty_note("Only one article: nothing to compare.")
    shared = shared_passages(corpus)
    if shared.empty:
        return empty_note("No two articles share a passage of 8 words or more.")
    rows = [{"articles": f"{label_of.get(r['article_a'], r['article_a'])} & "
                         f"{label_of.get(r['article_b'], r['article_b'])}",
             "passage in the first": r["passage_a"], "passage in the second": r["passage_b"],
             "shared words": r["shared_words"], "similarity": f"{r['similarity']:.0f} %"}
            for _, r in shared.iterrows()]
    return table_html(pd.DataFrame(rows), "shared")


def _signal_value(value, kind: str) -> str:
    if kind == "bool":
        return "yes" if bool(value) else "no"
    if kind == "share":
        return f"{float(value):.0%}"
    if is_missing(value) or value == "":
        return DASH
    return str(value)
