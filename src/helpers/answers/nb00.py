"""Answers to the exercises of 00 Start here, computed from the tables."""

from plotly.basedatatypes import BaseFigure

from ..dataset import table
from ..exercises import compare, exercise, judge
from ..queries import holders, presidium_on


@exercise("00-1", hint="count the rows whose status is 'full member' in "
          "helpers.presidium_on('1953-03-06').", kind="number")
def full_members_after_stalin() -> int:
    return int((presidium_on("1953-03-06")["status"] == "full member").sum())


@exercise("00-2", hint="try helpers.holders('premier', '1956-01-01') and give the person_id.")
def premier_in_1956() -> str:
    return str(holders("premier", "1956-01-01")["person_id"].iloc[0])


@exercise("00-3", hint="look at helpers.table('stances_june_1957') for a presidium_candidate "
          "whose stance is against_khrushchev.", kind="set")
def candidate_against() -> list[str]:
    stances = table("stances_june_1957")
    chosen = stances[(stances["body"] == "presidium_candidate")
                     & (stances["stance"] == "against_khrushchev")]
    return list(chosen["person_id"])


@judge("00-4", hint="set day = pd.Timestamp(\"1957-06-30\"), use helpers.presidium_on(day) in "
       "place of presidium_1957_06_18, run that cell and the chart cell, then answer = figure.",
       takes=BaseFigure)
def chart_of_the_new_presidium(answer: BaseFigure) -> str | None:
    drawn = {str(name) for trace in answer.data for name in (trace.y if trace.y is not None
                                                               else [])}
    wanted = set(presidium_on("1957-06-30")["name"])
    if drawn == set(presidium_on("1957-06-18")["name"]):
        return ("The chart still shows the Presidium of 18 June: change the date in the cell "
                "that computes `service`, run it, then run the chart cell again.")
    return compare(drawn, wanted,
                   missing="{} sat in the Presidium on 30 June 1957 but is not on the chart: pick "
                           "the people with helpers.presidium_on(\"1957-06-30\").",
                   extra="{} was no longer in the Presidium on 30 June 1957.")
