"""Profile where a report page's CPU time goes, phase by phase, on a fixed sample of pages.

Run ``.venv/bin/python benchmarks/profile_page.py [--pages N] [--cprofile OUT.prof]``.

Two views, both in CPU seconds (``time.process_time`` of this process and, for the kernel, the
kernel process's own CPU from /proc), so they mean the same on a busy shared machine:

- content: what the report notebook computes, in this process: ``report.build`` (the numbers)
  and each section's HTML, the figures apart;
- runner: one warm worker's cost per page: papermill + the warm engine (this process), the
  kernel's own work (its process), and the nbconvert export to the page.

The first page of each view is a warm-up (imports, caches) and is left out of the medians.
Writes benchmarks/results/profile.md (or --out).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
#: Provinces and units in both languages (the bench's sample, in the order pages are built).
SAMPLE = [("27", 63), ("10", 63), ("01", 63), ("U27", 34), ("U48", 34), ("U46", 34)]


def _kernel_cpu(pid: int | None) -> float:
    """Return a process's user + system CPU seconds so far (0 when unknown)."""
    if not pid:
        return 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def content(pages: list[tuple[str, int, str]], sizes: list[int] | None = None
            ) -> dict[str, list[float]]:
    """Return the CPU seconds of each content phase, one value per page (warm-up dropped);
    `sizes`, when given, receives each page's sections' HTML size in bytes."""
    from helpers.report import page

    phases: dict[str, list[float]] = defaultdict(list)
    for i, (code, basis, lang) in enumerate(pages):
        started = time.process_time()
        ctx = page.build(code, None, lang, basis)
        spent = {"build (numbers)": time.process_time() - started}
        size = 0
        for name in page.SECTIONS:
            started = time.process_time()
            size += len(page.section_html(ctx, name).encode())
            key = f"figure+section {name}" if name in page.FIGURES else "sections without figure"
            spent[key] = spent.get(key, 0.0) + time.process_time() - started
        if i:  # the first page pays the imports and first-use caches
            for key, value in spent.items():
                phases[key].append(value)
            if sizes is not None:
                sizes.append(size)
    return phases


def runner(pages: list[tuple[str, int, str]]) -> dict[str, list[float]]:
    """Return the CPU seconds of each runner phase, one value per page (warm-up dropped)."""
    from helpers import processed
    from helpers.build import pipeline, publish, workers

    year = processed.latest_year(processed.rankings())
    jobs = {(j.code, j.lang): j for j in pipeline.report_jobs(year)}
    phases: dict[str, list[float]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as folder:
        for i, (code, _basis, lang) in enumerate(pages):
            job = jobs[(code, lang)]
            partial = Path(folder) / f"{code}.{lang}.ipynb"
            kernel_pid = workers.warm_kernel().pid()
            k0, t0 = _kernel_cpu(kernel_pid), time.process_time()
            pipeline._execute(job, partial, "warm")
            t1, k1 = time.process_time(), _kernel_cpu(kernel_pid)
            publish.notebook_html(partial, lang, "t", job.slug, build_key="k")
            t2 = time.process_time()
            if i:
                phases["papermill + engine (worker)"].append(t1 - t0)
                phases["kernel (its process)"].append(k1 - k0)
                phases["export to page (worker)"].append(t2 - t1)
    return phases


def table(title: str, phases: dict[str, list[float]]) -> list[str]:
    """Return a markdown table of median CPU seconds per page for each phase."""
    lines = [f"### {title}", "", "| phase | median CPU s / page |", "|---|---:|"]
    total = 0.0
    for key, values in phases.items():
        median = statistics.median(values)
        total += median
        lines.append(f"| {key} | {median:.3f} |")
    lines += [f"| **sum** | **{total:.3f}** |", ""]
    return lines


def main() -> int:
    """Profile a sample of pages and write the table (and a cProfile dump when asked)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=12, help="pages per view (default 12)")
    parser.add_argument("--cprofile", help="write a cProfile dump of the content view here")
    parser.add_argument("--only", choices=("content", "runner"), help="one view only")
    parser.add_argument("--out", default=str(RESULTS / "profile.md"),
                        help="where to write the tables (default benchmarks/results/profile.md)")
    args = parser.parse_args()
    pages = [(code, basis, lang) for code, basis in SAMPLE for lang in ("en", "vi")]
    pages = (pages * (args.pages // len(pages) + 2))[:args.pages + 1]
    lines = [f"Profile of {args.pages} pages (after one warm-up page), load "
             f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores, "
             f"{time.strftime('%Y-%m-%d %H:%M %Z')}.", ""]
    if args.only != "runner":
        profiler = cProfile.Profile() if args.cprofile else None
        if profiler:
            profiler.enable()
        sizes: list[int] = []
        lines += table("content (what the notebook computes)", content(pages, sizes))
        lines += [f"Sections' HTML a page (figures embedded), median: "
                  f"{statistics.median(sizes) / 1000:.0f} KB.", ""]
        if profiler:
            profiler.disable()
            profiler.dump_stats(args.cprofile)
    if args.only != "content":
        lines += table("runner (one warm worker)", runner(pages))
    text = "\n".join(lines)
    print(text)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
