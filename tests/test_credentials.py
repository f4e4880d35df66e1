"""The credential store against an in-memory keyring backend and keyring's "fail" backend."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import keyring.errors
import pytest
from keyring.backends import chainer, fail, null

from addressbook.credentials import DEFAULT_SERVICE, CredentialStore, account_key
from tests.conftest import MemoryKeyring

PASSWORD = "s3cret-Pässwörd!"


class LockedKeyring(MemoryKeyring):
    """A backend whose user refused to unlock it: every call raises KeyringLocked."""

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("locked")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.KeyringLocked("locked")


def files_containing(text: str) -> list[Path]:
    """Every file under the per-test app dirs that contains text."""
    roots = {Path(os.environ[name]).parent for name in ("ADDRESSBOOK_DATA_DIR", "XDG_CONFIG_HOME")}
    found = []
    for root in roots:
        for path in root.rglob("*"):
            if path.is_file() and text.encode() in path.read_bytes():
                found.append(path)
    return found


@pytest.mark.parametrize(
    ("base_url", "email", "expected"),
    [
        ("https://acme.harvestapp.com", "jane@acme.com", "jane@acme.com@acme.harvestapp.com"),
        ("https://ACME.harvestapp.com/", " Jane@Acme.com ", "jane@acme.com@acme.harvestapp.com"),
        ("http://127.0.0.1:8123", "demo@example.com", "demo@example.com@127.0.0.1:8123"),
        ("acme.harvestapp.com", "a@b.co", "a@b.co@acme.harvestapp.com"),
    ],
)
def test_account_key_is_email_at_host(base_url: str, email: str, expected: str) -> None:
    assert account_key(base_url, email) == expected


def test_set_get_delete_round_trip(memory_keyring: MemoryKeyring) -> None:
    store = CredentialStore()
    key = account_key("https://acme.harvestapp.com", "jane@acme.com")
    assert store.available()
    assert store.get(key) is None
    assert store.set(key, PASSWORD) is True
    assert store.get(key) == PASSWORD
    assert memory_keyring.secrets == {(DEFAULT_SERVICE, key): PASSWORD}
    store.delete(key)
    assert store.get(key) is None
    assert memory_keyring.secrets == {}


def test_delete_of_a_missing_entry_is_quiet() -> None:
    CredentialStore().delete("nobody@nowhere")


def test_accounts_and_services_are_kept_apart(memory_keyring: MemoryKeyring) -> None:
    first, second = CredentialStore(), CredentialStore(service="Other")
    first.set("a@x", "one")
    first.set("b@x", "two")
    second.set("a@x", "three")
    assert (first.get("a@x"), first.get("b@x"), second.get("a@x")) == ("one", "two", "three")


def test_an_injected_backend_is_used_instead_of_the_global_one(
    memory_keyring: MemoryKeyring,
) -> None:
    own = MemoryKeyring()
    store = CredentialStore(backend=own)
    assert store.set("a@x", PASSWORD)
    assert own.secrets and not memory_keyring.secrets
    assert store.backend_name() == own.name


def test_no_keyring_set_returns_false_and_writes_nothing(
    no_keyring: None, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    store = CredentialStore()
    assert store.available() is False
    assert store.set("jane@acme.com@acme.harvestapp.com", PASSWORD) is False
    assert store.get("jane@acme.com@acme.harvestapp.com") is None
    store.delete("jane@acme.com@acme.harvestapp.com")
    assert files_containing(PASSWORD) == []
    assert PASSWORD not in caplog.text


def test_fail_backend_passed_in_is_unavailable_without_writing() -> None:
    store = CredentialStore(backend=fail.Keyring())
    assert not store.available()
    assert store.set("a@x", PASSWORD) is False


@pytest.mark.parametrize("backend", [null.Keyring(), chainer.ChainerBackend()])
def test_backends_that_cannot_keep_a_secret_are_unavailable(
    backend: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A chainer with nothing to chain is what keyring picks on a bare headless box.
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    store = CredentialStore(backend=backend)  # type: ignore[arg-type]
    assert not store.available()
    assert store.set("a@x", PASSWORD) is False
    assert store.get("a@x") is None


def test_a_locked_keyring_fails_softly_and_logs_no_secret(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    store = CredentialStore(backend=LockedKeyring())
    assert store.set("a@x", PASSWORD) is False
    assert store.get("a@x") is None
    store.delete("a@x")
    assert "KeyringLocked" in caplog.text
    assert PASSWORD not in caplog.text


def test_a_successful_store_logs_no_secret(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    assert CredentialStore().set("a@x", PASSWORD)
    assert PASSWORD not in caplog.text
    assert files_containing(PASSWORD) == []
