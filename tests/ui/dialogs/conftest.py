"""Fixtures for the dialog tests: a few clients and contacts, and ways to answer a question box."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from addressbook.core import Client, Contact

Button = QMessageBox.StandardButton


@pytest.fixture
def clients() -> list[Client]:
    return [
        Client(3, "Zeta GmbH"),
        Client(1, "acme corp"),
        Client(2, "Old Co", active=False),
        Client(4, "Émile & Fils"),
    ]


@pytest.fixture
def contact() -> Contact:
    return Contact(
        id=42,
        client_id=1,
        first_name="Jane",
        last_name="Doe",
        title="Buyer",
        email="jane@acme.example.com",
        phone_office="+1 (555) 0101 ext 12 ask Jenny",
        phone_mobile=None,
        fax=None,
    )


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
