"""What the notebooks show: articles and entities as HTML, tables, charts and widgets.

The names below are imported from their modules on first use (PEP 562), not with the package: a
notebook that only shows tables (00, 01) does not load matplotlib's charts or ipywidgets, and a
learner keeps six notebooks open in Binder's 1 GB (``benchmarks/notebooks.py --all-open``).
"""

from importlib import import_module

#: public name → the module that defines it
_WHERE = {
    "setup_notebook": "notebook", "show_article": "notebook", "show_entities": "notebook",
    "plot_origins": "origins", "plot_spread": "spread", "spread_table": "spread",
    "estimates_table": "tables", "style_signals": "tables", "plot_timeline": "timeline",
    "actor_editor": "widgets.actors", "claim_filter": "widgets.claims",
    "figure_filter": "widgets.figures", "grading_widget": "widgets.grading",
    "sources_form": "widgets.sources", "tagging_widget": "widgets.tagging",
    "upload_widget": "widgets.upload",
}  # fmt: skip

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)
    globals()[name] = value  # once imported, an ordinary attribute
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])
