"""One province's (or 2025 unit's) report: its numbers, figures and sections."""

from __future__ import annotations

import base64
import io
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from . import config, narrative, params, processed, provinces, sources

SECTIONS = ("headline", "narrative", "history", "indices", "peers", "fundamentals", "targets",
            "method")
MAIN_INDICES = ["ha_tang_so", "hd_chinh_quyen_so", "hd_kinh_te_so", "hd_xa_hoi_so"]
PILLARS = ["chinh_quyen_so", "kinh_te_so", "xa_hoi_so"]
METHOD_BREAK = 2020.5
MERGER = 2024.5


@dataclass(frozen=True)
class Tables:
    """The processed tables a report reads (loaded once per process)."""

    rankings: pd.DataFrame
    predictions: pd.DataFrame
    contributions: pd.DataFrame
    targets: pd.DataFrame
    claims: pd.DataFrame
    register: pd.DataFrame


def _read(path: Path, **kwargs: object) -> pd.DataFrame:
    """Read a processed table, or an empty frame when the stage has not written it."""
    return pd.read_csv(path, **kwargs) if path.exists() else pd.DataFrame()


@cache
def tables(processed_dir: str = "") -> Tables:
    """Load the processed tables once (the report notebook runs many times per process)."""
    root = Path(processed_dir) if processed_dir else config.PROCESSED_DIR
    codes = {"code": str, "province_code": str}
    return Tables(
        rankings=processed.rankings(root),
        predictions=_read(root / "model" / "predictions.csv", dtype=codes),
        contributions=_read(root / "model" / "contributions.csv", dtype=codes),
        targets=_read(root / "targets.csv", dtype=codes),
        claims=_read(root / "claims.csv", dtype=codes),
        register=sources.register(),
    )


def resolve_target(province: str, basis: int) -> str:
    """Return the code a report parameter names (a code such as "27"/"U27", or any spelling)."""
    text = str(province).strip()
    known = set(provinces.provinces()["code"]) | set(provinces.units()["code"])
    if text in known:
        return text
    return provinces.resolve(text, basis=basis)  # raises with the closest candidates


def _rows(t: Tables, code: str, basis: int) -> pd.DataFrame:
    """Return every clean row of one province or unit."""
    r = t.rankings
    return r[(r["province_code"] == code) & (r["basis"] == basis)]


def _value(rows: pd.DataFrame, year: int, measure: str, column: str) -> float | None:
    """Return one value of a province's rows, or None."""
    hit = rows[(rows["year"] == year) & (rows["measure"] == measure)]
    if hit.empty or pd.isna(hit[column].iloc[0]):
        return None
    return float(hit[column].iloc[0])


def build(province: str, year: int | None = None, lang: str = "en", basis: int = 63,
          processed_dir: str = "") -> dict:
    """Assemble every number a report shows for one province (basis 63) or unit (basis 34)."""
    if lang not in narrative.LANGS:
        raise ValueError(f"lang must be one of {narrative.LANGS}, not {lang!r}")
    t = tables(processed_dir)
    code, year = params.check_report(province, year, lang, basis, t.rankings)  # one-line errors
    basis = 34 if code.startswith("U") else 63
    year = int(year) if year else processed.latest_complete_year(t.rankings, basis)
    is_unit = basis == 34
    info = (provinces.units() if is_unit else provinces.provinces()).loc[code]
    rows = _rows(t, code, basis)
    text = narrative.TEXT[lang]
    region = info["region"] if lang == "vi" else info["region_en_nso"]
    ctx = {
        "lang": lang, "t": text, "code": code, "basis": basis, "year": year, "is_unit": is_unit,
        "name": info["name_vi"], "slug": info["slug"], "region": region, "n": basis,
        "geography": "unit" if is_unit else "province",
        "full_name": info["full_name"] if is_unit else info["name_vi"],
    }
    ctx["overall"] = _overall(rows, year)
    ctx["pillars"] = [{"measure": m, "rank": _value(rows, year, m, "rank"),
                       "score": _value(rows, year, m, "score"),
                       "origin": _origin(rows, year, m)} for m in PILLARS
                      if _value(rows, year, m, "rank") is not None]
    ctx["indices"] = _indices(t, code, basis, year, info)
    ctx["peers"] = _peers(t, code, basis, year, is_unit)
    ctx["history"] = _history(t, code, is_unit)
    ctx["predecessors"] = _predecessors(t, code, year) if is_unit else []
    ctx["fundamentals"] = None if is_unit else _fundamentals(t, code, year)
    members = list(provinces.predecessors(code)) if is_unit else [code]
    ctx["targets"] = _records(t.targets, "province_code", members)
    ctx["claims"] = _records(t.claims, "province_code", members)
    ctx["method"] = _method(t, rows, ctx)
    return ctx


def _origin(rows: pd.DataFrame, year: int, measure: str) -> str:
    """Return where a rank came from (official, derived, reported)."""
    hit = rows[(rows["year"] == year) & (rows["measure"] == measure)]
    return str(hit["origin"].iloc[0]) if not hit.empty else ""


def _overall(rows: pd.DataFrame, year: int) -> dict:
    """Return the overall rank and score of a year, and the change since the previous year."""
    rank, score = _value(rows, year, "overall", "rank"), _value(rows, year, "overall", "score")
    prev_rank = _value(rows, year - 1, "overall", "rank")
    prev_score = _value(rows, year - 1, "overall", "score")
    return {"rank": None if rank is None else int(rank), "score": score,
            "origin": _origin(rows, year, "overall"), "prev_year": year - 1,
            "prev_rank": None if prev_rank is None else int(prev_rank), "prev_score": prev_score,
            "places": None if rank is None or prev_rank is None else int(prev_rank - rank),
            "score_change": None if score is None or prev_score is None else score - prev_score}


def _indices(t: Tables, code: str, basis: int, year: int, info: pd.Series) -> list[dict]:
    """Return the overall score and main indices against the median, the best and the region."""
    r = t.rankings
    year_rows = r[(r["basis"] == basis) & (r["year"] == year)]
    regions = (provinces.units() if basis == 34 else provinces.provinces())["region"]
    out = []
    for measure in ["overall", *MAIN_INDICES]:
        part = year_rows[year_rows["measure"] == measure].dropna(subset=["score"])
        mine = part[part["province_code"] == code]
        if part.empty or mine.empty:
            continue
        best = part.loc[part["score"].idxmax()]
        same_region = part[part["province_code"].map(regions) == info["region"]]
        out.append({"measure": measure, "score": float(mine["score"].iloc[0]),
                    "rank": None if pd.isna(mine["rank"].iloc[0]) else int(mine["rank"].iloc[0]),
                    "median": float(part["score"].median()), "best": float(best["score"]),
                    "best_name": best["name_vi"], "regional_mean": float(same_region["score"]
                                                                         .mean()),
                    "n": len(part)})
    return out


def _peers(t: Tables, code: str, basis: int, year: int, is_unit: bool) -> list[dict]:
    """Return the provinces (or units) of the same region, by rank."""
    table = provinces.units() if is_unit else provinces.provinces()
    region = table.loc[code, "region"]
    codes = set(table.index[table["region"] == region])
    r = t.rankings
    part = r[(r["basis"] == basis) & (r["year"] == year) & (r["measure"] == "overall")
             & r["province_code"].isin(codes)].sort_values("rank")
    return [{"code": row.province_code, "name": row.name_vi,
             "rank": None if pd.isna(row.rank) else int(row.rank), "score": row.score,
             "self": row.province_code == code} for row in part.itertuples()]


def _history(t: Tables, code: str, is_unit: bool) -> list[dict]:
    """Return overall rank and score by year on the 63 basis (each predecessor for a unit)."""
    members = provinces.predecessors(code) if is_unit else (code,)
    r = t.rankings
    part = r[(r["basis"] == 63) & (r["measure"] == "overall") & r["province_code"].isin(members)]
    return [{"code": row.province_code, "name": row.name_vi, "year": int(row.year),
             "rank": None if pd.isna(row.rank) else int(row.rank),
             "score": None if pd.isna(row.score) else float(row.score), "origin": row.origin}
            for row in part.sort_values(["province_code", "year"]).itertuples()]


def _predecessors(t: Tables, code: str, year: int) -> list[dict]:
    """Return each predecessor of a unit with its own rank in the year (63 basis)."""
    out = []
    for member in provinces.predecessors(code):
        rows = _rows(t, member, 63)
        rank = _value(rows, year, "overall", "rank")
        out.append({"code": member, "name": provinces.display_name(member),
                    "slug": provinces.provinces().loc[member, "slug"],
                    "rank": None if rank is None else int(rank),
                    "score": _value(rows, year, "overall", "score")})
    return out


def _fundamentals(t: Tables, code: str, year: int) -> dict | None:
    """Return observed and predicted rank and the largest factor contributions."""
    p = t.predictions
    if p.empty:
        return None
    hit = p[(p["code"] == code) & (p["year"] == year)]
    if hit.empty:
        return None
    row = hit.iloc[0]
    c = t.contributions
    mine = c[(c["code"] == code) & (c["year"] == year)].copy()
    mine = mine.reindex(mine["contribution"].abs().sort_values(ascending=False).index)
    return {"observed": int(row["observed_rank"]), "predicted": int(row["predicted_rank"]),
            "residual": int(row["rank_residual"]), "n_model": int(row["n_model"]),
            "contributions": mine[["label", "z", "coef", "contribution"]].to_dict("records")}


def _records(table: pd.DataFrame, column: str, codes: list[str]) -> list[dict]:
    """Return a table's rows for some provinces as dicts (none if the table is absent)."""
    if table.empty:
        return []
    return table[table[column].isin(codes)].to_dict("records")


@cache
def commit() -> str:
    """Return the git commit of the code (or "unknown" outside a checkout)."""
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=config.ROOT,
                             capture_output=True, text=True, timeout=5, check=False)
        return out.stdout.strip() or "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def _method(t: Tables, rows: pd.DataFrame, ctx: dict) -> dict:
    """Return the sources behind the report's figures, the code version and the parameters."""
    used = set(rows["source_id"].dropna())
    used |= {"dti_scores_2022_2024", "ref_provinces", "ref_merger_2025", "ref_new_units_2025"}
    if not t.predictions.empty and not ctx["is_unit"]:
        used |= {"nso_indicators", "governance_indices"}
    if ctx["targets"] or ctx["claims"]:
        used.add("press_reviewed_facts")
    register = t.register[t.register["source_id"].isin(used)]
    return {"sources": register[["source_id", "title", "origin", "retrieved"]].to_dict("records"),
            "links": _source_links(rows),
            "commit": commit(), "built": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "parameters": {"province": ctx["code"], "year": ctx["year"], "lang": ctx["lang"],
                           "basis": ctx["basis"]}}


@cache
def _raw_source_column(relative: str) -> tuple[str, ...]:
    """Return the 'source' column of a raw file (row 1 first), or nothing if it has none."""
    path = config.ROOT / relative
    if not path.exists():
        return ()
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    return tuple(frame["source"]) if "source" in frame.columns else ()


def _source_links(rows: pd.DataFrame, limit: int = 30) -> list[dict]:
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


# -- figures ---------------------------------------------------------------------------------
def _png(fig: Figure) -> str:
    """Return a figure as an inline PNG data URI."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=96)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def history_figure(ctx: dict) -> str | None:
    """Draw rank and score by year, marking the method change and the 2025 merger."""
    history = pd.DataFrame(ctx["history"])
    if history.empty or history["year"].nunique() < 2:
        return None
    t = ctx["t"]
    fig = Figure(figsize=(7.2, 2.8), layout="constrained")
    ax_rank, ax_score = fig.subplots(1, 2)
    for _, part in history.groupby("code", sort=False):
        label = part["name"].iloc[0]
        ranked = part.dropna(subset=["rank"])
        ax_rank.plot(ranked["year"], ranked["rank"], marker="o", label=label)
        scored = part.dropna(subset=["score"])
        ax_score.plot(scored["year"], scored["score"], marker="o", label=label)
    years = range(int(history["year"].min()), int(history["year"].max()) + 1)
    for ax in (ax_rank, ax_score):
        ax.set_xticks(list(years))
        ax.set_xlim(min(years) - 0.4, max(years) + 0.6)
        for x, name in ((METHOD_BREAK, t["method_break"]), (MERGER, t["merger"])):
            if min(years) < x < max(years) + 1:
                ax.axvline(x, color="0.6", ls="--", lw=0.8)
                ax.text(x, 1.0, f" {name}", transform=ax.get_xaxis_transform(), fontsize=7,
                        color="0.4", va="bottom", ha="center")
    ax_rank.invert_yaxis()
    ax_rank.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax_rank.set_ylabel(t["rank_axis"])
    ax_score.set_ylabel(t["score_axis"])
    if history["code"].nunique() > 1:
        ax_rank.legend(fontsize=7, frameon=False)
    return _png(fig)


def indices_figure(ctx: dict) -> str | None:
    """Draw the province's scores with the national median, the best and the regional mean."""
    rows = ctx["indices"]
    if not rows:
        return None
    t, lang = ctx["t"], ctx["lang"]
    labels = [narrative.measure_name(r["measure"], lang).split(" (")[0] for r in rows]
    fig = Figure(figsize=(7.2, 0.55 * len(rows) + 1.3), layout="constrained")
    ax = fig.subplots()
    y = range(len(rows))
    ax.barh(list(y), [r["score"] for r in rows], color="#4C72B0", height=0.55,
            label=ctx["name"])
    ax.scatter([r["median"] for r in rows], list(y), marker="|", s=300, color="black",
               label=t["national_median"], zorder=3)
    ax.scatter([r["best"] for r in rows], list(y), marker="^", color="#DD8452",
               label=t["best"], zorder=3)
    ax.scatter([r["regional_mean"] for r in rows], list(y), marker="o", color="#55A868",
               label=t["regional_mean"], zorder=3)
    ax.set_yticks(list(y), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.03)
    ax.set_xlabel(t["score_axis"])
    ax.legend(fontsize=7, frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.22),
              ncol=4)
    return _png(fig)


def fundamentals_figure(ctx: dict) -> str | None:
    """Draw the factors that push the predicted score up or down the most."""
    fundamentals = ctx["fundamentals"]
    if not fundamentals or not fundamentals["contributions"]:
        return None
    rows = fundamentals["contributions"][:6]
    fig = Figure(figsize=(7.2, 0.45 * len(rows) + 0.9), layout="constrained")
    ax = fig.subplots()
    values = [r["contribution"] for r in rows]
    ax.barh(range(len(rows)), values, color=["#55A868" if v > 0 else "#C44E52" for v in values])
    ax.set_yticks(range(len(rows)), [r["label"] for r in rows])
    ax.invert_yaxis()
    ax.axvline(0, color="0.4", lw=0.8)
    ax.set_xlabel(ctx["t"]["contribution"])
    return _png(fig)


FIGURES = {"history": history_figure, "indices": indices_figure,
           "fundamentals": fundamentals_figure}


def section_html(ctx: dict, name: str) -> str:
    """Return one section of the report as HTML (its figure embedded, if it has one)."""
    if name not in SECTIONS:
        raise ValueError(f"unknown section {name!r}; sections are {', '.join(SECTIONS)}")
    figure = FIGURES[name](ctx) if name in FIGURES else None
    template = f"narrative.{ctx['lang']}.html.j2" if name == "narrative" else f"{name}.html.j2"
    return narrative.render(template, figure=figure, **ctx)


def section(ctx: dict, name: str) -> None:
    """Display one section in the notebook."""
    from IPython.display import HTML, display

    display(HTML(section_html(ctx, name)))
