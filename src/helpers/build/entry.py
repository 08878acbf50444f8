"""The ``dti`` command's entry point: Ctrl-C is one line and exit 130 at any moment.

Ctrl-C is blocked in every thread of the command and taken by one thread that waits for it
(signal.sigwait): whatever the main thread does (importing pandas, waiting on a kernel inside
nbclient, which installs its own SIGINT handler that would clean up the kernel and let the
build go on), the waiting thread kills the workers and kernels, prints one line and ends the
process (os._exit): the build lock goes with it, every write is atomic, and nothing is left for
the interpreter's shutdown to print about (pending asyncio tasks, the kernel client's sockets).
Workers and kernels inherit the blocked signal, so only this thread ever sees Ctrl-C. A
finished command closes its kernels (the atexit functions) and ends the same way.
"""

from __future__ import annotations

import atexit
import os
import signal
import sys
import threading

INTERRUPTED = "dti: interrupted; pages already built are kept, the next build finishes the rest"
EXIT_INTERRUPTED = 130


def _end(*_: object) -> None:
    """End an interrupted command now: its descendants killed, one line, exit 130."""
    from . import workers

    say(("\n" if workers.progress_shown() else "") + INTERRUPTED)
    quiet = os.open(os.devnull, os.O_WRONLY)  # whatever the main thread prints from now on
    os.dup2(quiet, 1)                         # (a worker pool it sees broken) goes nowhere
    os.dup2(quiet, 2)
    workers.kill_descendants()  # then straight out: no switch to the main thread
    workers.remove_kernel_folder()  # the killed kernels' sockets
    os._exit(EXIT_INTERRUPTED)


def say(line: str) -> None:
    """Print a line on stderr and flush both output streams."""
    if line:
        print(line, file=sys.stderr)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass


def leave(code: int, line: str = "") -> None:
    """Print a line (if any), flush the output and end the process with code."""
    say(line)
    os._exit(code)


def watch_interrupts() -> bool:
    """Block Ctrl-C in every thread and end the command from one that waits for it."""
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:  # started with nohup: leave it so
        return False
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})

    def wait() -> None:
        signal.sigwait({signal.SIGINT})
        _end()

    threading.Thread(target=wait, name="dti-interrupt", daemon=True).start()
    return True


def one_report(argv: list[str]) -> bool:
    """Tell whether the command builds one page on a warm kernel (`dti reports --only NAME
    --lang L`): its kernel can then boot while the command loads and checks the cache."""
    import argparse

    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    parser.add_argument("command", nargs="?")
    for option in ("--only", "--lang"):
        parser.add_argument(option, nargs="+", default=[])
    parser.add_argument("--engine", default="warm")
    parser.add_argument("--shard")
    try:
        known, _ = parser.parse_known_args(argv)
    except SystemExit:  # not a command line this can read: the command's own parser will say
        return False
    return (known.command == "reports" and len(known.only) == len(known.lang) == 1
            and known.engine == "warm" and known.shard is None)


def stages_from_the_start(argv: list[str]) -> bool:
    """Tell whether the command runs the stage notebooks from the first one (`dti build` or
    `dti run`, with --no-cache or before any processed table exists): a stage kernel can then
    boot while the command loads and checks (helpers.build.workers.start_spare)."""
    from .. import config

    words = [word for word in argv if not word.startswith("-")]
    if not words or words[0] not in ("build", "run"):
        return False
    return "--no-cache" in argv or not any(config.PROCESSED_DIR.glob("*.csv"))


def main(argv: list[str] | None = None) -> int:
    """Run the dti command line; an interrupt anywhere ends it in one line with exit 130."""
    watch_interrupts()
    arguments = sys.argv[1:] if argv is None else argv
    if one_report(arguments):
        from .workers import warm_kernel

        warm_kernel()  # ~1.5 s to boot and import: begun before the command's own 0.5 s
    elif stages_from_the_start(arguments):
        from .workers import start_spare

        start_spare()  # ~1 s to boot: begun before the command's own 1 s of imports and checks
    try:
        from .cli import main as command_line

        code = command_line(argv)
    except KeyboardInterrupt:
        _end()
    if code == EXIT_INTERRUPTED:  # the command printed the line; skip the interpreter's exit
        leave(code)
    atexit._run_exitfuncs()  # close the kernels now, while Ctrl-C is still watched
    leave(code)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
