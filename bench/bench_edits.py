"""Applying a delta (a saved edit, a sync) to the contacts table at 100,000 rows.

Each kind of delta is timed through ContactsTableModel.apply_changes, with a
table view attached, against the baseline of a full set_rows of the same rows
in the same run (what every delta cost before deltas were spliced). Targets:
one edit <= 16 ms, a 100-contact delta <= 50 ms, in the default name order.
Sorted by another column, a delta also moves every position in that order
(O(n) at C speed, like a keystroke in that sort). Figures are medians; the
machine is shared, so the ratio is the figure to compare.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from itertools import count
from operator import attrgetter

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView

from addressbook.core.models import Contact
from addressbook.index.rows import COLUMN_COMPANY, ContactRow, build_rows, company_names
from addressbook.sandbox.demo_data import generate
from addressbook.ui.models.contacts_model import ContactsTableModel

CONTACTS = int(os.environ.get("BENCH_EDITS_CONTACTS", "100000"))
RUNS = 7
Delta = tuple[list[ContactRow], list[int]]


class _Deltas:
    """Fresh deltas over the demo contacts: each run edits, adds or removes other rows."""

    def __init__(self, contacts: list[Contact], companies: dict[int, str]) -> None:
        self.contacts, self.companies = contacts, companies
        self._next_contact = iter(range(0, len(contacts), 7))
        self._new_ids = count(10_000_000)

    def edits(self, size: int) -> Delta:
        edited = [
            self._take().with_changes({"last_name": f"Edited{n}", "phone_mobile": "555 0101"})
            for n in range(size)
        ]
        return build_rows(edited, self.companies), []

    def additions(self, size: int) -> Delta:
        client_id = self.contacts[0].client_id
        new = [
            Contact(
                id=next(self._new_ids),
                client_id=client_id,
                first_name="New",
                last_name=f"Person{n}",
            )
            for n in range(size)
        ]
        return build_rows(new, self.companies), []

    def removals(self, size: int) -> Delta:
        return [], [self._take().id or 0 for _ in range(size)]

    def mixed(self, size: int) -> Delta:
        """A sync's delta: mostly edits, some new contacts, some deleted."""
        edited, _ = self.edits(size * 8 // 10)
        added, _ = self.additions(size // 10)
        _, removed = self.removals(size - len(edited) - len(added))
        return edited + added, removed

    def _take(self) -> Contact:
        return self.contacts[next(self._next_contact)]


def _median_ms(run: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def _time_deltas(model: ContactsTableModel, deltas: _Deltas, label: str) -> None:
    rows = sorted(model.all_rows(), key=attrgetter("name_key"))  # as a load stores them
    baseline = _median_ms(lambda: model.set_rows(list(rows)))
    print(f"{label}: baseline full set_rows of {CONTACTS:,} rows {baseline:.1f} ms", flush=True)
    kinds: list[tuple[str, Callable[[], Delta], float]] = [
        ("1 edited row", lambda: deltas.edits(1), 16),
        ("1 new row", lambda: deltas.additions(1), 16),
        ("1 removed row", lambda: deltas.removals(1), 16),
        ("100-row sync delta", lambda: deltas.mixed(100), 50),
    ]
    for name, make, target in kinds:
        pending = iter([make() for _ in range(RUNS)])
        ms = _median_ms(lambda deltas=pending: model.apply_changes(*next(deltas)))
        print(
            f"  {name}: {ms:.1f} ms = {baseline / ms:.0f}x faster than set_rows "
            f"(target <= {target} ms)",
            flush=True,
        )


def _time_search_after_edits(model: ContactsTableModel, deltas: _Deltas) -> None:
    """A search right after an edit maps the search buffers' hits to the rows' new
    positions first (once per delta); against the same search with nothing edited."""

    def search() -> None:
        model.set_search("")
        model.set_search("mar")

    settled = _median_ms(search)

    def edit_then_search() -> float:
        model.apply_changes(*deltas.edits(1))
        started = time.perf_counter()
        search()
        return time.perf_counter() - started

    after_edit = statistics.median(edit_then_search() for _ in range(RUNS)) * 1000
    print(
        f"search 'mar' right after an edit: {after_edit:.1f} ms vs {settled:.1f} ms "
        f"with no edit since the last search (x{after_edit / settled:.1f})",
        flush=True,
    )


def main() -> None:
    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    clients, contacts = generate(11, 400, CONTACTS, datetime(2026, 1, 1, tzinfo=UTC), 1, 1)
    companies = company_names(clients)
    model = ContactsTableModel()
    view = QTableView()  # a view reacts to every reset, as the window's table does
    view.setModel(model)
    view.resize(1000, 700)
    view.show()
    model.set_rows(build_rows(contacts, companies))
    deltas = _Deltas(contacts, companies)
    _time_deltas(model, deltas, "name order (the default), no search")
    _time_search_after_edits(model, deltas)
    model.set_search("mar")
    _time_deltas(model, deltas, "name order, searching 'mar'")
    model.sort(COLUMN_COMPANY, Qt.SortOrder.DescendingOrder)
    _time_deltas(model, deltas, "sorted by company (descending), searching 'mar'")
    view.close()
    del qt_app


if __name__ == "__main__":
    main()
