"""Starting, stopping and restarting the server cleanly, and serving threads at once."""

from __future__ import annotations

import http.client
import socket
import threading

import pytest

from addressbook.sandbox import SandboxServer

from .support import Wire, basic


def test_url_needs_a_running_server() -> None:
    server = SandboxServer(contacts=0)
    with pytest.raises(RuntimeError):
        _ = server.url
    server.stop()  # harmless before start, and twice
    server.stop()


def test_context_manager_serves_on_loopback() -> None:
    with SandboxServer(contacts=1) as server:
        assert server.url.startswith("http://127.0.0.1:")
        assert server.port > 0 and server.running
    assert not server.running


def test_stop_ends_an_idle_keep_alive_connection_quickly() -> None:
    server = SandboxServer(contacts=3).start()
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    try:
        for _ in range(2):  # two requests on one connection: keep-alive works
            connection.request(
                "GET", "/contacts", headers={"Authorization": Wire(server).authorization}
            )
            response = connection.getresponse()
            assert response.status == 200 and response.getheader("Connection") != "close"
            response.read()
        # Without ending idle connections, stop() would wait for this client forever.
        stopping = threading.Thread(target=server.stop)
        stopping.start()
        stopping.join(timeout=60)  # a watchdog, not a speed limit
        assert not stopping.is_alive()
    finally:
        connection.close()


def test_a_request_left_by_a_vanished_client_lands_before_wait_idle_returns() -> None:
    with SandboxServer(contacts=3) as server:
        target = server.store.contacts()[0]
        body = b"<contact><title>Left behind</title></contact>"
        raw = socket.create_connection(("127.0.0.1", server.port))
        assert not server.wait_idle(timeout=0.05)  # a client is connected (or being accepted)
        raw.sendall(
            f"PUT /contacts/{target.id} HTTP/1.1\r\nHost: x\r\n"
            f"Authorization: {Wire(server).authorization}\r\n"
            f"Content-Type: application/xml\r\nContent-Length: {len(body)}\r\n\r\n".encode()
            + body
        )
        raw.close()  # gone without reading the answer, like a killed process

        assert server.wait_idle()
        assert server.store.get_contact(target.id or 0).title == "Left behind"  # type: ignore[union-attr]


def test_restart_keeps_port_and_data() -> None:
    server = SandboxServer(contacts=5).start()
    try:
        url = server.url
        added = server.store.add_contact(1001, "Still", "Here")
        server.stop()
        server.start()
        assert server.url == url
        assert Wire(server).get(f"/contacts/{added.id}").status == 200
    finally:
        server.stop()


def test_concurrent_creates_get_distinct_ids(wire: Wire, server: SandboxServer) -> None:
    locations: list[str] = []
    body = (
        '<contact><client-id type="integer">1002</client-id>'
        "<first-name>Many</first-name><last-name>Threads</last-name></contact>"
    )

    def create() -> None:
        for _ in range(5):
            reply = wire.request("POST", "/contacts", body)
            assert reply.status == 201
            locations.append(reply.headers["location"])

    threads = [threading.Thread(target=create) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(locations)) == 30
    assert sum(c.last_name == "Threads" for c in server.store.contacts()) == 30


def test_password_is_compared_exactly(server: SandboxServer) -> None:
    assert Wire(server, basic("demo@example.com", "demo-password ")).get("/clients").status == 401
    assert Wire(server, basic("DEMO@example.com", "demo-password")).get("/clients").status == 401
