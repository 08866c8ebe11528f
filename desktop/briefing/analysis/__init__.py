"""Pandas frames across articles: per-company briefings, timelines, conflicts, amounts in
one currency. Qt-free: the GUI and the PDF read what this layer builds."""
