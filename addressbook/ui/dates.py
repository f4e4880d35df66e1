"""Dates and times as the user's locale writes them.

Qt's "C" locale (no LANG set, as on a bare server or a minimal container) writes a
short date as "1 12 2026", which reads as nothing; there the ISO form is clearer.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QLocale


def short_date_time(moment: datetime) -> str:
    """In local time: "12/1/26 10:49 AM" in en_US, "01.12.26 10:49" in de_DE, else ISO."""
    local = moment.astimezone()
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return local.strftime("%Y-%m-%d %H:%M")
    return locale.toString(local, QLocale.FormatType.ShortFormat)
