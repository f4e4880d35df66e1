"""An SQLite file behind the sandbox store, so its data survives a restart.

The store keeps everything in memory and writes each change through to this
file while holding its own lock; the one connection is shared by the server's
handler threads (check_same_thread=False), which that lock makes safe.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import Any

from addressbook.core.models import CLIENT_FIELDS, CONTACT_FIELDS, Client, Contact

_SCHEMA_VERSION = 1
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS clients ({", ".join(CLIENT_FIELDS)}, PRIMARY KEY (id));
CREATE TABLE IF NOT EXISTS contacts ({", ".join(CONTACT_FIELDS)}, PRIMARY KEY (id));
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
PRAGMA user_version = {_SCHEMA_VERSION};
"""
_DATETIME_FIELDS = ("created_at", "updated_at")


def _to_row(record: Client | Contact, names: tuple[str, ...]) -> tuple[Any, ...]:
    values = []
    for name in names:
        value = getattr(record, name)
        values.append(value.isoformat() if isinstance(value, datetime) else value)
    return tuple(values)


def _from_row(row: sqlite3.Row) -> dict[str, Any]:
    values = dict(row)
    for name in _DATETIME_FIELDS:
        if values.get(name) is not None:
            values[name] = datetime.fromisoformat(values[name])
    if "active" in values:
        values["active"] = bool(values["active"])  # SQLite hands booleans back as 0/1
    return values


class SqliteFile:
    """Rows for clients and contacts plus the next ids, in one SQLite file."""

    def __init__(self, path: str) -> None:
        self._connection = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._connection.row_factory = sqlite3.Row
        self._connection.execute("PRAGMA journal_mode = WAL")
        self._connection.executescript(_SCHEMA)

    def close(self) -> None:
        self._connection.close()

    def load(self) -> tuple[list[Client], list[Contact], tuple[int, int] | None]:
        execute = self._connection.execute
        clients = [Client(**_from_row(row)) for row in execute("SELECT * FROM clients ORDER BY id")]
        contacts = [
            Contact(**_from_row(row)) for row in execute("SELECT * FROM contacts ORDER BY id")
        ]
        counters = dict(execute("SELECT name, value FROM counters").fetchall())
        if "client" in counters and "contact" in counters:
            return clients, contacts, (counters["client"], counters["contact"])
        return clients, contacts, None

    def save_all(
        self, clients: list[Client], contacts: list[Contact], next_ids: tuple[int, int]
    ) -> None:
        with self._transaction() as connection:
            connection.executemany(
                _upsert("clients", CLIENT_FIELDS), (_to_row(c, CLIENT_FIELDS) for c in clients)
            )
            connection.executemany(
                _upsert("contacts", CONTACT_FIELDS), (_to_row(c, CONTACT_FIELDS) for c in contacts)
            )
            _save_counters(connection, next_ids)

    def save_client(self, client: Client, next_ids: tuple[int, int]) -> None:
        with self._transaction() as connection:
            connection.execute(_upsert("clients", CLIENT_FIELDS), _to_row(client, CLIENT_FIELDS))
            _save_counters(connection, next_ids)

    def save_contact(self, contact: Contact, next_ids: tuple[int, int]) -> None:
        with self._transaction() as connection:
            connection.execute(
                _upsert("contacts", CONTACT_FIELDS), _to_row(contact, CONTACT_FIELDS)
            )
            _save_counters(connection, next_ids)

    def delete_client(self, client_id: int, contact_ids: list[int]) -> None:
        """The client and its contacts go together or not at all."""
        with self._transaction() as connection:
            connection.executemany("DELETE FROM contacts WHERE id = ?", ((i,) for i in contact_ids))
            connection.execute("DELETE FROM clients WHERE id = ?", (client_id,))

    def delete_contact(self, contact_id: int) -> None:
        with self._transaction() as connection:
            connection.execute("DELETE FROM contacts WHERE id = ?", (contact_id,))

    def _transaction(self) -> _Transaction:
        return _Transaction(self._connection)


class _Transaction:
    """BEGIN ... COMMIT, or ROLLBACK when the block raises."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def __enter__(self) -> sqlite3.Connection:
        self._connection.execute("BEGIN")
        return self._connection

    def __exit__(self, kind: object, error: object, traceback: object) -> None:
        self._connection.execute("COMMIT" if kind is None else "ROLLBACK")


def _upsert(table: str, names: tuple[str, ...]) -> str:
    placeholders = ", ".join("?" for _ in names)
    return f"INSERT OR REPLACE INTO {table} ({', '.join(names)}) VALUES ({placeholders})"


def _save_counters(connection: sqlite3.Connection, next_ids: tuple[int, int]) -> None:
    connection.executemany(
        "INSERT OR REPLACE INTO counters (name, value) VALUES (?, ?)",
        [("client", next_ids[0]), ("contact", next_ids[1])],
    )
