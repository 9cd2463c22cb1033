"""Stage 3: render every piece of Markdown in the content, once.

The result is keyed by what it belongs to, so pages, feeds and decks reuse
the same HTML, and each key depends on one source text only: the unit
`bulletin serve` keeps between builds (see `builder.cache`).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from . import parallel, urls
from .cache import RENDERER_VERSION, Memo, digest
from .errors import Problem, error
from .markdown import Fragment, LinkRef, render
from .model import Content, Entry, Markdown, Month
from .model_site import FooterLink


@dataclass(frozen=True)
class Fragments:
    entries: dict[tuple[str, str], Fragment]  # (month slug, theme slug)
    issue_summaries: dict[str, Fragment]      # month slug
    pages: dict[str, Fragment]
    plan_summaries: dict[str, Fragment]
    terms: dict[str, Fragment]                # term slug
    # site.yaml's footer links with their addresses (site-absolute for a page of the
    # site), resolved as a Markdown link is; one that names no page has a problem instead
    footer: tuple[tuple[FooterLink, str], ...] = ()
    footer_problems: tuple[Problem, ...] = ()
    # the texts of files the model set aside (`SetAside`), by file: for their problems
    # and links alone, as no page shows them
    set_aside: dict[str, Fragment] = field(default_factory=dict)

    def entry(self, entry: Entry) -> Fragment:
        return self.entries[(entry.month.slug, entry.theme)]

    def every(self) -> tuple[Fragment, ...]:
        return tuple(fragment for group in (self.entries, self.issue_summaries, self.pages,
                                            self.plan_summaries, self.terms, self.set_aside)
                     for fragment in group.values())

    def problems(self) -> list[Problem]:
        return [p for fragment in self.every() for p in fragment.problems] + \
            list(self.footer_problems)

    @cached_property
    def links(self) -> tuple[LinkRef, ...]:
        """The links an editor wrote: in the content's Markdown, and the footer's to this
        site in site.yaml. Made once: the pages ask which files to read ids from, and
        the link check follows them."""
        return tuple(link for fragment in self.every() for link in fragment.links) + tuple(
            LinkRef(link.origin.path, link.origin.line, address, link.href)
            for link, address in self.footer if address.startswith("/"))


def render_fragments(content: Content, cache: Memo | None = None, *, jobs: int = 1) -> Fragments:
    """Render every Markdown text; with `cache`, reuse fragments whose inputs are unchanged.

    Texts the cache does not hold are rendered on up to `jobs` processes (see
    `builder.parallel`); each result lands under its own key, so the order of
    work cannot change the output."""
    requests: dict[tuple[str, Any], _Request] = {}
    for issue in content.issues:
        for entry in issue.entries:
            requests[("entries", (entry.month.slug, entry.theme))] = _update(
                entry.body, entry.month, entry.theme)
    requests.update({("issue_summaries", i.month.slug): _Request(i.summary)
                     for i in content.issues if i.summary})
    requests.update({("pages", p.slug): _Request(p.body) for p in content.pages})
    requests.update({("plan_summaries", p.slug): _Request(p.summary)
                     for p in content.plans if p.summary})
    requests.update({("terms", t.slug): _Request(t.definition, id_prefix=t.slug)
                     for t in content.glossary.terms})
    # rendered as it would be published, for its problems
    requests.update({("set_aside", text.body.origin.path):
                     _update(text.body, text.month, text.theme) if text.month else
                     _Request(text.body) for text in content.set_aside})
    rendered = _Renderer(content, cache).render_all(requests, jobs)
    groups: dict[str, dict] = {name: {} for name in ("entries", "issue_summaries", "pages",
                                                     "plan_summaries", "terms", "set_aside")}
    for (group, key) in requests:
        groups[group][key] = rendered[group, key]
    return Fragments(**groups, **_footer(content))


def _update(body: Markdown, month: Month, theme: str) -> _Request:
    """A theme's update: its links and ids are its entry's, its headings below the theme's."""
    prefix = urls.entry_prefix(theme, month)
    return _Request(body, prefix, prefix, 1)


def _footer(content: Content) -> dict[str, tuple]:
    resolve = urls.resolver(content)
    found, problems = [], []
    for link in content.site.footer.links:
        address, mistake = resolve(link.href, link.origin.path)
        if mistake:
            problems.append(error(link.origin.path, link.origin.line, mistake))
        if address:
            found.append((link, address))
    return {"footer": tuple(found), "footer_problems": tuple(problems)}


Name = tuple[str, Any]   # (group, key in the group), as `Fragments` holds it


@dataclass(frozen=True)
class _Request:
    """One Markdown text and how to render it."""

    doc: Markdown
    resolver_prefix: str = ""
    id_prefix: str = ""
    heading_shift: int = 0


class _Renderer:
    """`markdown.render` with the resolver for the content, through the cache if there is one.

    A fragment depends on its text, where it was written (messages carry the
    file and line), the resolver's id prefix, the id prefix and heading shift,
    and what the resolver can see of the content (`urls.resolver_inputs`).
    """

    def __init__(self, content: Content, cache: Memo | None):
        self.content = content
        self.cache = cache
        self.plain = urls.resolver(content)
        self.targets = digest(repr(urls.resolver_inputs(content))) if cache is not None else ""

    def render_all(self, requests: dict[Name, _Request], jobs: int) -> dict[Name, Fragment]:
        if self.cache is None:
            return dict(zip(requests, parallel.ordered_map(_render_one, self,
                                                           list(requests.values()), jobs)))
        months = self._months()
        kept = {key: self.cache.get(key) for key in months}
        found: dict[Name, Fragment] = {}
        for fragments in filter(None, kept.values()):
            found.update(fragments)
        singles = {name: self.key(r) for name, r in requests.items()
                   if name not in found and _month_of(name) is None}
        found.update({name: f for name, key in singles.items()
                      if (f := self.cache.get(key)) is not None})
        missing = [name for name in requests if name not in found]
        fresh = parallel.ordered_map(_render_one, self, [requests[n] for n in missing], jobs)
        for name, fragment in zip(missing, fresh):
            found[name] = replace(fragment, made_from=self.key(requests[name]))
            if name in singles:
                self.cache.put(singles[name], found[name])
        self._keep_months({k: months[k] for k, v in kept.items() if v is None}, requests, found)
        return found

    def _months(self) -> dict[str, str]:
        """The key each month's fragments are kept under together -> the month's slug.
        An issue's `made_from` names every text in the month, and where each was written."""
        return {digest(RENDERER_VERSION, self.targets, issue.made_from): issue.month.slug
                for issue in self.content.issues if issue.made_from}

    def _keep_months(self, months: dict[str, str], requests: dict[Name, _Request],
                     found: dict[Name, Fragment]) -> None:
        """Keep the fragments of the months just rendered, each month's together."""
        by_month: dict[str, dict[Name, Fragment]] = {}
        for name in requests:
            month = _month_of(name)
            if month is not None:
                by_month.setdefault(month, {})[name] = found[name]
        for key, month in months.items():
            self.cache.put(key, by_month.get(month, {}))

    def key(self, r: _Request) -> str:
        return digest(RENDERER_VERSION, self.targets, r.doc.origin.path, r.doc.origin.line,
                      r.resolver_prefix, r.id_prefix, r.heading_shift, r.doc.text)

    def render(self, r: _Request) -> Fragment:
        resolve = (urls.resolver(self.content, r.resolver_prefix) if r.resolver_prefix
                   else self.plain)
        return render(r.doc, resolve, id_prefix=r.id_prefix, heading_shift=r.heading_shift)


def _month_of(name: Name) -> str | None:
    """The month a text belongs to, if it is an entry or an issue's summary."""
    group, key = name
    return key[0] if group == "entries" else key if group == "issue_summaries" else None


def _render_one(renderer: _Renderer, request: _Request) -> Fragment:
    return renderer.render(request)
