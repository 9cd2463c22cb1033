"""builder.decks.spans: the flat scan agrees with the tree HTMLParser builds (`dom.parse`)."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.content import read_content
from builder.decks import dom, spans
from builder.fragments import render_fragments

TOOL_ROOT = Path(__file__).resolve().parents[2]


def tree_elements(html: str) -> list[tuple[str, int, str]]:
    """(tag, depth, text) of every element of `dom.parse`'s tree, in document order."""
    found = []

    def visit(node: dom.Node, depth: int) -> None:
        for child in node.children:
            if child.is_element:
                found.append((child.tag, depth, child.text()))
                visit(child, depth + 1)

    visit(dom.parse(html), 0)
    return found


def scan_elements(html: str) -> list[tuple[str, int, str]]:
    return [(s.tag, s.depth, spans.text_of(html[s.inner_start:s.inner_end]))
            for s in spans.scan(html)]


@pytest.mark.parametrize("html", [
    "<p>One <strong>two</strong></p><h3 id=a>Three</h3><ul><li>x<ul><li>y</li></ul></li></ul>",
    '<p title="a > b" class=\'c\'>Quoted &gt; and &amp; text</p>',
    "<p>Line<br>break<br/>and <img src=x.png alt=\"\"> image</p>",
    "<div><p>Never closed</div><p>After</p>",
    "<p>Stray close</span> tag</p>",
    "<ul><li>Open at the end",
    "<table><tr><td>a</td></tr></table>",
])
def test_scan_finds_the_elements_parse_does(html):
    assert scan_elements(html) == tree_elements(html)


@pytest.mark.parametrize("html", [
    "<p>One <strong>two</strong></p><h3 id=a>Three</h3><ul><li>x<ul><li>y</li></ul></li></ul>",
    "<div><p>Never closed</div><p>After</p><table><tr><td><p>In a cell</p></td></tr></table>",
    "<ul><li>Open <b>at the end",
    "<p>Stray close</span> tag</p><br><li>x</li>",
    # tables holding no wanted element are stepped over in one jump (`_past_table`)
    "<p>a</p><table><tr><td>1</td></tr></table><p>b</p><ul><li>c</li></ul>",
    "<ul><li><table><tbody><tr><td>in an item</td></tr></tbody></table>after</li></ul><p>x</p>",
    "<table><tr><td><table><tr><td>nested</td></tr></table><li>x</li></td></tr></table>",
    '<table><tr><td><abbr title="</table><li>">t</abbr></td></tr></table><li>y</li>',
    "<p>open<table><tr><td>x</td></tr></table>still in p</p><p>next</p>",
    "<table><tr><td>never closed",
])
def test_scanning_only_some_elements_gives_those_of_the_whole_scan(html):
    only = frozenset({"h3", "p", "li", "br"})
    assert spans.scan(html, only) == [s for s in spans.scan(html) if s.tag in only]


def test_scan_agrees_with_parse_on_every_fragment_of_the_shipped_content():
    content, _ = read_content(TOOL_ROOT)
    fragments = render_fragments(content)
    htmls = [f.html for group in (fragments.entries, fragments.pages, fragments.terms)
             for f in group.values()]
    assert len(htmls) >= 10
    for html in htmls:
        assert scan_elements(html) == tree_elements(html)


def test_spans_slice_the_element_and_its_inside():
    html = '<p>a</p><h3 id="x">T <em>i</em></h3>'
    heading = [s for s in spans.scan(html) if s.tag == "h3"][0]
    assert html[heading.start:heading.end] == '<h3 id="x">T <em>i</em></h3>'
    assert html[heading.inner_start:heading.inner_end] == "T <em>i</em>"
