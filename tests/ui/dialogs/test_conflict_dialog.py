"""The conflict dialog: both versions side by side, a choice per field or for the record."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QRadioButton
from pytestqt.qtbot import QtBot

from addressbook.storage import Conflict
from addressbook.ui.dialogs import ConflictDialog
from tests.ui.helpers import show

FIELDS = {
    "email": ("jane@new.example.com", "jane@other.example.com"),
    "phone_office": (None, "+1 555 0100 ext 12 ask Jenny"),
    "client_id": (1, 2),
}


def make(qtbot: QtBot, conflict: Conflict) -> ConflictDialog:
    dialog = ConflictDialog(
        conflict, contact_name="Jane Doe", client_names={1: "Acme", 2: "Smith & Co"}
    )
    show(qtbot, dialog)
    return dialog


def click(qtbot: QtBot, radio: QRadioButton) -> None:
    """Click the indicator: a stretched radio button's middle can be empty space."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))


def test_both_versions_are_shown_field_by_field(qtbot: QtBot) -> None:
    dialog = make(qtbot, Conflict(5, FIELDS))
    assert dialog.windowTitle() == "Conflict: Jane Doe"
    texts = {key: radio.text() for key, radio in dialog.radios.items()}
    assert texts[("email", "mine")] == "jane@new.example.com"
    assert texts[("email", "theirs")] == "jane@other.example.com"
    assert texts[("phone_office", "mine")] == "(empty)"
    assert texts[("client_id", "theirs")] == "Smith && Co"  # shown as "Smith & Co"
    assert all(radio.accessibleName() for radio in dialog.radios.values())
    assert not any(radio.isChecked() for radio in dialog.radios.values())


def test_apply_needs_a_choice_for_every_field(qtbot: QtBot) -> None:
    dialog = make(qtbot, Conflict(5, FIELDS))
    assert not dialog.apply_button.isEnabled()
    for field, side in (("email", "mine"), ("phone_office", "theirs")):
        dialog.radios[(field, side)].setFocus()
        qtbot.keyClick(dialog.radios[(field, side)], Qt.Key.Key_Space)
    assert dialog.choices() == {"email": "mine", "phone_office": "theirs"}
    assert not dialog.apply_button.isEnabled()
    assert "1 more" in dialog.apply_button.toolTip()
    click(qtbot, dialog.radios[("client_id", "theirs")])
    assert dialog.apply_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert dialog.choices() == {"email": "mine", "phone_office": "theirs", "client_id": "theirs"}


def test_changing_a_choice_replaces_it(qtbot: QtBot) -> None:
    dialog = make(qtbot, Conflict(5, FIELDS))
    dialog.set_choice("email", "mine")
    dialog.set_choice("email", "theirs")
    assert dialog.choices() == {"email": "theirs"}


@pytest.mark.parametrize("side", ["mine", "theirs"])
def test_keep_all_one_side_resolves_in_one_click(qtbot: QtBot, side: str) -> None:
    dialog = make(qtbot, Conflict(5, FIELDS))
    dialog.set_choice("email", "theirs" if side == "mine" else "mine")
    button = dialog.keep_all_mine_button if side == "mine" else dialog.keep_all_theirs_button
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dialog.choices() == dict.fromkeys(FIELDS, side)


def test_decide_later_leaves_the_conflict(qtbot: QtBot) -> None:
    dialog = make(qtbot, Conflict(5, FIELDS))
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.choices() == {}


@pytest.mark.parametrize(
    ("kind", "fields", "words"),
    [
        ("deleted_on_server", {"email": ("a@example.com", None)}, "deleted on Harvest"),
        ("changed_on_server", {"title": (None, "CEO")}, "someone changed it on Harvest"),
        ("fields", {}, "changed on this computer and on Harvest"),
    ],
)
@pytest.mark.parametrize("side", ["mine", "theirs"])
def test_whole_record_conflicts_offer_two_choices(
    qtbot: QtBot, kind: str, fields: dict[str, tuple[object, object]], words: str, side: str
) -> None:
    dialog = make(qtbot, Conflict(5, fields, kind))  # type: ignore[arg-type]
    assert dialog.is_whole_record()
    assert words in dialog.explanation.text()
    assert dialog.choices() is None and not dialog.apply_button.isEnabled()
    assert len(dialog.radios) == 2
    click(qtbot, dialog.radios[("", side)])
    assert dialog.choices() == side
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert dialog.keep_all_mine_button.text() == "Keep &mine"


def test_whole_record_keep_buttons_resolve_too(qtbot: QtBot) -> None:
    dialog = make(qtbot, Conflict(5, {}, "deleted_on_server"))
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.mouseClick(dialog.keep_all_theirs_button, Qt.MouseButton.LeftButton)
    assert dialog.choices() == "theirs"


def test_long_values_are_shortened_with_the_full_text_in_the_tooltip(qtbot: QtBot) -> None:
    long_title = "Head of " + "very " * 30 + "important things"
    dialog = make(qtbot, Conflict(5, {"title": (long_title, "CEO")}))
    radio = dialog.radios[("title", "mine")]
    assert radio.text().endswith("…") and len(radio.text()) <= 60
    assert radio.toolTip() == long_title


def test_tricky_text_reads_as_typed_everywhere(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLabel

    tricky = "AT&T <b>O'Neil</b> > R&D \u200f"
    conflict = Conflict(5, {"title": (tricky, "Zoë's <i>Bakery</i>"), "client_id": (1, 2)})
    dialog = ConflictDialog(
        conflict, contact_name=tricky, client_names={1: "Bücher & Söhne GmbH", 2: "<Smith> & Co"}
    )
    show(qtbot, dialog)
    labels = dialog.findChildren(QLabel)
    assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    assert tricky in dialog.explanation.text()
    mine, theirs = dialog.radios[("title", "mine")], dialog.radios[("title", "theirs")]
    assert mine.text().replace("&&", "&") == tricky
    assert theirs.text().replace("&&", "&") == "Zoë's <i>Bakery</i>"
    assert dialog.radios[("client_id", "theirs")].text() == "<Smith> && Co"
    assert theirs.accessibleName() == "Title: keep theirs, Zoë's <i>Bakery</i>"


def test_whole_record_explanation_is_plain_text(qtbot: QtBot) -> None:
    dialog = ConflictDialog(Conflict(5, {}, kind="deleted_on_server"), contact_name="<b>AT&T</b>")
    show(qtbot, dialog)
    assert dialog.explanation.textFormat() == Qt.TextFormat.PlainText
    assert dialog.explanation.text().startswith("<b>AT&T</b> was deleted on Harvest")
