"""builder.urls: where pages live, relative links from every depth, the 404 page, the resolver."""
from __future__ import annotations

import dataclasses
import itertools
import posixpath
import re
from pathlib import Path

import pytest

from builder import urls
from builder.content import read_content
from builder.glossing import relativise

TOOL_ROOT = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "minimal"

# Every kind of page, at every depth the site has.
PAGES = ["/", "/bulletins/", "/bulletins/2026-01/", "/themes/", "/themes/hate-crime/", "/rag/",
         "/glossary/", "/accessibility/", "/about/", "/plans/hertsmere-2019-20/", "/404.html"]
TARGETS = PAGES + ["/feed.xml", "/assets/main.0123abcd.css", "/assets/js/bulletin.0123abcd.js",
                   "/images/map.png", "/bulletins/2026-01/#hate-crime-2026-01-reporting",
                   "/glossary/#county-lines", "/#main-content"]


@pytest.mark.parametrize("url, expected", [
    ("/", "index.html"),
    ("/bulletins/2026-01/", "bulletins/2026-01/index.html"),
    ("/bulletins/2026-01/#hate-crime", "bulletins/2026-01/index.html"),
    ("/feed.xml", "feed.xml"),
    ("/404.html", "404.html"),
    ("/search/?q=asb", "search/index.html"),
    # decoded, as a web server decodes it: the link check missed an image named so
    ("/images/crime%20map.png", "images/crime map.png"),
    ("/images/caf%C3%A9.png", "images/café.png"),
])
def test_file_of_names_the_file_a_url_is_served_from(url, expected):
    assert urls.file_of(url) == expected


@pytest.mark.parametrize("url, from_url, expected", [
    ("/", "/", "index.html"),
    ("/bulletins/2026-01/", "/", "bulletins/2026-01/index.html"),
    ("/feed.xml", "/", "feed.xml"),
    ("/glossary/#county-lines", "/", "glossary/index.html#county-lines"),
    ("/", "/bulletins/", "../index.html"),
    ("/bulletins/2026-01/", "/bulletins/", "2026-01/index.html"),
    ("/", "/bulletins/2026-01/", "../../index.html"),
    ("/bulletins/", "/bulletins/2026-01/", "../index.html"),
    ("/themes/hate-crime/", "/bulletins/2026-01/", "../../themes/hate-crime/index.html"),
    ("/assets/main.0123abcd.css", "/themes/hate-crime/", "../../assets/main.0123abcd.css"),
    ("/bulletins/2026-01/", "/bulletins/2026-01/", "index.html"),
    ("/bulletins/2026-01/#hate-crime", "/bulletins/2026-01/", "#hate-crime"),
    ("/bulletins/2026-01/#x", "/themes/hate-crime/", "../../bulletins/2026-01/index.html#x"),
    ("/images/map.png", "/about/", "../images/map.png"),
    ("/images/crime%20map.png", "/about/", "../images/crime%20map.png"),   # still an address
])
def test_relative_link_from_each_depth(url, from_url, expected):
    assert urls.relative(url, from_url) == expected


def test_relative_links_do_not_depend_on_the_working_folder(tmp_path, monkeypatch):
    # "/../a/" is "/a/" to a browser; rooted in the working folder it climbed out of it.
    seen = set()
    for folder in ("/", tmp_path):
        monkeypatch.chdir(folder)
        seen.add(urls.relative("/../a/", "/b/"))
    assert seen == {"../a/index.html"}


def test_relative_agrees_with_posixpath_relpath_on_awkward_paths():
    """`relative` splits paths itself (relpath was most of a page's finishing)."""
    names = ["a", "b", "themes", "..", ".", "", ".x", "index.html", "x.css", "?q=1", "#f"]
    paths = ["/" + "/".join(p) + end for n in range(4)
             for p in itertools.product(names, repeat=n) for end in ("", "/")][:6000]
    for url in paths[::7]:
        for from_url in paths[::53]:
            path, _, fragment = url.partition("#")
            if url.startswith("//") or (path == from_url and fragment):
                continue  # another host's; the page's own part
            expected = posixpath.relpath("/" + urls.file_of(path),
                                         posixpath.dirname("/" + urls.file_of(from_url)))
            assert urls.relative(url, from_url) == expected + (f"#{fragment}" if fragment else "")


@pytest.mark.parametrize("url", ["https://example.org/x/", "//cdn.example.org/x.js",
                                 "mailto:a@example.org", "tel:+441234", "#main-content",
                                 "../already/relative/", ""])
def test_relative_leaves_addresses_that_are_not_site_absolute_alone(url):
    assert urls.relative(url, "/bulletins/2026-01/") == url


def test_every_relative_link_leads_to_the_right_file_from_every_page():
    for from_url in PAGES:
        here = posixpath.dirname(urls.file_of(from_url))
        for url in TARGETS:
            rel = urls.relative(url, from_url)
            path, _, fragment = rel.partition("#")
            landed = posixpath.normpath(posixpath.join(here, path)) if path else urls.file_of(from_url)
            assert landed == urls.file_of(url), (from_url, url, rel)
            assert fragment == url.partition("#")[2], (from_url, url, rel)
            assert not rel.startswith("/"), (from_url, url, rel)


def test_relativise_rewrites_every_site_absolute_href_and_src_but_nothing_else():
    html = ('<a href="/">home</a><a href="/glossary/#asb">g</a><img src="/images/a.png">'
            '<a href="https://example.org/">out</a><a href="#top">top</a>'
            '<a href="//cdn.example.org/">cdn</a><p data-x="/rag/">/rag/</p>')
    out = relativise(html, "/bulletins/2026-01/")
    assert ('<a href="../../index.html">home</a><a href="../../glossary/index.html#asb">g</a>'
            '<img src="../../images/a.png">') in out
    assert '<a href="https://example.org/">out</a><a href="#top">top</a>' in out
    assert '<a href="//cdn.example.org/">cdn</a><p data-x="/rag/">/rag/</p>' in out


@pytest.mark.parametrize("base_path", ["/test-bulletin/", "/"])
def test_404_page_links_use_the_base_path_so_they_work_from_any_depth(base_path):
    html = '<a href="/">home</a><a href="/bulletins/">all</a><link href="/assets/main.css">'
    out = relativise(html, urls.NOT_FOUND, base_path)
    prefix = base_path.rstrip("/")
    assert out == (f'<a href="{prefix}/">home</a><a href="{prefix}/bulletins/">all</a>'
                   f'<link href="{prefix}/assets/main.css">')


# --- The built 404 page ------------------------------------------------------------------

def _links(html: str) -> list[str]:
    return re.findall(r'\s(?:href|src)="([^"]*)"', html)


def test_built_404_page_has_only_absolute_links_under_the_base_path(site, capsys):
    assert site.build(capsys=capsys).code == 0
    links = _links(site.page("404.html"))
    local = [u for u in links if not re.match(r"^(https?:|mailto:|#)", u)]
    assert local, "the 404 page should link back into the site"
    assert all(u.startswith("/test-bulletin/") for u in local), local
    for wanted in ("/test-bulletin/", "/test-bulletin/bulletins/", "/test-bulletin/search/",
                   "/test-bulletin/accessibility/", "/test-bulletin/glossary/",
                   "/test-bulletin/feed.xml"):
        assert wanted in links
    assert any(re.fullmatch(r"/test-bulletin/assets/main\.[0-9a-f]{8}\.css", u) for u in links)
    # Other pages stay relative, so the site also works opened from disk.
    assert not any(u.startswith("/") for u in _links(site.page("bulletins/2026-01/index.html")))


def test_404_page_on_a_site_at_the_root_of_its_host(site, capsys):
    site.write("content/site.yaml", site.read("content/site.yaml").replace(
        "https://bulletin.testshire.gov.uk/test-bulletin/", "https://bulletin.example.org/"))
    assert site.build(capsys=capsys).code == 0
    local = [u for u in _links(site.page("404.html")) if u.startswith("/")]
    assert "/" in local and "/bulletins/" in local
    assert not any(u.startswith("/test-bulletin/") or u.startswith("//") for u in local)


# --- The resolver: what editors may write in a link ------------------------------------------

ASB = "content/bulletins/2026-01/community-safety-asb.md"
HATE = "content/bulletins/2026-01/hate-crime.md"
ABOUT = "content/pages/about.md"
PLAN = """title: Test Plan
period: 2025-2026
priorities:
  - number: 1
    title: Reduce ASB
    actions:
      - issue: Litter
        action: Patrol
        owner: Team
        rag: green
"""


@pytest.fixture
def content(site):
    site.write("content/images/map.png", "png")
    site.write("content/plans/test-plan.yaml", PLAN)
    site.write("content/bulletins/2026-02/issue.yaml",
               "title: Monthly Update\nmonth: 2026-02\nstatus: draft\n")
    site.write("content/bulletins/2026-02/hate-crime.md", "---\nrag: red\n---\nDraft text.\n")
    model, problems = read_content(site.root)
    assert not [p for p in problems if p.is_error], problems
    return model


@pytest.mark.parametrize("link, source, expected", [
    ("hate-crime.md", ASB, "/bulletins/2026-01/#hate-crime"),
    ("hate-crime.md#reporting", ASB, "/bulletins/2026-01/#hate-crime-2026-01-reporting"),
    ("./hate-crime.md#reporting", ASB, "/bulletins/2026-01/#hate-crime-2026-01-reporting"),
    ("issue.yaml", ASB, "/bulletins/2026-01/"),
    ("../../pages/about.md", ASB, "/about/"),
    ("../../pages/about.md#who-publishes-it", ASB, "/about/#who-publishes-it"),
    ("../../glossary.yaml", HATE, "/glossary/"),
    ("../../plans/test-plan.yaml", HATE, "/plans/test-plan/"),
    ("../../images/map.png", HATE, "/images/map.png"),
    ("../bulletins/2026-01/hate-crime.md#reporting", ABOUT,
     "/bulletins/2026-01/#hate-crime-2026-01-reporting"),
    ("../images/map.png", ABOUT, "/images/map.png"),
    ("#who-publishes-it", ABOUT, "/about/#who-publishes-it"),
    ("/rag/", ABOUT, "/rag/"),
    ("https://www.example.org/report.pdf", ABOUT, "https://www.example.org/report.pdf"),
    ("mailto:team@minimalshire.gov.uk", ABOUT, "mailto:team@minimalshire.gov.uk"),
    ("tel:+441234567890", ABOUT, "tel:+441234567890"),
])
def test_resolver_maps_what_editors_write_to_site_urls(content, link, source, expected):
    assert urls.resolver(content)(link, source) == (expected, None)


@pytest.mark.parametrize("link", ["../../images/crime%20map.png", "../../images/crime map.png"])
def test_an_image_named_with_a_space_is_found_and_its_address_encoded(site, link):
    """The Markdown reader gives the resolver '%20' for a space (written so, or between
    <...>), and the file is named with the space: such an image was never found."""
    site.write("content/images/crime map.png", "png")
    model, _ = read_content(site.root)
    assert urls.resolver(model)(link, HATE) == ("/images/crime%20map.png", None)


def test_an_image_named_with_an_accent_is_found(site):
    site.write("content/images/café.png", "png")
    model, _ = read_content(site.root)
    assert urls.resolver(model)("../../images/caf%C3%A9.png", HATE) == ("/images/caf%C3%A9.png", None)


def test_the_image_meant_is_suggested_as_an_address_with_no_bare_space(site):
    """'did you mean ../../images/crime map.png?' named an address the Markdown reader
    would not take as one without <...>."""
    site.write("content/images/crime map.png", "png")
    model, _ = read_content(site.root)
    message = urls.resolver(model)("../../images/crme%20map.png", HATE)[1]
    assert "points to content/images/crme map.png, which does not exist" in message
    assert "did you mean '../../images/crime%20map.png'?" in message


@pytest.mark.parametrize("link, expected", [
    ("https://bulletin.testshire.gov.uk/test-bulletin/themes/hate-crime/", "/themes/hate-crime/"),
    ("http://Bulletin.Testshire.gov.uk/test-bulletin/rag/#latest", "/rag/#latest"),
    ("https://bulletin.testshire.gov.uk/test-bulletin/search/?q=asb", "/search/?q=asb"),
    ("https://bulletin.testshire.gov.uk/test-bulletin/", "/"),
    # another site, or another folder of the same host, is left as written
    ("https://www.testshire.gov.uk/test-bulletin/rag/", "https://www.testshire.gov.uk/test-bulletin/rag/"),
    ("https://bulletin.testshire.gov.uk/other/", "https://bulletin.testshire.gov.uk/other/"),
])
def test_a_full_address_into_this_site_is_followed_as_a_site_address(content, link, expected):
    """A trial: a link copied from the published site to a page that does not exist was
    published unchecked."""
    assert urls.resolver(content)(link, ABOUT) == (expected, None)


def test_fragment_only_link_inside_an_entry_gets_the_entry_prefix(content):
    resolve = urls.resolver(content, urls.entry_prefix("hate-crime", content.issues[0].month))
    assert resolve("#reporting", HATE) == ("/bulletins/2026-01/#hate-crime-2026-01-reporting", None)


@pytest.mark.parametrize("link, source, words", [
    ("", ABOUT, "has no address"),
    ("   ", ABOUT, "has no address"),
    ("ftp://example.org/file", ABOUT, "cannot be published: a link must start with https:"),
    ("JavaScript:alert(1)", ABOUT, "cannot be published: a link must start with https:"),
    ("nowhere.md", ABOUT, "content/pages/nowhere.md, which does not exist"),
    ("../2025-12/hate-crime.md", ASB, "content/bulletins/2025-12/hate-crime.md, which does not exist"),
    ("../../images/missing.png", HATE, "content/images/missing.png, which does not exist"),
    # saved beside the theme file, it is there but not published (a trial was told it was not there)
    ("images/map.svg", HATE, "the image 'images/map.svg' points to "
                             "content/bulletins/2026-01/images/map.svg, outside content/images/, "
                             "the one folder images are published from; save the image in "
                             "content/images/ and write its address from this file's folder, "
                             "like '../../images/name.png'."),
    ("../../plans/other.yaml", HATE, "content/plans/other.yaml, which does not exist"),
    # A draft is not published, so a published page must not link to it; the file is
    # there, so it is not called missing (an editor's trial).
    ("../2026-02/hate-crime.md", ASB, "points into February 2026, a draft month, which is not "
                                      "published, so the link would be broken; link to it once "
                                      "that month's issue.yaml says 'status: published'"),
])
def test_resolver_explains_links_it_cannot_follow(content, link, source, words):
    resolved, message = urls.resolver(content)(link, source)
    assert resolved is None
    assert words in message


def test_resolver_follows_links_to_a_draft_when_drafts_are_built(site, content):
    with_drafts, _ = read_content(site.root, include_drafts=True)
    assert urls.resolver(with_drafts)("../2026-02/hate-crime.md", ASB) == (
        "/bulletins/2026-02/#hate-crime", None)


def test_entry_prefix_is_theme_then_month(content):
    assert urls.entry_prefix("hate-crime", content.issues[0].month) == "hate-crime-2026-01"


@pytest.mark.parametrize("link, source, words", [
    # counted from the bulletin's folder, not from content/
    ("../pages/about.md", HATE, "did you mean '../../pages/about.md'? An address is counted"),
    ("../2026-01/hate-crme.md", ASB, "did you mean 'hate-crime.md'?"),
    ("community-safety.md", HATE, "did you mean 'community-safety-asb.md'?"),   # cut short
    # in other capitals, as a file saved on Windows may be (an editor's trial)
    ("Hate-Crime.md", ASB, "did you mean 'hate-crime.md'?"),
    ("COMMUNITY-SAFETY-ASB.MD", HATE, "did you mean 'community-safety-asb.md'?"),
    ("../../images/chart.png", HATE, "the image '../../images/chart.png' points to"),
    ("../../images/chart.png", HATE, "like '../../images/name.png'"),
    ("../images/chart.png", ABOUT, "like '../images/name.png'"),
    ("../../pages/nothing-alike.md", HATE, "(from here, '../../pages/about.md' is a page)"),
])
def test_a_link_to_a_missing_file_says_what_to_write_from_this_file(content, link, source, words):
    assert words in urls.resolver(content)(link, source)[1]


def test_a_link_to_a_page_not_yet_written_says_to_create_it_and_names_no_missing_example(
        content):
    """In a new site with no pages, the footer's 'pages/privacy.md' was told "from here,
    'pages/about.md' is a page", a second file that was not there (a council's trial)."""
    no_pages = dataclasses.replace(content, pages=())
    assert urls.resolver(no_pages)("pages/privacy.md", "content/site.yaml")[1] == (
        "the link 'pages/privacy.md' points to content/pages/privacy.md, which does not exist; "
        "create content/pages/privacy.md to make it a page of the site, or give a full "
        "https:// address.")
    assert urls.resolver(content)("../../pages/privacy.md", HATE)[1].endswith(
        "create content/pages/privacy.md to make it a page of the site, link to one there is "
        "(from here, '../../pages/about.md' is a page), or give a full https:// address.")
    assert "(from here, '../../glossary.yaml' is the glossary)" in \
        urls.resolver(no_pages)("../../notes.md", HATE)[1]



@pytest.mark.parametrize("source, address, fragment", [
    ("content/pages/about.md", "/about/", "/about/#who"),
    ("content/glossary.yaml", "/glossary/", "/glossary/#who"),
    ("content/plans/test-plan.yaml", "/plans/test-plan/", "/plans/test-plan/#who"),
    ("content/bulletins/2026-01/issue.yaml", "/bulletins/2026-01/", "/bulletins/2026-01/#who"),
    ("content/bulletins/2026-01/hate-crime.md", "/bulletins/2026-01/#hate-crime",
     "/bulletins/2026-01/#hate-crime-2026-01-who"),
])
def test_file_page_finds_a_content_file_s_page_by_where_it_is_saved(source, address, fragment):
    """A deck made on its own links the site's pages by this, with no model to ask."""
    found = urls.file_page(source)
    assert (found.address, found.link(""), found.link("who")) == (address, address, fragment)


@pytest.mark.parametrize("source", ["content/themes.yaml", "content/decks/talk.md",
                                    "content/pages/notes/about.md", "content/images/map.png",
                                    "content/bulletins/2026-01/tables.yaml"])
def test_file_page_is_none_for_a_file_no_page_shows(source):
    assert urls.file_page(source) is None


def test_file_page_asks_the_model_whether_the_page_was_read(content):
    assert urls.file_page("content/pages/about.md").read(content)
    assert not urls.file_page("content/pages/nowhere.md").read(content)
    assert urls.file_page("content/bulletins/2026-01/hate-crime.md").read(content)
    assert not urls.file_page("content/bulletins/2026-01/drugs.md").read(content)


def test_an_unread_entry_s_page_holds_its_own_section_not_a_sibling_whose_slug_begins_alike():
    """A review: links were matched by the start of the address, so while hate-crime.md
    could not be read, a broken link into 'hate-crime-young-people' went unfollowed."""
    entry = urls.file_page("content/bulletins/2026-02/hate-crime.md")
    assert entry.holds("/bulletins/2026-02/#hate-crime")
    assert entry.holds("/bulletins/2026-02/#hate-crime-2026-02-reporting")
    assert not entry.holds("/bulletins/2026-02/#hate-crime-young-people")
    assert not entry.holds("/bulletins/2026-02/")
    page = urls.file_page("content/pages/about.md")
    assert page.holds("/about/") and page.holds("/about/#who") and not page.holds("/aboutus/")
