"""Errors a beginner can read, installed by ``helpers.setup()``: a NameError on an id typed
without quotes (or on any bare name in a cell that sets ``answer =``) and the course's own
CourseError, whose message already says what to fix, get one short block instead of a
traceback. It is still an error output, so "Run all" stops there."""

from __future__ import annotations

import re
from typing import Any

from .errors import CourseError
from .queries import id_kind

RED, BOLD, RESET = "\x1b[0;31m", "\x1b[1m", "\x1b[0m"
ANSWER_LINE = re.compile(r"^\s*answer\s*=", re.M)
EARLIER_CELL = "\n(If it is a variable from an earlier cell, run that cell first.)"


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


def _handler(shell: Any, etype: type, value: BaseException, tb: Any,
             tb_offset: int | None = None) -> None:
    message = None
    if isinstance(value, CourseError):
        title, message = type(value).__name__, str(value)
    elif isinstance(value, NameError) and getattr(value, "name", None):
        cells = getattr(getattr(shell, "history_manager", None), "input_hist_raw", None) or [""]
        title, message = "NameError: missing quotes?", unquoted_name_message(value.name, cells[-1])
    if message:  # one short block: a coloured title and the message, no traceback
        shell._showtraceback(etype, value, [f"{RED}{BOLD}{title}{RESET}", message])
    else:
        shell.showtraceback((etype, value, tb), tb_offset=tb_offset)


def install(shell: Any) -> None:
    """Use the friendly messages in this IPython kernel."""
    shell.set_custom_exc((CourseError, NameError), _handler)
