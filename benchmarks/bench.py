"""Benchmark the build: cold, baseline loop, no-change rebuild, helper change, one report.

Run with ``make bench``. Measures wall time, CPU time and peak memory of every process a step
starts (sampled from /proc every 0.2 s: CPU as the larger of the sampled user+system time and
the reaped children's rusage; memory as the summed resident size), and the HTML sizes.
Writes benchmarks/results/bench.json and bench.md, and prints the table. Each step records the
machine's load average as it starts: on a shared machine the wall times mean little when it is
well above the number of cores, and the CPU times are the figures to compare.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
RESULTS = ROOT / "benchmarks" / "results"
#: The fixed sample: provinces and units, both languages (12 reports).
SAMPLE = [("province", "27", "bac-ninh", 63), ("province", "10", "lao-cai", 63),
          ("province", "01", "ha-noi", 63), ("unit", "U27", "bac-ninh", 34),
          ("unit", "U48", "da-nang", 34), ("unit", "U46", "hue", 34)]
REPORT_HELPER = ROOT / "src" / "helpers" / "report" / "narrative.py"
SETTLE_S = 2.0
ONE_REPORT_RUNS = 3


def _descendants(pid: int) -> list[int]:
    """Return the pids of pid and every process below it (from /proc/*/task/*/children)."""
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        for children in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                todo.extend(int(c) for c in children.read_text().split())
            except OSError:
                continue
    return out


def _cpu_ticks(pids: list[int], seen: dict[int, int]) -> None:
    """Record the CPU ticks (user + system) each process has used so far."""
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            seen[pid] = max(seen.get(pid, 0), int(fields[11]) + int(fields[12]))
        except (OSError, IndexError, ValueError):
            continue


def _rss_mb(pids: list[int]) -> float:
    """Return the summed resident memory of some processes, in MB."""
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def measure(label: str, command: list[list[str]] | list[str]) -> dict:
    """Run one or several commands in sequence; return wall, CPU and peak memory."""
    commands = command if command and isinstance(command[0], list) else [command]
    time.sleep(SETTLE_S)  # let kernels of the previous step exit before measuring this one
    load = os.getloadavg()[0]  # other users of the machine: wall times mean little when high
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = 0.0
    ticks: dict[int, int] = {}
    wall = 0.0
    for cmd in commands:
        started = time.perf_counter()
        process = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True)
        stop = threading.Event()

        def sample(pid: int = process.pid, stop: threading.Event = stop) -> None:
            nonlocal peak
            while not stop.is_set():
                tree = _descendants(pid)
                peak = max(peak, _rss_mb(tree))
                _cpu_ticks(tree, ticks)
                stop.wait(0.2)

        thread = threading.Thread(target=sample, daemon=True)
        thread.start()
        _, err = process.communicate()
        wall += time.perf_counter() - started  # the command's end, not the sampler's next tick
        stop.set()
        thread.join()
        if process.returncode != 0:
            raise SystemExit(f"{label}: {' '.join(cmd)} failed:\n{err[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    reaped = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    sampled = sum(ticks.values()) / os.sysconf("SC_CLK_TCK")
    cpu = max(reaped, sampled)  # kernels left to exit on their own are not reaped by us
    print(f"  {label}: {wall:.1f} s wall, {cpu:.1f} s CPU, {peak:.0f} MB peak (load {load:.1f})",
          flush=True)
    return {"step": label, "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
            "peak_mb": round(peak, 1), "load": round(load, 1)}


def clean() -> None:
    """Remove every generated table and report."""
    for path in (ROOT / "data" / "processed").iterdir():
        if path.name != ".gitkeep":
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    shutil.rmtree(ROOT / "reports", ignore_errors=True)


def baseline_commands(out: Path) -> list[list[str]]:
    """A plain serial loop: papermill CLI, then jupyter nbconvert --no-input, per report."""
    notebook = ROOT / "notebooks" / "30-province-report.ipynb"
    commands = []
    for _, code, _slug, basis in SAMPLE:
        for lang in ("en", "vi"):
            executed = out / f"{code}.{lang}.ipynb"
            commands.append([str(BIN / "papermill"), str(notebook), str(executed),
                             "-r", "province", code, "-r", "lang", lang, "-p", "basis",
                             str(basis), "--cwd", str(ROOT / "notebooks"),
                             "--kernel", "python3", "--no-progress-bar"])
            commands.append([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input",
                             str(executed), "--output-dir", str(out)])
    return commands


def sample_command(out: Path) -> list[str]:
    """The project's own build of the same sample, from a clean cache, into out."""
    code = ("import sys; from pathlib import Path; from helpers import processed\n"
            "from helpers.build import pipeline\n"
            "jobs = [j for j in pipeline.report_jobs(processed.latest_year("
            "processed.rankings())) if (j.geography, j.code) in "
            f"{[(g, c) for g, c, _, _ in SAMPLE]!r}]\n"
            "pipeline.build_reports(jobs, out_root=Path(sys.argv[1]), progress=False)\n")
    return [str(BIN / "python"), "-c", code, str(out)]


def html_sizes() -> dict:
    """Return the largest and median report size in KB."""
    sizes = [p.stat().st_size / 1024 for geography in ("province", "unit")
             for p in (ROOT / "reports" / geography).glob("*.html")]
    return {"reports": len(sizes), "max_kb": round(max(sizes), 1),
            "median_kb": round(statistics.median(sizes), 1)}


def main() -> int:
    """Run every step and write the results."""
    dti = str(BIN / "dti")
    rows = []
    print("benchmark (this machine:", os.cpu_count(), "cores)", flush=True)
    clean()
    rows.append(measure("full build", [dti, "build"]))
    sizes = html_sizes()
    rows.append(measure("no-change rebuild", [dti, "build"]))
    original = REPORT_HELPER.read_text(encoding="utf-8")
    try:
        REPORT_HELPER.write_text(original + "\n# benchmark: a change to a report helper\n",
                                 encoding="utf-8")
        rows.append(measure("rebuild after a report-helper change", [dti, "build"]))
    finally:
        REPORT_HELPER.write_text(original, encoding="utf-8")
    runs = [measure(f"one report (run {i + 1})", [dti, "--no-cache", "reports", "--only",
                                                  "Bắc Ninh", "--lang", "en"])
            for i in range(ONE_REPORT_RUNS)]
    median = sorted(runs, key=lambda r: r["wall_s"])[ONE_REPORT_RUNS // 2]
    rows.append({**median, "step": f"one report (median of {ONE_REPORT_RUNS}: "
                                   f"{', '.join(str(r['wall_s']) for r in runs)} s)"})
    with tempfile.TemporaryDirectory() as base, tempfile.TemporaryDirectory() as ours:
        baseline = measure(f"baseline: papermill + nbconvert loop, {len(SAMPLE) * 2} reports",
                           baseline_commands(Path(base)))
        project = measure(f"project build of the same {len(SAMPLE) * 2} reports",
                          sample_command(Path(ours)))
    rows += [baseline, project]
    subprocess.run([dti, "build"], cwd=ROOT, capture_output=True, check=False)  # restore
    speedup = baseline["wall_s"] / project["wall_s"]
    verdicts = {
        "full build <= 50 s": rows[0]["wall_s"] <= 50,
        "no-change rebuild <= 1 s": rows[1]["wall_s"] <= 1,
        "one report <= 2 s": rows[3]["wall_s"] <= 2,
        "sample >= 3x faster than the baseline": speedup >= 3,
        "peak memory <= 1 GB": max(r["peak_mb"] for r in rows) <= 1024,
        "every HTML <= 1 MB": sizes["max_kb"] <= 1024,
    }
    result = {"cores": os.cpu_count(), "steps": rows, "html": sizes,
              "speedup_vs_baseline": round(speedup, 2), "targets_met": verdicts,
              "measured_at": time.strftime("%Y-%m-%d %H:%M:%S %Z")}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "bench.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    lines = ["| step | wall (s) | CPU (s) | peak memory (MB) | load (1 min) |",
             "|---|---:|---:|---:|---:|"]
    lines += [f"| {r['step']} | {r['wall_s']} | {r['cpu_s']} | {r['peak_mb']} | {r['load']} |"
              for r in rows]
    lines += ["", f"Sample speed-up against the baseline loop: {speedup:.1f}x.",
              f"HTML: {sizes['reports']} reports, largest {sizes['max_kb']} KB, median "
              f"{sizes['median_kb']} KB.", "", "| target | met |", "|---|---|"]
    lines += [f"| {k} | {'yes' if v else 'NO'} |" for k, v in verdicts.items()]
    table = "\n".join(lines) + "\n"
    (RESULTS / "bench.md").write_text(table, encoding="utf-8")
    print("\n" + table)
    return 0 if all(verdicts.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
