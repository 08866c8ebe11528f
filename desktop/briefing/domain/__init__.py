"""Value objects and vocabularies shared by every layer."""

from briefing.domain.model import (
    AnalystView,
    ArticleResult,
    Deal,
    Document,
    Evidence,
    Extraction,
    Metric,
    Quantity,
)

__all__ = [
    "AnalystView",
    "ArticleResult",
    "Deal",
    "Document",
    "Evidence",
    "Extraction",
    "Metric",
    "Quantity",
]
