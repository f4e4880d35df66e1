"""Files in and out: the export formats, and an import file read under the user's choices.

ImportReading, ReadCancelled and UnreadableFileError are defined in reading and
named here too, where callers have always found them.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path
from typing import BinaryIO

from addressbook.core.collector import collector_paused
from addressbook.core.models import Contact
from addressbook.private_files import write_private_bytes

from .columns import ColumnMapping, records_from_table
from .csv_write import CSV_ENCODING, csv_text
from .reading import (
    ImportReading,
    Progress,
    ReadCancelled,
    UnreadableFileError,
    read_stream,
)
from .text_decoding import decode_bytes
from .vcard_write import vcards_text

VCARD_SUFFIXES = (".vcf", ".vcard")
__all__ = [
    "ExportFormat",
    "ImportFile",
    "ImportReading",
    "ImportSource",
    "ReadCancelled",
    "UnreadableFileError",
    "export_contacts",
    "export_text",
    "read_import_file",
    "read_source",
    "remap",
]


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
        return _is_vcard(self.name, self.data[:4096])

    @property
    def size(self) -> int:
        return len(self.data)

    def open(self) -> BinaryIO:
        return io.BytesIO(self.data)


@dataclass(frozen=True, slots=True)
class ImportFile:
    """An import file on disk, read as a stream: it is never all in memory at once."""

    path: Path

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def size(self) -> int:
        return self.path.stat().st_size

    @property
    def is_vcard(self) -> bool:
        with self.path.open("rb") as file:
            return _is_vcard(self.name, file.read(4096))

    def open(self) -> BinaryIO:
        return self.path.open("rb")


def _is_vcard(name: str, head: bytes) -> bool:
    if name.lower().endswith(VCARD_SUFFIXES):
        return True
    if name.lower().endswith((".csv", ".tsv", ".txt")):
        return False
    return "BEGIN:VCARD" in decode_bytes(head).text.upper()


def read_import_file(path: str | os.PathLike[str]) -> ImportSource:
    return ImportSource(Path(path).name, Path(path).read_bytes())


def read_source(
    source: ImportSource | ImportFile,
    encoding: str | None = None,
    mapping: ColumnMapping | None = None,
    *,
    max_rows: int | None = None,
    progress: Progress | None = None,
) -> ImportReading:
    """Decode (the rule in text_decoding, unless an encoding is given) and parse. A CSV
    mapping that does not fit the header (another encoding changed it) is guessed again.

    A vCard file in which no card can be found is reported, never shown as "0 contacts".
    """
    is_vcard = source.is_vcard
    # Records hold no reference cycles: the collector's passes over 100k new records
    # would cost a third of the reading (see core.collector).
    with source.open() as binary, collector_paused():
        reading = read_stream(
            source.name,
            binary,
            is_vcard=is_vcard,
            size=source.size,
            encoding=encoding,
            mapping=mapping,
            max_rows=max_rows,
            progress=progress,
            whole=isinstance(source, ImportSource),
        )
    if is_vcard and not reading.records and source.size:
        raise UnreadableFileError(
            f"{source.name} holds no contacts that can be read: no vCard (BEGIN:VCARD) was found."
        )
    return reading


def remap(reading: ImportReading, mapping: ColumnMapping) -> ImportReading:
    """The same CSV table under another column mapping, without decoding it again."""
    if reading.table is None:
        return reading
    records = records_from_table(reading.table, mapping)
    return replace(reading, records=records, mapping=mapping)
