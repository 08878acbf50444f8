"""Command line: ``dti build``, ``run STAGE``, ``reports``, ``check``, ``resolve NAME``,
``press extract|evaluate DIR``."""

from __future__ import annotations

import argparse
import sys

from . import pipeline, provinces, sources
from .press import cli as press_cli


def _run(args: argparse.Namespace) -> int:
    """Run the named stage(s) and report each notebook."""
    stages = list(pipeline.STAGES) if args.stage == "all" else [args.stage]
    for stage in stages:
        for run in pipeline.run_stage(stage, use_cache=not args.no_cache):
            mark = "cached" if run.cached else ("ok    " if run.ok else "FAIL  ")
            print(f"{mark} {stage}/{run.notebook} ({run.seconds:.1f} s) -> {run.output}")
            if not run.ok:
                print(run.error, file=sys.stderr)
                return 1
    return 0


def _reports(args: argparse.Namespace) -> int:
    """Build the province and unit reports and the index; non-zero if any report failed."""
    if args.only and len(args.only) == 1 and len(args.lang) == 1 and args.engine == "warm":
        pipeline.prestart_kernel()  # boots while this process reads the tables
    from . import processed

    year = args.year or processed.latest_complete_year(processed.rankings())
    try:
        jobs = pipeline.report_jobs(year, tuple(args.lang), args.only)
    except provinces.UnknownProvinceError as error:
        print(error, file=sys.stderr)
        return 2
    manifest = pipeline.build_reports(jobs, workers=args.workers or None, engine=args.engine,
                                      use_cache=not args.no_cache)
    failed = manifest[manifest["status"] != "ok"]
    print(f"{len(manifest) - len(failed)} of {len(manifest)} reports ok; index: "
          f"{pipeline.config.REPORTS_DIR / 'index.html'}")
    for row in failed.itertuples():
        print(f"FAILED {row.geography}/{row.slug}.{row.lang}: {row.error.splitlines()[-1]} "
              f"(partial notebook: reports/{row.notebook})", file=sys.stderr)
    return 1 if len(failed) else 0


def _build(args: argparse.Namespace) -> int:
    """Run every stage, then every report."""
    args.stage = "all"
    return _run(args) or _reports(args)


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


def _report_options(parser: argparse.ArgumentParser) -> None:
    """Add the options of the report builder."""
    parser.add_argument("--only", nargs="*", help="names or codes (prefix 'unit:' for a unit)")
    parser.add_argument("--lang", nargs="*", default=["en", "vi"], choices=["en", "vi"])
    parser.add_argument("--year", type=int, default=0)
    parser.add_argument("--workers", type=int, default=0, help="default: one per core")
    parser.add_argument("--engine", choices=["warm", "papermill"], default="warm",
                        help="warm kernels kept between reports, or one kernel per report")


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run one command."""
    parser = argparse.ArgumentParser(prog="dti", description=__doc__)
    parser.add_argument("--no-cache", action="store_true", help="rebuild even what is fresh")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="every stage, every report and the index")
    _report_options(build)
    build.set_defaults(func=_build)
    run = commands.add_parser("run", help="execute stage notebooks with papermill")
    run.add_argument("stage", choices=[*pipeline.STAGES, "all"])
    run.set_defaults(func=_run)
    reports = commands.add_parser("reports", help="build every report and the index")
    _report_options(reports)
    reports.set_defaults(func=_reports)
    commands.add_parser("check", help="verify data/raw against the sources register"
                        ).set_defaults(func=_check)
    resolve = commands.add_parser("resolve", help="resolve a province name to its code")
    resolve.add_argument("name")
    resolve.add_argument("--year", type=int)
    resolve.add_argument("--basis", type=int, choices=[63, 34])
    resolve.set_defaults(func=_resolve)
    press = commands.add_parser("press", help="facts from press articles: extract or evaluate DIR")
    press_cli.add_arguments(press)
    press.set_defaults(func=lambda a: press_cli.run(a.command, a.folder, a.table))
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
