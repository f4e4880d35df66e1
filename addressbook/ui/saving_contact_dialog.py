"""The contact dialog as the app uses it: it closes only once the worker saved the change."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget

from addressbook.core.models import Client, Contact
from addressbook.ui.dialogs import ContactDialog


class SavingContactDialog(ContactDialog):
    """OK asks for a save; a refusal is then shown inline with the typed input kept."""

    save_requested = Signal()

    def __init__(self, clients: list[Client], contact: Contact | None = None, *,
                 preselected_client_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(clients, contact, preselected_client_id=preselected_client_id,
                         parent=parent)
        self.contact = contact

    def accept(self) -> None:
        if self.validate():
            super().accept()  # shows the problems and stays open
            return
        self.save_requested.emit()

    def close_saved(self) -> None:
        QDialog.accept(self)
