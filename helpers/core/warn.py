"""Warnings that point at the learner's cell, not at the course's modules."""

from __future__ import annotations

import sys
import warnings


def warn_from_caller(message: str, category: type[Warning], inside: tuple[str, ...]) -> None:
    """``warnings.warn`` as from the first caller whose file does not start with one of
    ``inside`` (paths or path prefixes): the warning then names the notebook cell (or the
    module that called ours), and shows no path of the course's installation."""
    level, frame = 1, sys._getframe(0)
    while frame is not None and (frame.f_code.co_filename == __file__
                                 or frame.f_code.co_filename.startswith(inside)):
        level, frame = level + 1, frame.f_back
    warnings.warn(message, category, stacklevel=level)
