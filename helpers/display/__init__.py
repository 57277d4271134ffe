"""What the notebooks show: articles and entities as HTML, tables, charts and widgets."""

from helpers.display.notebook import setup_notebook, show_article, show_entities
from helpers.display.origins import plot_origins
from helpers.display.spread import plot_spread, spread_table
from helpers.display.tables import estimates_table, style_signals
from helpers.display.timeline import plot_timeline
from helpers.display.widgets.actors import actor_editor
from helpers.display.widgets.claims import claim_filter
from helpers.display.widgets.figures import figure_filter
from helpers.display.widgets.grading import grading_widget
from helpers.display.widgets.sources import sources_form
from helpers.display.widgets.tagging import tagging_widget
from helpers.display.widgets.upload import upload_widget

__all__ = [
    "actor_editor", "claim_filter", "estimates_table", "figure_filter", "grading_widget",
    "plot_origins", "plot_spread", "plot_timeline", "setup_notebook", "show_article",
    "show_entities", "sources_form", "spread_table", "style_signals", "tagging_widget",
    "upload_widget",
]  # fmt: skip
