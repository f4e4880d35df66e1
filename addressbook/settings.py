"""Settings declared once, typed, over QSettings.

User preferences (which account, options) and window state (geometry,
splitters, columns) live in separate groups, as Picard does: window state can
be reset without losing preferences. A password is never a setting.
"""

from __future__ import annotations

import hashlib
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
    EXCHANGE_FOLDER = Setting("preferences/exchange_folder", "", str)  # last import/export
    SHOW_INACTIVE_CLIENTS = Setting("preferences/show_inactive_clients", True, bool)
    SHOW_CARD = Setting("preferences/show_card", True, bool)


@dataclass(frozen=True)
class SavedAccount:
    """The account last used with one data dir: its address, its login and its API.

    v1: (account URL, email, "v1"); v2: (API URL + "/v2", account id, "v2"). Never a
    password or a token: those live in the keyring only.
    """

    server: str
    email: str
    api: str = "v1"


def data_dir_key(data_dir: Path) -> str:
    """A stable settings group for one data dir (its path may hold any character)."""
    path = str(Path(data_dir).expanduser().resolve())
    return hashlib.sha256(path.encode("utf-8", "surrogatepass")).hexdigest()[:16]


class WindowState:
    """How the window looked when it was closed."""

    GEOMETRY = Setting("window/geometry", QByteArray(), QByteArray)
    STATE = Setting("window/state", QByteArray(), QByteArray)
    SPLITTER = Setting("window/splitter", QByteArray(), QByteArray)
    DETAILS_SPLITTER = Setting("window/details_splitter", QByteArray(), QByteArray)
    TABLE_HEADER = Setting("window/table_header", QByteArray(), QByteArray)  # before Phone
    # The table's columns (shown, widths, order, sort): a new key since the Phone column,
    # so an older layout (seven columns, phones off screen) gives way to the defaults.
    TABLE_COLUMNS = Setting("window/table_columns", QByteArray(), QByteArray)


class Settings:
    """Typed access to one QSettings store (the user's, or a file given by tests)."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            self._store = QSettings(
                QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG_NAME, APP_ID
            )
        else:
            self._store = QSettings(str(path), QSettings.Format.IniFormat)
        _make_private(Path(self._store.fileName()))

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

    # -- the account of each data dir ------------------------------------------------
    # The cache lives in the data dir, so the account goes with it: a launch with another
    # --data-dir must not open this dir's account over an empty cache, nor the reverse.
    # Preferences.SERVER/EMAIL (one global pair, from before) are still read, for a data
    # dir that has no entry of its own yet, but never written again.

    def saved_account(self, data_dir: Path) -> SavedAccount | None:
        group = f"accounts/{data_dir_key(data_dir)}"
        server = str(self._store.value(f"{group}/server", "") or "")
        email = str(self._store.value(f"{group}/email", "") or "")
        if server and email:
            api = str(self._store.value(f"{group}/api", "v1") or "v1")
            return SavedAccount(server, email, api if api in ("v1", "v2") else "v1")
        server, email = self.get(Preferences.SERVER), self.get(Preferences.EMAIL)
        return SavedAccount(server, email, "v1") if server and email else None

    def remember_account(self, data_dir: Path, account: SavedAccount) -> None:
        group = f"accounts/{data_dir_key(data_dir)}"
        self._store.setValue(f"{group}/server", account.server)
        self._store.setValue(f"{group}/email", account.email)
        self._store.setValue(f"{group}/api", account.api)


def _make_private(path: Path) -> None:
    """The file (and its folder) are the user's alone before QSettings first writes it;
    QSettings keeps an existing file's mode when it rewrites it (QSaveFile)."""
    from addressbook.private_files import create_private_file, make_private_dir

    try:
        make_private_dir(path.parent)
        create_private_file(path)
    except OSError:  # an unwritable config folder: QSettings reports it in status() itself
        pass
