"""A self-check of the exercise data, run by the tests: every exercise has its fields, its own
solution passes its check, nonsense fails quietly, and every feedback message can be reached."""

from __future__ import annotations

from helpers.course.exercise_file import _articles, _data
from helpers.course.tasks import _evaluate

#: Fields every exercise must have, and the extra fields each kind needs.
REQUIRED_FIELDS = ("id", "notebook", "kind", "task", "hints", "solution", "explanation", "feedback")


KIND_FIELDS = {
    "article_set": (),
    "choice": ("accept",),
    "number": ("tolerance",),
    "keywords": ("keywords",),
    "text_contains": ("keywords",),
}


#: Answers no exercise should accept; ``_validate`` makes sure each one fails without raising.
NONSENSE = (None, "", "banana", 42, [], {"x": 1}, True, 3.5, "   ", ["banana"])


def _structure_problems(spec: dict) -> list[str]:
    """Missing or ill-typed fields of one exercise."""
    name = spec.get("id", "<no id>")
    kind = spec.get("kind")
    needed = REQUIRED_FIELDS + KIND_FIELDS.get(kind, ())
    problems = [f"{name}: missing field {f!r}" for f in needed if f not in spec]
    if kind not in KIND_FIELDS:
        problems.append(f"{name}: unknown kind {kind!r}")
    for field in ("task", "explanation"):
        if not (isinstance(spec.get(field), str) and spec.get(field, "").strip()):
            problems.append(f"{name}: {field!r} must be a non-empty string")
    hints = spec.get("hints")
    if not (isinstance(hints, list) and hints and all(isinstance(h, str) and h for h in hints)):
        problems.append(f"{name}: 'hints' must be a non-empty list of strings")
    if not str(name).startswith(f"{spec.get('notebook')}."):
        problems.append(f"{name}: the id must start with its notebook, {spec.get('notebook')}.")
    return problems


def _answer_problems(spec: dict) -> list[str]:
    """The solution must pass, nonsense must fail quietly, feedback must be reachable."""
    name = spec["id"]
    problems = []
    for right in [spec["solution"], *spec.get("accept", [])]:
        if not _evaluate(spec, right)[0]:
            problems.append(f"{name}: the answer {right!r} does not pass its own check")
    for nonsense in NONSENSE:
        try:
            correct, message = _evaluate(spec, nonsense)
        except Exception as err:  # the point is to report any crash, whatever it is
            problems.append(f"{name}: check raised {err!r} on {nonsense!r}")
            continue
        if correct or not message.strip():
            problems.append(f"{name}: {nonsense!r} was accepted or got no feedback")
    if spec["kind"] == "article_set":
        problems += [f"{name}: feedback for unknown article {k!r}"
                     for k in spec["feedback"] if k not in _articles()]
    if spec["kind"] == "choice":
        problems += [f"{name}: feedback {k!r} is a right answer, it would never be shown"
                     for k in spec["feedback"] if _evaluate(spec, k)[0]]
    return problems + _near_miss_problems(spec)


def _near_miss_problems(spec: dict) -> list[str]:
    """Each near miss is wrong, and gets its own message (no earlier rule hides it)."""
    problems = []
    for near in spec.get("near_misses", []):
        if not (isinstance(near, dict) and near.get("answers") and near.get("message")):
            problems.append(f"{spec['id']}: a near miss needs 'answers' and a 'message'")
            continue
        for answer in near["answers"]:
            correct, message = _evaluate(spec, answer)
            if correct:
                problems.append(f"{spec['id']}: near miss {answer!r} is a right answer")
            elif " ".join(near["message"].split()) not in " ".join(message.split()):
                problems.append(f"{spec['id']}: near miss {answer!r} gets another message")
    return problems


def _validate(specs: list[dict] | None = None) -> list[str]:
    """Every problem found in the exercises (an empty list means all is well)."""
    specs = _data()["exercises"] if specs is None else specs
    problems = []
    ids = [s.get("id") for s in specs]
    problems += [f"duplicate id {i!r}" for i in sorted({i for i in ids if ids.count(i) > 1})]
    for spec in specs:
        structure = _structure_problems(spec)
        problems += structure or _answer_problems(spec)
    return problems
