"""/network in headless Chromium: nodes are drawn, a filter redraws, a click shows quotes."""

from __future__ import annotations

import urllib.parse

import pytest

from tests.network.conftest import node
from tests.network.server_fixture import running_server

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def page(toy_store_path):
    playwright = pytest.importorskip("playwright.sync_api")
    with running_server(toy_store_path) as base, playwright.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        tab = browser.new_page()
        tab.goto(base + "/network")
        yield tab
        browser.close()


def _count(page) -> int:
    return page.evaluate("window.networkView ? window.networkView.nodes().length : -1")


def test_renders_nodes_and_filters(page) -> None:
    page.wait_for_function("window.networkView && window.networkView.nodes().length > 0")
    assert _count(page) == 6
    assert "6 nodes" in page.inner_text("#status")
    page.select_option("#f-district", node("相城区"))
    page.wait_for_function("window.networkView.nodes().length === 2")
    labels = sorted(page.evaluate("window.networkView.nodes().map(n => n.data('label'))"))
    assert labels == ["相城实验室", "相城研究院"]
    page.select_option("#f-district", "")
    page.wait_for_function("window.networkView.nodes().length === 6")


def test_click_shows_link_and_quotes(page) -> None:
    page.wait_for_function("window.networkView && window.networkView.nodes().length === 6")
    page.evaluate("id => { window.networkView.getElementById(id).emit('tap'); }", node("A"))
    page.wait_for_selector("#entity-link")
    href = page.get_attribute("#entity-link", "href")
    assert href == "/id/" + urllib.parse.quote(node("A").split("/id/", 1)[1], safe="/-._~")
    quotes = page.locator("#details blockquote").all_inner_texts()
    assert "c1：A与B合作" in quotes and "c4：D与A与C合作" in quotes


def test_switch_network(page) -> None:
    page.select_option("#network", "region-industry")
    page.wait_for_function("window.networkView.nodes().length === 4")
    page.select_option("#network", "collaboration")
    page.wait_for_function("window.networkView.nodes().length === 6")
