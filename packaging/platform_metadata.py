"""Names and version data each platform's package carries, from one place.

The PyInstaller spec (``packaging/investor-briefing.spec``) takes the Windows version
resource and the macOS Info.plist keys from here; the Linux .desktop and AppStream files in
``resources/linux/`` use the same id and executable, and tests/test_desktop_integration.py
checks that they agree. Pure Python, no Qt: the spec runs it before anything is built.
"""

from __future__ import annotations

import re
from typing import Final

APP_ID: Final = "org.investorbriefing.briefing"
APP_NAME: Final = "Investor Briefing"
EXECUTABLE: Final = "investor-briefing"

DESCRIPTION: Final = "Offline reader of investor news"
# pyproject.toml: license = "LicenseRef-Proprietary". No company exists yet, so the team
# that owns the code is named.
COMPANY: Final = "The Investor Briefing team"
COPYRIGHT_YEAR: Final = 2026
COPYRIGHT: Final = f"Copyright © {COPYRIGHT_YEAR} {COMPANY}. All rights reserved."

# Qt 6.12 (PySide6 6.12) supports macOS 14.4 and later ("Qt for macOS", Supported
# Configurations, doc.qt.io/qt-6.12/macos.html); an older macOS refuses to open the app
# instead of crashing inside Qt.
MACOS_MINIMUM: Final = "14.4"

# A Windows version resource holds four 16-bit numbers.
_VERSION_PART_MAX: Final = 0xFFFF
_VERSION_PATTERN: Final = re.compile(r"\d+(\.\d+){0,3}")

# The article files the app reads (briefing.ingest.paths.FORMAT_BY_EXTENSION), with the
# Uniform Type Identifier macOS knows each by.
_DOCUMENT_TYPES: Final[tuple[tuple[str, tuple[str, ...], str], ...]] = (
    ("Plain text article", ("txt",), "public.plain-text"),
    ("Markdown article", ("md", "markdown"), "net.daringfireball.markdown"),
    ("Web page article", ("html", "htm"), "public.html"),
    ("PDF article", ("pdf",), "com.adobe.pdf"),
    ("E-mail article", ("eml",), "com.apple.mail.email"),
)


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``"0.1.0"`` as the four numbers Windows version resources hold, padded with zeros.

    >>> version_tuple("0.1.0")
    (0, 1, 0, 0)
    >>> version_tuple("2.10")
    (2, 10, 0, 0)
    >>> version_tuple("0.1.0rc1")
    Traceback (most recent call last):
    ...
    ValueError: version '0.1.0rc1' is not 1 to 4 dot-separated numbers
    >>> version_tuple("1.70000")
    Traceback (most recent call last):
    ...
    ValueError: version '1.70000' has a part above 65535
    """
    if not _VERSION_PATTERN.fullmatch(version):
        raise ValueError(f"version {version!r} is not 1 to 4 dot-separated numbers")
    parts = [int(part) for part in version.split(".")]
    if max(parts) > _VERSION_PART_MAX:
        raise ValueError(f"version {version!r} has a part above {_VERSION_PART_MAX}")
    parts += [0] * (4 - len(parts))
    return parts[0], parts[1], parts[2], parts[3]


def windows_version_info(version: str) -> str:
    """The version resource of ``investor-briefing.exe``, as the text PyInstaller's
    ``--version-file`` (or ``versioninfo.load_version_info_from_text_file``) reads.

    >>> text = windows_version_info("0.1.0")
    >>> "filevers=(0, 1, 0, 0)" in text and "'OriginalFilename', 'investor-briefing.exe'" in text
    True
    """
    numbers = version_tuple(version)
    dotted = ".".join(str(number) for number in numbers)
    strings = (
        ("CompanyName", COMPANY),
        ("FileDescription", APP_NAME),
        ("FileVersion", dotted),
        ("InternalName", EXECUTABLE),
        ("LegalCopyright", COPYRIGHT),
        ("OriginalFilename", f"{EXECUTABLE}.exe"),
        ("ProductName", APP_NAME),
        ("ProductVersion", dotted),
    )
    # !a: "©" written as an escape, so the text reads the same whatever encoding the
    # file it is saved to uses.
    string_lines = ",\n".join(
        f"          StringStruct({key!a}, {value!a})" for key, value in strings
    )
    # 0x040904B0: US English, Unicode; mask 0x3f with flags 0: a release build; OS 0x40004:
    # Windows NT, 32-bit API; fileType 1: an application.
    return (
        "VSVersionInfo(\n"
        "  ffi=FixedFileInfo(\n"
        f"    filevers={numbers},\n"
        f"    prodvers={numbers},\n"
        "    mask=0x3f,\n"
        "    flags=0x0,\n"
        "    OS=0x40004,\n"
        "    fileType=0x1,\n"
        "    subtype=0x0,\n"
        "    date=(0, 0)\n"
        "  ),\n"
        "  kids=[\n"
        "    StringFileInfo([\n"
        "      StringTable(\n"
        "        '040904B0',\n"
        "        [\n"
        f"{string_lines}\n"
        "        ])\n"
        "    ]),\n"
        "    VarFileInfo([VarStruct('Translation', [1033, 1200])])\n"
        "  ]\n"
        ")\n"
    )


def macos_info_plist(version: str) -> dict[str, object]:
    """The Info.plist keys for PyInstaller's ``BUNDLE(info_plist=...)``.

    No network or privacy key appears: the app makes no connection and reads only the files
    the user opens, so it needs no App Transport Security exception, no usage description
    and, if it is ever sandboxed, no ``com.apple.security.network.client`` entitlement.

    >>> keys = macos_info_plist("0.1.0")
    >>> keys["CFBundleIdentifier"], keys["CFBundleShortVersionString"], keys["CFBundleVersion"]
    ('org.investorbriefing.briefing', '0.1.0', '0.1.0')
    >>> [kind["CFBundleTypeExtensions"] for kind in keys["CFBundleDocumentTypes"]]
    [['txt'], ['md', 'markdown'], ['html', 'htm'], ['pdf'], ['eml']]
    """
    short_version = ".".join(str(number) for number in version_tuple(version)[:3])
    return {
        "CFBundleIdentifier": APP_ID,
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleShortVersionString": short_version,
        "CFBundleVersion": short_version,
        "NSHighResolutionCapable": True,
        "LSMinimumSystemVersion": MACOS_MINIMUM,
        "LSApplicationCategoryType": "public.app-category.finance",
        "NSHumanReadableCopyright": COPYRIGHT,
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": name,
                "CFBundleTypeRole": "Viewer",
                # Offered in "Open With", never taking over the user's default app.
                "LSHandlerRank": "Alternate",
                "LSItemContentTypes": [uti],
                "CFBundleTypeExtensions": list(extensions),
            }
            for name, extensions, uti in _DOCUMENT_TYPES
        ],
    }
