"""Decks in Chromium: the same slides as reveal.js's markdown plugin, offline, keyboard,
speaker view, single file, PDF and accessibility."""
from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from builder import cli
from builder.decks.pdf import count_pages, print_pdf, print_url

from .decksupport import AXE, DECKS, SEED, WCAG, copy_deck, dumps, reference_page, slide_tree

pytestmark = pytest.mark.browser
SEED_SLUG = "community-safety-and-performance"
PRESENT_BACKGROUND = """Array.from(document.querySelectorAll(
    '.slide-background.present .slide-background-content'))
    .map(b => getComputedStyle(b).backgroundImage).join(' ')"""
PARITY = [SEED, DECKS / "custom-separators.md", DECKS / "notes-variants.md",
          DECKS / "attributes.md", DECKS / "github-extras.md"]


def build(deck: Path, out: Path, *extra: str) -> Path:
    assert cli.main(["deck", str(deck), "--out", str(out), *extra]) == 0
    return out


def ready(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function("window.Reveal && Reveal.isReady()")


@pytest.fixture(scope="module")
def served(shipped_site):
    """The built site over http from a sub-path: http://127.0.0.1:PORT/site/..."""
    handler = functools.partial(_Quiet, directory=str(shipped_site.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/{shipped_site.name}"
    server.shutdown()
    server.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


# --- the same slides, stacks and notes as reveal.js's own markdown plugin ---

@pytest.mark.parametrize("crlf", [False, True], ids=["lf", "crlf"])
@pytest.mark.parametrize("deck", PARITY, ids=lambda p: p.stem)
def test_slides_stacks_and_notes_match_reveal_js_markdown_plugin(page, tmp_path, deck, crlf):
    copied = copy_deck(deck, tmp_path / "src", crlf=crlf)
    expected = slide_tree(page, reference_page(copied, tmp_path).as_uri())
    ours = slide_tree(page, (build(copied, tmp_path / "out") / "index.html").as_uri())
    assert ours == expected, f"reveal.js:\n{dumps(expected)}\nours:\n{dumps(ours)}"


def test_the_one_difference_a_separator_in_a_code_fence_does_not_split(page, tmp_path):
    copied = copy_deck(DECKS / "fences.md", tmp_path / "src")
    expected = slide_tree(page, reference_page(copied, tmp_path).as_uri())
    ours = slide_tree(page, (build(copied, tmp_path / "out") / "index.html").as_uri())
    assert len(expected) == len(ours) + 1          # reveal.js cuts the code sample in two
    assert expected[2:] == ours[1:]                 # and agrees on everything after it
    code = page.text_content(".reveal .slides > section:first-child pre")
    assert "---" in code and "Note: this is code, not notes" in code
    built = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert 'data-line-numbers="1|2"' in built       # reveal.js's line highlights, kept
    assert page.evaluate("typeof RevealHighlight") == "function"  # loaded: the deck has code


# Struck text, links and task boxes on each slide and in its notes, as the reader sees them.
EXTRAS_JS = """() => Reveal.getSlides().map((s) => {
  const shown = (el) => el.textContent.replace(/\\s+/g, ' ').trim();
  const of = (sel) => Array.from(s.querySelectorAll(sel));
  return {struck: of('del').map(shown),
          links: of('a').map((a) => [a.getAttribute('href'), shown(a)]),
          boxes: of('input').map((i) => [i.type, i.disabled, i.checked, i.className,
                                         shown(i.closest('li'))])};
})"""


def test_struck_text_bare_addresses_and_task_lists_are_what_reveal_md_shows(page, tmp_path):
    """reveal-md showed ~~these~~, https://these and - [ ] these as GitHub does; decks
    brought to `bulletin deck` showed them as written."""
    copied = copy_deck(DECKS / "github-extras.md", tmp_path / "src")
    ready(page, reference_page(copied, tmp_path).as_uri())
    expected = page.evaluate(EXTRAS_JS)
    ready(page, (build(copied, tmp_path / "out") / "index.html").as_uri())
    ours = page.evaluate(EXTRAS_JS)
    assert ours == expected, f"reveal.js:\n{dumps(expected)}\nours:\n{dumps(ours)}"
    assert sum(len(slide["boxes"]) for slide in ours) == 8
    named = page.evaluate("""Array.from(document.querySelectorAll('.reveal input'))
        .map((i) => i.labels.length ? i.labels[0].textContent.trim() : '')""")
    assert named[:2] == ["Draft the plan", "Consult partners"] and all(named), named


def test_a_task_lists_boxes_are_as_large_and_as_dark_as_their_words(page, tmp_path):
    """The browser's own box was 13 px and grey beside 40 px words: ticked and not could
    not be told apart on a projector (a councillor's officer, from a fresh clone)."""
    ready(page, (build(copy_deck(DECKS / "github-extras.md", tmp_path / "src"),
                       tmp_path / "out") / "index.html").as_uri())
    boxes = page.evaluate("""[...document.querySelectorAll('.reveal input[type=checkbox]')]
        .map((i) => { const words = getComputedStyle(i.closest('li'));
                      const box = getComputedStyle(i);
                      return [parseFloat(box.height) / parseFloat(words.fontSize),
                              box.borderTopColor === words.color]; })""")
    assert boxes and all(size >= 0.7 and same for size, same in boxes), boxes


def test_the_seed_deck_has_its_slides_notes_and_backgrounds(page, shipped_site):
    ready(page, (shipped_site / "decks" / SEED_SLUG / "index.html").as_uri())
    assert page.evaluate("Reveal.getHorizontalSlides().length") == 8
    assert page.evaluate("Reveal.getTotalSlides()") == 17
    assert page.evaluate("Reveal.getSlides().filter(s => s.querySelector('aside.notes')).length") == 8
    for h in (0, 5, 6):  # reveal.js loads a background when its slide comes near
        page.evaluate(f"Reveal.slide({h}, 0)")
        assert "-unsplash.jpg" in page.evaluate(PRESENT_BACKGROUND)


def test_a_monthly_decks_chart_labels_are_large_enough_to_read_across_a_room(page, served):
    """They were 11 px of a 720 px slide: the page's chart, shrunk to fit."""
    ready(page, f"{served}/decks/2026-02/index.html")
    where = page.evaluate("() => { for (const s of Reveal.getSlides()) { if (s.querySelector("
                          "'.deck-chart svg')) { const i = Reveal.getIndices(s); return [i.h, i.v]; } }"
                          " return null; }")
    assert where is not None, "the 2026-02 deck has no chart slide"
    page.evaluate(f"Reveal.slide({where[0]}, {where[1]})")
    page.wait_for_timeout(300)
    sizes = page.evaluate("() => [...Reveal.getCurrentSlide().querySelectorAll('.deck-chart svg text')]"
                          ".map(t => t.getBoundingClientRect().height)")
    scale = page.evaluate("Reveal.getScale()")
    assert sizes and min(sizes) / scale >= 24, (sizes, scale)   # in the slide's own 720 px


def _first_slide_with(page, selector: str) -> None:
    where = page.evaluate("(sel) => { for (const s of Reveal.getSlides()) { if (s.querySelector("
                          "sel)) { const i = Reveal.getIndices(s); return [i.h, i.v]; } } return null; }",
                          selector)
    assert where is not None, f"no slide has {selector}"
    page.evaluate(f"Reveal.slide({where[0]}, {where[1]})")
    page.wait_for_timeout(300)


def test_a_chart_slide_s_chart_fits_inside_its_slide(page, served):
    """Its padding came on top of its full width: 976 px of a 960 px slide, and a label
    sat under the navigation arrows at 1024 x 768 (a reader's trial)."""
    page.set_viewport_size({"width": 1024, "height": 768})
    ready(page, f"{served}/decks/2026-02/index.html")
    _first_slide_with(page, ".deck-chart svg")
    chart, slide = page.evaluate("() => { const s = Reveal.getCurrentSlide(); return ["
                                 "s.querySelector('.deck-chart svg').getBoundingClientRect().width,"
                                 " s.getBoundingClientRect().width]; }")
    assert chart <= slide + 0.5, (chart, slide)


def test_a_chart_on_a_1024_projector_stays_clear_of_the_navigation_arrows(page, served):
    """The longest bar's figure sat under the arrows (a councillor's trial)."""
    page.set_viewport_size({"width": 1024, "height": 768})
    ready(page, f"{served}/decks/2026-02/index.html")
    _first_slide_with(page, ".deck-chart svg")
    crossed = page.evaluate("""() => {
        const arrows = [...document.querySelectorAll('.reveal .controls button')]
            .map(b => b.getBoundingClientRect()).filter(r => r.width);
        const marks = [...Reveal.getCurrentSlide().querySelectorAll('.deck-chart svg text')]
            .map(t => t.getBoundingClientRect());
        return marks.filter(m => arrows.some(a => m.right > a.left && m.left < a.right
                                                 && m.bottom > a.top && m.top < a.bottom)).length;
    }""")
    assert crossed == 0


def test_in_forced_colours_the_deck_s_arrows_are_drawn_in_the_system_s_colours(browser, served):
    """reveal.js draws them as backgrounds, which forced colours paint over: they were black
    on black (a councillor's trial)."""
    context = browser.new_context(forced_colors="active", color_scheme="dark")
    page = context.new_page()
    ready(page, f"{served}/decks/2026-02/index.html")
    arrow, canvas = page.evaluate("""() => [getComputedStyle(document.querySelector(
        '.reveal .controls .navigate-right .controls-arrow'), '::before').backgroundColor,
        getComputedStyle(document.body).backgroundColor]""")
    assert arrow != canvas, (arrow, canvas)
    context.close()


def test_a_table_whose_total_has_a_note_says_so_on_the_slide_and_gives_it_in_the_notes(
        page, served):
    """The issue page gave the table's note on its total; the deck left it off, and a
    councillor would have presented a total the rows do not add up to."""
    ready(page, f"{served}/decks/2026-02/index.html")
    _first_slide_with(page, ".deck-table tfoot")
    said = page.evaluate("() => { const s = Reveal.getCurrentSlide(); return ["
                         "s.querySelector('.deck-table-note')?.textContent || '',"
                         " s.querySelector('aside.notes')?.textContent || '']; }")
    assert said[0] == "* The bulletin has a note on this total.", said
    note = "The Total row is shown as published. It is higher than the sum of the rows above it"
    assert f"Note on the total: {note}" in said[1], said


def test_on_a_phone_the_deck_s_scroll_view_scrolls_from_the_keyboard(browser, shipped_site):
    """axe calls reveal.js's scroll view (below 435 px) a scrollable region nothing in it
    can focus; the keys scroll it all the same, which is what WCAG 2.1.1 asks."""
    page = browser.new_page(viewport={"width": 320, "height": 640})
    ready(page, (shipped_site / "decks" / SEED_SLUG / "index.html").as_uri())
    assert page.evaluate("Reveal.isScrollView()")
    for key in ("ArrowDown", "Space", "PageDown"):
        before = page.evaluate("document.body.scrollTop")
        page.keyboard.press(key)
        page.wait_for_function(f"document.body.scrollTop > {before}")
    page.close()


# --- offline, keyboard, speaker view ---

def test_a_deck_loads_with_no_request_to_another_host(page, served):
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    for slug in (SEED_SLUG, "2026-02"):
        ready(page, f"{served}/decks/{slug}/index.html")
        page.keyboard.press("ArrowRight")
    hosts = {urlsplit(url).netloc for url in requested}
    assert hosts == {urlsplit(served).netloc}, requested
    assert not [u for u in requested if "/decks/" not in u]


def test_arrow_keys_move_between_slides_and_the_address_counts_from_one(page, shipped_site):
    ready(page, (shipped_site / "decks" / SEED_SLUG / "index.html").as_uri())
    page.keyboard.press("ArrowRight")
    assert page.evaluate("Reveal.getIndices()")["h"] == 1
    page.keyboard.press("ArrowDown")
    assert page.evaluate("Reveal.getIndices()")["v"] == 1
    page.wait_for_function("location.hash === '#/2/2'")
    page.keyboard.press("ArrowLeft")
    assert page.evaluate("Reveal.getIndices()")["h"] == 0


def test_in_a_month_s_deck_every_next_key_goes_to_the_next_slide_skipping_none(
        page, shipped_site):
    """A month's themes are stacks, and → went theme to theme, past the sub-items, tables
    and charts below each (a council officer's trial: the README said → is the next
    slide). → and ↓, Space and Page Down (what a presenter's remote sends) each go to the
    next slide, and ← ↑ Page Up back, through every slide in order."""
    page.set_viewport_size({"width": 1024, "height": 768})
    ready(page, (shipped_site / "decks" / "2026-02" / "index.html").as_uri())
    total = page.evaluate("Reveal.getTotalSlides()")
    assert total > page.evaluate("Reveal.getHorizontalSlides().length")   # it has stacks
    forward, back = ("ArrowRight", "ArrowDown", "Space", "PageDown"), ("ArrowLeft", "ArrowUp",
                                                                      "PageUp")
    for step in range(1, total):
        page.keyboard.press(forward[step % len(forward)])
        assert page.evaluate("Reveal.getSlidePastCount()") == step, forward[step % len(forward)]
    for step in range(total - 2, total - 8, -1):
        page.keyboard.press(back[step % len(back)])
        assert page.evaluate("Reveal.getSlidePastCount()") == step, back[step % len(back)]


def test_a_hand_written_deck_keeps_reveal_md_s_arrows_unless_its_options_say_linear(
        page, tmp_path):
    """reveal-md's decks move section to section with → and within one with ↓; a deck
    that wants every key to go slide by slide says navigationMode: linear."""
    body = "## One\n\n----\n\n## One, below\n\n---\n\n## Two\n"
    deck = tmp_path / "talk.md"
    for options, after_right in (("", (1, 0)), ("revealOptions:\n  navigationMode: linear\n",
                                                (0, 1))):
        deck.write_text(f"---\n{options}---\n{body}" if options else body, "utf-8")
        ready(page, (build(deck, tmp_path / "out") / "index.html").as_uri())
        page.keyboard.press("ArrowRight")
        indices = page.evaluate("Reveal.getIndices()")
        assert (indices["h"], indices["v"]) == after_right, options
        # Space, Page Down and Page Up go slide by slide either way (the README's key table)
        page.evaluate("Reveal.slide(0, 0)")
        for key, expected in (("Space", (0, 1)), ("PageDown", (1, 0)), ("PageUp", (0, 1))):
            page.keyboard.press(key)
            indices = page.evaluate("Reveal.getIndices()")
            assert (indices["h"], indices["v"]) == expected, (options, key)


@pytest.mark.parametrize("over", ["file", "http"])
def test_the_speaker_view_shows_the_notes(page, shipped_site, served, over):
    base = (shipped_site / "decks" / SEED_SLUG / "index.html").as_uri() if over == "file" \
        else f"{served}/decks/{SEED_SLUG}/index.html"
    ready(page, base + "#/1/2")
    with page.expect_popup() as opened:
        page.keyboard.press("s")
    speaker = opened.value
    speaker.wait_for_function("""() => {
        const v = document.querySelector('.speaker-controls-notes .value');
        return v && v.textContent.includes('Thank you for inviting me'); }""", timeout=15000)


@pytest.mark.parametrize("over", ["file", "http"])
def test_opening_the_speaker_view_leaves_the_deck_on_its_slide(page, shipped_site, served, over):
    """reveal.js's speaker view shows the deck in frames it addresses from 0 (#/3/0);
    read from 1, as the decks' own addresses are, each frame fell a section behind and
    took the projected deck back with it."""
    base = (shipped_site / "decks" / "2026-02" / "index.html").as_uri() if over == "file" \
        else f"{served}/decks/2026-02/index.html"
    ready(page, base + "#/4/2")
    before = page.evaluate("Reveal.getIndices()")
    assert (before["h"], before["v"]) == (3, 1)
    with page.expect_popup() as opened:
        page.keyboard.press("s")
    speaker = opened.value
    speaker.wait_for_function("""() => {
        const v = document.querySelector('.speaker-controls-notes .value');
        return v && v.textContent.trim().length > 0; }""", timeout=15000)
    page.wait_for_timeout(1500)   # the frames load, and would have sent the deck back
    assert page.evaluate("Reveal.getIndices()") == before
    assert page.evaluate("location.hash") == "#/4/2"


def test_f_pressed_in_the_speaker_view_leaves_the_projector_s_window_as_it_was(page,
                                                                             shipped_site):
    """The README says to press F in the projector's window: the speaker view hands its
    keys to its own preview of the slide, and a browser gives full screen only to a key
    pressed in the window itself, so F there never reached the projector."""
    ready(page, (shipped_site / "decks" / "2026-02" / "index.html").as_uri())
    with page.expect_popup() as opened:
        page.keyboard.press("s")
    speaker = opened.value
    speaker.wait_for_function("document.querySelector('#current-slide iframe') !== null")
    speaker.keyboard.press("f")
    page.wait_for_timeout(500)
    assert page.evaluate("document.fullscreenElement") is None
    page.bring_to_front()
    page.keyboard.press("f")
    page.wait_for_function("document.fullscreenElement !== null")
    speaker.close()


def test_transitions_are_off_for_people_who_prefer_less_motion(browser, shipped_site):
    url = (shipped_site / "decks" / SEED_SLUG / "index.html").as_uri()
    for motion, transition in (("reduce", "none"), ("no-preference", "fade")):
        context = browser.new_context(reduced_motion=motion)
        page = context.new_page()
        ready(page, url)
        assert page.evaluate("Reveal.getConfig().transition") == transition
        context.close()


# --- single file and PDF ---

def test_the_single_file_presents_with_the_network_off(browser, tmp_path):
    copied = copy_deck(SEED, tmp_path / "src")
    single = build(copied, tmp_path / "out", "--single-file") / f"{copied.stem}.html"
    context = browser.new_context(offline=True)
    requested: list[str] = []
    context.route("**/*", lambda route: route.continue_() if route.request.url == single.as_uri()
                  else route.abort())
    page = context.new_page()
    page.on("request", lambda r: requested.append(r.url))
    ready(page, single.as_uri())
    assert page.evaluate("Reveal.getTotalSlides()") == 17
    page.keyboard.press("ArrowRight")
    page.wait_for_function("location.hash === '#/2'")
    page.evaluate("Reveal.slide(6, 0)")
    assert 'url("data:image/jpeg;base64,' in page.evaluate(PRESENT_BACKGROUND)
    assert [u for u in requested if not u.startswith("data:")] == [single.as_uri()]
    context.close()


def test_the_handouts_notes_pages_are_dark_text_on_white_whatever_the_theme(page, tmp_path):
    """The seed deck's night theme printed its notes white on black."""
    folder = build(copy_deck(SEED, tmp_path / "src"), tmp_path / "out")
    page.emulate_media(media="print")
    page.goto(print_url(folder / "index.html", handout=True))
    page.wait_for_function("document.querySelectorAll('.speaker-notes-pdf').length > 0")
    colours = page.evaluate("""[...document.querySelectorAll('.speaker-notes-pdf')].map(n => {
        const heading = n.querySelector('h1, h2, h3, h4') || n;
        return [getComputedStyle(n).backgroundColor, getComputedStyle(n).color,
                getComputedStyle(heading).color];})""")
    assert colours and all(c == ["rgb(255, 255, 255)", "rgb(11, 12, 12)", "rgb(11, 12, 12)"]
                           for c in colours), colours


def test_the_pdf_has_one_page_per_slide_and_the_handout_adds_notes_pages(tmp_path):
    folder = build(copy_deck(SEED, tmp_path / "src"), tmp_path / "out")
    assert print_pdf(folder / "index.html", tmp_path / "deck.pdf") == 17
    assert count_pages((tmp_path / "deck.pdf").read_bytes()) == 17
    handout = print_pdf(folder / "index.html", tmp_path / "handout.pdf", handout=True)
    assert handout >= 17 + 8  # every slide, and its notes on pages of their own


def pdf_title(pdf: bytes) -> str:
    """The document's title, as Chromium writes it: in brackets, or UTF-16 in hex."""
    hexed = re.search(rb"/Title\s*<FEFF([0-9A-F]+)>", pdf)
    if hexed:
        return bytes.fromhex(hexed.group(1).decode()).decode("utf-16-be")
    literal = re.search(rb"/Title\s*\(((?:[^()\\]|\\.)*)\)", pdf)
    return re.sub(rb"\\(.)", rb"\1", literal.group(1)).decode("latin-1")


def test_the_handout_s_pdf_is_titled_as_the_handout(tmp_path):
    """A trial: the handout was titled as the slides are, and the two could not be told
    apart in a list of files or a reader's title bar."""
    folder = build(copy_deck(SEED, tmp_path / "src"), tmp_path / "out")
    print_pdf(folder / "index.html", tmp_path / "deck.pdf")
    print_pdf(folder / "index.html", tmp_path / "handout.pdf", handout=True)
    slides = pdf_title((tmp_path / "deck.pdf").read_bytes())
    assert pdf_title((tmp_path / "handout.pdf").read_bytes()) == f"{slides} (handout)"


def test_a_site_s_handout_says_handout_where_its_slides_say_slides(shipped_site, tmp_path):
    index = shipped_site / "decks" / "2026-02" / "index.html"
    print_pdf(index, tmp_path / "deck.pdf")
    print_pdf(index, tmp_path / "handout.pdf", handout=True)
    slides = pdf_title((tmp_path / "deck.pdf").read_bytes())
    assert " (slides) – " in slides
    assert pdf_title((tmp_path / "handout.pdf").read_bytes()) == slides.replace(
        " (slides) – ", " (handout) – ")


def test_every_slide_s_headings_lists_and_tables_are_tagged_in_the_pdf(tmp_path):
    """A trial: reveal.js left all but the first slides hidden to assistive technology,
    even laid out for print, and the PDF's tags had headings for two slides of fifteen."""
    folder = build(copy_deck(SEED, tmp_path / "src"), tmp_path / "out")
    html = (folder / "index.html").read_text("utf-8")
    slides = re.sub(r"<aside class=\"notes\">.*?</aside>", "", html, flags=re.S)
    print_pdf(folder / "index.html", tmp_path / "deck.pdf")
    tags = re.findall(rb"/S\s*/(H1|H2|L)\b", (tmp_path / "deck.pdf").read_bytes())
    shown = slides.replace('<h2 class="deck-sr-only">', "")   # Chromium tags what it prints
    assert tags.count(b"H2") == shown.count("<h2") >= 7
    assert tags.count(b"H1") == shown.count("<h1") and tags.count(b"L") == shown.count("<ul")


@pytest.mark.parametrize("handout", [True, False], ids=["handout", "slides"])
def test_a_dark_slide_s_pdf_sheet_ends_where_the_slide_does(page, tmp_path, handout):
    """Chromium printed 998 px of slide (748.5 pt) on sheets 749.04 pt across: the 0.7 pt
    past the slide, which nothing paints, ran white down the right of every dark slide."""
    deck = tmp_path / "dark.md"
    deck.write_text("---\ntheme: night\n---\n## One\n\nNote: said\n\n---\n\n## Two\n", "utf-8")
    folder = build(deck, tmp_path / "out")
    page.emulate_media(media="print")
    page.goto(print_url(folder / "index.html", handout=handout))
    page.wait_for_function("document.querySelectorAll('.pdf-page').length > 0")
    laid = page.evaluate("""[...document.querySelectorAll('.reveal .pdf-page')].map(p => [
        getComputedStyle(p).backgroundColor, p.offsetWidth, p.offsetHeight + 1])""")
    assert laid[0][0] == "rgb(17, 17, 17)" and len({tuple(p[1:]) for p in laid}) == 1, laid
    print_pdf(folder / "index.html", tmp_path / "dark.pdf", handout=handout)
    sheets = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)",
                        (tmp_path / "dark.pdf").read_bytes())
    width, height = laid[0][1] * 0.75, laid[0][2] * 0.75   # in points
    assert len(sheets) == len(laid) + handout and all(   # the handout: a page of notes
        width - 1 < float(w) <= width and height - 1 < float(h) <= height for w, h in sheets), sheets


def test_a_hand_written_table_s_aligned_columns_are_aligned(page, tmp_path):
    """'| ---: |' came out left-aligned, where reveal-md right-aligns it (a councillor's
    trial)."""
    deck = tmp_path / "table.md"
    deck.write_text("## Figures\n\n| Area | Jan | Note |\n| --- | ---: | :---: |\n"
                    "| North | 1,200 | up |\n", "utf-8")
    ready(page, (build(deck, tmp_path / "out") / "index.html").as_uri())
    aligned = page.evaluate("() => [...document.querySelectorAll('.reveal tbody td')]"
                            ".map(td => getComputedStyle(td).textAlign)")
    assert aligned[1:] == ["right", "center"], aligned


def test_a_handout_whose_last_slide_has_notes_ends_with_them_not_a_blank_page(tmp_path):
    """Two slides with notes made five pages, the last one blank (a councillor's trial)."""
    deck = tmp_path / "two.md"
    deck.write_text("## One\n\nText\n\nNote: first notes\n\n---\n\n## Two\n\nMore\n\n"
                    "Note: second notes\n", "utf-8")
    folder = build(deck, tmp_path / "out")
    assert print_pdf(folder / "index.html", tmp_path / "handout.pdf", handout=True) == 4


# --- accessibility ---

def axe_violations(page) -> list:
    page.add_script_tag(path=str(AXE))
    return page.evaluate("""async (tags) => (await axe.run(document,
        {runOnly: {type: 'tag', values: tags}})).violations.map(v => ({id: v.id,
        nodes: v.nodes.map(n => n.target.join(' '))}))""", WCAG)


@pytest.mark.parametrize("slug, slides", [(SEED_SLUG, ["1/1", "1/2", "2/2", "3/2", "6", "8"]),
                                          ("2026-02", ["1", "2", "4/1", "4/3", "4/4", "4/5",
                                                       "4/6", "6", "7"]),   # 4/4-5: a table
                                          ("2025-05", ["1", "3/2", "6"])])
def test_axe_finds_no_wcag_2_2_a_or_aa_violations(browser, shipped_site, slug, slides):
    # Without transitions, so axe sees each slide as it rests, not half faded in.
    page = browser.new_context(reduced_motion="reduce").new_page()
    url = (shipped_site / "decks" / slug / "index.html").as_uri()
    ready(page, url)
    assert page.get_attribute("html", "lang") == "en-GB"
    for number in slides:
        h, _, v = number.partition("/")
        page.evaluate(f"Reveal.slide({int(h) - 1}, {int(v or 1) - 1})")
        assert axe_violations(page) == [], number
    no_heading = page.evaluate("""Reveal.getSlides().filter(s =>
        !s.querySelector('h1,h2,h3,h4,h5,h6')).length""")
    assert no_heading == 0
    page.context.close()


def test_axe_finds_no_violation_in_struck_text_links_or_task_lists(browser, tmp_path):
    """reveal-md's task boxes have no name (axe: 'label', WCAG 4.1.2): ours are labelled
    by their items' words."""
    page = browser.new_context(reduced_motion="reduce").new_page()
    folder = build(copy_deck(DECKS / "github-extras.md", tmp_path / "src"), tmp_path / "out")
    ready(page, (folder / "index.html").as_uri())
    for h, v in ((0, 0), (1, 0), (1, 1), (1, 2)):
        page.evaluate(f"Reveal.slide({h}, {v})")
        assert axe_violations(page) == [], (h, v)
    page.context.close()


def test_reduced_motion_is_honoured_in_generated_decks_too(browser, shipped_site):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    ready(page, (shipped_site / "decks" / "2026-02" / "index.html").as_uri())
    assert json.loads(json.dumps(page.evaluate("Reveal.getConfig().transition"))) == "none"
    context.close()


def test_a_footnote_stays_on_its_slide_at_the_foot_and_in_the_pdf(page, tmp_path):
    """A footnote was a <section> reveal.js read as a vertical slide: the heading pushed
    up, the footnote a slide of its own, an extra PDF page (a reveal-md user's trial)."""
    deck = tmp_path / "talk.md"
    deck.write_text("## Slide A\n\nClaim[^1]\n\n[^1]: Source: ONS 2025.\n\n---\n\n## Slide B\n",
                    "utf-8")
    folder = build(deck, tmp_path / "out")
    page.set_viewport_size({"width": 1024, "height": 768})
    ready(page, (folder / "index.html").as_uri())
    assert page.evaluate("Reveal.getTotalSlides()") == 2
    assert page.evaluate("Reveal.getHorizontalSlides()[0].querySelectorAll('section').length") == 0
    boxes = page.evaluate("""() => {
        const slide = Reveal.getCurrentSlide(), box = (e) => e.getBoundingClientRect();
        const claim = box(slide.querySelector('p')), note = box(slide.querySelector('.footnotes'));
        const frame = box(document.querySelector('.reveal .slides'));
        return [claim.bottom <= note.top, note.bottom <= frame.bottom,
                parseFloat(getComputedStyle(slide.querySelector('.footnotes li')).fontSize)
                < parseFloat(getComputedStyle(slide.querySelector('p')).fontSize)];}""")
    assert boxes == [True, True, True], boxes
    assert print_pdf(folder / "index.html", tmp_path / "talk.pdf") == 2


@pytest.mark.parametrize("theme", ["black", "white"])
def test_the_too_tall_warning_comes_exactly_when_chromium_lays_the_slide_past_its_foot(
        page, tmp_path, capsys, theme):
    """A table row was counted as a line where Chromium lays it out a third taller: ten rows
    under a heading were cut off with no warning (a reveal-md user's trial). Tables,
    paragraphs and points around the limit, in the default theme and the monthly decks';
    and side by side in columns (a flex row, reveal.js's r-hstack, a grid), where a table
    beside a chart was called 16 lines and filled three quarters of the slide (a council
    officer's trial)."""
    rows = lambda n: "| Area | Count |\n| --- | ---: |\n" + "".join(  # noqa: E731
        f"| Row {k} | {k * 100} |\n" for k in range(n))
    points = lambda n: "".join(f"- Point {k}\n" for k in range(n))  # noqa: E731
    paragraphs = lambda n: "".join(f"Paragraph {k}\n\n" for k in range(n))  # noqa: E731

    def columns(opening: str, *cells: str) -> str:
        return opening + "\n" + "".join(f"<div>\n\n{cell}\n</div>\n" for cell in cells) + "</div>\n"

    shapes = {"rows": rows, "paragraphs": paragraphs, "points": points,
              "beside": lambda n: columns('<div style="display: flex; gap: 1em">', rows(n),
                                          "![A chart](chart.svg)\n\nSource: the county"),
              "stacked": lambda n: columns('<div class="r-hstack">', points(n), points(n - 2)),
              "grid": lambda n: columns('<div style="display: grid; grid-template-columns: '
                                        'repeat(2, 1fr)">', paragraphs(n), points(n - 1))}
    sizes = [(shape, n) for shape in shapes for n in range(6, 13)]
    (tmp_path / "chart.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="240" '
                                        'height="120"><rect width="240" height="120"/></svg>',
                                        "utf-8")
    deck = tmp_path / "sizes.md"
    deck.write_text(f"---\ntheme: {theme}\n---\n" + "\n---\n\n".join(
        f"## {shape} {n}\n\n{shapes[shape](n)}" for shape, n in sizes), "utf-8")
    folder = build(deck, tmp_path / "out")
    err = capsys.readouterr().err
    lines = deck.read_text("utf-8").splitlines()
    warned = {lines[int(w.split(":")[1]) - 1][3:] for w in err.splitlines() if "lines of text" in w}
    ready(page, (folder / "index.html").as_uri())
    past_the_foot = set()
    for index, (shape, n) in enumerate(sizes):
        page.evaluate(f"Reveal.slide({index})")
        if page.evaluate("Reveal.getCurrentSlide().scrollHeight") > 700:
            past_the_foot.add(f"{shape} {n}")
    assert warned == past_the_foot
    assert "rows 8" in warned and "rows 7" not in warned
    assert "beside 8" in warned and "beside 7" not in warned


def test_a_heading_in_a_handout_s_notes_is_kept_with_the_text_under_it(page, tmp_path):
    """A sub-item's heading was printed at the foot of one notes page and its text on the
    next (a councillor's officer's trial): reveal.js's print styles must not undo the rule."""
    deck = tmp_path / "talk.md"
    deck.write_text("## One\n\nNote:\n### Patrols\n\nSaid aloud.\n\n#### More\n\nSaid.\n",
                    "utf-8")
    folder = build(deck, tmp_path / "out")
    page.emulate_media(media="print")
    page.goto(print_url(folder / "index.html", handout=True))
    page.wait_for_function("document.querySelectorAll('.speaker-notes-pdf h3, "
                           ".speaker-notes-pdf h4').length === 2")
    breaks = page.evaluate("""[...document.querySelectorAll('.speaker-notes-pdf :is(h3, h4)')]
        .map(h => getComputedStyle(h).breakAfter)""")
    assert breaks == ["avoid", "avoid"], breaks


def test_a_slide_too_long_for_its_page_prints_on_one_page_as_promised(tmp_path, capsys):
    """reveal.js ran a long slide on over three PDF pages, where the README and --pdf
    promise one page per slide (a reveal-md user's trial). A deck may still ask for more."""
    long = "## Long\n\n" + "".join(f"- Point {n}\n" for n in range(40))
    deck = tmp_path / "talk.md"
    deck.write_text(f"## One\n\n---\n\n{long}\n---\n\n## Three\n", "utf-8")
    folder = build(deck, tmp_path / "out")
    assert print_pdf(folder / "index.html", tmp_path / "talk.pdf") == 3
    handout = tmp_path / "handout.md"
    handout.write_text(f"## One\n\nNote: said\n\n---\n\n{long}\n", "utf-8")
    assert print_pdf(build(handout, tmp_path / "h") / "index.html", tmp_path / "h.pdf",
                     handout=True) == 3
    deck.write_text("---\nrevealOptions:\n  pdfMaxPagesPerSlide: 3\n---\n" + deck.read_text("utf-8"),
                    "utf-8")
    assert print_pdf(build(deck, tmp_path / "more") / "index.html", tmp_path / "more.pdf") > 3


def test_long_notes_print_dark_on_white_with_margins_and_a_heading_on_every_page(page, tmp_path):
    """Notes longer than a page ran on with no top margin and no heading, and the dark
    theme's background showed under the last page's few lines (a reveal-md user's trial).
    Every page of the notes repeats their margins and their heading (box-decoration-break:
    clone), and the paper is white, while each slide's page keeps the theme's colour."""
    notes = "\n\n".join(f"Paragraph {n}: " + "Words said aloud to the room. " * 30 for n in range(14))
    deck = tmp_path / "long.md"
    deck.write_text(f"---\ntheme: black\n---\n## First\n\nShort.\n\nNote:\n{notes}\n\n---\n\n"
                    "## Second\n\nMore.\n\nNote: short\n", "utf-8")
    folder = build(deck, tmp_path / "out")
    page.goto(print_url(folder / "index.html", handout=True))
    page.wait_for_function("document.querySelectorAll('.speaker-notes-pdf').length > 1")
    found = page.evaluate("""() => {
        const notes = getComputedStyle(document.querySelector('.speaker-notes-pdf'));
        const mm = (px) => parseFloat(px) * 25.4 / 96;
        return {clone: notes.boxDecorationBreak || notes.webkitBoxDecorationBreak,
                top: mm(notes.paddingTop), bottom: mm(notes.paddingBottom),
                left: mm(notes.paddingLeft), paper: notes.backgroundColor, ink: notes.color,
                heading: notes.backgroundImage.includes('Speaker%20notes')
                         || notes.backgroundImage.includes('Speaker notes'),
                sheet: getComputedStyle(document.body).backgroundColor,
                slides: [...document.querySelectorAll('.pdf-page')].map(
                    p => getComputedStyle(p).backgroundColor)};}""")
    assert found["clone"] == "clone" and found["heading"], found
    assert min(found["top"], found["bottom"], found["left"]) >= 15, found
    assert found["paper"] == found["sheet"] == "rgb(255, 255, 255)", found
    assert found["ink"] == "rgb(11, 12, 12)", found
    assert found["slides"] == ["rgb(25, 25, 25)"] * 2, found
    # two slides, the long notes over several pages, the short ones on one
    assert print_pdf(folder / "index.html", tmp_path / "handout.pdf", handout=True) > 4


def test_each_page_of_a_handout_s_notes_names_its_slide(page, tmp_path):
    """Notes that ran on over pages were headed "Speaker notes" alone, so a page picked up
    from the middle of a handout did not say whose notes it held (a councillor's officer's
    trial). Every page of a slide's notes is headed with its number and heading."""
    notes = "\n\n".join("Words said aloud to the room. " * 30 for _ in range(10))
    deck = tmp_path / "long.md"
    deck.write_text(f"## First & best\n\nShort.\n\nNote:\n{notes}\n\n---\n\nNo heading here.\n\n"
                    "Note: short\n\n---\n\n## Third\n\nNote: said\n", "utf-8")
    folder = build(deck, tmp_path / "out")
    page.goto(print_url(folder / "index.html", handout=True))
    page.wait_for_function("document.querySelectorAll('.speaker-notes-pdf').length === 3 && "
                           "document.querySelector('.speaker-notes-pdf').style.backgroundImage")
    headings = page.evaluate("""() => [...document.querySelectorAll('.speaker-notes-pdf')].map(
        n => decodeURIComponent(n.style.backgroundImage).match(/>([^<]*)<\\/text>/)[1])""")
    assert headings == ["Speaker notes: slide 1, First &amp; best", "Speaker notes: slide 2",
                        "Speaker notes: slide 3, Third"], headings


def test_an_inline_svg_is_drawn_as_svg_and_old_presentational_html_as_written(page, tmp_path):
    """<svg>, <center>, <font color> and align= were build errors in reveal-md decks (a
    reveal-md user's trial). Written out, the drawing's names are lowercased
    (viewbox, lineargradient), and the browser reads them as SVG spells them."""
    deck = tmp_path / "old.md"
    deck.write_text('## Chart\n\n<svg viewBox="0 0 100 50" width="400" role="img" '
                    'aria-label="A bar">\n<defs><linearGradient id="g"><stop offset="0" '
                    'stop-color="#1d70b8"/></linearGradient></defs>\n<rect width="30" '
                    'height="40" fill="url(#g)"/>\n</svg>\n\n<center><font color="red">Red'
                    '</font></center>\n\n<p align="right">Right</p>\n', "utf-8")
    ready(page, (build(deck, tmp_path / "out") / "index.html").as_uri())
    drawn = page.evaluate("""() => {
        const svg = document.querySelector('.slides svg');
        return [svg.namespaceURI, svg.viewBox.baseVal.width, svg.getBoundingClientRect().width > 0,
                document.querySelector('.slides linearGradient') !== null,
                getComputedStyle(document.querySelector('.slides font')).color,
                getComputedStyle(document.querySelector('.slides center')).textAlign,
                getComputedStyle(document.querySelector('.slides p[align]')).textAlign];}""")
    assert drawn == ["http://www.w3.org/2000/svg", 100, True, True, "rgb(255, 0, 0)",
                     "-webkit-center", "-webkit-right"], drawn


@pytest.mark.browser
def test_a_draft_deck_s_mark_shows_on_every_slide_and_in_print(page, root, tmp_path, capsys):
    """A page printed or emailed away from the title slide lost the only word that the deck
    was a draft (a councillor's officer's trial): the mark stays in the corner of each
    slide, and is not among what print hides."""
    assert cli.main(["new", "2026-02", "--root", str(root)]) == 0
    assert cli.main(["deck", "2026-02", "--root", str(root), "--drafts",
                     "--out", str(tmp_path / "out")]) == 0
    capsys.readouterr()
    index = tmp_path / "out" / "index.html"
    ready(page, index.as_uri())
    mark = page.locator(".deck-draft-mark")
    for n in range(page.evaluate("Reveal.getTotalSlides()")):
        page.evaluate(f"Reveal.slide({n})")
        assert mark.is_visible() and mark.inner_text() == "Draft", n
    page.emulate_media(media="print")
    ready(page, print_url(index, handout=False))
    assert page.evaluate("getComputedStyle(document.querySelector('.deck-draft-mark')).position"
                         ) == "fixed"
    assert mark.is_visible()
