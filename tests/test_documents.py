"""builder.documents: action plans (content/plans/*.yaml) and standalone pages
(content/pages/*.md) into the model.

The unit tests read files written into a bare content folder with `read_plans` and
`read_pages`; the rest break the fixture site and build it (`content_support.fails`).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from builder.documents import RESERVED, read_pages, read_plans
from builder.model import Markdown, Origin, Rag
from content_support import HATE, edit, fails

TOOL_ROOT = Path(__file__).resolve().parents[1]


def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


TWO_PRIORITIES = """\
title: Dacorum Plan
period: 2024-2025
summary: What the partnership will do.
aims: [Fewer burglaries]
priorities:
  - number: 1
    title: Burglary
    actions:
      - issue: Repeat victims
        action: Visit each one
        owner: Police
        rag: amber
        updates:
          - date: 2024-06-01
            text: Visits began.
          - text: Half visited.
      - action: Mark property
  - number: 2
    title: ASB
"""


def test_a_plan_is_read_with_its_priorities_actions_and_updates(tmp_path):
    write(tmp_path, "content/plans/dacorum.yaml", TWO_PRIORITIES)
    problems: list = []
    [plan] = read_plans(tmp_path, problems)
    assert problems == []
    assert (plan.slug, plan.title, plan.period, plan.aims) == (
        "dacorum", "Dacorum Plan", "2024-2025", ("Fewer burglaries",))
    assert plan.summary == Markdown("What the partnership will do.",
                                    Origin("content/plans/dacorum.yaml", 3))
    assert [(p.number, p.title, len(p.actions)) for p in plan.priorities] == [
        (1, "Burglary", 2), (2, "ASB", 0)]
    visit, mark = plan.priorities[0].actions
    assert (visit.issue, visit.owner, visit.rag, visit.origin.line) == (
        "Repeat victims", "Police", Rag.AMBER, 9)
    assert [(u.date, u.text) for u in visit.updates] == [(date(2024, 6, 1), "Visits began."),
                                                          (None, "Half visited.")]
    assert (mark.issue, mark.owner, mark.rag, mark.updates) == ("", "", Rag.NOT_RATED, ())


def test_a_plan_without_priorities_is_an_error_but_still_read(tmp_path):
    write(tmp_path, "content/plans/dacorum.yaml", "title: Dacorum Plan\nperiod: 2024\n")
    problems: list = []
    [plan] = read_plans(tmp_path, problems)
    assert plan.priorities == () and [str(p) for p in problems] == [
        "content/plans/dacorum.yaml:1: error: 'priorities' is missing; add the priorities as a "
        "list, each starting '- '."]


def test_a_site_without_plans_or_pages_folders_has_none(tmp_path):
    problems: list = []
    assert read_plans(tmp_path, problems) == () and read_pages(tmp_path, problems) == ((), ())
    assert problems == []


def test_pages_are_in_the_order_they_ask_for_then_by_name(tmp_path):
    write(tmp_path, "content/pages/privacy.md", "---\ntitle: Privacy\n---\nText.\n")
    write(tmp_path, "content/pages/contact.md", "---\ntitle: Contact\norder: 1\n---\nText.\n")
    write(tmp_path, "content/pages/about.md", "---\ntitle: About\n---\nText.\n")
    problems: list = []
    pages, _ = read_pages(tmp_path, problems)
    assert problems == [] and [(p.slug, p.order) for p in pages] == [
        ("contact", 1), ("about", 100), ("privacy", 100)]


def test_a_page_s_body_keeps_the_line_it_starts_on_and_its_settings(tmp_path):
    write(tmp_path, "content/pages/help.md", "---\ntitle: Help\nsummary: Where to get it.\n"
                                             "exit_this_page: true\n---\nCall us.\n")
    [page], _ = read_pages(tmp_path, [])
    assert (page.title, page.summary, page.exit_this_page) == ("Help", "Where to get it.", True)
    assert page.body == Markdown("Call us.\n", Origin("content/pages/help.md", 6))


@pytest.mark.parametrize("name", sorted(RESERVED))
def test_a_page_named_as_a_page_the_site_makes_is_left_out_with_an_error(tmp_path, name):
    write(tmp_path, f"content/pages/{name}.md", "---\ntitle: Clash\n---\nText.\n")
    problems: list = []
    assert read_pages(tmp_path, problems) == ((), ())
    assert [str(p) for p in problems] == [f"content/pages/{name}.md: error: '{name}' is a name "
                                          "the site uses itself; rename the file."]


def test_a_page_saved_with_another_ending_is_a_warning_not_silence(tmp_path):
    write(tmp_path, "content/pages/help.markdown", "---\ntitle: Help\n---\nText.\n")
    problems: list = []
    assert read_pages(tmp_path, problems) == ((), ())
    assert [str(p) for p in problems] == ["content/pages/help.markdown: warning: this file is not "
                                          "used: rename it help.md."]


PLAN = """\
title: Test Plan
period: 2019-2020
priorities:
  - number: 1
    title: Tackle ASB
    actions:
      - action: Patrol
        rag: purple
        updates:
          - date: 2019-09-31
            text: Patrols began.
"""


def test_plan_mistakes_name_their_lines(site, capsys):
    site.write("content/plans/test-plan.yaml", PLAN)
    run = site.build(capsys=capsys)
    fails(run, site,
          "content/plans/test-plan.yaml:8: error: 'priorities.actions.rag: purple' is not allowed; "
          "write one of: red, amber, green, not-rated.",
          "content/plans/test-plan.yaml:10: error: 'priorities.actions.updates.date: 2019-09-31' "
          "is not a real date; check the day and the month (YYYY-MM-DD, like 2026-02-20).")


def test_page_with_a_reserved_or_bad_name_and_bad_front_matter(site, capsys):
    site.write("content/pages/glossary.md", "---\ntitle: Glossary\n---\nText.\n")
    site.write("content/pages/Road Safety.md", "---\ntitle: Roads\n---\nText.\n")
    site.write("content/pages/roads.md", "---\ntitle: Roads\norder: first\n---\nText.\n")
    run = site.build(capsys=capsys)
    fails(run, site,
          "content/pages/Road Safety.md: error: the file name 'Road Safety.md' must be lower-case "
          "letters, digits and hyphens, like 'about.md'.",
          "content/pages/glossary.md: error: 'glossary' is a name the site uses itself; rename "
          "the file.",
          "content/pages/roads.md:3: error: 'order' must be a whole number, not 'first'; write it "
          "without quotes or commas, like 'order: 1'.")


def test_a_page_whose_front_matter_is_broken_still_has_its_text_checked(site, capsys):
    """The text's mistakes came out only once the front matter was fixed."""
    site.write("content/pages/help.md", "---\ntitle: [Help\n---\nCall us.\n\n"
                                        "<iframe src=x></iframe>\n")
    edit(site, HATE, "Third-party", "[Help](/help/) and [help](../../pages/help.md). Third-party")
    run = site.build(capsys=capsys)
    lines = fails(run, site, "content/pages/help.md:2:", "content/pages/help.md:6: error: "
                             "<iframe> is not allowed on public pages")
    assert len(lines) == 3, lines   # the links into the page are left to its own errors


def test_a_repeated_priority_number_is_named_where_it_is_repeated(site, capsys):
    """It was named on the 'priorities:' line, without the number (an editor's trial)."""
    plan = (TOOL_ROOT / "content/plans/hertsmere-2019-20.yaml").read_text("utf-8")
    second = plan.index("number: 2")
    site.write("content/plans/hertsmere-2019-20.yaml",
               plan[:second] + "number: 1" + plan[second + len("number: 2"):])
    line = plan[:second].count("\n") + 1
    run = site.build(capsys=capsys)
    fails(run, site, f"content/plans/hertsmere-2019-20.yaml:{line}: error: priority number 1 is "
                     "used twice; number the priorities 1, 2, 3 ...")


def test_a_page_without_front_matter_is_shown_a_page_s_keys(tmp_path):
    """It was shown a theme file's (rag:, summary:), which a page does not have."""
    (tmp_path / "content/pages").mkdir(parents=True)
    (tmp_path / "content/pages/help.md").write_text("Some help.\n", "utf-8")
    problems: list = []
    read_pages(tmp_path, problems)
    assert "front matter (title:, summary:, ...)" in problems[0].message
