"""Fixtures for the app shell: settings in a temp file, a sandbox, a running Application,
and ways to answer a question box."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from addressbook.app import Application
from addressbook.sandbox import DEMO_EMAIL, DEMO_PASSWORD, SandboxServer
from addressbook.settings import Preferences, Settings

WAIT_MS = 10_000
Button = QMessageBox.StandardButton


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """QSettings redirected to a file under the test's temp dir."""
    return Settings(tmp_path / "settings" / "HarvestContacts.ini")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(clients=4, contacts=30, seed=1) as server:
        yield server


AppFactory = Callable[..., Application]


@pytest.fixture
def make_app(qtbot: QtBot, settings: Settings, data_dir: Path) -> Iterator[AppFactory]:
    """Builds Applications (started later by the test) and shuts them all down afterwards."""
    apps: list[Application] = []

    def build(**options: Any) -> Application:
        options.setdefault("sync_interval_ms", 3_600_000)
        options.setdefault("offline_retry_ms", 3_600_000)
        options.setdefault("delete_grace_ms", 3_600_000)
        app = Application(
            data_dir=options.pop("data_dir", data_dir),
            settings=options.pop("settings", settings),
            **options,
        )
        qtbot.addWidget(app.window)
        apps.append(app)
        return app

    yield build
    for app in apps:
        assert app.shutdown(), "the worker thread did not stop"


def sign_in_demo(qtbot: QtBot, app: Application, server: SandboxServer) -> None:
    """Start the app signed in to the sandbox (from the keyring); wait for the first sync."""
    app.settings.set(Preferences.SERVER, server.url)
    app.settings.set(Preferences.EMAIL, DEMO_EMAIL)
    from addressbook.credentials import account_key

    app.credentials.set(account_key(server.url, DEMO_EMAIL), DEMO_PASSWORD)
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS):
        app.start()


@dataclass
class QuestionAnswerer:
    """Stands in for QMessageBox.question, the one modal call a test cannot click offscreen
    without a timer; records what was asked."""

    answer: QMessageBox.StandardButton = Button.Cancel
    asked: list[tuple[str, str]] = field(default_factory=list)

    def __call__(self, parent: QWidget, title: str, text: str, *_args: object) -> Button:
        self.asked.append((title, text))
        return self.answer


@pytest.fixture
def question(monkeypatch: pytest.MonkeyPatch) -> QuestionAnswerer:
    answerer = QuestionAnswerer()
    monkeypatch.setattr(QMessageBox, "question", answerer)
    return answerer


@pytest.fixture
def click_message_box(qtbot: QtBot) -> Callable[[Button], list[str]]:
    """Arm a timer that clicks `button` on the next modal message box; returns the texts seen."""

    def arm(button: Button) -> list[str]:
        seen: list[str] = []
        attempts = [0]

        def attempt() -> None:
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox):
                seen.append(box.text())
                box.button(button).click()
            elif attempts[0] < 500:
                attempts[0] += 1
                QTimer.singleShot(10, attempt)

        QTimer.singleShot(0, attempt)
        return seen

    return arm
