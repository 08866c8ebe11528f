"""Write a deterministic corpus of seed-like articles for the extraction benchmark.

Each article is built from our own templates (``corpus_templates``): a title, a date line
and ISIN line like the seeds', paragraphs of deal, metric and analyst sentences mixed with
filler, and the publisher's promo block and footer. Article *i* depends only on the seed
and *i*, so a corpus of 100 is the first 100 articles of a corpus of 1000.

    python benchmarks/generate_corpus.py                    # 1000 articles -> benchmarks/corpus
    python benchmarks/generate_corpus.py -n 200 --formats txt,md,html,eml -o /tmp/corpus
"""

from __future__ import annotations

import argparse
import html
import random
import string
from dataclasses import dataclass
from pathlib import Path

import corpus_templates as t

DEFAULT_DIR = Path(__file__).resolve().parent / "corpus"
DEFAULT_COUNT = 1000
DEFAULT_SEED = 20260104
TARGET_CHARS = 4096
FORMATS = ("txt", "md", "html", "eml")
_SCALES = (("million", "m", 1e6), ("billion", "bn", 1e9))


@dataclass(frozen=True)
class Company:
    name: str
    short: str
    isin: str
    currency: str
    segments: tuple[str, ...]


def isin_check_digit(body: str) -> str:
    """The Luhn check digit of an 11-character ISIN body.

    >>> isin_check_digit("US01609W102")
    '7'
    """
    digits = "".join(str(int(char, 36)) for char in body)
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 == 0 else 1)
        total += value // 10 + value % 10
    return str((10 - total % 10) % 10)


def make_company(rng: random.Random, avoid: str = "") -> Company:
    stem = rng.choice([s for s in t.NAME_STEMS if s != avoid])
    sector = rng.choice(sorted(t.SECTORS))
    currency = rng.choice(sorted(t.CURRENCIES))
    country = t.CURRENCIES[currency][0]
    body = country + "".join(
        rng.choice(string.digits * 3 + string.ascii_uppercase) for _ in range(9)
    )
    return Company(
        name=f"{stem} {sector} {rng.choice(t.LEGAL_SUFFIXES)}",
        short=stem,
        isin=body + isin_check_digit(body),
        currency=currency,
        segments=t.SECTORS[sector],
    )


def _written(number: float) -> str:
    return f"{number:,.0f}" if number >= 100 else f"{number:.1f}"


def money(rng: random.Random, currency: str, low: float = 0.1, high: float = 60.0) -> str:
    """An amount in words, e.g. "€3.4 billion", "RMB 512 million", "$1.2bn"."""
    long_scale, short_scale, _ = rng.choice(_SCALES)
    number = rng.uniform(low, high) * (100 if long_scale == "million" else 1)
    pattern = rng.choice(t.CURRENCIES[currency][1])
    return pattern.format(n=_written(number), scale=long_scale, short=short_scale)


def money_range(rng: random.Random, currency: str) -> tuple[str, str]:
    """Two amounts of one scale and style, low then high: ("HKD 3.8 billion", "HKD 4.2 billion")."""
    long_scale, short_scale, _ = rng.choice(_SCALES)
    low = rng.uniform(1, 30)
    high = low * rng.uniform(1.05, 1.5)
    pattern = rng.choice(t.CURRENCIES[currency][1])
    low_text, high_text = (
        pattern.format(n=_written(n), scale=long_scale, short=short_scale) for n in (low, high)
    )
    return low_text, high_text


def price(rng: random.Random, currency: str, low: float = 5, high: float = 400) -> str:
    number = rng.uniform(low, high) * (100 if currency == "JPY" else 1)
    return t.PRICE_FORMATS[currency].format(n=f"{number:,.2f}".rstrip("0").rstrip("."))


def _fields(rng: random.Random, company: Company, partner: Company) -> dict[str, object]:
    year = rng.randint(2023, 2027)
    month = rng.randrange(12)
    margin = rng.randint(5, 60)
    rating_prev, rating = rng.choice(t.RATING_MOVES)
    m = rng.randint(8, 40)
    low, high = money_range(rng, company.currency)
    return {
        "company": company.name,
        "short": company.short,
        "partner": partner.name,
        "segment": rng.choice(company.segments),
        "period": f"Q{rng.randint(1, 4)} FY{year}",
        "amount": money(rng, company.currency),
        "amount2": money(rng, company.currency, 0.1, 5),
        "amount_prev": money(rng, company.currency),
        "low": low,
        "high": high,
        "eps": price(rng, company.currency, 0.5, 15),
        "price": price(rng, company.currency),
        "price2": price(rng, company.currency),
        "pct": rng.choice((rng.randint(1, 95), round(rng.uniform(0.5, 60), 1))),
        "margin": margin,
        "margin_prev": margin + rng.randint(-8, 8),
        "years": rng.choice(t.COUNT_WORDS),
        "date": f"{t.MONTHS[month]} {rng.randint(1, 28)}, {year}",
        "broker": rng.choice(t.BROKERS),
        "rating": rating,
        "rating_prev": rating_prev,
        "consensus": rng.choice(t.CONSENSUS),
        "n": rng.randint(1, m),
        "m": m,
        "pe": rng.randint(6, 40),
        "pe2": rng.randint(6, 40),
        "peer": rng.choice(t.PEERS),
        "year": year,
        "topic": rng.choice(t.TOPICS + t.CAPEX_TARGETS),
        "market": rng.choice(t.MARKETS),
        "weekday": rng.choice(t.WEEKDAYS),
    }


def _paragraph(
    rng: random.Random, templates: tuple[str, ...], company: Company, partner: Company
) -> str:
    """Two to four different sentences, each with its own numbers, sometimes with filler."""
    chosen = rng.sample(templates, rng.randint(2, min(4, len(templates))))
    sentences = [template.format(**_fields(rng, company, partner)) for template in chosen]
    if rng.random() < 0.5:
        sentences.insert(rng.randrange(len(sentences) + 1), rng.choice(t.FILLER_SENTENCES))
    return " ".join(sentences)


def article_parts(index: int, seed: int = DEFAULT_SEED) -> tuple[str, list[str], str]:
    """Title, body paragraphs (with the seed-like header lines) and promo footer of article i."""
    rng = random.Random(seed * 1_000_003 + index)
    company = make_company(rng)
    partner = make_company(rng, avoid=company.short)
    fields = _fields(rng, company, partner)
    title = rng.choice(t.HEADLINES).format(**fields)
    day, month = rng.randint(1, 28), rng.randrange(12)
    stamp = f"{day:02d}.{month + 1:02d}.{fields['year']} - {rng.randrange(24):02d}:"
    stamp += f"{rng.randrange(60):02d}:{rng.randrange(60):02d}"
    paragraphs = [stamp, f"{company.short} {company.isin}"]
    kinds = (t.DEAL_SENTENCES, t.METRIC_SENTENCES, t.FILLER_SENTENCES, t.VIEW_SENTENCES)
    promo = t.PROMO_BLOCK.format(short=company.short, day=day, month=t.MONTHS[month])
    footer = f"@ boerse-global.de | {company.isin} {company.short.upper()}"
    size = len(title) + len(promo) + len(footer)
    turn = 0
    while size < TARGET_CHARS - 300:
        paragraph = _paragraph(rng, kinds[turn % len(kinds)], company, partner)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
        turn += 1
    return title, paragraphs, f"{promo}\n\n{footer}"


def render(index: int, fmt: str, seed: int = DEFAULT_SEED) -> str:
    """Article i as the text of a file in the given format."""
    title, paragraphs, tail = article_parts(index, seed)
    if fmt == "txt":
        return "\n\n".join([title, *paragraphs, tail])
    if fmt == "md":
        return "\n\n".join([f"# {title}", *paragraphs, tail.replace("Ad\n", "---\n")])
    if fmt == "html":
        body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        return (
            f"<!DOCTYPE html><html><head><title>{html.escape(title)}</title>"
            "<script>var tracking = {price: 1, analysts: '9 of 10'};</script></head><body>"
            '<nav><a href="/">Home</a> <a href="/markets">Markets</a></nav>'
            f"<article><h1>{html.escape(title)}</h1>\n{body}\n</article>"
            f"<footer><p>{html.escape(tail)}</p></footer></body></html>"
        )
    if fmt == "eml":
        headers = (
            "From: Market Desk <desk@example.invalid>\nTo: reader@example.invalid\n"
            f"Subject: {title}\nDate: Mon, 05 Jan 2026 08:00:00 +0000\nMIME-Version: 1.0\n"
            'Content-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: 8bit\n'
        )
        return headers + "\n" + "\n\n".join([*paragraphs, tail]) + "\n"
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")


def write_corpus(
    folder: Path,
    count: int = DEFAULT_COUNT,
    formats: tuple[str, ...] = ("txt",),
    seed: int = DEFAULT_SEED,
) -> list[Path]:
    """Write articles 0..count-1 (formats taken in turn); returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        fmt = formats[index % len(formats)]
        path = folder / f"article_{index:05d}.{fmt}"
        path.write_text(render(index, fmt, seed), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--count", type=int, default=DEFAULT_COUNT)
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--formats", default="txt", help=f"comma-separated, taken in turn ({', '.join(FORMATS)})"
    )
    args = parser.parse_args(argv)
    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    unknown = set(formats) - set(FORMATS)
    if unknown:
        parser.error(f"unknown format(s): {', '.join(sorted(unknown))}")
    paths = write_corpus(args.output, args.count, formats, args.seed)
    total = sum(p.stat().st_size for p in paths)
    print(
        f"wrote {len(paths)} articles, {total / max(len(paths), 1) / 1024:.1f} KB on average, "
        f"to {args.output}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
