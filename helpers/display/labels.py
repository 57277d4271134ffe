"""Where the timeline's labels go: each point's label is tried at a list of places around it
until it overlaps nothing drawn so far and stays inside the axes. Deterministic."""

from __future__ import annotations

import pandas as pd
from matplotlib.transforms import Bbox

from helpers.display.chart_text import chart_text


def renderer_of(fig):
    """The renderer that measures text on ``fig`` (Agg's, in notebooks and the report)."""
    canvas = fig.canvas
    if hasattr(canvas, "get_renderer"):
        return canvas.get_renderer()
    return fig._get_renderer()  # pragma: no cover - non-Agg canvases


def bbox(x0, y0, x1, y1):
    """A box in display (pixel) coordinates."""
    return Bbox.from_extents(x0, y0, x1, y1)


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


def place_labels(ax, points: pd.DataFrame, xs, obstacles, alphas, fontsize) -> list:
    """Annotate each point, trying :data:`_LABEL_SLOTS` until the label overlaps nothing drawn
    so far (markers, arrows, earlier labels) and stays inside the axes. Deterministic."""
    fig = ax.figure
    renderer = renderer_of(fig)
    ax_box = ax.get_window_extent(renderer)
    placed = list(obstacles)
    texts = []
    order = sorted(range(len(points)), key=lambda i: (-points["value"].iloc[i], xs[i]))
    for i in order:
        p = points.iloc[i]
        text = chart_text(p["label"])
        best, best_cost = None, None
        grow = 1.6 if p["derived"] else 1.0  # clear the dashed ring
        for slot, (offset, ha, va) in enumerate(_LABEL_SLOTS):
            offset = (offset[0] * grow, offset[1] * grow)
            ann = ax.annotate(
                text, (xs[i], p["value"]), xytext=offset, textcoords="offset points",
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
            text, (xs[i], p["value"]), xytext=offset, textcoords="offset points",
            ha=ha, va=va, fontsize=fontsize, color="#222222", alpha=alphas[i],
            annotation_clip=False, gid="label",
            arrowprops=dict(arrowstyle="-", color="#888888", lw=0.6, shrinkA=1, shrinkB=7)
            if far else None,
        )
        placed.append(box)
        texts.append(ann)
    return texts


