"""What an editor sees in a browser while `bulletin serve` runs (Debian's Chromium)."""
from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from builder import cli
from serve_support import (assert_same_tree, clean_build, make_site, replace_in, running, settle)

pytestmark = pytest.mark.browser

ENTRY = "content/bulletins/2026-01/community-safety-asb.md"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update"]
WAIT = 30_000  # ms: generous, as CI machines are busy


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (make test installs it)")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def css_cache(tmp_path_factory) -> Path:
    root = make_site(tmp_path_factory.mktemp("css") / "site")
    assert cli.main(["build", "--root", str(root), "--no-search"]) == 0
    return root / ".cache"


@pytest.fixture
def root(tmp_path, css_cache) -> Path:
    return make_site(tmp_path / "site", css_cache)


@pytest.fixture
def open_page(browser):
    """Pages that record every request, to prove nothing comes from another host."""
    pages = []
    hosts: set[str] = set()

    def opener(url: str):
        page = browser.new_page()
        page.set_default_timeout(WAIT)
        page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
        page.goto(url)
        pages.append(page)
        return page

    yield opener
    for page in pages:
        page.close()
    assert len(hosts) <= 1, f"requests went to other hosts: {hosts}"


def main_text(page) -> str:
    return page.inner_text("main")


def test_an_edit_shows_without_a_manual_reload(root, open_page):
    with running(root, search=False) as preview:
        page = open_page(preview.url + "bulletins/2026-01/")
        assert "ASB patrols rose" in main_text(page)
        page.wait_for_function("() => window.LiveReload && window.LiveReload.connector"
                               " && window.LiveReload.connector._connectionDesired")
        replace_in(root / ENTRY, "ASB patrols rose", "ASB patrols doubled")
        page.wait_for_function("() => document.querySelector('main').innerText"
                               ".includes('ASB patrols doubled')")


def test_broken_front_matter_shows_over_the_old_page_and_goes_when_fixed(root, open_page):
    with running(root, search=False) as preview:
        issue = open_page(preview.url + "bulletins/2026-01/")
        about = open_page(preview.url + "about/")
        replace_in(root / ENTRY, "rag: amber", "rag: [amber")
        for page in (issue, about):  # every open page shows it
            overlay = page.locator("#bulletin-serve-errors")
            overlay.wait_for(state="visible")
            text = overlay.inner_text()
            assert "content/bulletins/2026-01/community-safety-asb.md:3" in text
            assert "the YAML here is malformed" in text
        assert "ASB patrols rose" in main_text(issue)  # the last good page, underneath
        replace_in(root / ENTRY, "rag: [amber", "rag: red")
        for page in (issue, about):
            page.locator("#bulletin-serve-errors").wait_for(state="detached")
        issue.wait_for_function("() => document.querySelector('main').innerText.includes('Red')")


def test_the_overlay_can_be_hidden_to_read_the_page(root, open_page):
    with running(root, search=False) as preview:
        page = open_page(preview.url + "bulletins/2026-01/")
        replace_in(root / ENTRY, "rag: amber", "rag: amberish")
        page.locator("#bulletin-serve-errors").wait_for(state="visible")
        page.get_by_role("button", name="Hide until the next save").click()
        assert not page.locator("#bulletin-serve-errors").is_visible()


def test_survives_200_rapid_edits_and_a_file_deleted_and_recreated(root, open_page, tmp_path,
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


def test_unknown_addresses_show_the_404_page(root, open_page, browser):
    with running(root, search=False) as preview:
        page = browser.new_page()
        response = page.goto(preview.url + "no-such-page/")
        assert response.status == 404
        assert page.locator("h1").inner_text() == "Page not found"
        page.get_by_role("link", name="latest bulletin").click()
        page.wait_for_url(preview.url)
        page.close()


def test_drafts_show_under_a_draft_banner(root, open_page):
    replace_in(root / "content/bulletins/2026-01/issue.yaml", "status: published", "status: draft")
    with running(root, drafts=True, search=False) as preview:
        page = open_page(preview.url + "bulletins/2026-01/")
        banner = page.get_by_role("region", name="Draft")
        assert "This page is a draft" in banner.inner_text()


def test_search_works_in_the_preview(root, open_page):
    with running(root) as preview:
        settle(preview, 0)
        page = open_page(preview.url + "search/")
        page.locator("input[type=search], .pagefind-ui__search-input").first.fill("patrols")
        page.locator(".pagefind-ui__result").first.wait_for()
        assert "ASB patrols rose" in page.locator(".pagefind-ui__results").inner_text()
        # The index follows edits, a moment after the reload.
        before = preview.rebuilds
        replace_in(root / ENTRY, "ASB patrols rose", "ASB patrols met a quokka")
        settle(preview, before)
        page.reload()
        page.locator(".pagefind-ui__search-input").fill("quokka")
        page.locator(".pagefind-ui__result").first.wait_for()
        assert "quokka" in page.locator(".pagefind-ui__results").inner_text()
