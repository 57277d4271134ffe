"""Notebook 03's central picture: who said how many North Korean soldiers, and when.

>>> figures = extract_figures(corpus)
>>> estimates = troop_estimates(figures)        # the rows that estimate the deployment
>>> ax = plot_timeline(estimates, takeaway="Most sources say about 10 000.")
>>> plt.show()

**Which figures are estimates** (:func:`classify_troop_figures`, a documented hand rule; each
troop figure gets a ``role`` and the reason in ``why``). A figure with ``unit_kind == "troops"``
is an ``estimate`` of how many North Korean soldiers were sent unless, checked in this order:

1. ``vague`` – it has no number ("plusieurs milliers", "un petit nombre");
2. ``per unit`` – it is the size of one unit in a derived total ("cinq unités, chacune composée
   d'environ 3 000 soldats": the 3 000; the derived total ~15 000 is kept, ``derived=True``);
3. ``casualties`` – its clause speaks of killed, wounded, dead, victims or losses ("au moins 30
   soldats nord-coréens auraient été tués ou blessés");
4. ``other force`` – it counts soldiers of another army, or a larger force that only includes
   North Koreans ("quelque 50.000 hommes, dont plusieurs milliers de Nord-Coréens", "deux de nos
   hommes", "soldats russes");
5. ``small group`` – it is below :data:`MIN_ESTIMATE` (500): a group seen in one place ("10
   soldats nord-coréens avaient été emmenés dans la forêt"), not the size of a deployment.

**Repeats** (:func:`troop_estimates`): within one article, the same figure (value, bounds,
qualifier, derived, date stated) said again by the same side, or said once with and once without
a named source, is one claim. The row kept names the most specific speaker (a person before an
institution, an anonymous official, a medium, nobody); ``mentions`` counts the repeats and
``sentence_ids`` lists them. The same figure in two *articles* stays two rows: that is the
corroboration question of notebook 04.

**Scope** (``scope``, cheap keyword rule on the figure's clause, first match wins):
``in training`` (entraîner, formation), ``in Kursk`` (Koursk), ``deployed to front`` (front,
champ de bataille, combat, déployer), ``in Russia`` (Russie); else "". A merged claim takes the
scope of its first mention that has one.

**Side**: the speaker's side in ``helpers/data/actors.csv``; a figure with no speaker is
``"unattributed"``, a speaker not in the table ``"other"``.

The timeline (:func:`plot_timeline`) never prints and draws the same picture for the same data:
colour = side (Okabe–Ito), marker shape = speaker, and the meaning of each point is also in its
label, so colour is never the only cue.
"""

from __future__ import annotations

import math
import re

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.legend_handler import HandlerPatch
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, FancyArrowPatch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from helpers.actors import SIDES, actor
from helpers.display import OKABE_ITO

__all__ = [
    "BLACK", "MIN_ESTIMATE", "SIDE_COLOURS", "UNATTRIBUTED", "classify_troop_figures",
    "format_number", "plot_spread", "plot_timeline", "side_of", "speaker_markers", "spread",
    "timeline_points", "value_text",
    "troop_estimates",
]  # fmt: skip

#: below this a troop figure counts a group seen in one place, not a deployment
MIN_ESTIMATE = 500
UNATTRIBUTED = "unattributed"
#: Okabe & Ito's black, the eighth colour of their palette (``OKABE_ITO`` has grey instead)
BLACK = "#000000"
#: one Okabe–Ito colour per side; "other" is black and "unattributed" grey (nobody named)
SIDE_COLOURS = {
    "Ukraine": "#0072B2",  # blue
    "United States": "#E69F00",  # orange
    "South Korea": "#009E73",  # bluish green
    "Russia": "#D55E00",  # vermilion
    "North Korea": "#CC79A7",  # reddish purple
    "NATO": "#56B4E9",  # sky blue
    "EU": "#F0E442",  # yellow
    "other": BLACK,
    UNATTRIBUTED: "#999999",  # grey
}
assert set(SIDE_COLOURS) == {*SIDES, UNATTRIBUTED}
assert set(SIDE_COLOURS.values()) <= {*OKABE_ITO, BLACK}

#: marker shapes given to speakers in order of their first estimate; no triangles (they would
#: read as the arrows of bounds)
SPEAKER_MARKERS = ["o", "s", "D", "P", "X", "h", "p", "*", "8", "d", "H"]

THIN_SPACE = "\u202f"  # narrow no-break space, the French thousands separator
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

DEFAULT_TITLE = "How many North Korean soldiers? The estimates, by the date they were stated"

# --------------------------------------------------------------------------- selecting estimates

_CASUALTY = re.compile(
    r"\b(?:tu[ée]s?|bless[ée]s?|morts?|mortes|victimes?|pertes?|abattu\w*|d[ée]c[ée]d[ée]s?"
    r"|tomb[ée]s?|captur[ée]s?|prisonniers?)\b",
    re.I,
)
# right after the figure (and its unit): soldiers of another army, or a force that only includes
# North Koreans ("50.000 hommes, dont plusieurs milliers de Nord-Coréens")
_OTHER_FORCE = re.compile(
    r"^\W*(?:\w+\W+){0,3}?(?:russes|ukrainiens|am[ée]ricains|sud-cor[ée]ens)\b"
    r"|^\W*(?:de\s+)?(?:nos|leurs)\b"
    r"|^[^.;]{0,40}?\bdont\b",
    re.I,
)
_CLAUSE_OPENER = re.compile(
    r"(?:[;:«»“”\"]|\b(?:que|lesquel(?:le)?s|laquelle|lequel)\b|\bqu')", re.I
)
_SCOPES = [
    ("in training", re.compile(r"\bentra[îi]n\w*|\bformation\b|\bform[ée]s\b", re.I)),
    ("in Kursk", re.compile(r"\bK(?:o|u)u?rsk\b", re.I)),
    ("deployed to front", re.compile(
        r"\bfront\b|champ de bataille|\bcombat\w*|\bd[ée]ploy\w*", re.I)),
    ("in Russia", re.compile(r"\bRussie\b", re.I)),
]
_KIND_RANK = {"person": 0, "institution": 1, "anonymous": 2, "media": 3}


def side_of(speaker) -> str:
    """The side of a speaker (``actors.csv``): ``"unattributed"`` when nobody is named, ``"other"``
    for a speaker not in the table."""
    if speaker is None or (isinstance(speaker, float) and math.isnan(speaker)) or not str(speaker):
        return UNATTRIBUTED
    found = actor(str(speaker))
    return found.side if found else "other"


def _speaker_rank(speaker: str) -> int:
    if not speaker:
        return 5
    found = actor(speaker)
    return _KIND_RANK.get(found.kind, 4) if found else 4


def _figure_span(row: pd.Series, siblings: pd.DataFrame) -> tuple[int, int]:
    """Where the figure is in its sentence (character span); (-1, -1) when not found."""
    sentence = str(row["sentence"])
    text = str(row["text"])
    if row.get("derived", False) and "×" in text:
        text = text.split("×")[-1].strip()  # the per-unit figure, the last one written
        same = siblings[~siblings["derived"]]
    else:
        same = siblings[siblings["derived"] == bool(row.get("derived", False))]
    # the n-th figure with the same text in this sentence is the n-th occurrence
    nth = int((same["text"].str.lower() == text.lower()).loc[: row.name].sum()) - 1
    pos = -1
    for _ in range(max(nth, 0) + 1):
        pos = sentence.lower().find(text.lower(), pos + 1)
        if pos < 0:
            break
    if pos < 0:
        pos = sentence.lower().find(text.lower())
    return (pos, pos + len(text)) if pos >= 0 else (-1, -1)


def _clause(row: pd.Series, siblings: pd.DataFrame) -> tuple[str, str]:
    """The words of the figure's clause before and after it, cut at the neighbouring figures,
    at the last clause opener before it (que, qu', lesquelles, quotes, ;) and at ';'."""
    sentence = str(row["sentence"])
    start, end = _figure_span(row, siblings)
    if start < 0:
        return "", sentence
    before = sentence[:start]
    after = sentence[end:]
    others = []
    for _, other in siblings.iterrows():
        if other.name == row.name or other["derived"]:
            continue
        o_start, o_end = _figure_span(other, siblings)
        if o_start >= 0 and o_start != start:
            others.append((o_start, o_end))
    for o_start, o_end in others:
        if o_end <= start:
            before = sentence[max(o_end, start - len(before)):start]
        elif o_start >= end:
            after = sentence[end:min(o_start, end + len(after))]
    openers = list(_CLAUSE_OPENER.finditer(before))
    if openers:
        before = before[openers[-1].end():]
    after = after.split(";")[0]
    return before, after


def _scope(before: str, after: str) -> str:
    clause = before + " " + after
    for label, rx in _SCOPES:
        if rx.search(clause):
            return label
    return ""


def _factor_texts(figures: pd.DataFrame) -> set[tuple]:
    """(article, sentence, text) of the per-unit figures inside derived totals."""
    out = set()
    for _, row in figures[figures["derived"].astype(bool)].iterrows():
        parts = [p.strip().lower() for p in str(row["text"]).split("×")]
        for part in parts[1:]:
            out.add((row["article_id"], row["sentence_id"], part))
    return out


def classify_troop_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """Every troop figure (``unit_kind == "troops"``) with its ``role`` — ``estimate``, ``vague``,
    ``per unit``, ``casualties``, ``other force`` or ``small group`` — and ``why`` (the rule, in
    words), plus ``side`` and ``scope``. The rules are in this module's docstring."""
    cols = list(figures.columns)
    troops = figures[figures["unit_kind"] == "troops"].copy()
    extra = ["side", "scope", "role", "why"]
    if troops.empty:
        return pd.DataFrame(columns=cols + extra)
    troops["derived"] = troops["derived"].astype(bool)
    factors = _factor_texts(figures)
    roles, whys, scopes = [], [], []
    for idx, row in troops.iterrows():
        siblings = figures[
            (figures["article_id"] == row["article_id"])
            & (figures["sentence_id"] == row["sentence_id"])
        ].copy()
        siblings["derived"] = siblings["derived"].astype(bool)
        before, after = _clause(troops.loc[idx], siblings)
        scopes.append(_scope(before, after))
        value = row["value"]
        key = (row["article_id"], row["sentence_id"], str(row["text"]).strip().lower())
        if row["qualifier"] == "vague" or pd.isna(value):
            role, why = "vague", "no number: a vague amount"
        elif not row["derived"] and key in factors:
            role, why = "per unit", "the size of one unit; the derived total is kept"
        elif _CASUALTY.search(before + " " + after):
            word = _CASUALTY.search(before + " " + after).group(0)
            role, why = "casualties", f"counts casualties ({word!r})"
        elif _OTHER_FORCE.search(after):
            role, why = "other force", (
                "counts another army or a larger force ("
                + _OTHER_FORCE.search(after).group(0).strip(" ,«»“”\"") + ")"
            )
        elif value < MIN_ESTIMATE:
            role, why = "small group", f"under {MIN_ESTIMATE}: a group seen in one place"
        else:
            role, why = "estimate", "how many North Korean soldiers were sent"
        roles.append(role)
        whys.append(why)
    troops["side"] = troops["speaker"].map(side_of)
    troops["scope"] = scopes
    troops["role"] = roles
    troops["why"] = whys
    return troops


def _key_value(v):
    return None if v is None or (isinstance(v, float) and math.isnan(v)) else v


def troop_estimates(figures: pd.DataFrame, merge_repeats: bool = True) -> pd.DataFrame:
    """The estimates of how many North Korean soldiers, one row per claim, sorted by date.

    ``figures`` is :func:`helpers.figures.extract_figures`' table. Columns: its own, plus
    ``side``, ``scope``, ``mentions`` (how often the article repeats the claim) and
    ``sentence_ids``. Derived totals are kept (``derived=True``). With ``merge_repeats=False``
    every mention is its own row (``mentions`` = 1). Rules: this module's docstring.
    """
    classified = classify_troop_figures(figures)
    est = classified[classified["role"] == "estimate"].drop(columns=["role", "why"])
    base_cols = [c for c in figures.columns if c in est.columns]
    out_cols = base_cols + ["side", "scope", "mentions", "sentence_ids"]
    if est.empty:
        return pd.DataFrame(columns=out_cols)
    est = est.sort_values(["article_id", "sentence_id", "start"], kind="stable")
    rows = []
    if not merge_repeats:
        for _, row in est.iterrows():
            rows.append({**row.to_dict(), "mentions": 1, "sentence_ids": [row["sentence_id"]]})
    else:
        groups: dict[tuple, list[pd.Series]] = {}
        for _, row in est.iterrows():
            key = (row["article_id"], _key_value(row["value"]), _key_value(row["low"]),
                   _key_value(row["high"]), row["qualifier"], bool(row["derived"]),
                   None if pd.isna(row["stated_on"]) else pd.Timestamp(row["stated_on"]))
            groups.setdefault(key, []).append(row)
        for members in groups.values():
            named = list(dict.fromkeys(m["side"] for m in members if m["side"] != UNATTRIBUTED))
            clusters = {side: [m for m in members if m["side"] == side] for side in named}
            loose = [m for m in members if m["side"] == UNATTRIBUTED]
            if not clusters:
                clusters = {UNATTRIBUTED: loose}
            else:  # nobody-named repeats join the first named side's claim
                clusters[named[0]] = clusters[named[0]] + loose
            for cluster in clusters.values():
                cluster = sorted(cluster, key=lambda m: m["sentence_id"])
                keep = min(cluster, key=lambda m: (_speaker_rank(m["speaker"]), m["sentence_id"]))
                scope = next((m["scope"] for m in cluster if m["scope"]), "")
                rows.append({**keep.to_dict(), "scope": scope, "mentions": len(cluster),
                             "sentence_ids": [int(m["sentence_id"]) for m in cluster]})
    out = pd.DataFrame(rows)[out_cols]
    out = out.sort_values(["stated_on", "article_id", "sentence_id"], kind="stable",
                          na_position="last")
    return out.reset_index(drop=True)


# --------------------------------------------------------------------------- numbers as text


def format_number(value, sep: str = THIN_SPACE) -> str:
    """``11000`` → ``"11 000"`` (narrow no-break space between thousands); "" for NaN."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    value = float(value)
    if value.is_integer():
        return f"{int(value):,}".replace(",", sep)
    return f"{value:,.1f}".replace(",", sep).replace(".", ",")


def value_text(row) -> str:
    """A figure in words: "11 000", "≈10 000", "up to 8 000", "at least 30", "2 000–4 000",
    with " (derived)" for a derived total."""
    q = row["qualifier"]
    if q == "range":
        text = f"{format_number(row['low'])}–{format_number(row['high'])}"
    elif q == "lower":
        text = f"at least {format_number(row['value'])}"
    elif q == "upper":
        text = f"up to {format_number(row['value'])}"
    elif q == "approx":
        text = f"≈{format_number(row['value'])}"
    else:
        text = format_number(row["value"])
    if row.get("derived", False):
        text += " (derived)"
    return text


def _short_speaker(speaker: str) -> str:
    if not speaker:
        return "unattributed"
    found = actor(speaker)
    if found and found.kind == "person":
        return found.canonical.split()[-1]
    return speaker


# --------------------------------------------------------------------------- the timeline


def timeline_points(estimates: pd.DataFrame) -> pd.DataFrame:
    """The points of the timeline: one per distinct claim (date, speaker, value, bounds,
    qualifier, derived); the same claim reported by several articles is one point whose
    ``articles`` lists them. Rows without a date or a value are left out.

    Columns: ``stated_on, speaker, side, value, low, high, qualifier, derived, articles, scope,
    label``.
    """
    cols = ["stated_on", "speaker", "side", "value", "low", "high", "qualifier", "derived",
            "articles", "scope", "label"]
    if estimates is None or len(estimates) == 0:
        return pd.DataFrame(columns=cols)
    est = estimates.copy()
    if "side" not in est.columns:
        est["side"] = est["speaker"].map(side_of)
    if "derived" not in est.columns:
        est["derived"] = False
    if "scope" not in est.columns:
        est["scope"] = ""
    est = est[est["stated_on"].notna() & est["value"].notna()]
    points: dict[tuple, dict] = {}
    for _, row in est.iterrows():
        speaker = "" if pd.isna(row["speaker"]) else str(row["speaker"])
        key = (pd.Timestamp(row["stated_on"]), speaker, _key_value(row["value"]),
               _key_value(row["low"]), _key_value(row["high"]), row["qualifier"],
               bool(row["derived"]))
        if key in points:
            if row["article_id"] not in points[key]["articles"]:
                points[key]["articles"].append(row["article_id"])
            continue
        points[key] = {
            "stated_on": pd.Timestamp(row["stated_on"]), "speaker": speaker,
            "side": row["side"] or UNATTRIBUTED, "value": float(row["value"]),
            "low": row["low"], "high": row["high"], "qualifier": row["qualifier"],
            "derived": bool(row["derived"]), "articles": [row.get("article_id", "")],
            "scope": row["scope"] if isinstance(row["scope"], str) else "",
        }
    out = pd.DataFrame(list(points.values()), columns=cols[:-1])
    out["label"] = [
        f"{_short_speaker(p['speaker'])} {value_text(p)}"
        + (f" ({len(p['articles'])} articles)" if len(p["articles"]) > 1 else "")
        for _, p in out.iterrows()
    ]
    out = out.sort_values(["stated_on", "value", "speaker"], kind="stable")
    return out.reset_index(drop=True)


def speaker_markers(estimates: pd.DataFrame, given: dict[str, str] | None = None
                    ) -> dict[str, str]:
    """A marker shape per speaker, in order of their first point on the timeline; ``given``
    shapes are kept (so that a filtered picture keeps the shapes of the whole one)."""
    points = estimates if "label" in estimates.columns else timeline_points(estimates)
    out = dict(given or {})
    free = [m for m in SPEAKER_MARKERS if m not in out.values()] or SPEAKER_MARKERS
    new = [s for s in dict.fromkeys(points["speaker"]) if s not in out]
    for i, speaker in enumerate(new):
        out[speaker] = free[i % len(free)]
    return out


def _date_formatter(x, _pos=None) -> str:
    d = mdates.num2date(x)
    return f"{d.day} {MONTHS[d.month - 1]}"


def _number_formatter(y, _pos=None) -> str:
    return format_number(round(y))


def _renderer(fig):
    canvas = fig.canvas
    if hasattr(canvas, "get_renderer"):
        return canvas.get_renderer()
    return fig._get_renderer()  # pragma: no cover - non-Agg canvases


# label positions tried in turn: offset (points) and alignment
_LABEL_SLOTS = [
    ((9, 0), "left", "center"),
    ((-9, 0), "right", "center"),
    ((0, 10), "center", "bottom"),
    ((0, -11), "center", "top"),
    ((8, 9), "left", "bottom"),
    ((8, -9), "left", "top"),
    ((-8, 9), "right", "bottom"),
    ((-8, -9), "right", "top"),
    ((9, 22), "left", "bottom"),
    ((9, -22), "left", "top"),
    ((-9, 22), "right", "bottom"),
    ((-9, -22), "right", "top"),
    ((0, 26), "center", "bottom"),
    ((0, -28), "center", "top"),
]


def _overlap(a, b) -> float:
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    return w * h if w > 0 and h > 0 else 0.0


def _place_labels(ax, points: pd.DataFrame, xs, obstacles, alphas, fontsize) -> list:
    """Annotate each point, trying :data:`_LABEL_SLOTS` until the label overlaps nothing drawn
    so far (markers, arrows, earlier labels) and stays inside the axes. Deterministic."""
    from matplotlib.transforms import Bbox

    fig = ax.figure
    renderer = _renderer(fig)
    ax_box = ax.get_window_extent(renderer)
    placed = list(obstacles)
    texts = []
    order = sorted(range(len(points)), key=lambda i: (-points["value"].iloc[i], xs[i]))
    for i in order:
        p = points.iloc[i]
        best, best_cost = None, None
        grow = 1.6 if p["derived"] else 1.0  # clear the dashed ring
        for slot, (offset, ha, va) in enumerate(_LABEL_SLOTS):
            offset = (offset[0] * grow, offset[1] * grow)
            ann = ax.annotate(
                p["label"], (xs[i], p["value"]), xytext=offset, textcoords="offset points",
                ha=ha, va=va, fontsize=fontsize, color="#222222", alpha=alphas[i],
                annotation_clip=False, gid="label",
            )
            box = ann.get_window_extent(renderer)
            box = Bbox.from_extents(box.x0 - 2, box.y0 - 1, box.x1 + 2, box.y1 + 1)
            outside = (max(0, ax_box.x0 - box.x0) + max(0, box.x1 - ax_box.x1)
                       + max(0, ax_box.y0 - box.y0) + max(0, box.y1 - ax_box.y1))
            cost = sum(_overlap(box, o) for o in placed) + 50 * outside * box.height + slot
            ann.remove()
            if best_cost is None or cost < best_cost:
                best, best_cost = (offset, ha, va, box, slot), cost
            if cost == slot:  # nothing in the way: take the first free slot
                break
        offset, ha, va, box, slot = best
        far = slot >= 4  # away from the point: a thin leader line says whose label it is
        ann = ax.annotate(
            p["label"], (xs[i], p["value"]), xytext=offset, textcoords="offset points",
            ha=ha, va=va, fontsize=fontsize, color="#222222", alpha=alphas[i],
            annotation_clip=False, gid="label",
            arrowprops=dict(arrowstyle="-", color="#888888", lw=0.6, shrinkA=1, shrinkB=7)
            if far else None,
        )
        placed.append(box)
        texts.append(ann)
    return texts


def _matches(point: pd.Series, highlight) -> bool:
    names = {highlight} if isinstance(highlight, str) else set(highlight)
    return bool(names & {point["speaker"], point["side"], *point["articles"]})


def _default_takeaway(points: pd.DataFrame) -> str:
    values = points["value"]
    lo, hi = values.min(), values.max()
    n_speakers = points["speaker"].nunique()
    return (f"{len(points)} estimates from {n_speakers} sources, from {format_number(lo)} to "
            f"{format_number(hi)}: read what each one counts before comparing them.")


def plot_timeline(
    estimates: pd.DataFrame,
    ax=None,
    title: str = DEFAULT_TITLE,
    takeaway: str | None = None,
    highlight=None,
    markers: dict[str, str] | None = None,
    fontsize: float = 9,
):
    """The timeline of the estimates: x = when stated, y = how many soldiers. Returns the Axes.

    - ``estimates``: :func:`troop_estimates` (any table with ``stated_on, speaker, value, low,
      high, qualifier``; ``side``, ``derived``, ``article_id`` are used when present).
    - one colour per side (Okabe–Ito), one marker shape per speaker, a label on each point;
    - exact: filled marker; approximate: hollow marker and "≈"; ranges: a bar from low to high;
      lower bounds: an arrow up from the value ("at least"); upper bounds: an arrow down ("up
      to"); derived totals: hollow, in a dashed ring, "(derived)";
    - ``takeaway``: the one-line message under the title (a neutral summary when None);
    - ``highlight``: a speaker, side or article id (or a list of them) to stand out; the other
      points are faded;
    - ``markers``: ``{speaker: marker}`` to keep shapes fixed across pictures
      (:func:`speaker_markers` of the whole table); the missing speakers get free shapes.

    Artists carry a ``gid`` for tests: ``estimate`` (markers), ``range``, ``bound-lower``,
    ``bound-upper``, ``label``. With ``ax=None`` a new 8×4.5 in figure is made with pyplot.
    """
    if ax is None:
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=(8, 4.5))
        fig.subplots_adjust(left=0.1, right=0.74, top=0.84, bottom=0.12)
    points = timeline_points(estimates)
    if takeaway is None:
        takeaway = _default_takeaway(points) if len(points) else "No estimates to show."
    n_missing = 0 if estimates is None else len(estimates) - int(
        (estimates["stated_on"].notna() & estimates["value"].notna()).sum())

    ax.set_title(title, loc="left", fontsize=11.5, fontweight="bold", pad=22)
    ax.annotate(takeaway, (0, 1), xycoords="axes fraction", xytext=(0, 6),
                textcoords="offset points", ha="left", va="bottom", fontsize=9.5,
                style="italic", color="#333333", gid="takeaway")
    ax.set_xlabel("date the figure was stated")
    ax.set_ylabel("North Korean soldiers")
    ax.yaxis.set_major_formatter(FuncFormatter(_number_formatter))
    ax.yaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10], integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(_date_formatter))
    ax.grid(axis="y", color="#dddddd", lw=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if n_missing:
        ax.annotate(f"Not shown: {n_missing} estimate(s) without a date or a number.",
                    (1, 0), xycoords="axes fraction", xytext=(0, -44),
                    textcoords="offset points", ha="right", va="top", fontsize=7.5,
                    color="#555555")
    if points.empty:
        ax.set_ylim(0, 1000)
        return ax

    xs = [mdates.date2num(d) for d in points["stated_on"]]
    tops = [v if pd.isna(h) else max(v, h) for v, h in zip(points["value"], points["high"],
                                                           strict=True)]
    top = max(tops)
    lower_bounds = points["qualifier"] == "lower"
    ymax = top * (1.3 if lower_bounds.any() else 1.15)
    ax.set_ylim(0, ymax)
    span = max(xs) - min(xs)
    pad = max(6.0, span * 0.08)
    ax.set_xlim(min(xs) - pad, max(xs) + pad)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=8)
    ax.xaxis.set_major_locator(locator)

    markers = speaker_markers(points, markers)
    alphas = [1.0 if highlight is None or _matches(p, highlight) else 0.3
              for _, p in points.iterrows()]
    arrow_len = 0.12 * ymax
    arrows = []
    for i, p in points.iterrows():
        colour = SIDE_COLOURS.get(p["side"], BLACK)
        hollow = p["qualifier"] == "approx" or p["derived"]
        x, v = xs[i], p["value"]
        if p["qualifier"] == "range" and not (pd.isna(p["low"]) or pd.isna(p["high"])):
            bar = Line2D([x, x], [p["low"], p["high"]], color=colour, lw=2.2, marker="_",
                         markersize=10, markeredgewidth=2.2, alpha=alphas[i], zorder=2,
                         gid="range")
            ax.add_line(bar)
        if p["qualifier"] in ("lower", "upper"):
            sign = 1 if p["qualifier"] == "lower" else -1
            end = max(v + sign * arrow_len, 0)
            arrow = FancyArrowPatch((x, v), (x, end), arrowstyle="-|>", mutation_scale=11,
                                    color=colour, lw=1.6, alpha=alphas[i], shrinkA=6, shrinkB=0,
                                    zorder=2, gid=f"bound-{p['qualifier']}")
            ax.add_patch(arrow)
            arrows.append(arrow)
        ax.scatter([x], [v], s=90, marker=markers[p["speaker"]],
                   facecolors="white" if hollow else colour, edgecolors=colour,
                   linewidths=1.8, alpha=alphas[i], zorder=3, gid="estimate")
        if p["derived"]:  # a dashed ring: computed by someone, not stated by anyone
            ax.scatter([x], [v], s=380, marker="o", facecolors="none", edgecolors=colour,
                       linewidths=1.2, linestyles=(0, (2.5, 2)), alpha=alphas[i], zorder=3,
                       gid="derived")

    # the labels avoid the markers, the arrows and each other
    fig = ax.figure
    renderer = _renderer(fig)
    obstacles = []
    for x, v, derived in zip(xs, points["value"], points["derived"], strict=True):
        cx, cy = ax.transData.transform((x, v))
        r = (10 if derived else 6) * fig.dpi / 72  # points to pixels
        obstacles.append(_bbox(cx - r, cy - r, cx + r, cy + r))
    for arrow in arrows:
        obstacles.append(arrow.get_window_extent(renderer))
    _place_labels(ax, points, xs, obstacles, alphas, fontsize)

    _legends(ax, points, markers)
    return ax


def _bbox(x0, y0, x1, y1):
    from matplotlib.transforms import Bbox

    return Bbox.from_extents(x0, y0, x1, y1)


def _legends(ax, points: pd.DataFrame, markers: dict[str, str]) -> None:
    """Three legends right of the axes: the sides (colour), the speakers (shape) and how each
    figure is stated (style); only what the picture uses."""
    def handle(**kw):
        base = dict(color="none", marker="o", markersize=8, markerfacecolor="#777777",
                    markeredgecolor="#777777", markeredgewidth=1.6, linestyle="none")
        base.update(kw)
        return Line2D([], [], **base)

    sides = [s for s in SIDE_COLOURS if s in set(points["side"])]
    side_handles = [handle(marker="s", markerfacecolor=SIDE_COLOURS[s],
                           markeredgecolor=SIDE_COLOURS[s], label=s) for s in sides]
    speaker_handles = [handle(marker=markers[s], label=_short_speaker(s))
                       for s in dict.fromkeys(points["speaker"])]
    style_handles = [handle(label="exact count")]
    qualifiers = set(points.loc[~points["derived"], "qualifier"])
    if "approx" in qualifiers:
        style_handles.append(handle(markerfacecolor="white", label="≈ approximate"))
    if "range" in qualifiers:
        style_handles.append(handle(marker="_", markersize=10, color="#777777", lw=2.2,
                                    linestyle="-", label="range (low–high)"))
    if "lower" in qualifiers:
        style_handles.append(handle(marker=r"$\uparrow$", markersize=9, markeredgewidth=0.3,
                                    label="at least (lower bound)"))
    if "upper" in qualifiers:
        style_handles.append(handle(marker=r"$\downarrow$", markersize=9, markeredgewidth=0.3,
                                    label="up to (upper bound)"))
    if points["derived"].any():
        style_handles.append(Circle((0, 0), 1, fill=False, edgecolor="#777777", lw=1.2,
                                    linestyle=(0, (2.5, 2)), label="derived total (computed)"))
    kw = dict(loc="upper left", frameon=False, fontsize=8, title_fontsize=8.5,
              alignment="left", handletextpad=0.4, borderaxespad=0.0, labelspacing=0.35)
    first = ax.legend(handles=side_handles, title="Side (colour)", bbox_to_anchor=(1.02, 1.0),
                      **kw)
    ax.add_artist(first)
    fig = ax.figure
    renderer = _renderer(fig)
    inv = ax.transAxes.inverted()
    y = inv.transform((0, first.get_window_extent(renderer).y0))[1] - 0.04
    second = ax.legend(handles=speaker_handles, title="Speaker (shape)",
                       bbox_to_anchor=(1.02, y), **kw)
    ax.add_artist(second)
    y = inv.transform((0, second.get_window_extent(renderer).y0))[1] - 0.04
    ax.legend(handles=style_handles, title="How it is stated", bbox_to_anchor=(1.02, y),
              handler_map={Circle: HandlerPatch(patch_func=_ring)}, **kw)


def _ring(legend, orig_handle, xdescent, ydescent, width, height, fontsize):
    """The legend's picture of a derived total: a dashed ring the size of the timeline's."""
    return Circle((width / 2 - xdescent, height / 2 - ydescent), radius=min(width, height) * 0.75)


# --------------------------------------------------------------------------- the spread


def spread(estimates: pd.DataFrame, include_derived: bool = True) -> pd.Series:
    """How far apart the estimates are: ``n``, ``low``, ``high``, ``median``, ``ratio``
    (high / low) and who said the lowest and the highest (``low_by``, ``high_by``)."""
    est = estimates[estimates["value"].notna()]
    if not include_derived and "derived" in est.columns:
        est = est[~est["derived"].astype(bool)]
    if est.empty:
        return pd.Series({"n": 0, "low": np.nan, "high": np.nan, "median": np.nan,
                          "ratio": np.nan, "low_by": "", "high_by": ""})
    lo = est.loc[est["value"].idxmin()]
    hi = est.loc[est["value"].idxmax()]
    return pd.Series({
        "n": len(est), "low": float(lo["value"]), "high": float(hi["value"]),
        "median": float(est["value"].median()), "ratio": float(hi["value"] / lo["value"]),
        "low_by": lo["speaker"] or UNATTRIBUTED, "high_by": hi["speaker"] or UNATTRIBUTED,
    })


def plot_spread(estimates: pd.DataFrame, ax=None, title: str = "The spread of the estimates",
                markers: dict[str, str] | None = None):
    """A dot per estimate on one axis of soldiers, one row per estimate from the lowest to the
    highest, coloured by side, with the same styles as the timeline. Returns the Axes."""
    points = timeline_points(estimates)
    markers = speaker_markers(points, markers)  # the same shapes as on the timeline
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=(8, 0.9 + 0.32 * max(len(points), 1)))
    points = points.sort_values(["value", "stated_on"], kind="stable").reset_index(drop=True)
    for i, p in points.iterrows():
        colour = SIDE_COLOURS.get(p["side"], BLACK)
        hollow = p["qualifier"] == "approx" or p["derived"]
        if p["qualifier"] == "range":
            ax.plot([p["low"], p["high"]], [i, i], color=colour, lw=2.2, gid="range")
        if p["qualifier"] in ("lower", "upper"):
            sign = 1 if p["qualifier"] == "lower" else -1
            ax.annotate("", (p["value"] * (1 + 0.15 * sign), i), (p["value"], i),
                        arrowprops=dict(arrowstyle="-|>", color=colour, lw=1.4, shrinkA=6),
                        gid=f"bound-{p['qualifier']}")
        ax.scatter([p["value"]], [i], s=70, marker=markers[p["speaker"]],
                   facecolors="white" if hollow else colour, edgecolors=colour,
                   linewidths=1.6, linestyles="--" if p["derived"] else "-", zorder=3,
                   gid="estimate")
    ax.set_yticks(range(len(points)))
    ax.set_yticklabels([f"{lab}, {_date_formatter(mdates.date2num(d))}"
                        for lab, d in zip(points["label"], points["stated_on"], strict=True)],
                       fontsize=8)
    ax.set_xlim(0, (points["value"].max() if len(points) else 1000) * 1.12)
    ax.xaxis.set_major_formatter(FuncFormatter(_number_formatter))
    ax.set_xlabel("North Korean soldiers")
    ax.grid(axis="x", color="#dddddd", lw=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title(title, loc="left", fontsize=11, fontweight="bold")
    return ax



def troop_figures(figures: pd.DataFrame, roles=("estimate", "casualties")) -> pd.DataFrame:
    """The rows of ``figures`` whose role (:func:`classify_troop_figures`) is in ``roles``:
    by default the figures counting North Korean soldiers sent or lost, every mention kept."""
    role = classify_troop_figures(figures)["role"]
    return figures.loc[role[role.isin(list(roles))].index]
