"""Invariants of the historical record that kill a changed fact without the whole-notebook
comparison (review 6.8): continuity of the single-holder offices, the key dates, the stances
of June 1957, dates of life, office ranks and date precision. Each pin names its source; a
correction to the data that changes one must change the pin in the same commit, with a reason.
"""

import pandas as pd
import pytest

import helpers

TENURES = helpers.table("tenures")


def _day(text):
    return pd.Timestamp(text)


def _tenure(person, office, start=None):
    rows = TENURES[(TENURES["person_id"] == person) & (TENURES["office_id"] == office)]
    if start is not None:
        rows = rows[rows["start"] == _day(start)]
    assert len(rows) == 1, (person, office, start, len(rows))
    return rows.iloc[0]


def change_days(tenures: pd.DataFrame, first: pd.Timestamp, last: pd.Timestamp) -> list:
    """first, last and every start or end of ``tenures`` between them: the days a count of
    holders can change (helpers.timeline, which held this, was removed with notebook 02's
    charts moving into the notebook)."""
    changes = pd.concat([tenures["start"], tenures["end"]]).dropna()
    return sorted({first, last} | set(changes[(changes >= first) & (changes <= last)]))


# --- single-holder offices: exactly one holder every day they are covered ----------------------

@pytest.mark.parametrize("office, first, last", [
    ("premier", "1953-03-05", "1962-12-31"),           # Malenkov, Bulganin, Khrushchev
    ("first_secretary", "1953-09-07", "1962-12-31"),   # post created 7 Sep 1953 (rgani_...)
    ("foreign_minister", "1953-03-05", "1962-12-31"),  # Molotov, Shepilov, Gromyko
    ("defence_minister", "1953-03-05", "1962-12-31"),  # Bulganin, Zhukov, Malinovsky
    ("head_of_state", "1953-03-05", "1960-05-06"),     # Shvernik, Voroshilov
    ("interior_minister", "1953-03-05", "1960-01-12"), # Beria, Kruglov, Dudorov; MVD abolished 13 Jan 1960
])
def test_a_single_holder_office_has_exactly_one_holder_every_covered_day(office, first, last):
    held = TENURES[TENURES["office_id"] == office]
    for day in change_days(held, _day(first), _day(last)):
        for probe in (day - pd.Timedelta(days=1), day):
            if _day(first) <= probe <= _day(last):
                names = list(helpers.holders(office, probe)["person_id"])
                assert len(names) == 1, (office, probe.date(), names)


def test_no_first_secretary_before_the_post_was_created():
    assert helpers.holders("first_secretary", "1953-09-06").empty


def test_the_kgb_never_has_two_chairmen():
    held = TENURES[TENURES["office_id"] == "kgb_chairman"]
    for day in change_days(held, _day("1954-03-13"), _day("1961-11-12")):
        assert len(helpers.holders("kgb_chairman", day)) <= 1


# --- the key changes, each with its source -------------------------------------------------

@pytest.mark.parametrize("person, office, start, end", [
    # Khrushchev First Secretary from the September 1953 plenum
    # (rgani_khrushchev_first_secretary_1953; timenote_khrushchev_first_secretary_1953)
    ("khrushchev", "first_secretary", "1953-09-07", None),
    # Malenkov premier 6 Mar 1953 - 8 Feb 1955 (wp_en_georgy_malenkov; ewh_2001_1953)
    ("malenkov", "premier", "1953-03-05", "1955-02-08"),  # decided 5 Mar (one convention, audit #10)
    # Bulganin premier 8 Feb 1955 - 27 Mar 1958 (wp_en_nikolai_bulganin; wp_ru_bulganin_...)
    ("bulganin", "premier", "1955-02-08", "1958-03-27"),
    # Khrushchev premier from 27 Mar 1958 (wp_en_nikita_khrushchev)
    ("khrushchev", "premier", "1958-03-27", None),
    # The anti-party group out of the Presidium on 29 Jun 1957 (soviethistory_msu_antiparty;
    # archontology_cpsu_presidium)
    ("molotov", "presidium_member", "1952-10-16", "1957-06-29"),
    ("malenkov", "presidium_member", "1952-10-16", "1957-06-29"),
    ("kaganovich", "presidium_member", "1952-10-16", "1957-06-29"),
    ("shepilov", "presidium_candidate", "1956-02-27", "1957-06-29"),
    # Beria removed from the Presidium by the July 1953 plenum (tandf_lowenhardt_era_conspiracies)
    ("beria", "presidium_member", "1952-10-16", "1953-07-07"),
    # Zhukov defence minister 9 Feb 1955 - 26 Oct 1957 (fandom_historica_zhukov; treccani_zukov)
    ("zhukov", "defence_minister", "1955-02-09", "1957-10-26"),
    # Zhukov full member 29 Jun - 29 Oct 1957 (lastampa_1957_07_04; libcat_zhukov_oct1957_plenum)
    ("zhukov", "presidium_member", "1957-06-29", "1957-10-29"),
    # Shepilov foreign minister 1 Jun 1956 - 15 Feb 1957 (wp_en_dmitri_shepilov)
    ("shepilov", "foreign_minister", "1956-06-01", "1957-02-15"),
    # Bulganin out of the Presidium 5 Sep 1958 (doc20vek_sostav_bulganin)
    ("bulganin", "presidium_member", "1952-10-16", "1958-09-05"),
    # Voroshilov released from the Presidium by the July 1960 plenum (wp_en_kliment_voroshilov)
    ("voroshilov", "presidium_member", "1952-10-16", "1960-07-16"),
    # Kirichenko and Belyayev removed 4 May 1960 (wp_ru_kirichenko_aleksey_illarionovich;
    # wp_en_list_of_members_of_the_politburo_..._in_the_1960s)
    ("kirichenko", "presidium_member", "1955-07-12", "1960-05-04"),
    ("belyayev", "presidium_member", "1957-06-29", "1960-05-04"),
    # Mukhitdinov full member from 17 Dec 1957 (wp_en_nuritdin_mukhitdinov)
    ("mukhitdinov", "presidium_member", "1957-12-17", "1961-10-31"),
    # Khrushchev out of the Presidium 14 Oct 1964 (archontology_khrushchev): outside the
    # coverage, but tenures_of and last_presidium_day show it
    ("khrushchev", "presidium_member", "1952-10-16", "1964-10-14"),
    # Kosygin, Podgorny, Polyansky full members from 4 May 1960 (wp_en_alexei_kosygin;
    # archontology_podgorny; wp_ru_polyanskiy_dmitriy_stepanovich)
    ("kosygin", "presidium_member", "1960-05-04", None),
    ("podgorny", "presidium_member", "1960-05-04", None),
    ("polyansky", "presidium_member", "1960-05-04", None),
])
def test_the_dates_of_the_key_changes(person, office, start, end):
    tenure = _tenure(person, office, start)
    assert tenure["start"] == _day(start)
    assert (pd.isna(tenure["end"]) if end is None else tenure["end"] == _day(end))


@pytest.mark.parametrize("day, full, candidates", [
    ("1953-03-04", 25, 11),  # the Presidium of 16 Oct 1952 (wp_en_19th_congress_...)
    ("1953-03-06", 10, 4),   # the joint session of 5 Mar 1953 (istmat_postanovlenie_1953_03_05)
    ("1957-06-18", 11, 7),   # before the June 1957 plenum (wp_en_anti_party_group)
    ("1957-06-30", 15, 9),   # elected 29 Jun 1957 (lastampa_1957_07_04)
    ("1960-06-01", 15, 7),   # after the May 1960 plenum
    ("1960-12-31", 14, 7),   # after Voroshilov's release in July 1960: the coverage's last day
])
def test_the_size_of_the_presidium_on_key_days(day, full, candidates):
    presidium = helpers.presidium_on(day)
    assert (presidium["status"] == "full member").sum() == full
    assert (presidium["status"] == "candidate").sum() == candidates


# --- June 1957: who stood where (stances_june_1957.csv; evidence column per row) -------------

STANCES = {
    # full members (wp_en_anti_party_group; cambridge_history_russia_v3; spitsyn)
    "khrushchev": ("presidium_full", "for_khrushchev", "against_removal"),
    "mikoyan": ("presidium_full", "for_khrushchev", "against_removal"),
    "suslov": ("presidium_full", "for_khrushchev", "against_removal"),
    "kirichenko": ("presidium_full", "for_khrushchev", "against_removal"),
    "bulganin": ("presidium_full", "against_khrushchev", "for_removal"),
    "voroshilov": ("presidium_full", "against_khrushchev", "for_removal"),
    "kaganovich": ("presidium_full", "against_khrushchev", "for_removal"),
    "malenkov": ("presidium_full", "against_khrushchev", "for_removal"),
    "molotov": ("presidium_full", "against_khrushchev", "for_removal"),
    "pervukhin": ("presidium_full", "against_khrushchev", "for_removal"),
    "saburov": ("presidium_full", "against_khrushchev", "for_removal"),
    # candidates: no vote (studinfo_spitsyn; lastampa_1957_07_04)
    "zhukov": ("presidium_candidate", "for_khrushchev", "no_vote"),
    "brezhnev": ("presidium_candidate", "for_khrushchev", "no_vote"),
    "mukhitdinov": ("presidium_candidate", "unclear", "no_vote"),
    "shepilov": ("presidium_candidate", "against_khrushchev", "no_vote"),
    "furtseva": ("presidium_candidate", "for_khrushchev", "no_vote"),
    "shvernik": ("presidium_candidate", "for_khrushchev", "no_vote"),
    "kozlov": ("presidium_candidate", "for_khrushchev", "no_vote"),
    # others in the crisis (enacademic_antiparty_group; wilson_plenum_1957_06_25/26; ukrbukva)
    "serov": ("other", "for_khrushchev", "no_vote"),
    "aristov": ("other", "for_khrushchev", "no_vote"),
    "belyayev": ("other", "for_khrushchev", "no_vote"),
    "pospelov": ("other", "unclear", "no_vote"),
    "ignatov": ("other", "for_khrushchev", "no_vote"),
    "kuusinen": ("other", "for_khrushchev", "no_vote"),
    "gromyko": ("other", "for_khrushchev", "no_vote"),
    "shelepin": ("other", "for_khrushchev", "no_vote"),
    "konev": ("other", "for_khrushchev", "no_vote"),
    "malinovsky": ("other", "for_khrushchev", "no_vote"),
    "ustinov": ("other", "for_khrushchev", "no_vote"),
}


def test_the_stances_of_june_1957():
    stances = helpers.table("stances_june_1957")
    found = {r.person_id: (r.body, r.stance, r.voted) for r in stances.itertuples()}
    assert found == STANCES


def test_the_body_in_stances_matches_the_seat_held_on_18_june_1957():
    seats = helpers.presidium_on("1957-06-18").set_index("person_id")["status"]
    body = {"full member": "presidium_full", "candidate": "presidium_candidate"}
    for person, (where, _stance, _voted) in STANCES.items():
        assert body.get(seats.get(person), "other") == where, person


# --- dates of life, office ranks, precision ----------------------------------------------------

# Everyone who held a Presidium seat: dates of life as people.csv gives them (each row's
# source_ids), pinned so that a slip of one day is seen.
LIFE = {
    "andrianov": ("1902-03-21", "1978-10-03"),
    "aristov": ("1903-11-04", "1973-07-11"),
    "bagirov": ("1896-09-17", "1956-05-07"),
    "belyayev": ("1903-01-01", "1966-10-28"),  # died 28 Oct 1966 (audit #7)
    "beria": ("1899-03-29", "1953-12-23"),
    "brezhnev": ("1906-12-19", "1982-11-10"),
    "bulganin": ("1895-06-11", "1975-02-24"),
    "chesnokov": ("1910-11-07", "1973-09-17"),
    "furtseva": ("1910-12-07", "1974-10-24"),
    "ignatov": ("1901-05-16", "1966-11-14"),
    "ignatyev": ("1904-09-14", "1983-11-27"),
    "kabanov": ("NaT", "NaT"),
    "kaganovich": ("1893-11-22", "1991-07-25"),
    "kalnberzins": ("1893-09-17", "1986-02-04"),
    "khrushchev": ("1894-04-15", "1971-09-11"),
    "kirichenko": ("1908-02-25", "1975-12-28"),
    "kirilenko": ("1906-09-08", "1990-05-12"),
    "korotchenko": ("1894-11-10", "1969-04-07"),
    "kosygin": ("1904-02-21", "1980-12-18"),
    "kozlov": ("1908-08-18", "1965-01-30"),
    "kuusinen": ("1881-10-04", "1964-05-17"),
    "kuznetsov": ("1901-02-13", "1990-06-05"),
    "malenkov": ("1902-01-08", "1988-01-14"),
    "malyshev": ("1902-12-16", "1957-02-20"),
    "mazurov": ("1914-04-07", "1989-12-19"),
    "melnikov": ("1906-05-31", "1981-04-16"),
    "mikhailov": ("1906-10-10", "1982-05-25"),
    "mikoyan": ("1895-11-25", "1978-10-21"),
    "molotov": ("1890-03-09", "1986-11-08"),
    "mukhitdinov": ("1917-11-19", "2008-08-27"),
    "mzhavanadze": ("1902-09-20", "1988-08-31"),  # died 31 Aug 1988 (audit #44)
    "patolichev": ("1908-09-23", "1989-12-01"),
    "pegov": ("1905-04-16", "1991-04-19"),
    "pervukhin": ("1904-10-14", "1978-07-22"),
    "podgorny": ("1903-02-18", "1983-01-11"),
    "polyansky": ("1917-11-07", "2001-10-08"),
    "ponomarenko": ("1902-08-09", "1984-01-18"),
    "pospelov": ("1898-06-20", "1979-04-22"),
    "puzanov": ("1906-10-25", "1998-03-01"),
    "saburov": ("1900-02-19", "1977-03-24"),
    "shepilov": ("1905-11-05", "1995-08-18"),
    "shkiryatov": ("1883-08-15", "1954-01-18"),
    "shvernik": ("1888-05-19", "1970-12-24"),
    "stalin": ("1878-12-18", "1953-03-05"),
    "suslov": ("1902-11-21", "1982-01-25"),
    "tevosyan": ("1902-01-04", "1958-03-30"),
    "voroshilov": ("1881-02-04", "1969-12-02"),
    "vyshinsky": ("1883-12-10", "1954-11-22"),
    "yudin": ("1899-09-07", "1968-04-10"),
    "zhukov": ("1896-12-01", "1974-06-18"),
    "zverev": ("1900-03-02", "1969-07-27"),
}


def test_dates_of_life_of_everyone_who_sat_in_the_presidium():
    people = helpers.table("people").set_index("person_id")
    for person, (born, died) in LIFE.items():
        assert (str(people.at[person, "born"].date()), str(people.at[person, "died"].date())) == (
            born, died), person


# offices.csv rank: our judgement (data/README.md); charts and 06-3 depend on it.
RANKS = {
    1: {"first_secretary", "presidium_member", "premier"},
    2: {"cc_secretary", "first_deputy_premier", "presidium_candidate", "defence_minister",
        "kgb_chairman", "interior_minister", "foreign_minister", "head_of_state"},
    3: {"deputy_premier", "minister_state_control", "minister_medium_machine_building",
        "chairman_state_bank", "chairman_gkes", "deputy_chairman_gkes"},
    4: {"ambassador_gdr", "representative_iaea", "ambassador_mongolia",
        "chairman_stavropol_sovnarkhoz", "director_ust_kamenogorsk_hpp", "director_ekibastuz_tpp",
        "director_asbest_trust", "director_kyrgyz_institute_economics", "director_syzran_plants",
        "retired"},
}


def test_office_ranks():
    offices = helpers.table("offices")
    found = {rank: set(offices.loc[offices["rank"] == rank, "office_id"]) for rank in RANKS}
    assert found == RANKS


def test_presidium_seats_inside_the_coverage_are_dated_to_the_day():
    # Plenums and congresses decide on a known day: a month or year precision inside the
    # covered span means a source was misread (Kirilenko's and Kalnberzins's 1961 exits lie
    # outside it, which is why the coverage stops at the end of 1960).
    first, last = helpers.covered_days("presidium_member")
    seats = TENURES[TENURES["office_id"].isin(list(helpers.PRESIDIUM_OFFICES))]
    for row in seats.itertuples():
        if first <= row.start <= last:
            assert row.start_precision == "day", (row.person_id, row.start.date())
        if pd.notna(row.end) and first <= row.end <= last:
            assert row.end_precision == "day", (row.person_id, row.end.date())


@pytest.mark.parametrize("event_id, date", [
    ("stalin_death_1953", "1953-03-05"),          # wilson_coldwarfiles_stalin_dies
    ("congress_20th_1956", "1956-02-14"),         # wp_en_20th_congress
    ("antiparty_resolution_1957", "1957-06-29"),  # soviethistory_msu_antiparty
    ("antiparty_published_pravda_1957", "1957-07-04"),  # leninskoe_slovo_1957_07_05
    ("congress_22nd_1961", "1961-10-17"),         # wp_en_22nd_congress
    ("molotov_expelled_1962", "1962-02-09"),      # party_membership.csv, events.csv
])
def test_the_dates_of_key_events(event_id, date):
    events = helpers.table("events").set_index("event_id")
    assert events.at[event_id, "date"] == _day(date)


# --- how the sources are classified (sources.csv kind; the history audit, issue 10 §2) --------

# The documentary record the key dates above rest on: a reclassification must be deliberate.
PRIMARY = ["istmat_postanovlenie_1953_03_05",  # resolution of the joint session, 5 Mar 1953
           "rgani_khrushchev_first_secretary_1953",  # RGANI: the September 1953 plenum
           "wilson_center_joint_meeting_1953_03_05",  # minutes of the joint meeting (CWIHP)
           "soviethistory_msu_antiparty",  # the resolution of 29 Jun 1957
           "leninskoe_slovo_1957_07_05"]  # the resolution as printed in July 1957
KINDS = {"reference": 271, "press": 68, "scholarly": 49, "popular": 40, "primary": 35,
         "memoir": 16}


def test_the_kinds_of_the_sources():
    sources = helpers.table("sources").set_index("source_id")["kind"]
    assert {s: sources[s] for s in PRIMARY} == dict.fromkeys(PRIMARY, "primary")
    assert sources.value_counts().to_dict() == KINDS
