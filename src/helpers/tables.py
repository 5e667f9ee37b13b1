"""Read the CSV tables of ``data/``, checking every cell against ``datapackage.json``.

The descriptor ``data/datapackage.json`` is the one description of the tables: Frictionless
validates against it in the tests, and this module reads it to give a student a message that
names the file, the line and the column of a bad cell.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .dates import parse_date
from .errors import BadDateError, DataFileError

_TRUE, _FALSE = {"true", "True", "TRUE", "1"}, {"false", "False", "FALSE", "0"}


@dataclass(frozen=True)
class Field:
    """One column of a table, as ``datapackage.json`` describes it."""

    name: str
    type: str
    required: bool
    unique: bool
    enum: tuple[str, ...] | None
    pattern: re.Pattern[str] | None
    minimum: int | None
    maximum: int | None


@dataclass(frozen=True)
class Coverage:
    """The span of days a table covers (its ``coverage`` in ``datapackage.json``): first and
    last day, either None for a table that is not a record of days, and what it covers."""

    start: pd.Timestamp | None
    end: pd.Timestamp | None
    description: str


@dataclass(frozen=True)
class TableSchema:
    """A table's file name, columns, keys and coverage."""

    name: str
    path: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[tuple[str, str, str], ...]  # (column, other table, other column)
    coverage: Coverage | None = None


def read_descriptor(folder: Path) -> dict[str, TableSchema]:
    """Return the table schemas of ``folder/datapackage.json``, by table name."""
    descriptor_path = folder / "datapackage.json"
    if not descriptor_path.is_file():
        raise DataFileError(str(descriptor_path), "is missing.",
                            hint="Every data folder needs its datapackage.json; restore it with git.")
    try:
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise DataFileError(str(descriptor_path), f"is not valid JSON ({err.msg}).",
                            line=err.lineno) from None
    schemas = {}
    for resource in descriptor["resources"]:
        schema = resource["schema"]
        fields = tuple(_field(f) for f in schema["fields"])
        foreign = tuple(
            (fk["fields"][0], fk["reference"]["resource"], fk["reference"]["fields"][0])
            for fk in schema.get("foreignKeys", [])
        )
        schemas[resource["name"]] = TableSchema(
            resource["name"], resource["path"], fields, tuple(schema.get("primaryKey", [])), foreign,
            _coverage(resource.get("coverage"), str(descriptor_path), resource["name"]))
    return schemas


def _coverage(spec: object, shown: str, table: str) -> Coverage | None:
    """A resource's ``coverage``: {"start": "YYYY-MM-DD", "end": "YYYY-MM-DD", "description": ...}."""
    if spec is None:
        return None
    where = f"the coverage of the table '{table}'"
    if not isinstance(spec, dict):
        raise DataFileError(shown, f"{where} must be an object with start, end and description.")
    days = {}
    for key in ("start", "end"):
        if spec.get(key) in (None, ""):
            days[key] = None
            continue
        try:
            days[key] = parse_date(spec[key], what=f"{key} of {where}")
        except BadDateError as err:
            raise DataFileError(shown, str(err), hint="Write it as YYYY-MM-DD.") from None
    if days["start"] is not None and days["end"] is not None and days["end"] < days["start"]:
        raise DataFileError(shown, f"{where} ends before it starts.", hint="Swap start and end.")
    return Coverage(days["start"], days["end"], str(spec.get("description", "")))


def _field(spec: dict[str, Any]) -> Field:
    constraints = spec.get("constraints", {})
    pattern = constraints.get("pattern")
    return Field(
        name=spec["name"],
        type=spec.get("type", "string"),
        required=bool(constraints.get("required", False)),
        unique=bool(constraints.get("unique", False)),
        enum=tuple(constraints["enum"]) if "enum" in constraints else None,
        pattern=re.compile(pattern) if pattern else None,
        minimum=constraints.get("minimum"),
        maximum=constraints.get("maximum"),
    )


def read_table(folder: Path, schema: TableSchema) -> tuple[pd.DataFrame, list[int]]:
    """Read one CSV and check each cell; raise :class:`DataFileError` at the first bad one.

    Returns the table and, for each of its rows, the line of the file it came from.
    """
    path = folder / schema.path
    shown = f"data/{schema.path}" if folder.name == "data" else str(path)
    if not path.is_file():
        raise DataFileError(shown, "is missing.", hint="Restore it with `git checkout -- data/`.")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise DataFileError(shown, "is empty: it needs a header row naming its columns.",
                            hint=f"Expected: {','.join(f.name for f in schema.fields)}.")
    header, body = rows[0], rows[1:]
    expected = [f.name for f in schema.fields]
    missing = [name for name in expected if name not in header]
    if missing:
        raise DataFileError(shown, f"the header lacks the column(s) {', '.join(missing)}.",
                            line=1, hint=f"The header should be: {','.join(expected)}.")
    extra = [name for name in header if name not in expected]
    if extra:
        raise DataFileError(shown, f"the header has unknown column(s) {', '.join(extra)}.",
                            line=1, hint="Describe new columns in data/datapackage.json first.")
    columns: dict[str, list[Any]] = {name: [] for name in expected}
    seen: dict[str, dict[Any, int]] = {f.name: {} for f in schema.fields if f.unique}
    keys: dict[tuple[Any, ...], int] = {}
    for offset, row in enumerate(body):
        line = offset + 2  # line 1 is the header
        if not any(cell.strip() for cell in row):
            continue  # a blank line is harmless
        if len(row) != len(header):
            raise DataFileError(
                shown, f"has {len(row)} values but the header has {len(header)} columns.", line=line,
                hint="Look for a missing or extra comma; quote values that contain commas.")
        record = dict(zip(header, row))
        for field in schema.fields:
            value = _cell(record[field.name], field, shown, line)
            if field.unique and value is not None:
                if value in seen[field.name]:
                    raise DataFileError(
                        shown, f"the value {value!r} repeats line {seen[field.name][value]};"
                        " it must be unique.", line=line, column=field.name)
                seen[field.name][value] = line
            columns[field.name].append(value)
        if schema.primary_key:
            key = tuple(columns[name][-1] for name in schema.primary_key)
            if key in keys:
                raise DataFileError(
                    shown, f"repeats the row key {dict(zip(schema.primary_key, key))} of line "
                    f"{keys[key]}.", line=line, hint="Merge the two rows or change one of them.")
            keys[key] = line
    frame = pd.DataFrame(columns)
    for field in schema.fields:
        if field.type == "date":
            frame[field.name] = pd.to_datetime(frame[field.name]).astype("datetime64[s]")
        elif field.type == "integer":
            frame[field.name] = frame[field.name].astype("Int64")
        elif field.type == "boolean":
            frame[field.name] = frame[field.name].astype("boolean")
    lines = [i + 2 for i, row in enumerate(body) if any(c.strip() for c in row)]
    return frame, lines


def _cell(raw: str, field: Field, file: str, line: int) -> Any:
    """Convert one cell to its type, or raise a message naming file, line and column."""
    text = raw.strip()
    if text == "":
        if field.required:
            raise DataFileError(file, "is empty but required.", line=line, column=field.name)
        return None
    if field.type == "date":
        try:
            return parse_date(text)
        except BadDateError as err:
            raise DataFileError(file, str(err), line=line, column=field.name) from None
    if field.type == "integer":
        try:
            value: Any = int(text)
        except ValueError:
            raise DataFileError(file, f"{text!r} is not a whole number.", line=line,
                                column=field.name) from None
        if field.minimum is not None and value < field.minimum or (
                field.maximum is not None and value > field.maximum):
            raise DataFileError(file, f"{value} is outside {field.minimum}..{field.maximum}.",
                                line=line, column=field.name)
        return value
    if field.type == "boolean":
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise DataFileError(file, f"{text!r} is not true or false.", line=line, column=field.name)
    if field.enum is not None and text not in field.enum:
        raise DataFileError(file, f"{text!r} is not one of {', '.join(field.enum)}.", line=line,
                            column=field.name)
    if field.pattern is not None and not field.pattern.fullmatch(text):
        raise DataFileError(file, f"{text!r} does not match the pattern {field.pattern.pattern}.",
                            line=line, column=field.name)
    return text
