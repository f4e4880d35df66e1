"""The store as tests use it directly, and the sandbox's independence from other packages."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta

import pytest

from addressbook.sandbox import InvalidRecord, RecordNotFound, SandboxServer

from .support import FakeClock


def test_store_stamps_changes_with_the_clock(server: SandboxServer, clock: FakeClock) -> None:
    store = server.store
    contact = store.add_contact(1001, "Zoë", "Ñúñez", email="zoe@example.com")
    assert contact.id is not None and contact.created_at == contact.updated_at == clock()
    clock.advance(61)
    updated = store.update_contact(contact.id, title="Boss")
    assert updated.updated_at == clock() and updated.created_at == contact.created_at
    assert store.get_contact(contact.id) == updated
    clock.advance(5)
    assert store.update_contact(contact.id).updated_at == clock()  # touch with no changes
    store.delete_contact(contact.id)
    assert store.get_contact(contact.id) is None


def test_store_accepts_explicit_timestamps(server: SandboxServer, clock: FakeClock) -> None:
    earlier = clock() - timedelta(days=3)
    contact = server.store.add_contact(1001, "Old", "Timer", created_at=earlier)
    assert contact.created_at == contact.updated_at == earlier
    later = clock() + timedelta(minutes=5)
    assert server.store.update_contact(contact.id or 0, updated_at=later).updated_at == later


def test_store_refuses_what_harvest_would(server: SandboxServer) -> None:
    store = server.store
    with pytest.raises(InvalidRecord, match="First name can't be blank"):
        store.add_contact(1001, "  ", "X")
    with pytest.raises(InvalidRecord, match="Client is invalid"):
        store.add_contact(4242, "A", "B")
    with pytest.raises(InvalidRecord, match="Unknown contact field"):
        store.update_contact(store.contacts()[0].id or 0, nickname="x")
    with pytest.raises(InvalidRecord, match="already been taken"):
        store.add_client("bücher & söhne gmbh")
    with pytest.raises(RecordNotFound):
        store.update_contact(1, first_name="x")
    with pytest.raises(RecordNotFound):
        store.delete_contact(1)
    assert store.get_client(1) is None


def test_store_client_helpers(server: SandboxServer) -> None:
    store = server.store
    client = store.add_client("Ödegaard & <Sons>", active=False, currency="Euro - EUR")
    assert store.get_client(client.id) == client and not client.active
    assert store.toggle_client(client.id).active
    assert store.update_client(client.id, details="x").details == "x"
    store.delete_client(client.id)
    assert client.id not in {c.id for c in store.clients()}


def test_sandbox_imports_no_qt_and_no_client_code() -> None:
    code = (
        "import sys, addressbook.sandbox, addressbook.sandbox.__main__\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'httpx', 'xmltodict')"
        " or m.startswith('addressbook.api')]\n"
        "print(bad)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
