"""Reading a reply body within bounds: a deadline, a minimum rate, and a size and
ratio cap on what decompression produces.

httpx's timeout is between reads, so a server that drips one byte a second is
never timed out; and httpx inflates a whole received chunk at once, so 64 KB of
gzip can become 64 MB in one step. Here the raw bytes are read and inflated in
small pieces, and every piece is checked against the clock and the caps.
Shared by every API flavour (the XML v1 codec and any JSON one).
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import httpx

from .errors import DeadlinePassed, ProtocolError, TooSlow

# Inflated output is handed on in pieces of at most this size.
PIECE = 256 * 1024
# The ratio is judged only past this much output: tiny replies compress oddly.
RATIO_FLOOR = 1 << 20
ACCEPTED_ENCODINGS = "gzip, deflate"


@dataclass(frozen=True)
class TransferLimits:
    """How long and how slowly a reply may arrive, and how far it may inflate."""

    deadline: float  # seconds for the whole request, first byte to last
    min_rate: float  # bytes per second, averaged over `rate_window`
    rate_window: float = 30.0
    max_ratio: float = 200.0  # XML and JSON compress 5-20 fold; bombs 1000 fold


def minutes(seconds: float) -> str:
    if seconds >= 120:
        return f"{seconds / 60:.0f} minutes"
    return f"{seconds:.0f} seconds"


def deadline_error(limits: TransferLimits, unknown: bool) -> DeadlinePassed:
    extra = " The change may or may not have been saved." if unknown else ""
    return DeadlinePassed(
        f"Harvest's reply did not arrive within the {minutes(limits.deadline)} deadline "
        f"allowed for one request, so it was abandoned.{extra}",
        outcome_unknown=unknown,
    )


class _Pace:
    """Checks the deadline and the minimum rate each time bytes arrive."""

    def __init__(
        self, limits: TransferLimits, expires: float, unknown: bool, clock: Callable[[], float]
    ) -> None:
        self.limits, self.expires, self.unknown, self.clock = limits, expires, unknown, clock
        self.window_start = clock()
        self.window_bytes = 0

    def took(self, count: int) -> None:
        now = self.clock()
        if now >= self.expires:
            raise deadline_error(self.limits, self.unknown)
        self.window_bytes += count
        elapsed = now - self.window_start
        if elapsed < self.limits.rate_window:
            return
        if self.window_bytes < self.limits.min_rate * elapsed:
            raise TooSlow(
                f"Harvest's reply came slower than {self.limits.min_rate / 1024:.1f} KB/s "
                f"for {elapsed:.0f} s, so it was abandoned. Check the connection.",
                outcome_unknown=self.unknown,
            )
        self.window_start, self.window_bytes = now, 0


def _decompressor(encoding: str) -> zlib._Decompress | None:
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(zlib.MAX_WBITS | 16)
    if encoding == "deflate":
        return zlib.decompressobj(zlib.MAX_WBITS | 32)  # zlib-wrapped, as HTTP says
    raise ProtocolError(f"Harvest sent a reply in an encoding this app does not read ({encoding}).")


def _inflate(
    raw: Iterator[bytes], decompressor: zlib._Decompress, max_ratio: float
) -> Iterator[bytes]:
    received = produced = 0
    for data in raw:
        received += len(data)
        while data:
            try:
                piece = decompressor.decompress(data, PIECE)
            except zlib.error:
                raise ProtocolError(
                    "Harvest sent a compressed reply that could not be decoded."
                ) from None
            data = decompressor.unconsumed_tail
            produced += len(piece)
            if produced > RATIO_FLOOR and produced > max_ratio * received:
                raise ProtocolError(
                    f"Harvest's compressed reply expands more than {max_ratio:.0f} fold, "
                    "as no real reply does; it was not read."
                )
            if piece:
                yield piece
    tail = decompressor.flush()
    if tail:
        yield tail


def body_pieces(
    response: httpx.Response,
    limits: TransferLimits,
    expires: float,
    *,
    outcome_unknown: bool,
    clock: Callable[[], float] = time.monotonic,
) -> Iterator[bytes]:
    """The decoded body in pieces of at most PIECE bytes, within the limits."""
    pace = _Pace(limits, expires, outcome_unknown, clock)

    def raw() -> Iterator[bytes]:
        for data in response.iter_raw():
            pace.took(len(data))
            yield data

    decompressor = _decompressor(response.headers.get("content-encoding", ""))
    if decompressor is None:
        yield from raw()
    else:
        yield from _inflate(raw(), decompressor, limits.max_ratio)
