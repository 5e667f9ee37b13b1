"""The course's own errors: each message says what is wrong and how to fix it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class CourseError(Exception):
    """Base class for every error the helpers raise on purpose."""


class DataFileError(CourseError):
    """A table in ``data/`` is missing, empty or has a bad row."""

    def __init__(self, file: str, problem: str, *, line: int | None = None,
                 column: str | None = None, hint: str | None = None) -> None:
        self.file, self.line, self.column, self.problem, self.hint = file, line, column, problem, hint
        where = file
        if line is not None:
            where += f", line {line}"
        if column is not None:
            where += f", column '{column}'"
        message = f"{where}: {problem}"
        if hint:
            message += f" {hint}"
        super().__init__(message)


class BadDateError(CourseError, ValueError):
    """A date given to a query is malformed or impossible."""


class OutsideCoverageError(BadDateError):
    """A query for days the data do not cover completely (before they begin, after they end,
    or for an office whose holders the data list only in part)."""


class UnknownIdError(CourseError, KeyError):
    """An id (person, office, event) that the data does not know."""

    def __init__(self, kind: str, value: object, known: Iterable[str]) -> None:
        self.kind, self.value = kind, value
        self.suggestions = suggest(str(value), known)
        message = f"There is no {kind} with id {value!r}."
        if self.suggestions:
            best, *others = self.suggestions
            message += f" Did you mean {best!r}?"
            if others:
                message += f" (Also close: {', '.join(repr(s) for s in others)}.)"
        else:
            message += f" See the list of {kind} ids in data/README.md."
        super().__init__(message)

    def __str__(self) -> str:  # KeyError would otherwise print the message in quotes
        return str(self.args[0])


def suggest(value: str, known: Iterable[str], n: int = 3) -> list[str]:
    """Return up to ``n`` known ids close to ``value`` (case- and space-insensitive)."""
    cleaned = value.strip().lower().replace(" ", "_")
    return difflib.get_close_matches(cleaned, list(known), n=n, cutoff=0.6)
