"""Dates read as dates: the user's locale, or ISO where Qt has only its "C" locale."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QLocale

from addressbook.ui.dates import short_date_time

MOMENT = datetime(2026, 12, 1, 10, 49, tzinfo=UTC)


@pytest.fixture
def locale_named() -> Iterator[Callable[[str], None]]:
    before = QLocale()

    def use(name: str) -> None:
        QLocale.setDefault(QLocale(name))

    yield use
    QLocale.setDefault(before)


def test_without_a_locale_the_date_is_iso_not_day_month_year_digits(
    locale_named: Callable[[str], None],
) -> None:
    locale_named("C")
    text = short_date_time(MOMENT)
    local = MOMENT.astimezone()
    assert text == local.strftime("%Y-%m-%d %H:%M")


def test_a_real_locale_writes_its_own_short_form(locale_named: Callable[[str], None]) -> None:
    locale_named("en_US")
    local = MOMENT.astimezone()
    assert short_date_time(MOMENT).startswith(f"{local.month}/{local.day}/26")
