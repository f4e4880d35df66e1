"""The sync tests' loopback sandbox, API client, cache and engine, reused."""

from tests.sync.conftest import api, cache, engine, server, synced  # noqa: F401
