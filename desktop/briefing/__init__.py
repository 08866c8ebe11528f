"""Investor Briefing: an offline reader of investor news."""

__version__ = "0.1.0"

# Bumped whenever extraction output may change, so stored extractions can be redone.
ENGINE_VERSION = "0.1.1"
