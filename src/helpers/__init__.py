"""Helpers for the course on the Soviet power struggle of 1953-1957.

Notebooks start with ``import helpers`` and ``helpers.setup()``; the queries below answer the
questions a student asks of the data.
"""

from . import style
from .dataset import TABLE_NAMES, load_dataset, table
from .dates import earliest_day, format_date, latest_day, parse_date
from .exercises import check, judge
from .errors import (BadDateError, CourseError, DataFileError, OutsideCoverageError,
                     UnknownIdError)
from .queries import (PRESIDIUM_OFFICES, covered_days, events_between, holders, in_office_on,
                      is_presidium_seat,
                      june_1957_camps, last_presidium_day, named_in_resolution, party_membership,
                      person, presidium_on, tenures_of)
from .style import CAMP_COLOURS, CAMP_LABELS, setup
from . import answers  # noqa: E402,F401  (after exercises: registers every notebook's exercises)

__all__ = [
    "style",
    "TABLE_NAMES", "load_dataset", "table",
    "parse_date", "earliest_day", "latest_day", "format_date",
    "BadDateError", "CourseError", "DataFileError", "OutsideCoverageError", "UnknownIdError",
    "covered_days", "events_between", "holders", "person", "presidium_on", "tenures_of",
    "PRESIDIUM_OFFICES", "in_office_on", "is_presidium_seat", "june_1957_camps",
    "named_in_resolution", "party_membership", "last_presidium_day",
    "CAMP_COLOURS", "CAMP_LABELS", "setup", "check", "judge",
]
