"""Numbered migrations, applied in order; PRAGMA user_version records the last one applied.

Never edit a released migration: add a new one. A file whose user_version is
above SCHEMA_VERSION comes from a newer release and is not touched (see recovery).
"""

from __future__ import annotations

import sqlite3

from .database import rollback

_MIGRATIONS: tuple[str, ...] = (
    # 1: the server copy (base) of clients and contacts, the sync metadata, the outbox.
    # Record times are UTC epoch seconds (REAL): 6x cheaper to write than ISO text on a
    # 100k pull and no slower to read; metadata times are ISO text.
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE clients (
        id INTEGER PRIMARY KEY, name TEXT NOT NULL, active INTEGER NOT NULL,
        currency TEXT, currency_symbol TEXT, details TEXT, highrise_id INTEGER,
        cache_version INTEGER, default_invoice_timeframe TEXT, last_invoice_kind TEXT,
        statement_key TEXT, address TEXT, created_at REAL, updated_at REAL
    );
    CREATE TABLE contacts (
        id INTEGER PRIMARY KEY, client_id INTEGER NOT NULL,
        first_name TEXT NOT NULL, last_name TEXT NOT NULL, title TEXT, email TEXT,
        phone_office TEXT, phone_mobile TEXT, fax TEXT, created_at REAL, updated_at REAL
    );
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('create', 'update', 'delete')),
        contact_id INTEGER NOT NULL,
        changes TEXT NOT NULL,
        base TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'queued'
            CHECK (state IN ('queued', 'sending', 'unknown', 'rejected')),
        error TEXT,
        created_at TEXT NOT NULL,
        sent_at TEXT
    );
    CREATE INDEX outbox_by_contact ON outbox (contact_id);
    """,
    # 2: conflicts waiting for the user, and the temporary ids already replaced
    # (so an unknown-outcome create never adopts a contact twice).
    """
    CREATE TABLE conflicts (
        contact_id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('fields', 'deleted_on_server', 'changed_on_server')),
        fields TEXT NOT NULL,
        snapshot TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE TABLE created_ids (
        temp_id INTEGER PRIMARY KEY,
        server_id INTEGER NOT NULL UNIQUE,
        created_at TEXT NOT NULL
    );
    """,
    # 3: every version of a contact seen, one row per contact holding a JSON list of
    # [source, seen_at, delta] oldest first (see history: reverse deltas), and the trash.
    """
    CREATE TABLE history (contact_id INTEGER PRIMARY KEY, versions TEXT NOT NULL);
    CREATE TABLE trash (
        contact_id INTEGER PRIMARY KEY,
        source TEXT NOT NULL CHECK (source IN ('harvest', 'local')),
        deleted_at REAL NOT NULL,
        contact TEXT NOT NULL
    );
    """,
)

SCHEMA_VERSION = len(_MIGRATIONS)


class NewerSchemaError(Exception):
    """The file was written by a newer release of the app."""


def user_version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def migrate(connection: sqlite3.Connection, *, target: int = SCHEMA_VERSION) -> int:
    """Bring the file up to `target`, one committed step per version; returns the old version."""
    found = user_version(connection)
    if found > SCHEMA_VERSION:
        raise NewerSchemaError(f"cache schema {found} is newer than this app's {SCHEMA_VERSION}")
    for number in range(found + 1, target + 1):
        _apply(connection, number, _MIGRATIONS[number - 1])
    return found


def _apply(connection: sqlite3.Connection, number: int, script: str) -> None:
    # executescript would commit on its own; run statements one by one inside our transaction
    # so that a crash mid-migration leaves the previous version intact.
    connection.execute("BEGIN IMMEDIATE")
    try:
        for statement in script.split(";"):
            if statement.strip():
                connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {number}")
    except BaseException:
        rollback(connection)
        raise
    connection.execute("COMMIT")
