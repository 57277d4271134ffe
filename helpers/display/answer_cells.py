"""Answer cells typed without quotes: one plain sentence instead of Python's traceback.

The course promises that no programming is needed, yet ``my_answer = russes`` ends in a
``NameError`` and ``["000", "002"]`` typed as ``[000, 002]`` in "SyntaxError: leading zeros in
decimal integer literals are not permitted". :func:`install` (called by ``setup_notebook()``)
gives IPython a handler for these two errors (``set_custom_exc``): in an *answer cell* (one that
assigns ``my_answer`` or calls ``check(``) it prints one sentence showing the line as it should
be; in any other cell the error is shown the usual way, traceback and all.

The sentence is built from the line itself by :func:`explain`, a plain function the tests call.
"""

from __future__ import annotations

import linecache
import re
from types import TracebackType

__all__ = ["explain", "install", "is_answer_cell"]

_ANSWER_LINE = re.compile(r"^\s*my_answer\s*=\s*(?P<answer>.*?)\s*(?:#.*)?$")
_CHECK_LINE = re.compile(
    r"^\s*check\(\s*(?P<id>\"[^\"]*\"|'[^']*')\s*,\s*(?P<answer>.*?)\s*\)\s*;?\s*(?:#.*)?$")
_ANSWER_CELL = re.compile(r"^\s*my_answer\s*=|(?<![\w.])check\s*\(", re.M)
# Names a learner meets in answer cells: a NameError on them means a cell above was not run.
_COURSE_NAMES = {"check", "hint", "solution", "task"}


def is_answer_cell(source: str) -> bool:
    """Does the cell assign ``my_answer`` or call ``check(``? (``check_conclusion(`` is not.)"""
    return bool(_ANSWER_CELL.search(source or ""))


def _quote(text: str) -> str:
    text = text.strip().strip(";").strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1]
    text = text.strip("\"'")  # a quote opened and never closed, or closed and never opened
    return f'"{text}"' if '"' not in text else f"'{text}'"


def _quoted_answer(answer: str) -> tuple[str, bool]:
    """The answer as it should be typed, and whether it is a list of article numbers."""
    answer = answer.strip().rstrip(";").strip()
    if answer[:1] in "[(" and answer[-1:] in "])":
        items = [_quote(item) for item in answer[1:-1].split(",") if item.strip()]
        numbers = bool(items) and all(item.strip("\"'").isdigit() for item in items)
        return "[" + ", ".join(items) + "]", numbers
    return _quote(answer), False


def _fixed_line(line: str) -> tuple[str, bool] | None:
    """The answer line with its answer in quotes, and whether it lists article numbers; None
    when the line is not ``my_answer = …`` or ``check("id", …)``."""
    m = _ANSWER_LINE.match(line)
    if m and m.group("answer").strip():
        answer, numbers = _quoted_answer(m.group("answer"))
        return f"my_answer = {answer}", numbers
    m = _CHECK_LINE.match(line)
    if m and m.group("answer").strip():
        answer, numbers = _quoted_answer(m.group("answer"))
        return f"check({m.group('id')}, {answer})", numbers
    return None


def explain(line: str, error: BaseException) -> str:
    """One sentence for a NameError or SyntaxError raised by ``line`` of an answer cell."""
    name = getattr(error, "name", None) if isinstance(error, NameError) else None
    if name in _COURSE_NAMES:
        return (f"✏️  {name}() is not loaded yet: run the cells above this one first "
                "(menu Run → Run All Above Selected Cell), then this one again.")
    if name == "my_answer":
        return ('✏️  my_answer has no value yet: keep the line my_answer = "…" above check(…), '
                "with your answer between the quotes.")
    fixed = _fixed_line(line)
    if fixed is None:
        where = f": {line.strip()}" if line.strip() else ""
        problem = (f"Python does not know the word {name} in this line{where}" if name else
                   f"Python could not read this line{where}")
        return (f"✏️  {problem}. Put your answer between quotes, as in my_answer = \"russes\", "
                "and keep the rest of the cell as it was.")
    text, numbers = fixed
    if numbers:
        return f"✏️  Write article numbers in quotes: {text}"
    return f"✏️  Put your answer in quotes: {text}"


def _frames(tb: TracebackType | None):
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def _cell_source(filename: str) -> str:
    return "".join(linecache.getlines(filename))


def _failing_line(error: BaseException, tb: TracebackType | None) -> tuple[str, str] | None:
    """(the cell's source, the line that failed) when ``error`` comes from the cell's own code
    (not from a function it called), else None."""
    if isinstance(error, SyntaxError) and not any(
            frame.f_code.co_name == "<module>" for frame, _ in _frames(tb)):
        source = _cell_source(error.filename or "")
        lines = source.splitlines()
        number = (error.lineno or 0) - 1
        return (source, lines[number]) if 0 <= number < len(lines) else None
    frames = list(_frames(tb))
    if not frames or frames[-1][0].f_code.co_name != "<module>":
        return None  # raised inside a function: a real error, shown in full
    frame, lineno = frames[-1]
    source = _cell_source(frame.f_code.co_filename)
    lines = source.splitlines()
    return (source, lines[lineno - 1]) if 0 < lineno <= len(lines) else None


def _handler(shell, etype, value, tb, tb_offset=None):
    found = _failing_line(value, tb)
    if found is not None and is_answer_cell(found[0]):
        print(explain(found[1], value))
        return None
    # Any other cell: exactly what IPython shows without this handler.
    running = any(frame.f_code.co_name == "<module>" for frame, _ in _frames(tb))
    shell.showtraceback((etype, value, tb), tb_offset=tb_offset, running_compiled_code=running)
    return None


def install(shell=None) -> bool:
    """Give ``shell`` (the running IPython, by default) the answer-cell handler; False when
    there is no IPython (plain Python, a test run without a kernel)."""
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:  # pragma: no cover - IPython is a requirement
            return False
        shell = get_ipython()
    if shell is None:
        return False
    shell.set_custom_exc((NameError, SyntaxError), _handler)
    return True
