"""Interrupt builds at random moments, as Ctrl-C does, and count the clean exits.

    .venv/bin/python tests/build/stress_interrupt.py --root COPY [-n 50] [--seed 1]

COPY is a repository copy where `dti build` has run (data/processed filled); the script uses
it as it is (DTI_ROOT=COPY), so do not point it at your checkout. Each round picks a command
(MODES: 24 reports in two workers, one report whose kernel runs in the build's own process, or
the stage notebooks), starts it with --no-cache in its own session, waits a random time
between 0.3 s and 90 % of an uninterrupted run, sends SIGINT to the whole process group (what
the terminal does on Ctrl-C), and checks: exit status 130, exactly one line on stderr (the
progress bar aside), the build lock free, no process of the build left (workers and kernels,
which run in sessions of their own), no half-written page. Rounds go on until N interrupts
landed (a build that finished first does not count); a final build must then finish with every
report ok. Prints one line per round and a summary; exit status 1 when any round failed. Not
part of the test suite (it takes minutes): its result goes in the issue note.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from helpers.build.workers import descendants

PROVINCES = ["Lào Cai", "Hà Nội", "Huế", "Bắc Ninh", "Cà Mau", "Sơn La", "Đà Nẵng", "An Giang",
             "Nghệ An", "Quảng Ninh", "Cao Bằng", "Long An"]
MESSAGE = "dti: interrupted; pages already built are kept, the next build finishes the rest"


#: What a round interrupts: reports in two workers, one report (its kernel in the build's own
#: process), or the stage notebooks (papermill in the build's process).
MODES = {
    "reports": ["reports", "--workers", "2", "--only", *PROVINCES],
    "one": ["reports", "--only", "Lào Cai", "--lang", "vi"],
    "stages": ["run", "all"],
}


def command(root: Path, mode: str) -> tuple[list[str], dict[str, str]]:
    """Return the build command of a mode (always rebuilding) and its environment."""
    return ([sys.executable, "-m", "helpers", "--no-cache", *MODES[mode]],
            {**os.environ, "DTI_ROOT": str(root), "PYTHONUNBUFFERED": "1"})


def below(pid: int) -> set[int]:
    """Return every process below pid (workers and kernels, from /proc)."""
    return set(descendants(pid))


def alive(pid: int) -> bool:
    """Tell whether a process runs (a zombie does not count)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def lock_free(root: Path) -> bool:
    """Tell whether the build lock of the copy can be taken now."""
    fd = os.open(root / "reports", os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(fd)


def half_written(root: Path) -> list[str]:
    """Return pages that are not whole HTML documents (a torn write)."""
    return [p.name for p in (root / "reports").glob("*/*.html")
            if not p.read_bytes().rstrip().endswith(b"</html>")]


def one_round(root: Path, mode: str, delay: float, patience: float) -> tuple[bool, str]:
    """Interrupt one build after delay seconds; return whether it ended well, and how."""
    argv, env = command(root, mode)
    build = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             text=True, start_new_session=True)
    seen: set[int] = set()
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline and build.poll() is None:
        seen |= below(build.pid)
        time.sleep(0.05)
    if build.poll() is not None:
        return True, "finished before the interrupt (not counted)"
    seen |= below(build.pid)
    os.killpg(build.pid, signal.SIGINT)
    try:
        _, err = build.communicate(timeout=patience)
    except subprocess.TimeoutExpired:
        os.killpg(build.pid, signal.SIGKILL)
        build.communicate()
        return False, f"hung for over {patience:.0f} s after the interrupt"
    lines = [line for line in err.replace("\r", "\n").splitlines()
             if line.strip() and not line.startswith("reports:")]
    left = set()
    for _ in range(50):  # processes get up to 5 s to go
        left = {pid for pid in seen if alive(pid)}
        if not left:
            break
        time.sleep(0.1)
    problems = []
    if build.returncode != 130:
        problems.append(f"exit {build.returncode}")
    if lines != [MESSAGE]:
        problems.append(f"{len(lines)} lines: {lines[:3]}")
    if not lock_free(root):
        problems.append("lock held")
    if left:
        problems.append(f"{len(left)} processes left")
        for pid in left:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
    torn = half_written(root)
    if torn:
        problems.append(f"half-written pages {torn}")
    return not problems, "; ".join(problems) or "one line, exit 130, lock free, nothing left"


def main(argv: list[str] | None = None) -> int:
    """Run the rounds and print the summary."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("-n", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--patience", type=float, default=60.0)
    parser.add_argument("--modes", nargs="+", choices=list(MODES), default=list(MODES),
                        help="what to interrupt (each round picks one at random)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    length = {}
    for mode in args.modes:
        argv_, env = command(root, mode)
        started = time.monotonic()
        whole = subprocess.run(argv_, env=env, capture_output=True, text=True)
        length[mode] = time.monotonic() - started
        print(f"uninterrupted {mode}: exit {whole.returncode}, {length[mode]:.1f} s", flush=True)
    rng = random.Random(args.seed)
    counted = good = 0
    number = 0
    while counted < args.n and number < 3 * args.n:  # a build that ends first does not count
        number += 1
        mode = rng.choice(args.modes)
        delay = rng.uniform(0.3, 0.9 * length[mode])
        ok, how = one_round(root, mode, delay, args.patience)
        counted += "not counted" not in how
        good += ok and "not counted" not in how
        print(f"{number:3d}  {mode:7s} at {delay:5.1f} s  {'ok  ' if ok else 'FAIL'}  {how}",
              flush=True)
    argv_, env = command(root, "reports")
    final = subprocess.run(argv_[:3] + argv_[4:], env=env, capture_output=True, text=True)
    print(f"{good} of {counted} interrupts ended in one line with exit 130, the lock free and no "
          f"process left; the next build: exit {final.returncode} ({final.stdout.strip()})")
    return 0 if good == counted and final.returncode == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
