"""Exports of a data set for other tools: a data file of a subset (TOML, JSON), SQLite."""
