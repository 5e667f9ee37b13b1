"""Load the whole dataset once, check it across tables, and hand out safe copies."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

import pandas as pd

from .errors import DataFileError, UnknownIdError, normalise_id, suggest
from .paths import DATA_DIR_ENV, data_dir
from .tables import TableSchema, file_stamp, read_descriptor, read_table

#: The data run to the end of 1962; an open tenure end means "still in office then".
DATA_END = pd.Timestamp("1962-12-31")

#: The tables every copy of the data must have. Further tables (one per notebook topic) are
#: loaded from whatever else ``datapackage.json`` describes, in its order.
TABLE_NAMES = ("sources", "people", "offices", "tenures", "events", "event_people",
               "stances_june_1957", "ties", "disagreements", "debates")


@dataclass(frozen=True)
class Dataset:
    """All tables, checked. Use :func:`table` to get a copy you may change."""

    folder: Path
    frames: Mapping[str, pd.DataFrame]
    schemas: Mapping[str, TableSchema]
    lines: Mapping[str, tuple[int, ...]]  # file line of each row, for error messages


def load_dataset(folder: Path | str | None = None) -> Dataset:
    """Return the checked dataset in ``folder`` (default: the course's ``data/``).

    Every table is a fresh copy in a read-only mapping: changing one changes nothing else, not
    the files and not what the queries or the exercise checker see. Raises
    :class:`DataFileError` naming the file, line and column of the first problem found.
    """
    live = _live(folder)
    frames = {name: frame.copy() for name, frame in live.frames.items()}
    return Dataset(live.folder, MappingProxyType(frames), live.schemas, live.lines)


def _live(folder: Path | str | None = None) -> Dataset:
    """The cached dataset itself, for the helpers' own queries only: never hand its frames to a
    student (return copies or new frames). Reloaded when a described file changes."""
    folder = _folder(folder)
    descriptor = file_stamp(folder / "datapackage.json")
    schemas = _descriptor(folder, descriptor)
    # Only the described tables count: lock files and backups that come and go are ignored.
    stamp = (descriptor, *((s.path, file_stamp(folder / s.path)) for s in schemas.values()))
    return _load(folder, stamp)


def _folder(folder: Path | str | None) -> Path:
    """The data folder, resolved; a symlink loop or a missing folder is the course's error."""
    where = folder if folder is not None else os.environ.get(DATA_DIR_ENV) or "data/"
    try:
        resolved = Path(folder).resolve() if folder is not None else data_dir()
        is_folder = resolved.is_dir()
    except (OSError, RuntimeError) as err:  # RuntimeError: "Symlink loop" (Python 3.11)
        raise DataFileError(str(where), f"cannot be opened as a folder ({err}).",
                            hint="Point COURSE_DATA_DIR at the course's data/ folder, or unset "
                                 "it.") from None
    if not is_folder:
        raise DataFileError(str(resolved), "is not a folder.",
                            hint="Point COURSE_DATA_DIR at the course's data/ folder, or unset it.")
    return resolved


@lru_cache(maxsize=4)
def _descriptor(folder: Path, _stamp: object) -> Mapping[str, TableSchema]:
    schemas = read_descriptor(folder)
    missing = [name for name in TABLE_NAMES if name not in schemas]
    if missing:
        raise DataFileError(str(folder / "datapackage.json"),
                            f"does not describe the table(s) {', '.join(missing)}.",
                            hint="Restore it with `git checkout -- data/datapackage.json`.")
    return MappingProxyType(schemas)


@lru_cache(maxsize=4)
def _load(folder: Path, stamp: tuple[object, ...]) -> Dataset:
    schemas = _descriptor(folder, stamp[0])
    frames, lines = {}, {}
    for name in schemas:
        frame, rows = read_table(folder, schemas[name])
        frames[name], lines[name] = frame, tuple(rows)
    dataset = Dataset(folder, MappingProxyType(frames), schemas, MappingProxyType(lines))
    check_integrity(dataset)
    return dataset


def table(name: str, folder: Path | str | None = None) -> pd.DataFrame:
    """Return a fresh copy of one table: changing it never touches the files or the cache."""
    frames = _live(folder).frames
    if not isinstance(name, str):
        raise UnknownIdError("table", name, list(frames))
    cleaned = normalise_id(name).removesuffix(".csv")
    if cleaned not in frames:
        raise UnknownIdError("table", name, list(frames))
    return frames[cleaned].copy()


def _where(dataset: Dataset, name: str, row: int) -> tuple[str, int]:
    """The file name to show and the file line of the ``row``-th data row."""
    path = dataset.folder / dataset.schemas[name].path
    shown = f"data/{path.name}" if dataset.folder.name == "data" else str(path)
    return shown, dataset.lines[name][row]


def check_integrity(dataset: Dataset) -> None:
    """Check references, sources, and the logic of dates across the tables."""
    frames = dataset.frames
    for name in frames:
        schema = dataset.schemas[name]
        for column, other, other_column in schema.foreign_keys:
            known = set(frames[other][other_column])
            for row, value in enumerate(frames[name][column]):
                if value not in known:
                    file, line = _where(dataset, name, row)
                    close = suggest(value, known)
                    hint = (f"Did you mean {close[0]!r}?" if close
                            else f"Add it to {other}.csv first.")
                    raise DataFileError(file, f"{value!r} is not in {other}.csv.", line=line,
                                        column=column, hint=hint)
        _check_sources(dataset, name)
    _check_tenures(dataset)
    _check_promotions(dataset)
    _check_office_coverage(dataset)
    _check_spans(dataset, "events", "date", "end_date")
    _check_spans(dataset, "ties", "start", "end")


def _check_sources(dataset: Dataset, name: str) -> None:
    known = set(dataset.frames["sources"]["source_id"])
    for column in (c for c in dataset.frames[name].columns if c.endswith("source_ids")):
        for row, cell in enumerate(dataset.frames[name][column]):
            for source_id in (part.strip() for part in str(cell).split(";")):
                if source_id not in known:
                    file, line = _where(dataset, name, row)
                    close = suggest(source_id, known)
                    hint = f"Did you mean {close[0]!r}?" if close else "Add it to sources.csv."
                    raise DataFileError(file, f"cites {source_id!r}, which is not in sources.csv.",
                                        line=line, column=column, hint=hint)


def _check_spans(dataset: Dataset, name: str, start: str, end: str) -> None:
    frame = dataset.frames[name]
    for row, (first, last) in enumerate(zip(frame[start], frame[end])):
        if pd.notna(first) and pd.notna(last) and last < first:
            file, line = _where(dataset, name, row)
            raise DataFileError(file, f"{end} {last.date()} is before {start} {first.date()}.",
                                line=line, column=end, hint="Swap them or fix the typo.")


def _check_tenures(dataset: Dataset) -> None:
    tenures, people = dataset.frames["tenures"], dataset.frames["people"]
    births = dict(zip(people["person_id"], people["born"]))
    deaths = dict(zip(people["person_id"], people["died"]))
    for row, tenure in enumerate(tenures.itertuples(index=False)):
        file, line = _where(dataset, "tenures", row)
        if pd.notna(tenure.end) and tenure.end <= tenure.start:
            raise DataFileError(file, f"end {tenure.end.date()} is not after start "
                                f"{tenure.start.date()} (end is the first day out of office).",
                                line=line, column="end")
        born, died = births[tenure.person_id], deaths[tenure.person_id]
        if pd.notna(born) and tenure.start < born:
            raise DataFileError(file, f"{tenure.person_id} starts in office on "
                                f"{tenure.start.date()}, before being born ({born.date()}).",
                                line=line, column="start")
        open_too_long = pd.isna(tenure.end) and died <= data_end(dataset)
        if pd.notna(died) and (open_too_long or tenure.end > died + pd.Timedelta(days=1)):
            shown_end = "an open end" if pd.isna(tenure.end) else f"end {tenure.end.date()}"
            raise DataFileError(file, f"{tenure.person_id} died on {died.date()} but this tenure "
                                f"has {shown_end}.", line=line, column="end",
                                hint="A tenure ends at death at the latest.")
    order = tenures.assign(row_number=range(len(tenures))).sort_values(["person_id", "office_id", "start"])
    previous = None
    for tenure in order.itertuples(index=False):
        if (previous is not None and (previous.person_id, previous.office_id)
                == (tenure.person_id, tenure.office_id)
                and (pd.isna(previous.end) or tenure.start < previous.end)):
            file, line = _where(dataset, "tenures", tenure.row_number)
            _, other = _where(dataset, "tenures", previous.row_number)
            raise DataFileError(file, f"{tenure.person_id}'s {tenure.office_id} tenure from "
                                f"{tenure.start.date()} overlaps the one on line {other}.",
                                line=line, column="start",
                                hint="End the earlier tenure on or before this start.")
        previous = tenure


def _check_promotions(dataset: Dataset) -> None:
    """A tenure that ends "promoted..." inside the data's coverage needs the higher seat (a
    better rank in offices.csv) held by the same person on its end day: otherwise the data
    lack the seat the person was promoted to, and a query for those days is incomplete."""
    tenures, offices = dataset.frames["tenures"], dataset.frames["offices"]
    ranks = dict(zip(offices["office_id"], offices["rank"]))
    last_day = data_end(dataset)
    seats: dict[str, list[tuple[str, pd.Timestamp, pd.Timestamp]]] = {}
    for tenure in tenures.itertuples(index=False):
        seats.setdefault(tenure.person_id, []).append((tenure.office_id, tenure.start, tenure.end))
    for row, tenure in enumerate(tenures.itertuples(index=False)):
        reason = str(tenure.end_reason or "").strip().lower()
        if not reason.startswith("promoted") or pd.isna(tenure.end) or tenure.end > last_day:
            continue
        held = [office for office, start, end in seats[tenure.person_id]
                if start <= tenure.end and (pd.isna(end) or end > tenure.end)]
        if not any(ranks[office] < ranks[tenure.office_id] for office in held):
            file, line = _where(dataset, "tenures", row)
            raise DataFileError(
                file, f"{tenure.person_id}'s {tenure.office_id} tenure ends {tenure.end.date()} "
                f"'{tenure.end_reason}', but no higher seat of {tenure.person_id} is held that day.",
                line=line, column="end_reason",
                hint="Add the tenure of the seat they were promoted to, starting that day.")


def _check_office_coverage(dataset: Dataset) -> None:
    offices = dataset.frames["offices"]
    for row, office in enumerate(offices.itertuples(index=False)):
        if pd.isna(office.covered_from) != pd.isna(office.covered_to):
            file, line = _where(dataset, "offices", row)
            raise DataFileError(file, f"{office.office_id} has only one of covered_from and "
                                "covered_to.", line=line, column="covered_to",
                                hint="Give both days, or leave both empty.")
    _check_spans(dataset, "offices", "covered_from", "covered_to")


def data_end(dataset: Dataset | None = None) -> pd.Timestamp:
    """The last day the tenures cover (``coverage.end`` of tenures in datapackage.json)."""
    dataset = dataset or _live()
    coverage = dataset.schemas["tenures"].coverage
    return coverage.end if coverage is not None and coverage.end is not None else DATA_END


def reset_cache() -> None:
    """Forget loaded data (tests use this after writing a broken copy)."""
    _load.cache_clear()
    _descriptor.cache_clear()


__all__ = ["Dataset", "TABLE_NAMES", "load_dataset", "table", "check_integrity", "reset_cache"]
