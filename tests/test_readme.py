"""README.md, CHANGELOG.md and docs/ stay true to the code (issue 6: "the README a newcomer
needs"). Each check reads the real thing (the argparse tree, the ingest layer's suffixes, the
window's actions) rather than a copied list, so a new command, format or shortcut that the
README does not mention fails here, and so does an example that no longer parses.
"""

from __future__ import annotations

import argparse
import ast
import re
import shlex
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

import briefing
from briefing.cli import main as cli_main
from briefing.ingest.paths import FORMAT_BY_EXTENSION

PROJECT = Path(__file__).resolve().parents[1]
README = PROJECT / "README.md"
CHANGELOG = PROJECT / "CHANGELOG.md"
GUI = PROJECT / "desktop" / "briefing" / "gui"

# The names the command line is run under in examples: the development install and the
# packaged app's executable.
PROGRAM_NAMES = ("briefing", "investor-briefing")
# Top-level folders of this repository: a backticked path starting with one is a claim that
# the file exists (build/ is generated, so it is not listed).
REPOSITORY_FOLDERS = (
    ".ci/",
    "benchmarks/",
    "desktop/",
    "docs/",
    "packaging/",
    "resources/",
    "tests/",
)
# Qt's X11 binding for standard keys the offscreen platform of the tests leaves unbound
# (qplatformtheme.cpp's key table): the README documents the key a Linux desktop gets.
X11_STANDARD_KEYS = {"Quit": "Ctrl+Q"}


# -- reading Markdown ---------------------------------------------------------------------------

_FENCE = re.compile(r"^[ \t]*```[^\n]*\n.*?^[ \t]*```[ \t]*$", re.MULTILINE | re.DOTALL)
_SH_BLOCK = re.compile(r"^[ \t]*```sh[ \t]*\n(.*?)^[ \t]*```", re.MULTILINE | re.DOTALL)
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_LINK = re.compile(r"!?\[[^\]\n]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_REFERENCE = re.compile(r"^[ \t]*\[[^\]\n]+\]:[ \t]*(\S+)", re.MULTILINE)
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$", re.MULTILINE)


def without_code(markdown: str) -> str:
    """The text outside fenced blocks and inline code, where links and headings live.

    >>> without_code("a `[x](y)` b\\n```sh\\n# not a heading\\n```\\n[c](d)")
    'a  b\\n\\n[c](d)'
    """
    return _INLINE_CODE.sub("", _FENCE.sub("", markdown))


def github_slug(heading: str) -> str:
    """The anchor GitHub gives a heading (without the -1, -2 of repeats).

    >>> github_slug("Set-up: two commands"), github_slug("briefing library alias")
    ('set-up-two-commands', 'briefing-library-alias')
    >>> github_slug("The `briefing` command (v1.0)")
    'the-briefing-command-v10'
    """
    text = heading.strip().lower().replace("`", "")
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(markdown: str) -> set[str]:
    """Every heading anchor of a Markdown text, repeats numbered as GitHub numbers them."""
    found: set[str] = set()
    counts: dict[str, int] = {}
    for match in _HEADING.finditer(_FENCE.sub("", markdown)):  # inline code counts in a heading
        slug = github_slug(match[2])
        seen = counts.get(slug, 0)
        counts[slug] = seen + 1
        found.add(slug if seen == 0 else f"{slug}-{seen}")
    return found


def link_targets(markdown: str) -> list[str]:
    """Relative link and image targets (web and mail links are not checked here)."""
    text = without_code(markdown)
    targets = [m[1] for m in _LINK.finditer(text)] + [m[1] for m in _REFERENCE.finditer(text)]
    return [t for t in targets if not re.match(r"[a-z][a-z0-9+.-]*:", t, re.IGNORECASE)]


def command_examples(markdown: str) -> Iterator[tuple[str, list[str]]]:
    """(line, arguments after the program name) of every `briefing ...` line in sh blocks.

    Leading VAR=value assignments and trailing # comments are dropped.

    >>> text = "```sh\\nPYTHONPATH=x .venv/bin/briefing extract a.txt   # JSON\\nmake run\\n```"
    >>> list(command_examples(text))
    [('PYTHONPATH=x .venv/bin/briefing extract a.txt   # JSON', ['extract', 'a.txt'])]
    """
    for block in _SH_BLOCK.finditer(markdown):
        for line in block[1].splitlines():
            tokens = shlex.split(line, comments=True)
            while tokens and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=\S*", tokens[0]):
                tokens.pop(0)
            if tokens and Path(tokens[0]).name in PROGRAM_NAMES:
                yield line.strip(), tokens[1:]


def section(markdown: str, heading: str) -> str:
    """The text under ``heading`` (a whole heading line) up to the next heading."""
    start = markdown.index(heading + "\n") + len(heading) + 1
    following = re.search(r"^#{1,6} ", markdown[start:], re.MULTILINE)
    return markdown[start : start + following.start()] if following else markdown[start:]


# -- the argparse tree ----------------------------------------------------------------------------


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:  # argparse has no public accessor for sub-commands
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def command_paths(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> list:
    paths: list[tuple[str, ...]] = []
    for name, child in subcommands(parser).items():
        paths.append((*prefix, name))
        paths.extend(command_paths(child, (*prefix, name)))
    return paths


def path_of(arguments: list[str], parser: argparse.ArgumentParser) -> tuple[str, ...]:
    """The sub-command path an argument list names (options and their values skipped)."""
    path: list[str] = []
    current = parser
    for token in arguments:
        children = subcommands(current)
        if token in children:
            path.append(token)
            current = children[token]
    return tuple(path)


def opens_the_window(arguments: list[str]) -> bool:
    """As `briefing` decides, except that an example's article need not exist here: a first
    argument that is no command and looks like an article file or a folder opens the window."""
    if cli_main.opens_window(arguments, cli_main.COMMAND_NAMES):
        return True
    first = arguments[0]
    looks_like_article = first.endswith("/") or Path(first).suffix.lower() in FORMAT_BY_EXTENSION
    return first not in cli_main.COMMAND_NAMES and not first.startswith("-") and looks_like_article


@pytest.fixture(scope="module")
def readme() -> str:
    return README.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def parser() -> argparse.ArgumentParser:
    return cli_main.build_parser()


# -- (a) every command has an example --------------------------------------------------------


def test_every_sub_command_has_an_example_in_the_readme(
    readme: str, parser: argparse.ArgumentParser
) -> None:
    """Why: issue 6 asks for "the CLI reference (every sub-command with an example)"; a
    command added later without one fails here. Nested actions (library alias add) count."""
    examples = [path_of(arguments, parser) for _, arguments in command_examples(readme)]
    tree = command_paths(parser)
    assert len(tree) > len(cli_main.COMMAND_NAMES), "the walk found no nested sub-commands"
    # A command with actions is shown by its actions' examples; an action by its own.
    missing = [
        " ".join(path)
        for path in tree
        if not any(example[: len(path)] == path for example in examples)
        or (not subcommands(_parser_at(parser, path)) and path not in examples)
    ]
    assert not missing, f"README.md has no ```sh example `briefing <command> ...` for: {missing}"


def _parser_at(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> argparse.ArgumentParser:
    for name in path:
        parser = subcommands(parser)[name]
    return parser


# -- (b) every example parses -----------------------------------------------------------------


def _smoke_test_options() -> str:
    """The smoke test's own --help text."""
    from briefing.gui.smoke_test import smoke_test_parser

    return smoke_test_parser().format_help()


def test_every_command_example_in_the_readme_parses(
    readme: str, parser: argparse.ArgumentParser
) -> None:
    """Why: a newcomer copies these lines; an option renamed or removed in the code must not
    leave a README example that fails with a usage error. Window lines are parsed with the
    window's own parser, --smoke-test lines against the smoke test's options."""
    examples = list(command_examples(readme))
    assert len(examples) >= 20, "too few examples found: is the sh block pattern still right?"
    failures = []
    for line, arguments in examples:
        try:
            if not arguments:
                continue  # bare `briefing`: the window on the user's library
            if arguments[0] == cli_main.SMOKE_TEST_OPTION:
                options = _smoke_test_options()
                unknown = [a for a in arguments[1:] if a.startswith("-") and a not in options]
                if unknown:
                    failures.append(f"{line}  (the smoke test has no {unknown})")
            elif cli_main.SMOKE_TEST_OPTION in arguments:
                failures.append(f"{line}  (--smoke-test works only as the first argument)")
            elif opens_the_window(arguments):
                cli_main.build_window_parser().parse_args(arguments)
            else:
                parser.parse_args(arguments)
        except SystemExit as stop:
            asked = {"--version", "--help", "-h"} & set(arguments)
            if stop.code != 0 or not asked:
                failures.append(f"{line}  (exit {stop.code})")
    assert not failures, "README examples the parser refuses:\n" + "\n".join(failures)


# -- (c) links and paths resolve --------------------------------------------------------------


def _documents() -> list[Path]:
    return [README, CHANGELOG, *sorted((PROJECT / "docs").glob("*.md"))]


def test_every_relative_link_and_image_resolves() -> None:
    """Why: a link to a moved or never-written file (a screenshot, a docs page) is a dead end
    for a newcomer. In-page anchors must name a heading of the target file."""
    broken = []
    for document in _documents():
        text = document.read_text(encoding="utf-8")
        for target in link_targets(text):
            file_part, _, fragment = target.partition("#")
            path = (document.parent / file_part).resolve() if file_part else document
            if not path.exists():
                broken.append(f"{document.name}: {target} (no such file)")
                continue
            in_file = anchors(path.read_text(encoding="utf-8")) if path.suffix == ".md" else set()
            if fragment and path.suffix == ".md" and fragment not in in_file:
                broken.append(f"{document.name}: {target} (no such heading)")
    assert not broken, "broken links:\n" + "\n".join(broken)


def test_every_repository_path_the_readme_names_exists(readme: str) -> None:
    """Why: the README names files in `backticks` as much as in links (the spec, the
    benchmarks, the fixtures); each must be there, globs matching at least one file."""
    named = {
        code.strip("`").split(" ")[0].rstrip(".,:;")
        for code in _INLINE_CODE.findall(readme)
        if code.strip("`").startswith(REPOSITORY_FOLDERS)
    }
    assert len(named) > 10, "too few paths found: is the pattern still right?"
    missing = sorted(
        name
        for name in named
        if not (list(PROJECT.glob(name)) if "*" in name else (PROJECT / name).exists())
    )
    assert not missing, f"README.md names paths that do not exist: {missing}"


# -- (d) the changelog's version is the app's ---------------------------------------------------


def test_the_newest_released_version_in_the_changelog_is_the_apps() -> None:
    """Why: issue 6 asks for a changelog and a version that `briefing --version` and the
    About dialog show; the newest entry below [Unreleased] must be that version."""
    text = CHANGELOG.read_text(encoding="utf-8")
    releases = re.findall(r"^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?", text, re.MULTILINE)
    assert releases and releases[0][0] == "Unreleased", "Keep a Changelog starts with [Unreleased]"
    version, day = releases[1]
    assert version == briefing.__version__
    assert day, f"release {version} has no date (## [{version}] - YYYY-MM-DD)"


# -- (e) formats, shortcuts and tabs ------------------------------------------------------------


def test_the_readme_lists_exactly_the_suffixes_the_ingest_layer_reads(readme: str) -> None:
    """Why: the formats table is what a user checks before saving an article; it must name
    every suffix `ingest.paths.FORMAT_BY_EXTENSION` accepts and no other."""
    rows = re.findall(r"^\| ([^|]*`\.[a-z]+`[^|]*)\|", readme, re.MULTILINE)
    listed = {suffix for row in rows for suffix in re.findall(r"`(\.[a-z]+)`", row)}
    assert listed == set(FORMAT_BY_EXTENSION), f"README formats table: {sorted(listed)}"


def _tab_titles() -> list[str]:
    """The tab titles in `MainWindow._tab_pages`, read from the source (building the whole
    window needs a library and a worker pool)."""
    tree = ast.parse((GUI / "main_window.py").read_text(encoding="utf-8"))
    function = next(
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.name == "_tab_pages"
    )
    return [
        node.args[0].value
        for node in ast.walk(function)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "tr"
        and isinstance(node.args[0], ast.Constant)
    ]


def _window_shortcuts() -> set[str]:
    """Every key the window binds: its menu actions (built on a bare QMainWindow), keys named
    in menu texts after a tab (Qt's way of showing a key another widget binds), and the
    standard keys the other widgets use (the table's Copy, the library list's Delete)."""
    from briefing.gui.window_actions import build_actions

    window = QMainWindow()
    build_actions(window, _tab_titles())
    portable = QKeySequence.SequenceFormat.PortableText
    keys = {action.shortcut().toString(portable) for action in window.findChildren(QAction)}
    keys |= {a.text().split("\t")[1] for a in window.findChildren(QAction) if "\t" in a.text()}
    window.deleteLater()
    sources = "\n".join(path.read_text(encoding="utf-8") for path in GUI.glob("*.py"))
    for name in set(re.findall(r"QKeySequence\.StandardKey\.(\w+)", sources)):
        key = QKeySequence(getattr(QKeySequence.StandardKey, name)).toString(portable)
        keys.add(key or X11_STANDARD_KEYS[name])
    return keys - {""}


def test_the_shortcut_table_lists_exactly_the_windows_keys(readme: str) -> None:
    """Why: the keyboard table must neither miss a key the window binds nor promise one it
    does not; both sides come from the code."""
    table = section(readme, "### Keyboard shortcuts")
    documented = set(re.findall(r"^\| `([^`]+)` \|", table, re.MULTILINE))
    defined = _window_shortcuts()
    assert {"Ctrl+O", "Ctrl+1"} <= defined, "the window's actions were not read"
    assert not defined - documented, f"keys missing from the README: {defined - documented}"
    assert not documented - defined, f"keys the window does not bind: {documented - defined}"


def test_every_tab_has_its_own_section_with_a_screenshot(readme: str) -> None:
    """Why: issue 6 asks for "a screenshot of each tab"; a tab added to the window needs its
    section and picture."""
    titles = _tab_titles()
    assert len(titles) >= 5
    for title in titles:
        text = section(readme, f"### {title}")
        assert re.search(r"!\[[^\]]*\]\(docs/screenshots/[^)]+\.png\)", text), title
