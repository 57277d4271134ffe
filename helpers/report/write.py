"""The hand-in: the whole investigation as one self-contained HTML file, and its tables as CSV.

>>> path = write_report()                         # the seeds -> work/report.html
>>> path = write_report("my_articles/")           # a learner's own folder
>>> path = write_report(results=result)           # results of helpers.pipeline.run (no new parse)
>>> export_tables(result)                         # work/exports/claims.csv, figures.csv, ...

The report is **one file** that opens in any browser, offline, and can be e-mailed or uploaded to a
learning platform: the style is inline CSS, the charts are PNG images embedded as base64 ``data:``
URIs (each with an ``alt`` text that says what it shows), and there is no script, no font, no link
to anything outside the file. It prints well (no cut tables, no navigation on paper) and reads on a
phone (wide tables scroll sideways).

Sections follow the course's four moves, then the learner's own judgement:

1. *Read the sources*: who published each article, when (and on what evidence), by whom, from
   whom; what the loader's cleaning removed (aggregator lines, scraper residue...).
2. *Tag the claims*: per article, how many sentences are attributed, anonymous, quoted, hedged;
   the anonymous sources and what they are used for.
3. *Compare the figures*: every figure; the timeline and the spread of the troop estimates.
4. *Assess reliability*: the transparency signals of each article (with what each means), the
   corroboration of each figure by independent origins, the passages articles share.
5. *Your judgement*: the learner's Admiralty grades beside the rubric's (``work/grades.json``),
   and their conclusion paragraph (``work/conclusion.json``) with what the checker says; when
   they are not saved yet, a line says how to add them in notebook 04.

**Articles are untrusted input**: every piece of text that comes from an article, from its file's
name or from ``sources.csv`` goes through pandas' ``to_html(escape=True)`` or :func:`html.escape`.

The CSV files (:func:`export_tables`) are UTF-8 *with* a byte-order mark, so that Excel opens
French accents correctly; list cells are joined with ``"; "``; a text cell that a spreadsheet
would run as a formula (it starts with ``=``, ``+``, ``-``, ``@``) gets a leading ``'`` (OWASP's
advice against CSV injection: an article could carry ``=HYPERLINK(...)``).
"""

from __future__ import annotations

import base64
import datetime as _dt
import html
import io
import re
import warnings
from pathlib import Path

import pandas as pd

from helpers.core import workspace

__all__ = ["EXPORTS", "article_labels", "export_tables", "report_html", "write_report"]

#: the CSV files :func:`export_tables` writes, and the results table each comes from
EXPORTS = {"claims": "claims.csv", "figures": "figures.csv", "signals": "signals.csv",
           "corroboration": "corroboration.csv"}
#: the workspace key of the learner's conclusion paragraph (saved by notebook 04)
CONCLUSION_KEY = "conclusion"
DEFAULT_TITLE = "North Korean soldiers in Kursk: how the reports know what they say"
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]
_DASH = "—"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# ============================================================================= public API


def write_report(corpus_path=None, out_path=None, results: dict | None = None, *,
                 generated=None, title: str = DEFAULT_TITLE, cache=True) -> Path:
    """Write the investigation as one self-contained HTML file and return its path.

    - ``corpus_path``: a folder (or file) of articles for :func:`helpers.corpus.load_corpus`;
      ``None``: the course's seed articles. Ignored when ``results`` is given.
    - ``out_path``: where to write; ``None``: ``report.html`` in the work folder
      (``work/report.html``, or wherever :func:`helpers.workspace.set_root` points). Parent
      folders are created.
    - ``results``: what :func:`helpers.pipeline.run` returned, so that a notebook that already
      has them never parses the articles again.
    - ``generated``: the date printed as "generated on" (a ``date``, ``datetime`` or text);
      ``None``: today. Give a fixed date for a reproducible file.
    - ``title``: the report's title; ``cache``: passed to :func:`helpers.pipeline.run`.
    """
    skipped: list[str] = []
    if results is None:
        from helpers.pipeline import run
        from helpers.sources.corpus import load_corpus

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            corpus = load_corpus(corpus_path)
        for w in caught:  # shown in the report, and passed on as they would have been
            skipped.append(str(w.message))
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
        results = run(corpus, cache=cache)
        label = _corpus_label(corpus_path, len(corpus))
    else:
        label = _corpus_label(corpus_path, len(results["corpus"]),
                              seeds=corpus_path is None and _is_seeds(results["corpus"]))
    page = report_html(results, generated=generated, title=title, corpus_label=label,
                       load_notes=skipped)
    path = Path(out_path) if out_path is not None else workspace.root() / "report.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path


def export_tables(results: dict, folder=None) -> list[Path]:
    """Write ``claims.csv``, ``figures.csv``, ``signals.csv`` and ``corroboration.csv`` from
    :func:`helpers.pipeline.run`'s ``results`` into ``folder`` (``None``: ``exports/`` in the work
    folder) and return their paths. UTF-8 with a byte-order mark (Excel reads the accents), no
    index, list cells joined with ``"; "``, dates as ``YYYY-MM-DD``."""
    folder = Path(folder) if folder is not None else workspace.root() / "exports"
    folder.mkdir(parents=True, exist_ok=True)
    tables = _reliability_tables(results)
    paths = []
    for key, name in EXPORTS.items():
        table = results[key] if key in results else tables[key]
        path = folder / name
        _csv_ready(table).to_csv(path, index=False, encoding="utf-8-sig", date_format="%Y-%m-%d")
        paths.append(path)
    return paths


def report_html(results: dict, generated=None, title: str = DEFAULT_TITLE,
                corpus_label: str | None = None, load_notes=()) -> str:
    """The report's HTML, as text (what :func:`write_report` writes)."""
    corpus = results["corpus"]
    claims = results["claims"]
    figures = results["figures"]
    tables = _reliability_tables(results)
    labels = article_labels(corpus["article_id"])
    label_of = dict(zip(corpus["article_id"].astype(str), labels, strict=True))
    corpus_label = corpus_label or f"{len(corpus)} articles"

    sections = [
        _section("sources", "1. Read the sources",
                 "SIFT: <em>Stop</em> and <em>Investigate the source</em>. Who published each "
                 "article, when, by whom, and where they say the information comes from.",
                 _sources(corpus, labels, load_notes)),
        _section("cleaning", "What cleaning removed",
                 "Before reading, the loader cut page residue out of the text. These pieces "
                 "are clues about where each copy comes from.",
                 _cleaning(corpus, labels), level=3),
        _section("claims", "2. Tag the claims",
                 "SIFT: <em>Trace claims to the original context</em>. Who says what, and how "
                 "sure the article sounds. A <em>hedged</em> sentence uses the "
                 "<em>conditionnel journalistique</em> (the French conditional: "
                 "<em>auraient tiré</em>, “reportedly fired”) or <em>selon</em> (“according "
                 "to”): the outlet does not vouch for it.",
                 _claims(claims, label_of)),
        _section("figures", "3. Compare the figures",
                 "SIFT: <em>Find better coverage</em>. Every number the articles give, with its "
                 "qualifier (<em>environ</em> = about, <em>au moins</em> = at least, "
                 "<em>jusqu'à</em> = up to) and who gives it.",
                 _figures(figures, label_of)),
        _section("timeline", "The troop estimates over time", "",
                 _estimates(figures, label_of), level=3),
        _section("reliability", "4. Assess reliability",
                 "Civic Online Reasoning: <em>Who is behind the information? What is the "
                 "evidence? What do other sources say?</em> What a reader can observe about "
                 "each article. None of these signals proves an article right or wrong.",
                 _signals(tables["signals"], label_of)),
        _section("corroboration", "Corroboration: articles are not origins",
                 "Five articles repeating one ministry are one origin. A figure is confirmed "
                 "only when independent origins, on different sides, give it.",
                 _corroboration(tables["corroboration"], label_of), level=3),
        _section("shared", "Shared passages",
                 "Text two articles have in common: one copied the other, or both copied a "
                 "third source (a news agency, a press release).",
                 _shared(corpus, label_of), level=3),
        _section("judgement", "5. Your judgement",
                 "The learner's own work from notebook 04, saved in the work folder.", ""),
        _section("grades", "Your Admiralty grades",
                 "The Admiralty code grades the <em>source</em> (A completely reliable … "
                 "E unreliable, F cannot be judged) and the <em>information</em> (1 confirmed by "
                 "other sources … 5 improbable, 6 cannot be judged) separately.",
                 _grades(figures, claims), level=3),
        _section("conclusion", "Your conclusion",
                 "How many North Korean soldiers, how sure, and according to whom.",
                 _conclusion(), level=3),
    ]
    return _page(title, _date_text(generated), corpus_label, sections)


def article_labels(article_ids) -> list[str]:
    """Short names for the articles, in order: the part before the first ``_``
    (``002_fd0b306409274ced`` -> ``002``) when those are all different, else the full ids."""
    ids = [str(a) for a in article_ids]
    short = [a.split("_", 1)[0] for a in ids]
    return short if len(set(short)) == len(short) else ids


# ============================================================================= sections


def _sources(corpus: pd.DataFrame, labels: list[str], load_notes) -> str:
    from helpers.sources.provenance import sources_table

    table = sources_table(corpus)
    table.insert(0, "article", labels)
    parts = [_table(table.reset_index(drop=True), "sources")]
    notes = [n for n in load_notes if n]
    if notes:
        items = "".join(f"<li>{html.escape(n)}</li>" for n in notes)
        parts.append(f'<p class="note">Files the loader did not use:</p><ul class="note">{items}'
                     "</ul>")
    return "\n".join(parts)


def _cleaning(corpus: pd.DataFrame, labels: list[str]) -> str:
    from helpers.sources.provenance import REMOVED_KIND_MEANING

    if "removed" not in corpus.columns:
        return _empty("This corpus does not record what cleaning removed.")
    kinds: dict[str, dict] = {}
    for label, removed in zip(labels, corpus["removed"], strict=True):
        for item in removed if isinstance(removed, list) else []:
            kind = str(item.get("kind", "removed"))
            entry = kinds.setdefault(kind, {"counts": {}, "example": ""})
            entry["counts"][label] = entry["counts"].get(label, 0) + 1
            text = " ".join(str(item.get("text", "")).split())
            if not entry["example"] and len(text) > 1:
                entry["example"] = _cut(text, 90)
    if not kinds:
        return _empty("Cleaning removed nothing: the text was clean as received.")
    rows = [{"what was removed": kind,
             "pieces, per article": ", ".join(f"{a}: {n}" for a, n in e["counts"].items()),
             "example": e["example"] or _DASH,
             "what it tells you": REMOVED_KIND_MEANING.get(kind, "")}
            for kind, e in sorted(kinds.items(), key=lambda kv: -sum(kv[1]["counts"].values()))]
    return _table(pd.DataFrame(rows), "cleaning")


def _claims(claims: pd.DataFrame, label_of: dict) -> str:
    if claims is None or claims.empty:
        return _empty("No sentences were found in the articles.")
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
            "most cited": ", ".join(f"{s} ({n})" for s, n in top.items()) or _DASH,
        })
    parts.append(_table(pd.DataFrame(rows), "claims-summary"))
    parts.append('<h3 id="anonymous">Anonymous sources</h3>')
    anon = claims[claims["speaker_kind"] == "anonymous"]
    if anon.empty:
        parts.append(_empty("No anonymous source: every attributed claim names its speaker."))
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
            "as written": " / ".join(written) or _DASH,
            "sentences": len(mine),
            "first sentence": _cut(mine["sentence"].iloc[0], 220),
        })
    parts.append(_table(pd.DataFrame(rows), "anonymous"))
    return "\n".join(parts)


def _figures(figures: pd.DataFrame, label_of: dict) -> str:
    from helpers.display.points import value_text

    if figures is None or figures.empty:
        return _empty("No figures were found in the articles.")
    rows = []
    for _, f in figures.iterrows():
        vague = f["qualifier"] == "vague" or pd.isna(f["value"])
        rows.append({
            "article": label_of.get(str(f["article_id"]), f["article_id"]),
            "as written": f["text"],
            "value": "vague (no number)" if vague else value_text(f),
            "unit": f.get("unit", "") or _DASH,
            "counts": f.get("unit_kind", "") or _DASH,
            "speaker": f["speaker"] or "nobody named",
            "stated on": _day(f.get("stated_on")),
        })
    return _table(pd.DataFrame(rows), "figures")


def _estimates(figures: pd.DataFrame, label_of: dict) -> str:
    from helpers.display.points import timeline_points, value_text
    from helpers.figures.question import spread, story_estimates

    if figures is None or figures.empty or "unit_kind" not in figures.columns:
        return _empty("No figure counts soldiers, so there is no timeline to draw.")
    est = story_estimates(figures)
    if est.empty:
        return _empty("No figure estimates how many soldiers were sent, so there is no timeline "
                      "to draw.")
    points = timeline_points(est)
    parts = ['<p class="intro">One point per estimate of how many North Korean soldiers were '
             "sent, at the date it was stated. Colour = the speaker's side; shape = the "
             "speaker; a hollow marker is approximate, an arrow a bound (“at least”, “up "
             "to”), a bar a range.</p>"]
    if len(points):
        parts.append(_figure_html(_timeline_png(est), _timeline_alt(points),
                                  "The timeline of the troop estimates."))
    if len(points) >= 2:
        s = spread(est)
        caption = (f"The spread: from {_num(s['low'])} ({s['low_by']}) to {_num(s['high'])} "
                   f"({s['high_by']}), {s['ratio']:.1f} times as many.")
        parts.append(_figure_html(_spread_png(est), _spread_alt(points, s), caption))
    rows = [{"stated on": _day(r["stated_on"]), "speaker": r["speaker"] or "nobody named",
             "side": r["side"], "estimate": value_text(r), "scope": r.get("scope") or _DASH,
             "article": label_of.get(str(r["article_id"]), r["article_id"]),
             "as written": r["text"], "mentions": r.get("mentions", 1)}
            for _, r in est.iterrows()]
    parts.append('<p class="intro">The same estimates as a table (the chart\'s data):</p>')
    parts.append(_table(pd.DataFrame(rows), "estimates"))
    return "\n".join(parts)


def _signals(signals: pd.DataFrame, label_of: dict) -> str:
    from helpers.reliability.conclusion import signal_explanations

    if signals is None or signals.empty:
        return _empty("No article, so no signals.")
    meaning = signal_explanations().set_index("signal")
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
    return (_table(table, "signals") +
            '\n<p class="note">“read as”: <em>transparency</em> (more of it lets a reader '
            "check), <em>caution</em> (a reason to look for the original), <em>context</em> "
            "(neither).</p>")


def _corroboration(table: pd.DataFrame, label_of: dict) -> str:
    if table is None or table.empty:
        return _empty("No figure with a number, so nothing to corroborate.")
    rows = []
    for _, r in table.iterrows():
        rows.append({
            "figure": f"{_num(r['value'])} {r['unit_kind']}".strip(),
            "as written": _join(r.get("texts", [])),
            "articles": _join(label_of.get(str(a), a) for a in r["articles"]),
            "origins": f"{r['n_origins']}: {_join(r['origins'])}" if r["n_origins"] else "0",
            "speakers": _join(r["speakers"]) or _DASH,
            "independence": r["independent"],
        })
    return _table(pd.DataFrame(rows), "corroboration")


def _shared(corpus: pd.DataFrame, label_of: dict) -> str:
    from helpers.reliability.conclusion import shared_passages

    if len(corpus) < 2:
        return _empty("Only one article: nothing to compare.")
    shared = shared_passages(corpus)
    if shared.empty:
        return _empty("No two articles share a passage of 8 words or more.")
    rows = [{"articles": f"{label_of.get(r['article_a'], r['article_a'])} & "
                         f"{label_of.get(r['article_b'], r['article_b'])}",
             "passage in the first": r["passage_a"], "passage in the second": r["passage_b"],
             "shared words": r["shared_words"], "similarity": f"{r['similarity']:.0f} %"}
            for _, r in shared.iterrows()]
    return _table(pd.DataFrame(rows), "shared")


def _grades(figures: pd.DataFrame, claims: pd.DataFrame) -> str:
    from helpers.reliability.grading import grade_name, load_grades, propose_grades, reconcile

    grades = load_grades()
    try:
        proposals = propose_grades(figures, claims)
    except (KeyError, ValueError):  # a table without the columns the rubric needs
        proposals = pd.DataFrame(columns=["origin", "claim", "proposed", "reliability",
                                          "credibility", "name", "reasons"])

    def named(code: str) -> str:
        try:
            return grade_name(code)
        except ValueError:
            return code or _DASH

    if not grades:
        parts = [_friendly(
            "You have not saved any grades yet. In notebook 04 (<em>Assessing "
            "reliability</em>), grade each origin with <code>save_grade(\"GUR\", \"C\", 3, "
            "note=\"why\")</code>, then write this report again: your grades will appear "
            "here, beside the rubric's.")]
        if len(proposals):
            rows = [{"origin": r["origin"], "claim": _thousands(r["claim"]),
                     "proposed": named(r["proposed"])}
                    for _, r in proposals.iterrows()]
            parts.append('<p class="intro">For reference, the grades the course\'s rubric '
                         "proposes (not yours):</p>")
            parts.append(_table(pd.DataFrame(rows), "proposals"))
        return "\n".join(parts)
    table = reconcile(proposals, grades)
    rows = [{"origin": r["origin"], "claim": _thousands(r["claim"]), "proposed by the rubric":
             named(r["proposed"]), "your grade": named(r["yours"]) if r["yours"] else _DASH,
             "comparison": r["comment"], "your note": r["note"] or _DASH}
            for _, r in table.iterrows()]
    known = set(table["origin"])
    for origin, mine in grades.items():  # origins the learner graded that the rubric did not
        if origin in known or not isinstance(mine, dict):
            continue
        code = f"{mine.get('reliability', '')}{mine.get('credibility', '')}"
        rows.append({"origin": origin, "claim": _thousands(mine.get("claim")) or _DASH,
                     "proposed by the rubric": named(str(mine.get("proposed") or "")),
                     "your grade": named(code), "comparison": "your own choice of origin",
                     "your note": mine.get("note") or _DASH})
    rows.sort(key=lambda r: r["your grade"] == _DASH)  # the learner's first, in rubric order
    graded = sum(1 for r in rows if r["your grade"] != _DASH)
    intro = (f'<p class="intro">You graded {graded} origin{"s" if graded != 1 else ""}. '
             "Where you differ from the rubric, your note says why.</p>")
    return intro + "\n" + _table(pd.DataFrame(rows), "grades")


def _conclusion() -> str:
    saved = workspace.load(CONCLUSION_KEY)
    text = saved.get("text", "") if isinstance(saved, dict) else saved
    text = text.strip() if isinstance(text, str) else ""
    if not text:
        return _friendly(
            "You have not saved a conclusion yet. At the end of notebook 04 (<em>Assessing "
            "reliability</em>), write your paragraph: how many North Korean soldiers, how sure "
            "(an estimative term such as <em>likely</em>), according to which independent "
            "origins. Save it, then write this report again.")
    paragraphs = "".join(f"<p>{html.escape(p.strip())}</p>"
                         for p in text.split("\n\n") if p.strip())
    parts = [f'<blockquote class="conclusion">{paragraphs}</blockquote>']
    try:
        from helpers.reliability.conclusion import conclusion_report

        check = conclusion_report(text)
    except Exception as err:  # the checker's data missing: the paragraph still goes in
        warnings.warn(f"The conclusion checker could not run ({err}).", stacklevel=2)
        return "\n".join(parts)
    verdict = "passes both checks" if check.ok else "does not pass both checks yet"
    items = "".join(f"<li>{html.escape(line.strip())}</li>" for line in check.feedback)
    parts.append(f'<p class="intro">What the course\'s checker says (it {verdict}):</p>'
                 f'<ul class="feedback">{items}</ul>')
    return "\n".join(parts)


# ============================================================================= charts


def _new_figure(width: float, height: float):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=110)
    FigureCanvasAgg(fig)  # no pyplot: no global state, no backend to choose, nothing leaks
    return fig


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight", facecolor="white",
                metadata={"Software": None})
    return buf.getvalue()


def _timeline_png(estimates: pd.DataFrame) -> bytes:
    from helpers.display.timeline import plot_timeline

    fig = _new_figure(8, 4.5)
    ax = fig.add_subplot()
    fig.subplots_adjust(left=0.1, right=0.74, top=0.84, bottom=0.12)
    plot_timeline(estimates, ax=ax)
    return _png(fig)


def _spread_png(estimates: pd.DataFrame) -> bytes:
    from helpers.display.points import speaker_markers, timeline_points
    from helpers.display.spread import plot_spread

    n = len(timeline_points(estimates))
    fig = _new_figure(8, 1.1 + 0.32 * max(n, 1))
    ax = fig.add_subplot()
    plot_spread(estimates, ax=ax, markers=speaker_markers(timeline_points(estimates)))
    return _png(fig)


def _timeline_alt(points: pd.DataFrame) -> str:
    first, last = points["stated_on"].min(), points["stated_on"].max()
    listed = "; ".join(f"{p['label']} on {_day(p['stated_on'])}" for _, p in points.iterrows())
    return (f"Timeline chart of {len(points)} estimates of how many North Korean soldiers were "
            f"sent, by the date stated, from {_day(first)} to {_day(last)}, between "
            f"{_num(points['value'].min())} and {_num(points['value'].max())}: {listed}.")


def _spread_alt(points: pd.DataFrame, s: pd.Series) -> str:
    return (f"Dot chart of the same {len(points)} estimates in order of size, from "
            f"{_num(s['low'])} ({s['low_by']}) to {_num(s['high'])} ({s['high_by']}); "
            f"median {_num(s['median'])}.")


def _figure_html(png: bytes, alt: str, caption: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return (f'<figure><img src="data:image/png;base64,{data}" alt="{html.escape(alt)}">'
            f"<figcaption>{html.escape(caption)}</figcaption></figure>")


# ============================================================================= page


_CSS = """
:root { --blue: #0072B2; --orange: #E69F00; --vermilion: #D55E00; --grey: #666; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem 1.25rem 3rem;
       font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
             sans-serif; color: #1a1a1a; background: #fff; }
header { border-bottom: 3px solid var(--blue); margin-bottom: 1rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 0.4rem; padding-left: 0.5rem;
     border-left: 5px solid var(--blue); }
h3 { font-size: 1.08rem; margin: 1.6rem 0 0.3rem; }
.meta { color: #333; margin: 0.2rem 0 0.8rem; }
nav ul { margin: 0.3rem 0 0.6rem; padding-left: 0; list-style: none; columns: 2 16rem; }
nav a { color: var(--blue); }
.intro { margin: 0.3rem 0 0.6rem; max-width: 48rem; }
.note { font-size: 0.88rem; color: #333; }
.table-wrap { overflow-x: auto; margin: 0.4rem 0 1rem; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; font-size: 0.86rem; min-width: 50%; }
th, td { text-align: left !important; vertical-align: top; padding: 0.3rem 0.55rem;
         border-bottom: 1px solid #ddd; }
th { background: #eef4f9; font-weight: 600; }
tbody tr:nth-child(even) { background: #fafafa; }
td { max-width: 28rem; overflow-wrap: break-word; }
figure { margin: 1rem 0; }
figure img { display: block; max-width: 100%; height: auto; border: 1px solid #e5e5e5; }
figcaption { font-size: 0.88rem; color: #333; margin-top: 0.3rem; }
.empty { font-style: italic; color: #333; }
.friendly { background: #fff6e0; border-left: 5px solid var(--orange); padding: 0.6rem 0.9rem;
            max-width: 48rem; }
blockquote.conclusion { margin: 0.5rem 0 1rem; padding: 0.6rem 1rem; max-width: 48rem;
                        border-left: 5px solid var(--blue); background: #f3f8fc; }
ul.feedback { max-width: 48rem; }
code { font-size: 0.9em; background: #f2f2f2; padding: 0 0.2em; border-radius: 3px; }
footer { margin-top: 3rem; border-top: 1px solid #ccc; font-size: 0.85rem; color: #333; }
@media screen and (max-width: 40rem) {
  body { font-size: 15px; padding: 0.6rem 0.7rem 2rem; }
  h1 { font-size: 1.3rem; }
  /* a phone: each row becomes a card, each cell a line "column: value" */
  .table-wrap table, .table-wrap tbody, .table-wrap tr, .table-wrap td {
    display: block; width: 100%; min-width: 0; }
  .table-wrap thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
                      clip: rect(0 0 0 0); }
  .table-wrap tr { border: 1px solid #d5d5d5; border-radius: 4px; margin: 0 0 0.6rem;
                   padding: 0.35rem 0.6rem; }
  tbody tr:nth-child(even) { background: #fff; }
  .table-wrap td { border: none; padding: 0.12rem 0; max-width: none; font-size: 0.9rem; }
  .table-wrap td::before { content: attr(data-label) ": "; font-weight: 600; color: #333; }
}
@media print {
  @page { margin: 1.5cm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav { display: none; }
  .table-wrap { overflow: visible; }
  table { font-size: 8.5pt; width: 100%; }
  td { max-width: none; }
  tr, figure, blockquote { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  tbody tr:nth-child(even) { background: none; }
  a { color: inherit; text-decoration: none; }
}
"""


def _page(title: str, date_text: str, corpus_label: str, sections: list[tuple]) -> str:
    toc = "".join(f'<li><a href="#{sid}">{html.escape(heading)}</a></li>'
                  for sid, heading, level, _ in sections if level == 2)
    body = "\n".join(block for *_, block in sections)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>{_CSS}</style>
</head>
<body>
<header>
<h1>{html.escape(title)}</h1>
<p class="meta">Generated on {html.escape(date_text)} · {html.escape(corpus_label)}</p>
<p class="meta">The method: <strong>read the sources → tag the claims → compare the figures →
assess reliability</strong>. The tables were made by the course's helpers; the grades and the
conclusion are the learner's own.</p>
<nav aria-label="Contents"><strong>Contents</strong><ul>{toc}</ul></nav>
</header>
<main>
{body}
</main>
<footer>
<p>Made with the Kursk reports notebooks (<code>helpers.report.write_report</code>). Article text
is quoted as the files give it, in French; it is shown as text, never run as code. Methods: SIFT
(Caulfield), Civic Online Reasoning (Stanford History Education Group), the Admiralty code
(NATO AJP-2.1), estimative language (ICD 203).</p>
</footer>
</body>
</html>
"""


def _section(sid: str, heading: str, intro: str, body: str, level: int = 2) -> tuple:
    tag = f"h{level}"
    intro_html = f'<p class="intro">{intro}</p>' if intro else ""
    block = (f'<section id="{sid}">\n<{tag}>{html.escape(heading)}</{tag}>\n{intro_html}\n'
             f"{body}\n</section>")
    return (sid, heading, level, block)


def _table(frame: pd.DataFrame, name: str) -> str:
    """A table as escaped HTML (pandas escapes every cell and header), inside a scroller."""
    frame = frame.map(lambda v: _join(v) if isinstance(v, list | tuple | set) else v)
    body = frame.to_html(index=False, escape=True, border=0, na_rep=_DASH,
                         classes=f"kr-{name}", render_links=False)
    # each cell gets its column's name, shown before it when a phone lays rows out as cards
    labels = [html.escape(str(c), quote=True) for c in frame.columns]

    def label(row: re.Match) -> str:
        cells = iter(labels)
        return re.sub(r"<td>", lambda _: f'<td data-label="{next(cells, "")}">', row.group(0))

    body = re.sub(r"<tr>.*?</tr>", label, body, flags=re.S)
    return f'<div class="table-wrap">{body}</div>'


def _empty(text: str) -> str:
    return f'<p class="empty">{html.escape(text)}</p>'


def _friendly(markup: str) -> str:
    """A hint for the learner (``markup`` is the module's own text, never an article's)."""
    return f'<p class="friendly">{markup}</p>'


# ============================================================================= helpers


def _reliability_tables(results: dict) -> dict:
    """``signals`` and ``corroboration`` from ``results``, computed from its tables when absent
    (never by parsing again)."""
    out = {k: results[k] for k in ("signals", "corroboration") if k in results}
    if "signals" not in out:
        from helpers.reliability.conclusion import article_signals

        out["signals"] = article_signals(results["corpus"], docs=results.get("docs"),
                                         claims=results["claims"])
    if "corroboration" not in out:
        from helpers.reliability.conclusion import corroboration

        out["corroboration"] = corroboration(results["figures"])
    return out


def _corpus_label(corpus_path, n: int, seeds: bool = True) -> str:
    articles = f"{n} article{'s' if n != 1 else ''}"
    if corpus_path is None:
        return f"the course's {articles} (seeds/)" if seeds else articles
    return f"{articles} from “{workspace.shown(Path(corpus_path))}”"


def _is_seeds(corpus: pd.DataFrame) -> bool:
    """Whether ``corpus`` is the course's seed articles (same ids), e.g. results given."""
    from helpers import SEEDS_DIR

    stems = {p.stem for p in SEEDS_DIR.glob("*.txt")}
    return bool(stems) and set(corpus["article_id"].astype(str)) == stems


def _date_text(generated) -> str:
    if generated is None:
        generated = _dt.date.today()
    if isinstance(generated, str):
        return generated
    return f"{generated.day} {_MONTHS[generated.month - 1]} {generated.year}"


def _day(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return _DASH
    stamp = pd.Timestamp(value)
    return f"{stamp.day} {_MONTHS[stamp.month - 1][:3]} {stamp.year}"


def _num(value) -> str:
    from helpers.core.text import format_number

    return format_number(value) or _DASH


def _thousands(text) -> str:
    """``"about 50 000 troops"`` with a narrow no-break space inside the number (no line break
    between 50 and 000)."""
    return re.sub(r"(?<=\d) (?=\d{3}\b)", "\u202f", str(text or ""))


def _join(values) -> str:
    if values is None or (not isinstance(values, list | tuple | set) and pd.isna(values)):
        return ""
    return "; ".join(str(v) for v in values)


def _cut(text, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _signal_value(value, kind: str) -> str:
    if kind == "bool":
        return "yes" if bool(value) else "no"
    if kind == "share":
        return f"{float(value):.0%}"
    if value is None or (not isinstance(value, str) and pd.isna(value)) or value == "":
        return _DASH
    return str(value)


def _csv_cell(value):
    if isinstance(value, list | tuple | set):
        value = "; ".join(str(v) for v in value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv_ready(frame: pd.DataFrame) -> pd.DataFrame:
    """Lists joined with ``"; "`` and formula-like text defused, in text columns only."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(_csv_cell)
    return out
