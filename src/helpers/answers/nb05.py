"""Answers to the exercises of 05 Aftermath: exile, expulsion, readmission."""

from ..aftermath import (NAMED_IN_RESOLUTION, kept_lost_gained, lives_after_presidium,
                         party_membership_table)
from ..dataset import load_dataset
from ..exercises import exercise


@exercise("05-1", hint="look at helpers.aftermath.lives_after_presidium() and compare the "
          "'years after' of Malenkov, Kaganovich, Molotov and Shepilov; give the person id.")
def longest_life_after_1957() -> str:
    lives = lives_after_presidium(NAMED_IN_RESOLUTION)
    people = load_dataset().frames["people"].set_index("name")["person_id"]
    best = lives.sort_values(["years after", "name"], ascending=[False, True]).iloc[0]
    return str(people[best["name"]])


@exercise("05-2", hint="helpers.tenures_of('molotov') lists his posts in order; find the one "
          "that starts after ambassador_mongolia ends and give its office_id.")
def molotov_after_mongolia() -> str:
    tenures = load_dataset().frames["tenures"]
    molotov = tenures[tenures["person_id"] == "molotov"]
    left = molotov.loc[molotov["office_id"] == "ambassador_mongolia", "end"].iloc[0]
    later = molotov[molotov["start"] >= left].sort_values("start")
    return str(later["office_id"].iloc[0])


@exercise("05-3", hint="in helpers.aftermath.kept_lost_gained(), keep the rows whose change "
          "is 'gained' and give their person_id values as a list.", kind="set")
def gained_rank() -> list[str]:
    table = kept_lost_gained()
    return list(table.loc[table["change"] == "gained", "person_id"])


@exercise("05-4", hint="count the rows of helpers.aftermath.party_membership_table() whose "
          "'another source says' column is not empty (!= '').", kind="number")
def disputed_membership_dates() -> int:
    table = party_membership_table()
    return int((table["another source says"] != "").sum())
