"""Desktop integration: the Linux .desktop and AppStream files, the icons, and the Windows
and macOS metadata in packaging/platform_metadata.py, all agreeing on one app id, one
executable and the file types the ingest layer reads."""

from __future__ import annotations

import configparser
import doctest
import importlib
import importlib.util
import mimetypes
import plistlib
import shutil
import subprocess
import sys
import tomllib
import types
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage, QImageReader

import briefing
from briefing.gui.app import window_icon
from briefing.ingest.paths import FORMAT_BY_EXTENSION

PROJECT_ROOT = Path(__file__).resolve().parents[1]
LINUX = PROJECT_ROOT / "resources" / "linux"
ICONS = PROJECT_ROOT / "resources" / "icons"


def _load(name: str) -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(name, PROJECT_ROOT / "packaging" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


metadata = _load("platform_metadata")
render_icons = _load("render_icons")

DESKTOP_FILE = LINUX / f"{metadata.APP_ID}.desktop"
METAINFO_FILE = LINUX / f"{metadata.APP_ID}.metainfo.xml"
# The brief's list of icon theme sizes (freedesktop hicolor), checked against the script's.
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def _list(value: str) -> list[str]:
    return [item for item in value.split(";") if item]


def _metainfo() -> ET.Element:
    return ET.parse(METAINFO_FILE).getroot()


# The registered media type of each suffix the ingest layer reads (IANA: text/markdown is
# RFC 7763, message/rfc822 RFC 2046; the others are in Python's own table too).
MEDIA_TYPE_BY_SUFFIX = {
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
    ".pdf": "application/pdf",
    ".eml": "message/rfc822",
}


def test_platform_metadata_doctests_pass() -> None:
    # pyproject's testpaths do not reach packaging/, so its examples are run here.
    result = doctest.testmod(metadata)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        # the brief's agreed names (app id, executable) and the window's name (gui/app.py)
        ("Type", "Application"),
        ("Name", metadata.APP_NAME),
        ("GenericName", "Investor news briefing"),
        ("Exec", f"{metadata.EXECUTABLE} %F"),
        ("TryExec", metadata.EXECUTABLE),
        ("Icon", metadata.APP_ID),
        ("Terminal", "false"),
        # Qt's X11 WM_CLASS class is QCoreApplication.applicationName(); measured under Xvfb
        # with xprop: WM_CLASS = "investor-briefing", "Investor Briefing".
        ("StartupWMClass", metadata.APP_NAME),
    ],
)
def test_desktop_file_key(key: str, expected: str) -> None:
    assert _desktop_entry()[key] == expected


def test_desktop_file_categories_and_window_name_agree_with_the_app() -> None:
    from briefing.gui.app import APP_NAME

    entry = _desktop_entry()
    assert {"Office", "Finance"} <= set(_list(entry["Categories"]))
    assert APP_NAME == metadata.APP_NAME == entry["StartupWMClass"]
    assert DESKTOP_FILE.name == f"{metadata.APP_ID}.desktop"


def test_every_mime_type_is_one_the_ingest_layer_reads_and_back() -> None:
    listed = _list(_desktop_entry()["MimeType"])
    assert set(MEDIA_TYPE_BY_SUFFIX) == set(FORMAT_BY_EXTENSION), "a new input format?"
    assert set(listed) == set(MEDIA_TYPE_BY_SUFFIX.values())
    assert len(listed) == len(set(listed))


@pytest.mark.parametrize(("suffix", "media_type"), sorted(MEDIA_TYPE_BY_SUFFIX.items()))
def test_media_type_table_agrees_with_python(suffix: str, media_type: str) -> None:
    # Python's built-in table (not the machine's /etc/mime.types); 3.11 has no .md entry.
    known = mimetypes.MimeTypes(filenames=()).guess_type(f"article{suffix}")[0]
    assert known in (media_type, None)


def test_metainfo_names_the_same_app_binary_and_media_types() -> None:
    root = _metainfo()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == metadata.APP_ID
    assert root.findtext("name") == metadata.APP_NAME
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP_FILE.name
    assert root.findtext("provides/binary") == metadata.EXECUTABLE
    media = [element.text for element in root.iterfind("provides/mediatype")]
    assert media == _list(_desktop_entry()["MimeType"])
    assert root.find("content_rating").get("type") == "oars-1.1"  # type: ignore[union-attr]


def test_metainfo_license_is_the_project_license_in_appstream_spelling() -> None:
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    license_id = project["project"]["license"]
    assert license_id.lower() == "licenseref-proprietary"
    assert _metainfo().findtext("project_license") == "LicenseRef-proprietary"


def test_newest_release_is_this_version() -> None:
    releases = _metainfo().findall("releases/release")
    assert releases, "no <release>"
    newest = max(releases, key=lambda release: release.get("date", ""))
    # AppStream lists the newest release first.
    assert newest is releases[0]
    assert newest.get("version") == briefing.__version__


def _run_validator(command: list[str]) -> subprocess.CompletedProcess[str]:
    if shutil.which(command[0]) is None:
        pytest.skip(f"{command[0]} not installed (the Makefile installs it for `make test`)")
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def test_appstream_validation_passes() -> None:
    result = _run_validator(
        ["appstreamcli", "validate", "--no-net", "--pedantic", str(METAINFO_FILE)]
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_file_validation_passes() -> None:
    result = _run_validator(["desktop-file-validate", str(DESKTOP_FILE)])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout + result.stderr


def test_the_script_renders_the_sizes_the_theme_needs() -> None:
    assert render_icons.HICOLOR_SIZES == HICOLOR_SIZES
    assert render_icons.ICON_NAME == metadata.APP_ID


@pytest.mark.parametrize("size", HICOLOR_SIZES)
def test_icon_png_has_its_size_and_a_drawing(size: int) -> None:
    image = QImage(str(ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{metadata.APP_ID}.png"))
    assert (image.width(), image.height()) == (size, size)
    pixels = [image.pixelColor(x, y) for x in range(size) for y in range(size)]
    opaque = sum(1 for colour in pixels if colour.alpha() == 255) / len(pixels)
    colours = {colour.rgb() for colour in pixels if colour.alpha() == 255}
    # A page on a transparent square: mostly covered, never all of it, several colours.
    assert 0.5 < opaque < 0.95
    assert len(colours) >= 4


def test_window_icon_and_scalable_icon_are_the_drawing() -> None:
    svg = (ICONS / "investor-briefing.svg").read_bytes()
    assert (ICONS / "hicolor" / "scalable" / "apps" / f"{metadata.APP_ID}.svg").read_bytes() == svg
    assert QImage(str(ICONS / "investor-briefing.png")).size().width() == 256
    icon = window_icon(PROJECT_ROOT / "resources")
    assert icon is not None and not icon.isNull()
    # The drawing stays plain SVG 1.1 for QtSvg and the icon themes.
    for banned in (b"<filter", b"<text", b"xlink:href", b"<image"):
        assert banned not in svg


def test_checked_in_icons_match_a_fresh_rendering() -> None:
    stale = render_icons.stale_files()
    assert stale == [], (
        f"{[str(path.relative_to(PROJECT_ROOT)) for path in stale]} are out of date with the "
        "SVG: run `.venv/bin/python packaging/render_icons.py`"
    )


def test_the_freshness_check_notices_a_changed_icon(tmp_path: Path) -> None:
    copy = tmp_path / "icons"
    shutil.copytree(ICONS, copy)
    changed = render_icons.hicolor_png(16, copy)
    image = QImage(str(changed))
    image.setPixelColor(8, 8, image.pixelColor(0, 0))  # a transparent corner into the page
    image.save(str(changed))
    assert render_icons.stale_files(copy) == [changed]


@pytest.mark.parametrize(
    ("file_name", "sizes"),
    [
        # Windows shell sizes up to 256, and macOS ic11-ic14/ic07-ic10 (32 to 1024)
        ("investor-briefing.ico", [16, 24, 32, 48, 64, 128, 256]),
        ("investor-briefing.icns", [32, 64, 128, 256, 256, 512, 512, 1024]),
    ],
)
def test_icon_container_reads_back_with_its_sizes(file_name: str, sizes: list[int]) -> None:
    reader = QImageReader(str(ICONS / file_name))
    found = []
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), f"{file_name} entry {index}: {reader.errorString()}"
        assert image.width() == image.height()
        found.append(image.width())
    assert found == sizes


def test_icns_entry_types_are_the_png_ones() -> None:
    data = (ICONS / "investor-briefing.icns").read_bytes()
    entries = render_icons.read_icns(data)
    assert [kind for kind, _ in entries] == [
        "ic11",
        "ic12",
        "ic07",
        "ic13",
        "ic08",
        "ic14",
        "ic09",
        "ic10",
    ]
    assert all(payload.startswith(b"\x89PNG") for _, payload in entries)


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        ("0.1.0", (0, 1, 0, 0)),  # briefing.__version__ today
        ("1.2", (1, 2, 0, 0)),  # a short version is padded
        ("1.2.3.4", (1, 2, 3, 4)),  # Windows holds four parts
        ("65535.0.0", (65535, 0, 0, 0)),  # the largest 16-bit part
    ],
)
def test_version_tuple(version: str, expected: tuple[int, int, int, int]) -> None:
    assert metadata.version_tuple(version) == expected


@pytest.mark.parametrize(
    "junk",
    ["", "v0.1.0", "0.1.0rc1", "0.1.0.dev0", "1.2.3.4.5", "1..2", "65536.0", " 0.1.0", "0.1.0\n"],
)
def test_version_tuple_refuses(junk: str) -> None:
    with pytest.raises(ValueError):
        metadata.version_tuple(junk)


def _recording(name: str) -> Any:
    def build(*args: object, **kwargs: object) -> dict[str, object]:
        return {"type": name, "args": args, **kwargs}

    return build


def test_windows_version_info_has_the_version_and_names() -> None:
    # Evaluated the way PyInstaller does, with stand-ins that record what they were given.
    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable"]
    names += ["StringStruct", "VarFileInfo", "VarStruct"]
    info = eval(metadata.windows_version_info("2.3.4"), {n: _recording(n) for n in names})
    assert info["ffi"]["filevers"] == info["ffi"]["prodvers"] == (2, 3, 4, 0)
    table = info["kids"][0]["args"][0][0]
    strings = {item["args"][0]: item["args"][1] for item in table["args"][1]}
    assert strings["OriginalFilename"] == "investor-briefing.exe"
    assert strings["ProductName"] == metadata.APP_NAME
    assert strings["FileVersion"] == strings["ProductVersion"] == "2.3.4.0"
    assert {"CompanyName", "FileDescription", "InternalName", "LegalCopyright"} <= set(strings)


def test_pyinstaller_loads_the_windows_version_info(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compat = pytest.importorskip(
        "PyInstaller.compat", reason="PyInstaller: `pip install .[package]`"
    )
    # The module imports pefile and win32api for reading .exe files; neither exists on Linux
    # and neither is used to parse the text.
    if importlib.util.find_spec("pefile") is None:
        monkeypatch.setitem(sys.modules, "pefile", types.ModuleType("pefile"))
    monkeypatch.setattr(compat, "win32api", getattr(compat, "win32api", None), raising=False)
    # Imported afresh with those stand-ins, and forgotten again after this test.
    module_name = "PyInstaller.utils.win32.versioninfo"
    monkeypatch.setitem(sys.modules, module_name, None)
    del sys.modules[module_name]
    versioninfo = importlib.import_module(module_name)
    text_file = tmp_path / "version.txt"
    # Any encoding reads back the same: the text is ASCII, "©" is written as an escape.
    text_file.write_text(metadata.windows_version_info(briefing.__version__), encoding="latin-1")
    info = versioninfo.load_version_info_from_text_file(str(text_file))
    assert (info.ffi.fileVersionMS, info.ffi.fileVersionLS) == (0x0000_0001, 0x0000_0000)
    raw = info.toRaw()
    assert "investor-briefing.exe".encode("utf-16-le") in raw
    assert "©".encode("utf-16-le") in raw


def test_macos_info_plist_keys() -> None:
    keys = metadata.macos_info_plist(briefing.__version__)
    # Info.plist is a property list: every value must survive plistlib.
    assert plistlib.loads(plistlib.dumps(keys)) == keys
    assert keys["CFBundleIdentifier"] == metadata.APP_ID
    assert keys["CFBundleName"] == keys["CFBundleDisplayName"] == metadata.APP_NAME
    assert keys["CFBundleShortVersionString"] == briefing.__version__
    assert keys["NSHighResolutionCapable"] is True
    # doc.qt.io/qt-6.12/macos.html: Qt 6.12 supports macOS 14.4 and later.
    assert keys["LSMinimumSystemVersion"] == "14.4"
    assert keys["LSApplicationCategoryType"] == "public.app-category.finance"
    # Privacy: no network exception and no request for the camera, contacts or the like.
    assert not [key for key in keys if "UsageDescription" in key or "TransportSecurity" in key]


def test_macos_document_types_are_the_ingest_suffixes_as_a_viewer() -> None:
    kinds = metadata.macos_info_plist(briefing.__version__)["CFBundleDocumentTypes"]
    suffixes = sorted(f".{ext}" for kind in kinds for ext in kind["CFBundleTypeExtensions"])
    assert suffixes == sorted(FORMAT_BY_EXTENSION)
    assert {kind["CFBundleTypeRole"] for kind in kinds} == {"Viewer"}
    assert all(kind["LSItemContentTypes"] for kind in kinds)
