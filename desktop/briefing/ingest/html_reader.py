"""HTML pages to article text and metadata, through trafilatura (main text only, no fetching).

trafilatura's ``bare_extraction`` parses the markup it is given and never opens a
connection (only ``fetch_url`` downloads, and it is not used here); lxml's HTML parser
does not load external resources either.
"""

from __future__ import annotations

import re
from configparser import ConfigParser
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from briefing.ingest.datestamps import iso_from_datetime_value

_DECLARED_CHARSET: Final = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*(?P<charset>[A-Za-z0-9._:-]{2,40})""",
    re.IGNORECASE,
)
_META_TAG: Final = re.compile(r"<meta\b[^>]{0,400}>", re.IGNORECASE)
_META_ATTRIBUTE: Final = re.compile(
    r"""(?P<name>[a-z:_.-]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s>]+))""",
    re.IGNORECASE,
)
# Meta names that carry the publication time, most specific first.
_PUBLISHED_META_NAMES: Final = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "pubdate",
    "dc.date.issued",
    "dcterms.created",
    "date",
)
_HEAD_CHARS: Final = 65536
_HOST: Final = re.compile(r"(?i)^(?:[a-z][a-z0-9+.-]*://)?(?:www\d?\.)?(?P<host>[^/:?#\s]+)")
_SPACES: Final = re.compile(r"[ \t\u00a0]+")
MIN_ARTICLE_CHARS: Final = 20


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    text: str
    title: str | None
    published: str | None
    source: str | None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (``<meta charset>`` or http-equiv).

    >>> declared_charset(b'<html><head><meta charset="windows-1252"><title>x</title>')
    'windows-1252'
    >>> declared_charset(b"<p>no declaration</p>") is None
    True
    """
    match = _DECLARED_CHARSET.search(data[:4096])
    return match["charset"].decode("ascii") if match else None


def published_from_meta(markup: str) -> str | None:
    """The publication time a page states in its meta tags, with the time when it has one.

    trafilatura reports the day only; the meta tag often says the minute as well.

    >>> published_from_meta('<meta content="2026-03-02T14:15:00+00:00" '
    ...                     'property="article:published_time">')
    '2026-03-02T14:15:00'
    """
    found: dict[str, str] = {}
    for tag in _META_TAG.finditer(markup, 0, _HEAD_CHARS):
        attributes = {
            m["name"].lower(): m["dq"] if m["dq"] is not None else (m["sq"] or m["bare"] or "")
            for m in _META_ATTRIBUTE.finditer(tag.group())
        }
        key = (attributes.get("property") or attributes.get("name") or "").lower()
        key = key or attributes.get("itemprop", "").lower()
        if key in _PUBLISHED_META_NAMES and attributes.get("content"):
            found.setdefault(key, attributes["content"])
    for name in _PUBLISHED_META_NAMES:
        if name in found:
            value = iso_from_datetime_value(found[name])
            if value:
                return value
    return None


@lru_cache(maxsize=1)
def _config() -> ConfigParser:
    # Short news items (a few sentences) are articles too: trafilatura's default minimum of
    # 250 characters would send them to its fallback extractors or drop them.
    # Imported here: trafilatura costs a quarter of a second to import, and batches of
    # text files never need it.
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "40")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    return config


def host_of(url: str | None) -> str | None:
    """The host of a URL without "www.".

    >>> host_of("https://www.example-news.com/markets/a?id=1")
    'example-news.com'
    """
    if not url:
        return None
    match = _HOST.match(url.strip())
    return match["host"].lower() if match else None


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    cleaned = _SPACES.sub(" ", value).strip()
    return cleaned or None


def extract_html_article(markup: str, *, title_first: bool = True) -> HtmlArticle | None:
    """The main text of an HTML page with its title, date and site; None when it has none.

    With ``title_first`` the title heads the text (as in a saved article) unless the page
    text already starts with it.

    >>> page = ('<html><head><title>Acme buys Widget</title>'
    ...         '<meta property="og:site_name" content="Example News"></head><body>'
    ...         '<nav><a href="/">Home</a></nav><script>track()</script><article>'
    ...         '<p>Acme said it would buy Widget for $50 million in cash, its largest deal.</p>'
    ...         '</article></body></html>')
    >>> article = extract_html_article(page)
    >>> print(article.text)
    Acme buys Widget
    <BLANKLINE>
    Acme said it would buy Widget for $50 million in cash, its largest deal.
    >>> article.title, article.source
    ('Acme buys Widget', 'Example News')
    """
    import trafilatura

    extracted = trafilatura.bare_extraction(
        markup,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
        config=_config(),
    )
    if extracted is None:
        return None
    text = (getattr(extracted, "text", None) or "").strip()
    # trafilatura's last-resort extractor returns any text at all, e.g. a lone "Home"
    # link of a page without an article: that is no article.
    if len(text) < MIN_ARTICLE_CHARS:
        return None
    title = _clean(getattr(extracted, "title", None))
    if (
        title_first
        and title
        and not _SPACES.sub(" ", text[: len(title) + 20]).casefold().startswith(title.casefold())
    ):
        text = f"{title}\n\n{text}"
    date = _clean(getattr(extracted, "date", None))
    source = _clean(getattr(extracted, "sitename", None)) or host_of(
        _clean(getattr(extracted, "url", None)) or _clean(getattr(extracted, "hostname", None))
    )
    return HtmlArticle(
        text=text,
        title=title,
        published=published_from_meta(markup) or (iso_from_datetime_value(date) if date else None),
        source=source,
    )
