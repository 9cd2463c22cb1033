"""builder.decks.exitpage: the files a deck with "Exit this page" carries."""
from __future__ import annotations

from dataclasses import replace

from builder.decks.exitpage import SCRIPTS, STYLESHEET, exit_files
from builder.pipeline import TOOL_ROOT

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
