"""`bulletin deck content/decks/x.md`: a site's own deck made on its own links the site's
pages as the site build does. With --single-file its link to ../pages/about.md was the
page's Markdown packed in as a data: URI, and a link to /glossary/ was refused, though
the README said both go to the page (a helper's trial)."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder import cli

from .decksupport import SITE_MODULES, imported_by_deck
from .test_deck_ownsite import SITE_FILES, a_site

BASE = "https://www.council.gov.uk/bulletin/"
LINKS = ("## Talk\n\n- [About](../pages/about.md)\n"
         "- [Reporting](../bulletins/2026-02/hate-crime.md#reporting)\n"
         "- [Glossary](/glossary/)\n- [Other talk](other-talk.md)\n")
PAGES = ("about/", "bulletins/2026-02/#hate-crime-2026-02-reporting", "glossary/",
         "decks/other-talk/")


def linking(root: Path, site_yaml: str | None = f"title: T\nbase_url: {BASE}\n") -> Path:
    """The site at `root`, its deck content/decks/talk.md linking its pages; site.yaml
    as `site_yaml` (None: no site.yaml)."""
    files = {**SITE_FILES, "content/decks/talk.md": LINKS, "content/site.yaml": site_yaml or ""}
    deck = a_site(root, files)
    if site_yaml is None:
        (root / "content/site.yaml").unlink()
    return deck


def run(capsys, deck: Path, out: Path, *extra) -> tuple[int, str]:
    code = cli.main(["deck", str(deck), "--out", str(out), *extra])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_the_folder_links_the_pages_as_the_site_s_copy_does_and_holds_no_markdown(
        tmp_path, capsys):
    code, said = run(capsys, linking(tmp_path / "site"), tmp_path / "out")
    assert code == 0 and "warning" not in said, said
    index = (tmp_path / "out/index.html").read_text("utf-8")
    for page in ("../../about/index.html", "../../bulletins/2026-02/index.html#hate-crime-2026-"
                 "02-reporting", "../../glossary/index.html", "../other-talk/index.html"):
        assert f'href="{page}"' in index, page
    assert not list((tmp_path / "out").rglob("*.md")) and BASE not in index


def test_the_single_file_links_the_pages_by_their_published_addresses(tmp_path, capsys):
    code, said = run(capsys, linking(tmp_path / "site"), tmp_path / "out", "--single-file")
    assert code == 0 and "warning" not in said, said
    html = (tmp_path / "out/talk.html").read_text("utf-8")
    for page in PAGES:
        assert f'href="{BASE}{page}"' in html, page
    assert "data:text/markdown" not in html and 'href="../' not in html


@pytest.mark.parametrize("site_yaml, why", [
    ("title: T\nbase_url: https://example.org/bulletin/\n",
     "content/site.yaml:2: warning: 4 links in the deck to the site's pages (/about/, "
     "/bulletins/2026-02/#hate-crime-2026-02-reporting, /glossary/ and 1 more) will not work "
     "outside the site until base_url is set: content/site.yaml still has the example address "
     "https://example.org/bulletin/; write the address the site is published at, like "
     "'base_url: https://www.yourcouncil.gov.uk/bulletin/', and they go there."),
    ("title: T\n", "content/site.yaml:1: warning: 4 links in the deck to the site's pages"),
    (None, "content/site.yaml has no base_url;"),
], ids=["example", "missing", "no-site-yaml"])
def test_without_a_published_address_the_single_file_is_made_and_one_warning_says_what_to_set(
        tmp_path, capsys, monkeypatch, site_yaml, why):
    deck = linking(tmp_path / "site", site_yaml)
    monkeypatch.chdir(tmp_path / "site")   # the deck named from the site's folder
    code, said = run(capsys, deck.relative_to(tmp_path / "site"), tmp_path / "out",
                     "--single-file")
    assert code == 0 and said.count("warning:") == 1 and why in said, said
    html = (tmp_path / "out/talk.html").read_text("utf-8")
    assert 'href="../../about/index.html"' in html   # as the folder has it
    assert "data:text/markdown" not in html


def test_the_warning_fails_strict_and_nothing_is_written(tmp_path, capsys):
    deck = linking(tmp_path / "site", "title: T\nbase_url: https://example.org/bulletin/\n")
    code, said = run(capsys, deck, tmp_path / "out", "--single-file", "--strict")
    assert code == 1 and "until base_url is set" in said, said
    assert not (tmp_path / "out/talk.html").exists()


def test_the_folder_has_no_warning_for_base_url(tmp_path, capsys):
    deck = linking(tmp_path / "site", "title: T\nbase_url: https://example.org/bulletin/\n")
    code, said = run(capsys, deck, tmp_path / "out", "--strict")
    assert code == 0, said


def test_a_link_to_a_missing_page_fails_at_its_line_saying_what_to_write(tmp_path, capsys):
    deck = linking(tmp_path / "site")
    deck.write_text("## Talk\n\n[Gone](../pages/gone.md)\n", encoding="utf-8")
    code, said = run(capsys, deck, tmp_path / "out", "--single-file")
    assert code == 1 and not (tmp_path / "out").exists()
    assert ("talk.md:3: error: the link '../pages/gone.md' points to content/pages/gone.md, "
            "which does not exist; link to a page by its file") in said, said


def test_a_deck_outside_a_site_keeps_its_links_as_before(tmp_path, capsys):
    """Copied beside it, as reveal-md did; an address on a site it has none of is refused."""
    (tmp_path / "notes.md").write_text("# Notes\n", encoding="utf-8")
    deck = tmp_path / "talk.md"
    deck.write_text("## Talk\n\n[Notes](notes.md)\n", encoding="utf-8")
    code, said = run(capsys, deck, tmp_path / "out")
    assert code == 0 and (tmp_path / "out/notes.md").is_file(), said
    deck.write_text("## Talk\n\n[Glossary](/glossary/)\n", encoding="utf-8")
    code, said = run(capsys, deck, tmp_path / "out")
    assert code == 1 and (":3: error: '/glossary/' must be written relative to the deck, like "
                          "images/chart.png.") in said, said


@pytest.mark.parametrize("form", [[], ["--single-file"]], ids=["folder", "single"])
def test_linking_the_site_s_pages_does_not_import_the_site(tmp_path, form):
    """As test_deck_cli's guard, for a deck whose links are the site's pages: the pages are
    found from the disk, not by the site's readers."""
    heavy = (*SITE_MODULES, "builder.content", "builder.decks.month", "builder.decks.pdf")
    assert imported_by_deck(linking(tmp_path / "site"), tmp_path / "out", *form,
                            modules=heavy) == []
