"""The exercise checker: compare a student's answer with the expected one (registered in
``answers/nbNN.py`` with :func:`exercise`, or judged by a :func:`judge`), as values in whatever
form pandas hands them out, and say in one friendly sentence what is right or wrong."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import numbers
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .dates import parse_date
from .errors import BadDateError, CourseError, shorten, suggest
from .queries import id_kind

CORRECT = "Correct! Well done."
ID_COLUMNS = ("person_id", "office_id", "event_id", "source_id")  # a table answer gives this
MAX_ITEMS = 1000  # no exercise asks for more; an endless iterator is cut off here


@dataclass(frozen=True)
class Exercise:
    """One exercise: how to compute its answer (or judge one) and a hint for a wrong one."""
    exercise_id: str
    hint: str
    kind: str = "value"
    expected: Callable[[], Any] | None = None
    judge: Callable[[Any], str | None] | None = None


REGISTRY: dict[str, Exercise] = {}


def exercise(exercise_id: str, hint: str, kind: str = "value") -> Callable:
    """Register the decorated function as the way to compute ``exercise_id``'s answer.
    ``kind``: value (an id or a word), set (ids in any order), number, date or duration."""
    if kind not in JUDGES:
        raise ValueError(f"kind must be one of {list(JUDGES)}, not {kind!r}")

    def register(expected: Callable[[], Any]) -> Callable[[], Any]:
        REGISTRY[exercise_id] = Exercise(exercise_id, hint, kind, expected=expected)
        return expected
    return register


def judge(exercise_id: str, hint: str, takes: type = object) -> Callable:
    """Register the decorated ``(answer) -> str | None`` as the judge of ``exercise_id``: None
    when the changed figure/table/graph is right, else a specific hint. An answer that is not a
    ``takes`` (its name in quotes, say) is told to pass the object itself."""
    noun = {"BaseFigure": "figure", "DataFrame": "table", "Graph": "graph"}.get(takes.__name__)
    passing = f"Pass the {noun or 'answer'} itself (its name without quotes), once its cell ran."

    def register(function: Callable[[Any], str | None]) -> Callable[[Any], str | None]:
        def guarded(answer: Any) -> str | None:
            return function(answer) if isinstance(answer, takes) else f"{passing} Hint: {hint}"
        REGISTRY[exercise_id] = Exercise(exercise_id, hint, "judged", judge=guarded)
        return guarded
    return register


def compare(drawn: Iterable, wanted: Iterable, **messages: str) -> str | None:
    """For judges: None when ``drawn`` and ``wanted`` hold the same items, else the first of the
    ``messages`` (``extra=``, ``missing=``, checked in the order given) that applies, formatted
    with the first item that should not be there, or that is lacking."""
    drawn, wanted = set(drawn), set(wanted)
    for kind, message in messages.items():
        left = drawn - wanted if kind == "extra" else wanted - drawn
        if left:
            return message.format(sorted(left)[0])
    return None


class NotThatForm(ValueError):
    """The answer is not of the form the question asks for (message: what to do instead)."""


class _DataProblem(Exception):
    """The expected answer could not be computed: the data (or the course), not the student."""


def _items(value: Any, column: str | None = None) -> list[Any] | None:
    """The items of a list-like answer, or None for a scalar. A table gives its ``column``
    (else its first id column, else its only column); more than MAX_ITEMS is refused."""
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        return None
    if isinstance(value, pd.DataFrame):
        columns = [c for c in (column, *ID_COLUMNS) if c in value.columns]
        if not columns and value.shape[1] != 1:
            raise NotThatForm(f"That is a table with columns {list(value.columns)[:6]}; "
                              "give the one column the question asks for.")
        value = value[columns[0]] if columns else value.iloc[:, 0]
    if isinstance(value, np.ndarray) and value.ndim != 1:
        raise NotThatForm(f"That is an array of shape {value.shape}; give a flat list.")
    taken = list(itertools.islice(iter(value), MAX_ITEMS + 1))
    if len(taken) > MAX_ITEMS:
        raise NotThatForm(f"That answer has over {MAX_ITEMS} items; the question asks for a few.")
    return taken


def _single(value: Any, column: str | None = None) -> Any:
    """A scalar answer, unwrapping a one-item list, Series or one-row table."""
    listed = _items(value, column)
    if listed is None:
        return value.item() if isinstance(value, np.generic) else value
    if len(listed) == 1:
        return _single(listed[0])
    raise NotThatForm(f"That answer holds {len(listed)} values; the question asks for one.")


def as_text(value: Any, column: str | None = None) -> str:
    """A text answer (an id, a yes/no verdict), lower-cased and stripped: True is 'true'."""
    return shorten(str(_single(value, column))).strip().lower()


def as_number(value: Any) -> float:
    """A numeric answer: int, float, numpy number, or digits as text."""
    value = _single(value)
    if isinstance(value, bool) or not isinstance(value, (str, numbers.Number)):
        raise NotThatForm(f"That is a {type(value).__name__}; the question asks for one number.")
    try:
        return float(value.strip().replace(",", "") if isinstance(value, str) else value)
    except ValueError:
        raise NotThatForm(f"{value!r} is not a number; type the number itself, "
                          "without quotes.") from None


def as_date(value: Any) -> pd.Timestamp:
    """A date answer: Timestamp, datetime.date, numpy datetime64, or text YYYY-MM-DD."""
    try:
        return parse_date(_single(value))
    except BadDateError as problem:
        raise NotThatForm(str(problem)) from None


def as_days(value: Any) -> float:
    """A duration answer in days: Timedelta, datetime.timedelta, a number of days, '122 days'."""
    value = _single(value)
    text = isinstance(value, str) and not value.strip().replace(".", "").isdigit()
    if not (text or isinstance(value, (dt.timedelta, np.timedelta64))):
        return as_number(value)
    try:
        return pd.Timedelta(value.strip() if text else value) / pd.Timedelta(days=1)
    except ValueError:
        raise NotThatForm(f"{value!r} is not a duration; give the number of days.") from None


def as_id_list(value: Any, column: str | None = None) -> list[str]:
    """A list of ids in any order (a list, set, Series, Index or a table with an id column)."""
    listed = _items(value, column)
    return [as_text(item) for item in (listed if listed is not None else [value])]


def _a(word: str) -> str:
    return f"an {word}" if word[0] in "aeiou" else f"a {word}"


def _misspelt(answers: list[str], word: str, ids: set[str]) -> str | None:
    """A sentence about the answers that are not ids of that kind, or None if all are."""
    parts = []
    for value in [a for a in answers if a not in ids][:3]:
        close = suggest(value, ids, n=1)
        parts.append(f"{value!r} is not {_a(word)} id" +
                     (f"; did you mean {close[0]!r}?" if close else "."))
    return " ".join(parts) or None


def _judge_value(answer: Any, expected: str, hint: str) -> str:
    wanted = expected.strip().lower()
    space = id_kind(wanted)
    given = as_text(answer, column=space[2] if space else None)
    if given == wanted:
        return CORRECT
    if space is None:
        return f"Not quite. Hint: {hint}"
    word, ids, _ = space
    misspelt = _misspelt([given], word, ids)
    return f"Not quite. {misspelt}" if misspelt else (
        f"Not quite. {given!r} is {_a(word)} id, but not the {word} the question asks for. "
        f"Hint: {hint}")


def _judge_quantity(convert: Callable[[Any], Any], near: Callable[[Any, Any], str]) -> Callable:
    """A judge for numbers, dates or durations: ``near(given, wanted)`` says how close a miss is."""
    def judge_it(answer: Any, expected: Any, hint: str) -> str:
        given, wanted = convert(answer), convert(expected)
        if given == wanted or not isinstance(given, pd.Timestamp) and math.isclose(
                given, wanted, rel_tol=1e-9, abs_tol=1e-9):
            return CORRECT
        return f"Not quite{near(given, wanted)}. Hint: {hint}"
    return judge_it


def _judge_set(answer: Any, expected: Any, hint: str) -> str:
    wanted = set(as_id_list(expected))
    space = id_kind(next(iter(wanted))) if wanted else None
    given = set(as_id_list(answer, column=space[2] if space else None))
    if given == wanted:
        return CORRECT
    misspelt = _misspelt(sorted(given), *space[:2]) if space else None
    if misspelt:
        return f"Not quite. {misspelt}"
    missing, extra = wanted - given, given - wanted
    parts = [f"{len(given & wanted)} of {len(wanted)} right"]
    if missing:
        parts.append(f"{'one' if len(missing) == 1 else len(missing)} missing")
    if extra:
        parts.append(f"{', '.join(repr(e) for e in sorted(extra))} should not be there")
    return f"Not quite: {', '.join(parts)}. Hint: {hint}"


JUDGES = {
    "value": _judge_value, "set": _judge_set,
    "number": _judge_quantity(as_number, lambda given, wanted: ""),
    "date": _judge_quantity(as_date, lambda given, wanted: ": the right month, but not the "
                            "right day" if given.to_period("M") == wanted.to_period("M") else ""),
    "duration": _judge_quantity(as_days, lambda given, wanted: ": one day out. Count from the "
                                "earlier date to the later one (later - earlier)"
                                if abs(given - wanted) == 1 else ""),
}


def _verdict(task: Exercise, answer: Any) -> str:
    if task.judge is None:
        try:
            expected = task.expected()
        except Exception as error:  # noqa: BLE001  (whatever broke, it is not the student's answer)
            raise _DataProblem(str(error) if isinstance(error, CourseError)
                               else f"{type(error).__name__}: {error}") from error
        return JUDGES[task.kind](answer, expected, task.hint)
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
    if answer is None:
        return "No answer yet: replace None with your answer, then run the cell again."
    try:
        return _verdict(task, answer)
    except NotThatForm as problem:
        return f"Not quite. {problem}"
    except _DataProblem as problem:
        return (f"This answer cannot be checked: the course could not work out the expected "
                f"answer because of a problem in its data ({problem}). This is not your "
                "fault: tell your lecturer.")


def check(exercise_id: str, answer: Any) -> None:
    """Print friendly feedback on ``answer`` to exercise ``exercise_id``; never raises. The
    sentence is written in one piece, so a notebook stores it as a single stream output."""
    try:
        message = feedback(exercise_id, answer)
    except Exception as error:  # noqa: BLE001  (an odd object must not produce a traceback)
        message = (f"Could not check that answer ({type(error).__name__}). "
                   "Give a number, a name or a list of ids, as the question asks.")
    sys.stdout.write(message + "\n")
    sys.stdout.flush()
