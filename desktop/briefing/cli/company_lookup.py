"""Which company a name means, for the commands that take one (``--company``, aliases).

The same ``CompanyResolver`` the analysis frames use: the user's aliases first, then the
bundled table, then what the stored articles themselves state (the companies they name,
an ISIN or "X (NYSE: Y)" beside a name). So ``briefing library list --company BABA`` finds
the articles that say "Alibaba Group Holding Ltd", and an alias the user adds changes
what every command sees at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Final

from briefing.analysis.entities import CompanyResolver, ticker_symbol
from briefing.store import Library, StoredArticle

_TICKER_OR_ISIN: Final = re.compile(r"[A-Z0-9][A-Z0-9.]{0,11}")


def library_resolver(
    library: Library,
    aliases: Mapping[str, str] | None = None,
    *,
    asked: Iterable[str | None] = (),
    articles: Sequence[StoredArticle] | None = None,
) -> CompanyResolver:
    """The resolver of everything in ``library``, as the analysis frames build it.

    ``aliases`` replaces the stored ones (e.g. without the alias being redefined).
    Reading every stored body would make ``list`` ten times slower (3.4 s for 5,000
    articles against 0.26 s), so the names come from the article list and the tickers and
    ISINs the articles state are learned only from the articles that state one of
    ``asked``, the names the user typed that look like a ticker or an ISIN: the only names
    whose meaning those statements can change.
    """
    chosen = library.aliases() if aliases is None else aliases
    stored = library.articles() if articles is None else articles
    resolver = CompanyResolver(chosen)
    resolver.learn_names({name for article in stored for name in _names(article) if name})
    symbols = {symbol for name in asked if name for symbol in [_identifier(name)] if symbol}
    if symbols:
        ids = [article.id for article in stored if _states(article, symbols)]
        for result in library.results(ids):
            resolver.learn_identifiers(result)
    return resolver


def _identifier(name: str) -> str | None:
    """The bare symbol (or ISIN) of a name written as a ticker or an ISIN, else None.

    >>> [_identifier(n) for n in ("HKG:09988", "KSTL", "US01609W1027", "Solbrekke Kraft")]
    ['9988', 'KSTL', 'US01609W1027', None]
    """
    symbol = ticker_symbol(name)
    if symbol is not None:
        return symbol
    text = name.strip()
    if not _TICKER_OR_ISIN.fullmatch(text):
        return None
    return text.lstrip("0") or text if text.isdigit() else text


def _states(article: StoredArticle, symbols: set[str]) -> bool:
    return not symbols.isdisjoint(article.isins) or any(
        (ticker_symbol(ticker) or ticker.strip().upper()) in symbols for ticker in article.tickers
    )


def memoised(resolver: CompanyResolver) -> Callable[[str | None], str | None]:
    """``resolver.resolve_optional`` that resolves each distinct name once: a library
    repeats the same few companies in every article."""
    cache: dict[str | None, str | None] = {}

    def company_id(name: str | None) -> str | None:
        if name not in cache:
            cache[name] = resolver.resolve_optional(name)
        return cache[name]

    return company_id


def articles_naming(
    articles: Iterable[StoredArticle],
    company: str | None,
    company_id: Callable[[str | None], str | None],
) -> list[StoredArticle]:
    """The articles whose primary company, or any company they name, is ``company`` under
    any of its names; all of them when ``company`` is None."""
    if company is None:
        return list(articles)
    wanted = company_id(company)
    return [
        article
        for article in articles
        if article.mentions(company)
        or any(company_id(name) == wanted for name in _names(article) if name)
    ]


def _names(article: StoredArticle) -> Sequence[str | None]:
    return (article.primary_company, *article.companies)
