"""Read bytes as a file through the public entry points, then plan them, as the preview does."""

from __future__ import annotations

from pathlib import Path

from addressbook.core import Client, Contact
from addressbook.exchange import ImportPlan, build_plan, read_import_file
from addressbook.exchange.files import ImportReading, read_source

CLIENTS = [Client(1, "Acme Corp"), Client(2, "Müller & Söhne GmbH"), Client(3, "株式会社テスト")]
EXISTING = [Contact(100, 1, "Jane", "Doe", email="jane@acme.example")]


def read_file(tmp_path: Path, name: str, data: bytes) -> ImportReading:
    path = tmp_path / name
    path.write_bytes(data)
    return read_source(read_import_file(path))


def plan_file(tmp_path: Path, name: str, data: bytes) -> tuple[ImportReading, ImportPlan]:
    reading = read_file(tmp_path, name, data)
    return reading, build_plan(reading.records, CLIENTS, EXISTING)
