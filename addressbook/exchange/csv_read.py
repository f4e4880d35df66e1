"""Read a CSV file into a header and rows: delimiter detection, ragged rows evened out.

The delimiter is csv.Sniffer's answer among comma, semicolon (European Excel)
and tab, checked against the header line; when the sniffer gives up or picks
a character the header does not contain, the most frequent of the three in the
header wins, and a comma when none appears.

A first row holding an email address or a phone number is data, not a header
(Thunderbird can export without one): the columns are then named "Column 1"...
and mapped by what they hold. Rows are read from a stream and may be capped, so
a huge file costs the rows kept, not the whole text.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

DELIMITERS = ",;\t"
_SNIFF_CHARS = 32 * 1024
_TICK_ROWS = 1000
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[\d\s()./-]{6,}$")


@dataclass(frozen=True, slots=True)
class CsvTable:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]  # each exactly as wide as the header
    delimiter: str
    first_line_numbers: tuple[int, ...] = ()  # the file line each row starts on
    has_header: bool = True  # False: the file starts with data; header names the positions
    truncated: bool = False  # the file has more rows than were read


def detect_delimiter(text: str) -> str:
    header_line = text.split("\n", 1)[0]
    sample = text[:_SNIFF_CHARS]
    if len(text) > _SNIFF_CHARS:
        sample = sample[: sample.rfind("\n") + 1] or sample  # whole lines only
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        sniffed = ""
    if sniffed and sniffed in header_line:
        return sniffed
    counts = {delimiter: header_line.count(delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def looks_like_data(cell: str) -> bool:
    """An email address or a phone number: what no header cell is."""
    value = cell.strip()
    return bool(_EMAIL.match(value)) or (
        bool(_PHONE.match(value)) and sum(char.isdigit() for char in value) >= 6
    )


def read_table(text: str, delimiter: str | None = None) -> CsvTable:
    """The header (first non-empty row) and the data rows; blank rows are skipped."""
    return read_rows(io.StringIO(text, newline=""), delimiter or detect_delimiter(text))


def read_rows(
    lines: Iterable[str],
    delimiter: str,
    *,
    max_rows: int | None = None,
    tick: Callable[[int], None] | None = None,
) -> CsvTable:
    """Rows from lines as they come; at most max_rows data rows are kept (truncated says so).

    tick(rows so far) is called every thousand rows: progress, and the place to cancel.
    """
    reader = csv.reader(lines, delimiter=delimiter)
    header: tuple[str, ...] | None = None
    has_header, truncated = True, False
    rows: list[tuple[str, ...]] = []
    numbers: list[int] = []
    start = 1
    for row in reader:
        first_line, start = start, reader.line_num + 1
        if not "".join(row).strip():  # blank rows: skipped (one pass in C)
            continue
        if header is None:
            has_header = not any(looks_like_data(cell) for cell in row)
            header = _header(row) if has_header else _positions(len(row))
            if has_header:
                continue
        if max_rows is not None and len(rows) >= max_rows:
            truncated = True
            break
        rows.append(tuple(row) if len(row) == len(header) else _fitted(row, len(header)))
        numbers.append(first_line)
        if tick is not None and len(rows) % _TICK_ROWS == 0:
            tick(len(rows))
    return CsvTable(header or (), tuple(rows), delimiter, tuple(numbers), has_header, truncated)


def _header(row: Sequence[str]) -> tuple[str, ...]:
    return tuple(cell.strip() for cell in row)


def _positions(width: int) -> tuple[str, ...]:
    return tuple(f"Column {number}" for number in range(1, width + 1))


def _fitted(row: list[str], width: int) -> tuple[str, ...]:
    # Spreadsheets drop trailing empty cells; extra cells have no column to go to.
    if len(row) < width:
        row = row + [""] * (width - len(row))
    return tuple(row[:width])
