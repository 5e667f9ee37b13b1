"""Questions a student asks of the data: who sat in the Presidium on a day, who held a post.

Every function takes ids and dates as a student would type them ('molotov', '1957-06-18') and
returns a new DataFrame (or a Series for one person), sorted so that the output is stable.
"""

from __future__ import annotations

import pandas as pd

from .dataset import _live
from .dates import format_date, parse_date
from .errors import (BadDateError, CourseError, OutsideCoverageError, UnknownIdError,
                     normalise_id, suggest)

PRESIDIUM_OFFICES = {"presidium_member": "full member", "presidium_candidate": "candidate"}


def _check_id(kind: str, value: object, known: object,
              aliases: dict[str, str] | None = None) -> str:
    """``value`` as a known id: normalised (case, spaces, Unicode NFKC), or found through
    ``aliases`` (other names for the same id); else :class:`UnknownIdError` with suggestions."""
    known = [str(k) for k in known]
    if not isinstance(value, str):
        raise UnknownIdError(kind, value, known)
    cleaned = normalise_id(value)
    if cleaned in set(known):
        return cleaned
    aliases = aliases or {}
    if cleaned in aliases:
        return aliases[cleaned]
    close = suggest(cleaned, known) + [aliases[a] for a in suggest(cleaned, list(aliases))]
    raise UnknownIdError(kind, value, known, list(dict.fromkeys(close))[:3])


def person_aliases(people: pd.DataFrame | None = None) -> dict[str, str]:
    """Other ways to name a person, each normalised, to their person_id: the Russian name and
    Russian surname ('Хрущёв', 'хрущев'), the English name; a surname only when unique."""
    people = _live().frames["people"] if people is None else people
    aliases: dict[str, str] = {}
    surnames: dict[str, set[str]] = {}
    for row in people.itertuples(index=False):
        for name in (row.name_ru, row.name):
            aliases[normalise_id(name)] = row.person_id
            surnames.setdefault(normalise_id(name.split()[-1]), set()).add(row.person_id)
    aliases.update({key: next(iter(ids)) for key, ids in surnames.items() if len(ids) == 1})
    return aliases


def _person_id(value: object) -> str:
    people = _live().frames["people"]
    known = people["person_id"]
    if isinstance(value, str) and normalise_id(value) in set(known):
        return normalise_id(value)  # the common case, without building the aliases
    return _check_id("person", value, known, person_aliases(people))


def person(person_id: str) -> pd.Series:
    """Return one person's row (name, Russian name, dates of life, role). The id may be typed
    in any case, or as the Russian name ('Хрущёв')."""
    people = _live().frames["people"]
    person_id = _person_id(person_id)
    return people.set_index("person_id").loc[person_id].copy()


def person_names() -> pd.Series:
    """Each person's English name, indexed by person_id."""
    return _live().frames["people"].set_index("person_id")["name"].copy()


def surname(name: str) -> str:
    """The last word of an English name, for labels on charts ('Nikita Khrushchev' ->
    'Khrushchev')."""
    return name.split()[-1]


def in_office_on(tenures: pd.DataFrame, date: object) -> pd.Series:
    """True for the rows of ``tenures`` held on ``date``: start <= day < end, because ``end``
    is the first day out of office; an empty end is still open. Use it as a filter:
    ``tenures[helpers.in_office_on(tenures, "1957-06-18")]``."""
    day = parse_date(date)
    if not isinstance(tenures, pd.DataFrame) or not {"start", "end"} <= set(tenures.columns):
        raise CourseError("in_office_on needs a table with the columns 'start' and 'end', such "
                          f"as helpers.table('tenures'); got {type(tenures).__name__}.")
    return (tenures["start"] <= day) & (tenures["end"].isna() | (day < tenures["end"]))


def is_presidium_seat(office_ids: pd.Series | str) -> pd.Series | bool:
    """True for office ids that are a seat in the Presidium (full member or candidate): a
    Series for a column of ids, one True or False for one id."""
    if isinstance(office_ids, str):
        return normalise_id(office_ids) in PRESIDIUM_OFFICES
    if not isinstance(office_ids, pd.Series):
        office_ids = pd.Series(list(office_ids) if office_ids is not None else [], dtype=object)
    return office_ids.isin(list(PRESIDIUM_OFFICES))


def check_id(kind: str, value: object, known: pd.Series) -> str:
    """``value`` cleaned (case, spaces), or :class:`UnknownIdError` with a suggestion."""
    return _check_id(kind, value, known)


SEE_COVERAGE = "see data/README.md (section 'Coverage') for what is missing and where to read it"


def covered_days(office_id: str) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The first and last day on which the data list every holder of ``office_id``
    (``covered_from``/``covered_to`` in offices.csv), or None when they never do."""
    offices = _live().frames["offices"]
    office_id = _check_id("office", office_id, offices["office_id"])
    row = offices[offices["office_id"] == office_id].iloc[0]
    if pd.isna(row["covered_from"]):
        return None
    return row["covered_from"], row["covered_to"]


def _require_covered(what: str, span: tuple[pd.Timestamp, pd.Timestamp] | None,
                     day: pd.Timestamp) -> None:
    """Refuse a day outside ``span``: an answer there could be silently incomplete."""
    if span is None:
        raise OutsideCoverageError(
            f"The data do not list every holder of {what}: the office is kept only for the "
            "careers the course follows. Ask helpers.tenures_of('<person_id>') for one person's "
            f"posts; {SEE_COVERAGE}.")
    first, last = span
    if not first <= day <= last:
        side = "before the data begin" if day < first else "after the data end"
        raise OutsideCoverageError(
            f"The data cover {what} from {format_date(first)} to {format_date(last)}; "
            f"{format_date(day)} is {side}, so an answer would be incomplete or wrong. "
            f"Ask about a day in that span; for other dates {SEE_COVERAGE}.")


def _presidium_span() -> tuple[pd.Timestamp, pd.Timestamp] | None:
    spans = [covered_days(office) for office in PRESIDIUM_OFFICES]
    if any(span is None for span in spans):
        return None
    return max(s[0] for s in spans), min(s[1] for s in spans)


def _with_names(frame: pd.DataFrame) -> pd.DataFrame:
    people = _live().frames["people"][["person_id", "name", "name_ru"]]
    return frame.merge(people, on="person_id", how="left")


def presidium_on(date: object) -> pd.DataFrame:
    """Return the Presidium of the Central Committee on ``date``: full members, then candidates,
    each group in alphabetical order of surname.

    Columns: person_id, name, name_ru, status ('full member' or 'candidate'), start, end.
    """
    day = parse_date(date)
    _require_covered("the Presidium", _presidium_span(), day)
    tenures = _live().frames["tenures"]
    seats = tenures[is_presidium_seat(tenures["office_id"])]
    seats = seats[in_office_on(seats, day)]
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
    dataset = _live()
    office = _check_id("office", office, dataset.frames["offices"]["office_id"])
    _require_covered(f"the office '{office}'", covered_days(office), day)
    tenures = dataset.frames["tenures"]
    held = tenures[(tenures["office_id"] == office) & in_office_on(tenures, day)]
    columns = ["person_id", "name", "name_ru", "office_id", "start", "end", "note"]
    return _with_names(held).sort_values(["start", "person_id"])[columns].reset_index(drop=True)


def tenures_of(person_id: str) -> pd.DataFrame:
    """Return every tenure of one person, in order of start, with the office's title."""
    dataset = _live()
    person_id = _person_id(person_id)
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
    dataset = _live()
    coverage = dataset.schemas["events"].coverage
    if coverage is not None and coverage.start is not None and coverage.end is not None:
        for day in (first, last):
            _require_covered("events", (coverage.start, coverage.end), day)
    events = dataset.frames["events"]
    chosen = events[(events["date"] >= first) & (events["date"] <= last)]
    columns = ["event_id", "date", "end_date", "title", "category", "summary"]
    return chosen.sort_values(["date", "event_id"])[columns].reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Rules about June 1957 and its aftermath, each in one place and read from data/
# --------------------------------------------------------------------------------------------

def june_1957_camps() -> pd.Series:
    """Each person's camp in June 1957 (``stances_june_1957.csv``: for_khrushchev,
    against_khrushchev, wavered, unclear), indexed by person_id; everyone else in people.csv
    is 'not_in_leadership'. Stances are interpretation: see the table's evidence column."""
    frames = _live().frames
    camps = frames["stances_june_1957"].set_index("person_id")["stance"]
    people = frames["people"]["person_id"]
    return camps.reindex(people, fill_value="not_in_leadership").rename("camp").copy()


def named_in_resolution() -> list[str]:
    """Person ids condemned by name in the plenum's resolution of 29 June 1957 (the event's
    'victim' links in ``event_people.csv``), in the order the data list them."""
    links = _live().frames["event_people"]
    chosen = links[(links["event_id"] == "antiparty_resolution_1957")
                   & (links["role"] == "victim")]
    return list(chosen["person_id"])


def party_membership(changes: tuple[str, ...] = ("expelled",)) -> pd.DataFrame:
    """Expulsions from (and readmissions to) the party, from ``party_membership.csv`` joined
    to the events' dates. ``changes`` picks the kinds: 'expelled' (the final expulsion, the
    default), 'expulsion_step', 'readmitted', 'readmission_step'.

    Columns: person_id, change, event_id, date, date_precision, end_date, title.
    """
    known = ("expulsion_step", "expelled", "readmission_step", "readmitted")
    if isinstance(changes, str):
        changes = (changes,)
    if not isinstance(changes, (list, tuple, set, frozenset, pd.Series)):
        raise UnknownIdError("kind of change", changes, known)
    if len(changes) == 0:
        raise CourseError("Give at least one kind of change, such as ('expelled',); the kinds "
                          f"are {', '.join(known)}.")
    cleaned = [_check_id("kind of change", change, known) for change in changes]
    frames = _live().frames
    chosen = frames["party_membership"]
    chosen = chosen[chosen["change"].isin(cleaned)]
    events = frames["events"][["event_id", "date", "date_precision", "end_date", "title"]]
    columns = ["person_id", "change", "event_id", "date", "date_precision", "end_date", "title"]
    return (chosen.merge(events, on="event_id", how="left")
            .sort_values(["date", "person_id"])[columns].reset_index(drop=True))


def last_presidium_day(person_id: str) -> pd.Timestamp | None:
    """The first day a person was out of the Presidium for good (the end of their last seat);
    None if they never sat in it or still sat in it when the data end."""
    frames = _live().frames
    person_id = _person_id(person_id)
    tenures = frames["tenures"]
    seats = tenures[(tenures["person_id"] == person_id) & is_presidium_seat(tenures["office_id"])]
    if seats.empty or seats["end"].isna().any():
        return None
    return seats["end"].max()
