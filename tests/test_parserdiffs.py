"""builder.parserdiffs: which texts are left to markdown-it-py.

The screen is written for speed (substring tests first, line starts found by their
newline). `_AS_FIRST_WRITTEN` is the same screen in its plain first spelling, with
(?m)^ patterns: the two must agree on every text."""
import random
import re

import pytest

from builder import parserdiffs

_RAW_HTML = re.compile(r"<[A-Za-z/!?]")
_UNLIKE = re.compile(
    r"[*_][^\x00-\x7f]|[^\x00-\x7f][*_]"
    r"|\*\*\*|___|\*_|_\*"
    r"|(?m:^[ \t]*(?:(?:[-+*]|[0-9]{1,9}[.)])[ \t]+)*>)"
)
_EMPTY_ITEM = re.compile(r"(?m)^[ \t>]*(?:[-+*]|[0-9]{1,9}[.)])[ \t]*\r?$")


# Whitespace markdown-it-py trims and markdown-it-pyrs keeps; a no-break space only at an edge.
_ODD_SPACE = re.compile(
    "[\x0b\x0c\x1c-\x1f\x85\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
    "|(?m:^(?:[ \t]*(?:>|#{1,6}|[-+*]|[0-9]{1,9}[.)]))*[ \t]*\xa0)|\\|[ \t]*\xa0"
    "|(?m:\xa0[ \t#\r]*$)|\xa0[ \t#\r]*\\||[*_]\xa0|\xa0[*_]")


def _as_first_written(text: str) -> bool:
    return ("`" in text or "]:" in text or "^[" in text or bool(_UNLIKE.search(text)) or bool(_ODD_SPACE.search(text))
            or bool(_RAW_HTML.search(parserdiffs._PLAIN_COMMENT.sub("", text)))
            or bool(_EMPTY_ITEM.search(text)) or not parserdiffs._plain_tables(text))


@pytest.mark.parametrize("text, expected", [
    ("Plain text with a [link](other.md).\n", False),
    ("| a | b |\n| --- | --- |\n| 1 | 2 |\n", False),
    ("**bold** and _emphasis_\n", False),
    ("> a quote\n", True),
    ("Text\n  1. > quoted in a list\n", True),
    ("Text\n-\n", True),
    ("Text\n- \r\nmore", True),
    ("Last line is an empty item\n3)", True),
    ("**£5**\n", True),
    ("\u00e9_x\n", True),
    ("***x***\n", True),
    ("*_x_*\n", True),
    ("<br>\n", True),
    ("Costs < £5\n", False),
    ("<!-- .slide: data-background=\"a.jpg\" -->\n## Title\n", False),
    ("- item <!-- .element: class=\"fragment\" -->\n", False),
    ("<!-->\n", True),
    ("<!--->\n", True),
    ("<!-- a -- b -->\n", True),
    ("<!-- over\ntwo lines -->\n", True),
    ("<!-- c --> <br>\n", True),
    ("<!-- a | b -->\n|---|---|\n", True),
    ("# a | b\n|---|---|\n", True),
    ("Text\n# not a rule |\n---\n", True),
    ("A claim.^[an inline footnote]\n", True),   # markdown-it-pyrs has no footnotes
])
def test_each_kind_of_text_is_screened_as_intended(text, expected):
    assert parserdiffs.may_read_otherwise(text) is expected
    assert _as_first_written(text) is expected


def test_the_fast_screen_agrees_with_its_first_spelling_on_random_texts():
    pieces = list("ab*_\u00e9\u2014\n\r >-+1.)|:<`]\t\\#") + [
        "\u2028", "\x0b", "\xa0", "\x0c", "\u3000", "12.", "> ", "- ", "**", "|---|", "\n\n",
        "1234567890.", "## ",
        "<!--", "-->", "<!-- c -->", "!"]
    rng = random.Random(20261122)
    for _ in range(40_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        assert parserdiffs.may_read_otherwise(text) == _as_first_written(text), repr(text)
