"""Command line: ``dti build``, ``run STAGE``, ``reports``, ``check``, ``resolve NAME``,
``press extract|evaluate DIR``."""

from __future__ import annotations

import argparse
import errno
import re
import sys
from pathlib import Path

from .. import config, params, provinces, sources, store
from . import pipeline, plan, recipes
from .stages import stage_inputs

#: How many problems the terminal shows; the full list goes to a file.
SHOWN = 10


def _problems(header: str, lines: list[str], full: Path | None = None, total: int = 0,
              elsewhere: str = "") -> None:
    """Print a header, the first problems and their count; write the full list to a file.

    total and elsewhere: the count and file of a list longer than the lines given (a
    DataValidationError lists its first problems and streams all of them to a file).
    """
    print(header, file=sys.stderr)
    for line in lines[:SHOWN]:
        print(f"  - {line.removeprefix('  - ')}", file=sys.stderr)
    total = max(total, len(lines))
    if total > SHOWN:
        more = f"  ... {total - SHOWN} more ({total} problems in all)"
        if elsewhere:
            more += f"; the full list is in {elsewhere}"
        elif full is not None:
            try:
                store.write_text_atomic(full, "\n".join(lines) + "\n")
                more += f"; the full list is in {full.relative_to(config.ROOT).as_posix()}"
            except OSError:
                pass
        print(more, file=sys.stderr)


def _raw_problems() -> list[str]:
    """Return the problems of data/raw: the register first, then the reference tables."""
    from .. import reference

    return sources.check() or [str(p) for p in reference.problems()]


def _check_register() -> bool:
    """Verify data/raw against the sources register; print the problems; tell if it fits."""
    found = _raw_problems()
    if found:
        _problems(f"dti check: {len(found)} problem(s) with data/raw; nothing was built:",
                  found, config.REPORTS_DIR / "problems.txt")
    return not found


def _notebooks(stages: list[str], reports: bool) -> dict[str, tuple[str, ...]]:
    """Return the notebooks a command runs, each with the parameters it is given."""
    wanted = {stage.notebook: () for name in stages for stage in plan.load().stages[name]}
    if reports:
        job = pipeline.ReportJob("province", "01", "ha-noi", "", "en", 0)
        wanted[pipeline.REPORT_NOTEBOOK] = tuple(job.parameters)
    return wanted


def _check_notebooks(stages: list[str], reports: bool) -> bool:
    """Refuse, one line each, notebooks that cannot be parameterized; tell if all can."""
    from . import nbcheck

    found = nbcheck.check(_notebooks(stages, reports))
    for problem in found:
        print(f"dti: {problem}; nothing was built", file=sys.stderr)
    return not found


def _run(args: argparse.Namespace) -> int:
    """Run the named stage(s) and report each notebook."""
    groups = plan.load().stages
    if args.stage != "all" and args.stage not in groups:
        print(f"dti run: no stage group {args.stage!r} in pipeline.yml; use all or "
              f"{', '.join(groups)}", file=sys.stderr)
        return 2
    stages = list(groups) if args.stage == "all" else [args.stage]
    if not _check_register() or not _check_notebooks(
            stages, reports=getattr(args, "func_reports", False)):
        return 1
    pipeline.start_ahead_of(stages, use_cache=not args.no_cache)  # boot while others run
    for stage in stages:
        if not _inputs_exist(f"`dti run {stage}`", stage_inputs(stage)):
            return 1
        for run in pipeline.run_stage(stage, use_cache=not args.no_cache):
            mark = "cached" if run.cached else ("ok    " if run.ok else "FAIL  ")
            print(f"{mark} {stage}/{run.notebook} ({run.seconds:.1f} s) -> {run.output}")
            if not run.ok:
                lines = (run.detail or run.error or "").splitlines()
                listed = [line for line in lines if line.startswith("  - ")]
                header = next((line for line in lines if line.strip()), "failed")
                full = run.output.with_name(f"{run.notebook}.problems.txt")
                count = re.search(r"(\d+) problems? in ", header)
                elsewhere = re.search(r"the full list is in (\S+)$", lines[-1] if lines else "")
                _problems(f"{stage}/{run.notebook} failed: {header}", listed or lines[1:], full,
                          int(count[1]) if count else 0, elsewhere[1] if elsewhere else "")
                return 1
    return 0


def _inputs_exist(what: str, patterns: tuple[str, ...]) -> bool:
    """Refuse in one line, naming the command that makes them, when input files are missing."""
    from .stages import missing_inputs

    missing = missing_inputs(what, patterns)
    if missing:
        print(f"dti: {missing}", file=sys.stderr)
    return not missing


def _reports(args: argparse.Namespace, checked: bool = False) -> int:
    """Build the province and unit reports and the index; non-zero if any report failed."""
    if not checked and (not _check_register() or not _check_notebooks([], reports=True)):
        return 1
    if not _inputs_exist("the reports", pipeline.required_inputs()):
        return 1
    from .. import processed

    ranked = processed.rankings()
    chosen = plan.load().report_set(args.set)
    only = args.only or (list(chosen.pages) if chosen.pages else None)
    langs = tuple(args.lang or chosen.languages)
    status = 0
    for wanted in [args.year] if args.year else chosen.years:
        year, root = _year_and_root(wanted, ranked)
        status |= _reports_of_year(args, year, root, only, langs)
    return status


def _reports_of_year(args: argparse.Namespace, year: int, root: Path, only: list[str] | None,
                     langs: tuple[str, ...]) -> int:
    """Build one year's reports of a set into root; print the outcome; 1 if any failed."""
    jobs = pipeline.report_jobs(year, langs, only)
    if args.shard:  # a part of the reports; `dti index` derives manifest and index afterwards
        jobs = pipeline.shard(jobs, args.shard)
    if only and len(jobs) == 1 and args.engine == "warm":
        pipeline.prestart_kernel()  # boots while this process checks the cache
    manifest = pipeline.build_reports(jobs, workers=args.workers or None, engine=args.engine,
                                      use_cache=not args.no_cache, site=args.shard is None,
                                      out_root=root)
    failed = manifest[manifest["status"] != "ok"]
    where = root.relative_to(config.ROOT).as_posix()
    print(f"{len(manifest) - len(failed)} of {len(manifest)} reports ok; index: "
          f"{root / 'index.html'}")
    for row in failed.itertuples():
        first = (str(row.error).splitlines() or [""])[0]
        print(f"FAILED {row.geography}/{row.slug}.{row.lang}: {first} "
              f"(partial notebook: {where}/{row.notebook})", file=sys.stderr)
    return 1 if len(failed) else 0


def _index(args: argparse.Namespace) -> int:
    """Derive manifest and index from the report pages on disk (after `reports --shard`)."""
    from .. import processed

    ranked = processed.rankings()
    year = params.year_of(args.year, ranked) or processed.latest_year(ranked)
    table = pipeline.write_site(year)
    stale = int((table["status"] == "stale").sum())
    print(f"{len(table)} pages listed ({stale} stale); index: {config.REPORTS_DIR / 'index.html'}")
    return 0


def _shard(text: str) -> str:
    """Check a --shard value ("i/n")."""
    try:
        pipeline.shard([], text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


def _press(args: argparse.Namespace) -> int:
    """Run a press command (imported only here: its patterns take 0.3 s to compile)."""
    from ..press import cli as press_cli
    from ..press.text import ArticleError

    try:
        return press_cli.run(args.command, args.folder, args.table)
    except ArticleError as error:  # a press folder without articles, manifest or labels
        print(f"dti: {error}", file=sys.stderr)
        return 1


def _year_and_root(value: int, ranked: object) -> tuple[int, Path]:
    """Return the report year and where its pages go: reports/ for the latest year only.

    An older year's pages (and their own index) go to reports/<year>/, so they never re-head
    the site's index or sit at the path of the latest year's page.
    """
    from .. import processed

    latest = processed.latest_year(ranked)
    year = params.year_of(value, ranked) or latest
    if year == latest:
        return year, config.REPORTS_DIR
    root = config.REPORTS_DIR / str(year)
    print(f"DTI {year} is not the latest assessment year ({latest}): its pages and their own "
          f"index go to {root.relative_to(config.ROOT).as_posix()}/; the site's index stays "
          f"on DTI {latest}")
    return year, root


def _build(args: argparse.Namespace) -> int:
    """Run every stage, then every report."""
    args.stage, args.func_reports = "all", True  # the report notebook is checked up front too
    plan.load().report_set(args.set)  # an unknown set is refused before any stage runs
    return _run(args) or _reports(args, checked=True)


def _check(_: argparse.Namespace) -> int:
    """Check the raw files against the sources register (and the reference tables)."""
    from . import nbcheck

    problems = plan.problems()
    if not problems:
        problems = _raw_problems() + nbcheck.check(
            _notebooks(list(plan.load().stages), reports=True))
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"{len(sources.register())} raw files registered, checksums match; "
              "every notebook can be parameterized")
    return 1 if problems else 0


def _resolve(args: argparse.Namespace) -> int:
    """Print the code a province name (or code, such as 01 or U27) resolves to."""
    code = params.resolve(args.name, year=args.year, basis=args.basis)
    print(code, provinces.display_name(code))
    return 0


def _site(folder: str, base_url: str, partial: bool = False) -> int:
    """Write the deployable site (helpers.build.site)."""
    from . import site

    return site.run(folder, base_url, partial)


def _plan(_: argparse.Namespace) -> int:
    """Print the plan as CONTRIBUTING.md shows it."""
    print(plan.docs_block(plan.load()))
    return 0


def _docs(_: argparse.Namespace) -> int:
    """Rewrite the documents' generated blocks: the plan, the table of data terms."""
    changed = plan.write_docs(config.ROOT / "CONTRIBUTING.md", plan.load())
    print(f"CONTRIBUTING.md: {'rewritten from' if changed else 'already matches'} pipeline.yml")
    print(recipes.write_terms())
    return 0


def _locked(func: object) -> object:
    """Wrap a command so it holds the checkout's build lock while it runs."""
    def run(args: argparse.Namespace) -> int:
        with store.build_lock(config.REPORTS_DIR):
            store.clear_temporaries([config.REPORTS_DIR, config.PROCESSED_DIR])  # an interrupt's
            return func(args)  # type: ignore[operator]
    return run


def _disk_message(error: OSError) -> str:
    """Return the one-line message for an output that cannot be written."""
    where = error.filename or config.REPORTS_DIR
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return (f"dti: no space left on the disk for {where} ({error.strerror}); free some space "
                "and run the command again; the previous pages, manifest and index are kept")
    hint = " (`chattr -i` if it is immutable)" if error.errno == errno.EPERM else ""
    return (f"dti: cannot write to {where} ({error.strerror}); make it writable{hint} and run "
            "the command again; nothing was replaced")


def dispatch(args: argparse.Namespace) -> int:
    """Run a parsed command; turn the expected failures into one line and an exit status."""
    from .workers import stop_on_interrupt

    try:
        with stop_on_interrupt():
            return int(args.func(args))
    except KeyboardInterrupt:
        print("dti: interrupted; pages already built are kept, the next build finishes the rest",
              file=sys.stderr)
        return 130
    except plan.PlanError as error:  # pipeline.yml malformed, or an unknown report set
        print(f"dti: {error}", file=sys.stderr)
        return 2
    except store.BuildLocked as error:
        print(f"dti: {error}", file=sys.stderr)
        return 75
    except (params.ParameterError, provinces.UnknownProvinceError) as error:
        print(f"dti: {error}", file=sys.stderr)
        return 2
    except FileNotFoundError as error:  # a missing file
        print(f"dti: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        if not store.is_disk_error(error):
            raise
        print(_disk_message(error), file=sys.stderr)
        return 1


def _report_options(parser: argparse.ArgumentParser) -> None:
    """Add the options of the report builder."""
    parser.add_argument("--only", nargs="+", help="names or codes (prefix 'unit:' for a unit)")
    parser.add_argument("--set", default=plan.DEFAULT_SET, metavar="NAME",
                        help="a report set of pipeline.yml (pages, languages, years); --only, "
                        "--lang and --year override its parts (default: site)")
    parser.add_argument("--lang", nargs="+", default=None, choices=["en", "vi"],
                        help="default: the set's languages")
    parser.add_argument("--year", type=int, default=0, help="default: the set's years")
    parser.add_argument("--workers", type=int, default=0, help="default: one per core")
    parser.add_argument("--engine", choices=["warm", "papermill"], default="warm",
                        help="warm kernels kept between reports, or one kernel per report")
    parser.add_argument("--shard", type=_shard, default=None, metavar="I/N",
                        help="build part I of N of the reports, no manifest or index (then "
                        "`dti index`)")


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run one command."""
    parser = argparse.ArgumentParser(prog="dti", description=__doc__)
    parser.add_argument("--no-cache", action="store_true", help="rebuild even what is fresh")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="every stage, every report and the index")
    _report_options(build)
    build.set_defaults(func=_locked(_build))
    run = commands.add_parser("run", help="execute stage notebooks with papermill")
    run.add_argument("stage", help="a group of stages of pipeline.yml (data, model, ...) or all")
    run.set_defaults(func=_locked(_run))
    reports = commands.add_parser("reports", help="build every report and the index")
    _report_options(reports)
    reports.set_defaults(func=_locked(_reports))
    index = commands.add_parser("index", help="manifest and index from the pages on disk")
    index.add_argument("--year", type=int, default=0)
    index.set_defaults(func=_locked(_index))
    commands.add_parser("check", help="verify data/raw against the sources register"
                        ).set_defaults(func=_check)
    resolve = commands.add_parser("resolve", help="resolve a province name to its code")
    resolve.add_argument("name", help="a name in any spelling, or a code (01, U27)")
    resolve.add_argument("--year", type=int)
    resolve.add_argument("--basis", type=int, choices=[63, 34])
    resolve.set_defaults(func=_resolve)
    site = commands.add_parser("site", help="the deployable site: reports/ less its working files")
    site.add_argument("folder", nargs="?", default="",
                      help="where to write the site (replaced); none: only list the pages of "
                      "the `site` set that are missing")
    site.add_argument("--partial", action="store_true",
                      help="write the site even if pages of the `site` set are missing")
    site.add_argument("--base-url", default="", help="public address (default: $DTI_SITE_URL); "
                      "adds sitemap.xml and canonical links")
    site.set_defaults(func=lambda a: _site(a.folder, a.base_url, a.partial))
    commands.add_parser("plan", help="the stages and report sets of pipeline.yml"
                        ).set_defaults(func=_plan)
    commands.add_parser("docs", help="rewrite the generated blocks of CONTRIBUTING.md "
                        "(pipeline.yml) and DATA-LICENSE.md (the sources register)"
                        ).set_defaults(func=_docs)
    press = commands.add_parser("press", help="facts from press articles: extract or evaluate DIR")
    press.add_argument("command", choices=["extract", "evaluate", "explain"])
    press.add_argument("folder", type=Path, help="extract, evaluate: articles (.txt) and "
                       "manifest.csv; explain: one article file")
    press.add_argument("--table", action="store_true", help="evaluate: a per-type table")
    press.set_defaults(func=_press)
    recipes.add_commands(commands, press)  # add-source, new-notebook, press accept
    args = parser.parse_args(argv)
    return dispatch(args)


if __name__ == "__main__":
    raise SystemExit(main())
