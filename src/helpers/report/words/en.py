"""English words of the report pages, one table per section (keys as in
the other languages' modules: tests/unit/test_language.py checks they agree)."""

from __future__ import annotations

#: Interface words: headings, labels, merger, conflicts, method box, downloads, what moved.
TEXT: dict[str, str] = {
    "title": "Digital Transformation Index: {name}",
    "unit_title": "Digital Transformation Index: {name} (unit formed in 2025)",
    "region": "Region",
    "rank": "Rank",
    "score": "Score",
    "change": "Change since {year}",
    "of": "of",
    "provinces": "provinces",
    "units": "units",
    "pillar_ranks": "Pillar ranks",
    "main_indices": "Main indices",
    "no_pillars": "No pillar ranks were published for {year} in the sources held.",
    "narrative": "Summary",
    "history": "Rank and score over the years",
    "indices": "Main indices against the country and the region",
    "peers": "Regional peers",
    "fundamentals": "What provinces like it usually reach",
    "targets": "Targets and the province's own claims",
    "method": "Data and method",
    "index_name": "Index",
    "value": "Score",
    "national_median": "National median",
    "best": "Best",
    "regional_mean": "Regional mean",
    "province": "Province",
    "unit": "Unit",
    "up": "up",
    "down": "down",
    "same": "unchanged",
    "first_time": "first year on this basis",
    "joint": "joint",
    "predicted": "Predicted rank",
    "observed": "Observed rank",
    "factor": "Factor",
    "contribution": "Contribution (points)",
    "target_kind": "Target",
    "achieved": "Achieved",
    "target": "Target",
    "met": "Met",
    "claimed": "Claimed rank",
    "official": "Official rank",
    "status": "Check",
    "why": "Why",
    "yes": "yes",
    "no": "no",
    "unknown": "not yet known",
    "sources": "Sources",
    "retrieved": "retrieved",
    "links": "Web pages behind this province's figures",
    "commit": "Code version",
    "built": "Built",
    "other_language": "Tiếng Việt",
    "back": "All reports",
    "method_break": "method change",
    "merger": "2025 merger",
    "no_history": "Only one year of results is held for {name}; there is no history to draw.",
    "no_model": "The factor model covers the 63 provinces only; see each predecessor's report.",
    "no_press": "No press facts about {name} are held yet.",
    "no_fundamentals": ("The factor model has no prediction for {name} this year (one of its "
                        "factors is not published for the province)."),
    "predecessors": "Formed from",
    "origin": "Origin",
    "year": "Year",
    "consistent": "consistent",
    "inconsistent": "inconsistent",
    "not verifiable": "not verifiable",
    "index_page": "Vietnam provincial Digital Transformation Index: reports",
    "national": "The national picture",
    "ranks_by_region": "Ranks by region",
    "tile_map": "Provinces coloured by DTI rank",
    "filter": "Filter by name or region",
    "report": "Report",
    "failed": "failed",
    "status_col": "Status",
    "rank_axis": "rank (1 = best)",
    "score_axis": "score (0-1)",
    "unit_2025": "2025 unit",
    "unit_rank": "{rank} of 34 in {year}",
    "province_rank": "{rank} of 63 in {year}",
    "unit_series": "{name} (unit, of 34)",
    "via_unit": "{unit}'s rank of 34",
    "units_only_index": ("DTI {year} was published for the 34 units formed in 2025 only: each "
                         "province shows its unit's rank of 34."),
    "unit_standing": "{unit}'s rank {year} (of 34 units)",
    "unit_only_year": ("DTI {year} was published for the 34 units formed on {date} only: {name} "
                       "is part of the unit {unit}, which ranked {rank} of 34 with a score of "
                       "{score}. This is the unit's result, not the province's."),
    "province_in_unit": "Since {date}, {name} is part of the unit {unit}, formed with {others}.",
    "province_unchanged": "{name} was not merged on {date}: it continues as a unit of its own.",
    "unit_unchanged": ("{name} was not merged on {date}: the unit has the territory of the "
                       "province of the same name."),
    "province_page": "Province page (ranks of 63)",
    "unit_page": "Unit page (ranks of 34)",
    "conflict": "Sources disagree: {host} gives, for {year}, {items}.",
    "conflict_item": "{measure} {field} {other}",
    "conflict_kept": " (kept here: {kept}, from the {kept_source}{why})",
    "conflict_withheld": " (withheld here{why})",
    "why_matches_other_year": "; probably the {year} figure under the wrong year",
    "why_matches_other_basis": "; probably the {basis}-basis figure",
    "why_sources_disagree": ": no official figure is held and the sources disagree",
    "why_source_year_doubtful": ": the same source's other figures match another year",
    "field_rank": "rank",
    "field_score": "score",
    "derived_note": ("Ranks marked “derived” are not published as ranks: they are obtained by "
                     "sorting the scores the ministry published."),
    "reported_note": ("Ranks marked “press” come from provincial portals and newspapers, all "
                      "sources agreeing."),
    "mark_derived": "derived",
    "mark_reported": "press",
    "agrees_published": "The unit's derived rank agrees with the rank published for it.",
    "download": "Download data (CSV)",
    "download_all": "Download the full table (CSV)",
    "citation": "Suggested citation",
    "licence": "Licence",
    "licence_code": "code",
    "licence_data": "data",
    "about": "About the index",
    "kind": "kind",
    "terms": "terms of reuse",
    "ties": "{count} {what} at {score}",
    "also_index": "Tiếng Việt",
    "units_map": "The 34 units formed in 2025, coloured by their DTI rank among the 34",
    "provinces_table": "The 63 provinces",
    "units_table": "The 34 units formed in 2025",
    "no_match": "No province or unit matches.",
    "commit_date": "commit date",
    "method_2024": ("DTI 2024 was computed with a changed method (47 indicators instead of 98), "
                    "so a change from 2023 to 2024 mixes the province's own movement with the "
                    "change of method"),
    "method_2021": "the method changed between the 2020 and 2021 assessments",
    "method_changed_in": "method changed in {year}",
    "method_alt": "The DTI method changed for the {years} assessments.",
    "and": " and ",
    "moved": "What moved",
    "moved_change": "Change {y0}→{y1} (places)",
    "moved_sentence": ("The largest move from {y0} to {y1}: {measure} {verb} from {r0} to {r1} "
                       "({n} place{s})."),
    "moved_none": "No main index changed rank from {y0} to {y1}.",
    "rose": "rose",
    "fell": "fell",
    "typical": "For comparison, {p} % of the {what} moved {n} place{s} or fewer in that index.",
    "moved_no_split": ("The overall score combines eight main indices and only four are "
                       "published for every province, so the change of the overall score cannot "
                       "be split exactly into the indices' contributions; their ranks are shown "
                       "instead."),
    "moved_none_held": ("Fewer than two years of main-index ranks are held for {name} on this "
                        "basis."),
    "moved_alt": "Ranks of the four main indices of {name}, {y0} to {y1}: {items}.",
    "similar": "Provinces most like it in development and governance",
    "similar_sentence": ("The five provinces closest to {name} on the model's development and "
                         "governance blocks ranked between {best} and {worst} of {n} in {year}; "
                         "{name} ranked {own}."),
    "similar_note": ("Development: income, urbanisation, trained labour and social insurance; "
                     "governance: the PCI. Closest: the smallest distance over the two blocks, "
                     "each scaled to the same spread across the {n_model} provinces modelled "
                     "({year}). Position: 1 = highest of the {n_model}."),
    "development_position": "Development (position)",
    "governance_position": "Governance (position)",
    "typical_overall": ("To judge a change: from {y0} to {y1}, {p} % of the {what} moved {n} "
                        "place{s} or fewer in the overall rank."),
    "typical_method": "These moves include the change of method of DTI {year}.",
    "mark_agrees": "agrees with the published rank",
    "cite": ("{who} ({y}). Vietnam provincial Digital Transformation Index reports: {name}, DTI "
             "{year} (version {version}, code {commit}, {date}).{url}"),
    "version": "version",
}

#: The targets section and page: status codes, target labels, sentences.
TARGETS: dict[str, str] = {
    "heading_goals": "What the province set out to do",
    "heading_unit": "unit",
    "kind_rank_top_n": "DTI rank: top {n}",
    "kind_rank_exact": "DTI rank: {n} or better",
    "kind_rank_improve": "DTI rank: up at least {n} place(s) a year",
    "kind_score": "DTI score at least {v}",
    "kind_pillar_rank_top_n": "{m} rank: top {n}",
    "kind_main_indices": "DTI main indices in the national top {n}",
    "each_pillar": "each pillar",
    "col_target": "Target",
    "col_due": "Due",
    "col_status": "Status",
    "col_whose": "Whose",
    "col_source": "Source",
    "col_value": "Value",
    "status_met": "met",
    "status_not_met": "not met",
    "status_on_track": "currently within the target",
    "status_behind": "currently outside the target",
    "status_not_yet_due": "not yet due",
    "status_not_assessable": "not assessable from the data held",
    "status_no_achieved_figure": "no achieved figure in the sources held",
    "rank_in": "rank {v} in {y}",
    "latest_rank": "latest rank {v} ({y})",
    "unnamed": "an indicator the source does not name {unit}",
    "main": "Main target: {label}{by}, {status}",
    "main_by": " by {due}",
    "main_rank": "rank {v} in {y}",
    "main_gap": "{d} {dir} the {nth} score of the others",
    "above": "above",
    "below": "below",
    "stale_rank": ("the latest rank of this measure held is from {y} ({v}), older than the "
                   "latest assessment"),
    "status_defs": ("Statuses: met / not met: judged on the rank (or figure) of the due year. "
                    "Currently within / outside the target: the due year is not yet assessed; "
                    "where the latest rank stands against the target, not a forecast. Not yet "
                    "due: no rank held to compare. Not assessable: the measure is not in the "
                    "rankings held, or its latest rank is older than the latest assessment."),
    "post_merger": ("due after the 2025 merger: DTI 2025 ranks the 34 units only, so a target "
                    "set among the 63 provinces can no longer be assessed as set"),
    "score_in": "score {v} ({y})",
    "gained": "{v} place(s) gained in {y}",
    "achieved_in": "{v} achieved ({y})",
    "achieved": "{v} achieved",
    "stated": "the source's notes: {s}",
    "disagrees": "differs from the status computed here",
    "conflicting": "another target for the same year differs",
    "undated": "no due year printed",
    "annual": "annual",
    "range": "lower end of a printed range",
    "doubtful": "doubtful source",
    "own": "own",
    "of_predecessor": "{name}, before the 2025 merger",
    "of_unit": "unit {name}, from 2025",
    "needed": ("To be in the top {n} in {y} needed at least {s}, the {nth} score of the other "
               "provinces; {name} had {o}."),
    "needed_years": "The {nth} score of the others by year (and the province's): ",
    "needed_year": "{y} {s} ({o})",
    "counts": "Targets counted by the sources (as stated)",
    "count_row": "{v} of {d}: {text}",
    "claims": "Ranks the province's own sources claim",
    "claim_consistent": "consistent",
    "claim_inconsistent": "inconsistent",
    "claim_not_verifiable": "not verifiable",
    "claim_consistent_dependent": "consistent (not an independent check)",
    "of_basis": "of {n}",
    "against": "Checked against",
    "against_official": "the official table",
    "against_derived": "ranks derived from the published scores",
    "against_reported": "ranks reported by other press sources",
    "against_same_publisher": "the same publisher's own reports (not an independent check)",
    "against_own_press": "ranks reported by the province's own media (not independent)",
    "against_none": "nothing held to check against",
    "article": "Article",
    "none_found": ("No target of {name} was found in the plans and press read for this project. "
                   "An absent target means none was found, not that none was set."),
    "chart_label": "top {n} by {y}",
    "chart_label_undated": "top {n}",
    "page_title": "Provinces' own DTI targets and where they stand",
    "page_intro": ("Each row is a target a province or 2025 unit set for its DTI rank, score or "
                   "a pillar, from its plans and press, with the status computed here from the "
                   "rankings held (latest assessment: DTI {y}). A province that is absent had no "
                   "such target in the sources read: none found, not none set."),
    "counts_by_status": "Targets by status",
    "province": "Province or unit",
    "latest": "Judged on",
    "need": "Score of the N-th (latest year)",
    "basis": "Basis",
    "back": "All reports",
    "post_merger_share": ("judged here instead by the same share of the 34 units: the top {n} "
                          "of 63 are the best {p} %, the top {m} of 34 ({unit}, the unit after "
                          "the merger, ranked {rank} of 34 in {y}: {verdict})"),
    "post_merger_within": "currently within",
    "post_merger_outside": "currently outside",
}

#: The targets page's own words: what each status means, filter, download.
TARGETS_INDEX: dict[str, str] = {
    "met": "the rank (or score) of the due year reaches the target",
    "not_met": "the rank (or score) of the due year falls short of the target",
    "on_track": "not yet due; the latest rank already reaches the target",
    "behind": "not yet due; the latest rank falls short of the target",
    "not_yet_due": "due after the latest assessment, with no rank held to compare",
    "not_assessable": "the clean table does not hold the measure the target is about",
    "no_achieved_figure": "no source held states what was achieved",
    "definitions": "What each status means",
    "show": "Show targets by status",
    "all": "all",
    "download": "These targets as CSV",
    "citation": "Suggested citation",
    "cite_title": "Provinces' own DTI targets and where they stand",
    "odds": "How likely it looked",
    "odds_note": ("How likely it looked: the model's probability, made only from the years "
                  "before the due year, that the province would reach the target (met or not "
                  "met targets only; – where no complete year came before)."),
}

#: The section "what provinces like it usually reach".
FUNDAMENTALS: dict[str, str] = {
    "observed": "Observed rank",
    "usual80": "Usual range for provinces like it (80 %)",
    "usual95": "Wider range (95 %)",
    "above": "above what provinces with similar development and governance usually reach",
    "below": "below what provinces with similar development and governance usually reach",
    "above_far": "well above what provinces with similar development and governance usually reach",
    "below_far": "well below what provinces with similar development and governance usually reach",
    "inside": "within what provinces with similar development and governance usually reach",
    "block": "Block",
    "position": "Its position (1 = highest)",
    "association": "Across provinces",
    "contribution": "Difference from the average province's usual score (0-1 scale)",
    "higher": ("higher goes with a higher score in each of the {years} years of the main model; "
               "the 95 % interval is clear of zero in {clear} of {years}"),
    "lower": ("higher goes with a lower score in each of the {years} years of the main model; "
              "the 95 % interval is clear of zero in {clear} of {years}"),
    "development": "Development (income, urbanisation, trained labour, social insurance)",
    "governance": "Governance (PCI)",
    "bench": ("Checked out of sample against a naive benchmark (fitted on {train}, predicting "
              "{year}): last year's rank alone missed this year's rank by {persistence} places "
              "on average, the fundamentals by {fundamentals}."),
    "note": ("Ranges come from {n} provinces' scores simulated from their development and "
             "governance; associations across provinces, not causes (method: notebook "
             "20-model-factors)."),
    "axis": "rank (1 = best)",
    "of": "of",
    "given": ("Given its {previous_year} score, provinces like it usually moved between {low} "
              "and {high} places; it moved {moved}: {verdict}."),
    "given_above": "above that range",
    "given_below": "below that range",
    "given_above_far": "well above that range",
    "given_below_far": "well below that range",
    "given_inside": "within that range",
    "given_edge_above": "at the upper edge of that range",
    "given_edge_below": "at the lower edge of that range",
    "tail_above": ("Among provinces like it, a move this good or better comes about {p} % of the "
                   "time."),
    "tail_below": ("Among provinces like it, a move this poor or poorer comes about {p} % of the "
                   "time."),
    "moved": "Move since {previous_year}",
    "usual_move": "Usual move for provinces like it (80 %)",
    "level": ("From development and governance alone, without where it started: rank "
              "{low80}–{high80} (80 %), {low95}–{high95} (95 %); it ranks {observed}, {verdict}."),
    "given_note": ("Moves in places (positive: up) among {n} provinces, given last year's score, "
                   "development and governance, from a fit without {name}."),
    "move_axis": "places moved since {previous_year} (positive: up)",
    "details": "Development and governance: benchmark and blocks",
    "pillar": "{index}, one of the indices where development and governance, checked out "
              "of sample, did no worse than last year's rank: provinces like it usually "
              "rank {low80}–{high80} of {n} (80 %); it ranks {observed}, {verdict}.",
    "pillar_inside": "within that range", "pillar_above": "above that range",
    "pillar_below": "below that range",
    "alt_level": "{name} ranks {observed} of {n}; 80 % range {low}–{high}: {verdict}.",
}

#: The claims sentence's parts (empty counts are left out).
CLAIMS: dict[str, str] = {
    "lead": "Of the {n} rank{s} it claims, ",
    "none": "none could be checked against the rankings held.",
    "checked": "{k} could be checked: ",
    "official": "{v} against the ministry's table",
    "derived": "{v} against ranks derived from the published scores",
    "reported": "{v} against other press reports",
    "dependent": ("{v} only against the province's own media or the same publisher (not "
                  "independent)"),
    "result": " Of the {v} checked independently, {m} and {d}.",
    "all_match": " All {v} checked independently match.",
    "all_differ": " All {v} checked independently differ.",
    "one_match": " The one checked independently matches.",
    "one_differ": " The one checked independently differs.",
    "match": "{n} match",
    "differ": "{n} differ",
    "no_independent": " None was checked independently.",
}

#: The targets-met sentence.
ATTAINMENT: dict[str, str] = {
    "press": "Its press reports",
    "plan": "Its plans",
    "judged": ("{who} give {n} targets with the achieved figure beside the target, {m} of them "
               "met."),
    "judged_one": ("{who} give 1 target with the achieved figure beside the target, and it was "
                   "{met}."),
    "met": "met",
    "not_met": "not met",
    "none": "none",
    "tally": "{who} count {m} of {d} target{s} met{y}.",
    "year": " ({y})",
}

#: The DTI forecast paragraph of a unit ({low80} etc. are ordinals).
FORECAST: dict[str, str] = {
    "lead": ("DTI {year} forecast: between {low80} and {high80} of {n} (80 %), {low95}–{high95} "
             "(95 %); made on {made_on} from {commit}; scored when the {year} table is added."),
    "honest": ("A model range, not a prediction of the exact rank: with each predecessor's score "
               "simulated from its {from_year} score as provinces have usually moved, the unit's "
               "rank falls in the first range in 80 % of draws, in the second in 95 %."),
    "methods": "How these numbers were made",
    "column": "{year} forecast (80 %)",
}

# -- English text of the data (the press facts' closed vocabulary, plan indicators), as shown
# on this language's pages (English pages show it as written: no entries).
#: Plan indicators named in English in the raw table.
PLAN_INDICATORS: dict[str, str] = {}
#: The measures helpers.press.concepts names.
PRESS_CONCEPTS: dict[str, str] = {}
#: Fixed press-fact descriptions and the heads of described ones ("target: X (unit)").
PRESS_PHRASES: dict[str, str] = {}
