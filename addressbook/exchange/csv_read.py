"""Read a CSV file into a header and rows: delimiter detection, ragged rows evened out.

The delimiter is csv.Sniffer's answer among comma, semicolon (European Excel)
and tab, checked against the header line; when the sniffer gives up or picks
a character the header does not contain, the most frequent of the three in the
header wins, and a comma when none appears.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

DELIMITERS = ",;\t"
_SNIFF_CHARS = 32 * 1024


@dataclass(frozen=True, slots=True)
class CsvTable:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]  # each exactly as wide as the header
    delimiter: str
    first_line_numbers: tuple[int, ...] = ()  # the file line each row starts on


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


def read_table(text: str, delimiter: str | None = None) -> CsvTable:
    """The header (first non-empty row) and the data rows; blank rows are skipped."""
    delimiter = delimiter or detect_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: tuple[str, ...] | None = None
    rows: list[tuple[str, ...]] = []
    lines: list[int] = []
    start = 1
    for row in reader:
        if any(cell.strip() for cell in row):
            if header is None:
                header = tuple(cell.strip() for cell in row)
            else:
                rows.append(_fitted(row, len(header)))
                lines.append(start)
        start = reader.line_num + 1
    return CsvTable(header or (), tuple(rows), delimiter, tuple(lines))


def _fitted(row: list[str], width: int) -> tuple[str, ...]:
    # Spreadsheets drop trailing empty cells; extra cells have no column to go to.
    if len(row) < width:
        row = row + [""] * (width - len(row))
    return tuple(row[:width])
