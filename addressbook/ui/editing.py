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

from PySide6.QtCore import QObject, Qt

from addressbook.core.models import Contact
from addressbook.ui.main_window import MainWindow
from addressbook.ui.undo import UndoHistory, names_of
from addressbook.workers import SyncWorker

# A confirmation lists this many names, then "and N more".
_NAMES_LISTED = 8

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
        self._edits: dict[int, tuple[Contact | None, dict[str, Any]]] = {}
        self._conflicts_seen: set[int] = set()
        self._pending: list[Any] = []
        self._conflicts: list[Any] = []
        self.conflict_dialog: ConflictDialog | None = None
        window.new_contact_requested.connect(self.new_contact)
        window.edit_contact_requested.connect(self.edit_selected)
        window.delete_contacts_requested.connect(self.delete_selected)
        window.resolve_conflict_requested.connect(self.resolve)
        window.edit_refused_requested.connect(self.edit_refused)
        window.status.conflicts_clicked.connect(self.open_conflicts)
        self.history = UndoHistory(
            window.undo_stack, worker, events, self._take_token, window.tell, self
        )
        self.history.rows_lookup = self._id_now
        self.history.contact_restored.connect(self._select)
        window.toast.undo_clicked.connect(self.history.stack.undo)
        self._following: list[Contact] = []  # selected after a save or an undo
        events.contacts_changed.connect(self._keep_following)
        events.contact_saved.connect(self._saved)
        events.edit_failed.connect(self._failed)
        events.outbox_changed.connect(self._outbox_changed)

    # -- create and edit --------------------------------------------------------------
    def new_contact(self) -> SavingContactDialog | None:
        from addressbook.ui.saving_contact_dialog import SavingContactDialog

        clients = self.window.sidebar_model.active_clients()
        if not clients:
            why = "Sync first" if self.window.contacts.signed_in else "Sign in first"
            self.window.status.showMessage(f"{why}: a contact needs a Harvest client.", 5000)
            return None
        # The selected contact's client first (Ctrl+N beside a colleague), else the sidebar's.
        current = self.window.contacts.current_row()
        preselected = current.client_id if current is not None else None
        if preselected is None:
            preselected = self.window.selected_client_id()
        dialog = SavingContactDialog(
            clients,
            None,
            preselected_client_id=preselected,
            existing=self._existing(),
            parent=self.window,
        )
        return self._open(dialog)

    def edit_selected(self) -> SavingContactDialog | None:
        rows = self.window.contacts.selected_rows()
        if len(rows) != 1:
            return None
        from addressbook.ui.saving_contact_dialog import SavingContactDialog

        dialog = SavingContactDialog(
            self.window.sidebar_model.clients(),
            rows[0].contact,
            existing=self._existing(),
            parent=self.window,
        )
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
        dialog = SavingContactDialog(
            self.window.sidebar_model.clients(),
            row.contact,
            refused=entry,
            existing=self._existing(),
            parent=self.window,
        )
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

    def _take_token(self) -> int:
        token, self._next_token = self._next_token, self._next_token + 1
        return token

    def _save(self, dialog: SavingContactDialog) -> None:
        token = self._take_token()
        self._dialogs[token] = dialog
        original = dialog.contact
        if original is None:
            self._edits[token] = (None, {})
            self.worker.create_requested.emit(token, Contact(id=None, **dialog.values()))
            return
        changes = dialog.changes()
        self._edits[token] = (original, changes)
        if changes:
            self.worker.update_requested.emit(token, original.id, changes)
        elif dialog.refused is not None:  # as it was: send it again (fixed in Harvest?)
            self.worker.retry_requested.emit(token, dialog.refused.id)
        else:
            del self._dialogs[token]
            dialog.close_saved()

    def _saved(self, token: int, contact: Contact) -> None:
        if self.history.owns(token):
            return  # an undo or redo: the history says what happened
        dialog = self._dialogs.pop(token, None)
        if dialog is not None:
            dialog.close_saved()
        original, changes = self._edits.pop(token, (None, {}))
        if original is not None:
            self.history.edited(original, changes)
        elif dialog is not None and dialog.contact is None:
            self.history.created(contact)
        if contact.id is not None:
            self._select([contact.id])
        self.window.tell(f"Saved {contact.full_name}.")

    def _select(self, contact_ids: list[int]) -> None:
        """Show the contacts an edit, an undo or a redo touched, and keep them selected
        when Harvest gives a new contact its real id."""
        if contact_ids:
            rows = map(self.window.contacts_model.find_row, contact_ids)
            self._following = [row.contact for row in rows if row is not None]
            self.window.contacts.select_contacts(contact_ids, contact_ids[0])

    def _keep_following(self, *_delta: Any) -> None:
        if not self._following or self.window.contacts.selected_rows():
            return
        found = [self._id_now(contact) for contact in self._following]
        ids = [contact_id for contact_id in found if contact_id is not None]
        if ids:
            self.window.contacts.select_contacts(ids, ids[0])

    def _id_now(self, contact: Contact) -> int | None:
        """The id a contact has now (a contact created again, or given its Harvest id,
        has another): found by id, else by client, name and email."""
        model = self.window.contacts_model
        if contact.id is not None and model.find_row(contact.id) is not None:
            return contact.id
        same = (contact.client_id, contact.first_name, contact.last_name, contact.email)
        for row in model.all_rows():
            found = row.contact
            if (found.client_id, found.first_name, found.last_name, found.email) == same:
                return found.id
        return None

    def _failed(self, token: int, message: str, fields: dict[str, list[str]]) -> None:
        self._edits.pop(token, None)
        if self.history.owns(token):
            return
        dialog = self._dialogs.pop(token, None)
        if dialog is None:
            self.window.tell(message)
            return
        dialog.show_server_errors([message] if not fields else [], fields)

    # -- delete (undone through the history) ------------------------------------------
    def delete_selected(self) -> QMessageBox | None:
        """One contact goes at once (Ctrl+Z and the toast bring it back); several are
        confirmed first, by name. Returns the question, when one is asked."""
        rows = self.window.contacts.selected_rows()
        if not rows:
            return None
        contacts = [row.contact for row in rows]
        if len(contacts) == 1:
            self._delete(contacts)
            return None
        return self._confirm_delete(contacts)

    def _confirm_delete(self, contacts: list[Contact]) -> QMessageBox:
        from PySide6.QtWidgets import QMessageBox  # its enums cost start-up time: first use

        title = f"Delete {len(contacts)} contacts"
        listed = [contact.full_name for contact in contacts[:_NAMES_LISTED]]
        more = len(contacts) - len(listed)
        names = "\n".join(listed) + (f"\nand {more} more" if more else "")
        box = QMessageBox(
            QMessageBox.Icon.Question,
            title,
            f"{title}?\n\n{names}\n\nEdit › Undo (Ctrl+Z) brings them back.",
            QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        delete = box.addButton(title, QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        delete.clicked.connect(lambda: self._delete(contacts))
        box.finished.connect(box.deleteLater)
        box.open()
        return box

    def _delete(self, contacts: list[Contact]) -> None:
        self._following = []
        self.window.contacts.select_after_removing([c.id for c in contacts if c.id is not None])
        self.history.delete(contacts)
        message = f"Deleted {names_of(contacts)}."
        self.window.toast.offer(message)
        self.window.tell(f"{message} Undo with Control+Z.", shown=False)

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
        dialog = ConflictDialog(
            conflict,
            contact_name=row.contact.full_name if row else "",
            client_names=names,
            parent=self.window,
        )
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
