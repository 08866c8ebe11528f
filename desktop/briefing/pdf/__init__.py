"""PDF briefings: a company's briefing as a few pages with tables, vector charts, citations
linked to their sources and an outline (QPdfWriter + QTextDocument; no widgets)."""
