"""Compressed replies are inflated under a ratio cap; the list's size follows its records."""

from __future__ import annotations

import dataclasses
import gzip
import zlib

import pytest

from addressbook.api import HarvestClient, ProtocolError
from addressbook.api.codec import ListBudget, parse_list
from addressbook.api.records import CONTACTS

from .canned import CannedServer

LIST_START = b'<?xml version="1.0" encoding="UTF-8"?>\n<contacts type="array">'
JANE = (
    b'<contact><id type="integer">7</id><client-id type="integer">1</client-id>'
    b"<first-name>Jane\xc2\x9b31m\xe2\x80\xaeRed</first-name><last-name>Doe</last-name>"
    b"</contact>"
)


def test_a_gzipped_list_is_read_and_odd_characters_stay_data(
    canned: CannedServer, canned_api: HarvestClient
) -> None:
    body = LIST_START + JANE + b"</contacts>"
    canned.reply(200, gzip.compress(body), **{"Content-Encoding": "gzip"})
    [jane] = canned_api.list_contacts()
    assert jane.first_name == "Jane\x9b31m\u202eRed"  # kept as sent; shown escaped by the UI
    assert canned.seen[-1].headers["accept-encoding"] == "gzip, deflate"


def test_a_deflated_reply_is_read(canned: CannedServer, canned_api: HarvestClient) -> None:
    canned.reply(
        200, zlib.compress(LIST_START + JANE + b"</contacts>"), **{"Content-Encoding": "deflate"}
    )
    assert [c.id for c in canned_api.list_contacts()] == [7]


def test_a_compression_bomb_of_comments_is_refused_by_its_ratio(
    canned: CannedServer, canned_api: HarvestClient
) -> None:
    # Comments hold no text and no records: only the ratio (or, later, the list's size)
    # can stop them. A lower ratio than the default 200 lets it trip first here.
    limits = canned_api.connection.limits
    canned_api.connection.limits = dataclasses.replace(limits, max_ratio=20)
    bomb = gzip.compress(LIST_START + b"<!---->" * (8 << 20) + b"</contacts>", 9)
    canned.reply(200, bomb, **{"Content-Encoding": "gzip"})
    with pytest.raises(ProtocolError, match="expands more than 20 fold"):
        canned_api.list_contacts()


def test_an_unknown_encoding_is_refused(canned: CannedServer, canned_api: HarvestClient) -> None:
    canned.reply(200, b"\x00\x01", **{"Content-Encoding": "br"})
    with pytest.raises(ProtocolError, match=r"encoding this app does not read \(br\)"):
        canned_api.list_contacts()


def test_a_list_may_only_grow_as_its_records_justify() -> None:
    budget = ListBudget(floor=1000, per_record=400, max_records=3)
    padding = b" " * 900
    chunks = [LIST_START, JANE, padding, JANE, b"</contacts>"]
    assert len(parse_list(iter(chunks), CONTACTS, budget)) == 2
    with pytest.raises(ProtocolError, match="with only 1 contacts"):
        parse_list(iter([LIST_START, JANE, padding, padding, JANE]), CONTACTS, budget)
    with pytest.raises(ProtocolError, match="more than 3 contacts"):
        parse_list(iter([LIST_START, *[JANE] * 5, b"</contacts>"]), CONTACTS, budget)


def test_a_long_escaped_field_under_the_limits_is_read() -> None:
    name = b"&amp;" * 60_000  # 300 KB on the wire, 60,000 characters once read
    body = LIST_START + JANE.replace(b"<last-name>Doe", b"<last-name>" + name) + b"</contacts>"
    pieces = [body[i : i + 65536] for i in range(0, len(body), 65536)]
    [contact] = parse_list(iter(pieces), CONTACTS)
    assert contact.last_name == "&" * 60_000


@pytest.mark.parametrize("split", [30, 150, 10_000])
def test_raw_control_characters_stay_in_the_data(split: int) -> None:
    """XML forbids them, but one colleague's stray ESC must not stop every sync."""
    body = (
        LIST_START + JANE.replace(b"<last-name>Doe", b"<last-name>D\x1b[2Joe\x07") + b"</contacts>"
    )
    [contact] = parse_list(iter([body[:split], body[split:]]), CONTACTS)
    assert contact.last_name == "D\x1b[2Joe\x07"
    assert contact.first_name == "Jane\x9b31m\u202eRed"
