"""Static figures (matplotlib) for the notebooks and reports."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure


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


def observed_vs_predicted(predictions: pd.DataFrame, label_top: int = 8, title: str = "",
                          highlight: str | None = None) -> Figure:
    """Scatter observed against predicted rank; label the largest gaps (and one province)."""
    fig, ax = plt.subplots(figsize=(6.5, 6.0))
    ax.scatter(predictions["predicted_rank"], predictions["observed_rank"], s=18, alpha=0.7)
    top = predictions.reindex(predictions["rank_residual"].abs().sort_values(
        ascending=False).index).head(label_top)
    if highlight is not None:
        top = pd.concat([top, predictions[predictions["code"] == highlight]]).drop_duplicates()
    for row in top.itertuples():
        _label(ax, row.predicted_rank, row.observed_rank, row.name_vi,
               bold=row.code == highlight)
    limit = max(predictions["predicted_rank"].max(), predictions["observed_rank"].max()) + 2
    ax.plot([1, limit], [1, limit], color="0.6", lw=0.8, ls="--")
    ax.set_xlim(limit, 0)
    ax.set_ylim(limit, 0)
    ax.set_xlabel("rank predicted from the factors (leave-one-out)")
    ax.set_ylabel("observed rank")
    ax.set_title(title, loc="left")
    ax.text(0.02, 0.02, "above the line: better than predicted", transform=ax.transAxes,
            fontsize=8, color="0.35")
    fig.tight_layout()
    return fig


def _label(ax: Axes, x: float, y: float, text: str, bold: bool = False) -> None:
    """Write a small label beside a point."""
    ax.annotate(text, (x, y), xytext=(4, 3), textcoords="offset points", fontsize=8,
                fontweight="bold" if bold else "normal")
