"""A paragraph cut to what can be read at a glance: whole when it is short, else its
first sentence and "…". A month's deck lists these as a slide's key points, and the
home page shows one for a theme with no summary of its own.
"""
from __future__ import annotations

import re

MAX_WORDS = 30
# A paragraph's first sentence is shown whole up to this: cut at 30 words, a request
# lost the name and address it ended with ("please contact ..."), a trial found.
LONGEST_SENTENCE = 45


def key_point(paragraph: str) -> str:
    """A paragraph whole when it is short enough to read across the chamber, else its
    first sentence and '…', so no one takes the slide for all of it: cut to its first
    sentence whatever its length, a support paragraph lost 'In an emergency, call 999.'
    (an adopting council's trial)."""
    text = " ".join(paragraph.split())
    if len(text.split()) <= MAX_WORDS:
        return text
    first = _first_sentence(text)
    if len(first.split()) > LONGEST_SENTENCE:
        return shorten(first, LONGEST_SENTENCE)
    return first if first == text else first + " …"


def _first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return match.group(1) if match else text


def shorten(text: str, most: int) -> str:
    words = text.split()
    return text if len(words) <= most else " ".join(words[:most]) + " …"
