"""WorkerEvents passes on every result the worker declares, with its arguments."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from addressbook.workers import SyncWorker, WorkerEvents
from addressbook.workers.results import RESULT_NAMES

WAIT_MS = 10_000


def test_every_worker_result_reaches_the_gui_side(qtbot: QtBot, tmp_path: Path) -> None:
    worker, events = SyncWorker(tmp_path / "data"), WorkerEvents()
    events.relay(worker)
    assert {"contacts_changed", "sync_finished", "notice", "signed_out"} <= set(RESULT_NAMES)
    with qtbot.waitSignal(events.notice, timeout=WAIT_MS) as notice:
        worker.notice.emit("The local cache was rebuilt.")
    assert notice.args == ["The local cache was rebuilt."]
    with qtbot.waitSignal(events.contacts_changed, timeout=WAIT_MS) as changed:
        worker.contacts_changed.emit([], [7])
    assert changed.args == [[], [7]]
    for name in RESULT_NAMES:  # none missing on either side
        assert getattr(type(events), name) is getattr(type(worker), name)
