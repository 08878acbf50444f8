"""Figures of the model notebook: rank intervals, the out-of-sample comparison, forest plots."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

COLOURS = {"above": "#2A7F3F", "below": "#B03A2E", "inside": "0.35"}


def rank_intervals(predictions: pd.DataFrame, year: int, title: str = "") -> Figure:
    """Draw every province's 80 % and 95 % rank interval and its observed rank, one year."""
    data = predictions[predictions["year"] == year].sort_values("rank_mid")
    y = np.arange(len(data))
    fig, ax = plt.subplots(figsize=(7.0, 0.16 * len(data) + 1.2))
    ax.hlines(y, data["rank_low95"], data["rank_high95"], color="0.8", lw=2)
    ax.hlines(y, data["rank_low80"], data["rank_high80"], color="0.55", lw=4)
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

