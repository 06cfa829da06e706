"""report --open: the page in a private file, handed to the user's browser (webbrowser)."""

from __future__ import annotations

import os
import pathlib
import tempfile
from collections.abc import Iterable

from newtowns_cli.cli import emit
from newtowns_cli.model.i18n import _


def open_page(page: str | Iterable[str], out: emit.Out) -> None:
    """Write ``page`` to --output, else to a new temporary file only the user can read
    (mkstemp: mode 0600), open it in the browser ($BROWSER, else the system's) and print
    its path on stdout. A browser that cannot be started is a note: the file stays."""
    import webbrowser

    if out.path is not None:
        emit.deliver(page, out)
        path = pathlib.Path(out.path).absolute()
    else:
        handle, name = tempfile.mkstemp(prefix="newtowns-", suffix=".html")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.writelines([page] if isinstance(page, str) else page)
        path = pathlib.Path(name)
    emit.write(f"{out.path or path}\n")
    if not webbrowser.open(path.as_uri()):
        said = _("newtowns: note: no browser could be started: open {path}").format(path=path)
        emit.note(said, always=True)
