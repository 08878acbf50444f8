"""Build records are appended to a journal and compacted once: no rewrite per report."""

from __future__ import annotations

import json
from pathlib import Path

from helpers.build import cache


def outputs(folder: Path, count: int) -> list[Path]:
    """Write count small output files and return them."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"page{i}.html" for i in range(count)]
    for i, path in enumerate(paths):
        path.write_text(f"page {i}", encoding="utf-8")
    return paths


def test_each_record_is_one_appended_line_and_the_records_file_is_left_alone(tmp_path):
    path = tmp_path / ".build-cache.json"
    records = cache.BuildCache(path)
    pages = outputs(tmp_path / "out", 200)
    sizes = []
    for i, page in enumerate(pages):
        records.record(f"p{i}", f"k{i}", [page], row={"seconds": 1.0})
        sizes.append(records.journal.stat().st_size)
    assert not path.exists(), "the records file is not rewritten after each report"
    growth = [b - a for a, b in zip([0, *sizes], sizes, strict=False)]
    assert max(growth) < 2 * min(growth), "each report appends about the same few bytes"
    again = cache.BuildCache(path)  # a build killed now loses nothing it recorded
    assert again.fresh("p199", "k199", [pages[199]]) and again.fresh("p0", "k0", [pages[0]])


def test_save_compacts_the_journal_into_the_records_file(tmp_path):
    path = tmp_path / ".build-cache.json"
    records = cache.BuildCache(path)
    pages = outputs(tmp_path / "out", 3)
    for i, page in enumerate(pages):
        records.record(f"p{i}", f"k{i}", [page])
    records.forget("p1")
    records.save()
    assert not records.journal.exists()
    assert set(json.loads(path.read_text(encoding="utf-8"))) == {"p0", "p2"}
    again = cache.BuildCache(path)
    assert again.fresh("p2", "k2", [pages[2]]) and not again.fresh("p1", "k1", [pages[1]])


def test_a_forget_after_the_last_compaction_is_replayed(tmp_path):
    path = tmp_path / ".build-cache.json"
    records = cache.BuildCache(path)
    [page] = outputs(tmp_path / "out", 1)
    records.record("p", "k", [page])
    records.save()
    records.forget("p")  # e.g. a build killed after it removed the page it was to rebuild
    assert not cache.BuildCache(path).fresh("p", "k", [page])


def test_a_line_cut_short_by_a_kill_is_skipped_without_a_warning(tmp_path, capsys):
    path = tmp_path / ".build-cache.json"
    records = cache.BuildCache(path)
    pages = outputs(tmp_path / "out", 2)
    records.record("p0", "k0", [pages[0]])
    records.record("p1", "k1", [pages[1]])
    text = records.journal.read_text(encoding="utf-8")
    records.journal.write_text(text[:-9], encoding="utf-8")  # the last write torn
    again = cache.BuildCache(path)
    assert again.fresh("p0", "k0", [pages[0]]) and not again.fresh("p1", "k1", [pages[1]])
    assert "warning" not in capsys.readouterr().err


def test_a_journal_line_of_the_wrong_shape_is_discarded_with_one_warning(tmp_path, capsys):
    path = tmp_path / ".build-cache.json"
    records = cache.BuildCache(path)
    [page] = outputs(tmp_path / "out", 1)
    records.record("p", "k", [page])
    with open(records.journal, "a", encoding="utf-8") as handle:
        handle.write('["q", {"key": 5}]\n["r", "x"]\n')
    again = cache.BuildCache(path)
    assert again.fresh("p", "k", [page]) and set(again.records) == {"p"}
    assert capsys.readouterr().err.count("warning:") == 1
