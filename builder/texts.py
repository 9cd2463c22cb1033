"""Text and where it was written: the two model types that rendering Markdown needs.

They live apart from `builder.model` so that `bulletin deck`, which renders
one deck and no site, does not pay for importing the whole site model (its
two dozen dataclasses are most of a deck's start-up). `builder.model`
re-exports both, so the site code names them there as before. So does the one
setting a deck shares with the site's frame, where *Exit this page* goes.
"""
from __future__ import annotations

import re

from dataclasses import dataclass


def count(n: int, word: str) -> str:
    """'1 cell', '3 cells': a number and the word it counts."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def joined(words: list[str]) -> str:
    """Words as a sentence lists them: 'a', 'a and b', 'a, b and c'."""
    if len(words) <= 2:
        return " and ".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


@dataclass(frozen=True)
class Origin:
    """Where a thing was written, for messages."""

    path: str
    line: int = 1


@dataclass(frozen=True)
class Markdown:
    """Markdown text and where it starts, so messages give file lines."""

    text: str
    origin: Origin


# Where *Exit this page* goes unless site.yaml says otherwise: GOV.UK Frontend's default.
EXIT_THIS_PAGE_URL = "https://www.bbc.co.uk/weather"

# An address on another site that a page or deck links to: https only, as browsers warn of
# a page sent without it, with a host that has a dot. The build checks site.yaml's with it
# (`fields.HTTPS`), and a site's deck made on its own reads the same key with it.
HTTPS = re.compile(r"https://[^\s/?#]+\.[^\s/?#]+([/?#]\S*)?", re.IGNORECASE)


def link_not_allowed(address: str) -> str:
    """One wording for a link whose kind may not be published (javascript:, ftp:, file:),
    written in Markdown or in HTML: a trial met two messages for the same mistake on one
    line, one of them with the jargon 'scheme'."""
    return (f"the link '{address}' cannot be published: a link must start with https://, "
            "http://, mailto: or tel:, or go to a page of this site.")
