"""A month's deck carried away as one file or a PDF: its links to the site's pages become
addresses on the published site (a councillor's USB stick: they led nowhere), and the
rest of its links, and its own files, are as they were."""
from __future__ import annotations

import pytest

from builder.baseurl import is_example_address, published_base
from builder.decks.carried import carry_away, carry_links, leads_to_site, published_address

BASE = "https://www.council.gov.uk/bulletin/"
FOLDER = "decks/2026-02/"
OWN = {"index.html": b"", "bulletin-deck.css": b"", "images/chart.png": b""}


def carried(body: str, base: str | None = BASE):
    files = {**OWN, "index.html": body.encode("utf-8")}
    result = carry_links(files, FOLDER, base)
    return result.files["index.html"].decode("utf-8"), result


def test_a_relative_link_to_a_page_becomes_the_page_s_published_address_anchor_and_all():
    html, result = carried('<a href="../../bulletins/2025-05/index.html#community-safety-asb" '
                           'class="govuk-link">May</a> and <a href="../../glossary/index.html">'
                           'the glossary</a>')
    assert html == (f'<a href="{BASE}bulletins/2025-05/#community-safety-asb" class="govuk-link">'
                    f'May</a> and <a href="{BASE}glossary/">the glossary</a>')
    assert result.site_pages == ("/bulletins/2025-05/#community-safety-asb", "/glossary/")


def test_a_page_that_is_not_a_folder_s_index_and_a_query_keep_their_names():
    assert published_address("../../feed.xml", FOLDER, BASE) == f"{BASE}feed.xml"
    assert (published_address("../../search/index.html?q=knife%20crime", FOLDER, BASE)
            == f"{BASE}search/?q=knife%20crime")
    # site-absolute, as a hand-written page might: from the host, as the browser reads it
    assert published_address("/glossary/", FOLDER, BASE) == "https://www.council.gov.uk/glossary/"


def test_an_ampersand_in_an_address_stays_escaped_in_the_attribute():
    html, _ = carried('<a href="../../search/index.html?q=a&amp;b=c">find</a>')
    assert html == f'<a href="{BASE}search/?q=a&amp;b=c">find</a>'


def test_other_hosts_mailto_data_anchors_and_the_deck_s_own_files_are_left_as_they_are():
    untouched = ('<a href="https://www.gov.uk/">GOV.UK</a> <a href="mailto:a@b.gov.uk">mail</a> '
                 '<a href="#/3">slide 3</a> <a href="data:text/plain,hi">data</a> '
                 '<a href="//cdn.example.net/x">net</a> <a href="tel:01234">call</a> '
                 '<a href="images/chart.png">the chart</a> <a>no address</a> '
                 '<link rel="stylesheet" href="bulletin-deck.css"><link rel="icon" href="data:,">')
    html, result = carried(untouched)
    assert html == untouched and result.site_pages == ()
    for href in ("https://www.gov.uk/", "mailto:a@b.gov.uk", "#top", "data:,", "",
                 "images/chart.png", "./images/chart.png#x"):
        assert not leads_to_site(href, OWN), href


def test_single_quoted_and_unquoted_addresses_are_read_too():
    html, _ = carried("<a href='../../glossary/index.html'>g</a><area href=../../rag/index.html>")
    assert html == f'<a href="{BASE}glossary/">g</a><area href="{BASE}rag/">'


def test_the_feed_s_link_is_made_absolute_with_the_published_address():
    html, result = carried('<head>\n  <link rel="alternate" type="application/atom+xml" '
                           'href="../../feed.xml" title="feed">\n</head>')
    assert html == (f'<head>\n  <link rel="alternate" type="application/atom+xml" '
                    f'href="{BASE}feed.xml" title="feed">\n</head>')
    assert result.site_pages == ()   # the head's link is no link a reader follows


def test_without_a_published_address_links_stay_counted_and_the_feed_s_link_goes():
    html, result = carried('<head>\n  <link rel="alternate" type="application/atom+xml" '
                           'href="../../feed.xml">\n  <link rel="stylesheet" '
                           'href="bulletin-deck.css">\n</head>\n<a href="../../glossary/'
                           'index.html">g</a> <a href="../../glossary/index.html">again</a>',
                           base=None)
    assert html == ('<head>\n  <link rel="stylesheet" href="bulletin-deck.css">\n</head>\n'
                    '<a href="../../glossary/index.html">g</a> '
                    '<a href="../../glossary/index.html">again</a>')
    assert result.site_pages == ("/glossary/",)


def test_the_letters_of_a_link_in_a_script_style_or_comment_are_code_and_left_alone():
    code = ('<script>var a = \'<a href="../x.html">\';</script>'
            '<style>a[href="../y"] { color: red }</style><!-- <a href="../z.html"> -->')
    html, result = carried(code + '<a href="../../rag/index.html">RAG</a>')
    assert html == code + f'<a href="{BASE}rag/">RAG</a>'
    assert result.site_pages == ("/rag/",)


def test_the_other_files_are_the_same_and_the_same_input_gives_the_same_bytes():
    files = {**OWN, "index.html": b'<a href="../../glossary/index.html">g</a>'}
    once, again = carry_links(files, FOLDER, BASE), carry_links(files, FOLDER, BASE)
    assert once == again
    assert {k: v for k, v in once.files.items() if k != "index.html"} == {
        k: v for k, v in OWN.items() if k != "index.html"}


def test_an_example_or_local_base_url_is_no_published_address():
    for example in ("https://example.org/bulletin/", "https://www.example.com/", "/",
                    "http://localhost:8000/", "http://127.0.0.1/"):
        assert published_base(example) is None, example
    assert published_base(BASE) == BASE and not is_example_address(BASE)
    assert published_base(BASE.rstrip("/")) == BASE   # as site.yaml may have it
    assert is_example_address("https://docs.example.net/")


def test_a_base_url_with_no_host_to_lead_to_is_no_published_address():
    """A deck on its own reads site.yaml as written: "https://" made links to https:/decks/."""
    for broken in ("https://", "https:// www.council.gov.uk/", "https://intranet/"):
        assert published_base(broken) is None, broken


LINKED = {**OWN, "index.html": b'<a href="../../glossary/index.html">g</a>'}


@pytest.mark.parametrize("base_url, why", [
    ("https://example.org/bulletin/", "site.yaml still has the example address "
                                      "https://example.org/bulletin/;"),
    (None, "site.yaml has no base_url;"),
    ("", "site.yaml has no base_url;"),
    (["a list"], "site.yaml has '['a list']', which is not a full address;"),
    ("www.council.gov.uk", "site.yaml has 'www.council.gov.uk', which is not a full address;"),
])
def test_carried_away_without_a_published_address_one_warning_says_why_and_what_to_write(
        base_url, why):
    """A site's deck made on its own reads site.yaml as written, where the build would have
    stopped at a base_url missing or no full address: the deck is still made."""
    files, problems = carry_away(LINKED, FOLDER, base_url, "site.yaml", 3)
    assert files["index.html"] == LINKED["index.html"]
    assert [(p.path, p.line, p.is_error) for p in problems] == [("site.yaml", 3, False)]
    assert problems[0].message.startswith(
        "1 link in the deck to the site's pages (/glossary/) will not work outside the site "
        "until base_url is set: ")
    assert why in problems[0].message and "like 'base_url: https://www" in problems[0].message


def test_carried_away_with_a_published_address_or_no_link_to_the_site_has_no_warning():
    files, problems = carry_away(LINKED, FOLDER, BASE.rstrip("/"), "site.yaml", 3)
    assert files["index.html"] == f'<a href="{BASE}glossary/">g</a>'.encode() and problems == []
    assert carry_away(OWN, FOLDER, None, "site.yaml", 0)[1] == []


def test_a_link_to_the_deck_itself_or_to_its_own_file_written_escaped_is_no_site_page():
    """'?print-pdf' and 'caf%C3%A9.pdf' were counted as links to the site's pages, and
    rewritten to addresses on it."""
    files = {"index.html": b"", "files/caf\u00e9.pdf": b"%PDF"}
    for own in ("?print-pdf", "./", "files/caf%C3%A9.pdf", "files/caf\u00e9.pdf#page=2"):
        assert not leads_to_site(own, files), own
    assert leads_to_site("../../glossary/index.html", files)


@pytest.mark.parametrize("written, said", [
    (None, "has no base_url"), ("", "has no base_url"),
    ("https://example.org/b/", "still has the example address https://example.org/b/"),
    ("https://", "has 'https://', which is not a full address"),
    (8080, "has '8080', which is not a full address")])
def test_the_warning_says_what_is_wrong_with_base_url(written, said):
    """A base_url of 8080 was said to be missing, and "https://" to be the example."""
    files = {"index.html": b'<a href="../../glossary/index.html">Glossary</a>'}
    _, problems = carry_away(files, "decks/x/", written, "content/site.yaml", 3)
    assert [said in p.message for p in problems] == [True], problems
