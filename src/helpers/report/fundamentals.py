"""The report's "what provinces like it usually reach" section: its numbers, words and figure.

It says only what survives validation (notebook 20): the province's rank interval from its
fundamentals, whether its observed rank lies outside the 80 % interval ("above"/"below what
provinces like it usually reach"; "well above/below" only outside the 95 % interval too),
the out-of-sample benchmark against last year's rank, and the blocks whose sign is stable
across years and specifications. Scores on their 0-1 scale, ranks as ranks; no point
"predicted rank".
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

#: Words of the section by language (the section title itself is narrative.TEXT["fundamentals"]).
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "observed": "Observed rank", "usual80": "Usual range for provinces like it (80 %)",
        "usual95": "Wider range (95 %)",
        "above": "above what provinces with similar development and governance usually reach",
        "below": "below what provinces with similar development and governance usually reach",
        "above_far": "well above what provinces with similar development and governance "
                     "usually reach",
        "below_far": "well below what provinces with similar development and governance "
                     "usually reach",
        "inside": "within what provinces with similar development and governance usually reach",
        "block": "Block", "position": "Its position (1 = highest)",
        "association": "Across provinces",
        "contribution": "Difference from the average province's usual score (0-1 scale)",
        "higher": "higher goes with a higher score in all {fits} fits (years and "
                  "specifications); the 95 % interval is clear of zero in {clear}",
        "lower": "higher goes with a lower score in all {fits} fits (years and "
                 "specifications); the 95 % interval is clear of zero in {clear}",
        "development": "Development (income, urbanisation, trained labour, social insurance)",
        "governance": "Governance (PCI)",
        "bench": "Benchmark out of sample (fitted on {train}, predicting {year}): last year's "
                 "rank alone missed this year's rank by {persistence} places on average, the "
                 "fundamentals by {fundamentals}.",
        "note": "Ranges come from {n} provinces' scores simulated from their development and "
                "governance; associations across provinces, not causes (method: notebook "
                "20-model-factors).",
        "axis": "rank (1 = best)", "of": "of",
    },
    "vi": {
        "observed": "Thứ hạng thực tế",
        "usual80": "Khoảng thường gặp ở các tỉnh tương tự (80 %)",
        "usual95": "Khoảng rộng hơn (95 %)",
        "above": "cao hơn mức mà các tỉnh có mức phát triển và quản trị tương tự thường đạt",
        "below": "thấp hơn mức mà các tỉnh có mức phát triển và quản trị tương tự thường đạt",
        "above_far": "cao hơn hẳn mức mà các tỉnh có mức phát triển và quản trị tương tự "
                     "thường đạt",
        "below_far": "thấp hơn hẳn mức mà các tỉnh có mức phát triển và quản trị tương tự "
                     "thường đạt",
        "inside": "nằm trong mức mà các tỉnh có mức phát triển và quản trị tương tự thường đạt",
        "block": "Nhóm yếu tố", "position": "Vị trí (1 = cao nhất)", "association": "Giữa các tỉnh",
        "contribution": "Chênh lệch so với điểm thường gặp của tỉnh trung bình (thang 0-1)",
        "higher": "cao hơn đi kèm điểm cao hơn trong cả {fits} lần ước lượng (các năm và các "
                  "cách ước lượng); khoảng tin cậy 95 % không chứa 0 trong {clear} lần",
        "lower": "cao hơn đi kèm điểm thấp hơn trong cả {fits} lần ước lượng (các năm và các "
                 "cách ước lượng); khoảng tin cậy 95 % không chứa 0 trong {clear} lần",
        "development": "Mức phát triển (thu nhập, đô thị hóa, lao động qua đào tạo, bảo hiểm "
                       "xã hội)",
        "governance": "Quản trị (PCI)",
        "bench": "Đối chiếu ngoài mẫu (ước lượng trên {train}, dự báo {year}): chỉ dựa vào thứ "
                 "hạng năm trước thì sai lệch trung bình {persistence} bậc, dựa vào các yếu tố "
                 "nền tảng thì {fundamentals} bậc.",
        "note": "Các khoảng được mô phỏng từ điểm của {n} tỉnh theo mức phát triển và quản trị; "
                "đây là mối tương quan giữa các tỉnh, không phải quan hệ nhân quả (phương pháp: "
                "sổ phân tích số 20 của dự án).",
        "axis": "thứ hạng (1 = cao nhất)", "of": "/",
    },
}


def years_text(value: object) -> str:
    """Return training years as written ("2022-2023", "2023"), never "2023.0" (a lone year
    read back from CSV is a float)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def context(predictions: pd.DataFrame, contributions: pd.DataFrame, code: str, year: int
            ) -> dict | None:
    """Return the section's numbers for one province and year (None when not modelled)."""
    if predictions.empty:
        return None
    hit = predictions[(predictions["code"] == code) & (predictions["year"] == year)]
    if hit.empty:
        return None
    row = hit.iloc[0]
    bench = None
    if pd.notna(row.get("bench_persistence_mae")) and pd.notna(row.get("bench_fundamentals_mae")):
        bench = {"train": years_text(row["bench_train_years"]), "year": year,
                 "persistence": float(row["bench_persistence_mae"]),
                 "fundamentals": float(row["bench_fundamentals_mae"])}
    mine = contributions[(contributions["code"] == code) & (contributions["year"] == year)] \
        if not contributions.empty else contributions
    blocks = [{"block": r["block"], "position": int(r["position"]), "n": int(r["n_model"]),
               "sign": "higher" if r["coef"] > 0 else "lower", "fits": int(r["fits"]),
               "clear_of_zero": int(r["fits_excluding_zero"]),
               "contribution": float(r["contribution"])} for _, r in mine.iterrows()]
    return {"observed": int(row["observed_rank"]), "n_model": int(row["n_model"]),
            "low80": int(row["rank_low80"]), "high80": int(row["rank_high80"]),
            "low95": int(row["rank_low95"]), "high95": int(row["rank_high95"]),
            "direction": str(row["direction"]), "far": bool(row["outside95"]),
            "verdict": str(row["direction"]) + ("_far" if row["outside95"] else ""),
            "bench": bench, "blocks": blocks,
            "words": WORDS}


def figure(ctx: dict, fig: Figure) -> Figure | None:
    """Draw the province's 80 % and 95 % rank ranges and its observed rank on `fig`."""
    section = ctx["fundamentals"]
    if not section:
        return None
    words = WORDS[ctx["lang"]]
    ax = fig.subplots()
    ax.hlines(0, section["low95"], section["high95"], color="0.82", lw=10, label=words["usual95"])
    ax.hlines(0, section["low80"], section["high80"], color="0.55", lw=10, label=words["usual80"])
    colour = {"above": "#009E73", "below": "#D55E00"}.get(section["direction"], "#0072B2")
    marker = {"above": "^", "below": "v"}.get(section["direction"], "o")
    ax.plot([section["observed"]], [0], marker, color=colour, ms=11, zorder=3)
    ax.annotate(f"{words['observed']}: {section['observed']}", (section["observed"], 0),
                xytext=(0, 12), textcoords="offset points", ha="center", fontsize=9)
    ax.set_xlim(section["n_model"] + 0.5, 0.5)  # rank 1 (best) on the right
    ax.set_ylim(-1, 1.6)
    fig.legend(loc="outside lower center", fontsize=9, frameon=False, ncol=1)
    ax.set_yticks([])
    ax.set_xlabel(words["axis"], fontsize=9)
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    return fig


def alt(ctx: dict) -> str:
    """Return the figure's finding in one sentence of the page's language."""
    section, lang = ctx["fundamentals"], ctx["lang"]
    if not section:
        return ""
    words = WORDS[lang]
    verdict = words["inside"] if section["direction"] == "inside" else words[section["verdict"]]
    if lang == "vi":
        return (f"{ctx['name']} xếp thứ {section['observed']}/{section['n_model']}; khoảng 80 %: "
                f"{section['low80']}–{section['high80']}; {verdict}.")
    return (f"{ctx['name']} ranks {section['observed']} of {section['n_model']}; 80 % range "
            f"{section['low80']}–{section['high80']}: {verdict}.")
