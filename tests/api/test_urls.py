"""Account addresses: what users type, and the https-only rule."""

from __future__ import annotations

import pytest

from addressbook.api import HarvestClient, HarvestError, normalize_base_url
from addressbook.api.urls import check_base_url, is_loopback_host


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("acme", "https://acme.harvestapp.com"),
        ("  Acme  ", "https://acme.harvestapp.com"),
        ("acme.harvestapp.com", "https://acme.harvestapp.com"),
        ("https://acme.harvestapp.com/", "https://acme.harvestapp.com"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("localhost:5000", "http://localhost:5000"),
        ("localhost", "http://localhost"),
        ("example.com", "https://example.com"),
        ("", ""),
    ],
)
def test_normalize_base_url(typed: str, expected: str) -> None:
    assert normalize_base_url(typed) == expected


@pytest.mark.parametrize(
    "host, loopback",
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("LOCALHOST", True),
        ("10.0.0.1", False),
        ("128.0.0.1", False),
        ("example.com", False),
        ("localhost.example.com", False),
        ("::2", False),
    ],
)
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback_host(host) is loopback


@pytest.mark.parametrize(
    "url",
    [
        "https://acme.harvestapp.com",
        "http://127.0.0.1:1",
        "http://localhost:8080",
        "http://[::1]:8080",
    ],
)
def test_allowed_addresses(url: str) -> None:
    check_base_url(url)


@pytest.mark.parametrize(
    "url, words",
    [
        ("http://acme.harvestapp.com", "plain http"),
        ("http://10.0.0.5:8080", "plain http"),
        ("http://127.0.0.1.example.com", "plain http"),
        ("ftp://acme.harvestapp.com", "https"),
        ("https://", "not an account address"),
    ],
)
def test_refused_addresses(url: str, words: str) -> None:
    with pytest.raises(HarvestError, match=words):
        check_base_url(url)


def test_plain_http_to_another_host_is_refused_before_any_request() -> None:
    """Refused with its own words: an attempt to connect would end in a NetworkError.
    The address is judged once, when the client is made, and every call is refused."""
    with HarvestClient("http://acme.harvestapp.com", "a@example.com", "secret") as api:
        for call in (api.who_am_i, api.list_contacts, lambda: api.delete_contact(5)):
            with pytest.raises(HarvestError, match="requires https") as caught:
                call()
            assert "secret" not in str(caught.value)
            assert type(caught.value) is HarvestError


@pytest.mark.parametrize(
    "url",
    [
        "https://exa mple.com",
        "https://[::1",
        "https://acme:port",
        "acme.harvestapp.com:99999",
        "://",
    ],
)
def test_unusable_addresses_fail_as_harvest_errors(url: str) -> None:
    with HarvestClient(url, "a@example.com", "pw") as api:
        with pytest.raises(HarvestError) as caught:
            api.list_contacts()
    assert type(caught.value) is HarvestError
