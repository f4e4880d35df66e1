"""v2 error replies -> the same typed errors as v1, in words a user can act on.

Bodies differ by status (reference §9): 401 is OAuth-style
`{"error", "error_description"}`, 403 and 422 carry `{"message"}` (and sometimes
a `Hint` header), a 404 is JSON for an unknown id but an HTML page for an
unknown path, and 429 is HTML. So nothing here assumes JSON, and whatever the
server says is scrubbed of the token before it reaches a message.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import httpx

from ..errors import (
    AccessDeniedError,
    AuthenticationError,
    HarvestError,
    NotFoundError,
)
from ..scrub import scrub
from ..statuses import error_beyond_access, harvest_says, server_words

NOT_A_MANAGER = (
    "Harvest only shows client contacts to administrators, and to managers who are "
    "allowed to create and edit clients. Ask an administrator of the Harvest account "
    "to give you that permission."
)


def _json_words(body: bytes) -> list[str]:
    """`message`, else `error_description`, else `error`: the reference's client rule."""
    try:
        document = json.loads(body)
    except (ValueError, RecursionError):
        return []
    if not isinstance(document, dict):
        return []
    for key in ("message", "error_description", "error"):
        value = document.get(key)
        if isinstance(value, str) and value.strip():
            return [value.strip()]
    return []


def words_of(headers: httpx.Headers, body: bytes, secrets: Iterable[str] = ()) -> list[str]:
    """The server's reasons, JSON first, then the Hint header or the page's text."""
    found = _json_words(body) if body.lstrip().startswith(b"{") else []
    hints = [hint.strip() for hint in headers.get_list("hint") if hint.strip()]
    words = found + [hint for hint in hints if hint not in found]
    if not words:
        words = server_words(headers, body)
    return [scrub(text, secrets) for text in words]


def error_for(
    status: int,
    headers: httpx.Headers,
    body: bytes,
    subject: str,
    method: str,
    secrets: Iterable[str] = (),
) -> HarvestError:
    words = words_of(headers, body, secrets)
    said = harvest_says(words)
    if status == 401:
        return AuthenticationError(
            "Harvest refused the personal access token: it may be mistyped, revoked or "
            "expired. Create a new one at https://id.getharvest.com/developers." + said,
            status=status,
        )
    if status == 403:
        return AccessDeniedError(
            f"Harvest refused access to {subject}. {NOT_A_MANAGER}", status=status
        )
    if status == 404:
        return NotFoundError(
            f"Harvest could not find {subject}; it may have been deleted." + said, status=status
        )
    return error_beyond_access(status, method, words)
