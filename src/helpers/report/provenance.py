"""Where a report's figures come from: sources, web pages, code version, citation, download."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache

import pandas as pd

from .. import config, gitinfo, vocab

#: Kinds of source every report rests on (the score tables, the reference tables of provinces
#: and units), as the register's "kind" column names them: no file is named here.
ALWAYS_KINDS = ("dti_scores", "reference")
#: The licences' page inside the site (reports/licence.html, a copy of LICENSE and
#: DATA-LICENSE.md), as linked from a report (reports/<geography>/x.html).
LICENCES = {"code": "../licence.html#code", "data": "../licence.html#data"}


def download_name(slug: str) -> str:
    """Return the file name of a report's data download, written beside the page."""
    return f"{slug}.csv"


def method(register: pd.DataFrame, rows: pd.DataFrame, *, is_unit: bool, has_model: bool,
           has_press: bool, lang: str, slug: str, name: str, year: int,
           extra: tuple | list = ()) -> dict:
    """Return the sources behind the report's figures, the code version and a citation."""
    used = set(rows["source_id"].dropna()) | always(register)
    if has_model and not is_unit:
        used |= {"nso_indicators", "governance_indices"}
    if has_press:
        used.add("press_reviewed_facts")
    used |= set(extra)  # e.g. the sources of the province's targets
    chosen = register[register["source_id"].isin(used)]
    listed = []
    for s in chosen.itertuples():
        title, licence, shown_in = vocab.source_words(s.source_id, s.title,
                                                      getattr(s, "licence", ""), lang)
        listed.append({"source_id": s.source_id, "title": title, "retrieved": s.retrieved,
                       "kind": vocab.source_kind_name(s.source_id, lang), "licence": licence,
                       "title_lang": shown_in})
    built = datetime.now(UTC)
    commit, commit_date = gitinfo.commit(), gitinfo.commit_date()
    return {"sources": listed, "links": source_links(rows), "commit": commit,
            "commit_date": commit_date, "built": built.strftime("%Y-%m-%d %H:%M UTC"),
            "download": download_name(slug),
            "licences": LICENCES,
            "citation": citation(name, year, lang, commit, commit_date or built.date().isoformat())}


def always(register: pd.DataFrame) -> set[str]:
    """Return the source ids of the register's kinds every report rests on."""
    if "kind" not in register.columns:
        return set()
    return set(register.loc[register["kind"].isin(ALWAYS_KINDS), "source_id"])


def citation(name: str, year: int, lang: str, commit: str, date: str) -> str:
    """Return the suggested citation of a report, with the code version and date."""
    if lang == "vi":
        return (f"Chỉ số chuyển đổi số cấp tỉnh của Việt Nam: báo cáo {name}, DTI {year}. "
                f"Phiên bản mã {commit} ({date}).")
    return (f"Vietnam provincial Digital Transformation Index reports: {name}, DTI {year}. "
            f"Code version {commit} ({date}).")


@cache
def _raw_source_column(relative: str) -> tuple[str, ...]:
    """Return the 'source' column of a raw file (row 1 first), or nothing if it has none."""
    path = config.ROOT / relative
    if not path.exists():
        return ()
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    return tuple(frame["source"]) if "source" in frame.columns else ()


def source_links(rows: pd.DataFrame, limit: int = 30) -> list[dict]:
    """Return the web addresses of the raw rows behind a province's figures (deduplicated)."""
    links: dict[str, str] = {}
    for refs in rows["source_ref"].dropna():
        for ref in str(refs).split("; "):
            relative, _, number = ref.rpartition(":")
            column = _raw_source_column(relative)
            if not number.isdigit() or not 0 < int(number) <= len(column):
                continue
            url = column[int(number) - 1].split()[0] if column[int(number) - 1] else ""
            if url.startswith(("http://", "https://")) and url not in links:
                links[url] = url.split("/")[2]
    return [{"url": u, "host": h} for u, h in list(links.items())[:limit]]


def download_rows(ranked: pd.DataFrame, code: str) -> pd.DataFrame:
    """Return the clean rows a report's download holds (a unit's with its predecessors')."""
    from .. import provinces

    codes = [code, *provinces.predecessors(code)] if code.startswith("U") else [code]
    part = ranked[ranked["province_code"].isin(codes)]
    return part.sort_values(["basis", "province_code", "year", "measure_type", "measure"])
