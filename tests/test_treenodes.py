"""builder.treenodes: what the fast writer reads from markdown-it-pyrs's nodes, and the tags it
makes of them.

That the writer's whole pages match markdown-it-py's is test_rustmarkdown.py's
and test_treewriter.py's (a percent-encoded address refused among them); here,
each helper on real nodes of the parser the writer reads.
"""
from __future__ import annotations

import pytest

from builder.rustmarkdown import _parser
from builder.treenodes import (Unsure, cell_opening, class_attrs, heading_text, is_inline,
                               only_text, url_attrs)


def tree(text: str):
    return _parser().tree(text)


def first(node, name: str):
    """The first node called `name` below `node`, depth first."""
    for child in node.children:
        if child.name == name:
            return child
        found = first(child, name)
        if found is not None:
            return found
    return None


# --- table cells -------------------------------------------------------------------------------

def test_a_table_s_columns_are_aligned_as_its_delimiter_row_says():
    alignments = first(tree("| a | b | c | d |\n|:-|-:|:-:|-|\n| 1 | 2 | 3 | 4 |\n"),
                       "table").meta["alignments"]
    assert [cell_opening(False, align, True) for align in alignments] == [
        '<td class="govuk-table__cell">',
        '<td class="govuk-table__cell govuk-table__cell--numeric">',
        '<td class="govuk-table__cell bulletin-table__cell--centre">',
        '<td class="govuk-table__cell">']


def test_a_header_cell_is_a_column_header_for_screen_readers():
    assert cell_opening(True, "right", True) == \
        '<th class="govuk-table__header govuk-table__cell--numeric" scope="col">'
    assert cell_opening(True, "none", True) == '<th class="govuk-table__header" scope="col">'


def test_without_the_house_classes_a_cell_keeps_only_its_alignment():
    """Decks are not GOV.UK pages: no govuk-table classes, the alignment still shown."""
    assert cell_opening(False, "none", False) == "<td>"
    assert cell_opening(False, "right", False) == '<td class="govuk-table__cell--numeric">'
    assert cell_opening(True, "left", False) == '<th scope="col">'


def test_an_alignment_the_writer_does_not_know_is_left_to_markdown_it_py():
    with pytest.raises(Unsure):
        cell_opening(False, "justify", True)


def test_block_classes_are_the_house_ones_or_none_at_all():
    assert class_attrs(True)["paragraph_open"] == ' class="govuk-body"'
    assert class_attrs(True)["table_open"] == ' class="govuk-table"'
    assert set(class_attrs(False).values()) == {""}
    assert set(class_attrs(False)) == set(class_attrs(True))


# --- links and images ----------------------------------------------------------------------------

def test_a_link_keeps_its_address_and_its_title_when_it_has_one():
    titled = first(tree('[a](https://example.org/x "More")\n'), "link")
    bare = first(tree("[a](https://example.org/x)\n"), "link")
    assert url_attrs("href", titled.meta) == {"href": "https://example.org/x", "title": "More"}
    assert url_attrs("href", bare.meta) == {"href": "https://example.org/x"}
    image = first(tree("![Map](images/map.png)\n"), "image")
    assert url_attrs("src", image.meta) == {"src": "images/map.png"}


@pytest.mark.parametrize("text", ["[a](https://café.example/)\n",
                                  "[a](https://xn--caf-dma.example/)\n",
                                  "![a](images/plan%202026.png)\n"])
def test_an_address_markdown_it_py_may_normalise_is_left_to_it(text):
    node = first(tree(text), "link") or first(tree(text), "image")
    with pytest.raises(Unsure, match="normalise"):
        url_attrs("href", node.meta)


# --- text ---------------------------------------------------------------------------------------

def test_a_heading_s_id_is_made_from_its_words_and_code_not_its_images():
    heading = first(tree("## Drugs *and* `county lines` ![logo](l.png) [map](m.md)\n"), "heading")
    assert heading_text(heading.children) == "Drugs and county lines  map"


def test_only_plain_text_is_read_as_text():
    image = first(tree("![Patrols by area](chart.png)\n"), "image")
    assert only_text(image.children) == "Patrols by area"
    marked = first(tree("![Patrols *by* area](chart.png)\n"), "image")
    with pytest.raises(Unsure, match="only text"):
        only_text(marked.children)


def test_inline_nodes_are_told_from_blocks():
    paragraph = first(tree("Some *stress* and `code`.\n\n- item\n"), "paragraph")
    assert [is_inline(node) for node in paragraph.children] == [True] * len(paragraph.children)
    assert not is_inline(paragraph)
    assert not is_inline(first(tree("- item\n"), "bullet_list"))
