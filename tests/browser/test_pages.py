"""What a person sees and can do on the served site."""
from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from exit_support import EXIT_URL, answer_the_exit

from .support import SHOTS, goto, open_context

CONTENT = Path(__file__).resolve().parents[2] / "content"
RAG_WORDS = {"Red", "Amber", "Green", "Not rated"}


def _published_issues() -> list[str]:
    """Month slugs of the published issues in content/, oldest first."""
    months = []
    for issue in sorted((CONTENT / "bulletins").glob("*/issue.yaml")):
        if yaml.safe_load(issue.read_text(encoding="utf-8")).get("status", "published") == "published":
            months.append(issue.parent.name)
    return months


def _theme_titles() -> dict[str, str]:
    themes = yaml.safe_load((CONTENT / "themes.yaml").read_text(encoding="utf-8"))["themes"]
    return {t["slug"]: t["title"] for t in themes}


def _themes_in(month: str) -> list[str]:
    return sorted(p.stem for p in (CONTENT / "bulletins" / month).glob("*.md"))


def _month_label(slug: str) -> str:
    return datetime.strptime(slug, "%Y-%m").strftime("%B %Y")


def _rag_tag_facts(tag) -> dict:
    """The word, and whether its shape is drawn, of one RAG tag."""
    return tag.evaluate("""el => {
        const shape = el.querySelector('svg.bulletin-rag__shape');
        const box = shape ? shape.getBoundingClientRect() : null;
        const style = shape ? getComputedStyle(shape) : null;
        return {word: el.innerText.trim(),
                shape: !!shape && box.width >= 8 && box.height >= 8 &&
                       style.visibility !== 'hidden' && style.display !== 'none',
                shapeHidden: !!shape && shape.getAttribute('aria-hidden') === 'true'};
    }""")


# --- home ------------------------------------------------------------------


@pytest.mark.browser
def test_home_shows_every_theme_of_the_latest_issue_with_its_status(page, server):
    latest = _published_issues()[-1]
    titles = _theme_titles()
    goto(page, server, f"bulletins/{latest}/")
    on_issue = {slug: _rag_tag_facts(page.locator(f"#{slug} .bulletin-entry__status .bulletin-rag").first)["word"]
                for slug in _themes_in(latest)}
    goto(page, server, "")
    assert _month_label(latest) in page.locator("main").inner_text()
    problems = []
    for slug in _themes_in(latest):
        title = titles[slug]
        row = page.locator("main tr").filter(has=page.get_by_role("link", name=title, exact=True))
        if row.count() != 1:
            problems.append(f"{title}: {row.count()} rows name it on the home page")
            continue
        tag = row.locator(".bulletin-rag")
        if not tag.is_visible():
            problems.append(f"{title}: no visible RAG tag")
            continue
        facts = _rag_tag_facts(tag)
        if facts["word"] not in RAG_WORDS:
            problems.append(f"{title}: the tag says {facts['word']!r}, not one of {sorted(RAG_WORDS)}")
        if facts["word"] != on_issue[slug]:
            problems.append(f"{title}: home says {facts['word']!r}, the issue page {on_issue[slug]!r}")
        if not facts["shape"] or not facts["shapeHidden"]:
            problems.append(f"{title}: the tag has no visible shape (an aria-hidden svg) beside its word")
    assert not problems, "\n".join(problems)


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 375])
def test_home_screenshot(browser, server, width):
    """Screenshots for a person to look at (/tmp/bulletin-shots/); the page must not
    scroll sideways at either width."""
    context = open_context(browser, viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        goto(page, server, "")
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"home-{width}.png"), full_page=True)
        goto(page, server, "bulletins/2026-02/")
        page.screenshot(path=str(SHOTS / f"issue-2026-02-{width}.png"), full_page=True)
        widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert widths[0] <= widths[1], f"the issue page scrolls sideways at {width}px: {widths}"
        goto(page, server, "")
        widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert widths[0] <= widths[1], f"the home page scrolls sideways at {width}px: {widths}"
        assert not context.watch.console_errors, context.watch.console_errors
    finally:
        context.close()


# --- issues ----------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 1024])
def test_the_navigation_fits_one_row_on_a_desktop(browser, server, width):
    """Search once wrapped to a row of its own at 1280px."""
    context = open_context(browser, viewport={"width": width, "height": 600})
    try:
        page = context.new_page()
        goto(page, server, "")
        tops = page.evaluate("[...document.querySelectorAll('.govuk-service-navigation__item')]"
                             ".map(e => Math.round(e.getBoundingClientRect().top))")
        assert len(tops) == 8 and len(set(tops)) == 1, tops
    finally:
        context.close()


@pytest.mark.browser
def test_on_a_phone_the_navigation_folds_behind_a_menu_button(browser, server):
    """GOV.UK Frontend's service navigation: eight links took most of a phone's first
    screen. The button opens and closes them, and says which it has done."""
    context = open_context(browser, viewport={"width": 375, "height": 700})
    try:
        page = context.new_page()
        goto(page, server, "bulletins/")
        menu = page.get_by_role("button", name="Menu")
        menu.wait_for(state="visible")
        links = page.locator("#site-navigation")
        assert menu.get_attribute("aria-expanded") == "false" and not links.is_visible()
        menu.click()
        assert menu.get_attribute("aria-expanded") == "true" and links.is_visible()
        links.get_by_role("link", name="Themes").click()
        page.wait_for_url("**/themes/**")
        assert not page.locator("#site-navigation").is_visible()  # folded again on the new page
        assert not context.watch.console_errors, context.watch.console_errors
    finally:
        context.close()


@pytest.mark.browser
def test_without_javascript_a_phone_lists_the_navigation_and_shows_no_button(browser, server):
    context = open_context(browser, viewport={"width": 375, "height": 700}, java_script_enabled=False)
    try:
        page = context.new_page()
        goto(page, server, "", search_ui=False)
        assert page.locator("#site-navigation").is_visible()
        assert not page.locator(".govuk-service-navigation__toggle").is_visible()
    finally:
        context.close()


@pytest.mark.browser
def test_issue_pages_link_to_each_other_with_pagination(page, server):
    older, newer = _published_issues()[-2:]
    goto(page, server, f"bulletins/{newer}/")
    assert page.locator("h1").inner_text() == _month_label(newer)
    pagination = page.get_by_role("navigation", name="Pagination")
    expect_no = pagination.locator("a[rel=next]")
    assert expect_no.count() == 0, f"the latest issue ({newer}) offers a Next link"
    previous = pagination.locator("a[rel=prev]")
    assert previous.is_visible()
    assert re.sub(r"\s+", " ", previous.inner_text()).strip().startswith("Previous")
    assert _month_label(older) in previous.inner_text()
    previous.click()
    page.wait_for_url(re.compile(re.escape(server.url(f"bulletins/{older}/"))))
    assert page.locator("h1").inner_text() == _month_label(older)

    pagination = page.get_by_role("navigation", name="Pagination")
    if older == _published_issues()[0]:
        assert pagination.locator("a[rel=prev]").count() == 0, f"the oldest issue ({older}) offers a Previous link"
    following = pagination.locator("a[rel=next]")
    assert following.is_visible()
    assert following.inner_text().strip().startswith("Next")
    assert _month_label(newer) in following.inner_text()
    following.click()
    page.wait_for_url(re.compile(re.escape(server.url(f"bulletins/{newer}/"))))
    assert page.locator("h1").inner_text() == _month_label(newer)


@pytest.mark.browser
def test_data_table_on_2026_02(page, server):
    goto(page, server, "bulletins/2026-02/")
    table = page.locator("#drugs-alcohol-criminal-justice table.govuk-table").first
    assert table.is_visible()

    caption = table.locator("caption")
    assert caption.is_visible() and caption.inner_text().strip().startswith("Drug tests"), caption.inner_text()

    headers = table.locator("thead th")
    assert headers.count() >= 2
    scopes = headers.evaluate_all("ths => ths.map(th => th.getAttribute('scope'))")
    assert scopes == ["col"] * len(scopes), f"column headers' scope: {scopes}"

    numeric = table.locator("td.govuk-table__cell--numeric, thead th.govuk-table__header--numeric")
    cells = numeric.evaluate_all("""els => els.map(el => ({text: el.innerText.trim(),
        align: getComputedStyle(el).textAlign, figures: getComputedStyle(el).fontVariantNumeric,
        header: el.tagName === 'TH'}))""")
    data = [c for c in cells if not c["header"]]
    assert len(data) >= 12 * 4
    not_right = [c["text"] for c in cells if c["align"] not in ("right", "end")]
    assert not not_right, f"numeric cells or headers not right-aligned: {not_right}"
    not_tabular = [c["text"] for c in data if "tabular-nums" not in c["figures"]]
    assert not not_tabular, f"numbers without tabular figures: {not_tabular}"
    badly_written = [c["text"] for c in data if not re.fullmatch(r"\d{1,3}(,\d{3})*", c["text"])]
    assert not badly_written, f"numbers not written with thousands separators: {badly_written}"
    texts = {c["text"] for c in data}
    assert {"11,738", "4,872", "1,938"} <= texts

    chart = page.locator("#drugs-alcohol-criminal-justice figure.bulletin-chart svg[role=img]")
    assert chart.count() == 1 and chart.is_visible()
    title = chart.locator("title")
    assert title.count() == 1 and title.text_content().strip(), "the chart has no <title>"
    labelled_by = (chart.get_attribute("aria-labelledby") or "").split()
    assert title.get_attribute("id") in labelled_by, "the chart's name does not come from its title"
    named = page.get_by_role("img", name=title.text_content().strip())
    assert named.count() >= 1, "no image is named by the chart's title"


# --- themes ----------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("slug", sorted(_theme_titles()))
def test_theme_page_shows_its_months_newest_first_with_a_history(page, server, slug):
    months = [m for m in _published_issues() if (CONTENT / "bulletins" / m / f"{slug}.md").exists()]
    goto(page, server, f"themes/{slug}/")
    assert page.locator("h1").inner_text() == _theme_titles()[slug]

    shown = page.locator("main section.bulletin-entry > h2").all_inner_texts()
    assert shown == [_month_label(m) for m in reversed(months)], f"months shown, in order: {shown}"

    heading = page.get_by_role("heading", name="Status by month")
    assert heading.is_visible()
    history = page.get_by_role("list", name="Status by month")
    assert history.is_visible()
    items = history.locator("li")
    assert items.count() == len(months)
    labels = [re.sub(r"\s+", " ", t).strip() for t in items.all_inner_texts()]
    for month in months:
        assert any(label.startswith(_month_label(month)) for label in labels), (month, labels)
    for i in range(items.count()):
        facts = _rag_tag_facts(items.nth(i).locator(".bulletin-rag"))
        assert facts["word"] in RAG_WORDS and facts["shape"], (labels[i], facts)


# --- search ----------------------------------------------------------------


@pytest.mark.browser
def test_search_finds_cuckooing_and_offers_filters(page, server):
    goto(page, server, "search/")
    page.fill(".pagefind-ui__search-input", "cuckooing")
    # A result shows placeholder dots until its fragment has loaded; its link comes then.
    page.wait_for_selector(".pagefind-ui__result-link", state="visible")
    results = page.locator(".pagefind-ui__result")
    assert results.count() >= 1
    assert "cuckooing" in results.first.inner_text().lower()
    # Each result links to a page of this site, under the sub-path.
    hrefs = page.locator(".pagefind-ui__result-link").evaluate_all("as => as.map(a => a.href)")
    assert hrefs and all(h.startswith(server.base) for h in hrefs), hrefs

    panel = page.locator(".pagefind-ui__filter-panel")
    panel.wait_for(state="visible")
    # Pagefind draws the panel before every filter is in it: read once all three are.
    page.wait_for_function("() => document.querySelectorAll("
                           "'.pagefind-ui__filter-panel .pagefind-ui__filter-name').length >= 3")
    names = [n.strip().lower() for n in panel.locator(".pagefind-ui__filter-name").all_inner_texts()]
    assert {"theme", "month", "rag status"} <= set(names), f"filters offered: {names}"
    page.locator(".pagefind-ui__filter-name", has_text=re.compile("^month$", re.I)).click()
    months = page.locator(".pagefind-ui__filter-block", has=page.locator(".pagefind-ui__filter-name",
                          has_text=re.compile("^month$", re.I))).inner_text()
    assert all(_month_label(m) in months for m in _published_issues()), months


@pytest.mark.browser
def test_a_filter_whose_index_comes_after_the_first_results_is_still_offered(page, server):
    """Pagefind filled its panel from the first results, which count only the filters
    loaded by then: a filter held up on a slow connection never showed (a CI failure), and
    a panel first drawn with one filter opened every filter (a second)."""
    let_through, held = [], []

    def hold_all_but_one(route):
        (held if let_through else let_through).append(route)
        if len(let_through) == 1 and not held:
            route.continue_()

    page.route("**/*.pf_filter", hold_all_but_one)
    goto(page, server, "search/")
    page.fill(".pagefind-ui__search-input", "cuckooing")
    page.wait_for_selector(".pagefind-ui__result-link", state="visible")
    assert len(held) == 2
    for route in held:
        route.continue_()
    page.wait_for_function("() => document.querySelectorAll("
                           "'.pagefind-ui__filter-panel .pagefind-ui__filter-name').length === 3")
    # shown closed, as when every filter has loaded before the results
    assert page.locator(".pagefind-ui__filter-block").evaluate_all("bs => bs.map(b => b.open)") \
        == [False, False, False]


@pytest.mark.browser
@pytest.mark.parametrize("width", [375, 1280])
def test_the_filters_are_no_empty_box_and_leave_no_blank_band_above_the_results(
        browser, server, width):
    """A trial: beside the results the filters' fieldset kept the browser's border and
    stretched to their height, an empty box; on a phone a 60px gap wrapped above the count."""
    context = open_context(browser, viewport={"width": width, "height": 800})
    page = context.new_page()
    goto(page, server, "search/?q=cuckooing")
    page.wait_for_selector(".pagefind-ui__result-link", state="visible")
    panel = page.locator(".pagefind-ui__filter-panel").bounding_box()
    results = page.locator(".pagefind-ui__results-area").bounding_box()
    assert page.locator(".pagefind-ui__filter-panel").evaluate(
        "e => getComputedStyle(e).borderTopStyle") == "none"
    if width == 375:
        assert 0 <= results["y"] - (panel["y"] + panel["height"]) <= 25, (panel, results)
    else:
        assert panel["height"] < results["height"] / 2, (panel, results)
    context.close()


@pytest.mark.browser
def test_a_search_address_opens_with_its_results_and_typing_keeps_the_address(page, server):
    goto(page, server, "search/?q=cuckooing")
    assert page.locator(".pagefind-ui__search-input").input_value() == "cuckooing"
    page.wait_for_selector(".pagefind-ui__result-link", state="visible")
    assert "cuckooing" in page.locator(".pagefind-ui__result").first.inner_text().lower()
    page.fill(".pagefind-ui__search-input", "county lines")
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'county lines'")


@pytest.mark.browser
def test_the_search_box_has_a_label_and_the_number_of_results_is_announced(page, server):
    """Pagefind named its box only by a placeholder, and showed "7 results for
    cuckooing" where a screen reader is not told (WCAG 4.1.3; a reader's trial)."""
    goto(page, server, "search/")
    box = page.get_by_label("Search the bulletin")
    assert box.is_visible() and page.locator("label[for=search-input]").is_visible()
    box.fill("cuckooing")
    status = page.locator("[role=status]#search-status")
    status.wait_for(state="attached")
    page.wait_for_function("() => /results? for cuckooing/.test("
                           "document.getElementById('search-status').textContent)")
    assert re.fullmatch(r"\d+ results? for cuckooing", status.text_content().strip())


@pytest.mark.browser
def test_search_results_are_govuk_links_with_govuk_focus(page, server):
    """Pagefind's own rule won: result titles were black, bold, not underlined, with the
    browser's thin focus ring."""
    goto(page, server, "search/?q=cuckooing")
    page.wait_for_selector(".pagefind-ui__result-link", state="visible")
    result = page.locator(".pagefind-ui__result-title .pagefind-ui__result-link").first
    link = page.locator("a.govuk-link").first.evaluate("e => getComputedStyle(e).color")
    looks = result.evaluate("e => { const s = getComputedStyle(e); return [s.color,"
                            " s.textDecorationLine]; }")
    assert looks == [link, "underline"], looks
    result.focus()
    assert result.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 221, 0)"


@pytest.mark.browser
def test_the_search_clear_button_reads_as_a_govuk_link_and_clears(page, server):
    """It was a small grey-bordered browser button."""
    goto(page, server, "search/?q=cuckooing")
    clear = page.locator(".pagefind-ui__search-clear")
    clear.wait_for(state="visible")
    looks = clear.evaluate("e => { const s = getComputedStyle(e); return [s.fontSize, s.color,"
                           " s.textDecorationLine, s.borderTopStyle]; }")
    link = page.locator("a.govuk-link").first.evaluate("e => getComputedStyle(e).color")
    assert looks == ["19px", link, "underline", "none"], looks
    clear.click()
    assert page.locator(".pagefind-ui__search-input").input_value() == ""


# --- Exit this page --------------------------------------------------------


@pytest.mark.browser
def test_exit_this_page_button_leaves_the_page(page, server):
    seen = answer_the_exit(page)
    goto(page, server, "themes/hate-crime/", settled=True)
    button = page.locator(".govuk-exit-this-page__button")
    assert button.is_visible()
    assert "Exit this page" in button.inner_text()
    assert EXIT_URL.match(button.get_attribute("href"))
    button.click()
    page.wait_for_url(EXIT_URL)
    assert page.title() == "Away" and seen


@pytest.mark.browser
def test_the_home_page_has_exit_this_page_where_it_shows_a_sensitive_themes_summary(page, server):
    """The home page showed Hate Crime's summary, and Exit this page only came on the
    Hate Crime and issue pages (a reader's audit)."""
    themes = yaml.safe_load((CONTENT / "themes.yaml").read_text(encoding="utf-8"))["themes"]
    sensitive = {t["slug"] for t in themes if t.get("exit_this_page")}
    assert sensitive & set(_themes_in(_published_issues()[-1])), "no sensitive theme on the home page"
    seen = answer_the_exit(page)
    goto(page, server, "", settled=True)
    button = page.locator(".govuk-exit-this-page__button")
    assert button.is_visible()
    button.click()
    page.wait_for_url(EXIT_URL)
    assert seen


@pytest.mark.browser
def test_exit_this_page_leaves_no_gap_above_the_heading(page, server):
    """The breadcrumbs clear the floated button, so GOV.UK's 50px under it pushed every
    heading of an issue or sensitive theme page 63px further down than on another theme's
    (now 23px: the button is taller than the breadcrumbs' line, and stands 10px clear of
    the phase banner's rule, which it sat on)."""
    def heading_top(path: str) -> float:
        goto(page, server, path, settled=True)
        return page.evaluate("document.querySelector('h1').getBoundingClientRect().top")
    page.set_viewport_size({"width": 1280, "height": 800})
    plain = heading_top("themes/serious-violence/")
    with_button = heading_top("themes/hate-crime/")
    assert page.locator(".govuk-exit-this-page__button").is_visible()
    assert page.locator(".govuk-breadcrumbs").is_visible()
    assert with_button - plain <= 25, (plain, with_button)


@pytest.mark.browser
def test_exit_this_page_by_pressing_shift_three_times(page, server):
    """GOV.UK Frontend's keyboard shortcut works: its script started from the sub-path."""
    seen = answer_the_exit(page)
    goto(page, server, "themes/hate-crime/", settled=True)
    page.wait_for_selector(".govuk-exit-this-page__indicator", state="attached")
    page.locator("h1").click()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(EXIT_URL)
    assert seen


@pytest.mark.browser
def test_exit_this_page_works_without_javascript(no_js_context, server):
    page = no_js_context.new_page()
    seen = answer_the_exit(page)
    goto(page, server, "themes/hate-crime/", search_ui=False)
    button = page.locator(".govuk-exit-this-page__button")
    assert button.is_visible()
    button.click()
    page.wait_for_url(EXIT_URL)
    assert seen


# --- without JavaScript ----------------------------------------------------


@pytest.mark.browser
def test_page_works_without_javascript(no_js_context, server, site_page):
    name, path = site_page
    page = no_js_context.new_page()
    goto(page, server, path, search_ui=False)
    main = page.locator("main#main-content")
    assert main.is_visible()
    h1 = main.locator("h1")
    assert h1.count() == 1 and h1.is_visible() and h1.inner_text().strip()
    assert len(main.inner_text().strip()) > len(h1.inner_text().strip()), f"{name}: the page shows only its heading"
    # The stylesheet applied: GOV.UK's width container is limited in width.
    assert page.evaluate("() => getComputedStyle(document.querySelector('.govuk-width-container')).maxWidth") != "none"

    page.keyboard.press("Tab")
    first = page.evaluate("""() => {
        const el = document.activeElement;
        return {tag: el.tagName.toLowerCase(), text: el.innerText.trim(), href: el.getAttribute('href'),
                visible: el.getBoundingClientRect().height > 0};
    }""")
    assert first["text"] == "Skip to main content" and first["href"] == "#main-content", (
        f"{name}: the first focusable element is {first}")
    assert first["visible"], f"{name}: the skip link does not show when focused"
    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") == "#main-content"
    if path == "search/":
        assert page.get_by_text("Search needs JavaScript").is_visible()
    assert not no_js_context.watch.failed, no_js_context.watch.failed


@pytest.mark.browser
def test_the_skip_link_moves_focus_to_the_main_content(page, server):
    """GOV.UK's SkipLink script was never started (a councillor's trial): focus stayed on
    the page, which VoiceOver and Safari need moved."""
    goto(page, server, "bulletins/2026-02/")
    page.wait_for_function("() => document.body.classList.contains('govuk-frontend-supported')")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'main-content'")
    assert page.get_attribute("main", "tabindex") == "-1"


# --- print -----------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "css-only"])
def test_a_printed_plan_shows_its_earlier_updates(browser, server, javascript):
    """They printed as 29 closed 'Earlier updates (n)' labels with nothing under them
    (a reader's trial). The stylesheet opens them where the browser lets it, and
    bulletin.js does for printing elsewhere."""
    context = open_context(browser, java_script_enabled=javascript)
    try:
        page = context.new_page()
        goto(page, server, "plans/hertsmere-2019-20/")
        closed = page.locator("details:not([open]) .govuk-details__text")
        assert closed.count() > 0 and not closed.first.is_visible()
        if javascript:
            page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        page.emulate_media(media="print")
        shown = page.locator("details .govuk-details__text")
        assert all(shown.nth(i).is_visible() for i in range(shown.count()))
    finally:
        context.close()
