"""Skipped checks say what they lacked; under CI a required check that skipped fails the run.

A check that needs something a checkout may lack (``../shared`` beside it, a browser, axe-core)
skips cleanly on a developer's machine. This plugin (loaded by tests/conftest.py) reads each
skip's reason, lists the skipped checks by what they needed at the end of the run, and makes the
run fail when a required one skipped:

- ``DTI_REQUIRE`` (comma-separated: shared, browser, axe) names the required needs; ``.ci/run``
  sets all three, since it runs with ``../shared`` beside the checkout and installs the rest;
- without it, under ``CI=true`` (GitHub Actions sets it) the browser and axe-core are required,
  and ``../shared`` too when it is beside the checkout (GitHub's runners have none);
- a pytest run started by a test (on a repository copy, PYTEST_CURRENT_TEST set) requires none.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

import pytest

#: What a check may need, the words its skip reason uses for it, and how to provide it.
NEEDS: dict[str, tuple[re.Pattern[str], str]] = {
    "shared": (re.compile(r"\.\./shared\b|/shared/|\bshared folder\b"),
               "../shared beside the checkout (labelled press sets, seeds, plan data)"),
    "axe": (re.compile(r"(?i)axe-core|axe\.min\.js"),
            "axe-core (npm install --prefix .ci axe-core@4; .ci/run does it)"),
    "browser": (re.compile(r"(?i)chromium|chrome\b|a browser"),
                "Chromium (apt-get install chromium; .ci/run does it)"),
}


def need_of(reason: str) -> str | None:
    """Return what a skip reason says the check lacked (a key of NEEDS), or None."""
    return next((need for need, (words, _) in NEEDS.items() if words.search(reason)), None)


def required(env: Mapping[str, str], shared_present: bool) -> set[str]:
    """Return the needs whose checks must not skip in this environment (none in a pytest run
    that a test started, on a repository copy: the run around it is the one that checks)."""
    if env.get("PYTEST_CURRENT_TEST"):
        return set()
    if env.get("DTI_REQUIRE", "").strip():
        named = {n.strip() for n in env["DTI_REQUIRE"].split(",") if n.strip()}
        unknown = named - set(NEEDS)
        if unknown:
            raise pytest.UsageError(f"DTI_REQUIRE names {sorted(unknown)}; known needs: "
                                    f"{', '.join(NEEDS)}")
        return named
    if env.get("CI", "").lower() != "true":
        return set()
    return {"browser", "axe"} | ({"shared"} if shared_present else set())


def shared_folder() -> Path:
    """Return where ../shared would be for this checkout."""
    from helpers import config

    return config.ROOT.parent / "shared"


class SkippedChecks:
    """The skipped checks of one run, by need (registered on the controller, not xdist workers)."""

    def __init__(self, required: set[str]) -> None:
        self.required = required
        self.skipped: list[tuple[str, str, str]] = []  # (need, test id, reason)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        """Record a skipped check that lacked something (xdist forwards workers' reports)."""
        if report.skipped and isinstance(report.longrepr, (tuple, list)):  # a list from xdist
            reason = str(report.longrepr[2]).removeprefix("Skipped: ")
            if (need := need_of(reason)) is not None:
                self.skipped.append((need, report.nodeid, reason))

    def missing(self) -> list[tuple[str, str, str]]:
        """Return the skipped checks whose need is required here."""
        return [s for s in self.skipped if s[0] in self.required]

    def pytest_terminal_summary(self, terminalreporter) -> None:
        """List the skipped checks by what they needed, marking the required ones."""
        if not self.skipped:
            return
        tr = terminalreporter
        tr.section("checks skipped for want of ../shared, a browser or axe-core")
        for need, (_, how) in NEEDS.items():
            mine = [(nodeid, reason) for n, nodeid, reason in self.skipped if n == need]
            if mine:
                tag = "REQUIRED, " if need in self.required else ""
                tr.write_line(f"{len(mine)} skipped ({tag}needs {how}):")
                for nodeid, reason in mine[:6]:
                    tr.write_line(f"  {nodeid}: {reason}")
                if len(mine) > 6:
                    tr.write_line(f"  ... and {len(mine) - 6} more")
        if missing := self.missing():
            needs = sorted({n for n, _, _ in missing})
            tr.write_line(f"FAILED: {len(missing)} required check(s) skipped for want of "
                          f"{', '.join(needs)} (required under CI=true or by DTI_REQUIRE): "
                          "a skipped check hides what it checks", red=True, bold=True)

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        """Fail an otherwise green run when a required check skipped."""
        if self.missing() and session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_configure(config: pytest.Config) -> None:
    """Register the skipped-checks record (once, on the process that reports the run)."""
    if not hasattr(config, "workerinput"):
        config.pluginmanager.register(
            SkippedChecks(required(os.environ, shared_folder().is_dir())), "dti-skipped-checks")
