"""The model wing: which provincial fundamentals go with a better DTI, and what they cannot say.

Modules: `covariates` (the factors), `estimation` (small-sample statistics), `blocks`
(composites and specifications), `intervals` (rank intervals), `conditional` (ranges given
where a province started), `validation` (out of sample), `repeated` (random intercepts, the
2024 break), `stage` (the stage notebook 20 runs), `plots`.
The stage's functions are re-exported here, so ``from helpers import model; model.run(...)``.
"""

from .stage import (
                    METHOD_CHANGE_YEAR,
                    Results,
                    assemble,
                    complete_years,
                    hypotheses,
                    model_frame,
                    outside_counts,
                    partial_years,
                    persistence_sentences,
                    point_errors,
                    run,
                    selection_effect,
                    summary,
                    unit_only_note,
                    unit_only_years,
                    validate,
                    write,
)

__all__ = ["METHOD_CHANGE_YEAR", "Results", "assemble", "complete_years", "hypotheses",
           "model_frame", "outside_counts", "partial_years", "persistence_sentences",
           "point_errors", "run",
           "selection_effect", "summary", "unit_only_note", "unit_only_years", "validate", "write"]
