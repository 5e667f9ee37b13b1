"""The loader refuses clearly (review section 3 and 7): every broken copy of data/ gives the
course's DataFileError naming the file, the physical line, the column and the fix; files saved
by Excel load; each table is read as one consistent version of the file."""

import json
import os
import random
import threading
import time
from pathlib import Path

import pytest

import helpers
from helpers import DataFileError
from helpers.dataset import _live, load_dataset, reset_cache


def _error(folder) -> str:
    reset_cache()
    with pytest.raises(DataFileError) as info:
        load_dataset(folder)
    return str(info.value)


def _descriptor(folder: Path, change) -> Path:
    path = folder / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    changed = change(descriptor)
    path.write_text(json.dumps(changed if changed == [] else descriptor), encoding="utf-8")
    return folder


def _field(descriptor, table, name):
    resource = next(r for r in descriptor["resources"] if r["name"] == table)
    return next(f for f in resource["schema"]["fields"] if f["name"] == name)


# --- encodings (review 3.2, 3.3, 3.10-3.13, 3.20, 3.31) -------------------------------------

def test_a_utf8_bom_is_accepted(data_copy):
    path = data_copy / "people.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert "khrushchev" in set(load_dataset(data_copy).frames["people"]["person_id"])


def test_every_table_saved_by_excel_as_csv_utf8_loads(data_copy):
    for path in data_copy.glob("*.csv"):  # BOM + CRLF, as Excel's "CSV UTF-8" writes
        text = path.read_bytes().decode("utf-8").replace("\n", "\r\n")
        path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    dataset = load_dataset(data_copy)
    assert len(dataset.frames["tenures"]) == len(helpers.table("tenures"))


@pytest.mark.parametrize("name, encoding", [("events.csv", "latin-1"), ("people.csv", "cp1251")])
def test_another_encoding_names_the_line_the_column_and_excels_csv_utf8(data_copy, name,
                                                                          encoding):
    path = data_copy / name
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode(encoding, errors="replace"))
    message = _error(data_copy)
    assert f"data/{name}, line" in message and "column '" in message
    assert "not UTF-8" in message and "CSV UTF-8" in message


def test_utf16_is_named(data_copy):
    path = data_copy / "people.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    message = _error(data_copy)
    assert "data/people.csv, line 1" in message and "UTF-16" in message and "CSV UTF-8" in message


def test_random_bytes_are_refused_with_the_file(data_copy):
    random.seed(1)
    (data_copy / "tenures.csv").write_bytes(bytes(random.randrange(256) for _ in range(200_000)))
    assert "data/tenures.csv" in _error(data_copy)


def test_question_marks_for_cyrillic_are_refused(data_copy):
    path = data_copy / "people.csv"  # review 3.13: Latin-1 "with replacement" keeps ASCII '?'
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1", errors="replace"))
    message = _error(data_copy)
    assert "data/people.csv, line 2, column 'name_ru'" in message and "pattern" in message


def test_a_latin1_byte_in_the_descriptor_is_named(data_copy):
    path = data_copy / "datapackage.json"
    path.write_bytes(path.read_bytes().replace(b"1953-1957", b"1953\xb71957", 1))
    message = _error(data_copy)
    assert "datapackage.json, line" in message and "not UTF-8" in message


# --- headers, keys, lines (review 3.9, 3.19, 3.21, 3.23, 3.45) -------------------------------

def test_a_repeated_header_name_is_refused(edit_csv):
    folder = edit_csv("people.csv", lambda lines: [
        line + (",name" if i == 0 else ",dup") for i, line in enumerate(lines)])
    message = _error(folder)
    assert "data/people.csv, line 1" in message and "name" in message and "more than once" in message


def test_a_repeated_row_in_ties_is_refused(edit_csv):
    message = _error(edit_csv("ties.csv", lambda lines: lines + [lines[1]]))
    assert "data/ties.csv, line" in message and "repeats the row key" in message


EXTRA = "gromyko,ambassador_mongolia,1950-01-01,day,1951-01-01,day,test,wp_en_nikita_khrushchev,"


def test_the_line_is_the_physical_line_after_cells_with_newlines(edit_csv):
    folder = edit_csv("tenures.csv", lambda lines: lines + [
        EXTRA + '"a note\non three\nlines"',
        "gromyko,ambassador_gdr,1957-02-30,day,,,,wp_en_nikita_khrushchev,"])
    text = (folder / "tenures.csv").read_text(encoding="utf-8").split("\n")
    bad = next(i for i, line in enumerate(text, start=1) if "1957-02-30" in line)
    assert f"data/tenures.csv, line {bad}, column 'start'" in _error(folder)


def test_an_oversized_cell_is_refused_with_its_line(edit_csv):
    message = _error(edit_csv("sources.csv", lambda lines: lines + ["x" * 1_200_000]))
    assert "data/sources.csv, line" in message and "characters" in message


def test_a_long_but_sane_cell_loads(edit_csv):
    folder = edit_csv("tenures.csv", lambda lines: lines + [EXTRA + "n" * 200_000])
    assert len(load_dataset(folder).frames["tenures"]) == len(helpers.table("tenures")) + 1


# --- datapackage.json (review 3.26-3.30) -----------------------------------------------------

@pytest.mark.parametrize("change, words", [
    (lambda d: [], "JSON object with a list of 'resources'"),
    (lambda d: d.pop("resources") and None, "JSON object with a list of 'resources'"),
    (lambda d: d.update(resources=[r for r in d["resources"] if r["name"] != "ties"]),
     "does not describe the table(s) ties"),
    (lambda d: _field(d, "people", "person_id")["constraints"].update(pattern="[a-z"),
     "not a regular expression"),
    (lambda d: _field(d, "tenures", "start").update(type="datetime"), "'datetime'"),
    (lambda d: d["resources"][0].update(path="../README.md"), "same folder"),
    (lambda d: d["resources"][0]["schema"].pop("primaryKey"), "primaryKey"),
    (lambda d: d["resources"][0].update(schema=[]), "'fields'"),
    (lambda d: d["resources"][3].update(coverage={"start": "1962-13-01"}), "no month 13"),
], ids=["not_an_object", "no_resources", "no_ties", "bad_regex", "datetime", "path_outside",
        "no_primary_key", "schema_not_object", "bad_coverage"])
def test_a_malformed_descriptor_is_the_courses_error(data_copy, change, words):
    message = _error(_descriptor(data_copy, change))
    assert "datapackage.json" in message and words in message


# --- permissions and links (review 3.33, 3.40, 3.41) -----------------------------------------

@pytest.mark.parametrize("name", ["people.csv", "datapackage.json"])
def test_an_unreadable_file_says_permission_denied(data_copy, monkeypatch, name):
    real = Path.read_bytes

    def refuse(self):  # root ignores file modes, so refuse the read itself
        if self.name == name:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)
    monkeypatch.setattr(Path, "read_bytes", refuse)
    message = _error(data_copy)
    assert name in message and "permission denied" in message and "chmod" in message


def test_a_symlink_loop_as_course_data_dir_is_the_courses_error(tmp_path, monkeypatch):
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    monkeypatch.setenv("COURSE_DATA_DIR", str(loop))
    reset_cache()
    with pytest.raises(DataFileError, match="COURSE_DATA_DIR"):
        helpers.presidium_on("1957-06-18")


def test_a_table_that_is_a_symlink_loop_is_missing(data_copy):
    (data_copy / "people.csv").unlink()
    (data_copy / "people.csv").symlink_to(data_copy / "people.csv")
    assert "data/people.csv: is missing" in _error(data_copy)


# --- one version of each file (review 2.9, 7.3, 7.4) -----------------------------------------

def test_lock_and_backup_files_are_ignored(data_copy):
    first = _live(data_copy)
    for name in (".~lock.tenures.csv#", ".~tenures.csv", "tenures.csv.bak"):
        (data_copy / name).write_text("junk", encoding="utf-8")
    assert _live(data_copy) is first  # no reload, no error
    for name in (".~lock.tenures.csv#", ".~tenures.csv", "tenures.csv.bak"):
        (data_copy / name).unlink()
    assert _live(data_copy) is first


def test_a_same_size_rewrite_with_the_old_mtime_is_seen(data_copy):
    path = data_copy / "tenures.csv"
    assert str(_live(data_copy).frames["tenures"].query(
        "person_id == 'bulganin' and office_id == 'premier'")["start"].iloc[0].date()) == "1955-02-08"
    info = os.stat(path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("bulganin,premier,1955-02-08", "bulganin,premier,1955-02-09"),
                    encoding="utf-8")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))  # as cp -p or rsync -t would
    assert os.stat(path).st_size == info.st_size
    frame = _live(data_copy).frames["tenures"]
    start = frame.query("person_id == 'bulganin' and office_id == 'premier'")["start"].iloc[0]
    assert str(start.date()) == "1955-02-09"


def test_an_in_place_save_never_gives_a_truncated_table(data_copy):
    path = data_copy / "tenures.csv"
    content = path.read_bytes()
    rows = len(load_dataset(data_copy).frames["tenures"])
    stop = threading.Event()

    def writer():  # what an in-place save does: truncate, write half, flush, write the rest
        while not stop.is_set():
            with open(path, "r+b") as handle:
                handle.truncate(0)
                cut = content.rfind(b"\n", 0, len(content) // 2) + 1  # on a row boundary
                handle.write(content[:cut])
                handle.flush()
                os.fsync(handle.fileno())
                time.sleep(0.08)
                handle.write(content[cut:])
            time.sleep(0.2)
    thread = threading.Thread(target=writer)
    thread.start()
    seen, refused = [], 0
    try:
        # 3 s of reading, longer if a loaded machine has not yet let 3 reads through
        started = time.time()
        while time.time() < started + 3 or (len(seen) < 3 and time.time() < started + 60):
            reset_cache()
            try:
                seen.append(len(load_dataset(data_copy).frames["tenures"]))
            except DataFileError as error:
                assert "changing" in str(error) or "tenures.csv" in str(error)
                refused += 1
    finally:
        stop.set()
        thread.join()
    assert seen and set(seen) == {rows}, (seen, refused)
