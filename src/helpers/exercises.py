"""'Your turn' exercises: a student's answer is checked and gets friendly feedback.

Each notebook's exercises are registered with :func:`exercise`; the expected answer is
computed from the data when the check runs (never typed in by hand), so it stays true when the
data are corrected. :func:`check` never raises: whatever a student passes, they get a sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd

NO_ANSWER = None


@dataclass(frozen=True)
class Exercise:
    """One exercise: how to compute its answer and a hint for a wrong one."""

    exercise_id: str
    expected: Callable[[], Any]
    hint: str
    kind: str = "value"  # "value", "set" (order does not matter) or "number"


REGISTRY: dict[str, Exercise] = {}


def exercise(exercise_id: str, hint: str, kind: str = "value"
             ) -> Callable[[Callable[[], Any]], Callable[[], Any]]:
    """Register the decorated function as the way to compute ``exercise_id``'s answer."""
    def register(expected: Callable[[], Any]) -> Callable[[], Any]:
        REGISTRY[exercise_id] = Exercise(exercise_id, expected, hint, kind)
        return expected
    return register


def _as_set(value: Any) -> set[str]:
    if isinstance(value, str):
        return {value.strip().lower()}
    if isinstance(value, pd.DataFrame) and "person_id" in value:
        value = value["person_id"]
    if isinstance(value, (pd.Series, pd.Index, Iterable)):
        return {str(v).strip().lower() for v in value}
    return {str(value).strip().lower()}


def _same(answer: Any, expected: Any, kind: str) -> bool:
    if kind == "set":
        return _as_set(answer) == _as_set(expected)
    if kind == "number":
        return float(answer) == float(expected)
    if isinstance(expected, str):
        return str(answer).strip().lower() == expected.strip().lower()
    return bool(answer == expected)


def feedback(exercise_id: str, answer: Any) -> str:
    """The sentence :func:`check` prints (returned for tests)."""
    from . import answers  # noqa: F401  (registers every notebook's exercises)

    task = REGISTRY.get(exercise_id)
    if task is None:
        return f"There is no exercise {exercise_id!r}: check the name in the cell above."
    if answer is NO_ANSWER:
        return "No answer yet: replace None with your answer, then run the cell again."
    try:
        right = _same(answer, task.expected(), task.kind)
    except (TypeError, ValueError):
        right = False
    if right:
        return "Correct! Well done."
    return f"Not quite. Hint: {task.hint}"


def check(exercise_id: str, answer: Any) -> None:
    """Print friendly feedback on ``answer`` to exercise ``exercise_id``; never raises."""
    try:
        print(feedback(exercise_id, answer))
    except Exception as error:  # a student's odd object must not produce a traceback
        print(f"Could not check that answer ({type(error).__name__}). "
              "Give a number, a name or a list of ids, as the question asks.")
