"""One account's HTTP connection: headers, pacing, throttling, retries, error mapping.

Rules that matter for the user's data:
- 503/429 means "not executed": wait Retry-After and send again, writes included.
- GET/PUT/DELETE are idempotent, so connection errors, 502 and 504 are retried.
- A POST whose connection died after it was sent is never resent: the contact may
  exist already. The caller gets NetworkError(outcome_unknown=True) and decides.
- The account address is checked once, here; a refused one fails every request
  before anything is sent.
- Every request has a total deadline (retries and backoff included, throttle
  waits not: those have their own bound), every body a minimum rate, and
  compressed bodies are inflated in small pieces under a size and ratio cap
  (see body.py). These hold for any API flavour that sends through here.
"""

from __future__ import annotations

import base64
import logging
import ssl
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from typing import TypeVar
from urllib.parse import quote

import httpx

from addressbook import __version__

from .body import ACCEPTED_ENCODINGS, TransferLimits, body_pieces, deadline_error
from .errors import (
    CertificateFileError,
    HarvestError,
    ProtocolError,
    ThrottledError,
    TooSlow,
    ValidationError,
)
from .failures import IDEMPOTENT, Throttled, Transient
from .pacing import Pacer, parse_retry_after, wait
from .scrub import scrub
from .statuses import error_for, redirect_error
from .tls import certificate_context, refusing_context
from .urls import check_base_url

T = TypeVar("T")
log = logging.getLogger("addressbook.api")

USER_AGENT = f"HarvestContacts/{__version__} (+python-httpx)"
XML = "application/xml"
XML_BODY = "application/xml; charset=utf-8"
THROTTLED = frozenset({429, 503})
TRANSIENT = frozenset({502, 504})
ERROR_BODY_LIMIT = 64 * 1024
# A big account (100,000 contacts, about 70 MB of XML, a tenth of that gzipped) on a
# slow link (1 Mbit/s) needs a few minutes; a stalled or dripping server gets no more.
DEFAULT_DEADLINE = 15 * 60.0
DEFAULT_MIN_RATE = 1024.0


def basic_authorization(email: str, password: str) -> str:
    """Exactly `Basic <base64>`; some libraries sent `Basic (<base64>)` for years."""
    # surrogatepass: a stray half of a surrogate pair cannot be the real password, so
    # Harvest answers 401 (which the user understands) instead of us crashing.
    credentials = f"{email}:{password}".encode("utf-8", "surrogatepass")
    token = base64.b64encode(credentials).decode("ascii")
    return f"Basic {token}"


def basic_credentials(email: str, password: str) -> tuple[str, tuple[str, ...]]:
    """v1's Authorization header, and what a server echoing the request may show of it."""
    authorization = basic_authorization(email, password)
    secrets = (
        authorization,
        authorization.partition(" ")[2],
        f"{email}:{password}",
        password,
        quote(password, safe=""),
    )
    return authorization, secrets


class Connection:
    """Sends requests for one account; every failure leaves as a HarvestError."""

    # Backoff before each retry of a transient failure (bounded: one retry per entry).
    retry_delays: tuple[float, ...] = (0.25, 0.5, 1.0)
    # Added to every Retry-After: a call during a lockout extends it, and the header
    # is in whole seconds (or a date to the second), so arriving exactly on time
    # risks arriving early. The official sample and HCl add 5 s; 1 s is enough here.
    throttle_margin: float = 1.0
    # Even "Retry-After: 0" forever must end: at most this many waits per request.
    max_throttle_waits: int = 20

    def __init__(
        self,
        base_url: str,
        *,
        authorization: str,
        secrets: tuple[str, ...],
        headers: Mapping[str, str] | None = None,
        transport: httpx.BaseTransport | None,
        timeout: float,
        max_response_bytes: int,
        max_throttle_wait: float,
        requests_per_window: int,
        window_seconds: float,
        deadline: float = DEFAULT_DEADLINE,
        min_rate: float = DEFAULT_MIN_RATE,
        accept: str = XML,
        content_type: str = XML_BODY,
        user_agent: str = USER_AGENT,
    ) -> None:
        """`secrets`: whatever a server echoes back is scrubbed of these before anyone
        sees it (the Authorization header and what it is made of)."""
        self.base_url = base_url.rstrip("/")
        self.max_response_bytes = max_response_bytes
        self.timeout = timeout
        self.limits = TransferLimits(deadline=deadline, min_rate=min_rate)
        self._expires = float("inf")  # of the request under way
        self._outcome_unknown = False
        self._clock = time.monotonic
        self.max_throttle_wait = max_throttle_wait
        self.on_throttle: Callable[[float], None] | None = None
        self.cancel_event: threading.Event | None = None
        self.pacer = Pacer(requests_per_window, window_seconds)
        # Refused addresses are remembered, not raised: the caller builds a client from
        # what the user typed and learns why it is refused from the first request.
        self._refusal: HarvestError | None = _address_refusal(self.base_url)
        self.secrets = secrets
        verify = _trust_store()
        if isinstance(verify, HarvestError):
            self._refusal = self._refusal or verify
            verify = refusing_context()  # never used: every request is refused above
        # No base_url here: an address httpx cannot parse must fail as a HarvestError
        # when used, not as an httpx exception from this constructor.
        self._http = httpx.Client(
            transport=transport,
            verify=verify,
            follow_redirects=False,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 15.0)),
            # Harvest's docs name missing Accept/Content-Type headers as the root cause
            # of unexpected errors, and ask for both on every request, bodies or not.
            # Only encodings body.py inflates under its caps are offered.
            headers={
                "Authorization": authorization,
                "Accept": accept,
                "Content-Type": content_type,
                "User-Agent": user_agent,
                "Accept-Encoding": ACCEPTED_ENCODINGS,
                **(headers or {}),
            },
        )

    def close(self) -> None:
        self._http.close()

    def request(
        self,
        method: str,
        path: str,
        read: Callable[[httpx.Response, Connection], T],
        *,
        subject: str,
        params: dict[str, str] | None = None,
        body: bytes | None = None,
    ) -> T:
        """Sends until done or refused; every message that leaves is scrubbed of the
        credentials, whichever part of a reply (body, Hint, Location) it quotes."""
        try:
            return self._request(method, path, read, subject, params, body)
        except HarvestError as error:
            _scrub_error(error, self.secrets)
            raise

    def _request(
        self,
        method: str,
        path: str,
        read: Callable[[httpx.Response, Connection], T],
        subject: str,
        params: dict[str, str] | None,
        body: bytes | None,
    ) -> T:
        if self._refusal is not None:
            raise self._refusal.with_traceback(None)  # stored: no old frames kept
        try:
            request = self._http.build_request(
                method, self.base_url + path, params=params, content=body
            )
        except (httpx.InvalidURL, httpx.UnsupportedProtocol):
            raise HarvestError(f"'{self.base_url}' is not a usable account address.") from None
        self._expires = self._clock() + self.limits.deadline
        self._outcome_unknown = method not in IDEMPOTENT
        throttled_for, throttles, retries = 0.0, 0, 0
        while True:
            try:
                return self._attempt(request, read, subject)
            except Throttled as throttle:
                throttles += 1
                waited = self._wait_out(throttle, throttled_for, throttles)
                throttled_for += waited
                self._expires += waited  # a throttle wait has its own bound
            except Transient as failure:
                if method not in IDEMPOTENT and not failure.not_sent:
                    raise failure.error from None
                # Retries share the request's deadline: a backoff past it is not begun.
                delay = self.retry_delays[retries] if retries < len(self.retry_delays) else 0
                if retries >= len(self.retry_delays) or self._remaining() <= delay:
                    raise failure.error from None
                log.info("%s %s failed (%s); retrying", method, path, failure.error)
                wait(delay, self.cancel_event)
                retries += 1

    def _remaining(self) -> float:
        return self._expires - self._clock()

    def _time_request(self, request: httpx.Request) -> None:
        """Each network wait of this attempt ends by the request's deadline at the latest."""
        remaining = self._remaining()
        if remaining <= 0:
            raise deadline_error(self.limits, self._outcome_unknown)
        budget = min(self.timeout, remaining)
        request.extensions["timeout"] = httpx.Timeout(budget, connect=min(budget, 15.0)).as_dict()

    def _attempt(
        self, request: httpx.Request, read: Callable[[httpx.Response, Connection], T], subject: str
    ) -> T:
        self.pacer.wait_turn(self.cancel_event)
        self._time_request(request)
        try:
            response = self._http.send(request, stream=True)
        except httpx.HTTPError as error:
            raise self._failure(error, request.method) from None
        finally:
            # Counted once the server has surely seen it, so our window never starts
            # before the server's does and the budget holds at the server's end too.
            self.pacer.record()
        try:
            self._check_status(response, subject, request.method)
            return read(response, self)
        except httpx.HTTPError as error:
            raise self._failure(error, request.method) from None
        except TooSlow as error:  # an idempotent request may try again, in its deadline
            raise Transient(error, not_sent=False) from None
        finally:
            response.close()

    def _failure(self, error: httpx.HTTPError, method: str) -> Transient | HarvestError:
        if isinstance(error, httpx.TimeoutException) and self._remaining() <= 0:
            return deadline_error(self.limits, self._outcome_unknown)
        return Transient.from_httpx(error, method)

    def _check_status(self, response: httpx.Response, subject: str, method: str) -> None:
        status = response.status_code
        if 200 <= status < 300:
            return
        if status in THROTTLED:
            raise Throttled(parse_retry_after(response.headers.get("retry-after")), status)
        if 300 <= status < 400:
            raise redirect_error(status, response.headers.get("location"))
        body = self.read_body(response, limit=ERROR_BODY_LIMIT, truncate=True)
        error = self.describe_error(status, response.headers, body, subject, method)
        if status in TRANSIENT and method in IDEMPOTENT:
            raise Transient(error, not_sent=False)
        raise error

    def describe_error(
        self, status: int, headers: httpx.Headers, body: bytes, subject: str, method: str
    ) -> HarvestError:
        """The typed error of a refused request; each API version words its own."""
        return error_for(status, headers, body, subject, method, secrets=self.secrets)

    def _wait_out(self, throttle: Throttled, already: float, count: int) -> float:
        """Waits Retry-After plus the margin; `on_throttle` hears the seconds Harvest asked.

        Returns the seconds waited, toward the bounded total.
        """
        seconds = throttle.seconds
        if already + seconds > self.max_throttle_wait or count > self.max_throttle_waits:
            raise ThrottledError(
                f"Harvest is limiting requests from this account and asks to wait "
                f"{seconds:.0f} s more; try again in a few minutes.",
                retry_after=seconds,
                status=throttle.status,
            )
        log.info("Harvest throttled this account; waiting %.1f s", seconds)
        if self.on_throttle is not None:
            self.on_throttle(seconds)
        wait(seconds + self.throttle_margin, self.cancel_event)
        return seconds + self.throttle_margin

    def chunks(self, response: httpx.Response, limit: int | None = None) -> Iterator[bytes]:
        """The body as it arrives, refused past the size cap."""
        limit = self.max_response_bytes if limit is None else limit
        declared = response.headers.get("content-length", "")
        if declared.isascii() and declared.isdigit() and int(declared) > limit:
            raise _too_large(limit)
        received = 0
        for chunk in self.pieces(response):
            received += len(chunk)
            if received > limit:
                raise _too_large(limit)
            yield chunk

    def pieces(self, response: httpx.Response) -> Iterator[bytes]:
        """The decoded body, each piece at most 256 KiB, within the deadline and rate."""
        return body_pieces(
            response,
            self.limits,
            self._expires,
            outcome_unknown=self._outcome_unknown,
            clock=self._clock,
        )

    def read_body(
        self, response: httpx.Response, *, limit: int | None = None, truncate: bool = False
    ) -> bytes:
        if not truncate:
            return b"".join(self.chunks(response, limit))
        kept, wanted = [], limit or self.max_response_bytes
        for chunk in self.pieces(response):
            kept.append(chunk)
            wanted -= len(chunk)
            if wanted <= 0:
                break
        return b"".join(kept)


def _scrub_error(error: HarvestError, secrets: tuple[str, ...]) -> None:
    error.message = scrub(error.message, secrets)
    error.args = (error.message,)
    if isinstance(error, ValidationError):
        error.errors = [scrub(text, secrets) for text in error.errors]


def _trust_store() -> ssl.SSLContext | HarvestError:
    try:
        return certificate_context()
    except CertificateFileError as error:
        return error


def _address_refusal(base_url: str) -> HarvestError | None:
    try:
        check_base_url(base_url)
    except HarvestError as error:
        return HarvestError(error.message)  # a fresh one each client, without a traceback
    return None


def _too_large(limit: int) -> ProtocolError:
    return ProtocolError(
        f"Harvest's reply is larger than the {limit / 2**20:.0f} MB this app accepts; "
        "it was not read."
    )
