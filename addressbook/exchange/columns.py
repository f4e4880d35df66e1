"""Which CSV column holds which contact field: a guess from the header, changeable by the user.

Headers are compared folded (case, accents and punctuation ignored), so
"E-mail Address", "e-mail address" and "EmailAddress" are the same name. The
aliases cover our own export and the exports of Outlook, Google Contacts and
Thunderbird; the first alias of a field that matches wins, so Outlook's "Job
Title" beats its "Title" (which Outlook uses for "Mr." and "Dr.").

Google labels its values ("Phone 1 - Label"/"- Value", formerly "- Type"; "* " marks
the primary): such columns are read by kind through value_choice, so a mobile
number lands in Mobile and a work number in Office, and nothing is dropped unseen.
A file without a header is mapped by what its columns hold.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from operator import itemgetter

from addressbook.core.contact_builder import slots_builder
from addressbook.core.search import fold

from .csv_read import CsvTable, looks_like_data
from .records import RECORD_FIELDS, RECORD_LABELS, ImportRecord, record_of, split_full_name
from .value_choice import Candidate, choose_email, choose_phones, kinds_from_label

FULL_NAME = "full_name"  # one column with the whole name, split when first/last are absent
TYPED_PHONE = "typed_phone"  # Google's "Phone 1 - Value", kind given by "Phone 1 - Label"
TYPED_EMAIL = "typed_email"  # Google's "E-mail 1 - Value", kind given by "E-mail 1 - Label"
TARGETS: tuple[str, ...] = (*RECORD_FIELDS, FULL_NAME, TYPED_PHONE, TYPED_EMAIL)
TARGET_LABELS: dict[str, str] = {
    **RECORD_LABELS,
    FULL_NAME: "Full name (split)",
    TYPED_PHONE: "Phone (kind from its Label column)",
    TYPED_EMAIL: "Email (kind from its Label column)",
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
_TYPED_VALUE = {
    TYPED_PHONE: re.compile(r"^phone(\d+)value$"),
    TYPED_EMAIL: re.compile(r"^email(\d+)value$"),
}
_KIND_SUFFIXES = ("label", "type")  # Google's current spelling, then its former one
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
        for target, pattern in _TYPED_VALUE.items():
            if mapping[column] is None and pattern.match(key):
                mapping[column] = target
    return tuple(mapping)


def guess_mapping_for(table: CsvTable) -> ColumnMapping:
    """From the header; for a file without one, from what the first rows hold."""
    if table.has_header:
        return guess_mapping(table.header)
    return guess_mapping_by_content(table.header, table.rows[:50])


def guess_mapping_by_content(
    header: Sequence[str], rows: Sequence[tuple[str, ...]]
) -> ColumnMapping:
    """Emails and phones where most cells are such; the first two text columns before
    them are the first and last name. The preview shows this mapping for the user to fix."""
    mapping: list[str | None] = [None] * len(header)
    for column in range(len(header)):
        cells = [row[column].strip() for row in rows if row[column].strip()]
        if cells and sum(looks_like_data(cell) for cell in cells) * 2 > len(cells):
            is_email = sum("@" in cell for cell in cells) * 2 > len(cells)
            kind = "email" if is_email else TYPED_PHONE
            mapping[column] = TYPED_EMAIL if kind == "email" and "email" in mapping else kind
    first_data = next((c for c, target in enumerate(mapping) if target), len(header))
    names = [c for c in range(first_data) if any(row[c].strip() for row in rows)]
    for column, target in zip(names, ("first_name", "last_name"), strict=False):
        mapping[column] = target
    return tuple(mapping)


def _first_free(keys: list[str], mapping: list[str | None], aliases: tuple[str, ...]) -> int | None:
    for alias in aliases:
        for column, key in enumerate(keys):
            if key == alias and mapping[column] is None:
                return column
    return None


def records_from_table(table: CsvTable, mapping: ColumnMapping) -> list[ImportRecord]:
    """One record per row; of several columns mapped to one field, the first non-empty wins
    and the others are listed with the record."""
    reader = RowReader(table.header, mapping)
    numbers = table.first_line_numbers or tuple(range(2, len(table.rows) + 2))
    return [
        reader.record(f"line {line}", row) for line, row in zip(numbers, table.rows, strict=True)
    ]


_DIRECT_KINDS = {
    "email": frozenset({"work"}),
    "phone_office": frozenset({"work"}),
    "phone_mobile": frozenset({"cell"}),
    "fax": frozenset({"work", "fax"}),
}


# ImportRecord(...) through its slots: the fast path builds one per row (see core).
_build_record = slots_builder(ImportRecord)


class RowReader:
    """Turns rows into records under one mapping; the work that depends only on the
    mapping is done once, so a plain row costs a few lookups."""

    def __init__(self, header: Sequence[str], mapping: ColumnMapping) -> None:
        columns: dict[str, list[int]] = {}
        for column, target in enumerate(mapping):
            if target is not None and column < len(header):
                columns.setdefault(target, []).append(column)
        self.columns = columns
        self.full_name = columns.get(FULL_NAME, [])
        self.plain = [
            (f, columns.get(f, [])) for f in ("first_name", "last_name", "company", "title")
        ]
        self.direct = [(f, columns.get(f, [])) for f in _DIRECT_KINDS]
        self.typed = {
            target: _kind_columns(header, columns.get(target, []), _TYPED_VALUE[target])
            for target in (TYPED_PHONE, TYPED_EMAIL)
        }
        several = {c for c, name in enumerate(header) if _GOOGLE_VALUE.search(header_key(name))}
        self.simple = (
            not several
            and not any(self.typed.values())
            and all(len(found) <= 1 for _, found in self.direct)
        )
        # The common file (one column per field, no full name to split): one C call per row.
        single = all(len(columns.get(f, [])) <= 1 for f in RECORD_FIELDS)
        self.fast = self.simple and single and not self.full_name
        empty = len(header)  # the index of the "" appended to a row for unmapped fields
        self._pick = itemgetter(*(columns.get(f, [empty])[0] for f in RECORD_FIELDS))
        # Our own export maps every field: then no "" needs appending to each row.
        self._padded = any(f not in columns for f in RECORD_FIELDS)

    def record(self, where: str, row: tuple[str, ...]) -> ImportRecord:
        if self.fast:  # only the cells picked are looked at
            values = self._pick((*row, "") if self._padded else row)
            if "'" in "".join(values):
                values = _restored(values)
            return _build_record(where, *values, (), ())
        if "'" in "".join(row):
            row = _restored(row)
        values = {field: _first_value(row, found) for field, found in self.plain}
        if not values["first_name"].strip() and not values["last_name"].strip() and self.full_name:
            values["first_name"], values["last_name"] = split_full_name(
                _first_value(row, self.full_name)
            )
        if self.simple:
            for field, found in self.direct:
                values[field] = row[found[0]] if found else ""
            return record_of(where, values)
        email, other_emails = choose_email(self._candidates(row, ("email",), TYPED_EMAIL))
        phones, other_phones = choose_phones(
            self._candidates(row, ("phone_office", "phone_mobile", "fax"), TYPED_PHONE)
        )
        others = (*other_emails, *other_phones)
        return record_of(where, {**values, **phones, "email": email}, others)

    def _candidates(
        self, row: tuple[str, ...], fields: tuple[str, ...], typed: str
    ) -> list[Candidate]:
        found = [
            Candidate(_DIRECT_KINDS[field], value, True)
            for field, columns in self.direct
            if field in fields
            for column in columns
            for value in row[column].split(_MORE_VALUES)
        ]
        for value_column, kind_column in self.typed[typed]:
            label = row[kind_column] if kind_column is not None else ""
            kinds, preferred = kinds_from_label(label), label.lstrip().startswith("*")
            found += [Candidate(kinds, v, preferred) for v in row[value_column].split(_MORE_VALUES)]
        return found


_FORMULA_CHARACTERS = ("=", "+", "-", "@", "\t", "\r")


def _restored(row: tuple[str, ...]) -> tuple[str, ...]:
    """Undo our export's formula guard: "'=SUM(1)" was written for the value "=SUM(1)"."""
    return tuple(
        cell[1:] if cell.startswith("'") and cell.lstrip("'")[:1] in _FORMULA_CHARACTERS else cell
        for cell in row
    )


def _kind_columns(
    header: Sequence[str], value_columns: list[int], pattern: re.Pattern[str]
) -> list[tuple[int, int | None]]:
    """For each 'Phone N - Value' column, the column of its 'Phone N - Label' (or '- Type')."""
    keys = {header_key(name): column for column, name in enumerate(header)}
    found: list[tuple[int, int | None]] = []
    for column in value_columns:
        match = pattern.match(header_key(header[column]))
        stem = header_key(header[column])[: -len("value")] if match else None
        kind = next((keys[stem + s] for s in _KIND_SUFFIXES if stem and stem + s in keys), None)
        found.append((column, kind))
    return found


def _first_value(row: tuple[str, ...], columns: list[int]) -> str:
    for column in columns:
        value = row[column]
        if value.strip():
            return value
    return ""
