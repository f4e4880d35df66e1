"""A real loopback HTTP server that attacks whoever talks to it, one way per mode.

Every body is generated as it is sent, so the server itself stays small while a
client receives gigabytes; a client that gives up ends the generator.

Modes (the `mode` argument, also `HostileServer.MODES`):
- entity_bomb: "billion laughs" entities in a DOCTYPE.
- xxe: an external entity naming /etc/passwd.
- deep_nesting: a contact whose field nests `depth` levels (3,000,000 by default, 21 MB).
- huge_text: a contact whose first name is `size` bytes (100 MB by default).
- huge_attribute: the same size in an attribute, which expat holds whole until the tag ends.
- slow_drip: a list that arrives one byte every `interval` seconds, forever.
- endless_chunked: a chunked list body that never ends (whitespace inside the root).
- endless_comments: the same, but comments, which hold no text and no records.
- gzip_bomb: 2 MB of gzip that inflates to 2 GB.
- cross_host_redirect: 302 to another host.
- echo_401: 401 whose body repeats the Authorization header and the decoded credentials.
"""

from __future__ import annotations

import base64
import struct
import threading
import time
import zlib
from collections.abc import Iterator
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

LIST_START = b'<?xml version="1.0" encoding="UTF-8"?>\n<contacts type="array">\n'
CONTACT_START = b'<contact><id type="integer">50001</id><client-id type="integer">1</client-id>'
PIECE = 1 << 16
_MIB = 1 << 20


def _repeat(unit: bytes, count: int) -> Iterator[bytes]:
    per_piece = max(1, PIECE // len(unit))
    while count > 0:
        step = min(per_piece, count)
        yield unit * step
        count -= step


def entity_bomb(_: dict[str, Any]) -> Iterator[bytes]:
    entities = ['<!ENTITY a0 "lol">'] + [
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)
    ]
    yield (
        '<?xml version="1.0"?>\n<!DOCTYPE contacts [' + "".join(entities) + "]>\n"
        '<contacts type="array"><contact><id type="integer">1</id>'
        "<first-name>&a9;</first-name></contact></contacts>"
    ).encode()


def xxe(_: dict[str, Any]) -> Iterator[bytes]:
    yield (
        b'<?xml version="1.0"?>\n<!DOCTYPE contacts [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        b'<contacts type="array"><contact><id type="integer">1</id>'
        b"<first-name>&x;</first-name></contact></contacts>"
    )


def deep_nesting(options: dict[str, Any]) -> Iterator[bytes]:
    depth = options.get("depth", 3_000_000)
    yield LIST_START + CONTACT_START
    yield from _repeat(b"<a>", depth)
    yield from _repeat(b"</a>", depth)
    yield b"</contact></contacts>\n"


def huge_text(options: dict[str, Any]) -> Iterator[bytes]:
    yield LIST_START + CONTACT_START + b"<first-name>"
    yield from _repeat(b"x", options.get("size", 100 * _MIB))
    yield b"</first-name><last-name>L</last-name></contact></contacts>\n"


def huge_attribute(options: dict[str, Any]) -> Iterator[bytes]:
    yield LIST_START + CONTACT_START + b'<first-name note="'
    yield from _repeat(b"x", options.get("size", 100 * _MIB))
    yield b'">A</first-name><last-name>L</last-name></contact></contacts>\n'


def slow_drip(options: dict[str, Any]) -> Iterator[bytes]:
    interval = options.get("interval", 1.0)
    stopped: threading.Event = options["stopped"]
    while True:
        for byte in LIST_START + CONTACT_START:
            if stopped.wait(interval):
                return
            yield bytes([byte])


def endless_chunked(options: dict[str, Any]) -> Iterator[bytes]:
    yield LIST_START
    while not options["stopped"].is_set():
        yield b" " * PIECE


def endless_comments(options: dict[str, Any]) -> Iterator[bytes]:
    yield LIST_START
    while not options["stopped"].is_set():
        yield b"<!---->" * (PIECE // 7)


@cache
def gzip_bomb_body(inflated_mib: int = 2048) -> bytes:
    """A list of spaces: `inflated_mib` MiB once inflated, about 1/1000 of that on the wire.

    Each MiB is deflated once after a full flush, so the same bytes repeat; built in
    half a second instead of compressing two gigabytes.
    """
    block = LIST_START + b" " * (_MIB - len(LIST_START))
    spaces = b" " * _MIB
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeated = compressor.compress(spaces) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = zlib.crc32(block)
    for _ in range(inflated_mib - 1):
        crc = zlib.crc32(spaces, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
    trailer = struct.pack("<II", crc, (inflated_mib * _MIB) & 0xFFFFFFFF)
    return header + first + repeated * (inflated_mib - 1) + compressor.flush() + trailer


BODIES = {
    "entity_bomb": entity_bomb,
    "xxe": xxe,
    "deep_nesting": deep_nesting,
    "huge_text": huge_text,
    "huge_attribute": huge_attribute,
    "slow_drip": slow_drip,
    "endless_chunked": endless_chunked,
    "endless_comments": endless_comments,
}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:  # noqa: N802 (BaseHTTPRequestHandler's name)
        owner = self.server.owner
        owner.requests.append((self.command, self.path, dict(self.headers.items())))
        owner.received.set()
        self.close_connection = True
        try:
            self._answer(owner.mode, owner.options)
        except OSError:
            pass  # the client gave up: that is the point

    do_POST = do_PUT = do_DELETE = do_GET  # noqa: N815

    def _answer(self, mode: str, options: dict[str, Any]) -> None:
        if mode == "cross_host_redirect":
            self._send(302, b"Redirected", Location="https://evil.example.net/contacts")
        elif mode == "echo_401":
            self._send(401, self._echo_credentials(), **{"Content-Type": "text/plain"})
        elif mode == "gzip_bomb":
            self._send(
                200,
                gzip_bomb_body(options.get("inflated_mib", 2048)),
                **{"Content-Encoding": "gzip"},
            )
        else:
            self._stream(BODIES[mode](options))

    def _echo_credentials(self) -> bytes:
        header = self.headers.get("Authorization", "")
        decoded = base64.b64decode(header.partition(" ")[2] or b"").decode("utf-8", "replace")
        return f"Access denied. You sent {header} ({decoded}).".encode()

    def _send(self, status: int, body: bytes, **headers: str) -> None:
        self.send_response(status)
        headers.setdefault("Content-Type", "application/xml; charset=utf-8")
        for name, value in {**headers, "Content-Length": str(len(body))}.items():
            self.send_header(name, value)
        self.end_headers()
        for offset in range(0, len(body), PIECE):
            self.wfile.write(body[offset : offset + PIECE])

    def _stream(self, pieces: Iterator[bytes]) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/xml; charset=utf-8")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for piece in pieces:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.flush()
        self.wfile.write(b"0\r\n\r\n")


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, owner: HostileServer) -> None:
        self.owner = owner
        super().__init__(("127.0.0.1", 0), _Handler)


class HostileServer:
    """`with HostileServer("gzip_bomb") as server:` then point a client at `server.url`."""

    MODES = (*BODIES, "gzip_bomb", "cross_host_redirect", "echo_401")

    def __init__(self, mode: str, **options: Any) -> None:
        if mode not in self.MODES:
            raise ValueError(f"unknown hostile mode {mode!r}")
        self.mode = mode
        self.stopped = threading.Event()
        self.options = {**options, "stopped": self.stopped}
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self.received = threading.Event()  # set when the first request has arrived
        self._httpd = _Server(self)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def __enter__(self) -> HostileServer:
        if self.mode == "gzip_bomb":
            gzip_bomb_body(self.options.get("inflated_mib", 2048))  # built before any timing
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stopped.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        started = time.monotonic()
        self._thread.join(max(0.0, 5.0 - (time.monotonic() - started)))
