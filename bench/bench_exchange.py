"""Export and import of 100,000 contacts as vCard and CSV, against baselines in the same run.

- export: contacts -> file for vCard 3.0, 4.0 and CSV, against csv.writer writing the
  same rows (the figure that decided that exports run off the GUI thread: > 200 ms);
- import: "read" is a file on disk -> records (decode, parse, map: what csv.reader and
  vobject do, plus mapping); "plan" adds the ImportPlan (client matching, validation,
  duplicate checks against 100k existing contacts), the whole path the preview runs.
  CSV against csv.reader reading the same file (target: within 5x); vCard against
  vobject (a test-only dependency) parsing the same file (target: faster).
Each run times the baseline right before the candidate; medians of per-run ratios are
printed, because the machine is shared. vobject is slow, so it runs VOBJECT_RUNS times.
"""

from __future__ import annotations

import csv
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import vobject

from addressbook.core import Client, Contact
from addressbook.exchange import build_plan
from addressbook.exchange.csv_write import contact_cells
from addressbook.exchange.files import ExportFormat, ImportFile, export_contacts, read_source

CONTACTS = int(os.environ.get("BENCH_EXCHANGE_CONTACTS", "100000"))
CLIENTS = 400
RUNS = int(os.environ.get("BENCH_EXCHANGE_RUNS", "3"))
VOBJECT_RUNS = int(os.environ.get("BENCH_EXCHANGE_VOBJECT_RUNS", "1"))
THREAD_THRESHOLD_MS = 200
CSV_TARGET, VCARD_TARGET = 5.0, 1.0


def _clients() -> list[Client]:
    return [
        Client(i, f"Client {i} {'Ωμέγα' if i % 7 == 0 else 'GmbH'}") for i in range(1, CLIENTS + 1)
    ]


def _contacts(offset: int = 0) -> list[Contact]:
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
        for i in range(offset + 1, offset + CONTACTS + 1)
    ]


def _seconds(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def _paired(
    baseline: Callable[[], object], candidate: Callable[[], object], runs: int = RUNS
) -> tuple[float, float, float]:
    """(median ms of the baseline, of the candidate, median of per-run ratios)."""
    bases, times, ratios = [], [], []
    for _ in range(runs):
        base = _seconds(baseline)
        took = _seconds(candidate)
        bases.append(base)
        times.append(took)
        ratios.append(took / base)
    return (
        statistics.median(bases) * 1000,
        statistics.median(times) * 1000,
        statistics.median(ratios),
    )


def _export_figures(contacts: list[Contact], names: dict[int, str], folder: Path) -> None:
    rows = [contact_cells(c, names.get(c.client_id)) for c in contacts]

    def write_baseline() -> None:
        with (folder / "baseline.csv").open("w", newline="", encoding="utf-8") as file:
            csv.writer(file).writerows(rows)

    for export_format in ExportFormat:
        target = folder / f"out{export_format.suffix}"
        base_ms, took_ms, ratio = _paired(
            write_baseline, lambda f=export_format, t=target: export_contacts(t, contacts, names, f)
        )
        where = "off the GUI thread" if took_ms > THREAD_THRESHOLD_MS else "GUI thread would do"
        print(
            f"export {export_format.file_filter.split(' (')[0]:10} {took_ms:6.0f} ms "
            f"({ratio:4.1f}x csv.writer at {base_ms:.0f} ms; {where})"
        )


def _read(path: Path) -> int:
    return len(read_source(ImportFile(path)).records)


def _import_plan(path: Path, clients: list[Client], existing: list[Contact]) -> int:
    reading = read_source(ImportFile(path))
    return len(build_plan(reading.records, clients, existing).rows)


def _csv_reader(path: Path) -> int:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return len(list(csv.reader(file)))


def _vobject_reader(path: Path) -> int:
    with path.open(encoding="utf-8") as file:
        return len(list(vobject.readComponents(file)))


def _import_figures(
    contacts: list[Contact], clients: list[Client], names: dict[int, str], folder: Path
) -> None:
    existing = _contacts(offset=CONTACTS)  # another 100k already in the address book
    csv_path, vcf_path = folder / "import.csv", folder / "import.vcf"
    export_contacts(csv_path, contacts, names, ExportFormat.CSV)
    export_contacts(vcf_path, contacts, names, ExportFormat.VCARD_3)
    assert _import_plan(csv_path, clients, existing) == CONTACTS
    assert _import_plan(vcf_path, clients, existing) == CONTACTS
    _compare("CSV   read", lambda: _csv_reader(csv_path), lambda: _read(csv_path), "csv.reader")
    _compare(
        "CSV   plan",
        lambda: _csv_reader(csv_path),
        lambda: _import_plan(csv_path, clients, existing),
        "csv.reader",
    )
    # vobject takes a minute: timed once, and both of ours compared with that median.
    vobject_ms = (
        statistics.median(_seconds(lambda: _vobject_reader(vcf_path)) for _ in range(VOBJECT_RUNS))
        * 1000
    )
    for label, candidate in (
        ("vCard read", lambda: _read(vcf_path)),
        ("vCard plan", lambda: _import_plan(vcf_path, clients, existing)),
    ):
        took_ms = statistics.median(_seconds(candidate) for _ in range(RUNS)) * 1000
        ratio = took_ms / vobject_ms
        verdict = "faster than" if ratio < VCARD_TARGET else "SLOWER than"
        print(
            f"import {label} {took_ms:6.0f} ms ({ratio:5.2f}x vobject at {vobject_ms:.0f} ms; "
            f"{verdict} vobject, which only parses)"
        )


def _compare(
    label: str, baseline: Callable[[], object], candidate: Callable[[], object], name: str
) -> None:
    base_ms, took_ms, ratio = _paired(baseline, candidate)
    verdict = "within" if ratio <= CSV_TARGET else "over"
    print(
        f"import {label} {took_ms:6.0f} ms ({ratio:5.2f}x {name} at {base_ms:.0f} ms; "
        f"{verdict} the {CSV_TARGET:g}x target)"
    )


def main() -> None:
    contacts, clients = _contacts(), _clients()
    names = {client.id: client.name for client in clients}
    print(f"{CONTACTS:,} contacts; medians of {RUNS} runs (vobject: {VOBJECT_RUNS})")
    with tempfile.TemporaryDirectory() as folder:
        _export_figures(contacts, names, Path(folder))
        _import_figures(contacts, clients, names, Path(folder))
