"""Undo and Redo for this session's deletes, edits and creates, over a QUndoStack.

Each command talks to the worker as the user's own gesture would: an undone
edit queues the reverse change through the cache and outbox, an undone create
deletes the contact, an undone delete is handed to restore_deleted(). Commands
are pushed once the change was written (an edit, a create) or to perform it (a
delete), so the stack never holds a change the cache refused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from addressbook.core import words
from addressbook.core.models import EDITABLE_CONTACT_FIELDS, Contact

Tell = Callable[..., None]  # (text, *, urgent=False): the window says it


def restore_deleted(worker: Any, contacts: list[Contact]) -> None:
    """Bring deleted contacts back: a delete still queued is discarded from the outbox; one
    that reached Harvest is created again with every field (Session.undo_delete).

    The one place to switch to Cache.restore_from_trash (which keeps the history)."""
    worker.undo_delete_requested.emit(contacts)


def names_of(contacts: list[Contact]) -> str:
    return words.names_of([contact.full_name for contact in contacts])


class UndoHistory(QObject):
    """The window's QUndoStack and the worker answers its commands wait for."""

    contact_restored = Signal(object)  # list[int]: ids to select after an undo or redo

    def __init__(
        self,
        stack: QUndoStack,
        worker: Any,
        events: Any,
        take_token: Callable[[], int],
        tell: Tell,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker, self.take_token, self.tell = worker, take_token, tell
        self.stack = stack
        self._waiting: dict[int, Callable[[Contact], None]] = {}
        self._restoring: list[DeleteCommand] = []
        self.rows_lookup: Callable[[Contact], int | None] = lambda contact: contact.id
        events.contact_saved.connect(self._saved)
        events.edit_failed.connect(self._failed)
        events.deletes_undone.connect(self._undone)

    def owns(self, token: int) -> bool:
        return token in self._waiting

    # -- pushing ----------------------------------------------------------------------
    def delete(self, contacts: list[Contact]) -> None:
        self.stack.push(DeleteCommand(self, contacts))

    def edited(self, original: Contact, changes: dict[str, Any]) -> None:
        if not changes:
            return
        before = {name: getattr(original, name) for name in changes}
        self.stack.push(EditCommand(self, original.with_changes(changes), before, changes))

    def created(self, contact: Contact) -> None:
        if contact.id is not None:
            self.stack.push(CreateCommand(self, contact))

    # -- talking to the worker --------------------------------------------------------
    def save(self, write: Callable[[int], None], then: Callable[[Contact], None]) -> None:
        token = self.take_token()
        self._waiting[token] = then
        write(token)

    def restore(self, command: DeleteCommand) -> None:
        self._restoring.append(command)
        restore_deleted(self.worker, command.contacts)

    def _saved(self, token: int, contact: Contact) -> None:
        then = self._waiting.pop(token, None)
        if then is not None:
            then(contact)
            if contact.id is not None:
                self.contact_restored.emit([contact.id])

    def _failed(self, token: int, message: str, _fields: Any) -> None:
        if self._waiting.pop(token, None) is not None:
            self.tell(f"Could not undo: {message}", urgent=True)

    def _undone(self, count: int) -> None:
        if not self._restoring:
            return
        command = self._restoring.pop(0)
        if count == 0:  # the worker's notice says why none came back
            return
        command.contacts = [self.current(contact) for contact in command.contacts]
        self.tell(f"Restored {names_of(command.contacts)}.")
        self.contact_restored.emit([c.id for c in command.contacts if c.id is not None])

    def current(self, contact: Contact) -> Contact:
        """The contact with its id now: the same, or the one it got when it was created
        again (an undone delete) or when Harvest gave a new contact its real id."""
        found = self.rows_lookup(contact)
        return contact if found in (None, contact.id) else _with_id(contact, found)


def _with_id(contact: Contact, contact_id: int | None) -> Contact:
    values = {name: getattr(contact, name) for name in EDITABLE_CONTACT_FIELDS}
    return Contact(id=contact_id, **values)


class _Command(QUndoCommand):
    """Its first redo() is the push: a change already written is not written twice."""

    def __init__(self, history: UndoHistory, text: str, done: bool) -> None:
        super().__init__(text)
        self.history, self._skip_redo = history, done

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self.do()

    def do(self) -> None:
        raise NotImplementedError


class DeleteCommand(_Command):
    def __init__(self, history: UndoHistory, contacts: list[Contact]) -> None:
        super().__init__(history, f"Delete {names_of(contacts)}", done=False)
        self.contacts = contacts

    def do(self) -> None:
        self.contacts = [self.history.current(contact) for contact in self.contacts]
        self.history.worker.delete_requested.emit(self.contacts)

    def undo(self) -> None:
        self.history.restore(self)


class EditCommand(_Command):
    def __init__(
        self, history: UndoHistory, contact: Contact, before: dict[str, Any], after: dict[str, Any]
    ) -> None:
        super().__init__(history, f"Edit {contact.full_name}", done=True)
        self.contact, self.before, self.after = contact, before, after

    def _write(self, values: dict[str, Any], said: str) -> None:
        history, update = self.history, self.history.worker.update_requested
        contact_id = history.current(self.contact).id

        def written(contact: Contact) -> None:
            self.contact = contact
            history.tell(f"{said} {contact.full_name}.")

        history.save(lambda token: update.emit(token, contact_id, values), written)

    def do(self) -> None:
        self._write(self.after, "Edited")

    def undo(self) -> None:
        self._write(self.before, "Changes undone for")


class CreateCommand(_Command):
    def __init__(self, history: UndoHistory, contact: Contact) -> None:
        super().__init__(history, f"Add {contact.full_name}", done=True)
        self.contact = contact

    def do(self) -> None:
        fresh = _with_id(self.contact, None)
        create = self.history.worker.create_requested
        self.history.save(lambda token: create.emit(token, fresh), self._created)

    def _created(self, contact: Contact) -> None:
        self.contact = contact
        self.history.tell(f"Added {contact.full_name} again.")

    def undo(self) -> None:
        self.contact = self.history.current(self.contact)
        self.history.worker.delete_requested.emit([self.contact])
        self.history.tell(f"Removed {self.contact.full_name}.")
