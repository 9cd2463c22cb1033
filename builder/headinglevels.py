"""A heading more than one level below the heading before it, on a page of the site.

From a new editor's trial: '#### Primary schools' straight under '## Schools training',
or '### Serious Violence Duty' as a theme file's first heading, was published with no
word, and the page went from <h3> to <h5>. Screen reader users move between headings by
level, so a level skipped reads as a section missing (WCAG 1.3.1). A warning, as a
'# Heading' in a theme file is (`linemarks`): every word is still shown, in order; only
the outline a screen reader lists is wrong.

Levels are compared as written, not as shown: a text's headings start at '##' under the
title above it (a page's own, or the theme's an entry is shifted under), whatever level
the page then gives them. Going back up any number of levels is fine. Both writers hand
each heading they parsed to `markdown.mark_heading`, which asks here: no text is read
again. A deck's own slides are not checked: there '#' and '##' say where a slide starts.
"""
from __future__ import annotations

from dataclasses import dataclass

# The level of the title a text stands under: its first heading may be one below ('##').
TITLE_LEVEL = 1


@dataclass(frozen=True)
class Heading:
    """A heading as the editor wrote it: its hashes and its words."""

    level: int
    text: str

    def __str__(self) -> str:
        return f"{'#' * self.level} {self.text}".rstrip()


def skipped_level(heading: Heading, above: Heading | None, under_theme: bool) -> str | None:
    """What to tell the editor when `heading` is more than one level below `above` (None:
    it is the text's first heading), or None. `under_theme`: the text is a theme's update,
    shown under the theme's title, not a page's."""
    deepest = (above.level if above is not None else TITLE_LEVEL) + 1
    if heading.level <= deepest:
        return None
    if above is None:
        title = "the theme's title" if under_theme else "the page's title"
        where = f"it is the first heading, straight under {title}"
    else:
        where = f"it comes under '{above}'"
    return (f"'{heading}' skips a level: {where}, so write '{Heading(deepest, heading.text)}' "
            "(screen readers list headings by level, and a skipped one reads as a missing "
            "section).")
