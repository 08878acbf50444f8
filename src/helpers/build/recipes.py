"""The maintainer's recipes as commands: ``dti add-source``, ``press accept``, ``new-notebook``.

Each command does what CONTRIBUTING.md's recipes used to ask of a hand edit, and checks it the
way ``dti check`` will: a register row with its checksum (and every read column its kind
needs), reviewed press facts with their article, date and publisher, a notebook with its setup
and parameters cells. Every write is atomic; a refused command changes nothing.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import re
import shutil
import sys
from pathlib import Path

import pandas as pd

from .. import config, provinces, sources, store
from . import plan


class RecipeError(ValueError):
    """A recipe command refused; the message says what to fix. Nothing was changed."""


# -- dti add-source ------------------------------------------------------------------------------
def _register_text(rows: list[dict[str, str]], header: list[str]) -> str:
    """Return the register as CSV text (one line per row, quoted only where needed)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _read_register(raw: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Return the register's header and rows as text."""
    with open(raw / "sources.csv", encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def _place(file: Path, raw: Path, folder: str) -> tuple[str, bool]:
    """Return the file's path under data/raw (copied into its kind's folder if outside), and
    whether it was copied now."""
    file = file.resolve()
    if file.is_relative_to(raw.resolve()):
        return file.relative_to(raw.resolve()).as_posix(), False
    target = raw / (folder or "misc") / file.name
    if target.exists():
        if sources.sha256(target) != sources.sha256(file):
            raise RecipeError(f"data/raw/{target.relative_to(raw).as_posix()} already exists "
                              "with other contents; rename the new file")
        return target.relative_to(raw).as_posix(), False
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(file, target)  # byte for byte: raw files stay as published
    return target.relative_to(raw).as_posix(), True


def _unplace(raw: Path, rel: str, copied: bool) -> None:
    """Remove the copy _place made of a file from outside data/raw (a refusal changes nothing)."""
    if copied:
        (raw / rel).unlink()


def _source_id(rel: str) -> str:
    """Return a register id made from a file's name (official_2025_ranking -> the same)."""
    return re.sub(r"[^a-z0-9]+", "_", Path(rel).stem.lower()).strip("_")


def _register_row(rows: list[dict[str, str]], rel: str, raw: Path, update: bool,
                  given: dict[str, str]) -> dict[str, str]:
    """Add or refresh a file's row in the register's rows; refuse a row the check would refuse."""
    existing = {row["path"]: n for n, row in enumerate(rows)}
    if rel in existing and not update:
        raise RecipeError(f"data/raw/{rel} is already registered (row {existing[rel] + 1} of "
                          "data/raw/sources.csv); add --update to record a new version's sha256")
    if update and rel not in existing:
        raise RecipeError(f"data/raw/{rel} is not registered yet; leave out --update")
    needed = [k for k in ("title", "origin", "licence") if not given[k]]
    if not update and needed:
        raise RecipeError("say where the file comes from: give " + ", ".join(
            f"--{k}" for k in needed) + " (what it is, publisher and URL, terms of reuse); "
            "they go into its register row")
    digest = sources.sha256(raw / rel)
    if update:
        row = rows[existing[rel]]
        row.update({k: v for k, v in given.items() if v and k != "source_id"})
        row["sha256"] = digest
    else:
        with open(raw / rel, encoding="utf-8-sig", newline="") as handle:
            found = next(csv.reader(handle), [])
        row = {c: "" for c in rows[0]} | given | {
            "source_id": given["source_id"] or _source_id(rel), "path": rel, "sha256": digest,
            "columns": given["columns"] or " | ".join(found)}
        if row["source_id"] in {r["source_id"] for r in rows}:
            raise RecipeError(f"source_id {row['source_id']!r} is taken; give another with "
                              "--source-id")
        rows.append(row)
    problems = sources.row_problems(rows.index(row) + 1, row) + sources.file_problems(raw, row)
    if problems:
        raise RecipeError("not registered:\n" + "\n".join(f"  - {p}" for p in problems))
    return row


def add_source(file: Path, kind: str, basis: str = "", years: str = "", measure: str = "",
               title: str = "", origin: str = "", licence: str = "", columns: str = "",
               source_id: str = "", retrieved: str = "", update: bool = False,
               raw_dir: Path | None = None) -> dict[str, str]:
    """Append (or, with update, refresh) a file's register row with its sha256; return the row."""
    raw = Path(raw_dir or config.RAW_DIR)
    if kind not in sources.KINDS:
        raise RecipeError(f"--kind {kind!r} is not a kind the stages read; use one of "
                          f"{', '.join(sources.KINDS)}")
    if not Path(file).is_file():
        raise RecipeError(f"{file}: no such file")
    header, rows = _read_register(raw)
    rel, copied = _place(Path(file), raw, sources.KINDS[kind].folder)
    try:
        row = _register_row(rows, rel, raw, update, {
            "kind": kind, "basis": basis, "years": years, "measure": measure, "title": title,
            "origin": origin, "licence": licence, "columns": columns, "source_id": source_id,
            "retrieved": retrieved or dt.date.today().isoformat()})
    except RecipeError:
        _unplace(raw, rel, copied)  # a refused command changes nothing
        raise
    store.write_text_atomic(raw / "sources.csv", _register_text(rows, header))
    return row


# -- DATA-LICENSE.md's table of sources -----------------------------------------------------------
TERMS_BEGIN = ("<!-- generated from data/raw/sources.csv by `dti add-source` (or `dti docs`); "
               "edit the register -->")
TERMS_END = "<!-- end of the generated table -->"


def _cell_text(value: str) -> str:
    """Return register text as one Markdown table cell (one line, bars escaped)."""
    return " ".join(str(value).split()).replace("|", "\\|")


def terms_table(raw_dir: Path | None = None) -> str:
    """Return DATA-LICENSE.md's table of sources, one row per register row, with markers."""
    raw = Path(raw_dir or config.RAW_DIR)
    _, rows = _read_register(raw)
    lines = ["| source_id | file in `data/raw/` | publisher (register `origin`) | terms "
             "(register `licence`) |", "|---|---|---|---|"]
    lines += [f"| `{r['source_id']}` | `{r['path']}` | {_cell_text(r['origin'])} | "
              f"{_cell_text(r['licence'])} |" for r in rows]
    return "\n".join([TERMS_BEGIN, *lines, TERMS_END])


def write_terms(raw_dir: Path | None = None, doc: Path | None = None) -> str:
    """Rewrite DATA-LICENSE.md's table from the register; say what became of it."""
    doc = Path(doc or config.ROOT / "DATA-LICENSE.md")
    if not doc.is_file():
        return f"{doc.name} not in this checkout"
    changed = plan.replace_block(doc, terms_table(raw_dir), TERMS_BEGIN, TERMS_END)
    return f"{doc.name}: {'rewritten from' if changed else 'already matches'} the register"


# -- dti press accept ----------------------------------------------------------------------------
#: The reviewed-facts columns a folder's expected_facts.csv (the labelling schema) fills in.
FACT_COLUMNS = ("province", "year", "fact_type", "pillar", "indicator_text", "value", "target",
                "unit", "denominator")
FACT_TYPES = ("dti_rank", "pillar_rank", "rank_change", "target_attainment", "indicator")


#: An article's date as printed: a year, a month or a day (empty when it prints none).
_DATE = re.compile(r"\d{4}(-\d\d(-\d\d)?)?")


def _article_problems(manifest: pd.DataFrame, used: set[str]) -> list[str]:
    """Return, once per article that facts cite, a missing URL or publisher or a bad date."""
    problems = []
    for number, article in enumerate(manifest.to_dict("records"), start=1):
        if article.get("file") not in used:
            continue
        where = f"manifest.csv, row {number} (article {article['file']!r})"
        if not str(article.get("source_hint", "")).strip():
            problems.append(f"{where}, column 'source_hint': empty; give the article's URL or "
                            "publisher (every accepted fact keeps it)")
        published = str(article.get("published", "")).strip()
        if published and not _DATE.fullmatch(published):
            problems.append(f"{where}, column 'published', value {published!r}: write the "
                            "date the article prints as YYYY, YYYY-MM or YYYY-MM-DD (empty when "
                            "it prints none)")
    return problems


def _accepted(folder: Path, review: Path | None) -> pd.DataFrame:
    """Return the reviewed facts of a folder with their article's date and publisher."""
    table = review or folder / "expected_facts.csv"
    if not table.is_file():
        raise RecipeError(f"{table}: no reviewed facts; keep the facts you accept in "
                          "DIR/expected_facts.csv (the labelling schema) or pass --review FILE")
    facts = pd.read_csv(table, dtype=str, keep_default_na=False)
    manifest = pd.read_csv(folder / "manifest.csv", dtype=str, keep_default_na=False)
    missing = [c for c in ("file", *FACT_COLUMNS) if c not in facts.columns]
    if missing:
        raise RecipeError(f"{table}: column(s) {', '.join(missing)} missing; use the labelling "
                          "schema (file, province, year, fact_type, pillar, indicator_text, "
                          "value, target, unit, denominator)")
    articles = manifest.set_index("file")
    problems = _article_problems(manifest, set(facts["file"]))
    for number, fact in enumerate(facts.to_dict("records"), start=1):
        where = f"{table.name}, row {number} (line {number + 1})"
        if fact["file"] not in articles.index:
            problems.append(f"{where}, column 'file', value {fact['file']!r}: not in "
                            "manifest.csv; list the article with its date and publisher")
            continue
        if fact["fact_type"] not in FACT_TYPES:
            problems.append(f"{where}, column 'fact_type', value {fact['fact_type']!r}: use "
                            f"one of {', '.join(FACT_TYPES)}")
        for column in ("value", "target", "denominator", "year"):
            if fact[column] and pd.isna(pd.to_numeric(fact[column], errors="coerce")):
                problems.append(f"{where}, column {column!r}, value {fact[column]!r}: not a "
                                "number")
        if fact["province"]:
            try:
                provinces.resolve(fact["province"])
            except provinces.UnknownProvinceError as error:
                problems.append(f"{where}, column 'province', value {fact['province']!r}: "
                                f"{error}")
    if problems:
        raise RecipeError("nothing accepted:\n" + "\n".join(f"  - {p}" for p in problems))
    facts["article_id"] = facts["file"]
    facts["published"] = facts["file"].map(articles["published"])
    facts["source_hint"] = facts["file"].map(articles["source_hint"])
    return facts


#: What makes two facts of an article the same fact, its description aside (unit and
#: denominator count: "2 of 13 departments" and "2 of 20 districts" are two facts).
FACT_KEY = ["article_id", "province", "year", "fact_type", "pillar", "value", "target", "unit",
            "denominator"]


def _not_held(new: pd.DataFrame, held: pd.DataFrame) -> pd.DataFrame:
    """Return the facts of new that held lacks: per key, as many as new has beyond held's count
    (distinct descriptions are distinct facts: three "80% by 2025" targets of one article), the
    ones held does not describe alike first, so a re-review that words a fact anew adds nothing."""
    new = new.drop_duplicates(FACT_KEY + ["indicator_text"])
    held_n = held.groupby(FACT_KEY).size()
    held_texts = set(map(tuple, held[FACT_KEY + ["indicator_text"]].to_numpy()))
    keep = []
    for key, group in new.groupby(FACT_KEY, sort=False):
        room = len(group) - int(held_n.get(key, 0))
        alike = [tuple(r) in held_texts for r in group[FACT_KEY + ["indicator_text"]].to_numpy()]
        keep += [i for i, same in zip(group.index, alike, strict=True) if not same][:max(room, 0)]
    return new.loc[sorted(keep)]


def press_accept(folder: Path, review: Path | None = None,
                 raw_dir: Path | None = None) -> tuple[int, int]:
    """Append a folder's reviewed facts to reviewed_facts.csv and re-register it; (added, held)."""
    raw = Path(raw_dir or config.RAW_DIR)
    path = raw / "press" / "reviewed_facts.csv"
    held = pd.read_csv(path, dtype=str, keep_default_na=False)
    new = _accepted(Path(folder), review)[list(held.columns)]
    fresh = _not_held(new, held)
    if len(fresh):
        out = io.StringIO()
        fresh.to_csv(out, index=False, header=False, lineterminator="\n")
        text = path.read_text(encoding="utf-8")
        store.write_text_atomic(path, text + ("" if text.endswith("\n") else "\n")
                                + out.getvalue())
        register = sources.register(raw / "sources.csv")
        row = register[register["path"] == "press/reviewed_facts.csv"]
        add_source(path, row["kind"].iloc[0], update=True, raw_dir=raw)
    return len(fresh), len(new) - len(fresh)


def unreviewed_facts(processed_dir: Path | None = None) -> pd.DataFrame:
    """Return the facts of press_facts.csv extracted automatically and not reviewed."""
    path = Path(processed_dir or config.PROCESSED_DIR) / "press_facts.csv"
    if not path.is_file():
        return pd.DataFrame(columns=["article_id", "origin"])
    facts = pd.read_csv(path, dtype=str, keep_default_na=False)
    return facts[facts.get("origin", pd.Series("", index=facts.index)) == "extracted"]


def refuse_unreviewed(func: object) -> object:
    """Wrap dti reports: refuse tables holding unreviewed extracted facts unless asked."""
    def run(args: argparse.Namespace) -> int:
        found = unreviewed_facts()
        if len(found):
            articles = sorted(set(found["article_id"]))
            what = (f"data/processed/press_facts.csv holds {len(found)} fact(s) extracted "
                    f"automatically and not reviewed (articles {', '.join(articles[:5])}"
                    f"{' ...' if len(articles) > 5 else ''}; notebook 11 run with articles_dir)")
            if not args.allow_unreviewed:
                print(f"dti: {what}; nothing was built. Review them and keep the right ones with"
                      " `dti press accept DIR`, then `dti run data`; or publish them as they are "
                      "with --allow-unreviewed", file=sys.stderr)
                return 1
            print(f"dti: warning: {what}; published as asked (--allow-unreviewed)",
                  file=sys.stderr)
        return func(args)  # type: ignore[operator]
    return run


# -- dti new-notebook ----------------------------------------------------------------------------
_SETUP = ("# Setup (hidden in the pages; skipped by the report build): reload edited helpers when"
          " a\n# cell runs, no kernel restart (CONTRIBUTING.md). Data already read is not "
          "reloaded.\n%load_ext autoreload\n%autoreload 2")
_PARAMETERS = ("# Parameters (papermill overrides these). Empty means the project default.\n"
               "processed_dir: str = \"\"   # folder of the clean tables; default "
               "data/processed\noutput_dir: str = \"\"      # where this notebook writes; "
               "default data/processed/{name}")
_BODY = ("from pathlib import Path\n\nfrom helpers import config, processed, store\n\n"
         "source = Path(processed_dir) if processed_dir else config.PROCESSED_DIR\n"
         "out = Path(output_dir) if output_dir else config.PROCESSED_DIR / \"{name}\"\n"
         "ranked = processed.rankings(source)\n"
         "print(f\"{len(ranked)} rows of the clean rankings, years \"\n"
         "      f\"{', '.join(str(int(y)) for y in sorted(ranked['year'].unique()))}\")")
_WRITE = ("# What the stage writes (pipeline.yml lists it: the build cache checks it is there)\n"
          "per_year = ranked.groupby(\"year\").size().rename(\"rows\").reset_index()\n"
          "store.write_csv_atomic(out / \"summary.csv\", per_year)\n"
          "per_year")


def _cell(cell_id: str, kind: str, source: str, tags: tuple[str, ...] = (),
          hidden: bool = False) -> dict:
    """Return one notebook cell (code cells without outputs, as committed)."""
    metadata: dict = {"tags": list(tags)} if tags else {}
    if hidden:
        metadata["jupyter"] = {"source_hidden": True}
    cell = {"cell_type": kind, "id": cell_id,
            "metadata": metadata, "source": source.splitlines(keepends=True)}
    if kind == "code":
        cell |= {"execution_count": None, "outputs": []}
    return cell


def new_notebook(name: str, title: str = "", notebooks_dir: Path | None = None) -> Path:
    """Write notebooks/NN-name.ipynb: title, hidden setup cell, typed parameters, a first cell."""
    if not re.fullmatch(r"\d\d-[a-z0-9]+(?:-[a-z0-9]+)*", name):
        raise RecipeError(f"{name!r}: name a notebook NN-words-with-hyphens, such as "
                          "21-pillar-models (10s clean, 20s model, 30s report)")
    folder = Path(notebooks_dir or config.NOTEBOOKS_DIR)
    path = folder / f"{name}.ipynb"
    if path.exists():
        raise RecipeError(f"{path.relative_to(folder.parent)} exists; choose another name")
    short = name.split("-", 1)[1].replace("-", "_")
    heading = title or name.split("-", 1)[1].replace("-", " ").capitalize()
    cells = [
        _cell("title", "markdown",
              f"# {heading}\n\nWhat this notebook asks, and what it cannot say."),
        _cell("setup", "code", _SETUP, ("report-hide", "setup"), hidden=True),
        _cell("parameters", "code", _PARAMETERS.replace("{name}", short), ("parameters",)),
        _cell("first-step", "code", _BODY.replace("\"{name}\"", f"\"{short}\"")),
        _cell("outputs", "code", _WRITE),
    ]
    notebook = {"cells": cells, "metadata": {
        "kernelspec": {"display_name": "Python (DTI notebooks)", "language": "python",
                       "name": "dti"}}, "nbformat": 4, "nbformat_minor": 5}
    store.write_text_atomic(path, json.dumps(notebook, indent=1, ensure_ascii=False) + "\n")
    return path


#: The `dti run` group of a notebook by its number's tens (30s are reports: no stage).
GROUPS = {"1": "data", "2": "model"}


def stage_of(name: str, group: str = "") -> plan.Stage:
    """Return the stage a new notebook is registered as: it reads the clean rankings and writes
    data/processed/<name>/summary.csv (edit both in pipeline.yml as the notebook grows)."""
    short = name.split("-", 1)[1].replace("-", "_")
    return plan.Stage(name, ("data/processed/dti_rankings.csv",),
                      (f"data/processed/{short}/summary.csv",), group or GROUPS[name[0]], True)


def register_stage(name: str, group: str = "") -> plan.Stage | None:
    """Append a new notebook's stage to pipeline.yml (None for a report notebook, 30s on)."""
    if not group and name[0] not in GROUPS:
        return None
    stage = stage_of(name, group)
    plan.append_stage(stage)
    return stage


# -- the command line ----------------------------------------------------------------------------
def _run(func: object, *args: object, **kwargs: object) -> int:
    """Run a recipe; print its refusal in a few lines and return 1."""
    try:
        func(*args, **kwargs)  # type: ignore[operator]
    except RecipeError as error:
        print(f"dti: {error}", file=sys.stderr)
        return 1
    return 0


def _add_source(args: argparse.Namespace) -> int:
    """Register a raw file (dti add-source)."""
    def run() -> None:
        row = add_source(Path(args.file), args.kind, args.basis, args.years, args.measure,
                         args.title, args.origin, args.licence, args.columns, args.source_id,
                         args.retrieved, args.update)
        print(f"registered data/raw/{row['path']} as {row['source_id']} ({row['kind']}, basis "
              f"{row['basis'] or 'per row'}, years {row['years'] or '-'}, sha256 "
              f"{row['sha256'][:12]}...); {write_terms()}; next: dti check and make data")
    return _run(run)


def _press_accept(args: argparse.Namespace) -> int:
    """Append a folder's reviewed facts (dti press accept)."""
    def run() -> None:
        added, held = press_accept(Path(args.folder), Path(args.review) if args.review else None)
        print(f"{added} reviewed fact(s) added to data/raw/press/reviewed_facts.csv ({held} "
              "already held); its register row has the new sha256 and date")
    return _run(run)


def _new_notebook(args: argparse.Namespace) -> int:
    """Write a notebook skeleton and register its stage in pipeline.yml (dti new-notebook)."""
    def run() -> None:
        if args.group and not re.fullmatch(r"[a-z][a-z0-9_]*", args.group):
            raise RecipeError(f"--group {args.group!r}: name a `dti run` group in lower case, "
                              "such as data or model")
        path = new_notebook(args.name, args.title)
        print(f"wrote {path.relative_to(config.ROOT)}; open it with `make lab`")
        if args.no_stage:
            return
        try:
            stage = register_stage(args.name, args.group)
        except plan.PlanError as error:
            path.unlink()  # a refused command changes nothing
            raise RecipeError(str(error)) from None
        if stage is None:
            print("a report notebook (30s): no stage added to pipeline.yml")
            return
        print(f"added stage {stage.notebook} to src/helpers/data/pipeline.yml (group "
              f"{stage.group}: `dti run {stage.group}`; reads {', '.join(stage.inputs)}; writes "
              f"{', '.join(stage.outputs)}; published as a methods page). Edit its reads and "
              "writes there as the notebook grows; `dti docs` updates CONTRIBUTING.md")
    return _run(run)


def add_commands(commands: argparse._SubParsersAction, press: argparse.ArgumentParser) -> None:
    """Register add-source and new-notebook, press accept, and reports --allow-unreviewed."""
    add = commands.add_parser("add-source", help="register a raw file with its sha256")
    add.add_argument("file", help="the file, in data/raw/<folder>/ or copied there")
    add.add_argument("--kind", required=True, help=", ".join(sources.KINDS))
    add.add_argument("--basis", default="", help="63, 34, or blank when each row says")
    add.add_argument("--years", default="", help="years covered: 2025 or 2022-2024")
    add.add_argument("--measure", default="", help="overall, pillar, main_index, ...")
    add.add_argument("--title", default="", help="what the file is")
    add.add_argument("--origin", default="", help="publisher and URL")
    add.add_argument("--licence", default="", help="terms of reuse")
    add.add_argument("--columns", default="", help="what each column means (default: header)")
    add.add_argument("--source-id", default="", help="register id (default: from the name)")
    add.add_argument("--retrieved", default="", help="date retrieved (default: today)")
    add.add_argument("--update", action="store_true", help="record a new version's sha256")
    add.set_defaults(func=_add_source)
    notebook = commands.add_parser("new-notebook", help="write a notebook that passes the suite")
    notebook.add_argument("name", help="NN-name, such as 21-pillar-models")
    notebook.add_argument("--title", default="")
    notebook.add_argument("--group", default="", help="the `dti run` group of its stage "
                          "(default: data for 10s, model for 20s; 30s are reports, no stage)")
    notebook.add_argument("--no-stage", action="store_true",
                          help="write the notebook only; add no stage to pipeline.yml")
    notebook.set_defaults(func=_new_notebook)
    reports = commands.choices["reports"]
    reports.add_argument("--allow-unreviewed", action="store_true",
                         help="publish facts extracted from articles and not reviewed")
    reports.set_defaults(func=refuse_unreviewed(reports.get_default("func")))
    for action in press._actions:  # the press command's verbs: extract, evaluate, and accept
        if action.dest == "command" and action.choices is not None:
            action.choices = [*action.choices, "accept"]
    press.add_argument("--review", help="accept: a review CSV instead of DIR/expected_facts.csv")
    other = press.get_default("func")
    press.set_defaults(func=lambda a: _press_accept(a) if a.command == "accept" else other(a))
