"""builder.decks.lint: the deck linter's warnings, each with its line."""
from __future__ import annotations

from .decksupport import DECKS, SEED, copy_deck, deck_from, messages

from builder.decks.handwritten import read_handwritten


def lint(tmp_path, text: str) -> list[str]:
    _, problems = deck_from(tmp_path, text)
    return messages(problems, "warning")


def test_an_indented_note_is_pointed_out(tmp_path):
    found = lint(tmp_path, "## A\n\n  Note: indented\n")
    assert len(found) == 1 and found[0].startswith("talk.md:3:") and "indented" in found[0]


def test_a_second_note_on_one_slide_is_pointed_out(tmp_path):
    found = lint(tmp_path, "## A\n\nNote: one\n\nNote: two\n")
    assert len(found) == 1 and found[0].startswith("talk.md:5:") and "second 'Note:'" in found[0]


def test_single_quoted_attributes_are_pointed_out(tmp_path):
    found = lint(tmp_path, "## A\n\n<!-- .element: class='x' -->\n")
    assert [f.split(":")[1] for f in found] == ["3"]


def test_single_quoted_and_unquoted_attributes_are_pointed_out_but_not_double_quoted(tmp_path):
    """data-background=bg.jpg was left out by reveal.js without a word (a reveal-md user's
    trial), as single quotes are: both are pointed out now."""
    found = lint(tmp_path, "## A\n\n<!-- .slide: data-background=bg.jpg -->\n\n"
                           "B <!-- .element: class=\"fragment\" data-x -->\n\n"
                           "<!-- .slide: data-background-iframe=\"https://x.org/?a=b\" -->\n\n"
                           "<!-- .slide: data-state=\"s\" data-transition=fade -->\n")
    quotes = [f.split(":")[1] for f in found if "only in double quotes" in f]
    assert quotes == ["3", "9"], found


def test_crlf_line_endings_are_pointed_out_once_where_the_separators_miss_them(tmp_path):
    deck = tmp_path / "talk.md"
    deck.write_bytes(b"---\r\nseparator: '\\n---\\n'\r\n---\r\n## A\r\n\r\n---\r\n\r\n## B\r\n")
    problems: list = []
    read_handwritten(tmp_path, deck, "x", problems)
    crlf = [m for m in messages(problems) if "CRLF" in m]
    assert len(crlf) == 1 and crlf[0].startswith("talk.md:1:") and "\\r?\\n" in crlf[0]


def test_crlf_line_endings_that_split_as_plain_ones_would_are_not_pointed_out(tmp_path):
    """reveal-md's default separators (\\r?\\n---\\r?\\n) take CRLF, and every CRLF file
    was warned that its separators 'may not match' (a reveal-md user's trial)."""
    for fixture in (SEED, DECKS / "custom-separators.md", DECKS / "notes-variants.md"):
        deck = copy_deck(fixture, tmp_path / fixture.stem, crlf=True)
        problems: list = []
        read_handwritten(tmp_path, deck, "x", problems)
        assert not [m for m in messages(problems) if "CRLF" in m], fixture.name


def test_an_empty_file_is_called_empty_not_a_slide_with_a_separator_to_remove(tmp_path):
    """An empty .md was told to remove 'the --- or +++' that starts its slide, which it has
    not got (a reveal-md user's trial)."""
    assert lint(tmp_path, "") == ["talk.md:1: this file is empty, so the deck is one blank "
                                  "slide; write its slides: '## A title', then the slide's text, "
                                  "with a line '---' between slides."]
    found = lint(tmp_path, "---\ntitle: Talk\n---\n\n")
    assert len(found) == 1 and "nothing after its front matter" in found[0], found


def test_slides_without_a_heading_are_pointed_out_at_their_first_line(tmp_path):
    found = lint(tmp_path, "## A\n\n---\n\n- no heading here\n")
    assert len(found) == 1 and found[0].startswith("talk.md:5:") and "no heading" in found[0]


def test_an_unclosed_code_block_is_pointed_out(tmp_path):
    found = lint(tmp_path, "## A\n\n```\ncode\n")
    assert len(found) == 1 and found[0].startswith("talk.md:3:")


def test_an_empty_slide_is_pointed_out_at_its_separator_and_not_as_headless(tmp_path):
    found = lint(tmp_path, "## A\n\n---\n\n---\n\n## B\n\n+++\n\nNote: a pause, on purpose\n")
    assert len(found) == 1 and found[0].startswith("talk.md:4:") and "empty" in found[0], found


def test_the_seed_deck_warns_about_its_slides_without_headings_and_its_empty_ones(tmp_path):
    deck = copy_deck(SEED, tmp_path)
    problems: list = []
    read_handwritten(tmp_path, deck, "seed", problems)
    assert [p.line for p in problems if "no heading" in p.message] == [
        17, 41, 65, 87, 118, 146, 216]
    assert [p.line for p in problems if "is empty" in p.message] == [173, 179, 185]
    assert len(problems) == 10


def test_a_slide_with_more_text_than_fits_is_pointed_out(tmp_path):
    """Sixteen points showed four and a half on a 1024x768 projector, with no sign, and the
    PDF dropped the last four (a councillor's trial)."""
    points = "".join(f"- Point {n}: a line long enough to wrap once on the slide, as most do\n"
                     for n in range(16))
    found = lint(tmp_path, f"## Intro\n\nShort.\n\n---\n\n## Actions\n\n{points}")
    assert found == ["talk.md:7: this slide has about 35 lines of text, and a slide "
                     "shows about 12: reveal.js cuts off the rest without a sign, on the screen "
                     "and in the PDF. Split it (a new slide after ---, or one below it after "
                     "----), or move the detail into its notes."]


def test_a_full_slide_a_table_and_code_are_measured_but_not_called_too_tall(tmp_path):
    """Each as much as fits under a heading, measured in Chromium (as the browser test
    does): seven table rows, ten points, eight short paragraphs; a code block scrolls."""
    table = "| A | B |\n| --- | ---: |\n" + "".join(f"| row {n} | {n} |\n" for n in range(7))
    code = "```\n" + "".join(f"line {n}\n" for n in range(30)) + "```\n"
    points = "".join(f"- Point {n}\n" for n in range(10))
    paragraphs = "".join(f"Paragraph {n}\n\n" for n in range(8))
    for body in (table, code, points, paragraphs):
        assert lint(tmp_path, f"## Figures\n\n{body}") == [], body


def test_a_table_of_ten_rows_under_a_heading_is_called_too_tall(tmp_path):
    """A row was counted as one line where it takes a third more (its padding and rule):
    ten rows under a heading were cut off after the eighth at 1024x768 with no warning (a
    reveal-md user's trial). The eighth row is the first past the slide's foot."""
    def table(rows: int) -> str:
        return ("## Figures\n\n| Area | Count |\n| --- | ---: |\n"
                + "".join(f"| Row {n} | {n * 100} |\n" for n in range(rows)))
    assert lint(tmp_path, table(7)) == []
    for rows in (8, 10):
        found = lint(tmp_path, table(rows))
        assert len(found) == 1 and found[0].startswith("talk.md:1: this slide has about "), found


def test_the_shipped_decks_have_no_slide_too_tall():
    problems: list = []
    for deck in sorted((DECKS.parents[2] / "content/decks").glob("*.md")):
        read_handwritten(DECKS.parents[2], deck, "x", problems)
    assert not [m for m in messages(problems) if "lines of text" in m]


def test_an_inline_svg_drawing_is_not_counted_as_lines_of_text(tmp_path):
    """Its lines are markup: a drawing of forty shapes was called forty lines too tall."""
    drawing = "<svg viewBox=\"0 0 100 100\" role=\"img\" aria-label=\"Dots\">\n" + "".join(
        f'<circle cx="{n}" cy="{n}" r="1"/>\n' for n in range(40)) + "</svg>\n"
    assert lint(tmp_path, f"## Dots\n\n{drawing}\nA caption.\n") == []


BESIDE = """## Drug tests by area

<div style="display: flex; gap: 1em; align-items: center">
<div style="flex: 1">

| Area | Count | Change |
| --- | ---: | ---: |
| Broxbourne | 448 | +3% |
| Dacorum | 1042 | -2% |
| Hertsmere | 512 | +1% |
| Watford | 630 | 0% |

</div>
<div style="flex: 1">

![Drug tests by area, as a bar chart](chart.png)

Source: county police, 2025

</div>
</div>
"""


def test_a_table_beside_a_chart_in_a_flex_row_is_not_called_too_tall(tmp_path):
    """A four-row table beside an image, in two flex columns, was 'about 16 lines of text'
    where it filled 522 of the slide's 700 pixels (a council officer's trial): the columns
    were added up, and each <div> line counted as a line of text."""
    (tmp_path / "chart.png").write_bytes(b"\x89PNG\r\n")
    assert lint(tmp_path, BESIDE) == []


def test_columns_side_by_side_are_as_tall_as_the_tallest_and_as_narrow_as_their_share(tmp_path):
    points = "".join(f"- Point {n}\n" for n in range(14))
    wide = "".join(f"- Point {n}: words enough to wrap in half a slide\n" for n in range(7))
    for opening in ('<div style="display:flex">', '<div class="r-hstack">',
                    '<div style="display: grid; grid-template-columns: 1fr 1fr">'):
        def two(left: str, right: str) -> str:
            return f"## Two\n\n{opening}\n<div>\n\n{left}\n</div>\n<div>\n\n{right}\n</div>\n</div>\n"
        assert lint(tmp_path, two("- One\n", "- Two\n")) == [], opening
        assert len(lint(tmp_path, two(points, "- Two\n"))) == 1, opening
        assert len(lint(tmp_path, two("- One\n", wide))) == 1, opening   # 14 half-width lines
    # one under another, as a plain <div> or a flex column lays them, they add up
    for opening in ("<div>", '<div style="display: flex; flex-direction: column">'):
        half = "".join(f"- Point {n}\n" for n in range(6))
        text = f"## Two\n\n{opening}\n<div>\n\n{half}\n</div>\n<div>\n\n{half}\n</div>\n</div>\n"
        assert len(lint(tmp_path, text)) == 1, opening
