"""``briefing --smoke-test`` (issue 6): the whole installation checked headless, as
``make package`` does on the frozen app; and that it fails, with the reason, when it should."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from briefing.gui.smoke_steps import check_pdf, distinct_colours, squeezed
from briefing.gui.smoke_test import SmokeTestFailure

PROJECT = Path(__file__).resolve().parents[1]


def run_briefing(
    *args: str, environ: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    # What a user has: no test settings leaking in (the smoke test makes its own folder).
    hidden = ("BRIEFING_DATA_DIR", "BRIEFING_LIBRARY", "QT_QPA_PLATFORM")
    env = {name: value for name, value in os.environ.items() if name not in hidden}
    env.update(environ or {})
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=PROJECT,
        timeout=600,
    )


def test_the_smoke_test_passes_on_this_installation(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    result = run_briefing("--smoke-test", environ={"HOME": str(home)})
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "ok  the window opened on an empty library with the welcome page"
    assert any(line.startswith("ok  7 sample articles loaded") for line in lines)
    assert any(line.startswith("ok  all 7 kinds of chart drawn") for line in lines)
    assert any(line.startswith("ok  PDF briefing on ") for line in lines)
    assert lines[-1].startswith("smoke test passed in ")
    # Its own temporary folder, removed afterwards: nothing of the user's was touched.
    assert not (home / ".local" / "share" / "investor-briefing").exists()


def test_a_missing_samples_folder_fails_with_the_reason(tmp_path: Path) -> None:
    result = run_briefing("--smoke-test", environ={"BRIEFING_RESOURCES": str(tmp_path)})
    assert result.returncode == 1
    assert f"no sample articles in {tmp_path / 'samples'}" in result.stderr


def test_the_network_guard_refuses_and_records_a_connection() -> None:
    # In a child process: the guard is an audit hook, which cannot be removed afterwards.
    code = (
        "import socket\n"
        "from briefing.gui.smoke_test import Watch, _guard_network\n"
        "watch = Watch(); _guard_network(watch)\n"
        "for call in (lambda: socket.create_connection(('127.0.0.1', 9), timeout=1),\n"
        "             lambda: socket.getaddrinfo('example.org', 443)):\n"
        "    try:\n"
        "        call()\n"
        "    except PermissionError as error:\n"
        "        print('refused:', error)\n"
        "print(len(watch.network))\n"
        "a, b = socket.socketpair(); a.close(); b.close(); print('local sockets still work')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("refused: the smoke test allows no network access (socket.")
    assert "example.org" in lines[1]
    assert lines[2:] == ["2", "local sockets still work"]


def test_a_blank_image_is_told_from_a_painted_one(qapp: object) -> None:
    blank = QImage(200, 100, QImage.Format.Format_RGB32)
    blank.fill(QColor("white"))
    assert distinct_colours(blank) == 1
    painted = blank.copy()
    for x in range(0, 200, 9):
        for y in range(100):
            painted.setPixelColor(x, y, QColor(x, y, 120))
    assert distinct_colours(painted) > 3
    assert distinct_colours(QImage()) == 0


@pytest.mark.parametrize(
    ("case", "content", "reason"),
    [
        ("nothing written", None, "no PDF was written"),
        ("an empty file", b"", "no PDF was written"),
    ],
)
def test_a_missing_pdf_fails(tmp_path: Path, case: str, content: bytes | None, reason: str) -> None:
    target = tmp_path / "briefing.pdf"
    if content is not None:
        target.write_bytes(content)
    with pytest.raises(SmokeTestFailure, match=reason):
        check_pdf(target, "Alibaba")


def test_pdf_text_is_compared_without_spaces() -> None:
    # pypdf splits a heading's first letter off ("A libaba") and may give ligatures.
    assert squeezed("A libaba Group") == squeezed("Alibaba  Group") == "alibabagroup"
    assert squeezed("ﬁnance") == "finance"
