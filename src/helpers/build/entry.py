"""The ``dti`` command's entry point: Ctrl-C is one line and exit 130 at any moment.

The command imports pandas, papermill and the package for about a second before it can
handle an interrupt; an interrupt then (or while the interpreter shuts down) must not print a
traceback either. So the entry point imports the command line inside a guard, and ends an
interrupted build at once (os._exit): its workers and kernels are already killed, the build lock
goes with the process, and nothing is left for the interpreter's shutdown to print about
(pending asyncio tasks, the kernel client's sockets).
"""

from __future__ import annotations

import os
import signal
import sys

INTERRUPTED = "dti: interrupted; pages already built are kept, the next build finishes the rest"
EXIT_INTERRUPTED = 130


def _end(*_: object) -> None:
    """End an interrupted command now: its descendants killed, one line, exit 130."""
    from .workers import kill_descendants

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    kill_descendants()
    leave(EXIT_INTERRUPTED, INTERRUPTED)


def leave(code: int, line: str = "") -> None:
    """Print a line (if any), flush the output and end the process with code."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if line:
        print(line, file=sys.stderr)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    """Run the dti command line; an interrupt anywhere ends it in one line with exit 130."""
    try:
        from .cli import main as command_line

        code = command_line(argv)
    except KeyboardInterrupt:
        _end()
    if code == EXIT_INTERRUPTED:  # the command printed the line; skip the interpreter's exit
        leave(code)
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
        signal.signal(signal.SIGINT, _end)  # an interrupt while the interpreter shuts down
    return code


if __name__ == "__main__":
    raise SystemExit(main())
