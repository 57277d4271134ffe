"""Notebook 03's timeline and filter: which figures are estimates, how they are drawn, the widget.

Everything is drawn with the Agg backend and inspected through the artists' ``gid``:
``estimate`` (a marker per point), ``derived`` (the dashed ring), ``range``, ``bound-lower``,
``bound-upper``, ``label``, ``takeaway``.
"""

from __future__ import annotations

import base64
import io
import itertools
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.path import Path  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from helpers.core.text import THIN_SPACE, format_number  # noqa: E402
from helpers.display.colours import BLACK, OKABE_ITO, side_colours  # noqa: E402
from helpers.display.points import speaker_markers, timeline_points, value_text  # noqa: E402
from helpers.display.spread import plot_spread  # noqa: E402
from helpers.display.tables import estimates_table  # noqa: E402
from helpers.display.timeline import plot_timeline  # noqa: E402
from helpers.display.widgets.figures import (  # noqa: E402
    FigureFilter,
    figure_filter,
    filter_figures,
)
from helpers.figures.extract import extract_figures  # noqa: E402
from helpers.figures.question import (  # noqa: E402
    classify_figures,
    speaker_side,
    spread,
    story_estimates,
    story_figures,
)
from helpers.sources.corpus import load_corpus  # noqa: E402

PALETTE = {c.lower() for c in OKABE_ITO} | {BLACK}
NAN = float("nan")
EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>'

# (article, value, qualifier, speaker, side, date stated, derived, mentions in the article)
SEED_ESTIMATES = [
    ("002", 1500.0, "exact", "NIS", "South Korea", "2024-10-18", False, 2),
    ("002", 10000.0, "approx", "Volodymyr Zelensky", "Ukraine", "2024-10-18", False, 1),
    ("001", 8000.0, "upper", "Antony Blinken", "United States", "2024-10-31", False, 3),
    ("001", 10000.0, "exact", "Antony Blinken", "United States", "2024-10-31", False, 1),
    ("000", 11000.0, "exact", "Volodymyr Zelensky", "Ukraine", "2024-11-04", False, 1),
    ("001", 11000.0, "exact", "Volodymyr Zelensky", "Ukraine", "2024-11-04", False, 1),
    ("000", 15000.0, "approx", "responsable ukrainien", "Ukraine", "2024-11-06", True, 1),
    ("003", 10000.0, "approx", "Lloyd Austin", "United States", "2024-11-30", False, 1),
    ("004", 10000.0, "approx", "", "unattributed", "2024-12-17", False, 1),
]


@pytest.fixture(scope="module")
def figures():
    return extract_figures(load_corpus())


@pytest.fixture(scope="module")
def estimates(figures):
    return story_estimates(figures)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def est_row(article, date, speaker, value, qualifier="exact", low=None, high=None,
            derived=False, text=None, side=None, scope=""):
    if qualifier == "exact":
        low = high = value
    return {
        "article_id": article, "sentence_id": 0, "stated_on": pd.Timestamp(date),
        "speaker": speaker, "side": side if side is not None else speaker_side(speaker),
        "value": float(value), "low": NAN if low is None else float(low),
        "high": NAN if high is None else float(high), "qualifier": qualifier,
        "derived": derived, "text": text or format_number(value), "scope": scope,
        "mentions": 1, "unit_kind": "troops",
    }


@pytest.fixture
def synthetic():
    """One of each drawing: range, lower and upper bound, approx, derived, exact, unattributed."""
    return pd.DataFrame([
        est_row("a", "2024-11-02", "GUR", 3000, "range", low=2000, high=4000),
        est_row("a", "2024-11-10", "Kremlin", 600, "lower", low=600),
        est_row("b", "2024-11-20", "OTAN", 12000, "upper", high=12000),
        est_row("b", "2024-11-21", "", 7000),
        est_row("c", "2024-11-25", "Pentagone", 9000, "approx"),
        est_row("c", "2024-11-28", "responsable ukrainien", 15000, "approx", derived=True),
    ])


def by_gid(ax, gid):
    artists = [*ax.collections, *ax.lines, *ax.patches, *ax.texts]
    return [a for a in artists if a.get_gid() == gid]


def arrow_ys(arrow):
    """The y values (data) an arrow covers, head included."""
    path = arrow.get_path()
    keep = path.codes != Path.CLOSEPOLY if path.codes is not None else slice(None)
    return path.vertices[keep][:, 1]


def render(ax):
    fig = ax.figure
    fig.canvas.draw()
    return fig.canvas.get_renderer()


# --------------------------------------------------------------------------- which estimates


def test_seed_estimates_are_the_deployment_figures(estimates):
    got = [
        (r.article_id[:3], r.value, r.qualifier, r.speaker, r.side,
         r.stated_on.strftime("%Y-%m-%d"), bool(r.derived), int(r.mentions))
        for r in estimates.itertuples()
    ]
    assert got == SEED_ESTIMATES


def test_seed_estimates_keep_the_derived_total_marked(estimates):
    derived = estimates[estimates["derived"]]
    assert derived["value"].tolist() == [15000.0]
    assert "×" in derived["text"].iloc[0]
    assert not estimates.loc[~estimates["derived"], "text"].str.contains("×").any()


def test_seed_troop_figures_that_are_not_estimates(figures):
    roles = classify_figures(figures)
    role_of = {(r.article_id[:3], r.text.lower()): r.role for r in roles.itertuples()
               if r.role != "estimate"}
    assert role_of[("003", "au moins 30")] == "casualties"
    assert role_of[("004", "au moins 30")] == "casualties"
    assert role_of[("003", "quelque 50.000")] == "other force"  # "dont plusieurs milliers"
    assert role_of[("000", "10")] == "small group"  # the witness's 10 soldiers in the forest
    # "ils ont abattu deux de nos hommes": casualties, but of the speaker's own army, not of
    # the soldiers the question counts (issue 15: not "2 · soldat russe capturé" in corroboration)
    assert role_of[("000", "deux")] == "other force"
    assert role_of[("000", "environ 3 000")] == "per unit"  # kept as the derived total
    assert role_of[("000", "un petit nombre")] == "vague"
    assert all(roles["why"].str.len() > 0)
    # nothing else is lost: no area, people or sanctions among the troop figures
    assert set(roles["unit_kind"]) == {"troops"}
    measures = dict(zip(roles["text"].str.lower(), roles["measure"], strict=False))
    assert measures["au moins 30"] == "soldiers killed or wounded"  # the GUR's claim, in full
    assert measures["11.000"] == "soldiers"


def test_seed_scopes(estimates):
    scope = {(r.article_id[:3], r.speaker, r.value): r.scope for r in estimates.itertuples()}
    assert scope[("000", "Volodymyr Zelensky", 11000.0)] == "in Kursk"
    assert scope[("002", "Volodymyr Zelensky", 10000.0)] == "in training"
    assert scope[("002", "NIS", 1500.0)] == "in Russia"
    assert scope[("001", "Antony Blinken", 10000.0)] == "in Russia"  # "entrés en Russie"
    assert scope[("001", "Antony Blinken", 8000.0)] == "in Kursk"  # "déployés … Koursk"
    assert scope[("003", "Lloyd Austin", 10000.0)] == "in Kursk"
    assert scope[("000", "responsable ukrainien", 15000.0)] == "deployed to front"


def test_repeats_in_one_article_merge_unless_asked(figures, estimates):
    every = story_estimates(figures, merge_repeats=False)
    assert len(every) == len(estimates) + 3  # 8 000 said three times, 1 500 twice in 002
    assert set(every["mentions"]) == {1}
    blinken = estimates[(estimates["value"] == 8000)].iloc[0]
    assert blinken["speaker"] == "Antony Blinken"  # the person, not "États-Unis"
    assert blinken["sentence_ids"] == [0, 9, 10]
    nis = estimates[estimates["value"] == 1500].iloc[0]
    assert nis["speaker"] == "NIS" and nis["sentence_ids"] == [1, 8]  # lede + attributed


def test_same_figure_two_sides_stays_two_claims():
    rows = pd.DataFrame([
        {"article_id": "x", "sentence_id": i, "text": "10 000", "value": 10000.0,
         "low": 10000.0, "high": 10000.0, "qualifier": "exact", "unit": "soldat",
         "speaker": speaker, "derived": False, "stated_on": pd.Timestamp("2024-11-01"),
         "unit_kind": "troops", "start": 10 * i, "end": 10 * i + 6,
         "sentence": f"{speaker} affirme que 10 000 soldats nord-coréens sont en Russie."}
        for i, speaker in enumerate(["Antony Blinken", "GUR", "", "États-Unis"])
    ])
    est = story_estimates(rows)
    assert sorted(est["speaker"]) == ["Antony Blinken", "GUR"]
    assert dict(zip(est["speaker"], est["mentions"], strict=True)) == {
        "Antony Blinken": 3, "GUR": 1}


def test_classify_on_sentences_of_our_own():
    def role(sentence, text, value, qualifier="exact"):
        rows = pd.DataFrame([{
            "article_id": "x", "sentence_id": 0, "text": text, "value": value, "low": value,
            "high": value, "qualifier": qualifier, "unit": "soldat", "speaker": "",
            "derived": False, "stated_on": pd.NaT, "unit_kind": "troops", "start": 0,
            "end": 1, "sentence": sentence}])
        return classify_figures(rows)["role"].iloc[0]

    assert role("Selon Kiev, 200 soldats nord-coréens sont morts.", "200", 200.0) == \
        "casualties"
    # another army's losses are not the losses of the soldiers the question counts
    assert role("Environ 3 000 soldats russes ont été tués.", "3 000", 3000.0) == "other force"
    assert role("La crue de 2002 avait tué 30 soldats.", "30", 30.0) == "casualties"
    assert role("Moscou a massé 20 000 soldats russes près de Koursk.", "20 000",
                20000.0) == "other force"
    assert role("Pyongyang a envoyé 12 000 soldats en Russie.", "12 000", 12000.0) == \
        "estimate"
    assert role("Séoul estime que 3 000 soldats sont en formation.", "3 000", 3000.0) == \
        "estimate"


def test_speaker_side():
    assert speaker_side("") == "unattributed"
    assert speaker_side(None) == "unattributed"
    assert speaker_side("Washington") == "United States"
    assert speaker_side("NIS") == "South Korea"
    assert speaker_side("un inconnu") == "other"


def test_no_troop_figures_gives_empty_tables():
    empty = extract_figures("Il fait beau.", claims=pd.DataFrame())
    assert story_estimates(empty).empty
    ax = plot_timeline(story_estimates(empty))
    assert ax.get_title(loc="left")


# --------------------------------------------------------------------------- words and numbers


def test_numbers_and_values_in_words():
    assert format_number(11000) == f"11{THIN_SPACE}000"
    assert format_number(1500.0) == f"1{THIN_SPACE}500"
    assert format_number(950) == "950"
    assert format_number(NAN) == ""
    row = {"value": 8000.0, "low": NAN, "high": 8000.0, "qualifier": "upper", "derived": False}
    assert value_text(row) == f"up to 8{THIN_SPACE}000"
    assert value_text({**row, "qualifier": "lower"}) == f"at least 8{THIN_SPACE}000"
    assert value_text({**row, "qualifier": "approx", "derived": True}) == \
        f"≈8{THIN_SPACE}000 (derived)"
    assert value_text({"value": 3000.0, "low": 2000.0, "high": 4000.0, "qualifier": "range",
                       "derived": False}) == f"2{THIN_SPACE}000–4{THIN_SPACE}000"


def test_timeline_points_merge_the_same_claim_across_articles(estimates):
    points = timeline_points(estimates)
    assert len(points) == len(estimates) - 1  # Zelensky's 11 000 of 4 Nov, in 000 and 001
    zel = points[(points["value"] == 11000)].iloc[0]
    assert [a[:3] for a in zel["articles"]] == ["000", "001"]
    assert zel["label"] == f"Zelensky 11{THIN_SPACE}000 (2 articles)"
    labels = set(points["label"])
    assert f"responsable ukrainien ≈15{THIN_SPACE}000 (derived)" in labels
    assert f"Blinken up to 8{THIN_SPACE}000" in labels
    assert f"unattributed ≈10{THIN_SPACE}000" in labels


# --------------------------------------------------------------------------- the timeline


def test_timeline_axes_title_labels_takeaway(estimates, capsys):
    ax = plot_timeline(estimates, title="North Korean soldiers", takeaway="Most say 10 000.")
    assert ax.get_title(loc="left") == "North Korean soldiers"
    assert ax.get_xlabel() == "date the figure was stated"
    assert ax.get_ylabel() == "North Korean soldiers"
    assert [t.get_text() for t in by_gid(ax, "takeaway")] == ["Most say 10 000."]
    assert ax.get_ylim()[0] == 0
    assert ax.get_ylim()[1] > 15000
    render(ax)
    yticks = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
    assert f"10{THIN_SPACE}000" in yticks
    xticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert "1 Nov" in xticks and "1 Dec" in xticks
    assert capsys.readouterr().out == ""


def test_timeline_one_marker_and_one_label_per_point(estimates):
    ax = plot_timeline(estimates)
    points = timeline_points(estimates)
    markers = by_gid(ax, "estimate")
    assert len(markers) == len(points) == 8
    xy = sorted(tuple(m.get_offsets()[0]) for m in markers)
    assert [y for _, y in xy] == points.sort_values(["stated_on", "value"])["value"].tolist()
    labels = sorted(t.get_text() for t in by_gid(ax, "label"))
    assert labels == sorted(points["label"])


def test_timeline_default_takeaway_summarises(estimates):
    ax = plot_timeline(estimates)
    (takeaway,) = by_gid(ax, "takeaway")
    assert f"from 1{THIN_SPACE}500 to 15{THIN_SPACE}000" in takeaway.get_text()


def test_timeline_colours_are_okabe_ito_one_per_side(estimates):
    ax = plot_timeline(estimates)
    points = timeline_points(estimates)
    colour_of_side = {}
    for marker, (_, point) in zip(
        sorted(by_gid(ax, "estimate"), key=lambda m: tuple(m.get_offsets()[0])),
        points.sort_values(["stated_on", "value"]).iterrows(),
        strict=True,
    ):
        edge = to_hex(marker.get_edgecolor()[0])
        assert edge in PALETTE
        assert edge == side_colours()[point["side"]].lower()
        colour_of_side.setdefault(point["side"], edge)
    assert len(set(colour_of_side.values())) == len(colour_of_side) == 4
    assert set(side_colours().values()) <= {c.upper() for c in PALETTE} | {BLACK}


def test_timeline_shapes_one_per_speaker(estimates):
    ax = plot_timeline(estimates)
    paths = {}
    for m in by_gid(ax, "estimate"):
        key = m.get_paths()[0].vertices.round(3).tobytes()
        paths.setdefault(key, 0)
        paths[key] += 1
    assert len(paths) == timeline_points(estimates)["speaker"].nunique() == 6


def test_timeline_styles_for_approx_exact_upper_derived(estimates):
    ax = plot_timeline(estimates)
    by_value = {}
    for m in by_gid(ax, "estimate"):
        x, y = m.get_offsets()[0]
        by_value.setdefault(y, []).append(to_hex(m.get_facecolor()[0]))
    assert by_value[15000.0] == ["#ffffff"]  # derived: hollow
    assert by_value[1500.0] == [side_colours()["South Korea"].lower()]  # exact: filled
    assert sorted(by_value[10000.0]).count("#ffffff") == 3  # three "environ 10 000"
    (ring,) = by_gid(ax, "derived")
    assert ring.get_offsets()[0][1] == 15000.0
    offset, dashes = ring.get_linestyle()[0]
    assert dashes is not None  # dashed
    (down,) = by_gid(ax, "bound-upper")
    ys = arrow_ys(down)
    assert ys.max() <= 8000 + 1 and ys.min() < 8000 - 500  # from 8 000 downwards
    assert by_gid(ax, "bound-lower") == [] and by_gid(ax, "range") == []


def test_timeline_draws_ranges_and_bounds(synthetic):
    ax = plot_timeline(synthetic)
    (bar,) = by_gid(ax, "range")
    assert isinstance(bar, Line2D)
    assert sorted(bar.get_ydata()) == [2000.0, 4000.0]
    (up,) = by_gid(ax, "bound-lower")
    ys = arrow_ys(up)
    assert ys.min() >= 600 - 1 and ys.max() > 600 + 500
    (down,) = by_gid(ax, "bound-upper")
    ys = arrow_ys(down)
    assert ys.max() <= 12000 + 1 and ys.min() < 12000 - 500
    assert to_hex(up.get_edgecolor()) == side_colours()["Russia"].lower()
    assert len(by_gid(ax, "estimate")) == len(synthetic)
    assert len(by_gid(ax, "derived")) == 1
    labels = {t.get_text() for t in by_gid(ax, "label")}
    assert f"GUR 2{THIN_SPACE}000–4{THIN_SPACE}000" in labels
    assert "Kremlin at least 600" in labels
    assert f"unattributed 7{THIN_SPACE}000" in labels
    for m in by_gid(ax, "estimate"):
        assert to_hex(m.get_edgecolor()[0]) in PALETTE
    # the legend explains every style used
    texts = {t.get_text() for legend in ax.artists + [ax.get_legend()]
             for t in legend.get_texts()}
    assert {"Ukraine", "Russia", "NATO", "unattributed", "United States"} <= texts
    assert {"exact count", "≈ approximate", "range (low–high)", "at least (lower bound)",
            "up to (upper bound)", "derived total (computed)"} <= texts


def test_timeline_legends_on_the_seeds(estimates):
    ax = plot_timeline(estimates)
    legends = [a for a in ax.artists if hasattr(a, "get_texts")] + [ax.get_legend()]
    titles = [lg.get_title().get_text() for lg in legends]
    assert titles == ["Side (colour)", "Speaker (shape)", "How it is stated"]
    sides = [t.get_text() for t in legends[0].get_texts()]
    assert sides == ["Ukraine", "United States", "South Korea", "unattributed"]
    styles = [t.get_text() for t in legends[2].get_texts()]
    assert styles == ["exact count", "≈ approximate", "up to (upper bound)",
                      "derived total (computed)"]


def test_timeline_labels_do_not_overlap(estimates):
    for dpi in (80, 100):
        fig, ax = plt.subplots(figsize=(8, 4.5), dpi=dpi)
        fig.subplots_adjust(left=0.1, right=0.74, top=0.84, bottom=0.12)
        plot_timeline(estimates, ax=ax)
        renderer = render(ax)
        # the words only, not their leader lines
        boxes = [Text.get_window_extent(t, renderer) for t in by_gid(ax, "label")]
        axes_box = ax.get_window_extent(renderer)
        for a, b in itertools.combinations(boxes, 2):
            assert not a.overlaps(b), (a, b)
        for box in boxes:
            assert axes_box.x0 - 1 <= box.x0 and box.x1 <= axes_box.x1 + 1
        for m in by_gid(ax, "estimate"):  # no label on top of a marker
            cx, cy = ax.transData.transform(m.get_offsets()[0])
            assert not any(b.contains(cx, cy) for b in boxes)


def test_timeline_is_deterministic_and_silent(estimates):
    def png():
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a missing glyph (thin space, ≈) would warn
            fig, ax = plt.subplots(figsize=(8, 4.5), dpi=80)
            plot_timeline(estimates, ax=ax, takeaway="≈ 10 000")
            buf = io.BytesIO()
            fig.savefig(buf, format="png", metadata={"Software": None})
            plt.close(fig)
        return buf.getvalue()

    assert png() == png()


def test_timeline_highlight_fades_the_others(estimates):
    ax = plot_timeline(estimates, highlight="United States")
    alphas = {}
    for m in by_gid(ax, "estimate"):
        edge = to_hex(m.get_edgecolor()[0])
        alphas.setdefault(edge, set()).add(m.get_alpha())
    assert alphas[side_colours()["United States"].lower()] == {1.0}
    assert alphas[side_colours()["Ukraine"].lower()] == {0.3}


def _tick_texts(ax) -> list[str]:
    ax.figure.canvas.draw()
    return [t.get_text() for t in ax.get_xticklabels()]


def test_timeline_without_a_date_places_it_by_article_and_says_how_to_add_one(synthetic):
    rows = pd.concat([synthetic, pd.DataFrame([est_row("d", "2024-11-01", "UE", 500)])])
    rows.iloc[-1, rows.columns.get_loc("stated_on")] = pd.NaT
    ax = plot_timeline(rows)
    assert len(by_gid(ax, "estimate")) == len(synthetic) + 1  # shown, not dropped
    ticks = _tick_texts(ax)
    assert "article d\n(no date)" in ticks  # its place, right of the dates
    assert by_gid(ax, "no-date-line")
    note = " ".join(t.get_text() for t in ax.texts if t.get_gid() == "date-note")
    assert "No date for article d" in note and "sources form of" in note and "published" in note
    plt.close("all")


def test_timeline_with_no_date_at_all_is_by_article_never_1_jan(synthetic):
    rows = synthetic.assign(stated_on=pd.NaT)
    ax = plot_timeline(rows)
    ticks = _tick_texts(ax)
    assert ticks and all(t.startswith("article ") for t in ticks)
    assert not any("Jan" in t for t in ticks)
    assert "placed by article" in ax.get_xlabel()
    empty = plot_timeline(rows.iloc[:0])  # nothing at all: no date ticks either
    assert not [t for t in _tick_texts(empty) if t]
    plt.close("all")


def test_timeline_is_logarithmic_when_figures_span_orders_of_magnitude(synthetic):
    rows = synthetic.copy()
    rows.iloc[0, rows.columns.get_loc("value")] = 1_200_000.0
    ax = plot_timeline(rows)
    assert ax.get_yscale() == "log" and "log scale" in ax.get_ylabel()
    assert plot_timeline(synthetic).get_yscale() == "linear"
    plt.close("all")


def test_speaker_markers_are_kept_when_given(estimates):
    whole = speaker_markers(estimates)
    part = estimates[estimates["side"] == "Ukraine"]
    assert speaker_markers(part, whole) == whole
    assert speaker_markers(part)["Volodymyr Zelensky"] == "o"  # first shape when alone
    assert whole["NIS"] == "o" and whole["Volodymyr Zelensky"] != "o"


# --------------------------------------------------------------------------- the spread


def test_spread_of_the_seeds(estimates):
    s = spread(estimates)
    assert (s["n"], s["low"], s["high"], s["median"]) == (9, 1500.0, 15000.0, 10000.0)
    assert s["ratio"] == 10.0
    assert (s["low_by"], s["high_by"]) == ("NIS", "responsable ukrainien")
    stated = spread(estimates, include_derived=False)
    assert stated["high"] == 11000.0 and stated["high_by"] == "Volodymyr Zelensky"


def test_plot_spread(estimates):
    ax = plot_spread(estimates)
    assert len(by_gid(ax, "estimate")) == len(timeline_points(estimates))
    assert ax.get_xlabel() == "North Korean soldiers"
    assert ax.get_xlim()[0] == 0
    assert len(ax.get_yticklabels()) == len(timeline_points(estimates))


# --------------------------------------------------------------------------- the filter


def test_filter_figures_by_side_and_speaker(estimates):
    assert len(filter_figures(estimates)) == len(estimates)
    us = filter_figures(estimates, sides="United States")
    assert set(us["speaker"]) == {"Antony Blinken", "Lloyd Austin"} and len(us) == 3
    both = filter_figures(estimates, sides=["Ukraine", "South Korea"])
    assert set(both["side"]) == {"Ukraine", "South Korea"} and len(both) == 5
    zel = filter_figures(estimates, speakers=["Volodymyr Zelensky"])
    assert zel["value"].tolist() == [10000.0, 11000.0, 11000.0]
    assert filter_figures(estimates, sides="Ukraine", speakers="NIS").empty
    nobody = filter_figures(estimates, speakers="unattributed")
    assert nobody["article_id"].str[:3].tolist() == ["004"]
    assert filter_figures(estimates, speakers=[""]).equals(nobody)
    assert filter_figures(estimates, sides="Russia").empty  # a real side, no estimate
    assert filter_figures(estimates, sides=[]).empty
    assert list(filter_figures(estimates, sides="Ukraine").index) == [0, 1, 2, 3]


def test_filter_figures_names_typos_and_leaves_input_alone(estimates):
    before = estimates.copy()
    with pytest.raises(ValueError, match="Ukraine"):
        filter_figures(estimates, sides="Ukrain")
    with pytest.raises(ValueError, match="Volodymyr Zelensky"):
        filter_figures(estimates, speakers="Zelensky")
    pd.testing.assert_frame_equal(estimates, before)


def test_filter_figures_adds_side_when_missing(figures):
    rows = filter_figures(figures.drop(columns=[c for c in ("side",) if c in figures]),
                          sides="United States")
    assert set(rows["speaker"]) >= {"Antony Blinken", "États-Unis", "Lloyd Austin"}


def png_of(w):
    (out,) = w.plot_out.outputs
    return base64.b64decode(out["data"]["image/png"])


def html_of(w):
    (out,) = w.table_out.outputs
    return out["data"]["text/html"]


def test_widget_from_the_seed_figures(figures, capsys):
    w = figure_filter(figures)
    assert isinstance(w, FigureFilter)
    assert len(w.selected) == 9 and w.redraws == 1
    assert list(w.side_boxes) == ["Ukraine", "United States", "South Korea", "unattributed"]
    assert "unattributed" in [b.description for b in w.speaker_boxes.values()]
    assert png_of(w).startswith(b"\x89PNG")
    # one count, the picture's: 8 points (Zelensky's 11 000 is one point from 2 articles),
    # and the table's 9 rows explained
    assert w.status.value.startswith("Showing <b>8</b> of 8 estimates (9 rows in the table")
    assert "8 estimates from" in _takeaway_of(w.selected)
    assert capsys.readouterr().out == ""


def _takeaway_of(estimates):
    from helpers.display.timeline import _default_takeaway

    return _default_takeaway(timeline_points(estimates))


def test_widget_redraws_on_change(estimates):
    w = figure_filter(estimates)
    first_png, first_html = png_of(w), html_of(w)
    w.side_boxes["United States"].value = False
    assert w.redraws == 2
    assert "United States" not in set(w.selected["side"]) and len(w.selected) == 6
    assert png_of(w) != first_png
    assert "Blinken" not in html_of(w) and "Zelensky" in html_of(w)
    w.speaker_boxes["NIS"].value = False
    assert w.redraws == 3 and "NIS" not in set(w.selected["speaker"])
    for box in w.side_boxes.values():
        box.value = False
    # nothing ticked: a sentence, not an empty axis ("1 Jan 1 Jan") or an empty table
    assert w.selected.empty and w.plot_out.outputs == () and w.table_out.outputs == ()
    assert w.status.value.startswith("Nothing is selected: tick at least one side")
    redraws = w.redraws
    w.show_all.click()
    assert w.redraws == redraws + 1  # one redraw, not one per box
    assert len(w.selected) == len(estimates) and html_of(w) == first_html
    assert png_of(w) == first_png


def test_widget_keeps_shapes_when_filtering(estimates, monkeypatch):
    seen = []
    import helpers.display.widgets.figures as widget

    original = widget.plot_timeline

    def spy(est, **kw):
        seen.append(kw["markers"])
        return original(est, **kw)

    monkeypatch.setattr(widget, "plot_timeline", spy)
    w = figure_filter(estimates)
    w.side_boxes["South Korea"].value = False
    assert seen[0] == seen[-1] == speaker_markers(estimates)


def test_widget_table_is_escaped():
    rows = pd.DataFrame([est_row("e", "2024-11-01", "GUR", 5000, text=EVIL),
                         est_row("e", "2024-11-02", "", 6000)])
    w = figure_filter(rows)
    page = html_of(w)
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;" in page
    table = estimates_table(w.selected)
    assert table["speaker"].tolist() == ["GUR", "unattributed"]
    assert table["figure"].tolist() == [f"5{THIN_SPACE}000", f"6{THIN_SPACE}000"]


def test_story_figures_keeps_estimates_and_casualties_only():
    table = pd.DataFrame({
        "article_id": ["a", "a", "b"], "sentence_id": [0, 1, 0],
        "text": ["11 000", "plusieurs milliers", "au moins 30"],
        "value": [11000.0, float("nan"), 30.0], "low": [11000.0, float("nan"), 30.0],
        "high": [11000.0, float("nan"), float("nan")],
        "qualifier": ["exact", "vague", "lower"], "unit": ["soldat"] * 3,
        "unit_kind": ["troops"] * 3, "speaker": ["Volodymyr Zelensky", "", "GUR"],
        "derived": [False] * 3, "stated_on": [pd.Timestamp("2024-11-04")] * 3,
        "sentence": ["Il y en a déjà 11 000 soldats.", "plusieurs milliers de soldats",
                     "au moins 30 soldats auraient été tués"],
    })
    kept = story_figures(table)
    assert kept["text"].tolist() == ["11 000", "au moins 30"]
