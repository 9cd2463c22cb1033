"""builder.decks.allowlist: wider than pages' (styles, video, iframes), never scripts."""
from __future__ import annotations

from builder.decks import allowlist
from .decksupport import deck_from, messages


def test_decks_keep_styles_video_and_iframes():
    html = ('<style>.x { color: red }</style><p style="color:red">a</p>'
            '<video src="a.mp4" controls data-autoplay></video>'
            '<iframe src="https://example.org/" title="Map" allowfullscreen></iframe>')
    cleaned = allowlist.clean(html)
    for kept in ("<style>.x { color: red }</style>", 'style="color:red"', "<video",
                 "data-autoplay", '<iframe src="https://example.org/"'):
        assert kept in cleaned
    assert allowlist.check_raw_html(html) == []


def test_scripts_event_handlers_and_javascript_urls_never_pass():
    html = ('<script>alert(1)</script><img src="a.png" alt="" onerror="alert(1)">'
            '<a href="javascript:alert(1)">x</a><div data-background-iframe="javascript:x"></div>')
    cleaned = allowlist.clean(html)
    assert "alert" not in cleaned and "javascript" not in cleaned
    found = [message for _, message in allowlist.check_raw_html(html)]
    assert any("<script>" in m and "scripts:" in m for m in found)
    assert any("onerror" in m for m in found)
    assert sum("not allowed" in m for m in found) >= 3


def test_a_script_in_a_slide_is_an_error_on_its_line(tmp_path):
    _, problems = deck_from(tmp_path, "## A\n\n<script>alert(1)</script>\n")
    assert messages(problems, "error") == [
        "talk.md:3: <script> is not allowed in a deck's slides; put the script in a file and "
        "list it under 'scripts:' in the front matter."]


def test_deck_html_has_no_house_classes(tmp_path):
    deck, _ = deck_from(tmp_path, "## A\n\nText with [a link](https://example.org/).\n")
    assert "govuk" not in deck.stacks[0][0].html


def test_a_deck_keeps_links_and_images_written_in_html(tmp_path):
    """Public pages refuse an <a> or <img> to a site address in raw HTML (builder.safety);
    a reveal-md deck keeps them, as issue 3 asks decks to work unchanged."""
    (tmp_path / "a.png").write_bytes(b"png")
    (tmp_path / "other.md").write_text("## Other\n", encoding="utf-8")
    deck, problems = deck_from(tmp_path, '## A\n\n<img src="a.png" alt="A chart">\n\n'
                                         'See <a href="other.md">the other talk</a>.\n')
    assert problems == []
    html = deck.stacks[0][0].html
    assert 'alt="A chart"' in html and "the other talk</a>" in html
