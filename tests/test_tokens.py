"""builder.tokens gives the bytes of the markdown-it-py parts it stands in for, and of
nh3's escaping for the fast writer's other form."""
import random

import nh3

from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token as MarkdownItToken
from mdit_py_plugins.anchors.index import unique_slug as plugin_unique_slug

from builder import tokens

_PIECES = ["&", "<", ">", '"', "'", "a", "é", " ", "&amp;", "\n", "-", "1", "\xa0", "&nbsp;"]


def _random_texts(count: int) -> list[str]:
    rng = random.Random(11)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 12))) for _ in range(count)]


def test_escape_html_is_markdown_it_pys():
    for text in _random_texts(2000):
        assert tokens.escape_html(text) == escapeHtml(text), repr(text)


def test_attributes_are_written_as_markdown_it_pys_renderer_writes_them():
    for value in _random_texts(300):
        ours = tokens.Token("a", attrs={"href": value, "title": value + '"'})
        theirs = MarkdownItToken("link_open", "a", 1, attrs={"href": value, "title": value + '"'})
        ours.attrJoin("class", "govuk-link")
        theirs.attrJoin("class", "govuk-link")
        ours.attrJoin("class", "x")
        theirs.attrJoin("class", "x")
        assert tokens.attrs_html(ours) == RendererHTML.renderAttrs(theirs)


def test_a_repeated_heading_id_is_numbered_as_the_anchors_plugin_numbers_it():
    ours, theirs = set(), set()
    for slug in ["a", "a", "a-1", "b", "a", "a-1", "a-2"]:
        assert tokens.unique_slug(slug, ours) == plugin_unique_slug(slug, theirs)
    assert ours == theirs


def test_text_and_attributes_written_as_cleaned_are_what_nh3_writes():
    for text in _random_texts(2000):
        ours = tokens.Token("abbr", attrs={"title": text, "class": "x" + text})
        html = f"<abbr{tokens.attrs_html(ours)}>{tokens.escape_html(text)}</abbr>"
        cleaned = nh3.clean(html, tags={"abbr"}, attributes={"abbr": {"title", "class"}})
        assert cleaned == f"<abbr{tokens.attrs_as_cleaned(ours)}>{tokens.escape_as_cleaned(text)}</abbr>"
