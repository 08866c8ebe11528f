"""Where the app finds its bundled resources and the user's reference rates."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.paths import resources_dir, user_data_dir, user_rates_path

PROJECT_ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("case", "environ", "expected"),
    [
        ("source tree: resources/ beside desktop/", {}, PROJECT_ROOT / "resources"),
        (
            "frozen app sets the variable",
            {"BRIEFING_RESOURCES": "/opt/ib/res"},
            Path("/opt/ib/res"),
        ),
        ("empty variable is ignored", {"BRIEFING_RESOURCES": ""}, PROJECT_ROOT / "resources"),
    ],
)
def test_resources_dir(case: str, environ: dict[str, str], expected: Path) -> None:
    assert resources_dir(environ) == expected, case


def test_resources_dir_holds_the_samples() -> None:
    assert (resources_dir({}) / "samples").is_dir()


def test_user_rates_live_in_the_data_folder(tmp_path: Path) -> None:
    environ = {"BRIEFING_DATA_DIR": str(tmp_path)}
    assert user_rates_path(environ) == tmp_path / "reference_rates.csv"
    assert user_rates_path(environ).parent == user_data_dir(environ)


def test_user_rates_default_follows_the_test_data_folder() -> None:
    # conftest points BRIEFING_DATA_DIR at a temporary folder: never the real profile.
    assert "briefing-test-data-" in str(user_rates_path())
