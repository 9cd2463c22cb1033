"""Stage 4: render every public page to HTML, in memory.

Each `_xxx` function yields the pages of one kind, each drawn by
`builder.renderer.Renderer.page`; `render_pages` runs them all, on every core.
Nothing here writes to disk.
"""
from __future__ import annotations

import os
from dataclasses import replace
from typing import Any, Iterator

from markupsafe import Markup

from . import parallel, plans, urls
from .blobs import Spill
from .outputs import Output, spilled
from .renderer import PageView, Renderer
from .templating import draws_own_templates
from .themes import ThemeListing
from .views import IssueListing, Link, format_date

# The search's filters (Pagefind names a group by its key, to screen readers too:
# capitalised); the search page reads only these from its address.
MONTH, THEME, RAG_STATUS = "Month", "Theme", "RAG status"


def render_pages(r: Renderer, jobs: int = 1, spill: Spill | None = None) -> list[Output]:
    """Every page, in a fixed order. With several jobs (and nothing to reuse), every
    process walks that order and draws the pages it claims as it comes to them
    (`parallel.SharedWalk`: pages differ in cost, so shares fixed in advance would leave
    one process busy alone), and each page is taken from the process that drew it, so
    the result is the same list one process makes. With `spill`, each page is stored as soon as it is made
    (`blobs.Spill`) and the list holds `Stored`s."""
    if spill is not None and r.reuse is not None:
        r.reuse.spill_to(spill)
    if jobs <= 1 or (r.reuse is not None and r.reuse.could_reuse()):
        return _all_pages(r, spill)  # reusing pages: the few left are not worth a pool
    shares = parallel.ordered_map(_share, (r, spill, parallel.SharedWalk()), range(jobs), jobs,
                                  min_items=2)
    pages = [output for output, _ in shares[0][0]]
    for drawn, made, pid in shares:
        for i, (output, mine) in enumerate(drawn):
            if mine:
                pages[i] = output
        # A worker's lookups all missed (the memo held no page of this salt) and went
        # unrecorded; this process's share was recorded in r.reuse itself as it was made.
        if r.reuse is not None and pid != os.getpid():
            r.reuse.pending.update(made)
            r.reuse.memo.misses += len(made)
    return pages


def _share(state: tuple[Renderer, Spill | None, parallel.SharedWalk], _k: int
           ) -> tuple[list[tuple[Output, bool]], dict[str, Output], int]:
    """This process's walk of the pages (`_drawn_pages`), those it made for the reuse
    memo to keep, and which process it is (this one takes a share too:
    `parallel.ordered_map`)."""
    r, spill, walk = state
    drawn = _drawn_pages(replace(r, share=walk.walker()), spill)
    return drawn, (dict(r.reuse.pending) if r.reuse is not None else {}), os.getpid()


def _all_pages(r: Renderer, spill: Spill | None = None) -> list[Output]:
    return [output for output, _ in _drawn_pages(r, spill)]


def _drawn_pages(r: Renderer, spill: Spill | None) -> list[tuple[Output, bool]]:
    """Each page in the order the site lists them, and whether this process drew it
    (where it did not, the page is a placeholder)."""
    drawn: dict[Any, list[tuple[Output, bool]]] = {}
    for kind in DRAWING_ORDER:
        drawn[kind] = []
        for output in kind(r):
            mine = r.share is None or r.share.took_last()
            drawn[kind].append((spilled(output, spill), True) if mine else (output, False))
    return [page for kind in PUBLISHING_ORDER for page in drawn[kind]]


def _published(r: Renderer) -> list:
    return list(r.content.issues)


def _sensitive(themes) -> bool:
    """Whether a page showing these themes' text offers "Exit this page": wherever a
    sensitive theme's words are (its updates, its summary, its description)."""
    return any(t is not None and t.exit_this_page for t in themes)


def _home(r: Renderer) -> Iterator[Output]:
    issues = _published(r)
    latest = r.issue_view(issues[-1]) if issues else None
    recent = [IssueListing.of(i) for i in reversed(issues[-6:-1])]
    # The latest issue's summaries, Hate Crime's among them, were shown with no way out.
    shown = [r.content.theme(e.theme) for e in issues[-1].entries] if issues else []
    yield r.page("index.html", urls.HOME, r.content.site.title, issue=latest, recent=recent,
                 page_view=PageView(r.content.site.title, urls.HOME, "", "",
                                    r.content.site.description,
                                    exit_this_page=_sensitive(shown),
                                    draft=bool(issues and issues[-1].is_draft), searchable=False))


def _issues(r: Renderer) -> Iterator[Output]:
    decks_of: dict[str, list] = {}
    for deck in r.decks:
        decks_of.setdefault(deck.month, []).append(deck)
    # Read from the model, not the view, which is made only if the page is rendered
    for issue in r.content.issues:
        themes = [r.content.theme(e.theme) for e in issue.entries]
        month, title = issue.month.label, issue.title
        # No Theme: an issue holds every theme's update, so a search narrowed to Hate
        # Crime found issues by their words in other themes (a reader's trial). A theme's
        # pages answer for it.
        filters = {MONTH: [month], RAG_STATUS: sorted({e.rag.label for e in issue.entries})}
        decks = tuple(decks_of.get(issue.month.slug, ()))
        yield r.page("issue.html", urls.issue(issue.month), f"{title}: {month}",
                     issue=r.issue_view(issue), decks=decks,
                     page_view=PageView("", "", "", "", f"{title}, {month}",
                                        exit_this_page=_sensitive(themes),
                                        draft=issue.is_draft, pagefind=filters,
                                        breadcrumbs=(Link("All issues", urls.ARCHIVE),)))


def _archive(r: Renderer) -> Iterator[Output]:
    years: dict[int, list[IssueListing]] = {}
    for issue in reversed(r.content.issues):
        years.setdefault(issue.month.year, []).append(IssueListing.of(issue))
    yield r.page("archive.html", urls.ARCHIVE, "All issues", years=sorted(years.items(),
                 reverse=True))


def _themes(r: Renderer) -> Iterator[Output]:
    shown = r.issue_views.themes()
    yield r.page("themes.html", urls.THEMES, "Themes",
                 themes=[ThemeListing.of(theme, pairs) for theme, pairs, _ in shown],
                 page_view=PageView("", "", "", "", r.content.site.description,
                                    exit_this_page=_sensitive(t for t, _, _ in shown)))
    for theme, _, pages in shown:   # the model again, so that `view` may stay unmade
        for page, view in _let_go(pages):
            filters = {THEME: [theme.title],
                       MONTH: [i.month.label for i, _ in reversed(page.pairs)],
                       RAG_STATUS: sorted({e.rag.label for _, e in page.pairs})}
            crumbs = (Link("Themes", urls.THEMES),) + (
                (Link(theme.title, urls.theme(theme.slug)),) if page.year else ())
            yield r.page("theme.html", page.url(theme),
                         f"{theme.title}: {page.year}" if page.year else theme.title,
                         theme=view, page_view=PageView(
                             "", "", "", "", theme.description,
                             exit_this_page=theme.exit_this_page, pagefind=filters,
                             breadcrumbs=crumbs))


def _let_go(items: list) -> Iterator:
    """Each of `items`, dropped from the list as it is handed out. A theme page's view,
    once made, is every entry of that theme-year's HTML again: held by the list until
    the last theme page, all of them were every entry's HTML again (73 MB at 10,000)."""
    items.reverse()
    while items:
        yield items.pop()


def _rag(r: Renderer) -> Iterator[Output]:
    # Its rows name every theme, a sensitive one too, as the themes' list does (a trial
    # found Exit this page on that list and not here). Each year's page has it too, even
    # a year before the theme began: a reader moves between them, and it errs safe.
    sensitive = _sensitive(r.content.themes)
    for year, overview in r.issue_views.overviews():
        if year is None:
            yield r.page("rag.html", urls.RAG, "RAG overview", overview=overview,
                         page_view=PageView("", "", "", "", r.content.site.description,
                                            exit_this_page=sensitive))
        else:
            yield r.page("rag.html", urls.rag(year), f"RAG overview: {year}", overview=overview,
                         page_view=PageView("", "", "", "", f"Each theme's status in {year}",
                                            exit_this_page=sensitive,
                                            breadcrumbs=(Link("RAG overview", urls.RAG),)))


def _plans(r: Renderer) -> Iterator[Output]:
    if not r.content.plans:
        return
    views = [plans.plan_view(p, r.fragments) for p in r.content.plans]
    yield r.page("plans.html", urls.PLANS, "Action plans", plans=views)
    for view in views:
        yield r.page("plan.html", view.href, view.title, plan=view,
                     page_view=PageView("", "", "", "", view.title,
                                        breadcrumbs=(Link("Action plans", urls.PLANS),)))


def _pages(r: Renderer) -> Iterator[Output]:
    if not r.content.pages:
        return
    listed = [Link(p.title, urls.page(p.slug), p.summary or "") for p in r.content.pages]
    yield r.page("pages.html", urls.PAGES, "Documents", pages=listed)
    for p in r.content.pages:
        yield r.page("page.html", urls.page(p.slug), p.title,
                     body=Markup(r.fragments.pages[p.slug].html), summary=p.summary,
                     editor_notes=p.editor_notes,
                     page_view=PageView("", "", "", "", p.summary or p.title,
                                        exit_this_page=p.exit_this_page))


def _decks(r: Renderer) -> Iterator[Output]:
    if not r.decks:
        return
    generated = [d for d in r.decks if d.generated]
    written = [d for d in r.decks if not d.generated]
    yield r.page("decks.html", urls.DECKS, "Slide decks", generated=list(reversed(generated)),
                 written=written,
                 page_view=PageView("", "", "", "", "Slide decks for presenting the bulletin"))


def _glossary(r: Renderer) -> Iterator[Output]:
    glossary = r.content.glossary
    terms = [(t, Markup(r.fragments.terms[t.slug].html)) for t in glossary.terms]
    yield r.page("glossary.html", urls.GLOSSARY, "Glossary", link_terms=False,
                 abbreviations=sorted(glossary.abbreviations, key=lambda a: a.abbr.lower()),
                 terms=sorted(terms, key=lambda pair: pair[0].term.lower()),
                 source_titles={page.slug: page.title for page in r.content.pages})


def _accessibility(r: Renderer) -> Iterator[Output]:
    a = r.content.site.accessibility
    # The statement promises zoom to 400%, which slide decks do not follow: it says so,
    # and where their words are.
    yield r.page("accessibility.html", urls.ACCESSIBILITY, "Accessibility statement",
                 statement=a, prepared=format_date(a.prepared), reviewed=format_date(a.reviewed),
                 tested=format_date(a.tested) if a.tested else None,
                 monthly_decks=any(d.generated for d in r.decks),
                 own_templates=draws_own_templates(r.env),
                 written_decks=[d.title for d in r.decks if not d.generated])


def _search(r: Renderer) -> Iterator[Output]:
    # Its results quote any theme's updates.
    yield r.page("search.html", urls.SEARCH, "Search", filters=(MONTH, THEME, RAG_STATUS),
                 page_view=PageView("", "", "", "", "Search the bulletin", searchable=False,
                                    exit_this_page=_sensitive(r.content.themes)))


def _not_found(r: Renderer) -> Iterator[Output]:
    yield r.page("404.html", urls.NOT_FOUND, "Page not found",
                 page_view=PageView("", "", "", "", "Page not found", searchable=False))


# The order the site lists its pages in (the sitemap follows it), and the order they
# are drawn in: the RAG overview first. When it was one page of every month (4.5 MB at
# 10,000 entries) it took as long as a hundred others, and drawn last it kept one process
# busy alone; a page a year now (150 KB), it is first still, as the dearest kind to draw.
PUBLISHING_ORDER = (_home, _issues, _archive, _themes, _rag, _plans, _pages, _decks, _glossary,
                    _accessibility, _search, _not_found)
DRAWING_ORDER = (_rag,) + tuple(kind for kind in PUBLISHING_ORDER if kind is not _rag)
