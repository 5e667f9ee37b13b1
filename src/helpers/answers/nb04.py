"""Answers to the exercises of notebook 04 (June 1957, day by day)."""

from ..dataset import load_dataset
from ..exercises import exercise
from ..june1957 import named_in_resolution, presidium_change, presidium_with_stances


@exercise("04-1", hint="subtract the date of 'antiparty_resolution_1957' from the date of "
          "'antiparty_published_pravda_1957' in helpers.june1957.crisis_days(); "
          "(later - earlier).days gives a whole number.", kind="duration")
def days_to_publication() -> int:
    events = load_dataset().frames["events"].set_index("event_id")["date"]
    return int((events["antiparty_published_pravda_1957"]
                - events["antiparty_resolution_1957"]).days)


@exercise("04-2", hint="find Zhukov's 'presidium_member' row in helpers.tenures_of('zhukov'); "
          "the end is the first day out, so (end - start).days counts his days in the seat.",
          kind="duration")
def zhukov_days_as_full_member() -> int:
    tenures = load_dataset().frames["tenures"]
    seat = tenures[(tenures["person_id"] == "zhukov")
                   & (tenures["office_id"] == "presidium_member")].iloc[0]
    return int((seat["end"] - seat["start"]).days)


@exercise("04-3", hint="take the full members whose 'voted' is 'for_removal' in "
          "helpers.june1957.presidium_with_stances('1957-06-18') and leave out those in "
          "helpers.june1957.named_in_resolution(). Give a list of person ids.", kind="set")
def voted_but_not_named() -> list[str]:
    members = presidium_with_stances("1957-06-18")
    voted = members.loc[members["voted"] == "for_removal", "person_id"]
    named = set(named_in_resolution())
    return sorted(p for p in voted if p not in named)


@exercise("04-4", hint="in helpers.june1957.presidium_change() look for the rows whose "
          "change is 'promoted to full member'. Give a list of person ids.", kind="set")
def candidates_promoted() -> list[str]:
    change = presidium_change("1957-06-18", "1957-06-30")
    return sorted(change.loc[change["change"] == "promoted to full member", "person_id"])
