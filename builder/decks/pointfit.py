"""A slide's key points in type a council chamber can read, on as many slides as they take.

Points are 28 px on the slide in every theme (`POINT_PX`, deck.css's `ul.deck-points`);
they were 0.6em, 24-25 px. A sub-item's five points under a long heading ran off the
foot of the slide, which a projector cuts off with no sign, so points that do not fit
under their heading run on to further slides, "Reporting (1 of 2)", shared out evenly
over the fewest that hold them; a theme's slide lists as many of its sub-items or key
points as fit, and says how many more follow.

Measured in Chromium at 1024 x 768 in the fonts a deck falls back to here (DejaVu Sans,
wider than a projector laptop's Arial): a line is 1.3 of the size; the list is 932 px
wide, 892 of them text beside the bullets; a line held 71-75 characters of an update's
words, and counting each character as half the size (a space half that) errs towards
more lines. Headings are as a table's (`tablefit`). tests/decks/test_deck_points_browser.py
lays such slides out in every theme and holds these estimates to what Chromium draws.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from . import tablefit as fit

POINT_PX = 28
LINE = 1.3 * POINT_PX
CHARACTER = 0.5 * POINT_PX
TEXT_WIDTH = 892
SMALL_PX = 25.2             # .deck-small (0.6em): a sub-item's theme name, a RAG note
LABEL = 1.3 * SMALL_PX + 20     # the theme's name under a sub-item's heading, and its margin
RAG_TAG = 64 + 20           # a theme slide's status tag and its margin
CHANGE = 41 + 20            # its change since last month (0.8em), and its margin
LIST_MARGIN = 20            # under the list


@dataclass(frozen=True)
class PointPage:
    """What one slide shows of a sub-item's points."""

    title: str              # with "(2 of 3)" where the points run on
    points: tuple[str, ...]
    long_title: bool        # set smaller (tablefit.heading_is_long)
    number: int = 1
    count: int = 1


def point_pages(title: str, points: Sequence[str], theme: str) -> tuple[PointPage, ...]:
    """The slides a sub-item's `points` take under `title` in a deck of `theme`."""
    heights = [point_height(point) for point in points]
    long = fit.heading_is_long(title, theme)
    if not points or _room(title, theme, long) >= sum(heights):
        return (PointPage(title, tuple(points), long),)
    long = fit.heading_is_long(_numbered(title, 9, 9), theme)
    count = 2
    while True:   # a longer heading ("(1 of 2)") can leave room for fewer points
        shares = _shares(heights, _room(_numbered(title, count, count), theme, long), count)
        if len(shares) <= count:
            break
        count = len(shares)
    return tuple(PointPage(_numbered(title, n, len(shares)), tuple(points[i] for i in share),
                           long, n, len(shares)) for n, share in enumerate(shares, 1))


def theme_points(title: str, points: Sequence[str], theme: str, *, change: bool,
                 rag_note: str, more: str | None) -> list[str]:
    """As many of a theme slide's `points` as fit under its heading, status, change line
    and RAG note. Where some do not, `more` ("and {} more topics") is said after them,
    with how many were left out; None leaves them out unsaid (the text's key points,
    whose whole text is in the notes)."""
    room = (fit.SLIDE_HEIGHT - fit.heading_height(title, theme) - RAG_TAG
            - (CHANGE if change else 0) - LIST_MARGIN - fit.FOOT
            - (_small_height(rag_note) + 20 if rag_note else 0))
    heights = [point_height(point) for point in points]
    if sum(heights) <= room:
        return list(points)
    said = point_height(more.format(99)) if more else 0
    kept = len(points)
    while kept > 1 and sum(heights[:kept]) + said > room:
        kept -= 1
    return list(points[:kept]) + ([more.format(len(points) - kept)] if more else [])


def point_height(text: str) -> float:
    return fit.wrapped_lines(text, TEXT_WIDTH, CHARACTER) * LINE


def _small_height(text: str) -> float:
    return fit.wrapped_lines(text, fit.SLIDE_WIDTH, 0.5 * SMALL_PX) * 1.3 * SMALL_PX


def _room(title: str, theme: str, long: bool) -> float:
    return (fit.SLIDE_HEIGHT - fit.heading_height(title, theme, long) - LABEL - LIST_MARGIN
            - fit.FOOT)


def _shares(heights: list[float], room: float, count: int) -> list[list[int]]:
    """The points' indexes on each slide: shared out evenly over `count` slides where they
    fit so (a slide ends where its next point would sit more past its share than short of
    it), each slide taking no more than `room`; more slides where they do not fit."""
    share = sum(heights) / count
    shares: list[list[int]] = [[]]
    used = before = 0.0
    for index, height in enumerate(heights):
        past_share = len(shares) < count and before + height / 2 > share * len(shares)
        if shares[-1] and (used + height > room or past_share):
            shares.append([])
            used = 0.0
        shares[-1].append(index)
        used += height
        before += height
    return shares


def _numbered(title: str, number: int, count: int) -> str:
    return f"{title} ({number} of {count})"
