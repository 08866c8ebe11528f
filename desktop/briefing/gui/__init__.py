"""The desktop window (PySide6): reads the analysis layer and the library and never
re-implements them."""
