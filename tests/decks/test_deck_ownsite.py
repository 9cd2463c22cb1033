"""A site's own deck made on its own links the site's pages as the build does, found by
where their files are saved (no model is loaded), and reads site.yaml alone."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.texts import EXIT_THIS_PAGE_URL
from builder.decks.ownsite import own_site, site_yaml

SITE_FILES = {
    "content/site.yaml": "title: T\nbase_url: https://www.council.gov.uk/bulletin\n",
    "content/pages/about.md": "---\ntitle: About\n---\nText.\n",
    "content/glossary.yaml": "terms: []\n",
    "content/themes.yaml": "themes: []\n",
    "content/plans/county.yaml": "title: Plan\n",
    "content/bulletins/2026-02/issue.yaml": "month: 2026-02\n",
    "content/bulletins/2026-02/hate-crime.md": "Text.\n",
    "content/decks/other-talk.md": "## Other\n",
    "content/decks/talk.md": "## Talk\n",
}


def links(deck: Path):
    return own_site(deck, deck.parents[2]).links


def a_site(root: Path, files: dict[str, str] = SITE_FILES) -> Path:
    """The site's files at `root`; returns its deck content/decks/talk.md."""
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root / "content/decks/talk.md"


@pytest.mark.parametrize("link, address", [
    ("../pages/about.md", "/about/"),
    ("../pages/about.md#who", "/about/#who"),
    ("../glossary.yaml", "/glossary/"),
    ("../plans/county.yaml", "/plans/county/"),
    ("../bulletins/2026-02/issue.yaml", "/bulletins/2026-02/"),
    ("../bulletins/2026-02/hate-crime.md", "/bulletins/2026-02/#hate-crime"),
    ("../bulletins/2026-02/hate-crime.md#reporting",
     "/bulletins/2026-02/#hate-crime-2026-02-reporting"),
    ("./../pages/about.md", "/about/"),
    ("/glossary/", "/glossary/"),                 # an address on the site, as the build takes it
    ("/bulletins/2026-02/#x", "/bulletins/2026-02/#x"),
])
def test_a_link_to_a_content_file_or_a_site_address_resolves_to_the_page(tmp_path, link, address):
    site = links(a_site(tmp_path))
    assert site.resolve(link, "content/decks/talk.md") == (address, None)


def test_the_deck_is_where_the_site_build_publishes_it(tmp_path):
    deck = a_site(tmp_path)
    (deck.parent / "Big Talk.md").write_text("## Big\n", encoding="utf-8")
    assert links(deck).deck_url == "/decks/talk/"
    assert links(deck.parent / "Big Talk.md").deck_url == "/decks/big-talk/"
    assert links(deck).content_dir == tmp_path / "content"


@pytest.mark.parametrize("link, words", [
    ("../pages/nowhere.md", "the link '../pages/nowhere.md' points to content/pages/nowhere.md, "
                            "which does not exist; link to a page by its file, counted from the "
                            "deck's folder, like '../pages/about.md', or by its address on the "
                            "site, like '/glossary/'."),
    ("../pages/About.md", "points to content/pages/About.md, which does not exist; did you mean "
                          "'../pages/about.md'?"),
    ("../Pages/about.md", "did you mean '../pages/about.md'?"),
    ("../themes.yaml", "points to content/themes.yaml, which is no page of the site; link to a "
                       "page by its file"),
    ("../bulletins/2026-01/hate-crime.md", "content/bulletins/2026-01/hate-crime.md, which does "
                                           "not exist"),
    ("file:///etc/notes.md", "the link 'file:///etc/notes.md' points to /etc/notes.md"),
])
def test_a_link_to_no_page_says_what_to_write(tmp_path, link, words):
    address, message = links(a_site(tmp_path)).resolve(link, "content/decks/talk.md")
    assert address is None and words in message, message


def test_a_deck_outside_a_site_s_content_decks_has_no_site(tmp_path):
    """The build takes only the .md files directly in content/decks/ as decks."""
    a_site(tmp_path)
    for elsewhere in ("talk.md", "content/talk.md", "content/decks/extra/talk.md"):
        (tmp_path / elsewhere).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / elsewhere).write_text("## Talk\n", encoding="utf-8")
        assert own_site(tmp_path / elsewhere, tmp_path) is None, elsewhere
    assert own_site(tmp_path / "content/decks/talk.md", tmp_path).folder == tmp_path.resolve()


def test_the_single_file_s_links_go_to_base_url_with_its_last_slash_as_written_or_not(tmp_path):
    files = {"index.html": b'<a href="../../about/index.html">a</a>'}
    carried, problems = own_site(a_site(tmp_path), tmp_path).carry(files)
    assert carried["index.html"] == b'<a href="https://www.council.gov.uk/bulletin/about/">a</a>'
    assert problems == []


def test_without_base_url_one_warning_names_site_yaml_from_where_the_deck_is_named(tmp_path):
    deck = a_site(tmp_path, {**SITE_FILES, "content/site.yaml": "title: T\n"})
    files = {"index.html": b'<a href="../../about/index.html">a</a>'}
    carried, problems = own_site(deck, tmp_path).carry(files)
    assert carried == files
    assert [str(p) for p in problems] == [
        "content/site.yaml:1: warning: 1 link in the deck to the site's pages (/about/) will not "
        "work outside the site until base_url is set: content/site.yaml has no base_url; write "
        "the address the site is published at, like 'base_url: "
        "https://www.yourcouncil.gov.uk/bulletin/', and they go there."]


@pytest.mark.parametrize("written", [None, "title: [\n", "- a list\n", "\xff"])
def test_site_yaml_unread_is_empty_for_the_site_build_to_name(tmp_path, written):
    deck = a_site(tmp_path, {k: v for k, v in SITE_FILES.items() if k != "content/site.yaml"})
    if written is not None:
        (tmp_path / "content/site.yaml").write_bytes(written.encode("latin-1"))
    assert site_yaml(tmp_path).data == {} and site_yaml(tmp_path).path == "content/site.yaml"
    assert own_site(deck, tmp_path).exit_url() == EXIT_THIS_PAGE_URL


def test_site_yaml_is_read_once_and_only_when_asked_for(tmp_path, monkeypatch):
    """A deck made on its own read site.yaml twice for its exit address and its single
    file, and worked out its site's folder six times."""
    from builder.decks import ownsite
    reads = []
    monkeypatch.setattr(ownsite, "site_yaml", lambda *a: reads.append(a) or site_yaml(*a))
    site = own_site(a_site(tmp_path), tmp_path)
    assert site.links.deck_url == "/decks/talk/" and reads == []
    site.exit_url()
    site.carry({"index.html": b""})
    assert len(reads) == 1
