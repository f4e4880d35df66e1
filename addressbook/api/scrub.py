"""Credentials out of any text a server sent, before it becomes a message.

A misconfigured proxy or server may echo the request back in its error page
(`Authorization: Basic ZGVtb0…`, or the decoded `email:password`). Error text
is shown in the window and kept in the outbox, so it is scrubbed here, once,
where server words become a HarvestError, and again where old stored text is shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

HIDDEN = "[hidden]"
# Any credential in header form, whoever it belongs to (Basic, Bearer, Token ...).
# At least 16 characters: "Basic authentication" is words, a credential is longer.
_HEADER_VALUE = re.compile(r"\b(Basic|Bearer|basic|bearer)(\s+|\s*[(])[A-Za-z0-9+/=._~:-]{16,}\)?")
_QUERY_TOKEN = re.compile(r"(access_token=)[^&\s\"'<>]+", re.IGNORECASE)


def scrub(text: str, secrets: Iterable[str] = ()) -> str:
    """`text` with every known secret and anything shaped like a credential hidden."""
    # Longest first, so "email:password" goes whole before "password" inside it.
    # A secret shorter than four characters ("", or the ":" of empty Basic credentials)
    # would hide ordinary text; no real password or token is that short.
    for secret in sorted((s for s in secrets if len(s) >= 4), key=len, reverse=True):
        text = text.replace(secret, HIDDEN)
    text = _HEADER_VALUE.sub(lambda match: f"{match.group(1)} {HIDDEN}", text)
    return _QUERY_TOKEN.sub(lambda match: match.group(1) + HIDDEN, text)
