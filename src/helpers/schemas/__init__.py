"""Validation: problems that name file, row, column and value, and the processed-table schemas."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa

from ..reasons import WORDING
from .model_tables import MODEL_SCHEMAS  # the model tables' schemas (model section)

MEASURE_TYPES = ("overall", "pillar", "main_index")
ORIGINS = ("official", "reported", "derived")
BASES = (63, 34)
#: The reason columns of the cleaning's decision tables: a known code and its JSON parameters.
REASON_COLUMNS = {
    "reason_code": pa.Column(str, pa.Check.isin(list(WORDING))),
    "reason_params": pa.Column(str, pa.Check.str_startswith("{")),
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one value: where it is, what it is, and how to fix it."""

    file: str
    row: int | None
    column: str | None
    value: object
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row} (line {self.row + 1})")
        if self.column is not None:
            where.append(f"column {self.column!r}")
        if self.value is not None:
            where.append(f"value {self.value!r}")
        return f"{', '.join(where)}: {self.message}"


#: Problems a message (and so a failed notebook) lists; the rest go to a file, one a line.
LISTED = 200


def _write_full_list(problems: list[Problem], what: str) -> str:
    """Stream every problem to reports/executed/problems/<what>.txt; return its path as shown."""
    import os
    import re
    import tempfile
    from pathlib import Path

    from .. import config

    folder = config.EXECUTED_DIR / "problems"
    path = folder / (re.sub(r"[^A-Za-z0-9_.-]+", "_", Path(what).name) + ".txt")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".problems.", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            for problem in problems:
                handle.write(f"{problem}\n")
        os.replace(tmp, path)
    except OSError:
        return ""
    try:
        return path.relative_to(config.ROOT).as_posix()
    except ValueError:
        return str(path)


class DataValidationError(ValueError):
    """Every problem found in a set of tables, raised at once; nothing was written.

    The message lists the first LISTED problems and the count; a longer list is streamed to a
    file that the message names, so a failed notebook stays small whatever the input.
    """

    def __init__(self, problems: Iterable[Problem], what: str = "data") -> None:
        self.problems = list(problems)
        count = len(self.problems)
        lines = "\n".join(f"  - {p}" for p in self.problems[:LISTED])
        if count > LISTED:
            full = _write_full_list(self.problems, what)
            lines += (f"\n  ... {count - LISTED} more not listed here"
                      + (f"; the full list is in {full}" if full else ""))
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{count} {noun} in {what}; nothing was written:\n{lines}")


def raise_if_any(problems: Iterable[Problem], what: str = "data") -> None:
    """Raise DataValidationError when the list of problems is not empty."""
    found = list(problems)
    if found:
        raise DataValidationError(found, what)


def _rank_within_basis(frame: pd.DataFrame) -> pd.Series:
    """Tell, row by row, whether a rank lies within 1..basis."""
    return frame["rank"].isna() | ((frame["rank"] >= 1) & (frame["rank"] <= frame["basis"]))


def _unique_key(frame: pd.DataFrame) -> pd.Series:
    """Tell, row by row, whether a row's province-basis-year-measure key is unique."""
    key = ["province_code", "basis", "year", "measure"]
    return ~frame.duplicated(subset=key, keep=False)


def _equal_score_ranks(frame: pd.DataFrame) -> list[tuple[list, list]]:
    """Return, per set of rows with one score in a basis-year-measure, their labels and ranks."""
    out = []
    both = frame.dropna(subset=["rank", "score"])
    for _, group in both.groupby(["basis", "year", "measure"]):
        for _, same in group.groupby(group["score"].round(9)):
            out.append((list(same.index), [int(r) for r in same["rank"]]))
    return out


def tie_is_accepted(ranks: list[int]) -> bool:
    """Tell whether equal printed scores may carry these published ranks: one shared rank, or
    distinct consecutive ranks (the publisher broke the tie on decimals it did not print)."""
    distinct = sorted(set(ranks))
    return len(distinct) == 1 or (len(distinct) == len(ranks)
                                  and distinct == list(range(distinct[0], distinct[-1] + 1)))


def score_ties(frame: pd.DataFrame) -> pd.Series:
    """Tell, row by row, whether a row shares its printed score with a row ranked otherwise."""
    tie = pd.Series(False, index=frame.index)
    for labels, ranks in _equal_score_ranks(frame):
        if len(set(ranks)) > 1:
            tie[labels] = True
    return tie


def _rank_follows_score(frame: pd.DataFrame) -> pd.Series:
    """Tell, row by row, whether a higher score never has a worse rank in its group."""
    ok = pd.Series(True, index=frame.index)
    both = frame.dropna(subset=["rank", "score"])
    for _, group in both.groupby(["basis", "year", "measure"]):
        scores = group["score"].to_numpy()
        ranks = group["rank"].to_numpy()
        for label, score, rank in zip(group.index, scores, ranks, strict=True):
            if ((scores > score + 1e-9) & (ranks > rank)).any():
                ok[label] = False
    return ok


def _ties_are_consecutive(frame: pd.DataFrame) -> pd.Series:
    """Tell, row by row, whether rows of one printed score share a rank or run on (7, 8)."""
    ok = pd.Series(True, index=frame.index)
    for labels, ranks in _equal_score_ranks(frame):
        if not tie_is_accepted(ranks):
            ok[labels] = False
    return ok


def _complete_groups(frame: pd.DataFrame) -> pd.Series:
    """Tell, row by row, whether an official or derived group holds every province once."""
    ok = pd.Series(True, index=frame.index)
    ranked_by_table = frame["rank_origin"].eq("derived") | (
        frame["rank_origin"].eq("official") & frame["measure"].eq("overall"))
    for (basis, _, _), group in frame[ranked_by_table].groupby(["basis", "year", "measure"]):
        if group["province_code"].nunique() != basis:
            ok[group.index] = False
    return ok


RANKINGS = pa.DataFrameSchema(
    {
        "province_code": pa.Column(str, pa.Check.str_matches(r"^(U?\d{2})$")),
        "name_vi": pa.Column(str),
        "basis": pa.Column(int, pa.Check.isin(BASES)),
        "year": pa.Column(int, pa.Check.in_range(2020, 2030)),
        "measure_type": pa.Column(str, pa.Check.isin(MEASURE_TYPES)),
        "measure": pa.Column(str),
        "rank": pa.Column("Int64", pa.Check.ge(1), nullable=True),
        "score": pa.Column(float, pa.Check.in_range(0.0, 1.0), nullable=True),
        "origin": pa.Column(str, pa.Check.isin(ORIGINS)),
        "rank_origin": pa.Column(str, pa.Check.isin(ORIGINS), nullable=True),
        "score_origin": pa.Column(str, pa.Check.isin(ORIGINS), nullable=True),
        "source_id": pa.Column(str),
        "source_ref": pa.Column(str),
        "n_sources": pa.Column(int, pa.Check.ge(1)),
        "score_tie": pa.Column(bool),
    },
    checks=[
        pa.Check(_rank_within_basis, error="rank outside 1..N (N = 63 or 34 by basis)"),
        pa.Check(_unique_key, error="duplicate province-basis-year-measure after reconciliation"),
        pa.Check(_rank_follows_score, error="rank order contradicts score order: a higher "
                 "score has a worse rank"),
        pa.Check(_ties_are_consecutive, error="equal scores with published ranks that are "
                 "neither shared nor consecutive (a tie at the printed decimals is accepted when "
                 "the ranks run on, such as 7 and 8); check the ranks and scores as published"),
        pa.Check(lambda f: f["score_tie"] == score_ties(f),
                 error="score_tie does not match the equal scores"),
        pa.Check(_complete_groups, error="an official/derived year lacks some provinces"),
        pa.Check(lambda f: f["rank"].notna() | f["score"].notna(), error="neither rank nor score"),
    ],
    strict=True,
    coerce=True,
    name="dti_rankings",
)

CONFLICTS = pa.DataFrameSchema(
    {
        "province_code": pa.Column(str, pa.Check.str_matches(r"^(U?\d{2})$")),
        "name_vi": pa.Column(str),
        "basis": pa.Column("Int64", nullable=True),
        "year": pa.Column("Int64", nullable=True),
        "measure": pa.Column(str),
        "field": pa.Column(str, pa.Check.isin(["rank", "score", "change"])),
        "kind": pa.Column(str),
        "kept_value": pa.Column(str, nullable=True),
        "kept_source": pa.Column(str, nullable=True),
        "other_value": pa.Column(str, nullable=True),
        "other_source": pa.Column(str),
        **REASON_COLUMNS,
        "explanation": pa.Column(str),
    },
    strict=True,
    coerce=True,
    name="conflicts",
)

DROPPED = pa.DataFrameSchema(
    {
        "file": pa.Column(str),
        "row": pa.Column(int, pa.Check.ge(1)),
        "province_as_published": pa.Column(str),
        "year": pa.Column(str),
        "measure": pa.Column(str, nullable=True),
        **REASON_COLUMNS,
        "reason": pa.Column(str, pa.Check.str_length(min_value=1)),
    },
    strict=True,
    coerce=True,
    name="dropped",
)

UNIT_CHECKS = pa.DataFrameSchema(
    {
        "unit_code": pa.Column(str, pa.Check.str_matches(r"^U\d{2}$")),
        "name_vi": pa.Column(str),
        "year": pa.Column(int),
        "measure": pa.Column(str),
        "field": pa.Column(str, pa.Check.isin(["rank", "score"])),
        "published": pa.Column(float),
        "derived": pa.Column(float, nullable=True),
        "status": pa.Column(str, pa.Check.isin(["agrees", "disagrees", "no derived value"])),
        **REASON_COLUMNS,
        "source": pa.Column(str),
    },
    strict=True,
    coerce=True,
    name="unit_checks",
)

CHANGE_CHECKS = pa.DataFrameSchema(
    {
        "province_code": pa.Column(str),
        "name_vi": pa.Column(str),
        "year": pa.Column(int),
        "measure": pa.Column(str),
        "reported_change": pa.Column(int),
        "rank_before": pa.Column("Int64", nullable=True),
        "rank_after": pa.Column("Int64", nullable=True),
        "status": pa.Column(str, pa.Check.isin(["consistent", "inconsistent", "not verifiable"])),
        **REASON_COLUMNS,
        "why": pa.Column(str),
        "source": pa.Column(str),
    },
    strict=True,
    coerce=True,
    name="change_checks",
)

FACT_TYPES = ("dti_rank", "pillar_rank", "other_index_rank", "rank_change", "rank_target",
              "target_attainment", "target_count", "fraction", "indicator")

PRESS_FACTS = pa.DataFrameSchema(
    {
        "article_id": pa.Column(str, pa.Check.str_length(min_value=1)),
        "province": pa.Column(str),
        "published": pa.Column(str),
        "source_hint": pa.Column(str),
        "year": pa.Column("Int64", pa.Check.in_range(2015, 2035), nullable=True),
        "year_basis": pa.Column(str),
        "fact_type": pa.Column(str, pa.Check.isin(FACT_TYPES)),
        "pillar": pa.Column(str),
        "indicator_text": pa.Column(str),
        "value": pa.Column(float, nullable=True),
        "target": pa.Column(float, nullable=True),
        "unit": pa.Column(str),
        "denominator": pa.Column(float, pa.Check.gt(0), nullable=True),
        "qualifier": pa.Column(str),
        "origin": pa.Column(str, pa.Check.isin(["reviewed", "extracted"])),
        "source_id": pa.Column(str),
    },
    checks=[
        pa.Check(lambda f: ~f["fact_type"].isin(["dti_rank", "pillar_rank"]) | (
            (f["value"] >= 1) & (f["denominator"].isna() | (f["value"] <= f["denominator"]))),
            error="a rank lies within 1..N"),
        pa.Check(lambda f: f["fact_type"].ne("target_attainment") | f["target"].notna()
                 | f["denominator"].notna(), error="an attainment needs its target (or N)"),
    ],
    strict=True,
    coerce=True,
    name="press_facts",
)

TARGETS = pa.DataFrameSchema(
    {
        "province_code": pa.Column(str, pa.Check.str_matches(r"^\d{2}$")),
        "name_vi": pa.Column(str),
        "kind": pa.Column(str, pa.Check.isin(["attainment", "tally", "goal", "rank"])),
        "indicator": pa.Column(str),
        "year": pa.Column("Int64", nullable=True),
        "achieved": pa.Column(float, nullable=True),
        "target": pa.Column(float),
        "attainment_ratio": pa.Column(float, pa.Check.ge(0), nullable=True),
        "met": pa.Column("boolean", nullable=True),
        "how_judged": pa.Column(str),
        "article_id": pa.Column(str),
        "published": pa.Column(str),
        "source_id": pa.Column(str),
        "document": pa.Column(str, pa.Check.isin(["plan", "press"])),
    },
    strict=True,
    coerce=True,
    name="targets",
)

#: What a claimed rank was checked against (helpers.targets.press_targets.AGAINST).
CLAIM_CHECKS = ("official", "derived", "reported", "same_publisher", "own_press", "none")

CLAIMS = pa.DataFrameSchema(
    {
        "province_code": pa.Column(str),
        "name_vi": pa.Column(str),
        "article_id": pa.Column(str),
        "fact_type": pa.Column(str),
        "measure": pa.Column(str),
        "year": pa.Column("Int64", nullable=True),
        "claimed_rank": pa.Column(int, pa.Check.ge(1)),
        "of": pa.Column(float, nullable=True),
        "official_rank": pa.Column("Int64", nullable=True),
        "status": pa.Column(str, pa.Check.isin(["consistent", "inconsistent", "not verifiable"])),
        "why": pa.Column(str, pa.Check.str_length(min_value=1)),
        "origin": pa.Column(str),
        "basis": pa.Column("Int64", pa.Check.isin([63, 34]), nullable=True),
        "checked_against": pa.Column(str, pa.Check.isin(CLAIM_CHECKS)),
        "independent": pa.Column(bool),
    },
    strict=True,
    coerce=True,
    name="claims",
)

SCHEMAS: dict[str, pa.DataFrameSchema] = {
    **MODEL_SCHEMAS,
    "press_facts": PRESS_FACTS,
    "targets": TARGETS,
    "claims": CLAIMS,
    "dti_rankings": RANKINGS,
    "conflicts": CONFLICTS,
    "dropped": DROPPED,
    "unit_checks": UNIT_CHECKS,
    "change_checks": CHANGE_CHECKS,
}


def _problems_from(error: pa.errors.SchemaErrors, name: str, frame: pd.DataFrame) -> list[Problem]:
    """Turn pandera's failure cases into Problems naming the row, column and value."""
    problems = []
    file = f"data/processed/{name}.csv"
    table_checks = {str(c.error) for c in SCHEMAS[name].checks}
    seen: set[tuple] = set()
    for case in error.failure_cases.itertuples(index=False):
        index = case.index
        row = int(index) + 1 if index is not None and pd.notna(index) else None
        column = case.column if isinstance(case.column, str) else None
        value = case.failure_case
        if str(case.check) in table_checks and row is not None:
            column, value = None, _describe_row(frame, index)
        if (row, column, str(case.check)) in seen:
            continue
        seen.add((row, column, str(case.check)))
        problems.append(Problem(file, row, column, value, f"fails check: {case.check}"))
    return problems


def _describe_row(frame: pd.DataFrame, index: int) -> str:
    """Describe a processed row by its key and the raw rows it came from."""
    row = frame.loc[index]
    parts = [str(row.get(c)) for c in ("province_code", "basis", "year", "measure") if c in row]
    text = " ".join(parts)
    if "source_ref" in row:
        text += f" (from {row['source_ref']})"
    return text


def validate_tables(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Validate every table against its schema and raise one error listing every failure."""
    problems: list[Problem] = []
    validated = {}
    for name, frame in tables.items():
        schema = SCHEMAS[name]
        frame = frame.reset_index(drop=True)
        try:
            validated[name] = schema.validate(frame, lazy=True)
        except pa.errors.SchemaErrors as error:
            problems.extend(_problems_from(error, name, frame))
    raise_if_any(problems, "the processed tables")
    return validated


# -- provinces' own targets (data/processed/goals; the raw table's schema is in plan_targets) ----
PLAN_KINDS = ("rank_top_n", "rank_exact", "rank_improve", "score", "pillar_rank_top_n", "other_dx")
GOAL_STATUSES = ("met", "not_met", "on_track", "behind", "not_yet_due", "not_assessable",
                 "no_achieved_figure")

GOALS = pa.DataFrameSchema(
    {
        "code": pa.Column(str, pa.Check.str_matches(r"^U?\d{2}$")),
        "basis": pa.Column(int, pa.Check.isin(BASES)),
        "kind": pa.Column(str, pa.Check.isin(PLAN_KINDS)),
        "value": pa.Column(float),
        "due_year": pa.Column("Int64", pa.Check.in_range(2015, 2050), nullable=True),
        "status": pa.Column(str, pa.Check.isin(GOAL_STATUSES)),
        "stated_status": pa.Column(str, pa.Check.isin(["", "met", "not_met"])),
        "sources": pa.Column(str, pa.Check.str_length(min_value=1)),
    },
    checks=[pa.Check(lambda f: ~f.duplicated(["code", "kind", "measure", "indicator", "due_year",
                                              "value"]), error="one row per distinct target")],
    strict=False, coerce=True, name="goals",
)
SCHEMAS["goals"] = GOALS
