"""Move 3, compare the figures: numbers and dates in French news, their qualifiers, every figure
of an article, and which figures answer the story's question."""

from helpers.figures.extract import extract_figures
from helpers.figures.numbers import find_numbers, parse_number
from helpers.figures.question import classify_figures, spread, story_estimates, story_figures

__all__ = [
    "classify_figures", "extract_figures", "find_numbers", "parse_number", "spread",
    "story_estimates", "story_figures",
]  # fmt: skip
