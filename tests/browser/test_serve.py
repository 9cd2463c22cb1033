"""What an editor sees in a browser while `bulletin serve` runs (Debian's Chromium).

Each test serves its own copy of the fixture site with `bulletin serve`
(in-process, on a free port) and opens pages in a watched context of the
session's browser (conftest.py): nothing may be requested from another host,
and no page may log an error while the preview runs.
"""
from __future__ import annotations

import time

import pytest

from serve_support import (assert_same_tree, clean_build, replace_in, running, settle)

from .support import open_context

pytestmark = pytest.mark.browser

ENTRY = "content/bulletins/2026-01/community-safety-asb.md"
WAIT = 30_000  # ms: generous, as CI machines are busy


@pytest.fixture
def serve_context(browser):
    context = open_context(browser)
    context.set_default_timeout(WAIT)
    yield context
    context.close()
    assert context.watch.foreign == [], "a page asked another host for something"


@pytest.fixture
def open_page(serve_context):
    def opener(url: str):
        page = serve_context.new_page()
        page.goto(url)
        return page
    return opener


def assert_no_page_errors(context) -> None:
    """Checked while the preview still runs (once it stops, livereload.js says so)."""
    assert context.watch.console_errors == []
    assert context.watch.failed == []


def main_text(page) -> str:
    return page.inner_text("main")


def test_an_edit_shows_without_a_manual_reload(root, open_page, serve_context):
    with running(root, search=False) as preview:
        page = open_page(preview.url + "bulletins/2026-01/")
        assert "ASB patrols rose" in main_text(page)
        replace_in(root / ENTRY, "ASB patrols rose", "ASB patrols doubled")
        page.wait_for_function("() => document.querySelector('main').innerText"
                               ".includes('ASB patrols doubled')")
        assert_no_page_errors(serve_context)


def test_broken_front_matter_shows_over_the_old_page_and_goes_when_fixed(root, open_page, serve_context):
    with running(root, search=False) as preview:
        issue = open_page(preview.url + "bulletins/2026-01/")
        about = open_page(preview.url + "about/")
        replace_in(root / ENTRY, "rag: amber", "rag: [amber")
        for page in (issue, about):  # every open page shows it
            overlay = page.locator("#bulletin-serve-errors")
            overlay.wait_for(state="visible")
            text = overlay.inner_text()
            assert "content/bulletins/2026-01/community-safety-asb.md:2" in text  # where "[" opens
            assert "the YAML here is malformed" in text
        assert "ASB patrols rose" in main_text(issue)  # the last good page, underneath
        replace_in(root / ENTRY, "rag: [amber", "rag: red")
        for page in (issue, about):
            page.locator("#bulletin-serve-errors").wait_for(state="detached")
        issue.wait_for_function("() => document.querySelector('main').innerText.includes('Red')")
        assert_no_page_errors(serve_context)


def test_the_overlay_can_be_hidden_to_read_the_page(root, open_page, serve_context):
    with running(root, search=False) as preview:
        page = open_page(preview.url + "bulletins/2026-01/")
        replace_in(root / ENTRY, "rag: amber", "rag: amberish")
        page.locator("#bulletin-serve-errors").wait_for(state="visible")
        page.get_by_role("button", name="Hide until the next save").click()
        assert not page.locator("#bulletin-serve-errors").is_visible()
        assert page.evaluate("() => !document.querySelector('main').closest('[inert]')")
        assert_no_page_errors(serve_context)


def test_the_overlay_takes_the_keyboard_lists_errors_first_and_esc_hides_it(
        root, open_page, serve_context):
    """Focus stayed on the page behind it: Tab walked 35 hidden links before reaching the
    box's button, Esc did nothing, and three warnings came before the one error (an
    editor's trial)."""
    with running(root, search=False) as preview:
        page = open_page(preview.url + "bulletins/2026-01/")
        patrols = root / "content/bulletins/2026-01/patrols.yaml"
        replace_in(patrols, "total: [Total, 2000]", "total: [Total, 1999]")   # a warning
        replace_in(root / ENTRY, "rag: amber", "rag: amberish")               # an error
        box = page.locator("#bulletin-serve-errors")
        box.wait_for(state="visible")
        assert page.evaluate("() => document.activeElement.id") == "bulletin-serve-errors-title"
        kinds = box.locator(".bse-severity").all_inner_texts()
        assert kinds[0] == "error:" and "warning:" in kinds[1:], kinds
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.tagName") == "BUTTON"
        page.keyboard.press("Escape")
        assert not box.is_visible()
        assert_no_page_errors(serve_context)


def test_survives_200_rapid_edits_and_a_file_deleted_and_recreated(root, open_page, serve_context, tmp_path,
                                                                    css_cache):
    with running(root) as preview:
        page = open_page(preview.url + "bulletins/2026-01/")
        path = root / ENTRY
        original = path.read_text("utf-8")
        for n in range(200):
            path.write_text(original.replace("ASB patrols rose", f"ASB patrols rose {n} times"),
                            "utf-8")
            time.sleep(0.005)
        path.unlink()
        time.sleep(0.3)
        path.write_text(original.replace("ASB patrols rose", "ASB patrols settled"), "utf-8")
        page.wait_for_function("() => document.querySelector('main').innerText"
                               ".includes('ASB patrols settled')")
        settle(preview, preview.rebuilds - 1)
        assert preview.state.errors == ()
        assert_same_tree(preview.site_dir, clean_build(root, tmp_path / "clean", css_from=css_cache))
        again = open_page(preview.url + "themes/")
        assert "Community Safety" in main_text(again)
        assert_no_page_errors(serve_context)


def test_unknown_addresses_show_the_404_page(root, serve_context):
    with running(root, search=False) as preview:
        page = serve_context.new_page()
        response = page.goto(preview.url + "no-such-page/")
        assert response.status == 404
        assert page.locator("h1").inner_text() == "Page not found"
        page.get_by_role("link", name="latest bulletin").click()
        page.wait_for_url(preview.url)
        assert_no_page_errors(serve_context)


def test_drafts_show_under_a_draft_banner(root, open_page, serve_context):
    replace_in(root / "content/bulletins/2026-01/issue.yaml", "status: published", "status: draft")
    with running(root, drafts=True, search=False) as preview:
        page = open_page(preview.url + "bulletins/2026-01/")
        banner = page.get_by_role("region", name="Draft")
        assert "This page is a draft" in banner.inner_text()
        assert_no_page_errors(serve_context)


def results_include(page, text: str) -> None:
    page.wait_for_function("t => { const r = document.querySelector('.pagefind-ui__results');"
                           " return r && r.innerText.includes(t); }", arg=text)


def test_search_works_in_the_preview(root, open_page, serve_context):
    with running(root) as preview:
        settle(preview, 0)
        page = open_page(preview.url + "search/")
        page.locator(".pagefind-ui__search-input").fill("patrols")
        results_include(page, "ASB patrols rose")
        # The index follows edits, a moment after the reload.
        before = preview.rebuilds
        replace_in(root / ENTRY, "ASB patrols rose", "ASB patrols met a quokka")
        settle(preview, before)
        page.goto(preview.url + "search/")
        page.locator(".pagefind-ui__search-input").fill("quokka")
        results_include(page, "ASB patrols met a quokka")
        assert_no_page_errors(serve_context)


def test_a_search_address_waits_for_the_new_index_then_searches_by_itself(root, open_page,
                                                                          serve_context):
    """A search begun on the old index lost its files when the new one was swapped in
    (console errors, no results): while the index is rebuilt the page does not search.
    Once it is ready the page reloads and searches by itself: left to the reader, it stayed
    empty (an editor's trial)."""
    with running(root, search_settle=3.0) as preview:
        settle(preview, 0)
        before = preview.rebuilds
        replace_in(root / ENTRY, "ASB patrols rose", "ASB patrols met a quokka")
        settle(preview, before, search=False)     # rebuilt; the index waits 3 s for more saves
        page = open_page(preview.url + "search/?q=quokka")
        chunks: list[str] = []
        page.on("request", lambda r: chunks.append(r.url) if ".pf_" in r.url else None)
        assert page.locator("#bulletin-serve-search").is_visible()
        page.wait_for_timeout(500)
        assert page.locator(".pagefind-ui__result").count() == 0
        assert not chunks, f"searched the old index while the new one was built: {chunks}"
        assert preview.wait_for_search(60), "the search index did not finish"
        results_include(page, "ASB patrols met a quokka")   # no reload by hand
        assert not page.locator("#bulletin-serve-search").is_visible()
        assert_no_page_errors(serve_context)
