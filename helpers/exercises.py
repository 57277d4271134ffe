"""Kept for code written against the first layout: ``helpers.exercises`` is now
:mod:`helpers.course.tasks` (also importable from :mod:`helpers.course`)."""

from helpers.course.tasks import answers, check, exercises, hint, solution, task  # noqa: F401
