"""An httpx transport whose open sockets can be shut down from another thread.

Closing an httpx client does not wake a thread blocked in recv(); shutting the
socket down does. Quitting the app mid-request uses this to exit within two
seconds instead of waiting for a slow server.
"""

from __future__ import annotations

import logging
import socket
import ssl
import threading
import weakref
from typing import Any

import httpcore
import httpx

from addressbook.api.errors import CertificateFileError
from addressbook.api.tls import certificate_context, refusing_context

log = logging.getLogger(__name__)


class _RecordingBackend(httpcore.SyncBackend):
    """The default network backend, remembering each socket it connects."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sockets: weakref.WeakSet[socket.socket] = weakref.WeakSet()
        self.aborted = False

    def connect_tcp(self, *args: Any, **kwargs: Any) -> httpcore.NetworkStream:
        if self.aborted:  # a retry after the abort must not start a new wait
            raise httpcore.ConnectError("the connection was aborted (the app is closing)")
        stream = super().connect_tcp(*args, **kwargs)
        sock = stream.get_extra_info("socket")
        if isinstance(sock, socket.socket):
            with self._lock:
                self._sockets.add(sock)
        return stream

    def shutdown_all(self) -> int:
        with self._lock:
            self.aborted = True
            sockets = list(self._sockets)
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # already closed
        return len(sockets)


def _trust_store() -> ssl.SSLContext:
    """A bad SSL_CERT_FILE must not raise here: HarvestClient names it on first use."""
    try:
        return certificate_context()
    except CertificateFileError:
        return refusing_context()


class AbortableTransport(httpx.HTTPTransport):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("verify", _trust_store())
        super().__init__(**kwargs)
        self._backend = _RecordingBackend()
        pool = getattr(self, "_pool", None)
        # httpx offers no public hook for the network backend; without one,
        # abort() degrades to "wait for the request", which is still correct.
        if pool is not None and hasattr(pool, "_network_backend"):
            pool._network_backend = self._backend
        else:
            log.debug("httpx pool has no network backend hook; abort() will not interrupt")

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self._backend.aborted:
            raise httpx.ConnectError("the connection was aborted (the app is closing)")
        return super().handle_request(request)

    def abort(self) -> None:
        """Thread-safe: make every request on this transport fail at once, now and later."""
        count = self._backend.shutdown_all()
        if count:
            log.debug("Shut down %d connection(s) to abort a request", count)
