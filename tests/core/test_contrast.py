"""WCAG contrast (addressbook/core/contrast.py) and the avatar's initials and colour
(addressbook/core/avatar.py): Qt-free."""

from __future__ import annotations

import pytest

from addressbook.core.avatar import AVATAR_COLOURS, INITIALS_COLOUR, avatar_colour, initials
from addressbook.core.contrast import contrast_ratio, parse_hex, passes, readable_text_on


def test_known_ratios() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
    # Qt's default white on its default highlight: the 3.7:1 the audit measured.
    assert contrast_ratio("#ffffff", "#308cc6") == pytest.approx(3.6, abs=0.15)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#ffffff", "#767676") == contrast_ratio("#767676", "#ffffff")


def test_passes_and_readable_text() -> None:
    assert passes("#767676", "#ffffff") and not passes("#777777", "#ffffff")
    assert readable_text_on("#1c5fb8") == "#ffffff"
    assert readable_text_on("#f0b44c") == "#000000"


@pytest.mark.parametrize("bad", ["", "#fff", "#12345g", "red"])
def test_bad_colours_are_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_hex(bad)


@pytest.mark.parametrize("colour", AVATAR_COLOURS)
def test_every_avatar_colour_carries_its_initials_at_4_5_to_1(colour: str) -> None:
    assert contrast_ratio(INITIALS_COLOUR, colour) >= 4.5


def test_avatar_colour_is_stable_and_ignores_case_and_accents() -> None:
    assert avatar_colour("Zoë O'Neil") == avatar_colour("zoe o'neil  ")
    assert avatar_colour("Ann Lee") in AVATAR_COLOURS
    names = [f"Person {number}" for number in range(200)]
    assert len({avatar_colour(name) for name in names}) == len(AVATAR_COLOURS)  # spread out


def test_initials() -> None:
    assert initials("Ann Lee") == "AL"
    assert initials("zoë") == "Z"
    assert initials("Marie-Claire de la Cruz") == "MC"
    assert initials("  ") == "?"
    assert initials("O'Neil, Ann") == "OA"
    assert initials("\u200fعلي حسن") == "عح"  # the bidi mark is nobody's initial
