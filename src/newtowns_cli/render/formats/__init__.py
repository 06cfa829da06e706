"""Machine and document formats of a table: TSV/CSV, JSON, Markdown, GeoJSON, plain text."""
