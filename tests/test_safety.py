"""builder.safety: links and images an editor typed as raw HTML on a public page.

The rest of the allow-list is tested through the renderer in test_markdown.py.
A Markdown link or image is resolved and checked; the same written as an
<a> or <img> tag used to be published as typed, broken, with the build passing.
"""
from __future__ import annotations

import pytest

from builder import safety
from builder.markdown import Fragment, render
from builder.model import Markdown, Origin

ENTRY = "content/bulletins/2026-01/hate-crime.md"
NO_ALT = ("the image '../../images/nope.jpg' has no text alternative; write what it shows "
          "between the square brackets: ![what it shows](file.png). A public page describes "
          "every image to readers who cannot see it (WCAG 1.1.1); leave out one that is only "
          "decoration.")


def _link_message(href: str) -> str:
    return (f"the link '{href}' is written as an HTML <a> tag, which the build cannot check or "
            "turn into a page's address; write it in Markdown instead: "
            f"[the words to click]({href}). In HTML only an address starting https://, "
            "http://, mailto: or tel: may stay.")


def _image_message(src: str, alt: str = "what it shows") -> str:
    return (f"the image '{src}' is written as an HTML <img> tag, which the build cannot check; "
            f"write it in Markdown instead: ![{alt}]({src}).")


def md(text: str, line: int = 1) -> Fragment:
    return render(Markdown(text, Origin("content/pages/test.md", line)),
                  lambda url, source: (url, None))


def test_raw_html_links_and_images_to_this_site_fail_the_build_naming_file_line_and_markdown(
        site, capsys):
    """The three that were published broken with exit 0: an image with no alt whose file
    does not exist, a link to a missing file, and a link to a month that does not exist."""
    site.write(ENTRY, '---\nrag: green\n---\n## Reporting\n\n<img src="../../images/nope.jpg">\n\n'
                      'Read this\nand <a href="nowhere.md">x</a> or '
                      '<a href="/bulletins/2099-01/">y</a>.\n')
    run = site.build(capsys=capsys)
    assert run.code == 1
    errors = [line for line in run.err.splitlines() if ": error: " in line]
    assert errors == [f"{ENTRY}:6: error: {NO_ALT}",
                      f"{ENTRY}:6: error: {_image_message('../../images/nope.jpg')}",
                      f"{ENTRY}:9: error: {_link_message('nowhere.md')}",
                      f"{ENTRY}:9: error: {_link_message('/bulletins/2099-01/')}"]


@pytest.mark.parametrize("href", ["hate-crime.md", "#reporting", "../../pages/about.md",
                                  "//example.org/x", ""])
def test_a_raw_html_link_to_this_site_is_an_error_saying_the_markdown_to_write(href):
    fragment = md(f"Intro.\n\n<p>See <a href=\"{href}\">this</a>.</p>\n", line=4)
    assert [(p.line, p.is_error) for p in fragment.problems] == [(6, True)]
    if href:
        assert fragment.problems[0].message == _link_message(href)
    else:
        assert "a link with no address is written as an HTML <a> tag" in \
            fragment.problems[0].message


@pytest.mark.parametrize("href", ["https://www.herts.police.uk/", "http://example.org/",
                                  "mailto:ccsu@hertfordshire.gov.uk", "tel:01992555555",
                                  " HTTPS://example.org/"])
def test_a_raw_html_link_to_another_site_email_or_phone_still_passes(href):
    fragment = md(f"Call <a href=\"{href}\" class=\"govuk-link\">us</a>.\n")
    assert fragment.problems == ()
    assert f'href="{href}"' in fragment.html


def test_a_raw_html_anchor_without_an_address_is_not_a_link_and_passes():
    assert md('<a id="top"></a>\n\nText.\n').problems == ()


def test_a_raw_html_image_on_this_site_is_refused_even_with_its_alt_naming_the_markdown():
    fragment = md('<img src="../../images/map.png" alt="A map of the CSPs">\n')
    assert [p.message for p in fragment.problems] == [
        _image_message("../../images/map.png", "A map of the CSPs")]


def test_a_raw_html_image_with_an_empty_alt_is_reported_as_undescribed():
    fragment = md('Intro.\n\n<img src="https://example.org/a.png" alt=" ">\n')
    assert [m.message.split(";")[0] for m in fragment.problems] == [
        "the image 'https://example.org/a.png' is on another site, and public pages load "
        "nothing from another host (it would tell that site who reads the bulletin, and leave "
        "a gap in decks shown offline)",
        "the image 'https://example.org/a.png' has no text alternative"]


@pytest.mark.parametrize("src", ["ftp://example.org/map.png", "data:image/png;base64,iVBORw0KGgo=",
                                 "file:///C:/maps/map.png", "tel:01992555555"])
def test_a_raw_html_image_whose_address_cannot_be_published_says_what_an_image_may_be(src):
    """'<img src="ftp://…">' was told the rules for a link, as a Markdown image was."""
    assert safety.check_raw_html(f'<p>Intro.</p>\n<img src="{src}" alt="Map">') == [
        (2, f"the image '{src}' cannot be published: an image must be a file of this site; "
            "save it in content/images/ and point to it there, as "
            "![what it shows](../../images/name.png) from a bulletin file.")]


def test_a_refused_scheme_is_reported_once_not_again_as_a_site_address():
    found = safety.check_raw_html('<a href="ftp://example.org/x">x</a><a href=":x">y</a>')
    assert len(found) == 2 and all("cannot be published: a link must start" in m for _, m in found)


def test_a_problem_in_a_block_of_raw_html_is_reported_on_its_own_line():
    """A block of raw HTML was reported on its first line, wherever the problem was."""
    fragment = md("Intro.\n\n<div>\n<p>fine</p>\n<script>alert(1)</script>\n"
                  '<p onclick="x()">y</p>\n</div>\n')
    assert [(p.line, p.message.split(" ")[0]) for p in fragment.problems] == [
        (5, "<script>"), (6, "the")]
    assert safety.check_raw_html("<div>\n\n<font>x</font></div>") == [
        (3, "<font> is not allowed; remove it and use Markdown for emphasis.")]


@pytest.mark.parametrize("url, safe", [("page.md", True), ("/x/", True), ("#a", True),
                                       ("HTTPS://x", True), ("tel:1", True), (":x", False),
                                       ("java\tscript:x", False), ("ftp://x", False)])
def test_safe_url_accepts_site_addresses_and_the_allowed_schemes_only(url, safe):
    assert safety.safe_url(url) is safe


@pytest.mark.parametrize("url", [
    "", "#x", "/a/b", "../x/", "a.png", "//other.example/x", "x?y:z", "a/b:c", "foo:bar",
    "javascript:alert(1)", "http://example.org", "https://example.org/x?y#z",
    "https://a.example:99999/", "https://a.example:8080/x", "http://1.2.3.999/", "http://1.2.3.4/",
    "http://XN--abc.example", "http://xn--abc.example", "http://a..b.example", "http://-a-.example/",
    "http://example.org.", "mailto:a@b", "MAILTO:a@b", "tel:+44", "http://u@h.example",
    "HTTP://EXAMPLE.ORG", "http:/x", "http:x", "https://a.b-", "https://a.1b", "a b", "é.png",
    "a\tb:c", "https://a.example/\x7f",
])
def test_an_address_said_to_be_kept_as_is_is_kept_by_nh3(url):
    html = f'<a href="{url}">x</a>'
    assert not safety.kept_as_is(url) or safety.clean(html) == html


def test_the_addresses_the_bulletin_writes_are_kept_as_is():
    assert all(safety.kept_as_is(url) for url in [
        "../../themes/hate-crime/#x", "#ent-a", "https://www.example.gov.uk/report?id=3#top",
        "mailto:csu@example.gov.uk", "tel:01234567890", "../../images/chart.png"])


def test_cleaning_keeps_a_table_s_scroll_box_and_names_but_no_other_role_or_tabindex():
    box = ('<div class="bulletin-table" role="region" aria-label="Table under Reporting" '
           'tabindex="0">\n<table class="govuk-table" aria-label="Table under Reporting">\n'
           '</table>\n</div>')
    assert safety.clean(box) == box
    assert safety.clean('<div role="button" tabindex="-1">x</div>') == "<div>x</div>"
    assert safety.clean('<p role="region" tabindex="0">x</p>') == "<p>x</p>"


def test_an_editor_s_own_html_may_not_make_a_focusable_region():
    """The box is the writers' to place and name; a page's own would be unnamed or misplaced."""
    messages = [m for _, m in safety.check_raw_html('<div role="region" tabindex="0">\n</div>')]
    assert messages == ["the HTML attribute 'role' is not allowed on <div>; remove it.",
                        "the HTML attribute 'tabindex' is not allowed on <div>; remove it."]
