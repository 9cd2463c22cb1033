"""Reading what content/site.yaml says of the site's frame: the logo, the footer's address
and links, and where *Exit this page* goes.

Each test writes a few lines into a copy of the minimal fixture and reads it with
`read_content`, as every build does: the values the model holds, or each mistake's
message with its file, line and what to write.
"""
from __future__ import annotations

import pytest

from builder.content import read_content
from builder.logo import logo_alt
from builder.model_site import Footer, FooterLink
from builder.texts import EXIT_THIS_PAGE_URL, Origin

SITE = "content/site.yaml"
CONTACTS = "footer:\n  contacts:\n    - name: Test Team\n      email: team@minimalshire.gov.uk\n"


def read(site, *, top: str = "", footer: str = ""):
    """The site's settings with `top` added after its title (line 2 on) and `footer`
    under `footer:` after its contacts (line 10 on); (model, problems as text)."""
    text = site.read(SITE)
    assert text.startswith("title: ") and CONTACTS in text
    first, rest = text.split("\n", 1)
    site.write(SITE, f"{first}\n{top}{rest}".replace(CONTACTS, CONTACTS + footer))
    content, problems = read_content(site.root)
    return content.site if content else None, [str(p) for p in problems]


# --- the footer's address --------------------------------------------------------------------------

@pytest.mark.parametrize("written", [
    "  address:\n    - County Hall\n    - Westshire WS1 1AA\n",
    "  address: |\n    County Hall\n    Westshire WS1 1AA\n",
])
def test_an_address_is_its_lines_as_a_list_or_as_lines_of_text(site, written):
    model, problems = read(site, footer=written)
    assert problems == []
    assert model.footer.address == ("County Hall", "Westshire WS1 1AA")


def test_an_address_of_keys_says_to_write_lines(site):
    model, problems = read(site, footer="  address:\n    street: County Hall\n")
    assert problems == [f"{SITE}:10: error: 'footer.address' must be a list of text lines, "
                        "each starting '- '."]
    assert model.footer.address == ()


@pytest.mark.parametrize("key", ["address", "links"])
def test_a_footer_part_written_beside_the_footer_says_to_move_it_under(site, key):
    """A council wrote 'address:' at the top of site.yaml, and it was left out, with only
    the note that the file does not use it."""
    _, problems = read(site, top=f"{key}:\n  - County Hall\n")
    assert problems == [f"{SITE}:2: warning: '{key}' is not a key this file uses, so it is "
                        f"ignored; write it under 'footer:', indented, as '  {key}:'."]


# --- the footer's links ----------------------------------------------------------------------------

def test_links_keep_their_titles_addresses_and_lines(site):
    model, problems = read(site, footer="  links:\n"
                           "    - title: Privacy notice\n      href: https://www.westshire.gov.uk/privacy\n"
                           "    - title: About this bulletin\n      href: pages/about.md\n"
                           "    - title: Glossary\n      href: /glossary/\n")
    assert problems == []
    assert model.footer == Footer(model.footer.contacts, (), (
        FooterLink("Privacy notice", "https://www.westshire.gov.uk/privacy", Origin(SITE, 12)),
        FooterLink("About this bulletin", "pages/about.md", Origin(SITE, 14)),
        FooterLink("Glossary", "/glossary/", Origin(SITE, 16))))


@pytest.mark.parametrize("href", ["http://www.westshire.gov.uk/privacy", "mailto:a@example.org",
                                  "https://", "//www.westshire.gov.uk/", "#cookies"])
def test_a_link_to_another_site_must_be_https(site, href):
    model, problems = read(site, footer=f"  links:\n    - title: Privacy\n      href: '{href}'\n")
    assert problems == [
        f"{SITE}:12: error: 'footer.links.href: {href}' is not an address a footer link can "
        "have; write a full https:// address ('href: https://www.westshire.gov.uk/privacy'), or a "
        "page of this site as its file, counted from content/ ('href: pages/privacy.md'), or "
        "its address ('href: /glossary/')."]
    assert model.footer.links == ()


def test_a_link_without_its_address_or_title_says_what_to_add(site):
    _, problems = read(site, footer="  links:\n    - title: Privacy\n"
                                    "    - href: https://www.westshire.gov.uk/cookies\n")
    assert problems == [
        f"{SITE}:11: error: 'footer.links.href' is missing; add a line like "
        "'href: https://www.westshire.gov.uk/privacy'.",
        f"{SITE}:12: error: 'footer.links.title' is missing; add a line like "
        "'title: Privacy notice'."]


def test_links_not_written_as_a_list_say_how(site):
    _, problems = read(site, footer="  links: https://www.westshire.gov.uk/privacy\n")
    assert problems == [f"{SITE}:10: error: 'footer.links' must be a list of links (a '- title:' "
                        "line and an 'href:' line below it), each starting '- '."]


# --- the logo --------------------------------------------------------------------------------------

def _logo_file(site, name: str = "westshire.svg") -> None:
    site.write(f"assets/images/{name}", "<svg xmlns='http://www.w3.org/2000/svg'/>\n")


def test_a_logo_names_its_file_under_assets(site):
    _logo_file(site)
    model, problems = read(site, top="logo: images/westshire.svg\n")
    assert problems == [] and model.logo == "images/westshire.svg"


def test_no_logo_is_none(site):
    model, problems = read(site)
    assert problems == [] and model.logo is None


def test_a_logo_with_no_file_says_where_to_put_it_and_the_nearest_name(site):
    _logo_file(site)
    model, problems = read(site, top="logo: images/westshir.svg\n")
    assert problems == [
        f"{SITE}:2: error: 'logo: images/westshir.svg' names no file: there is no "
        "assets/images/westshir.svg beside content/; put the logo there, correct the name, or "
        "leave 'logo:' out. Did you mean 'logo: images/westshire.svg'?"]
    assert model.logo is None


@pytest.mark.parametrize("written", ["assets/images/westshire.svg", "westshire.svg",
                                     "/images/westshire.svg", "images/../westshire.svg"])
def test_a_logo_written_from_another_folder_says_how_to_write_it(site, written):
    _logo_file(site)
    _, problems = read(site, top=f"logo: {written}\n")
    assert problems == [f"{SITE}:2: error: 'logo: {written}' is not written as a file of "
                        "assets/images/; write its path from assets/, like "
                        "'logo: images/westshire.svg'."]


def test_a_logo_from_another_host_is_an_error(site):
    _, problems = read(site, top="logo: https://www.westshire.gov.uk/logo.svg\n")
    assert problems == [
        f"{SITE}:2: error: 'logo: https://www.westshire.gov.uk/logo.svg' loads from another host, "
        "and no page of the site requests anything from another host; save the file in "
        "assets/images/ beside content/ and write its name, like 'logo: images/westshire.svg'."]


def test_a_logo_that_is_not_an_image_is_an_error(site):
    site.write("assets/images/westshire.pdf", "%PDF-1.4\n")
    _, problems = read(site, top="logo: images/westshire.pdf\n")
    assert problems == [f"{SITE}:2: error: 'logo: images/westshire.pdf' is not an image; the "
                        "logo is an .svg file (sharp at any zoom) or a .png."]


def test_a_logo_mistake_is_reported_with_the_rest(site):
    """Collected, not raised: the other mistakes of the file are listed in the same run."""
    _, problems = read(site, top="logo: images/none.svg\nphase: gamma\n")
    assert sorted(p.split(": error: ")[0] for p in problems) == [f"{SITE}:2", f"{SITE}:3"]


@pytest.mark.parametrize("title, organisation, alt", [
    ("Community Safety Bulletin", "Westshire County Council", "Westshire County Council"),
    ("Westshire County Council community safety", "Westshire County Council", ""),
    ("WESTSHIRE COUNTY COUNCIL Bulletin", "Westshire County Council", ""),
    ("Community Safety Bulletin", "", ""),
])
def test_the_logo_says_the_organisation_unless_the_title_does(title, organisation, alt):
    assert logo_alt(title, organisation) == alt


# --- Exit this page --------------------------------------------------------------------------------

def test_exit_this_page_goes_where_site_yaml_says(site):
    model, problems = read(site, top="exit_this_page_url: https://www.westshire.gov.uk/\n")
    assert problems == [] and model.exit_this_page_url == "https://www.westshire.gov.uk/"


def test_exit_this_page_goes_to_gov_uk_frontend_s_default_unless_told(site):
    model, problems = read(site)
    assert problems == [] and model.exit_this_page_url == EXIT_THIS_PAGE_URL
    assert EXIT_THIS_PAGE_URL == "https://www.bbc.co.uk/weather"


@pytest.mark.parametrize("written", ["http://www.bbc.co.uk/weather", "www.bbc.co.uk/weather",
                                     "https://bbc", "https://www.bbc.co.uk/weather now"])
def test_exit_this_page_to_anything_but_an_https_address_is_an_error(site, written):
    model, problems = read(site, top=f"exit_this_page_url: {written}\n")
    assert problems == [f"{SITE}:2: error: 'exit_this_page_url: {written}' is not a full https:// "
                        "address; write it like 'exit_this_page_url: https://www.bbc.co.uk/weather'."]
    assert model.exit_this_page_url == EXIT_THIS_PAGE_URL
