"""Where the app keeps its files: every path is resolved here, with overrides, so tests and
scripts never touch a user's real profile.

Precedence for the library database: an explicit path (``--library``), then the environment
variable ``BRIEFING_LIBRARY``, then ``library.sqlite3`` in the user data folder. The data
folder itself follows the platform's convention and can be moved as a whole with
``BRIEFING_DATA_DIR``. The bundled, read-only ``resources/`` folder is found beside the
package, or in the frozen app's folder, unless ``BRIEFING_RESOURCES`` names another.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Final

APP_FOLDER: Final = "investor-briefing"
LIBRARY_FILE: Final = "library.sqlite3"
LIBRARY_VARIABLE: Final = "BRIEFING_LIBRARY"
DATA_DIR_VARIABLE: Final = "BRIEFING_DATA_DIR"
RESOURCES_VARIABLE: Final = "BRIEFING_RESOURCES"
USER_RATES_FILE: Final = "reference_rates.csv"
# desktop/briefing/paths.py -> the repository root, which holds resources/.
_SOURCE_ROOT: Final = Path(__file__).resolve().parents[2]


def frozen_root() -> Path | None:
    """The folder a frozen app (PyInstaller: ``sys.frozen``, ``sys._MEIPASS``) keeps its
    bundled files in, ``_internal/`` beside the executable; None when run from source."""
    root = getattr(sys, "_MEIPASS", None)
    if not getattr(sys, "frozen", False) or root is None:
        return None
    return Path(root)


# Set before any import in a frozen app, so it is read once here.
_FROZEN_ROOT: Final = frozen_root()


def user_data_dir(
    environ: Mapping[str, str] | None = None, platform: str = sys.platform, home: Path | None = None
) -> Path:
    """The folder for the user's data on this platform (not created here).

    >>> user_data_dir({}, "linux", Path("/home/ann")).as_posix()
    '/home/ann/.local/share/investor-briefing'
    >>> user_data_dir({"XDG_DATA_HOME": "/data"}, "linux", Path("/home/ann")).as_posix()
    '/data/investor-briefing'
    >>> user_data_dir({}, "darwin", Path("/Users/ann")).as_posix()
    '/Users/ann/Library/Application Support/investor-briefing'
    >>> user_data_dir({"BRIEFING_DATA_DIR": "/tmp/b"}, "linux", Path("/home/ann")).as_posix()
    '/tmp/b'
    """
    environ = os.environ if environ is None else environ
    home = Path.home() if home is None else home
    if environ.get(DATA_DIR_VARIABLE):
        return Path(environ[DATA_DIR_VARIABLE])
    if platform.startswith("win"):
        base = environ.get("LOCALAPPDATA") or environ.get("APPDATA")
        return (Path(base) if base else home / "AppData" / "Local") / APP_FOLDER
    if platform == "darwin":
        return home / "Library" / "Application Support" / APP_FOLDER
    base = environ.get("XDG_DATA_HOME")
    return (Path(base) if base else home / ".local" / "share") / APP_FOLDER


def library_path(explicit: Path | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """The library database to open: ``--library``, else ``BRIEFING_LIBRARY``, else the
    default file in the user data folder.

    >>> library_path(Path("/tmp/x.sqlite3"), {}).as_posix()
    '/tmp/x.sqlite3'
    >>> library_path(None, {"BRIEFING_LIBRARY": "/tmp/y.sqlite3"}).as_posix()
    '/tmp/y.sqlite3'
    >>> library_path(None, {"BRIEFING_DATA_DIR": "/tmp/d"}).as_posix()
    '/tmp/d/library.sqlite3'
    """
    environ = os.environ if environ is None else environ
    if explicit is not None:
        return explicit
    if environ.get(LIBRARY_VARIABLE):
        return Path(environ[LIBRARY_VARIABLE])
    return user_data_dir(environ) / LIBRARY_FILE


def resources_dir(
    environ: Mapping[str, str] | None = None, frozen: Path | None = _FROZEN_ROOT
) -> Path:
    """The bundled ``resources/`` folder: ``BRIEFING_RESOURCES``, else the frozen app's
    (``frozen``, :func:`frozen_root` by default), else the one beside the source tree
    (``desktop/briefing/paths.py`` -> ``resources/``). Not checked to exist.

    >>> resources_dir({"BRIEFING_RESOURCES": "/opt/app/resources"}).as_posix()
    '/opt/app/resources'
    >>> resources_dir({}, frozen=None).parent == _SOURCE_ROOT
    True
    >>> resources_dir({}, frozen=Path("/opt/investor-briefing/_internal")).as_posix()
    '/opt/investor-briefing/_internal/resources'
    >>> resources_dir({"BRIEFING_RESOURCES": "/r"}, frozen=Path("/opt/app/_internal")).as_posix()
    '/r'
    """
    environ = os.environ if environ is None else environ
    if environ.get(RESOURCES_VARIABLE):
        return Path(environ[RESOURCES_VARIABLE])
    return (_SOURCE_ROOT if frozen is None else frozen) / "resources"


def user_rates_path(environ: Mapping[str, str] | None = None) -> Path:
    """The user's own reference rates (imported or edited), which win over the bundled ones.

    >>> user_rates_path({"BRIEFING_DATA_DIR": "/tmp/d"}).as_posix()
    '/tmp/d/reference_rates.csv'
    """
    return user_data_dir(environ) / USER_RATES_FILE


SETTINGS_FILE: Final = "settings.ini"
LOG_FILE: Final = "briefing.log"
SAMPLES_FOLDER: Final = "samples"


def settings_path(environ: Mapping[str, str] | None = None) -> Path:
    """The window's settings, an INI file in the data folder rather than the platform's
    native store, so that ``BRIEFING_DATA_DIR`` moves them too and tests stay isolated.

    >>> settings_path({"BRIEFING_DATA_DIR": "/tmp/d"}).as_posix()
    '/tmp/d/settings.ini'
    """
    return user_data_dir(environ) / SETTINGS_FILE


def log_path(environ: Mapping[str, str] | None = None) -> Path:
    """The application log (errors and crash reports), beside the library.

    >>> log_path({"BRIEFING_DATA_DIR": "/tmp/d"}).as_posix()
    '/tmp/d/briefing.log'
    """
    return user_data_dir(environ) / LOG_FILE


def sample_files(resources: Path) -> list[Path]:
    """The bundled sample articles the welcome page offers (``make run`` loads them into an
    empty library). Sorted, so imports are repeatable; none when the folder is missing.

    >>> sample_files(Path("/nonexistent/resources"))
    []
    """
    samples = resources / SAMPLES_FOLDER
    if not samples.is_dir():
        return []
    return sorted(
        path for path in samples.iterdir() if path.is_file() and not path.name.startswith(".")
    )


def readme_path(
    environ: Mapping[str, str] | None = None, frozen: Path | None = _FROZEN_ROOT
) -> Path:
    """The README that F1 opens: beside ``resources/`` (the repository root, or the frozen
    app's ``_internal/`` folder, where packaging copies it). Not checked to exist.

    >>> readme_path({"BRIEFING_RESOURCES": "/opt/app/resources"}).as_posix()
    '/opt/app/README.md'
    >>> readme_path({}, frozen=Path("/opt/investor-briefing/_internal")).as_posix()
    '/opt/investor-briefing/_internal/README.md'
    """
    return resources_dir(environ, frozen).parent / "README.md"
