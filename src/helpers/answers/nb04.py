"""Answers to the exercises of the causes notebook (Why June 1957 happened)."""

from ..dataset import table
from ..exercises import exercise
from ..queries import june_1957_camps


@exercise("04-1", hint="causes.set_index('cause_id')['date'] gives the dates by id; subtract "
          "the Secret Speech's date from the law's date and take .days.", kind="number")
def days_from_speech_to_law() -> int:
    dates = table("causes_1956_1957").set_index("cause_id")["date"]
    return int((dates["sovnarkhoz_law_1957"] - dates["secret_speech_1956"]).days)


@exercise("04-2", hint="set chosen_count = 'yakovlev', run the cell and the chart cell again "
          "and read the first number in the title (the majority's veterans).", kind="number")
def majority_lists_in_yakovlevs_count() -> int:
    lists = table("execution_lists")
    yakovlev = lists[lists["count_source"] == "yakovlev"]
    camp = yakovlev["signer_id"].map(june_1957_camps())
    return int(yakovlev.loc[camp == "against_khrushchev", "lists_signed"].sum())


@exercise("04-3", hint="plenum.loc[plenum['days_possible'] > 1, 'person_id'] lists them; "
          "give the ids as a list, each once.", kind="set")
def speakers_without_a_day() -> list[str]:
    plenum = table("plenum_june_1957")
    undated = plenum[plenum["latest_day"] > plenum["earliest_day"]]
    return sorted(set(undated["person_id"].dropna()))
