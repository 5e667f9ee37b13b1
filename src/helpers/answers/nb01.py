"""Answers to the exercises of 01 The sources and the data, computed from the tables."""

import pandas as pd

from ..dataset import table
from ..exercises import exercise, judge


@judge("01-1", hint="in the cell that defines another_file, read data_folder / \"events.csv\" with "
       "parse_dates=[\"date\", \"end_date\"], run it, then write answer = another_file.",
       takes=pd.DataFrame)
def events_read_with_dates(answer: pd.DataFrame) -> str | None:
    events = table("events")
    if not set(events.columns) <= set(answer.columns):
        if set(answer.columns) == set(table("people").columns):
            return ("That is still the people table: change \"people.csv\" to "
                    "\"events.csv\" and run the cell again before this one.")
        return "That is not the events table: read data_folder / \"events.csv\"."
    if len(answer) != len(events):
        return "Some rows are missing: read the whole file, without filtering it."
    text_dates = [c for c in ("date", "end_date")
                  if not pd.api.types.is_datetime64_any_dtype(answer[c])]
    if text_dates:
        return (f"The column(s) {', '.join(text_dates)} are still text: list both date columns "
                "in parse_dates=[\"date\", \"end_date\"].")
    return None


@exercise("01-2", hint="look at the start column of the first_secretary row and write it as "
          "text, in the form 'YYYY-MM-DD'.", kind="date")
def first_secretary_date() -> str:
    tenures = table("tenures")
    return tenures.loc[tenures["office_id"] == "first_secretary", "start"].min().date().isoformat()


@exercise("01-3", hint="tenures.groupby('person_id')['office_id'].nunique() counts the "
          "different offices of each person; sort it and take the top id.")
def most_offices() -> str:
    counts = table("tenures").groupby("person_id")["office_id"].nunique()
    return str(sorted(counts[counts == counts.max()].index)[0])


def _stances_without(kinds: list[str]) -> set[str]:
    """The people whose June 1957 stance cites no work of any of ``kinds``."""
    stances = table("stances_june_1957")
    cited = stances.assign(kind=stances["source_ids"].str.split(";")).explode("kind")
    cited["kind"] = cited["kind"].map(table("sources").set_index("source_id")["kind"])
    strong = cited["kind"].isin(kinds).groupby(cited["person_id"]).any()
    return set(strong[~strong].index)


@judge("01-4", hint="add \"memoir\" to the list strong_kinds in the cell that defines "
       "weak_stances, run it, then write answer = weak_stances (no quotes).",
       takes=pd.DataFrame)
def stances_without_document_study_or_memoir(answer: pd.DataFrame) -> str | None:
    found = set(answer["person_id"])
    if found == _stances_without(["primary", "scholarly", "memoir"]):
        return None
    if found == _stances_without(["primary", "scholarly"]):
        return ("That is still the table for primary and scholarly sources: add \"memoir\" to "
                "strong_kinds and run that cell again before this one.")
    return ("Not the right rows: strong_kinds should hold exactly \"primary\", \"scholarly\" "
            "and \"memoir\".")
