"""Protective markings: OFFICIAL-SENSITIVE content must never be published.

Matches the marking in any spelling editors and Word produce: a hyphen, an en
or em dash, a space, an underscore or a line break between the words, any
case, with or without descriptors after it (OFFICIAL-SENSITIVE - OPERATIONAL).
RESTRICTED, SECRET and CONFIDENTIAL, older or higher markings, give warnings;
they are matched in capitals only, as ordinary words ("confidential advice")
are common in prose. A file that mentions a marking on purpose says so with
`markings_reviewed: "reason"`, which turns these problems off for that file.
"""
from __future__ import annotations

import re
from typing import Iterator

from .caseless import lowered_alike
from .errors import Problem, error, warning
from .sources import Source, position

OFFICIAL_SENSITIVE = re.compile(r"\bOFFICIAL[\s\-\u2010-\u2015_]*SENSITIVE\b", re.IGNORECASE)
OTHER_MARKINGS = re.compile(r"\b(RESTRICTED|TOP[\s\-]+SECRET|SECRET|CONFIDENTIAL)\b")
SENSITIVE_CLASSES = ("official-sensitive", "restricted", "secret", "top-secret", "confidential")


def scan(source: Source, reviewed: str | None, classification: object = None) -> list[Problem]:
    if reviewed and len(reviewed.strip()) >= 10:
        return []
    problems = []
    if reviewed is not None:
        problems.append(warning(source.path, _key_line(source.text, "markings_reviewed"),
                                "'markings_reviewed' needs a reason of a few "
                                "words, like \"mentions the marking of an unpublished email\"."))
    classified = _classification(source, classification)
    problems += classified
    told = {p.line for p in classified if p.is_error}   # the classification line says it already
    for line, col, written in _sensitive_places(source.text):
        if line in told:
            continue
        problems.append(error(source.path, line, f"'{written}' is a protective marking: "
            "OFFICIAL-SENSITIVE material must not be published. Take the marked material out "
            "of this file (ask whoever sent it what may be shared). Only if the text just "
            "mentions the marking and is itself safe to publish, add "
            "'markings_reviewed: \"why it is safe\"' to this file.", col))
    for match in _other_markings(source.text):
        line, col = position(source.text, match.start())
        problems.append(warning(source.path, line, f"'{match.group(0)}' looks like a protective "
            "marking; check the text may be published, then add 'markings_reviewed: \"why\"' "
            "to this file.", col))
    return problems


# Files published byte for byte whose text a marking could be in: an SVG exported from
# a report carries its words, and so can a deck's stylesheet or script.
PUBLISHED_AS_IS = (".svg", ".css", ".js", ".mjs", ".html", ".htm", ".txt", ".md", ".json",
                   ".xml", ".csv")


def scan_published_file(path: str, data: bytes) -> list[Problem]:
    """An error for each OFFICIAL-SENSITIVE marking in a file published as it is. Such a
    file has no front matter to say a mention is safe, so the marking must go."""
    return [error(path, line, f"'{written}' is a protective marking: OFFICIAL-SENSITIVE "
                  "material must not be published, and this file is published as it is. "
                  "Remove the marking from the file, or leave the file out.", col)
            for line, col, written in _sensitive_places(data.decode("utf-8", errors="replace"))]


def _sensitive_places(text: str) -> Iterator[tuple[int, int, str]]:
    """(line, column, the marking as written) of each OFFICIAL-SENSITIVE in `text`."""
    for match in _official_sensitive(text):
        line, col = position(text, match.start())
        yield line, col, " ".join(match.group(0).split())  # one line, even across a break


# Both patterns begin with \b, which keeps re from skipping ahead to a likely start:
# each scanned every file at a tenth of str.find's speed. Most files hold neither
# marking, and a plain search for a word every match contains says so first.

def _official_sensitive(text: str) -> Iterator[re.Match]:
    lower = lowered_alike(text)
    return OFFICIAL_SENSITIVE.finditer(text) if lower is None or "official" in lower else iter(())


def _other_markings(text: str) -> Iterator[re.Match]:
    if any(word in text for word in ("RESTRICTED", "SECRET", "CONFIDENTIAL")):
        return OTHER_MARKINGS.finditer(text)
    return iter(())


def _classification(source: Source, classification: object) -> list[Problem]:
    if classification is None:
        return []
    value = re.sub(r"[\s_\u2010-\u2015]+", "-", str(classification).strip().lower())
    line = _key_line(source.text, "classification")
    if value in ("official", "public", "unclassified"):
        return []
    if any(value.startswith(c) for c in SENSITIVE_CLASSES):
        return [error(source.path, line, f"'classification: {classification}' marks this file "
                      "as not for publication; remove the file from content/ or change the "
                      "classification to OFFICIAL once it has been cleared.")]
    return [warning(source.path, line, f"'classification: {classification}' is not a known "
                    "marking; write OFFICIAL for content that may be published.")]


def _key_line(text: str, key: str) -> int:
    match = re.search(rf"^\s*{key}\s*:", text, re.MULTILINE)
    return position(text, match.start())[0] if match else 1


_REVIEW_LINE = re.compile(r"""(?m)^markings_reviewed:[ \t]*(['"]?)(.+?)\1[ \t]*$""")


def in_unreadable(source: Source) -> list[Problem]:
    """A file too broken to read may still carry a marking: never let that hide it. Its
    own 'markings_reviewed:' line is read as text: a YAML slip elsewhere in the file
    once added a false protective-marking error to the slip's own."""
    review = _REVIEW_LINE.search(source.text)
    return scan(source, review.group(2) if review else None)
