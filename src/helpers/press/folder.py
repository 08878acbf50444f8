"""A folder of articles: the manifest, the texts, and the facts of all of them as a table."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

import pandas as pd

from .. import provinces
from ..raw import read_csv_text
from ..vntext import nfc
from .extract import extract
from .facts import COLUMNS, Article, Fact
from .text import ArticleError, clean_text


def read_manifest(folder: Path) -> pd.DataFrame:
    """Read DIR/manifest.csv (file, province, published, source_hint); province may be empty."""
    path = Path(folder) / "manifest.csv"
    if not path.exists():
        raise ArticleError(f"{path}: no manifest.csv; list each article (file, province, "
                           "published), province empty for a national article")
    problems: list = []
    frame = read_csv_text(path, ["file", "province"], problems)  # encoding, shape, columns
    if problems:
        raise ArticleError("; ".join(str(p) for p in problems[:5])
                           + (f" ({len(problems)} problems in all)" if len(problems) > 5 else ""))
    return frame.reset_index(drop=True)


def load_articles(folder: Path) -> tuple[list[Article], list[str]]:
    """Read every article in a manifest; return the articles and one message per failure."""
    folder = Path(folder)
    articles, errors = [], []
    for number, row in enumerate(read_manifest(folder).itertuples(index=False), start=2):
        name = row.file
        try:
            if row.province.strip():
                provinces.resolve(row.province)
            path = folder / name
            if not path.exists():
                raise ArticleError(f"{name}: listed in the manifest but not found in {folder}")
            text = clean_text(path.read_bytes(), name)
            if not text:
                raise ArticleError(f"{name}: empty after removing markup; nothing to read")
        except provinces.UnknownProvinceError as error:
            errors.append(f"{name}: manifest province ({folder / 'manifest.csv'} row {number}, "
                          f"column province): {error}; fix the name or leave it empty for a "
                          "national article")
            continue
        except ArticleError as error:
            errors.append(str(error))
            continue
        source = getattr(row, "source_hint", "") or getattr(row, "source", "") or ""
        articles.append(Article(name, nfc(row.province), getattr(row, "published", "") or "",
                                source, text))
    return articles, errors


def extract_folder(folder: Path) -> tuple[pd.DataFrame, list[str]]:
    """Extract facts from every article of a folder; return them and the per-article errors."""
    articles, errors = load_articles(folder)
    facts: list[Fact] = []
    for article in articles:
        try:
            facts.extend(extract(article))
        except Exception as error:  # one article failing never stops the others
            errors.append(f"{article.article_id}: extraction failed: {error!r}")
    return facts_frame(facts), errors


def facts_frame(facts: Iterable[Fact]) -> pd.DataFrame:
    """Return facts as a table in the schema of LABELING.md, plus provenance columns."""
    rows = [{k: v for k, v in asdict(f).items() if k in COLUMNS} for f in facts]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["year"] = frame["year"].astype("Int64")
    for column in ("value", "target", "denominator"):
        frame[column] = frame[column].astype(float)
    return frame
