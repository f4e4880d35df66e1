"""The contact card (addressbook/ui/card/, shown by addressbook/ui/details_panel.py), as a
person sees it and as a screen reader reads it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QAccessible, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QLabel, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from addressbook.core.avatar import INITIALS_COLOUR
from addressbook.core.contrast import contrast_ratio
from addressbook.core.models import Client, Contact
from addressbook.index.rows import ContactRow, build_rows
from addressbook.settings import Settings
from addressbook.ui.card import SyncState, subtitle
from addressbook.ui.details_panel import NOTHING_SELECTED, DetailsPanel
from addressbook.ui.main_window import MainWindow
from tests.ui import a11y
from tests.ui.helpers import show

TRICKY = "AT&T <b>O'Neil</b> > R&D \u200f"  # &, ', <, >, and a bidi mark
SHOWN = TRICKY.strip()


def row_of(contact: Contact, company: str = "Bücher & Söhne GmbH") -> ContactRow:
    return build_rows([contact], {contact.client_id: company})[0]


ANN = Contact(
    id=1,
    client_id=1,
    first_name="Ann",
    last_name="Lee",
    title="Director of R&D",
    email="ann.lee@buecher-und-soehne.example",
    phone_office="+1 (555) 010-1234",
    phone_mobile="0171 555 ask Jenny",
)


@pytest.fixture
def panel(qtbot: QtBot) -> DetailsPanel:
    panel = DetailsPanel()
    panel.resize(360, 640)
    show(qtbot, panel)
    return panel


class UrlCatcher(QObject):
    """Receives mailto: and tel: URLs instead of the desktop's mail and phone apps."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


@pytest.fixture
def opened() -> Iterator[list[str]]:
    catcher = UrlCatcher()
    for scheme in ("mailto", "tel"):
        QDesktopServices.setUrlHandler(scheme, catcher, "open")
    yield catcher.urls
    for scheme in ("mailto", "tel"):
        QDesktopServices.unsetUrlHandler(scheme)


def test_name_large_with_title_at_company_and_initials(panel: DetailsPanel) -> None:
    panel.show_rows([row_of(ANN)])
    card = panel.card
    assert card.name.text() == "Ann Lee"
    assert card.name.font().pointSizeF() > card.subtitle.font().pointSizeF() * 1.4
    assert card.subtitle.text() == "Director of R&D at Bücher & Söhne GmbH"
    assert card.avatar.initials() == "AL"
    assert contrast_ratio(INITIALS_COLOUR, card.avatar.colour()) >= 4.5
    panel.show_rows([row_of(ANN)])
    assert card.avatar.colour() == panel.card.avatar.colour()  # the same name, the same colour
    assert subtitle("", "Acme") == "Acme" and subtitle("CEO", None) == "CEO"


def test_every_field_shows_tricky_text_as_typed(panel: DetailsPanel) -> None:
    tricky = Contact(
        id=2,
        client_id=1,
        first_name=TRICKY,
        last_name="",
        title=TRICKY,
        email=TRICKY,
        phone_office=TRICKY,
        phone_mobile=TRICKY,
        fax=TRICKY,
    )
    panel.show_rows([row_of(tricky, company=TRICKY)])
    card = panel.card
    labels = [
        card.name,
        card.subtitle,
        card.sync_text,
        *(row.value for section in card.sections.values() for row in section.rows.values()),
    ]
    for label in labels:
        assert label.textFormat() == Qt.TextFormat.PlainText, label
    assert card.name.text() == SHOWN
    assert card.subtitle.text() == f"{TRICKY} at {TRICKY}"
    for section in card.sections.values():
        for row in section.rows.values():
            assert row.value.full_text() == TRICKY
            assert a11y.name(row.value) == TRICKY  # what is shown is what is spoken
            assert "&amp;" not in row.value.toolTip() or row.value.toolTip().startswith("<qt>")


def test_bidi_overrides_are_removed_for_display(panel: DetailsPanel) -> None:
    sneaky = Contact(
        id=3, client_id=1, first_name="in\u202egnp.exe", last_name="", email="a\u202eb@example.com"
    )
    panel.show_rows([row_of(sneaky)])
    assert panel.card.name.text() == "ingnp.exe"
    assert panel.card.sections["Email"].rows["email"].value.full_text() == "ab@example.com"


def test_empty_values_are_left_out(panel: DetailsPanel) -> None:
    bare = Contact(id=4, client_id=1, first_name="Bo", last_name="Ray", email="bo@x.example")
    panel.show_rows([row_of(bare, company="")])
    card = panel.card
    assert not card.sections["Phone"].isVisibleTo(card)
    assert not card.sections["Work"].isVisibleTo(card)
    assert not card.subtitle.isVisibleTo(card)
    assert card.sections["Email"].isVisibleTo(card)
    texts = [label.text() for label in card.findChildren(QLabel) if label.isVisibleTo(card)]
    assert "—" not in texts


def test_long_values_are_elided_with_the_full_value_in_tooltip(
    qtbot: QtBot, panel: DetailsPanel
) -> None:
    long_mail = "someone.with.a.really.long.address." * 3 + "@example.com"
    panel.show_rows(
        [row_of(Contact(id=5, client_id=1, first_name="Al", last_name="Long", email=long_mail))]
    )
    value = panel.card.sections["Email"].rows["email"].value
    qtbot.waitUntil(value.is_elided, timeout=2000)
    assert value.text().endswith("…") and value.toolTip() == long_mail
    assert value.full_text() == long_mail and a11y.name(value) == long_mail
    assert value.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert panel.card.width() <= panel.width()  # never wider than its pane


def test_write_call_and_copy(qtbot: QtBot, panel: DetailsPanel, opened: list[str]) -> None:
    panel.show_rows([row_of(ANN)])
    email = panel.card.sections["Email"].rows["email"]
    phones = panel.card.sections["Phone"].rows
    qtbot.mouseClick(email.buttons["write"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(phones["phone_office"].buttons["call"], Qt.MouseButton.LeftButton)
    assert opened == ["mailto:ann.lee@buecher-und-soehne.example", "tel:+15550101234"]
    qtbot.mouseClick(phones["phone_mobile"].buttons["copy"], Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "0171 555 ask Jenny"  # as typed, note too


def test_emails_and_phones_are_buttons_a_screen_reader_can_press(panel: DetailsPanel) -> None:
    panel.show_rows([row_of(ANN)])
    write = panel.card.sections["Email"].rows["email"].buttons["write"]
    call = panel.card.sections["Phone"].rows["phone_office"].buttons["call"]
    assert a11y.name(write) == "Write to ann.lee@buecher-und-soehne.example"
    assert a11y.name(call) == "Call +1 (555) 010-1234"
    for button in (write, call):
        assert a11y.role(button) == QAccessible.Role.Button
        assert "Press" in a11y.actions(button)
    heading = panel.card.name
    assert a11y.name(heading) == "Ann Lee" and a11y.description(heading) == "Name"
    value = panel.card.sections["Work"].rows["company"].value
    assert (a11y.name(value), a11y.description(value)) == ("Bücher & Söhne GmbH", "Company")


def test_tab_and_shift_tab_walk_the_card_both_ways(qtbot: QtBot, panel: DetailsPanel) -> None:
    panel.show_rows([row_of(ANN)])
    buttons = [b for b in panel.card.findChildren(QToolButton) if b.isVisibleTo(panel)]
    first = buttons[0]
    first.setFocus()
    qtbot.waitUntil(first.hasFocus, timeout=2000)
    seen: list[QWidget] = [first]
    for _ in range(len(buttons) + 1):
        qtbot.keyClick(QGuiApplication.focusObject(), Qt.Key.Key_Tab)
        seen.append(QGuiApplication.focusObject())
    assert set(buttons) <= set(seen)
    assert panel.card.edit_button in seen
    for _ in range(len(seen) - 1):
        qtbot.keyClick(QGuiApplication.focusObject(), Qt.Key.Key_Backtab)
    assert QGuiApplication.focusObject() is first  # Shift+Tab comes all the way back


def test_sync_state_in_words_with_its_badge(panel: DetailsPanel) -> None:
    panel.show_rows([row_of(ANN)], dirty=True)
    card = panel.card
    assert card.sync_text.text() == "Changed here, not yet sent to Harvest"
    assert card.sync_state() is SyncState.CHANGED
    assert not card.sync_badge.pixmap().isNull()
    panel.show_rows([row_of(ANN)], conflict=True)
    assert card.sync_text.text().startswith("Conflict")
    panel.show_rows([row_of(ANN)])
    assert card.sync_text.text() == "Up to date with Harvest"
    assert a11y.name(card.sync_text) == "Up to date with Harvest"


def test_placeholder_and_several_selected(panel: DetailsPanel) -> None:
    assert panel.placeholder.isVisible() and panel.placeholder.text() == NOTHING_SELECTED
    rows = build_rows([ANN, Contact(id=9, client_id=1, first_name="B", last_name="C")], {1: "X"})
    panel.show_rows(rows)
    assert panel.heading.text() == "2 contacts selected"
    assert a11y.name(panel.placeholder) == "2 contacts selected"
    assert not panel.scroll.isVisible()


def test_other_parts_can_add_a_section(qtbot: QtBot, panel: DetailsPanel) -> None:
    history = QLabel("History")
    panel.add_section(history)
    with qtbot.waitSignal(panel.card.contact_shown, timeout=2000) as shown:
        panel.show_rows([row_of(ANN)])
    assert shown.args[0].id == ANN.id  # the section learns whose card it is on
    assert history.isVisibleTo(panel.card)
    assert history.geometry().top() > panel.card.sections["Work"].geometry().bottom()
    assert history.geometry().bottom() < panel.card.edit_button.geometry().top()


def test_the_card_follows_dark_mode(qtbot: QtBot, panel: DetailsPanel) -> None:
    from addressbook.ui.palette import SCHEMES, apply_palette

    before = QGuiApplication.palette()
    try:
        panel.show_rows([row_of(ANN)])
        apply_palette("dark")
        section = panel.card.sections["Email"]
        qtbot.waitUntil(
            lambda: (
                section.palette().color(section.backgroundRole()).name() == SCHEMES["dark"]["Card"]
            ),
            timeout=2000,
        )
        assert panel.card.palette().color(panel.card.foregroundRole()).lightnessF() > 0.8
        apply_palette("light")
        qtbot.waitUntil(
            lambda: (
                section.palette().color(section.backgroundRole()).name() == SCHEMES["light"]["Card"]
            ),
            timeout=2000,
        )
    finally:
        QGuiApplication.setPalette(before)


def test_copy_is_confirmed_in_the_status_bar_and_said(
    qtbot: QtBot, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show_contacts([row_of(ANN)], [Client(1, "Bücher & Söhne GmbH")])
    window.set_signed_in(True)
    window.contacts.select_contacts([1], 1)
    copy = window.details.card.sections["Phone"].rows["phone_office"].buttons["copy"]
    with a11y.capture_announcements(monkeypatch) as caught:
        copy.click()
    assert window.status.currentMessage() == "Copied the office number +1 (555) 010-1234."
    assert caught.messages() == ["Copied the office number +1 (555) 010-1234."]
    assert a11y.name(copy) == "Copy office number"


SCALED_PROBE = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from addressbook.core.models import Contact
from addressbook.index.rows import build_rows
from addressbook.ui.details_panel import DetailsPanel
panel = DetailsPanel()
panel.resize(320, 560)
contact = Contact(id=1, client_id=1, first_name="Ann", last_name="Lee", email="ann@x.example")
panel.show_rows(build_rows([contact], {1: "Acme"}))
panel.show()
app.processEvents()
shot = panel.grab()
badge = panel.card.sync_badge.pixmap()
print(shot.devicePixelRatio(), shot.width(), badge.devicePixelRatio(), badge.width())
"""


def test_the_card_is_drawn_sharp_at_2x() -> None:
    """QT_SCALE_FACTOR=2 (a HiDPI screen): the card and its badge are drawn at 2x pixels."""
    import os
    import subprocess
    import sys

    environment = dict(os.environ, QT_SCALE_FACTOR="2", QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", SCALED_PROBE],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    ratio, width, badge_ratio, badge_width = result.stdout.split()
    assert float(ratio) == 2.0 and int(width) == 640
    assert float(badge_ratio) == 2.0 and int(badge_width) == 32  # 16 logical px, 32 real
