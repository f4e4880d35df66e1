"""Small pieces of the app's English, shared so every message counts the same way."""

from __future__ import annotations


def counted(count: int, noun: str) -> str:
    """'1 contact', '2 contacts', '1,200 contacts' (nouns that take a plain -s)."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
