"""The workflow's kernels and notebooks: papermill then nbconvert gives the build's page;
build kernels start quietly."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from helpers import config
from helpers.build import pipeline, quiet, workers


# -- one page, whichever way it is made -----------------------------------------------------
def _text(html: str) -> str:
    """Return a page's visible text (no styles, scripts or tags)."""
    html = re.sub(r"(?s)<(style|script)\b.*?</\1>", " ", html)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_papermill_then_nbconvert_to_dti_report_gives_the_build_page(processed, tmp_path):
    job = pipeline.report_jobs(2024, ("vi",), ["Lào Cai"], processed_dir=str(processed))[0]
    built = pipeline.run_report(job, tmp_path / "reports")
    assert built["status"] == "ok", built["error"]
    ours = (tmp_path / "reports" / built["html"]).read_text(encoding="utf-8")

    out = tmp_path / "plain" / "out.ipynb"
    out.parent.mkdir()
    subprocess.run([sys.executable, "-m", "papermill", "--no-progress-bar",
                    str(config.NOTEBOOKS_DIR / "30-province-report.ipynb"), str(out),
                    "-p", "province", "Lào Cai", "-p", "lang", "vi", "-p", "year", "2024",
                    "-p", "processed_dir", str(processed), "--cwd", str(config.NOTEBOOKS_DIR)],
                   check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "nbconvert", "--to", "dti-report", str(out)],
                   check=True, capture_output=True)
    theirs = out.with_suffix(".html").read_text(encoding="utf-8")

    title = re.compile(r"<title>([^<]*)</title>")
    assert '<html lang="vi">' in theirs and title.search(theirs)[1].endswith(": Lào Cai")
    assert title.search(theirs)[1] == title.search(ours)[1]
    assert "require.js" not in theirs and "mathjax" not in theirs.lower()
    assert not re.search(r'<(script|link|img)[^>]+(src|href)="https?://', theirs)
    # the same page but for the build key and the build time the page states (to the minute)
    unstamped = re.compile(r'<meta name="dti-build-key" content="[0-9a-f]*">'
                           r"|\d{4}-\d\d-\d\d \d\d:\d\d UTC")
    assert _text(unstamped.sub("", theirs)) == _text(unstamped.sub("", ours))
    assert unstamped.sub("", theirs) == unstamped.sub("", ours)


# -- quiet kernels --------------------------------------------------------------------------
def test_build_kernels_start_without_the_harmless_tcp_warning(capfd):
    from jupyter_client.manager import KernelManager

    plain = KernelManager(kernel_name=pipeline.KERNEL)
    plain.start_kernel()
    plain.client().wait_for_ready(timeout=60)
    plain.shutdown_kernel(now=True)
    if "without encryption" not in capfd.readouterr().err:
        pytest.skip("this ipykernel does not print the TCP warning")

    kernel = workers.WarmKernel()
    kernel.wait_ready()
    kernel.close()
    err = capfd.readouterr().err
    assert not any(message in err for message in quiet.HARMLESS), err
    assert "--IPKernelApp.log_level=CRITICAL" in quiet.KERNEL_ARGUMENTS


def test_a_report_kernel_that_dies_as_it_starts_is_an_error_not_a_wait():
    """wait_ready waits for the kernel's output to reach the client; a kernel gone before then
    is a clear error at once (not the 60 s start timeout, not a report run on nothing)."""
    import os
    import signal
    import time

    kernel = workers.WarmKernel()
    os.kill(kernel.pid(), signal.SIGKILL)
    started = time.monotonic()
    with pytest.raises(RuntimeError, match="kernel died as it started"):
        kernel.wait_ready()
    assert time.monotonic() - started < 30
    kernel.close()
    alive = workers.WarmKernel()
    alive.wait_ready()  # a kernel that lives is ready once its output reaches the client
    assert alive.ready and alive.alive()
    alive.close()


# -- the citation, the methods link, no machine path ------------------------------------------
def test_pages_cite_their_address_and_access_date_link_the_methods_and_hide_paths(
        processed, tmp_path, monkeypatch):
    """With DTI_SITE_URL set, a page's citation (text and BibTeX) gives the page's address and
    the date it was built as the access date; no page of the build names a machine path."""
    from datetime import UTC, datetime

    job = pipeline.report_jobs(2024, ("en",), ["Lào Cai"], processed_dir=str(processed))[0]
    plain_key = pipeline.report_key(job)
    monkeypatch.setenv("DTI_SITE_URL", "https://dti.example.org/reports/")
    assert pipeline.report_key(job) != plain_key, "a new address rebuilds the pages"
    root = tmp_path / "reports"
    table = pipeline.build_reports([job], workers=1, out_root=root, progress=False,
                                   engine="papermill")
    assert (table["status"] == "ok").all(), table["error"].tolist()
    page = (root / "province" / "lao-cai.en.html").read_text(encoding="utf-8")
    today = datetime.now(UTC).date().isoformat()
    address = "https://dti.example.org/reports/province/lao-cai.en.html"
    assert f'Retrieved {today}, from <a href="{address}"' in page
    assert f"url = {{{address}}}" in page and f"urldate = {{{today}}}" in page
    assert 'href="../methods/index.html"' in page, "every report links the methods summary"
    index = (root / "index.html").read_text(encoding="utf-8")
    assert "Retrieved" in index and "https://dti.example.org/reports/index.html" in index
    for built in root.rglob("*.html"):
        text = built.read_text(encoding="utf-8")
        for path in (str(config.ROOT), str(processed), str(tmp_path)):
            assert path not in text, f"{built.relative_to(root)} names {path}"
    assert (root / "methods" / "index.vi.html").exists(), "a methods summary in Vietnamese"
    from helpers.build import site

    missing = site.missing_pages(root)  # a partial build: `dti site` would refuse to deploy it
    assert len(missing) == 193 and "province/lao-cai.en" not in missing
    assert "province/lao-cai.vi" in missing and "unit/lao-cai.en" in missing
