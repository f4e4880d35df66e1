"""Wires the clean-up view, the trash and the history section to the worker.

The scan, the trash list and a contact's history are worker jobs; they run again
(debounced) whenever the contacts change, a sync finishes, or a fix is applied.
Every fix is a QUndoCommand on the window's undo stack; the history is a section of
the contact card.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter, QVBoxLayout, QWidget

from addressbook.cleanup.phones import preview_candidates
from addressbook.cleanup.scan import scan
from addressbook.core.models import Contact
from addressbook.ui.cleanup.cleanup_view import CleanupView
from addressbook.ui.cleanup.commands import (
    MergeCommand,
    PhoneBatchCommand,
    RestoreFromTrashCommand,
    RestoreVersionCommand,
)
from addressbook.ui.cleanup.history_widget import HistoryWidget
from addressbook.ui.cleanup.jobs import JobRunner
from addressbook.ui.cleanup.sidebar_entries import CleanupEntries
from addressbook.ui.cleanup.trash_view import TrashView

RESCAN_DELAY_MS = 400


def _scan_job(cache: Any) -> tuple[Any, list[Any], list[Any], int]:
    """On the worker: the scan over what the user sees, the trash, and its keep in days."""
    contacts, clients = cache.contacts(), cache.clients()
    return scan(contacts, clients), clients, cache.trash(), cache.trash_keep.days


class CleanupController(QObject):
    def __init__(self, window: Any, worker: Any, events: Any) -> None:
        super().__init__(window)
        self.window = window
        self.runner = JobRunner(worker, events, self)
        self.undo_stack: QUndoStack = window.undo_stack
        self.entries = CleanupEntries()
        self.view = CleanupView()
        self.trash_view = TrashView()
        self.history = HistoryWidget()
        self.cleanup_dock = self._dock("Clean up", "cleanup_dock", self.view)
        self.trash_dock = self._dock("Trash", "trash_dock", self.trash_view)
        window.tabifyDockWidget(self.cleanup_dock, self.trash_dock)
        window.details.add_section(self.history)
        self._place_entries()
        self._remember_region(window.settings)
        self._add_menu_entries()
        self._scan_timer = QTimer(self, singleShot=True, interval=RESCAN_DELAY_MS)
        self._scan_timer.timeout.connect(self.rescan)
        self._scanning = self._again = False
        self._syncing = self._wanted = False  # a sync is running / a scan waits for its end
        self._connect(events)

    # -- construction ------------------------------------------------------------------
    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setAccessibleName(title)
        dock.setWidget(widget)
        self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.hide()
        return dock

    def _place_entries(self) -> None:
        """Under the client tree: the sidebar and the entries share one column."""
        sidebar = self.window.sidebar
        splitter: QSplitter = self.window.splitter
        # Kept here too: the splitter owns it in C++, which Python cannot see.
        self.sidebar_column = column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        splitter.replaceWidget(splitter.indexOf(sidebar), column)
        layout.addWidget(sidebar, 1)
        layout.addWidget(self.entries)
        sidebar.show()

    def _remember_region(self, settings: Any) -> None:
        """The region the user chose last time (the system locale's until then)."""
        from addressbook.settings import Preferences

        region = self.view.phones.region
        if (saved := settings.get(Preferences.PHONE_REGION)) and region.findData(saved) >= 0:
            region.setCurrentIndex(region.findData(saved))
        region.currentIndexChanged.connect(
            lambda: settings.set(Preferences.PHONE_REGION, str(region.currentData()))
        )

    def _connect(self, events: Any) -> None:
        events.contacts_loaded.connect(self.schedule_scan)
        events.contacts_changed.connect(self.schedule_scan)
        events.sync_started.connect(self._sync_started)
        events.sync_finished.connect(self._synced)
        # A sync ends in one of these three (sign_in_failed: Harvest refused the password).
        events.sync_failed.connect(lambda _message: self._synced(None))
        events.sign_in_failed.connect(lambda _message, _kind: self._synced(None))
        events.contacts_changed.connect(self._refresh_history)
        events.signed_out.connect(lambda: self.entries.set_counts(None, None))
        self.entries.cleanup_clicked.connect(lambda: self._open(self.cleanup_dock))
        self.entries.trash_clicked.connect(lambda: self._open(self.trash_dock))
        self.view.merge_requested.connect(self.open_merge)
        self.view.contact_activated.connect(self._show_contact)
        self.view.contacts_chosen.connect(self._select_contacts)
        self.view.phones.preview_requested.connect(self._preview_phones)
        self.view.phones.apply_requested.connect(self.apply_phones)
        self.trash_view.restore_requested.connect(self.restore)
        self.trash_view.empty_requested.connect(self.empty_trash)
        self.history.restore_requested.connect(self.restore_version)
        self.window.contacts.selection_changed.connect(self._refresh_history)
        self.window.closing.connect(self._scan_timer.stop)

    def _add_menu_entries(self) -> None:
        """Clean up and Trash in the Contact menu too: the keyboard's way in."""
        menu = getattr(self.window, "menus", {}).get("&Contact")
        if menu is None:
            return
        menu.addSeparator()
        for text, dock in (("Clean &up…", self.cleanup_dock), ("&Trash…", self.trash_dock)):
            action = menu.addAction(text)
            action.triggered.connect(lambda _=False, shown=dock: self._open(shown))

    def _open(self, dock: QDockWidget) -> None:
        dock.show()
        dock.raise_()
        self.schedule_scan()

    # -- the scan ----------------------------------------------------------------------
    def schedule_scan(self, *_: object) -> None:
        """Soon, once changes stop; during a sync, once it ends. A scan of 100k costs the
        worker most of a second, and while it runs every Python call the window makes
        waits for the worker's GIL slices: one scan per sync, not one per page of it."""
        if self._syncing:
            self._wanted = True
            return
        self._scan_timer.start()

    def _sync_started(self) -> None:
        self._syncing = True

    def _synced(self, report: Any) -> None:
        """Changed contacts asked for a scan already; clients (active or not) and the
        trash's purge change the lists without a contact change. A sync that only
        checked runs none."""
        self._syncing = False
        wanted, self._wanted = self._wanted, False
        if wanted or (report is not None and (report.pulled_clients or report.purged)):
            self.schedule_scan()

    def rescan(self) -> None:
        if self._scanning:  # one at a time; the latest request runs after it
            self._again = True
            return
        self._scanning = True
        self.runner.submit(_scan_job, self._scanned, self._scan_failed, name="Clean-up scan")

    def _scanned(self, result: tuple[Any, list[Any], list[Any], int]) -> None:
        report, clients, trashed, keep_days = result
        self.entries.set_counts(report.count, len(trashed))
        self.view.show_report(report, clients)
        self.trash_view.show_trash(trashed, self.view.client_names(), keep_days)
        self._scan_done()

    def _scan_failed(self, message: str, _fields: object) -> None:
        self._scan_done()

    def _scan_done(self) -> None:
        self._scanning = False
        if self._again:
            self._again = False
            self.rescan()

    # -- fixes (each one undo step) ---------------------------------------------------
    def open_merge(self, group: list[Contact]) -> Any:
        from addressbook.ui.cleanup.merge_dialog import MergeDialog

        dialog = MergeDialog(group, self.view.client_names(), self.window)
        dialog.accepted.connect(lambda: self.merge(dialog.plan()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def merge(self, plan: Any) -> MergeCommand:
        return self._push(MergeCommand(plan, self.runner, self._failed))

    def _preview_phones(self, candidates: list[Any], region: str, style: str) -> None:
        self.view.phones.preview_button.setEnabled(False)

        def shown(fixes: list[Any]) -> None:
            self.view.phones.preview_button.setEnabled(True)
            self.view.phones.show_preview(fixes)

        self.runner.submit(
            lambda _cache: preview_candidates(candidates, region, style),  # type: ignore[arg-type]
            shown,
            self._failed,
            name="Phone preview",
        )

    def apply_phones(self, fixes: list[Any]) -> PhoneBatchCommand:
        return self._push(PhoneBatchCommand(fixes, self.runner, self._failed))

    def restore(self, item: Any, client_id: int | None = None) -> Any:
        """Back on Harvest; when its client is gone or inactive the user picks another."""
        active = {c.id for c in self.window.sidebar_model.clients() if c.active}
        if client_id is None and item.contact.client_id not in active:
            return self._pick_client(item)
        return self._push(
            RestoreFromTrashCommand(item.contact, client_id, self.runner, self._failed)
        )

    def _pick_client(self, item: Any) -> Any:
        from PySide6.QtWidgets import QInputDialog

        clients = [c for c in self.window.sidebar_model.clients() if c.active]
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle("Restore to which client?")
        dialog.setLabelText(
            f"The client of {item.contact.full_name} is gone or inactive. Restore the contact at:"
        )
        dialog.setComboBoxItems([c.name for c in clients])
        dialog.textValueSelected.connect(
            lambda name: self.restore(item, next(c.id for c in clients if c.name == name))
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def empty_trash(self) -> None:
        self.runner.submit(
            lambda cache: cache.empty_trash(),
            self._emptied,
            self._failed,
            writes=True,
            name="Empty trash",
        )

    def _emptied(self, count: int) -> None:
        self.window.status.showMessage(f"Emptied the trash ({count:,} contacts).", 5000)
        self.schedule_scan()

    def restore_version(self, contact_id: int, index: int) -> RestoreVersionCommand:
        row = self.window.contacts_model.find_row(contact_id)
        name = row.contact.full_name if row is not None else "the contact"
        return self._push(RestoreVersionCommand(contact_id, index, name, self.runner, self._failed))

    def _push(self, command: Any) -> Any:
        self.undo_stack.push(command)
        self.schedule_scan()
        return command

    def _failed(self, message: str, fields: dict[str, list[str]]) -> None:
        words = " ".join(p for problems in fields.values() for p in problems) or message
        self.window.status.showMessage(words, 8000)

    # -- history and navigation -------------------------------------------------------
    def _refresh_history(self, *_: object) -> None:
        rows = self.window.contacts.selected_rows()
        if len(rows) != 1 or rows[0].id is None:
            self.history.show_versions(None, [], {})
            return
        contact_id = rows[0].id
        names = {c.id: c.name for c in self.window.sidebar_model.clients()}
        self.runner.submit(
            lambda cache: cache.history(contact_id),
            lambda versions: self._show_history(contact_id, versions, names),
            name="History",
        )

    def _show_history(self, contact_id: int, versions: list[Any], names: dict[int, str]) -> None:
        rows = self.window.contacts.selected_rows()
        if len(rows) == 1 and rows[0].id == contact_id:  # still the selected contact
            self.history.show_versions(contact_id, versions, names)

    def _show_contact(self, contact_id: int) -> None:
        self._select_contacts([contact_id])

    def _select_contacts(self, contact_ids: list[int]) -> None:
        """In the table, under All contacts: ready to export, edit or delete."""
        self.window.sidebar.select_client(None)
        self.window.contacts.select_contacts(contact_ids, contact_ids[0])
        self.window.contacts.table.setFocus()


def install_cleanup(window: QMainWindow, worker: Any, events: Any) -> CleanupController:
    """The composition root's one call (after the first paint: nothing here is needed sooner)."""
    return CleanupController(window, worker, events)
