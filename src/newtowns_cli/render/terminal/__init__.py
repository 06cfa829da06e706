"""The terminal: rich tables and views, charts, the pager's pages (rich imported here only)."""
