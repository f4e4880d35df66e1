"""The sync tests' loopback sandbox, API client, cache and engine, and the UI tests' app
factory, reused."""

from tests.sync.conftest import api, api_version, cache, engine, server, synced  # noqa: F401
from tests.ui.conftest import data_dir, make_app, sandbox, settings  # noqa: F401
