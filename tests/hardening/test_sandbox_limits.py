"""The sandbox is a loopback toy: bounded log, no refused bodies kept, socket timeouts,
bounded threads, and nothing served to the network unless asked for loudly."""

from __future__ import annotations

import base64
import os
import socket
import subprocess
import sys
import threading

import pytest

from addressbook.sandbox import DEMO_EMAIL, DEMO_PASSWORD, SandboxServer
from addressbook.sandbox.request_log import RequestLog

AUTH = "Basic " + base64.b64encode(f"{DEMO_EMAIL}:{DEMO_PASSWORD}".encode()).decode()


def exchange(server: SandboxServer, request: bytes) -> bytes:
    with socket.create_connection((server.host, server.port), timeout=10) as sock:
        sock.sendall(request)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
        return received


def post(body: bytes, authorization: str | None) -> bytes:
    auth = f"Authorization: {authorization}\r\n" if authorization else ""
    return (
        f"POST /contacts HTTP/1.1\r\nHost: x\r\n{auth}Connection: close\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body


def test_bodies_of_refused_requests_are_not_kept() -> None:
    with SandboxServer(clients=1, contacts=1) as server:
        reply = exchange(server, post(b"x" * 2_000_000, None))
        assert reply.startswith(b"HTTP/1.1 401")
        [refused] = server.requests
        assert refused.method == "POST" and refused.body == b""
        exchange(server, post(b"<contact/>", AUTH))
        assert server.requests[-1].body == b"<contact/>"  # signed in: kept for tests


def test_the_request_log_is_bounded_by_count_and_bytes() -> None:
    log = RequestLog(max_requests=3, max_body_bytes=10)
    with SandboxServer(clients=1, contacts=1) as server:
        server.requests = log
        for _ in range(5):
            exchange(server, post(b"<contact/>", AUTH))
        exchange(server, post(b"<a/>", AUTH))
    assert len(log) == 1 and log[0].body == b"<a/>"  # 10 + 4 bytes is over 10
    assert log == [log[0]]


def test_a_half_sent_request_is_dropped_after_the_socket_timeout() -> None:
    with (
        SandboxServer(clients=1, contacts=1, socket_timeout=0.5) as server,
        socket.create_connection((server.host, server.port), timeout=10) as sock,
    ):
        sock.sendall(b"GET /contacts HTTP/1.1\r\nHost: x\r\n")  # and never the end
        assert sock.recv(1024) == b""  # the server hung up instead of waiting forever


def test_connections_past_the_thread_bound_are_told_busy() -> None:
    with SandboxServer(clients=1, contacts=1, max_threads=4, socket_timeout=30) as server:
        before = threading.active_count()
        held = [socket.create_connection((server.host, server.port)) for _ in range(4)]
        for sock in held:
            sock.sendall(b"GET /contacts HTTP/1.1\r\n")  # half-sent: holds a thread
        reply = exchange(server, b"GET /contacts HTTP/1.1\r\nHost: x\r\n\r\n")
        assert reply.startswith(b"HTTP/1.1 503") and b"Retry-After: 1" in reply
        assert threading.active_count() <= before + 4
        for sock in held:
            sock.close()


def test_a_non_loopback_host_needs_an_explicit_flag() -> None:
    with pytest.raises(ValueError, match="allow_remote"):
        SandboxServer(host="0.0.0.0", clients=1, contacts=1)
    command = [sys.executable, "-m", "addressbook.sandbox", "--host", "0.0.0.0", "--quiet"]
    refused = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert refused.returncode == 2 and "--allow-remote" in refused.stderr


def test_the_remote_flag_warns_and_the_password_comes_from_the_environment() -> None:
    command = [
        sys.executable,
        "-m",
        "addressbook.sandbox",
        "--host",
        "0.0.0.0",
        "--allow-remote",
        "--contacts",
        "0",
        "--quiet",
        "--port",
        "0",
    ]
    environment = {**os.environ, "HARVEST_SANDBOX_PASSWORD": "from-the-env-1"}
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        url = process.stdout.readline().rsplit(" ", 1)[-1].strip()
        warning = process.stderr.readline()
        port = int(url.rsplit(":", 1)[-1])
        token = base64.b64encode(f"{DEMO_EMAIL}:from-the-env-1".encode()).decode()
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sock.sendall(
                f"GET /account/who_am_i HTTP/1.1\r\nHost: x\r\nAuthorization: Basic "
                f"{token}\r\nConnection: close\r\n\r\n".encode()
            )
            assert sock.recv(64).startswith(b"HTTP/1.1 200")
        process.terminate()
        process.wait(timeout=10)
    assert "WARNING" in warning and "plain http" in warning


def test_the_help_names_the_password_variable() -> None:
    shown = subprocess.run(
        [sys.executable, "-m", "addressbook.sandbox", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    assert "HARVEST_SANDBOX_PASSWORD" in shown and "--allow-remote" in shown
