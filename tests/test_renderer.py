"""builder.renderer: one page drawn from its template, as `Renderer.page` makes it.

Each test draws pages of the minimal fixture in memory (no Sass: the asset names
`bulletin check` uses), so what a page is given and what comes back can be seen
without a build.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from builder.assets import unbuilt_bundle
from builder.content import read_content
from builder.fragments import render_fragments
from builder.glossing import Glosser
from builder.renderer import Renderer
from builder.templating import make_environment

TOOL_ROOT = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "minimal"


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    content, problems = read_content(FIXTURE)
    assert content is not None, problems
    return Renderer(content, render_fragments(content), unbuilt_bundle(FIXTURE, TOOL_ROOT),
                    make_environment(FIXTURE, TOOL_ROOT), Glosser.of(content.glossary))


def glossary(r: Renderer, url: str = "/glossary/"):
    """A page at `url` (the search page's template asks for nothing but the site's)."""
    return r.page("search.html", url, "Glossary")


def test_a_page_s_links_are_relative_to_its_folder_and_its_canonical_address_absolute(renderer):
    html = glossary(renderer).data.decode()
    base = renderer.content.site.base_url
    assert f'<link rel="canonical" href="{base}glossary/">' in html
    assert 'href="../themes/index.html"' in html and 'href="/themes/' not in html


def test_the_not_found_page_links_from_the_site_s_own_path(renderer):
    """A host serves 404.html at any depth, so relative links would lead nowhere."""
    at_path = replace(renderer, content=replace(renderer.content, site=replace(
        renderer.content.site, base_url="https://example.org/bulletin/")))
    html = at_path.page("404.html", "/404.html", "Page not found").data.decode()
    assert 'href="/bulletin/themes/"' in html


def test_the_navigation_marks_the_page_s_own_section_as_current(renderer):
    nav = {link.label: link for link in renderer._site("/themes/hate-crime/").nav}
    assert nav["Themes"].current and not nav["Latest"].current
    home = {link.label: link for link in renderer._site("/").nav}
    assert home["Latest"].current and not any(l.current for n, l in home.items() if n != "Latest")


def test_sections_the_site_lacks_are_left_out_of_the_navigation(renderer):
    labels = [link.label for link in renderer._site("/").nav]
    assert "Slide decks" not in labels   # no decks given
    with_decks = replace(renderer, decks=("a deck",))
    assert "Slide decks" in [link.label for link in with_decks._site("/").nav]
    without_pages = replace(renderer, content=replace(renderer.content, pages=()))
    assert "Documents" not in [link.label for link in without_pages._site("/").nav]


def test_with_only_set_the_pages_it_does_not_name_are_empty(renderer):
    only = replace(renderer, only=frozenset({"glossary/index.html"}))
    assert glossary(only).data.startswith(b"<!DOCTYPE html>")
    assert glossary(only, "/about/").data == b""


def test_a_page_a_link_points_into_carries_its_ids_and_others_none(renderer):
    linked = replace(renderer, ids_for=frozenset({"glossary/index.html"}))
    ids = glossary(linked).ids
    assert ids is not None and "main-content" in ids
    assert glossary(renderer).ids is None
