"""Render the app icon to every file the platforms need, from resources/icons/*.svg.

    .venv/bin/python packaging/render_icons.py           # rewrite the icon files
    .venv/bin/python packaging/render_icons.py --check   # exit 1 if any is out of date

Writes, under resources/icons/:
- ``hicolor/<n>x<n>/apps/org.investorbriefing.briefing.png`` for the Linux icon theme, and
  ``hicolor/scalable/apps/org.investorbriefing.briefing.svg`` (a copy of the drawing);
- ``investor-briefing.png`` (256 px; the window icon where SVG cannot be read);
- ``investor-briefing.ico`` (Windows: PNG entries, 16 to 256 px) and
  ``investor-briefing.icns`` (macOS: PNG entries ic07 to ic14, 32 to 1024 px).

The 24 px size comes from investor-briefing-24.svg, the same drawing on whole pixels; edit
both drawings together. Qt renders offscreen (QtSvg, QtGui only), so no display is needed.
Qt can write ICO and ICNS itself, but only one size per file, so both containers are
assembled here.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Final

import numpy as np
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT: Final = Path(__file__).resolve().parents[1]
ICON_DIR: Final = ROOT / "resources" / "icons"
SOURCE_SVG: Final = "investor-briefing.svg"
# At 24 px the 512-unit drawing's edges fall between pixels and blur, so that size has its
# own drawing on whole pixels. Other sizes divide the drawing's 32-unit grid or are large.
SIZE_TUNED_SVGS: Final = {24: "investor-briefing-24.svg"}
ICON_NAME: Final = "org.investorbriefing.briefing"  # platform_metadata.APP_ID
HICOLOR_SIZES: Final = (16, 24, 32, 48, 64, 128, 256, 512)
WINDOW_ICON_SIZE: Final = 256
ICO_SIZES: Final = (16, 24, 32, 48, 64, 128, 256)
# ICNS entry types that hold PNG data, with their pixel size (the @2x ones are ic11..ic14).
ICNS_ENTRIES: Final = (
    ("ic11", 32),
    ("ic12", 64),
    ("ic07", 128),
    ("ic13", 256),
    ("ic08", 256),
    ("ic14", 512),
    ("ic09", 512),
    ("ic10", 1024),
)
# Largest difference allowed per colour channel when a rendering is compared with the
# checked-in file: another Qt build may antialias an edge pixel slightly differently.
PIXEL_TOLERANCE: Final = 8


def hicolor_png(size: int, icon_dir: Path = ICON_DIR) -> Path:
    return icon_dir / "hicolor" / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"


def hicolor_svg(icon_dir: Path = ICON_DIR) -> Path:
    return icon_dir / "hicolor" / "scalable" / "apps" / f"{ICON_NAME}.svg"


# The QGuiApplication painting needs, when the caller (a test run) has none; kept alive here.
_APPLICATION: list[QGuiApplication] = []


def _ensure_application() -> None:
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _APPLICATION.append(QGuiApplication([sys.argv[0]]))


def render(size: int, icon_dir: Path = ICON_DIR) -> QImage:
    """The icon at ``size`` x ``size`` pixels, as a non-premultiplied ARGB32 ``QImage``."""
    _ensure_application()
    source = icon_dir / SIZE_TUNED_SVGS.get(size, SOURCE_SVG)
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise ValueError(f"{source}: QtSvg cannot read this drawing")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # The stubs ask for bytes as the format, but PySide6 6.12 only accepts str.
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise OSError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: Sequence[tuple[int, bytes]]) -> bytes:
    """An ICO file holding the given (size, PNG data) entries, smallest first.

    Windows Vista and later read PNG-compressed entries; in the directory a size of 256 is
    written as 0.
    """
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    directory = b""
    for size, data in pngs:
        edge = 0 if size >= 256 else size
        # width, height, palette size, reserved, colour planes, bits per pixel, size, offset
        directory += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + directory + b"".join(data for _, data in pngs)


def icns_bytes(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """An ICNS file holding the given (type, PNG data) entries; lengths are big-endian and
    count the 8-byte headers."""
    body = b"".join(
        kind.encode("ascii") + struct.pack(">I", 8 + len(data)) + data for kind, data in entries
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def expected_files(icon_dir: Path = ICON_DIR) -> dict[Path, bytes]:
    """Every generated file and the bytes it should hold."""
    sizes = sorted({*HICOLOR_SIZES, WINDOW_ICON_SIZE, *ICO_SIZES, *(s for _, s in ICNS_ENTRIES)})
    pngs = {size: png_bytes(render(size, icon_dir)) for size in sizes}
    files = {hicolor_png(size, icon_dir): pngs[size] for size in HICOLOR_SIZES}
    files[hicolor_svg(icon_dir)] = (icon_dir / SOURCE_SVG).read_bytes()
    files[icon_dir / "investor-briefing.png"] = pngs[WINDOW_ICON_SIZE]
    files[icon_dir / "investor-briefing.ico"] = ico_bytes([(s, pngs[s]) for s in ICO_SIZES])
    files[icon_dir / "investor-briefing.icns"] = icns_bytes(
        (kind, pngs[size]) for kind, size in ICNS_ENTRIES
    )
    return files


def same_pixels(first: QImage, second: QImage, tolerance: int = PIXEL_TOLERANCE) -> bool:
    """Whether two images have the same size and every channel within ``tolerance``."""
    if first.size() != second.size():
        return False
    channels = [
        np.frombuffer(
            bytes(image.convertToFormat(QImage.Format.Format_ARGB32).constBits()),
            dtype=np.uint8,
        ).astype(np.int16)
        for image in (first, second)
    ]
    return bool(np.abs(channels[0] - channels[1]).max() <= tolerance)


def stale_files(icon_dir: Path = ICON_DIR) -> list[Path]:
    """Generated files that are missing or differ from a fresh rendering (PNG pixels within
    the tolerance; containers entry by entry; the SVG copy byte for byte)."""
    stale = []
    for path, content in expected_files(icon_dir).items():
        if not path.is_file():
            stale.append(path)
        elif path.suffix == ".png":
            if not same_pixels(QImage.fromData(content), QImage(str(path))):
                stale.append(path)
        elif path.suffix == ".svg":
            if path.read_bytes() != content:
                stale.append(path)
        elif not _same_container(path.read_bytes(), content):
            stale.append(path)
    return stale


def _same_container(current: bytes, fresh: bytes) -> bool:
    """ICO/ICNS files agree when they list the same entries and each one's pixels match."""
    read = read_icns if fresh.startswith(b"icns") else read_ico
    try:
        current_entries, fresh_entries = read(current), read(fresh)
    except ValueError:
        return False
    if [key for key, _ in current_entries] != [key for key, _ in fresh_entries]:
        return False
    return all(
        same_pixels(QImage.fromData(a), QImage.fromData(b))
        for (_, a), (_, b) in zip(current_entries, fresh_entries, strict=True)
    )


def read_ico(data: bytes) -> list[tuple[int, bytes]]:
    """The (size, image data) entries of an ICO file (a size of 0 in the directory is 256)."""
    reserved, kind, count = struct.unpack_from("<HHH", data)
    if reserved != 0 or kind != 1:
        raise ValueError("not an ICO file")
    entries = []
    for index in range(count):
        edge, _, _, _, _, _, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        if offset + length > len(data):
            raise ValueError(f"ICO entry {index} runs past the end of the file")
        entries.append((edge or 256, data[offset : offset + length]))
    return entries


def read_icns(data: bytes) -> list[tuple[str, bytes]]:
    """The (type, data) entries of an ICNS file."""
    if data[:4] != b"icns" or struct.unpack_from(">I", data, 4)[0] != len(data):
        raise ValueError("not an ICNS file, or its length is wrong")
    entries, position = [], 8
    while position < len(data):
        kind = data[position : position + 4].decode("ascii")
        (length,) = struct.unpack_from(">I", data, position + 4)
        if length < 8 or position + length > len(data):
            raise ValueError(f"ICNS entry {kind!r} has a bad length")
        entries.append((kind, data[position + 8 : position + length]))
        position += length
    return entries


def write_all(icon_dir: Path = ICON_DIR) -> list[Path]:
    from briefing.atomic import write_bytes_atomically

    written = []
    for path, content in expected_files(icon_dir).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_bytes() != content:
            write_bytes_atomically(path, content)
            written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--check", action="store_true", help="report out-of-date files instead of writing them"
    )
    arguments = parser.parse_args(argv)
    if arguments.check:
        stale = stale_files()
        for path in stale:
            print(f"out of date: {path.relative_to(ROOT)}", file=sys.stderr)
        if stale:
            print("run: .venv/bin/python packaging/render_icons.py", file=sys.stderr)
        return 1 if stale else 0
    written = write_all()
    for path in written:
        print(f"wrote {path.relative_to(ROOT)}")
    print(f"{len(written)} icon files written (the others were up to date)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
