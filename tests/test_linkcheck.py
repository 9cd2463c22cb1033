"""builder.linkcheck: every internal link and #fragment leads somewhere."""
from __future__ import annotations

import posixpath
import re
from html import unescape
from pathlib import Path

import pytest

from builder import linkcheck, pipeline, urls
from builder.assets import build_assets
from builder.blobs import BlobStore
from builder.cache import Memo
from builder.content import read_content
from builder.fragments import render_fragments
from builder.markdown import LinkRef
from builder.outputs import Output

TOOL_ROOT = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "minimal"
ENTRY = "content/bulletins/2026-01/hate-crime.md"
ABOUT = "content/pages/about.md"
# Written by Pagefind after the pages; the search page links to them.
PAGEFIND_FILES = {"pagefind/pagefind-ui.css", "pagefind/pagefind-ui.js"}


def rendered(root: Path, cache: Path, *, drafts: bool = False):
    """The pipeline up to the link check, in memory: (outputs, extra files, problems)."""
    content, problems = read_content(root, include_drafts=drafts)
    assert not [p for p in problems if p.is_error], [str(p) for p in problems]
    fragments = render_fragments(content)
    assert not [p for p in fragments.problems() if p.is_error]
    assets = build_assets(root, pipeline.TOOL_ROOT, cache)
    outputs = pipeline.render_site(content, fragments, assets, root)
    return (outputs, linkcheck.files_besides_pages(assets, content),
            pipeline.check_links(fragments, outputs, assets, content))


# --- Content links, reported against the Markdown ---------------------------------------------

def test_link_to_a_page_that_does_not_exist_is_an_error_on_its_line(site, capsys):
    site.write(ENTRY, "---\nrag: green\n---\n## Reporting\n\nText.\n\nSee [the plan](/plans/old/).\n")
    run = site.build(capsys=capsys)
    assert run.code == 1
    assert (f"{ENTRY}:8: error: the link '/plans/old/' leads to /plans/old/, which is not a "
            "page of this site") in run.err
    assert not site.out.exists()


def test_a_mistyped_site_address_is_offered_the_nearest_page_of_the_site(site, capsys):
    """'/themes/hate-crimes/' was told only "check the address"; the page the editor meant
    is offered, as they should write it: a page made from a file by that file (README)."""
    us = "/abut/#who-publishes-it"
    site.write(ENTRY, site.read(ENTRY) + f"\n[Theme](/themes/hate-crimes/), [us]({us}).\n")
    run = site.build(capsys=capsys)
    errors = [l for l in run.err.splitlines() if ": error: " in l]
    assert errors == [
        f"{ENTRY}:8: error: the link '/themes/hate-crimes/' leads to /themes/hate-crimes/, which "
        "is not a page of this site; did you mean '/themes/hate-crime/'?",
        f"{ENTRY}:8: error: the link '{us}' leads to /abut/, which is not a page of this site; "
        "did you mean '/about/#who-publishes-it'? Better, link the page by its file, counted "
        "from this file's folder: '../../pages/about.md#who-publishes-it'."]


def test_a_full_address_into_this_site_is_checked_and_published_as_the_site_s_own_link(
        site, capsys):
    """A trial: 'https://…/bulletin/themes/domestic-abuse/', copied from the published site
    (its base_url), was published unchecked, to a page that does not exist."""
    base = "https://bulletin.testshire.gov.uk/test-bulletin/"
    site.write(ENTRY, site.read(ENTRY) + f"\n[Gone]({base}themes/hate-crimes/).\n")
    run = site.build(capsys=capsys)
    assert (f"{ENTRY}:8: error: the link '{base}themes/hate-crimes/' leads to "
            "/themes/hate-crimes/, which is not a page of this site; did you mean "
            "'/themes/hate-crime/'?") in run.err
    site.write(ENTRY, site.read(ENTRY).replace("hate-crimes/", "hate-crime/"))
    assert site.build(capsys=capsys).code == 0
    # a link that works from the disk and the preview too
    assert '<a href="../../themes/hate-crime/index.html" class="govuk-link">Gone</a>' in \
        (site.out / "bulletins/2026-01/index.html").read_text("utf-8")


def test_an_address_like_no_page_of_the_site_is_told_to_be_checked(site, capsys):
    site.write(ENTRY, site.read(ENTRY) + "\n[News](/news/).\n")
    run = site.build(capsys=capsys)
    assert ("the link '/news/' leads to /news/, which is not a page of this site; check the "
            "address.") in run.err


_HREF = re.compile(r'\s(?:href|src)="([^"]*)"')


def broken_links_in_pages(outputs: list[Output], extra_files: set[str]) -> list[str]:
    """Every relative link in the rendered pages that does not resolve."""
    ids = linkcheck.page_ids(outputs)
    files = {o.file for o in outputs} | extra_files
    broken = []
    for output in outputs:
        if not output.file.endswith(".html") or output.url == urls.NOT_FOUND:
            continue
        base = posixpath.dirname(output.file)
        for href in _HREF.findall(output.data.decode("utf-8")):
            href = unescape(href)
            if not href or re.match(r"^[a-z]+:", href) or href.startswith("//"):
                continue
            path, _, fragment = href.partition("#")
            target = posixpath.normpath(posixpath.join(base, path)) if path else output.file
            if path.endswith("/") or path in ("", ".", "./") and not fragment:
                target = posixpath.join(target, "index.html") if path else target
            target = target.lstrip("./") if target.startswith("./") else target
            if target not in files:
                broken.append(f"{output.file}: {href}")
            elif fragment and fragment not in ids.get(target, set()):
                broken.append(f"{output.file}: {href} (no id '{fragment}')")
    return broken


def test_link_to_a_missing_heading_in_another_entry_is_an_error_on_its_line(site, capsys):
    asb = "content/bulletins/2026-01/community-safety-asb.md"
    site.write(asb, site.read(asb).replace("hate-crime.md#reporting", "hate-crime.md#reportng"))
    run = site.build(capsys=capsys)
    assert run.code == 1
    # named as the editor wrote it, not with the prefix the page gives an entry's headings
    assert (f"{asb}:8: error: the link 'hate-crime.md#reportng' points to '#reportng', which "
            "is not a heading in hate-crime.md; did you mean 'hate-crime.md#reporting'?") in run.err


def test_a_missing_heading_in_another_file_is_named_in_the_file_the_editor_wrote(site, capsys):
    """'serious-violence.md#funding' was "not a heading on /bulletins/2026-03/", an address
    the editor never wrote, with no word of the headings serious-violence.md has."""
    site.write(ENTRY, site.read(ENTRY) + "\nSee [ASB](community-safety-asb.md#funding).\n")
    run = site.build(capsys=capsys)
    assert (f"{ENTRY}:8: error: the link 'community-safety-asb.md#funding' points to '#funding', "
            "which is not a heading in community-safety-asb.md; its headings are "
            "'community-safety-asb.md#patrols' and 'community-safety-asb.md#county-lines-work'."
            ) in run.err


def test_link_to_a_missing_heading_on_the_same_page_is_an_error(site, capsys):
    site.write(ABOUT, site.read(ABOUT) + "\nBack to [who](#who-publishes) or [top](#who-publishes-it).\n")
    run = site.build(capsys=capsys)
    assert run.code == 1
    errors = [l for l in run.err.splitlines() if ": error: " in l]
    assert errors == [f"{ABOUT}:11: error: the link '#who-publishes' points to '#who-publishes', "
                      "which is not a heading in this file; did you mean '#who-publishes-it'?"]


def test_a_missing_heading_like_none_on_the_page_is_answered_with_the_page_headings(site, capsys):
    site.write(ABOUT, site.read(ABOUT) + "\n[Funding](#money-and-grants).\n")
    run = site.build(capsys=capsys)
    assert ("'#money-and-grants', which is not a heading in this file; its one heading is "
            "'#who-publishes-it'.") in run.err


def test_a_missing_heading_on_a_page_with_none_is_told_how_anchors_are_made(site, capsys):
    site.write("content/pages/contact.md", "---\ntitle: Contact\n---\nWrite to us.\n")
    site.write(ABOUT, site.read(ABOUT) + "\n[Funding](contact.md#money-and-grants).\n")
    run = site.build(capsys=capsys)
    assert ("'#money-and-grants', which is not a heading in contact.md; it has no headings: "
            "link to 'contact.md' alone, or add the heading; a heading's anchor is its text in "
            "lower case") in run.err


def test_a_missing_heading_is_never_matched_to_an_id_of_the_page_frame(site, capsys):
    """'#nonexistent' was answered "did you mean '#main-content'?": the skip link's target,
    on every page, which no editor means. Only the content's headings are offered."""
    site.write(ABOUT, site.read(ABOUT) + "\n[a](#nonexistent), [b](#site-navigaton).\n")
    run = site.build(capsys=capsys)
    errors = [l for l in run.err.splitlines() if ": error: " in l]
    assert len(errors) == 2
    assert not [e for e in errors if "main-content" in e or "site-navigation" in e]
    assert all(e.endswith("; its one heading is '#who-publishes-it'.") for e in errors)


def test_a_missing_image_at_a_site_address_is_called_an_image(site, capsys):
    site.write(ABOUT, site.read(ABOUT) + "\n![Map](/images/map.png)\n")
    run = site.build(capsys=capsys)
    assert ("the image '/images/map.png' leads to /images/map.png, which is not a file of "
            "this site") in run.err


def test_link_to_a_page_fragment_or_image_that_exists_passes(site, sass_cache):
    site.write("content/images/map.png", "png")
    site.write(ABOUT, site.read(ABOUT) + "\n[Who](#who-publishes-it), [glossary](../glossary.yaml), "
               "[county lines](/glossary/#county-lines), "
               "[reporting](../bulletins/2026-01/hate-crime.md#reporting), "
               "![A map](../images/map.png), [feed](/feed.xml).\n")
    _, _, problems = rendered(site.root, sass_cache)
    assert problems == []


def test_check_content_links_finds_missing_files_and_fragments():
    outputs = [Output("/a/", b'<h2 id="x">X</h2>'), Output("/b/", b"<p>no ids</p>")]
    links = [LinkRef("content/pages/p.md", 3, "/a/#x", "a.md#x"),
             LinkRef("content/pages/p.md", 4, "/a/#y", "a.md#y"),
             LinkRef("content/pages/p.md", 5, "/c/", "c.md"),
             LinkRef("content/pages/p.md", 6, "/images/i.png", "i.png"),
             LinkRef("content/pages/p.md", 7, "/b/", "b.md")]
    problems = linkcheck.check_content_links(links, outputs, {"images/i.png"})
    assert [(p.path, p.line, p.is_error) for p in problems] == [
        ("content/pages/p.md", 4, True), ("content/pages/p.md", 5, True)]
    assert "'#y'" in problems[0].message and "/c/" in problems[1].message


def test_fragments_are_matched_after_html_unescaping():
    outputs = [Output("/a/", b'<h2 id="a&amp;b">X</h2>')]
    link = LinkRef("content/pages/p.md", 1, "/a/#a&b", "#a&b")
    assert linkcheck.check_content_links([link], outputs, set()) == []


# --- Every link on every rendered page ---------------------------------------------------------

def test_broken_links_in_pages_reports_missing_files_and_ids():
    outputs = [
        Output("/", b'<a href="bulletins/index.html">ok</a><a href="nowhere/index.html">bad</a>'
                    b'<a href="bulletins/index.html#y">bad id</a><a href="#top">bad own id</a>'
                    b'<a href="https://example.org/">out</a><img src="assets/a.css">'),
        Output("/bulletins/", b'<h2 id="x">X</h2><a href="../index.html">up</a>'
                              b'<a href="#x">own</a><a href="./">self</a>'),
        Output("/404.html", b'<a href="/anything/">the 404 page is served from anywhere</a>'),
    ]
    assert broken_links_in_pages(outputs, {"assets/a.css"}) == [
        "index.html: nowhere/index.html",
        "index.html: bulletins/index.html#y (no id 'y')",
        "index.html: #top (no id 'top')",
    ]


def test_no_broken_links_on_the_minimal_site(site, sass_cache):
    outputs, extra, problems = rendered(site.root, sass_cache)
    assert problems == []
    assert broken_links_in_pages(outputs, extra | PAGEFIND_FILES) == []


def test_no_broken_links_on_the_shipped_site(sass_cache):
    outputs, extra, problems = rendered(TOOL_ROOT, sass_cache)
    assert [str(p) for p in problems] == []
    assert len([o for o in outputs if o.file.endswith(".html")]) > 10
    assert broken_links_in_pages(outputs, extra | PAGEFIND_FILES) == []


def test_no_broken_links_with_drafts_and_a_second_issue(site, sass_cache):
    site.write("content/bulletins/2026-02/issue.yaml",
               "title: Monthly Update\nmonth: 2026-02\nstatus: draft\n")
    site.write("content/bulletins/2026-02/hate-crime.md",
               "---\nrag: red\n---\n## Reporting\n\nSee [last month](../2026-01/hate-crime.md#reporting) "
               "and [below](#more).\n\n## More\n\nText.\n")
    site.write("content/bulletins/2026-02/community-safety-asb.md", "---\nno_update: true\n---\n")
    outputs, extra, problems = rendered(site.root, sass_cache, drafts=True)
    assert problems == []
    assert broken_links_in_pages(outputs, extra | PAGEFIND_FILES) == []


def test_ids_are_read_only_from_pages_that_links_point_into():
    outputs = [Output("/a/", b'<h2 id="one">One</h2>'), Output("/b/", b'<h2 id="two">Two</h2>')]
    assert linkcheck.page_ids(outputs, only={"a/index.html"}) == {"a/index.html": {"one"}}
    assert linkcheck.page_ids(outputs) == {"a/index.html": {"one"}, "b/index.html": {"two"}}


def test_ids_are_read_once_per_page_bytes_and_kept_for_the_next_build(tmp_path, monkeypatch):
    store = BlobStore(tmp_path)
    fresh = Output("/a/", b'<h2 id="one">One</h2>')
    reused = Output("/a/", store.put(b'<h2 id="one">One</h2>'))   # the same page, from the cache
    read: list[bytes] = []
    real = linkcheck._ids_in
    monkeypatch.setattr(linkcheck, "_ids_in", lambda html: read.append(html) or real(html))
    known = Memo()
    assert linkcheck.page_ids([fresh], known) == {"a/index.html": {"one"}}
    known.end_build()
    assert linkcheck.page_ids([reused], known) == {"a/index.html": {"one"}}
    assert len(read) == 1
    changed = Output("/a/", b'<h2 id="two">Two</h2>')
    assert linkcheck.page_ids([changed], known) == {"a/index.html": {"two"}}


@pytest.mark.parametrize("html, ids", [
    (' id="a" id="b"', {"a", "b"}),
    ('<p\tid="tab">', {"tab"}),
    ('<p data-id="not" id="yes">', {"yes"}),   # only an attribute named id
    ('<p xid="a id="b">', {"b"}),             # malformed, read as a plain \sid=" reads it
    ('id="at-start"', set()),                  # no space before it
    ('<p id="a&amp;b">', {"a&b"}),
])
def test_ids_are_id_attributes_after_a_space(html, ids):
    assert linkcheck._ids_in(html.encode()) == ids


def test_a_page_a_link_points_into_carries_the_ids_it_was_drawn_with(sass_cache):
    """The link check read every such page back from the store and decoded it (0.15 s
    of a 10,000-entry build, on one core): the ids are now read as the page is drawn."""
    outputs, _, problems = rendered(FIXTURE, sass_cache)
    carried = {o.file: o.ids for o in outputs if o.ids is not None}
    assert "bulletins/2026-01/index.html" in carried   # the fixture links to its headings
    for file, ids in carried.items():
        page = next(o for o in outputs if o.file == file)
        assert ids == linkcheck._ids_in(page.data)
    assert len(carried) < len([o for o in outputs if o.file.endswith(".html")])
    unread = [Output(o.url, o.body) for o in outputs]   # as a page reused from an old cache
    assert linkcheck.page_ids(unread, only=set(carried)) == carried
    assert problems == []
