"""Import and export wired into the running app: File menu actions, the worker, the messages.

An import is handed to the worker, which queues every contact in one transaction
(all or none) and syncs; what came of it is said in the status bar, or in the
notice bar when it was refused, so the user can fix the file and try again. The
message follows what really happened: "sending them" while the sync runs, then
"sent" or "saved here" once it ends. An active search that would hide the new
rows is cleared, and the message says so.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from addressbook.core.models import Contact
from addressbook.core.words import counted
from addressbook.ui.exchange_actions import ExchangeActions

if TYPE_CHECKING:
    from addressbook.ui.main_window import MainWindow
    from addressbook.workers import SyncWorker, WorkerEvents

STATUS_MS = 8000
# Tokens for the worker's replies; far from the edit dialogs' own small numbers.
_tokens = itertools.count(1_000_000)


class ImportMessages:
    """What the status bar says about an import, from queued to sent."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.pending: set[int] = set()
        self.awaiting_sync = ""  # the "Imported n contacts" of an import not yet sent

    def imported(self, token: int, count: int) -> None:
        if token not in self.pending:
            return
        self.pending.discard(token)
        done = f"Imported {counted(count, 'contact')}"
        search = self.window.contacts.search
        if search.text().strip():
            search.clear()  # the new rows would be hidden by the search
            done += " (search cleared to show them)"
        self.awaiting_sync = done
        self.window.status.showMessage(f"{done}; sending them to Harvest…", STATUS_MS)

    def sync_finished(self, report: Any) -> None:
        self._sync_ended(sent=not (report.offline or report.error or report.rejected))

    def sync_failed(self, _message: str) -> None:
        self._sync_ended(sent=False)

    def _sync_ended(self, *, sent: bool) -> None:
        if not self.awaiting_sync:
            return
        done, self.awaiting_sync = self.awaiting_sync, ""
        if sent:
            text = f"{done} and sent them to Harvest."
        else:
            text = f"{done}; saved here, they go to Harvest once it can be reached."
        self.window.status.showMessage(text, STATUS_MS)

    def refused(self, token: int, message: str, _fields: object) -> None:
        if token in self.pending:
            self.pending.discard(token)
            self.window.notice.show_message(f"Nothing was imported: {message}")


def install_exchange(
    window: MainWindow, worker: SyncWorker, events: WorkerEvents
) -> ExchangeActions:
    messages = ImportMessages(window)

    def queue_creates(contacts: list[Contact]) -> None:
        token = next(_tokens)
        messages.pending.add(token)
        worker.import_requested.emit(token, contacts)

    def exported(path: str, count: int) -> None:
        window.status.showMessage(
            f"Exported {counted(count, 'contact')} to {Path(path).name}.", STATUS_MS
        )

    exchange = ExchangeActions(
        window,
        selected_contacts=lambda: [row.contact for row in window.contacts.selected_rows()],
        all_contacts=window.contacts_model.all_contacts,
        clients=window.sidebar_model.clients,
        queue_creates=queue_creates,
        settings=window.settings,
    )
    exchange.import_action.setObjectName("action_import")
    exchange.export_all_action.setObjectName("action_export_all")
    exchange.export_selected_action.setObjectName("action_export_selected")
    window.add_file_actions(
        [exchange.import_action, exchange.export_all_action, exchange.export_selected_action]
    )
    window.contacts.selection_changed.connect(
        lambda *_: exchange.set_selection_count(len(window.contacts.selected_rows()))
    )
    exchange.set_selection_count(len(window.contacts.selected_rows()))
    exchange.exported.connect(exported)
    exchange.export_failed.connect(window.notice.show_message)
    exchange.import_failed.connect(window.notice.show_message)
    events.contacts_imported.connect(messages.imported)
    events.edit_failed.connect(messages.refused)
    events.sync_finished.connect(messages.sync_finished)
    events.sync_failed.connect(messages.sync_failed)
    return exchange
