"""builder.decks.revealconfig: revealOptions keys reveal.js does not read are pointed out."""
from __future__ import annotations

import re

from builder.decks.revealconfig import KEYS

from .decksupport import REVEAL, deck_from, messages


def test_the_keys_are_reveal_js_s_own():
    """Held to the installed reveal.js, so an upgrade that adds an option is not warned of."""
    declared = (REVEAL / "config.d.ts").read_text("utf-8")
    interface = declared[declared.index("interface RevealConfig {"):]
    interface = interface[:interface.index("\n}")]
    assert KEYS == set(re.findall(r"^    (\w+)\??:", interface, re.M))


def test_a_misspelt_reveal_option_is_pointed_out_with_the_one_meant(tmp_path):
    """'transtion: fade' left the deck sliding, without a word (a reveal-md user's trial)."""
    _, problems = deck_from(tmp_path, "---\nrevealOptions:\n  transtion: fade\n  controls: false\n"
                                      "  slideNumbers: true\n  menu: {}\n---\n## A\n")
    assert messages(problems, "warning") == [
        "talk.md:3: 'transtion' is not an option of reveal.js, which ignores it; did you mean "
        "'transition'?",
        "talk.md:5: 'slideNumbers' is not an option of reveal.js, which ignores it; did you "
        "mean 'slideNumber'?",
        "talk.md:6: 'menu' is not an option of reveal.js, which ignores it; see the options at "
        "https://revealjs.com/config/."]


def test_reveal_options_it_reads_pass_without_a_word(tmp_path):
    _, problems = deck_from(tmp_path, "---\nrevealOptions:\n  transition: fade\n  hash: false\n"
                                      "  pdfMaxPagesPerSlide: 2\n  highlight: {}\n---\n## A\n")
    assert problems == []


def test_reveal_options_that_would_load_scripts_are_refused(tmp_path):
    """reveal.js loads each 'dependencies' src itself, from another host too, past the
    checks every deck script goes through (found by the decks' helper)."""
    _, problems = deck_from(tmp_path, "---\nrevealOptions:\n  dependencies:\n"
                                      "    - src: https://cdn.example.org/plugin.js\n---\n## A\n")
    assert messages(problems, "error") == [
        "talk.md:3: 'dependencies' makes reveal.js load scripts itself, which this build cannot "
        "check or keep offline; list the deck's own scripts under 'scripts:' (files beside the "
        "deck) instead."]
    (tmp_path / "reveal.json").write_text('{"dependencies": [{"src": "x.js"}]}', "utf-8")
    _, problems = deck_from(tmp_path, "## A\n")
    assert [m.split(": ", 1)[1] for m in messages(problems, "error")] == [
        "reveal.json: 'dependencies' makes reveal.js load scripts itself, which this build "
        "cannot check or keep offline; list the deck's own scripts under 'scripts:' (files "
        "beside the deck) instead."]
