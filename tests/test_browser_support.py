"""The chromium the browser tests share: every feature Playwright turns off stays off, and the
browser interface no test sees (the address bar's popup) is not built for each new context."""

from __future__ import annotations

from search_support import UNSEEN_BROWSER_UI, disabled_features


def test_the_last_disable_features_switch_keeps_playwrights_list_and_adds_ours(browser):
    context = browser.new_context()
    page = context.new_page()
    page.goto("chrome://version")
    command_line = page.inner_text("#command_line").split()
    context.close()
    switches = [argument for argument in command_line if argument.startswith("--disable-features=")]
    # Chromium keeps the last one only: it must hold every name any earlier one gave.
    effective = disabled_features(switches[-1:])
    assert set(disabled_features(switches)) <= set(effective)
    assert set(UNSEEN_BROWSER_UI) <= set(effective)


def test_a_new_context_builds_no_address_bar_popup(browser):
    context = browser.new_context()
    context.new_page().goto("about:blank")
    targets = browser.new_browser_cdp_session().send("Target.getTargets")["targetInfos"]
    context.close()
    urls = [target["url"] for target in targets]
    assert urls, "no target listed"
    assert not [url for url in urls if url.startswith("chrome://omnibox-popup")], urls
