"""The typed, frozen model of a bulletin site: what the content says, checked.

Built once by `builder.content`; every later stage reads it and none changes
it. It imports nothing that renders.
"""
from __future__ import annotations

import bisect
import posixpath
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from functools import cached_property

from .model_plans import Plan
from .model_site import Contact, Site
from .model_tables import DataTable
from .texts import Markdown, Origin  # noqa: F401  (re-exported: part of the model)


class Rag(str, Enum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    NOT_RATED = "not-rated"

    @property
    def label(self) -> str:
        return "Not rated" if self is Rag.NOT_RATED else self.value.capitalize()

    @property
    def rank(self) -> int:
        """Higher is better; not-rated sorts below red so it stands out."""
        return {"not-rated": -1, "red": 0, "amber": 1, "green": 2}[self.value]


class Status(str, Enum):
    DRAFT = "draft"
    PUBLISHED = "published"


# The bulletin is in English whatever the builder's locale (calendar.month_name follows
# the locale, and asks the C library for each name every time it is read).
MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    # Read some 100,000 times a build (fragments and views are found by month), so made
    # once per Month; `__reduce__` keeps it out of pickles, which must spell a month
    # the same whether or not its slug has been read (cache keys are such pickles).
    @cached_property
    def slug(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def __reduce__(self) -> tuple:
        return Month, (self.year, self.month)

    @property
    def label(self) -> str:
        return f"{MONTH_NAMES[self.month]} {self.year}"

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)


@dataclass(frozen=True)
class Theme:
    slug: str
    title: str
    description: str
    contacts: tuple[Contact, ...]
    exit_this_page: bool
    origin: Origin
    ended: Month | None = None   # its last month: later months need no file for it
    started: Month | None = None  # its first month: earlier months need no file for it

    def runs_in(self, month: Month) -> bool:
        """Whether `month` is between the theme's first and last months, as far as known."""
        return ((self.started is None or self.started <= month)
                and (self.ended is None or month <= self.ended))


@dataclass(frozen=True)
class Abbreviation:
    abbr: str
    expansion: str | None
    editor_note: str | None


@dataclass(frozen=True)
class Term:
    term: str
    slug: str
    definition: Markdown
    source: str | None


@dataclass(frozen=True)
class Glossary:
    abbreviations: tuple[Abbreviation, ...]
    terms: tuple[Term, ...]
    # Words in capitals that are not abbreviations (COVID, UK): `bulletin check` skips them.
    not_abbreviations: tuple[str, ...] = ()
    # Stood in for a glossary.yaml that could not be read, for the checks alone: nothing
    # is explained, so no abbreviation is called missing, and its page has no terms.
    stand_in: bool = False


@dataclass(frozen=True)
class Correction:
    """A change to an update after it was published, told to readers with the update."""

    day: date
    note: str
    line: int = field(default=0, compare=False)   # of its date: `bulletin check` names it


@dataclass(frozen=True)
class Entry:
    """One theme's update in one month."""

    theme: str  # theme slug
    month: Month
    rag: Rag
    rag_note: str | None
    summary: str | None
    contacts: tuple[Contact, ...]
    tables: tuple[str, ...]
    editor_notes: tuple[str, ...]
    no_update: bool
    body: Markdown
    origin: Origin
    corrections: tuple[Correction, ...] = ()   # oldest first
    # A digest of everything the entry was read from, when it was read through the
    # build cache: it names the entry's value in full, so cache keys can use it in
    # place of the entry (builder.cache.spelled). Never set it on a changed copy.
    made_from: str = field(default="", compare=False)


@dataclass(frozen=True)
class Issue:
    month: Month
    title: str
    published: date | None
    status: Status
    summary: Markdown | None
    editor_notes: tuple[str, ...]
    entries: tuple[Entry, ...]  # in theme order
    tables: tuple[DataTable, ...]
    origin: Origin
    made_from: str = field(default="", compare=False)  # its month's folder; see Entry.made_from
    # Themes with no file in the month's folder (a file with mistakes is not missing):
    # whether that is a mistake depends on other months (`coverage.missing_themes`).
    missing_themes: tuple[str, ...] = ()
    published_line: int = 0   # for `bulletin check`'s advice on the date

    def entry(self, theme: str) -> Entry | None:
        # a loop: next() over a generator was 0.8% of a build, asked this so often
        for entry in self.entries:
            if entry.theme == theme:
                return entry
        return None

    def table(self, slug: str) -> DataTable | None:
        return next((t for t in self.tables if t.slug == slug), None)

    @property
    def is_draft(self) -> bool:
        return self.status is Status.DRAFT


@dataclass(frozen=True)
class Page:
    slug: str
    title: str
    summary: str | None
    exit_this_page: bool
    order: int
    editor_notes: tuple[str, ...]
    body: Markdown
    origin: Origin


@dataclass(frozen=True)
class SetAside:
    """The text of a file the model leaves out for a mistake above it (its front matter,
    or its month's issue.yaml): never published, but rendered for its own checks, so one
    run names every mistake in the file. `month` and `theme` say whose update it is."""

    body: Markdown
    month: Month | None = None
    theme: str = ""


@dataclass(frozen=True)
class Content:
    site: Site
    themes: tuple[Theme, ...]
    glossary: Glossary
    issues: tuple[Issue, ...]  # oldest first
    plans: tuple[Plan, ...]
    pages: tuple[Page, ...]
    images: tuple[str, ...]  # content-relative paths of files under content/images/
    # Files with errors of their own, which the model leaves out or holds in part (and
    # every file of a month whose issue.yaml is one): a link to one is not called
    # missing, since the file's own errors say what is wrong.
    unread: frozenset[str] = frozenset()
    drafts: tuple[Month, ...] = ()   # draft months left out of this build
    set_aside: tuple[SetAside, ...] = ()

    def unreadable(self, path: str) -> bool:
        return bool(self.unread) and (path in self.unread
                                      or posixpath.dirname(path) + "/issue.yaml" in self.unread)

    def theme(self, slug: str) -> Theme | None:
        return self._themes_by_slug.get(slug)

    @cached_property
    def _themes_by_slug(self) -> dict[str, Theme]:
        # looked up for every entry on every page that lists one: 30,000 times a build
        return {t.slug: t for t in self.themes}

    def issues_of(self, month_slug: str) -> tuple[Issue, ...]:
        """The issues whose month is `month_slug` (one, in a valid site)."""
        return self._issues_by_month.get(month_slug, ())

    @cached_property
    def _issues_by_month(self) -> dict[str, tuple[Issue, ...]]:
        # every link to a theme file asks: a scan of 400 issues per link was quadratic
        found: dict[str, tuple[Issue, ...]] = {}
        for issue in self.issues:
            found[issue.month.slug] = found.get(issue.month.slug, ()) + (issue,)
        return found

    def neighbours(self, issue: Issue) -> tuple[Issue | None, Issue | None]:
        """The issues of the months just before and just after `issue`'s, if any."""
        before = bisect.bisect_left(self._months, issue.month)
        after = bisect.bisect_right(self._months, issue.month)
        return (self.issues[before - 1] if before else None,
                self.issues[after] if after < len(self.issues) else None)

    @cached_property
    def _months(self) -> list[Month]:
        # every issue's page and deck asks for its neighbours: a scan of all issues
        # each time made a site of 400 months compare months a million times
        return [i.month for i in self.issues]
