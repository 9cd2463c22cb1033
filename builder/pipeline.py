"""`build()`: load → validate into the model → render pages and feeds → write atomically."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import linkcheck, tables
from .assets import AssetBundle, build_assets
from .content import read_content
from .errors import ContentErrors, Problem, Severity
from .feeds import render_feeds
from .fragments import Fragments, render_fragments
from .glossing import Glosser
from .model import Content
from .output import write_site
from .pages import Output, Renderer, render_pages
from .templating import make_environment

TOOL_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class BuildOptions:
    root: Path
    out: Path
    drafts: bool = False
    strict: bool = False
    search: bool = True


@dataclass(frozen=True)
class BuildResult:
    problems: tuple[Problem, ...]
    pages: int
    files: int


def build(options: BuildOptions) -> BuildResult:
    content, problems = read_content(options.root, include_drafts=options.drafts)
    stop_if_errors(problems, options.strict, final=content is None)
    fragments = render_fragments(content)
    problems += fragments.problems() + check_content(content)
    stop_if_errors(problems, options.strict)
    assets = build_assets(options.root, TOOL_ROOT, options.root / ".cache")
    outputs = render_site(content, fragments, assets, options.root)
    problems += check_links(fragments, outputs, assets, content)
    stop_if_errors(problems, options.strict)
    files = collect_files(outputs, assets, content, options.root)
    write_site(files, options.out, search_tool=search_tool() if options.search else None)
    pages = sum(1 for o in outputs if o.file.endswith(".html"))
    return BuildResult(tuple(in_file_order(problems)), pages, len(files))


def stop_if_errors(problems: list[Problem], strict: bool, *, final: bool = False) -> None:
    failing = [p for p in problems if p.is_error or (strict and p.severity is Severity.WARNING)]
    if failing or final:
        raise ContentErrors(in_file_order(problems))


def in_file_order(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.path, p.line, p.col))


def check_content(content: Content) -> list[Problem]:
    """Checks across the model that no single file's validation can make."""
    return [p for issue in content.issues for table in issue.tables
            for p in tables.check_total(table)]


def render_site(content: Content, fragments: Fragments, assets: AssetBundle,
                root: Path) -> list[Output]:
    renderer = Renderer(content, fragments, assets, make_environment(root, TOOL_ROOT),
                        Glosser.of(content.glossary))
    pages = render_pages(renderer)
    feeds = render_feeds(content, fragments, [p.url for p in pages])
    outputs = pages + feeds
    _refuse_clashes(outputs)
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


def check_links(fragments: Fragments, outputs: list[Output], assets: AssetBundle,
                content: Content) -> list[Problem]:
    links = [link for group in (fragments.entries, fragments.pages, fragments.terms,
                                fragments.issue_summaries, fragments.plan_summaries)
             for fragment in group.values() for link in fragment.links]
    return linkcheck.check_content_links(links, outputs, _extra_files(assets, content))


def _extra_files(assets: AssetBundle, content: Content) -> set[str]:
    return {a.path for a in assets.files} | {i.removeprefix("content/") for i in content.images}


def collect_files(outputs: list[Output], assets: AssetBundle, content: Content,
                  root: Path) -> dict[str, bytes]:
    files = {o.file: o.data for o in outputs}
    files.update({a.path: a.data for a in assets.files})
    for image in content.images:
        files[image.removeprefix("content/")] = (root / image).read_bytes()
    return files


def search_tool() -> Path:
    return TOOL_ROOT / "node_modules" / ".bin" / "pagefind"
