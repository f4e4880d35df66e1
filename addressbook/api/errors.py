"""The only exceptions the API layer lets out. Each message is one a user can act on."""

from __future__ import annotations


class HarvestError(Exception):
    """Base of every failure talking to Harvest."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status

    def __str__(self) -> str:
        return self.message


class AuthenticationError(HarvestError):
    """401: the email or password was refused. Never retried."""


class NotFoundError(HarvestError):
    """404: missing, or hidden from a non-admin user (Harvest answers 404 for both)."""


class ValidationError(HarvestError):
    """400/422 (or refused locally): the server's own words, by message and as a list."""

    def __init__(
        self,
        message: str,
        *,
        errors: list[str] | None = None,
        status: int | None = None,
        fields: dict[str, list[str]] | None = None,
    ) -> None:
        super().__init__(message, status=status)
        self.errors: list[str] = list(errors or [message])
        # Problems by contact field when they are known (local validation).
        self.fields: dict[str, list[str]] = dict(fields or {})

    @classmethod
    def from_problems(cls, problems: dict[str, list[str]]) -> ValidationError:
        """Refused locally, by the core validation rules: every problem, by field."""
        errors = [message for messages in problems.values() for message in messages]
        return cls("\n".join(errors), errors=errors, fields=problems)


class ThrottledError(HarvestError):
    """503/429 kept coming after the bounded wait; the request was not executed."""

    def __init__(
        self, message: str, *, retry_after: float | None = None, status: int = 503
    ) -> None:
        super().__init__(message, status=status)
        self.retry_after = retry_after


class ServerError(HarvestError):
    """5xx other than throttling: Harvest failed; try again later."""


class NetworkError(HarvestError):
    """Timeouts and connection failures. For a POST, the outcome may be unknown."""

    def __init__(
        self, message: str, *, outcome_unknown: bool = False, status: int | None = None
    ) -> None:
        super().__init__(message, status=status)
        # True when a write was sent and the reply was lost: it may have happened.
        self.outcome_unknown = outcome_unknown


class DeadlinePassed(NetworkError):
    """The request's total deadline (HarvestClient(deadline=...)) passed; not retried,
    as no time is left. The sync treats it as any network failure: try again later."""


class TooSlow(NetworkError):
    """The reply came slower than HarvestClient(min_rate=...); an idempotent request is
    retried within its deadline, a write is reported with outcome_unknown."""


class ProtocolError(HarvestError):
    """The server's reply could not be understood (not XML, wrong shape, too large)."""


class CancelledError(HarvestError):
    """The caller cancelled while a request was waiting (throttle or backoff)."""


class CertificateFileError(HarvestError):
    """SSL_CERT_FILE (or SSL_CERT_DIR) names a trust store that cannot be loaded."""

    def __init__(self, message: str, *, path: str) -> None:
        super().__init__(message)
        self.path = path


class AccessDeniedError(HarvestError):
    """403: this user may not do this. Kept apart from NotFoundError so that
    nobody mistakes a refusal for a deletion."""


class GatewayError(ServerError, NetworkError):
    """502/504 answering a create: the gateway failed after the request was sent, so
    the contact may or may not exist now (outcome_unknown). Both a ServerError and
    a NetworkError, so either kind of handler sees it."""
