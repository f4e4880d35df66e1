"""Which Harvest accounts a token opens, asked of Harvest ID off the GUI thread.

A one-shot request made before any account (and so before the worker's
session) exists; its answer comes back as a signal on the GUI thread. The
token is held only by the running task.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class AccountsLookup(QObject):
    found = Signal(object)  # list[tuple[int, str]]
    failed = Signal(str, str)  # message, kind ("auth", "network", "error")

    def __init__(self, accounts_url: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.accounts_url = accounts_url
        self.transport: Any = None  # tests may hand in an httpx transport

    def start(self, token: str) -> None:
        QThreadPool.globalInstance().start(_Task(self, token))

    def run(self, token: str) -> None:
        """On a pool thread: the signals are queued to the GUI thread's receivers."""
        from addressbook.api import AuthenticationError, HarvestError, NetworkError
        from addressbook.api.v2.accounts import list_accounts

        try:
            accounts = list_accounts(token, url=self.accounts_url, transport=self.transport)
        except AuthenticationError as error:
            self.failed.emit(str(error), "auth")
        except NetworkError as error:
            self.failed.emit(str(error), "network")
        except HarvestError as error:
            self.failed.emit(str(error), "error")
        else:
            self.found.emit([(account.id, account.name) for account in accounts])


class _Task(QRunnable):
    def __init__(self, lookup: AccountsLookup, token: str) -> None:
        super().__init__()
        self._lookup, self._token = lookup, token

    def run(self) -> None:
        token, self._token = self._token, ""
        self._lookup.run(token)
