"""A hand-written (reveal-md) deck file, read into a `Deck` with its files and problems."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..errors import Problem
from .files import Collector, SiteLinks, collect_listed, collect_tree
from .lint import lint_deck
from .model import THEMES, Deck
from .slides import render_chunk
from .source import read_deck
from .split import split_slides


def read_handwritten(root: Path, file: Path, slug: str, problems: list[Problem],
                     reviewed: frozenset[str] = frozenset(), *,
                     site: SiteLinks | None = None) -> Deck | None:
    """`reviewed`: kinds of lint warning an editor has acknowledged for this deck in
    decks.yaml, besides those its own front matter acknowledges.
    `site`, when the site build publishes it: how it links into the site (and, as one
    of the site's decks, it loads nothing from another host)."""
    source = read_deck(root, file, problems)
    if source is None:
        return None
    options = source.options
    chunks = split_slides(source.body, source.body_line, options)
    rendered = [[(chunk.line, *render_chunk(chunk, source.path, f"s{h + 1}-{v + 1}", problems))
                 for v, chunk in enumerate(stack)] for h, stack in enumerate(chunks)]
    headings = [slide[-1] for stack in rendered for slide in stack]
    problems.extend(lint_deck(source.path, source.text, source.body_line, source.body, chunks,
                              headings, reviewed | options.reviewed, options))
    collector = Collector(file.parent, source.path, source.text, problems, site=site)
    stacks = tuple(tuple(collect_tree(collector, root, attributes, notes, line, heading)
                         for line, root, attributes, notes, heading in stack) for stack in rendered)
    options = replace(
        options,
        css=collect_listed(collector, options.css, options.lines.get("css", 1), "stylesheet"),
        scripts=collect_listed(collector, options.scripts, options.lines.get("scripts", 1),
                               "script"),
        theme=options.theme if options.theme in THEMES else collect_listed(
            collector, (options.theme,), options.lines.get("theme", 1), "theme")[0])
    title = options.title or next((h for h in headings if h), None) or file.stem
    return Deck(slug, title, source.path, options, stacks, tuple(collector.files.values()),
                description=f"{len(stacks)} slides, {sum(len(s) for s in stacks)} in all")
