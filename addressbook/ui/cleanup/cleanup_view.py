"""The clean-up view: duplicates, phone numbers, incomplete contacts, inactive clients.

It shows the last scan (a CleanupReport from the worker), filtered by client,
and turns the user's choices into requests; the controller queues them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from addressbook.cleanup.duplicates import shared_reason
from addressbook.cleanup.scan import CleanupReport
from addressbook.core.models import Client, Contact
from addressbook.core.words import counted
from addressbook.ui.cleanup.lists import ListPane
from addressbook.ui.cleanup.phone_tab import PhoneTab


class CleanupView(QWidget):
    merge_requested = Signal(object)  # list[Contact]: a group to merge (opens the dialog)
    contact_activated = Signal(int)  # show this contact in the table
    contacts_chosen = Signal(object)  # list[int]: select these in the table (to export, tidy)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Clean up")
        self.report = CleanupReport()
        self._clients: dict[int, Client] = {}
        self.client_filter = QComboBox()
        self.client_filter.setAccessibleName("Show for client")
        self.client_filter.currentIndexChanged.connect(self._refresh)
        self.summary = QLabel()
        self.duplicates = ListPane(
            "Likely duplicates",
            ("Names", "Client", "Why", "Contacts"),
            hint="Contacts that share an email, a phone number, or a name at the same client.",
        )
        self.merge_button = self.duplicates.add_button("&Merge…", "Merge duplicates")
        self.duplicates.finish_buttons()
        self.merge_button.clicked.connect(self._merge_current)
        self.duplicates.activated.connect(lambda group: self.merge_requested.emit(group))
        self.phones = PhoneTab()
        self.incomplete = ListPane(
            "Incomplete contacts",
            ("Name", "Client", "Missing or wrong"),
            hint="No way to reach them, no last name, "
            "or an email that does not look like an address.",
        )
        self.inactive = ListPane(
            "Contacts at inactive clients",
            ("Name", "Client", "Email"),
            hint="Harvest keeps these; tidy them or export them.",
        )
        for pane in (self.incomplete, self.inactive):
            pane.activated.connect(self._show_contact)
            button = pane.add_button(
                "&Select in the contact list", f"Select the {pane.table.accessibleName().lower()}"
            )
            button.clicked.connect(lambda _=False, shown=pane: self._choose(shown))
            pane.finish_buttons()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.duplicates, "Duplicates")
        self.tabs.addTab(self.phones, "Phone numbers")
        self.tabs.addTab(self.incomplete, "Incomplete")
        self.tabs.addTab(self.inactive, "Inactive clients")
        top = QHBoxLayout()
        top.addWidget(QLabel("Client:"))
        top.addWidget(self.client_filter, 1)
        top.addWidget(self.summary, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self._fill_filter([])

    # -- data in ---------------------------------------------------------------------
    def show_report(self, report: CleanupReport, clients: Sequence[Client]) -> None:
        self.report = report
        self._clients = {client.id: client for client in clients}
        self._fill_filter(clients)
        self._refresh()

    def _fill_filter(self, clients: Sequence[Client]) -> None:
        wanted = self.client_filter.currentData()
        self.client_filter.blockSignals(True)
        self.client_filter.clear()
        self.client_filter.addItem("All clients", None)
        for client in sorted(clients, key=lambda c: c.name.casefold()):
            self.client_filter.addItem(client.name, client.id)
        found = self.client_filter.findData(wanted)
        self.client_filter.setCurrentIndex(max(found, 0))
        self.client_filter.blockSignals(False)

    def selected_client(self) -> int | None:
        data = self.client_filter.currentData()
        return int(data) if data is not None else None

    def client_names(self) -> Mapping[int, str]:
        return {client_id: client.name for client_id, client in self._clients.items()}

    def _refresh(self) -> None:
        report, wanted = self.report, self.selected_client()

        def shown(contact: Contact) -> bool:
            return wanted is None or contact.client_id == wanted

        # Texts are made as rows are shown: tens of thousands at 100k contacts.
        groups = [g for g in report.duplicates if any(shown(c) for c in g)]
        self.duplicates.set_objects(groups, self._group_texts)
        self.phones.set_candidates([c for c in report.phones if shown(c[0])])
        incomplete = [i for i in report.incomplete if shown(i.contact)]
        reasons = {id(i.contact): i.reasons for i in incomplete}
        self.incomplete.set_objects(
            [i.contact for i in incomplete],
            lambda c: (c.full_name, self._client(c), "; ".join(reasons[id(c)])),
        )
        inactive = [c for c in report.inactive if shown(c)]
        self.inactive.set_objects(inactive, lambda c: (c.full_name, self._client(c), c.email or ""))
        self.tabs.setTabText(0, f"Duplicates ({len(groups):,})")
        self.tabs.setTabText(1, f"Phone numbers ({self.phones.candidate_count:,})")
        self.tabs.setTabText(2, f"Incomplete ({len(incomplete):,})")
        self.tabs.setTabText(3, f"Inactive clients ({len(inactive):,})")
        self.summary.setText(f"{counted(report.count, 'contact')} to look at in all clients.")

    def _client(self, contact: Contact) -> str:
        client = self._clients.get(contact.client_id)
        return client.name if client else ""

    def _group_texts(self, group: list[Contact]) -> tuple[str, ...]:
        names = " · ".join(dict.fromkeys(c.full_name for c in group))
        clients = ", ".join(dict.fromkeys(self._client(c) for c in group))
        return names, clients, shared_reason(group), str(len(group))

    # -- actions ---------------------------------------------------------------------
    def _merge_current(self) -> None:
        group = self.duplicates.current()
        if group is None and self.duplicates.model.rowCount():
            group = self.duplicates.model.objects()[0]
        if group is not None:
            self.merge_requested.emit(group)

    def _choose(self, pane: ListPane) -> None:
        ids = [contact.id for contact in pane.model.objects() if contact.id is not None]
        if ids:
            self.contacts_chosen.emit(ids)

    def _show_contact(self, contact: Contact | None) -> None:
        if contact is not None and contact.id is not None:
            self.contact_activated.emit(contact.id)
