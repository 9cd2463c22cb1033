"""The slides of a month's deck, each drawn by `templates/decks/monthly.html` from a
plain view (`SlideView`): title, agenda, a theme's stack (its status, sub-items, an
image's slide after the text it is in, tables and charts), contacts and questions.
`monthly` puts them in order; kept apart for its size.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import jinja2
from markupsafe import Markup

from ..fragments import Fragments
from ..model import Issue
from ..tablemarks import without_marks
from ..tableviews import TableView
from ..templating import render_template
from ..views import EntryView, IssueView
from .brand import DeckLogo
from .config import DecksConfig
from .model import Slide
from .pointfit import point_pages, theme_points
from .subitems import split_outlined, split_subitems
from .tablepages import chart_notes, table_notes, table_pages

TEMPLATE = "decks/monthly.html"
_IMAGE = re.compile(r"<img\b[^>]*>")
_IMAGE_PARAGRAPH = re.compile(r"<p>\s*<img\b[^>]*>\s*</p>\s*")
_ALT = re.compile(r'\salt="([^"]*)"')
# A theme slide holds its status, change and RAG note too: at most three of its text's
# key points, fewer where they do not fit (pointfit.theme_points).
INTRO_POINTS = 3


@dataclass(frozen=True)
class SlideView:
    """What one generated slide shows: `kind` picks the block in the template."""

    kind: str
    title: str
    data: dict[str, Any]


@dataclass(frozen=True)
class Drawer:
    """Draws each kind of slide of a month's deck."""

    env: jinja2.Environment
    opacity: float
    backgrounds: dict[str, str]
    remember: bool = True   # keep what the entries' HTML was split into (subitems._SEEN)
    logo: DeckLogo | None = None
    theme: str = "white"    # the deck's reveal.js theme, whose headings a table's rows go under

    def _slide(self, view: SlideView, notes: str | None, background: str | None = None,
               heading: str | None = None) -> Slide:
        html = render_template(self.env, TEMPLATE, {"slide": view})
        attributes = ()
        if background:
            attributes = (("data-background-image", background),
                          ("data-background-opacity", f"{self.opacity:g}"))
        return Slide(html, notes, attributes, 0, heading or view.title)

    def title(self, view: IssueView, config: DecksConfig) -> Slide:
        data = {"month": view.month_label, "presenter": config.presenter,
                "role": config.presenter_role, "published": view.published,
                "draft": view.draft,
                "logo": self.logo and self.logo.on_title_slide(view.title, config.presenter,
                                                               config.presenter_role)}
        notes = str(view.summary) if view.summary else None
        return self._slide(SlideView("title", view.title, data), notes, self.backgrounds.get("title"))

    def agenda(self, entries: list[EntryView]) -> Slide:
        items = [(e.theme_title, e.rag) for e in entries]
        notes = "".join(_status(e) for e in entries)
        return self._slide(SlideView("agenda", "Agenda", {"items": items}), notes)

    def theme_stack(self, entry: EntryView, issue: Issue, fragments: Fragments):
        fragment = fragments.entry(issue.entry(entry.id))
        split = (split_subitems(without_marks(fragment.html), self.remember)
                 if fragment.outline is None else split_outlined(fragment.html, fragment.outline))
        parts = split.parts
        # its sub-items' titles; else its summary; else its text's first key points
        points = [part.title for part in parts] if parts else \
            [] if entry.summary else list(split.points[:INTRO_POINTS])
        points = theme_points(entry.theme_title, points, self.theme, change=bool(entry.change),
                              rag_note=entry.rag_note or "",
                              more="and {} more topics" if parts else None)
        data = {"rag": entry.rag, "change": entry.change.text if entry.change else "",
                "summary": entry.summary, "rag_note": entry.rag_note, "points": points,
                "no_update": entry.no_update}
        # With sub-items, each sub-item's slide has its own text: the theme's took the
        # whole text too, and a handout printed every sub-item twice. (Without, the intro
        # is all of the text.)
        intro = _without_images(split.intro)
        notes = (intro.strip() or _status_notes(entry, parts)) if parts else \
            intro or "<p>No update this month.</p>"
        yield self._slide(SlideView("theme", entry.theme_title, data), notes,
                          self.backgrounds.get("sections"))
        yield from self._images(split.intro, entry.theme_title, entry.theme_title)
        for part in parts:
            yield from self._subitem(part, entry.theme_title)
            yield from self._images(part.html, part.title, entry.theme_title)
        for part in entry.parts:  # the intro is in the theme slide's notes
            if isinstance(part, TableView):
                yield from self._table(part)

    def _subitem(self, part, theme: str):
        """A sub-item's slide, or its slides where its points run on: the first has its
        text as notes, the others say where it is (a handout printed it once)."""
        for page in point_pages(part.title, part.points, self.theme):
            notes = (_without_images(part.html) if page.number == 1 else
                     f"<p>{_esc(part.title)}, continued: its text is in the notes of its "
                     f"first slide, {page.number - 1} slide{'s' if page.number > 2 else ''} "
                     "before this one.</p>")
            yield self._slide(SlideView("subitem", page.title, {
                "theme": theme, "points": list(page.points), "long_title": page.long_title}),
                notes)

    def _images(self, html: str, title: str, theme: str):
        """A slide for each image in `html`, after the slide of the text it is in: an
        update's map was in the speaker notes alone, never on screen (a trial)."""
        if "<img" not in html:   # most updates have none
            return
        for image in _IMAGE.findall(html):
            alt = _ALT.search(image)
            notes = f"<p>The image shows: {alt.group(1)}</p>" if alt and alt.group(1) else None
            yield self._slide(SlideView("image", title, {"theme": theme, "image": Markup(image)}),
                              notes)

    def _table(self, table: TableView):
        for page in table_pages(table, self.theme):
            yield self._slide(SlideView("table", page.title, {"table": table, "page": page}),
                              table_notes(table, page))
        if table.slide_chart_svg is not None:
            # a chart of one of several number columns says which, as the page's caption
            # does; without "chart" after it, which its bars say, a long title kept to two
            # lines and its chart to the slide (the trial's third line ran 7 px past it)
            title = table.chart_title if table.chart_of else f"{table.title}: chart"
            yield self._slide(SlideView("chart", title, {"table": table}), chart_notes(table))

    def contacts(self, entries: list[EntryView]) -> Slide:
        groups = [(e.theme_title, e.contacts) for e in entries if e.contacts]
        return self._slide(SlideView("contacts", "Contacts", {"groups": groups}), None)

    def questions(self) -> Slide:
        return self._slide(SlideView("questions", "Questions", {}), None,
                           self.backgrounds.get("closing"))


def _without_images(html: str) -> str:
    """A text's notes without its images, each on a slide of its own whose notes describe
    it: a handout printed each image twice, on the slide and in the notes (a review)."""
    if "<img" not in html:
        return html
    return _IMAGE.sub("", _IMAGE_PARAGRAPH.sub("", html))


def _status_notes(entry: EntryView, parts) -> str:
    """A theme slide's notes where its text starts with a sub-heading: its status and what
    its slides cover. It had none, so the speaker view was blank on it (a trial)."""
    covers = "; ".join(_esc(part.title) for part in parts)
    return f"{_status(entry)}<p>Covers: {covers}.</p>"


def _status(entry: EntryView) -> str:
    """A theme's status as the notes say it: 'Hate Crime: Amber. Red in January.'"""
    said = entry.change.text if entry.change else ""
    change = f" {_esc(said)}{'' if said.endswith(('.', '!', '?')) else '.'}" if said else ""
    return f"<p>{_esc(entry.theme_title)}: {entry.rag.label}.{change}</p>"


def _esc(text: str) -> str:
    return str(Markup.escape(text))
