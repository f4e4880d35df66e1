"""HTTP/1.1 transport for the sandbox: read, record, inject faults, answer.

Harvest semantics live in app.py; this module only deals with the socket, so
faults that a real network produces (a dropped connection, a truncated body, a
slow link, an nginx error page) happen here, before or after the app runs.
"""

from __future__ import annotations

import select
import socket
import sys
import threading
import time
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, unquote, urlsplit

from . import documents, v2_routes
from .app import RecordedRequest, Response, html_error, plain, throttled
from .wire import XML_CONTENT_TYPE

if TYPE_CHECKING:
    from .server import SandboxServer

# A contact or client is a few hundred bytes; with the thread bound below, this
# keeps what half-read requests can hold to tens of MB.
MAX_REQUEST_BODY = 2 * 2**20
_BUSY = (
    b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 0\r\n"
    b"Connection: close\r\n\r\n"
)


class SandboxHTTPServer(ThreadingHTTPServer):
    """Tracks open connections so stop() can end idle keep-alive ones and join every thread."""

    daemon_threads = False
    block_on_close = True

    def __init__(self, address: tuple[str, int], sandbox: SandboxServer) -> None:
        self.sandbox = sandbox
        # One thread per connection, but only so many: a client opening hundreds of
        # half-sent requests gets 503 (Retry-After) instead of hundreds of threads.
        self._slots = threading.BoundedSemaphore(sandbox.max_threads)
        self._open: set[socket.socket] = set()
        self._open_changed = threading.Condition()
        super().__init__(address, SandboxRequestHandler)

    def get_request(self) -> tuple[Any, Any]:
        request, address = super().get_request()
        with self._open_changed:  # counted from the moment it is accepted
            self._open.add(request)
        return request, address

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self._slots.acquire(blocking=False):
            self._refuse_busy(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def _refuse_busy(self, request: Any) -> None:
        try:
            request.settimeout(1.0)
            request.sendall(_BUSY)
        except OSError:
            pass
        self.shutdown_request(request)

    def shutdown_request(self, request: Any) -> None:
        with self._open_changed:
            self._open.discard(request)
            self._open_changed.notify_all()
        super().shutdown_request(request)

    def wait_for_no_connections(self, timeout: float) -> bool:
        """True once every client connection has been closed (so all it sent is answered),
        including one still waiting to be accepted."""

        def idle() -> bool:
            return not self._open and not select.select([self.socket], [], [], 0)[0]

        with self._open_changed:
            return self._open_changed.wait_for(idle, timeout)

    def close_connections(self) -> None:
        """Wakes handler threads blocked reading the next request on a kept-alive connection."""
        with self._open_changed:
            connections = list(self._open)
        for connection in connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # already closed by its handler

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], OSError):
            return  # the client went away: routine for a test server
        super().handle_error(request, client_address)


class SandboxRequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: SandboxHTTPServer
    # Headers and body go out in separate writes; with Nagle's algorithm on, the body
    # of a small reply waits for the client's delayed ACK (40 ms) on a kept-alive
    # connection, which real servers avoid and benchmarks would measure.
    disable_nagle_algorithm = True

    def setup(self) -> None:
        # Every read and write on the socket gives up after this: a client that sends
        # half a request and waits holds its thread no longer.
        self.request.settimeout(self.server.sandbox.socket_timeout)
        super().setup()

    def version_string(self) -> str:
        return "nginx"  # what Harvest's front end announced

    def do_GET(self) -> None:  # noqa: N802 (the name BaseHTTPRequestHandler dispatches to)
        self._serve()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_GET  # noqa: N815

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        if self.server.sandbox.verbose:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")

    def _serve(self) -> None:
        request = self._read_request()
        if request is None:
            return
        sandbox = self.server.sandbox
        sandbox.requests.append(request)
        try:
            self._answer(sandbox, request)
        finally:
            if self._refused_sign_in:
                sandbox.requests.forget_body(request)

    _refused_sign_in = False

    def _answer(self, sandbox: SandboxServer, request: RecordedRequest) -> None:
        if sandbox.faults.latency > 0:
            time.sleep(sandbox.faults.latency)
        fault = sandbox.faults.take(request.method, request.path)
        kind = fault.kind if fault else None
        if kind == "drop_before":
            self.close_connection = True
            return
        if fault is not None and kind in ("http_500", "http_502", "throttle"):
            self._send(_fault_response(kind, fault.retry_after, request.path))
            return
        response = self._run_app(request)
        if kind == "drop_after":
            self.close_connection = True
            return
        if fault is not None and kind == "malformed":
            response = _malformed(response, fault.body)
        self._send(response)

    def _read_request(self) -> RecordedRequest | None:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self._send(plain(411, "Send a Content-Length.\n"))
            return None
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_REQUEST_BODY:
            self.close_connection = True
            self._send(plain(413, "Request body too large.\n"))
            return None
        body = self.rfile.read(length) if length > 0 else b""
        parts = urlsplit(self.path)
        query = {
            name: values[-1]
            for name, values in parse_qs(parts.query, keep_blank_values=True).items()
        }
        headers = {name.lower(): value for name, value in self.headers.items()}
        return RecordedRequest(self.command, unquote(parts.path), query, headers, body)

    def _run_app(self, request: RecordedRequest) -> Response:
        try:
            response = self.server.sandbox.app.handle(request)
        except Exception:  # a sandbox bug must still answer, like Rails' 500 page
            traceback.print_exc()
            return html_error(500)
        self._refused_sign_in = response.status == 401
        return response

    def _send(self, response: Response) -> None:
        try:
            self.send_response(response.status)
            self.send_header("Content-Type", response.content_type)
            self.send_header("Content-Length", str(len(response.body)))
            for name, value in response.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self._write_body(response.body)
        except OSError:
            self.close_connection = True

    def _write_body(self, body: bytes) -> None:
        rate = self.server.sandbox.faults.bandwidth
        if not rate:
            self.wfile.write(body)
            return
        chunk = max(1024, rate // 20)  # about twenty writes a second
        view = memoryview(body)
        started = time.monotonic()
        for offset in range(0, len(body), chunk):
            self.wfile.write(view[offset : offset + chunk])
            sent = min(len(body), offset + chunk)
            delay = started + sent / rate - time.monotonic()
            if delay > 0:
                time.sleep(delay)


def _fault_response(kind: str, retry_after: int, path: str) -> Response:
    if kind == "throttle":
        return (
            v2_routes.throttled(retry_after)
            if v2_routes.is_v2_path(path)
            else throttled(retry_after)
        )
    return html_error(502 if kind == "http_502" else 500)


def _malformed(response: Response, chosen: bytes | None) -> Response:
    """A 200 whose XML breaks off: the real body cut in half, or a fixed broken one,
    or exactly the bytes the test chose."""
    if chosen is not None:
        return Response(200, chosen, XML_CONTENT_TYPE)
    body = response.body
    if response.status == 200 and len(body) > 200:
        broken = body[: len(body) // 2]
    else:
        broken = documents.MALFORMED_XML.encode()
    return Response(
        200,
        broken,
        response.content_type if response.status == 200 else XML_CONTENT_TYPE,
    )
