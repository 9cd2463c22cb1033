"""builder.decks.comments: .slide: and .element: attributes land where reveal.js puts them."""
from __future__ import annotations

from .decksupport import deck_from


def slide_of(tmp_path, text: str):
    deck, problems = deck_from(tmp_path, text)
    return deck.stacks[0][0], problems


def test_slide_attributes_go_on_the_slide(tmp_path):
    slide, _ = slide_of(tmp_path, '<!-- .slide: data-background="#000" class="dark" -->\n## A\n')
    assert dict(slide.attributes) == {"data-background": "#000", "class": "dark"}
    assert "<!--" not in slide.html


def test_an_element_comment_at_the_end_of_a_line_is_for_that_element(tmp_path):
    slide, _ = slide_of(tmp_path, '## A <!-- .element: class="big" -->\n\n'
                                  '- one <!-- .element: class="fragment" -->\n- two\n')
    assert '<h2 id="s1-1-a" class="big">' in slide.html
    assert '<li class="fragment">one </li>' in slide.html


def test_a_comment_right_after_a_list_is_for_its_last_item(tmp_path):
    slide, _ = slide_of(tmp_path, '## A\n\n- one\n- two\n<!-- .element: class="fragment" -->\n')
    assert '<li class="fragment">two</li>' in slide.html


def test_a_comment_after_a_blank_line_is_for_the_whole_list(tmp_path):
    slide, _ = slide_of(tmp_path, '## A\n\n- one\n- two\n\n<!-- .element: class="whole" -->\n')
    assert '<ul class="whole">' in slide.html


def test_single_quoted_attributes_are_not_read(tmp_path):
    slide, problems = slide_of(tmp_path, "## A\n\n<!-- .slide: data-background='#f00' -->\n")
    assert slide.attributes == ()
    assert any("double quotes" in p.message for p in problems)


def test_bare_data_attributes_are_set_empty(tmp_path):
    slide, _ = slide_of(tmp_path, '## A\n<!-- .slide: data-auto-animate data-x="1" -->\n')
    assert dict(slide.attributes) == {"data-auto-animate": "", "data-x": "1"}


def test_script_attributes_from_comments_are_refused(tmp_path):
    slide, problems = slide_of(tmp_path, '## A\n<!-- .slide: onclick="alert(1)" '
                                         'data-background-iframe="javascript:alert(1)" -->\n')
    assert slide.attributes == ()
    assert len([p for p in problems if "left out" in p.message]) == 2
