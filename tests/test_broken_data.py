"""A broken copy of data/ gives the helpers' own error naming file, line, column and fix."""

import pytest

from helpers import DataFileError
from helpers.dataset import load_dataset


def _replace_first(old, new, skip_header=True):
    def change(lines):
        start = 1 if skip_header else 0
        for i in range(start, len(lines)):
            if old in lines[i]:
                lines[i] = lines[i].replace(old, new, 1)
                return lines
        raise AssertionError(f"{old!r} not found")
    return change


def _error(folder) -> str:
    with pytest.raises(DataFileError) as info:
        load_dataset(folder)
    return str(info.value)


def test_the_untouched_copy_loads(data_copy):
    assert len(load_dataset(data_copy).frames["people"]) > 30


def test_missing_column(edit_csv):
    folder = edit_csv("people.csv", lambda lines: [",".join(l.split(",")[:-1]) if i == 0 else l
                                                   for i, l in enumerate(lines)])
    message = _error(folder)
    assert "data/people.csv, line 1" in message and "source_ids" in message


def test_empty_file(data_copy):
    (data_copy / "events.csv").write_text("", encoding="utf-8")
    assert "data/events.csv: is empty" in _error(data_copy)


def test_missing_file(data_copy):
    (data_copy / "ties.csv").unlink()
    assert "data/ties.csv: is missing" in _error(data_copy)


def test_impossible_date(edit_csv):
    message = _error(edit_csv("people.csv", _replace_first(",1894-04-15,", ",1894-04-31,")))
    assert "data/people.csv, line" in message and "column 'born'" in message
    assert "April 1894 has 30 days" in message


def test_malformed_date(edit_csv):
    message = _error(edit_csv("tenures.csv", _replace_first(",1953-03-05,", ",05.03.1953,")))
    assert "data/tenures.csv, line" in message and "column 'end'" in message
    assert "YYYY-MM-DD" in message


def test_duplicate_id(edit_csv):
    def duplicate(lines):
        return lines + [lines[1]]
    message = _error(edit_csv("people.csv", duplicate))
    assert "column 'person_id'" in message and "must be unique" in message


def test_dangling_reference_suggests_the_id(edit_csv):
    message = _error(edit_csv("tenures.csv", _replace_first("molotov,", "molotow,")))
    assert "'molotow' is not in people.csv" in message and "Did you mean 'molotov'?" in message


def test_unknown_source(edit_csv):
    def break_source(lines):
        cells = lines[1].rsplit(",", 1)
        lines[1] = cells[0] + ",no_such_source"
        return lines
    message = _error(edit_csv("people.csv", break_source))
    assert "data/people.csv, line 2" in message and "'no_such_source'" in message


@pytest.mark.parametrize("row, words", [
    ("khrushchev,first_secretary,1955-01-01,day,1956-01-01,day,test,wp_en_nikita_khrushchev,",
     "first_secretary tenure from 1955-01-01 overlaps the one on line"),
    ("gromyko,ambassador_mongolia,1950-01-01,day,1949-01-01,day,test,wp_en_nikita_khrushchev,",
     "is not after start"),
    ("stalin,premier,1960-01-01,day,,,test,wp_en_nikita_khrushchev,",
     "stalin died on 1953-03-05"),
    ("molotov,premier,1880-01-01,day,1880-06-01,day,test,wp_en_nikita_khrushchev,",
     "before being born"),
], ids=["overlapping", "end_before_start", "after_death", "before_birth"])
def test_an_impossible_tenure_is_refused_with_its_line(edit_csv, row, words):
    message = _error(edit_csv("tenures.csv", lambda lines: lines + [row]))
    assert "data/tenures.csv, line" in message and words in message


def test_wrong_number_of_values(edit_csv):
    message = _error(edit_csv("offices.csv", lambda lines: lines + ["broken,row"]))
    assert "has 2 values but the header has" in message and "comma" in message


def test_value_outside_the_enum(edit_csv):
    message = _error(edit_csv("offices.csv", _replace_first(",party,", ",church,")))
    assert "column 'institution'" in message and "'church' is not one of party, state, other" in message


def test_required_cell_empty(edit_csv):
    def blank_name(lines):
        cells = lines[1].split(",")
        cells[1] = ""
        lines[1] = ",".join(cells)
        return lines
    message = _error(edit_csv("people.csv", blank_name))
    assert "data/people.csv, line 2, column 'name': is empty but required" in message
