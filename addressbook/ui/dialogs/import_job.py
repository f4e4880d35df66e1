"""Reading and planning an import off the GUI thread, with progress, Cancel and plain errors.

One job reads the file (or re-uses a reading and only re-maps it) and builds the
plan. It reports progress as a percentage, and either its result or one sentence
for the user; nothing it raises reaches the crash dialog, because a file is input
and input may be anything (MemoryError on a huge file included). A newer job makes
an older one moot: the dialog cancels it and ignores anything it still sends.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QRunnable, Signal

from addressbook.core.duplicates import DuplicateIndex
from addressbook.core.models import Client
from addressbook.exchange import ImportPlan, ImportRecord, build_plan
from addressbook.exchange.columns import ColumnMapping
from addressbook.exchange.files import (
    ImportFile,
    ImportReading,
    ImportSource,
    ReadCancelled,
    UnreadableFileError,
    read_source,
    remap,
)
from addressbook.ui.dialogs.import_preview import plan_cells

log = logging.getLogger(__name__)
READ_SHARE = 80  # percent of the bar for reading; the rest for planning


@dataclass(frozen=True)
class ImportRequest:
    """What to compute: a fresh reading (encoding/mapping given), or a re-plan of `reading`."""

    source: ImportSource | ImportFile
    clients: Sequence[Client]
    existing: DuplicateIndex
    fallback_client: Client | None
    include_duplicates: bool
    max_rows: int | None
    encoding: str | None = None
    mapping: ColumnMapping | None = None
    reading: ImportReading | None = None  # given: no re-read
    overrides: dict[int, ImportRecord] = field(default_factory=dict)  # row -> edited record


@dataclass(frozen=True)
class ImportOutcome:
    reading: ImportReading
    records: list[ImportRecord]  # the reading's records with the user's edits
    plan: ImportPlan
    cells: list[tuple[str, ...]]  # the preview's text for each row (import_preview.plan_cells)
    reread: bool  # the file was read again (not only re-mapped or re-planned)


class ImportJobSignals(QObject):
    progressed = Signal(int, int)  # generation, percent
    finished = Signal(int, object)  # generation, ImportOutcome
    failed = Signal(int, str)  # generation, a sentence for the user
    ended = Signal(int)  # generation: sent last, cancelled or not (the job may be dropped)


def failure_message(name: str, error: BaseException) -> str:
    """The one place a failure of reading an import file becomes words."""
    if isinstance(error, UnreadableFileError):
        return str(error)
    if isinstance(error, MemoryError):
        return f"{name} is too large to read in the memory available; nothing was imported."
    if isinstance(error, OSError):
        reason = error.strerror or str(error)
        return f"Could not read {name}: {reason}."
    return f"{name} could not be read as contacts ({type(error).__name__}); nothing was imported."


class ImportJob(QRunnable):
    def __init__(self, generation: int, request: ImportRequest) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the dialog holds it until it reports
        self.generation = generation
        self.request = request
        self.signals = ImportJobSignals()
        self.cancelled = threading.Event()

    def run(self) -> None:
        try:
            self.signals.finished.emit(self.generation, self._compute())
        except ReadCancelled:
            pass
        except Exception as error:  # MemoryError too: input may fail in any way, say so
            log.info("Import of %s failed: %r", self.request.source.name, error)
            self.signals.failed.emit(
                self.generation, failure_message(self.request.source.name, error)
            )
        finally:
            self.signals.ended.emit(self.generation)

    def _report(self, percent: float) -> None:
        if self.cancelled.is_set():
            raise ReadCancelled
        self.signals.progressed.emit(self.generation, int(percent))

    def _compute(self) -> ImportOutcome:
        request = self.request
        reading = request.reading
        if reading is None:
            reading = read_source(
                request.source,
                request.encoding,
                request.mapping,
                max_rows=request.max_rows,
                progress=lambda fraction: self._report(fraction * READ_SHARE),
            )
        elif request.mapping is not None and request.mapping != reading.mapping:
            reading = remap(reading, request.mapping)
        records = list(reading.records)
        for row, record in request.overrides.items():
            if row < len(records):
                records[row] = record
        total = max(len(records), 1)
        plan = build_plan(
            records,
            request.clients,
            request.existing,
            fallback_client=request.fallback_client,
            include_duplicates=request.include_duplicates,
            progress=lambda done: self._report(READ_SHARE + (100 - READ_SHARE) * done / total),
        )
        cells = plan_cells(plan)
        self._report(100)
        return ImportOutcome(reading, records, plan, cells, request.reading is None)
