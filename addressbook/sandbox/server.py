"""SandboxServer: a Harvest v1 account on a loopback port, run in a background thread.

Tests start it in-process (`with SandboxServer() as server:`), talk to
`server.url` over real HTTP and reach behind the API through `server.store`,
`server.faults` and `server.requests`. `python -m addressbook.sandbox` runs the
same server for a person trying the app without a Harvest account.
"""

from __future__ import annotations

import ipaddress
import threading
from datetime import datetime
from types import TracebackType

from . import demo_data
from .app import HarvestApp
from .faults import Faults
from .handler import SandboxHTTPServer
from .request_log import RequestLog
from .store import FIRST_CLIENT_ID, FIRST_CONTACT_ID, Clock, Store, real_clock
from .throttle import Throttle

DEMO_EMAIL = "demo@example.com"
DEMO_PASSWORD = "demo-password"  # a public demo credential, printed by the CLI on purpose


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve anywhere


class SandboxServer:
    """A Harvest-compatible HTTP server with seeded demo data, faults and a throttle."""

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        clients: int = 12,
        contacts: int = 150,
        seed: int = 1,
        email: str = DEMO_EMAIL,
        password: str = DEMO_PASSWORD,
        db_path: str | None = None,
        rate_limit: int = 100,
        rate_window: float = 15.0,
        admin: bool = True,
        clock: Clock | None = None,
        verbose: bool = False,
        allow_remote: bool = False,
        socket_timeout: float = 30.0,
        max_threads: int = 32,
    ) -> None:
        if not allow_remote and not is_loopback(host):
            # It serves Basic auth over plain http: on a network, anyone can read it.
            raise ValueError(
                f"{host} is not a loopback address; pass allow_remote=True "
                "to serve the sandbox to other machines"
            )
        self.host = host
        self.socket_timeout = socket_timeout
        self.max_threads = max(1, max_threads)
        self.port = port
        self.verbose = verbose
        self.store = Store(clock or real_clock, str(db_path) if db_path else None)
        if self.store.is_empty:  # a new account; an existing --db file keeps its data
            self._seed(seed, clients, contacts)
        self.store.contacts_xml()  # render the list once now, so no client's first GET pays
        self.faults = Faults()
        # Bounded; bodies of requests refused at sign-in are dropped (request_log.py).
        self.requests = RequestLog()
        self.throttle = Throttle(rate_limit, rate_window)
        self.app = HarvestApp(
            self.store, self.throttle, email=email, password=password, admin=admin
        )
        self._httpd: SandboxHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def _seed(self, seed: int, clients: int, contacts: int) -> None:
        now: datetime = self.store.clock()
        client_rows, contact_rows = demo_data.generate(
            seed, clients, contacts, now, FIRST_CLIENT_ID, FIRST_CONTACT_ID
        )
        self.store.bulk_load(client_rows, contact_rows)

    @property
    def url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("the sandbox is not running; call start() first")
        return f"http://{self.host}:{self.port}"

    def set_password(self, password: str) -> None:
        """Change the account's password, as its owner would on the web."""
        self.app.set_password(password)

    @property
    def running(self) -> bool:
        return self._httpd is not None

    def start(self) -> SandboxServer:
        """Binds (the same port again after a stop) and serves on a background thread."""
        if self._httpd is not None:
            return self
        self.store.reopen()
        self._httpd = SandboxHTTPServer((self.host, self.port), self)
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"sandbox-{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def wait_idle(self, timeout: float = 5.0) -> bool:
        """Wait until no client is connected; False if one still is after `timeout` seconds.

        A client killed mid-request leaves its last request in the socket, and the
        server still runs it a moment later: tests that check the server's state
        after killing a client wait for that first.
        """
        httpd = self._httpd
        return httpd is None or httpd.wait_for_no_connections(timeout)

    def stop(self) -> None:
        """Stops serving, ends open connections, joins every thread, closes the db file."""
        httpd, thread = self._httpd, self._thread
        self._httpd = self._thread = None
        if httpd is not None:
            httpd.shutdown()
            httpd.close_connections()
            httpd.server_close()
        if thread is not None:
            thread.join()
        self.store.close()

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
