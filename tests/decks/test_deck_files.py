"""builder.decks.files: what a deck refers to is found, copied relative, or reported."""
from __future__ import annotations

from .decksupport import SEED, copy_deck, deck_from, messages

from builder.decks import dom
from builder.decks.files import Collector, collect_slide, collect_tree
from builder.decks.handwritten import read_handwritten
from builder.decks.model import Slide
from builder.decks.slides import render_chunk
from builder.decks.source import read_deck
from builder.decks.split import split_slides


def outs(deck) -> set[str]:
    return {f.out for f in deck.files}


def test_the_seed_decks_backgrounds_are_copied_under_their_own_paths(tmp_path):
    file = copy_deck(SEED, tmp_path)
    problems: list = []
    deck = read_handwritten(tmp_path, file, "seed", problems)
    assert outs(deck) == {f"backgrounds/{name}" for name in (
        "ugur-akdemir-FABH5NJEMGM-unsplash.jpg", "perry-grone-732606-unsplash.jpg",
        "greyson-joralemon-qX8vHmS46xg-unsplash.jpg")}
    assert dict(deck.stacks[0][0].attributes)["data-background"] == \
        "./backgrounds/ugur-akdemir-FABH5NJEMGM-unsplash.jpg"


def test_a_missing_file_is_an_error_naming_the_deck_and_line(tmp_path):
    _, problems = deck_from(tmp_path, "## A\n\n![A chart](images/chart.png)\n\n---\n\n"
                                      '<!-- .slide: data-background="bg/none.jpg" -->\n## B\n')
    found = messages(problems, "error")
    assert len(found) == 2
    assert found[0].startswith("talk.md:3: the file 'images/chart.png' does not exist")
    assert found[1].startswith("talk.md:7: the file 'bg/none.jpg' does not exist")


def test_remote_iframes_and_images_are_kept_with_a_warning(tmp_path):
    deck, problems = deck_from(tmp_path, '## A\n\n<iframe src="https://example.org/map" '
                                         'title="Map"></iframe>\n\n![Logo](https://example.org/l.png)\n')
    assert 'src="https://example.org/map"' in deck.stacks[0][0].html
    assert 'src="https://example.org/l.png"' in deck.stacks[0][0].html
    found = messages(problems, "warning")
    assert len(found) == 2 and all("will not show when the deck is presented offline" in m
                                   for m in found)
    assert [m.split(":")[1] for m in found] == ["3", "5"]


def test_links_to_websites_are_not_warned_about(tmp_path):
    _, problems = deck_from(tmp_path, "## A\n\n[Council](https://example.org/)\n")
    assert problems == []


def test_images_video_css_urls_and_listed_files_are_copied(tmp_path):
    for name in ("img/a.png", "media/v.mp4", "media/poster.jpg", "style/deck.css",
                 "style/fonts/f.woff2", "style/bg.png", "js/extra.js"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "style/deck.css").write_text(
        "@font-face { src: url(fonts/f.woff2); } .x { background: url('bg.png') }")
    deck, problems = deck_from(tmp_path, "---\ncss: style/deck.css\nscripts: js/extra.js\n---\n"
                                         "## A\n\n![A](img/a.png)\n\n"
                                         '<video src="media/v.mp4" poster="media/poster.jpg"></video>\n')
    assert problems == []
    assert outs(deck) == {"img/a.png", "media/v.mp4", "media/poster.jpg", "style/deck.css",
                          "style/fonts/f.woff2", "style/bg.png", "js/extra.js"}
    assert deck.options.css == ("style/deck.css",) and deck.options.scripts == ("js/extra.js",)


def test_a_file_outside_the_decks_folder_goes_under_files_and_is_rewritten(tmp_path):
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "logo.png").write_bytes(b"png")
    deck, problems = deck_from(tmp_path / "decks", "## A\n\n![Logo](../shared/logo.png)\n")
    assert problems == []
    assert outs(deck) == {"_files/shared/logo.png"}
    assert 'src="_files/shared/logo.png"' in deck.stacks[0][0].html


def test_an_image_written_in_html_without_alt_is_warned_about(tmp_path):
    (tmp_path / "a.png").write_bytes(b"png")
    _, problems = deck_from(tmp_path, '## A\n\n<img src="a.png">\n\n![](a.png)\n')
    found = messages(problems, "warning")
    assert len(found) == 2 and all("no text alternative" in m for m in found)
    assert sorted(m.split(":")[1] for m in found) == ["3", "5"]


def test_collecting_from_the_rendered_trees_is_collecting_from_their_html(tmp_path):
    """read_handwritten hands render_chunk's trees straight to collect_tree; parsing their
    HTML again (collect_slide, as generated decks do) must come to the same slide."""
    (tmp_path / "img.png").write_bytes(b"png")
    (tmp_path / "bg.jpg").write_bytes(b"jpg")
    (tmp_path / "look.css").write_text("h2 { background: url(img.png); }", encoding="utf-8")
    text = (copy_deck(SEED, tmp_path / "seed").read_text(encoding="utf-8") + "\n---\n\n"
            "<style>.x { background: url('img.png') }</style>\n\n## Styled &amp; <q>quoted</q>\n\n"
            '<img src="img.png" alt="A &quot;chart&quot;" style="border: url(bg.jpg)">\n'
            "A paragraph <!-- .element: class=\"lead\" -->\n\n"
            '<!-- .slide: data-background="bg.jpg" -->\n'
            "Note: see ![](img.png) and [the sheet](look.css) & <b>more</b>\n")
    deck = tmp_path / "talk.md"
    deck.write_text(text, encoding="utf-8")
    chunks = split_slides(text, 1, read_deck(tmp_path, deck, []).options)
    for stack in chunks:
        for chunk in stack:
            root, attributes, notes, heading = render_chunk(chunk, "talk.md", "s", [])
            notes_html = dom.serialise(notes) if notes is not None else None
            as_html = Slide(dom.serialise(root), notes_html, tuple(attributes.items()),
                            chunk.line, heading)
            first: list = []
            second: list = []
            from_html = collect_slide(Collector(tmp_path, "talk.md", text, first), as_html)
            from_tree = collect_tree(Collector(tmp_path, "talk.md", text, second), root,
                                     attributes, notes, chunk.line, heading)
            assert from_tree == from_html and first == second
