"""builder.keypoints: a paragraph cut to what can be read at a glance."""
from __future__ import annotations

from builder.keypoints import LONGEST_SENTENCE, MAX_WORDS, key_point, shorten


def test_a_short_paragraph_is_whole_and_its_spaces_are_made_single():
    assert key_point("Centres  opened.\n Volunteers trained.") == "Centres opened. Volunteers trained."


def test_a_long_paragraph_is_its_first_sentence_marked_as_cut():
    rest = " ".join(["word"] * MAX_WORDS)
    assert key_point(f"Centres opened in three towns. {rest}.") == "Centres opened in three towns. …"


def test_a_first_sentence_past_the_longest_is_cut_at_it():
    sentence = " ".join(["word"] * (LONGEST_SENTENCE + 5)) + "."
    assert key_point(sentence) == " ".join(["word"] * LONGEST_SENTENCE) + " …"


def test_shorten_leaves_what_fits():
    assert shorten("one two three", 3) == "one two three"
    assert shorten("one two three four", 3) == "one two three …"
