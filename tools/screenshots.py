"""Screenshots of the main window for the README: the demo, one contact selected.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python tools/screenshots.py \
        docs/window-light.png [--dark] [--search TEXT]

QT_SCALE_FACTOR=2 gives the 2x look. Dark mode is asked of Qt the way a desktop asks it
(QStyleHints.setColorScheme), so the window shows what a dark desktop would see.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication


def dark_palette() -> QPalette:
    """GNOME's dark colours (window #242424, base #1e1e1e, text #ffffff, accent #3584e4)."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#242424"),
        (roles.WindowText, "#ffffff"),
        (roles.Base, "#1e1e1e"),
        (roles.AlternateBase, "#2a2a2a"),
        (roles.Text, "#ffffff"),
        (roles.Button, "#353535"),
        (roles.ButtonText, "#ffffff"),
        (roles.Highlight, "#3584e4"),
        (roles.HighlightedText, "#ffffff"),
        (roles.Link, "#78aeed"),
        (roles.PlaceholderText, "#9a9a9a"),
        (roles.ToolTipBase, "#353535"),
        (roles.ToolTipText, "#ffffff"),
        (roles.Mid, "#444444"),
        (roles.Dark, "#1a1a1a"),
        (roles.Light, "#4a4a4a"),
    ):
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(disabled, role, QColor("#7a7a7a"))
    return palette


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("output", type=Path)
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--search", default="")
    parser.add_argument("--delete", action="store_true", help="delete it: the undo toast")
    parser.add_argument(
        "--new-contact",
        action="store_true",
        help="the New contact dialog after Save was pressed too early",
    )
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    app.setApplicationName("HarvestContacts")
    if args.dark:  # what a dark desktop hands Qt (Xvfb has no desktop to ask)
        app.styleHints().setColorScheme(Qt.ColorScheme.Dark)
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    from addressbook.app import Application
    from addressbook.settings import Settings

    with tempfile.TemporaryDirectory() as folder:
        application = Application(
            data_dir=Path(folder) / "data", settings=Settings(Path(folder) / "settings.ini")
        )
        window = application.window

        def shoot() -> None:
            view = window.contacts
            if args.search:
                view.search.setText(args.search)
            target = next(
                (
                    r
                    for r in range(view.model.rowCount())
                    if "García" in view.model.row_at(r).contact.last_name
                ),
                0,
            )
            view.select_row(target)
            view.table.setFocus()
            shown = window
            if args.delete:
                application.editing.delete_selected()
            if args.new_contact:
                dialog = application.editing.new_contact()
                assert dialog is not None
                QTimer.singleShot(300, dialog.ok_button.click)
                shown = dialog
            QTimer.singleShot(800, lambda: (shown.grab().save(str(args.output)), app.quit()))

        application.events.sync_finished.connect(lambda _report: QTimer.singleShot(500, shoot))
        application.start(demo=True)
        app.exec()
        application.shutdown()
    print(args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
