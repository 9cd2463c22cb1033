"""builder.decks.subitems: an entry's sub-items and the key points their slides list."""
from __future__ import annotations

import pytest

from builder import keypoints
from builder.decks import subitems
from builder.decks.subitems import split_subitems


def test_sub_items_and_their_key_points():
    intro, parts, _ = split_subitems("<p>Intro.</p><h3 id=a>One</h3><p>First. Second.</p>"
                                  "<h3 id=b>Two</h3><ul><li>x</li><li>y</li></ul>")
    assert intro == "<p>Intro.</p>" and [part.title for part in parts] == ["One", "Two"]
    assert [part.points for part in parts] == [("First. Second.",), ("x", "y")]


@pytest.mark.parametrize("html", [
    "<h3>A</h3><ul><li>x<ul><li>y</li></ul></li></ul><p>p.</p><h3>B</h3><p>One. Two.</p>",
    "<p>Intro</p><h3>A</h3><div><p>Deep. P.</p></div><p>Top. P.</p><h3>B</h3>",
    "<h3>A</h3><p>Left open. <b>bold<h3>B</h3><p>After.</p>",
    "<h3>A</h3><p>Stray.</div> close.</p><section><p>x.</section><h3>B</h3><li>z",
    "<h3>A <em>em</em></h3><p>x=\"<\" y.</p><h3>B</h3><p>Late. End",
    "<h3>Only</h3>",
])
def test_a_sub_items_points_are_what_scanning_it_alone_gives(html):
    # The split scans an entry once and reads each sub-item's points from that scan.
    _, parts, _ = split_subitems(html, remember=False)
    assert parts and all(part.points == alone(part.html) for part in parts)


def alone(html: str) -> tuple[str, ...]:
    """The points of `html` scanned on its own, as the one sub-item of an entry."""
    _, (part,), _ = split_subitems("<h3>Alone</h3>" + html, remember=False)
    return part.points


def test_helpers_asked_not_to_remember_keep_nothing_and_answer_the_same():
    """A deck drawn for one build meets each entry once (`_new_deck`)."""
    html = "<p>Intro.</p><h3>Not seen before</h3><ul><li>A point.</li></ul>"
    seen = subitems._remembered_split.cache_info().currsize
    intro, parts, _ = split_subitems(html, remember=False)
    assert parts[0].points == ("A point.",)
    assert subitems._remembered_split.cache_info().currsize == seen
    assert split_subitems(html) == (intro, parts, ())


def test_a_short_paragraph_is_a_key_point_whole_so_its_second_sentence_is_not_lost():
    """'In an emergency, call 999.' was dropped from a support paragraph's slide, which
    kept only each paragraph's first sentence (an adopting council's trial)."""
    support = ("If you are worried about domestic abuse, call the National Domestic Abuse "
               "Helpline free on 0808 2000 247, at any time. In an emergency, call 999.")
    _, [part], _ = split_subitems(f"<h3 id=s>Support</h3><p>{support}</p>")
    assert part.points == (support,)


def test_a_long_paragraph_is_its_first_sentence_marked_as_cut():
    long = "Patrols rose in every district. " + " ".join(["More words follow here."] * 8)
    _, [part], _ = split_subitems(f"<h3 id=p>Patrols</h3><p>{long}</p>")
    assert part.points == ("Patrols rose in every district. …",)


def test_thirty_words_are_whole_and_thirty_one_are_cut_to_the_first_sentence():
    """The README promises a paragraph of up to 30 words whole."""
    thirty = "One two three four five. " + " ".join(["word"] * 24) + " end."
    assert len(thirty.split()) == 30
    _, [part], _ = split_subitems(f"<h3 id=a>A</h3><p>{thirty}</p>")
    assert part.points == (thirty,)
    _, [part], _ = split_subitems(f"<h3 id=a>A</h3><p>{thirty} More.</p>")
    assert part.points == ("One two three four five. …",)


def test_a_first_sentence_is_whole_to_forty_five_words_so_a_request_keeps_its_contact():
    """Cut at 30 words, 'please contact Helen Whitehead on ...' lost the name and address
    it asked the room to use (a councillor's officer's trial)."""
    request = ("Training for third party reporting centres is being planned for the end of June "
               "2025 – if you have any organisations who may be interested in this training "
               "please contact Helen Whitehead on helen@example.org")
    assert 30 < len(request.split()) <= keypoints.LONGEST_SENTENCE
    _, [part], _ = split_subitems(f"<h3 id=t>Training</h3><p>{request}</p>")
    assert part.points == (request,)
    endless = " ".join(f"w{n}" for n in range(60))
    _, [part], _ = split_subitems(f"<h3 id=t>T</h3><p>{endless}</p>")
    assert part.points == (" ".join(f"w{n}" for n in range(45)) + " …",)


def test_text_before_any_sub_heading_gives_the_theme_slide_its_points():
    """A theme with no sub-headings showed the chamber only its status: its update was in
    the speaker notes alone (a councillor's officer's trial)."""
    html = "".join(f"<p>Point {n}.</p>" for n in range(5))
    assert split_subitems(html).points[:3] == ("Point 0.", "Point 1.", "Point 2.")
    assert split_subitems("<ul><li>One</li><li>Two</li></ul>").points == ("One", "Two")
    assert split_subitems("").points == ()
