"""Pull: bring the server's clients and contacts into the cache, each list in one transaction.

v1 reports no deletions, so a contact that vanished is only noticed by a full
list (the sweep); in between, `updated_since` fetches only what changed. Its
precision is a minute and clocks differ, hence the safety margin: re-fetching a
few contacts is harmless (they are stored by id), missing one is not.
"""

from __future__ import annotations

from datetime import timedelta

from .step import SyncStep

SAFETY_MARGIN = timedelta(minutes=2)


class Puller(SyncStep):
    def run(self, *, sweep: bool) -> bool:
        """Pull clients then contacts; returns True when complete lists were fetched."""
        complete_clients = self._pull_clients(sweep)
        self.check_cancel()
        complete_contacts = self._pull_contacts(sweep)
        return complete_clients and complete_contacts

    def _pull_clients(self, sweep: bool) -> bool:
        self.progress("pull-clients", 0, 1)
        watermark = self.cache.meta_time("watermark:clients")
        complete = sweep or watermark is None
        since = None if complete or watermark is None else watermark - SAFETY_MARGIN
        clients = self.api.list_clients(updated_since=since)
        self.cache.apply_clients(clients, complete=complete)
        self.report.pulled_clients = len(clients)
        self.progress("pull-clients", 1, 1)
        return complete

    def _pull_contacts(self, sweep: bool) -> bool:
        self.progress("pull-contacts", 0, 1)
        watermark = self.cache.meta_time("watermark:contacts")
        complete = sweep or watermark is None
        since = None if complete or watermark is None else watermark - SAFETY_MARGIN
        contacts = self.api.list_contacts(updated_since=since)
        self.progress("pull-contacts", len(contacts), len(contacts))
        self.report.deleted = self.cache.apply_contacts(contacts, complete=complete)
        self.report.pulled_contacts = len(contacts)
        return complete
