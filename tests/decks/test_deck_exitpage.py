"""builder.decks.exitpage: the files a deck with "Exit this page" carries."""
from __future__ import annotations

import shutil
from dataclasses import replace

from builder.decks.exitpage import SCRIPTS, STYLESHEET, exit_files
from builder.decks.ownsite import own_site
from builder.pipeline import TOOL_ROOT
from builder.texts import EXIT_THIS_PAGE_URL

from .decksupport import deck_from

NODE_MODULES = TOOL_ROOT / "node_modules"


def test_every_deck_with_the_button_holds_the_same_script_bytes_read_once(tmp_path):
    """A site has a deck a month: each would have read and held its own copy."""
    deck, _ = deck_from(tmp_path, "---\nexit_this_page: true\n---\n## One\n")
    options = deck.options
    first = exit_files(options, NODE_MODULES, lambda: b"css")
    second = exit_files(replace(options, title="Another"), NODE_MODULES, lambda: b"css")
    assert [f.out for f in first] == [*SCRIPTS, STYLESHEET]
    assert all(a.data is b.data for a, b in zip(first, second))
    assert exit_files(replace(options, exit_this_page=False), NODE_MODULES, lambda: b"") == ()


def site_exit_url(deck):
    site = own_site(deck, deck.parent)
    return site.exit_url() if site else EXIT_THIS_PAGE_URL


def _site_deck(tmp_path, site_yaml: str):
    (tmp_path / "content" / "decks").mkdir(parents=True)
    (tmp_path / "content" / "site.yaml").write_text(site_yaml, encoding="utf-8")
    deck = tmp_path / "content" / "decks" / "talk.md"
    deck.write_text("---\nexit_this_page: true\n---\n## One\n", encoding="utf-8")
    return deck


def test_a_site_s_deck_made_on_its_own_leaves_for_the_site_s_exit_address(tmp_path):
    """bulletin deck content/decks/x.md went to GOV.UK's suggestion, not the address the
    council had set, which its build gives the same deck (a council officer's trial)."""
    deck = _site_deck(tmp_path, "title: T\nexit_this_page_url: https://www.example.gov.uk/\n")
    assert site_exit_url(deck) == "https://www.example.gov.uk/"


def test_a_deck_outside_a_site_or_a_site_without_a_good_address_keeps_govuk_s(tmp_path):
    loose = tmp_path / "talk.md"
    loose.write_text("## One\n", encoding="utf-8")
    assert site_exit_url(loose) == EXIT_THIS_PAGE_URL
    for written in ("title: T\n", "exit_this_page_url: http://plain.example/\n",
                    "exit_this_page_url: https://bbc\n",   # the build refuses a host without a dot
                    "exit_this_page_url: [\n", "- a list\n"):
        shutil.rmtree(tmp_path / "content", ignore_errors=True)
        assert site_exit_url(_site_deck(tmp_path, written)) == EXIT_THIS_PAGE_URL, written


def test_bulletin_deck_on_a_site_s_deck_writes_the_site_s_exit_address(tmp_path, capsys):
    from builder import cli
    deck = _site_deck(tmp_path, "title: T\nexit_this_page_url: https://www.example.gov.uk/\n")
    assert cli.main(["deck", str(deck), "--out", str(tmp_path / "out")]) == 0
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert page.count('href="https://www.example.gov.uk/"') == 1
    assert EXIT_THIS_PAGE_URL not in page


def test_the_site_s_exit_address_is_read_by_the_build_s_rule(tmp_path):
    """The deck on its own read the address by a rule of its own: an address in capitals
    the build takes went to GOV.UK's suggestion instead."""
    deck = _site_deck(tmp_path, "exit_this_page_url: HTTPS://www.example.gov.uk/weather\n")
    assert site_exit_url(deck) == "HTTPS://www.example.gov.uk/weather"
