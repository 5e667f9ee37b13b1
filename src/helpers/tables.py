"""Read one CSV of data/ and check every cell against ``datapackage.json`` (the one schema, which
Frictionless also validates in the tests): a bad file, row or cell is a DataFileError naming the
file, the physical line, the column and the fix."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import time
from collections import namedtuple
from pathlib import Path
from typing import Any

import pandas as pd

from .dates import parse_date
from .errors import DataFileError

SUPPORTED_TYPES = ("string", "date", "integer", "boolean")
MAX_FIELD = 1_000_000  # the longest cell accepted (the csv module's default is 131,072)
QUIET_SECONDS = 0.2  # a file changed less than this long ago may be half-way through a save
BOOLEANS = {"true": True, "True": True, "TRUE": True, "1": True,
            "false": False, "False": False, "FALSE": False, "0": False}
DTYPES = {"integer": "Int64", "boolean": "boolean"}  # pandas types that keep empty cells
RESTORE = "Restore it with `git checkout -- data/`."
UTF8_HINT = ("Save it as UTF-8: in Excel choose File > Save As > 'CSV UTF-8 (Comma delimited)'; "
             "in LibreOffice tick 'Edit filter settings' and choose 'Unicode (UTF-8)'. " + RESTORE)


Field = namedtuple("Field", "name type required unique enum pattern minimum maximum")
Coverage = namedtuple("Coverage", "start end")  # the days a table covers completely (None: open)
# foreign_keys: (column, other table, other column) triples
TableSchema = namedtuple("TableSchema", "name path fields primary_key foreign_keys coverage")


def shown_path(folder: Path, name: str) -> str:
    """How messages name a file: ``data/x.csv`` for the course's folder."""
    return f"data/{name}" if folder.name == "data" else str(folder / name)


def file_stamp(path: Path) -> tuple[int, int, int, int] | None:
    """One version of a file: size, mtime, inode, ctime (``cp -p`` keeps only the mtime)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)


def read_snapshot(path: Path, shown: str) -> bytes:
    """The bytes of one version of ``path``: a save in progress is waited for, then read again."""
    for _attempt in range(20):
        before = file_stamp(path)
        age = time.time() - before[1] / 1e9 if before else QUIET_SECONDS
        if 0 <= age < QUIET_SECONDS:  # changed just now: perhaps half-way through a save
            time.sleep(QUIET_SECONDS - age)
            continue
        try:
            data = path.read_bytes()
        except OSError as err:
            hint = "Give yourself read permission (chmod u+r), or restore it with git." if (
                isinstance(err, PermissionError)) else RESTORE
            raise DataFileError(shown, f"cannot be read: {err.strerror or err}.".lower(),
                                hint=hint) from None
        if before and file_stamp(path) == before and len(data) == before[0]:  # one version
            return data
        time.sleep(QUIET_SECONDS / 4)
    raise DataFileError(shown, "kept changing while it was being read.",
                        hint="Wait until the program saving it has finished, then try again.")


def decode(data: bytes, shown: str) -> str:
    """UTF-8 text without Excel's byte-order mark, or an error at the first byte that is not UTF-8
    (in a CSV, its column found by reading the header and the cells before it leniently)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataFileError(shown, "is saved as UTF-16 (Excel's 'Unicode Text'), not UTF-8.",
                            line=1, hint=UTF8_HINT)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        prefix = data[data.rfind(b"\n", 0, err.start) + 1:err.start]
        try:
            header, cells = (next(csv.reader([line.decode("utf-8-sig", "replace")]), [])
                             for line in (data.split(b"\n", 1)[0], prefix))
        except csv.Error:
            header, cells = [], []
        column = header[len(cells) - 1] if shown.endswith(".csv") and cells and len(
            cells) <= len(header) else None
        raise DataFileError(shown, f"is not UTF-8 text (byte 0x{data[err.start]:02x}); it was "
                            "probably saved as Latin-1 or Windows-1251.",
                            line=data.count(b"\n", 0, err.start) + 1, column=column,
                            hint=UTF8_HINT) from None


def read_descriptor(folder: Path) -> dict[str, TableSchema]:
    """The table schemas of ``folder/datapackage.json`` by name (a bad descriptor is refused)."""
    path = folder / "datapackage.json"
    shown, restore = str(path), "Restore it with `git checkout -- data/datapackage.json`."
    if not os.path.isfile(path):
        raise DataFileError(shown, "is missing.", hint=restore)
    try:
        descriptor = json.loads(decode(read_snapshot(path, shown), shown))
    except json.JSONDecodeError as err:
        raise DataFileError(shown, f"is not valid JSON ({err.msg}).", line=err.lineno) from None
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        raise DataFileError(shown, "must be a JSON object with a list of 'resources'.",
                            hint=restore)
    try:
        return {r["name"]: _resource(r, f"table '{r['name']}'") for r in descriptor["resources"]}
    except (LookupError, TypeError, AttributeError, ValueError) as err:  # ValueError: see below
        problem = err if isinstance(err, ValueError) else f"{type(err).__name__}: {err}"
        raise DataFileError(shown, f"describes a table in a form the course cannot read "
                            f"({problem}).", hint=restore) from None


def _resource(resource: dict[str, Any], where: str) -> TableSchema:
    path, schema, coverage = resource["path"], resource.get("schema"), resource.get("coverage")
    if Path(path).name != path or not path.endswith(".csv"):
        raise ValueError(f"{where} has path {path[:80]!r}: it must be a CSV in the same folder")
    if not isinstance(schema, dict) or not isinstance(schema.get("fields"), list):
        raise ValueError(f"{where} needs a 'schema' with a list of 'fields'")
    fields = tuple(_field(spec, f"{where}, field '{spec['name']}',") for spec in schema["fields"])
    key = schema.get("primaryKey") or []
    key = [key] if isinstance(key, str) else key
    if not key or any(k not in [f.name for f in fields] for k in key):
        raise ValueError(f"{where} needs a 'primaryKey' made of its fields, so that a repeated "
                         f"row is refused (it has {key!r})")
    foreign = tuple((_first(fk["fields"]), fk["reference"]["resource"],
                     _first(fk["reference"]["fields"])) for fk in schema.get("foreignKeys", []))
    if coverage is not None:  # {"start": "YYYY-MM-DD", "end": ..., "description": ...}
        coverage = Coverage(*(parse_date(coverage[k], what=f"{k} of the coverage of {where}")
                              if coverage.get(k) else None for k in ("start", "end")))
    return TableSchema(resource["name"], path, fields, tuple(key), foreign, coverage)


def _first(names: str | list[str]) -> str:
    return names[0] if isinstance(names, list) else names


def _field(spec: dict[str, Any], where: str) -> Field:
    kind, rules = spec.get("type", "string"), spec.get("constraints", {})
    if kind not in SUPPORTED_TYPES:
        raise ValueError(f"{where} has type {kind!r}, which the course's reader does not "
                         f"handle: use one of {', '.join(SUPPORTED_TYPES)}")
    try:
        pattern = re.compile(rules["pattern"]) if rules.get("pattern") else None
    except (re.error, TypeError) as err:
        raise ValueError(f"{where} has a pattern that is not a regular expression ({err})"
                         ) from None
    enum = rules.get("enum")
    return Field(spec["name"], kind, bool(rules.get("required")), bool(rules.get("unique")),
                 tuple(enum) if enum is not None else None, pattern, rules.get("minimum"),
                 rules.get("maximum"))


def _records(text: str, shown: str) -> list[tuple[int, list[str]]]:
    """Each CSV row with the physical line it starts on (a quoted cell may span lines)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    records, previous_end, limit = [], 0, csv.field_size_limit()
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
    return records


def read_table(folder: Path, schema: TableSchema) -> tuple[pd.DataFrame, list[int]]:
    """One CSV, every cell checked, and the physical line of each row (for messages)."""
    path, shown = folder / schema.path, shown_path(folder, schema.path)
    if not os.path.isfile(path):  # also a symlink loop, a FIFO, a folder on the way unreadable
        raise DataFileError(shown, "is missing.", hint=RESTORE)
    records = _records(decode(read_snapshot(path, shown), shown), shown)
    expected = [f.name for f in schema.fields]
    if not records or not any(cell.strip() for cell in records[0][1]):
        raise DataFileError(shown, "is empty: it needs a header row naming its columns.",
                            hint=f"Expected: {','.join(expected)}.")
    header = records[0][1]
    for wrong, problem, hint in (
            (sorted({n for n in header if header.count(n) > 1}), "names the column(s) {} more "
             "than once", "Delete or rename the extra column."),
            ([n for n in expected if n not in header], "lacks the column(s) {}",
             f"The header should be: {','.join(expected)}."),
            ([n for n in header if n not in expected], "has unknown column(s) {}",
             "Describe new columns in data/datapackage.json first.")):
        if wrong:
            raise DataFileError(shown, f"the header {problem.format(', '.join(wrong))}.", line=1,
                                hint=hint)
    columns: dict[str, list[Any]] = {name: [] for name in expected}
    lines = []
    for line, row in records[1:]:
        if not any(cell.strip() for cell in row):
            continue  # a blank line is harmless
        if len(row) != len(header):
            raise DataFileError(shown, f"has {len(row)} values but the header has {len(header)} "
                                "columns.", line=line, hint="Look for a missing or extra comma; "
                                                            "quote values that contain commas.")
        record = dict(zip(header, row))
        for field in schema.fields:
            try:
                columns[field.name].append(_cell(record[field.name].strip(), field))
            except ValueError as err:
                raise DataFileError(shown, str(err), line=line, column=field.name) from None
        lines.append(line)
    for names in [*((f.name,) for f in schema.fields if f.unique), schema.primary_key]:
        first: dict[tuple[Any, ...], int] = {}
        is_key = names is schema.primary_key  # a key counts empty cells; a unique column not
        for line, key in zip(lines, zip(*(columns[name] for name in names))):
            if key in first and (is_key or None not in key):
                shown_key = ", ".join(f"{n}: {v.date() if isinstance(v, pd.Timestamp) else v}"
                                      for n, v in zip(names, key))
                raise DataFileError(shown, f"repeats the {'row key' if is_key else 'value'} "
                                    f"{{{shown_key}}} of line {first[key]}; it must be unique.",
                                    line=line, column=None if is_key else names[0],
                                    hint="Merge the two rows or change one of them.")
            first[key] = line
    frame = pd.DataFrame(columns)
    for field in schema.fields:
        if field.type == "date":
            frame[field.name] = pd.to_datetime(frame[field.name]).astype("datetime64[s]")
        elif field.type in DTYPES:
            frame[field.name] = frame[field.name].astype(DTYPES[field.type])
    return frame, lines


def _cell(text: str, field: Field) -> Any:
    """One cell converted to its type; a ValueError says what is wrong with it."""
    if text == "":
        if field.required:
            raise ValueError("is empty but required.")
        return None
    if field.type == "date":
        return parse_date(text)  # a BadDateError is a ValueError
    if field.type == "integer":
        if not text.lstrip("+-").isdigit():
            raise ValueError(f"{text!r} is not a whole number.")
        if (field.minimum is not None and int(text) < field.minimum
                or field.maximum is not None and int(text) > field.maximum):
            raise ValueError(f"{text} is outside {field.minimum}..{field.maximum}.")
        return int(text)
    if field.type == "boolean":
        if text not in BOOLEANS:
            raise ValueError(f"{text!r} is not true or false.")
        return BOOLEANS[text]
    if field.enum is not None and text not in field.enum:
        raise ValueError(f"{text!r} is not one of {', '.join(field.enum)}.")
    if field.pattern is not None and not field.pattern.fullmatch(text):
        raise ValueError(f"{text!r} does not match the pattern {field.pattern.pattern}.")
    return text
