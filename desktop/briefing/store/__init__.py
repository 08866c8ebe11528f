"""The library: an embedded SQLite database of articles and their extractions."""
