"""Work one build can hand to the next, without changing what the next one writes.

`bulletin serve` rebuilds the whole site on every save, through the same
`pipeline.build()` as `bulletin build`, from the files on disk. What it keeps
between builds is only work whose inputs are named in full by its key:

* Each month's issue as read and checked (`bulletins._read_issue`), keyed by
  the names in its folder and the bytes of each file, the themes, and whether
  drafts are included: files are still read from disk on every build, only
  not parsed again. An issue carries that key; its entries and data tables
  carry keys of their own inputs (file, text, theme, month, table names).
* Markdown fragments, keyed by the source text, where it was written (file
  and line, which messages carry), the id prefix and heading shift, the
  link targets the resolver can see, and `RENDERER_VERSION`.
* Rendered pages, keyed by the whole template context (pickled: every view
  is a frozen dataclass of plain values, so the bytes spell out every value
  the template can read), the template name and address, the bytes of every
  template file, the glossary and the base URL, and `PAGES_VERSION`.
* Generated monthly decks, keyed by the issue, its view and fragments (pickled,
  as pages are), the deck settings, the bytes of every template file, and
  `DECKS_VERSION`. A generated deck carries that key (`Deck.made_from`), and
  its rendered page is kept with the pages under a key made from it.
* The ids found on each rendered page, for the link check, keyed by the
  SHA-256 of the page's bytes.

A key that leaves an input out would serve a stale page, so each key is built
next to the code whose inputs it lists. `bulletin build` passes no cache; a
test builds with a cold cache and a warm one and compares every byte.

`serve` keeps this in memory. `bulletin build` keeps it on disk between runs
(`builder.diskcache`), in a folder named by a digest of the builder's code
and library versions, so a code change never meets an old entry; the version
constants make a change of meaning visible in review.
"""
from __future__ import annotations

import hashlib
import io
import pickle
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any, Generic, TypeVar

from .blobs import BlobStore, Stored

# Bump when bulletins.py (or what it calls) changes what an Issue or an Entry holds, or
# the problems reading a month finds (they are kept with it).
ISSUE_VERSION = "bulletin-issue-40"  # 2: placeholders in published months; 3: missing_themes;
                                    # 4: drafts; 5: published_line; 6: a percent cell's %;
                                    # 7: a miscounted row named by its first cell;
                                    # 8: and its cells read against the columns; 9: a chart
                                    # after a mistyped column, a stray theme file, ': ' quoted
                                    # 10: a stray theme file may be a new theme, a folder
                                    # in a month's folder unused; 11: keys in capitals;
                                    # 12: a contact without a name or email by its number;
                                    # 13: OFFICIAL-SENSITIVE in markup, references, hidden
                                    # characters (a month once read clean now is not);
                                    # 14: a character pasted from Word named on its own
                                    # line, curly quotes round part of a value kept as text;
                                    # 15: one list of pasted characters, a marking not across
                                    # a paragraph or cells, a key's line as written;
                                    # 16: any tag but a block's, a theme file in capitals;
                                    # 17: every Unicode space and Word bullet (pasted)
                                    # 18: a month's texts set aside (SetAside) kept with it
                                    # 19: a key in line with nothing above (yamlindents),
                                    # a key with no ':' above its list
                                    # 20: a list's '-' with no space after it named
                                    # 21: a key named as written ('yes', not 'True')
                                    # 22: '-name:' in a list that is not one, line by line
                                    # 23: 'un&shy;official sensitive' no marking (a month
                                    # once refused now is not)
                                    # 24: a table with no file told to save it here, an
                                    # unshown one that it may be another month's
                                    # 25: 'correction:' for 'corrections:' an error
                                    # 26: a correction's line (Correction.line)
                                    # 27: a value or table name in Word's curly quotes
                                    # 28: a key with a slip not also called missing
                                    # 29: a date written day first given back year first
                                    # 30: '-name' for each contact named line by line, not
                                    # "written twice"; a contact's slip not also missing
                                    # 31: a key out of line "with no key of its block"
                                    # 32: a cell's pasted character named; curly quotes
                                    # inside a value not called round it
                                    # 33: a contact's phone
                                    # 34: a table file named otherwise told to rename
                                    # at 'tables:', not also for its name
                                    # 35: 'rag:green' told to write the space, where YAML
                                    # reads it as text; 'label:CSP' in braces not missing
                                    # 36: a date in words ('3 March 2026') given back
                                    # 37: '[table: x]' beside X_file.yaml told to rename
                                    # it, once
                                    # 38: a pasted character named with its code point
                                    # 39: a phone number in brackets allowed
                                    # 40: a theme with no text in a published month an error; documents told to give their text
ENTRY_VERSION = "bulletin-entry-5"  # 2: corrections; 3: a correction's line; 4: a contact's phone
# 5: in brackets
# Bump when tables.py (or what it calls) changes what a DataTable holds.
TABLE_VERSION = "bulletin-table-5"  # 2: rows_line; 3: a row named by its first cell; 4: a cell's pasted character named
# 5: with its code point
# Bump when markdown.py (or its writers), safety.py or fragments.py change what a Fragment holds.
RENDERER_VERSION = "bulletin-fragment-25"  # 2: text the parser shows as written (textmistakes); 3: ^[ screened
# 4: a Markdown table in a scroll box; 5: a table's row of another length than its header reported
# 6: a table whose row of dashes has another length than its header, shown as text
# 7: a Markdown table named as its box is; 8: the rows given keep their quote marks, indent and colons
# 9: an image outside content/images/ is not called missing; 10: one wording for a link not allowed
# 11: '##Heading' and an entry's '#' heading reported (linemarks)
# 12: Word's bullets, and '-item' beside a list item, reported (linemarks)
# 13: Word's narrow non-breaking space and its kin after '##' or a bullet (pasted); 14: every Unicode space
# 15: an image at an address no image may have (ftp:, data:, mailto:) told an image's rules
# 16: the space after '##' named as the one it is (a thin space (U+2009)), not as a non-breaking one
# 17: an invisible character after '##' named, and left out of the line to write
# 18: a path with Windows' backslashes given with slashes
# 19: and followed with them, where it leads nowhere
# 20: an image named with a space or an accent found, and its address encoded
# 21: a link through content/ to a page the site makes told its address
# 22: a full address into the site (its base_url) made the site address it names
# 23: a heading more than one level below the one before it reported (headinglevels)
# 24: a paragraph indented as code reported
# 25: a web address written without https:// told to start with it
# Bump when Renderer.page changes how a page is made from its context.
PAGES_VERSION = "bulletin-page-5"  # 3: the glosser leaves a <summary> alone; 4: the statement says what is tested
# 5: every page's frame shows site.yaml's logo, footer address and links and exit address,
# and the brand the stylesheet was compiled with (theme-color)
# Bump when views.entry_view changes what it reads or how.
ENTRY_VIEW_VERSION = "bulletin-entry-view-8"  # 2: corrections; 3: a column's decimal places and %; 4: period
# 5: draft; 6: a table's chart_of; 7: a summary from the first paragraph; 8: a contact's phone
# Bump when views.issue_view or themes.theme_view change what they read (see builder.shown).
ISSUE_VIEW_VERSION = "bulletin-issue-view-1"
THEME_VIEW_VERSION = "bulletin-theme-view-3"  # 2: ended; 3: history newest first
# Bump when themes.rag_overview reads more than the themes, months and statuses.
OVERVIEW_VERSION = "bulletin-rag-overview-2"
# Bump when decks/monthly.py, monthslides.py, subitems.py or tablepages.py (or its
# tablefit.py) changes what a generated deck is made from.
DECKS_VERSION = "bulletin-monthly-deck-18"  # 2: options.exit_this_page, from the themes shown; 3: short paragraphs whole
# 4: the site's logo on the title slide, decks.yaml's css: in options.css; 5: navigationMode linear
# 6: a table's rows over as many slides as they take at 26 px, by the deck's theme; 7: draft
# 8: a chart slide names its column where the table has several; 9: a theme slide's intro
# points, a first sentence whole to 45 words, a chart slide without 'chart', slide numbers
# 10: a nested list's points in the text's order from the writer's outline too
# 11: a theme slide with sub-items has its intro alone as notes, each sub-item's text once
# 12: an update's images shown from the deck's own copies (site-images/)
# 13: only the content's images copied; the site's folder in the key (a kept deck's copies)
# 14: an image of an update on a slide of its own after its text
# 15: a contact's phone on the contacts slide
# 16: a theme slide whose text starts with a sub-heading has its status as notes
# 17: an image left out of its text's notes; the agenda's notes end each change with a stop
# 18: key points at 28 px, a sub-item's running on to further slides, a theme's cut to fit

V = TypeVar("V")


def digest(*parts: Any) -> str:
    """SHA-256 of `parts`, each length-prefixed so ("ab", "c") differs from ("a", "bc")."""
    h = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else str(part).encode("utf-8", "surrogatepass")
        h.update(b"%d:" % len(data))
        h.update(data)
    return h.hexdigest()


def spelled(value: Any) -> bytes:
    """Bytes that spell out `value` (frozen dataclasses of plain values, lists, dicts):
    equal values give equal bytes, in any process. Pickled without its memo ("fast"
    mode), so the bytes do not depend on which equal strings happen to be one object
    (a fragment just rendered, or loaded from the disk cache); repr where something
    will not pickle. Sets are left out of keys: their order changes between processes.

    An object whose `made_from` is set (an entry, fragment or view made through a
    cache) is spelled by that digest of its inputs, which names its value in full:
    a page's key then costs a few bytes per entry, not the entry's whole HTML."""
    buffer = io.BytesIO()
    pickler = _Speller(buffer, protocol=5)
    pickler.fast = True
    try:
        pickler.dump(value)
    except (pickle.PicklingError, TypeError, AttributeError, ValueError, RecursionError):
        return repr(value).encode("utf-8", "surrogatepass")
    return buffer.getvalue()


class _Speller(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        made_from = getattr(obj, "made_from", None)
        if made_from and isinstance(made_from, str):
            return _made_from, (type(obj).__qualname__, made_from)
        return NotImplemented


def _made_from(kind: str, key: str) -> tuple[str, str]:
    """What `spelled` writes in place of an object named by its inputs' digest."""
    return kind, key


class Memo(Generic[V]):
    """key -> value, keeping what the last successful build used and forgetting the rest.

    Lookups during a build move entries into the current generation;
    `end_build()` (called only when a build succeeded) drops the entries that
    build did not use, so memory follows the site and not the edit history.
    """

    def __init__(self) -> None:
        self._previous: dict[str, V] = {}
        self._current: dict[str, V] = {}
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> V | None:
        if key in self._current:
            self.hits += 1
            return self._current[key]
        if key in self._previous:
            self.hits += 1
            value = self._current[key] = self._previous.pop(key)
            return value
        self.misses += 1
        return None

    def put(self, key: str, value: V) -> None:
        self._current[key] = value

    def end_build(self) -> None:
        self._previous, self._current = self._current, {}

    def has_key_starting(self, prefix: str) -> bool:
        return any(key.startswith(prefix) for key in chain(self._current, self._previous))

    def __len__(self) -> int:
        return len(self._previous) + len(self._current)

    def kept(self) -> list[V]:
        """What the last successful build used (after `end_build`)."""
        return list(self._previous.values())


@dataclass
class BuildCache:
    """What `pipeline.build(options, cache=...)` may reuse from earlier builds."""

    entries: Memo = field(default_factory=Memo)
    fragments: Memo = field(default_factory=Memo)
    pages: Memo = field(default_factory=Memo)
    decks: Memo = field(default_factory=Memo)   # generated monthly decks (decks/monthly.py)
    page_ids: Memo = field(default_factory=Memo)  # SHA-256 of a page -> its ids
    file_digests: Memo = field(default_factory=Memo)  # see builder.filedigests
    # Where the disk cache records what the last build read and wrote (builder.lastbuild)
    last_build: Path | None = None
    blobs: BlobStore | None = None   # the disk cache's kept pages (builder.blobs)
    templates: Path | None = None    # where the disk cache keeps compiled templates

    def end_build(self) -> None:
        for memo in (self.entries, self.fragments, self.pages, self.decks, self.page_ids,
                     self.file_digests):
            memo.end_build()
        if self.blobs is not None:
            self.blobs.collect_garbage({o.body.sha for o in self.pages.kept()
                                        if isinstance(o.body, Stored)})
