"""View objects: what templates see. Plain, frozen, built from the model.

Templates never reach into the model; everything a page shows is decided
here, with URLs still site-absolute (the page writer makes them relative).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from markupsafe import Markup

from . import urls
from .cache import ENTRY_VIEW_VERSION, digest, spelled
from .fragments import Fragments
from .decks.subitems import split_subitems
from .markdown import Fragment
from .model import MONTH_NAMES, Contact, Content, Entry, Issue, Rag, Theme
from .tableviews import table_view


@dataclass(frozen=True, slots=True)
class Html:
    """A piece of an entry's HTML, as sanitised as its fragment, printed by a template as it
    is (`__html__`, as for a Markup). Not a Markup itself: making one copies the text, so
    views holding Markups doubled the entries' HTML a build keeps (73 MB at 10,000
    entries); a template makes its Markup only for as long as it prints it."""

    text: str

    def __html__(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Link:
    label: str
    href: str
    title: str = ""
    current: bool = False


@dataclass(frozen=True)
class RagView:
    value: str
    label: str

    @staticmethod
    def of(rag: Rag) -> "RagView":
        return RagView(rag.value, rag.label)


@dataclass(frozen=True)
class Change:
    kind: str   # up | down | same | new | unrated
    text: str


@dataclass(frozen=True)
class EntryView:
    id: str
    theme_title: str
    theme_href: str
    month_label: str
    month_slug: str
    issue_href: str
    rag: RagView
    rag_note: str | None
    change: Change | None
    summary: str
    editor_notes: tuple[str, ...]
    no_update: bool
    parts: tuple[Any, ...]   # Html or TableView, in reading order
    contacts: tuple[Contact, ...]
    exit_this_page: bool
    corrections: tuple[CorrectionView, ...] = ()   # oldest first
    draft: bool = False      # of a draft month, in a build with --drafts
    made_from: str = field(default="", compare=False)  # see entry_view_key

    @property
    def month_title(self) -> str:
        return month_title(self.month_label, self.draft)

    @property
    def glance(self) -> str:
        """The home page's Summary cell: `summary`, or, with none, the update's opening
        (the cell was empty, a trial found). Read for the home page's few entries alone:
        made for every entry, it was 25 us each. A deck lists the opening's points itself."""
        if self.summary:
            return self.summary
        points = split_subitems("".join(part.text for part in self.parts
                                        if isinstance(part, Html)), remember=False).points
        return points[0] if points else ""

    @property
    def issue_link_text(self) -> str:
        """The link to the update's issue on its theme's page: "February 2026 issue"."""
        return month_title(f"{self.month_label} issue", self.draft)


def month_title(label: str, draft: bool) -> str:
    """A month as a --drafts build names it where published months stand beside it."""
    return f"{label} (draft)" if draft else label


@dataclass(frozen=True)
class CorrectionView:
    date: str        # "5 March 2026"
    iso: str         # "2026-03-05", for <time datetime>
    note: str


@dataclass(frozen=True)
class IssueView:
    title: str
    month_label: str
    month_slug: str
    href: str
    published: str | None
    published_iso: str | None
    summary: Markup | None
    editor_notes: tuple[str, ...]
    entries: tuple[EntryView, ...]
    draft: bool
    previous: Link | None
    next: Link | None
    changes: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class IssueListing:
    """An issue as a list of issues shows it: no entries, so no need to make them."""

    title: str
    month_label: str
    href: str
    draft: bool

    @staticmethod
    def of(issue: Issue) -> "IssueListing":
        return IssueListing(issue.title, issue.month.label, urls.issue(issue.month),
                            issue.is_draft)


def format_date(day) -> str:
    # month names from the model, as Month.label has them, whatever the builder's locale
    return f"{day.day} {MONTH_NAMES[day.month]} {day.year}"


def change(current: Entry, previous: Entry | None) -> Change:
    """How the status moved since the theme's update before, naming that update's month:
    issues are not always a month apart. Read after the status itself, so it does not
    say the status again."""
    if previous is None:
        return Change("new", "First update in the bulletin")
    since = previous.month.label
    if current.rag is Rag.NOT_RATED or previous.rag is Rag.NOT_RATED:
        if current.rag == previous.rag:
            return Change("unrated", f"Also not rated in {since}")
        return Change("unrated", f"{previous.rag.label} in {since}, {current.rag.label.lower()} now")
    if current.rag.rank > previous.rag.rank:
        return Change("up", f"Improved from {previous.rag.label.lower()} in {since}")
    if current.rag.rank < previous.rag.rank:
        return Change("down", f"Worsened from {previous.rag.label.lower()} in {since}")
    return Change("same", f"No change since {since}")


def entry_view_key(entry: Entry, theme: Theme, issue: Issue, fragment: Fragment,
                   previous: Entry | None,
                   parts: Callable[[], tuple[str, str]] | None = None) -> str:
    """A digest of everything `entry_view` reads, or "" when an input was not made
    through the build cache (its own digest is then unknown). `parts` gives the
    digests of the theme and of the month's data tables, when the caller keeps them;
    it is called only when there is a key to make."""
    if not (entry.made_from and fragment.made_from and (previous is None or previous.made_from)):
        return ""
    theme_part, tables_part = parts() if parts else (theme_digest(theme), tables_digest(issue))
    return digest(ENTRY_VIEW_VERSION, entry.made_from, fragment.made_from,
                  previous.made_from if previous else "", theme_part, tables_part,
                  str(issue.is_draft))


def theme_digest(theme: Theme) -> str:
    return digest(spelled(theme))


def tables_digest(issue: Issue) -> str:
    return digest(spelled(issue.tables))


def entry_view(entry: Entry, theme: Theme, issue: Issue, fragment: Fragment,
               previous: Entry | None, made_from: str | None = None) -> EntryView:
    tables = {t.slug: t for t in issue.tables}
    prefix = urls.entry_prefix(entry.theme, entry.month)
    parts: list[Any] = []
    for piece in fragment.parts():
        if isinstance(piece, tuple):
            parts.append(table_view(tables[piece[0]], prefix, entry.month.label)
                         if piece[0] in tables else Html(""))
        elif piece.strip():
            parts.append(Html(piece))
    for slug in entry.tables:
        if slug not in fragment.tables:
            parts.append(table_view(tables[slug], prefix, entry.month.label))
    return EntryView(
        id=entry.theme, theme_title=theme.title, theme_href=urls.theme(theme.slug),
        month_label=entry.month.label, month_slug=entry.month.slug,
        issue_href=f"{urls.issue(entry.month)}#{entry.theme}",
        rag=RagView.of(entry.rag), rag_note=entry.rag_note, change=change(entry, previous),
        summary=entry.summary or _summary_from(fragment, entry),
        editor_notes=entry.editor_notes, no_update=entry.no_update, parts=tuple(parts),
        contacts=entry.contacts or theme.contacts, exit_this_page=theme.exit_this_page,
        corrections=tuple(CorrectionView(format_date(c.day), c.day.isoformat(), c.note)
                          for c in entry.corrections),
        draft=issue.is_draft,
        made_from=(entry_view_key(entry, theme, issue, fragment, previous) if made_from is None
                   else made_from))


def _summary_from(fragment: Fragment, entry: Entry) -> str:
    if entry.no_update:
        return "No update this month."
    if fragment.headings:
        return "Covers: " + "; ".join(text for _, text in fragment.headings) + "."
    return ""


def issue_view(content: Content, issue: Issue, fragments: Fragments,
               make_entry: Callable[..., EntryView] = entry_view) -> IssueView:
    before, after = content.neighbours(issue)
    entries = tuple(
        make_entry(e, content.theme(e.theme), issue, fragments.entry(e),
                   before.entry(e.theme) if before else None)
        for e in issue.entries)
    summary = fragments.issue_summaries.get(issue.month.slug)
    return IssueView(
        title=issue.title, month_label=issue.month.label, month_slug=issue.month.slug,
        href=urls.issue(issue.month),
        published=format_date(issue.published) if issue.published else None,
        published_iso=issue.published.isoformat() if issue.published else None,
        summary=Markup(summary.html) if summary else None, editor_notes=issue.editor_notes,
        entries=entries, draft=issue.is_draft,
        previous=_issue_link(before, "Previous issue"),
        next=_issue_link(after, "Next issue"),
        changes=tuple(_changes(issue, before, fragments, content)))


def _issue_link(issue: Issue | None, label: str) -> Link | None:
    return Link(label, urls.issue(issue.month), issue.month.label) if issue else None


def _changes(issue: Issue, before: Issue | None, fragments: Fragments, content: Content):
    """Plain sentences saying what is different from the previous issue."""
    if before is None:
        return ["This is the first issue."]
    lines = []
    for entry in issue.entries:
        title = content.theme(entry.theme).title
        old = before.entry(entry.theme)
        if old is None:
            lines.append(f"{title}: new this month.")
            continue
        if old.rag != entry.rag:
            lines.append(f"{title}: status {old.rag.label.lower()} in {before.month.label}, "
                         f"{entry.rag.label.lower()} now.")
        if entry.no_update:
            lines.append(f"{title}: no update this month.")
            continue
        old_topics = {t.lower() for _, t in fragments.entry(old).headings}
        new_topics = [t for _, t in fragments.entry(entry).headings if t.lower() not in old_topics]
        if new_topics:
            lines.append(f"{title}: new topics: {'; '.join(new_topics)}.")
    return lines or ["No changes of status or topics since the previous issue."]

