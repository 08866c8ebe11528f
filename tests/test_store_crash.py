"""Killing the process in the middle of an import leaves a consistent library: the file
passes SQLite's integrity check and every article present has its extraction."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from briefing.store import Library

# The child imports our own article under ever new bodies, five per transaction, forever,
# and says "writing" once its first batch is committed.
CHILD = textwrap.dedent(
    """
    import dataclasses, hashlib, sys
    from pathlib import Path
    from test_store_articles import HARBOR_DEAL, result
    from briefing.store import Library

    template = result(HARBOR_DEAL, "harbor.txt")

    def copy(number):
        body = template.document.body + f"\\n\\nReprint {number}."
        document = dataclasses.replace(
            template.document, body=body, id=hashlib.sha256(body.encode()).hexdigest()
        )
        return dataclasses.replace(template, document=document)

    with Library.open(Path(sys.argv[1])) as library:
        number = 0
        while True:
            library.add_many([copy(number + i) for i in range(5)], "1.0")
            number += 5
            if number == 5:
                print("writing", flush=True)
    """
)


def test_killing_an_import_midway_leaves_a_consistent_library(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    tests_folder = Path(__file__).resolve().parent
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)],
        cwd=tests_folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "writing", child.stderr.read() if child.stderr else ""
        time.sleep(0.3)  # let it commit a good number of batches, then kill it mid-write
    finally:
        child.kill()  # SIGKILL on POSIX: no cleanup, no rollback by Python
        child.communicate()

    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        orphans = connection.execute(
            "SELECT count(*) FROM articles a LEFT JOIN extractions e ON e.article_id = a.id "
            "WHERE e.article_id IS NULL"
        ).fetchone()[0]
        assert orphans == 0
    finally:
        connection.close()
    with Library.open(path) as library:
        count = len(library)
        assert count >= 5 and count % 5 == 0  # whole transactions only
        assert len(library.results()) == count
