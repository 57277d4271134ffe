"""Issue 16, item 13: ``check()`` answers any answer with a sentence and never raises.
Attack ids (K…) are listed in README.md."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from helpers.core import workspace
from helpers.course import check, exercises


class _Unprintable:
    def __repr__(self):
        raise RuntimeError("repr refused")

    __str__ = __repr__


def _deep(levels: int) -> list:
    top = cur = []
    for _ in range(levels):
        nxt: list = []
        cur.append(nxt)
        cur = nxt
    return top


def _loop() -> list:
    loop: list = []
    loop.append(loop)
    return loop


HOSTILE = {
    "K01-10**400": lambda: 10**400,
    "K02-400-digit-string": lambda: "9" * 400,
    "K03-repr-raises": _Unprintable,
    "K04-nested-10000": lambda: _deep(10_000),
    "K05-list-holding-itself": _loop,
    "K06-10**5000": lambda: -(10**5000),
    "K07-100000-characters": lambda: "soldats " * 12_500,
    "K08-unprintable-in-a-list": lambda: ["001", _Unprintable()],
    "K09-unprintable-dict-key": lambda: {_Unprintable(): 1},
    "K10-nan-and-inf": lambda: [float("nan"), float("inf"), -float("inf")],
    "K11-huge-decimal-and-fraction": lambda: [Decimal("1e400"), Fraction(10**400, 3)],
    "K12-bytes-and-bytearray": lambda: [b"\xff\xfe", bytearray(b"001")],
}


@pytest.mark.parametrize("make", HOSTILE.values(), ids=HOSTILE.keys())
def test_K01_K12_check_never_raises_and_answers_in_a_sentence(make, capsys):
    for exercise in exercises():
        assert check(exercise, make()) is False
        said = capsys.readouterr().out
        assert said.startswith("❌") and "Traceback" not in said
    saved = workspace.load("answers", default={})
    workspace.save("answers", saved)  # whatever was recorded can be saved again


def test_K13_a_refused_answer_is_not_recorded_but_a_normal_one_still_is(capsys):
    check("03.bound", 10**400)
    assert workspace.load("answers") is None
    check("03.bound", 1500)
    assert workspace.load("answers")["03.bound"]["attempts"] == 1
