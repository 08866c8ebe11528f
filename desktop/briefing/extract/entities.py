"""Entities in article text: companies (with brokers, market indices and generic
references), the article's primary company, and business segments.

The single import point for the category extractors; the work is done in
``companies`` (the scan), ``company_runs`` (where one name ends and the next begins),
``company_slots`` (is this phrase a company?), ``company_names`` (canonical names, the
vocabulary index), ``company_forms`` (references, merged forms), ``company_issuers``
(who issues a rating), ``primary`` and ``segments``.

A ``CompanyMention`` is marked, never filtered, by role: ``is_broker`` for rating
issuers of the vocabulary (Morgan Stanley is also a company when it is the subject),
``is_index`` for market indices ("FTSE 100"), ``is_reference`` for "the company" and
the like, whose ``name`` is "" for the caller to resolve. A ``SegmentMention``
reference ("this segment") carries the segment last named in the same text, or "".
"""

from __future__ import annotations

from briefing.extract.companies import CompanyMention, find_companies
from briefing.extract.company_names import canonical_company_name, is_broker_name
from briefing.extract.primary import primary_company
from briefing.extract.segments import SegmentMention, find_segments

__all__ = [
    "CompanyMention",
    "SegmentMention",
    "canonical_company_name",
    "find_companies",
    "find_segments",
    "is_broker_name",
    "primary_company",
]
