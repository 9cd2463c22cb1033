"""builder.pages and the templates: every kind of page, built from the minimal fixture.

`built` is the minimal fixture plus an earlier issue (December 2025), so that
themes have a history, changes have something to compare with and the archive
has two years; it is built once for the read-only checks. Tests that change
content use the `site` fixture.
"""
from __future__ import annotations

import shutil
import html as htmllib
import re
from pathlib import Path

import pytest

from builder import cli

TOOL_ROOT = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "minimal"

DECEMBER = {
    "content/bulletins/2025-12/issue.yaml":
        "title: Monthly Update\nmonth: 2025-12\npublished: 2025-12-18\nstatus: published\n",
    "content/bulletins/2025-12/community-safety-asb.md":
        "---\nrag: red\n---\n## Winter patrols\n\nPatrols were planned.\n",
    "content/bulletins/2025-12/hate-crime.md":
        "---\nrag: green\n---\n## Awareness week\n\nEvents were held.\n",
}
PAGES = ["index.html", "bulletins/index.html", "bulletins/2026-01/index.html",
         "bulletins/2025-12/index.html", "themes/index.html",
         "themes/community-safety-asb/index.html", "themes/hate-crime/index.html",
         "rag/index.html", "pages/index.html", "about/index.html", "glossary/index.html",
         "accessibility/index.html", "search/index.html", "404.html", "decks/index.html"]
# Slide decks generated for each month: reveal.js presentations, not GOV.UK pages
# (tests/decks/ checks them).
PRESENTATIONS = ["decks/2026-01/index.html", "decks/2025-12/index.html"]


@pytest.fixture(scope="module")
def built(tmp_path_factory, sass_cache) -> Path:
    root = tmp_path_factory.mktemp("pages") / "minimal"
    shutil.copytree(FIXTURE, root)
    shutil.copytree(sass_cache, root / ".cache")
    for rel, text in DECEMBER.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    assert cli.main(["build", "--root", str(root), "--no-search"]) == 0
    return root / "site"


def read(built: Path, rel: str) -> str:
    return (built / rel).read_text(encoding="utf-8")


def main_of(page: str) -> str:
    match = re.search(r"<main\b[^>]*>(.*?)</main>", page, re.S)
    assert match, "the page has no <main>"
    return match.group(1)


def text(fragment: str) -> str:
    """Visible text, tags removed and white space collapsed."""
    words = " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())
    return re.sub(r" ([.,;:)])", r"\1", words)


def headings(page: str, levels: str = "1-6") -> list[str]:
    return [text(h) for h in re.findall(rf"<h[{levels}]\b[^>]*>(.*?)</h[{levels}]>", page, re.S)]


def section(page: str, section_id: str) -> str:
    match = re.search(rf'<section[^>]*\bid="{section_id}"[^>]*>(.*?)</section>', page, re.S)
    assert match, f"no section #{section_id}"
    return match.group(1)


# --- Every page --------------------------------------------------------------------------------

def test_every_page_type_is_built(built):
    found = sorted(p.relative_to(built).as_posix() for p in built.rglob("*.html"))
    assert found == sorted(PAGES + PRESENTATIONS)


@pytest.mark.parametrize("rel", PAGES)
def test_every_page_has_language_one_h1_and_a_skip_link_to_main(built, rel):
    page = read(built, rel)
    assert re.search(r'<html lang="en-GB"', page)
    assert len(re.findall(r"<h1\b", page)) == 1, headings(page, "1")
    body = page.split("<body", 1)[1]
    first_link = re.search(r"<a\b[^>]*>", body).group(0)
    assert 'href="#main-content"' in first_link and "govuk-skip-link" in first_link
    assert text(body[body.index(first_link):]).startswith("Skip to main content")
    assert page.count('id="main-content"') == 1 and "<main" in page
    assert re.search(r"<title>[^<]+</title>", page)


def test_no_id_is_used_twice_on_any_page(built):
    for rel in PAGES:
        ids = re.findall(r'\sid="([^"]+)"', read(built, rel))
        assert len(ids) == len(set(ids)), (rel, sorted({i for i in ids if ids.count(i) > 1}))


def test_every_page_has_its_own_title(built):
    titles = {rel: re.search(r"<title>([^<]+)</title>", read(built, rel)).group(1) for rel in PAGES}
    assert len(set(titles.values())) == len(titles), titles
    assert titles["index.html"] == "Test Bulletin"
    assert titles["bulletins/2026-01/index.html"] == "Monthly Update: January 2026 – Test Bulletin"


def test_exit_this_page_only_on_pages_showing_hate_crime_content(built):
    """The home page showed Hate Crime's summary with no way out (a reader's audit), and
    the themes page its description. Search may show any theme's text in its results, and
    the RAG overview names Hate Crime in every month (a trial)."""
    with_exit = sorted(rel for rel in PAGES if "Exit this page" in read(built, rel))
    assert with_exit == ["bulletins/2025-12/index.html", "bulletins/2026-01/index.html",
                         "index.html", "rag/index.html", "search/index.html",
                         "themes/hate-crime/index.html", "themes/index.html"]
    page = read(built, "themes/hate-crime/index.html")
    assert "govuk-exit-this-page__button" in page and "govuk-js-exit-this-page-skiplink" in page
    # The script that starts it starts the navigation's Menu button too, on every page.
    assert "<script type=\"module\"" in page
    assert "<script type=\"module\"" in read(built, "themes/community-safety-asb/index.html")


def test_no_exit_this_page_on_home_search_or_themes_when_no_theme_asks_for_it(site, capsys):
    site.write("content/themes.yaml", site.read("content/themes.yaml").replace(
        "exit_this_page: true", "exit_this_page: false"))
    assert site.build(capsys=capsys).code == 0
    for rel in ("index.html", "themes/index.html", "search/index.html", "rag/index.html"):
        assert "Exit this page" not in site.page(rel), rel


def test_exit_this_page_on_a_standalone_page_that_asks_for_it(site, capsys):
    site.write("content/pages/support.md",
               "---\ntitle: Getting support\nexit_this_page: true\n---\nWho to call.\n")
    assert site.build(capsys=capsys).code == 0
    assert "Exit this page" in site.page("support/index.html")
    assert "Exit this page" not in site.page("about/index.html")


# --- Each kind of page -------------------------------------------------------------------------

def test_home_lists_the_latest_issue_with_each_theme_and_its_rag_word(built):
    main = main_of(read(built, "index.html"))
    rows = re.findall(r'<tr class="govuk-table__row"[^>]*>(.*?)</tr>', main, re.S)[1:]
    assert [text(r) for r in rows] == [
        "Community Safety & ASB Amber Improved from red in December 2025 Patrols increased in two towns.",
        "Hate Crime Green No change since December 2025 Covers: Reporting.",
    ]
    assert "Monthly Update, January 2026. Published 20 January 2026." in text(main)
    assert "Community Safety & ASB: status red in December 2025, amber now." in text(main)
    assert 'href="bulletins/2026-01/index.html"' in main
    assert 'href="bulletins/2025-12/index.html"' in main  # earlier issues


def test_home_gives_a_theme_without_summary_or_sub_headings_its_first_sentence(site, capsys):
    """A trial's theme with neither had an empty Summary cell on the home page."""
    site.write("content/bulletins/2026-01/hate-crime.md",
               "---\nrag: green\n---\nThird-party reporting centres opened in three towns, and "
               "their volunteers were trained by the county's team in the first week of the "
               "month, with help from the partners who run them. More centres follow in the "
               "spring.\n")
    asb = "content/bulletins/2026-01/community-safety-asb.md"
    site.write(asb, site.read(asb).replace("hate-crime.md#reporting", "hate-crime.md"))
    assert site.build(capsys=capsys).code == 0
    rows = re.findall(r'<tr class="govuk-table__row"[^>]*>(.*?)</tr>', site.page("index.html"),
                      re.S)
    assert text(rows[-1]) == ("Hate Crime Green First update in the bulletin Third-party "
                              "reporting centres opened in three towns, and their volunteers "
                              "were trained by the county's team in the first week of the "
                              "month, with help from the partners who run them. …")


@pytest.mark.parametrize("written, shown", [
    ("![Map of centres](../../images/map.png)\n\nCentres opened.\n", "Centres opened."),
    ("- Centres opened.\n- Volunteers trained.\n", "Centres opened."),
    # as the deck's slide: a list's first item before a paragraph (the README says so)
    ("In March:\n\n- Centres opened.\n- Volunteers trained.\n", "Centres opened."),
])
def test_home_skips_an_image_and_reads_a_list_for_a_theme_s_opening(site, capsys, written,
                                                                    shown):
    """A review: the first paragraph alone was read, so an update that starts with an
    image, or is a list, had an empty cell again."""
    (site.root / "content/images").mkdir()
    (site.root / "content/images/map.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    site.write("content/bulletins/2026-01/hate-crime.md", f"---\nrag: green\n---\n{written}")
    asb = "content/bulletins/2026-01/community-safety-asb.md"
    site.write(asb, site.read(asb).replace("hate-crime.md#reporting", "hate-crime.md"))
    assert site.build(capsys=capsys).code == 0
    rows = re.findall(r'<tr class="govuk-table__row"[^>]*>(.*?)</tr>', site.page("index.html"),
                      re.S)
    assert text(rows[-1]).endswith(f"First update in the bulletin {shown}")


def test_issue_page_has_both_entries_in_theme_order_with_rag_and_contents(built):
    page = read(built, "bulletins/2026-01/index.html")
    main = main_of(page)
    assert headings(main, "12")[:1] == ["January 2026"]
    assert [text(h) for h in re.findall(r'bulletin-entry__title"[^>]*>(.*?)</h2>', main)] == [
        "Community Safety & ASB", "Hate Crime"]
    asb, hate = section(main, "community-safety-asb"), section(main, "hate-crime")
    assert "Amber" in text(asb) and "Patrols" in text(asb) and "County lines work" in text(asb)
    assert "Green" in text(hate) and "Third-party reporting centres opened." in text(hate)
    assert "Ann Example" in text(asb)  # the theme's default contacts
    contents = re.search(r'<nav aria-labelledby="contents-heading".*?</nav>', main, re.S).group(0)
    assert re.findall(r'href="(#[^"]+)"', contents) == ["#community-safety-asb", "#hate-crime"]
    assert 'rel="prev"' in main and "December 2025" in text(main)  # pagination


def test_issue_page_data_table_is_accessible_and_formats_numbers(built):
    main = main_of(read(built, "bulletins/2026-01/index.html"))
    table = re.search(r'<table class="govuk-table" id="community-safety-asb-2026-01-table-patrols">'
                      r"(.*?)</table>", main, re.S)
    assert table, "the patrols table is missing"
    table = table.group(1)
    assert re.search(r"<caption[^>]*>.*Patrols by area.*</caption>", table, re.S)
    assert re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', table) == ["Area", "Patrols"]
    assert re.findall(r'<th scope="row"[^>]*>([^<]*)</th>', table) == ["North", "South", "Total"]
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">1,200</td>' in table
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">800</td>' in table
    assert 'govuk-table__header govuk-table__header--numeric">Patrols</th>' in table
    tfoot = re.search(r"<tfoot.*?</tfoot>", table, re.S).group(0)
    assert text(tfoot) == "Total 2,000"
    region = re.search(r'<div class="bulletin-table" role="region"[^>]*>', main).group(0)
    # the title and month, not the whole caption the table itself is named by
    assert 'aria-label="Patrols by area, January 2026"' in region
    assert 'tabindex="0"' in region


def test_a_number_written_as_no_figure_is_a_dash_to_see_and_words_to_hear(site, capsys):
    """An editor's trial: a '~' cell was empty, which a screen reader reads as "blank"."""
    patrols = "content/bulletins/2026-01/patrols.yaml"
    site.write(patrols, site.read(patrols).replace("[South, 800]", "[South, ~]")
               .replace("[Total, 2000]", "[Total, 1200]"))
    assert site.build(capsys=capsys).code == 0
    south = re.search(r"<th scope=\"row\"[^>]*>South</th>\s*(<td.*?</td>)",
                      site.page("bulletins/2026-01/index.html"), re.S)
    assert south.group(1) == ('<td class="govuk-table__cell govuk-table__cell--numeric">'
                              '<span aria-hidden="true">–</span><span '
                              'class="govuk-visually-hidden">no figure</span></td>')


def test_issue_page_has_the_svg_bar_chart_after_the_table(built):
    main = main_of(read(built, "bulletins/2026-01/index.html"))
    svg = re.search(r"<svg[^>]*bulletin-chart__svg[^>]*>(.*?)</svg>", main, re.S)
    assert svg, "no chart"
    assert 'role="img"' in svg.group(0)
    assert "<title" in svg.group(1) and "Patrols by area" in svg.group(1)
    assert "North has the highest value, 1,200" in svg.group(1)
    assert main.index("</table>") < main.index("bulletin-chart__svg")


def test_a_chart_s_caption_names_the_column_its_bars_show_where_the_table_has_several(
        site, capsys):
    """The caption said only the table's title, so which of its number columns the bars
    show was in the image's hidden text alone (a screen-reader trial). With one number
    column the title says it, and the caption does not say it again."""
    caption = re.compile(r'<figcaption class="bulletin-chart__caption"[^>]*>([^<]*)</figcaption>')
    assert site.build(capsys=capsys).code == 0
    assert caption.findall(site.page("bulletins/2026-01/index.html")) == [
        "Patrols by area, as a bar chart. The table above has every figure."]
    # and the figure is named by it: Chromium gave it no name (the review of session 21)
    figure = re.search(r'<figure class="bulletin-chart" aria-labelledby="([^"]+)">.*?'
                       r'<figcaption [^>]*id="([^"]+)"', site.page("bulletins/2026-01/index.html"),
                       re.S)
    assert figure and figure[1] == figure[2], figure
    patrols = "content/bulletins/2026-01/patrols.yaml"
    site.write(patrols, site.read(patrols)
               .replace("type: number}", "type: number}\n  - {key: hours, label: Hours, type: number}")
               .replace("1200]", "1200, 30]").replace("800]", "800, 20]").replace("2000]", "2000, 50]"))
    assert site.build(capsys=capsys).code == 0
    assert caption.findall(site.page("bulletins/2026-01/index.html")) == [
        "Patrols by area: Patrols, as a bar chart. The table above has every figure."]


def test_theme_page_lists_entries_and_history_newest_first(built):
    main = main_of(read(built, "themes/community-safety-asb/index.html"))
    assert [text(h) for h in re.findall(r'bulletin-entry__title"[^>]*>(.*?)</h2>', main)] == [
        "January 2026", "December 2025"]
    history = re.search(r'<ol class="bulletin-rag-history".*?</ol>', main, re.S).group(0)
    assert [text(li) for li in re.findall(r"<li\b.*?</li>", history, re.S)] == [
        "January 2026 Amber", "December 2025 Red"]
    assert 'href="../../bulletins/2025-12/index.html#community-safety-asb"' in history
    assert "Improved from red in December 2025" in text(section(main, "2026-01"))
    assert "First update in the bulletin" in text(section(main, "2025-12"))
    assert "Winter patrols" in text(section(main, "2025-12"))


def test_themes_page_lists_each_theme_with_its_latest_rag(built):
    main = main_of(read(built, "themes/index.html"))
    rows = re.findall(r'<div class="govuk-summary-list__row">(.*?)</div>', main, re.S)
    assert [text(r) for r in rows] == [
        "Community Safety & ASB Anti-social behaviour and community safety. Latest status: Amber",
        "Hate Crime Hate crime and incidents. Latest status: Green"]


def test_a_theme_that_has_ended_is_listed_apart_and_says_so(site, capsys):
    """An editor's trial: ended themes were listed with their last status like live ones."""
    themes = site.read("content/themes.yaml")
    site.write("content/themes.yaml", themes.replace("    title: Hate Crime\n",
                                                     "    title: Hate Crime\n    ended: 2026-01\n"))
    assert site.build(capsys=capsys).code == 0
    main = main_of(site.page("themes/index.html"))
    assert headings(main, "2") == ["Current themes", "Themes that have ended"]
    ended = main.split("Themes that have ended")[1]
    assert "Hate Crime" in ended and "Community Safety" not in ended
    assert "Ended January 2026." in text(ended) and "Last status: Green" in text(ended)
    assert "This theme ended in January 2026 and is no longer reported on." in text(
        main_of(site.page("themes/hate-crime/index.html")))


def test_a_correction_is_shown_with_its_update_and_its_date(site, capsys):
    """An editor's trial: there was no way to tell readers a published figure was corrected."""
    hate = site.read("content/bulletins/2026-01/hate-crime.md")
    site.write("content/bulletins/2026-01/hate-crime.md", hate.replace(
        "rag: green\n", "rag: green\ncorrections:\n  - date: 2026-02-05\n    note: The number "
        "of centres was given as 11; it is 18.\n", 1))
    assert site.build(capsys=capsys).code == 0
    for page in ("bulletins/2026-01/index.html", "themes/hate-crime/index.html"):
        html = site.page(page)
        assert ('<strong>Corrected on <time datetime="2026-02-05">5 February 2026</time>:</strong> '
                "The number of centres was given as 11; it is 18.") in html, page


def test_rag_overview_is_a_theme_by_month_table(built):
    main = main_of(read(built, "rag/index.html"))
    assert re.findall(r'<th scope="col"[^>]*>(.*?)</th>', main) and [
        text(h) for h in re.findall(r'<th scope="col"[^>]*>(.*?)</th>', main)] == [
        "Theme", "January 2026", "December 2025"]
    rows = re.findall(r'<tr class="govuk-table__row">(.*?)</tr>', main, re.S)[1:]
    assert [text(r) for r in rows] == [
        "Community Safety & ASB Amber (Community Safety & ASB, January 2026) "
        "Red (Community Safety & ASB, December 2025)",
        "Hate Crime Green (Hate Crime, January 2026) Green (Hate Crime, December 2025)"]
    assert 'href="../bulletins/2025-12/index.html#community-safety-asb"' in main
    assert "<caption" in main


def test_archive_groups_issues_by_year_newest_first(built):
    main = main_of(read(built, "bulletins/index.html"))
    assert headings(main, "2") == ["2026", "2025"]
    years = re.split(r"<h2[^>]*>", main)[1:]
    assert "Monthly Update: January 2026" in text(years[0])
    assert "December" not in text(years[0])
    assert "Monthly Update: December 2025" in text(years[1])
    assert 'href="2025-12/index.html"' in years[1]


def test_glossary_lists_terms_with_anchors_and_abbreviations_with_meanings(built):
    main = main_of(read(built, "glossary/index.html"))
    assert re.search(r'<dt[^>]*id="county-lines"[^>]*>County lines</dt>', main)
    assert "Drug networks that use dedicated phone lines." in text(main)
    rows = re.findall(r'<tr class="govuk-table__row" id="abbr-[a-z]+"[^>]*>(.*?)</tr>', main, re.S)
    assert [text(r) for r in rows] == ["ASB anti-social behaviour",
                                       "CSP Community Safety Partnership"]


def test_documents_list_and_standalone_page(built):
    assert 'href="../about/index.html">About this bulletin</a>' in read(built, "pages/index.html")
    main = main_of(read(built, "about/index.html"))
    assert headings(main) == ["About this bulletin", "Who publishes it"]
    assert 'id="who-publishes-it"' in main


GDS_HEADINGS = [
    "How accessible this website is",
    "Feedback and contact information",
    "Reporting accessibility problems with this website",
    "Enforcement procedure",
    "Technical information about this website's accessibility",
    "Compliance status",
    "Preparation of this accessibility statement",
]


def test_accessibility_statement_follows_the_gds_sample(built):
    main = main_of(read(built, "accessibility/index.html"))
    found = headings(main)
    assert found[0] == "Accessibility statement for Test Bulletin"
    positions = [found.index(h) for h in GDS_HEADINGS]  # each one present ...
    assert positions == sorted(positions)                # ... in the sample's order
    words = text(main)
    assert "This statement was prepared on 10 January 2026." in words
    assert "It was last reviewed on 10 February 2026." in words
    assert "last tested" not in words  # site.yaml gives no test date
    assert "This website is run by Test Council." in words
    assert "partially compliant with the Web Content Accessibility Guidelines version 2.2" in words
    assert "Some old tables lack captions." in words
    assert "get back to you in 5 working days" in words
    assert 'href="mailto:access@minimalshire.gov.uk"' in main
    assert 'href="https://www.equalityadvisoryservice.com/"' in main


def test_accessibility_statement_shows_test_date_and_full_compliance(site, capsys):
    site.write("content/site.yaml", site.read("content/site.yaml")
               .replace("compliance: partially", "compliance: fully")
               .replace("  reviewed: 2026-02-10", "  reviewed: 2026-02-10\n  tested: 2026-03-05\n"
                        "  tested_by: Test Auditors"))
    assert site.build(capsys=capsys).code == 0
    words = text(main_of(site.page("accessibility/index.html")))
    assert "This website was last tested on 5 March 2026. The test was carried out by Test Auditors." in words
    assert "is fully compliant" in words and "Non-accessible content" not in words


def test_accessibility_statement_says_how_slide_decks_zoom_and_where_their_words_are(built):
    """It promised zoom to 400% and said nothing of the decks, whose text keeps its size
    whatever the zoom (reveal.js scales each slide to the window; a reader's audit)."""
    main = main_of(read(built, "accessibility/index.html"))
    words = text(main)
    assert "text grows and shrinks with the window, not with the browser's zoom" in words
    assert "Each monthly deck is made from an issue" in words
    assert re.search(r'<a class="govuk-link" href="(\.\./)?bulletins/(index\.html)?">', main), main
    assert "written for meetings" not in words   # the fixture has no such deck


def test_accessibility_statement_names_decks_whose_words_are_on_no_page(site, capsys):
    site.write("content/decks/portfolio.md", "---\ntitle: Portfolio talk\n---\n## Portfolio talk\n\nHello.\n")
    assert site.build(capsys=capsys).code == 0
    words = text(main_of(site.page("accessibility/index.html")))
    assert "written for meetings (Portfolio talk) are not" in words, words


def test_accessibility_statement_claims_no_axe_check_at_each_build(built):
    """It said every page was checked with axe-core each time the website was built,
    which no build does (an adopting council's trial): the tool's tests check its templates."""
    words = text(main_of(read(built, "accessibility/index.html")))
    assert "each time the website is built" not in words
    assert ("The templates every page is drawn from are tested against WCAG 2.2 A and AA with "
            "axe-core, on every type of page, by the automated tests of the tool") in words
    assert "templates of its own" not in words


def test_accessibility_statement_says_a_sites_own_templates_are_not_tested(site, capsys):
    site.write("templates/partials/entry.html",
               (TOOL_ROOT / "templates/partials/entry.html").read_text("utf-8"))
    assert site.build(capsys=capsys).code == 0
    words = text(main_of(site.page("accessibility/index.html")))
    assert "This website draws some pages with templates of its own, which those tests do not check." in words


def test_accessibility_statement_gives_the_sites_own_improvements(site, capsys):
    site.write("content/site.yaml", site.read("content/site.yaml").replace(
        "  reviewed: 2026-02-10", "  reviewed: 2026-02-10\n  improvements:\n"
        "    - We are rewriting the 2019 plans as web pages by March 2027."))
    assert site.build(capsys=capsys).code == 0
    words = text(main_of(site.page("accessibility/index.html")))
    assert "We are rewriting the 2019 plans as web pages by March 2027." in words


def test_404_page_says_not_found_and_links_home_under_the_base_path(built):
    page = read(built, "404.html")
    assert headings(main_of(page)) == ["Page not found"]
    links = re.findall(r'\shref="([^"]*)"', page)
    local = [u for u in links if not re.match(r"^(https?:|mailto:|#)", u)]
    assert local and all(u.startswith("/test-bulletin/") for u in local), local
    assert "/test-bulletin/" in links and "/test-bulletin/bulletins/" in links


def test_links_on_every_page_are_relative_except_on_the_404_page(built):
    for rel in PAGES:
        if rel == "404.html":
            continue
        local = re.findall(r'\s(?:href|src)="(/[^"]*)"', read(built, rel))
        assert local == [], (rel, local)


# --- Drafts --------------------------------------------------------------------------------

DRAFT = {
    "content/bulletins/2026-02/issue.yaml": "title: Monthly Update\nmonth: 2026-02\nstatus: draft\n",
    "content/bulletins/2026-02/hate-crime.md": "---\nrag: amber\n---\n## Draft news\n\nNot yet.\n",
    "content/bulletins/2026-02/community-safety-asb.md": "---\nno_update: true\n---\n",
}


def test_draft_issue_is_left_out_without_drafts(site, capsys):
    for rel, body in DRAFT.items():
        site.write(rel, body)
    assert site.build(capsys=capsys).code == 0
    assert not (site.out / "bulletins" / "2026-02").exists()
    everything = "".join(p.read_text(encoding="utf-8") for p in site.out.rglob("*.html"))
    assert "2026-02" not in everything and "Draft news" not in everything
    assert "This page is a draft" not in everything


def test_draft_issue_is_built_with_a_draft_banner_with_drafts(site, capsys):
    for rel, body in DRAFT.items():
        site.write(rel, body)
    assert site.build("--drafts", capsys=capsys).code == 0
    page = site.page("bulletins/2026-02/index.html")
    banner = re.search(r'<div class="govuk-notification-banner".*?</div>\s*</div>', page, re.S)
    assert banner and "Draft" in text(banner.group(0))
    assert "This page is a draft" in text(banner.group(0))
    assert "<title>Draft: " in page
    assert '<meta name="robots" content="noindex">' in page
    assert "Draft news" in text(main_of(page))
    assert "This page is a draft" not in site.page("bulletins/2026-01/index.html")
    assert "Draft" in text(main_of(site.page("bulletins/index.html")))  # tagged in the archive


# --- Clashes and templates -------------------------------------------------------------------

def test_two_items_at_the_same_url_is_an_error_naming_the_file(site, capsys):
    site.write("content/pages/pages.md", "---\ntitle: Pages\n---\nText.\n")  # /pages/ is the list
    run = site.build(capsys=capsys)
    assert run.code == 1
    assert "content/pages/pages.md: error: 'pages' is a name the site uses itself" in run.err
    assert not site.out.exists()


def test_no_content_page_name_can_clash_with_a_page_the_site_makes(site, capsys):
    assert site.build(capsys=capsys).code == 0
    made = {p.name for p in site.out.iterdir() if p.is_dir()}          # bulletins/, assets/ ...
    made |= {p.stem for p in site.out.glob("*.html")}                  # index, 404
    for name in sorted(made - {"about"}):
        site.write(f"content/pages/{name}.md", f"---\ntitle: {name}\n---\nText.\n")
        run = site.build(capsys=capsys)
        assert run.code == 1, name
        assert f"content/pages/{name}.md: error: '{name}' is a name the site uses itself" in run.err
        site.remove(f"content/pages/{name}.md")


def test_a_template_in_the_site_folder_overrides_the_default(site, capsys):
    site.write("templates/page.html", '{% extends "base.html" %}\n{% block content %}\n'
               '<h1 class="govuk-heading-xl">{{ page.title }}</h1>\n'
               '<p class="site-own-template">Our own layout</p>\n{{ body }}\n{% endblock %}\n')
    assert site.build(capsys=capsys).code == 0
    about = site.page("about/index.html")
    assert '<p class="site-own-template">Our own layout</p>' in about
    assert 'class="bulletin-prose"' not in about
    assert "site-own-template" not in site.page("glossary/index.html")
    assert "<html lang=\"en-GB\"" in about  # base.html is still the default one


def test_a_sites_own_issue_page_may_include_the_entry_partial_without_importing_macros(
        site, capsys):
    """The partial imports macros.html itself only where its includer has not."""
    site.write("templates/issue.html", '{% extends "base.html" %}\n{% block content %}\n'
               "{% for entry in issue.entries %}{% with entry_id=entry.id, heading='h2', "
               'title=entry.theme_title %}{% include "partials/entry.html" %}{% endwith %}'
               "{% endfor %}\n{% endblock %}\n")
    assert site.build(capsys=capsys).code == 0
    assert "bulletin-rag" in site.page("bulletins/2026-01/index.html")   # m.rag_tag drew it


@pytest.mark.parametrize("template, line, words", [
    ('{% extends "base.html" %}\n{% block content %}\n<h1>{{ page.title }</h1>\n{% endblock %}\n',
     3, "template syntax error"),
    ('{% extends "base.html" %}\n{% block content %}\n<h1>{{ page.title }}</h1>\n\n'
     "{{ no_such_thing }}\n{% endblock %}\n", 5, "'no_such_thing' is undefined"),
    ('{% extends "base.html" %}\n{% block content %}\n{% for x in page.title %}\n{% endblock %}\n',
     4, "template syntax error"),
], ids=["syntax", "undefined", "unclosed-for"])
def test_template_mistake_names_the_template_and_line_without_a_traceback(site, capsys, template,
                                                                          line, words):
    site.write("templates/page.html", template)
    run = site.build(capsys=capsys)
    assert run.code == 1
    assert re.search(rf"templates/page\.html:{line}: error: .*{re.escape(words)}", run.err), run.err
    assert "Traceback" not in run.err + run.out
    assert "Nothing was written" in run.err and not site.out.exists()


def test_mistake_in_an_included_template_names_that_template(site, capsys):
    site.write("templates/partials/entry.html", "<section>\n{{ entry.no_such_field }}\n</section>\n")
    run = site.build(capsys=capsys)
    assert run.code == 1
    assert re.search(r"templates/partials/entry\.html:2: error: .*no_such_field", run.err), run.err
    assert "Traceback" not in run.err


def entry_titles(main: str) -> list[str]:
    return [text(h) for h in re.findall(r'bulletin-entry__title"[^>]*>(.*?)</h2>', main)]


def test_a_long_history_shows_the_latest_twelve_updates_and_a_page_per_year(long_history):
    main = main_of(read(long_history, "themes/hate-crime/index.html"))
    assert entry_titles(main)[0] == "January 2026" and entry_titles(main)[-1] == "February 2025"
    assert len(entry_titles(main)) == 12
    assert "The latest 12 updates." in text(main)
    assert re.findall(r'<a class="govuk-link" href="([^"]+)">(\d{4})</a>', main) == [
        ("2026/index.html", "2026"), ("2025/index.html", "2025")]
    # the first update on the page still says how it changed from the one before
    assert "First update in the bulletin" not in text(section(main, "2025-02"))


def test_a_year_page_shows_that_years_updates_and_links_back_to_its_theme(long_history):
    page = read(long_history, "themes/hate-crime/2025/index.html")
    main = main_of(page)
    assert headings(main, "1") == ["Hate Crime: 2025"]
    assert entry_titles(main) == [f"{m} 2025" for m in (
        "December", "November", "October", "September", "August", "July", "June", "May",
        "April", "March", "February", "January")]
    assert '<span aria-current="page">2025</span>' in main
    assert "First update in the bulletin" in text(section(main, "2025-01"))
    assert 'href="../index.html">Hate Crime</a>' in page   # the breadcrumbs
    newest = main_of(read(long_history, "themes/hate-crime/2026/index.html"))
    assert entry_titles(newest) == ["January 2026"]
    assert "First update in the bulletin" not in text(section(newest, "2026-01"))


def test_a_long_history_s_rag_overview_shows_the_latest_twelve_issues_and_a_page_per_year(
        long_history):
    """Every issue was a column, oldest first: ten years of them, and a reader on a phone
    scrolled past 119 to reach this month's."""
    def columns(main: str) -> list[str]:
        return [text(h) for h in re.findall(r'<th scope="col"[^>]*>(.*?)</th>', main)][1:]
    main = main_of(read(long_history, "rag/index.html"))
    assert columns(main) == ["January 2026"] + [f"{m} 2025" for m in (
        "December", "November", "October", "September", "August", "July", "June", "May",
        "April", "March", "February")]
    assert "in the latest 12 issues, newest first" in text(main)
    assert re.findall(r'<a class="govuk-link" href="([^"]+)">(\d{4})</a>', main) == [
        ("2026/index.html", "2026"), ("2025/index.html", "2025")]
    page = read(long_history, "rag/2025/index.html")
    year = main_of(page)
    assert headings(year, "1") == ["RAG overview: 2025"]
    assert columns(year)[0] == "December 2025" and columns(year)[-1] == "January 2025"
    assert '<span aria-current="page">2025</span>' in year
    assert 'href="../index.html">RAG overview</a>' in page   # the breadcrumbs
    assert "<title>RAG overview: 2025" in page
    assert columns(main_of(read(long_history, "rag/2026/index.html"))) == ["January 2026"]


def test_a_short_history_has_no_year_pages(built):
    assert not list((built / "rag").glob("*/index.html"))
    assert "Statuses by year" not in read(built, "rag/index.html")
    assert not list((built / "themes/hate-crime").glob("*/index.html"))
    assert "Updates by year" not in read(built, "themes/hate-crime/index.html")


def test_a_theme_page_s_view_is_let_go_once_the_page_is_drawn(months, monkeypatch):
    """Each view is that theme-year's entries' HTML again: kept to the last theme page,
    they were every entry's HTML again."""
    import weakref
    from builder import renderer, shown
    from test_cache import files_of
    made, alive_at_each_page = [], []
    theme_view, page = shown.theme_view, renderer.Renderer.page

    def recorded(*args, **kwargs):
        view = theme_view(*args, **kwargs)
        made.append(weakref.ref(view))
        return view

    def drawn(self, template, *args, **kwargs):
        if template == "theme.html":
            alive_at_each_page.append(sum(ref() is not None for ref in made))
        return page(self, template, *args, **kwargs)

    monkeypatch.setattr(shown, "theme_view", recorded)
    monkeypatch.setattr(renderer.Renderer, "page", drawn)
    files_of(months, None, jobs=1)
    assert len(made) >= 2 and alive_at_each_page == [0] * len(made)



def test_the_rag_overview_is_drawn_first_and_listed_in_its_place(months, monkeypatch):
    """Drawn last, the overview (as long as a hundred pages at 10,000 entries) kept one
    process busy alone at the end of a parallel build."""
    from builder import renderer
    from test_cache import files_of
    drawn, page = [], renderer.Renderer.page

    def recorded(self, template, url, *args, **kwargs):
        drawn.append(url)
        return page(self, template, url, *args, **kwargs)

    monkeypatch.setattr(renderer.Renderer, "page", recorded)
    alone = [f for f in files_of(months, None, jobs=1) if f.endswith(".html")]
    assert drawn[0] == "/rag/"
    themes = [n for n, f in enumerate(alone) if f.startswith("themes/")]
    assert alone.index("rag/index.html") == max(themes) + 1   # listed after the themes
    shared = [f for f in files_of(months, None, jobs=2) if f.endswith(".html")]
    assert shared == alone


def test_a_mistake_in_the_site_s_own_template_is_named_from_the_site_s_folder(site, capsys):
    """As content files are: an editor saw /home/.../templates/partials/entry.html."""
    site.write("templates/partials/entry.html", "<section>\n{{ entry.no_such_field }}\n</section>\n")
    run = site.build(capsys=capsys)
    assert run.err.startswith("templates/partials/entry.html:2: error: "), run.err



def test_no_page_has_a_meta_in_its_body_or_a_label_for_nothing(built):
    """The search filters were <meta> elements inside <main> (invalid without itemprop and
    content), and the search label named a box made only by JavaScript (a reader's trial
    with the Nu HTML checker)."""
    for page in sorted(built.rglob("*.html")):
        if "/decks/" in page.as_posix():
            continue
        html = page.read_text(encoding="utf-8")
        body = html.split("<body", 1)[1]
        assert "<meta" not in body, page
        ids = set(re.findall(r'\bid="([^"]+)"', html))
        for target in re.findall(r'<label[^>]*\bfor="([^"]+)"', html):
            assert target in ids, (page, target)


def test_a_table_s_title_and_caption_are_read_as_two_sentences(site, sass_cache, capsys):
    """Without a separator a screen reader ran them together: 'Drug tests by Community
    Safety Partnership Drug tests carried out across...' (a reader's trial)."""
    shutil.copytree(sass_cache, site.root / ".cache", dirs_exist_ok=True)
    patrols = "content/bulletins/2026-01/patrols.yaml"
    site.write(patrols, site.read(patrols).replace("title: Patrols by area\n",
                                                   "title: Patrols by area\ncaption: Counted weekly\n"))
    assert site.build(capsys=capsys).code == 0
    caption = re.search(r"<caption.*?</caption>", site.page("bulletins/2026-01/index.html"), re.S)
    spoken = re.sub(r"<[^>]+>", "", caption.group(0))
    assert spoken.split() == ["Patrols", "by", "area,", "January", "2026.", "Counted", "weekly"], spoken


def test_each_months_table_on_a_theme_page_is_a_region_named_with_its_month(site, capsys):
    """A theme page listed a region named 'MARAC referrals by district' for every month
    (axe: landmark-unique; an adopting council's trial)."""
    assert cli.main(["new", "2026-02", "--root", str(site.root)]) == 0   # copies the table
    assert site.build("--drafts", capsys=capsys).code == 0
    page = site.page("themes/community-safety-asb/index.html")
    names = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<caption.*?</caption>", page, re.S)]
    assert [" ".join(n.split()) for n in names] == ["Patrols by area, February 2026",
                                                    "Patrols by area, January 2026"], names


def test_a_draft_month_s_update_on_a_theme_page_says_draft(site, capsys):
    """In a --drafts build a draft month's update stood on its theme's page among the
    published ones, unlabelled (a reader's trial)."""
    site.write("content/bulletins/2026-02/issue.yaml",
               "title: Monthly Update\nmonth: 2026-02\nstatus: draft\n")
    site.write("content/bulletins/2026-02/hate-crime.md", "---\nrag: red\n---\nText.\n")
    site.write("content/bulletins/2026-02/community-safety-asb.md", "---\nno_update: true\n---\n")
    assert site.build("--drafts", capsys=capsys).code == 0
    main = main_of(site.page("themes/hate-crime/index.html"))
    assert entry_titles(main) == ["February 2026 (draft)", "January 2026"]
    history = main.split('id="history-heading"')[1].split("bulletin-entry__title")[0]
    assert "February 2026 (draft)" in text(history)
    # the link to the draft's issue page says so too, where the one below does not
    assert ">February 2026 issue (draft)</a>" in main and ">January 2026 issue</a>" in main
