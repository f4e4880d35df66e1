"""Import and export wired into the running app: File menu actions, the worker, the messages.

An import is handed to the worker, which queues every contact in one transaction
(all or none) and syncs; what came of it is said in the status bar, or in the
notice bar when it was refused, so the user can fix the file and try again.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import TYPE_CHECKING

from addressbook.core.models import Contact
from addressbook.core.words import counted
from addressbook.ui.exchange_actions import ExchangeActions

if TYPE_CHECKING:
    from addressbook.ui.main_window import MainWindow
    from addressbook.workers import SyncWorker, WorkerEvents

STATUS_MS = 8000
# Tokens for the worker's replies; far from the edit dialogs' own small numbers.
_tokens = itertools.count(1_000_000)


def install_exchange(
    window: MainWindow, worker: SyncWorker, events: WorkerEvents
) -> ExchangeActions:
    pending: set[int] = set()

    def queue_creates(contacts: list[Contact]) -> None:
        token = next(_tokens)
        pending.add(token)
        worker.import_requested.emit(token, contacts)

    def imported(token: int, count: int) -> None:
        if token in pending:
            pending.discard(token)
            window.status.showMessage(
                f"Imported {counted(count, 'contact')}; they go to Harvest with the next sync.",
                STATUS_MS,
            )

    def refused(token: int, message: str, _fields: object) -> None:
        if token in pending:
            pending.discard(token)
            window.notice.show_message(f"Nothing was imported: {message}")

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
    )
    exchange.import_action.setObjectName("action_import")
    exchange.export_all_action.setObjectName("action_export_all")
    exchange.export_selected_action.setObjectName("action_export_selected")
    window.add_file_actions(
        [exchange.import_action, exchange.export_all_action, exchange.export_selected_action]
    )
    exchange.exported.connect(exported)
    exchange.export_failed.connect(window.notice.show_message)
    exchange.import_failed.connect(window.notice.show_message)
    events.contacts_imported.connect(imported)
    events.edit_failed.connect(refused)
    return exchange
