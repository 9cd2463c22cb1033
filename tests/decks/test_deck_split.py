"""builder.decks.split and jsregex: slides, stacks and notes as reveal.js's markdown plugin makes them."""
from __future__ import annotations

from pathlib import Path


from builder.decks.jsregex import compile_js, translate
from builder.decks.source import read_deck
from builder.decks.split import closed_fences, split_slides, unclosed_fence_line

from .decksupport import DECKS, SEED


def split(file: Path, *, crlf: bool = False):
    problems: list = []
    source = read_deck(file.parent, file, problems)
    body = source.body.replace("\n", "\r\n") if crlf else source.body
    return split_slides(body, source.body_line, source.options)


def test_seed_deck_has_8_horizontal_slides_and_17_in_all():
    stacks = split(SEED)
    assert [len(s) for s in stacks] == [2, 6, 2, 2, 2, 1, 1, 1]
    assert sum(len(s) for s in stacks) == 17


def test_seed_deck_notes_are_where_it_writes_note():
    stacks = split(SEED)
    with_notes = [(h, v) for h, stack in enumerate(stacks) for v, c in enumerate(stack) if c.notes]
    assert with_notes == [(0, 1), (1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (5, 0), (6, 0)]
    assert stacks[0][1].notes.startswith("Thank you for inviting me")
    assert "Note:" not in stacks[0][1].text


def test_chunks_know_their_file_lines():
    stacks = split(SEED)
    assert stacks[0][0].line == 7            # the rest of the closing '---' line
    assert stacks[0][1].notes_line == 24     # "Thank you for inviting me ..."
    assert stacks[0][1].separators == (22,)  # the 'Note:' line


def test_custom_separators_and_a_case_insensitive_notes_separator():
    stacks = split(DECKS / "custom-separators.md")
    assert [len(s) for s in stacks] == [1, 3, 1]
    assert stacks[0][0].notes == "the notes of the first slide."
    assert stacks[1][1].notes.startswith("lower-case notes")
    assert "---" in stacks[1][0].text          # a plain rule, not a separator here
    assert stacks[2][0].notes is None          # 'Note:' is not this deck's separator


def test_a_second_note_leaves_the_slide_without_notes_as_reveal_js_does():
    stacks = split(DECKS / "notes-variants.md")
    two = stacks[3][0]
    assert two.notes is None
    assert "Note: first" in two.text and "Note: second" in two.text
    assert len(two.separators) == 2


def test_indented_and_upper_case_notes_still_start_notes():
    stacks = split(DECKS / "notes-variants.md")
    assert stacks[2][0].notes == "shouting notes."
    assert stacks[2][1].notes.startswith("indented notes")


def test_a_separator_inside_a_fenced_code_block_does_not_split():
    stacks = split(DECKS / "fences.md")
    assert len(stacks) == 3
    code = stacks[0][0]
    assert "---" in code.text and "Note: this is code" in code.text and code.notes is None


def test_an_unclosed_fence_protects_nothing(tmp_path):
    deck = tmp_path / "open.md"
    deck.write_text("## One\n\n```\ncode\n\n---\n\n## Two\n", encoding="utf-8")
    assert len(split(deck)) == 2


def test_fences_of_backticks_and_of_tildes_are_found_and_text_without_them_has_none():
    """Text with no ``` or ~~~ is not scanned line by line (most slides have no code)."""
    text = "a\n~~~\nx\n~~~\nb\n```js\ny\n```\n~~~~\nopen\n"
    assert [(f.line, text[f.start:f.end]) for f in closed_fences(text)] == [
        (1, "~~~\nx\n~~~"), (5, "```js\ny\n```")]
    assert unclosed_fence_line(text) == 8
    assert closed_fences("a\n``\n~~\nb\n") == [] and unclosed_fence_line("a\n``\n") is None


def test_crlf_line_endings_split_the_same_way():
    plain, crlf = split(DECKS / "notes-variants.md"), split(DECKS / "notes-variants.md", crlf=True)
    assert [len(s) for s in plain] == [len(s) for s in crlf]
    assert [c.notes for s in plain for c in s] == \
           [c.notes.replace("\r\n", "\n") if c.notes else None for s in crlf for c in s]


def test_javascript_line_anchors_treat_carriage_returns_as_line_breaks():
    pattern = compile_js("^---$")
    assert pattern.search("a\r\n---\r\nb")
    assert not compile_js("x$", multiline=False).search("x\n")  # the very end, unlike Python
    assert translate("[$^]", multiline=True) == "[$^]"           # inside a class: characters
    assert compile_js(r"(?<word>\w+):").match("notes:").group("word") == "notes"


def test_a_vertical_separator_right_after_a_horizontal_one_starts_a_stack(tmp_path):
    deck = tmp_path / "stack.md"
    deck.write_text("A\n\n---\n\nB\n\n----\n\nC\n\n---\n\nD\n", encoding="utf-8")
    assert [len(s) for s in split(deck)] == [1, 2, 1]
