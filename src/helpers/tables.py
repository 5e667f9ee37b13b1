"""Read the CSV tables of ``data/``, checking every cell against ``datapackage.json``.

The descriptor ``data/datapackage.json`` is the one description of the tables: Frictionless
validates against it in the tests, and this module reads it to give a student a message that
names the file, the line and the column of a bad cell.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import time
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


#: Field types this reader converts; anything else in datapackage.json is refused.
SUPPORTED_TYPES = ("string", "date", "integer", "boolean")
#: The longest cell accepted (the csv module's default limit is 131,072 characters).
MAX_FIELD = 1_000_000
#: A file changed less than this long ago may still be being saved: wait until it is quiet.
QUIET_SECONDS = 0.2
UTF8_HINT = ("Save it as UTF-8: in Excel choose File > Save As > 'CSV UTF-8 (Comma delimited)'; "
             "in LibreOffice tick 'Edit filter settings' and choose 'Unicode (UTF-8)'. "
             "Or restore it with `git checkout -- data/`.")


def shown_path(folder: Path, name: str) -> str:
    """How a file is named in messages: ``data/x.csv`` for the course's folder."""
    return f"data/{name}" if folder.name == "data" else str(folder / name)


def file_stamp(path: Path) -> tuple[int, int, int, int] | None:
    """What identifies one version of a file: size, mtime, inode and ctime (a same-size rewrite
    with a restored mtime, as ``cp -p`` makes, still changes the inode or the ctime)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)


def read_snapshot(path: Path, shown: str) -> bytes:
    """The bytes of one version of ``path``: read once, with the file's stamp the same before
    and after the read (a save in progress is waited for, then read again)."""
    for _attempt in range(20):
        before = file_stamp(path)
        if before is not None:
            age = time.time() - before[1] / 1e9
            if 0 <= age < QUIET_SECONDS:  # just written: perhaps half-way through a save
                time.sleep(QUIET_SECONDS - age)
                continue
        try:
            data = path.read_bytes()
        except PermissionError:
            raise DataFileError(shown, "cannot be read: permission denied.",
                                hint="Give yourself read permission (chmod u+r), or restore it "
                                     "with `git checkout -- data/`.") from None
        except OSError as err:
            raise DataFileError(shown, f"cannot be read ({err.strerror or err}).",
                                hint="Restore it with `git checkout -- data/`.") from None
        if before is not None and file_stamp(path) == before and len(data) == before[0]:
            return data
        time.sleep(QUIET_SECONDS / 4)
    raise DataFileError(shown, "kept changing while it was being read.",
                        hint="Wait until the program saving it has finished, then run the cell again.")


def decode(data: bytes, shown: str, header: list[str] | None = None) -> str:
    """UTF-8 text (a byte-order mark, as Excel's 'CSV UTF-8' writes, is dropped), or a message
    naming the line and the column of the first byte that is not UTF-8."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataFileError(shown, "is saved as UTF-16 (Excel's 'Unicode Text'), not UTF-8.",
                            line=1, hint=UTF8_HINT)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line_start = data.rfind(b"\n", 0, err.start) + 1
        line = data.count(b"\n", 0, err.start) + 1
        column = None
        if header:  # the cells before the bad byte, read as CSV, give its column
            prefix = data[line_start:err.start].decode("utf-8", errors="replace")
            try:
                position = len(next(csv.reader([prefix]), [""])) - 1
            except csv.Error:
                position = len(header)
            column = header[position] if 0 <= position < len(header) else None
        raise DataFileError(shown, f"is not UTF-8 text (byte 0x{data[err.start]:02x}); it was "
                            "probably saved as Latin-1 or Windows-1251.", line=line,
                            column=column, hint=UTF8_HINT) from None


def read_descriptor(folder: Path) -> dict[str, TableSchema]:
    """Return the table schemas of ``folder/datapackage.json``, by table name; every problem in
    the descriptor itself is a :class:`DataFileError` naming it."""
    descriptor_path = folder / "datapackage.json"
    shown = str(descriptor_path)
    if not descriptor_path.is_file():
        raise DataFileError(shown, "is missing.",
                            hint="Every data folder needs its datapackage.json; restore it with git.")
    text = decode(read_snapshot(descriptor_path, shown), shown)
    try:
        descriptor = json.loads(text)
    except json.JSONDecodeError as err:
        raise DataFileError(shown, f"is not valid JSON ({err.msg}).", line=err.lineno) from None
    restore = "Restore it with `git checkout -- data/datapackage.json`."
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        raise DataFileError(shown, "must be a JSON object with a list of 'resources'.", hint=restore)
    schemas: dict[str, TableSchema] = {}
    for number, resource in enumerate(descriptor["resources"], start=1):
        schema = _resource(resource, number, shown)
        if schema.name in schemas:
            raise DataFileError(shown, f"describes the table '{schema.name}' twice.", hint=restore)
        schemas[schema.name] = schema
    return schemas


def _resource(resource: object, number: int, shown: str) -> TableSchema:
    where = f"resource {number}"
    if not isinstance(resource, dict) or not all(
            isinstance(resource.get(key), str) for key in ("name", "path")):
        raise DataFileError(shown, f"{where} needs a 'name' and a 'path' (text).")
    name, path = resource["name"], resource["path"]
    where = f"the table '{name}'"
    if Path(path).name != path or not path.endswith(".csv"):
        raise DataFileError(shown, f"{where} has path {path[:80]!r}: it must be a .csv file in "
                            "the same folder.")
    schema = resource.get("schema")
    if not isinstance(schema, dict) or not isinstance(schema.get("fields"), list) or not all(
            isinstance(f, dict) and isinstance(f.get("name"), str) for f in schema["fields"]):
        raise DataFileError(shown, f"{where} needs a 'schema' with a list of 'fields', each with "
                            "a 'name'.")
    fields = tuple(_field(f, shown, name) for f in schema["fields"])
    names = [f.name for f in fields]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise DataFileError(shown, f"{where} names the field(s) {', '.join(duplicates)} twice.")
    primary = schema.get("primaryKey", [])
    primary = [primary] if isinstance(primary, str) else primary
    if not primary or not isinstance(primary, list) or any(k not in names for k in primary):
        raise DataFileError(shown, f"{where} needs a 'primaryKey' made of its fields "
                            f"(it has {primary!r}).",
                            hint="Every table needs a key, so that a repeated row is refused.")
    try:
        foreign = tuple(
            (_first(fk["fields"]), fk["reference"]["resource"], _first(fk["reference"]["fields"]))
            for fk in schema.get("foreignKeys", []))
    except (KeyError, IndexError, TypeError):
        raise DataFileError(shown, f"{where} has a malformed 'foreignKeys' entry.",
                            hint="Each needs 'fields' and a 'reference' with 'resource' and "
                                 "'fields'.") from None
    return TableSchema(name, path, fields, tuple(primary), foreign,
                       _coverage(resource.get("coverage"), shown, name))


def _first(fields: object) -> str:
    value = fields[0] if isinstance(fields, list) else fields
    if not isinstance(value, str):
        raise TypeError(value)
    return value


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


def _field(spec: dict[str, Any], shown: str, table: str) -> Field:
    where = f"the field '{table}.{spec['name']}'"
    kind = spec.get("type", "string")
    if kind not in SUPPORTED_TYPES:
        raise DataFileError(shown, f"{where} has type {kind!r}, which the course's reader does "
                            f"not handle.", hint=f"Use one of {', '.join(SUPPORTED_TYPES)}.")
    constraints = spec.get("constraints", {})
    if not isinstance(constraints, dict):
        raise DataFileError(shown, f"{where} has 'constraints' that are not an object.")
    pattern = constraints.get("pattern")
    try:
        compiled = re.compile(pattern) if pattern else None
    except (re.error, TypeError) as err:
        raise DataFileError(shown, f"{where} has a pattern that is not a regular expression "
                            f"({err}).", hint="Fix the pattern, or restore the file with git.") from None
    enum = constraints.get("enum")
    if enum is not None and not (isinstance(enum, list) and all(isinstance(e, str) for e in enum)):
        raise DataFileError(shown, f"{where} has an 'enum' that is not a list of text values.")
    bounds = [constraints.get("minimum"), constraints.get("maximum")]
    if any(b is not None and (not isinstance(b, int) or isinstance(b, bool)) for b in bounds):
        raise DataFileError(shown, f"{where} has a minimum or maximum that is not a whole number.")
    return Field(
        name=spec["name"],
        type=kind,
        required=bool(constraints.get("required", False)),
        unique=bool(constraints.get("unique", False)),
        enum=tuple(enum) if enum is not None else None,
        pattern=compiled,
        minimum=bounds[0],
        maximum=bounds[1],
    )


def read_table(folder: Path, schema: TableSchema) -> tuple[pd.DataFrame, list[int]]:
    """Read one CSV and check each cell; raise :class:`DataFileError` at the first bad one.

    Returns the table and, for each of its rows, the physical line of the file where the row
    begins (a quoted cell may span lines).
    """
    path = folder / schema.path
    shown = shown_path(folder, schema.path)
    try:
        present = path.is_file()
    except OSError:  # e.g. a folder on the way that may not be searched
        present = False
    if not present:
        raise DataFileError(shown, "is missing.", hint="Restore it with `git checkout -- data/`.")
    data = read_snapshot(path, shown)
    expected = [f.name for f in schema.fields]
    text = decode(data, shown, _raw_header(data))
    reader = csv.reader(io.StringIO(text, newline=""))
    records: list[tuple[int, list[str]]] = []
    previous_end = 0
    limit = csv.field_size_limit()
    csv.field_size_limit(MAX_FIELD)
    try:
        for row in reader:
            records.append((previous_end + 1, row))
            previous_end = reader.line_num
    except csv.Error as err:
        raise DataFileError(shown, f"cannot be read as CSV ({err}).", line=previous_end + 1,
                            hint="Look for a quote that is never closed, or a cell of more than "
                                 f"{MAX_FIELD:,} characters.") from None
    finally:
        csv.field_size_limit(limit)
    if not records or not any(cell.strip() for cell in records[0][1]):
        raise DataFileError(shown, "is empty: it needs a header row naming its columns.",
                            hint=f"Expected: {','.join(expected)}.")
    header = records[0][1]
    repeated = sorted({name for name in header if header.count(name) > 1})
    if repeated:
        raise DataFileError(shown, f"the header names the column(s) {', '.join(repeated)} more "
                            "than once.", line=1, hint="Delete or rename the extra column.")
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
    lines = []
    for line, row in records[1:]:
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
                    shown, f"repeats the row key {_shown_key(schema.primary_key, key)} of line "
                    f"{keys[key]}.", line=line, hint="Merge the two rows or change one of them.")
            keys[key] = line
        lines.append(line)
    frame = pd.DataFrame(columns)
    for field in schema.fields:
        if field.type == "date":
            frame[field.name] = pd.to_datetime(frame[field.name]).astype("datetime64[s]")
        elif field.type == "integer":
            frame[field.name] = frame[field.name].astype("Int64")
        elif field.type == "boolean":
            frame[field.name] = frame[field.name].astype("boolean")
    return frame, lines


def _shown_key(names: tuple[str, ...], key: tuple[Any, ...]) -> str:
    return "{" + ", ".join(f"{n}: {v.date() if isinstance(v, pd.Timestamp) else v}"
                           for n, v in zip(names, key)) + "}"


def _raw_header(data: bytes) -> list[str]:
    """The header's names, read leniently (only to name the column of a bad byte)."""
    first = data.split(b"\n", 1)[0].decode("utf-8-sig", errors="replace")
    try:
        return next(csv.reader([first]), [])
    except csv.Error:
        return []


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
