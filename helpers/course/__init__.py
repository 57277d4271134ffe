"""The course itself: exercises and their checks, the course map, and the learner's saved work
(:mod:`helpers.core.workspace`, importable from here as ``workspace`` and function by function:
``save``, ``load``, ``export_zip``…)."""

from helpers.core import workspace
from helpers.core.workspace import (
    export_zip,
    import_zip,
    keys,
    load,
    root,
    save,
    set_root,
    shown,
    summary,
)
from helpers.course.syllabus import course_map, course_table
from helpers.course.tasks import answers, check, exercises, hint, solution, task

__all__ = [
    "answers", "check", "course_map", "course_table", "exercises", "export_zip", "hint",
    "import_zip", "keys", "load", "root", "save", "set_root", "shown", "solution", "summary",
    "task", "workspace",
]  # fmt: skip
