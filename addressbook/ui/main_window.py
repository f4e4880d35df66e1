"""The main window: sidebar | contacts | card, menus, toolbar, undo toast, saved layout.

Thin wiring: it shows what it is given (rows, clients, outbox) and turns
user gestures into signals; the controllers decide what happens. Menus and
the toolbar are declared in window_menus, the columns in column_chooser,
keyboard moves between panes in pane_focus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from addressbook import APP_NAME
from addressbook.core.display import for_display
from addressbook.core.models import Client, Contact
from addressbook.index.rows import ContactRow
from addressbook.settings import Preferences, Settings, WindowState
from addressbook.ui import window_menus
from addressbook.ui.after_paint import PaintQueue
from addressbook.ui.column_chooser import ColumnChooser
from addressbook.ui.contacts_view import ContactsView, KeepSelection
from addressbook.ui.models.contacts_model import ContactsTableModel
from addressbook.ui.models.sidebar_model import ClientSidebarModel
from addressbook.ui.notice_bar import ERROR, NoticeBar
from addressbook.ui.pane_focus import PaneCycle
from addressbook.ui.sidebar import ClientSidebar
from addressbook.ui.status import StatusBar
from addressbook.ui.undo_toast import UndoToast

if TYPE_CHECKING:  # built just after the first paint (see details)
    from PySide6.QtWidgets import QMenu

    from addressbook.ui.details_panel import DetailsPanel

HIT_COUNTS_DELAY_MS = 60
SAY_HITS_DELAY_MS = 700  # the hit count is said once the typing pauses
STATUS_MESSAGE_MS = 5000
ICONS_DELAY_MS = 100


class MainWindow(QMainWindow):
    new_contact_requested = Signal()
    edit_contact_requested = Signal()
    delete_contacts_requested = Signal()
    sync_requested = Signal()
    sign_in_requested = Signal()
    sign_out_requested = Signal()
    demo_requested = Signal()
    resolve_conflict_requested = Signal(int)  # contact id (from the Unsynced changes panel)
    edit_refused_requested = Signal(int)  # pending id of a change Harvest refused
    closing = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._after_paint = PaintQueue(self)
        self.set_account("")
        self.setObjectName("main_window")
        self.contacts_model = ContactsTableModel(self)
        self.sidebar_model = ClientSidebarModel(self)
        self.sidebar = ClientSidebar(self.sidebar_model)
        self.contacts = ContactsView(self.contacts_model)
        self.columns = ColumnChooser(self.contacts.table.horizontalHeader(), settings, self)
        self._details_panel: DetailsPanel | None = None
        self.notice = NoticeBar()
        self.toast = UndoToast()
        self.status = StatusBar()
        self.setStatusBar(self.status)
        self.outbox_dock = self._build_outbox_dock()
        self._build_layout()
        self.panes = PaneCycle(self._panes)
        self.undo_stack = QUndoStack(self)  # filled by the edit controller (ui/undo)
        self.undo_stack.indexChanged.connect(self.toast.history_moved)
        self.actions_by_name = window_menus.build_actions(self, window_menus.handlers(self))
        window_menus.add_undo_actions(self, self.actions_by_name, self.undo_stack)
        self.menus: dict[str, QMenu] = window_menus.build_menus(self, self.actions_by_name)
        self.toolbar = window_menus.build_toolbar(self, self.actions_by_name)
        self._bind_table_actions()
        self._connect_views()
        self.contacts.set_signed_in(False)
        self.restore_state()
        self.call_after_first_paint(self._build_details)
        # Icons load the SVG engine and search the theme (ms): while the cache loads, not
        # before it (the sign-in's cache load is queued after the first paint too).
        self.call_after_first_paint(
            lambda: QTimer.singleShot(
                ICONS_DELAY_MS, self, lambda: window_menus.set_toolbar_icons(self.actions_by_name)
            )
        )

    def set_account(self, name: str) -> None:
        """ "Harvest Contacts — Acme": the app's name once (the app sets no display name,
        which Qt would append to the title again)."""
        self.setWindowTitle(f"{APP_NAME} — {for_display(name)}" if name else APP_NAME)

    # -- construction -----------------------------------------------------------------
    def _build_layout(self) -> None:
        center = QWidget()
        column = QVBoxLayout(center)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.notice)
        column.addWidget(self.contacts, 1)
        column.addWidget(self.toast)  # under the list: nothing above it jumps when it comes
        self.details_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.details_splitter.addWidget(center)
        self.details_splitter.addWidget(QWidget())  # the details panel's place (see details)
        self.details_splitter.setStretchFactor(0, 3)
        self.details_splitter.setStretchFactor(1, 1)
        self.details_splitter.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.details_splitter)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([250, 990])
        self.details_splitter.setSizes([700, 290])
        self.setCentralWidget(self.splitter)
        self.resize(1240, 760)
        QWidget.setTabOrder(self.sidebar, self.contacts.search)

    def _panes(self) -> list[QWidget]:
        card = self.details_splitter.widget(1)
        return [self.sidebar, self.contacts.search, self.contacts.table, card]

    def _bind_table_actions(self) -> None:
        # Delete belongs to the table: in the search field it must delete text.
        delete = self.actions_by_name["delete"]
        delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.contacts.table.addAction(delete)

    def tell(self, text: str, *, shown: bool = True, urgent: bool = False) -> None:
        """One sentence for the user: on the status bar, and said to a screen reader."""
        if shown:
            self.status.showMessage(text, STATUS_MESSAGE_MS)
        say(self, text, urgent)

    def _build_outbox_dock(self) -> QDockWidget:
        dock = QDockWidget("Unsynced changes", self)
        dock.setObjectName("outbox_dock")
        dock.setAccessibleName("Unsynced changes")
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.hide()
        # A dock restored open at start-up gets its panel then, not a blank grey area.
        dock.visibilityChanged.connect(lambda visible: visible and self._ensure_outbox_panel())
        self.outbox_panel: Any = None
        self.outbox_panel_factory: Callable[[], Any] | None = None
        self._outbox: tuple[list[Any], set[int], list[Any]] = ([], set(), [])
        return dock

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
        self.contacts.sign_in_requested.connect(self.sign_in_requested)
        self.contacts.demo_requested.connect(self.demo_requested)
        self.contacts.new_requested.connect(self.new_contact_requested)
        self._say_hits_timer = QTimer(self, singleShot=True, interval=SAY_HITS_DELAY_MS)
        self._say_hits_timer.timeout.connect(lambda: say(self, self._hits_sentence))
        self._hits_sentence = ""
        self.contacts.search_counted.connect(self._hits_counted)
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
        self.sync_requested.connect(self.status.expect_manual_sync)
        self.status.sign_in_clicked.connect(self.sign_in_requested)
        self.status.problem_reported.connect(lambda text: self.notice.show_message(text, ERROR))
        self.status.problem_solved.connect(self.notice.withdraw)
        self.status.sync_running_changed.connect(self.contacts.set_syncing)
        self._selection_changed()

    def _hits_counted(self, sentence: str) -> None:
        self._hits_sentence = sentence
        self._say_hits_timer.start()

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
        panel.copied.connect(lambda message: self.status.showMessage(message, 3000))
        self._details_panel = panel
        self.details_splitter.replaceWidget(1, panel).deleteLater()
        panel.setVisible(self.settings.get(Preferences.SHOW_CARD))
        chain = [self.contacts.table, self.toast.button, self.toast.close_button, panel]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self._selection_changed()

    def show_card(self, shown: bool) -> None:
        self.details_splitter.widget(1).setVisible(shown)
        self.settings.set(Preferences.SHOW_CARD, shown)

    def show_inactive_clients(self, shown: bool) -> None:
        self.sidebar.set_inactive_shown(shown)
        self.settings.set(Preferences.SHOW_INACTIVE_CLIENTS, shown)

    # -- showing data -----------------------------------------------------------------
    def show_contacts(self, rows: list[ContactRow], clients: list[Client]) -> None:
        with KeepSelection(self.contacts):
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
        self._after_paint.add(callback)

    def apply_changes(self, upserted: list[ContactRow], removed: list[int]) -> None:
        with KeepSelection(self.contacts):
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
        self.status.set_signed_in(signed_in)

    def show_outbox(self) -> None:
        self._ensure_outbox_panel()
        self.outbox_dock.show()
        self.outbox_dock.raise_()

    def _ensure_outbox_panel(self) -> None:
        if self.outbox_panel is None and self.outbox_panel_factory is not None:
            self.install_outbox_panel(self.outbox_panel_factory())
            self._refresh_outbox_panel()

    def install_outbox_panel(self, panel: Any) -> None:
        self.outbox_panel = panel
        self.outbox_dock.setWidget(panel)
        self.outbox_dock.setWindowTitle(panel.windowTitle())  # titled once: by the dock
        panel.windowTitleChanged.connect(self.outbox_dock.setWindowTitle)
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
        self.columns.restore()
        header = self.contacts.table.horizontalHeader()
        self.contacts_model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        shown = {"card": Preferences.SHOW_CARD, "inactive": Preferences.SHOW_INACTIVE_CLIENTS}
        for name, setting in shown.items():
            self.actions_by_name[name].setChecked(settings.get(setting))
        self.actions_by_name["toolbar"].setChecked(not self.toolbar.isHidden())

    def save_state(self) -> None:
        settings = self.settings
        settings.set(WindowState.GEOMETRY, self.saveGeometry())
        settings.set(WindowState.STATE, self.saveState())
        settings.set(WindowState.SPLITTER, self.splitter.saveState())
        settings.set(WindowState.DETAILS_SPLITTER, self.details_splitter.saveState())
        self.columns.save()
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_state()
        self.closing.emit()
        super().closeEvent(event)


def say(window: QWidget, text: str, urgent: bool = False) -> None:
    """Through the app's one announcer (ui/announce), so a screen reader hears it."""
    from addressbook.ui.announce import announce

    announce(text, urgent=urgent, source=window)
