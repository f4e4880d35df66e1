"""Create, edit, delete (with Undo) and conflict resolution: dialogs in, worker requests out.

A contact dialog stays open until the worker has written the change to the
cache, so a refusal is shown inline in the dialog with the typed input kept.
A change Harvest refused later (at sync) opens the same dialog from the
Unsynced changes panel, with Harvest's words inline; saving queues it again.
A conflict opens its dialog once by itself; after "Decide later" it is one
click away: "Resolve…" in the panel, or the "1 conflict" button in the status bar.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from addressbook.core.models import Contact
from addressbook.core.words import counted
from addressbook.ui.main_window import MainWindow
from addressbook.workers import SyncWorker

if TYPE_CHECKING:  # imported when first needed: they are not on the start-up path
    from PySide6.QtWidgets import QMessageBox

    from addressbook.ui.dialogs import ConflictDialog
    from addressbook.ui.saving_contact_dialog import SavingContactDialog

log = logging.getLogger(__name__)


class EditController(QObject):
    def __init__(self, window: MainWindow, worker: SyncWorker, events: Any) -> None:
        super().__init__(window)
        self.window, self.worker = window, worker
        self._dialogs: dict[int, SavingContactDialog] = {}
        self._next_token = 1
        self._deleted: list[Contact] = []
        self._conflicts_seen: set[int] = set()
        self._pending: list[Any] = []
        self._conflicts: list[Any] = []
        self.conflict_dialog: ConflictDialog | None = None
        window.new_contact_requested.connect(self.new_contact)
        window.edit_contact_requested.connect(self.edit_selected)
        window.delete_contacts_requested.connect(self.delete_selected)
        window.resolve_conflict_requested.connect(self.resolve)
        window.edit_refused_requested.connect(self.edit_refused)
        window.status.undo_clicked.connect(self.undo_delete)
        window.status.conflicts_clicked.connect(self.open_conflicts)
        events.contact_saved.connect(self._saved)
        events.edit_failed.connect(self._failed)
        events.outbox_changed.connect(self._outbox_changed)
        events.deletes_undone.connect(self._undone)

    # -- create and edit --------------------------------------------------------------
    def new_contact(self) -> SavingContactDialog | None:
        from addressbook.ui.saving_contact_dialog import SavingContactDialog

        clients = self.window.sidebar_model.active_clients()
        if not clients:
            self.window.status.showMessage("Sync first: a contact needs a client.", 5000)
            return None
        preselected = self.window.selected_client_id()
        current = self.window.contacts.current_row()
        if preselected is None and current is not None:
            preselected = current.client_id
        dialog = SavingContactDialog(clients, None, preselected_client_id=preselected,
                                     existing=self._existing(), parent=self.window)
        return self._open(dialog)

    def edit_selected(self) -> SavingContactDialog | None:
        rows = self.window.contacts.selected_rows()
        if len(rows) != 1:
            return None
        from addressbook.ui.saving_contact_dialog import SavingContactDialog

        dialog = SavingContactDialog(self.window.sidebar_model.clients(), rows[0].contact,
                                     existing=self._existing(), parent=self.window)
        return self._open(dialog)

    def edit_refused(self, pending_id: int) -> SavingContactDialog | None:
        """The contact as the user typed it, with Harvest's refusal under the fields."""
        from addressbook.ui.saving_contact_dialog import SavingContactDialog
        from addressbook.ui.server_errors import split_server_error

        entry = next((p for p in self._pending if p.id == pending_id), None)
        row = self.window.contacts_model.find_row(entry.contact_id) if entry else None
        if entry is None or row is None:
            self.window.status.showMessage("That change is no longer queued.", 5000)
            return None
        dialog = SavingContactDialog(self.window.sidebar_model.clients(), row.contact,
                                     refused=entry, existing=self._existing(),
                                     parent=self.window)
        self._open(dialog)
        dialog.show_server_errors(*split_server_error(entry.error))
        return dialog

    def _existing(self) -> list[Contact]:
        """Every loaded contact, for the dialog's "already exists?" warning."""
        return self.window.contacts_model.all_contacts()

    def _open(self, dialog: SavingContactDialog) -> SavingContactDialog:
        dialog.save_requested.connect(lambda: self._save(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _save(self, dialog: SavingContactDialog) -> None:
        token, self._next_token = self._next_token, self._next_token + 1
        self._dialogs[token] = dialog
        original = dialog.contact
        if original is None:
            self.worker.create_requested.emit(token, Contact(id=None, **dialog.values()))
            return
        changes = dialog.changes()
        if changes:
            self.worker.update_requested.emit(token, original.id, changes)
        elif dialog.refused is not None:  # as it was: send it again (fixed in Harvest?)
            self.worker.retry_requested.emit(token, dialog.refused.id)
        else:
            del self._dialogs[token]
            dialog.close_saved()

    def _saved(self, token: int, contact: Contact) -> None:
        dialog = self._dialogs.pop(token, None)
        if dialog is not None:
            dialog.close_saved()
        if contact.id is not None:
            self.window.contacts.select_contacts([contact.id], contact.id)
        self.window.status.showMessage(f"Saved {contact.full_name}.", 4000)

    def _failed(self, token: int, message: str, fields: dict[str, list[str]]) -> None:
        dialog = self._dialogs.pop(token, None)
        if dialog is None:
            self.window.status.showMessage(message, 8000)
            return
        dialog.show_server_errors([message] if not fields else [], fields)

    # -- delete and undo --------------------------------------------------------------
    def delete_selected(self) -> QMessageBox | None:
        from PySide6.QtWidgets import QMessageBox  # its enums cost start-up time: first use

        rows = self.window.contacts.selected_rows()
        if not rows:
            return None
        what = rows[0].contact.full_name if len(rows) == 1 else f"{len(rows)} contacts"
        box = QMessageBox(QMessageBox.Icon.Question, "Delete contacts",
                          f"Delete {what}?\n\nThe delete is sent to Harvest; "
                          "you can undo it for a few seconds.",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self.window)
        box.setAccessibleName("Confirm delete")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        contacts = [row.contact for row in rows]
        box.finished.connect(lambda result: self._confirmed(result, contacts, what))
        box.finished.connect(box.deleteLater)
        box.open()
        return box

    def _confirmed(self, result: int, contacts: list[Contact], what: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        if result != QMessageBox.StandardButton.Yes:
            return
        self._deleted = contacts
        self.worker.delete_requested.emit(contacts)
        self.window.status.offer_undo(f"Deleted {what}.")

    def undo_delete(self) -> None:
        if self._deleted:
            self.worker.undo_delete_requested.emit(self._deleted)
            self._deleted = []

    def _undone(self, count: int) -> None:
        self.window.status.showMessage(
            f"Restored {counted(count, 'contact')}.", 4000)

    # -- conflicts --------------------------------------------------------------------
    def _outbox_changed(self, pending: list[Any], _dirty: Any, conflicts: list[Any]) -> None:
        self._pending, self._conflicts = list(pending), list(conflicts)
        if self.conflict_dialog is not None:
            return
        fresh = [c for c in conflicts if c.contact_id not in self._conflicts_seen]
        if fresh:
            self.open_conflict(fresh[0])

    def open_conflicts(self) -> ConflictDialog | None:
        """The status bar's "N conflicts": the list, and the oldest conflict to decide now."""
        self.window.show_outbox()
        return self.resolve(self._conflicts[0].contact_id) if self._conflicts else None

    def resolve(self, contact_id: int) -> ConflictDialog | None:
        if self.conflict_dialog is not None:  # one decision at a time: bring it forward
            self.conflict_dialog.raise_()
            self.conflict_dialog.activateWindow()
            return self.conflict_dialog
        conflict = next((c for c in self._conflicts if c.contact_id == contact_id), None)
        return self.open_conflict(conflict) if conflict is not None else None

    def open_conflict(self, conflict: Any) -> ConflictDialog:
        from addressbook.ui.dialogs import ConflictDialog

        self._conflicts_seen.add(conflict.contact_id)
        row = self.window.contacts_model.find_row(conflict.contact_id)
        names = {client.id: client.name for client in self.window.sidebar_model.clients()}
        dialog = ConflictDialog(conflict, contact_name=row.contact.full_name if row else "",
                                client_names=names, parent=self.window)
        dialog.finished.connect(lambda result: self._resolved(dialog, conflict, result))
        self.conflict_dialog = dialog
        dialog.open()
        return dialog

    def _resolved(self, dialog: ConflictDialog, conflict: Any, result: int) -> None:
        from PySide6.QtWidgets import QDialog

        self.conflict_dialog = None
        if result == QDialog.DialogCode.Accepted:
            self.worker.resolve_requested.emit(conflict.contact_id, dialog.choices())
        dialog.deleteLater()
