"""Stage 3: render every piece of Markdown in the content, once.

The result is keyed by what it belongs to, so pages, feeds and decks reuse
the same HTML, and each key depends on one source text only: the unit
`bulletin serve` keeps between builds (see `builder.cache`).
"""
from __future__ import annotations

from dataclasses import dataclass

from . import urls
from .cache import RENDERER_VERSION, Memo, digest
from .errors import Problem
from .markdown import Fragment, render
from .model import Content, Entry, Markdown


@dataclass(frozen=True)
class Fragments:
    entries: dict[tuple[str, str], Fragment]  # (month slug, theme slug)
    issue_summaries: dict[str, Fragment]      # month slug
    pages: dict[str, Fragment]
    plan_summaries: dict[str, Fragment]
    terms: dict[str, Fragment]                # term slug
    notes: dict[str, Fragment]                # inline Markdown of short fields, by text

    def entry(self, entry: Entry) -> Fragment:
        return self.entries[(entry.month.slug, entry.theme)]

    def problems(self) -> list[Problem]:
        found: list[Problem] = []
        for group in (self.entries, self.issue_summaries, self.pages, self.plan_summaries, self.terms):
            for fragment in group.values():
                found.extend(fragment.problems)
        return found


def render_fragments(content: Content, cache: Memo | None = None) -> Fragments:
    """Render every Markdown text; with `cache`, reuse fragments whose inputs are unchanged."""
    md = _Renderer(content, cache)
    entries = {}
    for issue in content.issues:
        for entry in issue.entries:
            prefix = urls.entry_prefix(entry.theme, entry.month)
            entries[(entry.month.slug, entry.theme)] = md(
                entry.body, resolver_prefix=prefix, id_prefix=prefix, heading_shift=1)
    return Fragments(
        entries=entries,
        issue_summaries={i.month.slug: md(i.summary) for i in content.issues if i.summary},
        pages={p.slug: md(p.body) for p in content.pages},
        plan_summaries={p.slug: md(p.summary) for p in content.plans if p.summary},
        terms={t.slug: md(t.definition, id_prefix=t.slug) for t in content.glossary.terms},
        notes={},
    )


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

    def __call__(self, doc: Markdown, *, resolver_prefix: str = "", id_prefix: str = "",
                 heading_shift: int = 0) -> Fragment:
        if self.cache is None:
            return self._render(doc, resolver_prefix, id_prefix, heading_shift)
        key = digest(RENDERER_VERSION, self.targets, doc.origin.path, doc.origin.line,
                     resolver_prefix, id_prefix, heading_shift, doc.text)
        fragment = self.cache.get(key)
        if fragment is None:
            fragment = self._render(doc, resolver_prefix, id_prefix, heading_shift)
            self.cache.put(key, fragment)
        return fragment

    def _render(self, doc: Markdown, resolver_prefix: str, id_prefix: str,
                heading_shift: int) -> Fragment:
        resolve = urls.resolver(self.content, resolver_prefix) if resolver_prefix else self.plain
        return render(doc, resolve, id_prefix=id_prefix, heading_shift=heading_shift)


def render_inline(text: str, origin_path: str, content: Content) -> Fragment:
    """Short Markdown such as a summary line, rendered on its own."""
    from .model import Origin
    return render(Markdown(text, Origin(origin_path, 1)), urls.resolver(content))
