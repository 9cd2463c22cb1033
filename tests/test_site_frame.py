"""The frame every page shares, as content/site.yaml and the brand make it: the logo in
the header, the footer's address and links, where *Exit this page* goes, and the
browser's bar in the brand colour.

`council_site` (tests/conftest.py) is the minimal fixture made an adopting council's,
built once; tests that change site.yaml build a copy of the minimal fixture (`site`).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import COUNCIL_BRAND

HOME, ISSUE = "index.html", "bulletins/2026-01/index.html"


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def part(page: str, tag: str) -> str:
    match = re.search(rf"<{tag}\b.*?</{tag}>", page, re.S)
    assert match, f"the page has no <{tag}>"
    return match.group(0)


def home_link(page: str) -> str:
    return re.search(r'<a href="[^"]*" class="govuk-generic-header__homepage-link">(.*?)</a>',
                     page, re.S).group(1)


def footer_links(page: str) -> list[tuple[str, str]]:
    return re.findall(r'<li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" '
                      r'href="([^"]+)">([^<]+)</a></li>', part(page, "footer"))


# --- the logo --------------------------------------------------------------------------------------

@pytest.mark.parametrize("rel, up", [(HOME, ""), (ISSUE, "../../")])
def test_the_logo_is_in_the_home_link_before_the_title_with_the_organisation_as_its_text(
        council_site, rel, up):
    link = home_link(read(council_site, rel))
    logo = re.fullmatch(rf'<img class="bulletin-header__logo" src="{up}(assets/images/westshire'
                        r'\.[0-9a-f]{8}\.svg)" alt="Westshire County Council"> Test Bulletin', link)
    assert logo, link
    assert (council_site / logo.group(1)).is_file()   # fingerprinted with the other assets


def test_the_logo_says_nothing_the_title_already_says(site, capsys):
    """A screen reader says the link's name whole: 'Westshire County Council Westshire County
    Council bulletin' would say the name twice."""
    site.write("assets/images/westshire.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>\n")
    site.write("content/site.yaml", site.read("content/site.yaml").replace(
        "title: Test Bulletin\norganisation: Test Community Safety Unit\n",
        "title: Westshire County Council bulletin\norganisation: Westshire County Council\n"
        "logo: images/westshire.svg\n"))
    assert site.build(capsys=capsys).code == 0
    assert re.fullmatch(r'<img class="bulletin-header__logo" src="[^"]+" alt=""> Westshire '
                        'County Council bulletin', home_link(site.page(HOME)))


def test_without_a_logo_the_header_is_the_title_alone(site, capsys):
    assert site.build(capsys=capsys).code == 0
    assert home_link(site.page(HOME)) == "Test Bulletin"
    assert "<img" not in part(site.page(HOME), "header")


def test_a_logo_with_no_file_stops_the_build_at_its_line(site, capsys):
    site.write("content/site.yaml", site.read("content/site.yaml").replace(
        "organisation: Test Community Safety Unit\n",
        "organisation: Test Community Safety Unit\nlogo: images/westshire.svg\n"))
    run = site.build(capsys=capsys)
    assert run.code == 1
    assert ("content/site.yaml:3: error: 'logo: images/westshire.svg' names no file: there is "
            "no assets/images/westshire.svg beside content/; put the logo there, correct the "
            "name, or leave 'logo:' out.") in run.err.splitlines()


# --- the footer ------------------------------------------------------------------------------------

@pytest.mark.parametrize("rel, up", [(HOME, ""), (ISSUE, "../../")])
def test_the_footer_lists_the_site_s_links_after_its_own(council_site, rel, up):
    assert footer_links(read(council_site, rel)) == [
        (f"{up}accessibility/index.html", "Accessibility statement"),
        (f"{up}glossary/index.html", "Glossary"), (f"{up}feed.xml", "Atom feed"),
        ("https://www.westshire.gov.uk/privacy", "Privacy notice"),
        (f"{up}about/index.html", "About this bulletin")]


def test_the_footer_gives_the_address_a_line_each_after_the_publisher(council_site):
    footer = part(read(council_site, HOME), "footer")
    assert re.search(r'<p class="bulletin-footer__organisation">Published by Westshire County '
                     r'Council\.</p>\s*<address class="bulletin-footer__address">County Hall<br>'
                     r'Market Street<br>Westshire WS1 1AA</address>', footer), footer


def test_a_footer_without_address_or_links_has_neither(site, capsys):
    assert site.build(capsys=capsys).code == 0
    page = site.page(HOME)
    assert "<address" not in page
    assert [title for _, title in footer_links(page)] == ["Accessibility statement", "Glossary",
                                                          "Atom feed"]


def _footer_link(site, href: str) -> None:
    site.write("content/site.yaml", site.read("content/site.yaml").replace(
        "      email: team@minimalshire.gov.uk\n",
        f"      email: team@minimalshire.gov.uk\n  links:\n    - title: Privacy\n      href: {href}\n"))


def test_a_footer_link_to_a_file_that_does_not_exist_is_an_error_with_the_nearest(site, capsys):
    _footer_link(site, "pages/abut.md")
    run = site.build(capsys=capsys)
    assert run.code == 1
    assert ("content/site.yaml:12: error: the link 'pages/abut.md' points to "
            "content/pages/abut.md, which does not exist; did you mean 'pages/about.md'? An "
            "address is counted from the folder of the file it is written in.") in run.err


def test_a_footer_link_to_an_address_the_site_has_no_page_at_is_an_error(site, capsys):
    _footer_link(site, "/privacy/")
    run = site.build(capsys=capsys)
    assert run.code == 1
    assert ("content/site.yaml:12: error: the link '/privacy/' leads to /privacy/, which is "
            "not a page of this site; check the address.") in run.err


def test_a_footer_link_to_a_heading_the_page_lacks_is_an_error(site, capsys):
    _footer_link(site, "pages/about.md#privacy")
    run = site.build(capsys=capsys)
    assert run.code == 1
    assert "content/site.yaml:12: error: the link 'pages/about.md#privacy' points to " \
           "'#privacy', which is not a heading in pages/about.md" in run.err


def test_a_footer_link_to_a_missing_heading_is_reported_beside_another_error(site, capsys):
    """While an error stands only the pages links point into are drawn; the footer's link
    is followed with the content's, so both are reported in one run."""
    _footer_link(site, "pages/about.md#privacy")
    theme = "content/bulletins/2026-01/hate-crime.md"
    site.write(theme, site.read(theme).replace("rag: green", "rag: amberish", 1))
    run = site.build(capsys=capsys)
    assert run.code == 1
    assert "'rag: amberish" in run.err
    assert "content/site.yaml:12: error: the link 'pages/about.md#privacy' points to " \
           "'#privacy', which is not a heading in pages/about.md" in run.err


# --- Exit this page --------------------------------------------------------------------------------

def _exits(page: str) -> list[str]:
    return re.findall(r'<a href="([^"]+)"[^>]*class="govuk-[^"]*exit-this-page', page)


def test_exit_this_page_goes_where_site_yaml_says(council_site):
    assert _exits(read(council_site, ISSUE)) == ["https://www.westshire.gov.uk/"] * 2


def test_a_month_s_deck_s_exit_this_page_goes_where_site_yaml_says_too(council_site):
    """The deck shows Hate Crime, as the issue does: one way out, the site's own."""
    deck = read(council_site, "decks/2026-01/index.html")
    assert _exits(deck) == ["https://www.westshire.gov.uk/"]


def test_exit_this_page_goes_to_the_weather_unless_told(site, capsys):
    assert site.build(capsys=capsys).code == 0
    assert _exits(site.page(ISSUE)) == ["https://www.bbc.co.uk/weather"] * 2
    assert _exits(site.page("decks/2026-01/index.html")) == ["https://www.bbc.co.uk/weather"]


# --- the brand -------------------------------------------------------------------------------------

def _theme_colour(page: str) -> str:
    return re.search(r'<meta name="theme-color" content="([^"]+)">', page).group(1)


def test_the_browser_s_bar_takes_the_brand_the_stylesheet_was_compiled_with(council_site):
    assert _theme_colour(read(council_site, HOME)) == COUNCIL_BRAND
    assert _theme_colour(read(council_site, "404.html")) == COUNCIL_BRAND


def test_the_browser_s_bar_takes_the_default_brand_too(site, capsys):
    assert site.build(capsys=capsys).code == 0
    assert _theme_colour(site.page(HOME)) == "#1d70b8"


def test_the_header_carries_the_brand_as_its_bottom_border(council_site):
    page = read(council_site, HOME)
    assert '<div class="govuk-generic-header bulletin-header">' in page
    css = next((council_site / "assets").glob("main.*.css")).read_text(encoding="utf-8")
    assert (f".bulletin-header{{border-bottom:10px solid var(--govuk-brand-colour, "
            f"{COUNCIL_BRAND})}}") in css
