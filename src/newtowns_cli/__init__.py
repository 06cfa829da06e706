"""newtowns: a sourced data set about the Dutch New Towns, and the command that queries it."""

__version__ = "0.1.0"
