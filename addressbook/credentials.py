"""Passwords and personal access tokens in the OS keyring, behind a small interface;
never anywhere else.

A v2 token is stored exactly as a v1 password is, under the account's key: for v2 the
address is the API's URL + "/v2" and the login its account id (api.v2.address), so
"1234567@api.harvestapp.com" can never collide with a v1 "email@acme.harvestapp.com".

When no usable keyring backend exists (a headless Linux box has only keyring's
"fail" backend) the store says so instead of falling back to a file: the app
then keeps the password in memory for this session only. Nothing here logs or
raises with a password in it.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

import keyring
import keyring.backend
import keyring.errors
from keyring.backends import chainer, fail, null

log = logging.getLogger(__name__)

DEFAULT_SERVICE = "HarvestContacts"

# Errors that mean "no keyring to use": missing backend, locked or broken one.
_UNUSABLE = (keyring.errors.NoKeyringError, keyring.errors.InitError, keyring.errors.KeyringError)


def account_key(base_url: str, email: str) -> str:
    """The keyring user name of one account: "email@host" (host with its port, if any).

    One Harvest user may have logins on several accounts, so the host is part
    of the key; case is folded because neither part is case-sensitive.
    """
    text = base_url.strip()
    parts = urlsplit(text if "//" in text else f"//{text}")
    host = (parts.hostname or text).lower()
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    return f"{email.strip().lower()}@{host}"


def _is_unusable(backend: keyring.backend.KeyringBackend) -> bool:
    """True for backends that cannot keep a secret: fail, null, or a chainer of nothing."""
    if isinstance(backend, (fail.Keyring, null.Keyring)):
        return True
    if isinstance(backend, chainer.ChainerBackend):
        return not backend.backends
    return False


class CredentialStore:
    """get / set / delete one password per account key in the OS keyring."""

    def __init__(
        self,
        service: str = DEFAULT_SERVICE,
        backend: keyring.backend.KeyringBackend | None = None,
    ) -> None:
        self.service = service
        # None: ask keyring for its current backend on every call, so the
        # user's keyring configuration (and test fixtures) are honoured.
        self._backend = backend
        self._failed = False

    def backend(self) -> keyring.backend.KeyringBackend | None:
        try:
            return self._backend if self._backend is not None else keyring.get_keyring()
        except _UNUSABLE as error:
            log.warning("No keyring backend: %s", type(error).__name__)
            return None

    def backend_name(self) -> str:
        backend = self.backend()
        if backend is None:
            return "none"
        name = getattr(backend, "name", "") or type(backend).__name__
        return str(name)

    def available(self) -> bool:
        """Whether a password can be remembered; decided without writing to the keyring."""
        backend = self.backend()
        return backend is not None and not self._failed and not _is_unusable(backend)

    def get(self, account_key: str) -> str | None:
        backend = self.backend()
        if backend is None or _is_unusable(backend):
            return None
        try:
            return backend.get_password(self.service, account_key)
        except _UNUSABLE as error:
            self._note_failure("read", account_key, error)
            return None

    def set(self, account_key: str, password: str) -> bool:
        """Remember the password; False (and nothing written anywhere) when there is no keyring."""
        backend = self.backend()
        if backend is None or _is_unusable(backend):
            log.info("Not remembering the password of %s: no usable keyring", account_key)
            return False
        try:
            backend.set_password(self.service, account_key, password)
        except _UNUSABLE as error:
            self._note_failure("store", account_key, error)
            return False
        log.info("Password of %s stored in %s", account_key, self.backend_name())
        return True

    def delete(self, account_key: str) -> None:
        """Forget the password; a missing entry or a missing keyring is not an error."""
        backend = self.backend()
        if backend is None or _is_unusable(backend):
            return
        try:
            backend.delete_password(self.service, account_key)
        except keyring.errors.PasswordDeleteError:
            pass
        except _UNUSABLE as error:
            self._note_failure("delete", account_key, error)

    def _note_failure(self, action: str, account_key: str, error: Exception) -> None:
        # Only the exception's type: some backends echo their arguments in messages.
        kind = type(error).__name__
        log.warning("Could not %s the password of %s: %s", action, account_key, kind)
        if isinstance(error, (keyring.errors.NoKeyringError, keyring.errors.InitError)):
            self._failed = True
