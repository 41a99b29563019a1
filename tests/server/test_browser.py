"""The web UI in headless Debian chromium, driven by Playwright (no browser download)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.server.conftest import ENTITY, INDICATOR, LIVE_MAX_ROWS

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


def test_chinese_glyphs_render(live, page):
    """A CJK font is installed (fonts-wqy-zenhei): two different characters draw differently,
    not as the same empty box ("tofu")."""
    page.goto(live.url + "/?lang=zh")
    differ = page.evaluate("""() => {
        const draw = (ch) => { const c = document.createElement('canvas'); c.width = c.height = 40;
            const x = c.getContext('2d'); x.font = '32px sans-serif'; x.fillText(ch, 2, 34); return c.toDataURL(); };
        return draw('测') !== draw('试') && draw('测') !== draw('\u0378');
    }""")
    assert differ, "Chinese renders as tofu: install a CJK font (scripts/install-system-deps.sh)"


def test_compare_view_charts_an_indicator_and_downloads_csv_for_excel(live, page):
    page.goto(live.url + "/compare?lang=zh")
    page.wait_for_selector("#indicator:not([disabled])", timeout=15000)
    page.select_option("#indicator", INDICATOR)
    page.wait_for_function(
        "(iri) => window.stikgCompareChart && new URL(location.href).searchParams.get('indicator') === iri",
        arg=INDICATOR, timeout=15000)
    sets = page.evaluate("""() => window.stikgCompareChart.data.datasets.map((d, i) => ({
        label: d.label, status: d.status, dash: d.borderDash.length, fill: d.backgroundColor, line: d.borderColor,
        drawn: d.data.filter((p) => !p.from).length }))""")
    assert sum(d["drawn"] for d in sets) == 4  # the two targets' dashed lines start at an actual value
    statuses = {d["status"] for d in sets}
    assert statuses == {"Actual", "Target"}
    for d in sets:  # targets dashed and hollow, actuals solid and filled
        assert (d["dash"] > 0) == (d["status"] == "Target")
        assert (d["fill"] == d["line"]) == (d["status"] == "Actual")
    assert "甲区" in page.locator("#compare-table").inner_text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "compare.png"), full_page=True)
    with page.expect_download() as info:
        page.click("#compare-download")
    data = Path(info.value.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and "甲区" in data.decode("utf-8-sig")


def test_parameterised_query_runs_from_the_ui(live, page):
    page.goto(live.url + "/?lang=zh")
    form = page.locator("form.library-run[data-name='indicator-values']")
    form.locator("input[name=region]").fill("乙区")
    form.locator("button.run-param").click()
    page.wait_for_selector("#param-result table tbody tr", timeout=15000)
    cells = page.locator("#param-result tbody").inner_text()
    assert "乙区" in cells and "甲区" not in cells
    with page.expect_download() as info:
        form.locator("button.download-csv").click()
    data = Path(info.value.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and "乙区" in data.decode("utf-8-sig")


def test_row_cap_warning_is_shown(live, page):
    page.goto(live.url + "/?lang=en")
    page.wait_for_selector(".yasqe .CodeMirror")
    warning = page.locator("#row-cap-warning")
    assert warning.is_hidden()
    page.evaluate("() => { const t = window.stikgYasgui.getTab(); t.setQuery('SELECT * WHERE { ?s ?p ?o }'); t.query(); }")
    warning.wait_for(state="visible", timeout=15000)
    assert str(LIVE_MAX_ROWS) in warning.inner_text()
    page.screenshot(path=str(SHOTS / "row-cap.png"))
    page.evaluate("() => { const t = window.stikgYasgui.getTab(); t.setQuery('ASK {}'); t.query(); }")
    warning.wait_for(state="hidden", timeout=15000)
