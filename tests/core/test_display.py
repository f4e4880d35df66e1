from addressbook.core.display import for_display


def test_plain_and_accented_names_are_shown_as_typed() -> None:
    for name in ["Ann Lee", "Bücher & Söhne GmbH", "O'Neil <ceo>", "Zoë", ""]:
        assert for_display(name) == name


def test_a_right_to_left_override_cannot_reorder_what_follows() -> None:
    assert for_display("invoice\u202egnp.exe") == "invoicegnp.exe"
    assert for_display("\u2067x\u2069") == "x"


def test_bidi_marks_of_real_right_to_left_names_are_kept() -> None:
    name = "\u200fمحمد\u200e Ali"
    assert for_display(name) == name


def test_control_characters_are_made_visible_not_hidden() -> None:
    assert for_display("Ann\x00Lee\x1b") == "Ann\u2400Lee\u241b"
    assert for_display("a\nb") == "a\u240ab"
    assert for_display("a\x85b") == "a\ufffdb"


def test_none_is_shown_as_nothing() -> None:
    assert for_display(None) == ""
