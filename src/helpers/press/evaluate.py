"""Scores from the one shared scorer (``../shared/press/score.py``), never reimplemented here."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from .. import config
from .folder import extract_folder

#: The one scorer of the project; its matching rule is stated in ``../shared/press/LABELING.md``.
SCORER: Path = config.ROOT.parent / "shared" / "press" / "score.py"
TYPES = ("dti_rank", "pillar_rank", "rank_change", "target_attainment", "indicator", "overall")


def evaluate(folder: Path, scorer: Path | None = None, strict: bool = False) -> dict:
    """Extract facts from DIR's articles and score them with the shared scorer (JSON dict)."""
    folder = Path(folder)
    scorer = Path(scorer or SCORER)
    if not scorer.exists():
        raise FileNotFoundError(f"{scorer}: the shared press scorer is not there; put ../shared "
                                "beside the checkout or pass its path")
    if not (folder / "expected_facts.csv").is_file():
        raise FileNotFoundError(f"{folder / 'expected_facts.csv'}: no labelled facts to score "
                                "against; label the articles first (../shared/press/LABELING.md)")
    predicted, errors = extract_folder(folder)
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "predicted.csv"
        predicted.drop(columns="sentence").to_csv(pred, index=False, quoting=csv.QUOTE_MINIMAL)
        done = subprocess.run([sys.executable, str(scorer), str(pred),
                               str(folder / "expected_facts.csv"), "--json",
                               *(["--strict"] if strict else [])],
                              capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{scorer} failed: {done.stderr.strip()}")
    result = json.loads(done.stdout)
    if errors:
        result["errors"] = errors
    return result


def table(result: dict) -> str:
    """Return the per-type table (tp, fp, fn, P, R, F1) of a scorer result."""
    lines = [f"{'fact_type':18s} {'tp':>4s} {'fp':>4s} {'fn':>4s} {'P':>6s} {'R':>6s} {'F1':>6s}"]
    for key in TYPES:
        row = result[key]
        lines.append(f"{key:18s} {row['tp']:4d} {row['fp']:4d} {row['fn']:4d} "
                     f"{row['precision']:6.3f} {row['recall']:6.3f} {row['f1']:6.3f}")
    return "\n".join(lines)
