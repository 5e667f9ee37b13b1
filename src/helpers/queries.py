"""Questions a student asks of the data: who sat in the Presidium on a day, who held a post.

Every function takes ids and dates as a student would type them ('molotov', '1957-06-18') and
returns a new DataFrame (or a Series for one person), sorted so that the output is stable.
"""

from __future__ import annotations

import pandas as pd

from .dataset import load_dataset
from .dates import parse_date
from .errors import BadDateError, UnknownIdError

PRESIDIUM_OFFICES = {"presidium_member": "full member", "presidium_candidate": "candidate"}


def _check_id(kind: str, value: object, known: pd.Series) -> str:
    if not isinstance(value, str):
        raise UnknownIdError(kind, value, known)
    cleaned = value.strip().lower()
    if cleaned not in set(known):
        raise UnknownIdError(kind, value, known)
    return cleaned


def person(person_id: str) -> pd.Series:
    """Return one person's row (name, Russian name, dates of life, role)."""
    people = load_dataset().frames["people"]
    person_id = _check_id("person", person_id, people["person_id"])
    return people.set_index("person_id").loc[person_id].copy()


def person_names() -> pd.Series:
    """Each person's English name, indexed by person_id."""
    return load_dataset().frames["people"].set_index("person_id")["name"]


def surname(name: str) -> str:
    """The last word of an English name, for labels on charts ('Nikita Khrushchev' ->
    'Khrushchev')."""
    return name.split()[-1]


def _in_office_on(tenures: pd.DataFrame, day: pd.Timestamp) -> pd.Series:
    """True for tenures held on ``day`` (start <= day < end; an empty end is still open)."""
    return (tenures["start"] <= day) & (tenures["end"].isna() | (day < tenures["end"]))


def _with_names(frame: pd.DataFrame) -> pd.DataFrame:
    people = load_dataset().frames["people"][["person_id", "name", "name_ru"]]
    return frame.merge(people, on="person_id", how="left")


def presidium_on(date: object) -> pd.DataFrame:
    """Return the Presidium of the Central Committee on ``date``: full members, then candidates,
    each group in alphabetical order of surname.

    Columns: person_id, name, name_ru, status ('full member' or 'candidate'), start, end.
    """
    day = parse_date(date)
    tenures = load_dataset().frames["tenures"]
    seats = tenures[tenures["office_id"].isin(list(PRESIDIUM_OFFICES))]
    seats = seats[_in_office_on(seats, day)]
    result = _with_names(seats).assign(status=lambda f: f["office_id"].map(PRESIDIUM_OFFICES))
    result = result.sort_values(["office_id", "person_id"], key=_full_first)
    columns = ["person_id", "name", "name_ru", "status", "start", "end"]
    return result[columns].reset_index(drop=True)


def _full_first(column: pd.Series) -> pd.Series:
    if column.name == "office_id":
        return column.map({"presidium_member": 0, "presidium_candidate": 1})
    return column


def holders(office: str, date: object) -> pd.DataFrame:
    """Return who held ``office`` (an office_id such as 'premier') on ``date``."""
    day = parse_date(date)
    dataset = load_dataset()
    office = _check_id("office", office, dataset.frames["offices"]["office_id"])
    tenures = dataset.frames["tenures"]
    held = tenures[(tenures["office_id"] == office) & _in_office_on(tenures, day)]
    columns = ["person_id", "name", "name_ru", "office_id", "start", "end", "note"]
    return _with_names(held).sort_values(["start", "person_id"])[columns].reset_index(drop=True)


def tenures_of(person_id: str) -> pd.DataFrame:
    """Return every tenure of one person, in order of start, with the office's title."""
    dataset = load_dataset()
    person_id = _check_id("person", person_id, dataset.frames["people"]["person_id"])
    tenures = dataset.frames["tenures"]
    mine = tenures[tenures["person_id"] == person_id]
    offices = dataset.frames["offices"][["office_id", "title"]]
    columns = ["office_id", "title", "start", "end", "end_reason", "note"]
    return (mine.merge(offices, on="office_id", how="left")
            .sort_values(["start", "office_id"])[columns].reset_index(drop=True))


def events_between(start: object, end: object) -> pd.DataFrame:
    """Return the events that began between ``start`` and ``end`` (both days included)."""
    first, last = parse_date(start, what="start date"), parse_date(end, what="end date")
    if last < first:
        raise BadDateError(
            f"The end date {last.date()} is before the start date {first.date()}: swap them.")
    events = load_dataset().frames["events"]
    chosen = events[(events["date"] >= first) & (events["date"] <= last)]
    columns = ["event_id", "date", "end_date", "title", "category", "summary"]
    return chosen.sort_values(["date", "event_id"])[columns].reset_index(drop=True)
