"""An action plan's page (templates/plan.html): its "Earlier updates", on screen and on paper."""
from __future__ import annotations

import pytest

from .support import goto

PLAN = "plans/hertsmere-2019-20/"


def _disclosure_names(page) -> list[str]:
    """What Chromium's accessibility tree names each <summary> (a screen reader's list of
    controls), not what the markup suggests."""
    cdp = page.context.new_cdp_session(page)
    try:
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        cdp.detach()
    return [n.get("name", {}).get("value", "") for n in nodes
            if n.get("role", {}).get("value") == "DisclosureTriangle" and not n.get("ignored")]


@pytest.mark.browser
def test_each_earlier_updates_control_says_whose_updates_it_holds(page, server):
    """29 controls were each named "Earlier updates (n)", told apart only by a number, in a
    screen reader's list of controls (WCAG 2.4.6). Each now names its action as well, after
    the words shown, so a speech user can still say what they see (WCAG 2.5.3)."""
    goto(page, server, PLAN)
    names = [" ".join(n.split()) for n in _disclosure_names(page)]
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
