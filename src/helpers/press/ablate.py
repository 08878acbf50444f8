"""Ablation: switch each mechanism of the extractor off in turn and count the true positives lost.

A mechanism is named with the functions that carry it and a neutral stand-in for each (what the
extractor would do without it: no referent for an anaphor, no typed year, no topic but the DTI,
...). ``ablate(folder)`` scores the folder with the shared scorer once as it is and once per
mechanism switched off; the true positives a mechanism's absence loses are the facts it
resolved (``python -m helpers.press ablate DIR``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib
from collections.abc import Callable, Iterator
from pathlib import Path

from . import (
    coordination,
    discourse,
    english,
    frames,
    gazetteer,
    goals,
    grammar,
    indicators,
    lists,
)
from .evaluate import TYPES, evaluate

#: The module (the package's name ``extract`` is the function of the same name).
reader = importlib.import_module(f"{__package__}.extract")


def _untyped_years(sentence: str) -> tuple[grammar.YearMention, ...]:
    """Return the years of a sentence with no type: no comparison, due date or edition."""
    return tuple(dataclasses.replace(y, comparison=False, due=False, edition=False)
                 for y in _ORIGINAL_YEARS(sentence))


_ORIGINAL_YEARS = grammar.years


def _noop(*_args: object, **_kwargs: object) -> None:
    """Do nothing (a reader switched off)."""


#: mechanism -> (module or class, attribute, stand-in) for each function that carries it.
MECHANISMS: dict[str, tuple[tuple[object, str, Callable[..., object]], ...]] = {
    "discourse (fronted topics, anaphora, sequences)": (
        (discourse, "referent", lambda *a, **k: None),
        (discourse, "fronted", lambda *a, **k: None),
        (lists.ListReaders, "sequences", _noop),
    ),
    "discourse focus (lists and national digressions keep it)": (
        (discourse, "sets_focus", lambda *a, **k: True),
    ),
    "typed years (comparison, due, edition)": (
        (grammar, "years", _untyped_years),
    ),
    "coordination (respectively, broadcast, shared value)": (
        (coordination, "sharing", lambda *a, **k: []),
        (coordination, "all_pillars", lambda *a, **k: False),
        (lists.ListReaders, "respectively", _noop),
        (lists.ListReaders, "distribute", _noop),
        (lists.ListReaders, "ordinal_lists", _noop),
    ),
    "target frames (plan passages, paired values)": (
        (frames, "opens", lambda *a, **k: False),
        (goals.GoalReaders, "attainments", _noop),
        (goals, "_own_due", lambda *a, **k: None),
    ),
    "plan lists (a heading ending in ':' over its items)": (
        (frames, "continues", lambda *a, **k: False),
    ),
    "announced goals ('... goals. Specifically, 97% ...')": (
        (frames, "specifies", lambda *a, **k: False),
    ),
    "target tallies without a total ('completed 12 targets')": (
        (goals.GoalReaders, "tallies", _noop),
    ),
    "task tallies ('Of the 18 tasks, 12 have been completed')": (
        (goals.GoalReaders, "task_tallies", _noop),
    ),
    "a due year later than the text's ('to 73% by 2025' in 2023)": (
        (goals, "_due_later", lambda *a, **k: False),
    ),
    "current level beside a target ('up from 22% at present')": (
        (frames, "current", lambda *a, **k: False),
    ),
    "pillar of a rank target ('top 15 in digital government')": (
        (goals, "target_pillar", lambda *a, **k: "overall"),
    ),
    "counted noun before a count ('the number of X reached N')": (
        (indicators, "counted_noun", lambda *a, **k: ""),
    ),
    "headline figures merged with the body's (rule 9.1)": (
        (reader, "headline_pair", lambda *a, **k: False),
    ),
    "topic model of rankings (nearest ranking name)": (
        (reader, "topic_of", lambda *a, **k: []),
        (reader.Reader, "_carried_topic", lambda *a, **k: [None]),
        (indicators, "topic_of", lambda *a, **k: []),
    ),
    "English aggregates (national, ministry and province blocs)": (
        (english, "aggregate", lambda *a, **k: []),
    ),
    "English scopes (region, districts, ministries, occurrences, groups)": (
        (english, "not_a_rank", lambda *a, **k: ""),
    ),
    "scope kept by gapping ('first among districts, while B second')": (
        (english, "gapped_scope", lambda *a, **k: ""),
    ),
    "English year types (since, than, compared with, event names)": (
        (english, "year_type", lambda *a, **k: ""),
        (english, "own_year", lambda *a, **k: False),
    ),
    "English gapped positions ('A second, B third')": (
        (english, "positions", lambda *a, **k: []),
    ),
}


@contextlib.contextmanager
def switched_off(name: str) -> Iterator[None]:
    """Run the block with one mechanism replaced by its neutral stand-ins."""
    saved = []
    try:
        for owner, attribute, stand_in in MECHANISMS[name]:
            saved.append((owner, attribute, vars(owner)[attribute]))
            setattr(owner, attribute, stand_in)
        _clear_caches()
        yield
    finally:
        for owner, attribute, original in reversed(saved):
            setattr(owner, attribute, original)
        _clear_caches()


def _clear_caches() -> None:
    """Forget the cached years, topics and mentions (they depend on the mechanisms)."""
    for cached in (_ORIGINAL_YEARS, grammar.topics, gazetteer.mentions):
        cached.cache_clear()


def ablate(folder: Path, scorer: Path | None = None) -> list[dict]:
    """Return, per mechanism, the true positives lost (per type) when it is switched off."""
    base = evaluate(Path(folder), scorer)
    gold = base["overall"]["tp"] + base["overall"]["fn"]
    rows = [{"mechanism": "(all on)", "gold": gold,
             **{t: base[t]["tp"] for t in TYPES}, "f1": base["overall"]["f1"]}]
    for name in MECHANISMS:
        with switched_off(name):
            result = evaluate(Path(folder), scorer)
        rows.append({"mechanism": name, "gold": gold,
                     **{t: base[t]["tp"] - result[t]["tp"] for t in TYPES},
                     "f1": result["overall"]["f1"]})
    return rows


def ablation_table(rows: list[dict]) -> str:
    """Return the ablation as a text table: tp lost per type, share of the gold facts, F1."""
    short = ("dti", "pillar", "change", "target", "indic", "all")
    lines = [f"{'mechanism switched off':68s} " + " ".join(f"{s:>6s}" for s in short)
             + f" {'share':>6s} {'F1':>6s}"]
    for row in rows:
        share = row["overall"] / row["gold"] if row["gold"] else 0.0
        label = "tp (all mechanisms on)" if row["mechanism"] == "(all on)" else row["mechanism"]
        lines.append(f"{label:68s} " + " ".join(f"{row[t]:6d}" for t in TYPES)
                     + f" {share:6.1%} {row['f1']:6.3f}")
    return "\n".join(lines)

