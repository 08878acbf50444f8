"""``python -m helpers.press extract DIR`` (facts CSV on stdout), ``evaluate DIR``, ``explain
FILE`` (an article's facts, each with how its year and subject were resolved) and ``ablate DIR``
(the true positives each mechanism resolves, switching it off in turn), ``review DIR`` (the
labelled facts the extractor also finds, described, for ``dti press accept --review``)."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from ..store import safe_cells
from .ablate import ablate, ablation_table
from .evaluate import evaluate, table
from .extract import extract
from .facts import Article, Fact
from .folder import extract_folder, load_articles
from .review import review
from .text import ArticleError, clean_text


def run(command: str, folder: Path, as_table: bool = False, scorer: Path | None = None) -> int:
    """Run one press command on a folder; return the exit status."""
    if command == "explain":
        print(explain(folder))
        return 0
    if command == "ablate":
        print(ablation_table(ablate(folder, scorer)))
        return 0
    if command == "review":
        reviewed, left_out = review(folder, scorer)
        safe_cells(reviewed).to_csv(sys.stdout, index=False, lineterminator="\n")
        print(f"{len(reviewed)} labelled facts the extractor also finds (left out: "
              f"{'; '.join(left_out)}); keep them with `dti press accept {folder} --review "
              "FILE`", file=sys.stderr)
        return 0
    if command == "evaluate":
        result = evaluate(folder, scorer)
        print(table(result) if as_table else json.dumps(result, ensure_ascii=False))
        return 0
    facts, errors = extract_folder(folder)
    safe_cells(facts.drop(columns="sentence")).to_csv(sys.stdout, index=False,
                                                      quoting=csv.QUOTE_MINIMAL)
    for error in errors:
        print(error, file=sys.stderr)
    return 0


def article_for(path: Path) -> Article:
    """Return the article at path, with its manifest row when its folder has one."""
    path = Path(path)
    if not path.is_file():
        raise ArticleError(f"{path}: no such article file")
    if (path.parent / "manifest.csv").exists():
        articles, _ = load_articles(path.parent)
        for article in articles:
            if article.article_id == path.name:
                return article
    return Article(path.name, "", "", "", clean_text(path.read_bytes(), path.name))


def explain(path: Path) -> str:
    """Return an article's facts, each with its sentence and why its year and subject."""
    article = article_for(path)
    facts = extract(article)
    lines = [f"{article.article_id}: home {article.province or '(national)'}, published "
             f"{article.published or '(not printed)'}; {len(facts)} facts"]
    for number, fact in enumerate(facts, start=1):
        lines += ["", f"{number:3d}. {describe(fact)}",
                  f"     year {fact.year or '-'}: {fact.year_basis or 'none printed'}; "
                  f"subject {fact.province}: {fact.subject_basis}",
                  f"     {marked(article.text, fact)}"]
    return "\n".join(lines)


def describe(fact: Fact) -> str:
    """Return one fact in the labelling schema's terms, on one line."""
    numbers = "/".join("-" if x is None else f"{x:g}" for x in (fact.value, fact.target,
                                                                 fact.denominator))
    return (f"{fact.fact_type} {fact.pillar or '-'} | {fact.province} | {fact.year or '-'} | "
            f"value/target/den {numbers} {fact.unit}" + (f" | {fact.tag}" if fact.tag else ""))


def marked(text: str, fact: Fact, width: int = 90) -> str:
    """Return the words around a fact's span with the span in brackets."""
    left = " ".join(text[max(0, fact.start - width):fact.start].split())
    right = " ".join(text[fact.end:fact.end + width].split())
    return f"…{left} [{' '.join(text[fact.start:fact.end].split())}] {right}…"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the press command's arguments to a parser."""
    parser.add_argument("command", choices=["extract", "evaluate", "explain", "ablate",
                                            "review"])
    parser.add_argument("folder", type=Path,
                        help="extract, evaluate, ablate, review: articles (.txt) and "
                             "manifest.csv (and expected_facts.csv to score); explain: one article")
    parser.add_argument("--table", action="store_true", help="evaluate: a per-type table")
    parser.add_argument("--scorer", type=Path, default=None,
                        help="evaluate, ablate, review: the shared score.py "
                             "(default ../shared/press)")


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run one press command."""
    parser = argparse.ArgumentParser(prog="python -m helpers.press", description=__doc__)
    add_arguments(parser)
    args = parser.parse_args(argv)
    return run(args.command, args.folder, args.table, args.scorer)
