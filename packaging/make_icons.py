"""Regenerate the application icon's PNG, ICO and ICNS files from the SVG.

    .venv/bin/python packaging/make_icons.py [--check]

Renders resources/icons/harvest-contacts.svg with Qt's own SVG renderer (QtSvg ships in
PySide6-Essentials, so no new dependency), then writes:

- harvest-contacts-<N>.png for N in 16 .. 512 (Linux icon themes, the window icon);
- harvest-contacts.ico for Windows: an ICO whose entries are PNG-compressed, which every
  Windows since Vista reads (the format is a 6-byte header and a 16-byte directory entry
  per image, so it is written by hand here rather than pulling in Pillow);
- harvest-contacts.icns for macOS: a big-endian 'icns' header and one typed PNG chunk per
  size (icp4 .. ic10, the PNG-capable types), again written by hand.

--check renders into memory and exits 1 when a committed file is missing or its
dimensions are wrong, without writing anything.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
BASENAME = "harvest-contacts"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS chunk type -> pixel size. The @2x types (ic11..ic14, ic10) reuse the larger renders.
ICNS_TYPES = (
    ("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512),
    ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512), ("ic10", 1024),
)  # fmt: skip


def render_png(svg: Path, size: int) -> bytes:
    """The SVG rendered at size x size as PNG bytes (needs a QGuiApplication)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def build_ico(pngs: dict[int, bytes]) -> bytes:
    """An ICO file holding each PNG as one entry, smallest first."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(sizes)
    directory, images = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in the one-byte width/height fields
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + directory + images


def build_icns(chunks: list[tuple[str, bytes]]) -> bytes:
    """An ICNS file with one (type, PNG) chunk each; lengths include the 8-byte headers."""
    body = b"".join(
        kind.encode("ascii") + struct.pack(">I", len(data) + 8) + data for kind, data in chunks
    )
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def generate(svg: Path) -> dict[str, bytes]:
    """Every output file name mapped to its bytes."""
    renders = {size: render_png(svg, size) for size in {*PNG_SIZES, *(s for _, s in ICNS_TYPES)}}
    outputs = {f"{BASENAME}-{size}.png": renders[size] for size in PNG_SIZES}
    outputs[f"{BASENAME}.ico"] = build_ico({size: renders[size] for size in ICO_SIZES})
    outputs[f"{BASENAME}.icns"] = build_icns([(kind, renders[s]) for kind, s in ICNS_TYPES])
    return outputs


def check(outputs: dict[str, bytes]) -> list[str]:
    """Problems with the committed files: missing, or PNGs of the wrong size."""
    problems = []
    for name in outputs:
        path = ICONS / name
        if not path.is_file():
            problems.append(f"missing: {path}")
        elif name.endswith(".png"):
            expected = int(name.rsplit("-", 1)[1].removesuffix(".png"))
            if png_size(path.read_bytes()) != (expected, expected):
                problems.append(f"wrong size: {path}")
    return problems


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - keep alive
    outputs = generate(ICONS / f"{BASENAME}.svg")
    if "--check" in argv:
        problems = check(outputs)
        print("\n".join(problems) or "icons up to date")
        return 1 if problems else 0
    for name, data in outputs.items():
        (ICONS / name).write_bytes(data)
        print(f"wrote {ICONS / name} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
