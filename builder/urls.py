"""Where everything lives on the site, and how content links map onto it.

Pages are addressed site-absolute here ("/bulletins/2026-02/"); the page
writer turns every such link into a relative one, so the site works from any
sub-path and the output never needs to know the host.
"""
from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable
from urllib.parse import quote, unquote, urlsplit

from .markdown import Resolver
from .texts import link_not_allowed

if TYPE_CHECKING:   # named in annotations only: a deck made on its own finds its site's
    from .model import Content, Month   # pages by `file_page` and loads no model

HOME = "/"
ARCHIVE = "/bulletins/"
THEMES = "/themes/"
RAG = "/rag/"
PLANS = "/plans/"
PAGES = "/pages/"
GLOSSARY = "/glossary/"
ACCESSIBILITY = "/accessibility/"
SEARCH = "/search/"
DECKS = "/decks/"
NOT_FOUND = "/404.html"
FEED = "/feed.xml"
SITEMAP = "/sitemap.xml"
ROBOTS = "/robots.txt"
EXTERNAL_SCHEMES = ("http", "https", "mailto", "tel")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif")


def issue(month: Month) -> str:
    return _issue_at(month.slug)


def _issue_at(month_slug: str) -> str:
    return f"{ARCHIVE}{month_slug}/"


def deck(slug: str) -> str:
    """A deck's folder: a month's deck is named by its month (2026-02)."""
    return f"{DECKS}{slug}/"


def rag(year: int | None = None) -> str:
    """The RAG overview's page of the latest issues, or of the issues of `year`."""
    return f"{RAG}{year}/" if year is not None else RAG


def theme(slug: str, year: int | None = None) -> str:
    """A theme's page, or the page of its updates in `year`."""
    return f"/themes/{slug}/{year}/" if year is not None else f"/themes/{slug}/"


def plan(slug: str) -> str:
    return f"/plans/{slug}/"


def page(slug: str) -> str:
    return f"/{slug}/"


def entry_prefix(theme_slug: str, month: Month) -> str:
    """Prefix of heading ids inside one theme entry: unique on every page that shows it."""
    return _entry_prefix_at(theme_slug, month.slug)


def _entry_prefix_at(theme_slug: str, month_slug: str) -> str:
    return f"{theme_slug}-{month_slug}"


def priority_id(number: int) -> str:
    """The id of a plan's priority on its page, which a link may name."""
    return f"priority-{number}"


def file_of(url: str) -> str:
    """The output file a URL is served from: "/a/" is "a/index.html", and
    "/images/crime%20map.png" is "images/crime map.png", as a web server decodes it."""
    return unquote(_served_path(url))


def _served_path(url: str) -> str:
    """`file_of(url)` as a URL writes it: "/images/crime%20map.png" is
    "images/crime%20map.png"."""
    path = url.split("#", 1)[0].split("?", 1)[0].lstrip("/")
    return path + "index.html" if path == "" or path.endswith("/") else path


def relative(url: str, from_url: str) -> str:
    """`url` (site-absolute) as seen from the page at `from_url`."""
    if not url.startswith("/") or url.startswith("//"):
        return url
    path, _, fragment = url.partition("#")
    if path == from_url and fragment:
        return f"#{fragment}"
    # Naming index.html keeps links working when the site is opened from disk. Both
    # paths are rooted, as URLs are: relpath would otherwise root them in the working
    # folder (asking the system for it twice per link), and a "/../" would climb it.
    rel = _relpath(_names_of(path), _folders_of(from_url))
    return rel + (f"#{fragment}" if fragment else "")


# relpath took most of a page's finishing: it normalised both paths for every link.
# Pages share their links' targets and each page's links share their start, so each
# is split once.
def _relpath(target: tuple[str, ...], start: tuple[str, ...]) -> str:
    """posixpath.relpath, of the path named by `target` from the folder named by `start`."""
    common = 0
    for ours, theirs in zip(start, target):
        if ours != theirs:
            break
        common += 1
    return "/".join([".."] * (len(start) - common) + list(target[common:])) or "."


@functools.lru_cache(maxsize=1 << 14)
def _names_of(path: str) -> tuple[str, ...]:
    """The names in the path of the file `path` is served from, as relpath splits them."""
    target = "/" + _served_path(path)
    if "/." in target or "//" in target:   # otherwise normpath leaves it as it is
        target = posixpath.normpath(target)
    return tuple(part for part in target.split("/") if part)


@functools.lru_cache(maxsize=256)
def _folders_of(from_url: str) -> tuple[str, ...]:
    """The names of the folders down to the page at `from_url`, as relpath splits them."""
    folder = posixpath.normpath(posixpath.dirname("/" + file_of(from_url)))
    return tuple(part for part in folder.split("/") if part)


def resolver(content: Content, id_prefix: str = "") -> Resolver:
    """Maps what editors write in a link to a site URL, or says what is wrong."""
    images = set(content.images)

    def resolve(url: str, source: str) -> tuple[str | None, str | None]:
        if not url.strip():
            return None, "this link has no address; write one in the brackets: [text](address)."
        parts = urlsplit(url)
        if parts.scheme:
            if parts.scheme.lower() in EXTERNAL_SCHEMES:
                return _on_this_site(url, parts, content.site.base_url), None
            return None, link_not_allowed(url)
        if url.startswith("#"):
            fragment = url[1:]
            own = _source_url(source, content)
            if own is None:
                return url, None
            own = own.split("#", 1)[0]  # an entry's own URL already names its section
            return f"{own}#{id_prefix + '-' if id_prefix else ''}{fragment}", None
        if url.startswith("/"):
            return url, None
        return _relative_file(parts.path, parts.fragment, source, content, images)

    return resolve


def _on_this_site(url: str, parts, base_url: str) -> str:
    """A full address into this site, copied from the published site, as the site address
    the link check follows ('https://www.council.gov.uk/bulletin/themes/x/' is
    '/themes/x/'): a page there that does not exist was published unchecked (a trial)."""
    base = urlsplit(base_url)
    if (parts.scheme.lower() in ("http", "https") and base.netloc
            and parts.netloc.lower() == base.netloc.lower() and parts.path.startswith(base.path)):
        address = "/" + parts.path[len(base.path):].lstrip("/")
        return address + (f"?{parts.query}" if parts.query else "") + (
            f"#{parts.fragment}" if parts.fragment else "")
    return url


def resolver_inputs(content: Content) -> tuple:
    """Everything `resolver()` reads from `content`: the images, the pages, the plans and
    each issue's month and themes. Two contents with equal inputs resolve every link
    alike, so a cache of rendered Markdown may key on this. Keep it in step with
    `resolver`, `_relative_file` and `file_page`."""
    return (tuple(content.images), tuple(sorted(content.unread)), content.drafts,
            content.site.base_url,
            content.glossary.stand_in,
            tuple(p.slug for p in content.pages),
            tuple(p.slug for p in content.plans),
            tuple((i.month.slug, tuple(e.theme for e in i.entries)) for i in content.issues))


def _relative_file(path: str, fragment: str, source: str, content: Content, images: set[str]):
    if "%5c" in path.lower():   # Windows' backslashes: followed with slashes, as meant
        from .missingfiles import backslashed
        fixed, said = backslashed(path)
        mistake = _relative_file(fixed, fragment, source, content, images)[1]
        return None, f"{said}, and with it {mistake}" if mistake else f"{said}: write '{fixed}'."
    # The Markdown reader writes a space or an 'é' in an address as %20 or %C3%A9; the
    # file's own name has them as they are (an image named so was never found).
    target = posixpath.normpath(posixpath.join(posixpath.dirname(source), unquote(path)))
    if target in images:
        return quote("/" + target.removeprefix("content/")), None
    found = file_page(target)
    if found is None or not found.read(content):
        if content.unreadable(target):
            return None, None
        from .missingfiles import said_of   # here: only a link to a missing file needs it
        return None, said_of(path, target, source, content, images)
    return found.link(fragment), None


def noun(address: str) -> str:
    """What an editor would call the thing at `address`: "image" or "link"."""
    return "image" if address.split("#")[0].split("?")[0].lower().endswith(IMAGE_SUFFIXES) else "link"


def _source_url(source: str, content: Content) -> str | None:
    """The page a content file is shown on."""
    found = file_page(source)
    return found.address if found is not None and found.read(content) else None


@dataclass(frozen=True)
class FilePage:
    """The page a content file is shown on, found by where the file is saved."""

    address: str    # "/about/"; a theme file's is its month's: "/bulletins/2026-02/#hate-crime"
    prefix: str     # of the ids of the headings in a theme file's section; "" for other files
    read: Callable[[Content], bool]   # whether the site's model has the file's page

    def holds(self, url: str) -> bool:
        """Whether `url` leads to this page or, for an entry's, into the entry's section:
        another entry's slug may begin with this one's ('hate-crime-young-people')."""
        page, _, own = self.address.partition("#")
        there, _, fragment = url.partition("#")
        return there == page and (not own or fragment == own
                                  or fragment.startswith(f"{self.prefix}-"))

    def link(self, fragment: str) -> str:
        """The address of `fragment` (a heading's id, as written in the file) on the page."""
        if not fragment:
            return self.address
        fragment = f"{self.prefix}-{fragment}" if self.prefix else fragment
        return f"{self.address.split('#')[0]}#{fragment}"


def unread_pages(content: Content) -> tuple[FilePage, ...]:
    """The pages (or an entry's section) that the files the model left out for their
    errors would be shown on: a link into one is left to that file's error. (One the
    model holds despite its error, a bad RAG value say, has its page.)"""
    return tuple(found for path in sorted(content.unread)
                 if (found := file_page(path)) is not None and not found.read(content))


def file_page(source: str) -> FilePage | None:
    """Where the content file `source` ("content/pages/about.md") is shown, by its place in
    content/ alone, or None for a file no page shows. The site build asks its model, through
    `read`, whether the page is there; a deck made on its own loads no model, and asks the
    disk whether the file is."""
    parts = source.split("/")
    if source == "content/glossary.yaml":
        return FilePage(GLOSSARY, "", lambda content: not content.glossary.stand_in)
    if len(parts) == 3 and parts[1] == "pages" and parts[2].endswith(".md"):
        slug = parts[2][:-3]
        return FilePage(page(slug), "", lambda content: any(p.slug == slug for p in content.pages))
    if len(parts) == 3 and parts[1] == "plans" and parts[2].endswith(".yaml"):
        slug = parts[2][:-5]
        return FilePage(plan(slug), "", lambda content: any(p.slug == slug for p in content.plans))
    if len(parts) == 4 and parts[1] == "bulletins":
        month, name = parts[2], parts[3]
        if name == "issue.yaml":
            return FilePage(_issue_at(month), "", lambda content: bool(content.issues_of(month)))
        if name.endswith(".md"):
            theme = name[:-3]
            return FilePage(f"{_issue_at(month)}#{theme}", _entry_prefix_at(theme, month),
                            lambda content: any(i.entry(theme) for i in content.issues_of(month)))
    return None
