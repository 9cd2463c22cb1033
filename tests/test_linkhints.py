"""builder.linkhints: what an editor meant by a broken link, offered from the content alone."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from builder.content import read_content
from builder.fragments import render_fragments
from builder.linkhints import Meant, missing_heading, missing_page
from builder.markdown import LinkRef

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "minimal"
FRAME = {"main-content", "site-navigation", "search", "footer"}


def _meant() -> Meant:
    content, _ = read_content(FIXTURE)
    return Meant(render_fragments(content), content)


def test_the_ids_meant_are_the_sections_headings_and_terms_the_content_makes():
    assert _meant().ids == ("community-safety-asb", "community-safety-asb-2026-01-patrols",
                            "community-safety-asb-2026-01-county-lines-work",
                            "hate-crime", "hate-crime-2026-01-reporting",
                            "who-publishes-it", "county-lines")


def test_an_id_of_the_frame_is_never_offered_for_a_heading_written_like_it():
    link = LinkRef("content/pages/about.md", 9, "/about/#main-contnt", "#main-contnt")
    message = missing_heading(link, "/about/", "main-contnt", FRAME | {"who-publishes-it"},
                              _meant())
    assert message.endswith("; its one heading is '#who-publishes-it'.")


def test_a_link_within_the_file_names_this_file_not_the_page_s_address():
    """The review of session 21: '#community-safty' was 'not a heading on /bulletins/2026-01/'."""
    fragment = "hate-crime-2026-01-reportng"
    link = LinkRef("content/bulletins/2026-01/hate-crime.md", 9,
                   f"/bulletins/2026-01/#{fragment}", "#reportng")
    on_page = set(_meant().ids) - {"who-publishes-it", "county-lines"}
    assert missing_heading(link, "/bulletins/2026-01/", fragment, on_page, _meant()) == (
        "the link '#reportng' points to '#reportng', which is not a heading in this file; "
        "did you mean '#reporting'?")


def test_many_headings_are_listed_a_few_with_how_many_there_are():
    link = LinkRef("content/pages/about.md", 9, "/bulletins/2026-01/#zzz", "/bulletins/2026-01/#zzz")
    on_page = set(_meant().ids) - {"who-publishes-it", "county-lines"}
    message = missing_heading(link, "/bulletins/2026-01/", "zzz", on_page, _meant())
    assert message.endswith("its headings include '/bulletins/2026-01/#community-safety-asb', "
                            "'/bulletins/2026-01/#community-safety-asb-2026-01-patrols' and "
                            "'/bulletins/2026-01/#community-safety-asb-2026-01-county-lines-work' "
                            "(5 in all).")


def test_the_nearest_heading_is_offered_as_the_editor_would_write_the_link():
    written = {"hate-crime.md#reportng": "did you mean 'hate-crime.md#reporting'?",
               "/bulletins/2026-01/#hate-crime-2026-01-reportng":
                   "did you mean '/bulletins/2026-01/#hate-crime-2026-01-reporting'?"}
    on_page = set(_meant().ids) - {"who-publishes-it", "county-lines"}
    for text, hint in written.items():
        fragment = "hate-crime-2026-01-reportng"
        link = LinkRef("content/pages/about.md", 9, f"/bulletins/2026-01/#{fragment}", text)
        assert missing_heading(link, "/bulletins/2026-01/", fragment, on_page,
                               _meant()).endswith(hint)


def test_a_page_with_no_headings_is_told_how_anchors_are_made():
    link = LinkRef("content/pages/about.md", 9, "/search/#results", "/search/#results")
    message = missing_heading(link, "/search/", "results", FRAME, _meant())
    assert ("it has no headings: link to '/search/' alone, or add the heading; a heading's "
            "anchor is its text in lower case") in message


SITE_FILES = {"index.html", "about/index.html", "glossary/index.html", "themes/hate-crime/index.html",
              "404.html", "feed.xml", "images/csp-map.png"}


def test_a_page_made_from_a_file_is_offered_by_its_file_counted_from_the_link():
    link = LinkRef("content/site.yaml", 12, "/abut/", "/abut/")
    assert missing_page(link, "/abut/", SITE_FILES, _meant()).endswith(
        "did you mean '/about/'? Better, link the page by its file, counted from this file's "
        "folder: 'pages/about.md'.")


def test_an_image_is_offered_the_nearest_image_and_a_page_the_nearest_page():
    image = LinkRef("content/pages/about.md", 9, "/images/csp-maps.png", "/images/csp-maps.png")
    content, _ = read_content(FIXTURE)
    with_map = replace(content, images=frozenset({"content/images/csp-map.png"}))
    meant = Meant(render_fragments(content), with_map)
    assert missing_page(image, "/images/csp-maps.png", SITE_FILES, meant).endswith(
        "which is not a file of this site; did you mean '/images/csp-map.png'? Better, link "
        "the image by its file, counted from this file's folder: '../images/csp-map.png'.")
    page = LinkRef("content/pages/about.md", 9, "/glosary/", "/glosary/")
    assert missing_page(page, "/glosary/", SITE_FILES, _meant()).endswith(
        "did you mean '/glossary/'?")


def test_a_stylesheet_s_image_is_offered_by_its_address_alone():
    """The review of session 21: '/assets/images/favicn.svg' was told to link
    '../assets/images/favicon.svg', a file no editor has (the stylesheet's)."""
    icon = LinkRef("content/pages/about.md", 9, "/assets/images/favicn.svg",
                   "/assets/images/favicn.svg")
    files = SITE_FILES | {"assets/images/favicon.svg"}
    assert missing_page(icon, "/assets/images/favicn.svg", files, _meant()).endswith(
        "did you mean '/assets/images/favicon.svg'?")


def test_an_address_like_no_page_is_not_matched_on_its_slashes_alone():
    link = LinkRef("content/pages/about.md", 9, "/news/", "/news/")
    assert missing_page(link, "/news/", SITE_FILES | {"plans/index.html"}, _meant()).endswith(
        "which is not a page of this site; check the address.")
