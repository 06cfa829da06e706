"""Reading a data file: find, read (bounded), parse, validate, cache; write files atomically."""
