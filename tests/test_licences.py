from addressbook.licences import third_party_notices


def test_every_runtime_library_is_named_with_its_licence() -> None:
    notices = {notice.name.lower().replace("_", "-"): notice for notice in third_party_notices()}
    for name in ("pyside6-essentials", "httpx", "xmltodict", "keyring", "platformdirs"):
        assert name in notices
        assert notices[name].licence and notices[name].version
    assert "LGPL" in notices["pyside6-essentials"].licence
    assert "Copyright" in notices["httpx"].text or "copyright" in notices["httpx"].text.lower()
