"""Small pieces of the app's English, shared so every message counts the same way."""

from __future__ import annotations


def counted(count: int, noun: str) -> str:
    """'1 contact', '2 contacts', '1,200 contacts' (nouns that take a plain -s)."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def names_of(full_names: list[str]) -> str:
    """How a message names what it acted on: "Ann Lee" for one, "3 contacts" for several."""
    return full_names[0] if len(full_names) == 1 else counted(len(full_names), "contact")
