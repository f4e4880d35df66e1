"""A stdlib HTTP client and a hand-moved clock for the sandbox's own tests.

These tests speak HTTP with http.client, not addressbook.api, so a bug in the
client cannot hide a matching bug in the server.
"""

from __future__ import annotations

import base64
import http.client
import threading
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from addressbook.sandbox import DEMO_EMAIL, DEMO_PASSWORD, SandboxServer

START = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)


class FakeClock:
    """A wall clock the test moves by hand; the store stamps records with it."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start
        self._lock = threading.Lock()

    def __call__(self) -> datetime:
        with self._lock:
            return self.now

    def advance(self, seconds: float) -> datetime:
        with self._lock:
            self.now += timedelta(seconds=seconds)
            return self.now


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    def xml(self) -> ElementTree.Element:
        return ElementTree.fromstring(self.body)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def basic(email: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{email}:{password}".encode()).decode()


class Wire:
    """One request per connection, so every socket is closed before the test ends."""

    def __init__(self, server: SandboxServer, authorization: str | None = None) -> None:
        self.server = server
        self.authorization = authorization or basic(DEMO_EMAIL, DEMO_PASSWORD)

    def request(
        self,
        method: str,
        path: str,
        body: str | bytes | None = None,
        *,
        authorization: str | None = "default",
        timeout: float = 10.0,
        user_agent: str | None = None,
    ) -> Reply:
        headers = {"Accept": "application/xml"}
        if user_agent is not None:
            headers["User-Agent"] = user_agent
        if authorization == "default":
            headers["Authorization"] = self.authorization
        elif authorization is not None:
            headers["Authorization"] = authorization
        if body is not None:
            headers["Content-Type"] = "application/xml; charset=utf-8"
            body = body.encode() if isinstance(body, str) else body
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
            received = {name.lower(): value for name, value in response.getheaders()}
            return Reply(response.status, received, content)
        finally:
            connection.close()

    def get(self, path: str) -> Reply:
        return self.request("GET", path)


def element_text(element: ElementTree.Element, name: str) -> str | None:
    child = element.find(name)
    assert child is not None, f"<{name}> missing"
    return None if child.get("nil") == "true" else (child.text or "")
