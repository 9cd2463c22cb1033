"""Protective markings: OFFICIAL-SENSITIVE content must never be published.

Matches the marking in any spelling editors and Word produce: a hyphen, an en
or em dash, a space, an underscore, a slash or a line break between the words,
any case, with or without descriptors after it (OFFICIAL-SENSITIVE - OPERATIONAL).
The page shows Markdown and HTML, not the text as typed, so the scan reads what
a reader would see: emphasis and tags around or between the words
(**OFFICIAL**-**SENSITIVE**, <b>OFFICIAL</b> SENSITIVE), character references
(OFFICIAL&nbsp;SENSITIVE, OFFICIAL&#8209;SENSITIVE) and characters that show
nothing (Word's soft hyphen, zero-width spaces) in or between the words; after a
letter they join OFFICIAL to it ('un&shy;official sensitive' reads as prose).
RESTRICTED, SECRET and CONFIDENTIAL, older or higher markings, give warnings;
they are matched in capitals only, as ordinary words ("confidential advice")
are common in prose. A file that mentions a marking on purpose says so with
`markings_reviewed: "reason"`, which turns these problems off for that file.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from html.entities import html5
from typing import Iterator

from .caseless import lowered_alike
from .errors import Problem, error, warning
from .pasted import INVISIBLE_JOINED, SPACES_JOINED
from .sources import Source, position

# Characters that show nothing, inside a word or between words (`pasted`: the soft
# hyphen, zero-width characters, direction marks), and those that look like a space. Not
# a line break: one may stand between the words, but a blank line ends a paragraph.
_INVISIBLES = INVISIBLE_JOINED
_SPACES = " \t\r\f\v\u2028\u2029" + SPACES_JOINED
# The words are the marking when nothing but these, tags and references to these stand
# between them: spaces and line breaks, hyphens and dashes, a slash, and what Markdown
# shows as emphasis, strike-through, code or an escape (**OFFICIAL**-*SENSITIVE*,
# OFFICIAL\-SENSITIVE). Not a comma, a full stop or a colon: those are how prose puts
# the two words side by side ("an official, sensitive matter"), and no marking is
# written so. Anything else between them (a word, a bracket) is prose as well.
_SEPARATORS = _SPACES + "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212_*~`\\/" + _INVISIBLES
# Any tag but one that ends a block, a cell or an SVG's label: "Official" and "Sensitive"
# in two cells of a table, or two labels of a chart, are two words, but round or between
# words within a line (<strong>, </font>, <span class="x">, Word's <o:p>, an SVG's
# <tspan>) a tag leaves them the marking. Named by what ends a block, not by what does
# not, as a tag left off a list of inline ones let the marking through.
_BLOCK_TAGS = ("address|article|aside|blockquote|caption|dd|details|div|dl|dt|fieldset|"
               "figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|"
               "summary|table|tbody|td|text|tfoot|th|thead|title|tr|ul")
_TAG = rf"</?(?!(?:{_BLOCK_TAGS})(?![\w:-]))[a-z][^<>]*>"


def _references(chars: str) -> str:
    """A pattern, in lower case, for an HTML character reference to any of `chars`
    (&nbsp; &#160; &#xa0;): Markdown, HTML and SVG show it as the character, so the scan
    reads it as one."""
    names = _reference_names(chars)
    decimal = "|".join(str(ord(char)) for char in chars)
    hexadecimal = "|".join(f"{ord(char):x}" for char in chars)
    return rf"&(?:{'|'.join(names)}|#0*(?:{decimal});|#x0*(?:{hexadecimal});)"


def _reference_names(chars: str) -> list[str]:
    return sorted({name.lower() for name, value in html5.items()
                   if name.endswith(";") and len(value) == 1 and value in chars})


def _word_start() -> str:
    """Where OFFICIAL may begin in a text that may hide letters: not after a letter, nor
    after a character that shows nothing or a reference to one, which join it to the
    word before ('un&shy;official' reads 'unofficial', and the letter before the O was the
    only one looked at). Such characters may begin the match: the letter before them is
    the one looked at. A look-behind has one width, so there is one for each length of
    reference, numbers up to 7 digits; one written with more zeros is missed, which
    reports a marking, never hides one. Most places are passed by the look-ahead first."""
    forms = [f"&{name}" for name in _reference_names(_INVISIBLES)]
    for char in _INVISIBLES:
        decimal, hexadecimal = str(ord(char)), f"{ord(char):x}"
        forms += [f"&#{decimal.zfill(width)};" for width in range(len(decimal), 8)]
        forms += [f"&#x{hexadecimal.zfill(width)};" for width in range(len(hexadecimal), 7)]
    by_width: dict[int, list[str]] = {}
    for form in forms:
        by_width.setdefault(len(form), []).append(re.escape(form))
    after_reference = "".join(f"(?<!{'|'.join(group)})" for group in by_width.values())
    return rf"(?=[o&{_INVISIBLES}])(?<![^\W_]|[{_INVISIBLES}])(?:(?<!;)|{after_reference})"


def _between(paragraphs: bool) -> str:
    """What may stand between the words. In Markdown and YAML (`paragraphs`) a line
    break may, but not a blank line, which ends a paragraph (a line of spaces and tabs
    alone, as CommonMark counts one: a line holding a non-breaking space does not). In a
    file published as it is (HTML, SVG) no line ends anything."""
    line_break = r"\n(?![ \t\r]*\n)" if paragraphs else r"\n"
    return (rf"(?:[{re.escape(_SEPARATORS)}]|{line_break}|{_TAG}"
            rf"|{_references(_SEPARATORS + chr(10))})*")


def _marking(hidden: str | None, paragraphs: bool = True) -> str:
    """The marking's pattern in lower case, with `hidden` allowed between any two letters
    of a word. Not \\b at either end: an underscore is a word character, and __OFFICIAL__
    is Markdown's bold."""
    between = _between(paragraphs)
    if hidden is None:
        # The word first, and only then what may not come before it, so re skips ahead
        # to the word at str.find's speed: a pattern that begins with a look-behind or
        # \b is tried at every character, ten times slower.
        return rf"official(?<![^\W_]official){between}sensitive(?![^\W_])"
    official, sensitive = (f"(?:{hidden})*".join(word) for word in ("official", "sensitive"))
    return rf"{_word_start()}(?:{hidden})*{official}{between}{sensitive}(?![^\W_])"


# The patterns are made on first use: made as the module was imported (their references
# read from html5's 2,000 names), they added 20 ms to every command's start, a deck's too.

@functools.cache
def official_sensitive(as_is: bool = False) -> re.Pattern:
    """The marking in any text in any case, even one with a letter re's IGNORECASE takes
    for an ASCII one (the Kelvin sign), which a search of the text lowered would miss.
    `as_is`: in a file published as it is, where a blank line parts nothing."""
    hidden = rf"[{_INVISIBLES}]|{_references(_INVISIBLES)}"
    return re.compile(_marking(hidden, paragraphs=not as_is), re.IGNORECASE)


@functools.cache
def _in_lower_case(as_is: bool) -> re.Pattern:
    """The same places in a text lowered (caseless.lowered_alike) that holds nothing to
    hide a letter, at a case-sensitive pattern's speed."""
    return re.compile(_marking(None, paragraphs=not as_is))


@functools.cache
def _hides_letters() -> re.Pattern:
    return re.compile(_references(_INVISIBLES), re.IGNORECASE)


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
            for line, col, written in _sensitive_places(data.decode("utf-8", errors="replace"),
                                                        as_is=True)]


def _sensitive_places(text: str, as_is: bool = False) -> Iterator[tuple[int, int, str]]:
    """(line, column, the marking as written) of each OFFICIAL-SENSITIVE in `text`;
    `as_is`: a file published as it is, where a blank line parts nothing."""
    for start, end in _official_sensitive(text, as_is):
        line, col = position(text, start)
        yield line, col, _shown(text[start:end])


def _shown(written: str) -> str:
    """The marking as written, on one line even across a break, and each character that
    shows nothing named: quoted as it is, 'OFFI\u00adCIAL' reads as 'OFFICIAL', and the
    editor would not see what to take out."""
    one_line = " ".join(written.split())
    return "".join(f"[{unicodedata.name(char).lower()}]" if char in _INVISIBLES else char
                   for char in one_line)


def _official_sensitive(text: str, as_is: bool = False) -> list[tuple[int, int]]:
    """The start and end of each OFFICIAL-SENSITIVE in `text`. Most files hold none, and
    a plain search for "official" says so first, unless a hidden character could split
    the word; a file that holds one (few do) is searched with the full pattern."""
    lower = lowered_alike(text)
    if lower is None or _may_hide_letters(text):
        return [match.span() for match in official_sensitive(as_is).finditer(text)]
    if "official" in lower:   # the offsets in `lower` are those in `text`
        return [match.span() for match in _in_lower_case(as_is).finditer(lower)]
    return []


def _may_hide_letters(text: str) -> bool:
    """Whether `text` holds a character that shows nothing, or a reference to one, which
    could split a word of the marking so a search for the word misses it (a soft hyphen
    in OFFICIAL did). A text of ASCII holds none of the characters, and says so at once."""
    return ((not text.isascii() and any(char in text for char in _INVISIBLES))
            or _references_one(text))


def _references_one(text: str) -> bool:
    """Whether `text` holds a reference to a character that shows nothing (&shy;).
    str.find goes from '&' to '&' several times faster than re.search does."""
    at = text.find("&")
    while at >= 0:
        if _hides_letters().match(text, at):
            return True
        at = text.find("&", at + 1)
    return False


# OTHER_MARKINGS begins with \b, which keeps re from skipping ahead to a likely start: it
# scanned every file at a tenth of str.find's speed. Most files hold no such word, and a
# plain search for each says so first.

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
