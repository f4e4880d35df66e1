"""A hostile server costs the app a few MB and a bounded time, and each attack is
refused with a message that names it. Run in a child process, so the peak memory
measured (ru_maxrss) is the client's alone; the margins are generous on purpose.
"""

from __future__ import annotations

import json

import pytest

from .hostile_server import HostileServer
from .measure_all import probe

# Above what the child holds after its imports (about 25-30 MB); main took 330 MB
# to 1.3 GB on these inputs.
EXTRA_MB = 60
FAST = 15.0  # seconds; main took up to 12.6 s, the fixed code under 0.1 s

REFUSED = {
    "entity_bomb": "entities are disabled",
    "xxe": "entities are disabled",
    "deep_nesting": "contact 50001 nested more than 8 levels deep",
    "huge_text": "contact 50001 with a text of more than 64 KiB in <first-name>",
    "huge_attribute": "contact 50001 with a tag or text of more than 1 MB",
    "endless_chunked": "text of more than 64 KiB",
    "endless_comments": "grew to 8 MB with only 0 contacts",
    "gzip_bomb": "text of more than 64 KiB",
}


@pytest.mark.parametrize("mode", sorted(REFUSED))
def test_hostile_list_is_refused_within_bounds(mode: str) -> None:
    with HostileServer(mode) as server:
        report = probe(server.url, cutoff=60.0)
    assert report["error"] == "ProtocolError", report
    assert REFUSED[mode] in str(report["message"])
    assert float(report["peak_mb"]) - float(report["base_mb"]) < EXTRA_MB  # type: ignore[arg-type]
    assert float(report["seconds"]) < FAST  # type: ignore[arg-type]


def test_slow_drip_ends_at_the_deadline_naming_it() -> None:
    options = json.dumps({"deadline": 2.0, "timeout": 5.0})
    with HostileServer("slow_drip", interval=0.05) as server:
        report = probe(server.url, options=options, cutoff=60.0)
    assert report["error"] == "DeadlinePassed", report
    assert "2 seconds deadline" in str(report["message"])
    assert float(report["seconds"]) < 8.0  # type: ignore[arg-type]


def test_a_drip_below_the_minimum_rate_is_abandoned_and_retried_within_the_deadline() -> None:
    # Five bytes a second, judged over 2 s windows (30 s in the app), against 1 KB/s.
    options = json.dumps({"deadline": 30.0, "timeout": 5.0, "rate_window": 2.0})
    with HostileServer("slow_drip", interval=0.2) as server:
        report = probe(server.url, options=options, cutoff=60.0)
        attempts = len(server.requests)
    # Abandoned for its rate, retried once (the probe allows one retry), abandoned again.
    assert report["error"] == "TooSlow", report
    assert "slower than 1.0 KB/s" in str(report["message"])
    assert attempts == 2
    assert float(report["seconds"]) < 15.0  # type: ignore[arg-type]


def test_cross_host_redirect_is_not_followed() -> None:
    with HostileServer("cross_host_redirect") as server:
        report = probe(server.url, cutoff=60.0)
        assert len(server.requests) == 1
    assert report["error"] == "HarvestError"
    assert "redirected" in str(report["message"])


def test_credentials_echoed_by_a_401_are_hidden() -> None:
    with HostileServer("echo_401") as server:
        report = probe(server.url, cutoff=60.0)
    message = str(report["message"])
    assert report["error"] == "AuthenticationError"
    assert "s3cret-Pa55" not in message and "ZGVtb0BleGFtcGxl" not in message
    assert "[hidden]" in message


def test_a_silent_server_is_left_at_the_deadline_not_after_the_read_timeout() -> None:
    options = json.dumps({"deadline": 1.0, "timeout": 20.0})
    with HostileServer("slow_drip", interval=30.0) as server:  # headers, then silence
        report = probe(server.url, options=options, cutoff=60.0)
    assert report["error"] == "DeadlinePassed", report
    assert float(report["seconds"]) < 5.0  # type: ignore[arg-type]
