"""Who the API acts as: the answer of GET /account/who_am_i."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Account:
    email: str
    first_name: str
    last_name: str
    # The Extended API (clients, contacts) is meant for admins; others get 404s.
    admin: bool
    company_name: str
    user_id: int | None = None
    timezone: str | None = None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()
