"""`make mutants`: do the fast tests see a changed fact or a broken safeguard?

Copies the repository (tracked and new files) into a temporary folder, then applies one
mutant at a time: a data mutant changes one fact in data/ (a date moved by a day, a stance
swapped, a row deleted or repeated); a code mutant removes one safeguard from src/helpers/.
For each it runs the fast tests (everything but the notebook, determinism, browser,
classroom and `make lab` tests) with `-x` and counts the mutant as killed when they fail.
The repository itself is never written to.

    python -m course_tools.mutants            # all mutants
    python -m course_tools.mutants D1 C3      # some of them
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from helpers.paths import REPO_ROOT

#: Tests that are slow, compare whole notebooks, or need the git repository (test_launch
#: pip-installs the course from a git clone): not part of the fast set.
SLOW_TESTS = {"test_notebooks.py", "test_determinism.py", "test_browser.py",
              "test_lab_notebooks.py", "test_classroom.py", "test_make_lab.py", "test_launch.py"}
#: Run first: they kill most mutants within seconds.
FIRST = ["test_exercise_answers.py", "test_invariants.py", "test_coverage.py",
         "test_loader.py", "test_arguments.py", "test_cache_isolation.py"]


@dataclass(frozen=True)
class Mutant:
    """One change: in ``path``, on the one line that starts with ``line`` (or in the whole
    file when ``line`` is empty), replace ``old`` by ``new`` (``new=None`` deletes the line,
    ``new="<repeat>"`` repeats it)."""

    key: str
    what: str
    path: str
    old: str
    new: str | None
    line: str = ""
    more: tuple[tuple[str, str], ...] = ()  # further (old, new) pairs in the same file

    def apply(self, root: Path) -> None:
        target = root / self.path
        text = target.read_text(encoding="utf-8")
        if not self.line:
            for old, new in ((self.old, self.new or ""), *self.more):
                if text.count(old) != 1:
                    raise ValueError(f"{self.key}: {old!r} occurs {text.count(old)} times")
                text = text.replace(old, new)
            target.write_text(text, encoding="utf-8")
            return
        lines = text.split("\n")
        hits = [i for i, l in enumerate(lines) if l.startswith(self.line)]
        if len(hits) != 1:
            raise ValueError(f"{self.key}: {len(hits)} lines start with {self.line!r}")
        i = hits[0]
        if self.new is None:
            del lines[i]
        elif self.new == "<repeat>":
            lines.insert(i + 1, lines[i])
        else:
            if lines[i].count(self.old) != 1:
                raise ValueError(f"{self.key}: {self.old!r} not once in line {self.line!r}")
            lines[i] = lines[i].replace(self.old, self.new)
        target.write_text("\n".join(lines), encoding="utf-8")


T, P, S, E, O, TI = ("data/tenures.csv", "data/people.csv", "data/stances_june_1957.csv",
                     "data/events.csv", "data/offices.csv", "data/ties.csv")
DATA = [
    # the review's twelve (section 6)
    Mutant("D1", "Khrushchev First Secretary from 8 Sep 1953, not 7", T,
           "1953-09-07", "1953-09-08", "khrushchev,first_secretary,"),
    Mutant("D2", "Bulganin's premiership ends a day early (a day without a premier)", T,
           ",1958-03-27,", ",1958-03-26,", "bulganin,premier,"),
    Mutant("D3", "Molotov leaves the Presidium a day late", T,
           ",1957-06-29,", ",1957-06-30,", "molotov,presidium_member,"),
    Mutant("D4", "Mukhitdinov's stance: unclear -> for_khrushchev", S,
           ",unclear,", ",for_khrushchev,", "mukhitdinov,"),
    Mutant("D5", "Pospelov's stance: unclear -> against_khrushchev", S,
           ",unclear,", ",against_khrushchev,", "pospelov,"),
    Mutant("D6", "Mikoyan's stance: for_khrushchev -> wavered", S,
           ",for_khrushchev,", ",wavered,", "mikoyan,"),
    Mutant("D7", "Molotov dies a day later", P, ",1986-11-08,", ",1986-11-09,", "molotov,"),
    Mutant("D8", "Kaganovich-Khrushchev patronage: documented -> interpretation", TI,
           ",documented,", ",interpretation,", "kaganovich,khrushchev,patronage,"),
    Mutant("D9", "Ambassador to the GDR ranked 3, not 4", O, ",state,4,", ",state,3,",
           "ambassador_gdr,"),
    Mutant("D10", "Molotov's Presidium seat known only to the month", T,
           "1952-10-16,day,", "1952-10-16,month,", "molotov,presidium_member,"),
    Mutant("D11", "Andrianov born a day later", P, ",1902-03-21,", ",1902-03-22,", "andrianov,"),
    Mutant("D12", "Khrushchev leaves the Presidium a day late (1964, outside the coverage)", T,
           ",1964-10-14,", ",1964-10-15,", "khrushchev,presidium_member,"),
    # more dates moved by a day
    Mutant("D13", "Malenkov premier from 6 Mar 1953 (the announcement), not 5", T,
           "1953-03-05", "1953-03-06",
           "malenkov,premier,"),
    Mutant("D14", "Zhukov defence minister a day longer (two ministers for a day)", T,
           ",1957-10-26,", ",1957-10-27,", "zhukov,defence_minister,"),
    Mutant("D15", "Shepilov foreign minister from 2 Jun 1956 (a day without one)", T,
           "1956-06-01,day,1957-02-15", "1956-06-02,day,1957-02-15", "shepilov,foreign_minister,"),
    Mutant("D16", "Mukhitdinov full member a day after his candidacy ended", T,
           "1957-12-17", "1957-12-18", "mukhitdinov,presidium_member,"),
    Mutant("D17", "The anti-party resolution dated 28 June", E, ",1957-06-29,", ",1957-06-28,",
           "antiparty_resolution_1957,"),
    Mutant("D18", "Stalin dies on 6 March", E, ",1953-03-05,", ",1953-03-06,",
           "stalin_death_1953,"),
    Mutant("D19", "Voroshilov stays in the Presidium (end removed)", T,
           ",1960-07-16,day,", ",,,", "voroshilov,presidium_member,"),
    # stances and votes
    Mutant("D20", "Molotov's stance: against_khrushchev -> wavered", S,
           ",against_khrushchev,", ",wavered,", "molotov,"),
    Mutant("D21", "Voroshilov voted against removal", S, ",for_removal,", ",against_removal,",
           "voroshilov,"),
    # rows deleted or repeated
    Mutant("D22", "Kosygin's full-member row deleted (the 1960 gap again)", T, "", None,
           "kosygin,presidium_member,1960-05-04"),
    Mutant("D23", "A tie repeated", TI, "", "<repeat>", "kaganovich,khrushchev,patronage,"),
    Mutant("D24", "An interpreted tie deleted", TI, "", None, "khrushchev,furtseva,patronage,"),
    Mutant("D25", "A people row repeated", P, "", "<repeat>", "andrianov,"),
    # classifications
    Mutant("D26", "A primary source reclassified as reference", "data/sources.csv",
           ",primary,", ",reference,", "istmat_postanovlenie_1953_03_05,"),
    Mutant("D27", "Molotov's final expulsion made a mere step", "data/party_membership.csv",
           ",expelled,", ",expulsion_step,", "molotov,molotov_expelled_1962,"),
    Mutant("D28", "Khrushchev's Russian name misspelt", P, "Хрущёв", "Хрущов", "khrushchev,"),
    # coverage widened over gaps
    Mutant("D29", "The premier's coverage starts before Malenkov", O,
           ",1953-03-05,1962-12-31", ",1953-03-01,1962-12-31", "premier,"),
    Mutant("D30", "The Presidium's coverage stretched to 1962 over the missing 1961 rows", O,
           ",1952-10-16,1960-12-31", ",1952-10-16,1962-12-31", "presidium_member,"),
    Mutant("D31", "ties.csv loses its primary key", "data/datapackage.json",
           '        ],\n        "primaryKey": [\n          "person_a",\n          "person_b",\n'
           '          "kind",\n          "start"\n        ]\n', "        ]\n"),
]

Q, DS, TB, DT, ER = ("src/helpers/queries.py", "src/helpers/dataset.py", "src/helpers/tables.py",
                     "src/helpers/dates.py", "src/helpers/errors.py")
CODE = [
    Mutant("C1", "table() returns the cached frame", DS,
           "    return frames[cleaned].copy()", "    return frames[cleaned]"),
    Mutant("C2", "load_dataset() hands out the live frames", DS,
           "{name: frame.copy() for name, frame in live.frames.items()}",
           "dict(live.frames)"),
    Mutant("C3", "in_office_on counts the end day as in office", Q,
           '(day < tenures["end"])', '(day <= tenures["end"])'),
    Mutant("C4", "parse_date accepts 30 February", DT,
           "    if not 1 <= day <= last_day:", "    if False:"),
    Mutant("C5", "ids are not normalised", Q,
           "    cleaned = normalise_id(value)\n    if cleaned in set(known):",
           "    cleaned = value\n    if cleaned in set(known):"),
    Mutant("C6", "a repeated header name is accepted", TB, "if header.count(n) > 1", "if False"),
    Mutant("C7", "a repeated row key is accepted", TB, "            if key in first and",
           "            if False and"),
    Mutant("C8", "a UTF-8 byte-order mark is refused", TB, 'data.decode("utf-8-sig")',
           'data.decode("utf-8")'),
    Mutant("C9", "queries answer outside the coverage", Q,
           '    """Refuse a day outside ``span``: an answer there could be silently incomplete."""',
           "    return"),
    Mutant("C10", "a promotion without the higher seat passes the integrity check", DS,
           'if not (ranks.reindex(held) < ranks[t.office_id]).any():', "if False:"),
    Mutant("C11", "the cache stamp ignores inode and ctime", TB,
           "return (info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)",
           "return (info.st_size, info.st_mtime_ns)"),
    Mutant("C12", "presidium_on leaves out the candidates", Q,
           "is_presidium_seat(tenures[\"office_id\"]) & in_office_on(tenures, day)",
           "(tenures[\"office_id\"] == \"presidium_member\") & in_office_on(tenures, day)"),
    Mutant("C13", "any Unicode digit makes a date", DT,
           'r"([0-9]{4})-([0-9]{2})-([0-9]{2})"', r'r"(\d{4})-(\d{2})-(\d{2})"'),
    Mutant("C14", "a tz-aware Timestamp keeps its time zone", DT,
           "    if isinstance(value, dt.date):  # also",
           "    if isinstance(value, pd.Timestamp):\n        return value.normalize()\n"
           "    if isinstance(value, dt.date):  # also"),
    Mutant("C15", "a non-string id is fuzzy-matched", ER,
           "        if not isinstance(value, str):  # no fuzzy match", "        if False:  #"),
    Mutant("C16", "a file being saved is read half-written (no quiet period, no stamp check)", TB,
           "if before and file_stamp(path) == before and len(data) == before[0]:", "if True:",
           more=(("        if 0 <= age < QUIET_SECONDS:", "        if False:"),)),
    Mutant("C17", "long cells hit the csv module's limit", TB,
           "    csv.field_size_limit(MAX_FIELD)\n", ""),
    Mutant("C18", "ё is not folded to е", ER, '.casefold().replace("ё", "е")', ".casefold()"),
    Mutant("C19", "echoed values are not cut", ER,
           "    return text if len(text) <= limit else text[: limit - 1] + \"…\"",
           "    return text"),
    Mutant("C20", "an unsupported field type is read as text", TB,
           "    if kind not in SUPPORTED_TYPES:", "    if False:"),
]


def copy_repository(target: Path) -> None:
    """Tracked and new (not ignored) files of the repository, into ``target``."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=REPO_ROOT,
                            check=True, capture_output=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = REPO_ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def fast_tests(root: Path) -> list[str]:
    names = sorted(p.name for p in (root / "tests").glob("test_*.py") if p.name not in SLOW_TESTS)
    ordered = [n for n in FIRST if n in names] + [n for n in names if n not in FIRST]
    return [f"tests/{n}" for n in ordered]


def run_tests(root: Path, tests: list[str], stop_at_first: bool = True) -> tuple[bool, str]:
    """True when every test passes; the last line pytest printed."""
    env = {**os.environ, "PYTHONPATH": str(root / "src"), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("COURSE_DATA_DIR", None)
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--no-header",
               "-o", "addopts=", "-m", "not browser", *(["-x"] if stop_at_first else []), *tests]
    done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=1800)
    lines = [l for l in done.stdout.splitlines() if l.strip()]
    return done.returncode == 0, (lines[-1] if lines else done.stderr.strip()[-200:])


def main(argv: list[str]) -> int:
    chosen = [m for m in DATA + CODE if not argv or m.key in argv]
    with tempfile.TemporaryDirectory(prefix="mutants-") as folder:
        root = Path(folder)
        copy_repository(root)
        tests = fast_tests(root)
        started = time.time()
        passed, last = run_tests(root, tests, stop_at_first=False)
        print(f"baseline: fast tests on the unchanged copy: {last} ({time.time() - started:.0f} s)",
              flush=True)
        if not passed:
            print("The fast tests fail without any mutant: fix them first.")
            return 2
        results: dict[str, list[bool]] = {"data": [], "code": []}
        for mutant in chosen:
            kind = "data" if mutant.key.startswith("D") else "code"
            path = root / mutant.path
            original = path.read_bytes()
            try:
                mutant.apply(root)
            except ValueError as error:
                print(f"{mutant.key:4} NOT APPLIED  {mutant.what}: {error}", flush=True)
                results[kind].append(False)
                continue
            started = time.time()
            try:
                survived, last = run_tests(root, tests)
            finally:
                path.write_bytes(original)
            results[kind].append(not survived)
            verdict = "SURVIVED" if survived else "killed  "
            print(f"{mutant.key:4} {verdict} {mutant.what}  [{last[:70]}] ({time.time() - started:.0f} s)",
                  flush=True)
    for kind in ("data", "code"):
        if results[kind]:
            print(f"{kind} mutants killed by the fast tests: {sum(results[kind])} of "
                  f"{len(results[kind])}")
    total = sum(map(sum, results.values())), sum(map(len, results.values()))
    print(f"all mutants killed: {total[0]} of {total[1]}")
    return 0 if total[0] == total[1] else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
