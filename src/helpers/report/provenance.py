"""Where a report's figures come from: sources, web pages, code version, citation, download."""

from __future__ import annotations

import re
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
    date = commit_date or built.date().isoformat()
    return {"sources": listed, "links": source_links(rows), "commit": commit,
            "commit_date": commit_date, "built": built.strftime("%Y-%m-%d %H:%M UTC"),
            "download": download_name(slug),
            "licences": LICENCES,
            "citation": citation(name, year, lang, commit, date),
            "cite_authors": cited()["authors"],  # shown in English on both languages' pages
            "bibtex": bibtex(name, year, slug, commit, date, built.date().isoformat())}


def always(register: pd.DataFrame) -> set[str]:
    """Return the source ids of the register's kinds every report rests on."""
    if "kind" not in register.columns:
        return set()
    return set(register.loc[register["kind"].isin(ALWAYS_KINDS), "source_id"])


@cache
def cited() -> dict[str, str]:
    """Return the authors, version and repository address CITATION.cff gives (defaults if none)."""
    import yaml

    path = config.ROOT / "CITATION.cff"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    names = [a.get("name") or f"{a.get('family-names', '')}, {a.get('given-names', '')}"
             for a in data.get("authors", [])]
    authors = "; ".join(names) or "The DTI research notebooks contributors"
    return {"authors": authors, "version": str(data.get("version", "")),
            "url": str(data.get("repository-code", "") or data.get("url", ""))}


def citation(name: str, year: int, lang: str, commit: str, date: str) -> str:
    """Return the suggested citation of a report (APA-like): authors, date, title, version."""
    who, version = cited()["authors"], cited()["version"]
    url = f" {cited()['url']}" if cited()["url"] else ""
    if lang == "vi":
        return (f"{who} ({date[:4]}). Chỉ số chuyển đổi số cấp tỉnh của Việt Nam: báo cáo "
                f"{name}, DTI {year} (phiên bản {version}, mã {commit}, {date}).{url}")
    return (f"{who} ({date[:4]}). Vietnam provincial Digital Transformation Index reports: "
            f"{name}, DTI {year} (version {version}, code {commit}, {date}).{url}")


def bibtex(name: str, year: int, slug: str, commit: str, date: str, built: str) -> str:
    """Return the report's citation as a BibTeX entry (the date it was built as its access date)."""
    info = cited()
    fields = {"author": f"{{{info['authors']}}}",
              "title": f"Vietnam provincial Digital Transformation Index reports: {name}, "
                       f"DTI {year}",
              "year": date[:4], "version": f"{info['version']} ({commit})",
              "url": info["url"], "urldate": built, "note": f"Code version {commit} of {date}"}
    body = ",\n".join(f"  {key} = {{{value}}}" for key, value in fields.items() if value)
    return f"@misc{{dti-{slug}-{year},\n{body}\n}}"


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
    years = rows["year"] if "year" in rows else pd.Series("", index=rows.index)
    for refs, year in zip(rows["source_ref"], years, strict=True):
        if pd.isna(refs):
            continue
        for ref in str(refs).split("; "):
            relative, _, number = ref.rpartition(":")
            column = _raw_source_column(relative)
            if not number.isdigit() or not 0 < int(number) <= len(column):
                continue
            text = column[int(number) - 1]
            for url in [text.split()[0] if text else "", *ministry_pages(text, year)]:
                if url.startswith(("http://", "https://")) and url not in links:
                    links[url] = url.split("/")[2]
    ordered = sorted(links.items(), key=lambda item: item[1] != "dti.gov.vn")  # ministry first
    return [{"url": u, "host": h} for u, h in ordered[:limit]]


def ministry_pages(text: str, year: object) -> list[str]:
    """Return the ministry's ranking pages of a year (dti.gov.vn/xep-hang-<year>...) a source names.

    A source may list them after one host: "dti.gov.vn/xep-hang-2022, xep-hang-2023-all".
    """
    pages = re.findall(r"\b(xep-hang-[\w-]+)", text) if "dti.gov.vn/xep-hang-" in text else []
    return [f"https://dti.gov.vn/{page}" for page in dict.fromkeys(pages)
            if str(year).removesuffix(".0") in page]


def download_rows(ranked: pd.DataFrame, code: str) -> pd.DataFrame:
    """Return the clean rows a report's download holds (a unit's with its predecessors')."""
    from .. import provinces

    codes = [code, *provinces.predecessors(code)] if code.startswith("U") else [code]
    part = ranked[ranked["province_code"].isin(codes)]
    return part.sort_values(["basis", "province_code", "year", "measure_type", "measure"])
