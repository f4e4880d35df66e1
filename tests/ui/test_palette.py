"""The app's palette (addressbook/ui/palette.py): every text colour on its background passes
4.5:1, light and dark, as applied to the real QPalette."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QGuiApplication, QPalette

from addressbook.core.contrast import contrast_ratio, readable_text_on
from addressbook.ui import palette as app_palette
from addressbook.ui.palette import (
    DISABLED_TEXT,
    SCHEMES,
    STATE_COLOURS,
    TEXT_PAIRS,
    apply_palette,
    build_palette,
    card_palette,
)

Role = QPalette.ColorRole


@pytest.fixture
def restored_palette() -> Iterator[None]:
    before = QPalette(QGuiApplication.palette())
    yield
    QGuiApplication.setPalette(before)


def _colour(palette: QPalette, role_name: str) -> str:
    if role_name == "Card":
        return card_palette(palette).color(Role.Base).name()
    return palette.color(getattr(Role, role_name)).name()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("foreground", "background"), TEXT_PAIRS)
def test_text_pairs_pass_in_the_applied_palette(
    scheme: str, foreground: str, background: str
) -> None:
    palette = build_palette(scheme)
    ratio = contrast_ratio(_colour(palette, foreground), _colour(palette, background))
    assert ratio >= 4.5, f"{scheme}: {foreground} on {background} is {ratio:.2f}:1"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_audit_failures_now_pass(scheme: str) -> None:
    """White on the selection (was 3.7), placeholders (3.4-3.9), dimmed text (3.5-3.7)."""
    palette = build_palette(scheme)
    assert (
        contrast_ratio(
            palette.color(Role.HighlightedText).name(), palette.color(Role.Highlight).name()
        )
        >= 4.5
    )
    assert (
        contrast_ratio(palette.color(Role.PlaceholderText).name(), palette.color(Role.Base).name())
        >= 4.5
    )
    disabled = palette.color(QPalette.ColorGroup.Disabled, Role.Text).name()
    assert disabled == DISABLED_TEXT[scheme]
    for background in ("Window", "Base"):
        assert contrast_ratio(disabled, SCHEMES[scheme][background]) >= 4.5


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_disabled_field_looks_disabled_and_still_reads(scheme: str) -> None:
    palette = build_palette(scheme)
    disabled = QPalette.ColorGroup.Disabled
    field = palette.color(disabled, Role.Base).name()
    assert field != palette.color(QPalette.ColorGroup.Active, Role.Base).name()
    assert contrast_ratio(palette.color(disabled, Role.Text).name(), field) >= 4.5
    assert contrast_ratio(palette.color(disabled, Role.PlaceholderText).name(), field) >= 4.5


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_state_colours_read_and_stand_out(scheme: str) -> None:
    for tone, colour in STATE_COLOURS[scheme].items():
        assert contrast_ratio(readable_text_on(colour), colour) >= 4.5, tone
        assert contrast_ratio(colour, SCHEMES[scheme]["Window"]) >= 3.0, tone  # a graphic


def test_dark_is_dark_and_light_is_light() -> None:
    assert build_palette("dark").color(Role.Window).lightnessF() < 0.25
    assert build_palette("light").color(Role.Window).lightnessF() > 0.9


def test_the_environment_chooses_the_scheme(
    monkeypatch: pytest.MonkeyPatch, restored_palette: None
) -> None:
    monkeypatch.setenv(app_palette.SCHEME_VARIABLE, "dark")
    assert apply_palette() == "dark"
    assert QGuiApplication.palette().color(Role.Window).name() == SCHEMES["dark"]["Window"]
    assert app_palette.current_scheme() == "dark"
    monkeypatch.setenv(app_palette.SCHEME_VARIABLE, "light")
    assert apply_palette() == "light"
    monkeypatch.setenv(app_palette.SCHEME_VARIABLE, "purple")  # nonsense: the system decides
    assert apply_palette() in ("light", "dark")
