"""Package data folder (see pyproject.toml package-dir)."""
