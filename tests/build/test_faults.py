"""Fault injection, end to end through the `dti` command on a scratch copy of the repository.

One good build (stages and one report) is made once; each case copies it, breaks one thing,
runs the command as a user would (DTI_ROOT points at the copy) and checks the exit status,
the message, and that no page, manifest or processed table changed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from conftest import built_once

from helpers import config
from helpers.build import plan, publish

ONLY = ["--only", "Lào Cai", "--lang", "vi"]
PAGE = Path("reports/province/lao-cai.vi.html")


def dti(root: Path, *args: str, timeout: int = 300, **popen: object
        ) -> subprocess.CompletedProcess:
    """Run `dti ARGS` on a repository copy; return the finished process."""
    return subprocess.run([sys.executable, "-m", "helpers", *args], env=_env(root),
                          capture_output=True, text=True, timeout=timeout, **popen)


def _env(root: Path) -> dict[str, str]:
    """Return the environment of a command that works on the copy at root."""
    return {**os.environ, "DTI_ROOT": str(root), "PYTHONUNBUFFERED": "1"}


def outputs(root: Path) -> dict[str, str]:
    """Return every page, the manifest, the index and every processed table, hashed."""
    found = {}
    for folder in (root / "reports", root / "data" / "processed"):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and (path.suffix in (".html", ".csv")):
                found[path.relative_to(root).as_posix()] = hashlib.sha256(
                    path.read_bytes()).hexdigest()
    return found


def untimed(page: bytes) -> bytes:
    """Return a page without its build time."""
    return re.sub(rb"\d{4}-\d\d-\d\d \d\d:\d\d UTC", b"TIME", page)


def register_edit(root: Path, rel: str, edit: object) -> None:
    """Change a raw file with edit(text) -> text and record its new sha256 in the register,
    as a maintainer adding a new version of a file would."""
    path = root / "data" / "raw" / rel
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8", newline="")
    register = root / "data" / "raw" / "sources.csv"
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    text = register.read_text(encoding="utf-8")
    line = re.search(rf"^[^\n]*,{re.escape(rel)},[^\n]*$", text, re.M).group(0)
    old = re.search(r"\b[0-9a-f]{64}\b", line).group(0)
    register.write_text(text.replace(old, digest), encoding="utf-8", newline="")


def build_good(folder: Path) -> None:
    """Make a repository copy in folder/repo with a good build: every stage and one report."""
    root = folder / "repo"
    shutil.copytree(config.ROOT / "notebooks", root / "notebooks")
    shutil.copytree(config.RAW_DIR, root / "data" / "raw")
    (root / "data" / "processed").mkdir()
    done = dti(root, "build", *ONLY)
    assert done.returncode == 0, done.stderr
    assert (root / PAGE).exists()


@pytest.fixture(scope="session")
def good(request) -> Path:
    """A repository copy with a good build (made once per run, shared by the xdist workers);
    the cases that change it work on a copy (`repo`)."""
    return built_once(request, "good-build", build_good) / "repo"


@pytest.fixture
def repo(good, tmp_path) -> Path:
    """A fresh copy of the good build for one case to break."""
    root = tmp_path / "repo"
    shutil.copytree(good, root, symlinks=True)
    return root


# -- 1. the register is checked before every build, whatever is cached -------------------------
@pytest.mark.parametrize("rel, old, new", [
    ("press/reviewed_facts.csv", "Chỉ số xếp hạng DTI,7,", "Chỉ số xếp hạng DTI,3,"),
    ("covariates/nso_indicators.csv", ",149.69,", ",14.969,"),
    ("dti/official_2022_ranking.csv", "\r\n", "\n"),  # line endings flipped (published CRLF)
    ("press/reviewed_facts.csv", "\n", "\r\n"),  # as a Windows checkout with autocrlf would
])
def test_an_unregistered_edit_stops_the_build_before_anything_changes(repo, rel, old, new):
    path = repo / "data" / "raw" / rel
    data = path.read_bytes()
    assert old.encode() in data
    path.write_bytes(data.replace(old.encode(), new.encode()))
    before = outputs(repo)
    commands = [["build", *ONLY]] + ([["reports", *ONLY], ["run", "all"]]
                                     if rel.startswith("press") and old != "\n" else [])
    for command in commands:
        done = dti(repo, *command)
        assert done.returncode == 1, (command, done.stdout, done.stderr)
        assert f"data/raw/{rel}: checksum differs from the register" in done.stderr
        assert "nothing was built" in done.stderr
    assert outputs(repo) == before


def test_a_second_register_row_for_one_path_is_rejected(repo):
    register = repo / "data" / "raw" / "sources.csv"
    lines = register.read_text(encoding="utf-8").splitlines(keepends=True)
    row = lines[1].replace(lines[1].split(",")[0], "dti_official_again", 1)
    register.write_text("".join([*lines, row]), encoding="utf-8")
    before = outputs(repo)
    done = dti(repo, "build", *ONLY)
    assert done.returncode == 1
    assert f"row {len(lines)}" in done.stderr and "already registered in row 1" in done.stderr
    assert outputs(repo) == before


def test_a_registered_reference_table_that_lost_a_province_is_named(repo):
    register_edit(repo, "reference/provinces.csv", lambda text: re.sub(
        r"^15,[^\n]*\n", "", text, flags=re.M))
    before = outputs(repo)
    done = dti(repo, "build", *ONLY)
    assert done.returncode == 1
    assert "data/raw/reference/provinces.csv, column 'gso_code': 62 provinces, not 63" \
        in done.stderr, done.stderr
    assert outputs(repo) == before


# -- 2. a cache of the wrong shape: one warning, rebuilt, never a crash ------------------------
@pytest.mark.parametrize("content", [b"[]", b'"text"', b"\x89\xff\x00garbage",
                                     b'{"province/lao-cai.vi": {"key": 1, "outputs": []}}'])
def test_a_cache_of_the_wrong_shape_is_discarded_and_the_page_rebuilt(repo, content):
    page = (repo / PAGE).read_bytes()
    (repo / "reports" / ".build-cache.json").write_bytes(content)
    done = dti(repo, "reports", *ONLY)
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("warning: reports/.build-cache.json") == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert untimed((repo / PAGE).read_bytes()) == untimed(page)  # rebuilt, the same page
    json.loads((repo / "reports" / ".build-cache.json").read_text(encoding="utf-8"))


@pytest.mark.slowest
def test_no_cache_with_a_corrupt_cache_rebuilds_everything(repo):
    (repo / "reports" / ".build-cache.json").write_text("[]", encoding="utf-8")
    (repo / "reports" / "manifest.csv").write_bytes(b"\x00\x01 not a manifest")
    done = dti(repo, "--no-cache", "reports", *ONLY)  # stages read the cache the same way
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "province,10,lao-cai" in (repo / "reports" / "manifest.csv").read_text("utf-8")


# -- 3. manifest and index describe every page on disk ----------------------------------------
def test_only_merges_into_the_manifest_and_index_and_orphans_are_removed(repo):
    orphan = repo / "reports" / "province" / "lao-kai.vi.html"  # an old slug
    orphan.write_text("<html>old page</html>", encoding="utf-8")
    download = orphan.with_name("lao-kai.csv")  # and its download
    download.write_text("province_code\n10\n", encoding="utf-8")
    done = dti(repo, "reports", "--only", "Bắc Ninh", "--lang", "vi")
    assert done.returncode == 0, done.stderr
    assert "removed province/lao-kai.vi.html" in done.stdout
    assert "removed province/lao-kai.csv" in done.stdout
    assert not orphan.exists() and not download.exists()
    assert (repo / "reports" / "province" / "lao-cai.csv").exists()
    manifest = (repo / "reports" / "manifest.csv").read_text(encoding="utf-8")
    assert "lao-cai.vi.html" in manifest and "bac-ninh.vi.html" in manifest
    assert "lao-kai" not in manifest
    index = (repo / "reports" / "index.vi.html").read_text(encoding="utf-8")
    assert "province/lao-cai.vi.html" in index and "province/bac-ninh.vi.html" in index


def test_a_page_built_from_older_inputs_is_listed_as_stale_not_ok(repo):
    claims = repo / "data" / "processed" / "claims.csv"
    claims.write_text(claims.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    done = dti(repo, "reports", "--only", "Bắc Ninh", "--lang", "vi")
    assert done.returncode == 0, done.stderr
    manifest = (repo / "reports" / "manifest.csv").read_text(encoding="utf-8")
    [lao_cai] = [line for line in manifest.splitlines() if ",lao-cai," in line]
    assert ",stale," in lao_cai and "run `dti build`" in lao_cai
    assert ",ok," in next(line for line in manifest.splitlines() if ",bac-ninh," in line)


def test_a_moved_checkout_rebuilds_nothing(repo, tmp_path):
    moved = tmp_path / "elsewhere" / "repo"
    shutil.move(repo, moved)
    before = outputs(moved)
    stamp = (moved / PAGE).stat().st_mtime_ns
    done = dti(moved, "build", *ONLY)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("cached ") == sum(map(len, plan.load().stages.values())), done.stdout
    assert (moved / PAGE).stat().st_mtime_ns == stamp
    assert outputs(moved) == before


# -- 4. one build at a time --------------------------------------------------------------------
@pytest.mark.slowest
def test_a_second_build_waits_its_turn_with_a_clear_message(repo):
    first = subprocess.Popen([sys.executable, "-m", "helpers", "--no-cache", "reports", *ONLY],
                             env=_env(repo), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    try:
        _wait_for(lambda: not (repo / PAGE).exists())  # the first build has started
        second = dti(repo, "reports", *ONLY)
        assert second.returncode == 75
        assert "another build is running in this checkout" in second.stderr
    finally:
        _, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    assert publish.page_build_key(repo / PAGE)
    assert "lao-cai.vi.html" in (repo / "reports" / "manifest.csv").read_text("utf-8")


def _wait_for(condition: object, seconds: float = 60) -> None:
    """Wait until condition() holds."""
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def _descendants(pid: int) -> set[int]:
    """Return the process ids below a process (from /proc)."""
    found, todo = set(), [pid]
    while todo:
        current = todo.pop()
        with contextlib.suppress(OSError):
            for task in Path(f"/proc/{current}/task").iterdir():
                children = (task / "children").read_text().split()
                for child in map(int, children):
                    if child not in found:
                        found.add(child)
                        todo.append(child)
    return found


def _alive(pid: int) -> bool:
    """Tell whether a process still runs (a zombie does not count)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


# -- 7. processes, signals and the disk ---------------------------------------------------------
@pytest.mark.slowest
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
def test_killing_the_build_stops_its_workers_and_kernels(repo):
    build = subprocess.Popen(
        [sys.executable, "-m", "helpers", "--no-cache", "reports", "--only", "Lào Cai",
         "Bắc Ninh", "Huế", "--lang", "vi", "en", "--workers", "2"],
        env=_env(repo), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    below: set[int] = set()

    def kernels_started() -> bool:
        below.update(_descendants(build.pid))
        return len(below) >= 4  # two workers, each with its kernel
    _wait_for(kernels_started)
    build.kill()
    build.wait()
    _wait_for(lambda: not any(_alive(pid) for pid in below), seconds=15)
    done = dti(repo, "reports", "--only", "Lào Cai", "Bắc Ninh", "Huế", "--lang", "vi", "en")
    assert done.returncode == 0, done.stderr
    manifest = (repo / "reports" / "manifest.csv").read_text(encoding="utf-8")
    assert manifest.count(",ok,") == 6, manifest


REPORTS_2x2 = ["reports", "--only", "Lào Cai", "Bắc Ninh", "--lang", "vi", "en", "--workers", "2"]


def _page_written(repo: Path) -> bool:
    """Tell whether a report page of this build has been written."""
    return any((repo / "reports" / "province").glob("bac-ninh.*.html")) or \
        (repo / "reports" / "province" / "lao-cai.en.html").exists()


@pytest.mark.slowest
@pytest.mark.parametrize("command, moment", [
    (REPORTS_2x2, "starting"),         # while the command imports its libraries
    (REPORTS_2x2, "kernels"),          # workers and kernels up, cells running
    (REPORTS_2x2, "pages"),            # a page written, others on their way
    (["reports", *ONLY], "kernels"),   # one report: its kernel in the build's own process
    (["run", "all"], "kernels"),       # a stage notebook under papermill
])
def test_ctrl_c_stops_the_build_in_one_line(repo, command, moment):
    build = subprocess.Popen([sys.executable, "-m", "helpers", "--no-cache", *command],
                             env=_env(repo), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, start_new_session=True)
    below: set[int] = set()

    def kernels_up() -> bool:
        below.update(_descendants(build.pid))
        return len(below) >= (4 if "--workers" in command else 1)
    if moment == "starting":
        time.sleep(0.8)
    else:
        (repo / PAGE).unlink(missing_ok=True)
        _wait_for(kernels_up)
        _wait_for(lambda: _page_written(repo)) if moment == "pages" else time.sleep(1)
    below.update(_descendants(build.pid))
    os.killpg(build.pid, signal.SIGINT)  # what the terminal does on Ctrl-C
    _, err = build.communicate(timeout=60)
    assert build.returncode == 130, err
    lines = [line for line in err.replace("\r", "\n").splitlines()
             if line.strip() and not line.startswith("reports:")]
    assert lines == ["dti: interrupted; pages already built are kept, the next build "
                     "finishes the rest"], err
    _wait_for(lambda: not any(_alive(pid) for pid in below), seconds=15)
    assert not [p for p in (repo / "reports").rglob("*.html")
                if not p.read_bytes().rstrip().endswith(b"</html>")]  # no half-written page
    done = dti(repo, *command[:-2] if "--workers" in command else command)  # the lock is free
    assert done.returncode == 0, done.stderr
    assert not list(repo.rglob(".*.tmp")), "temporary files of the interrupted build are left"


def test_kernels_talk_over_sockets_in_a_folder_the_build_removes(repo):
    """Kernels on IPC sockets (no TCP port two kernels starting at once could both take), in
    a folder of the build's own, gone after the build, as is one a killed build left."""
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="t", dir="/tmp"))  # short: a socket path is <= 107 B
    try:
        left = base / "dti-kernels-999999999-killed"  # a build no longer running
        left.mkdir()
        build = subprocess.Popen(
            [sys.executable, "-m", "helpers", "--no-cache", "reports", "--only", "Lào Cai",
             "Huế", "--lang", "vi", "--workers", "2"], env={**_env(repo), "TMPDIR": str(base)},
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        sockets: set[str] = set()

        def two_kernels_on_sockets() -> bool:
            sockets.update(p.name for p in base.glob("dti-kernels-*/k-*-ipc-1"))
            return len(sockets) >= 2 or build.poll() is not None
        _wait_for(two_kernels_on_sockets)
        _, err = build.communicate(timeout=300)
        assert build.returncode == 0, err
        assert len(sockets) >= 2
        assert list(base.iterdir()) == []
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_an_ordinary_build_prints_no_kernel_noise(repo):
    done = dti(repo, "--no-cache", "reports", "--only", "Lào Cai", "Huế", "--lang", "vi")
    assert done.returncode == 0, done.stderr
    noise = [line for line in done.stderr.replace("\r", "\n").splitlines()
             if line.strip() and not line.startswith("reports:")]
    assert noise == [], done.stderr


@contextlib.contextmanager
def tmpfs(folder: Path, size: str):
    """Mount a small tmpfs on folder (skips the test when that is not allowed)."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs",
                              str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("tmpfs not available here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _onto_tmpfs(repo: Path, size: str) -> contextlib.AbstractContextManager:
    """Move the repo's reports onto a tmpfs of the given size."""
    saved = repo / "reports.saved"
    os.rename(repo / "reports", saved)
    manager = tmpfs(repo / "reports", size)

    @contextlib.contextmanager
    def mounted():
        with manager:
            shutil.copytree(saved, repo / "reports", dirs_exist_ok=True)
            yield
    return mounted()


@pytest.mark.slowest
def test_a_read_only_output_stops_cleanly_and_a_no_change_build_still_passes(repo):
    with _onto_tmpfs(repo, "64m"):
        subprocess.run(["mount", "-o", "remount,ro", str(repo / "reports")], check=True)
        before = outputs(repo)
        unchanged = dti(repo, "build", *ONLY)
        assert unchanged.returncode == 0, unchanged.stderr
        forced = dti(repo, "--no-cache", "reports", *ONLY)
        assert forced.returncode == 1
        assert forced.stderr.strip().startswith("dti: cannot write to"), forced.stderr
        assert "Read-only file system" in forced.stderr
        assert "Traceback" not in forced.stderr
        assert outputs(repo) == before


@pytest.mark.slowest
def test_a_full_disk_stops_cleanly_and_keeps_the_previous_build(repo):
    with _onto_tmpfs(repo, "16m"):
        filler = repo / "reports" / "filler"
        subprocess.run(["dd", "if=/dev/zero", f"of={filler}", "bs=1M", "count=64"],
                       capture_output=True, check=False)  # stops when the tmpfs is full
        before = outputs(repo)
        done = dti(repo, "--no-cache", "reports", *ONLY)
        assert done.returncode == 1
        assert done.stderr.strip().startswith("dti: no space left on the disk"), done.stderr
        assert "Traceback" not in done.stderr
        assert outputs(repo) == before
        assert not list((repo / "reports").rglob("*.failed.ipynb"))


# -- 5, 6. bad data and bad parameters ----------------------------------------------------------
@pytest.mark.parametrize("case, rel, edit, expected", [
    ("header only", "dti/official_2022_ranking.csv",
     lambda text: text.splitlines(keepends=True)[0],
     ["official_2022_ranking.csv", "no data rows, only the header"]),
    ("comma-shifted", "dti/scores_2022_2024.csv",
     lambda text: text.replace("TP. Đà Nẵng,2022,0.8002", "TP. Đà Nẵng,2022,0,8002", 1),
     ["scores_2022_2024.csv, row 1 (line 2)", "9 fields where the header has 8",
      "1 row(s) in this file have the wrong field count"]),
    ("emptied", "dti/reported_overall.csv", lambda text: "",
     ["reported_overall.csv", "the file is empty"]),
])
def test_a_bad_registered_table_fails_with_its_place_and_replaces_nothing(repo, case, rel, edit,
                                                                          expected):
    register_edit(repo, rel, edit)
    before = outputs(repo)
    done = dti(repo, "build", *ONLY)
    assert done.returncode == 1, (case, done.stdout)
    assert "data/10-clean-rankings failed: DataValidationError" in done.stderr, done.stderr
    for part in expected:
        assert part in done.stderr, (case, done.stderr)
    assert outputs(repo) == before


@pytest.mark.slowest
def test_an_unparsable_covariate_stops_the_model_naming_its_place(repo):
    register_edit(repo, "covariates/nso_indicators.csv",
                  lambda text: text.replace(",149.69,", ',"1.496,9",', 1))
    before = outputs(repo)
    done = dti(repo, "build", *ONLY)
    assert done.returncode == 1
    assert "model/20-model-factors failed: DataValidationError: 1 problem" in done.stderr
    assert ("covariates/nso_indicators.csv, row 18 (line 19), column 'value', value '1.496,9': "
            "not a number") in done.stderr, done.stderr
    assert outputs(repo) == before


def test_many_problems_show_the_first_ten_and_the_count_with_the_full_list_in_a_file(repo):
    register_edit(repo, "dti/official_2022_ranking.csv",
                  lambda text: re.sub(r"^2022,\d+,", "2022,99,", text, flags=re.M))
    before = outputs(repo)
    done = dti(repo, "build", *ONLY)
    assert done.returncode == 1
    shown = [line for line in done.stderr.splitlines() if line.startswith("  - ")]
    assert len(shown) == 10 and all("official_2022_ranking.csv, row" in s for s in shown)
    assert "53 more (63 problems in all); the full list is in " \
           "reports/executed/10-clean-rankings.problems.txt" in done.stderr, done.stderr
    full = (repo / "reports" / "executed" / "10-clean-rankings.problems.txt").read_text("utf-8")
    assert len(full.splitlines()) == 63 and "value '99'" in full
    assert outputs(repo) == before


@pytest.mark.parametrize("args, message", [
    (["reports", "--year", "1999"], "year 1999 is not a published assessment year"),
    (["reports", "--year", "2030"], "year 2030 is not a published assessment year"),
    (["reports", "--year", "-1"], "year -1 is not a published assessment year"),
    (["reports", "--only", "Bắc Nihn"], "did you mean 'Bắc Ninh'"),
])
def test_a_bad_parameter_is_one_line_and_replaces_nothing(repo, args, message):
    before = outputs(repo)
    done = dti(repo, *args, *(["--lang", "vi"] if "--lang" not in args else []))
    assert done.returncode == 2, done.stdout
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and message in lines[0], done.stderr
    assert outputs(repo) == before


def test_a_bad_language_is_refused(repo):
    done = dti(repo, "reports", "--only", "Lào Cai", "--lang", "fr")
    assert done.returncode == 2
    assert "invalid choice: 'fr'" in done.stderr


@pytest.mark.parametrize("name, expected", [("27", "27 Bắc Ninh"), ("01", "01 Hà Nội"),
                                            ("1", "01 Hà Nội"), ("u27", "U27 Bắc Ninh")])
def test_codes_are_strings(good, name, expected):
    done = dti(good, "resolve", name)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == expected


@pytest.mark.slowest
@pytest.mark.parametrize("flag, basis, message", [("-p", "50", "basis 50 is not valid"),
                                                  ("-r", "abc", "basis 'abc' is not valid")])
def test_the_report_notebook_refuses_a_bad_basis(good, tmp_path, flag, basis, message):
    out = tmp_path / "out.ipynb"
    done = subprocess.run(
        [str(Path(sys.executable).parent / "papermill"), str(good / "notebooks" /
                                                             "30-province-report.ipynb"),
         str(out), "-p", "province", "01", flag, "basis", basis, "--cwd",
         str(good / "notebooks")], env=_env(good), capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    assert message in done.stderr, done.stderr[-2000:]


@pytest.mark.slowest
def test_papermill_province_01_is_ha_noi(good, tmp_path):
    out = tmp_path / "out.ipynb"
    done = subprocess.run(
        [str(Path(sys.executable).parent / "papermill"), str(good / "notebooks" /
                                                             "30-province-report.ipynb"),
         str(out), "-p", "province", "01", "-p", "lang", "vi", "--cwd",
         str(good / "notebooks")], env=_env(good), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Hà Nội" in out.read_text(encoding="utf-8")


# -- issue 24: what the build did not make, notebooks that cannot be parameterized, options ----
@pytest.mark.parametrize("stray", ["province/README.html", "unit/notes.html",
                                   "executed/province/scratch.ipynb", "province/Lao Cai.html"])
def test_a_stray_file_beside_the_pages_is_listed_and_left_alone(repo, stray):
    path = repo / "reports" / stray
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x", encoding="utf-8")
    done = dti(repo, "build", *ONLY)
    assert done.returncode == 0, done.stderr
    assert f"note: reports/{stray} is not a page the build makes" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert path.read_text(encoding="utf-8") == "x"
    assert path.name not in (repo / "reports" / "manifest.csv").read_text("utf-8")
    assert ",lao-cai," in (repo / "reports" / "manifest.csv").read_text("utf-8")


def _edit_notebook(root: Path, name: str, edit: object) -> None:
    """Change notebooks/<name>.ipynb with edit(notebook dict) as a user in JupyterLab would."""
    path = root / "notebooks" / f"{name}.ipynb"
    notebook = json.loads(path.read_text(encoding="utf-8"))
    edit(notebook)  # type: ignore[operator]
    path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False), encoding="utf-8")


def _untag(notebook: dict) -> None:
    """Remove the parameters tag from every cell."""
    for cell in notebook["cells"]:
        tags = cell["metadata"].get("tags", [])
        if "parameters" in tags:
            tags.remove("parameters")


def _rename_basis(notebook: dict) -> None:
    """Rename the parameter `basis` in the parameters cell."""
    for cell in notebook["cells"]:
        if "parameters" in cell["metadata"].get("tags", []):
            cell["source"] = [line.replace("basis: int", "bases: int") for line in cell["source"]]


@pytest.mark.parametrize("name, edit, message", [
    ("30-province-report", _untag, "no code cell is tagged 'parameters'"),
    ("30-province-report", _rename_basis, "the cell tagged 'parameters' does not declare 'basis'"),
    ("11-clean-targets", _untag, "no code cell is tagged 'parameters'"),
])
def test_a_notebook_that_cannot_be_parameterized_is_refused_before_anything_is_built(
        repo, name, edit, message):
    _edit_notebook(repo, name, edit)
    before = outputs(repo)
    commands = [["build", *ONLY], ["check"]] + (
        [["reports", "--only", "Lào Cai", "Hà Nội", "--lang", "vi"]] if name.startswith("30")
        else [["run", "data"]])
    for command in commands:
        done = dti(repo, *command)
        assert done.returncode == 1, (command, done.stdout)
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and f"notebooks/{name}.ipynb: {message}" in lines[0], done.stderr
    assert outputs(repo) == before


@pytest.mark.parametrize("name, command", [("10-clean-rankings", ["build", *ONLY]),
                                           ("30-province-report", ["reports", *ONLY])])
def test_a_truncated_notebook_file_is_named_in_one_line(repo, name, command):
    path = repo / "notebooks" / f"{name}.ipynb"
    path.write_bytes(path.read_bytes()[:3000])
    before = outputs(repo)
    done = dti(repo, *command)
    assert done.returncode == 1
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr
    assert f"notebooks/{name}.ipynb: not a valid notebook file (" in lines[0]
    assert f"git checkout -- notebooks/{name}.ipynb" in lines[0]
    assert outputs(repo) == before


@pytest.mark.parametrize("args, option", [(["--only", "Lào Cai", "--lang"], "--lang"),
                                          (["--only", "--lang", "vi"], "--only")])
def test_an_empty_option_value_is_refused_by_the_parser(repo, args, option):
    before = outputs(repo)
    for command in ("reports", "build"):
        done = dti(repo, command, *args)
        assert done.returncode == 2
        assert f"argument {option}: expected at least one argument" in done.stderr
    assert outputs(repo) == before


def test_an_older_year_goes_to_its_own_folder_and_never_reheads_the_index(repo):
    before = outputs(repo)
    done = dti(repo, "reports", *ONLY, "--year", "2023")
    assert done.returncode == 0, done.stderr
    stays = re.search(r"go to reports/2023/; the site's index stays on DTI (\d{4})", done.stdout)
    assert stays and int(stays[1]) > 2023, done.stdout  # the latest year, whichever it is
    assert {k: v for k, v in outputs(repo).items() if not k.startswith("reports/2023/")} == before
    older = (repo / "reports" / "2023" / "province" / "lao-cai.vi.html").read_text("utf-8")
    assert "DTI 2023" in older
    assert "DTI 2023" in (repo / "reports" / "2023" / "index.vi.html").read_text("utf-8")
    assert "DTI 2023" not in (repo / "reports" / "index.vi.html").read_text("utf-8")
    later = dti(repo, "reports", "--only", "Huế", "--lang", "vi")
    assert later.returncode == 0, later.stderr
    manifest = (repo / "reports" / "manifest.csv").read_text("utf-8")
    assert ",2023," not in manifest and ",lao-cai," in manifest


@pytest.mark.parametrize("removed, command, expected", [
    ("data/processed/model", ["reports", *ONLY],
     "the reports cannot run: data/processed/model/predictions.csv, "
     "data/processed/model/contributions.csv, data/processed/model/conditional.csv missing; "
     "run `dti run model` first"),
    ("data/processed/dti_rankings.csv", ["run", "model"],
     "`dti run model` cannot run: data/processed/dti_rankings.csv missing; run `dti run data` "
     "first"),
])
def test_a_stage_without_its_inputs_says_which_command_makes_them(repo, removed, command,
                                                                  expected):
    path = repo / removed
    shutil.rmtree(path) if path.is_dir() else path.unlink()
    before = outputs(repo)
    done = dti(repo, *command)
    assert done.returncode == 1
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and expected in lines[0], done.stderr
    assert outputs(repo) == before


# -- issue 24: text normalised at the door, implausible values located, formulas refused -------
@pytest.mark.parametrize("rel, edit, table", [
    ("targets/dti_targets.csv", lambda text: unicodedata.normalize("NFD", text), "goals.csv"),
    ("dti/official_2022_ranking.csv", lambda text: text.replace("\n", "\r\r\n"),
     "dti_rankings.csv"),
])
def test_decomposed_text_and_doubled_line_endings_give_the_same_tables(repo, rel, edit, table):
    before = (repo / "data" / "processed" / table).read_bytes()
    register_edit(repo, rel, edit)
    done = dti(repo, "run", "data")
    assert done.returncode == 0, done.stderr
    assert (repo / "data" / "processed" / table).read_bytes() == before


@pytest.mark.parametrize("old, new, message", [
    (",149.69,", ",-149.69,", "row 18 (line 19), column 'value', value -149.69: outside the "
     "plausible range of grdp_per_capita (a positive amount)"),
    (",149.69,", ",inf,", "row 18 (line 19), column 'value', value 'inf': not a finite number"),
    (",149.69,", ",1e309,", "row 18 (line 19), column 'value', value '1e309': not a finite"),
])
def test_an_impossible_covariate_stops_the_model_naming_its_place(repo, old, new, message):
    register_edit(repo, "covariates/nso_indicators.csv", lambda text: text.replace(old, new, 1))
    before = outputs(repo)
    done = dti(repo, "run", "model")
    assert done.returncode == 1
    assert f"data/raw/covariates/nso_indicators.csv, {message}" in done.stderr, done.stderr
    assert "LinAlgError" not in done.stderr
    assert outputs(repo) == before


def test_a_formula_as_register_id_is_refused_before_anything_is_built(repo):
    register = repo / "data" / "raw" / "sources.csv"
    text = register.read_text(encoding="utf-8")
    formula = '"=HYPERLINK(""http://x"",""official"")"'
    register.write_text(text.replace("\ndti_official_2022,", f"\n{formula},", 1),
                        encoding="utf-8")
    before = outputs(repo)
    done = dti(repo, "build", *ONLY)
    assert done.returncode == 1
    assert "column 'source_id', value '=HYPERLINK(" in done.stderr
    assert "not a plain identifier" in done.stderr
    assert outputs(repo) == before


# -- issue 24: failure output stays bounded ----------------------------------------------------
def test_thousands_of_problems_keep_the_failed_notebook_small_and_the_full_list_in_a_file(repo):
    register_edit(repo, "covariates/nso_indicators.csv", lambda text: re.sub(
        r"^([^,\n]*,\d{4},[^,\n]*,)[^,\n]*,", r"\1x,", text, flags=re.M))
    before = outputs(repo)
    done = dti(repo, "run", "model")
    assert done.returncode == 1
    shown = [line for line in done.stderr.splitlines() if line.startswith("  - ")]
    assert len(shown) == 10, done.stderr
    total = len((repo / "data" / "raw" / "covariates" / "nso_indicators.csv").read_text(
        encoding="utf-8").splitlines()) - 1
    assert (f"{total - 10} more ({total} problems in all); the full list is in "
            "reports/executed/problems/nso_indicators.csv.txt") in done.stderr, done.stderr
    full = repo / "reports" / "executed" / "problems" / "nso_indicators.csv.txt"
    assert len(full.read_text(encoding="utf-8").splitlines()) == total
    failed = repo / "reports" / "executed" / "20-model-factors.failed.ipynb"
    assert failed.stat().st_size < 1 << 20
    assert outputs(repo) == before


def test_a_raw_file_far_larger_than_its_kind_stops_early_in_one_line(repo):
    register_edit(repo, "dti/official_2022_ranking.csv", lambda text: text + "".join(
        f"{line}\n" for line in text.splitlines()[1:]) * 4000)  # the rows appended 4000 times
    before = outputs(repo)
    done = dti(repo, "build", *ONLY)
    assert done.returncode == 1
    assert re.search(r"official_2022_ranking.csv: \d{6} lines, far more than any raw table",
                     done.stderr), done.stderr
    assert outputs(repo) == before
