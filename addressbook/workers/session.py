"""One signed-in account as the worker thread sees it: API client, cache, sync engine.

Qt-free and used only by the worker thread (the Cache's SQLite connection
belongs to the thread that opened it). It also keeps the last contacts it
published, so a sync that changed three contacts sends three rows, not 100k.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx

from addressbook.api import (
    Account,
    AuthenticationError,
    HarvestApi,
    HarvestError,
    NetworkError,
)
from addressbook.api.v2.address import parse_account_id, v2_base_url
from addressbook.core.models import Client, Contact
from addressbook.index.row_index import IndexedRows
from addressbook.index.rows import ContactRow, build_rows, company_names
from addressbook.workers.errors import SessionError

log = logging.getLogger(__name__)


def _make_api(
    address: str, login: str, secret: str, transport: httpx.BaseTransport | None
) -> HarvestApi | None:
    """v1 (account URL, email, password) or v2 (API URL + /v2, account id, token):
    the address says which (api.v2.address), the rest of the app need not know."""
    from addressbook.api import HarvestClient, HarvestV2Client

    base = v2_base_url(address)
    if base is None:
        return HarvestClient(address, login, secret, transport=transport)
    account_id = parse_account_id(login)
    if account_id is None:  # a damaged setting: no client, so sign-in is asked for again
        log.warning("Not a Harvest account id: %r", login[:40])
        return None
    return HarvestV2Client(secret, account_id, base_url=base, transport=transport)


def _reason(error: Exception) -> str:
    """The words to show for a refused write: the error's own, else its kind."""
    return str(error) or type(error).__name__


class Session:
    def __init__(
        self,
        data_dir: Path,
        base_url: str,
        email: str,
        password: str,
        transport: httpx.BaseTransport | None,
        *,
        cancel_event: threading.Event,
    ) -> None:
        self.data_dir, self.base_url, self.email = data_dir, base_url, email
        self.auth_failed = False
        self.recovery_notice: str | None = None  # the cache had to be rebuilt: tell the user
        self.on_throttle: Callable[[float], None] | None = None
        self._cancel = cancel_event
        self._api: HarvestApi | None = None
        if password:
            self._api = _make_api(base_url, email, password, transport)
        if self._api is not None:
            self._api.cancel_event = cancel_event
            self._api.on_throttle = self._throttled
        self._cache: Any = None
        self._engine: Any = None
        self._contacts: dict[int, Contact] = {}
        self._clients: list[Client] = []
        self._companies: dict[int, str] = {}

    @property
    def cache(self) -> Any:
        """The account's Cache (None until opened): for jobs run on the worker thread."""
        return self._cache

    def _throttled(self, seconds: float) -> None:
        if self.on_throttle is not None:
            self.on_throttle(seconds)

    @property
    def can_sync(self) -> bool:
        return self._api is not None and self._engine is not None and not self.auth_failed

    # -- sign-in and cache -----------------------------------------------------------
    def verify(self) -> Account:
        if self._api is None:
            raise SessionError("No password or token to sign in with.", "auth")
        try:
            return self._api.who_am_i()
        except AuthenticationError as error:
            self.auth_failed = True
            raise SessionError(str(error), "auth") from None
        except NetworkError as error:
            raise SessionError(str(error), "network") from None
        except HarvestError as error:
            raise SessionError(str(error), "error") from None

    def cache_path(self) -> Path:
        from addressbook.storage import Cache

        return Path(Cache.path_for(self.data_dir, self.base_url, self.email))

    def open_cache(self) -> None:
        from addressbook.storage import Cache

        path = self.cache_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        self._cache = Cache.open(path)
        recovery = self._cache.recovery
        if recovery is not None:
            log.warning("%s", recovery.message)
            self._cache.salvage_from(recovery.moved_to)  # history and trash, where readable
            self.recovery_notice = recovery.user_message
        if self._api is not None:
            self._start_engine()

    def _start_engine(self) -> None:
        from addressbook.sync import SyncEngine

        assert self._api is not None
        self._engine = SyncEngine(self._api, self._cache)

    def forget_password(self) -> None:
        """After the server refused the saved password: keep the cache, stop syncing."""
        self.auth_failed = True

    def close(self) -> None:
        if self._api is not None:
            self._api.close()
            self._api = None
        if self._cache is not None:
            self._cache.close()
            self._cache = None
        self._engine = None

    def remove_cache_files(self) -> None:
        path = self.cache_path()
        for candidate in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm"))):
            candidate.unlink(missing_ok=True)
        log.info("Removed the local cache %s", path)

    # -- sync ----------------------------------------------------------------------
    def sync(self, *, full: bool, progress: Callable[[str, int, int], None]) -> Any:
        report = self._engine.sync(full=full, progress=progress, cancel=self._cancel)
        if report.error_kind == "auth":  # changed on the web: stop until the user signs in again
            self.auth_failed = True
        return report

    def last_sync_at(self) -> datetime | None:
        return self._cache.last_sync_at() if self._cache is not None else None

    # -- reading ---------------------------------------------------------------------
    def load_rows(self) -> tuple[list[ContactRow], list[Client]]:
        contacts = self._cache.contacts()
        self._clients = self._cache.clients()
        self._companies = company_names(self._clients)
        self._contacts = {contact.id: contact for contact in contacts if contact.id is not None}
        return IndexedRows.of(build_rows(contacts, self._companies)), list(self._clients)

    def reload_delta(self) -> tuple[list[ContactRow], list[int]] | None:
        """What changed since the last publish; None when clients changed (reload all)."""
        if self._cache.clients() != self._clients:
            return None
        contacts = self._cache.contacts()
        fresh = {contact.id: contact for contact in contacts if contact.id is not None}
        known = self._contacts
        upserted = [contact for key, contact in fresh.items() if known.get(key) != contact]
        removed = [key for key in known if key not in fresh]
        self._contacts = fresh
        return self._rows(upserted), removed

    def rows_for(self, contacts: list[Contact]) -> list[ContactRow]:
        for contact in contacts:
            if contact.id is not None:
                self._contacts[contact.id] = contact
        return self._rows(contacts)

    def _rows(self, contacts: list[Contact]) -> list[ContactRow]:
        return [
            ContactRow(contact, self._companies.get(contact.client_id, "")) for contact in contacts
        ]

    def outbox(self) -> tuple[list[Any], set[int], list[Any]]:
        cache = self._cache
        return list(cache.pending()), set(cache.dirty_contact_ids()), list(cache.conflicts())

    # -- writing ---------------------------------------------------------------------
    def create(self, contact: Contact) -> tuple[Contact, list[int]]:
        return self._cache.create_contact(contact), []

    def create_many(self, contacts: list[Contact]) -> list[Contact]:
        """An import: queued in one transaction, all or none (ValidationError names the bad one)."""
        return list(self._cache.create_contacts(contacts))

    def update(self, contact_id: int, changes: dict[str, Any]) -> tuple[Contact, list[int]]:
        return self._cache.update_contact(contact_id, changes), []

    def delete(self, contact_ids: list[int]) -> tuple[list[int], str | None]:
        """Queue the deletes; returns the ids deleted and, when the cache refused some
        (a full disk, say), why, so the window can say so rather than only log it."""
        deleted: list[int] = []
        refusal: str | None = None
        for contact_id in contact_ids:
            try:
                self._cache.delete_contact(contact_id)
            except Exception as error:
                log.exception("Could not delete contact %s", contact_id)
                refusal = refusal or _reason(error)
                continue
            self._contacts.pop(contact_id, None)
            deleted.append(contact_id)
        return deleted, refusal

    def undo_delete(self, contacts: list[Contact]) -> tuple[int, str | None]:
        """Drop the queued deletes; a contact whose delete already reached Harvest is re-created.

        Returns how many came back and, when some could not, why."""
        queued = {p.contact_id: p.id for p in self._cache.pending() if p.kind == "delete"}
        trashed = {item.contact.id for item in self._cache.trash()}
        restored = 0
        refusal: str | None = None
        for contact in contacts:
            try:
                if contact.id in queued:
                    self._cache.discard_pending(queued[contact.id])
                elif contact.id in trashed:  # the trash's path: the contact keeps its history
                    self._cache.restore_from_trash(contact.id)
                elif contact.id is not None and self._cache.contact(contact.id) is not None:
                    pass  # its delete never happened (the cache refused it): nothing to bring back
                else:
                    fresh = dataclasses.replace(contact, id=None, created_at=None, updated_at=None)
                    self._cache.create_contact(fresh)
            except Exception as error:  # its client went inactive, or the disk is full
                log.exception("Could not restore contact %s", contact.id)
                refusal = refusal or _reason(error)
                continue
            restored += 1
        return restored, refusal

    def retry(self, pending_id: int) -> tuple[Contact, list[int]]:
        contact = self._cache.retry_pending(pending_id)
        if contact is None:
            raise SessionError("The contact of this change is gone.", "error")
        return contact, []

    def discard(self, pending_id: int) -> None:
        self._cache.discard_pending(pending_id)

    def resolve(self, contact_id: int, keep: Any) -> None:
        self._cache.resolve_conflict(contact_id, keep)
