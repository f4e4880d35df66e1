"""Basic auth, the account endpoints, routing and the non-admin 404."""

from __future__ import annotations

import pytest

from addressbook.sandbox import DEMO_EMAIL, DEMO_PASSWORD, SandboxServer

from .support import Wire, basic, element_text


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        basic(DEMO_EMAIL, "wrong"),
        basic("other@example.com", DEMO_PASSWORD),
        "Basic not-base64!!",
        "Bearer abc",
        f"Basic ({basic(DEMO_EMAIL, DEMO_PASSWORD)[6:]})",  # HaPi's doc-placeholder mistake
    ],
)
def test_bad_or_missing_credentials_get_401_with_a_challenge(
    wire: Wire, authorization: str | None
) -> None:
    reply = wire.request("GET", "/contacts", authorization=authorization)
    assert reply.status == 401
    assert reply.headers["www-authenticate"].startswith("Basic realm=")
    assert b"Access denied" in reply.body


def test_scheme_name_is_case_insensitive(wire: Wire) -> None:
    reply = wire.request(
        "GET", "/account/who_am_i", authorization="basic " + wire.authorization[6:]
    )
    assert reply.status == 200


def test_who_am_i_describes_company_and_admin_user(wire: Wire) -> None:
    reply = wire.get("/account/who_am_i")
    assert reply.status == 200
    assert reply.headers["content-type"] == "application/xml; charset=utf-8"
    assert reply.body.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<hash>')
    root = reply.xml()
    company, user = root.find("company"), root.find("user")
    assert company is not None and user is not None
    assert element_text(company, "name")
    assert element_text(company, "base-uri") == "https://sandbox.harvestapp.com"
    assert element_text(company, "full-domain") == "sandbox.harvestapp.com"
    assert company.find("active").get("type") == "boolean"  # type: ignore[union-attr]
    user_id = user.find("id")
    assert user_id is not None and user_id.get("type") == "integer" and user_id.text == "1"
    assert element_text(user, "email") == DEMO_EMAIL
    assert element_text(user, "first-name") == "Demo"
    assert element_text(user, "last-name") == "User"
    admin = user.find("admin")
    assert admin is not None and (admin.get("type"), admin.text) == ("boolean", "true")
    assert element_text(user, "timezone") == "Eastern Time (US & Canada)"
    assert b"Eastern Time (US &amp; Canada)" in reply.body


def test_rate_limit_status_counts_requests(wire: Wire) -> None:
    wire.get("/account/who_am_i")
    wire.get("/clients")
    root = wire.get("/account/rate_limit_status").xml()
    assert root.tag == "hash"
    typed = {child.tag: (child.get("type"), child.text) for child in root}
    assert typed["count"] == ("integer", "2")
    assert typed["max-calls"] == ("integer", "100")
    assert typed["timeframe-limit"] == ("integer", "15")
    assert typed["lockout-seconds"] == ("integer", "0")
    assert typed["last-access-at"] == ("datetime", "2024-05-01T12:00:00+00:00")


def test_unknown_paths_and_methods_are_404(wire: Wire) -> None:
    assert wire.get("/projects").status == 404
    assert wire.get("/contacts/abc").status == 404
    assert wire.request("POST", "/account/who_am_i", "<x/>").status == 404
    assert wire.request("PATCH", "/contacts").status == 404


def test_xml_suffix_and_trailing_slash_are_accepted(wire: Wire) -> None:
    assert wire.get("/clients.xml").status == 200
    assert wire.get("/account/who_am_i.xml").status == 200
    assert wire.get("/contacts/").status == 200


def test_non_admin_gets_404_on_extended_api_but_can_sign_in() -> None:
    with SandboxServer(contacts=3, admin=False) as server:
        wire = Wire(server)
        who = wire.get("/account/who_am_i")
        assert who.status == 200
        assert b'<admin type="boolean">false</admin>' in who.body
        for path in ("/clients", "/contacts", "/contacts/50001", "/clients/1001/contacts"):
            assert wire.get(path).status == 404, path


def test_custom_credentials_replace_the_demo_ones() -> None:
    with SandboxServer(
        contacts=0, email="zoë@example.com", password="s3cret:with:colons"
    ) as server:
        assert Wire(server).get("/clients").status == 401
        owner = Wire(server, basic("zoë@example.com", "s3cret:with:colons"))
        assert owner.get("/clients").status == 200


@pytest.mark.parametrize("agent", ["MyApp/1.0 (iPhone; iOS 7)", "Harvest for Android", "iPad"])
def test_mobile_user_agents_get_xml_labelled_html(wire: Wire, agent: str) -> None:
    """Harvest ignored Accept for these User-Agents and said text/html (API issue #84)."""
    reply = wire.request("GET", "/contacts", user_agent=agent)
    assert reply.status == 200
    assert reply.headers["content-type"].startswith("text/html")
    assert reply.xml().tag == "contacts"  # the body is the same XML
    plain = wire.request("GET", "/contacts", user_agent="HarvestContacts/1.0")
    assert plain.headers["content-type"] == "application/xml; charset=utf-8"
