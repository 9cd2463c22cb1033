"""builder.decks.monthly and config: the deck generated for each month."""
from __future__ import annotations

import pytest

from builder.content import read_content
from builder.decks.config import read_config
from builder.decks.monthly import monthly_decks
from builder.fragments import render_fragments
from builder.pipeline import TOOL_ROOT
from builder.templating import make_environment


def generate(site):
    content, problems = read_content(site.root)
    fragments = render_fragments(content)
    config = read_config(site.root, tuple(t.slug for t in content.themes), problems)
    env = make_environment(site.root, TOOL_ROOT)
    return monthly_decks(site.root, content, fragments, config, env, problems), problems


def titles(deck) -> list[list[str]]:
    return [[s.heading for s in stack] for stack in deck.stacks]


def test_each_month_gets_a_deck_in_order(site):
    decks, problems = generate(site)
    assert problems == []
    (deck,) = decks
    assert deck.slug == "2026-01" and deck.generated and deck.options.month.slug == "2026-01"
    assert titles(deck) == [
        ["Monthly Update"], ["Agenda"],
        ["Community Safety & ASB", "Patrols", "County lines work", "Patrols by area",
         "Patrols by area: chart"],
        ["Hate Crime", "Reporting"], ["Contacts"], ["Questions"]]
    assert deck.options.reveal_options["hash"] is True


def test_a_chart_of_one_of_several_number_columns_names_it_in_its_slide_s_title(site):
    """As its caption on the page does (a screen-reader trial): 'Patrols by area: chart'
    did not say which column's figures the bars were."""
    patrols = "content/bulletins/2026-01/patrols.yaml"
    site.write(patrols, site.read(patrols)
               .replace("type: number}", "type: number}\n  - {key: hours, label: Hours, type: number}")
               .replace("1200]", "1200, 30]").replace("800]", "800, 20]").replace("2000]", "2000, 50]"))
    (deck,), problems = generate(site)
    assert problems == [] and "Patrols by area: Patrols" in titles(deck)[2], titles(deck)


@pytest.mark.parametrize("length, size", [(30, None), (31, "long"), (90, "long"), (91, "longer")])
def test_a_long_title_is_set_smaller_on_the_title_slide(site, length, size):
    """An editor's trial: a long issue title ran off the foot of the title slide. The sizes
    were measured in Chromium at 1024x768: 84 characters at 2em, 196 at 1.3em fit."""
    first = title_slide(site, length)
    assert (f'class="deck-title deck-title--{size}"' in first) if size else "deck-title" not in first


def title_slide(site, length: int) -> str:
    """The title slide's HTML of the site's deck, its issue titled with `length` characters."""
    title = ("Community safety across the county " * 10)[:length].strip()
    site.write("content/bulletins/2026-01/issue.yaml", site.read(
        "content/bulletins/2026-01/issue.yaml").replace("title: Monthly Update", f"title: {title}"))
    (deck,), _ = generate(site)
    return deck.stacks[0][0].html


def test_rag_badges_are_a_word_a_colour_and_a_shape(site):
    (deck,), _ = generate(site)
    agenda = deck.stacks[1][0].html
    assert "bulletin-rag--amber" in agenda and "Amber" in agenda and "<path" in agenda
    assert "bulletin-rag--green" in agenda and "Green" in agenda and "<circle" in agenda
    theme = deck.stacks[2][0].html
    assert "First update in the bulletin" in theme and "Patrols</li>" in theme


def test_notes_carry_each_sub_item_s_full_text_once(site):
    """The theme's slide held its whole text as notes, and each sub-item's slide its own
    again, so a handout printed every sub-item twice."""
    (deck,), _ = generate(site)
    theme, patrols, county_lines = deck.stacks[2][:3]
    # its text starts with a sub-heading: its notes are its status and what it covers,
    # where the speaker view was blank (a trial)
    assert theme.notes == ("<p>Community Safety &amp; ASB: Amber. First update in the "
                           "bulletin.</p>"
                           "<p>Covers: Patrols; County lines work.</p>"), theme.notes
    assert "ASB patrols rose in each CSP" in patrols.notes
    assert "[[bulletin-table" not in patrols.notes
    assert "Work on county lines continued" in county_lines.notes
    assert "Work on county lines continued" not in patrols.notes


def test_a_theme_s_intro_is_its_slide_s_notes_and_a_theme_without_sub_items_has_all(site):
    hate = "content/bulletins/2026-01/hate-crime.md"
    site.write(hate, site.read(hate).replace("## Reporting", "Centres opened.\n\n## Reporting"))
    (deck,), _ = generate(site)
    theme, reporting = deck.stacks[3]
    assert theme.notes.endswith(">Centres opened.</p>") and "Centres" not in reporting.notes
    site.write(hate, "---\nrag: green\n---\nCentres opened.\n\nMore reporting.\n")
    (deck,), _ = generate(site)
    notes = deck.stacks[3][0].notes
    assert "Centres opened." in notes and "More reporting." in notes


def test_an_update_s_image_is_on_a_slide_of_its_own_after_the_text_it_is_in(site):
    """A trial's map was in the speaker notes alone: a councillor never had it on screen."""
    site.write("content/images/map.png", "png")
    site.write("content/images/chart.png", "png")
    hate = "content/bulletins/2026-01/hate-crime.md"
    site.write(hate, site.read(hate).replace(
        "## Reporting", "![Reports by district](../../images/chart.png)\n\n## Reporting")
        + "\n![Map of the &quot;centres&quot;](../../images/map.png)\n")
    (deck,), problems = generate(site)
    assert problems == []
    assert titles(deck)[3] == ["Hate Crime", "Hate Crime", "Reporting", "Reporting"]
    intro_image, map_slide = deck.stacks[3][1], deck.stacks[3][3]
    assert '<img src="site-images/chart.png" alt="Reports by district"' in intro_image.html
    assert "deck-small" not in intro_image.html   # its heading already names the theme
    assert '<div class="deck-image r-stretch"><img src="site-images/map.png"' in map_slide.html
    assert "<p class=\"deck-small\">Hate Crime</p>" in map_slide.html
    assert map_slide.notes == "<p>The image shows: Map of the &quot;centres&quot;</p>"
    # each image once in a handout: on its slide, not again in its text's notes (a review)
    assert "<img" not in deck.stacks[3][0].notes and "<img" not in deck.stacks[3][2].notes


def test_the_contacts_slide_writes_out_each_address(site):
    # A projected or printed slide cannot be clicked: the address itself is shown.
    (deck,), _ = generate(site)
    contacts = deck.stacks[-2][0].html
    assert "<dt>Community Safety &amp; ASB</dt>" in contacts
    assert '<dd>Ann Example, <a href="mailto:ann@minimalshire.gov.uk">ann@minimalshire.gov.uk</a></dd>' in contacts


def test_a_contact_s_phone_is_on_the_contacts_slide_and_a_link_on_the_page(site, capsys):
    themes = "content/themes.yaml"
    site.write(themes, site.read(themes).replace(
        "email: ann@minimalshire.gov.uk", "email: ann@minimalshire.gov.uk\n        phone: 01992 555555"))
    (deck,), _ = generate(site)
    assert ('<dd>Ann Example, <a href="mailto:ann@minimalshire.gov.uk">ann@minimalshire.gov.uk'
            '</a>, 01992 555555</dd>') in deck.stacks[-2][0].html
    assert site.build(capsys=capsys).code == 0
    page = (site.out / "bulletins/2026-01/index.html").read_text("utf-8")
    assert ', <a class="govuk-link" href="tel:01992555555">01992 555555</a>' in page


def test_tables_and_charts_are_slides_of_their_own(site):
    (deck,), _ = generate(site)
    assert "<table" in deck.stacks[2][3].html and "1,200" in deck.stacks[2][3].html
    assert "<svg" in deck.stacks[2][4].html
    assert "bulletin-chart__svg--slide" in deck.stacks[2][4].html   # labels beside the bars


def test_a_number_written_as_no_figure_is_a_dash_on_its_slide_too(site):
    patrols = "content/bulletins/2026-01/patrols.yaml"
    site.write(patrols, site.read(patrols).replace("[South, 800]", "[South, ~]"))
    (deck,), _ = generate(site)
    assert ('<th scope="row">South</th><td class="deck-numeric"><span aria-hidden="true">–'
            '</span><span class="deck-sr-only">no figure</span></td>') in deck.stacks[2][3].html


def test_presenter_themes_backgrounds_and_extra_slides_come_from_decks_yaml(site):
    site.write("content/decks/backgrounds/title.jpg", "jpg")
    site.write("content/decks/extra/portfolio.md", "## Our portfolio\n\nNote: say hello\n")
    site.write("content/decks.yaml", "presenter: Cllr A Example\npresenter_role: Portfolio Holder\n"
               "themes: [hate-crime]\nbackgrounds:\n  title: backgrounds/title.jpg\n"
               "extra_slides:\n  - file: extra/portfolio.md\n    after: agenda\n")
    (deck,), problems = generate(site)
    assert problems == []
    assert "Cllr A Example, Portfolio Holder" in deck.stacks[0][0].html
    assert dict(deck.stacks[0][0].attributes)["data-background-image"] == "backgrounds/title.jpg"
    assert titles(deck)[1:4] == [["Agenda"], ["Our portfolio"], ["Hate Crime", "Reporting"]]
    assert deck.stacks[2][0].notes == "<p>say hello</p>\n"
    assert {f.out for f in deck.files} == {"backgrounds/title.jpg"}


@pytest.mark.parametrize("decks_yaml, exit_button", [
    ("", True),                                   # Hate Crime is among its themes
    ("themes: [hate-crime]\n", True),
    ("themes: [community-safety-asb]\n", False),  # its words are not in this deck
])
def test_a_month_s_deck_offers_exit_this_page_when_it_shows_a_sensitive_theme(
        site, decks_yaml, exit_button):
    """The monthly decks, published with the site, carried Hate Crime's words with no way
    out, where the site's pages showing them have GOV.UK's Exit this page (an audit)."""
    site.write("content/decks.yaml", decks_yaml or "presenter: A\n")
    (deck,), problems = generate(site)
    assert problems == []
    assert deck.options.exit_this_page is exit_button


def test_extra_slides_that_ask_for_exit_this_page_bring_it_to_every_month_s_deck(site):
    site.write("content/decks/extra/support.md",
               "---\nexit_this_page: true\n---\n## Where to get support\n")
    site.write("content/decks.yaml", "themes: [community-safety-asb]\n"
               "extra_slides:\n  - file: extra/support.md\n")
    (deck,), problems = generate(site)
    assert problems == [] and deck.options.exit_this_page


def test_a_missing_background_is_an_error_on_its_line_in_decks_yaml(site):
    site.write("content/decks.yaml", "presenter: A\nbackgrounds:\n  closing: backgrounds/gone.jpg\n")
    _, problems = generate(site)
    assert [(p.path, p.line, p.severity.value) for p in problems] == [
        ("content/decks.yaml", 3, "error")]


def test_a_background_from_another_host_is_an_error_on_its_line_in_decks_yaml(site):
    site.write("content/decks.yaml",
               "presenter: A\nbackgrounds:\n  title: https://example.org/bg.jpg\n")
    _, problems = generate(site)
    assert [(p.path, p.line, p.severity.value) for p in problems] == [
        ("content/decks.yaml", 3, "error")]
    assert "loads from another host (example.org)" in problems[0].message


def test_extra_slides_that_load_from_another_host_are_an_error(site):
    # They are published in every month's deck, as the site's own decks are.
    site.write("content/decks/extra/portfolio.md",
               "## Our portfolio\n\n![Logo](https://example.org/logo.png)\n")
    site.write("content/decks.yaml", "extra_slides:\n  - file: extra/portfolio.md\n")
    _, problems = generate(site)
    assert [(p.path, p.line, p.severity.value) for p in problems] == [
        ("content/decks/extra/portfolio.md", 3, "error")]


@pytest.mark.parametrize("text, message", [
    ("themes: [nope]\n", "'nope' is not a theme"),
    ("theme: neon\n", "not a reveal.js theme"),
    ("extra_slides:\n  - file: gone.md\n", "does not exist"),
    ("extra_slides:\n  - file: x.md\n    after: middle\n", "is not a place in the deck"),
])
def test_decks_yaml_mistakes_are_reported(site, text, message):
    site.write("content/decks.yaml", text)
    _, problems = generate(site)
    assert any(message in p.message for p in problems)




def test_a_marking_in_decks_yaml_is_an_error_on_its_line(site):
    site.write("content/decks.yaml", "presenter: A Example\npresenter_role: Official Sensitive\n")
    _, problems = generate(site)
    assert [(p.path, p.line, p.col, p.severity.value) for p in problems] == [
        ("content/decks.yaml", 2, 17, "error")]
    assert "'Official Sensitive' is a protective marking" in problems[0].message


def test_a_table_typed_in_a_theme_s_text_is_in_the_speaker_notes_alone(site):
    """The README promises it: a pipe table has no slide of its own, as a data table has,
    and is not squeezed onto the theme's slides."""
    site.write("content/bulletins/2026-01/hate-crime.md", site.read(
        "content/bulletins/2026-01/hate-crime.md")
        + "\n| Strand | Cases |\n| --- | ---: |\n| Religion | 4 |\n")
    (deck,), problems = generate(site)
    hate_crime = deck.stacks[3]
    assert problems == [] and [s.heading for s in hate_crime] == ["Hate Crime", "Reporting"]
    assert not any("<table" in s.html for s in hate_crime)
    # in the notes of the sub-item whose text it is part of
    assert "<table" in hate_crime[1].notes and "Religion" in hate_crime[1].notes


def test_a_theme_without_sub_headings_or_summary_lists_its_update_on_its_slide(site):
    site.write("content/bulletins/2026-01/hate-crime.md",
               "---\nrag: green\n---\nThird-party reporting centres opened.\n\nMore to come.\n")
    (deck,), problems = generate(site)
    theme = deck.stacks[3][0].html
    assert problems == [] and "<li>Third-party reporting centres opened.</li>" in theme, theme
    assert "<li>More to come.</li>" in theme


def test_a_theme_slide_lists_three_points_at_most_and_none_where_it_has_a_summary(site):
    """The README: 'the first three key points', and only for a theme with no summary."""
    body = "".join(f"Point {n}.\n\n" for n in range(4))
    site.write("content/bulletins/2026-01/hate-crime.md", f"---\nrag: green\n---\n{body}")
    (deck,), _ = generate(site)
    theme = deck.stacks[3][0].html
    assert theme.count("<li>") == 3 and "Point 3." not in theme, theme
    site.write("content/bulletins/2026-01/hate-crime.md",
               f"---\nrag: green\nsummary: Centres opened.\n---\n{body}")
    (deck,), _ = generate(site)
    theme = deck.stacks[3][0].html
    assert "<li>" not in theme and "Centres opened." in theme, theme


def test_a_sub_item_s_points_that_run_on_keep_its_text_in_the_first_slide_s_notes_alone(site):
    """Five long points under a long heading ran off the foot of the slide (see
    test_deck_points_browser): they run on, and a handout prints the text once."""
    long = ("Officers from the neighbourhood team worked with the district council and "
            "housing providers to close three premises used by dealers")
    entry = "content/bulletins/2026-01/community-safety-asb.md"
    site.write(entry, site.read(entry).replace("Work on county lines continued.", "\n".join(
        f"- {long}, week {n}." for n in range(5))))
    (deck,), problems = generate(site)
    assert problems == []
    first, second = deck.stacks[2][2:4]
    assert (first.heading, second.heading) == ("County lines work (1 of 2)",
                                               "County lines work (2 of 2)")
    assert "week 4" in first.notes and "week 4" not in first.html and "week 4" in second.html
    assert second.notes == ("<p>County lines work, continued: its text is in the notes of "
                            "its first slide, 1 slide before this one.</p>")
