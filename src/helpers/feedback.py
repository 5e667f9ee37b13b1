"""Errors a beginner can read, installed by ``helpers.setup()``: a NameError on an id typed
without quotes, or on any bare name in a cell that sets ``answer =``,
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


def _handler(shell: Any, etype: type, value: BaseException, tb: Any,
             tb_offset: int | None = None) -> None:
    message = None
    if isinstance(value, CourseError):
        title, message = type(value).__name__, str(value)
    elif isinstance(value, NameError) and getattr(value, "name", None):
        title, message = "NameError: missing quotes?", unquoted_name_message(value.name,
                                                                             _cell_source(shell, tb))
    if message:  # one short block: a coloured title and the message, no traceback
        shell._showtraceback(etype, value, [f"{RED}{BOLD}{title}{RESET}", message])
    else:
        shell.showtraceback((etype, value, tb), tb_offset=tb_offset)


def install(shell: Any) -> None:
    """Use the friendly messages in this IPython kernel."""
    shell.set_custom_exc((CourseError, NameError), _handler)
