"""Saved e-mails (.eml) to article text: the text/plain body, else the HTML body.

Subject is the title, the Date header the publication time (in the sender's own time
zone), the sender's domain the source. Attachments are not read; they are named in a
warning, and a message with nothing but attachments is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser
from typing import Final

from briefing.ingest.datestamps import iso_from_datetime
from briefing.ingest.encoding import decode_text
from briefing.ingest.errors import IngestError
from briefing.ingest.html_reader import extract_html_article

_REPLY_PREFIX: Final = re.compile(r"^(?:(?:re|fwd?|aw|wg|tr|sv|vs)\s*(?:\[\d+\])?\s*:\s*)+", re.I)
_PARSER: Final = BytesParser(policy=policy.default)


@dataclass(frozen=True, slots=True)
class EmailArticle:
    text: str
    title: str | None
    published: str | None
    source: str | None
    warnings: tuple[str, ...]


def clean_subject(subject: str) -> str:
    """A subject without reply/forward prefixes and folded whitespace.

    >>> clean_subject("Fwd: RE:  Acme buys Widget\\n for $50m")
    'Acme buys Widget for $50m'
    """
    return _REPLY_PREFIX.sub("", " ".join(subject.split())).strip()


def _part_text(part: EmailMessage, path: str) -> str:
    try:
        content = part.get_content()
    except (LookupError, UnicodeError, AssertionError):
        # Unknown or lying charset: decode the raw payload ourselves.
        payload = part.get_payload(decode=True)
        raw = payload if isinstance(payload, bytes) else b""
        return decode_text(raw, path).text
    return content if isinstance(content, str) else ""


def _header(message: Message, name: str) -> object:
    try:
        return message[name]
    except (ValueError, IndexError, TypeError):
        # policy.default parses headers lazily; a malformed one must not lose the message.
        return None


def _published(message: Message) -> str | None:
    date_header = _header(message, "Date")
    moment = getattr(date_header, "datetime", None)
    return iso_from_datetime(moment) if moment is not None else None


def _sender_domain(message: Message) -> str | None:
    sender = _header(message, "From")
    for address in getattr(sender, "addresses", ()):
        domain = getattr(address, "domain", "")
        if domain:
            return str(domain).lower()
    return None


def _attachment_names(message: EmailMessage) -> list[str]:
    return [part.get_filename() or part.get_content_type() for part in message.iter_attachments()]


def read_email(data: bytes, path: str) -> EmailArticle:
    """The article an e-mail carries, or ``IngestError`` when it has no text body."""
    message = _PARSER.parsebytes(data)
    if not isinstance(message, EmailMessage):
        raise IngestError(path, "not an e-mail message")
    subject_header = _header(message, "Subject")
    title = clean_subject(str(subject_header)) if subject_header is not None else ""
    attachments = _attachment_names(message)
    body = message.get_body(preferencelist=("plain", "html"))
    if not isinstance(body, EmailMessage):
        listed = f" (only attachments: {', '.join(attachments)})" if attachments else ""
        raise IngestError(path, f"no text body{listed}")
    content = _part_text(body, path)
    published, source = _published(message), _sender_domain(message)
    if body.get_content_subtype() == "html":
        # The subject is the headline; a newsletter's own <title> would only repeat it.
        article = extract_html_article(content, title_first=False)
        if article is None:
            raise IngestError(path, "no article text in the e-mail's HTML body")
        content = article.text
        title = title or article.title or ""
        published = published or article.published
    if title and not content.lstrip().startswith(title):
        # The subject heads the text the way a headline heads a saved article.
        content = f"{title}\n\n{content}"
    if not content.strip():
        raise IngestError(path, "empty text body")
    warnings = (f"attachments not read: {', '.join(attachments)}",) if attachments else ()
    return EmailArticle(content, title or None, published, source, warnings)
