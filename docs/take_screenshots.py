"""Take the README's screenshots of the demo: the main window with a contact's card.

Run under Xvfb (light and dark, 1x and 2x):

    ADDRESSBOOK_COLOR_SCHEME=dark QT_SCALE_FACTOR=2 xvfb-run -a -s "-screen 0 2560x1600x24" \
        .venv/bin/python docs/take_screenshots.py /tmp/shots/card-dark-2x.png [contact name]

It starts the demo the way `addressbook --demo` does (its own data dir in a temp
folder), waits for the first sync, selects a contact (the first whose name contains
the optional argument) and captures the whole screen with ImageMagick's
`import -window root`, so what is saved is what the X server shows.
With --offline, it first edits the contact, makes the demo server drop every request
and presses F5, to
show the offline status, the notice saying why, and the Unsynced changes panel.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from addressbook import APP_NAME
from addressbook.app import Application
from addressbook.settings import Settings
from addressbook.ui.palette import apply_palette


def main() -> int:
    offline = "--offline" in sys.argv
    arguments = [argument for argument in sys.argv[1:] if argument != "--offline"]
    target = Path(arguments[0])
    wanted = arguments[1].casefold() if len(arguments) > 1 else ""
    qt_app = QApplication(sys.argv[:1])
    qt_app.setApplicationDisplayName(APP_NAME)
    apply_palette()
    work = Path(tempfile.mkdtemp(prefix="harvest-shots-"))
    app = Application(data_dir=work / "data", settings=Settings(work / "settings.ini"))
    app.window.resize(1240, 760)

    def select_and_capture() -> None:
        rows = app.window.contacts_model.all_rows()
        chosen = next((r for r in rows if wanted in r.contact.full_name.casefold()), rows[0])
        app.window.contacts.select_contacts([chosen.id], chosen.id)
        if offline:
            go_offline(chosen)
        QTimer.singleShot(8000 if offline else 1500, capture)

    def go_offline(chosen: object) -> None:
        contact = chosen.contact  # type: ignore[attr-defined]
        state["offline"] = True
        app.sign_in.sandbox.faults.add("drop_before", count=1000)  # every request fails
        app.worker.update_requested.emit(0, contact.id, {"title": "Head of R&D <Europe>"})
        QTimer.singleShot(500, app.window.actions_by_name["sync"].trigger)
        QTimer.singleShot(800, app.window.show_outbox)

    def capture() -> None:
        subprocess.run(["import", "-window", "root", str(target)], check=True)
        qt_app.quit()

    state = {"offline": False}

    def first_sync_done() -> None:
        if not state["offline"]:
            QTimer.singleShot(500, select_and_capture)

    app.events.sync_finished.connect(lambda _report: first_sync_done())
    app.start(demo=True)
    code = qt_app.exec()
    app.shutdown()
    return code


if __name__ == "__main__":
    sys.exit(main())
