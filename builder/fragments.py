"""Stage 3: render every piece of Markdown in the content, once.

The result is keyed by what it belongs to, so pages, feeds and decks reuse
the same HTML, and each key depends on one source text only (the unit a
cache can later keep).
"""
from __future__ import annotations

from dataclasses import dataclass

from . import urls
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


def render_fragments(content: Content) -> Fragments:
    plain = urls.resolver(content)
    entries = {}
    for issue in content.issues:
        for entry in issue.entries:
            prefix = urls.entry_prefix(entry.theme, entry.month)
            entries[(entry.month.slug, entry.theme)] = render(
                entry.body, urls.resolver(content, prefix), id_prefix=prefix, heading_shift=1)
    return Fragments(
        entries=entries,
        issue_summaries={i.month.slug: render(i.summary, plain)
                         for i in content.issues if i.summary},
        pages={p.slug: render(p.body, plain) for p in content.pages},
        plan_summaries={p.slug: render(p.summary, plain) for p in content.plans if p.summary},
        terms={t.slug: render(t.definition, plain, id_prefix=t.slug) for t in content.glossary.terms},
        notes={},
    )


def render_inline(text: str, origin_path: str, content: Content) -> Fragment:
    """Short Markdown such as a summary line, rendered on its own."""
    from .model import Origin
    return render(Markdown(text, Origin(origin_path, 1)), urls.resolver(content))
