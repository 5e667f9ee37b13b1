"""Errors a beginner can read: installed in the notebook by ``helpers.setup()``.

Two cases get a short message instead of a traceback:

* a ``NameError`` on a bare name that is an id in the data (``answer = bulganin``), or on any
  bare name in a cell that sets ``answer =``: the student forgot the quotes;
* the course's own :class:`~helpers.errors.CourseError`: its message already says what is wrong
  and how to fix it, so the lines of library code above it only hide it.

The message is still an *error* output, so "Run all" stops there as it should. Every other error
keeps IPython's usual traceback.
"""

from __future__ import annotations

import linecache
import os
import re
from typing import Any

from .errors import CourseError

RED, BOLD, RESET = "\x1b[0;31m", "\x1b[1m", "\x1b[0m"
ANSWER_LINE = re.compile(r"^\s*answer\s*=", re.M)


def _known_id(name: str) -> bool:
    """True if ``name`` is a person, office or event id in the data."""
    try:
        from .dataset import load_dataset

        frames = load_dataset().frames
        return any(name in set(frames[table][column].astype(str)) for table, column in
                   (("people", "person_id"), ("offices", "office_id"), ("events", "event_id")))
    except Exception:  # noqa: BLE001  (a data problem must not hide the student's error)
        return False


def _cell_source(shell: Any, tb: Any) -> str:
    """The source of the cell being run: the newest input in the history, else the traceback
    frame whose code has no file on disk (cells are compiled from text)."""
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
    in_answer_cell = bool(ANSWER_LINE.search(cell))
    if not (_known_id(name) or in_answer_cell):
        return None
    example = f'answer = "{name}"' if in_answer_cell else f'"{name}"'
    message = (f"Python does not know a variable called {name}. Ids and names are text: "
               f"put the name in quotes: {example}")
    if not _known_id(name):
        message += ("\n(If it is a variable from an earlier cell, run that cell first.)")
    return message


def friendly_block(title: str, message: str) -> list[str]:
    """An error output of one short block: a coloured title and the message, no traceback."""
    return [f"{RED}{BOLD}{title}{RESET}", message]


def _handler(shell: Any, etype: type, value: BaseException, tb: Any,
             tb_offset: int | None = None) -> list[str] | None:
    if isinstance(value, CourseError):
        shell._showtraceback(etype, value, friendly_block(type(value).__name__, str(value)))
        return None
    if isinstance(value, NameError) and getattr(value, "name", None):
        message = unquoted_name_message(value.name, _cell_source(shell, tb))
        if message:
            shell._showtraceback(etype, value, friendly_block("NameError: missing quotes?",
                                                              message))
            return None
    shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
    return None


def install() -> bool:
    """Use the friendly messages in this IPython kernel; return False outside IPython."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    if shell is None:
        return False
    shell.set_custom_exc((CourseError, NameError), _handler)
    return True
