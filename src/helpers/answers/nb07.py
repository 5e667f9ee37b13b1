"""Answers to the exercises of 07 Myth and record, computed from the tables."""

import pandas as pd

from ..dataset import table
from ..dates import latest_day
from ..exercises import exercise, judge
from ..queries import party_membership


def _verdict(claim_id: str) -> str:
    claims = table("claims").set_index("claim_id")
    return str(claims.at[claim_id, "verdict"])


@exercise("07-1", hint="in which year was each of the four expelled (the table `expelled`)? "
          "Did any of them stop being a party member in 1957? Answer 'true', 'false' or "
          "'misleading'.")
def resigned_from_party() -> str:
    """'They resigned from the party in 1957' is false when none of the four left it in 1957."""
    left_in_1957 = party_membership()["date"].dt.year == 1957
    return "true" if left_in_1957.any() else "false"


@exercise("07-2", hint="sort `party_timeline` by `expelled_by`, the last day each expulsion "
          "can have happened: whose comes first? Give the person id, such as 'molotov'.")
def first_expelled() -> str:
    final = party_membership()
    last_days = [latest_day(d, p, e) for d, p, e in
                 zip(final["date"], final["date_precision"], final["end_date"])]
    return str(final.assign(expelled_by=last_days)
               .sort_values(["expelled_by", "person_id"])["person_id"].iloc[0])


@exercise("07-3", hint="they did disagree on policy, but who tried to remove whom, and from "
          "which seats? Count the `voted` column of `movers`. Answer 'true', 'false' or "
          "'misleading'.")
def political_dissent() -> str:
    return _verdict("political_dissent")


@exercise("07-4", hint="look at the sources behind the verdict (a catalogue record): whose "
          "name is on the title page? Answer 'true' or 'false'.")
def book_by_pipes() -> str:
    return _verdict("book_by_pipes")


def _events_titled(pattern: str) -> set[str]:
    events = table("events")
    return set(events.loc[events["title"].str.contains(pattern, case=False), "event_id"])


@judge("07-5", hint="set pattern = \"remov\" in the cell that defines `events_worded`, run it, "
       "then write answer = events_worded (no quotes).",
       takes=pd.DataFrame)
def events_that_say_removed(answer: pd.DataFrame) -> str | None:
    found = set(answer["event_id"])
    if found == _events_titled("remov"):
        return None
    if found == _events_titled("resign|expel|expul"):
        return ("That is still the search for 'resign|expel|expul': change pattern to "
                "\"remov\" and run the cell again before this one.")
    return "Not quite: keep every event whose title contains 'remov' (with case=False)."
