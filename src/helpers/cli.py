"""Command line: ``dti run data``, ``dti check``, ``dti resolve NAME``."""

from __future__ import annotations

import argparse
import sys

from . import pipeline, provinces, sources


def _run(args: argparse.Namespace) -> int:
    """Run the named stage(s) and report each notebook."""
    stages = list(pipeline.STAGES) if args.stage == "all" else [args.stage]
    status = 0
    for stage in stages:
        for run in pipeline.run_stage(stage):
            mark = "ok  " if run.ok else "FAIL"
            print(f"{mark} {stage}/{run.notebook} ({run.seconds:.1f} s) -> {run.output}")
            if not run.ok:
                print(run.error, file=sys.stderr)
                status = 1
        if status:
            break
    return status


def _reports(args: argparse.Namespace) -> int:
    """Build the province and unit reports and the index; non-zero if any report failed."""
    from . import report

    year = args.year or report.latest_complete_year(report.tables().rankings)
    try:
        jobs = pipeline.report_jobs(year, tuple(args.lang), args.only)
    except provinces.UnknownProvinceError as error:
        print(error, file=sys.stderr)
        return 2
    manifest = pipeline.build_reports(jobs, workers=args.workers)
    failed = manifest[manifest["status"] != "ok"]
    print(f"{len(manifest) - len(failed)} of {len(manifest)} reports built; index: "
          f"{pipeline.config.REPORTS_DIR / 'index.html'}")
    for row in failed.itertuples():
        print(f"FAILED {row.geography}/{row.slug}.{row.lang}: {row.error.splitlines()[-1]} "
              f"(partial notebook: reports/{row.notebook})", file=sys.stderr)
    return 1 if len(failed) else 0


def _check(_: argparse.Namespace) -> int:
    """Check the raw files against the sources register."""
    problems = sources.check()
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"{len(sources.register())} raw files registered, checksums match")
    return 1 if problems else 0


def _resolve(args: argparse.Namespace) -> int:
    """Print the code a province name resolves to."""
    try:
        code = provinces.resolve(args.name, year=args.year, basis=args.basis)
    except provinces.UnknownProvinceError as error:
        print(error, file=sys.stderr)
        return 1
    print(code, provinces.display_name(code))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run one command."""
    parser = argparse.ArgumentParser(prog="dti", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="execute stage notebooks with papermill")
    run.add_argument("stage", choices=[*pipeline.STAGES, "all"])
    run.set_defaults(func=_run)
    reports = commands.add_parser("reports", help="build every report and the index")
    reports.add_argument("--only", nargs="*", help="names or codes (prefix 'unit:' for a unit)")
    reports.add_argument("--lang", nargs="*", default=["en", "vi"], choices=["en", "vi"])
    reports.add_argument("--year", type=int, default=0)
    reports.add_argument("--workers", type=int, default=0)
    reports.set_defaults(func=_reports)
    commands.add_parser("check", help="verify data/raw against the sources register"
                        ).set_defaults(func=_check)
    resolve = commands.add_parser("resolve", help="resolve a province name to its code")
    resolve.add_argument("name")
    resolve.add_argument("--year", type=int)
    resolve.add_argument("--basis", type=int, choices=[63, 34])
    resolve.set_defaults(func=_resolve)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
