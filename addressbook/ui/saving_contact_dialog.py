"""The contact dialog as the app uses it: it closes only once the worker saved the change.

While the worker writes, the dialog is "Saving…": Save and Cancel are off and
the fields read-only, so a second click cannot queue the contact twice. A
refusal brings the dialog back, with the typed input kept and the reason inline.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from addressbook.core.models import Client, Contact
from addressbook.ui.dialogs import ContactDialog
from addressbook.ui.dialogs.messages import Level

SAVING_TEXT = "Saving…"
REFUSED_TEXT = "Harvest refused this change. Fix what is marked, then save to send it again."


class SavingContactDialog(ContactDialog):
    """OK asks for a save; a refusal is then shown inline with the typed input kept."""

    save_requested = Signal()
    saving = False  # between OK and the worker's answer

    def __init__(
        self,
        clients: list[Client],
        contact: Contact | None = None,
        *,
        preselected_client_id: int | None = None,
        refused: Any = None,
        existing: Sequence[Contact] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            clients,
            contact,
            preselected_client_id=preselected_client_id,
            existing=existing,
            parent=parent,
        )
        self.contact = contact
        self.refused = refused  # the PendingChange Harvest refused, when editing one
        self._save_text = self.ok_button.text()
        self._enabled: dict[str, bool] = {}
        if refused is not None:
            self.setWindowTitle(f"Fix {contact.full_name if contact else 'the contact'}")

    def accept(self) -> None:
        if self.saving:
            return
        if self.validate():
            super().accept()  # shows the problems and stays open
            return
        self.set_saving(True)
        self.save_requested.emit()

    def reject(self) -> None:
        if not self.saving:
            super().reject()

    def set_saving(self, saving: bool) -> None:
        if saving == self.saving:
            return
        self.saving = saving
        if saving:
            self._enabled = {name: row.editor.isEnabled() for name, row in self.rows.items()}
        for name, row in self.rows.items():
            row.editor.setEnabled(not saving and self._enabled.get(name, True))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(not saving)
        self.ok_button.setText(SAVING_TEXT if saving else self._save_text)
        self._refresh()

    def _refresh(self) -> None:
        super()._refresh()
        if self.saving:
            self.ok_button.setEnabled(False)

    def show_server_errors(self, errors: list[str], fields: dict[str, list[str]]) -> None:
        if self.saving:
            self.set_saving(False)
        super().show_server_errors(errors, fields)
        if self.refused is not None and not errors:  # say why the dialog is here
            self.banner.show_message(REFUSED_TEXT, Level.WARNING)

    def close_saved(self) -> None:
        self.saving = False
        QDialog.accept(self)
