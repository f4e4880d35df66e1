"""Which CSV column holds which contact field: a guess from the header, changeable by the user.

Headers are compared folded (case, accents and punctuation ignored), so
"E-mail Address", "e-mail address" and "EmailAddress" are the same name. The
aliases cover our own export and the exports of Outlook, Google Contacts and
Thunderbird; the first alias of a field that matches wins, so Outlook's "Job
Title" beats its "Title" (which Outlook uses for "Mr." and "Dr.").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from addressbook.core.search import fold

from .csv_read import CsvTable
from .records import RECORD_FIELDS, RECORD_LABELS, ImportRecord, split_full_name

FULL_NAME = "full_name"  # one column with the whole name, split when first/last are absent
TYPED_PHONE = "typed_phone"  # Google's "Phone 1 - Value", kind given by "Phone 1 - Type"
TARGETS: tuple[str, ...] = (*RECORD_FIELDS, FULL_NAME, TYPED_PHONE)
TARGET_LABELS: dict[str, str] = {
    **RECORD_LABELS,
    FULL_NAME: "Full name (split)",
    TYPED_PHONE: "Phone (kind from its Type column)",
}
ColumnMapping = tuple[str | None, ...]  # one target (or None: ignored) per column

_ALIASES: dict[str, tuple[str, ...]] = {
    "first_name": ("firstname", "givenname", "forename", "first", "given"),
    "last_name": ("lastname", "familyname", "surname", "last", "family"),
    "company": (
        "company",
        "organization",
        "organisation",
        "organizationname",
        "organization1name",
        "companyname",
        "org",
        "client",
    ),
    "title": ("jobtitle", "title", "organizationtitle", "organization1title", "position"),
    "email": (
        "email",
        "emailaddress",
        "primaryemail",
        "email1value",
        "email1",
        "mail",
        "emailaddress1",
    ),
    "phone_office": (
        "officephone",
        "businessphone",
        "workphone",
        "phone",
        "telephone",
        "primaryphone",
        "companymainphone",
    ),
    "phone_mobile": ("mobilephone", "mobile", "mobilenumber", "cellphone", "cell"),
    "fax": ("fax", "businessfax", "faxnumber", "workfax"),
    FULL_NAME: ("name", "fullname", "displayname"),
}
_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")
_TYPED_PHONE_VALUE = re.compile(r"^phone(\d+)value$")
# Google Contacts puts several values in one "E-mail 1 - Value" cell, separated by this;
# only such columns are split, so a title of ours that contains it stays whole.
_MORE_VALUES = " ::: "
_GOOGLE_VALUE = re.compile(r"\d+value$")


def header_key(header: str) -> str:
    return _NOT_ALPHANUMERIC.sub("", fold(header))


def guess_mapping(header: Sequence[str]) -> ColumnMapping:
    keys = [header_key(name) for name in header]
    mapping: list[str | None] = [None] * len(header)
    for target, aliases in _ALIASES.items():
        column = _first_free(keys, mapping, aliases)
        if column is not None:
            mapping[column] = target
    for column, key in enumerate(keys):
        if mapping[column] is None and _TYPED_PHONE_VALUE.match(key):
            mapping[column] = TYPED_PHONE
    return tuple(mapping)


def _first_free(keys: list[str], mapping: list[str | None], aliases: tuple[str, ...]) -> int | None:
    for alias in aliases:
        for column, key in enumerate(keys):
            if key == alias and mapping[column] is None:
                return column
    return None


def records_from_table(table: CsvTable, mapping: ColumnMapping) -> list[ImportRecord]:
    """One record per row; of several columns mapped to one field, the first non-empty wins."""
    columns: dict[str, list[int]] = {}
    for column, target in enumerate(mapping):
        if target is not None and column < len(table.header):
            columns.setdefault(target, []).append(column)
    kinds = _typed_phone_kind_columns(table.header, columns.get(TYPED_PHONE, []))
    several = {c for c, name in enumerate(table.header) if _GOOGLE_VALUE.search(header_key(name))}
    numbers = table.first_line_numbers or tuple(range(2, len(table.rows) + 2))
    return [
        _record(f"line {line}", _first_of_several(row, several), columns, kinds)
        for line, row in zip(numbers, table.rows, strict=True)
    ]


def _first_of_several(row: tuple[str, ...], several: set[int]) -> tuple[str, ...]:
    if not several:
        return row
    return tuple(
        cell.split(_MORE_VALUES, 1)[0] if column in several else cell
        for column, cell in enumerate(row)
    )


def _typed_phone_kind_columns(header: Sequence[str], value_columns: list[int]) -> dict[int, int]:
    """For each 'Phone N - Value' column, the column of its 'Phone N - Type'."""
    keys = {header_key(name): column for column, name in enumerate(header)}
    found = {}
    for column in value_columns:
        match = _TYPED_PHONE_VALUE.match(header_key(header[column]))
        kind = keys.get(f"phone{match[1]}type") if match else None
        if kind is not None:
            found[column] = kind
    return found


def _first_value(row: tuple[str, ...], columns: list[int]) -> str:
    for column in columns:
        value = row[column]
        if value.strip():
            return value
    return ""


def _record(
    where: str, row: tuple[str, ...], columns: dict[str, list[int]], kinds: dict[int, int]
) -> ImportRecord:
    values = {field: _first_value(row, columns.get(field, [])) for field in RECORD_FIELDS}
    for column in columns.get(TYPED_PHONE, []):
        field = _phone_field(row[kinds[column]] if column in kinds else "")
        if row[column].strip() and not values[field].strip():
            values[field] = row[column]
    if not values["first_name"].strip() and not values["last_name"].strip():
        full_name = _first_value(row, columns.get(FULL_NAME, []))
        values["first_name"], values["last_name"] = split_full_name(full_name)
    return ImportRecord(where, **values)


def _phone_field(kind: str) -> str:
    folded = fold(kind)
    if "fax" in folded:
        return "fax"
    if "mobile" in folded or "cell" in folded:
        return "phone_mobile"
    return "phone_office"
