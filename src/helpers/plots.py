"""Static figures (matplotlib) for the notebooks and reports."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
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

