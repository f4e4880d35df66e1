"""Files in and out: the export formats, and an import file read under the user's choices."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from addressbook.core.models import Contact
from addressbook.private_files import write_private_bytes

from .columns import ColumnMapping, guess_mapping, records_from_table
from .csv_read import CsvTable, read_table
from .csv_write import CSV_ENCODING, csv_text
from .records import ImportRecord
from .text_decoding import DecodedText, decode_bytes
from .vcard_read import read_vcards
from .vcard_write import vcards_text

VCARD_SUFFIXES = (".vcf", ".vcard")


class ExportFormat(Enum):
    VCARD_3 = ("vCard 3.0 (*.vcf)", ".vcf")
    VCARD_4 = ("vCard 4.0 (*.vcf)", ".vcf")
    CSV = ("CSV, UTF-8 (*.csv)", ".csv")

    @property
    def file_filter(self) -> str:
        return self.value[0]

    @property
    def suffix(self) -> str:
        return self.value[1]

    @classmethod
    def from_filter(cls, file_filter: str, path: str = "") -> ExportFormat:
        """The format of the chosen filter; without one, the path's suffix decides."""
        for export_format in cls:
            if export_format.file_filter == file_filter:
                return export_format
        return cls.CSV if path.lower().endswith(".csv") else cls.VCARD_3


def export_text(
    contacts: Iterable[Contact], client_names: Mapping[int, str], export_format: ExportFormat
) -> bytes:
    if export_format is ExportFormat.CSV:
        return csv_text(contacts, client_names).encode(CSV_ENCODING)
    version = "4.0" if export_format is ExportFormat.VCARD_4 else "3.0"
    return vcards_text(contacts, client_names, version).encode()


def export_contacts(
    path: str | os.PathLike[str],
    contacts: Iterable[Contact],
    client_names: Mapping[int, str],
    export_format: ExportFormat,
) -> int:
    """Write the file (replaced whole, never left half-written); returns the bytes written."""
    data = export_text(contacts, client_names, export_format)
    target = Path(path)
    partial = target.with_name(target.name + ".part")
    write_private_bytes(partial, data)  # contacts are personal data: 0600 (POSIX)
    os.replace(partial, target)
    return len(data)


@dataclass(frozen=True, slots=True)
class ImportSource:
    """An import file's bytes; is_vcard decided by its name, else by its content."""

    name: str
    data: bytes

    @property
    def is_vcard(self) -> bool:
        if self.name.lower().endswith(VCARD_SUFFIXES):
            return True
        if self.name.lower().endswith((".csv", ".tsv", ".txt")):
            return False
        return "BEGIN:VCARD" in decode_bytes(self.data[:4096]).text.upper()


def read_import_file(path: str | os.PathLike[str]) -> ImportSource:
    return ImportSource(Path(path).name, Path(path).read_bytes())


class UnreadableFileError(Exception):
    """The file cannot be read as contacts at all; the message says so in the user's words."""


@dataclass(frozen=True, slots=True)
class ImportReading:
    """The records of a file under an encoding and (for CSV) a column mapping."""

    decoded: DecodedText
    records: list[ImportRecord]
    table: CsvTable | None = None  # None for vCard
    mapping: ColumnMapping = ()


def read_source(
    source: ImportSource, encoding: str | None = None, mapping: ColumnMapping | None = None
) -> ImportReading:
    """Decode (the rule in text_decoding, unless an encoding is given) and parse. A CSV
    mapping that does not fit the header (another encoding changed it) is guessed again."""
    decoded = decode_bytes(source.data, encoding)
    if source.is_vcard:
        return ImportReading(decoded, read_vcards(decoded))
    try:
        table = read_table(decoded.text)
    except csv.Error as error:  # a field beyond the csv module's size limit: not a contact list
        raise UnreadableFileError(f"{source.name} cannot be read as CSV ({error}).") from None
    if mapping is None or len(mapping) != len(table.header):
        mapping = guess_mapping(table.header)
    return ImportReading(decoded, records_from_table(table, mapping), table, mapping)


def remap(reading: ImportReading, mapping: ColumnMapping) -> ImportReading:
    """The same CSV table under another column mapping, without decoding it again."""
    if reading.table is None:
        return reading
    records = records_from_table(reading.table, mapping)
    return ImportReading(reading.decoded, records, reading.table, mapping)
