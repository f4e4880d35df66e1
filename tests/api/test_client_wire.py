"""HarvestClient against exact wire bytes from a canned-reply loopback server.

These are the replies real Harvest (or a proxy before it) has been seen to
send and that our sandbox, being correct, never does.
"""

from __future__ import annotations

import base64
import ipaddress
import ssl
import threading
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

import pytest

from addressbook import __version__
from addressbook.api import (
    AuthenticationError,
    CancelledError,
    HarvestClient,
    HarvestError,
    NetworkError,
    NotFoundError,
    ProtocolError,
    ServerError,
    ThrottledError,
    ValidationError,
)
from addressbook.api.errors import AccessDeniedError, GatewayError
from addressbook.core import Contact

from .canned import CannedServer
from .test_codec import JANE, JANE_CONTACT

LIST = f'<contacts type="array">{JANE}</contacts>'
NGINX_502 = (
    "<html><head><title>502 Bad Gateway</title></head><body>"
    "<h1>We're sorry, but something went wrong.</h1></body></html>"
)
NEW = Contact(id=None, client_id=11072, first_name="Jane", last_name="Doe")


def test_request_headers(canned: CannedServer, canned_api: HarvestClient) -> None:
    """Accept and Content-Type on every request, bodies or not, as Harvest's docs ask."""
    canned.reply(200, LIST)
    canned.reply(201, " ", Location="/contacts/9")
    canned.reply(200, JANE)
    canned.reply(200, " ")
    canned_api.list_contacts()
    canned_api.create_contact(NEW)
    canned_api.delete_contact(9)
    token = base64.b64encode("a@example.com:pässword".encode()).decode()
    assert [seen.method for seen in canned.seen] == ["GET", "POST", "GET", "DELETE"]
    for seen in canned.seen:
        assert seen.headers["authorization"] == f"Basic {token}"
        assert seen.headers["accept"] == "application/xml"
        assert seen.headers["content-type"] == "application/xml; charset=utf-8"
        agent = seen.headers["user-agent"]
        assert agent == f"HarvestContacts/{__version__} (+python-httpx)"
        assert not any(token in agent for token in ("iPhone", "iPad", "iPod", "Android"))


def test_updated_since_on_the_wire(canned: CannedServer, canned_api: HarvestClient) -> None:
    """The documented form: ?updated_since=2010-09-25+18%3A30 (UTC, to the minute)."""
    canned.reply(200, '<nil-classes type="array"/>')
    canned.reply(200, '<nil-classes type="array"/>')
    moment = datetime(2010, 9, 25, 20, 30, 59, tzinfo=timezone(timedelta(hours=2)))
    canned_api.list_contacts(updated_since=moment)
    canned_api.list_contacts(client_id=4, updated_since=moment)
    assert [seen.path for seen in canned.seen] == [
        "/contacts?updated_since=2010-09-25+18%3A30",
        "/clients/4/contacts?updated_since=2010-09-25+18%3A30",
    ]


@pytest.mark.parametrize("content_type", ["text/html", "application/json", "text/plain", ""])
def test_content_type_that_lies_is_ignored(
    canned: CannedServer, canned_api: HarvestClient, content_type: str
) -> None:
    canned.reply(200, LIST, Content_Type=content_type)
    canned.reply(200, JANE, Content_Type=content_type)
    assert canned_api.list_contacts() == [JANE_CONTACT]
    assert canned_api.get_contact(9) == JANE_CONTACT


def test_bom_over_the_wire(canned: CannedServer, canned_api: HarvestClient) -> None:
    canned.reply(200, "\ufeff" + '<?xml version="1.0" encoding="UTF-8"?>\n' + LIST)
    canned.reply(200, "\ufeff" + JANE)
    assert canned_api.list_contacts() == [JANE_CONTACT]
    assert canned_api.get_contact(9) == JANE_CONTACT


def test_empty_list_as_nil_classes(canned: CannedServer, canned_api: HarvestClient) -> None:
    canned.reply(200, '<nil-classes type="array"/>')
    canned.reply(200, '<nil-classes type="array"/>')
    assert canned_api.list_clients() == []
    assert canned_api.list_contacts(client_id=5) == []
    assert canned.seen[1].path == "/clients/5/contacts"


@pytest.mark.parametrize(
    "moment, sent",
    [
        (datetime(1, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=1))), None),  # before UTC began
        (datetime(5, 1, 2, 3, 4, tzinfo=UTC), "0005-01-02+03%3A04"),
    ],
)
def test_updated_since_at_the_edges_of_time(
    canned: CannedServer, canned_api: HarvestClient, moment: datetime, sent: str | None
) -> None:
    canned.reply(200, '<nil-classes type="array"/>')
    if sent is None:
        with pytest.raises(ValidationError, match="not a date Harvest can search from"):
            canned_api.list_contacts(updated_since=moment)
        assert canned.seen == []
    else:
        assert canned_api.list_contacts(updated_since=moment) == []
        assert canned.seen[0].path == f"/contacts?updated_since={sent}"


@pytest.mark.parametrize(
    "location",
    [
        "/contacts/77",
        "https://acme.harvestapp.com/contacts/77",
        "http://127.0.0.1:1/contacts/77/",
        "/contacts/77.xml",
        "/contacts/77?from=api",
    ],
)
def test_create_reads_the_id_from_location(
    canned: CannedServer, canned_api: HarvestClient, location: str
) -> None:
    canned.reply(201, "<this is not parsed", Location=location)
    canned.reply(200, JANE.replace(">9<", ">77<", 1))
    created = canned_api.create_contact(NEW)
    assert created.id == 77
    assert [(s.method, s.path) for s in canned.seen] == [
        ("POST", "/contacts"),
        ("GET", "/contacts/77"),
    ]


@pytest.mark.parametrize(
    "location",
    [
        None,
        "",
        "/clients/77",
        "/contacts/abc",
        "/contacts/-3",
        "/contacts/\u0663",
        "/contacts/" + "9" * 5000,
        "http://[::1/contacts/77",
    ],
)
def test_create_without_a_usable_location(
    canned: CannedServer, canned_api: HarvestClient, location: str | None
) -> None:
    headers = {} if location is None else {"Location": location}
    canned.reply(201, "", **headers)
    with pytest.raises(ProtocolError, match="did not say its new id"):
        canned_api.create_contact(NEW)
    assert len(canned.seen) == 1  # and it was not sent a second time


def test_create_that_cannot_be_read_back_keeps_its_id(
    canned: CannedServer, canned_api: HarvestClient
) -> None:
    canned.reply(201, "", Location="/contacts/78")
    canned.reply(500, "oops")
    created = canned_api.create_contact(NEW)
    assert created == Contact(id=78, client_id=11072, first_name="Jane", last_name="Doe")


def test_update_ignores_its_reply_body_and_gets_again(
    canned: CannedServer, canned_api: HarvestClient
) -> None:
    canned.reply(200, "{not xml", Location="/contacts/9")
    canned.reply(200, JANE)
    assert canned_api.update_contact(9, {"title": "President"}) == JANE_CONTACT
    put = canned.seen[0]
    assert (put.method, put.path) == ("PUT", "/contacts/9")
    assert put.body.count(b"\n  <") == 1


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_redirects_are_not_followed(
    canned: CannedServer, canned_api: HarvestClient, status: int
) -> None:
    canned.reply(
        status,
        "Redirected to https://acme.harvestapp.com/contacts",
        Location="https://acme.harvestapp.com/contacts",
    )
    with pytest.raises(HarvestError, match="https://YOURCOMPANY.harvestapp.com") as caught:
        canned_api.list_contacts()
    assert caught.value.status == status
    assert len(canned.seen) == 1


@pytest.mark.parametrize(
    "headers, body, expected",
    [
        (
            {"Hint": "Client has active projects"},
            "<errors><error>ignored?</error></errors>",
            ["Client has active projects", "ignored?"],
        ),
        (
            {},
            "<errors><error>Name has already been taken</error>"
            "<error>Email is invalid</error></errors>",
            ["Name has already been taken", "Email is invalid"],
        ),
        (
            {},
            "<hash><message>First name can't be blank</message></hash>",
            ["First name can't be blank"],
        ),
        ({}, '<?xml version="1.0"?><error><message>Bad client</message></error>', ["Bad client"]),
        ({}, "<errors><error>  spaced  </error></errors>", ["spaced"]),
        ({}, "  Plain text reason.\n ", ["Plain text reason."]),
        ({}, "", ["Harvest refused the request (HTTP {status})."]),
        ({"Hint": "Only a hint"}, "", ["Only a hint"]),
    ],
)
@pytest.mark.parametrize("status", [400, 422])
def test_validation_errors_carry_the_servers_words(
    canned: CannedServer,
    canned_api: HarvestClient,
    status: int,
    headers: dict[str, str],
    body: str,
    expected: list[str],
) -> None:
    canned.reply(status, body, **headers)
    with pytest.raises(ValidationError) as caught:
        canned_api.update_contact(9, {"title": "x"})
    errors = [text.format(status=status) for text in expected]
    assert caught.value.errors == errors
    assert caught.value.status == status
    for text in errors:
        assert text in caught.value.message


@pytest.mark.parametrize("status", [404, 500, 501])
def test_every_error_shows_the_servers_words(
    canned: CannedServer, canned_api: HarvestClient, status: int
) -> None:
    """Hint first, then the body's own text: the real reason is there, not in the status."""
    canned.reply(status, "Database is being migrated", Hint="Do you have sufficient privileges?")
    with pytest.raises(HarvestError) as caught:
        canned_api.delete_contact(9)
    message = caught.value.message
    assert message.index("sufficient privileges") < message.index("being migrated")


@pytest.mark.parametrize(
    "status, error, words",
    [
        (401, AuthenticationError, "email or password"),
        (403, AccessDeniedError, "permission"),
        (404, NotFoundError, "non-admin"),
        (500, ServerError, "HTTP 500"),
        (501, ServerError, "HTTP 501"),
        (409, HarvestError, "HTTP 409"),
    ],
)
def test_status_mapping(
    canned: CannedServer,
    canned_api: HarvestClient,
    status: int,
    error: type[HarvestError],
    words: str,
) -> None:
    canned.reply(status, NGINX_502)
    with pytest.raises(error, match=words) as caught:
        canned_api.get_contact(9)
    assert caught.value.status == status
    assert "pässword" not in caught.value.message
    assert not isinstance(caught.value, NotFoundError) or status == 404


def test_403_is_not_mistaken_for_a_deletion(
    canned: CannedServer, canned_api: HarvestClient
) -> None:
    canned.reply(403, "")
    with pytest.raises(HarvestError) as caught:
        canned_api.delete_contact(9)
    assert not isinstance(caught.value, NotFoundError)


@pytest.mark.parametrize("status", [502, 504])
def test_gateway_errors_are_retried_for_get(
    canned: CannedServer, canned_api: HarvestClient, status: int
) -> None:
    canned.reply(status, NGINX_502, Content_Type="text/html")
    canned.reply(status, NGINX_502, Content_Type="text/html")
    canned.reply(200, JANE)
    assert canned_api.get_contact(9) == JANE_CONTACT
    assert len(canned.seen) == 3


def test_gateway_errors_give_up_after_bounded_retries(
    canned: CannedServer, canned_api: HarvestClient
) -> None:
    for _ in range(6):
        canned.reply(502, NGINX_502)
    with pytest.raises(ServerError, match="HTTP 502"):
        canned_api.list_contacts()
    assert len(canned.seen) == 1 + len(canned_api.connection.retry_delays)


def test_gateway_error_on_create_is_not_resent(
    canned: CannedServer, canned_api: HarvestClient
) -> None:
    canned.reply(504, NGINX_502)
    with pytest.raises(GatewayError) as caught:
        canned_api.create_contact(NEW)
    assert isinstance(caught.value, ServerError) and isinstance(caught.value, NetworkError)
    assert caught.value.outcome_unknown
    assert len(canned.seen) == 1


def test_http_date_retry_after(canned: CannedServer, canned_api: HarvestClient) -> None:
    soon = format_datetime(datetime.now(UTC) + timedelta(seconds=1), usegmt=True)
    canned.reply(503, "throttled", Retry_After=soon)
    canned.reply(200, JANE)
    waits: list[float] = []
    canned_api.on_throttle = waits.append
    assert canned_api.get_contact(9) == JANE_CONTACT
    assert len(waits) == 1 and 0 <= waits[0] <= 2


@pytest.mark.parametrize("status", [429, 503])
def test_throttled_writes_are_resent(
    canned: CannedServer, canned_api: HarvestClient, status: int
) -> None:
    canned.reply(status, "", Retry_After="0")
    canned.reply(201, "", Location="/contacts/9")
    canned.reply(200, JANE)
    waits: list[float] = []
    canned_api.on_throttle = waits.append
    assert canned_api.create_contact(NEW) == JANE_CONTACT
    assert [s.method for s in canned.seen] == ["POST", "POST", "GET"]
    assert canned.seen[0].body == canned.seen[1].body
    assert waits == [0.0]


def test_throttle_without_retry_after_waits_16_seconds_and_can_be_cancelled(
    canned: CannedServer,
    canned_api: HarvestClient,
) -> None:
    canned.reply(503, "")
    cancel = threading.Event()
    waits: list[float] = []

    def throttled(seconds: float) -> None:
        waits.append(seconds)
        cancel.set()  # the user presses Cancel while the app waits

    canned_api.cancel_event = cancel
    canned_api.on_throttle = throttled
    with pytest.raises(CancelledError):
        canned_api.get_contact(9)
    assert waits == [16.0]
    assert len(canned.seen) == 1


def test_throttled_429_keeps_its_status(canned: CannedServer) -> None:
    with HarvestClient(canned.url, "a@example.com", "pw", max_throttle_wait=0) as api:
        canned.reply(429, "<html>Too many</html>", Retry_After="15")
        with pytest.raises(ThrottledError) as caught:
            api.list_contacts()
    assert (caught.value.status, caught.value.retry_after) == (429, 15)


@pytest.mark.parametrize("retry_after", ["0", "-5", "nan"])
def test_endless_throttling_ends(
    canned: CannedServer, canned_api: HarvestClient, retry_after: str
) -> None:
    """A server that says 'retry now' forever gets a bounded number of tries."""
    canned_api.connection.throttle_margin = 0.0
    canned_api.connection.max_throttle_waits = 3
    if retry_after == "nan":
        canned_api.connection.max_throttle_wait = 0  # nan means the 16 s default: too long
    for _ in range(6):
        canned.reply(503, "", Retry_After=retry_after)
    with pytest.raises(ThrottledError, match="try again in a few minutes"):
        canned_api.get_contact(9)
    assert len(canned.seen) == (1 if retry_after == "nan" else 4)


def test_throttle_wait_is_bounded(canned: CannedServer) -> None:
    with HarvestClient(canned.url, "a@example.com", "pw", max_throttle_wait=10) as api:
        canned.reply(503, "", Retry_After="4")
        canned.reply(503, "", Retry_After="30")
        api.connection.retry_delays = ()
        waits: list[float] = []
        api.on_throttle = waits.append
        api.cancel_event = threading.Event()
        threading.Timer(0.1, api.cancel_event.set).start()
        with pytest.raises(CancelledError):
            api.get_contact(9)  # the first wait (4 s) is allowed, and cancelled
        api.cancel_event = None
        with pytest.raises(ThrottledError) as caught:
            api.get_contact(9)  # 30 s is over the bound: no wait at all
    assert caught.value.retry_after == 30
    assert waits == [4.0]


@pytest.mark.parametrize("declared", [True, False])
def test_oversized_reply_is_refused(canned: CannedServer, declared: bool) -> None:
    body = LIST.replace("</contacts>", JANE * 200 + "</contacts>").encode()
    headers = {} if declared else {"Transfer_Encoding": "chunked"}
    with HarvestClient(canned.url, "a@example.com", "pw", max_response_bytes=4096) as api:
        if declared:
            canned.reply(200, body)
        else:  # no Content-Length: the cap must hold while reading
            canned.reply(200, _chunked(body), **headers)
        with pytest.raises(ProtocolError, match="larger than"):
            api.list_contacts()


def _chunked(body: bytes) -> bytes:
    pieces = [body[i : i + 1000] for i in range(0, len(body), 1000)]
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces) + b"0\r\n\r\n"


def test_connection_dropped_before_reply_on_get_is_retried(
    canned: CannedServer,
    canned_api: HarvestClient,
) -> None:
    canned.drop()
    canned.reply(200, JANE)
    assert canned_api.get_contact(9) == JANE_CONTACT


def test_connection_dropped_on_post_is_never_resent(
    canned: CannedServer, canned_api: HarvestClient
) -> None:
    canned.drop()
    with pytest.raises(NetworkError) as caught:
        canned_api.create_contact(NEW)
    assert caught.value.outcome_unknown
    assert "may or may not" in caught.value.message
    assert len(canned.seen) == 1


def test_nothing_listening_is_a_network_error() -> None:
    with CannedServer() as gone:
        url = gone.url
    with HarvestClient(url, "a@example.com", "pw") as api:
        api.connection.retry_delays = (0.01,)
        with pytest.raises(NetworkError) as caught:
            api.create_contact(NEW)
    assert caught.value.outcome_unknown is False


def test_unverifiable_certificate_is_refused_with_its_reason(tmp_path: Path) -> None:
    """TLS verification stays on: a self-signed certificate is not trusted, not retried,
    and the user hears it is about the certificate, not 'check the connection'."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*self_signed_certificate(tmp_path))
    with CannedServer(tls=context) as server:
        server.reply(200, JANE)
        with HarvestClient(server.url, "a@example.com", "secret") as api:
            with pytest.raises(NetworkError, match="certificate") as caught:
                api.get_contact(9)
    assert server.url.startswith("https://")
    assert server.seen == []  # nothing, password included, went out
    assert "secret" not in caught.value.message


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def test_deeply_nested_error_body(canned: CannedServer, canned_api: HarvestClient) -> None:
    canned.reply(422, "<a>" * 5000 + "<error>deep</error>" + "</a>" * 5000)
    with pytest.raises(ValidationError) as caught:
        canned_api.update_contact(9, {"title": "x"})
    assert len(caught.value.message) < 400


def test_html_error_page_is_reduced_to_its_text(
    canned: CannedServer, canned_api: HarvestClient
) -> None:
    canned.reply(
        400,
        "<html><head><style>p{}</style></head><body><p>Bad &amp; wrong</p><br></body></html>",
        Content_Type="text/html",
    )
    with pytest.raises(ValidationError) as caught:
        canned_api.update_contact(9, {"title": "x"})
    assert caught.value.errors == ["Bad & wrong"]
