"""A skipped check says what it lacked; a required one that skipped fails the run (CI)."""

from __future__ import annotations

import pytest
import skipped_checks
from skipped_checks import need_of, required

pytest_plugins = ("pytester",)

CHECKS = '''
import pytest

def test_floors():
    pytest.skip("../shared/press is not beside this checkout")

def test_pages_in_a_browser():
    pytest.skip("no /usr/bin/chromium")

def test_make():
    pytest.skip("make is not installed")

def test_plain():
    pass
'''


@pytest.fixture
def run(pytester, monkeypatch, tmp_path):
    """Run the invented checks above under an environment, as a run of their own with no
    ../shared beside the checkout; return pytest's result."""
    for name in ("CI", "DTI_REQUIRE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(skipped_checks, "shared_folder", lambda: tmp_path / "no-shared")
    pytester.makeconftest("from skipped_checks import pytest_configure  # noqa: F401")
    pytester.makepyfile(test_checks=CHECKS)

    def run_with(**env: str) -> pytest.RunResult:
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        monkeypatch.delenv("PYTEST_CURRENT_TEST", raising=False)  # not a run a test started
        return pytester.runpytest()
    return run_with


def test_skips_are_listed_by_what_they_needed_and_do_not_fail_a_local_run(run):
    result = run()
    assert result.ret == 0
    result.stdout.fnmatch_lines([
        "*checks skipped for want of ../shared, a browser or axe-core*",
        "1 skipped (needs ../shared beside the checkout*",
        "  test_checks.py::test_floors: ../shared/press is not beside this checkout",
        "1 skipped (needs Chromium*",
        "  test_checks.py::test_pages_in_a_browser: no /usr/bin/chromium"])
    assert "test_make" not in result.stdout.str().split("checks skipped for want")[1]
    assert "FAILED: " not in result.stdout.str()


def test_under_ci_a_skipped_browser_check_fails_the_run(run):
    result = run(CI="true")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(["1 skipped (REQUIRED, needs Chromium*",
                                 "FAILED: 1 required check(s) skipped for want of browser*"])


def test_dti_require_names_the_required_needs(run):
    result = run(CI="true", DTI_REQUIRE="shared")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(["1 skipped (REQUIRED, needs ../shared*",
                                 "FAILED: 1 required check(s) skipped for want of shared*"])
    assert run(DTI_REQUIRE="axe").ret == 0  # no check here needs axe-core


def test_the_needs_read_from_skip_reasons():
    assert need_of("../shared/press is not beside this checkout") == "shared"
    assert need_of("/work/shared/seeds is not there") == "shared"
    assert need_of("no /usr/bin/chromium") == "browser"
    assert need_of("no /x/.ci/node_modules/axe-core/axe.min.js (npm install)") == "axe"
    assert need_of("make is not installed") is None


def test_ci_requires_shared_only_where_it_is_beside_the_checkout():
    assert required({}, shared_present=True) == set()
    assert required({"CI": "true"}, shared_present=False) == {"browser", "axe"}
    assert required({"CI": "true"}, shared_present=True) == {"browser", "axe", "shared"}
    assert required({"DTI_REQUIRE": "shared, browser"}, False) == {"shared", "browser"}
    nested = {"CI": "true", "DTI_REQUIRE": "shared", "PYTEST_CURRENT_TEST": "t.py::x (call)"}
    assert required(nested, shared_present=True) == set()  # a run a test started on a copy
    with pytest.raises(pytest.UsageError, match="DTI_REQUIRE names"):
        required({"DTI_REQUIRE": "chrome"}, False)
