"""Reading Harvest XML: every quirk the wire reference lists, one case each."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from addressbook.api.codec import parse_document, parse_list, parse_record
from addressbook.api.errors import ProtocolError
from addressbook.api.records import CLIENTS, CONTACTS, account_from_item
from addressbook.core import Client, Contact

JANE = """<contact>
  <id type="integer">9</id>
  <client-id type="integer">11072</client-id>
  <first-name>Jane</first-name>
  <last-name>Doe</last-name>
  <title>President</title>
  <email>janedoe@example.com</email>
  <phone-office>555.555.5555</phone-office>
  <phone-mobile>555.555.7777</phone-mobile>
  <fax>555.555.9999</fax>
  <created-at type="datetime">2008-04-09T12:07:56Z</created-at>
  <updated-at type="datetime">2008-04-09T12:07:56Z</updated-at>
</contact>"""

JANE_CONTACT = Contact(
    id=9,
    client_id=11072,
    first_name="Jane",
    last_name="Doe",
    title="President",
    email="janedoe@example.com",
    phone_office="555.555.5555",
    phone_mobile="555.555.7777",
    fax="555.555.9999",
    created_at=datetime(2008, 4, 9, 12, 7, 56, tzinfo=UTC),
    updated_at=datetime(2008, 4, 9, 12, 7, 56, tzinfo=UTC),
)


def contact(*elements: str) -> bytes:
    required = '<id type="integer">1</id><client-id type="integer">2</client-id>'
    return f"<contact>{required}{''.join(elements)}</contact>".encode()


def chunked(body: bytes, size: int) -> Iterator[bytes]:
    for start in range(0, len(body), size):
        yield body[start : start + size]


def test_documented_sample_reads_every_field() -> None:
    assert parse_record(JANE.encode(), CONTACTS) == JANE_CONTACT


def test_elements_in_any_order_and_unknown_ones_are_ignored() -> None:
    body = (
        '<contact><updated-at type="datetime">2008-04-09T12:07:56Z</updated-at>'
        "<favourite-colour>blue</favourite-colour><fax>555.555.9999</fax>"
        "<title>President</title><nested><deep>x</deep></nested>"
        "<phone-mobile>555.555.7777</phone-mobile><first-name>Jane</first-name>"
        '<email>janedoe@example.com</email><client-id type="integer">11072</client-id>'
        "<phone-office>555.555.5555</phone-office><last-name>Doe</last-name>"
        '<created-at type="datetime">2008-04-09T12:07:56Z</created-at>'
        '<id type="integer">9</id></contact>'
    )
    assert parse_record(body.encode(), CONTACTS) == JANE_CONTACT


@pytest.mark.parametrize(
    "element, expected",
    [
        ('<fax nil="true"/>', None),
        ('<fax nil="true"></fax>', None),
        ('<fax nil="true">555</fax>', None),  # nil wins even with content
        ('<fax nil="TRUE">555</fax>', None),
        ('<fax type="string" nil="true"/>', None),
        ("<fax></fax>", ""),  # empty without nil is the empty string
        ("<fax/>", ""),
        ('<fax nil="false">555</fax>', "555"),
        ("<fax>  555  </fax>", "  555  "),  # untyped text is kept as typed
        ("<fax>a &amp; b &lt;c&gt;</fax>", "a & b <c>"),
        ("<fax><![CDATA[x < y]]></fax>", "x < y"),
        ("<fax>line1\nline2</fax>", "line1\nline2"),
        ("<fax>a&#13;b</fax>", "a\rb"),
        ("", None),  # absent: not supplied
    ],
)
def test_string_values(element: str, expected: str | None) -> None:
    assert parse_record(contact(element), CONTACTS).fax == expected


WHEN = datetime(2008, 4, 9, 12, 7, 56, tzinfo=UTC)


@pytest.mark.parametrize(
    "element",
    [
        '<updated-at type="datetime">2008-04-09T12:07:56Z</updated-at>',
        '<updated-at type="dateTime">2008-04-09T12:07:56Z</updated-at>',
        '<updated-at type="DATETIME">2008-04-09T12:07:56Z</updated-at>',
        "<updated-at>2008-04-09T12:07:56Z</updated-at>",
        '<updated-at type="datetime">2008-04-09T12:07:56+00:00</updated-at>',
        '<updated-at type="datetime">2008-04-09T14:07:56+02:00</updated-at>',
        '<updated-at type="datetime">2008-04-09T07:07:56-05:00</updated-at>',
        '<updated-at type="datetime">2008-04-09T12:07:56</updated-at>',
        '<updated-at type="datetime">\n    2008-04-09T12:07:56Z\n  </updated-at>',
    ],
)
def test_datetimes_come_back_aware_utc(element: str) -> None:
    value = parse_record(contact(element), CONTACTS).updated_at
    assert value == WHEN
    assert value is not None and value.utcoffset() is not None
    assert value.tzinfo is UTC


@pytest.mark.parametrize(
    "element, expected",
    [
        ('<updated-at type="datetime" nil="true"/>', None),
        ('<updated-at type="datetime"></updated-at>', None),
        ('<updated-at type="datetime">   </updated-at>', None),
    ],
)
def test_empty_typed_values_are_none(element: str, expected: object) -> None:
    assert parse_record(contact(element), CONTACTS).updated_at == expected


@pytest.mark.parametrize(
    "element, expected",
    [
        ('<id type="integer">9</id>', 9),
        ('<id type="Integer"> 9 </id>', 9),
        ('<id type="integer">\n  9\n</id>', 9),
        ("<id>9</id>", 9),
    ],
)
def test_integers_are_trimmed_and_type_is_case_insensitive(element: str, expected: int) -> None:
    body = f'<contact>{element}<client-id type="integer">2</client-id></contact>'
    assert parse_record(body.encode(), CONTACTS).id == expected


@pytest.mark.parametrize(
    "element, expected",
    [
        ('<active type="boolean">true</active>', True),
        ('<active type="boolean">false</active>', False),
        ('<active type="Boolean">\n false\n </active>', False),
        ("<active>false</active>", False),  # old pages had no type attribute
        ("<active>TRUE</active>", True),
        ('<active type="boolean" nil="true"/>', True),  # unknown: the default
        ("", True),
    ],
)
def test_client_booleans(element: str, expected: bool) -> None:
    body = f'<client><id type="integer">3</id><name>Acme</name>{element}</client>'
    assert parse_record(body.encode(), CLIENTS).active is expected


def test_client_fields() -> None:
    body = b"""<client>
      <id type="integer">3</id><name>Bl\xc3\xbcm &amp; Co</name><active type="boolean">true</active>
      <currency>United States Dollar - USD</currency><currency-symbol>$</currency-symbol>
      <details>Line 1&#13;\nLine 2</details><highrise-id type="integer" nil="true"></highrise-id>
      <cache-version type="integer">821859237</cache-version>
      <default-invoice-timeframe nil="true"/><last-invoice-kind>task</last-invoice-kind>
      <statement-key>abc</statement-key><address>Somewhere</address>
      <created-at type="dateTime">2010-01-02T03:04:05Z</created-at>
      <updated-at type="datetime">2010-01-02T03:04:05+01:00</updated-at></client>"""
    assert parse_record(body, CLIENTS) == Client(
        id=3,
        name="Blüm & Co",
        active=True,
        currency="United States Dollar - USD",
        currency_symbol="$",
        details="Line 1\r\nLine 2",
        highrise_id=None,
        cache_version=821859237,
        default_invoice_timeframe=None,
        last_invoice_kind="task",
        statement_key="abc",
        address="Somewhere",
        created_at=datetime(2010, 1, 2, 3, 4, 5, tzinfo=UTC),
        updated_at=datetime(2010, 1, 2, 2, 4, 5, tzinfo=UTC),
    )


@pytest.mark.parametrize(
    "prefix",
    [
        b"",
        b"\xef\xbb\xbf",
        b'<?xml version="1.0" encoding="UTF-8"?>\n',
        b'\xef\xbb\xbf<?xml version="1.0" encoding="UTF-8"?>\n',
        b"\n\n  ",
    ],
)
def test_bom_declaration_and_leading_whitespace(prefix: bytes) -> None:
    assert parse_record(prefix + JANE.encode(), CONTACTS) == JANE_CONTACT
    listed = prefix + b'<contacts type="array">' + JANE.encode() + b"</contacts>"
    assert parse_list([listed], CONTACTS) == [JANE_CONTACT]


@pytest.mark.parametrize(
    "body",
    [
        b'<nil-classes type="array"/>',
        b'<nil-classes type="array"></nil-classes>',
        b'<contacts type="array"/>',
        b'<contacts type="array">\n</contacts>',
        b"<contacts></contacts>",
        b'<records type="Array"/>',
        b'\xef\xbb\xbf<?xml version="1.0"?>\n<nil-classes type="array"/>\n',
    ],
)
def test_empty_lists(body: bytes) -> None:
    assert parse_list([body], CONTACTS) == []


@pytest.mark.parametrize("size", [1, 7, 64, 4096])
def test_lists_parse_the_same_in_any_chunking(size: int) -> None:
    body = ('\ufeff<contacts type="array">' + JANE * 3 + "</contacts>").encode()
    assert parse_list(chunked(body, size), CONTACTS) == [JANE_CONTACT] * 3


def test_list_with_other_array_root_and_foreign_items() -> None:
    body = (f'<records type="array"><note>x</note>{JANE}</records>').encode()
    assert parse_list([body], CONTACTS) == [JANE_CONTACT]


@pytest.mark.parametrize(
    "body, words",
    [
        (b"", "empty"),
        (b"   ", "empty"),
        (b" ", "empty"),
        (b"<html><body><h1>502 Bad Gateway</h1></body></html>", "<html>"),
        (b"<html><head/><body/></html>", "<html>"),
        (b"<contact><id>1</id></contact>", "<contact>"),
        (b'{"contacts": []}', "not XML"),
        (b"Redirected to http://acme.harvestapp.com/contacts", "not XML"),
        (b"<contacts><contact><id>1</id>", "cannot be read"),
        (b"<contacts><contact><id>1</contact></contacts>", "cannot be read"),
        (
            b'<contacts type="array"><contact><id type="integer">x</id></contact></contacts>',
            "cannot be read",
        ),
        (
            b'<contacts type="array"><contact><first-name>A</first-name></contact></contacts>',
            "without an id",
        ),
        (b'<contacts type="array"><contact/></contacts>', "without any fields"),
        (b'<!DOCTYPE x [<!ENTITY a "b">]><contacts type="array"/>', "cannot be read"),
    ],
)
def test_lists_that_cannot_be_read_are_protocol_errors(body: bytes, words: str) -> None:
    with pytest.raises(ProtocolError, match=words):
        parse_list([body], CONTACTS)


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"not xml",
        b"<contact>",
        b"<client><id>1</id></client>",
        b"<contact><client-id>1</client-id></contact>",
        b'<contact><id type="integer">1</id><client-id>x</client-id></contact>',
    ],
)
def test_records_that_cannot_be_read_are_protocol_errors(body: bytes) -> None:
    with pytest.raises(ProtocolError):
        parse_record(body, CONTACTS)


def test_nil_names_become_empty_text() -> None:
    parsed = parse_record(contact('<first-name nil="true"/>'), CONTACTS)
    assert parsed.first_name == "" and parsed.last_name == ""


def test_repeated_element_takes_the_first() -> None:
    assert parse_record(contact("<fax>1</fax><fax>2</fax>"), CONTACTS).fax == "1"


def test_who_am_i_account() -> None:
    body = b"""<?xml version="1.0" encoding="UTF-8"?>
<hash>
  <company><base-uri>https://acme.harvestapp.com</base-uri><name>Acme &amp; Co</name>
    <active type="boolean">true</active><modules><invoices type="boolean">true</invoices></modules>
  </company>
  <user><id type="integer">42</id><email>jo@example.com</email><first-name>Jo</first-name>
    <last-name>Smith</last-name><admin type="boolean">
      false
    </admin><timezone>Eastern Time (US &amp; Canada)</timezone>
    <timezone-utc-offset type="integer">-18000</timezone-utc-offset></user>
</hash>"""
    root, content = parse_document(body)
    account = account_from_item(content)
    assert root == "hash"
    assert (account.email, account.first_name, account.last_name) == (
        "jo@example.com",
        "Jo",
        "Smith",
    )
    assert account.admin is False and account.user_id == 42
    assert account.company_name == "Acme & Co"
    assert account.timezone == "Eastern Time (US & Canada)"


@pytest.mark.parametrize(
    "body",
    [b"<hash/>", b"<hash><user>x</user></hash>", b"<hash><user><admin>maybe</admin></user></hash>"],
)
def test_who_am_i_without_a_usable_user(body: bytes) -> None:
    _root, content = parse_document(body)
    with pytest.raises(ProtocolError):
        account_from_item(content)


@pytest.mark.parametrize(
    "element",
    [
        # before year 1 in UTC
        '<updated-at type="datetime">0001-01-01T00:00:00+01:00</updated-at>',
        '<updated-at type="datetime">9999-12-31T23:59:59-05:00</updated-at>',  # after 9999 in UTC
        '<updated-at type="datetime">yesterday</updated-at>',
        '<updated-at type="datetime">2008-13-40T12:07:56Z</updated-at>',
        '<id type="integer">99999999999999999999</id>',  # more than 64 bits
        f'<id type="integer">{"9" * 5000}</id>',  # more digits than int() takes
        '<id type="integer">\u0661\u0662</id>',  # Arabic-Indic digits: not Harvest's
        '<id type="integer">1_000</id>',
        '<client-id type="integer">1.5</client-id>',
    ],
)
def test_odd_values_are_protocol_errors(element: str) -> None:
    # The odd element comes first: of repeated elements, the first one counts.
    body = f'<contact>{element}<id type="integer">1</id><client-id>2</client-id></contact>'
    with pytest.raises(ProtocolError, match="cannot be read") as caught:
        parse_record(body.encode(), CONTACTS)
    with pytest.raises(ProtocolError):
        parse_list([b'<contacts type="array">' + body.encode() + b"</contacts>"], CONTACTS)
    assert len(caught.value.message) < 300  # a megabyte of nonsense is not repeated back


@pytest.mark.parametrize(
    "element, expected",
    [
        ('<id type="integer">9223372036854775807</id>', 2**63 - 1),
        ('<id type="integer">+42</id>', 42),
    ],
)
def test_integers_up_to_64_bits(element: str, expected: int) -> None:
    body = f'<contact>{element}<client-id type="integer">2</client-id></contact>'
    assert parse_record(body.encode(), CONTACTS).id == expected


@pytest.mark.parametrize("declaration", [b'encoding="no-such-codec"', b'encoding="UTF-7"'])
def test_unknown_encodings_are_protocol_errors(declaration: bytes) -> None:
    body = b'<?xml version="1.0" ' + declaration + b"?>" + JANE.encode()
    with pytest.raises(ProtocolError, match="cannot be read"):
        parse_record(body, CONTACTS)
    with pytest.raises(ProtocolError, match="cannot be read"):
        parse_list([body.replace(b"<contact>", b"<contacts><contact>") + b"</contacts>"], CONTACTS)


def test_declared_latin1_is_read_as_declared() -> None:
    body = (
        '<?xml version="1.0" encoding="ISO-8859-1"?>' + JANE.replace("Jane", "Ren\u00e9e")
    ).encode("latin-1")
    assert parse_record(body, CONTACTS).first_name == "Ren\u00e9e"


@pytest.mark.parametrize("body", [b"", b" ", b"\xef\xbb\xbf\n"])
def test_empty_record_reply_says_it_was_empty(body: bytes) -> None:
    with pytest.raises(ProtocolError, match="empty reply"):
        parse_record(body, CONTACTS)
