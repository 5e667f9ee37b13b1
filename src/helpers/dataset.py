"""Load every table once (again when a file changes), check them across tables, hand out copies."""

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
from .tables import TableSchema, file_stamp, read_descriptor, read_table, shown_path

#: The tables every copy of the data must have; datapackage.json may describe more.
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
    """The checked dataset in ``folder`` (default: the course's data/), every table a copy."""
    live = _live(folder)
    frames = {name: frame.copy() for name, frame in live.frames.items()}
    return Dataset(live.folder, MappingProxyType(frames), live.schemas, live.lines)


def _live(folder: Path | str | None = None) -> Dataset:
    """The cached dataset itself, for the helpers' own queries: never hand its frames out."""
    folder = _folder(folder)
    descriptor = file_stamp(folder / "datapackage.json")
    schemas = _descriptor(folder, descriptor)
    # Only the described tables count: lock files and backups that come and go are ignored.
    return _load(folder, (descriptor, *((s.path, file_stamp(folder / s.path))
                                        for s in schemas.values())))


def _folder(folder: Path | str | None) -> Path:
    hint = "Point COURSE_DATA_DIR at the course's data/ folder, or unset it."
    try:
        resolved = Path(folder).resolve() if folder is not None else data_dir()
    except (OSError, RuntimeError) as err:  # RuntimeError: "Symlink loop" (Python 3.11)
        where = folder if folder is not None else os.environ.get(DATA_DIR_ENV, "data/")
        raise DataFileError(str(where), f"cannot be opened as a folder ({err}).",
                            hint=hint) from None
    if not os.path.isdir(resolved):
        raise DataFileError(str(resolved), "is not a folder.", hint=hint)
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
    read = {name: read_table(folder, schema) for name, schema in schemas.items()}
    dataset = Dataset(folder, MappingProxyType({n: r[0] for n, r in read.items()}), schemas,
                      MappingProxyType({n: tuple(r[1]) for n, r in read.items()}))
    check_integrity(dataset)
    return dataset


def table(name: str, folder: Path | str | None = None) -> pd.DataFrame:
    """A fresh copy of one table: changing it never touches the files or the cache."""
    frames = _live(folder).frames
    cleaned = normalise_id(name).removesuffix(".csv") if isinstance(name, str) else None
    if cleaned not in frames:
        raise UnknownIdError("table", name, list(frames))
    return frames[cleaned].copy()


def check_integrity(dataset: Dataset) -> None:
    """References, sources, and the logic of dates across the tables; the first problem raises."""
    frames = dataset.frames

    def refuse(name: str, row: int, problem: str, **where: str) -> DataFileError:
        return DataFileError(shown_path(dataset.folder, dataset.schemas[name].path), problem,
                             line=dataset.lines[name][row], **where)
    known_sources = set(frames["sources"]["source_id"])
    for name, frame in frames.items():
        references = [(c, set(frames[o][oc]), f"{o}.csv") for c, o, oc in
                      dataset.schemas[name].foreign_keys]
        references += [(c, known_sources, "sources.csv") for c in frame if c.endswith("source_ids")]
        for column, known, other in references:
            cited = frame[column].dropna()
            if column.endswith("source_ids"):
                cited = cited.str.split(";").explode().str.strip()
            for row, value in cited[~cited.isin(known)].head(1).items():
                close = suggest(value, known)
                hint = f"Did you mean {close[0]!r}?" if close else f"Add it to {other} first."
                problem = (f"cites {value!r}, which is not in {other}." if other == "sources.csv"
                           else f"{value!r} is not in {other}.")
                raise refuse(name, row, problem, column=column, hint=hint)
    for name, start, end in (("events", "date", "end_date"), ("ties", "start", "end"),
                             ("offices", "covered_from", "covered_to")):
        for row, (first, last) in enumerate(zip(frames[name][start], frames[name][end])):
            if pd.isna(first) != pd.isna(last) and name == "offices":
                raise refuse(name, row, f"{frames[name]['office_id'][row]} has only one of "
                             "covered_from and covered_to.", column=end,
                             hint="Give both days, or leave both empty.")
            if pd.notna(first) and pd.notna(last) and last < first:
                raise refuse(name, row, f"{end} {last.date()} is before {start} {first.date()}.",
                             column=end, hint="Swap them or fix the typo.")
    _check_tenures(dataset, refuse)


def _check_tenures(dataset: Dataset, refuse) -> None:
    """Tenures end after they start, within a life, never overlap, and a promotion shows."""
    frames, coverage = dataset.frames, dataset.schemas["tenures"].coverage
    last_day = coverage.end if coverage and coverage.end is not None else pd.Timestamp.max
    tenures, people = frames["tenures"], frames["people"].set_index("person_id")
    ranks = frames["offices"].set_index("office_id")["rank"]
    born_on, died_on = people["born"].to_dict(), people["died"].to_dict()  # dicts: 10x faster
    rows = list(tenures.itertuples(index=False))
    for row, t in enumerate(rows):
        born, died = born_on[t.person_id], died_on[t.person_id]
        if pd.notna(t.end) and t.end <= t.start:
            raise refuse("tenures", row, f"end {t.end.date()} is not after start {t.start.date()} "
                         "(end is the first day out of office).", column="end")
        if pd.notna(born) and t.start < born:
            raise refuse("tenures", row, f"{t.person_id} starts in office on {t.start.date()}, "
                         f"before being born ({born.date()}).", column="start")
        if pd.notna(died) and (died <= last_day if pd.isna(t.end)
                               else t.end > died + pd.Timedelta(days=1)):
            shown_end = "an open end" if pd.isna(t.end) else f"end {t.end.date()}"
            raise refuse("tenures", row, f"{t.person_id} died on {died.date()} but this tenure has "
                         f"{shown_end}.", column="end",
                         hint="A tenure ends at death at the latest.")
        reason = str(t.end_reason or "").strip().lower()
        if reason.startswith("promoted") and pd.notna(t.end) and t.end <= last_day:
            held = [o.office_id for o in rows if o.person_id == t.person_id and o.start <= t.end
                    and (pd.isna(o.end) or o.end > t.end)]
            if not (ranks.reindex(held) < ranks[t.office_id]).any():
                raise refuse("tenures", row, f"{t.person_id}'s {t.office_id} tenure ends "
                             f"{t.end.date()} '{t.end_reason}', but no higher seat of "
                             f"{t.person_id} is held that day.", column="end_reason",
                             hint="Add the tenure of the seat they rose to, starting that day.")
    order = tenures.assign(row=range(len(tenures))).sort_values(["person_id", "office_id", "start"])
    for previous, t in zip(order.itertuples(index=False), order.iloc[1:].itertuples(index=False)):
        if ((previous.person_id, previous.office_id) == (t.person_id, t.office_id)
                and (pd.isna(previous.end) or t.start < previous.end)):
            raise refuse("tenures", t.row, f"{t.person_id}'s {t.office_id} tenure from "
                         f"{t.start.date()} overlaps the one on line "
                         f"{dataset.lines['tenures'][previous.row]}.", column="start",
                         hint="End the earlier tenure on or before this start.")


def reset_cache() -> None:
    """Forget loaded data (tests use this after writing a broken copy)."""
    _load.cache_clear()
    _descriptor.cache_clear()
