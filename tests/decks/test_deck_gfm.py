"""builder.decks.gfm: struck text, bare addresses and task lists in decks, as reveal-md's
marked reads them (tests/decks/test_deck_browser.py compares them with reveal.js's
markdown plugin in Chromium)."""
from __future__ import annotations

import pytest

from builder.decks import gfm, slides
from builder.decks.files import SiteLinks
from builder.decks.handwritten import read_handwritten
from builder.markdown import render
from builder.texts import Markdown, Origin

from .decksupport import SEED, deck_from, messages


def html(text: str) -> str:
    fragment = render(Markdown(text, Origin("talk.md", 1)), slides.resolve, flavour=slides.DECK)
    assert fragment.problems == ()
    return fragment.html


def test_struck_text_is_deleted_text_with_one_tilde_or_two():
    assert html("~~gone~~ and ~also~\n") == "<p><del>gone</del> and <del>also</del></p>\n"


def test_three_tildes_or_unlike_pairs_strike_nothing_as_in_reveal_md():
    assert html("x ~~~three~~~ and ~~one~\n") == "<p>x ~~~three~~~ and ~~one~</p>\n"


def test_bare_addresses_and_email_addresses_are_links():
    assert html("See https://example.org/a, www.example.org or csu@example.gov.uk.\n") == (
        '<p>See <a href="https://example.org/a">https://example.org/a</a>, '
        '<a href="http://www.example.org">www.example.org</a> or '
        '<a href="mailto:csu@example.gov.uk">csu@example.gov.uk</a>.</p>\n')


@pytest.mark.parametrize("text, written", [
    ("see https://x.org.", 'see <a href="https://x.org">https://x.org</a>.'),
    ("(https://x.org/a_(b))", '(<a href="https://x.org/a_(b)">https://x.org/a_(b)</a>)'),
    ("https://x.org/a?b=1!", '<a href="https://x.org/a?b=1">https://x.org/a?b=1</a>!'),
    ('"https://q.org"', '"<a href="https://q.org">https://q.org</a>"'),
    ("https://z.org/q_ end", '<a href="https://z.org/q">https://z.org/q</a>_ end'),
])
def test_punctuation_after_an_address_is_left_out_of_it_as_marked_leaves_it(text, written):
    assert html(text + "\n") == f"<p>{written}</p>\n"


def test_a_struck_or_emphasised_address_is_a_struck_or_emphasised_link():
    """linkify-it took the closing '~~' for part of the address: a link to
    'https://c.org~~' after a stray '~~'."""
    assert html("~~https://c.org~~ _https://e.org_\n") == (
        '<p><del><a href="https://c.org">https://c.org</a></del> '
        '<em><a href="https://e.org">https://e.org</a></em></p>\n')


def test_file_names_domains_without_www_and_addresses_decks_do_not_link_stay_text(tmp_path):
    """linkify-it links any name ending in a domain (notes.md went to http://notes.md);
    marked links none of them, and ftp:// would have been refused as a link's address."""
    text = "notes.md deck.css example.org WWW.EXAMPLE.ORG ftp://files.org //proto.org\n"
    assert html(text) == f"<p>{text.strip()}</p>\n"
    deck, problems = deck_from(tmp_path, "## Files\n\n" + text)
    assert problems == [] and "<a" not in deck.stacks[0][0].html


def test_an_address_in_code_is_code():
    assert html("`https://x.org` and\n\n```\nwww.x.org\n```\n") == (
        "<p><code>https://x.org</code> and</p>\n<pre><code>www.x.org\n</code></pre>\n")


def test_an_address_in_the_notes_is_a_link_too(tmp_path):
    deck, _ = deck_from(tmp_path, "## A\n\nNote: see www.example.org ~~not~~\n")
    assert deck.stacks[0][0].notes == ('<p>see <a href="http://www.example.org">www.example.org'
                                       '</a> <del>not</del></p>\n')


@pytest.mark.parametrize("published", [False, True], ids=["own", "site"])
def test_a_bare_address_is_checked_as_the_link_written_out_is(tmp_path, published):
    """The same resolver and the same collecting of files: a link to another site is
    fine in a site's deck, where an image from one is an error."""
    made = []
    for text in ("https://example.org/x", "[https://example.org/x](https://example.org/x)"):
        file = tmp_path / "talk.md"
        file.write_text(f"## A\n\n{text} ![chart](https://example.org/c.png)\n", "utf-8")
        problems: list = []
        site = SiteLinks(tmp_path, lambda url, source: (url, None), "/decks/talk/")
        deck = read_handwritten(tmp_path, file, "talk", problems,
                                site=site if published else None)
        made.append((deck.stacks[0][0].html, messages(problems)))
    assert made[0] == made[1]
    assert len(made[0][1]) == 1 and "another host" in made[0][1][0]


def test_task_items_are_disabled_boxes_labelled_by_their_own_words():
    assert html("- [ ] to do\n- [x] done\n- [X] Done\n") == (
        '<ul>\n<li><label><input type="checkbox" disabled=""> to do</label></li>\n'
        '<li><label><input checked="" type="checkbox" disabled=""> done</label></li>\n'
        '<li><label><input checked="" type="checkbox" disabled=""> Done</label></li>\n</ul>\n')


def test_a_loose_task_item_s_box_is_in_its_paragraph_as_in_reveal_md():
    assert html("- [x] loose\n\n- [ ] two\n") == (
        '<ul>\n<li>\n<p><label><input checked="" type="checkbox" disabled=""> loose</label></p>\n'
        '</li>\n<li>\n<p><label><input type="checkbox" disabled=""> two</label></p>\n</li>\n'
        '</ul>\n')


def test_a_task_item_with_no_words_of_its_own_names_its_box_by_its_state():
    """Without a line to label it, a box is a form field with no name (axe's 'label')."""
    assert html("- [ ]   \n- [x] > quoted\n") == (
        '<ul>\n<li>\n<input type="checkbox" aria-label="to do" disabled=""> </li>\n'
        '<li>\n<input checked="" type="checkbox" aria-label="done" disabled=""> <blockquote>\n'
        '<p>quoted</p>\n</blockquote>\n</li>\n</ul>\n')


def test_brackets_that_start_no_task_stay_as_written():
    assert html("- [ ]\n- [ ]no space\n- [y] other\n\na [x] b\n") == (
        "<ul>\n<li>[ ]</li>\n<li>[ ]no space</li>\n<li>[y] other</li>\n</ul>\n<p>a [x] b</p>\n")


@pytest.mark.parametrize("text", [
    "~~struck~~", "a ~b~", "see https://x.org", "www.example.org", "csu@example.gov.uk",
    "- [ ] task", "1. [x]\tdone", "[a link](https://x.org) then https://y.org",
    "\\[not a link](https://x.org)", "[a](x@y.org) or b@c.org", "[a](https://x.org \"www.t\")",
])
def test_a_text_that_may_hold_them_is_left_to_markdown_it_py(text):
    assert gfm.may_hold(text)


@pytest.mark.parametrize("text", [
    "## Plain\n\n- points\n- [a link](https://example.org/)\n",
    "![a chart](https://example.org/c.png) and [mail](mailto:csu@example.gov.uk)",
    "[relative](www.notes.md) and a [ ]box-like [x]thing",
])
def test_a_link_written_in_markdown_keeps_the_fast_writer(text):
    """The benchmark's deck links every slide: its texts sent to markdown-it-py would
    make `bulletin deck` import it, a seventh of a plain deck's start-up."""
    assert not gfm.may_hold(text)


def test_the_seed_deck_holds_none_of_them():
    assert not gfm.may_hold(SEED.read_text("utf-8"))
