"""Export and import of 100,000 contacts as vCard and CSV, against csv.writer in the same run.

- export: contacts -> file bytes for vCard 3.0, 4.0 and CSV, and the whole file
  written (the figure that decided that exports run off the GUI thread: > 200 ms);
- import: file bytes -> records (decode, parse, map) and records -> import plan
  (client matching, validation, duplicate checks against 100k existing contacts).
Baselines: csv.writer writing the same rows as our CSV into memory, and csv.reader
reading them back. Each run times the baseline right before the candidate and the
ratio is taken per run; medians are printed, because the machine is shared.
"""

from __future__ import annotations

import csv
import io
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from addressbook.core import Client, Contact
from addressbook.exchange import build_plan
from addressbook.exchange.csv_write import contact_cells
from addressbook.exchange.files import (
    ExportFormat,
    ImportSource,
    export_contacts,
    export_text,
    read_source,
)

CONTACTS = int(os.environ.get("BENCH_EXCHANGE_CONTACTS", "100000"))
CLIENTS = 400
RUNS = int(os.environ.get("BENCH_EXCHANGE_RUNS", "3"))
THREAD_THRESHOLD_MS = 200


def _clients() -> list[Client]:
    return [
        Client(i, f"Client {i} {'Ωμέγα' if i % 7 == 0 else 'GmbH'}") for i in range(1, CLIENTS + 1)
    ]


def _contacts() -> list[Contact]:
    stamp = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
    return [
        Contact(
            i,
            i % CLIENTS + 1,
            f"Фёдор{i}" if i % 10 == 0 else f"First{i}",
            f"Last, {i}",
            "Sales; north" if i % 3 == 0 else None,
            f"person{i}@example.com",
            f"+1 555 {i:06d}",
            "+49 170 1234567" if i % 2 else None,
            None,
            updated_at=stamp,
        )
        for i in range(1, CONTACTS + 1)
    ]


def _seconds(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def _paired(baseline: Callable[[], object], candidate: Callable[[], object]) -> tuple[float, float]:
    """(median ms of the candidate, median of candidate/baseline ratios, one pair per run)."""
    times, ratios = [], []
    for _ in range(RUNS):
        base = _seconds(baseline)
        took = _seconds(candidate)
        times.append(took)
        ratios.append(took / base)
    return statistics.median(times) * 1000, statistics.median(ratios)


def main() -> None:
    contacts, clients = _contacts(), _clients()
    names = {client.id: client.name for client in clients}
    rows = [contact_cells(c, names.get(c.client_id)) for c in contacts]

    def write_baseline() -> str:
        buffer = io.StringIO()
        csv.writer(buffer).writerows(rows)
        return buffer.getvalue()

    text = write_baseline()

    def read_baseline() -> list[list[str]]:
        return list(csv.reader(io.StringIO(text, newline="")))

    write_ms = statistics.median(_seconds(write_baseline) for _ in range(RUNS)) * 1000
    read_ms = statistics.median(_seconds(read_baseline) for _ in range(RUNS)) * 1000
    print(
        f"{CONTACTS:,} contacts; baselines: csv.writer {write_ms:.0f} ms, "
        f"csv.reader {read_ms:.0f} ms (medians of {RUNS}; ratios below are per-run pairs)"
    )
    with tempfile.TemporaryDirectory() as folder:
        for export_format in ExportFormat:
            target = Path(folder) / f"out{export_format.suffix}"
            bench = _FormatBench(export_format, contacts, clients, names, target)
            bench.report(write_baseline, read_baseline)


class _FormatBench:
    def __init__(
        self,
        export_format: ExportFormat,
        contacts: list[Contact],
        clients: list[Client],
        names: dict[int, str],
        target: Path,
    ) -> None:
        self.format, self.contacts, self.clients, self.names = (
            export_format,
            contacts,
            clients,
            names,
        )
        self.target = target
        self.data = export_text(contacts, names, export_format)
        self.source = ImportSource(target.name, self.data)
        self.records = read_source(self.source).records

    def report(
        self, write_baseline: Callable[[], object], read_baseline: Callable[[], object]
    ) -> None:
        fmt, contacts, names = self.format, self.contacts, self.names
        text_ms, text_x = _paired(write_baseline, lambda: export_text(contacts, names, fmt))
        file_ms, file_x = _paired(
            write_baseline, lambda: export_contacts(self.target, contacts, names, fmt)
        )
        read_ms, read_x = _paired(read_baseline, lambda: read_source(self.source))
        plan_ms, plan_x = _paired(
            read_baseline, lambda: build_plan(self.records, self.clients, contacts)
        )
        where = "off the GUI thread" if file_ms > THREAD_THRESHOLD_MS else "GUI thread would do"
        print(
            f"{fmt.file_filter.split(' (')[0]:10} {len(self.data) / 1e6:4.1f} MB | "
            f"export {text_ms:5.0f} ms ({text_x:4.1f}x csv.writer), "
            f"to a file {file_ms:5.0f} ms ({file_x:4.1f}x; {where}) | "
            f"import: read {read_ms:5.0f} ms ({read_x:4.1f}x csv.reader), "
            f"plan {plan_ms:5.0f} ms ({plan_x:4.1f}x csv.reader)"
        )


if __name__ == "__main__":
    main()
