"""The first screenful of contacts, saved at exit so the next start paints it at once.

Loading 100k contacts from the cache takes most of a second; a user looking
at the window needs only the rows that fit on screen. The snapshot holds
those rows (in the saved sort order), the clients and their counts; the full
cache replaces it moments later. It holds no secret: the same data as the
cache beside it, and is as private (0600). Qt-free.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from addressbook.core.models import CONTACT_FIELDS, Client, Contact
from addressbook.index.rows import ContactRow
from addressbook.private_files import write_private_bytes

log = logging.getLogger(__name__)

FILE_NAME = "startup-snapshot.json"
# A maximised window on a tall 4K screen shows about 90 rows; each row more costs start-up time.
SNAPSHOT_ROWS = 120
_VERSION = 1


@dataclass(frozen=True)
class Snapshot:
    rows: list[ContactRow]
    clients: list[Client]
    counts: dict[int, int]
    total: int


def snapshot_path(data_dir: Path) -> Path:
    return data_dir / FILE_NAME


def _contact_to_json(contact: Contact) -> dict[str, Any]:
    values = {name: getattr(contact, name) for name in CONTACT_FIELDS}
    for name in ("created_at", "updated_at"):
        if values[name] is not None:
            values[name] = values[name].isoformat()
    return values


def _contact_from_json(values: dict[str, Any]) -> Contact:
    for name in ("created_at", "updated_at"):
        if values.get(name):
            values[name] = datetime.fromisoformat(values[name])
    fields: dict[str, Any] = {name: values.get(name) for name in CONTACT_FIELDS}
    return Contact(**fields)


def save_snapshot(
    path: Path, account: str, rows: list[ContactRow], clients: list[Client], counts: dict[int, int]
) -> None:
    document = {
        "version": _VERSION,
        "account": account,
        "total": sum(counts.values()),
        "counts": {str(key): value for key, value in counts.items()},
        "clients": [[client.id, client.name, client.active] for client in clients],
        "rows": [[_contact_to_json(row.contact), row.company] for row in rows[:SNAPSHOT_ROWS]],
    }
    temporary = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        temporary.unlink(missing_ok=True)  # a leftover may be readable by others
        write_private_bytes(temporary, json.dumps(document).encode("utf-8"))
        os.replace(temporary, path)
    except OSError as error:  # a missing snapshot only makes the next start slower
        log.warning("Could not save the startup snapshot: %s", error)


def load_snapshot(path: Path, account: str) -> Snapshot | None:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        if document.get("version") != _VERSION or document.get("account") != account:
            return None
        rows = [
            ContactRow(_contact_from_json(values), company) for values, company in document["rows"]
        ]
        clients = [
            Client(id=int(i), name=str(name), active=bool(active))
            for i, name, active in document["clients"]
        ]
        counts = {int(key): int(value) for key, value in document["counts"].items()}
        return Snapshot(rows, clients, counts, int(document["total"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, KeyError) as error:
        log.warning("Ignoring an unreadable startup snapshot: %s", error)
        return None


def remove_snapshot(path: Path) -> None:
    path.unlink(missing_ok=True)
