"""The report's "what provinces like it usually reach" section: its numbers, words and figure.

It leads with where the province started (notebook 20, section 2b): given last year's score,
the range of rank change of provinces like it (80 %, from a fit without the province) and where
its own move lies: above, below, within, or at the edge of that range when the tail probability
cannot be told from 0.10 within its Monte Carlo error. Then, shorter, what survives validation
of the level model: the province's rank interval from its fundamentals, whether its observed
rank lies outside the 80 % interval ("above"/"below what provinces like it usually reach";
"well above/below" only outside the 95 % interval too), the out-of-sample benchmark against
last year's rank, and the blocks whose sign is stable across years and specifications. Scores
on their 0-1 scale, ranks as ranks; no point "predicted rank".
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from . import words

#: Words of the section by language (the section title itself is narrative.TEXT["fundamentals"]).
WORDS: dict[str, dict[str, str]] = words.table("FUNDAMENTALS")


def years_text(value: object) -> str:
    """Return training years as written ("2022-2023", "2023"), never "2023.0" (a lone year
    read back from CSV is a float)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def signed(value: int) -> str:
    """Return a move in places with its sign (+12, −4, 0), a true minus sign."""
    return f"{value:+d}".replace("-", "\u2212") if value else "0"


def given(conditional: pd.DataFrame | None, code: str, year: int) -> dict | None:
    """Return the province's range of rank change given last year's score (None if not held)."""
    if conditional is None or conditional.empty:
        return None
    hit = conditional[(conditional["code"] == code) & (conditional["year"] == year)]
    if hit.empty:
        return None
    row = hit.iloc[0]
    verdict = str(row["verdict"])
    far = bool(row["outside95"]) and verdict in ("above", "below")
    side = "above" if verdict.endswith("above") else "below"
    tail = float(row["p_at_or_above"] if side == "above" else row["p_at_or_below"])
    return {"previous_year": year - 1, "previous_rank": int(row["previous_rank"]),
            "observed": int(row["observed_rank"]), "n_model": int(row["n_model"]),
            "low80": int(row["change_low80"]), "high80": int(row["change_high80"]),
            "low95": int(row["change_low95"]), "high95": int(row["change_high95"]),
            "moved": int(row["observed_change"]),
            "low80_text": signed(int(row["change_low80"])),
            "high80_text": signed(int(row["change_high80"])),
            "moved_text": signed(int(row["observed_change"])),
            "verdict": "given_" + verdict + ("_far" if far else ""),
            "direction": str(row["direction"]), "edge": verdict.startswith("edge_"),
            "tail": None if verdict == "inside" else
            {"key": "tail_" + side, "p": "<1" if tail < 0.005 else str(round(100 * tail))}}


def pillar_ranges(table: pd.DataFrame | None, code: str, year: int) -> list[dict]:
    """Return the province's rank ranges of the indices whose model held up out of sample."""
    if table is None or table.empty:
        return []
    hit = table[(table["code"] == code) & (table["year"] == year)]
    return [{"measure": r["index"], "low80": int(r["rank_low80"]), "high80": int(r["rank_high80"]),
             "observed": int(r["observed_rank"]), "n": int(r["n_model"]),
             "verdict": "pillar_" + str(r["direction"])} for _, r in hit.iterrows()]


def context(predictions: pd.DataFrame, contributions: pd.DataFrame, code: str, year: int,
            conditional: pd.DataFrame | None = None, pillars: pd.DataFrame | None = None
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
               "years": int(r["main_years"]), "clear_of_zero": int(r["main_excluding_zero"]),
               "contribution": float(r["contribution"])} for _, r in mine.iterrows()]
    return {"observed": int(row["observed_rank"]), "n_model": int(row["n_model"]),
            "low80": int(row["rank_low80"]), "high80": int(row["rank_high80"]),
            "low95": int(row["rank_low95"]), "high95": int(row["rank_high95"]),
            "direction": str(row["direction"]), "far": bool(row["outside95"]),
            "verdict": str(row["direction"]) + ("_far" if row["outside95"] else ""),
            "bench": bench, "blocks": blocks, "given": given(conditional, code, year),
            "pillars": pillar_ranges(pillars, code, year), "words": WORDS}


def figure(ctx: dict, fig: Figure) -> Figure | None:
    """Draw the province's ranges (of rank change if held, else of rank) and where it lies."""
    section = ctx["fundamentals"]
    if not section:
        return None
    words = WORDS[ctx["lang"]]
    moves = section.get("given")
    shown = moves or section
    mark = moves["moved"] if moves else section["observed"]
    ax = fig.subplots()
    ax.hlines(0, shown["low95"], shown["high95"], color="0.82", lw=10, label=words["usual95"])
    ax.hlines(0, shown["low80"], shown["high80"], color="0.55", lw=10, label=words["usual80"])
    colour = {"above": "#009E73", "below": "#D55E00"}.get(shown["direction"], "#0072B2")
    marker = {"above": "^", "below": "v"}.get(shown["direction"], "o")
    ax.plot([mark], [0], marker, color=colour, ms=11, zorder=3,
            mfc="white" if moves and moves["edge"] else colour)
    label = (words["moved"].format(previous_year=moves["previous_year"]) + ": "
             + moves["moved_text"]) if moves else f"{words['observed']}: {section['observed']}"
    ax.annotate(label, (mark, 0), xytext=(0, 12), textcoords="offset points", ha="center",
                fontsize=9)
    if moves:  # places moved: a move up (positive) on the right
        span = max(abs(moves["low95"]), abs(moves["high95"]), abs(mark)) + 2
        ax.set_xlim(-span, span)
        ax.axvline(0, color="0.6", lw=0.8)
        ax.set_xlabel(words["move_axis"].format(previous_year=moves["previous_year"]),
                      fontsize=9)
    else:
        ax.set_xlim(section["n_model"] + 0.5, 0.5)  # rank 1 (best) on the right
        ax.set_xlabel(words["axis"], fontsize=9)
    ax.set_ylim(-1, 1.6)
    fig.legend(loc="outside lower center", fontsize=9, frameon=False, ncol=1)
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    return fig


def given_sentence(section: dict, lang: str) -> str:
    """Return the lead sentence: the usual move given last year's score, and the province's."""
    moves, words = section["given"], WORDS[lang]
    return words["given"].format(previous_year=moves["previous_year"], low=moves["low80_text"],
                                 high=moves["high80_text"], moved=moves["moved_text"],
                                 verdict=words[moves["verdict"]])


def alt(ctx: dict) -> str:
    """Return the figure's finding in one sentence of the page's language."""
    section, lang = ctx["fundamentals"], ctx["lang"]
    if not section:
        return ""
    words = WORDS[lang]
    if section.get("given"):
        return f"{ctx['name']}: {given_sentence(section, lang)}"
    verdict = words["inside"] if section["direction"] == "inside" else words[section["verdict"]]
    return words["alt_level"].format(name=ctx["name"], observed=section["observed"],
                                     n=section["n_model"], low=section["low80"],
                                     high=section["high80"], verdict=verdict)
