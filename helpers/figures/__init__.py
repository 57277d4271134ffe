"""Move 3, compare the figures: numbers and dates in French news, their qualifiers, every figure
of an article, what each counts, and which figures answer the story's question."""

from helpers.figures.counted import choose_question, counted_choices, counts_of, question_for
from helpers.figures.extract import extract_figures
from helpers.figures.numbers import find_numbers, parse_number
from helpers.figures.question import (
    classify_figures,
    past_figures,
    spread,
    story_estimates,
    story_figures,
)

__all__ = [
    "choose_question", "classify_figures", "counted_choices", "counts_of", "extract_figures",
    "find_numbers", "parse_number", "past_figures", "question_for", "spread", "story_estimates",
    "story_figures",
]  # fmt: skip
