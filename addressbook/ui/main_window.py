"""The main window: sidebar | contacts | details, menus, shortcuts, saved layout.

Thin wiring: it shows what it is given (rows, clients, outbox) and turns
user gestures into signals; the controllers decide what happens.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter, QVBoxLayout, QWidget

from addressbook import APP_NAME
from addressbook.core.models import Client, Contact
from addressbook.index.rows import ContactRow
from addressbook.settings import Settings, WindowState
from addressbook.ui.contacts_view import ContactsView
from addressbook.ui.models.contacts_model import ContactsTableModel
from addressbook.ui.models.sidebar_model import ClientSidebarModel
from addressbook.ui.notice_bar import NoticeBar
from addressbook.ui.sidebar import ClientSidebar
from addressbook.ui.status import StatusBar

if TYPE_CHECKING:  # built just after the first paint (see details)
    from PySide6.QtWidgets import QMenu

    from addressbook.ui.details_panel import DetailsPanel

HIT_COUNTS_DELAY_MS = 60


class MainWindow(QMainWindow):
    new_contact_requested = Signal()
    edit_contact_requested = Signal()
    delete_contacts_requested = Signal()
    sync_requested = Signal()
    sign_in_requested = Signal()
    sign_out_requested = Signal()
    resolve_conflict_requested = Signal(int)  # contact id (from the Unsynced changes panel)
    edit_refused_requested = Signal(int)  # pending id of a change Harvest refused
    closing = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._after_paint: list[Callable[[], None]] | None = None  # see call_after_first_paint
        self.setWindowTitle(APP_NAME)
        self.setObjectName("main_window")
        self.contacts_model = ContactsTableModel(self)
        self.sidebar_model = ClientSidebarModel(self)
        self.sidebar = ClientSidebar(self.sidebar_model)
        self.contacts = ContactsView(self.contacts_model)
        self._details_panel: DetailsPanel | None = None
        self.notice = NoticeBar()
        self.status = StatusBar()
        self.setStatusBar(self.status)
        self.outbox_dock = self._build_outbox_dock()
        self._build_layout()
        self.actions_by_name = self._build_actions()
        self._connect_views()
        self.contacts.set_signed_in(False)
        self.restore_state()
        self.call_after_first_paint(self._build_details)

    # -- construction -----------------------------------------------------------------
    def _build_layout(self) -> None:
        center = QWidget()
        column = QVBoxLayout(center)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.notice)
        column.addWidget(self.contacts, 1)
        self.details_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.details_splitter.addWidget(center)
        self.details_splitter.addWidget(QWidget())  # the details panel's place (see details)
        self.details_splitter.setStretchFactor(0, 3)
        self.details_splitter.setStretchFactor(1, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.details_splitter)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([240, 1000])
        self.details_splitter.setSizes([720, 280])
        self.setCentralWidget(self.splitter)
        self.resize(1240, 760)

    def _build_outbox_dock(self) -> QDockWidget:
        dock = QDockWidget("Unsynced changes", self)
        dock.setObjectName("outbox_dock")
        dock.setAccessibleName("Unsynced changes")
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.hide()
        self.outbox_panel: Any = None
        self.outbox_panel_factory: Callable[[], Any] | None = None
        self._outbox: tuple[list[Any], set[int], list[Any]] = ([], set(), [])
        return dock

    def _build_actions(self) -> dict[str, QAction]:
        specs: list[tuple[str, str, Any, Callable[[], Any]]] = [
            ("new", "&New contact…", QKeySequence.StandardKey.New, self.new_contact_requested.emit),
            ("edit", "&Edit contact…", None, self.edit_contact_requested.emit),
            ("delete", "&Delete…", QKeySequence.StandardKey.Delete,
             self.delete_contacts_requested.emit),
            ("sync", "&Sync now", QKeySequence(Qt.Key.Key_F5), self.sync_requested.emit),
            ("find", "&Find", QKeySequence.StandardKey.Find, self.contacts.focus_search),
            ("outbox", "&Unsynced changes", QKeySequence("Ctrl+U"), self.show_outbox),
            ("sign_in", "Sign &in…", None, self.sign_in_requested.emit),
            ("sign_out", "Sign &out…", None, self.sign_out_requested.emit),
            ("quit", "&Quit", QKeySequence.StandardKey.Quit, self.close),
        ]
        actions: dict[str, QAction] = {}
        for name, text, shortcut, handler in specs:
            action = QAction(text, self)
            action.setObjectName(f"action_{name}")
            if shortcut is not None:
                action.setShortcut(shortcut)
            action.triggered.connect(lambda _checked=False, run=handler: run())
            actions[name] = action
        # Delete belongs to the table: in the search field it must delete text.
        actions["delete"].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.contacts.table.addAction(actions["delete"])
        self._build_menus(actions)
        return actions

    def _build_menus(self, actions: dict[str, QAction]) -> None:
        menus: dict[str, list[str | None]] = {
            "&File": ["sign_in", "sign_out", None, "quit"],
            "&Contact": ["new", "edit", "delete", None, "find"],
            "&Sync": ["sync", "outbox"],
        }
        self.menus: dict[str, QMenu] = {}
        for title, names in menus.items():
            menu = self.menus[title] = self.menuBar().addMenu(title)
            for name in names:
                if name is None:
                    menu.addSeparator()
                elif name == "delete":  # its shortcut lives on the table (see above)
                    menu.addAction(actions[name])
                else:
                    menu.addAction(actions[name])
                    self.addAction(actions[name])

    def add_file_actions(self, actions: Iterable[QAction]) -> None:
        """Actions built after the first paint (import, export) join the File menu above
        Quit, with their shortcuts working anywhere in the window."""
        menu = self.menus["&File"]
        quit_action = self.actions_by_name["quit"]
        for action in actions:
            menu.insertAction(quit_action, action)
            self.addAction(action)
        menu.insertSeparator(quit_action)

    def _connect_views(self) -> None:
        self.sidebar.client_selected.connect(self.contacts_model.set_client_filter)
        # Hit counts per client follow the typing a moment later: the table comes first.
        self._hit_counts_timer = QTimer(self)
        self._hit_counts_timer.setSingleShot(True)
        self._hit_counts_timer.setInterval(HIT_COUNTS_DELAY_MS)
        self._hit_counts_timer.timeout.connect(self._update_hit_counts)
        self.contacts_model.rows_changed.connect(self._schedule_hit_counts)
        self.contacts.edit_requested.connect(self.edit_contact_requested)
        self.contacts.delete_requested.connect(self.delete_contacts_requested)
        self.contacts.selection_changed.connect(self._selection_changed)
        self.status.unsynced_clicked.connect(self.show_outbox)
        self.status.retry_clicked.connect(self.sync_requested)
        self._selection_changed()

    @property
    def details(self) -> DetailsPanel:
        """The selected contact's panel; nothing is selected at start-up, so it is built
        after the first paint (its widgets cost a few ms) or when first asked for."""
        if self._details_panel is None:
            self._build_details()
        assert self._details_panel is not None
        return self._details_panel

    def _build_details(self) -> None:
        if self._details_panel is not None:
            return
        from addressbook.ui.details_panel import DetailsPanel

        panel = DetailsPanel()
        panel.edit_requested.connect(self.edit_contact_requested)
        panel.delete_requested.connect(self.delete_contacts_requested)
        self._details_panel = panel
        self.details_splitter.replaceWidget(1, panel).deleteLater()
        self._selection_changed()

    # -- showing data -----------------------------------------------------------------
    def show_contacts(self, rows: list[ContactRow], clients: list[Client]) -> None:
        with _KeepSelection(self.contacts):
            self.contacts_model.set_rows(rows)
        self.sidebar_model.set_clients(clients, self.contacts_model.client_counts())
        self.contacts.refresh_empty_state()

    def show_snapshot(self, snapshot: Any) -> None:
        """The first screenful saved at the last exit, until the cache is loaded."""
        self.contacts_model.set_rows(snapshot.rows)
        self.sidebar_model.set_clients(snapshot.clients, snapshot.counts)
        self.contacts.refresh_empty_state()
        self.status.showMessage(f"Loading {snapshot.total:,} contacts…", 3000)

    def call_after_first_paint(self, callback: Callable[[], None]) -> None:
        """Run callback once the window has been painted (or 300 ms from now at the latest).

        Callbacks run in the order they were given, even when one runs early (start-up
        relies on it: the garbage collector is back before the cache load is asked for)."""
        # The whole window (the table too) is painted in one pass; the callbacks run after it.
        if self._after_paint is None:
            self._after_paint = []
            _AfterFirstPaint(self, self._run_after_paint)
        self._after_paint.append(callback)
        QTimer.singleShot(300, self, lambda: self._run_after_paint(until=callback))

    def _run_after_paint(self, until: Callable[[], None] | None = None) -> None:
        pending = self._after_paint or []
        if until is not None and until not in pending:
            return  # it ran with the paint already
        count = len(pending) if until is None else pending.index(until) + 1
        due = pending[:count]
        del pending[:count]
        if until is None:
            self._after_paint = None  # callbacks given from now on wait for the next paint
        for callback in due:
            callback()

    def apply_changes(self, upserted: list[ContactRow], removed: list[int]) -> None:
        with _KeepSelection(self.contacts):
            self.contacts_model.apply_changes(upserted, removed)
        self.sidebar_model.set_counts(self.contacts_model.client_counts())
        self._update_hit_counts()
        self._selection_changed()

    def set_outbox(self, pending: list[Any], dirty: set[int], conflicts: list[Any]) -> None:
        conflict_ids = {conflict.contact_id for conflict in conflicts}
        self.contacts_model.set_markers(dirty, conflict_ids)
        self.status.set_unsynced(len(pending), len(conflicts))
        self._outbox = (pending, dirty, conflicts)
        self._refresh_outbox_panel()
        self._selection_changed()

    def _refresh_outbox_panel(self) -> None:
        if self.outbox_panel is not None:
            pending, _dirty, conflicts = self._outbox
            ids = [p.contact_id for p in pending] + [c.contact_id for c in conflicts]
            self.outbox_panel.set_pending(pending, self._contacts_by_id(ids), conflicts)

    def set_signed_in(self, signed_in: bool) -> None:
        self.contacts.set_signed_in(signed_in)
        self.actions_by_name["sign_out"].setEnabled(signed_in)
        if not signed_in:
            self.status.set_signed_out()

    def show_outbox(self) -> None:
        if self.outbox_panel is None and self.outbox_panel_factory is not None:
            self.install_outbox_panel(self.outbox_panel_factory())
            self._refresh_outbox_panel()
        self.outbox_dock.show()
        self.outbox_dock.raise_()

    def install_outbox_panel(self, panel: Any) -> None:
        self.outbox_panel = panel
        self.outbox_dock.setWidget(panel)
        panel.resolve_requested.connect(self.resolve_conflict_requested)
        panel.edit_requested.connect(self.edit_refused_requested)

    def _contacts_by_id(self, ids: Iterable[int]) -> dict[int, Contact]:
        return self.contacts_model.contacts_by_id(ids)

    # -- reactions --------------------------------------------------------------------
    def selected_client_id(self) -> int | None:
        return self.sidebar.selected_client_id()

    def _schedule_hit_counts(self) -> None:
        if self.contacts_model.searching:
            self._hit_counts_timer.start()
        else:  # the search was cleared: the plain counts are back at once
            self._hit_counts_timer.stop()
            self._update_hit_counts()

    def _update_hit_counts(self) -> None:
        self.sidebar_model.set_hit_counts(self.contacts_model.hit_counts())

    def _selection_changed(self) -> None:
        rows = self.contacts.selected_rows()
        contact_id = rows[0].id if len(rows) == 1 else None
        model = self.contacts_model
        if self._details_panel is not None:
            self._details_panel.show_rows(
                rows,
                dirty=contact_id is not None and model.is_dirty(contact_id),
                conflict=contact_id is not None and model.has_conflict(contact_id),
            )
        self.actions_by_name["edit"].setEnabled(len(rows) == 1)
        self.actions_by_name["delete"].setEnabled(bool(rows))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.PaletteChange:
            self.contacts_model.refresh_badges()  # dark mode switched
        super().changeEvent(event)

    # -- window state -----------------------------------------------------------------
    def restore_state(self) -> None:
        settings = self.settings
        if not (geometry := settings.get(WindowState.GEOMETRY)).isEmpty():
            self.restoreGeometry(geometry)
        if not (state := settings.get(WindowState.STATE)).isEmpty():
            self.restoreState(state)
        if not (splitter := settings.get(WindowState.SPLITTER)).isEmpty():
            self.splitter.restoreState(splitter)
        if not (details := settings.get(WindowState.DETAILS_SPLITTER)).isEmpty():
            self.details_splitter.restoreState(details)
        header = self.contacts.table.horizontalHeader()
        if not (columns := settings.get(WindowState.TABLE_HEADER)).isEmpty():
            header.restoreState(columns)
            self.contacts_model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def save_state(self) -> None:
        settings = self.settings
        settings.set(WindowState.GEOMETRY, self.saveGeometry())
        settings.set(WindowState.STATE, self.saveState())
        settings.set(WindowState.SPLITTER, self.splitter.saveState())
        settings.set(WindowState.DETAILS_SPLITTER, self.details_splitter.saveState())
        settings.set(WindowState.TABLE_HEADER, self.contacts.table.horizontalHeader().saveState())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_state()
        self.closing.emit()
        super().closeEvent(event)


class _KeepSelection:
    """Re-selects the same contacts (by id) after the model's rows are replaced."""

    def __init__(self, view: ContactsView) -> None:
        self.view = view

    def __enter__(self) -> None:
        rows = self.view.selected_rows()
        current = self.view.current_row()
        self.ids = [row.id for row in rows]
        self.current = current.id if current is not None else None

    def __exit__(self, *_: object) -> None:
        if self.ids:
            self.view.select_contacts(self.ids, self.current)


class _AfterFirstPaint(QObject):
    """Calls back once, right after the widget's first paint."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget, self._callback = widget, callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            QTimer.singleShot(0, self, self._fire)
        return False

    def _fire(self) -> None:
        if self._callback is None:
            return
        callback, self._callback = self._callback, None
        self._widget.removeEventFilter(self)
        callback()
        self.deleteLater()
