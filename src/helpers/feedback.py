"""Errors a beginner can read, installed by ``helpers.setup()``: a NameError on an id typed
without quotes (or on any bare name in a cell that sets ``answer =``), a date typed without
quotes (a SyntaxError with a leading zero; without one Python subtracts and ``check`` catches
the number) and the course's own CourseError, whose message already says what to fix, get one
short block instead of a traceback. It is still an error output, so "Run all" stops there."""

from __future__ import annotations

import re
from typing import Any

from .errors import CourseError
from .queries import id_kind

RED, BOLD, RESET = "\x1b[0;31m", "\x1b[1m", "\x1b[0m"
ANSWER_LINE = re.compile(r"^\s*answer\s*=", re.M)
EARLIER_CELL = "\n(If it is a variable from an earlier cell, run that cell first.)"
UNQUOTED_DATE = re.compile(r"(?<![\w\"'./-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w\"'.])")


def unquoted_name_message(name: str, cell: str) -> str | None:
    """The message for a NameError on ``name``, or None when it is not the quotes mistake."""
    try:
        known = id_kind(name) is not None
    except Exception:  # noqa: BLE001  (a data problem must not hide the student's error)
        known = False
    in_answer_cell = bool(ANSWER_LINE.search(cell))
    if not (known or in_answer_cell):
        return None
    example = f'answer = "{name}"' if in_answer_cell else f'"{name}"'
    return (f"Python does not know a variable called {name}. Ids and names are text: put the "
            f"name in quotes: {example}" + ("" if known else EARLIER_CELL))


def unquoted_date_message(cell: str) -> str | None:
    """The message for a date typed without quotes in ``cell``, or None if there is none."""
    found = UNQUOTED_DATE.search(cell)
    if not found:
        return None
    date = "{}-{:0>2}-{:0>2}".format(*found.groups())
    example = f'answer = "{date}"' if ANSWER_LINE.search(cell) else f'"{date}"'
    return (f"Without quotes Python reads {found.group(0)} as numbers and minus signs, not a "
            f"date: put the date in quotes: {example}")


def current_cell(shell: Any = None) -> str:
    """The source of the cell being run ("" outside IPython)."""
    if shell is None:
        from IPython import get_ipython
        shell = get_ipython()
    cells = getattr(getattr(shell, "history_manager", None), "input_hist_raw", None) or [""]
    return cells[-1]


def _handler(shell: Any, etype: type, value: BaseException, tb: Any,
             tb_offset: int | None = None) -> None:
    message = None
    if isinstance(value, CourseError):
        title, message = type(value).__name__, str(value)
    elif isinstance(value, NameError) and getattr(value, "name", None):
        title, message = "NameError: missing quotes?", unquoted_name_message(
            value.name, current_cell(shell))
    elif isinstance(value, SyntaxError):
        title, message = "SyntaxError: missing quotes?", unquoted_date_message(value.text or "")
    if message:  # one short block: a coloured title and the message, no traceback
        shell._showtraceback(etype, value, [f"{RED}{BOLD}{title}{RESET}", message])
    else:
        shell.showtraceback((etype, value, tb), tb_offset=tb_offset)


def install(shell: Any) -> None:
    """Use the friendly messages in this IPython kernel."""
    shell.set_custom_exc((CourseError, NameError, SyntaxError), _handler)
