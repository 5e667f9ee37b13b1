"""Answers to the exercises of 00 Start here."""

from ..exercises import exercise
from ..queries import holders, presidium_on
from ..dataset import load_dataset


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
    stances = load_dataset().frames["stances_june_1957"]
    chosen = stances[(stances["body"] == "presidium_candidate")
                     & (stances["stance"] == "against_khrushchev")]
    return list(chosen["person_id"])
