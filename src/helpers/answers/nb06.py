"""Answers to the exercises of 06 Aftermath: exile, expulsion, readmission (from the data)."""

import pandas as pd
from plotly.basedatatypes import BaseFigure

from ..dataset import table
from ..exercises import exercise, judge
from ..queries import (in_office_on, last_presidium_day, named_in_resolution, party_membership,
                       presidium_on)


@exercise("06-1", hint="take lives.loc[helpers.named_in_resolution(), 'years after'] and find "
          "the person id with the largest value (.idxmax()).")
def longest_life_after_1957() -> str:
    died = table("people").set_index("person_id")["died"]
    years = {p: (died[p] - last_presidium_day(p)).days for p in named_in_resolution()}
    return max(years, key=years.get)


@exercise("06-2", hint="helpers.tenures_of('molotov') lists his posts in order; find the one "
          "that starts after ambassador_mongolia ends and give its office_id.")
def molotov_after_mongolia() -> str:
    tenures = table("tenures")
    molotov = tenures[tenures["person_id"] == "molotov"]
    left = molotov.loc[molotov["office_id"] == "ambassador_mongolia", "end"].iloc[0]
    later = molotov[molotov["start"] >= left].sort_values("start")
    return str(later["office_id"].iloc[0])


def _top_ranks(day: str) -> pd.Series:
    """Each member of the Presidium of 18 June 1957: highest office rank on day (5 = none)."""
    ranked = table("tenures").merge(table("offices")[["office_id", "rank"]], on="office_id")
    top = ranked[in_office_on(ranked, day)].groupby("person_id")["rank"].min()
    members = presidium_on("1957-06-18")["person_id"]
    return members.map(top).fillna(5).set_axis(members).astype(int)


@exercise("06-3", hint="keep the rows of members whose change is 'gained' and give their "
          "person_id values as a list.", kind="set")
def gained_rank() -> list[str]:
    before, after = _top_ranks("1957-06-18"), _top_ranks("1958-12-31")
    return sorted(p for p in before.index if after[p] < before[p])


LATER_DAY = "1961-12-31"


@judge("06-4", hint="set last = \"1961-12-31\" in the cell with top_rank, run it and the "
       "chart's cell, then pass fig (the figure) as the answer.", takes=BaseFigure)
def rank_chart_at_end_of_1961(answer: BaseFigure) -> str | None:
    """None when the filled markers (the later day) sit at each person's rank on LATER_DAY."""
    drawn = {}
    for trace in answer.data:
        if getattr(trace.marker, "symbol", None) == "circle" and trace.x is not None:
            drawn.update({name: int(x) for name, x in zip(trace.y, trace.x)})
    names = table("people").set_index("person_id")["name"]
    if not drawn:
        return "The figure has no filled markers: run the chart's cell and pass fig."
    if drawn == _top_ranks("1958-12-31").rename(index=names).to_dict():
        return f"The filled markers are still at 31 December 1958: set last = \"{LATER_DAY}\"."
    if drawn != _top_ranks(LATER_DAY).rename(index=names).to_dict():
        return (f"The filled markers are not at each person's rank on {LATER_DAY}: run the "
                "top_rank cell first.")
    return None


@exercise("06-5", hint="count the rows of membership whose 'another source says' column is not "
          "empty: (membership['another source says'] != '').sum().", kind="number")
def disputed_membership_dates() -> int:
    steps = party_membership(("expulsion_step", "expelled", "readmission_step", "readmitted"))
    disagreements = table("disagreements")
    disputed = set(disagreements.loc[disagreements["table"] == "events", "record"])
    return int(steps["event_id"].isin(disputed).sum())
