"""builder.overrides: a site's own templates and styles, checked where they are written.

From a designer's trial: a font from Google Fonts, a script from a CDN, an override put in
the wrong folder or misspelt, and a brand colour white text cannot be read on all built
with exit 0.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from builder.errors import Severity
from builder.overrides import check_overrides, contrast

TOOL_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "content").mkdir()
    return tmp_path


def write(site: Path, rel: str, text: str) -> None:
    (site / rel).parent.mkdir(parents=True, exist_ok=True)
    (site / rel).write_text(text, "utf-8")


def said(site: Path) -> list[str]:
    return [str(p) for p in check_overrides(site, TOOL_ROOT)]


def test_the_tool_s_own_templates_and_styles_load_nothing_from_another_host():
    assert check_overrides(TOOL_ROOT, TOOL_ROOT) == []


@pytest.mark.parametrize("rel, text, where", [
    ("assets/scss/_site.scss", '@import url("https://fonts.googleapis.com/css2?family=Roboto");\n',
     "assets/scss/_site.scss:1:9"),
    ("assets/scss/_site.scss", ".a {\n  background: url(//cdn.example.org/a.png);\n}\n",
     "assets/scss/_site.scss:2:15"),
    ("templates/base.html", '<html>\n<script src="https://cdn.example.org/x.js"></script>\n',
     "templates/base.html:2:1"),
    ("templates/base.html", '<link rel="stylesheet" href="https://cdn.example.org/x.css">\n',
     "templates/base.html:1:1"),
    ("templates/index.html", '<img alt="Council" src="https://www.example.gov.uk/logo.svg">\n',
     "templates/index.html:1:1"),
])
def test_a_template_or_stylesheet_loading_from_another_host_is_an_error(site, rel, text, where):
    write(site, rel, text)
    [found] = said(site)
    assert found.startswith(f"{where}: error: '") and "loads from another host" in found


def test_a_link_to_another_site_or_a_canonical_address_is_fine(site):
    write(site, "templates/base.html", '<a href="https://www.gov.uk/">GOV.UK</a>\n'
                                       '<link rel="canonical" href="https://example.org/a/">\n')
    assert said(site) == []


@pytest.mark.parametrize("rel, meant", [
    ("templates/partial/entry.html", "templates/partials/entry.html"),
    ("templates/indx.html", "templates/index.html"),
    ("assets/scss/_setting.scss", "assets/scss/_settings.scss"),
])
def test_an_override_named_like_a_default_is_told_the_name_meant(site, rel, meant):
    write(site, rel, "x\n")
    assert said(site) == [f"{rel}: warning: this overrides nothing: did you mean {meant}?"]


def test_overrides_in_the_wrong_folder_are_told_where_to_go(site):
    write(site, "content/templates/index.html", "x\n")
    write(site, "assets/_settings.scss", "x\n")
    found = said(site)
    assert "assets/_settings.scss: warning: Sass files are read from assets/scss/ only; move " \
           "it to assets/scss/_settings.scss." in found
    assert any(f.startswith("content/templates: warning: overrides are looked for in "
                            "templates/ beside content/") for f in found)


def test_a_brand_colour_white_text_cannot_be_read_on_is_a_warning_with_its_contrast(site):
    settings = (TOOL_ROOT / "assets/scss/_settings.scss").read_text("utf-8")
    write(site, "assets/scss/_settings.scss", settings.replace("brand: #1d70b8", "brand: #3fa9a0"))
    [found] = check_overrides(site, TOOL_ROOT)
    assert found.severity is Severity.WARNING
    assert "the brand colour #3fa9a0 has a contrast of 2.84:1 with white" in found.message
    write(site, "assets/scss/_settings.scss", settings.replace("brand: #1d70b8", "brand: #00625e"))
    assert check_overrides(site, TOOL_ROOT) == []


def test_contrast_is_wcag_s():
    assert round(contrast("#1d70b8", "#ffffff"), 2) == 5.17
    assert round(contrast("#000", "#fff"), 1) == 21.0


def test_a_site_with_overrides_fails_its_build_on_a_remote_load(tmp_path, capsys):
    from builder import cli
    site = tmp_path / "minimal"
    shutil.copytree(TOOL_ROOT / "tests/fixtures/minimal", site)
    write(site, "assets/scss/_site.scss", '@import url("https://fonts.googleapis.com/css");\n')
    assert cli.main(["check", "--root", str(site)]) == 1
    assert "assets/scss/_site.scss:1:9: error: " in capsys.readouterr().out


@pytest.mark.parametrize("text, where", [
    ('.reveal h1 {\n  background: url("../../assets/images/logo.svg");\n}\n', "2:20"),
    (".reveal h1 { background: url(logo.svg) }\n", "1:30"),
])
def test_a_file_named_in_an_overridden_deck_css_is_a_warning_saying_where_it_goes(
        site, text, where):
    """An adopting council's logo in templates/decks/deck.css was a broken image in every
    deck, with no word said: nothing it names is copied into the decks' folders. What
    loads nothing (data:, an id) is not warned of."""
    write(site, "templates/decks/deck.css", text + '.a { background: url("data:image/svg+xml,x") }'
                                                   "\n.b { mask: url(#m) }\n")
    [found] = said(site)
    assert found.startswith(f"templates/decks/deck.css:{where}: warning: '")
    assert "is not in the decks' folders" in found and "'css: [westshire.css]'" in found
