"""Helpers for the course on the Soviet power struggle of 1953-1957.

Notebooks start with ``import helpers`` and ``helpers.setup()``; the queries below answer the
questions a student asks of the data.
"""

from . import aftermath, charts, june1957, myths, network, power, sourcing, timeline
from .dataset import TABLE_NAMES, load_dataset, table
from .dates import parse_date
from .exercises import check, judge
from .errors import BadDateError, CourseError, DataFileError, UnknownIdError
from .queries import events_between, holders, person, presidium_on, tenures_of
from .style import CAMP_COLOURS, CAMP_LABELS, setup
from . import answers  # noqa: E402,F401  (after exercises: registers every notebook's exercises)

__all__ = [
    "aftermath", "charts", "june1957", "myths", "network", "power", "sourcing", "timeline",
    "TABLE_NAMES", "load_dataset", "table", "parse_date",
    "BadDateError", "CourseError", "DataFileError", "UnknownIdError",
    "events_between", "holders", "person", "presidium_on", "tenures_of",
    "CAMP_COLOURS", "CAMP_LABELS", "setup", "check", "judge",
]
