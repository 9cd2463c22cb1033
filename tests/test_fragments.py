"""builder.fragments: every piece of Markdown in the content rendered once, keyed by its owner.

How one text renders is test_markdown.py's (prefixes, heading shifts, links);
that cold and warm builds give the same bytes, that an edit renders only what it
touches and that a fragment's key holds where its text is, test_cache.py's.
Here: what `render_fragments` renders and how (which texts, under which keys,
with which prefix and shift), what `Fragments` gathers, and which fragments a
cache hands back unchanged.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable

import pytest

from builder.cache import Memo
from builder.content import read_content
from builder.fragments import render_fragments

from conftest import FIXTURES

ISSUE = "content/bulletins/2026-01/issue.yaml"
HATE = "content/bulletins/2026-01/hate-crime.md"
ABOUT = "content/pages/about.md"
PLAN = """\
title: Dacorum Plan
period: 2024-2025
summary: What the partnership will do.
priorities:
  - number: 1
    title: Burglary
    actions:
      - issue: Repeat victims
        action: Visit each one
        owner: Police
        rag: amber
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """The minimal site with an issue summary and a plan, so every group has a text."""
    root = tmp_path / "minimal"
    shutil.copytree(FIXTURES / "minimal", root)
    edit(root, ISSUE, "status: published", "status: published\nsummary: Patrols rose.")
    (root / "content/plans").mkdir()
    (root / "content/plans/dacorum.yaml").write_text(PLAN, encoding="utf-8")
    return root


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def content_of(root: Path, cache: Memo | None = None):
    content, problems = read_content(root, cache=cache)
    assert [p for p in problems if p.is_error] == []
    return content


def test_each_text_is_rendered_once_under_what_it_belongs_to(root):
    fragments = render_fragments(content_of(root))
    assert sorted(fragments.entries) == [("2026-01", "community-safety-asb"),
                                         ("2026-01", "hate-crime")]
    assert list(fragments.issue_summaries) == ["2026-01"]
    assert list(fragments.pages) == ["about"]
    assert list(fragments.plan_summaries) == ["dacorum"]
    assert list(fragments.terms) == ["county-lines"]
    assert "Patrols rose." in fragments.issue_summaries["2026-01"].html
    assert "What the partnership will do." in fragments.plan_summaries["dacorum"].html
    assert "dedicated phone lines" in fragments.terms["county-lines"].html


def test_an_issue_or_plan_without_a_summary_has_no_fragment(root):
    edit(root, ISSUE, "\nsummary: Patrols rose.", "")
    edit(root, "content/plans/dacorum.yaml", "summary: What the partnership will do.\n", "")
    fragments = render_fragments(content_of(root))
    assert fragments.issue_summaries == {} and fragments.plan_summaries == {}


def test_an_entry_s_headings_move_down_a_level_under_its_prefix_a_page_s_do_not(root):
    """An entry is a section of the issue page, under its theme's <h2>; a page is a page."""
    fragments = render_fragments(content_of(root))
    entry = fragments.entries[("2026-01", "hate-crime")].html
    page = fragments.pages["about"].html
    assert '<h3 id="hate-crime-2026-01-reporting" class="govuk-heading-m">Reporting</h3>' in entry
    assert '<h2 id="who-publishes-it" class="govuk-heading-l">Who publishes it</h2>' in page


def test_a_term_s_ids_carry_its_slug_so_two_terms_cannot_share_one(root):
    edit(root, "content/glossary.yaml", "definition: Drug networks that use dedicated phone lines.",
         "definition: \"Drug networks.\\n\\n## Signs\\n\\nPhones.\"")
    fragments = render_fragments(content_of(root))
    assert fragments.terms["county-lines"].anchors == {"county-lines-signs"}


def test_an_entry_is_found_by_the_entry_itself(root):
    content = content_of(root)
    fragments = render_fragments(content)
    [issue] = content.issues
    for entry in issue.entries:
        assert fragments.entry(entry) is fragments.entries[("2026-01", entry.theme)]


def test_problems_gathers_those_of_every_kind_of_text(root):
    for rel, old in ((HATE, "centres opened."), (ISSUE, "Patrols rose."), (ABOUT, "every month."),
                     ("content/plans/dacorum.yaml", "will do."),
                     ("content/glossary.yaml", "phone lines.")):
        edit(root, rel, old, f"{old} [Old](missing.md)")
    problems = render_fragments(content_of(root)).problems()
    assert sorted((p.path, p.is_error) for p in problems) == [
        ("content/bulletins/2026-01/hate-crime.md", True), (ISSUE, True),
        ("content/glossary.yaml", True), (ABOUT, True), ("content/plans/dacorum.yaml", True)]
    assert all("'missing.md'" in p.message for p in problems)


def test_rendering_on_several_processes_gives_the_same_fragments(root, small_batches_use_the_pool):
    content = content_of(root)
    assert render_fragments(content, jobs=2) == render_fragments(content, jobs=1)


# --- through a cache -------------------------------------------------------------------------------

def test_without_a_cache_fragments_name_no_key_and_with_one_each_names_its_own(root):
    content = content_of(root, Memo())
    plain = render_fragments(content)
    kept = render_fragments(content, Memo())
    assert {f.made_from for f in plain.pages.values()} == {""}
    keys = [f.made_from for group in (kept.entries, kept.pages, kept.terms, kept.plan_summaries,
                                      kept.issue_summaries) for f in group.values()]
    assert "" not in keys and len(set(keys)) == len(keys) == 6


def rendered_twice(root: Path, edited: Callable[[], None] = lambda: None):
    """The fragments of two renders with the caches kept between them, `edited` run
    between the two, as two builds of `bulletin serve` make them."""
    entries, memo = Memo(), Memo()
    first = render_fragments(content_of(root, entries), memo)
    memo.end_build()
    entries.end_build()
    edited()
    return first, render_fragments(content_of(root, entries), memo)


def test_a_second_render_of_unchanged_content_hands_back_every_fragment_it_kept(root):
    first, second = rendered_twice(root)
    for group in ("entries", "issue_summaries", "pages", "plan_summaries", "terms"):
        before, after = getattr(first, group), getattr(second, group)
        assert all(after[key] is before[key] for key in before), group


def test_an_edited_page_is_rendered_again_and_the_month_is_handed_back(root):
    first, second = rendered_twice(root, lambda: edit(root, ABOUT, "every month.", "each month."))
    assert "each month." in second.pages["about"].html
    assert second.pages["about"] is not first.pages["about"]
    assert all(second.entries[key] is first.entries[key] for key in first.entries)
    assert second.terms["county-lines"] is first.terms["county-lines"]


def test_an_edit_in_a_month_renders_that_month_s_texts_again_together(root):
    """A month's texts are kept under one key, named by every file of the month."""
    first, second = rendered_twice(
        root, lambda: edit(root, HATE, "centres opened.", "centres opened in May."))
    assert "opened in May." in second.entries[("2026-01", "hate-crime")].html
    assert all(second.entries[key] is not first.entries[key] for key in first.entries)
    assert second.issue_summaries["2026-01"] is not first.issue_summaries["2026-01"]
    assert second.pages["about"] is first.pages["about"]


def test_the_footer_s_links_are_resolved_once_with_the_markdown_s_and_followed_with_them(root):
    edit(root, "content/site.yaml", "footer:\n", "footer:\n  links:\n"
         "    - {title: About us, href: pages/about.md}\n"
         "    - {title: Gone, href: pages/gone.md}\n"
         "    - {title: GOV.UK, href: 'https://www.gov.uk/'}\n")
    fragments = render_fragments(content_of(root))
    assert [(link.title, address) for link, address in fragments.footer] == [
        ("About us", "/about/"), ("GOV.UK", "https://www.gov.uk/")]
    [missing] = fragments.footer_problems
    assert missing.path == "content/site.yaml" and "pages/gone.md" in missing.message
    assert missing in fragments.problems()
    followed = [link.url for link in fragments.links if link.path == "content/site.yaml"]
    assert followed == ["/about/"]   # the site's own pages only
    assert fragments.links is fragments.links   # gathered once, asked for twice a build
