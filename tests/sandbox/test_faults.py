"""Fault injection: error pages, dropped connections, broken bodies, latency, bandwidth."""

from __future__ import annotations

import http.client
import time
import xml.etree.ElementTree as ElementTree

import pytest

from addressbook.sandbox import SandboxServer

from .support import Wire

NEW_CONTACT = (
    '<contact><client-id type="integer">1001</client-id>'
    "<first-name>Drop</first-name><last-name>Test</last-name></contact>"
)


def surnames(server: SandboxServer) -> list[str]:
    return [contact.last_name for contact in server.store.contacts()]


def test_http_500_fires_once(wire: Wire, server: SandboxServer) -> None:
    server.faults.add("http_500")
    reply = wire.get("/contacts")
    assert reply.status == 500
    assert reply.headers["content-type"].startswith("text/html")
    assert wire.get("/contacts").status == 200


def test_http_502_is_an_nginx_html_page(wire: Wire, server: SandboxServer) -> None:
    server.faults.add("http_502", count=2)
    for _ in range(2):
        reply = wire.get("/clients")
        assert reply.status == 502
        assert reply.headers["content-type"] == "text/html; charset=utf-8"
        assert b"We're sorry, but something went wrong" in reply.body
    assert wire.get("/clients").status == 200


def test_throttle_fault_sets_retry_after(wire: Wire, server: SandboxServer) -> None:
    server.faults.add("throttle", retry_after=7)
    reply = wire.get("/contacts")
    assert (reply.status, reply.headers["retry-after"]) == (503, "7")
    assert reply.body == b"This request has been throttled."


def test_drop_before_closes_without_processing(wire: Wire, server: SandboxServer) -> None:
    server.faults.add("drop_before", method="POST", path="/contacts")
    with pytest.raises(http.client.RemoteDisconnected):
        wire.request("POST", "/contacts", NEW_CONTACT)
    assert "Test" not in surnames(server)
    assert server.requests[-1].method == "POST"  # it did arrive
    assert wire.request("POST", "/contacts", NEW_CONTACT).status == 201


def test_drop_after_processes_then_closes(wire: Wire, server: SandboxServer) -> None:
    server.faults.add("drop_after", method="POST")
    with pytest.raises(http.client.RemoteDisconnected):
        wire.request("POST", "/contacts", NEW_CONTACT)
    assert surnames(server).count("Test") == 1  # the create happened; the reply was lost


def test_malformed_is_200_with_broken_xml(wire: Wire, server: SandboxServer) -> None:
    server.faults.add("malformed", path="/contacts", count=2)
    for path in ("/contacts", f"/contacts/{server.store.contacts()[0].id}"):
        reply = wire.get(path)
        assert reply.status == 200
        assert reply.body.startswith(b"<?xml")
        with pytest.raises(ElementTree.ParseError):
            ElementTree.fromstring(reply.body)


def test_faults_match_method_and_path_prefix(wire: Wire, server: SandboxServer) -> None:
    server.faults.add("http_500", method="delete", path="/contacts/")
    assert wire.get("/contacts").status == 200
    assert wire.request("DELETE", "/clients/1001").status == 200
    contact_id = server.store.contacts()[0].id
    assert wire.request("DELETE", f"/contacts/{contact_id}").status == 500
    assert wire.request("DELETE", f"/contacts/{contact_id}").status == 200
    assert server.faults.pending == []


def test_latency_delays_each_request(wire: Wire, server: SandboxServer) -> None:
    server.faults.latency = 0.2
    started = time.monotonic()
    assert wire.get("/account/who_am_i").status == 200
    assert time.monotonic() - started >= 0.2


def test_bandwidth_limits_the_body_rate(wire: Wire, server: SandboxServer) -> None:
    size = len(wire.get("/contacts").body)
    server.faults.bandwidth = size * 4  # the body should take about a quarter of a second
    started = time.monotonic()
    reply = wire.get("/contacts")
    elapsed = time.monotonic() - started
    assert len(reply.body) == size
    assert elapsed >= 0.2  # a slow link can only make it later


def test_clear_removes_everything(wire: Wire, server: SandboxServer) -> None:
    server.faults.add("http_500", count=5)
    server.faults.latency = 5.0
    server.faults.bandwidth = 10
    server.faults.clear()
    started = time.monotonic()
    assert wire.get("/contacts").status == 200
    assert time.monotonic() - started < 2.0


def test_bad_fault_arguments_are_refused(server: SandboxServer) -> None:
    with pytest.raises(ValueError, match="unknown fault kind"):
        server.faults.add("http_418")
    with pytest.raises(ValueError):
        server.faults.add("http_500", count=0)


def test_every_request_is_recorded(wire: Wire, server: SandboxServer) -> None:
    server.requests.clear()
    wire.get("/contacts?updated_since=2024-01-01+10%3A00")
    wire.request(
        "PUT", f"/contacts/{server.store.contacts()[0].id}", "<contact><title>T</title></contact>"
    )
    first, second = server.requests
    assert (first.method, first.path, first.query) == (
        "GET",
        "/contacts",
        {"updated_since": "2024-01-01 10:00"},
    )
    assert first.headers["accept"] == "application/xml"
    assert first.headers["authorization"].startswith("Basic ")
    assert first.body == b""
    assert second.method == "PUT" and second.body == b"<contact><title>T</title></contact>"
    assert second.headers["content-type"] == "application/xml; charset=utf-8"


def test_malformed_can_send_chosen_bytes(wire: Wire, server: SandboxServer) -> None:
    server.faults.add("malformed", method="GET", body=b"\xef\xbb\xbf<contacts><contact")
    reply = wire.get("/clients")
    assert (reply.status, reply.body) == (200, b"\xef\xbb\xbf<contacts><contact")
    with pytest.raises(ValueError, match="only a malformed fault"):
        server.faults.add("http_500", body=b"x")
