"""The course's own errors: each message says what is wrong and how to fix it."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable


class CourseError(Exception):
    """Base class for every error the helpers raise on purpose."""


class DataFileError(CourseError):
    """A table in ``data/`` is missing, empty or has a bad row."""

    def __init__(self, file: str, problem: str, *, line: int | None = None,
                 column: str | None = None, hint: str | None = None) -> None:
        where = file + (f", line {line}" if line is not None else "") + (
            f", column '{column}'" if column is not None else "")
        super().__init__(f"{where}: {problem}" + (f" {hint}" if hint else ""))


class BadDateError(CourseError, ValueError):
    """A date given to a query is malformed or impossible."""


class OutsideCoverageError(BadDateError):
    """A query for days the data do not cover completely."""


class UnknownIdError(CourseError, KeyError):
    """An id (person, office, event) that the data does not know."""

    def __init__(self, kind: str, value: object, known: Iterable[str],
                 suggestions: list[str] | None = None) -> None:
        message = f"There is no {kind} with id {shorten(repr(value))}"
        if not isinstance(value, str):  # no fuzzy match on str(None) = "none" ~ "konev"
            message += (f": an id is text in quotes, such as {min(known, default='the_id')!r}, "
                        f"not {type(value).__name__}.")
        elif suggestions := suggest(value, known) if suggestions is None else suggestions:
            message += f". Did you mean {suggestions[0]!r}?"
        else:
            message += f". See the list of {kind} ids in data/README.md."
        super().__init__(message)

    def __str__(self) -> str:  # KeyError would otherwise print the message in quotes
        return str(self.args[0])


def shorten(text: str, limit: int = 80) -> str:
    """``text`` cut to ``limit`` characters: an error never echoes a huge value back."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def normalise_id(value: str) -> str:
    """An id as typed, made comparable: NFKC, no invisible characters, case folded, ё as е,
    spaces around removed and inside made '_'."""
    text = unicodedata.normalize("NFKC", value)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return "_".join(text.casefold().replace("ё", "е").split())


def suggest(value: str, known: Iterable[str], n: int = 3) -> list[str]:
    """Up to ``n`` known ids close to ``value`` (after :func:`normalise_id`)."""
    cleaned = normalise_id(value)[:200]  # a megabyte of text is not worth comparing
    return difflib.get_close_matches(cleaned, list(known), n=n, cutoff=0.6)
