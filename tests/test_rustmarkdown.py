"""builder.rustmarkdown (and builder.treewriter, which writes its trees) writes the bytes
markdown-it-py writes, or declines.

Each test renders texts both ways (the fast writer, then markdown-it-py alone)
and compares the whole fragment: HTML, problems with their lines, links,
anchors, tables and headings. Tests also check the fast writer was used, so
a comparison cannot pass by every text falling back.

The writer's other form (`as_cleaned`) is held to the same texts: cleaned, it
gives what markdown-it-py's HTML cleaned gives, and where it says cleaning
would change nothing (`Written.clean`), cleaning indeed leaves it as it is.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from builder import markdown, markdownitpy, rustmarkdown, urls
from builder.content import read_content
from builder.decks import slides
from builder.decks.source import read_deck
from builder.decks.split import split_slides
from builder.decks.subitems import split_outlined, split_subitems
from builder.tablemarks import without_marks
from builder.texts import Markdown, Origin

TOOL_ROOT = Path(__file__).resolve().parent.parent


def _resolve(url: str, source: str):
    if url.startswith("javascript"):
        return None, "that kind of link is not allowed"
    if url.startswith("missing"):
        return None, "there is no such file"
    if url.endswith(".md"):
        return f"/pages/{url[:-3]}/", None
    return url, None


def both_ways(text: str, resolve=_resolve, *, prefix: str = "", shift: int = 0,
              flavour: markdown.Flavour = markdown.PAGE):
    """(fast fragment or None, markdown-it-py's fragment) of one text."""
    doc = Markdown(text, Origin("content/pages/a.md", 5))
    ctx = markdown.Context(doc, resolve, prefix, shift, flavour)
    written = rustmarkdown.render_html(ctx, text)
    fast = None if written is None else _fragment(written.html, ctx)
    ctx = markdown.Context(doc, resolve, prefix, shift, flavour)
    reference = _fragment(markdownitpy.render(ctx), ctx)
    if fast is not None:
        _check_as_cleaned(text, resolve, prefix, shift, flavour, reference[0])
    return fast, reference


# How many texts the writer wrote as cleaned, and how many of those it said need no cleaning.
AS_CLEANED = {"written": 0, "clean": 0}


def _check_as_cleaned(text: str, resolve, prefix: str, shift: int, flavour: markdown.Flavour,
                      reference: str) -> None:
    ctx = markdown.Context(Markdown(text, Origin("content/pages/a.md", 5)), resolve, prefix,
                           shift, flavour)
    written = rustmarkdown.render_html(ctx, text, as_cleaned=True)
    assert written is not None, text
    cleaned = flavour.clean(reference)
    assert flavour.clean(written.html) == cleaned, text
    AS_CLEANED["written"] += 1
    if written.clean:
        AS_CLEANED["clean"] += 1
        assert written.html == cleaned, text
        # a monthly deck splits such a text by the writer's outline, not by a scan
        assert split_outlined(written.html, written.outline) == split_subitems(
            without_marks(written.html), remember=False), text


def _fragment(html: str, ctx: markdown.Context) -> tuple:
    return (html, ctx.problems, ctx.links, ctx.anchors, ctx.tables, ctx.headings)


EDITOR_TEXTS = [
    "## Data and trends\n\nPolice recorded **412** incidents, *down* 4%.\n",
    "# One\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six ##\n\n## One\n",
    "- tight\n- list with [a link](other.md)\n  - nested\n  - items\n- last\n",
    "- loose\n\n- list\n\n  second paragraph\n",
    "3. starts at three\n4. next\n\n1) other marker\n",
    "| Area | Incidents | Change |\n|:-----|---------:|:------:|\n| North | 12 | +1 |\n| South | 3 |\n",
    "| Only header |\n|---|\n",
    "Before\n\n[table: monthly-data]\n\nAfter [table: inline] stays text.\n",
    "- [table: in-a-list]\n",
    "A line  \nbroken, and another\\\nbroken.\n\nSoft\nbreak with [link](other.md#reporting \"Title & more\").\n",
    "Entities &amp; &copy; &#35; and escapes \\# \\[not a link\\].\n",
    "![A chart of incidents](chart.png)\n\n![](no-alt.png)\n\n![Remote](https://example.org/x.png)\n",
    "Links: [site](/bulletins/) [mail](mailto:csu@example.gov.uk) [far](https://example.org) "
    "[bad](javascript-free.md) [gone](missing.md)\n",
    "---\n\nText after a rule.\n\n***\n",
    "## Heading with [a link](other.md) and *emphasis*\n",
    "- ## A heading in a list\n- item\n\n## Section\n\nText. More.\n\n[table: t]\n\n- one\n",
    "Paragraph\n## Heading straight after\n- and a list\n",
    "    indented code stays with markdown-it-py\n",
    "<!-- .slide: data-background=\"b.jpg\" -->\n## Title\n\n- one <!-- .element: class=\"a\" -->\n"
    "- two\n\n  <!-- .element: class=\"b\" -->\n",
    "Text\n\n<!-- a comment --> after it\n\n| A | B <!-- c --> |\n|---|---|\n| 1 | 2 |\n\n<!-- end -->",
    # tables in their boxes, named by the heading above or their columns; rows of another
    # length than the header's, reported before their cells' own problems
    "| *Area* | Code &amp; [link](missing.md) |\n|---|---|\n| [x](missing.md) |\n| 1 | 2 | [3](a.md) |\n",
    "## Figures by *area*\n\n| A |\n|---|\n| 1 | |\n\n| B | C |\n|---|---|\n| 2 |\n\n#### Next\n\n"
    "| D |\n|---|\n| 3 |\n",
    "- item\n\n  | a | b |\n  |---|---|\n  | 1 |\n",
]


@pytest.mark.parametrize("text", EDITOR_TEXTS)
def test_editor_constructs_render_the_same_bytes_both_ways(text):
    for prefix, shift in (("", 0), ("ent-x", 1)):
        fast, reference = both_ways(text, prefix=prefix, shift=shift)
        assert fast is None or fast == reference, text


def test_the_common_constructs_take_the_fast_path():
    taken = [t for t in EDITOR_TEXTS if both_ways(t)[0] is not None]
    assert len(taken) >= len(EDITOR_TEXTS) - 4


@pytest.mark.parametrize("text", [
    "Raw <abbr title=\"x\">HTML</abbr>\n",
    "<div>\nblock\n</div>\n",
    "A `code span`\n",
    "[ref]\n\n[ref]: other.md\n",
    "*£*5 and *€*\n",
    "***strong and emphasis***\n",
    "*)[]()_ '*_:_\n",
    "> quoted\n",
    "- > quoted in a list\n",
    "Paragraph\n-\n",
    "Text\n| a | b |\n|---|---|\n",
    "| a |\n|---|\n| x \\| y |\n",
    "[)`",  # markdown-it-pyrs 0.4 panics here
    "A footnote[^1]\n\n[^1]: The note.\n",
    # an inline footnote: markdown-it-pyrs wrote it as text, markdown-it-py as a footnote
    # (found by a helper fixing decks' footnotes)
    "A claim.^[Source: ONS 2025.] More.\n",
    "Setext\n======\n",
    "<!-- a -- b -->\n",
    "#### Heading |\n---\n",
    # whitespace other than space and tab where markdown-it-py trims it
    "Text \x0b\n", "\x0c 2) x\n", "A line\u2028\n", "## \xa0 heading\n", "e.g.\n--: \xa0\n",
    "| a | \xa0 |\n|---|---|\n| 1 | 2 |\n", "- \xa0item\n", "**\xa0x**\n",
])
def test_texts_the_two_parsers_may_read_differently_are_left_to_markdown_it_py(text):
    fast, _ = both_ways(text)
    assert fast is None
    rendered = markdown.render(Markdown(text, Origin("a.md", 1)), _resolve)
    assert rendered.html  # and no exception, nor a Rust panic


def test_a_no_break_space_inside_a_line_keeps_the_fast_path():
    """Text pasted from a word processor often holds one; only at a line's or a cell's
    edge, or beside an emphasis mark, do the two parsers read it otherwise."""
    fast, reference = both_ways("A walk of 10\xa0km, and £5\xa0000.\n\n- 3\xa0pm\n")
    assert fast is not None and fast == reference


def test_a_panic_in_markdown_it_pyrs_falls_back_instead_of_failing_the_build(monkeypatch):
    monkeypatch.setattr(rustmarkdown.parserdiffs, "may_read_otherwise", lambda text: False)
    fast, reference = both_ways("[)`")
    assert fast is None and reference[0]


@pytest.mark.parametrize("text", EDITOR_TEXTS)
def test_a_decks_texts_render_the_same_bytes_both_ways(text):
    """Without the house classes: a deck's HTML is reveal.js's, styled by its theme."""
    fast, reference = both_ways(text, slides.resolve, prefix="s1-1", flavour=slides.DECK)
    assert fast is None or fast == reference, text
    assert "govuk" not in (fast or reference)[0].replace("govuk-table__cell--numeric", "")
    assert 'role="region"' not in (fast or reference)[0]   # a slide's table has no box


def test_the_common_constructs_of_a_deck_take_the_fast_path():
    taken = [t for t in EDITOR_TEXTS if both_ways(t, flavour=slides.DECK)[0] is not None]
    assert len(taken) >= len(EDITOR_TEXTS) - 4


def test_windows_line_endings_give_the_same_lines_in_messages():
    text = "Intro\r\n\r\n- item\r\n- [broken](missing.md)\r\n\r\n_x_ *y* [z](other.md)\r\n"
    fast, reference = both_ways(text)
    assert fast == reference
    assert [p.line for p in reference[1]] == [8]
    assert [link.line for link in reference[2]] == [10]


def test_without_markdown_it_pyrs_every_text_is_rendered_by_markdown_it_py(monkeypatch):
    monkeypatch.setattr(rustmarkdown, "_parser", lambda: None)
    assert both_ways(EDITOR_TEXTS[0])[0] is None
    assert "govuk-body" in markdown.render(Markdown(EDITOR_TEXTS[0], Origin("a.md", 1)),
                                           _resolve).html


def _content_texts(root: Path):
    content, _ = read_content(root, include_drafts=True, cache=None, known_files=None)
    assert content is not None
    plain = urls.resolver(content)
    for issue in content.issues:
        for entry in issue.entries:
            prefix = urls.entry_prefix(entry.theme, entry.month)
            yield entry.body.text, urls.resolver(content, prefix), prefix, 1
    for doc in [i.summary for i in content.issues if i.summary] + [p.body for p in content.pages]:
        yield doc.text, plain, "", 0
    for term in content.glossary.terms:
        yield term.definition.text, plain, term.slug, 0


def _compare_all(texts, flavour: markdown.Flavour = markdown.PAGE) -> tuple[int, int]:
    fast_count = total = 0
    for text, resolve, prefix, shift in texts:
        fast, reference = both_ways(text, resolve, prefix=prefix, shift=shift, flavour=flavour)
        total += 1
        if fast is not None:
            fast_count += 1
            assert fast == reference, text[:200]
    return fast_count, total


def _cleaning_spared(run) -> tuple[int, int]:
    """(texts written as cleaned, of which cleaning was spared) while `run()` runs."""
    before = dict(AS_CLEANED)
    run()
    return (AS_CLEANED["written"] - before["written"], AS_CLEANED["clean"] - before["clean"])


def test_the_shipped_content_renders_the_same_bytes_both_ways():
    fast, total = _compare_all(_content_texts(TOOL_ROOT))
    assert fast >= total - 2 and total > 10


def test_most_shipped_texts_are_written_as_cleaned_and_spare_the_cleaning():
    written, spared = _cleaning_spared(lambda: _compare_all(_content_texts(TOOL_ROOT)))
    assert spared >= written * 0.8 and written > 10


def test_a_generated_corpus_renders_the_same_bytes_both_ways(tmp_path):
    sys.path.insert(0, str(TOOL_ROOT / "bench"))
    import make_corpus
    make_corpus.generate(tmp_path, pages=150, themes_count=6, seed=11)
    counts = []
    written, spared = _cleaning_spared(lambda: counts.append(_compare_all(_content_texts(tmp_path))))
    (fast, total), = counts
    assert fast == total >= 150
    assert written == spared == fast   # and none of them needs nh3


def _random_text(rng: random.Random) -> str:
    """Editor-like Markdown, with the characters that trip parsers up sprinkled in."""
    words = ("the council police Youth £5,000 42% (ASB) e.g. co-ordinated 'hub' \"Safer\" & <5 "
             ">10 x_y a*b 3.5 #tag [ ] ( ) ! | \\ : - 1. 10\xa0km &nbsp; &quot;").split(" ")

    def inline() -> str:
        parts = []
        for _ in range(rng.randint(1, 10)):
            word, roll = rng.choice(words), rng.random()
            if roll < .1:
                word = f"**{word}**"
            elif roll < .16:
                word = f"*{word}*" if rng.random() < .5 else f"_{word}_"
            elif roll < .24:
                target = rng.choice(["other.md", "other.md#h", "https://a.example/c", "/p/", "#h",
                                     "https://1.2.3.999/", "http://a.example:99999/", "x:y",
                                     "mailto:a@b.example", "https://XN--a.example/"])
                word = f"[{word}]({target})"
            elif roll < .26:
                word = f"![{word}](p.png)"
            parts.append(word)
        return " ".join(parts)

    def block() -> str:
        roll = rng.random()
        if roll < .35:
            return "\n".join(inline() for _ in range(rng.randint(1, 3)))
        if roll < .45:
            return "#" * rng.randint(1, 6) + " " + inline()
        if roll < .7:
            marker = rng.choice(["-", "*", "+", "1.", "2)"])
            items = [f"{marker} {inline()}" + (f"\n  - {inline()}" if rng.random() < .2 else "")
                     for _ in range(rng.randint(1, 4))]
            return ("\n" if rng.random() < .6 else "\n\n").join(items)
        if roll < .85:
            cols = rng.randint(1, 4)
            rows = [" | ".join(inline() for _ in range(rng.randint(1, cols + 1)))
                    for _ in range(rng.randint(0, 3))]
            return "\n".join([" | ".join(inline() for _ in range(cols)),
                              "|".join(rng.choice(["---", ":--", "--:", ":-:"]) for _ in range(cols))]
                             + rows)
        return rng.choice(["---", "[table: x]", inline() + "  \n" + inline()])

    return rng.choice(["\n\n", "\n"]).join(block() for _ in range(rng.randint(1, 8)))


def test_random_editor_like_texts_render_the_same_bytes_both_ways():
    rng = random.Random(2026)
    texts = [(_random_text(rng), _resolve, "", 0) for _ in range(400)]
    written, spared = _cleaning_spared(lambda: _compare_all(texts))
    assert written >= 40 and 0 < spared < written   # some of its addresses need cleaning


def test_raw_html_or_an_address_cleaning_may_drop_needs_cleaning():
    for text in ["Text\n\n<!-- note -->\n", "A <!-- c --> b\n", "[a](https://1.2.3.999/)\n",
                 "[a](x:y)\n", "[a](http://a.example:99999/p)\n"]:
        ctx = markdown.Context(Markdown(text, Origin("a.md", 1)), _resolve, "", 0)
        written = rustmarkdown.render_html(ctx, text, as_cleaned=True)
        assert written is not None and not written.clean, text
    ctx = markdown.Context(Markdown("[a](https://a.example/)", Origin("a.md", 1)), _resolve, "", 0)
    assert rustmarkdown.render_html(ctx, "[a](https://a.example/)", as_cleaned=True).clean


_COMMENTS = ["<!-- .slide: data-background=\"b.jpg\" -->", "<!-- .element: class=\"fragment\" -->",
             "<!--x-->", "<!-->", "<!---->", "<!-- a -- b -->", "<!-- a\nb -->", "<!-- x --->",
             "<!-- | -->", "<!-- # -->"]


def _with_comments(rng: random.Random, text: str) -> str:
    """The text with reveal.js-like comments (and some that the parsers read otherwise) put
    on lines of their own, after a blank line, and at the ends of lines."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, 4)):
        at, comment = rng.randrange(len(lines) + 1), rng.choice(_COMMENTS)
        if at == len(lines) or rng.random() < .4:
            lines.insert(at, " " * rng.randint(0, 4) + comment)
        elif rng.random() < .3:
            lines[at:at] = ["", comment]
        else:
            lines[at] += rng.choice(["", " "]) + comment + rng.choice(["", " tail", "  "])
    return "\n".join(lines) + rng.choice(["", "\n", "  "])


def test_random_slide_texts_render_the_same_bytes_both_ways():
    rng = random.Random(2027)
    texts = [(_with_comments(rng, _random_text(rng)), slides.resolve, "s2-1", 0)
             for _ in range(1500)]
    fast, total = _compare_all(texts, slides.DECK)
    assert fast >= total // 20


# What reveal-md's marked reads beyond CommonMark, and what is like it but is no such thing.
_EXTRAS = ["~~struck~~", "~one~", "~~~three~~~", "https://a.example/p.", "www.example.org",
           "csu@example.gov.uk", "[x](https://a.example/)", "![y](www.example.org/c.png)",
           "\\[z](https://a.example/)", "ftp://a.example", "notes.md", "`https://a.example`",
           "WWW.A.EXAMPLE", "[ ]", "[x]"]


def test_random_slide_texts_with_reveal_md_s_extras_render_the_same_bytes_both_ways():
    """Only markdown-it-py writes a deck's struck text, bare addresses and task lists
    (`builder.decks.gfm`): a text holding one that the fast writer took would lose it."""
    rng = random.Random(2028)
    texts = []
    for _ in range(600):
        words = _random_text(rng).split(" ")
        for _ in range(rng.randint(1, 3)):
            words.insert(rng.randrange(len(words) + 1), rng.choice(_EXTRAS))
        task = f"- [{rng.choice(' xX')}] " if rng.random() < .3 else ""
        texts.append((task + " ".join(words), slides.resolve, "s1-1", 0))
    fast, total = _compare_all(texts, slides.DECK)
    assert 0 < fast < total // 2


def _deck_texts(path: Path):
    source = read_deck(path.parent, path, [])
    for stack in split_slides(source.body, source.body_line, source.options):
        for chunk in stack:
            yield chunk.text, slides.resolve, "s1-1", 0
            if chunk.notes is not None:
                yield chunk.notes, slides.resolve, "s1-1-notes", 0


def test_the_shipped_and_benchmark_decks_render_the_same_bytes_both_ways(tmp_path):
    sys.path.insert(0, str(TOOL_ROOT / "bench"))
    import peers
    bench = tmp_path / "bench.md"
    bench.write_text(peers.deck_markdown(40), "utf-8")
    assert _compare_all(_deck_texts(bench), slides.DECK) == (80, 80)   # 40 slides and their notes
    shipped = TOOL_ROOT / "content/decks/community-safety-and-performance.md"
    fast, total = _compare_all(_deck_texts(shipped), slides.DECK)
    assert fast == total > 20


@pytest.mark.parametrize("module", ["builder.treewriter", "builder.treenodes",
                                    "builder.rustmarkdown", "builder.markdown",
                                    "builder.decks.subitems", "builder.tablemarks"])
def test_each_of_the_writer_s_modules_imports_first(module):
    """markdown, rustmarkdown and treewriter import one another; imported first, a
    module that took names from another only partly made failed (decks.subitems did)."""
    import subprocess
    run = subprocess.run([sys.executable, "-c", f"import {module}"], cwd=TOOL_ROOT,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
