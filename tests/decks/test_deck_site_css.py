"""A site's own stylesheet for the monthly decks: decks.yaml's `css:`, read as a
hand-written deck's is, its url()s checked and copied.

An adopting council's trial: `theme: westshire.css` was refused for the monthly decks,
and a logo in an overridden templates/decks/deck.css was a broken image with no word
of warning."""
from __future__ import annotations

import re

import pytest

from builder.content import read_content
from builder.decks.config import read_config

from .test_deck_monthly import generate

CREST = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>\n'
STYLE = ".reveal h1 {\n  color: #00703c;\n}\n.reveal .slides {\n  background: url(\"images/crest.svg\");\n}\n"


def located(problems) -> list[tuple[str, int, str]]:
    return [(p.path, p.line, p.severity.value) for p in problems]


def config_problems(site, text: str):
    site.write("content/decks.yaml", text)
    content, problems = read_content(site.root)
    config = read_config(site.root, tuple(t.slug for t in content.themes), problems)
    return config, problems


def with_style(site, style: str = STYLE, decks_yaml: str = "presenter: A\ncss: [westshire.css]\n"):
    site.write("content/decks/westshire.css", style)
    site.write("content/decks/images/crest.svg", CREST)
    site.write("content/decks.yaml", decks_yaml)


@pytest.mark.parametrize("written", ["css: [westshire.css]\n", "css: westshire.css\n",
                                     "css:\n  - westshire.css\n"])
def test_decks_yaml_names_the_site_s_stylesheets_as_a_hand_written_deck_does(site, written):
    config, problems = config_problems(site, "presenter: A\n" + written)
    assert problems == [] and config.css == ("westshire.css",) and config.css_line == 2


def test_names_with_commas_are_a_list_as_in_a_deck_s_front_matter(site):
    config, problems = config_problems(site, "css: westshire.css, print.css\n")
    assert problems == [] and config.css == ("westshire.css", "print.css")


def test_a_name_that_is_no_stylesheet_is_an_error_at_its_line(site):
    config, problems = config_problems(site, "presenter: A\ncss: [westshire.scss]\n")
    assert located(problems) == [("content/decks.yaml", 2, "error")]
    assert "'westshire.scss' is not a stylesheet" in problems[0].message
    assert "css: [westshire.css]" in problems[0].message and config.css == ()


def test_theme_naming_a_stylesheet_says_to_name_it_under_css(site):
    """The council wrote theme: westshire.css, as a hand-written deck may; the message
    listed reveal.js's themes and no way to give the decks their own look."""
    config, problems = config_problems(site, "presenter: A\ntheme: westshire.css\n")
    assert located(problems) == [("content/decks.yaml", 2, "error")]
    assert "name your own stylesheet under css:" in problems[0].message
    assert "'css: [westshire.css]'" in problems[0].message and config.theme == "white"


def test_the_site_s_stylesheet_and_the_files_it_names_are_in_every_month_s_deck(site):
    with_style(site)
    (deck,), problems = generate(site)
    assert problems == []
    assert deck.options.css == ("westshire.css",)
    assert {f.out for f in deck.files} == {"westshire.css", "images/crest.svg"}


def test_the_site_s_stylesheet_is_linked_after_the_bulletin_s_own_styles(site):
    """After bulletin-deck.css (and the brand in it), so the site's rules win."""
    with_style(site)
    assert site.build().code == 0
    folder = site.out / "decks" / "2026-01"
    page = (folder / "index.html").read_text("utf-8")
    links = re.findall(r'<link rel="stylesheet" href="([^"]+)">', page)
    assert links[-1] == "westshire.css" and "bulletin-deck.css" in links[:-1]
    assert (folder / "westshire.css").read_text("utf-8") == STYLE
    assert (folder / "images/crest.svg").read_text("utf-8") == CREST


def test_a_url_to_no_file_is_an_error_at_its_line_in_the_stylesheet(site):
    """It was reported at decks.yaml's line, or, in an overridden deck.css, not at all."""
    with_style(site, STYLE.replace("images/crest.svg", "images/logo.svg"))
    _, problems = generate(site)
    assert located(problems) == [("content/decks/westshire.css", 5, "error")]
    assert ("it would be content/decks/images/logo.svg; put the file there, or correct "
            "the url()") in problems[0].message


def test_a_missing_stylesheet_is_an_error_at_its_line_in_decks_yaml(site):
    site.write("content/decks.yaml", "presenter: A\ncss: [westshire.css]\n")
    _, problems = generate(site)
    assert located(problems) == [("content/decks.yaml", 2, "error")]
    assert "the file 'westshire.css' does not exist" in problems[0].message


def test_a_stylesheet_loading_from_another_host_is_an_error_at_its_line(site):
    with_style(site, "@import url(\"https://fonts.example.org/a.css\");\n" + STYLE)
    _, problems = generate(site)
    assert located(problems) == [("content/decks/westshire.css", 1, "error")]
    assert "loads from another host (fonts.example.org)" in problems[0].message


def test_a_hand_written_deck_s_stylesheet_reports_its_own_lines_too(site, capsys):
    with_style(site, STYLE.replace("images/crest.svg", "gone.png"), decks_yaml="presenter: A\n")
    site.write("content/decks/talk.md", "---\ncss: [westshire.css]\n---\n## Talk\n")
    run = site.build(capsys=capsys)
    assert run.code == 1
    assert "content/decks/westshire.css:5: error: the file 'gone.png' does not exist" in run.err


def test_the_site_s_stylesheet_may_use_the_site_s_own_images_such_as_its_logo(site):
    """The council's url("../../assets/images/logo.svg") was a broken image in the decks:
    the site's images are published anyway, and now go into each deck's folder too."""
    with_style(site, STYLE.replace("images/crest.svg", "../../assets/images/westshire.svg"))
    site.write("assets/images/westshire.svg", CREST)
    assert site.build().code == 0
    folder = site.out / "decks" / "2026-01"
    assert 'url("_files/assets/images/westshire.svg")' in (folder / "westshire.css").read_text()
    assert (folder / "_files/assets/images/westshire.svg").read_text("utf-8") == CREST
