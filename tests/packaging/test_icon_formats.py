"""The hand-written ICO and ICNS writers of packaging/make_icons.py, and the committed files."""

from __future__ import annotations

import struct
from pathlib import Path
from types import ModuleType

from addressbook.resources import resource_path


def fake_png(size: int) -> bytes:
    """Just enough of a PNG for the containers: signature and an IHDR with the size."""
    ihdr = struct.pack(">II", size, size) + bytes([8, 6, 0, 0, 0])
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + ihdr + b"\0" * 4


def read_ico(data: bytes) -> list[tuple[int, bytes]]:
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    entries = []
    for index in range(count):
        width, height, _, _, planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        assert width == height and (planes, bits) == (1, 32)
        entries.append((width or 256, data[offset : offset + length]))
    return entries


def read_icns(data: bytes) -> list[tuple[str, bytes]]:
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    chunks, position = [], 8
    while position < len(data):
        kind = data[position : position + 4].decode("ascii")
        length = struct.unpack(">I", data[position + 4 : position + 8])[0]
        chunks.append((kind, data[position + 8 : position + length]))
        position += length
    assert position == len(data)
    return chunks


def test_ico_round_trips(make_icons: ModuleType) -> None:
    pngs = {size: fake_png(size) for size in (256, 16, 48)}
    entries = read_ico(make_icons.build_ico(pngs))
    assert entries == [(16, pngs[16]), (48, pngs[48]), (256, pngs[256])]


def test_icns_round_trips(make_icons: ModuleType) -> None:
    chunks = [("icp4", fake_png(16)), ("ic10", fake_png(1024))]
    assert read_icns(make_icons.build_icns(chunks)) == chunks


def test_committed_ico_holds_pngs_of_the_declared_sizes(make_icons: ModuleType) -> None:
    for side, png in read_ico(resource_path("icons/harvest-contacts.ico").read_bytes()):
        assert make_icons.png_size(png) == (side, side)


def test_committed_icns_chunks_match_their_types(make_icons: ModuleType) -> None:
    expected = dict(make_icons.ICNS_TYPES)
    chunks = read_icns(resource_path("icons/harvest-contacts.icns").read_bytes())
    assert [kind for kind, _ in chunks] == [kind for kind, _ in make_icons.ICNS_TYPES]
    for kind, png in chunks:
        assert make_icons.png_size(png) == (expected[kind], expected[kind])


def test_make_icons_check_finds_the_committed_files_complete(
    make_icons: ModuleType, qapp: object
) -> None:
    outputs = make_icons.generate(Path(make_icons.ICONS) / "harvest-contacts.svg")
    assert make_icons.check(outputs) == []
    assert sorted(outputs) == sorted(
        p.name for p in Path(make_icons.ICONS).iterdir() if p.suffix in {".png", ".ico", ".icns"}
    )
