"""``python -m newtowns_cli``."""

from newtowns_cli.cli import main

main()
