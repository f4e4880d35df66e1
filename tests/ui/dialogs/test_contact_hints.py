"""Soft warnings for odd-looking contact values: advice, never a refusal."""

from __future__ import annotations

import pytest

from addressbook.ui.dialogs.contact_hints import field_hints


@pytest.mark.parametrize(
    ("name", "value", "words"),
    [
        ("email", "jane@example.con", 'did you mean ".com"'),
        ("email", "jane@example.cmo", 'did you mean ".com"'),
        ("email", "jane..doe@example.com", "dot in an unusual place"),
        ("email", "jane.@example.com", "dot in an unusual place"),
        ("phone_office", "ext 12 ask Jenny", "only 2 digits"),
        ("fax", "9", "only 1 digits"),
    ],
)
def test_odd_values_get_advice(name: str, value: str, words: str) -> None:
    assert any(words in hint for hint in field_hints(name, value))


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("email", "jane.doe@example.com"),
        ("email", None),
        ("phone_mobile", "+44 7700 900123 (ask Jenny)"),
        ("phone_office", "no digits at all"),  # a hard error elsewhere, not advice
        ("first_name", "x"),
        ("title", ""),
    ],
)
def test_ordinary_values_get_none(name: str, value: str | None) -> None:
    assert field_hints(name, value) == []
