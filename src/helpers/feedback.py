"""Errors a beginner can read, installed by ``helpers.setup()``: a NameError on an id typed
without quotes, or on any bare name in a cell that sets ``answer =``, a date typed without
quotes (with a leading zero it is a SyntaxError; without, Python subtracts: ``check`` catches
the number),
and the course's own CourseError (whose message already says what to fix) get one short block
instead of a traceback. It is still an error output, so "Run all" stops there."""

from __future__ import annotations

import linecache
import os
import re
from typing import Any

from .errors import CourseError
from .queries import id_kind

RED, BOLD, RESET = "\x1b[0;31m", "\x1b[1m", "\x1b[0m"
ANSWER_LINE = re.compile(r"^\s*answer\s*=", re.M)
UNQUOTED_DATE = re.compile(r"(?<![\w\"'./-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w\"'.])")


def _known_id(name: str) -> bool:
    """True if ``name`` is a person, office or event id in the data."""
    try:
        return id_kind(name) is not None
    except Exception:  # noqa: BLE001  (a data problem must not hide the student's error)
        return False


def _cell_source(shell: Any, tb: Any) -> str:
    """The cell being run: the newest input, else the traceback frame with no file on disk."""
    history = getattr(getattr(shell, "history_manager", None), "input_hist_raw", None)
    if history and history[-1]:
        return history[-1]
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if not os.path.exists(filename):
            return "".join(linecache.getlines(filename))
        tb = tb.tb_next
    return ""


def unquoted_name_message(name: str, cell: str) -> str | None:
    """The message for a NameError on ``name``, or None when it is not the quotes mistake."""
    in_answer_cell, known = bool(ANSWER_LINE.search(cell)), _known_id(name)
    if not (known or in_answer_cell):
        return None
    example = f'answer = "{name}"' if in_answer_cell else f'"{name}"'
    message = (f"Python does not know a variable called {name}. Ids and names are text: "
               f"put the name in quotes: {example}")
    return message if known else message + "\n(If it is a variable from an earlier cell, run that cell first.)"


def unquoted_date_message(cell: str) -> str | None:
    """The message for a date typed without quotes in ``cell``, or None if there is none."""
    found = UNQUOTED_DATE.search(cell)
    if not found:
        return None
    date = "{}-{:0>2}-{:0>2}".format(*found.groups())
    example = f'answer = "{date}"' if ANSWER_LINE.search(cell) else f'"{date}"'
    return (f"Without quotes Python reads {found.group(0)} as numbers and minus signs, not a "
            f"date: put the date in quotes: {example}")


def current_cell() -> str:
    """The source of the cell being run ("" outside IPython)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return ""
    shell = get_ipython()
    return _cell_source(shell, None) if shell is not None else ""


def _handler(shell: Any, etype: type, value: BaseException, tb: Any,
             tb_offset: int | None = None) -> None:
    message = None
    if isinstance(value, CourseError):
        title, message = type(value).__name__, str(value)
    elif isinstance(value, NameError) and getattr(value, "name", None):
        title, message = "NameError: missing quotes?", unquoted_name_message(value.name,
                                                                             _cell_source(shell, tb))
    elif isinstance(value, SyntaxError):
        title, message = "SyntaxError: missing quotes?", unquoted_date_message(value.text or "")
    if message:  # one short block: a coloured title and the message, no traceback
        shell._showtraceback(etype, value, [f"{RED}{BOLD}{title}{RESET}", message])
    else:
        shell.showtraceback((etype, value, tb), tb_offset=tb_offset)


def install() -> bool:
    """Use the friendly messages in this IPython kernel; return False outside IPython."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    if shell is not None:
        shell.set_custom_exc((CourseError, NameError, SyntaxError), _handler)
    return shell is not None
