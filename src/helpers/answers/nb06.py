"""Answers to the exercises of 06 Myth and record."""

from ..exercises import exercise
from ..myths import left_party_in, party_timeline, verdict


@exercise("06-1", hint="look at helpers.myths.party_timeline(): in which year did each of the "
          "four stop being a party member? Did any of them do so in 1957? Answer 'true', "
          "'false' or 'misleading'.")
def resigned_from_party() -> str:
    """'They resigned from the party in 1957' is false when none of the four left it in 1957."""
    return "true" if left_party_in(1957) else "false"


@exercise("06-2", hint="in helpers.myths.party_timeline(), compare the column 'expelled_from': "
          "whose expulsion comes first? Give the person id, such as 'molotov'.")
def first_expelled() -> str:
    timeline = party_timeline().sort_values(["expelled_to", "person_id"])
    return str(timeline["person_id"].iloc[0])


@exercise("06-3", hint="they did disagree on policy, but who tried to remove whom, and from "
          "which seats? Read helpers.myths.evidence_for('political_dissent'). Answer 'true', "
          "'false' or 'misleading'.")
def political_dissent() -> str:
    return verdict("political_dissent")


@exercise("06-4", hint="search a library catalogue for the title: whose name is on it? "
          "Answer 'true' or 'false'.")
def book_by_pipes() -> str:
    return verdict("book_by_pipes")
