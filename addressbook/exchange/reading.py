"""An import file read as a stream: encoding from its first bytes, rows as they come.

Memory stays bounded by what is kept (at most max_rows records), never by the
file's size: the text is decoded and parsed line by line, and no copy of the
whole text is made. progress(fraction) is called as the reading goes, and may
raise ReadCancelled to stop it (the dialog's Cancel).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from itertools import islice
from typing import BinaryIO

from .columns import ColumnMapping, guess_mapping_for, records_from_table
from .csv_read import CsvTable, detect_delimiter, read_rows
from .records import ImportRecord
from .text_decoding import COUNTED_REPLACE, REPLACED, DecodedText, detect_encoding
from .vcard_read import vcard_records
from .vcard_syntax import join_split_characters, logical_lines_from

SAMPLE_BYTES = 1024 * 1024  # the encoding is decided from this much of the file
_TICK_RECORDS = 1000
Progress = Callable[[float], None]


class ReadCancelled(Exception):
    """The user stopped the reading; nothing was kept."""


class UnreadableFileError(Exception):
    """The file cannot be read as contacts at all; the message says so in the user's words."""


@dataclass(frozen=True, slots=True)
class ImportReading:
    """The records of a file under an encoding and (for CSV) a column mapping.

    decoded names the encoding (its text is not kept: the file was streamed);
    truncated says the file holds more than the records read.
    """

    decoded: DecodedText
    records: list[ImportRecord]
    table: CsvTable | None = None  # None for vCard
    mapping: ColumnMapping = ()
    truncated: bool = False


def read_stream(
    name: str,
    binary: BinaryIO,
    *,
    is_vcard: bool,
    size: int,
    encoding: str | None = None,
    mapping: ColumnMapping | None = None,
    max_rows: int | None = None,
    progress: Progress | None = None,
    whole: bool = False,
) -> ImportReading:
    """Read `binary` (positioned at its start, seekable). whole: it is all in memory, so
    the encoding is decided on all of it rather than on its first SAMPLE_BYTES."""
    sample = binary.read() if whole else binary.read(SAMPLE_BYTES)
    binary.seek(0)
    complete = whole or len(sample) < SAMPLE_BYTES
    if encoding:
        codec, guessed = encoding, False
    else:
        checked = join_split_characters(sample) if is_vcard else sample
        codec, guessed = detect_encoding(checked, complete)
    codec = _without_bom_trouble(codec, sample)

    def tick(_count: int) -> None:
        if progress is not None and size:
            progress(min(binary.tell() / size, 1.0))

    replaced_before = REPLACED.count
    if is_vcard:
        reading = _read_vcards(binary, codec, guessed, max_rows, tick)
    else:
        reading = _read_csv(name, binary, sample, codec, guessed, mapping, max_rows, tick)
    if progress is not None:
        progress(1.0)
    return replace(reading, decoded=_with_loss(reading.decoded, replaced_before))


def _without_bom_trouble(codec: str, sample: bytes) -> str:
    name = codecs.lookup(codec).name
    if name == "utf-8" and sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"  # UTF-8 chosen for a file with a BOM: drop the BOM
    boms = {
        "utf-16": (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE),
        "utf-32": (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE),
    }
    if name in boms and not sample.startswith(boms[name]):
        return name + "-le"  # a stream reader insists on the BOM that bytes.decode() assumes
    return codec


def _text(binary: BinaryIO, codec: str, errors: str) -> io.TextIOWrapper:
    # newline="": line ends reach the parsers as written (CSV needs them inside quotes).
    return io.TextIOWrapper(binary, encoding=codec, errors=errors, newline="")


def _read_vcards(
    binary: BinaryIO, codec: str, guessed: bool, max_rows: int | None, tick: Callable[[int], None]
) -> ImportReading:
    utf8 = codecs.lookup(codec).name == "utf-8"
    # UTF-8 keeps undecodable bytes as surrogates until a fold split inside a character
    # is joined (vcard_syntax.logical_lines_from); other codecs have no such folds.
    text = _text(binary, codec, "surrogateescape" if utf8 else COUNTED_REPLACE)
    origin = DecodedText("", codec, guessed)
    records: list[ImportRecord] = []
    stream = vcard_records(logical_lines_from(text), origin)
    truncated = _collect(stream, records, max_rows, tick)
    text.detach()
    return ImportReading(origin, records, truncated=truncated)


def _collect(
    stream: Iterator[ImportRecord],
    records: list[ImportRecord],
    max_rows: int | None,
    tick: Callable[[int], None],
) -> bool:
    """Fill records from stream; True when max_rows stopped it short."""
    while True:
        batch = list(islice(stream, _TICK_RECORDS))
        if max_rows is not None and len(records) + len(batch) > max_rows:
            records += batch[: max_rows - len(records)]
            return True
        records += batch
        if len(batch) < _TICK_RECORDS:
            return False
        tick(len(records))


def _read_csv(
    name: str,
    binary: BinaryIO,
    sample: bytes,
    codec: str,
    guessed: bool,
    mapping: ColumnMapping | None,
    max_rows: int | None,
    tick: Callable[[int], None],
) -> ImportReading:
    head = codecs.getincrementaldecoder(codec)(errors="replace").decode(sample[:65536])
    text = _text(binary, codec, COUNTED_REPLACE)
    try:
        table = read_rows(text, detect_delimiter(head), max_rows=max_rows, tick=tick)
    except csv.Error as error:  # a field beyond the csv module's size limit: not a contact list
        raise UnreadableFileError(f"{name} cannot be read as CSV ({error}).") from None
    finally:
        text.detach()
    if mapping is None or len(mapping) != len(table.header):
        mapping = guess_mapping_for(table)
    records = records_from_table(table, mapping)
    origin = DecodedText("", codec, guessed)
    return ImportReading(origin, records, table, mapping, table.truncated)


def _with_loss(origin: DecodedText, replaced_before: int) -> DecodedText:
    """Marked lossy when some bytes could not be read in this encoding (became U+FFFD)."""
    if REPLACED.count > replaced_before:
        return DecodedText("", origin.encoding, origin.guessed, lossy=True)
    return origin
