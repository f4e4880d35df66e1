"""updated_since: UTC, minute-precise, accepted in the forms clients send."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import quote

import pytest

from addressbook.sandbox import SandboxServer

from .support import FakeClock, Wire, element_text

MINUTE = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def ids(reply_root: object) -> set[int]:
    return {int(element_text(contact, "id") or 0) for contact in reply_root}  # type: ignore[attr-defined]


@pytest.fixture
def stamped(server: SandboxServer, clock: FakeClock) -> dict[str, int]:
    """Three contacts changed at 11:59:59, 12:00:00 and 12:00:59 (demo data is older)."""
    made = {}
    for label, moment in [("before", "11:59:59"), ("start", "12:00:00"), ("end", "12:00:59")]:
        clock.now = datetime.fromisoformat(f"2024-05-01T{moment}+00:00")
        made[label] = server.store.add_contact(1001, "Up", label).id or 0
    return made


@pytest.mark.parametrize(
    "value",
    ["2024-05-01 12:00", "2024-05-01+12:00", "2024-05-01 12:00:30", "2024-05-01T12:00",
     "2024-05-01T12:00:45Z", "2024-05-01T14:00:00+02:00"],
)  # fmt: skip
def test_minute_precision_includes_the_whole_minute(
    wire: Wire, stamped: dict[str, int], value: str
) -> None:
    query = value if "+" in value and "T" not in value else quote(value)
    reply = wire.get(f"/contacts?updated_since={query}")
    assert reply.status == 200
    assert ids(reply.xml()) == {stamped["start"], stamped["end"]}


def test_client_contacts_filter_too(wire: Wire, stamped: dict[str, int]) -> None:
    reply = wire.get("/clients/1001/contacts?updated_since=2024-05-01%2012%3A00")
    assert ids(reply.xml()) == {stamped["start"], stamped["end"]}


def test_nothing_newer_gives_nil_classes(wire: Wire) -> None:
    reply = wire.get("/contacts?updated_since=2030-01-01+00%3A00")
    assert reply.body.endswith(b'<nil-classes type="array"/>\n')


def test_clients_filter(wire: Wire, server: SandboxServer, clock: FakeClock) -> None:
    clock.advance(3600)
    server.store.toggle_client(1002)
    since = (clock() - timedelta(seconds=30)).strftime("%Y-%m-%d+%H:%M")
    root = wire.get(f"/clients?updated_since={since}").xml()
    assert [element_text(client, "id") for client in root] == ["1002"]


@pytest.mark.parametrize("value", ["yesterday", "2024-13-01+00:00", "", "12:00"])
def test_bad_value_is_400(wire: Wire, value: str) -> None:
    reply = wire.get(f"/contacts?updated_since={value}")
    assert reply.status == 400
    assert b"updated_since" in reply.body
