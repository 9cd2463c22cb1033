"""An action plan's page (templates/plan.html): its "Earlier updates", on screen and on paper."""
from __future__ import annotations

from collections import Counter

import pytest

from .support import ax_names, goto, open_context, pdf_text_runs

PLAN = "plans/hertsmere-2019-20/"


@pytest.mark.browser
def test_each_earlier_updates_control_says_whose_updates_it_holds(page, server):
    """29 controls were each named "Earlier updates (n)", told apart only by a number, in a
    screen reader's list of controls (WCAG 2.4.6). Each now names its action as well, after
    the words shown, so a speech user can still say what they see (WCAG 2.5.3)."""
    goto(page, server, PLAN)
    names = [" ".join(n.split()) for n in ax_names(page, "DisclosureTriangle")]
    shown = page.locator("summary.govuk-details__summary").evaluate_all("""ss => ss.map(s => {
        const c = s.cloneNode(true);
        c.querySelectorAll('.govuk-visually-hidden').forEach(h => h.remove());
        return c.textContent.trim(); })""")
    assert len(names) == len(shown) > 1
    assert len(set(names)) == len(names), [n for n in names if names.count(n) > 1][:4]
    for name, text in zip(names, shown):
        assert name.startswith(text) and len(name) > len(text) + 10, (name, text)
    first_action = page.locator(".bulletin-action h4").first.inner_text().removeprefix("Action: ")
    assert first_action in names[0], (names[0], first_action)


def _print(page) -> Counter:
    """The text a print draws, glyph by glyph, whatever page each falls on."""
    return Counter(pdf_text_runs(page.pdf()))


@pytest.mark.browser
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "css-only"])
def test_a_plan_printed_by_chromium_holds_every_earlier_update(browser, server, javascript):
    """A reader's audit found the printed plan's 'Earlier updates' empty under their
    headings. Printed with page.pdf(), the page draws the same text as when every one of
    them is opened by hand first; and the comparison does see them, as a print with them
    kept shut draws less."""
    reference_context = open_context(browser)
    context = open_context(browser, java_script_enabled=javascript)
    try:
        page = reference_context.new_page()
        goto(page, server, PLAN)
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true })")
        opened = _print(page)

        shut = reference_context.new_page()
        goto(shut, server, PLAN)
        shut.evaluate("document.querySelectorAll('details').forEach(d => Object.defineProperty("
                      "d, 'open', {get: () => false, set: () => {}}))")   # bulletin.js cannot open them
        shut.add_style_tag(content="details:not([open]) > .govuk-details__text { display: none !important }")
        assert _print(shut) != opened, "a print with every 'Earlier updates' shut looks the same"

        printed = context.new_page()
        goto(printed, server, PLAN)
        assert printed.locator("details:not([open])").count() > 0
        assert _print(printed) == opened
        assert printed.locator("details[open]").count() == 0, "printing left them open on screen"
    finally:
        context.close()
        reference_context.close()
