"""Renders resources/icons/planwriter.svg to the PNG sizes, the Windows .ico and the macOS .icns.

Run from the repository root after editing the SVG:

    .venv/bin/python packaging/make_icons.py

Only PySide6 (QtSvg, part of PySide6-Essentials) is needed; the .ico and .icns containers are written
here byte by byte, so no image library has to be installed.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICON_DIR = ROOT / "resources" / "icons"
SVG = ICON_DIR / "planwriter.svg"
PNG_DIR = ICON_DIR / "png"

#: Every PNG size written to resources/icons/png/planwriter-<size>.png.
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
#: Sizes inside the Windows .ico (Explorer, taskbar, Start menu, installer).
ICO_SIZES = (16, 24, 32, 48, 64, 256)
#: Sizes below this are stored as classic bitmaps in the .ico (some tools reject small PNG entries).
ICO_PNG_FROM = 256
#: (OSType, pixel size) of each .icns entry; all are PNG data, which macOS 10.7+ reads.
ICNS_ENTRIES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),  # 512 pt @2x
    (b"ic11", 32),  # 16 pt @2x
    (b"ic12", 64),  # 32 pt @2x
    (b"ic13", 256),  # 128 pt @2x
    (b"ic14", 512),  # 256 pt @2x
)


def _render(svg: Path, size: int):
    """The SVG drawn on a transparent ``size`` × ``size`` ARGB image."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def _png_bytes(image) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit("make_icons: Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def _dib_bytes(image) -> bytes:
    """A 32-bit BGRA device-independent bitmap with its AND mask, as an .ico entry holds it."""
    from PySide6.QtGui import QImage

    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    size = argb.width()
    stride = argb.bytesPerLine()
    raw = bytes(argb.constBits())[: stride * size]
    # Format_ARGB32 is 0xAARRGGBB per pixel, i.e. B, G, R, A in little-endian memory: exactly BGRA.
    if sys.byteorder != "little":  # pragma: no cover - every supported build machine is little-endian
        raise SystemExit("make_icons: writing .ico bitmaps needs a little-endian machine")
    rows = [raw[y * stride : y * stride + size * 4] for y in range(size)]
    pixels = b"".join(reversed(rows))  # bitmaps are stored bottom-up
    mask_stride = ((size + 31) // 32) * 4
    mask = bytes(mask_stride * size)  # all zero: the alpha channel decides transparency
    header = struct.pack(
        "<IiiHHIIiiII",
        40,  # header size
        size,
        size * 2,  # height counts the colour bitmap and the mask
        1,  # planes
        32,  # bits per pixel
        0,  # BI_RGB
        len(pixels) + len(mask),
        0,
        0,
        0,
        0,
    )
    return header + pixels + mask


def write_ico(images: dict[int, object], path: Path) -> None:
    entries = []
    for size in ICO_SIZES:
        image = images[size]
        entries.append((size, _png_bytes(image) if size >= ICO_PNG_FROM else _dib_bytes(image)))
    offset = 6 + 16 * len(entries)
    directory = struct.pack("<HHH", 0, 1, len(entries))
    blobs = b""
    for size, blob in entries:
        dim = 0 if size >= 256 else size  # 0 means 256 in an icon directory
        directory += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    path.write_bytes(directory + blobs)


def write_icns(pngs: dict[int, bytes], path: Path) -> None:
    body = b"".join(
        ostype + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for ostype, size in ICNS_ENTRIES
    )
    path.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=SVG)
    parser.add_argument("--out", type=Path, default=ICON_DIR, help="folder for the .ico, .icns and png/")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["make_icons"])  # noqa: F841 - keeps Qt alive

    png_dir = args.out / "png"
    png_dir.mkdir(parents=True, exist_ok=True)
    images = {size: _render(args.svg, size) for size in sorted(set(PNG_SIZES) | set(ICO_SIZES))}
    pngs = {size: _png_bytes(image) for size, image in images.items()}
    for size in PNG_SIZES:
        (png_dir / f"planwriter-{size}.png").write_bytes(pngs[size])
    write_ico(images, args.out / "planwriter.ico")
    write_icns(pngs, args.out / "planwriter.icns")
    print(f"make_icons: wrote {len(PNG_SIZES)} PNGs, planwriter.ico and planwriter.icns to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
