"""Answers to the exercises of 01 The sources and the data."""

from ..dataset import load_dataset
from ..exercises import exercise


@exercise("01-1", hint="filter helpers.table('sources') with sources['kind'] == 'primary' "
          "and count the rows with len(...).", kind="number")
def primary_sources() -> int:
    sources = load_dataset().frames["sources"]
    return int((sources["kind"] == "primary").sum())


@exercise("01-2", hint="look at the start column of the first_secretary row and write it as "
          "text, for example '1955-02-08'.", kind="date")
def first_secretary_date() -> str:
    tenures = load_dataset().frames["tenures"]
    start = tenures.loc[tenures["office_id"] == "first_secretary", "start"].min()
    return start.date().isoformat()


@exercise("01-3", hint="tenures.groupby('person_id')['office_id'].nunique() counts the "
          "different offices of each person; sort it and take the top id.")
def most_offices() -> str:
    tenures = load_dataset().frames["tenures"]
    counts = tenures.groupby("person_id")["office_id"].nunique()
    top = counts[counts == counts.max()].index
    return str(sorted(top)[0])
