"""The trust store for https: the system's, or the file SSL_CERT_FILE names.

A bad SSL_CERT_FILE (missing, unreadable, not PEM) made httpx raise a bare
FileNotFoundError or ssl.SSLError from a constructor; here it becomes a
CertificateFileError that names the file, so the user can fix or unset it.
"""

from __future__ import annotations

import os
import ssl

import certifi

from .errors import CertificateFileError


def certificate_context() -> ssl.SSLContext:
    """A verifying context as httpx builds it, or CertificateFileError naming the file."""
    cafile = os.environ.get("SSL_CERT_FILE") or None
    capath = os.environ.get("SSL_CERT_DIR") or None
    try:
        if cafile is not None:  # httpx's order: the file wins over the folder
            return ssl.create_default_context(cafile=cafile)
        if capath is not None:
            return ssl.create_default_context(capath=capath)
        return ssl.create_default_context(cafile=certifi.where())
    except (OSError, ssl.SSLError) as error:
        named = cafile or capath or ""
        reason = getattr(error, "strerror", None) or getattr(error, "reason", None) or error
        raise CertificateFileError(
            f"The certificate file {named} (named by SSL_CERT_FILE or SSL_CERT_DIR) could "
            f"not be used ({reason}). Fix the file or unset the variable.",
            path=named,
        ) from None


def refusing_context() -> ssl.SSLContext:
    """Verifies against no authority at all: for a transport that must exist although
    the configured trust store is broken. Nothing is ever sent through it."""
    return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
