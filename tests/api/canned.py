"""A real loopback HTTP server that answers from a queue of canned replies.

The sandbox speaks correct Harvest; this one lets a test send the exact bytes
real Harvest (or a proxy in front of it) has been seen to send: a BOM, a lying
Content-Type, a Hint header, an HTTP-date Retry-After, a redirect, a huge body.
"""

from __future__ import annotations

import ssl
import threading
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any


@dataclass
class Canned:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    drop: bool = False  # close the connection without any reply


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # one request per connection: nothing lingers
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {key.lower(): value for key, value in self.headers.items()}
        self.server.owner.seen.append(Seen(self.command, self.path, headers, body))
        reply = self.server.owner.next_reply()
        if reply.drop:
            self.close_connection = True
            return
        self.send_response(reply.status)
        headers = {"Content-Type": "application/xml; charset=utf-8", **reply.headers}
        if "Transfer-Encoding" not in headers:
            headers.setdefault("Content-Length", str(len(reply.body)))
        for name, value in headers.items():
            # Raw UTF-8 on the wire, as a misbehaving server could send it.
            self.send_header(name, value.encode().decode("latin-1"))
        self.end_headers()
        self.wfile.write(reply.body)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve  # noqa: N815


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, owner: CannedServer) -> None:
        self.owner = owner
        super().__init__(("127.0.0.1", 0), _Handler)


class CannedServer:
    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.replies: deque[Canned] = deque()
        self.seen: list[Seen] = []
        self._server = _Server(self)
        self._scheme = "https" if tls else "http"
        if tls is not None:
            # The handshake happens in the handler thread, on first read: a client that
            # never completes it cannot stall the accepting thread (and so shutdown).
            self._server.socket = tls.wrap_socket(
                self._server.socket, server_side=True, do_handshake_on_connect=False
            )
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        return f"{self._scheme}://127.0.0.1:{self._server.server_address[1]}"

    def reply(self, status: int = 200, body: bytes | str = b"", **headers: str) -> None:
        data = body.encode() if isinstance(body, str) else body
        self.replies.append(
            Canned(status, data, {k.replace("_", "-"): v for k, v in headers.items()})
        )

    def drop(self) -> None:
        self.replies.append(Canned(drop=True))

    def next_reply(self) -> Canned:
        if self.replies:
            return self.replies.popleft()
        return Canned(599, b"no canned reply left")

    def __enter__(self) -> CannedServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
