"""``python -m helpers.press extract DIR`` (facts CSV on stdout) and ``evaluate DIR``."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from ..store import safe_cells
from .evaluate import evaluate, table
from .folder import extract_folder


def run(command: str, folder: Path, as_table: bool = False) -> int:
    """Run one press command on a folder; return the exit status."""
    if command == "evaluate":
        result = evaluate(folder)
        print(table(result) if as_table else json.dumps(result, ensure_ascii=False))
        return 0
    facts, errors = extract_folder(folder)
    safe_cells(facts.drop(columns="sentence")).to_csv(sys.stdout, index=False,
                                                      quoting=csv.QUOTE_MINIMAL)
    for error in errors:
        print(error, file=sys.stderr)
    return 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the press command's arguments to a parser."""
    parser.add_argument("command", choices=["extract", "evaluate"])
    parser.add_argument("folder", type=Path, help="articles (.txt) and manifest.csv")
    parser.add_argument("--table", action="store_true", help="evaluate: a per-type table")


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run one press command."""
    parser = argparse.ArgumentParser(prog="python -m helpers.press", description=__doc__)
    add_arguments(parser)
    args = parser.parse_args(argv)
    return run(args.command, args.folder, args.table)
