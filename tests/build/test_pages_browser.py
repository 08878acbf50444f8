"""The pages in a real browser: headless Chromium at 375 and 1280 px (skipped without it).

A copy of each page gets a small script (tests/pages_check.js) that records console errors,
horizontal overflow, tables wider than their container, chart text size as rendered, and whether
sorting and search work; Chromium runs it and `--dump-dom` returns the findings as JSON.

`make test` builds a sample of pages (index, seven reports, targets, methods, licence). With
`DTI_SITE=reports` (`make check-site`, after a full `dti build`) every page of that built site
is checked instead, in the site `dti site` makes from it, and the site served alone over HTTP
must have no broken link at all. Without a browser or axe-core the checks skip and say so
(tests/skipped_checks.py); under CI=true a skipped browser check fails the run.
"""

from __future__ import annotations

import functools
import html as html_module
import http.server
import json
import os
import re
import shutil
import subprocess
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from helpers import config
from helpers.build import pipeline
from helpers.build import site as site_module

#: Debian's chromium first (.ci/run installs it), else a Chrome the machine already has.
CHROMIUM = next((p for p in map(Path, ("/usr/bin/chromium", "/usr/bin/chromium-browser",
                                       "/usr/bin/google-chrome")) if p.exists()),
                Path("/usr/bin/chromium"))
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--virtual-time-budget=5000", "--allow-file-access-from-files"]
CATCH = ('<script>window.__dtiErrors=[];window.addEventListener("error",function(e){'
         'window.__dtiErrors.push(String(e.message||(e.target&&(e.target.src||e.target.href))))'
         '},true);(function(){var f=console.error;console.error=function(){'
         'window.__dtiErrors.push(Array.prototype.join.call(arguments," "));'
         'f.apply(console,arguments);};})();</script>')
CHECK = (Path(__file__).parent / "pages_check.js").read_text(encoding="utf-8")
REPORTS = ["province/bac-ninh.vi.html", "province/ha-noi.en.html", "unit/bac-ninh.en.html",
           "unit/ho-chi-minh.vi.html", "province/dien-bien.en.html", "province/lao-cai.en.html",
           "province/binh-duong.vi.html"]
#: A full build's reports/ folder to check page by page (make check-site), else a sample.
BUILT = Path(os.environ["DTI_SITE"]).resolve() if os.environ.get("DTI_SITE") else None


def site_pages(root: Path) -> list[str]:
    """Return every page of a built reports/ folder that the deployed site holds."""
    return [p.as_posix() for p in site_module.site_files(root) if p.suffix == ".html"]


PAGES = site_pages(BUILT) if BUILT else [
    "index.html", "index.vi.html", *REPORTS, "targets.html", "targets.vi.html",
    "methods/index.html", "methods/index.vi.html", "licence.html"]
#: Pages opened in one Chromium run (each in an iframe): a full site goes in batches.
BATCH = 24
#: axe-core from the npm registry, installed by .ci/run into .ci/node_modules (or DTI_AXE).
AXE = Path(os.environ.get("DTI_AXE") or config.ROOT / ".ci" / "node_modules" / "axe-core"
           / "axe.min.js")
#: Pages the accessibility check runs on: index, a province, a unit, targets; both languages.
AXE_PAGES = ["index.html", "index.vi.html", "province/bac-ninh.vi.html", "province/lao-cai.en.html",
             "unit/bac-ninh.en.html", "unit/ho-chi-minh.vi.html", "targets.html", "targets.vi.html"]


@pytest.fixture(scope="module")
def chromium() -> Path:
    """Skip without Chromium (a failure of the run under CI=true: tests/skipped_checks.py)."""
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium (apt-get install chromium; .ci/run does it)")
    return CHROMIUM


@pytest.fixture(scope="module")
def site(request, tmp_path_factory):
    """The pages to check: the built site's, copied as `dti site` writes them, or a sample."""
    root = tmp_path_factory.mktemp("site")
    if BUILT:
        site_module.write_site(root, BUILT)
        return root
    processed = request.getfixturevalue("processed")
    jobs = pipeline.report_jobs(2024, ("en", "vi"), ["Bắc Ninh", "unit:Bắc Ninh", "Hà Nội",
                                                    "unit:Hồ Chí Minh", "Điện Biên", "Lào Cai",
                                                    "Bình Dương"],
                                processed_dir=str(processed))
    jobs = [j for j in jobs if f"{j.key}.html" in PAGES]
    manifest = pipeline.build_reports(jobs, workers=2, out_root=root, progress=False)
    assert (manifest["status"] == "ok").all()
    return root


def check(root: Path, pages: list[str], width: int, profile: Path,
          axe: str = "") -> dict[str, dict]:
    """Open pages in headless Chromium at a width; return what pages_check.js found on each."""
    found = {}
    for start in range(0, len(pages), BATCH):
        found |= check_batch(root, pages[start:start + BATCH], width, profile, axe)
    return found


def check_batch(root: Path, pages: list[str], width: int, profile: Path,
                axe: str = "") -> dict[str, dict]:
    """Open pages in one headless Chromium run at a width; return what the script found.

    Headless Chromium will not make a window narrower than 500 px, so each page is opened in an
    iframe of the width checked (the page's own viewport is then that width), all in one run.
    """
    probes = []
    for name in pages:
        page = root / name
        probe = page.with_name(f".check.{page.name}")
        html = page.read_text(encoding="utf-8")
        probe.write_text(html.replace("<head>", "<head>" + CATCH, 1)
                         .replace("</body>", f"<script>{axe}</script><script>{CHECK}</script>"
                                  "</body>", 1),
                         encoding="utf-8")
        probes.append(probe)
    frame = root / ".frame.html"
    frames = "".join(f'<iframe src="{p.relative_to(root).as_posix()}?page={name}" '
                     f'width="{width}" height="900" style="border:0"></iframe>'
                     for p, name in zip(probes, pages, strict=True))
    frame.write_text(f'<!DOCTYPE html><html><body style="margin:0">{frames}</body></html>',
                     encoding="utf-8")
    try:
        out = subprocess.run([str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}",
                              "--window-size=1400,1000", "--dump-dom", frame.as_uri()],
                             capture_output=True, text=True, timeout=300, check=False)
    finally:
        for path in [*probes, frame]:
            path.unlink(missing_ok=True)
    found = {}
    for page, data in re.findall(r'<pre class="dti-check" data-page="([^"]+)">(\{.*?)</pre>',
                                 out.stdout, flags=re.S):
        found[page] = json.loads(html_module.unescape(data))
    missing = [name for name in pages if name not in found]
    assert not missing, f"the check script did not run on {missing}: {out.stderr[-500:]}"
    return found


@pytest.fixture(scope="module")
def profile(chromium, tmp_path_factory):
    path = tmp_path_factory.mktemp("chromium-profile")
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="module")
def phone(site, profile):
    return check(site, PAGES, 375, profile)


@pytest.fixture(scope="module")
def desktop(site, profile):
    return check(site, PAGES, 1280, profile)


@pytest.fixture(scope="module")
def accessibility(site, profile):
    """What axe-core finds on the sampled pages (skipped without it; a failure under CI=true)."""
    if not AXE.exists():
        pytest.skip(f"no {AXE} (npm install --prefix .ci axe-core@4; .ci/run does it)")
    return check(site, AXE_PAGES, 1280, profile, axe=AXE.read_text(encoding="utf-8"))


@pytest.mark.skipif(BUILT is not None, reason="the built site's methods pages are among PAGES")
def test_the_methods_pages_fit_a_phone_and_a_desktop(site, profile, tmp_path):
    """A stage notebook's methods page (stage 10, run here with papermill): wide frames fit."""
    import papermill

    from helpers.build import methods

    name = "10-clean-rankings"
    papermill.execute_notebook(str(config.NOTEBOOKS_DIR / f"{name}.ipynb"),
                               str(tmp_path / f"{name}.ipynb"), kernel_name=pipeline.KERNEL,
                               parameters={"output_dir": str(tmp_path / "processed")},
                               cwd=str(config.NOTEBOOKS_DIR), progress_bar=False)
    methods.write_methods_pages(tmp_path, site)
    pages = sorted(p.relative_to(site).as_posix() for p in (site / "methods").glob("[0-9]*.html"))
    assert pages == [f"methods/{name}.html"]
    for width in (375, 1280):
        for name, found in check(site, pages, width, profile).items():
            assert found["wideTables"] == [] and found["scrollWidth"] <= width, (width, name)


@pytest.mark.parametrize("name", ["targets.html", "targets.vi.html"])
def test_the_targets_page_filters_by_status_and_offers_its_csv(site, phone, name):
    found = phone[name]["filter"]
    assert found["shown"] == found["expected"] > 0 and found["allMatch"], found
    assert found["pressed"] == "true" and found["all"] > found["shown"]
    page = (site / name).read_text(encoding="utf-8")
    assert 'href="data/dti_targets.csv"' in page and (site / "data" / "dti_targets.csv").exists()
    assert "<dl class=\"statuses\">" in page and "<cite>" in page


@pytest.mark.parametrize("name", AXE_PAGES)
def test_axe_finds_no_serious_or_critical_violation(accessibility, name):
    assert accessibility[name]["axe"] == [], accessibility[name]["axe"]


@pytest.mark.parametrize("name", PAGES)
def test_page_on_a_phone_has_no_errors_no_overflow_and_legible_charts(phone, name):
    found = phone[name]
    assert found["errors"] == [], found["errors"]
    assert found["width"] == 375
    assert found["scrollWidth"] <= 375, f"page is {found['scrollWidth']} px wide at 375 px"
    assert found["small"] == [], f"chart text under 9 px: {found['small']}"


@pytest.mark.parametrize("name", PAGES)
def test_no_table_is_wider_than_its_column_on_a_phone_or_a_desktop(phone, desktop, name):
    for width, found in ((375, phone[name]), (1280, desktop[name])):
        assert found["wideTables"] == [], f"at {width} px: {found['wideTables']}"
        assert found["rawUrls"] == 0, f"at {width} px: bare web addresses in tables or lists"
    assert desktop[name]["scrollWidth"] <= 1280 and desktop[name]["errors"] == []


@pytest.mark.parametrize("name", ["index.html", "index.vi.html"])
def test_index_sorts_and_finds_a_name_typed_without_diacritics(phone, desktop, name):
    for found in (phone[name], desktop[name]):
        assert found["errors"] == []
        assert found["sort"]["asc"] and found["sort"]["desc"] and found["sort"]["rows"] > 0
        assert found["search"]["shown"], "searching 'bac ninh' finds Bắc Ninh"
        assert found["search"]["allMatch"]
        assert any("Bắc Ninh" in shown for shown in found["search"]["shown"])
    assert desktop[name]["scrollWidth"] <= 1280


def test_the_check_sees_an_overflowing_page_and_small_chart_text(site, profile):
    wide = site / "province" / "wide.en.html"
    wide.write_text('<!DOCTYPE html><html><head><meta name="viewport" content="width=device-'
                    'width, initial-scale=1"></head><body><div style="width:600px">x</div><img '
                    'data-font-px="12" style="width:200px" alt="a chart" src="data:image/svg+xml,'
                    '%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 width=%22442%22 height=%2210%22'
                    '/%3E"><script>console.error("boom")</script></body></html>', encoding="utf-8")
    try:
        found = check(site, ["province/wide.en.html"], 375, profile)["province/wide.en.html"]
    finally:
        wide.unlink()  # not a page of the site
    assert found["scrollWidth"] > 375 and found["small"] and found["errors"] == ["boom"]


def test_the_check_sees_a_table_wider_than_its_scroll_box_and_a_bare_address(site, profile):
    clipped = site / "province" / "clipped.en.html"
    clipped.write_text('<!DOCTYPE html><html><head><meta name="viewport" content="width=device-'
                       'width, initial-scale=1"></head><body><main style="padding:0 16px"><div '
                       'style="overflow-x:auto"><table><tr><th>Block</th><td style="white-space:'
                       'nowrap">' + "+0.0123 " * 40 + '</td></tr></table></div><ul><li>see '
                       'https://example.org/a</li></ul></main></body></html>', encoding="utf-8")
    try:
        found = check(site, ["province/clipped.en.html"], 375, profile)["province/clipped.en.html"]
    finally:
        clipped.unlink()  # not a page of the site
    assert found["scrollWidth"] <= 375, "the scroll box hides it from the page's width"
    assert [t["first"] for t in found["wideTables"]] == ["Block"] and found["rawUrls"] == 1



class Quiet(http.server.SimpleHTTPRequestHandler):
    """A file server that does not log each request."""

    def log_message(self, *args: object) -> None:
        """Log nothing."""


@pytest.fixture(scope="module")
def served(site, tmp_path_factory):
    """The deployable site (`dti site`) made from the built pages, served on 127.0.0.1."""
    folder = tmp_path_factory.mktemp("deployed")
    site_module.write_site(folder, site)
    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield folder, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@functools.cache
def status(url: str) -> int:
    """Return the HTTP status of a HEAD request (no body to cut off; asked once per address:
    a full site links each often)."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method="HEAD"),
                                    timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


#: A report page of a place this sample did not build (the peers, units and targets pages link
#: all of them); a full build (DTI_SITE) has them all, and no link may be broken.
UNBUILT = re.compile(r"$^" if BUILT else r"/(province|unit)/[a-z-]+\.(en|vi)\.html$")


def test_the_site_served_alone_has_no_broken_link_and_no_build_files(served):
    """Serve the site alone over HTTP: every page and every local link it holds answers."""
    folder, base = served
    pages = sorted(folder.rglob("*.html"))
    assert {"index.html", "targets.html", "licence.html"} <= {p.name for p in pages}
    assert not (folder / "executed").exists() and not (folder / "manifest.csv").exists()
    assert not list(folder.rglob(".*")), "no build records in the site"
    missing = set()
    for page in pages:
        relative = page.relative_to(folder).as_posix()
        targets = {urllib.parse.urljoin(base + relative, link)
                   for link in site_module.local_links(page.read_text(encoding="utf-8"))}
        missing |= {f"{relative} -> {url}" for url in targets | {base + relative}
                    if not UNBUILT.search(url) and status(url) == 404}
    assert not missing, sorted(missing)[:10]
    assert status(base + "province/bac-ninh.vi.html") == 200 and status(base + "x.html") == 404


def test_no_page_shows_the_checkout_path_and_every_page_names_its_licence(served):
    folder, _ = served
    checkout = str(config.ROOT.resolve())
    for page in folder.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert checkout not in text, f"{page.name} shows the build machine's path {checkout}"
        assert "MIT" in text and 'licence.html#' in text, f"{page.name} names no licence"
        assert '<meta name="description"' in text and 'property="og:title"' in text


def test_the_site_checker_finds_a_broken_link(tmp_path):
    (tmp_path / "index.html").write_text('<a href="a.html">a</a><a href="../LICENSE">l</a>'
                                         '<img src="data:image/png;base64,x"><a href="#top">t</a>'
                                         '<a href="https://example.org/">e</a>', encoding="utf-8")
    assert site_module.broken_links(tmp_path) == ["index.html -> a.html",
                                                  "index.html -> ../LICENSE"]
