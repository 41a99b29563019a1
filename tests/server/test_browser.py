"""The web UI in headless Debian chromium, driven by Playwright (no browser download)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.server.conftest import ENTITY

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium (apt-get install chromium)"),
]


@pytest.fixture(scope="module")
def page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        tab = context.new_page()
        yield tab
        browser.close()


def test_pick_an_example_run_it_and_see_rows(live, page):
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(live.url) else None)
    page.goto(live.url + "/?lang=zh")
    page.wait_for_selector(".yasqe .CodeMirror")
    examples = page.locator("button.example")
    assert examples.count() > 0, "the query library should be offered as examples"
    page.evaluate(
        "(q) => { const t = window.stikgYasgui.getTab(); t.setQuery(q); t.query(); }",
        f"SELECT ?label WHERE {{ <{ENTITY}> <http://www.w3.org/2000/01/rdf-schema#label> ?label }}",
    )
    page.wait_for_selector(".yasr table.dataTable tbody tr td", timeout=15000)
    assert "测试实验室" in page.locator(".yasr").inner_text()
    examples.first.click()  # a library query through the same path: the table (or boolean) appears
    page.wait_for_function("() => !document.querySelector('.yasr .loading, .yasr .spinner')", timeout=15000)
    page.wait_for_selector(".yasr .dataTable, .yasr .booleanResult, .yasr .errorResult", timeout=15000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "index.png"), full_page=True)
    assert not [u for u in outside if u.startswith("http")], outside


def test_entity_page_shows_source_quotes(live, page):
    page.goto(live.url + ENTITY.replace("https://w3id.org/stikg", "") + "?lang=en")
    quotes = page.locator(".sources blockquote.quote")
    assert quotes.count() >= 2
    assert "测试实验室牵头攻关。" in page.locator(".sources").inner_text()
    page.screenshot(path=str(SHOTS / "entity.png"), full_page=True)
    page.locator("a.doc").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/id/document/servertest-doc")
