"""Clean DTI rankings: read the raw tables, derive what is missing, reconcile the sources.

The rules, in order (the notebook 10-clean-rankings shows each outcome):

1. **Complete years** come from the score table (all 63 provinces, overall score and four
   main indices). Ranks are derived by sorting the score (equal scores share the best rank;
   origin ``derived``), except where the official ranking table gives the rank (origin
   ``official``). Official and derived ranks are compared; a difference is a conflict.
2. **The 34 units of 2025** get, for every measure of the merger year, the arithmetic mean of
   their predecessors' values (the ministry's own rule) and a rank derived among the 34.
3. **Reported rows** (press and portals) are compared with the official/derived value for the
   same province, basis, year and measure. Agreement adds the row as a corroborating source;
   disagreement is a conflict and the official/derived value stays. A rank agrees when equal;
   a score agrees when equal at the precision the source printed ("0,24" matches 0.2400 to
   0.2449). Rows from dti.gov.vn count as official.
4. **Reported-only figures** (2020, 2021, pillars, the other main indices) enter the clean table
   when all their sources agree (origin ``reported``). Disagreeing sources leave the value empty
   and are listed as conflicts with every source.
5. **Doubtful rows**: a pillar score equal to the province's activity index of the same name is
   a mislabelled activity index; a value matching another year's official figure suggests a
   wrong year, and then the same source's other figures for that province and year are
   withheld too. A row with no basis stated is placed on the basis it agrees with, if exactly
   one; rows with an unknown year, no figure, or a 2020-method component index are dropped,
   each with its reason.

Which files are read comes from the sources register (``kind``, ``basis``, ``years``,
``measure``): a year published on the 34 basis only (DTI 2025 on) is an official table with
basis 34 and is cleaned like any other. Every decision carries a reason code
(``helpers.reasons`` words it in English and Vietnamese).

The steps, in modules: ``read`` (raw files to observations), ``reconcile`` (rules 1, 3-5),
``units`` (rule 2), ``changes`` (reported rank changes), ``stage`` (``clean``, ``write``).
"""

from __future__ import annotations

from .changes import check_change, check_changes, read_changes
from .figures import (
                      MAIN_INDICES,
                      MERGER_YEAR,
                      PILLARS,
                      SCORE_COLUMNS,
                      Entry,
                      Obs,
                      main_index_id,
                      measure_type,
                      score_agrees,
)
from .read import Observations, RawTable, Reader, registered_tables
from .reconcile import Reconciler
from .stage import CleanResult, clean, coverage, load, read, reconcile, write
from .units import add_units, check_units, derivable_years

__all__ = [
    "MAIN_INDICES", "MERGER_YEAR", "PILLARS", "SCORE_COLUMNS", "CleanResult", "Entry", "Obs",
    "Observations", "RawTable", "Reader", "Reconciler", "add_units", "check_change",
    "check_changes", "check_units", "clean", "derivable_years", "coverage", "load", "main_index_id",
    "measure_type", "read", "read_changes", "reconcile", "registered_tables", "score_agrees",
    "write",
]
