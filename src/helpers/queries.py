"""The domain rules, each in one place: who held an office on a day, which offices are Presidium
seats, the June 1957 camps, who was named in the resolution, the expulsions. Ids and dates are
taken as a student types them; each answer is a new DataFrame or Series, stably sorted."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .dataset import _live
from .dates import format_date, parse_date
from .errors import CourseError, OutsideCoverageError, UnknownIdError, normalise_id, suggest

PRESIDIUM_OFFICES = {"presidium_member": "full member", "presidium_candidate": "candidate"}
MEMBERSHIP_CHANGES = ("expulsion_step", "expelled", "readmission_step", "readmitted")
#: The tables whose ids an answer (or a name typed without quotes) may be, and the word for one.
ID_TABLES = {"people": ("person_id", "person"), "offices": ("office_id", "office"),
             "events": ("event_id", "event")}
SEE_COVERAGE = "see data/README.md (section 'Coverage') for what is missing and where to read it"


def _check_id(kind: str, value: object, known: object, aliases: dict | None = None) -> str:
    """``value`` as a known id (normalised, or one of its ``aliases``), or UnknownIdError."""
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


def _person_id(value: object) -> str:
    """A person id, also typed as the Russian or English name, or a surname that is unique."""
    people = _live().frames["people"]
    if isinstance(value, str) and normalise_id(value) in set(people["person_id"]):
        return normalise_id(value)  # the common case, without building the aliases
    aliases: dict[str, str] = {}
    surnames: dict[str, set[str]] = {}
    for row in people.itertuples(index=False):
        for name in (row.name_ru, row.name):
            aliases[normalise_id(name)] = row.person_id
            surnames.setdefault(normalise_id(name.split()[-1]), set()).add(row.person_id)
    aliases.update({key: next(iter(ids)) for key, ids in surnames.items() if len(ids) == 1})
    return _check_id("person", value, people["person_id"], aliases)


def id_kind(value: str) -> tuple[str, set[str], str] | None:
    """The kind of id ``value`` is ('person', ...), every id of that kind, and their column."""
    for name, (column, word) in ID_TABLES.items():
        ids = set(_live().frames[name][column].astype(str))
        if value in ids:
            return word, ids, column
    return None


def person(person_id: str) -> pd.Series:
    """One person's row (name, Russian name, dates of life, role)."""
    return _live().frames["people"].set_index("person_id").loc[_person_id(person_id)].copy()


def in_office_on(tenures: pd.DataFrame, date: object) -> pd.Series:
    """True for the rows of ``tenures`` held on ``date``: start <= day < end (``end`` is the first
    day out of office; empty: still open). Use it as a filter: ``tenures[in_office_on(...)]``."""
    day = parse_date(date)
    if not isinstance(tenures, pd.DataFrame) or not {"start", "end"} <= set(tenures.columns):
        raise CourseError("in_office_on needs a table with the columns 'start' and 'end', such "
                          f"as helpers.table('tenures'); got {type(tenures).__name__}.")
    return (tenures["start"] <= day) & (tenures["end"].isna() | (day < tenures["end"]))


def is_presidium_seat(office_ids: pd.Series | str) -> pd.Series | bool:
    """True for the office ids (a column, a list or one id) that are a Presidium seat."""
    if isinstance(office_ids, str):
        return normalise_id(office_ids) in PRESIDIUM_OFFICES
    return pd.Series(office_ids, dtype=object).isin(list(PRESIDIUM_OFFICES))


def covered_days(office_id: str) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The first and last day on which the data list every holder of ``office_id``, or None."""
    offices = _live().frames["offices"]
    ids = offices["office_id"].tolist()
    row = ids.index(_check_id("office", office_id, ids))
    first, last = offices["covered_from"].iat[row], offices["covered_to"].iat[row]
    return None if pd.isna(first) else (first, last)


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


def _with_names(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.merge(_live().frames["people"][["person_id", "name", "name_ru"]],
                       on="person_id", how="left")


def presidium_on(date: object) -> pd.DataFrame:
    """The Presidium on ``date``: full members, then candidates, each by person_id."""
    day = parse_date(date)
    spans = [covered_days(office) for office in PRESIDIUM_OFFICES]
    _require_covered("the Presidium", None if None in spans else
                     (max(s[0] for s in spans), min(s[1] for s in spans)), day)
    frames = _live().frames
    tenures, people = frames["tenures"], frames["people"].set_index("person_id")
    seats = tenures[is_presidium_seat(tenures["office_id"]) & in_office_on(tenures, day)]
    result = seats.assign(name=seats["person_id"].map(people["name"]),  # map: faster than merge
                          name_ru=seats["person_id"].map(people["name_ru"]),
                          status=seats["office_id"].map(PRESIDIUM_OFFICES))
    result = result.assign(full_first=result["status"] != "full member")
    return (result.sort_values(["full_first", "person_id"])
            [["person_id", "name", "name_ru", "status", "start", "end"]].reset_index(drop=True))


def holders(office: str, date: object) -> pd.DataFrame:
    """Who held ``office`` (an office_id such as 'premier') on ``date``."""
    day = parse_date(date)
    tenures, offices = _live().frames["tenures"], _live().frames["offices"]
    office = _check_id("office", office, offices["office_id"])
    _require_covered(f"the office '{office}'", covered_days(office), day)
    held = tenures[(tenures["office_id"] == office) & in_office_on(tenures, day)]
    columns = ["person_id", "name", "name_ru", "office_id", "start", "end", "note"]
    return _with_names(held).sort_values(["start", "person_id"])[columns].reset_index(drop=True)


def tenures_of(person_id: str) -> pd.DataFrame:
    """Every tenure of one person, in order of start, with the office's title."""
    frames = _live().frames
    mine = frames["tenures"][frames["tenures"]["person_id"] == _person_id(person_id)]
    columns = ["office_id", "title", "start", "end", "end_reason", "note"]
    return (mine.merge(frames["offices"][["office_id", "title"]], on="office_id", how="left")
            .sort_values(["start", "office_id"])[columns].reset_index(drop=True))


def june_1957_camps() -> pd.Series:
    """Each person's camp in June 1957 (stances_june_1957.csv), indexed by person_id; everyone
    else in people.csv is 'not_in_leadership'. Stances are interpretation (see their evidence)."""
    frames = _live().frames
    camps = frames["stances_june_1957"].set_index("person_id")["stance"]
    everyone = frames["people"]["person_id"]
    return camps.reindex(everyone, fill_value="not_in_leadership").rename("camp")


def named_in_resolution() -> list[str]:
    """Person ids condemned by name in the resolution of June 1957 (its 'victim' links)."""
    links = _live().frames["event_people"]
    return list(links.loc[(links["event_id"] == "antiparty_resolution_1957")
                          & (links["role"] == "victim"), "person_id"])


def party_membership(changes: tuple[str, ...] = ("expelled",)) -> pd.DataFrame:
    """Expulsions from (and readmissions to) the party with the events' dates; ``changes``: any
    of MEMBERSHIP_CHANGES (default: the final expulsion, 'expelled')."""
    one = isinstance(changes, str) or not isinstance(changes, Iterable)
    changes = [changes] if one else changes
    if len(changes) == 0:
        raise CourseError("Give at least one kind of change, such as ('expelled',); the kinds "
                          f"are {', '.join(MEMBERSHIP_CHANGES)}.")
    cleaned = [_check_id("kind of change", change, MEMBERSHIP_CHANGES) for change in changes]
    frames = _live().frames
    chosen = frames["party_membership"][frames["party_membership"]["change"].isin(cleaned)]
    events = frames["events"][["event_id", "date", "date_precision", "end_date", "title"]]
    columns = ["person_id", "change", "event_id", "date", "date_precision", "end_date", "title"]
    return (chosen.merge(events, on="event_id", how="left")
            .sort_values(["date", "person_id"])[columns].reset_index(drop=True))


def last_presidium_day(person_id: str) -> pd.Timestamp | None:
    """The first day a person was out of the Presidium for good; None if never in or never out."""
    tenures = _live().frames["tenures"]
    seats = tenures[(tenures["person_id"] == _person_id(person_id))
                    & is_presidium_seat(tenures["office_id"])]
    return None if seats.empty or seats["end"].isna().any() else seats["end"].max()
