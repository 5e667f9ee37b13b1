"""'Your turn' exercises: a student's answer is checked and gets friendly, specific feedback.

Each notebook's exercises are registered in ``helpers/answers/nbNN.py``, either with
:func:`exercise` (the expected answer, computed from the data when the check runs, never typed in
by hand) or with :func:`judge` (a function that looks at what the student changed and returns
None when it is right, else a hint). Answers are compared as values: a date may be a Timestamp,
a ``datetime.date`` or text; a duration a Timedelta or a number of days; a list of ids any
list-like in any order. :func:`check` never raises: whatever a student passes, they get one
sentence.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import answer_forms as forms
from .errors import CourseError, suggest

NO_ANSWER = None
CORRECT = "Correct! Well done."
KINDS = ("value", "set", "number", "date", "duration")
#: Tables whose id column names the ids an answer may use, with the word for one id.
ID_TABLES = {"people": ("person_id", "person"), "offices": ("office_id", "office"),
             "events": ("event_id", "event")}


@dataclass(frozen=True)
class Exercise:
    """One exercise: how to compute its answer (or judge one) and a hint for a wrong one."""

    exercise_id: str
    hint: str
    kind: str = "value"
    expected: Callable[[], Any] | None = None
    judge: Callable[[Any], str | None] | None = None


REGISTRY: dict[str, Exercise] = {}


def exercise(exercise_id: str, hint: str, kind: str = "value"
             ) -> Callable[[Callable[[], Any]], Callable[[], Any]]:
    """Register the decorated function as the way to compute ``exercise_id``'s answer.
    ``kind``: value (an id or a word), set (ids in any order), number, date or duration."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")

    def register(expected: Callable[[], Any]) -> Callable[[], Any]:
        REGISTRY[exercise_id] = Exercise(exercise_id, hint, kind, expected=expected)
        return expected
    return register


def judge(exercise_id: str, hint: str
          ) -> Callable[[Callable[[Any], str | None]], Callable[[Any], str | None]]:
    """Register the decorated ``(answer) -> str | None`` as the judge of ``exercise_id``:
    it returns None when the changed figure/table/graph is right, else a specific hint."""
    def register(function: Callable[[Any], str | None]) -> Callable[[Any], str | None]:
        REGISTRY[exercise_id] = Exercise(exercise_id, hint, "judged", judge=function)
        return function
    return register


class _DataProblem(Exception):
    """The expected answer could not be computed: the data (or the course), not the student."""


def _known_ids(value: str) -> tuple[str, set[str], str] | None:
    """The kind of id ``value`` is ('person', ...), every id of that kind and their column."""
    from .dataset import load_dataset  # late: keeps this module free of a loading cycle

    frames = load_dataset().frames
    for table_name, (column, word) in ID_TABLES.items():
        ids = set(frames[table_name][column].astype(str))
        if value in ids:
            return word, ids, column
    return None


def _a(word: str) -> str:
    return f"an {word}" if word[0] in "aeiou" else f"a {word}"


def _misspelt(answers: list[str], word: str, ids: set[str]) -> str | None:
    """A sentence about the answers that are not ids of that kind, or None if all are."""
    unknown = [a for a in answers if a not in ids]
    if not unknown:
        return None
    parts = []
    for value in unknown[:3]:
        close = suggest(value, ids, n=1)
        parts.append(f"{value!r} is not {_a(word)} id" +
                     (f"; did you mean {close[0]!r}?" if close else "."))
    return " ".join(parts)


def _judge_value(answer: Any, expected: Any, hint: str) -> str:
    if not isinstance(expected, str):
        return _judge_number(answer, expected, hint)
    wanted = expected.strip().lower()
    space = _known_ids(wanted)
    given = forms.as_text(answer, column=space[2] if space else None)
    if given == wanted:
        return CORRECT
    if space is not None:
        word, ids, _ = space
        misspelt = _misspelt([given], word, ids)
        if misspelt:
            return f"Not quite. {misspelt}"
        return (f"Not quite. {given!r} is {_a(word)} id, but not the {word} the question asks "
                f"for. Hint: {hint}")
    return f"Not quite. Hint: {hint}"


def _judge_number(answer: Any, expected: Any, hint: str) -> str:
    given, wanted = forms.as_number(answer), float(expected)
    if math.isclose(given, wanted, rel_tol=1e-9, abs_tol=1e-9):
        return CORRECT
    return f"Not quite. Hint: {hint}"


def _judge_date(answer: Any, expected: Any, hint: str) -> str:
    given, wanted = forms.as_date(answer), forms.as_date(expected)
    if given == wanted:
        return CORRECT
    if (given.year, given.month) == (wanted.year, wanted.month):
        return f"Not quite: the right month, but not the right day. Hint: {hint}"
    return f"Not quite. Hint: {hint}"


def _judge_duration(answer: Any, expected: Any, hint: str) -> str:
    given, wanted = forms.as_days(answer), forms.as_days(expected)
    if math.isclose(given, wanted, abs_tol=1e-9):
        return CORRECT
    if abs(given - wanted) == 1:
        return ("Not quite: one day out. Count from the earlier date to the later one "
                f"(later - earlier). Hint: {hint}")
    return f"Not quite. Hint: {hint}"


def _count(n: int) -> str:
    return "one" if n == 1 else str(n)


def _judge_set(answer: Any, expected: Any, hint: str) -> str:
    wanted = set(forms.as_id_list(expected))
    space = _known_ids(next(iter(wanted))) if wanted else None
    given = set(forms.as_id_list(answer, column=space[2] if space else None))
    if given == wanted:
        return CORRECT
    if space is not None:
        misspelt = _misspelt(sorted(given), *space[:2])
        if misspelt:
            return f"Not quite. {misspelt}"
    right, missing, extra = given & wanted, wanted - given, given - wanted
    parts = [f"{len(right)} of {len(wanted)} right"]
    if missing:
        parts.append(f"{_count(len(missing))} missing")
    if extra:
        parts.append(f"{', '.join(repr(e) for e in sorted(extra))} should not be there")
    return f"Not quite: {', '.join(parts)}. Hint: {hint}"


JUDGES = {"value": _judge_value, "number": _judge_number, "date": _judge_date,
          "duration": _judge_duration, "set": _judge_set}


def _expected(task: Exercise) -> Any:
    try:
        return task.expected()
    except Exception as error:  # noqa: BLE001  (whatever broke, it is not the student's answer)
        raise _DataProblem(str(error) if isinstance(error, CourseError)
                           else f"{type(error).__name__}: {error}") from error


def _by_judge(task: Exercise, answer: Any) -> str:
    try:
        verdict = task.judge(answer)
    except CourseError as error:
        raise _DataProblem(str(error)) from error
    except Exception:  # noqa: BLE001  (the student passed something the judge cannot read)
        return (f"Not quite: that is a {type(answer).__name__}, which this exercise cannot "
                f"check. Hint: {task.hint}")
    return CORRECT if verdict is None else f"Not quite. {verdict}"


def feedback(exercise_id: str, answer: Any) -> str:
    """The sentence :func:`check` prints (returned for tests)."""
    task = REGISTRY.get(exercise_id)
    if task is None:
        return f"There is no exercise {exercise_id!r}: check the name in the cell above."
    if answer is NO_ANSWER:
        return "No answer yet: replace None with your answer, then run the cell again."
    try:
        if task.judge is not None:
            return _by_judge(task, answer)
        return JUDGES[task.kind](answer, _expected(task), task.hint)
    except forms.NotThatForm as problem:
        return f"Not quite. {problem}"
    except _DataProblem as problem:
        return (f"This answer cannot be checked: the course could not work out the expected "
                f"answer because of a problem in its data ({problem}). This is not your "
                "fault: tell your lecturer.")


def check(exercise_id: str, answer: Any) -> None:
    """Print friendly feedback on ``answer`` to exercise ``exercise_id``; never raises.

    The sentence is written in one piece, so a notebook stores it as a single stream output.
    """
    try:
        message = feedback(exercise_id, answer)
    except Exception as error:  # noqa: BLE001  (an odd object must not produce a traceback)
        message = (f"Could not check that answer ({type(error).__name__}). "
                   "Give a number, a name or a list of ids, as the question asks.")
    sys.stdout.write(message + "\n")
    sys.stdout.flush()

