"""Figures of the model notebook: rank intervals, the out-of-sample comparison, forest plots."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

COLOURS = {"above": "#2A7F3F", "below": "#B03A2E", "inside": "0.35"}


def _ranges(data: pd.DataFrame, column: str, row_in: float = 0.16) -> tuple[Figure, Axes,
                                                                             np.ndarray]:
    """Draw each row's 95 % (light) and 80 % (dark) range of a column (rank or change), one line
    a row; return the figure, its axes and the rows' positions."""
    y = np.arange(len(data))
    fig, ax = plt.subplots(figsize=(7.0, row_in * len(data) + 1.2))
    ax.hlines(y, data[f"{column}_low95"], data[f"{column}_high95"], color="0.8", lw=2)
    ax.hlines(y, data[f"{column}_low80"], data[f"{column}_high80"], color="0.55", lw=4)
    return fig, ax, y


def rank_intervals(predictions: pd.DataFrame, year: int, title: str = "") -> Figure:
    """Draw every province's 80 % and 95 % rank interval and its observed rank, one year."""
    data = predictions[predictions["year"] == year].sort_values("rank_mid")
    fig, ax, y = _ranges(data, "rank")
    ax.scatter(data["observed_rank"], y, s=14, zorder=3,
               c=[COLOURS[d] for d in data["direction"]])
    ax.set_yticks(y, data["name_vi"], fontsize=6)
    ax.invert_yaxis()
    ax.invert_xaxis()
    ax.set_xlabel("rank (1 = best): grey bars 80 % and 95 % intervals from the fundamentals; "
                  "dot observed", fontsize=8)
    ax.set_title(title or f"DTI {year}: what provinces like each usually reach", fontsize=10)
    return fig


def validation(table: pd.DataFrame, title: str = "") -> Figure:
    """Draw the mean absolute rank error of each predictor per split, with 95 % intervals."""
    fig, ax = plt.subplots(figsize=(7.0, 0.45 * len(table) + 1.0))
    labels = [f"{r.train_years} -> {r.test_year}: {r.predictor}" for r in table.itertuples()]
    y = np.arange(len(table))
    ax.errorbar(table["mae"], y, xerr=[table["mae"] - table["mae_low"],
                                       table["mae_high"] - table["mae"]],
                fmt="o", color="0.2", capsize=3)
    ax.set_yticks(y, labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("mean absolute rank error out of sample (places; lower is better)")
    ax.set_title(title or "Fundamentals against persistence, out of sample", fontsize=10)
    fig.tight_layout()
    return fig


def forest(table: pd.DataFrame, estimate: str = "rho", low: str = "ci_low", high: str = "ci_high",
           label: str = "label", group: str = "year", title: str = "",
           xlabel: str = "Spearman rho with the DTI rank (negative: better rank)") -> Figure:
    """Draw estimates with 95% intervals, one row per factor, one marker colour per group."""
    labels = list(dict.fromkeys(table[label]))
    groups = list(dict.fromkeys(table[group]))
    fig, ax = plt.subplots(figsize=(7.5, 0.45 * len(labels) + 1.2))
    step = 0.8 / max(len(groups), 1)
    for k, value in enumerate(groups):
        part = table[table[group] == value]
        y = [labels.index(v) + (k - (len(groups) - 1) / 2) * step for v in part[label]]
        ax.errorbar(part[estimate], y, xerr=[part[estimate] - part[low], part[high] -
                                            part[estimate]], fmt="o", ms=4, capsize=2,
                    label=str(value))
    ax.axvline(0, color="0.5", lw=0.8)
    ax.set_yticks(range(len(labels)), labels)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_title(title, loc="left")
    if len(groups) > 1:
        ax.legend(title=group, fontsize=8, frameon=False, loc="lower right")
    fig.tight_layout()
    return fig



def conditional_ranges(table: pd.DataFrame, year: int, title: str = "") -> Figure:
    """Draw every province's 80 % and 95 % range of rank change and its observed change."""
    data = table[table["year"] == year].sort_values("previous_rank")
    fig, ax, y = _ranges(data, "change")
    colours = [COLOURS.get(v.removeprefix("edge_"), COLOURS["inside"]) for v in data["verdict"]]
    edge = data["verdict"].str.startswith("edge_").to_numpy()
    ax.scatter(data["observed_change"][~edge], y[~edge], s=14, zorder=3,
               c=[c for c, e in zip(colours, edge, strict=True) if not e])
    ax.scatter(data["observed_change"][edge], y[edge], s=22, zorder=3, facecolors="none",
               edgecolors=[c for c, e in zip(colours, edge, strict=True) if e])
    ax.axvline(0, color="0.5", lw=0.8)
    labels = [f"{n} ({r})" for n, r in zip(data["name_vi"], data["previous_rank"], strict=True)]
    ax.set_yticks(y, labels, fontsize=6)
    ax.invert_yaxis()
    ax.set_xlabel("places moved (positive: up); grey bars 80 % and 95 % ranges given last "
                  "year's score; dot observed, ring at the edge", fontsize=8)
    ax.set_title(title or f"DTI {year - 1} -> {year}: moves of provinces like each (last "
                 "year's rank in brackets)", fontsize=10)
    return fig


def coverage(checks: pd.DataFrame, title: str = "") -> Figure:
    """Draw each check's 80 % coverage against its binomial band, labelled with the width."""
    fig, ax = plt.subplots(figsize=(7.0, 0.55 * len(checks) + 1.3))
    y = np.arange(len(checks))
    ax.hlines(y, checks["band80_low"], checks["band80_high"], color="0.8", lw=6)
    ax.scatter(checks["coverage80"], y, color="0.15", zorder=3, s=18)
    for k, row in enumerate(checks.itertuples()):
        ax.annotate(f"median width {row.median_width80:.0f}", (row.coverage80, k),
                    xytext=(0, 6), textcoords="offset points", fontsize=7, ha="center")
    labels = [f"{r.test_year}, {r.check.split(' (')[0]}:\n{r.predictor.split(' (')[0]}"
              for r in checks.itertuples()]
    ax.set_yticks(y, labels, fontsize=7)
    ax.axvline(0.8, color="0.5", lw=0.8)
    ax.set_xlim(0.5, 1.0)
    ax.set_ylim(len(checks) - 0.5, -0.7)
    ax.set_xlabel("share of observed ranks inside their 80 % range (dot); grey: the 95 % "
                  "binomial band\nof a calibrated 80 % range", fontsize=8)
    ax.set_title(title or "Are the ranges calibrated?", fontsize=10)
    fig.tight_layout()
    return fig


def unit_forecast(table: pd.DataFrame, title: str = "") -> Figure:
    """Draw each unit's forecast 80 % and 95 % rank range, units in order of the median."""
    data = table.sort_values("rank_mid")
    fig, ax, y = _ranges(data, "rank", row_in=0.2)
    ax.scatter(data["rank_mid"], y, s=10, color="0.15", zorder=3)
    ax.set_yticks(y, data["name_vi"], fontsize=7)
    ax.invert_yaxis()
    ax.invert_xaxis()
    ax.set_xlabel("rank among the 34 units (1 = best): 80 % and 95 % ranges, dot the median",
                  fontsize=8)
    year = int(data["year"].iloc[0]) if len(data) else ""
    ax.set_title(title or f"DTI {year} forecast, made {data['made_on'].iloc[0]} from "
                 f"{data['from_year'].iloc[0]} scores", fontsize=10)
    return fig


def brier(table: pd.DataFrame) -> Figure:
    """Draw the Brier score of each predictor over every province × target threshold, by year."""
    data = table[table["scope"].str.startswith("every province")]
    years = sorted(data["years"].unique())
    fig, axes = plt.subplots(1, max(len(years), 1), figsize=(3.6 * max(len(years), 1), 2.6),
                             squeeze=False)
    for ax, year in zip(axes[0], years, strict=False):
        rows = data[data["years"] == year]
        ax.barh(rows["predictor"], rows["brier"], color="0.55")
        ax.invert_yaxis()
        ax.set_title(f"{year} (n = {int(rows['n'].iloc[0])})", fontsize=9)
        ax.set_xlabel("Brier score (lower is better)", fontsize=8)
        ax.tick_params(labelsize=7)
    fig.tight_layout()
    return fig
