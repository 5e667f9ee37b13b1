"""Answers to the exercises of 02 Power shifts."""

from ..exercises import exercise
from ..queries import holders, presidium_on, tenures_of


@exercise("02-1", hint="helpers.holders('defence_minister', '1957-06-18') lists the holder; "
          "give the person_id in quotes.")
def defence_minister_in_june_1957() -> str:
    return str(holders("defence_minister", "1957-06-18")["person_id"].iloc[0])


@exercise("02-2", hint="count the rows of helpers.presidium_on('1958-01-01') whose status is "
          "'full member'.", kind="number")
def full_members_1958() -> int:
    return int((presidium_on("1958-01-01")["status"] == "full member").sum())


@exercise("02-3", hint="find the row with office_id 'premier' in "
          "helpers.tenures_of('khrushchev') and write its start as 'YYYY-MM-DD'.", kind="date")
def khrushchev_premier() -> str:
    mine = tenures_of("khrushchev")
    return mine.loc[mine["office_id"] == "premier", "start"].iloc[0].date().isoformat()
