"""Secrets never reach a message, and a broken trust store is named, not a crash."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from addressbook.api import CertificateFileError, HarvestClient, HarvestError, NetworkError
from addressbook.api.scrub import scrub
from addressbook.ui.server_errors import split_server_error
from addressbook.workers.abortable_transport import AbortableTransport

from .hostile_server import HostileServer


def test_a_stored_refusal_with_an_echoed_header_is_shown_scrubbed() -> None:
    stored = (
        "Harvest refused the change: Proxy saw Authorization: Basic "
        "ZGVtb0BleGFtcGxlLmNvbTpzM2NyZXQtUGE1NQ==; First name can't be blank"
    )
    general, fields = split_server_error(stored)
    assert general == ["Proxy saw Authorization: Basic [hidden]"]
    assert fields == {"first_name": ["First name can't be blank"]}


def test_scrub_hides_known_secrets_and_credential_shapes_but_keeps_words() -> None:
    text = "me@x.io:pw-123456 Bearer abcdefghijklmnop0123 ?access_token=xyz&a=1 Basic auth"
    assert scrub(text, ["me@x.io:pw-123456", "pw-123456"]) == (
        "[hidden] Bearer [hidden] ?access_token=[hidden]&a=1 Basic auth"
    )


@pytest.mark.parametrize("content", [None, b"not a certificate\n"])
def test_a_bad_ssl_cert_file_is_named_on_first_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes | None
) -> None:
    path = tmp_path / "company-ca.pem"
    if content is not None:
        path.write_bytes(content)
    monkeypatch.setenv("SSL_CERT_FILE", str(path))
    transport = AbortableTransport()  # the worker builds this first: it must not raise
    with (
        HarvestClient("https://acme.harvestapp.com", "a@b.c", "pw", transport=transport) as api,
        pytest.raises(CertificateFileError) as caught,
    ):
        api.who_am_i()
    assert caught.value.path == str(path)
    assert str(path) in str(caught.value) and "SSL_CERT_FILE" in str(caught.value)


def test_quitting_cancels_a_dripping_request_at_once() -> None:
    with HostileServer("slow_drip", interval=0.05) as server:
        transport = AbortableTransport()
        failures: list[BaseException] = []

        def listing() -> None:
            with HarvestClient(server.url, "a@b.c", "pw", transport=transport) as api:
                api.connection.retry_delays = ()
                try:
                    api.list_contacts()
                except NetworkError as error:
                    failures.append(error)

        thread = threading.Thread(target=listing)
        thread.start()
        assert server.received.wait(10)  # the request is on the wire
        started = time.monotonic()
        transport.abort()
        thread.join(10)
        assert not thread.is_alive()
        assert time.monotonic() - started < 2.0
        assert failures and isinstance(failures[0], NetworkError)


def test_no_part_of_a_reply_can_carry_the_password_into_a_message() -> None:
    from tests.api.canned import CannedServer

    password = "correct horse/42"  # quoted in a URL as correct%20horse%2F42
    with (
        CannedServer() as canned,
        HarvestClient(canned.url, "me@example.com", password, timeout=5.0) as api,
    ):
        api.connection.retry_delays = ()
        canned.reply(
            302, b"", Location="https://me%40example.com:correct%20horse%2F42@evil.example/"
        )
        canned.reply(
            200,
            f"<html>signed in as me@example.com:{password}</html>".encode(),
            **{"Content-Type": "text/html"},
        )
        canned.reply(200, f"login page for {password}".encode())
        canned.reply(422, f"<errors><error>{password} is wrong</error></errors>".encode())
        messages = []
        for call in (
            api.who_am_i,
            lambda: api.get_contact(3),
            api.list_contacts,
            lambda: api.update_contact(3, {"title": "x"}),
        ):
            with pytest.raises(HarvestError) as caught:
                call()
            messages.append(str(caught.value))
            messages.extend(getattr(caught.value, "errors", []))
    assert messages and all(
        password not in message and "horse%2F42" not in message for message in messages
    ), messages
    assert sum("[hidden]" in message for message in messages) >= 4, messages
