"""One public page drawn: its template given plain views, glossed, its links made relative.

`Renderer.page` is where every page of the site is made (`builder.pages` lists
them); it hands a page to another process, or reuses one an earlier build drew
from the same values, before drawing it.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

import jinja2

from . import linkcheck, parallel, urls
from .assets import AssetBundle
from .fragments import Fragments
from .glossing import Glosser, relativise
from .logo import logo_alt
from .model import Content, Rag
from .texts import EXIT_THIS_PAGE_URL
from .outputs import Output, PageReuse
from .shown import Deferred, IssueViews
from .templating import render_template
from .views import IssueView, Link


# The Generic header's own colour: the browser's bar takes it while the brand is not known
# (`bulletin check` draws pages without compiling the stylesheet).
HEADER_COLOUR = "#0b0c0c"


@dataclass(frozen=True)
class SiteView:
    title: str
    organisation: str
    description: str
    language: str
    phase: str | None
    footer_contacts: tuple
    nav: tuple[Link, ...]
    footer_address: tuple[str, ...] = ()
    footer_links: tuple[Link, ...] = ()
    logo: str | None = None   # the logo's published address
    logo_alt: str = ""
    exit_this_page_url: str = EXIT_THIS_PAGE_URL
    theme_colour: str = HEADER_COLOUR


@dataclass(frozen=True)
class PageView:
    title: str
    url: str
    root: str
    canonical_url: str
    description: str
    exit_this_page: bool = False
    draft: bool = False
    breadcrumbs: tuple[Link, ...] = ()
    pagefind: dict[str, list[str]] = field(default_factory=dict)
    searchable: bool = True


@dataclass(frozen=True)
class Renderer:
    content: Content
    fragments: Fragments
    assets: AssetBundle
    env: jinja2.Environment
    glosser: Glosser
    decks: tuple = ()   # DeckLinks (builder.decks.site): the decks page and issue pages list them
    reuse: PageReuse | None = None
    share: parallel.Walker | None = None  # render only the pages it hands out (see render_pages)
    issue_views: IssueViews | None = None   # shared with the monthly decks; made if not given
    only: frozenset[str] | None = None   # the files of the pages to draw, if not all
    ids_for: frozenset[str] = frozenset()  # the files whose ids to read as drawn (Output.ids)

    def __post_init__(self) -> None:
        if self.issue_views is None:
            object.__setattr__(self, "issue_views", IssueViews(self.content, self.fragments))

    def issue_view(self, issue) -> IssueView | Deferred:
        """The issue's view as a page shows it: deferred until a template reads it."""
        return self.issue_views.shown(issue)

    def page(self, template: str, url: str, title: str, *, link_terms: bool = True,
             **context: Any) -> Output:
        if self.share is not None and not self.share.mine():
            return Output(url, b"")  # another worker's page: a placeholder
        if self.only is not None and urls.file_of(url) not in self.only:
            return Output(url, b"")
        page: PageView = context.pop("page_view", None) or PageView(
            title, url, "", "", self.content.site.description)
        page = PageView(**{**page.__dict__, "title": title, "url": url,
                           "root": _root_of(url),
                           "canonical_url": self.content.site.base_url + url.lstrip("/")})
        values = {"site": self._site(url), "page": page, "assets": self._assets(url), **context}
        key = self.reuse.key(template, url, link_terms, values) if self.reuse else None
        if key is not None:
            reused = self.reuse.get(key)
            if reused is not None:
                return reused
        made = {name: v.made() if isinstance(v, Deferred) else v for name, v in values.items()}
        html = render_template(self.env, template, {**made, "urls": urls, "Rag": Rag})
        html = self.glosser.apply(html, link_terms=link_terms)
        base_path = _path_of(self.content.site.base_url) if url == urls.NOT_FOUND else None
        html = relativise(html, url, base_path)
        file = urls.file_of(url)
        output = Output(url, html.encode("utf-8"),
                        linkcheck.ids_on(html) if file in self.ids_for else None)
        if key is not None:
            self.reuse.pending[key] = output
        return output

    def _site(self, url: str) -> SiteView:
        return replace(self._site_alike, nav=_nav(self.content, url, bool(self.decks)))

    @cached_property
    def _site_alike(self) -> SiteView:
        """What every page shows of the site alike; `_site` adds each page's navigation."""
        site = self.content.site
        logo = self.assets.urls.get(site.logo) if site.logo else None
        links = tuple(Link(link.title, address) for link, address in self.fragments.footer)
        return SiteView(site.title, site.organisation, site.description, site.language,
                        site.phase, footer_contacts=site.footer.contacts, nav=(),
                        footer_address=site.footer.address, footer_links=links,
                        logo="/" + logo if logo else None,
                        logo_alt=logo_alt(site.title, site.organisation),
                        exit_this_page_url=site.exit_this_page_url,
                        theme_colour=self.assets.brand or HEADER_COLOUR)

    def _assets(self, url: str) -> dict[str, str]:
        return {name: "/" + path for name, path in self.assets.urls.items()}


def _root_of(url: str) -> str:
    depth = urls.file_of(url).count("/")
    return "../" * depth


def _path_of(base_url: str) -> str:
    return urlsplit(base_url).path or "/"


def _nav(content: Content, url: str, decks: bool = False) -> tuple[Link, ...]:
    items = [("Latest", urls.HOME), ("All issues", urls.ARCHIVE), ("Themes", urls.THEMES),
             ("RAG overview", urls.RAG)]
    if content.plans:
        items.append(("Action plans", urls.PLANS))
    items += [("Documents", urls.PAGES)] if content.pages else []
    items += [("Slide decks", urls.DECKS)] if decks else []
    items += [("Search", urls.SEARCH)]

    def current(href: str) -> bool:
        return url == href if href == urls.HOME else url.startswith(href)

    return tuple(Link(label, href, current=current(href)) for label, href in items)
