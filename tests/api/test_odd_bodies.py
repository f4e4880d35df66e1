"""Whatever Harvest (or a proxy in front of it) sends, only HarvestError comes out.

Hypothesis feeds random bytes, truncated and mutated Harvest documents, wrong
roots, huge numbers and impossible dates through the codec, through the error
mapping, and through HarvestClient over real loopback HTTP: the sandbox's
`malformed` fault for 200 replies, the canned server for every other status.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from addressbook.api import HarvestClient, HarvestError
from addressbook.api.codec import parse_document, parse_list, parse_record
from addressbook.api.records import CLIENTS, CONTACTS, account_from_item
from addressbook.api.statuses import error_for
from addressbook.core import Client, Contact
from addressbook.sandbox import DEMO_EMAIL, DEMO_PASSWORD, SandboxServer

from .canned import CannedServer
from .test_codec import JANE

CLIENT = """<client><id type="integer">3</id><name>Acme &amp; Co</name>
<active type="boolean">true</active><highrise-id type="integer" nil="true"/>
<cache-version type="integer">7</cache-version>
<updated-at type="datetime">2010-01-02T03:04:05Z</updated-at></client>"""
WHO_AM_I = """<hash><company><name>Acme</name></company><user><id type="integer">42</id>
<email>jo@example.com</email><first-name>Jo</first-name><last-name>Smith</last-name>
<admin type="boolean">true</admin></user></hash>"""
DOCUMENTS = [
    JANE,
    f'<contacts type="array">{JANE}{JANE}</contacts>',
    CLIENT,
    f'<clients type="array">{CLIENT}</clients>',
    '<nil-classes type="array"/>',
    WHO_AM_I,
    "<errors><error>Name has already been taken</error></errors>",
    "<html><head><title>502</title></head><body><h1>We're sorry</h1></body></html>",
]
ODD_VALUES = [
    "",
    " ",
    "nil",
    "-1",
    "0",
    "true",
    "maybe",
    "1e400",
    "9" * 25,
    "9" * 5000,
    "\u0663",
    "0001-01-01T00:00:00+01:00",
    "9999-12-31T23:59:59-05:00",
    "2008-02-30T00:00:00Z",
    "<x/>",
    "&amp;",
    "&#0;",
    "&unknown;",
    "]]>",
    "\ufeff",
    "\x00",
]


@st.composite
def mutated_documents(draw: st.DrawFn) -> bytes:
    """A real Harvest document with one text value replaced, cut short, or re-rooted."""
    text = draw(st.sampled_from(DOCUMENTS))
    values = [part.split("<", 1)[0] for part in text.split(">")[1:] if part.split("<", 1)[0]]
    if values and draw(st.booleans()):
        old = draw(st.sampled_from(values))
        text = text.replace(f">{old}<", f">{draw(st.sampled_from(ODD_VALUES))}<", 1)
    if draw(st.booleans()):
        root = draw(st.sampled_from(["contact", "contacts", "client", "hash", "nil-classes"]))
        text = f'<{root} type="{draw(st.sampled_from(["array", "Array", "hash"]))}">{text}</{root}>'
    data = text.encode()
    if draw(st.booleans()):
        data = (
            draw(
                st.sampled_from(
                    [
                        b"",
                        b"\xef\xbb\xbf",
                        b'<?xml version="1.0"?>\n',
                        b'<?xml version="1.0" encoding="bogus"?>',
                    ]
                )
            )
            + data
        )
    if draw(st.booleans()):
        data = data[: draw(st.integers(min_value=0, max_value=len(data)))]
    return data


ODD_BODIES = st.one_of(
    st.binary(max_size=300), mutated_documents(), st.text(max_size=200).map(str.encode)
)


def only_harvest_errors(call: Callable[[], Any]) -> Any:
    """Runs `call`; any exception but a HarvestError fails the test with its type."""
    try:
        return call()
    except HarvestError as error:
        assert str(error).strip()  # there are words for the user
        return error


def chunks(body: bytes, size: int) -> Iterator[bytes]:
    for start in range(0, len(body), size):
        yield body[start : start + size]


@settings(max_examples=300, deadline=None)
@given(ODD_BODIES, st.integers(min_value=1, max_value=64))
def test_the_codec_lets_only_protocol_errors_out(body: bytes, chunk_size: int) -> None:
    for kind in (CONTACTS, CLIENTS):
        only_harvest_errors(lambda kind=kind: parse_record(body, kind))
        only_harvest_errors(lambda kind=kind: parse_list(chunks(body, chunk_size), kind))
    only_harvest_errors(lambda: account_from_item(parse_document(body)[1]))


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=400, max_value=599),
    ODD_BODIES,
    st.lists(st.text(max_size=40), max_size=3),
)
def test_error_replies_always_map_to_a_harvest_error(
    status: int, body: bytes, hints: list[str]
) -> None:
    headers = httpx.Headers([(b"Hint", hint.encode()) for hint in hints])  # raw UTF-8
    error = error_for(status, headers, body, "contact 9", "PUT")
    assert isinstance(error, HarvestError) and error.message.strip()


# One server and one client for all examples; no budget, no waits: a throttle or a
# gateway error ends the call at once.
def impatient_client(url: str) -> HarvestClient:
    api = HarvestClient(
        url, DEMO_EMAIL, DEMO_PASSWORD, timeout=5.0, max_throttle_wait=0, requests_per_window=10**9
    )
    api.connection.retry_delays = ()
    return api


@pytest.fixture(scope="module")
def odd_sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(clients=2, contacts=3, rate_limit=0) as server:
        yield server


@pytest.fixture(scope="module")
def sandbox_api(odd_sandbox: SandboxServer) -> Iterator[HarvestClient]:
    with impatient_client(odd_sandbox.url) as api:
        yield api


@pytest.fixture(scope="module")
def odd_canned() -> Iterator[CannedServer]:
    with CannedServer() as server:
        yield server


@pytest.fixture(scope="module")
def canned_odd_api(odd_canned: CannedServer) -> Iterator[HarvestClient]:
    with impatient_client(odd_canned.url) as api:
        yield api


CALLS: dict[str, tuple[Callable[[HarvestClient], Any], type | tuple[type, ...]]] = {
    "list_contacts": (lambda api: api.list_contacts(), list),
    "list_client_contacts": (lambda api: api.list_contacts(client_id=1001), list),
    "get_contact": (lambda api: api.get_contact(50001), Contact),
    "list_clients": (lambda api: api.list_clients(), list),
    "get_client": (lambda api: api.get_client(1001), Client),
    "who_am_i": (lambda api: api.who_am_i(), object),
}


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=ODD_BODIES, call=st.sampled_from(sorted(CALLS)))
def test_odd_200_bodies_over_the_wire(
    odd_sandbox: SandboxServer, sandbox_api: HarvestClient, body: bytes, call: str
) -> None:
    """The sandbox answers 200 with exactly these bytes; the client reads them."""
    odd_sandbox.faults.clear()
    odd_sandbox.faults.add("malformed", method="GET", body=body)
    make_call, expected = CALLS[call]
    result = only_harvest_errors(lambda: make_call(sandbox_api))
    assert isinstance(result, (HarvestError, expected))
    assert odd_sandbox.faults.pending == []  # the odd body was the one that was read


HEADER_TEXT = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x2FF), max_size=40)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    status=st.sampled_from(
        [200, 201, 204, 301, 302, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504]
    ),
    body=ODD_BODIES,
    retry_after=HEADER_TEXT,
    location=HEADER_TEXT,
    hint=HEADER_TEXT,
    content_type=st.sampled_from(["application/xml", "text/html", "application/json", ""]),
    call=st.sampled_from(["get", "list", "create", "update", "delete"]),
)
def test_any_status_and_headers_over_the_wire(
    odd_canned: CannedServer,
    canned_odd_api: HarvestClient,
    status: int,
    body: bytes,
    retry_after: str,
    location: str,
    hint: str,
    content_type: str,
    call: str,
) -> None:
    """One reply with these parts; a create's or update's follow-up GET finds none (599)."""
    odd_canned.replies.clear()
    odd_canned.reply(
        status,
        body,
        Retry_After=retry_after,
        Location=location,
        Hint=hint,
        Content_Type=content_type,
    )
    api = canned_odd_api
    new = Contact(id=None, client_id=3, first_name="A", last_name="B")
    calls: dict[str, Callable[[], Any]] = {
        "get": lambda: api.get_contact(9),
        "list": lambda: api.list_contacts(),
        "create": lambda: api.create_contact(new),
        "update": lambda: api.update_contact(9, {"title": "T"}),
        "delete": lambda: api.delete_contact(9),
    }
    only_harvest_errors(calls[call])
