"""Answers to the exercises of notebook 05 (June 1957, day by day), computed from the data."""

from plotly.basedatatypes import BaseFigure

from ..dataset import table
from ..exercises import exercise, judge
from ..queries import june_1957_camps, named_in_resolution, presidium_on
from ..style import CAMP_LABELS


@exercise("05-1", hint="subtract the date of 'antiparty_resolution_1957' from the date of "
          "'antiparty_published_pravda_1957' in crisis_days; (later - earlier).days gives a "
          "whole number.", kind="duration")
def days_to_publication() -> int:
    events = table("events").set_index("event_id")["date"]
    return int((events["antiparty_published_pravda_1957"]
                - events["antiparty_resolution_1957"]).days)


@exercise("05-2", hint="find Zhukov's 'presidium_member' row in helpers.tenures_of('zhukov'); "
          "the end is the first day out, so (end - start).days counts his days in the seat.",
          kind="duration")
def zhukov_days_as_full_member() -> int:
    tenures = table("tenures")
    seat = tenures[(tenures["person_id"] == "zhukov")
                   & (tenures["office_id"] == "presidium_member")].iloc[0]
    return int((seat["end"] - seat["start"]).days)


@exercise("05-3", hint="keep the rows of full_members whose 'voted' is 'for_removal', then "
          "leave out those whose person_id is in named (~ ... .isin(named)). Give a list of "
          "person ids.", kind="set")
def voted_but_not_named() -> list[str]:
    voted = table("stances_june_1957").set_index("person_id")["voted"]
    full = presidium_on("1957-06-18").query("status == 'full member'")["person_id"]
    return sorted({p for p in full if voted.get(p) == "for_removal"} - set(named_in_resolution()))


@exercise("05-4", hint="in change, keep the rows whose 'status 18 Jun' is 'candidate' and "
          "whose 'status 30 Jun' is 'full member'. Give a list of person ids.", kind="set")
def candidates_promoted() -> list[str]:
    before = presidium_on("1957-06-18").set_index("person_id")["status"]
    after = presidium_on("1957-06-30").set_index("person_id")["status"]
    return sorted(p for p, seat in before.items()
                  if seat == "candidate" and after.get(p) == "full member")


DAY_AFTER_ZHUKOV = "1957-10-30"


@judge("05-5", hint="add \"1957-10-30\" to the list days, run the chart's cell again, and "
       "pass fig (the figure) as the answer.", takes=BaseFigure)
def chart_with_the_day_after_zhukov(answer: BaseFigure) -> str | None:
    """None when the figure has a bar for 30 October 1957 whose counts match the data."""
    drawn: dict[str, int] = {}
    for trace in answer.data:
        for x, y in zip(*(v if v is not None else [] for v in (trace.x, trace.y))):
            if str(x) == DAY_AFTER_ZHUKOV:
                drawn[trace.name] = drawn.get(trace.name, 0) + int(y)
    if not drawn:
        return f"The figure has no bar for {DAY_AFTER_ZHUKOV}: add it to days and run the cell."
    full = presidium_on(DAY_AFTER_ZHUKOV).query("status == 'full member'")["person_id"]
    if drawn != full.map(june_1957_camps()).map(CAMP_LABELS).value_counts().to_dict():
        return (f"The bar for {DAY_AFTER_ZHUKOV} does not count the full members of that day by "
                "camp: keep the rest of the cell as it was.")
    return None
