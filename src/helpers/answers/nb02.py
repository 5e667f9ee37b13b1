"""Answers to the exercises of 02 Power shifts, computed from the tables."""

import pandas as pd
from plotly.basedatatypes import BaseFigure

from ..dataset import table
from ..exercises import compare, exercise, judge
from ..queries import holders, presidium_on


@exercise("02-1", hint="helpers.holders('defence_minister', '1957-06-18') lists the holder; "
          "give the person_id in quotes.")
def defence_minister_in_june_1957() -> str:
    return str(holders("defence_minister", "1957-06-18")["person_id"].iloc[0])


@exercise("02-2", hint="count the rows of helpers.presidium_on('1958-01-01') whose status is "
          "'full member'.", kind="number")
def full_members_1958() -> int:
    return int((presidium_on("1958-01-01")["status"] == "full member").sum())


@exercise("02-3", hint="keep the rows of `tenures` whose person_id is 'khrushchev' and whose "
          "office_id is 'premier', and take their `start`.", kind="date")
def khrushchev_premier() -> pd.Timestamp:
    tenures = table("tenures")
    mine = tenures[(tenures["person_id"] == "khrushchev") & (tenures["office_id"] == "premier")]
    return mine["start"].min()


@judge("02-4", hint="copy the px.scatter cell, filter `events` first, e.g. "
       "events[events[\"first_day\"].dt.year == 1957], draw dots and bars from that, and write "
       "answer = figure.", takes=BaseFigure)
def events_of_1957_only(answer: BaseFigure) -> str | None:
    # px puts hover_name into hovertext: the event titles the figure draws
    drawn = {str(title) for trace in answer.data
             for title in (trace.hovertext if trace.hovertext is not None else [])}
    if not drawn:
        return "The figure has no events with titles: keep hover_name=\"title\" in px.scatter."
    events = table("events")
    return compare(drawn, events.loc[events["date"].dt.year == 1957, "title"],
                   extra="The figure still draws events outside 1957, e.g. {!r}: filter "
                         "`events` before drawing.",
                   missing="Some events of 1957 are missing, e.g. {!r}: keep the bars "
                           "(px.timeline) for dates known only to the month or year.")
