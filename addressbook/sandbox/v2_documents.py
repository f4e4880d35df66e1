"""The sandbox's v2 JSON bodies, shaped like the recorded ones in harvest-api-v2.md.

Unset contact strings are "" and an unset title is null, as Harvest sends
them; a contact names its client in a nested {"id", "name"}; timestamps are
UTC to the second with `Z`. The 429 page is HTML, as Harvest's is.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from addressbook.core.models import Client, Contact

from . import documents

ACCOUNT_ID = 1_234_567
USER_ID = 2_348_607
JSON_CONTENT_TYPE = "application/json; charset=utf-8"
HTML_CONTENT_TYPE = "text/html; charset=utf-8"
THROTTLED_HTML = """<!DOCTYPE html>
<html><head><title>Too Many Requests</title></head>
<body><h1>Too Many Requests</h1>
<p>You have reached the 100 requests per 15 seconds limit.</p></body></html>
"""
INVALID_TOKEN = (
    "The access token provided is expired, revoked, malformed or invalid for other reasons."
)


def timestamp(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat(timespec="seconds")[:19] + "Z"


def dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def contact(record: Contact, client_name: str) -> dict[str, Any]:
    return {
        "id": record.id,
        "title": record.title or None,
        "first_name": record.first_name,
        "last_name": record.last_name,
        "email": record.email or "",
        "phone_office": record.phone_office or "",
        "phone_mobile": record.phone_mobile or "",
        "fax": record.fax or "",
        "created_at": timestamp(record.created_at),
        "updated_at": timestamp(record.updated_at),
        "client": {"id": record.client_id, "name": client_name},
    }


def client(record: Client) -> dict[str, Any]:
    return {
        "id": record.id,
        "name": record.name,
        "is_active": record.active,
        "address": record.address or record.details or None,
        "statement_key": record.statement_key or f"{record.id:032x}",
        "created_at": timestamp(record.created_at),
        "updated_at": timestamp(record.updated_at),
        "currency": _iso_currency(record.currency),
    }


def _iso_currency(label: str | None) -> str:
    """v1's "United States Dollar - USD" is v2's "USD"."""
    if not label:
        return "USD"
    return label.rsplit(" - ", 1)[-1].strip() or "USD"


def user_me(email: str, admin: bool) -> dict[str, Any]:
    return {
        "id": USER_ID,
        "first_name": "Demo",
        "last_name": "User",
        "email": email,
        "telephone": "",
        "timezone": documents.TIMEZONE,
        "is_contractor": False,
        "is_active": True,
        "weekly_capacity": 126000,
        "access_roles": ["administrator"] if admin else ["member"],
        "roles": [],
        "avatar_url": "",
        "created_at": "2020-05-01T20:41:00Z",
        "updated_at": "2020-05-01T20:42:25Z",
    }


def company() -> dict[str, Any]:
    return {
        "base_uri": f"https://{documents.COMPANY_DOMAIN}",
        "full_domain": documents.COMPANY_DOMAIN,
        "name": documents.COMPANY_NAME,
        "is_active": True,
        "week_start_day": "Monday",
        "time_format": "hours_minutes",
        "date_format": "%Y-%m-%d",
        "clock": "24h",
        "plan_type": "sponsored",
        "weekly_capacity": 126000,
    }


def accounts(email: str, account_id: int, others: list[tuple[int, str]]) -> dict[str, Any]:
    """What id.getharvest.com/api/v2/accounts answers: the user and every account it reaches."""
    listed = [
        {"id": account_id, "name": documents.COMPANY_NAME, "product": "harvest"},
        {"id": account_id + 1, "name": f"{documents.COMPANY_NAME} planning", "product": "forecast"},
    ]
    listed += [{"id": other, "name": name, "product": "harvest"} for other, name in others]
    return {
        "user": {"id": USER_ID, "first_name": "Demo", "last_name": "User", "email": email},
        "accounts": listed,
    }


def page_envelope(
    key: str,
    items: list[bytes],
    *,
    per_page: int,
    total: int,
    first_page: bool,
    last_page: bool,
    links: dict[str, str | None],
) -> bytes:
    """A list page: records plus the pagination keys; `page` and friends are null in the
    middle of a cursor scan, as the docs say."""
    total_pages = max(1, -(-total // per_page))
    envelope = {
        "per_page": per_page,
        "total_pages": total_pages,
        "total_entries": total,
        "next_page": 2 if first_page and not last_page else None,
        "previous_page": None,
        "page": 1 if first_page else (total_pages if last_page else None),
        "links": links,
    }
    tail = dumps(envelope)
    return b'{"' + key.encode() + b'":[' + b",".join(items) + b"]," + tail[1:]


def error(message: str) -> bytes:
    return dumps({"message": message})


NOT_FOUND_JSON = dumps({"status": 404, "error": "Not Found"})
