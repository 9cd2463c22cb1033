"""`build()`: validate (load, render pages, feeds and decks in memory, check) → write atomically.

`validate()` is the one path every check takes; `bulletin check` runs it too.
"""
from __future__ import annotations

import inspect
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterator

from . import TOOL_ROOT, lastbuild, linkcheck, linkhints, parallel, tables, urls
from .assets import AssetBundle, build_assets, deck_exit_css, unbuilt_bundle
from .blobs import Spill, Stored
from .cache import BuildCache
from .content import read_content
from .coverage import missing_themes
from .decks.brand import deck_style, generated_theme
from .decks.model import Deck
from .decks.page import PLAIN, DeckStyle
from .decks.site import PageDrawer, deck_links, deck_outputs, read_site_decks
from .errors import ContentErrors, Problem, Severity, TemplateProblem
from .feeds import render_feeds
from .folders import CACHE_FOLDER, is_settings_file
from .fragments import Fragments, render_fragments
from .glossing import Glosser
from .linkcheck import check_links
from .model import Content
from .output import clear_leftovers, page_store, write_site
from .outputs import Output, PageReuse
from .overrides import check_overrides
from .pages import render_pages
from .renderer import Renderer
from .templating import KEPT_TEMPLATES, make_environment, templates_digest
from .shown import IssueViews



@dataclass(frozen=True)
class BuildOptions:
    root: Path
    out: Path
    drafts: bool = False
    strict: bool = False
    search: bool = True
    jobs: int = 0       # processes for the stages that spread work; 0: every core


@dataclass(frozen=True)
class BuildResult:
    problems: tuple[Problem, ...]
    pages: int
    files: int
    base_url: str = "/"
    unchanged: bool = False   # nothing it reads had changed: the site was left as it was
    drafts: tuple[str, ...] = ()   # the draft months left out (YYYY-MM)


@dataclass(frozen=True)
class Validation:
    """What `validate` found: the model and its rendered pages, or how far it got."""

    problems: tuple[Problem, ...]
    failed: bool                       # an error (or, when strict, a warning) was found
    content: Content | None = None
    fragments: Fragments | None = None
    assets: AssetBundle | None = None
    outputs: tuple[Output, ...] = ()


# Writes the finished files: write_site (all at once, atomically) unless a caller
# such as `bulletin serve` keeps its own folder up to date. A file is bytes, or a
# `blobs.Stored` page when the cache keeps pages on disk (only the disk cache of
# `bulletin build` does: serve's in-memory cache hands its writer bytes).
Writer = Callable[..., None]


def build(options: BuildOptions, *, cache: BuildCache | None = None,
          write: Writer = write_site) -> BuildResult:
    """Build the site. `cache` lets a long-running caller (`bulletin serve`) reuse
    unchanged work; it never changes what is written. With the disk cache, a build
    whose inputs and output folder are as the last build left them stops at once."""
    inputs = _snapshot(options, cache) if _writes_site_folder(write) else None
    if inputs is not None and (same := _unchanged(options, cache, inputs)) is not None:
        return same
    with _spill(options, cache, write) as spill:
        checked = validate(options.root, drafts=options.drafts, strict=options.strict,
                           assets=lambda: build_assets(options.root, TOOL_ROOT,
                                                       options.root / CACHE_FOLDER), cache=cache,
                           jobs=options.jobs or parallel.available_jobs(), spill=spill)
        if checked.failed:
            raise ContentErrors(checked.problems)
        outputs = list(checked.outputs)
        files = collect_files(outputs, checked.assets, checked.content, options.root)
        write(files, options.out, search_tool=search_tool() if options.search else None)
    if cache is not None:
        cache.end_build()
    pages = sum(1 for o in outputs if o.file.endswith(".html"))
    result = BuildResult(checked.problems, pages, len(files), checked.content.site.base_url,
                         drafts=tuple(month.slug for month in checked.content.drafts))
    if inputs is not None:
        lastbuild.save(cache.last_build, inputs, options.out, result)
    return result


@contextmanager
def _spill(options: BuildOptions, cache: BuildCache | None, write: Writer
           ) -> Iterator[Spill | None]:
    """Where this build's pages go as soon as they are made (`blobs.Spill`): the disk
    cache's store, or one beside the output for this build alone. None for a writer
    that is handed bytes (serve's), and `bulletin check` never asks."""
    if not _writes_site_folder(write):
        yield None
    elif cache is not None and cache.blobs is not None:
        yield Spill(cache.blobs)
    else:
        with page_store(options.out) as store:
            yield Spill(store)


def _writes_site_folder(write: Writer) -> bool:
    """Whether `write` is `write_site`, or a wrapper of it made with functools.wraps
    (`bench/stages.py` times it so): a writer of its own, such as serve's, keeps its
    folder its own way and is handed bytes."""
    return inspect.unwrap(write) is write_site


def _snapshot(options: BuildOptions, cache: BuildCache | None) -> lastbuild.Snapshot | None:
    """What the build is about to read, when a disk cache can say what the last one read
    (and wrote: only `write_site` leaves the output where the next build can look)."""
    if cache is None or cache.last_build is None:
        return None
    written_by = (str(options.root), str(options.out), options.drafts, options.strict,
                  options.search)
    return lastbuild.take_snapshot(written_by, options.root, TOOL_ROOT)


def _unchanged(options: BuildOptions, cache: BuildCache, inputs: lastbuild.Snapshot
               ) -> BuildResult | None:
    previous = lastbuild.unchanged_result(cache.last_build, inputs, options.out)
    if not isinstance(previous, BuildResult):
        return None
    clear_leftovers(options.out)  # what a killed build left is cleared by the next, even this
    return replace(previous, unchanged=True)


def validate(root: Path, *, drafts: bool, strict: bool = False,
             assets: Callable[[], AssetBundle], deck_folders: bool = True,
             cache: BuildCache | None = None, jobs: int = 1,
             spill: Spill | None = None) -> Validation:
    """Every check the build makes, rendering in memory and writing nothing.

    A file's own mistakes do not stop the Markdown of every file that loaded being
    rendered and checked, nor the decks being linted, so one run reports them
    together; a link into a file that did not load is not reported (`Content.unread`).
    Every page is rendered, and every link to a heading or address followed, only
    once no error is left; until then only the pages a doubtful link points into are
    drawn (`links_despite_errors`). `assets` is called only then: the build compiles
    the real stylesheet, `bulletin check` names placeholders. `deck_folders=False` leaves out
    copying reveal.js into the decks' folders, which a check does not need. `jobs` is
    how many processes the rendering stages may use; it never changes the result.
    With `spill`, pages are kept in its store instead of in memory (`blobs.Spill`).
    """
    content, problems = read_content(
        root, include_drafts=drafts, cache=cache.entries if cache is not None else None,
        known_files=cache.file_digests if cache is not None else None, jobs=jobs,
        stand_ins=True)   # a site.yaml or glossary mistake fails the build, but hides no other
    problems += check_overrides(root, TOOL_ROOT)
    if content is None:
        return Validation(tuple(in_file_order(problems)), True)
    fragments = render_fragments(content, cache.fragments if cache else None, jobs=jobs)
    problems += fragments.problems() + check_content(content)
    env = make_environment(root, TOOL_ROOT, keep_compiled=cache.templates if cache is not None
                           else TOOL_ROOT / KEPT_TEMPLATES)
    # the pages and the monthly decks show the same views
    views = IssueViews(content, fragments, keyed=cache is not None)
    decks = read_site_decks(root, content, fragments, env, problems, jobs=jobs,
                            memo=cache.decks if cache is not None else None,
                            templates=lambda: templates_digest(root, TOOL_ROOT), views=views,
                            draw=_deck_drawer(env, content, spill) if deck_folders else None)
    if failing(problems, strict):
        problems += links_despite_errors(content, fragments, root, decks, env, views)
        return Validation(tuple(in_file_order(problems)), True, content, fragments)
    bundle = assets()
    # the monthly decks take the brand the stylesheet was compiled with
    style, unbranded = deck_style(root, bundle.brand, generated_theme(decks),
                                  TOOL_ROOT / "node_modules")
    problems += unbranded
    outputs = render_site(content, fragments, bundle, root, decks, env,
                          deck_folders=deck_folders, cache=cache, jobs=jobs, views=views,
                          spill=spill, deck_style=style)
    problems += check_links(fragments, outputs, bundle, content, cache)
    return Validation(tuple(in_file_order(problems)), failing(problems, strict), content,
                      fragments, bundle, tuple(outputs))


def links_despite_errors(content: Content, fragments: Fragments, root: Path,
                         decks: tuple[Deck, ...], env, views: IssueViews) -> list[Problem]:
    """The links to a site address or a `#heading`, followed although the build has
    failed, so that an editor sees those mistakes in the same run as the rest. Only the
    pages that links point into with an id no Markdown heading and no entry's section
    has are drawn (in memory, with the stylesheet's name alone, as `bulletin check`
    draws them): a heading's id names its entry and month, so one that some heading has
    is taken as found until the build is otherwise clean, when every link is followed
    on every page. A template's mistake or two items at one address, found on the way,
    are reported too. (A link into a file that could not be read has no address to
    follow, `urls.resolver`, and a site address into its page is not followed,
    `urls.unread_pages`. One with a mistake the model holds it despite, such as a
    bad RAG value, is followed to its text as it stands.)"""
    # an entry's own address ends in its section's id, its theme's slug
    known = linkcheck.headings(fragments) | {theme.slug for theme in content.themes}
    unread = urls.unread_pages(content)
    followed = [link for link in fragments.links if link.url.partition("#")[2] not in known
                and not any(page.holds(link.url) for page in unread)]
    bundle = unbuilt_bundle(root, TOOL_ROOT)
    try:
        outputs = render_site(content, fragments, bundle, root, decks, env,
                              deck_folders=False, views=views,
                              only=linkcheck.targets(followed))
    except ContentErrors as exc:
        return list(exc.problems)
    except TemplateProblem as exc:
        return [exc.problem]
    return linkcheck.check_content_links(followed, outputs,
                                         linkcheck.files_besides_pages(bundle, content),
                                         meant=linkhints.Meant(fragments, content))


def _deck_drawer(env, content: Content, spill: Spill | None) -> PageDrawer | None:
    """When pages are spilled, a generated deck's page is drawn and stored as soon as the
    deck is made, and only its summary is kept (`decks.drawn`)."""
    if spill is None:
        return None
    return PageDrawer(env, TOOL_ROOT / "node_modules", content.site.language, content.site.title,
                      spill, content.site.exit_this_page_url)


def failing(problems: list[Problem], strict: bool) -> bool:
    return any(p.is_error or (strict and p.severity is Severity.WARNING) for p in problems)


def in_file_order(problems: list[Problem]) -> list[Problem]:
    """By file, line and column; the site's settings (content/*.yaml) first, as a mistake
    there may be why a month's file is reported too."""
    return sorted(problems, key=lambda p: (not is_settings_file(p.path), p.path, p.line, p.col))


def check_content(content: Content) -> list[Problem]:
    """Checks across the model that no single file's validation can make."""
    # a row with a mistake is held as blank cells, which would put the total out too
    totals = [p for issue in content.issues for table in issue.tables
              if not content.unreadable(table.origin.path) for p in tables.check_total(table)]
    return totals + missing_themes(content)


def render_site(content: Content, fragments: Fragments, assets: AssetBundle,
                root: Path, decks: tuple[Deck, ...] = (), env=None, *,
                deck_folders: bool = True, cache: BuildCache | None = None,
                jobs: int = 1, views: IssueViews | None = None,
                spill: Spill | None = None, only: frozenset[str] | None = None,
                deck_style: DeckStyle = PLAIN) -> list[Output]:
    """Every page, feed and deck file. With `only`, just the pages whose files it names
    are drawn, the others left empty (`links_despite_errors`), and nothing is reused."""
    env = env or make_environment(root, TOOL_ROOT)
    reuse = (PageReuse.start(cache.pages, content, lambda: templates_digest(root, TOOL_ROOT),
                             cache.blobs) if cache is not None else None)
    renderer = Renderer(content, fragments, assets, env, Glosser.of(content.glossary),
                        deck_links(decks), reuse, issue_views=views, only=only,
                        ids_for=linkcheck.targets(fragments.links))
    pages = render_pages(renderer, jobs, spill)
    deck_files = deck_outputs(decks, env, TOOL_ROOT / "node_modules", content.site.language,
                              content.site.title, lambda: deck_exit_css(root, TOOL_ROOT,
                                                                        root / CACHE_FOLDER),
                              render=deck_folders, reuse=reuse, spill=spill,
                              exit_url=content.site.exit_this_page_url, style=deck_style)
    presentations = [o.url for o in deck_files if o.url.endswith("/")]
    feeds = render_feeds(content, fragments, [p.url for p in pages] + presentations)
    outputs = pages + feeds + deck_files
    _refuse_clashes(outputs)
    if reuse is not None:
        reuse.commit()
    return outputs


def _refuse_clashes(outputs: list[Output]) -> None:
    seen: dict[str, str] = {}
    clashes = []
    for output in outputs:
        if output.file in seen:
            clashes.append(Problem("content", 0, Severity.ERROR,
                                   f"two items would both be published at {output.url}; "
                                   "rename one of them."))
        seen[output.file] = output.url
    if clashes:
        raise ContentErrors(clashes)


def collect_files(outputs: list[Output], assets: AssetBundle, content: Content,
                  root: Path) -> dict[str, bytes | Stored]:
    files: dict[str, bytes | Stored] = {o.file: o.body for o in outputs}
    files.update({a.path: a.data for a in assets.files})
    for image in content.images:
        files[image.removeprefix("content/")] = (root / image).read_bytes()
    return files


def search_tool() -> Path:
    return TOOL_ROOT / "node_modules" / ".bin" / "pagefind"
