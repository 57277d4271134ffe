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

import datetime as _dt
import warnings
from pathlib import Path

import pandas as pd

from helpers import SEEDS_DIR
from helpers.core import workspace
from helpers.core.story import Story, load_story
from helpers.core.text import article_labels, format_day
from helpers.figures.counted import with_question
from helpers.figures.question import story_figures
from helpers.pipeline import run
from helpers.reliability import article_signals, corroboration
from helpers.report.judgement import conclusion_section, grades_section
from helpers.report.page import page_html, section
from helpers.report.sections import (
    claims_section,
    cleaning_section,
    corroboration_section,
    estimates_section,
    figures_section,
    shared_section,
    signals_section,
    sources_section,
)
from helpers.sources.corpus import load_corpus


def write_report(corpus_path=None, out_path=None, results: dict | None = None, *,
                generated=None, title: str | None = None, cache=True,
                notebook: str | None = None) -> Path:
    """Write the investigation as one self-contained HTML file and return its path.

    - ``corpus_path``: a folder (or file) of articles for :func:`helpers.sources.load_corpus`;
      ``None``: the course's seed articles. Its story (:mod:`helpers.core.story`: the data
      beside the articles, else the generic defaults) gives the title, the question the
      figures answer and the report's wording. Only the story is read when ``results`` is
      given.
    - ``out_path``: where to write; ``None``: ``report.html`` in the work folder
      (``work/report.html``, or wherever :func:`helpers.core.workspace.set_root` points). Parent
      folders are created.
    - ``results``: what :func:`helpers.pipeline.run` returned, so that a notebook that already
      has them never parses the articles again.
    - ``generated``: the date printed as "generated on" (a ``date``, ``datetime`` or text);
      ``None``: today. Give a fixed date for a reproducible file.
    - ``title``: the report's title (default: the story's); ``cache``: passed to
      :func:`helpers.pipeline.run`.
    - ``notebook``: where the learner grades and concludes ("04" for the course's story, "05"
      for their own by default), for the lines that say how to add what is missing.
    """
    story = load_story(corpus_path)
    skipped: list[str] = []
    if results is None:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            corpus = load_corpus(corpus_path)
        for w in caught:  # shown in the report, and passed on as they would have been
            skipped.append(str(w.message))
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
        results = run(corpus, cache=cache, story=story)
        label = _corpus_label(corpus_path, len(corpus))
    else:
        label = _corpus_label(corpus_path, len(results["corpus"]),
                             seeds=corpus_path is None and _is_seeds(results["corpus"]))
    page = report_html(results, generated=generated, title=title, corpus_label=label,
                      load_notes=skipped, story=story, notebook=notebook)
    path = Path(out_path) if out_path is not None else workspace.root() / "report.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path


def report_html(results: dict, generated=None, title: str | None = None,
                corpus_label: str | None = None, load_notes=(), story: Story | None = None,
                notebook: str | None = None) -> str:
    """The report's HTML, as text (what :func:`write_report` writes). ``story``: the course's
    when None; every heading, chart and selection of figures follows its question."""
    story = story or load_story()
    notebook = notebook or ("04" if story.folder == SEEDS_DIR.resolve() else "05")
    corpus = results["corpus"]
    claims = results["claims"]
    figures = results["figures"]
    story = with_question(story, figures)  # a folder nobody chose a question for
    # the figures answering the story's question: the selection notebook 04 grades and
    # corroborates (helpers.figures.story_figures), so the report shows what the notebook shows
    answering = story_figures(figures, story.question)
    tables = reliability_tables(results, answering, recompute=True)
    labels = article_labels(corpus["article_id"])
    label_of = dict(zip(corpus["article_id"].astype(str), labels, strict=True))
    corpus_label = corpus_label or f"{len(corpus)} articles"

    sections = [
        section("sources", "1. Read the sources",
                "SIFT: <em>Stop</em> and <em>Investigate the source</em>. Who published each "
                "article, when, by whom, and where they say the information comes from.",
                sources_section(corpus, labels, load_notes)),
        section("cleaning", "What cleaning removed",
                "Before reading, the loader cut page residue out of the text. These pieces "
                "are clues about where each copy comes from.",
                cleaning_section(corpus, labels), level=3),
        section("claims", "2. Tag the claims",
                "SIFT: <em>Trace claims to the original context</em>. Who says what, and how "
                "sure the article sounds. A <em>hedged</em> sentence uses the "
                "<em>conditionnel journalistique</em> (the French conditional: "
                "<em>auraient tiré</em>, “reportedly fired”) or <em>selon</em> (“according "
                "to”): the outlet does not vouch for it.",
                claims_section(claims, label_of)),
        section("figures", "3. Compare the figures",
                "SIFT: <em>Find better coverage</em>. Every number the articles give, with its "
                "qualifier (<em>environ</em> = about, <em>au moins</em> = at least, "
                "<em>jusqu'à</em> = up to) and who gives it.",
                figures_section(figures, label_of)),
        section("timeline", story.report_text("timeline_heading",
                                              f"{story.question.text} The figures over time"),
                "", estimates_section(figures, label_of, story), level=3),
        section("reliability", "4. Assess reliability",
                "Civic Online Reasoning: <em>Who is behind the information? What is the "
                "evidence? What do other sources say?</em> What a reader can observe about "
                "each article. None of these signals proves an article right or wrong.",
                signals_section(tables["signals"], label_of, story)),
        section("corroboration", "Corroboration: articles are not origins",
                "Five articles repeating one ministry are one origin, and officials who speak "
                "for one government are one origin. A figure is confirmed only when independent "
                "origins, on different sides, give it for the same thing over the same scope.",
                corroboration_section(tables["corroboration"], label_of), level=3),
        section("shared", "Shared passages",
                "Text two articles have in common: one copied the other, or both copied a "
                "third source (a news agency, a press release).",
                shared_section(corpus, label_of), level=3),
        section("judgement", "5. Your judgement",
                f"The learner's own work from notebook {notebook}, saved in the work folder.",
                ""),
        section("grades", "Your Admiralty grades",
                "The Admiralty code grades the <em>source</em> (A completely reliable … "
                "E unreliable, F cannot be judged) and the <em>information</em> (1 confirmed by "
                "other sources … 5 improbable, 6 cannot be judged) separately.",
                grades_section(answering, claims, story, notebook), level=3),
        section("conclusion", "Your conclusion",
                story.report_text("conclusion_question",
                                 f"{story.question.text} How sure, and according to whom?"),
                conclusion_section(story, claims, notebook), level=3),
    ]
    return page_html(title or story.title, _date_text(generated), corpus_label, sections)


def _date_text(generated) -> str:
    if generated is None:
        generated = _dt.date.today()
    return generated if isinstance(generated, str) else format_day(generated, short=False)


def reliability_tables(results: dict, answering: pd.DataFrame | None = None,
                       recompute: bool = False) -> dict:
    """``signals`` and ``corroboration`` from ``results``, computed from its tables when absent
    (never by parsing again); ``answering``: the figures answering the story's question
    (default: :func:`helpers.figures.story_figures` of the course's story). ``recompute``:
    corroborate ``answering`` even when ``results`` has a table (made for another question)."""
    out = {k: results[k] for k in ("signals", "corroboration") if k in results}
    if recompute and answering is not None:
        out.pop("corroboration", None)
    if "signals" not in out:
        out["signals"] = article_signals(results["corpus"], docs=results.get("docs"),
                                        claims=results["claims"])
    if "corroboration" not in out:
        if answering is None:
            answering = story_figures(results["figures"])
        out["corroboration"] = corroboration(answering)
    return out


def _corpus_label(corpus_path, n: int, seeds: bool = True) -> str:
    articles = f"{n} article{'s' if n != 1 else ''}"
    if corpus_path is None:
        return f"the course's {articles} (seeds/)" if seeds else articles
    return f"{articles} from “{workspace.shown(Path(corpus_path))}”"


def _is_seeds(corpus: pd.DataFrame) -> bool:
    """Whether ``corpus`` is the course's seed articles (same ids), e.g. results given."""
    stems = {p.stem for p in SEEDS_DIR.glob("*.txt")}
    return bool(stems) and set(corpus["article_id"].astype(str)) == stems
