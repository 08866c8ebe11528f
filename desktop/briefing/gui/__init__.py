"""The desktop window (PySide6): reads the analysis layer and the library, never re-implements them."""
