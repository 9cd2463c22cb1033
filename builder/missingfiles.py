"""What a link to a file that is not there should have been, in words an editor can act
on: the nearest file there is, counted from the folder of the file the link is written
in, or an example; a draft month's file, an image kept outside content/images/, a page
not yet written. Asked only on the error path (`urls.resolver`), so kept apart.
"""
from __future__ import annotations

import difflib
import posixpath
import re
from typing import TYPE_CHECKING, Iterable
from urllib.parse import quote, unquote

from .errors import Problem, error
from .safety import saved_in_images
from . import urls
from .urls import file_page, noun

if TYPE_CHECKING:
    from .markdown import LinkRef
    from .model import Content, Month


def said_of(path: str, target: str, source: str, content: Content, images: set[str]) -> str:
    """Says what a link to a missing file should have been, counted from `source`'s folder
    as the editor must write it: the nearest file there is, or an example."""
    here = posixpath.dirname(source)
    what = noun(path)
    draft = _draft_month(target, content)
    if draft is not None:
        return into_draft(what, path, draft)
    if what == "link" and _WEB_ADDRESS.match(path):
        return (f"the link '{path}' is a web address without 'https://' before it, so it is "
                f"read as a file of content/; write 'https://{path}'.")
    made = _made_by_the_site(path, target, here, content) if what == "link" else None
    if made is not None:
        return made
    start = f"the {what} '{path}' points to {target}, which does not exist"
    near = _nearest(target, _linkable(content, images))
    if near:
        # as an address is written: a name with a space in it is no link written bare
        return (f"{start}; did you mean '{quote(posixpath.relpath(near, here))}'? An address is "
                "counted from the folder of the file it is written in.")
    if what == "image":
        return f"{_outside_images(start, path, target)}; {saved_in_images(source)}."
    if target.startswith("content/pages/") and file_page(target) is not None:
        return f"{start}; {_create_page(target, content, here)}"
    return (f"{start}; link to a content file, counted from this file's folder (from here, "
            f"{_example(content, here)}), an image under content/images/, or a full https:// "
            "address.")


def backslashed(path: str) -> tuple[str, str]:
    """A path copied from Windows ('..\\..\\images\\map.png'), whose backslashes the
    Markdown reader wrote as %5C, with slashes, and what to say of it: the message showed
    '....%5Cimages%5Cmap.png', and said the image was outside content/images/ (an
    editor's trial)."""
    folders: list[str] = []
    for part in unquote(path).split("\\"):
        # Markdown reads '\\.' as a '.', so '..\\..\\images' comes as '....\\images'
        dots = set(part) == {"."} and len(part) % 2 == 0
        folders += [".."] * (len(part) // 2) if dots else [part]
    return "/".join(folders), (f"the {noun(path)} '{chr(92).join(folders)}' has '\\' between "
                               "its folders, as Windows writes a path; an address has '/' there")


def _outside_images(start: str, path: str, target: str) -> str:
    """An image saved beside a theme file is there, but not published: "which does not
    exist" told a trial's editor something false of it."""
    if target.startswith("content/images/"):
        return start
    return (f"the image '{path}' points to {target}, outside content/images/, the one folder "
            "images are published from")


def _create_page(target: str, content: Content, here: str) -> str:
    """A page the site has not got: a footer's privacy notice is linked before it is written."""
    there = f" link to one there is (from here, {_example(content, here)})," if content.pages \
        else ""
    return f"create {target} to make it a page of the site,{there} or give a full https:// address."


def _example(content: Content, here: str) -> str:
    """A file a link may name, written from `here`: one that is there, as an example name
    ('about.md', in a site with no pages) sent an adopting council to a second missing
    file. The glossary is always there."""
    if content.pages:
        return f"'{posixpath.relpath(content.pages[0].origin.path, here)}' is a page"
    return f"'{posixpath.relpath('content/glossary.yaml', here)}' is the glossary"


# 'www.hertfordshire.gov.uk' or 'herts.police.uk/report': a site's name, written without
# https:// as it is spoken, was offered a page of content/ (an editor's trial).
_WEB_ADDRESS = re.compile(r"(www\.|[\w-]+(\.[\w-]+)*\.(uk|com|org|net|gov|info)(/|$))",
                          re.IGNORECASE)


def into_draft(what: str, path: str, draft: Month) -> str:
    return (f"the {what} '{path}' points into {draft.label}, a draft month, which is not "
            f"published, so the {what} would be broken; link to it once that month's "
            "issue.yaml says 'status: published' (`bulletin serve --drafts` previews both).")


def links_into_drafts(content: Content, links: Iterable[LinkRef]) -> list[Problem]:
    """For `bulletin check`, which reads the draft months as if published: a link from a
    published file into a draft month, which the build refuses. The check passed where
    the build then failed (an editor's trial)."""
    drafts = tuple(issue.month for issue in content.issues if issue.is_draft)
    found = []
    for link in links:
        month = month_shown_at(link.url, drafts)
        if month is not None and not link.path.startswith(f"content/bulletins/{month.slug}/"):
            found.append(error(link.path, link.line, into_draft(noun(link.text), link.text,
                                                                month)))
    return found


def month_shown_at(address: str, months: Iterable[Month]) -> Month | None:
    """The month of `months` whose issue page or deck the site address is in."""
    parts = address.split("#")[0].split("/")
    if len(parts) < 3 or parts[1] not in ("bulletins", "decks"):
        return None
    return next((m for m in months if m.slug == parts[2]), None)


def _draft_month(target: str, content: Content) -> Month | None:
    folder = posixpath.dirname(target)
    return next((m for m in content.drafts if folder == f"content/bulletins/{m.slug}"), None)


def _made_by_the_site(path: str, target: str, here: str, content: Content) -> str | None:
    """What to write for a link counted through content/ as if it were the site:
    '../../themes/hate-crime/' was told to mean an old update of the theme (an editor's
    trial). None if `target` is not where such a page would be."""
    if target != "content" and not target.startswith("content/"):
        return None
    address = "/" + target.removeprefix("content").strip("/").removesuffix("index.html")
    address = address.rstrip("/") + "/"
    start = f"the link '{path}' points to {target}, which is no file"
    issue = next((i for i in content.issues if urls.issue(i.month) == address), None)
    if issue is not None:
        return f"{start}; link the month's issue.yaml: '{posixpath.relpath(issue.origin.path, here)}'."
    made = {urls.HOME, urls.ARCHIVE, urls.THEMES, urls.RAG, urls.SEARCH, urls.ACCESSIBILITY,
            urls.DECKS, urls.PAGES, urls.PLANS, *(urls.theme(t.slug) for t in content.themes)}
    if address in made or _a_year_of(address, made):
        return (f"{start}: the site makes that page itself; write its address on the site, "
                f"'{address}' (an address starting with '/').")
    parts = target.split("/")
    if len(parts) == 3 and parts[1] == "themes" and content.themes:
        slugs = [t.slug for t in content.themes]
        near = difflib.get_close_matches(parts[2], slugs, n=1)
        return (f"{start}, and '{parts[2]}' is no theme in content/themes.yaml; a theme's page "
                f"is written '/themes/' and its name, " + (f"so did you mean '{urls.theme(near[0])}'?"
                if near else f"like '{urls.theme(slugs[0])}'."))
    return None


def _a_year_of(address: str, made: set[str]) -> bool:
    """Whether `address` is a year's page of one of `made` ('/themes/hate-crime/2025/',
    '/rag/2025/'): whether the year has one is the link check's to say."""
    page, _, year = address.rstrip("/").rpartition("/")
    return year.isdigit() and len(year) == 4 and f"{page}/" in made - {urls.HOME}


def _linkable(content: Content, images: set[str]) -> list[str]:
    """Every file a link may name: the files the model was read from, as they are."""
    return [*images, "content/glossary.yaml",
            *(p.origin.path for p in (*content.pages, *content.plans)),
            *(f.origin.path for i in content.issues for f in (i, *i.entries))]


def _nearest(target: str, files: list[str]) -> str | None:
    """The file most like `target`: by its name first, then by its folder (a theme
    file is named alike in every month's folder)."""
    name = posixpath.basename(target).lower()   # 'TRPC-Map.png' for 'trpc-map.png' too
    known = {posixpath.basename(f).lower(): posixpath.basename(f) for f in files}
    stem = posixpath.splitext(name)[0]
    names = difflib.get_close_matches(name, known, n=1, cutoff=0.75) or sorted(
        k for k in known if len(stem) >= 4 and k.startswith(stem))[:1]   # a name cut short
    if not names:
        return None
    alike = [f for f in files if posixpath.basename(f) == known[names[0]]]
    return max(alike, key=lambda f: difflib.SequenceMatcher(None, f, target).ratio())
