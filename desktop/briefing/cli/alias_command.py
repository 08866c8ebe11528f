"""``briefing library alias``: the user's own names for companies.

    briefing library [--library PATH] alias add ALIAS COMPANY
    briefing library [--library PATH] alias list [--company NAME] [--format table|json]
    briefing library [--library PATH] alias remove ALIAS...

An alias wins over the bundled company table and over what the articles say, in every
command that reads the library (list, export, the frames). COMPANY may be written any way
the resolver knows (a name, a ticker, an ISIN, another alias); the alias is stored pointing
at the company id the resolver gives ("BABA" -> "Alibaba"), and the command says so, so
the alias keeps naming the company the user meant. Aliases match in any case.

Exit status: 0 on success; 1 when an alias to remove is not in the library (each one named
on stderr, nothing removed) or the library cannot be used; 2 for an empty alias or company.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from briefing.store import Library

Action = Callable[[argparse.Namespace, Library], int]
Runner = Callable[[Action], Callable[[argparse.Namespace], int]]


def add_parser(
    actions: argparse._SubParsersAction[argparse.ArgumentParser], runner: Runner
) -> None:
    """Register ``alias add|list|remove`` under ``briefing library``; ``runner`` opens the
    library for an action and reports its errors (see ``library_command``)."""
    parser = actions.add_parser(
        "alias",
        help="your own names for companies (they win over the bundled table)",
        description="Add, list and remove the names you give companies. An alias wins over "
        "the bundled company table and over what the articles say.",
    )
    commands = parser.add_subparsers(dest="alias_action", metavar="ACTION", required=True)

    add_help = "make ALIAS name COMPANY (replaces an earlier meaning of ALIAS)"
    add = commands.add_parser("add", help=add_help, description=add_help)
    add.add_argument("alias", metavar="ALIAS", help='a name, e.g. "Solbrekke Power"')
    add.add_argument("company", metavar="COMPANY", help="the company: any name, ticker or ISIN")
    add.set_defaults(run=runner(_add))

    listing = commands.add_parser(
        "list",
        help="list the aliases, sorted by alias",
        description="list the aliases, sorted by alias",
    )
    listing.add_argument("--company", metavar="NAME", help="only aliases naming this company")
    listing.add_argument(
        "--format", choices=("table", "json"), default="table", help="table (default) or json"
    )
    listing.set_defaults(run=runner(_list))

    remove = commands.add_parser("remove", help="forget aliases", description="forget aliases")
    remove.add_argument("aliases", nargs="+", metavar="ALIAS", help="an alias added before")
    remove.set_defaults(run=runner(_remove))

    for command in (add, listing, remove):
        # Also accepted after the action; SUPPRESS keeps the one given before it otherwise.
        command.add_argument(
            "--library", type=Path, metavar="PATH", default=argparse.SUPPRESS, help="library file"
        )


def _error(message: str) -> None:
    print(f"briefing: {message}", file=sys.stderr)


def stored_spelling(aliases: Mapping[str, str], alias: str) -> str | None:
    """How ``alias`` is stored, matched in any case as the library does; None when absent.

    >>> stored_spelling({"Solbrekke Power": "Solbrekke Kraft"}, " solbrekke POWER ")
    'Solbrekke Power'
    >>> stored_spelling({}, "Ali") is None
    True
    """
    wanted = alias.strip().casefold()
    return next((stored for stored in aliases if stored.casefold() == wanted), None)


def alias_table(aliases: Sequence[tuple[str, str]]) -> str:
    """Aliases as two aligned columns under a header.

    >>> print(alias_table([("BABA", "Alibaba"), ("Solbrekke Power", "Solbrekke Kraft")]))
    ALIAS            COMPANY
    BABA             Alibaba
    Solbrekke Power  Solbrekke Kraft
    """
    width = max(len("ALIAS"), *(len(alias) for alias, _ in aliases))
    lines = [f"{'ALIAS':{width}}  COMPANY"]
    lines.extend(f"{alias:{width}}  {company}" for alias, company in aliases)
    return "\n".join(lines)


# -- the actions ----------------------------------------------------------------------------


def _add(args: argparse.Namespace, library: Library) -> int:
    alias, given = args.alias.strip(), args.company.strip()
    if not alias or not given:
        _error("an alias and its company must not be empty")
        return 2
    from briefing.analysis.entities import name_key  # pandas: imported when needed
    from briefing.cli.company_lookup import library_resolver

    stored = library.aliases()
    previous = stored_spelling(stored, alias)
    # Resolve without the alias being (re)defined: its old meaning must not decide its new one.
    others = {name: company for name, company in stored.items() if name != previous}
    resolver = library_resolver(library, others, asked=[given, alias])
    company = resolver.resolve(given)
    meant_before = resolver.resolve(alias)
    if previous is not None and stored[previous] == company:
        print(f"alias {previous!r} already names {company!r}; unchanged")
        return 0
    library.add_alias(alias, company)
    if previous is None:
        print(f"added alias {alias!r} -> {company!r}")
    else:
        print(f"replaced alias {previous!r}: was {stored[previous]!r}, now {company!r}")
    if company != given:
        print(f"  (given as {given!r}, which the resolver knows as {company!r})")
    if meant_before != company and name_key(meant_before) != name_key(alias):
        # E.g. a ticker of the bundled table given to another company: the alias wins.
        print(f"  (without an alias, {alias!r} meant {meant_before!r}; now it means {company!r})")
    return 0


def _list(args: argparse.Namespace, library: Library) -> int:
    aliases = sorted(library.aliases().items(), key=lambda item: (item[0].casefold(), item[0]))
    if args.company is not None:
        from briefing.cli.company_lookup import library_resolver

        resolver = library_resolver(library, asked=[args.company])
        wanted = resolver.resolve(args.company)
        aliases = [
            (alias, company)
            for alias, company in aliases
            if resolver.resolve(company) == wanted or company.casefold() == wanted.casefold()
        ]
    if args.format == "json":
        rows = [{"alias": alias, "company": company} for alias, company in aliases]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif aliases:
        print(alias_table(aliases))
    else:
        which = f" naming {args.company}" if args.company is not None else ""
        print(f"no aliases{which} in {library.path}")
    return 0


def _remove(args: argparse.Namespace, library: Library) -> int:
    stored = library.aliases()
    wanted = list(dict.fromkeys(alias.strip() for alias in args.aliases))
    unknown = [alias for alias in wanted if stored_spelling(stored, alias) is None]
    if unknown:
        # All or nothing, like ``library remove``: a typo must not leave half a change.
        for alias in unknown:
            _error(f"no alias {alias!r} in {library.path}")
        _error("nothing removed")
        return 1
    for alias in wanted:
        spelling = stored_spelling(stored, alias)
        if spelling is not None and library.remove_alias(spelling):
            print(f"removed alias {spelling!r} (it named {stored[spelling]!r})")
    return 0
