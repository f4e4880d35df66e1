"""Following v2's `links.next` without trusting it further than needed.

Open question (reference §13): whether `links.next` keeps `client_id` and
`updated_since`. A next link that dropped a filter would quietly turn "contacts
of client 7 changed since 10:15" into "every contact", and one that named
another host would carry the token there. So only the position is taken from
the link (its `cursor`, or `page` for the deprecated page-based form) and the
next request is rebuilt from our own base URL and our own filters. Both the
cursor and the page are kept opaque.
"""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

from ..errors import ProtocolError, ValidationError

POSITION_KEYS = ("cursor", "page")


def since_parameter(moment: datetime) -> str:
    """ISO 8601 UTC to the second (`2024-03-01T10:15:00Z`), as v2's `datetime` type asks.

    Whether Harvest compares with `>` or `>=` is not documented; the sync engine already
    asks from a watermark minus a margin and stores by id, so either is safe.
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)  # naive times are taken as UTC
    try:
        # isoformat, not strftime: %Y drops the leading zeros of years before 1000.
        return moment.astimezone(UTC).isoformat(timespec="seconds")[:19] + "Z"
    except OverflowError:
        raise ValidationError(
            f"{moment.isoformat()} is not a date Harvest can search from."
        ) from None


def next_position(link: str) -> dict[str, str]:
    """`…/v2/contacts?cursor=abc&per_page=2000&ref=next_cursor` -> {"cursor": "abc"}."""
    try:
        query = parse_qs(urlsplit(link).query, keep_blank_values=False)
    except ValueError:
        query = {}
    for key in POSITION_KEYS:
        values = query.get(key)
        if values and values[-1]:
            return {key: values[-1]}
    raise ProtocolError(
        "Harvest sent a next-page link without a position; the list stops there. Try again later."
    )
