"""A build's timeline: when is a core idle? (``python benchmarks/timeline.py [dti args]``)

Runs one command (default: ``dti --no-cache build``) and samples its process tree from /proc
every 0.1 s: how many of its processes are running or ready to run (state R), and the CPU they
used. A core is idle for the build when fewer of its processes can run than there are cores;
that count does not depend on other users of the machine (they only stretch the time), so it
shows where the build leaves a core unused even on a busy machine. Each line the command prints
marks a phase (a stage group that ended, the reports), and so does each stage notebook's end and
the first report's start (from the executed notebooks). Writes benchmarks/results/timeline.md.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench import BIN, RESULTS, ROOT, _descendants  # noqa: E402

TICK_S = 0.1


def _states(pids: list[int]) -> tuple[int, int, dict[int, str]]:
    """Return how many of pids can run now, their summed CPU ticks, and each one's role."""
    runnable, ticks, roles = 0, 0, {}
    for pid in pids:
        try:
            text = Path(f"/proc/{pid}/stat").read_text()
            command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        fields = text.rsplit(")", 1)[1].split()
        runnable += fields[0] == "R"
        ticks += int(fields[11]) + int(fields[12])
        roles[pid] = "kernel" if "ipykernel" in command else "python"
    return runnable, ticks, roles


def record(command: list[str]) -> tuple[list[tuple[float, int, int, int]], list[tuple[float, str]]]:
    """Run command; return samples (time, runnable, CPU ticks, kernels) and its printed lines."""
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})  # lines on time
    started, since = time.perf_counter(), time.time()
    samples: list[tuple[float, int, int, int]] = []
    lines: list[tuple[float, str]] = []
    seen: dict[int, int] = {}
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            pids = _descendants(process.pid)
            runnable, _, roles = _states(pids)
            for pid in pids:  # a process's ticks, kept after it exits
                try:
                    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                    seen[pid] = int(fields[11]) + int(fields[12])
                except (OSError, IndexError):
                    continue
            samples.append((time.perf_counter() - started, runnable, sum(seen.values()),
                            sum(role == "kernel" for role in roles.values())))
            time.sleep(TICK_S)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    assert process.stdout is not None
    for line in process.stdout:
        for part in line.split("\r"):
            if part.strip() and "%|" not in part:
                lines.append((time.perf_counter() - started, part.strip()[:90]))
    process.wait()
    stop.set()
    thread.join()
    return samples, sorted(lines + notebook_marks(since))


def notebook_marks(since: float) -> list[tuple[float, str]]:
    """Return when each stage notebook ended and the first report began, in seconds from the
    command's start (papermill's times in the executed notebooks written since then)."""
    import json
    from datetime import datetime

    def seconds(stamp: str | None) -> float | None:
        return datetime.fromisoformat(stamp).timestamp() - since if stamp else None

    marks, first = [], None
    for path in (ROOT / "reports" / "executed").rglob("*.ipynb"):
        if path.stat().st_mtime < since:
            continue
        run = json.loads(path.read_text(encoding="utf-8")).get("metadata", {}).get("papermill", {})
        if path.parent.name == "executed" and seconds(run.get("end_time")) is not None:
            marks.append((seconds(run["end_time"]), f"stage {path.stem} ends"))
        elif seconds(run.get("start_time")) is not None:
            begun = seconds(run["start_time"])
            first = begun if first is None else min(first, begun)
    return marks + ([(first, "the first report begins")] if first is not None else [])


def summary(samples: list[tuple[float, int, int, int]], lines: list[tuple[float, str]],
            cores: int) -> str:
    """Return the timeline as markdown: per phase, wall, CPU and core-seconds left idle."""
    hz = os.sysconf("SC_CLK_TCK")
    marks = [(0.0, "start")] + lines
    out = [f"Timeline of one build on {cores} cores, load {os.getloadavg()[0]:.1f} at the end "
           f"({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}). Idle: core-seconds in which "
           "fewer of the build's processes could run than there are cores.", "",
           "| until (s) | phase ends with | wall (s) | CPU (s) | idle core-s | mean runnable |",
           "|---:|---|---:|---:|---:|---:|"]
    totals = [0.0, 0.0]
    for (begin, _), (end, label) in zip(marks, marks[1:] + [(samples[-1][0], "end")],
                                        strict=True):
        part = [s for s in samples if begin <= s[0] < end]
        if not part:
            continue
        before = [s for s in samples if s[0] < begin]
        cpu = (part[-1][2] - (before[-1][2] if before else 0)) / hz
        idle = sum(max(0, cores - s[1]) for s in part) * TICK_S
        mean = sum(s[1] for s in part) / len(part)
        totals[0] += cpu
        totals[1] += idle
        out.append(f"| {end:.1f} | {label.replace('|', '/')} | {end - begin:.1f} | {cpu:.1f} | "
                   f"{idle:.1f} | {mean:.2f} |")
    out.append(f"| {samples[-1][0]:.1f} | **total** | {samples[-1][0]:.1f} | {totals[0]:.1f} | "
               f"{totals[1]:.1f} | |")
    strip = "".join(str(min(9, round(sum(s[1] for s in samples[i:i + 10]) / 10)))
                    for i in range(0, len(samples), 10))
    out += ["", "Runnable processes, one digit a second:", "", "```", *(
        strip[i:i + 100] for i in range(0, len(strip), 100)), "```"]
    return "\n".join(out) + "\n"


def main() -> int:
    """Record one build and write its timeline."""
    command = [str(BIN / "dti"), *(sys.argv[1:] or ["--no-cache", "build"])]
    samples, lines = record(command)
    text = summary(samples, lines, os.cpu_count() or 1)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "timeline.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
