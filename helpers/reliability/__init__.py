"""Move 4, assess reliability: transparency signals, corroboration by independent origins, text
reuse, Admiralty grades and the learner's conclusion."""

from helpers.reliability.conclusion import (
    check_conclusion,
    conclusion_report,
    display_name,
    load_conclusion,
    save_conclusion,
)
from helpers.reliability.corroborate import corroboration, figure_origins, side_role, sides
from helpers.reliability.estimative import estimative_terms
from helpers.reliability.grading import (
    admiralty_scale,
    load_grades,
    main_origins,
    origins_to_grade,
    propose_grade,
    propose_grades,
    reconcile,
    save_grade,
)
from helpers.reliability.reuse import shared_passages
from helpers.reliability.signals import (
    article_signals,
    signal_evidence,
    signal_explanations,
)

__all__ = [
    "admiralty_scale", "article_signals", "check_conclusion", "conclusion_report",
    "corroboration", "display_name", "estimative_terms", "figure_origins", "load_conclusion",
    "load_grades", "main_origins", "origins_to_grade", "propose_grade", "propose_grades",
    "reconcile", "save_conclusion", "save_grade", "shared_passages", "side_role", "sides",
    "signal_evidence", "signal_explanations",
]  # fmt: skip
