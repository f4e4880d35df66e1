"""A refusal stored with a queued change, split back into the contact dialog's fields."""

from __future__ import annotations

import pytest

from addressbook.ui.server_errors import split_server_error


@pytest.mark.parametrize(
    ("stored", "general", "fields"),
    [
        ("Harvest refused the change: Client is invalid", [], {"client_id": ["Client is invalid"]}),
        (
            "Harvest refused the change: First name can't be blank; Phone office is too long",
            [],
            {
                "first_name": ["First name can't be blank"],
                "phone_office": ["Phone office is too long"],
            },
        ),
        ("Harvest refused the change: Something odd", ["Something odd"], {}),
        ("Harvest could not find contact 7.", ["Harvest could not find contact 7."], {}),
        (None, [], {}),
    ],
)
def test_sentences_go_to_their_field(
    stored: str | None, general: list[str], fields: dict[str, list[str]]
) -> None:
    assert split_server_error(stored) == (general, fields)
