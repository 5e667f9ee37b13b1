"""Every exercise's answer pinned to a literal, with the data row it comes from (review 6.9):
a changed fact turns this red even when `make execute` has re-blessed the notebooks.

Notebook authors: when you add or change an exercise, add its literal here with its source.
If a correction to the data changes an answer on purpose, change the literal in the same
commit and say why in the message."""

import pytest

import helpers

PINNED = {
    # presidium_member rows held on 6 Mar 1953: the joint session of 5 Mar 1953
    # (tenures.csv, istmat_postanovlenie_1953_03_05; wp_en_19th_congress_... for the 1952 seats)
    "00-1": 10,
    # tenures.csv bulganin,premier,1955-02-08..1958-03-27 (wp_en_nikolai_bulganin; ru WP; Larousse)
    "00-2": "bulganin",
    # stances_june_1957.csv shepilov: presidium_candidate, against_khrushchev
    # (wp_en_anti_party_group; leninskoe_slovo_1957_07_05; magyarkronologia_1957_06_20)
    "00-3": ["shepilov"],
    # (01-1 is now a judged change to a visible cell: tests/test_sources_notebook.py)
    # tenures.csv khrushchev,first_secretary,1953-09-07 (rgani_khrushchev_first_secretary_1953)
    "01-2": "1953-09-07",
    # tenures.csv: the most distinct offices (bulganin: member, 1st deputy premier, defence,
    # premier, Gosbank, Stavropol sovnarkhoz, retired; wp_ru_bulganin_nikolai_aleksandrovich)
    "01-3": "bulganin",
    # tenures.csv zhukov,defence_minister,1955-02-09..1957-10-26 (fandom_historica_zhukov; Treccani)
    "02-1": "zhukov",
    # presidium_member rows held on 1 Jan 1958: the June 1957 plenum's 15 minus Zhukov (removed
    # 29 Oct 1957) plus Mukhitdinov (17 Dec 1957) (lastampa_1957_07_04; wp_en_nuritdin_mukhitdinov)
    "02-2": 15,
    # tenures.csv khrushchev,premier,1958-03-27 (wp_en_nikita_khrushchev)
    "02-3": "1958-03-27",
    # co-membership graph 29 Jun 1957 - 31 Dec 1958: everyone with a Presidium seat then
    "03-1": 26,
    # betweenness in ties.csv: second broker after Khrushchev
    "03-2": "malenkov",
    # ties.csv rows labelled 'interpretation' (19: the kaganovich-shepilov tie is a reading,
    # history audit #16)
    "03-3": 19,
    # causes_1956_1957.csv secret_speech_1956 (1956-02-25) to sovnarkhoz_law_1957 (1957-05-10)
    "04-1": 440,
    # execution_lists.csv, count_source yakovlev: lists signed by the June 1957 majority
    # (A. N. Yakovlev's figures as reported in the press; see the rows' source_ids)
    "04-2": 562,
    # plenum_june_1957.csv: speakers whose day is not known to one day
    "04-3": ["mikoyan", "molotov"],
    # events.csv antiparty_resolution_1957 (1957-06-29, soviethistory_msu_antiparty) and
    # antiparty_published_pravda_1957 (1957-07-04, leninskoe_slovo_1957_07_05): 5 days
    "05-1": 5,
    # tenures.csv zhukov,presidium_member,1957-06-29..1957-10-29 (libcat_zhukov_oct1957_plenum)
    "05-2": 122,
    # stances_june_1957.csv voted for_removal, minus the four named in the resolution
    # (event_people.csv antiparty_resolution_1957 victims)
    "05-3": ["bulganin", "pervukhin", "saburov", "voroshilov"],
    # candidates whose seat ends 29 Jun 1957 "promoted to full member" (tenures.csv;
    # wp_en_presidium_of_the_20th_congress_...; lastampa_1957_07_04)
    "05-4": ["brezhnev", "furtseva", "kozlov", "shvernik", "zhukov"],
    # people.csv shepilov died 1995-08-18: the longest life after June 1957 of the four
    "06-1": "shepilov",
    # tenures.csv molotov,representative_iaea from 1960-09 after Mongolia to 1960-07
    # (shubin_molotov_chronology; time_1960_09_05_return_of_hammer)
    "06-2": "representative_iaea",
    # rank gained between 18 Jun 1957 and 31 Dec 1958 (offices.csv rank, tenures.csv)
    "06-3": ["brezhnev", "furtseva", "kozlov", "mukhitdinov", "shvernik"],
    # 06-4 is now a judged change to a chart (tests/test_aftermath.py); its old question is 06-5:
    # steps of the expulsions and readmissions (party_membership.csv) whose date another
    # source disputes (disagreements.csv)
    "06-5": 4,
    # party_membership.csv: no final expulsion in 1957 (malenkov 1961 ... kaganovich 1962)
    "07-1": "false",
    # party_membership.csv malenkov_expelled_1961 comes first (events.csv 1961)
    "07-2": "malenkov",
    # helpers/myths.py CLAIMS political_dissent: verdict "misleading" (interpretation)
    "07-3": "misleading",
    # helpers/myths.py CLAIMS book_by_pipes: verdict "false" (Pearson; Volkogonov)
    "07-4": "false",
}


def _verdict(capsys, exercise_id, answer) -> str:
    helpers.check(exercise_id, answer)
    return capsys.readouterr().out.strip()


@pytest.mark.parametrize("exercise_id", sorted(PINNED))
def test_the_pinned_answer_is_correct(exercise_id, capsys):
    assert _verdict(capsys, exercise_id, PINNED[exercise_id]) == "Correct! Well done."


def test_every_registered_exercise_is_pinned():
    from helpers.exercises import REGISTRY
    helpers.check("00-1", None)  # registers the answers
    answered = {k for k, task in REGISTRY.items() if task.expected is not None}  # not judges
    assert answered <= set(PINNED), sorted(answered - set(PINNED))
