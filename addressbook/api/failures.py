"""What a failed exchange with Harvest means: retry it, wait it out, or tell the user.

Transport errors are sorted by whether the request may have reached Harvest: a
request not sent may always be sent again; one cut off after sending may be resent
only when it is idempotent, since a POST may have created the contact already.
"""

from __future__ import annotations

import ssl

import httpx

from .errors import HarvestError, NetworkError, ProtocolError

IDEMPOTENT = frozenset({"GET", "PUT", "DELETE", "HEAD"})
# Nothing was sent when these happen, so even a POST may simply be reported.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# A reply that came back cut off or not at all: the request may have been executed.
CUT_OFF = (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError)


def certificate_refused(error: httpx.HTTPError) -> bool:
    """TLS verification failed: retrying cannot help, and the user must hear why."""
    cause: BaseException | None = error
    for _ in range(8):  # httpx wraps httpcore wraps ssl; a chain is never longer
        if cause is None:
            break
        if isinstance(cause, ssl.SSLCertVerificationError):
            return True
        cause = cause.__cause__ or cause.__context__
    return False


class Throttled(Exception):
    """429/503: not executed; wait `seconds` and send again."""

    def __init__(self, seconds: float, status: int) -> None:
        self.seconds = seconds
        self.status = status


class Transient(Exception):
    """A failure that an idempotent request may retry; `error` is what the caller sees."""

    def __init__(self, error: HarvestError, *, not_sent: bool) -> None:
        self.error = error
        self.not_sent = not_sent

    @classmethod
    def from_httpx(cls, error: httpx.HTTPError, method: str) -> Transient | HarvestError:
        if certificate_refused(error):
            return NetworkError(
                "The server's security certificate could not be verified, so nothing was "
                "sent. Check the account address; on a company network, ask whoever runs "
                "it whether it intercepts secure connections."
            )
        if isinstance(error, NOT_SENT):
            return cls(
                NetworkError(
                    "Cannot reach Harvest. Check the internet connection and the account address."
                ),
                not_sent=True,
            )
        if isinstance(error, httpx.TimeoutException):
            return NetworkError(
                "Harvest did not answer in time. Try again later.",
                outcome_unknown=method not in IDEMPOTENT,
            )
        if isinstance(error, CUT_OFF):
            unknown = method not in IDEMPOTENT
            extra = " The change may or may not have been saved." if unknown else ""
            return cls(
                NetworkError(
                    "The connection to Harvest broke before its reply arrived." + extra,
                    outcome_unknown=unknown,
                ),
                not_sent=False,
            )
        if isinstance(error, httpx.DecodingError):
            return ProtocolError("Harvest sent a reply that could not be decoded.")
        return HarvestError(f"Talking to Harvest failed ({type(error).__name__}).")
