"""builder.markdown and builder.safety: what an editor's Markdown becomes, and what it may not.

Most tests render one text with `markdown.render` (no Sass, no disk); the ones
about content links read the minimal fixture's model, and a few run a whole
build to see the message an editor would see.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from builder import safety, urls
from builder.content import read_content
from builder.errors import Severity
from builder.fragments import render_fragments
from builder.markdown import Flavour, Fragment, render
from builder.model import Markdown, Origin

TOOL_ROOT = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "minimal"
ENTRY = "content/bulletins/2026-01/hate-crime.md"


def _keep(url: str, source: str):
    """A resolver that accepts every address as written."""
    return url, None


def md(text: str, *, path: str = "content/pages/test.md", line: int = 1, prefix: str = "",
       shift: int = 0) -> Fragment:
    return render(Markdown(text, Origin(path, line)), _keep, id_prefix=prefix, heading_shift=shift)


def entry_file(body: str, front: str = "rag: green\n") -> str:
    """A theme file whose body starts on line 2 + the number of front-matter lines + 1."""
    return f"---\n{front}---\n{body}"


def body_line(front: str = "rag: green\n") -> int:
    return front.count("\n") + 3


# --- CommonMark and the extensions -----------------------------------------------------------

def test_commonmark_paragraphs_lists_links_and_quotes_get_govuk_classes():
    html = md("A *b* **c**.\n\n- one\n- two\n\n1. first\n\n> quoted\n\n"
              "[site](https://example.org/)\n\n---\n").html
    assert '<p class="govuk-body">A <em>b</em> <strong>c</strong>.</p>' in html
    assert '<ul class="govuk-list govuk-list--bullet">' in html and "<li>two</li>" in html
    assert '<ol class="govuk-list govuk-list--number">' in html
    assert '<blockquote class="govuk-inset-text">' in html
    assert '<a href="https://example.org/" class="govuk-link">site</a>' in html
    assert '<hr class="govuk-section-break' in html


def test_pipe_tables_render_with_govuk_classes_and_right_aligned_numbers():
    html = md("| Area | Count |\n|------|------:|\n| North | 1,200 |\n").html
    assert '<table class="govuk-table" aria-label="Table with columns Area and Count">' in html
    assert '<th class="govuk-table__header" scope="col">Area</th>' in html
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">1,200</td>' in html
    assert "style=" not in html  # the alignment is a class, never an inline style


def test_footnotes_link_both_ways_and_have_a_labelled_back_link():
    html = md("A claim.[^1]\n\n[^1]: The source.\n").html
    ref = re.search(r'<a href="#(fn[^"]*)" id="(fnref[^"]*)">\[1\]</a>', html)
    assert ref, html
    note_id, ref_id = ref.groups()
    assert f'<li id="{note_id}" class="footnote-item">' in html
    assert f'href="#{ref_id}"' in html and 'aria-label="Back to reference 1"' in html
    assert "The source." in html


def test_headings_get_anchor_ids_from_their_text():
    fragment = md("## Who publishes it?\n\n### Phone & email\n")
    assert '<h2 id="who-publishes-it" class="govuk-heading-l">' in fragment.html
    assert '<h3 id="phone-email" class="govuk-heading-m">' in fragment.html
    assert fragment.anchors == {"who-publishes-it", "phone-email"}
    assert fragment.headings == (("who-publishes-it", "Who publishes it?"),
                                 ("phone-email", "Phone & email"))


def test_entry_headings_get_the_entry_prefix_and_move_down_one_level():
    fragment = md("# Top\n\n## Patrols\n\n###### Deepest\n",
                  prefix="community-safety-asb-2026-01", shift=1)
    assert '<h2 id="community-safety-asb-2026-01-top" class="govuk-heading-l">Top</h2>' in fragment.html
    assert ('<h3 id="community-safety-asb-2026-01-patrols" class="govuk-heading-m">Patrols</h3>'
            in fragment.html)
    assert "<h7" not in fragment.html and "<h6" in fragment.html  # never below h6
    assert "community-safety-asb-2026-01-patrols" in fragment.anchors
    assert not any(a == "patrols" for a in fragment.anchors)


def test_a_moved_heading_is_closed_at_its_new_level_before_sanitising():
    """The shift once renamed only the opening tag; nh3 mended `<h3>…</h2>` unseen."""
    raw = Flavour("raw", True, safety.check_raw_html, lambda html: html)
    html = render(Markdown("## Patrols\n\n###### Deepest\n", Origin("t.md", 1)), _keep,
                  heading_shift=1, flavour=raw).html
    assert re.findall(r"</?h\d", html) == ["<h3", "</h3", "<h6", "</h6"]


def test_same_heading_in_two_entries_gives_two_different_ids(site):
    """Two themes on one issue page both writing '## Update' must not share an id."""
    site.write(ENTRY, entry_file("## Reporting\n\nText.\n\n## Update\n\nOne.\n"))
    site.write("content/bulletins/2026-01/community-safety-asb.md",
               entry_file("## Update\n\nTwo.\n", "rag: amber\n"))
    content, _ = read_content(site.root)
    fragments = render_fragments(content)
    ids = [a for f in fragments.entries.values() for a in f.anchors]
    assert "hate-crime-2026-01-update" in ids and "community-safety-asb-2026-01-update" in ids
    assert len(ids) == len(set(ids))


# --- Table placeholders ------------------------------------------------------------------------

def test_a_page_shows_struck_text_bare_addresses_and_task_marks_as_written():
    """Decks read them as reveal-md does (builder.decks.gfm). A page stays CommonMark:
    `bulletin check` asks its editor for a written link, and its bytes are held."""
    text = "~~was~~ ~x~ https://example.org www.example.org csu@example.gov.uk\n\n- [ ] to do\n"
    html = md(text).html
    assert "<del>" not in html and "<s>" not in html and "<a " not in html
    assert "<input" not in html and "<label>" not in html and "[ ] to do" in html


def test_table_placeholder_paragraph_becomes_a_separate_part():
    fragment = md("Before.\n\n[table: drug-tests]\n\nAfter.\n")
    parts = fragment.parts()
    assert len(parts) == 3, parts
    assert "Before." in parts[0] and parts[1] == ("drug-tests",) and "After." in parts[2]
    assert fragment.tables == ("drug-tests",)
    assert "[table:" not in fragment.html


def test_table_placeholder_inside_a_sentence_is_left_as_text():
    fragment = md("See [table: drug-tests] below.\n")
    assert fragment.tables == ()
    assert fragment.parts() == [fragment.html]
    assert "[table: drug-tests]" in fragment.html


def test_the_placeholder_puts_the_data_table_where_it_is_written(site, capsys):
    assert site.build(capsys=capsys).code == 0
    page = site.page("bulletins/2026-01/index.html")
    before = page.index("patrols rose in each")
    table = page.index('id="community-safety-asb-2026-01-table-patrols"')
    after = page.index('id="community-safety-asb-2026-01-county-lines-work"')
    assert before < table < after
    assert "[[bulletin-table:" not in page


# --- Content links --------------------------------------------------------------------------------

def _entry_html(site, theme: str) -> str:
    content, problems = read_content(site.root)
    assert not [p for p in problems if p.is_error]
    return render_fragments(content).entries[("2026-01", theme)].html


def test_link_to_a_theme_file_becomes_its_section_on_the_issue_page_with_prefixed_fragment(site):
    html = _entry_html(site, "community-safety-asb")
    # hate-crime.md#reporting: the heading's id carries that entry's prefix.
    assert 'href="/bulletins/2026-01/#hate-crime-2026-01-reporting"' in html
    assert 'href="/about/"' in html  # ../../pages/about.md
    assert ".md" not in html


def test_links_to_issue_pages_glossary_and_page_fragments_are_rewritten(site):
    site.write("content/bulletins/2026-01/hate-crime.md", entry_file(
        "## Reporting\n\n[issue](issue.yaml), [section](hate-crime.md), "
        "[who](../../pages/about.md#who-publishes-it), [terms](../../glossary.yaml).\n"))
    html = _entry_html(site, "hate-crime")
    assert 'href="/bulletins/2026-01/"' in html
    assert 'href="/bulletins/2026-01/#hate-crime"' in html
    assert 'href="/about/#who-publishes-it"' in html  # pages are not prefixed
    assert 'href="/glossary/"' in html


def test_fragment_only_link_in_an_entry_gets_the_entry_prefix(site, capsys):
    site.write(ENTRY, entry_file("## Reporting\n\nText.\n\nSee [reporting](#reporting).\n"))
    assert 'href="/bulletins/2026-01/#hate-crime-2026-01-reporting"' in _entry_html(site, "hate-crime")
    run = site.build(capsys=capsys)
    assert run.code == 0, run.err
    assert 'href="#hate-crime-2026-01-reporting"' in site.page("bulletins/2026-01/index.html")


def test_link_to_a_missing_file_is_an_error_on_its_line_in_the_file(site, capsys):
    body = "## Reporting\n\nFirst paragraph.\n\nSee [old](../2025-01/hate-crime.md).\n"
    site.write(ENTRY, entry_file(body))
    run = site.build(capsys=capsys)
    assert run.code == 1
    line = body_line() + 4
    assert f"{ENTRY}:{line}: error: the link '../2025-01/hate-crime.md'" in run.err
    assert "content/bulletins/2025-01/hate-crime.md, which does not exist" in run.err
    assert "Traceback" not in run.err


def test_line_counts_front_matter_of_any_length(site, capsys):
    front = "rag: green\nrag_note: A note.\nsummary: One line.\neditor_notes:\n  - A note.\n"
    site.write(ENTRY, entry_file("[gone](gone.md)\n", front))
    run = site.build(capsys=capsys)
    assert f"{ENTRY}:{body_line(front)}: error: the link 'gone.md'" in run.err


def test_problem_on_a_later_line_of_a_paragraph_names_that_line(site, capsys):
    body = "## Reporting\n\nA paragraph that\nwraps onto [gone](gone.md) here\nand <u style='x'>on</u>.\n"
    site.write(ENTRY, entry_file(body))
    run = site.build(capsys=capsys)
    assert f"{ENTRY}:{body_line() + 3}: error: the link 'gone.md'" in run.err
    assert f"{ENTRY}:{body_line() + 4}: error: the HTML attribute 'style'" in run.err


def test_link_in_a_table_row_names_the_row_line():
    problems = render(Markdown("| A |\n|---|\n| x |\n| [y](gone.md) |\n",
                               Origin("content/pages/test.md", 10)),
                      lambda url, src: (None, "missing")).problems
    assert [(p.line, p.message) for p in problems] == [(13, "missing")]


@pytest.mark.parametrize("src", ["https://example.com/map.png", "//example.com/map.png",
                                 " HTTP://example.com/map.png"])
def test_an_image_from_another_host_is_an_error_on_public_pages(src):
    """The README promises no page requests anything from another host; such an image
    once went into the issue page, the theme page and the month's deck unremarked."""
    fragment = md(f"Intro.\n\n![Map]({src.strip()})\n\n<img src=\"{src}\" alt=\"Map\">\n",
                  line=5)
    assert [(p.line, p.message.split(";")[0]) for p in fragment.problems] == [
        (7, f"the image '{src.strip()}' is on another site, and public pages load nothing "
            "from another host (it would tell that site who reads the bulletin, and leave a "
            "gap in decks shown offline)"),
        (9, f"the image '{src}' is on another site, and public pages load nothing "
            "from another host (it would tell that site who reads the bulletin, and leave a "
            "gap in decks shown offline)")]


@pytest.mark.parametrize("src", ["ftp://example.org/map.png", "data:image/png;base64,iVBORw0KGgo=",
                                 "javascript:alert(1)", "file:///C:/maps/map.png",
                                 "mailto:csu@example.org"])
@pytest.mark.parametrize("path, example", [(ENTRY, "../../images/name.png"),
                                           ("content/pages/about.md", "../images/name.png")])
def test_an_image_whose_address_cannot_be_published_says_what_an_image_may_be(src, path, example):
    """'![Map](ftp://…)' was told the rules for a link (https://, mailto: or tel:), which
    an image cannot follow either; 'mailto:' and 'tel:' were published as an image's."""
    content, _ = read_content(FIXTURE)
    fragment = render(Markdown(f"Intro.\n\n![Map]({src})\n", Origin(path, 5)),
                      urls.resolver(content))
    assert [(p.line, p.message) for p in fragment.problems] == [
        (7, f"the image '{src}' cannot be published: an image must be a file of this site; "
            "save the image in content/images/ and write its address from this file's "
            f"folder, like '{example}'.")]
    assert "<img alt=\"Map\"" in fragment.html and src not in fragment.html


def test_an_image_on_this_site_or_a_link_to_another_is_fine():
    fragment = md("![Map](../../images/map.png) [a page](https://example.com/map.png)\n")
    assert fragment.problems == ()


def test_image_without_alt_text_is_an_error_on_public_pages_naming_the_line(site, capsys):
    # WCAG 1.1.1; decks keep it a warning, as issue 3 asks (tests/decks/test_deck_files.py)
    site.write("content/images/map.png", "not really a png")
    body = "## Reporting\n\n![](../../images/map.png)\n\n![A map of the county](../../images/map.png)\n"
    site.write(ENTRY, entry_file(body))
    run = site.build(capsys=capsys)
    assert run.code == 1
    errors = [l for l in run.err.splitlines() if ": error: " in l]
    assert errors == [f"{ENTRY}:{body_line() + 2}: error: the image '../../images/map.png' "
                      "has no text alternative; write what it shows between the square "
                      "brackets: ![what it shows](file.png). A public page describes every "
                      "image to readers who cannot see it (WCAG 1.1.1); leave out one that is "
                      "only decoration."]
    site.write(ENTRY, entry_file(body.replace("![]", "![The county's CSPs]")))
    assert site.build(capsys=capsys).code == 0
    page = site.page("bulletins/2026-01/index.html")
    assert 'src="../../images/map.png" alt="A map of the county"' in page


# --- Raw HTML --------------------------------------------------------------------------------

HOSTILE = [
    pytest.param("<script>alert(1)</script>", "<script", "<script> is not allowed", id="script"),
    pytest.param('<p onclick="steal()">Hi</p>', "onclick", "'onclick' runs a script", id="onclick"),
    pytest.param('<a href="javascript:alert(1)">x</a>', "javascript:", "cannot be published: a link must start",
                 id="javascript-href"),
    pytest.param('<iframe src="https://example.org/"></iframe>', "<iframe", "<iframe> is not allowed",
                 id="iframe"),
    pytest.param('<span style="color:red">red</span>', "style=", "attribute 'style' is not allowed",
                 id="style"),
]


@pytest.mark.parametrize("raw, forbidden, message", HOSTILE)
def test_disallowed_raw_html_block_is_an_error_on_its_line_and_never_output(raw, forbidden, message):
    fragment = md(f"# Title\n\nIntro.\n\n{raw}\n\nAfter.\n", path="content/pages/x.md", line=6)
    errors = [p for p in fragment.problems if p.severity is Severity.ERROR]
    assert len(errors) == 1, fragment.problems
    assert (errors[0].path, errors[0].line) == ("content/pages/x.md", 6 + 4)
    assert message in errors[0].message
    assert forbidden not in fragment.html.lower()
    assert "After." in fragment.html


@pytest.mark.parametrize("raw, forbidden, message", HOSTILE)
def test_disallowed_inline_html_is_an_error_on_its_line_and_never_output(raw, forbidden, message):
    fragment = md(f"Intro.\n\nSome text\nthen {raw} inline.\n", path="content/pages/x.md", line=6)
    errors = [p for p in fragment.problems if p.is_error]
    assert [(p.line, message in p.message) for p in errors] == [(6 + 3, True)], fragment.problems
    assert forbidden not in fragment.html.lower()


def test_disallowed_html_fails_the_build_with_file_and_line(site, capsys):
    site.write(ENTRY, entry_file("## Reporting\n\n<script>alert(1)</script>\n"))
    run = site.build(capsys=capsys)
    assert run.code == 1
    assert f"{ENTRY}:{body_line() + 2}: error: <script> is not allowed" in run.err


def test_markdown_link_with_a_script_scheme_never_becomes_a_link():
    """Even a resolver that accepts everything cannot get a script URL past nh3."""
    fragment = md("[x](javascript:alert(1)) and [y](JAVASCRIPT:alert(2))\n")
    assert "href" not in fragment.html and "javascript" not in fragment.html.lower()


def test_markdown_link_with_a_script_scheme_is_an_error_naming_the_line(site, capsys):
    site.write(ENTRY, entry_file("## Reporting\n\nSee [this](javascript:alert(1)).\n"))
    run = site.build(capsys=capsys)
    assert run.code == 1
    assert f"{ENTRY}:6: error: the link 'javascript:alert(1)' cannot be published: a link must start with https:" \
        in run.err


def test_markdown_link_with_another_scheme_is_an_error_naming_the_line(site, capsys):
    site.write(ENTRY, entry_file("## Reporting\n\nOpen [the file](ftp://example.org/report.docx).\n"))
    run = site.build(capsys=capsys)
    assert run.code == 1
    assert (f"{ENTRY}:{body_line() + 2}: error: the link 'ftp://example.org/report.docx' cannot be "
            "published: a link must start with https://, http://, mailto: or tel:, or go to a "
            "page of this site.") in run.err


def test_allowed_raw_html_passes_unchanged():
    text = 'An <u>underlined</u> word and <abbr title="anti-social behaviour">ASB</abbr>.\n'
    fragment = md(text)
    assert fragment.problems == ()
    assert ('<p class="govuk-body">An <u>underlined</u> word and '
            '<abbr title="anti-social behaviour">ASB</abbr>.</p>') in fragment.html


def test_html_comments_are_editor_notes_dropped_silently():
    fragment = md("Text.\n\n<!-- check this figure with Alex -->\n")
    assert fragment.problems == ()
    assert "Alex" not in fragment.html and "<!--" not in fragment.html


# --- nh3, the final guard --------------------------------------------------------------------

@pytest.mark.parametrize("hostile, forbidden", [
    ("<img src=x onerror=alert(1)>", ["onerror", "alert"]),
    ('<a href="JaVaScRiPt:alert(1)">click</a>', ["javascript", "alert"]),
    ("<svg><script>alert(1)</script></svg>", ["<svg", "<script", "alert"]),
    ('<a href="java&#x09;script:alert(1)">tab</a>', ["script:", "alert"]),
    ('<a href="data:text/html,<script>alert(1)</script>">data</a>', ["data:", "alert"]),
    ("<math><mi>x</mi></math><style>body{display:none}</style>", ["<math", "<style", "display"]),
    ('<p style="position:fixed" class="govuk-body">x</p>', ["style", "position"]),
    ("<form action=/steal><input name=pw></form>", ["<form", "<input"]),
])
def test_nh3_strips_hostile_html_the_checks_might_miss(hostile, forbidden):
    cleaned = safety.clean(hostile).lower()
    for bad in forbidden:
        assert bad not in cleaned, cleaned


def test_nh3_keeps_what_the_allow_list_allows():
    kept = ('<p class="govuk-body"><a href="https://example.org/" class="govuk-link">x</a> '
            '<abbr title="t">T</abbr> <img src="a.png" alt="A"></p>')
    assert safety.clean(kept) == kept


def test_everything_rendered_with_raw_html_goes_through_nh3(monkeypatch):
    """Even if the raw-HTML check let something through, the cleaner removes it."""
    monkeypatch.setattr(safety, "check_raw_html", lambda fragment: [])
    fragment = md('<img src=x onerror=alert(1)>\n\n<p>ok <script>alert(2)</script></p>\n')
    assert fragment.problems == ()
    assert "onerror" not in fragment.html and "<script" not in fragment.html
    assert '<img src="x">' in fragment.html


def test_cleaning_is_spared_only_for_what_the_fast_writer_wrote_as_cleaned(monkeypatch):
    """nh3 was a tenth of a clean build; it still reads raw HTML, odd addresses and
    whatever markdown-it-py renders."""
    cleaned = []
    monkeypatch.setattr(safety, "clean", lambda html: cleaned.append(html) or html)
    md('Plain *text*, "quoted", with [a link](https://example.org/) and ![a chart](c.png).\n')
    assert cleaned == []
    for text in ["A <u>word</u>.\n", "Text\n\n<!-- note -->\n", "[a](https://1.2.3.999/)\n",
                 "```\ncode\n```\n"]:
        md(text)
        assert len(cleaned) == 1, text
        cleaned.clear()


def test_a_deck_s_text_is_always_cleaned():
    from dataclasses import replace

    from builder.decks import slides
    cleaned = []
    deck = replace(slides.DECK, clean=lambda html: cleaned.append(html) or html)
    render(Markdown("Plain *text*.\n", Origin("deck.md", 1)), _keep, flavour=deck)
    assert len(cleaned) == 1 and not deck.writes_as_cleaned


def test_a_fragment_pickles_without_its_split_html():
    """`parts()` keeps its split on the fragment; the disk cache must not store it a
    second time, nor a cache key depend on whether a page has shown the fragment."""
    import pickle
    from builder.cache import spelled
    shown, unseen = md("Before\n\n[table: patrols]\n\nAfter\n"), md(
        "Before\n\n[table: patrols]\n\nAfter\n")
    assert shown.parts()[1] == ("patrols",)
    assert spelled(shown) == spelled(unseen)
    again = pickle.loads(pickle.dumps(shown))
    assert again == shown and again.parts() == shown.parts()


def test_only_a_fragment_nh3_did_not_touch_keeps_the_writer_s_outline():
    """Monthly decks cut an entry's HTML at the outline's offsets: after nh3, or from
    markdown-it-py, there are none to trust, and the deck scans the HTML instead."""
    assert md("## Section\n\n- a point\n\nText.\n", shift=1).outline
    for text in ["## Section\n\nA <u>word</u>.\n", "## Section\n\n[a](https://1.2.3.999/)\n",
                 "## Section\n\n```\ncode\n```\n"]:
        assert md(text, shift=1).outline is None, text


def test_a_paragraph_indented_as_code_is_a_warning_but_a_list_item_s_or_a_fence_is_not():
    """An editor's trial: a paragraph pasted with four spaces or a tab before it was
    published as code, small fixed-width type cut off on a phone, with no word said."""
    text = ("Opened.\n\n    The needs assessment was published.\n\n- An item\n\n"
            "    its second paragraph.\n\n```\nfenced\n```\n\n\tA tab.\n")
    found = [(p.line, p.col, p.severity) for p in md(text, line=5).problems]
    assert found == [(7, 1, Severity.WARNING), (17, 1, Severity.WARNING)]
    assert "take the spaces or the tab off" in md(text).problems[0].message
