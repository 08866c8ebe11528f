"""Publisher furniture: regexes for lines and blocks that are not article content (data only).

How ``briefing.ingest.boilerplate`` applies them:

- ``LINE_PATTERNS``, ``KEYWORD_LINE_PATTERNS`` and ``SECTION_PATTERNS`` must match a *whole
  line*, case-insensitively, after leading markup (markdown ``#``/``>``/``*``, bullets) and
  surrounding spaces are removed.
  Lines longer than ``MAX_FURNITURE_LINE`` characters are paragraphs and never furniture.
- ``SECTION_PATTERNS`` open a block that runs to the end of the article (related-article
  lists, comment forms), once some content has been seen above them.
- ``PROMO_MARKERS`` ("Ad") open a promo block that runs to the end of the article when what
  follows is short and carries no figure outside furniture lines.
- ``LINE_END_PATTERNS`` are searched in the last ``LINE_END_WINDOW`` characters of each
  line (they end with ``$``); each match is excluded, the rest of the line kept.

Every pattern is written for a family of phrasings seen across publishers, not one sentence.
"""

from __future__ import annotations

from typing import Final

MAX_FURNITURE_LINE: Final = 400
# Content characters that must come before a section start for it to cut off the rest.
MIN_CONTENT_BEFORE_SECTION: Final = 200
# A promo block only runs to the end when at most this much follows the marker.
MAX_PROMO_TAIL_LINES: Final = 8
MAX_PROMO_TAIL_CHARS: Final = 1500

_SOCIAL: Final = (
    r"(?:stocktwits|twitter|x|facebook|linkedin|whatsapp|telegram|reddit|instagram|youtube"
    r"|threads|bluesky|e-?mail|google news)"
)

LINE_PATTERNS: Final[tuple[str, ...]] = (
    # Ad markers: "Ad", "- Advertisement -", "ADVERTISEMENT", "Anzeige", "Sponsored content".
    r"[-–—\[(]*[ \t]*(?:ad|ads|advert|advertisement|anzeige|werbung|sponsored(?: content| post)?"
    r"|paid (?:content|post|partnership)|promoted(?: content)?)[ \t]*[-–—\])]*:?",
    # Stock-promo teaser: "The latest <Company> figures speak for themselves: Urgent action ...".
    r"(?:the )?latest .{0,80}\bfigures speak for themselves\b.*",
    # Promo question lines: "Should investors sell immediately? Or is it worth buying <Company>?".
    r"should (?:investors|you|shareholders) (?:sell|buy)(?: \w+){0,3}\?"
    r"(?:[ \t]*or (?:is it|should they|should you) [^?\n]{0,80}\?)?",
    # Publisher footer: "@ boerse-global.de | US01609W1027 ALIBABA'S".
    r"@[ \t]?[a-z0-9-]+(?:\.[a-z0-9-]+)+\b.{0,160}",
    # Cross-links: "Also read - ...", "Also Read: ...", "READ MORE: ...", "See also: ...".
    r"(?:also read|read also|see also|read more|more reading|must read|recommended(?: reading)?"
    r"|related(?: story| stories| article| articles| news| coverage| video)?|don['’]t miss"
    r"|watch|listen)[ \t]*[:\-–—|»>][ \t]*.*",
    # Share buttons: "Share on StockTwits", "Share this article", "Tweet this", "Email".
    r"(?:share|post|tweet|send)(?: this(?: article| story| post| page)?)?"
    r"(?:[ \t]+(?:on|via|to|with))?[ \t]+" + _SOCIAL + r"(?:[ \t]*[|,/·][ \t]*\w+)*",
    r"(?:share|tweet|print|email|e-mail)(?: this(?: article| story| post| page)?)?[ \t]*:?",
    # Social follow lines: "Check out our Latest News and Follow us at Facebook".
    r"(?:check out|follow us|like us|join us|find us|connect with us)\b.{0,100}\b"
    + _SOCIAL
    + r"\b.*",
    # Copyright lines: "© Thomson Reuters 2022", "Copyright 2024 Bloomberg L.P.".
    r"(?:©|\(c\)|copyright\b).{0,160}",
    r"all rights reserved\b.{0,100}",
    # Generation disclaimers: "This article was generated with the support of AI ...".
    r"this (?:article|story|content|post|report|summary) (?:was|is|has been) (?:\w+ )?"
    r"(?:generated|written|produced|created|translated|prepared)\b.{0,60}"
    r"\b(?:ai|artificial intelligence|automated|automatically|machine)\b.*",
    # Affiliate notes: "Affiliate links may be automatically generated - see our ethics ...".
    r"(?:affiliate links?\b|this (?:article|post|page) (?:contains|may contain) affiliate\b"
    r"|we may (?:earn|receive) (?:a )?commission\b).*",
    # Comment forms: "Leave a Reply", "Your email address will not be published ...".
    r"leave a (?:reply|comment)\b.{0,60}",
    r"your e-?mail address will not be published\b.*",
    r"(?:required fields are marked|cancel reply|post comment|save my name, email)\b.*",
    # Alert sign-ups: "Get Analysts' Upgrades and Downgrades via Email - Stay on top ...".
    r"(?:get|receive|sign up for|subscribe to)\b.{0,80}\b(?:via e-?mail|by e-?mail|newsletters?"
    r"|daily|e-?mail alerts?|enter your e-?mail)\b.*",
    r"(?:enter your e-?mail(?: address)?|sign up(?: now| today| here| for free)?"
    r"|subscribe(?: now| today| here| for free)?|click here to subscribe|register now)\b.{0,100}",
    # Navigation left in saved text: "Original Source", "Continue reading", "Back to top".
    r"(?:original source|source link|view (?:original|source)(?: article)?"
    r"|continue reading\b.{0,60}"
    r"|story continues below(?: advertisement)?|scroll (?:down )?to continue(?: with content)?"
    r"|click here\b.{0,100}|back to top|print this (?:article|page)|skip to (?:main )?content"
    r"|similar posts|open in app)",
    # Wire credits: "(Reporting by ... ; Editing by ...)", "Our Standards: ...".
    r"\(?(?:reporting|writing|additional reporting|editing|compiled|translated|written)"
    r" by\b.{0,250}",
    r"our standards:.{0,100}",
    # Credits: "Source: Reuters", "Photo: ...", "Image credit: ...".
    r"(?:source|sources|photo|photograph|image|picture|credit|credits|file photo|image credit"
    r"|photo credit)[ \t]*:.{1,80}",
    # Forwarded e-mail headers.
    r"-{2,}[ \t]*(?:forwarded|original) message[ \t]*-{2,}",
    r"(?:from|sent|to|cc|subject|date)[ \t]*:[ \t]+\S.{0,120}",
    # Newsletter furniture: "Unsubscribe", "View in browser", "You are receiving this email ...".
    r"(?:unsubscribe\b|manage (?:your )?(?:subscription|preferences)|view (?:this e-?mail )?"
    r"in (?:your |a )?browser|you (?:are receiving|received|have received) this"
    r" (?:e-?mail|message|newsletter)).{0,200}",
    # Disclaimers and disclosures: "Disclaimer: ...", "Disclosure: the author holds no ...".
    r"(?:disclaimer|disclosure|legal notice)[ \t]*:.*",
)

# Lines whose telling phrase comes after a company name. Each pair is a lower-case phrase the
# line must contain (a cheap test, so the costlier whole-line regex runs on few lines) and the
# whole-line regex.
KEYWORD_LINE_PATTERNS: Final[tuple[tuple[str, str], ...]] = (
    # Stock-promo header: "<Company> Stock: Buy or Sell?! New <Company> Analysis from ... delivers".
    ("buy or sell", r".{0,80}\bstock[ \t]*:[ \t]*buy or sell\b.*"),
    # Promo link lines: "<Company>: Buy or sell? Read more here...", "Read the full analysis here".
    (
        " here",
        r".{0,120}\bread (?:more|the (?:full|free|complete) (?:analysis|report|article)) here\b\W*",
    ),
)

SECTION_PATTERNS: Final[tuple[str, ...]] = (
    # "Related Articles", "Related news", "RELATED CONTENT"
    r"related(?: articles?| stories| news| posts| content| coverage| reading| links| topics"
    r"| quotes)?[ \t]*:?",
    # "RECOMMEND", "Recommended for you", "Recommended stories"
    r"recommend(?:ed)?(?: for you| stories| articles| reading| videos| news)?[ \t]*:?",
    # "Similar Posts", "More stories", "Latest news", "Top stories", "Popular posts"
    r"(?:similar|popular|latest|trending|top|more|recent) (?:posts|articles|stories|news"
    r"|reads|headlines)[ \t]*:?",
    # "You may also like", "You might be interested in"
    r"(?:you|we think you) (?:may|might|could|will) (?:also )?(?:like|enjoy|be interested in)"
    r".{0,30}",
    # "Read next", "Up next", "What to read next"
    r"(?:read|what to read|up|watch) next[ \t]*:?",
    # "Most read", "Most popular articles"
    r"most (?:read|popular|viewed|shared|commented)(?: articles| stories| news)?[ \t]*:?",
    r"trending(?: now| stories| topics)?[ \t]*:?",
    # Comment sections: "Leave a Reply", "12 Comments"
    r"leave a (?:reply|comment)",
    r"(?:\d+ )?comments?[ \t]*(?:\(\d+\))?:?",
    r"(?:further|more|recommended) reading[ \t]*:?",
    r"(?:around the web|editor['’]?s? picks|explore more|in other news)[ \t]*:?",
)

PROMO_MARKERS: Final[tuple[str, ...]] = (
    r"[-–—\[(]*[ \t]*(?:ad|ads|advert|advertisement|anzeige|werbung|sponsored(?: content)?"
    r"|paid (?:content|post|partnership))[ \t]*[-–—\])]*:?",
)

LINE_END_WINDOW: Final = 40
LINE_END_PATTERNS: Final[tuple[str, ...]] = (
    # Link text left at the end of a paragraph: "... by issuing new shares. read more".
    r"(?<=[.!?”\"')])[ \t]+(?:read more|more here|full story|learn more)[ \t]*(?:»|›|>|\.{3}|…)?"
    r"[ \t]*$",
)

# A stated figure: a line carrying one is never dropped by the promo-tail rule.
FIGURE_PATTERN: Final = (
    r"\d[\d.,]*[ \t]?(?:%|percent\b|per cent\b|pct\b|bn\b|billion\b|million\b|mn\b|m\b"
    r"|trillion\b|crore\b|lakh\b|x\b)"
    r"|[$€£¥₹][ \t]?\d"
    r"|\b(?:usd|eur|gbp|jpy|cny|rmb|hkd|inr|chf|cad|aud|dkk|sek|nok|krw|twd|rs\.?|yuan|yen"
    r"|euros?|dollars?|pounds?|pence|cents?)[ \t]?\d"
    r"|\d[ \t]?(?:yuan|yen|euros?|dollars?|pounds?|pence|cents?|rupees?)\b"
)
