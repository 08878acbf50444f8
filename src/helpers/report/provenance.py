"""Where a report's figures come from: sources, web pages, code version, citation, download."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import cache

import pandas as pd

from .. import config, gitinfo, vocab
from ..sources import ref_sources
from . import words

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
    return words.MODULES[lang].TEXT["cite"].format(
        who=who, y=date[:4], name=name, year=year, version=version, commit=commit, date=date,
        url=url)


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


def source_links(rows: pd.DataFrame, limit: int = 30) -> list[dict]:
    """Return the web addresses of the raw rows behind a province's figures (deduplicated)."""
    links: dict[str, str] = {}
    years = rows["year"] if "year" in rows else pd.Series("", index=rows.index)
    for refs, year in zip(rows["source_ref"], years, strict=True):
        for text in ref_sources(refs):
            for url in [text.split()[0] if text else "", *ministry_pages(text, year)]:
                if url.startswith(("http://", "https://")) and url not in links:
                    links[url] = link_label(url)
    ordered = sorted(links.items(), key=lambda item: not item[1].startswith("dti.gov.vn"))
    return [{"url": u, "host": h} for u, h in ordered[:limit]]


def link_label(url: str) -> str:
    """Return how a source link is shown: its host, with the page for the ministry's pages."""
    host = url.split("/")[2].removeprefix("www.")
    return url.split("://", 1)[1] if host == "dti.gov.vn" else host


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


#: The download tables' columns (reports/data/dti_rankings.csv and each report's CSV), as a
#: Frictionless Table Schema: name, type, description.
DOWNLOAD_FIELDS = [
    ("province_code", "string", "GSO two-digit province code (\"27\" Bắc Ninh); a 2025 unit is U "
     "+ the code of the predecessor whose name it carries (\"U27\")"),
    ("name_vi", "string", "Vietnamese name of the province or unit"),
    ("basis", "integer", "63 (the provinces before 1 July 2025) or 34 (the units after)"),
    ("year", "integer", "assessment year (DTI 2022 was published in 2023)"),
    ("measure_type", "string", "overall, pillar or main_index"),
    ("measure", "string", "overall; a pillar (chinh_quyen_so, kinh_te_so, xa_hoi_so); or one of "
     "the eight main indices (ha_tang_so, hd_chinh_quyen_so, ...)"),
    ("rank", "number", "rank within the basis, 1 = best; ties share a rank"),
    ("score", "number", "score in [0, 1]"),
    ("origin", "string", "official (the ministry's table), reported (press and portals, all "
     "sources agreeing) or derived (ranks sorted from scores; a unit's values as means)"),
    ("rank_origin", "string", "origin of the rank alone"),
    ("score_origin", "string", "origin of the score alone"),
    ("source_id", "string", "the main source's id in the project's sources register"),
    ("source_title", "string", "the main source's title"),
    ("source_url", "string", "the web address of the first raw row the value comes from (the "
     "ministry's ranking page, an article or a portal), when it has one"),
    ("source_ref", "string", "the raw rows that agree, as file:row inside the repository's "
     "data/raw/"),
    ("n_sources", "integer", "how many raw rows agree"),
    ("score_tie", "boolean", "true when the printed score equals that of another row of the same "
     "basis, year and measure with a different published rank"),
]


def with_sources(ranked: pd.DataFrame, register: pd.DataFrame) -> pd.DataFrame:
    """Return clean rows with their source's title and web address beside the raw references."""
    titles = dict(zip(register["source_id"], register["title"], strict=True))
    urls = []
    for refs, year in zip(ranked["source_ref"], ranked["year"], strict=True):
        found = ""
        for text in ref_sources(refs):
            candidates = [*ministry_pages(text, year), text.split()[0] if text else ""]
            found = next((u for u in candidates if u.startswith(("http://", "https://"))), "")
            if found:
                break
        urls.append(found)
    out = ranked.assign(source_title=ranked["source_id"].map(titles).fillna(""), source_url=urls)
    order = [name for name, _, _ in DOWNLOAD_FIELDS if name in out.columns]
    return out[order + [c for c in out.columns if c not in order]]


def table_schema() -> dict:
    """Return the Frictionless Table Schema of the download tables."""
    return {"fields": [{"name": n, "type": t, "description": d} for n, t, d in DOWNLOAD_FIELDS],
            "missingValues": [""]}
