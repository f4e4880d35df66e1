"""Settings declared once, typed, over QSettings.

User preferences (which account, options) and window state (geometry,
splitters, columns) live in separate groups, as Picard does: window state can
be reset without losing preferences. A password is never a setting.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from addressbook import APP_ID, ORG_NAME

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T
    kind: type


class Preferences:
    """What the user chose."""

    SERVER = Setting("preferences/server", "", str)
    EMAIL = Setting("preferences/email", "", str)
    # Clean up's region for phone numbers typed without +country ("": the system locale's).
    PHONE_REGION = Setting("preferences/phone_region", "", str)
    REMEMBER_PASSWORD = Setting("preferences/remember_password", True, bool)
    KEYRING_WARNING_SHOWN = Setting("preferences/keyring_warning_shown", False, bool)


class WindowState:
    """How the window looked when it was closed."""

    GEOMETRY = Setting("window/geometry", QByteArray(), QByteArray)
    STATE = Setting("window/state", QByteArray(), QByteArray)
    SPLITTER = Setting("window/splitter", QByteArray(), QByteArray)
    DETAILS_SPLITTER = Setting("window/details_splitter", QByteArray(), QByteArray)
    TABLE_HEADER = Setting("window/table_header", QByteArray(), QByteArray)


class Settings:
    """Typed access to one QSettings store (the user's, or a file given by tests)."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            self._store = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                    ORG_NAME, APP_ID)
        else:
            self._store = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def file_name(self) -> str:
        return self._store.fileName()

    def get(self, setting: Setting[T]) -> T:
        if setting.kind is QByteArray:
            stored: Any = self._store.value(setting.key)
            return stored if isinstance(stored, QByteArray) else setting.default  # type: ignore[return-value]
        value: Any = self._store.value(setting.key, setting.default, type=setting.kind)
        return value  # type: ignore[no-any-return]

    def set(self, setting: Setting[T], value: T) -> None:
        if not isinstance(value, setting.kind):
            wanted, got = setting.kind.__name__, type(value).__name__
            raise TypeError(f"{setting.key} takes {wanted}, not {got}")
        self._store.setValue(setting.key, value)

    def remove(self, setting: Setting[Any]) -> None:
        self._store.remove(setting.key)

    def sync(self) -> None:
        self._store.sync()
