"""The targets wing: the provinces' own targets and the press claims, as data (stage 11).

Modules: `press_targets` (reviewed press facts, targets and rank claims from them),
`plan_targets` (the plan targets of data/raw/targets) and `goals` (one row per distinct target,
with its status). Nothing is re-exported, so a page reading `goals` does not load the press
extractor.
"""
