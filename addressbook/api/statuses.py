"""HTTP error replies -> the typed errors, in words a user can act on.

Harvest puts its real reason in a `Hint` header or in the body, and the body
may be XML, an nginx HTML page or plain text: never assume it is XML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from typing import Any

import httpx

from .codec import looks_like_xml, parse_document
from .errors import (
    AccessDeniedError,
    AuthenticationError,
    GatewayError,
    HarvestError,
    NotFoundError,
    ProtocolError,
    ServerError,
    ValidationError,
)
from .scrub import scrub

MAX_WORDS_LENGTH = 300
# An HTML page is reduced to its visible text; its <title> only repeats its <h1>.
_TAGS = re.compile(r"<(script|style|title)\b.*?</\1\s*>|<[^>]*>", re.IGNORECASE | re.DOTALL)
_SPACES = re.compile(r"\s+")


MAX_DEPTH = 20


def _texts(node: Any, wanted: tuple[str, ...], depth: int = 0) -> Iterator[str]:
    """Texts of every <error>/<message> element, depth first, in document order."""
    if depth > MAX_DEPTH:  # error documents are shallow; a deep one is not worth a stack
        return
    if isinstance(node, list):
        for child in node:
            yield from _texts(child, wanted, depth + 1)
    elif isinstance(node, dict):
        for key, child in node.items():
            if key in wanted:
                yield from _leaf_texts(child)
            elif not key.startswith(("@", "#")):
                yield from _texts(child, wanted, depth + 1)


def _leaf_texts(child: Any) -> Iterator[str]:
    for item in child if isinstance(child, list) else [child]:
        text = item.get("#text") if isinstance(item, dict) else item
        if isinstance(text, str) and text.strip():
            yield text.strip()


def _shorten(text: str) -> str:
    text = _SPACES.sub(" ", text).strip()
    return text if len(text) <= MAX_WORDS_LENGTH else text[: MAX_WORDS_LENGTH - 1] + "…"


def _body_texts(body: bytes, secrets: tuple[str, ...]) -> list[str]:
    if looks_like_xml(body):
        try:
            root, content = parse_document(body)
        except ProtocolError:
            root, content = "", None  # HTML that is not well-formed XML
        found = [
            _shorten(scrub(text, secrets)) for text in _texts({root: content}, ("error", "message"))
        ]
        if found:
            return found
        text = html.unescape(_TAGS.sub(" ", body.decode("utf-8", "replace")))
    else:
        text = body.decode("utf-8", "replace")
    return [_shorten(scrub(text, secrets))] if text.strip() else []


def server_words(headers: httpx.Headers, body: bytes, secrets: Iterable[str] = ()) -> list[str]:
    """The server's reasons: Hint headers first, then <error>/<message> texts, else the body;
    scrubbed of the credentials (some servers echo the request back)."""
    secrets = tuple(secrets)
    hints = [_shorten(scrub(hint, secrets)) for hint in headers.get_list("hint") if hint.strip()]
    texts = _body_texts(body, secrets)
    return hints + [text for text in texts if text not in hints]


def harvest_says(words: list[str]) -> str:
    """The server's own reasons, appended to our sentence (nothing when it gave none)."""
    return f" Harvest says: {'; '.join(words)}" if words else ""


def error_for(
    status: int,
    headers: httpx.Headers,
    body: bytes,
    subject: str,
    method: str,
    *,
    secrets: Iterable[str] = (),
) -> HarvestError:
    words = server_words(headers, body, secrets)
    said = harvest_says(words)
    if status == 401:
        return AuthenticationError(
            "Harvest refused the email or password. Check them and sign in again." + said,
            status=status,
        )
    if status == 403:
        return AccessDeniedError(
            f"Harvest refused access to {subject}: this user lacks the permission. "
            "Ask an administrator of the Harvest account." + said,
            status=status,
        )
    if status == 404:
        return NotFoundError(
            f"Harvest could not find {subject}. It may have been deleted, or this user is not "
            "an administrator: Harvest answers 'not found' to non-admin users too." + said,
            status=status,
        )
    return error_beyond_access(status, method, words)


def error_beyond_access(status: int, method: str, words: list[str]) -> HarvestError:
    """The errors both API versions word alike: refused changes, gateways, server faults."""
    said = harvest_says(words)
    if status in (400, 422):
        errors = words or [f"Harvest refused the request (HTTP {status})."]
        return ValidationError(
            f"Harvest refused the change: {'; '.join(errors)}", errors=errors, status=status
        )
    if status in (502, 504) and method == "POST":
        return GatewayError(
            f"Harvest's gateway failed (HTTP {status}) after the request was sent; it may or "
            "may not have been saved. Refresh before trying again." + said,
            outcome_unknown=True,
            status=status,
        )
    if status >= 500:
        return ServerError(
            f"Harvest had a problem on its side (HTTP {status}). Try again in a few minutes."
            + said,
            status=status,
        )
    return HarvestError(f"Harvest refused the request (HTTP {status})." + said, status=status)


def redirect_error(status: int, location: str | None) -> HarvestError:
    """3xx is never followed: it means the account address is wrong (http vs https)."""
    where = f" to {location}" if location else ""
    return HarvestError(
        f"Harvest redirected the request{where} (HTTP {status}). Check the account address: "
        "it must be https://YOURCOMPANY.harvestapp.com.",
        status=status,
    )
