"""The throttle: a sliding window per account, 503 + Retry-After, reflected in rate_limit_status."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from addressbook.sandbox import SandboxServer
from addressbook.sandbox.throttle import Throttle

from .support import Wire

NOW = datetime(2024, 5, 1, tzinfo=UTC)


class Ticker:
    def __init__(self) -> None:
        self.value = 1000.0

    def __call__(self) -> float:
        return self.value


@pytest.fixture
def limited() -> Iterator[Wire]:
    with SandboxServer(contacts=5, rate_limit=3, rate_window=30.0) as server:
        yield Wire(server)


def test_request_over_the_limit_gets_503_with_retry_after(limited: Wire) -> None:
    for _ in range(3):
        assert limited.get("/clients").status == 200
    reply = limited.get("/clients")
    assert reply.status == 503
    assert reply.body == b"This request has been throttled."
    assert 1 <= int(reply.headers["retry-after"]) <= 30


def test_throttled_write_is_not_executed(limited: Wire) -> None:
    for _ in range(3):
        limited.get("/account/who_am_i")
    before = len(limited.server.store.contacts())
    body = (
        '<contact><client-id type="integer">1001</client-id>'
        "<first-name>A</first-name><last-name>B</last-name></contact>"
    )
    assert limited.request("POST", "/contacts", body).status == 503
    assert len(limited.server.store.contacts()) == before


def test_rate_limit_status_shows_the_lockout_without_using_the_budget(limited: Wire) -> None:
    for _ in range(4):
        limited.get("/contacts")
    for _ in range(3):  # asking for the status is never throttled itself
        reply = limited.get("/account/rate_limit_status")
        assert reply.status == 200
    fields = {child.tag: child.text for child in reply.xml()}
    assert fields["count"] == "3" and fields["max-calls"] == "3"
    assert fields["timeframe-limit"] == "30"
    assert 1 <= int(fields["lockout-seconds"] or 0) <= 30


def test_unauthenticated_requests_do_not_count(limited: Wire) -> None:
    for _ in range(5):
        assert limited.request("GET", "/clients", authorization=None).status == 401
    assert limited.get("/clients").status == 200


def test_window_slides() -> None:
    ticker = Ticker()
    throttle = Throttle(2, 15.0, monotonic=ticker)
    assert throttle.admit(NOW) is None
    ticker.value += 5
    assert throttle.admit(NOW) is None
    ticker.value += 1
    assert throttle.admit(NOW) == 9  # the first request leaves the window in 9 s
    ticker.value += 9
    assert throttle.admit(NOW) is None  # first one expired
    assert throttle.admit(NOW) == 5
    assert throttle.status().count == 2 and throttle.status().lockout_seconds == 5


def test_retry_after_is_a_whole_number_of_at_least_one_second() -> None:
    ticker = Ticker()
    throttle = Throttle(1, 0.5, monotonic=ticker)
    throttle.admit(NOW)
    ticker.value += 0.4
    assert throttle.admit(NOW) == 1


def test_zero_limit_disables_the_throttle() -> None:
    throttle = Throttle(0, 15.0)
    assert all(throttle.admit(NOW) is None for _ in range(500))
    assert throttle.status().lockout_seconds == 0


def test_calling_during_a_lockout_restarts_it() -> None:
    """Harvest: "the throttle is reset with each call". Only waiting Retry-After gets in."""
    ticker = Ticker()
    throttle = Throttle(1, 15.0, monotonic=ticker)
    assert throttle.admit(NOW) is None
    ticker.value += 5
    assert throttle.admit(NOW) == 10  # locked out until 1015
    ticker.value += 8
    assert throttle.admit(NOW) == 15  # called at 1013: locked out until 1028 now
    assert throttle.status().lockout_seconds == 15
    ticker.value += 14.5
    assert throttle.admit(NOW) == 15  # still impatient: until 1042.5
    ticker.value += 15
    assert throttle.admit(NOW) is None  # waited the whole Retry-After
    assert throttle.status().lockout_seconds == 15  # and this call used the budget again


def test_a_client_that_waits_retry_after_is_let_back_in(limited: Wire) -> None:
    for _ in range(4):
        limited.get("/clients")
    seconds = int(limited.get("/clients").headers["retry-after"])
    assert seconds == 30  # the impatient fifth call restarted the lockout
