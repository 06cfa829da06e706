"""Long views through a pager, as git and gh page theirs."""

from __future__ import annotations

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    from collections.abc import Mapping


def page(text: str, environ: Mapping[str, str]) -> bool:
    """``text`` through $PAGER, else ``less -FIRX``; False when neither could start (the
    caller prints it then).

    $PAGER is split as a shell would split words, and run without a shell. Ctrl-C is the
    pager's while it runs, as in git.
    """
    import shlex
    import signal
    import subprocess

    try:
        command = shlex.split(environ.get("PAGER") or "") or ["less", "-FIRX"]
    except ValueError:  # an unclosed quote (PAGER='less "'): a pager that cannot start
        return False
    env = {**environ, "LESS": environ.get("LESS", "FIRX")}  # as git: colour through less
    interrupt = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        subprocess.run(command, input=text.encode("utf-8"), env=env, check=False)
    except BrokenPipeError:
        pass  # the pager was closed before it read everything: not an error
    except OSError:
        return False
    finally:
        signal.signal(signal.SIGINT, interrupt)
    return True
