"""Push: send the outbox in queue order, one entry at a time, each made durable around its call.

For every entry the state is committed before the request ('sending') and the
outcome after it, in one transaction with its effects. Updates and deletes are
re-checked against the server's copy before sending, so resending one after a
crash changes nothing twice. A create is the one request that is not idempotent:
if its reply is lost it becomes 'unknown' and is looked up before any resend.
"""

from __future__ import annotations

from datetime import timedelta

from addressbook.api.errors import (
    AuthenticationError,
    CancelledError,
    NetworkError,
    NotFoundError,
    ThrottledError,
    ValidationError,
)
from addressbook.core.models import Contact
from addressbook.storage import Conflict, PendingChange

from .merge import changed_since, find_created, merge_update
from .step import SyncStep

# How far before a lost create was sent to look for it: covers the API's minute
# precision and a modest difference between our clock and the server's.
LOOKUP_MARGIN = timedelta(minutes=10)
# Failures after which the request certainly did not run on the server.
_NOT_EXECUTED = (ThrottledError, CancelledError, AuthenticationError)


class Pusher(SyncStep):
    def run(self) -> None:
        total = self.cache.count_to_send()
        done, after = 0, 0
        while (entry := self.cache.next_pending(after)) is not None:
            self.check_cancel()
            after = entry.id
            self._push(entry)
            done += 1
            self.progress("push", done, max(total, done))

    def _push(self, entry: PendingChange) -> None:
        claimed = self.cache.claim(entry.id)
        if claimed is None:  # discarded by the user meanwhile
            return
        try:
            if claimed.kind == "create":
                self._create(claimed)
            elif claimed.kind == "update":
                self._update(claimed)
            else:
                self._delete(claimed)
        except (ValidationError, NotFoundError) as error:
            self.cache.mark(claimed.id, "rejected", error=str(error))
            self.report.rejected[claimed.id] = str(error)
        except BaseException as error:
            self.cache.mark(claimed.id, _state_after_failure(claimed, error))
            raise

    def _create(self, entry: PendingChange) -> None:
        if entry.state == "unknown":
            found = self._find_created(entry)
            if found is not None:
                self._created(entry, found)
                return
            self.cache.mark(entry.id, "sending")  # a fresh sent_at for the next lookup
        created = self.api.create_contact(Contact(id=None, **entry.changes))
        self._created(entry, created)

    def _created(self, entry: PendingChange, created: Contact) -> None:
        assert created.id is not None
        self.cache.complete_create(entry, created)
        self.report.created[entry.contact_id] = created.id
        self.report.pushed += 1

    def _find_created(self, entry: PendingChange) -> Contact | None:
        sent = entry.sent_at or entry.created_at
        since = sent - LOOKUP_MARGIN
        try:
            candidates = self.api.list_contacts(entry.changes["client_id"], updated_since=since)
        except NotFoundError:  # the client is gone or hidden: nothing was created under it
            return None
        taken = self.cache.created_server_ids()
        return find_created(candidates, entry.changes, taken=taken, since=since)

    def _update(self, entry: PendingChange) -> None:
        try:
            server = self.api.get_contact(entry.contact_id)
            merge = merge_update(entry.changes, entry.base, server)
            if merge.send:
                server = self.api.update_contact(entry.contact_id, merge.send)
        except NotFoundError:
            self._conflict(self.cache.deleted_on_server(entry, list(entry.changes)))
            return
        self._conflict(self.cache.complete_update(entry, server, merge.conflicts))
        self.report.pushed += 1 if merge.send else 0

    def _delete(self, entry: PendingChange) -> None:
        try:
            server = self.api.get_contact(entry.contact_id)
        except NotFoundError:
            self.cache.complete_delete(entry)  # already gone: done
            return
        changed = changed_since(entry.base, server)
        if changed:
            self._conflict(self.cache.changed_on_server(entry, server, changed))
            return
        try:
            self.api.delete_contact(entry.contact_id)
        except NotFoundError:
            pass
        self.cache.complete_delete(entry)
        self.report.pushed += 1

    def _conflict(self, conflict: Conflict | None) -> None:
        if conflict is not None:
            self.report.conflicts.append(conflict)


def _state_after_failure(entry: PendingChange, error: BaseException) -> str:
    """Where an entry goes when its request failed: a create that may have run is 'unknown'.

    One that was 'unknown' when claimed stays so whatever failed: its first POST may
    still have worked, so it must be looked up again before any resend.
    """
    if entry.kind == "create" and entry.state == "unknown":
        return "unknown"
    if entry.kind != "create" or isinstance(error, _NOT_EXECUTED):
        return "queued"
    if isinstance(error, NetworkError) and not error.outcome_unknown:
        return "queued"
    return "unknown"
