"""Documents: the Markdown report and its parts."""
