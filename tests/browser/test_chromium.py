"""The extension end to end in headless Chromium against a real Sourcemark server.

Every finding the server returns for the text the extension sent must be drawn exactly on its
words; these tests do not depend on which findings the analyses produce today."""

from __future__ import annotations

import collections
import re
import time

import pytest

from .harness import ALL_FINDINGS as ALL, REAL_PAGES, free_port

pytestmark = pytest.mark.browser



# In the page's main world: the ranges of every Sourcemark highlight (the registry is per document).
HIGHLIGHTS_JS = """() => {
  const out = [];
  for (const [name, h] of CSS.highlights) {
    if (!name.startsWith('sourcemark-')) continue;
    for (const r of h) {
      const rect = r.getClientRects()[0] || r.getBoundingClientRect();
      out.push({name, text: r.toString(), connected: r.startContainer.isConnected && r.endContainer.isConnected,
                x: rect.left + Math.min(rect.width / 2, 30), y: rect.top + rect.height / 2});
    }
  }
  return out;
}"""

# The page's DOM, serialized without the extension's own host element.
DOM_JS = """() => {
  const clone = document.documentElement.cloneNode(true);
  clone.querySelectorAll('sourcemark-host').forEach(h => h.remove());
  return clone.outerHTML;
}"""


@pytest.fixture
def page(browser):
    p = browser.context.new_page()
    p.errors = []
    p.on("pageerror", lambda e: p.errors.append(f"{e}\n{e.stack or ''}"))
    yield p
    p.close()


def enable(browser, server, sites=("127.0.0.1",)):
    browser.set_storage({"sites": list(sites), "server": server.url, **ALL})


def same_words(range_text, text):
    """Range.toString() is the DOM's raw text: the page's own runs of spaces and newlines are
    still there, which the article text collapses like rendering does."""
    return re.sub(r"[ \t\n\r\f]+", " ", range_text) == re.sub(r"[ \t\n\r\f]+", " ", text)


def assert_every_finding_drawn(server, state, strict=False):
    """The server's findings for the extension's text, each drawn on exactly its words."""
    assert state["status"] == "drawn", state.get("error")
    expected = server.analyze(state["text"])["findings"]
    got = state["findings"]
    assert [(f["code"], f["text"]) for f in got] == [(f["code"], f["text"]) for f in expected]
    for f in got:
        assert f["drawn"], f"not drawn: {f}"
        if strict and "\n" not in f["text"]:
            assert f["rangeText"] == f["text"], f
        elif strict:  # over a paragraph break the range spans two elements: no blank line
            assert re.sub(r"\s+", "", f["rangeText"]) == re.sub(r"\s+", "", f["text"]), f
        else:
            assert same_words(f["rangeText"], f["text"]), f
    return expected


def assert_highlights_match(page, state):
    drawn = page.evaluate(HIGHLIGHTS_JS)
    assert sorted(re.sub(r"\s+", " ", h["text"]) for h in drawn) == sorted(
        re.sub(r"\s+", " ", f["text"]) for f in state["findings"])
    assert all(h["connected"] for h in drawn)
    return drawn


def words(text):
    return collections.Counter(re.findall(r"\w+", text.lower()))


def test_seed_article_every_finding_drawn_with_card(browser, server, pages_url, page):
    enable(browser, server)
    page.goto(pages_url + "/seed.html")
    state = browser.wait_state(page)
    findings = assert_every_finding_drawn(server, state, strict=True)
    assert findings, "the seed article must raise findings"
    assert state["method"] == "readability"
    assert "\n\n" in state["text"] and state["text"].startswith("Ukraine’s withdrawal from SevSk")
    drawn = assert_highlights_match(page, state)

    # hover every highlight: the card shows that finding's message and its evidence
    card = page.locator("sourcemark-host .card")
    # a finding over a paragraph break reads without the extractor's blank line in the DOM
    by_words = {re.sub(r"\s+", "", f["text"]): f for f in findings}
    for h in drawn:
        f = by_words[re.sub(r"\s+", "", h["text"])]
        page.evaluate("t => { const r = [...CSS.highlights].flatMap(([, h]) => [...h]).find(r => r.toString() === t);"
                      " r.startContainer.parentElement.scrollIntoView({block: 'center'}); }", h["text"])
        target = next(x for x in page.evaluate(HIGHLIGHTS_JS) if x["text"] == h["text"])
        page.mouse.move(target["x"], target["y"])
        card.wait_for(state="visible", timeout=3000)
        page.wait_for_function("t => document.querySelector('sourcemark-host').shadowRoot.querySelector('.card .words')"
                               ".textContent.includes(t)", arg=f["text"][:20], timeout=3000)
        shown = card.inner_text()
        assert f["message"] in shown
        details = f.get("details") or {}
        if details.get("reason"):
            assert details["reason"] in shown
        for s in (details.get("suggestions") or [])[:3]:
            assert s["name"] in shown
        if details.get("resolved"):
            assert details["resolved"]["name"] in shown
            assert card.locator("a[href^='https://www.geonames.org/']").count() >= 1
    assert page.errors == []


@pytest.mark.parametrize("name", REAL_PAGES)
def test_real_page(browser, server, pages_url, page, name):
    browser.set_storage({"sites": [], "server": server.url, **ALL})
    page.goto(pages_url + "/" + name, wait_until="load")
    browser.wait_state(page, done=("disabled",))
    page.wait_for_timeout(300)
    before = page.evaluate(DOM_JS)
    load_errors = list(page.errors)

    enable(browser, server)  # the content script starts on the storage change, no reload
    state = browser.wait_state(page)
    assert_every_finding_drawn(server, state)
    assert_highlights_match(page, state)
    # the pages' own scripts fail without their publishers' servers; none of it may be ours
    assert not [e for e in page.errors if "chrome-extension://" in e or "sourcemark" in e.lower()]
    assert state["errors"] == [], "the content script caught errors"
    assert page.evaluate(DOM_JS) == before, "the page's DOM changed outside the extension's host"
    assert page.locator("sourcemark-host").count() == 1
    page.wait_for_timeout(600)
    assert browser.state(page)["draws"] == state["draws"], "redrawn although the page did not change"

    # the article text: compare with what Readability itself extracts from the same page
    page.add_script_tag(url=pages_url + "/readability.js")
    reference = page.evaluate("() => new SourcemarkReadability(document.cloneNode(true)).parse().textContent")
    ours, theirs = words(state["text"]), words(reference)
    overlap = sum((ours & theirs).values()) / max(sum(ours.values()), sum(theirs.values()))
    assert overlap >= 0.98, f"{name}: only {overlap:.1%} of the words agree with Readability"
    assert len(state["text"]) > 500


def test_emoji_before_findings(browser, server, pages_url, page):
    enable(browser, server)
    page.goto(pages_url + "/emoji.html")
    state = browser.wait_state(page)
    assert_every_finding_drawn(server, state, strict=True)
    assert state["findings"], "the emoji page must raise findings after its emoji"
    first_emoji = state["text"].index("🇺🇦")
    for f in state["findings"]:
        assert f["how"] == "exact", f"server offset was off (UTF-16 expected): {f}"
    assert all(state["text"].index(f["text"]) > first_emoji for f in state["findings"])
    assert_highlights_match(page, state)


def test_article_rerendered_after_load(browser, server, pages_url, page):
    enable(browser, server)
    page.goto(pages_url + "/rerender.html")
    state = browser.wait_state(page)
    assert_every_finding_drawn(server, state)
    requests = len(server.analyze_requests())
    draws = state["draws"]

    page.evaluate("() => window.rerender()")
    state = browser.wait_state(page, where=lambda s: s["draws"] > draws)
    assert state["text"].index("Update: this article was revised") < state["text"].index("withdrawal from SevSk")
    for f in state["findings"]:
        assert f["drawn"] and f["rangeText"] == f["text"], f
        assert f["how"] == "refound", f  # the words moved: found again by text + prefix + suffix
    drawn = assert_highlights_match(page, state)
    assert drawn and all(h["connected"] for h in drawn)
    assert len(server.analyze_requests()) == requests, "a re-render must not send the text again"


def test_in_page_navigation_to_another_story_is_analysed(browser, server, pages_url, page):
    enable(browser, server)
    page.goto(pages_url + "/rerender.html")
    state = browser.wait_state(page)
    sent = len(server.analyze_requests())
    page.evaluate("() => window.navigateInPage()")
    assert page.url.endswith("?story=2")
    state = browser.wait_state(page, where=lambda s: "A different story" in s["text"])
    assert_every_finding_drawn(server, state)
    assert len(server.analyze_requests()) == sent + 1


def test_article_rendered_late_is_analysed_when_it_arrives(browser, server, pages_url, page):
    enable(browser, server)
    sent = len(server.analyze_requests())
    page.goto(pages_url + "/rerender.html?late")
    early = browser.wait_state(page, done=("no-article", "drawn"))
    assert early["status"] == "no-article"
    assert len(server.analyze_requests()) == sent
    state = browser.wait_state(page, done=("drawn", "error"))
    assert_every_finding_drawn(server, state)
    assert state["findings"]
    assert len(server.analyze_requests()) == sent + 1


def test_site_off_sends_nothing(browser, server, pages_url, page):
    browser.set_storage({"sites": ["example.org"], "server": server.url, **ALL})
    sent = len(server.analyze_requests())
    page.goto(pages_url + "/seed.html")
    state = browser.wait_state(page, done=("disabled",))
    page.wait_for_timeout(1500)
    assert len(server.analyze_requests()) == sent, "text was sent for a site that is off"
    assert state["text"] == ""
    assert page.evaluate(HIGHLIGHTS_JS) == []
    assert page.locator("sourcemark-host").count() == 0

    # turning it on sends the article once; turning it off again removes the warnings
    enable(browser, server)
    state = browser.wait_state(page)
    assert len(server.analyze_requests()) == sent + 1
    assert server.analyze_requests()[-1].endswith("origin=chrome-extension://" + browser.extension_id)
    browser.set_storage({"sites": []})
    browser.wait_state(page, done=("disabled",))
    assert page.evaluate(HIGHLIGHTS_JS) == []
    page.wait_for_timeout(500)
    assert len(server.analyze_requests()) == sent + 1


def test_server_down_is_a_clear_error(browser, server, pages_url, page):
    browser.set_storage({"sites": ["127.0.0.1"], "server": f"http://127.0.0.1:{free_port()}", **ALL})
    page.goto(pages_url + "/seed.html")
    state = browser.wait_state(page)
    assert state["status"] == "error"
    assert state["error"]["code"] == "server_down"
    assert "Cannot reach the Sourcemark server" in state["error"]["message"]
    assert page.evaluate(HIGHLIGHTS_JS) == []


def test_server_timeout_is_a_clear_error(browser, server, pages_url, page):
    import socket

    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = silent.getsockname()[1]
        browser.set_storage({"sites": ["127.0.0.1"], "server": f"http://127.0.0.1:{port}", "timeoutMs": 1000, **ALL})
        try:
            page.goto(pages_url + "/seed.html")
            state = browser.wait_state(page, timeout=20)
        finally:
            browser.set_storage({"timeoutMs": 30000})
    assert state["status"] == "error"
    assert state["error"]["code"] == "timeout"
    assert "did not answer within 1 s" in state["error"]["message"]


def test_server_error_answer_is_shown(browser, pages_url, page):
    # the static page server is not a Sourcemark server: it answers the POST with an HTTP error
    browser.set_storage({"sites": ["127.0.0.1"], "server": pages_url, **ALL})
    page.goto(pages_url + "/seed.html")
    state = browser.wait_state(page)
    assert state["status"] == "error"
    assert state["error"]["status"] >= 400
    assert state["error"]["message"].startswith(f"The server answered {state['error']['status']}")


def test_popup_lists_findings_and_scrolls_to_one(browser, server, pages_url, page):
    enable(browser, server)
    page.goto(pages_url + "/seed.html")
    state = browser.wait_state(page)
    tab_id = browser.worker.evaluate(
        "async url => (await chrome.tabs.query({})).find(t => t.url === url).id", page.url)
    popup = browser.context.new_page()
    try:
        popup.goto(f"chrome-extension://{browser.extension_id}/popup/popup.html?tab={tab_id}")
        buttons = popup.locator("#findings button")
        buttons.first.wait_for(timeout=5000)
        assert buttons.count() == len(state["findings"])
        assert popup.locator("#site-toggle").is_checked()
        popup.locator("#server-state.good").wait_for(timeout=5000)
        summary = popup.locator("#summary").inner_text()
        assert str(state["summary"]["quotes"]) in summary

        # keyboard only: Tab to the last warning and press Enter; the page scrolls to it
        last = state["findings"][-1]
        popup.keyboard.press("Tab")
        for _ in range(40):
            if popup.evaluate("() => document.activeElement.dataset.findingId") == str(last["id"]):
                break
            popup.keyboard.press("Tab")
        else:
            pytest.fail("the last warning is not reachable with the keyboard")
        before = page.evaluate("() => window.scrollY")
        popup.keyboard.press("Enter")
        page.wait_for_function("y => window.scrollY !== y", arg=before, timeout=3000)
        card = page.locator("sourcemark-host .card")
        card.wait_for(state="visible", timeout=3000)
        assert last["text"][:20] in card.inner_text()

        # the toggle turns the site off
        popup.locator("#site-toggle").uncheck()
        browser.wait_state(page, done=("disabled",))
        assert page.evaluate(HIGHLIGHTS_JS) == []
    finally:
        popup.close()


def test_options_page_saves_settings(browser, server):
    browser.set_storage({"sites": [], "server": server.url, **ALL})
    options = browser.context.new_page()
    try:
        options.goto(f"chrome-extension://{browser.extension_id}/options/options.html")
        options.locator("#server").wait_for()
        assert options.locator("#server").input_value() == server.url
        options.fill("#server", "http://127.0.0.1:9999")
        options.fill("#sites", "news.example\n*.Example.ORG\n")
        options.locator("input[name=severity][value=info]").uncheck()
        options.click("button[type=submit]")
        options.locator("#saved", has_text="Saved").wait_for()
        stored = browser.worker.evaluate("() => chrome.storage.local.get(null)")
        assert stored["server"] == "http://127.0.0.1:9999"
        assert stored["sites"] == ["news.example", "example.org"]
        assert stored["severities"] == ["warning", "caution"]
    finally:
        options.close()
        browser.set_storage({"server": server.url, **ALL})
