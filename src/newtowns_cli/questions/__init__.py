"""Questions over a data set: look-ups, selection, summary, timeline, growth, claims."""
