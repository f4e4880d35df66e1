"""Create or edit one contact, validated as the user types.

Values are kept as typed: only whitespace around a value is trimmed, and a
field the user did not touch keeps its original value byte for byte (phone
numbers are never reformatted; "555 0101 ext 12, ask Jenny" stays as it is).
In edit mode a value that was already odd on the server is only a warning,
so an old record never blocks fixing another field of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QCloseEvent, QKeySequence, QPaintEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from addressbook.core import (
    CONTACT_FIELD_LABELS,
    EDITABLE_CONTACT_FIELDS,
    Client,
    Contact,
    validate_field,
)
from addressbook.core.duplicates import DuplicateIndex, describe_duplicate
from addressbook.core.models import changed_fields

from .contact_form import (
    REQUIRED_FIELDS,
    TEXT_FIELDS,
    FieldRow,
    build_rows,
    client_choices,
    fill_client_combo,
    paint_outlines,
)
from .contact_hints import field_hints
from .messages import InlineMessage, Level, ask_to_discard, grow_to_fit

# Room for a few lines of messages from the start, so the dialog does not grow as they come.
_MESSAGE_LINES_RESERVED = 4

Problems = dict[str, list[str]]

# Server field names (XML "phone-office", or "client") to ours.
_SERVER_FIELD_ALIASES = {"client": "client_id"}


class ContactDialog(QDialog):
    def __init__(
        self,
        clients: list[Client],
        contact: Contact | None = None,
        *,
        preselected_client_id: int | None = None,
        existing: Sequence[Contact] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._original = contact
        # Built once: each keystroke then costs two dict look-ups, even with 100,000 contacts.
        editing_id = contact.id if contact else None
        self._duplicates = DuplicateIndex.build(existing, exclude_id=editing_id)
        self._client_names = {client.id: client.name for client in clients}
        self._server_errors: Problems = {}
        # Fields the user has left (focus out): their errors show, and follow the typing.
        self._touched: set[str] = set()
        self._invalid: list[str] = []  # fields outlined as invalid
        self._show_all = contact is not None
        self.setWindowTitle(f"Edit {contact.full_name}" if contact else "New contact")
        self._build()
        keep = contact.client_id if contact else None
        fill_client_combo(self.client_combo, client_choices(clients, keep))
        self._fill(contact, preselected_client_id, single_choice=self.client_combo.count() == 1)
        self._initial_state = self._raw_state()
        self._connect()
        self._refresh()

    # -- building -----------------------------------------------------------------
    def _build(self) -> None:
        self.banner = InlineMessage("Messages from the server", banner=True)
        form = QGridLayout()
        form.setVerticalSpacing(4)
        self.rows: dict[str, FieldRow] = build_rows(form)
        combo = self.rows["client_id"].editor
        assert isinstance(combo, QComboBox)
        self.client_combo: QComboBox = combo
        self.editors: dict[str, QLineEdit] = {
            name: row.editor for name, row in self.rows.items() if isinstance(row.editor, QLineEdit)
        }
        self.messages = {name: row.message for name, row in self.rows.items()}
        self.duplicate_label = InlineMessage("Possible duplicate")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.ok_button.setAccessibleName("Save contact")
        self.ok_button.setToolTip("Save (Ctrl+Return)")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.duplicate_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [row.editor for row in self.rows.values()]
        chain += [self.ok_button, self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _fill(self, contact: Contact | None, preselected: int | None, single_choice: bool) -> None:
        client_id = contact.client_id if contact else preselected
        index = self.client_combo.findData(client_id) if client_id is not None else -1
        if contact is not None and index < 0:
            # A client this computer does not know (yet): keep it rather than lose it.
            self.client_combo.addItem(f"Client {contact.client_id}", contact.client_id)
            self.client_combo.setEnabled(True)
            index = self.client_combo.count() - 1
        if index < 0 and single_choice and contact is None:
            index = 0
        self.client_combo.setCurrentIndex(index)
        for name, editor in self.editors.items():
            editor.setText(self._original_text(name))
            editor.setCursorPosition(0)
        focus = "first_name" if contact is None and index >= 0 else None
        (self.editors[focus] if focus else self.rows["client_id"].editor).setFocus()

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for name, editor in self.editors.items():
            # textChanged alone, once per keystroke (textEdited too would refresh twice);
            # isModified() tells the user's typing, the clear button included, from setText.
            editor.textChanged.connect(lambda _text, name=name: self._text_changed(name))
        for row in self.rows.values():
            row.editor.installEventFilter(self)  # leaving a field shows its errors
        self.client_combo.currentIndexChanged.connect(self._refresh)
        self.client_combo.activated.connect(lambda _index: self._user_edited("client_id"))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)

    # -- reading ------------------------------------------------------------------
    def _original_text(self, name: str) -> str:
        value = getattr(self._original, name, None) if self._original else None
        return "" if value is None else str(value)

    def _unchanged(self, name: str) -> bool:
        if self._original is None:
            return False
        if name == "client_id":
            return bool(self.client_combo.currentData() == self._original.client_id)
        return self.editors[name].text() == self._original_text(name)

    def _value(self, name: str) -> Any:
        if self._original is not None and self._unchanged(name):
            return getattr(self._original, name)
        if name == "client_id":
            data = self.client_combo.currentData()
            return int(data) if data is not None else None
        return self.editors[name].text().strip() or None

    def values(self) -> dict[str, Any]:
        """Every editable field: text trimmed, blank as None, client_id an int (or None)."""
        return {name: self._value(name) for name in EDITABLE_CONTACT_FIELDS}

    def changes(self) -> dict[str, Any]:
        """Only the fields that differ from the contact being edited; everything when creating."""
        values = self.values()
        if self._original is None:
            return values
        return changed_fields(self._original, self._original.with_changes(values))

    def is_modified(self) -> bool:
        return self._raw_state() != self._initial_state

    def _raw_state(self) -> tuple[Any, ...]:
        texts = (self.editors[name].text() for name in TEXT_FIELDS)
        return (self.client_combo.currentData(), *texts)

    # -- validation -----------------------------------------------------------------
    def _errors(self, name: str, value: Any) -> list[str]:
        local = [] if self._unchanged(name) else validate_field(name, value)
        return local + self._server_errors.get(name, [])

    def _warnings(self, name: str, value: Any) -> list[str]:
        legacy = validate_field(name, value) if self._unchanged(name) else []
        kept = [f"{message.rstrip('.')} (unchanged, so it is kept)." for message in legacy]
        return kept + field_hints(name, value)

    def validate(self, values: dict[str, Any] | None = None) -> Problems:
        """What stops the contact from being saved, by field; empty when it can be saved.
        values: self.values(), when the caller has them already."""
        values = self.values() if values is None else values
        problems = {name: self._errors(name, value) for name, value in values.items()}
        return {name: found for name, found in problems.items() if found}

    def warnings(self, values: dict[str, Any] | None = None) -> Problems:
        values = self.values() if values is None else values
        found = {name: self._warnings(name, value) for name, value in values.items()}
        return {name: messages for name, messages in found.items() if messages}

    def duplicate_warnings(self, values: dict[str, Any] | None = None) -> list[str]:
        """Existing contacts that look like this one; advice only, Save stays enabled."""
        values = self.values() if values is None else values
        twins = self._duplicates.matches(
            values["client_id"],
            values["first_name"],
            values["last_name"],
            values["email"],
            original=self._original,
        )
        return [describe_duplicate(twin, self._client_names.get(twin.client_id)) for twin in twins]

    def _refresh(self) -> None:
        values = self.values()
        problems, warnings = self.validate(values), self.warnings(values)
        self.duplicate_label.show_message("\n".join(self.duplicate_warnings(values)), Level.WARNING)
        shown_problems = []
        for name, message in self.messages.items():
            shown = problems.get(name, []) if self._show_all or name in self._touched else []
            message.show_messages(shown, warnings.get(name, []))
            self._describe_field(name, shown, message.text())
            if shown:
                shown_problems.append(name)
        # Save stays enabled until a save was tried: pressing it shows every error and
        # focuses the first. From then on it waits for the fixes, the reasons in view.
        reasons = " ".join(m for name in shown_problems for m in problems[name])
        self.ok_button.setEnabled(not (problems and self._show_all))
        self.ok_button.setToolTip(
            f"Cannot save yet: {reasons}" if reasons else "Save (Ctrl+Return)"
        )
        self.ok_button.setAccessibleDescription(self.ok_button.toolTip())
        if shown_problems != self._invalid:
            self._invalid = shown_problems
            self.update()  # the outlines
        grow_to_fit(self)

    def _describe_field(self, name: str, problems: list[str], text: str) -> None:
        """A screen reader hears on the field itself that it is required and what is wrong."""
        label = CONTACT_FIELD_LABELS[name]
        required = ", required" if name in REQUIRED_FIELDS else ""
        invalid = ", invalid entry" if problems else ""
        editor = self.rows[name].editor
        editor.setAccessibleName(f"{label}{required}{invalid}")
        editor.setAccessibleDescription(text)

    def invalid_fields(self) -> list[str]:
        """The fields outlined as invalid (their errors are shown under them)."""
        return list(self._invalid)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        paint_outlines(self, [self.rows[name].editor for name in self._invalid])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusOut:
            name = next((n for n, row in self.rows.items() if row.editor is watched), None)
            if name is not None and name not in self._touched and self.isVisible():
                self._touched.add(name)
                self._refresh()
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not getattr(self, "_sized", False):
            self._sized = True
            room = self.fontMetrics().lineSpacing() * _MESSAGE_LINES_RESERVED
            self.resize(max(self.width(), 480), self.sizeHint().height() + room)

    def _text_changed(self, name: str) -> None:
        if self.editors[name].isModified():
            self._mark_edited(name)
        self._refresh()

    def _user_edited(self, name: str) -> None:
        self._mark_edited(name)
        self._touched.add(name)  # a choice made in a list is a field finished with
        self._refresh()

    def _mark_edited(self, name: str) -> None:
        self._server_errors.pop(name, None)  # the user answered the server; check afresh

    # -- server errors ------------------------------------------------------------------
    def show_server_errors(self, errors: list[str], fields: dict[str, list[str]]) -> None:
        """Show what the server refused, per field where known; the typed input stays."""
        self._server_errors = {}
        general = list(errors)
        for key, messages in fields.items():
            name = _SERVER_FIELD_ALIASES.get(key, key.replace("-", "_"))
            if name in self.rows:
                self._server_errors.setdefault(name, []).extend(messages)
                general = [text for text in general if text not in messages]
            else:
                general += [text for text in messages if text not in general]
        text = "\n".join(general)
        self.banner.show_message(f"The server did not accept the contact:\n{text}" if text else "")
        self._show_all = True
        self._refresh()
        self._focus_first_problem()

    def _focus_first_problem(self) -> None:
        problems = self.validate()
        for name, row in self.rows.items():
            if name in problems:
                row.editor.setFocus()
                if isinstance(row.editor, QLineEdit):
                    row.editor.selectAll()
                return

    # -- closing ------------------------------------------------------------------------
    def accept(self) -> None:
        if self.validate():
            self._show_all = True
            self._refresh()
            self._focus_first_problem()
            return
        super().accept()

    def reject(self) -> None:
        if self.is_modified() and not self._confirm_discard():
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        # The window's close button asks like Esc does; a close() from code (the app
        # quitting, a test tearing down) must never wait on a question nobody sees.
        if event.spontaneous():
            super().closeEvent(event)
            return
        self.done(QDialog.DialogCode.Rejected)
        event.accept()

    def _confirm_discard(self) -> bool:
        what = self._original.full_name if self._original else "the new contact"
        return ask_to_discard(self, "Discard changes?", f"Discard your changes to {what}?")
