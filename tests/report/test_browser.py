"""The seeds' brief in a real browser: headless Chromium loads it from disk and reads it as a desk
would, and its net log shows the page asked the network for nothing.

How "nothing left the file" is checked: Chromium's net log (`--log-net-log`) records every
request the network stack starts (URL_REQUEST_START_JOB) with the site that caused it. The
browser's own housekeeping (time sync, account checks) runs even with background networking off
and carries other sites, so the requests counted are those whose network isolation key or
site-for-cookies is the page's own `file://` site. A control page with one remote image shows
that this check sees a request when there is one.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from brief_kit import parsed
from clashrecon.store import Store
from conftest import run_cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Debian's chromium is not installed: `apt-get install -y chromium` (.ci/run does it when run as root)",
)


def headless(page: Path, work: Path) -> tuple[str, list[str]]:
    """The page's DOM after loading, and the URLs the page itself requested."""
    netlog = work / "netlog.json"
    done = subprocess.run(
        [
            CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={work / 'profile'}",
            f"--log-net-log={netlog}", "--dump-dom", page.as_uri(),
        ],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout, page_requests(netlog)


def page_requests(netlog: Path) -> list[str]:
    text = netlog.read_text(encoding="utf-8")
    try:
        log = json.loads(text)
    except json.JSONDecodeError:
        log = json.loads(text.rstrip().rstrip(",") + "]}")  # a log cut off at exit lacks its closing brackets
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = []
    for event in log["events"]:
        params = event.get("params") or {}
        if event["type"] != start or "url" not in params:
            continue
        site = f"{params.get('network_isolation_key', '')} {params.get('site_for_cookies', '')}"
        if "file://" in site:
            urls.append(params["url"])
    return urls


@pytest.fixture(scope="module")
def seeds_page(seeds_db, runner, tmp_path_factory):
    work = tmp_path_factory.mktemp("browser")
    page = work / "brief.html"
    result = run_cli(runner, "report", "--db", str(seeds_db), "--output", str(page))
    assert result.exit_code == 0, result.output
    dom, requests = headless(page, work)
    return dom, requests


def test_the_browser_shows_the_figures_and_the_disputed_initiator(seeds_page):
    dom, _ = seeds_page
    markup = parsed(dom)
    text = " ".join(" ".join(markup.text).split())
    assert "Armenia · killed 105" in text and "Azerbaijan · killed 50" in text
    assert 'class="card disputed"' in dom
    card = dom[dom.index('class="card disputed"') :]
    assert "initiator (blame)" in card[: card.index("</article>")]


def test_one_chart_per_episode(seeds_page, seeds_db):
    dom, _ = seeds_page
    with Store.open(seeds_db, create=False) as store:
        episodes = [e for e in store.load_reconciliation().events if not e.background]
    charts = [a for t, a in parsed(dom).tags if t == "svg" and a.get("class") == "chart"]
    assert len(charts) == len(episodes) == 1
    maps = [a for t, a in parsed(dom).tags if t == "svg" and a.get("class") == "map"]
    assert len(maps) == 1  # where the fighting was, from the locations stored at ingest
    assert [t for t, _ in parsed(dom).tags].count("svg") == len(charts) + len(maps)  # no other drawing


def test_nothing_left_the_file(seeds_page):
    _, requests = seeds_page
    assert requests == []


def test_the_check_sees_a_request_when_a_page_makes_one(tmp_path):
    """The control: an image on loopback's discard port (nothing listens, nothing leaves the machine)."""
    page = tmp_path / "control.html"
    page.write_text('<!DOCTYPE html><html><body><img src="http://127.0.0.1:9/pixel.png"></body></html>', encoding="utf-8")
    _, requests = headless(page, tmp_path)
    assert requests == ["http://127.0.0.1:9/pixel.png"]
