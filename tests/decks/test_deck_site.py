"""builder.decks.site: decks in the site build, as folders that work on their own."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

SEED_SLUG = "community-safety-and-performance"


def test_make_build_publishes_the_seed_deck_and_a_deck_per_month(shipped_site):
    decks = shipped_site / "decks"
    for slug in (SEED_SLUG, "2025-05", "2026-02"):
        assert (decks / slug / "index.html").is_file()
    assert (decks / "index.html").is_file()


def test_each_deck_folder_has_only_the_reveal_files_it_uses_and_the_licence(shipped_site):
    folder = shipped_site / "decks" / SEED_SLUG
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert files == [
        "backgrounds/greyson-joralemon-qX8vHmS46xg-unsplash.jpg",
        "backgrounds/perry-grone-732606-unsplash.jpg",
        "backgrounds/ugur-akdemir-FABH5NJEMGM-unsplash.jpg",
        "bulletin-deck.css", "index.html", "reveal.js/LICENSE", "reveal.js/dist/plugin/notes.js",
        "reveal.js/dist/reveal.css", "reveal.js/dist/reveal.js", "reveal.js/dist/theme/night.css"]


EXIT_BUTTON = re.compile(r'<div class="govuk-exit-this-page[^"]*" '
                         r'data-module="govuk-exit-this-page">\s*(<a .*?</a>)\s*</div>', re.S)


@pytest.mark.parametrize("month", ["2025-05", "2026-02"])
def test_a_month_s_deck_showing_a_sensitive_theme_carries_govuk_s_exit_this_page(
        shipped_site, month):
    """The decks carried Hate Crime's words with no way out (an audit). The button is the
    site pages' own, and GOV.UK Frontend's scripts and styles for it are in the folder,
    for a deck presented from a USB stick."""
    folder = shipped_site / "decks" / month
    page = (folder / "index.html").read_text("utf-8")
    site_page = (shipped_site / "themes" / "hate-crime" / "index.html").read_text("utf-8")
    assert EXIT_BUTTON.search(page)[1] == EXIT_BUTTON.search(site_page)[1]
    assert '<div class="govuk-exit-this-page deck-exit"' in page
    assert '<link rel="stylesheet" href="bulletin-exit-this-page.css">' in page
    css = (folder / "bulletin-exit-this-page.css").read_text("utf-8-sig")
    assert ".govuk-button--warning" in css and ".govuk-exit-this-page__indicator" in css
    for component in ("exit-this-page", "button"):
        script = f"govuk-frontend/dist/govuk/components/{component}/{component}.bundle.js"
        assert f'<script src="{script}"></script>' in page
        assert b"sourceMappingURL" not in (folder / script).read_bytes()   # not published


def test_themes_make_no_request_for_web_fonts(shipped_site):
    night = (shipped_site / "decks" / SEED_SLUG / "reveal.js/dist/theme/night.css").read_text()
    assert "fonts.googleapis.com" not in night and "@import" not in night
    assert '"Open Sans", sans-serif' in night


def test_deck_pages_refer_to_nothing_by_absolute_address(shipped_site):
    for index in (shipped_site / "decks").glob("*/index.html"):
        html = index.read_text(encoding="utf-8")
        for value in re.findall(r'(?:src|href|data-background(?:-image)?)="([^"]*)"', html):
            assert not value.startswith(("/", "http://", "file:")), (index, value)


def test_deck_pages_name_an_icon_so_no_browser_asks_the_host_for_favicon_ico(shipped_site):
    for index in (shipped_site / "decks").glob("*/index.html"):
        assert '<link rel="icon" href="data:,">' in index.read_text(encoding="utf-8"), index


def test_deck_pages_are_in_british_english_with_hash_and_one_based_numbers(shipped_site):
    html = (shipped_site / "decks" / SEED_SLUG / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en-GB">' in html
    assert '"hash": true' in html and '"hashOneBasedIndex": true' in html
    assert "prefers-reduced-motion" in html


def test_a_site_deck_s_title_names_it_as_slides_of_the_site(shipped_site):
    """A tab or history entry said only 'CCSU Monthly RAG Update: May 2025', as the
    issue's page nearly does, and not whose site it was (WCAG 2.4.2)."""
    titles = {index.parent.name: html.unescape(
                  re.search(r"<title>([^<]*)</title>", index.read_text("utf-8"))[1])
              for index in (shipped_site / "decks").glob("*/index.html")}
    assert titles["2025-05"] == "CCSU Monthly RAG Update: May 2025 (slides) – Community Safety Bulletin"
    assert titles[SEED_SLUG] == "Community Safety and Performance (slides) – Community Safety Bulletin"


def test_every_slide_has_a_heading_if_only_a_hidden_one(shipped_site):
    html = (shipped_site / "decks" / SEED_SLUG / "index.html").read_text(encoding="utf-8")
    assert html.count('class="deck-sr-only"') == 10
    assert "Community Safety, slide 2 of 6" in html


def test_hidden_headings_are_worded_in_one_form_where_then_slide_n_of_m(shipped_site):
    """A slide in a stack was '…, slide 2 of 2' and one on its own '…: slide 8', as if
    they were two kinds of thing. A slide on its own counts as the address does (#/8)."""
    html = (shipped_site / "decks" / SEED_SLUG / "index.html").read_text(encoding="utf-8")
    hidden = re.findall(r'class="deck-sr-only">([^<]*)<', html)
    assert len(hidden) == 10
    assert [h for h in hidden if not re.fullmatch(r".+, slide \d+ of \d+", h)] == [], hidden
    assert "Community Safety and Performance, slide 8 of 8" in hidden   # the last, #/8


def test_the_decks_page_and_the_readme_name_the_keys_a_remote_sends_and_what_arrows_do(
        shipped_site):
    """The page said 'Move between slides with the arrow keys' and the README '→ ← (or
    Space) | next / previous slide', where → skipped a month's sub-items (before its decks
    were linear) and neither named Page Down, what a presenter's remote sends."""
    listing = (shipped_site / "decks" / "index.html").read_text(encoding="utf-8")
    for key in ("Space", "Page Down", "Page Up", "S", "F", "B"):
        assert f"<kbd>{key}</kbd>" in listing, key
    assert "in the deck's own window for full screen" in listing
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")
    keys = readme.partition("| Key | What it does |")[2].partition("\n\n")[0]
    assert "| → ↓ **Space** **Page Down** | next slide" in keys
    assert "| ← ↑ **Page Up** | previous slide" in keys
    assert "pressed in the deck's window on the projector" in keys


def test_the_decks_page_lists_every_deck_and_issues_link_their_own(shipped_site):
    listing = (shipped_site / "decks" / "index.html").read_text(encoding="utf-8")
    for slug in (SEED_SLUG, "2025-05", "2026-02"):
        assert f'href="{slug}/index.html"' in listing
    issue = (shipped_site / "bulletins" / "2026-02" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../decks/2026-02/index.html"' in issue


def test_a_deck_error_stops_the_build_naming_the_deck_and_line(site, capsys):
    site.write("content/decks/talk.md", "## Talk\n\n![Chart](chart.png)\n")
    run = site.build(capsys=capsys)
    assert run.code == 1
    assert "content/decks/talk.md:3: error: the file 'chart.png' does not exist" in run.err
    assert not site.out.exists()


@pytest.mark.parametrize("text, line", [
    ("## Talk\n\n![Logo](https://example.org/logo.png)\n", 3),
    ('---\nscripts: [https://cdn.example.org/chart.js]\n---\n## Talk\n', 2),
    ('<!-- .slide: data-background-iframe="https://example.org/map" -->\n## Talk\n', 1),
])
def test_a_site_deck_that_loads_from_another_host_stops_the_build(site, capsys, text, line):
    # The README promises no page of the site requests anything from another host, and a
    # council chamber is often offline; a deck of one's own keeps it with a warning.
    site.write("content/decks/talk.md", text)
    run = site.build(capsys=capsys)
    assert run.code == 1
    assert f"content/decks/talk.md:{line}: error: " in run.err
    assert "loads from another host" in run.err and "Save the file beside the deck" in run.err
    assert not site.out.exists()


def test_a_link_to_another_site_in_a_site_deck_is_not_a_problem(site, capsys):
    site.write("content/decks/talk.md", "## Talk\n\n[The council](https://example.org/)\n")
    run = site.build(capsys=capsys)
    assert run.code == 0 and "talk.md" not in run.err


def test_a_link_to_a_content_file_in_a_site_deck_goes_to_its_page_and_copies_nothing(
        site, capsys):
    """It was copied, front matter and all, into the deck's public folder: a draft
    month's text among them (an editor's trial)."""
    site.write("content/decks/talk.md", "## Talk\n\nSee [about us](../pages/about.md), "
               "[hate crime](../bulletins/2026-01/hate-crime.md#reporting) and "
               "[the glossary](/glossary/).\n")
    run = site.build(capsys=capsys)
    assert run.code == 0, run.err
    deck = site.page("decks/talk/index.html")
    assert 'href="../../about/index.html"' in deck
    assert 'href="../../bulletins/2026-01/index.html#hate-crime-2026-01-reporting"' in deck
    assert 'href="../../glossary/index.html"' in deck
    assert not (site.out / "decks/talk/_files").exists()


def test_a_link_to_another_site_deck_s_file_goes_to_that_deck(site, capsys):
    site.write("content/decks/other-talk.md", "## Other\n")
    site.write("content/decks/talk.md", "## Talk\n\nSee [the other talk](other-talk.md#/2).\n")
    run = site.build(capsys=capsys)
    assert run.code == 0, run.err
    assert 'href="../other-talk/index.html#/2"' in site.page("decks/talk/index.html")


def test_a_site_deck_links_to_a_draft_month_only_when_drafts_are_built(site, capsys):
    site.write("content/bulletins/2026-02/issue.yaml", "title: T\nmonth: 2026-02\nstatus: draft\n")
    site.write("content/bulletins/2026-02/hate-crime.md", "---\nrag: red\n---\nNot yet.\n")
    site.write("content/decks/talk.md", "## Talk\n\n[Draft](../bulletins/2026-02/hate-crime.md)\n")
    run = site.build(capsys=capsys)
    assert run.code == 1 and "content/decks/talk.md:3: error: the link " in run.err, run.err
    assert not site.out.exists()


@pytest.mark.parametrize("address, words", [
    ("../../.git/config", "is a hidden file"),
    ("../../../outside.png", "is outside the site's content/ folder"),
    ("../../assets/outside.png", "is outside the site's content/ folder"),  # not images/
    ("../site.yaml", "is a content file, which a deck does not publish as it is written"),
])
def test_a_site_deck_publishes_no_file_from_outside_content_nor_a_hidden_one(
        site, capsys, address, words):
    (site.root / ".git").mkdir(exist_ok=True)
    (site.root / ".git/config").write_text("[core]\n", "utf-8")
    (site.root.parent / "outside.png").write_bytes(b"\x89PNG")
    site.write("assets/outside.png", "png")
    site.write("content/decks/talk.md", f"## Talk\n\n![A picture]({address})\n")
    run = site.build(capsys=capsys)
    assert run.code == 1
    assert f"content/decks/talk.md:3: error: '{address}' {words}" in run.err, run.err
    assert not site.out.exists()


def test_deck_warnings_do_not_stop_the_build(site, capsys):
    site.write("content/decks/talk.md", "## Talk\n\n---\n\n- no heading\n")
    run = site.build(capsys=capsys)
    assert run.code == 0
    assert "content/decks/talk.md:5: warning: this slide has no heading" in run.err
    assert (site.out / "decks" / "talk" / "index.html").is_file()


@pytest.mark.parametrize("name", ["2026-01.md"])
def test_a_deck_named_like_a_month_clashes_with_its_generated_deck(site, capsys, name):
    site.write(f"content/decks/{name}", "## Talk\n")
    run = site.build(capsys=capsys)
    assert run.code == 1 and "would both be published at /decks/2026-01/" in run.err


def test_a_reviewed_kind_of_warning_is_left_out_for_that_deck_only(site, capsys):
    site.write("content/decks/a.md", "## A\n\n---\n\nno heading\n")
    site.write("content/decks/b.md", "## B\n\n---\n\nno heading\n")
    site.write("content/decks.yaml", "reviewed:\n  a.md:\n    no-heading: Kept as written.\n")
    run = site.build(capsys=capsys)
    assert run.code == 0
    assert "content/decks/a.md" not in run.err and "content/decks/b.md:5: warning" in run.err


@pytest.mark.parametrize("text, message", [
    ("reviewed:\n  gone.md:\n    no-heading: x\n", "'gone.md' is not a deck"),
    ("reviewed:\n  2024:\n    no-heading: x\n", "'2024' is not a deck"),   # not text: no traceback
    ("reviewed:\n  a.md:\n    headings: x\n", "'headings' is not a kind of deck warning"),
    ("reviewed:\n  a.md:\n    no-heading: ''\n", "write each kind of warning with the reason"),
])
def test_reviewed_needs_a_deck_a_kind_and_a_reason(site, capsys, text, message):
    site.write("content/decks/a.md", "## A\n")
    site.write("content/decks.yaml", text)
    run = site.build(capsys=capsys)
    assert run.code == 1 and message in run.err and "content/decks.yaml:" in run.err


def test_the_shipped_content_builds_without_warnings_even_strict(tmp_path, capsys):
    from builder import cli
    from .decksupport import TOOL_ROOT
    assert cli.main(["build", "--root", str(TOOL_ROOT), "--out", str(tmp_path / "out"),
                     "--no-search", "--strict"]) == 0
    assert capsys.readouterr().err == ""


def test_a_draft_month_s_deck_says_draft_and_asks_not_to_be_indexed(site, capsys):
    """In a --drafts build the draft month's deck looked published: no word of it on its
    title slide, in its tab or on the decks page, and nothing kept it out of search
    engines (a reader's trial)."""
    site.write("content/bulletins/2026-02/issue.yaml",
               "title: Monthly Update\nmonth: 2026-02\nstatus: draft\n")
    site.write("content/bulletins/2026-02/hate-crime.md", "---\nrag: red\n---\nText.\n")
    site.write("content/bulletins/2026-02/community-safety-asb.md", "---\nno_update: true\n---\n")
    assert site.build("--drafts", capsys=capsys).code == 0
    draft, published = site.page("decks/2026-02/index.html"), site.page("decks/2026-01/index.html")
    assert re.search(r"<title>Draft: Monthly Update: February 2026 \(slides\)", draft)
    assert '<meta name="robots" content="noindex">' in draft
    assert '<strong class="deck-draft">Draft: not yet published</strong>' in draft
    assert '<p class="deck-draft-mark" aria-hidden="true">Draft</p>' in draft   # every slide
    assert "noindex" not in published and "deck-draft" not in published
    listing = site.page("decks/index.html")
    drafts = re.findall(r'<li><a class="govuk-link" href="([^"]+)">[^<]*</a>[^\n]*'
                        r'<strong class="govuk-tag govuk-tag--grey">Draft</strong></li>', listing)
    assert drafts == ["2026-02/index.html"], listing
