"""Answer cells typed without quotes get one plain sentence; other cells keep Python's own error
(helpers.display.answer_cells, installed by setup_notebook)."""

from __future__ import annotations

import pytest
from IPython.core.interactiveshell import InteractiveShell

from helpers.display import answer_cells
from helpers.display.answer_cells import explain, is_answer_cell


@pytest.fixture
def shell(tmp_path, monkeypatch):
    """An IPython shell with the hook, and `check` from the course (answers saved in tmp)."""
    from helpers.core import workspace

    workspace.set_root(tmp_path / "work")
    sh = InteractiveShell.instance()
    assert answer_cells.install(sh)
    sh.run_cell("from helpers.course import check")
    yield sh
    sh.set_custom_exc((), None)
    workspace.set_root(None)


def _run(shell, cell: str, capsys) -> tuple[str, object]:
    capsys.readouterr()
    result = shell.run_cell(cell)
    captured = capsys.readouterr()
    return captured.out + captured.err, result


@pytest.mark.parametrize(("cell", "sentence"), [
    ('my_answer = russes\n\ncheck("01.slip", my_answer);',
     'Put your answer in quotes: my_answer = "russes"'),
    ('my_answer = [000, 002]  # e.g. ["001", "003"]\n\ncheck("01.google_news", my_answer);',
     'Write article numbers in quotes: my_answer = ["000", "002"]'),
    ('my_answer = F6\n\ncheck("04.anonymous_grade", my_answer);',
     'Put your answer in quotes: my_answer = "F6"'),
    ('my_answer = Corée du Nord\ncheck("01.slip", my_answer);',
     'Put your answer in quotes: my_answer = "Corée du Nord"'),
    ('check("01.slip", russes);', 'Put your answer in quotes: check("01.slip", "russes")'),
    ('my_answer = "russes\ncheck("01.slip", my_answer);',
     'Put your answer in quotes: my_answer = "russes"'),
])
def test_an_unquoted_answer_gets_one_sentence(shell, capsys, cell, sentence):
    out, _ = _run(shell, cell, capsys)
    assert sentence in out
    assert "Traceback" not in out and "Error" not in out
    assert len(out.strip().splitlines()) == 1


def test_a_quoted_answer_is_checked_as_before(shell, capsys):
    out, result = _run(shell, 'my_answer = "russes"\ncheck("01.slip", my_answer);', capsys)
    assert result.success and out.startswith("✅ Correct: russes.")


@pytest.mark.parametrize(("cell", "error"), [
    ("x = undefined_name", "NameError"),
    ("x = [000, 002]", "SyntaxError"),
    ("def f():\n    return nope\n\nmy_answer = f()", "NameError"),  # inside a function
])
def test_other_errors_are_left_alone(shell, capsys, cell, error):
    out, result = _run(shell, cell, capsys)
    assert not result.success
    assert error in out and "✏️" not in out


def test_a_runtime_syntax_error_in_another_cell_is_a_normal_traceback(shell, capsys):
    out, _ = _run(shell, 'eval("1 +")', capsys)
    assert "SyntaxError" in out and "✏️" not in out


def test_a_cell_above_not_run_says_so(shell, capsys):
    shell.user_ns.pop("check", None)
    out, _ = _run(shell, 'my_answer = "russes"\ncheck("01.slip", my_answer);', capsys)
    assert "check() is not loaded yet: run the cells above" in out


@pytest.mark.parametrize(("source", "answer_cell"), [
    ('my_answer = ""\ncheck("01.slip", my_answer);', True),
    ('check("01.slip", "russes")', True),
    ("check_conclusion(my_conclusion)", False),
    ("results.check(x)", False),
    ("x = 1", False),
])
def test_what_an_answer_cell_is(source, answer_cell):
    assert is_answer_cell(source) is answer_cell


def test_explain_a_name_that_is_not_on_the_answer_line():
    error = NameError("name 'chek' is not defined", name="chek")
    text = explain('chek("01.slip", my_answer)', error)
    assert text.startswith("✏️  Python does not know the word chek in this line")


def test_explain_a_missing_my_answer():
    error = NameError("name 'my_answer' is not defined", name="my_answer")
    assert "my_answer has no value yet" in explain('check("01.slip", my_answer)', error)


def test_install_without_ipython_is_a_no_op(monkeypatch):
    import IPython

    monkeypatch.setattr(IPython, "get_ipython", lambda: None)
    assert answer_cells.install() is False
