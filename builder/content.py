"""Stage 1 and 2: read `content/` and validate it into the frozen `Content` model.

`read_content` is the only entry point. It gathers every problem from every
file before returning, so an editor sees them all at once.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from . import bulletins, documents, markings, strayfiles
from .cache import Memo
from .errors import Problem, error
from .fields import Fields, read_mapping
from .footer import read_footer
from .logo import read_logo
from .glossaryfile import read_glossary
from .model import Content, Glossary, Month, Origin, Site, Theme
from .model_site import Accessibility
from .texts import EXIT_THIS_PAGE_URL
from .sources import Located, read_source

CONTENT = "content"
THEMES_FILE = f"{CONTENT}/themes.yaml"
SITE_FILE = f"{CONTENT}/site.yaml"
GLOSSARY_FILE = f"{CONTENT}/glossary.yaml"


def read_content(root: Path, *, include_drafts: bool = False, cache: Memo | None = None,
                 known_files: Memo | None = None, jobs: int = 1, stand_ins: bool = False
                 ) -> tuple[Content | None, list[Problem]]:
    """Load and validate everything under `root/content`; None if it cannot be modelled.

    Every file is read from disk each time; `cache` only spares reading again a month
    whose files are unchanged (`bulletins.read_issues`), and `known_files` reading
    them to learn that (`filedigests`). The months are read on up to `jobs` processes.
    With `stand_ins` (the checks, which write nothing), a site.yaml that cannot be read
    is stood in for by a site of no settings (`_stand_in_site`), and a glossary.yaml by a
    glossary explaining nothing, so that their own errors do not hide the rest's; a
    command that makes something from them keeps None."""
    folder = root / CONTENT
    if not folder.is_dir():
        return None, [error(CONTENT, 0, f"there is no content folder at {folder}; run the "
                                        "command from the site's folder or pass --root.")]
    problems: list[Problem] = []
    site = _read_site(root, problems)
    if site is None and stand_ins:
        site = _stand_in_site(root)
    themes = _read_themes(root, problems)
    pages, pages_aside = documents.read_pages(root, problems)
    glossary = _read_glossary(root, problems, tuple(page.slug for page in pages))
    if glossary is None and stand_ins:
        glossary = Glossary((), (), stand_in=True)
    issues, drafts, entries_aside = bulletins.read_issues(
        root, themes or (), problems, include_drafts=include_drafts, cache=cache,
        known_files=known_files, jobs=jobs)
    plans = documents.read_plans(root, problems)
    images = _list_images(folder)
    problems.extend(_scan_images(root, images) + strayfiles.loose_files(root))
    if site is None or themes is None or glossary is None:
        return None, problems
    unread = frozenset(p.path for p in problems if p.is_error)
    return Content(site, themes, glossary, issues, plans, pages, images, unread, drafts,
                   pages_aside + entries_aside), problems


def load_yaml_file(root: Path, rel: str, problems: list[Problem], what: str) -> Located | None:
    file = root / rel
    if not file.is_file():
        problems.append(error(rel, 0, f"this file is missing; it holds {what}."))
        return None
    source, read_problems = read_source(root, file)
    problems.extend(read_problems)
    located = read_mapping(source, problems, what) if source else None
    if located is not None:
        problems.extend(markings.scan(source, None))
    return located


def _read_site(root: Path, problems: list[Problem]) -> Site | None:
    located = load_yaml_file(root, SITE_FILE, problems, "the site's title and settings")
    if located is None:
        return None
    return _site_from(Fields(located, problems=problems), root)


def _stand_in_site(root: Path) -> Site:
    """The site as a site.yaml of no keys gives it, for checking the other files when
    site.yaml cannot be read. Its missing keys' errors are dropped: site.yaml's own error
    already says what is wrong, and the keys are likely written behind it."""
    return _site_from(Fields(Located({}, SITE_FILE), problems=[]), root)


def _site_from(f: Fields, root: Path) -> Site:
    f.unknown_keys(SITE_KEYS, meant=_FOOTER_PARTS)
    written = f.text("base_url", example="https://example.org/bulletin/")
    base_url = written or "/"
    if written and not base_url.startswith(("http://", "https://")):  # missing: said above
        f.error("base_url", "'base_url' must be the full address the site is published at, "
                            "like 'https://example.org/bulletin/'.")
    phase = f.text("phase", required=False)
    if phase and phase not in ("alpha", "beta"):
        f.error("phase", f"'phase: {phase}' is not allowed; write alpha, beta or leave it out.")
    return Site(
        title=f.text("title", example="Community Safety Bulletin") or "",
        organisation=f.text("organisation", example="County Community Safety Unit") or "",
        base_url=base_url.rstrip("/") + "/",
        language=_language(f),
        description=f.text("description", required=False) or "",
        phase=phase,
        footer=read_footer(f),
        accessibility=_read_accessibility(f),
        base_url_line=f.line("base_url"),
        logo=read_logo(f, root),
        exit_this_page_url=f.https_address("exit_this_page_url", example=EXIT_THIS_PAGE_URL)
        or EXIT_THIS_PAGE_URL,
    )


SITE_KEYS = {"title", "organisation", "base_url", "language", "description", "phase", "footer",
             "accessibility", "logo", "exit_this_page_url"}
# The footer's parts written beside it, where they would be left out without a word.
_FOOTER_PARTS = {part: f"write it under 'footer:', indented, as '  {part}:'."
                 for part in ("address", "links", "contacts")}


def _read_accessibility(f: Fields) -> Accessibility:
    if not isinstance(f.raw("accessibility", None), dict):
        f.error("accessibility", "'accessibility' is missing; the accessibility statement needs "
                                 "contact_email, enforcement_url, prepared and reviewed dates.")
        a = Fields(Located({}, f.path), problems=[])
    else:
        a = f.child("accessibility")
    a.unknown_keys({"organisation", "contact_email", "contact_phone", "response_days",
                    "enforcement_url", "compliance", "known_issues", "improvements", "prepared",
                    "reviewed",
                    "tested", "tested_by"})
    compliance = a.text("compliance", required=False) or "partially"
    if compliance not in ("fully", "partially", "not"):
        a.error("compliance", f"'compliance: {compliance}' is not allowed; write fully, "
                              "partially or not.")
    return Accessibility(
        organisation=a.text("organisation", required=False) or f.text("organisation", required=False) or "",
        contact_email=a.email("contact_email") or "",
        contact_phone=a.phone("contact_phone"),
        response_days=a.integer("response_days", default=5),
        enforcement_url=a.text("enforcement_url",
                               example="https://www.equalityadvisoryservice.com/") or "",
        compliance=compliance,
        known_issues=a.strings("known_issues"),
        improvements=a.strings("improvements"),
        prepared=a.day("prepared") or _EPOCH,
        reviewed=a.day("reviewed") or _EPOCH,
        tested=a.day("tested", required=False),
        tested_by=a.text("tested_by", required=False),
    )


# Stands in for a missing date already reported as an error; never rendered.
_EPOCH = date(1970, 1, 1)


def _read_themes(root: Path, problems: list[Problem]) -> tuple[Theme, ...] | None:
    located = load_yaml_file(root, THEMES_FILE, problems, "the list of themes")
    if located is None:
        return None
    f = Fields(located, problems=problems)
    f.unknown_keys({"themes"})
    themes: list[Theme] = []
    seen: set[str] = set()
    for index in f.list_of_mappings("themes", required=True, what="themes"):
        t = f.child("themes", index)
        t.unknown_keys({"slug", "title", "description", "contacts", "exit_this_page", "ended",
                        "started"})
        slug = t.slug("slug") or _slug_meant(t.raw("slug", None), index)
        if slug in seen:   # left out, or every page of the theme would be written twice
            t.error("slug", f"the theme slug '{slug}' is used twice; each theme needs its own.")
            continue
        seen.add(slug)
        themes.append(Theme(slug, t.text("title", example="Hate Crime") or "",
                            t.text("description", required=False) or "", t.contacts("contacts"),
                            t.boolean("exit_this_page"), Origin(f.path, t.line("slug")),
                            _theme_month(t, "ended", "last"), _theme_month(t, "started", "first")))
    return tuple(themes)


# A BCP 47 tag as pages carry it in <html lang>: a language and, if given, a region or script.
_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(-[A-Z]{2}|-[A-Z][a-z]{3}|-[0-9]{3})?")


def _language(f: Fields) -> str:
    """Screen readers choose their voice by it (WCAG 3.1.1), so it must be a language tag."""
    written = f.text("language", required=False)
    if written is None:
        return "en-GB"
    if not _LANGUAGE_TAG.fullmatch(written):
        f.error("language", f"'language: {written}' is not a language tag; write en-GB for "
                            "English (cy for Welsh, ga for Irish, gd for Scottish Gaelic).")
        return "en-GB"
    return written


def _slug_meant(written, index: int) -> str:
    """What a slug written wrongly ('Serious Violence') stands for while its error is
    reported, so the month files named after it are not reported as well."""
    meant = re.sub(r"[^a-z0-9]+", "-", str(written or "").lower()).strip("-")
    return meant or f"theme-{index + 1}"


def _theme_month(t: Fields, key: str, which: str) -> Month | None:
    written = t.raw(key, None)
    if written is None:
        return None
    month = bulletins.parse_month(str(written).strip())
    if month is None:
        t.error(key, f"'{t.where(key)}: {written}' is not a month; write the theme's "
                     f"{which} month as YYYY-MM, like '{key}: 2026-02'.")
    return month


def _read_glossary(root: Path, problems: list[Problem], pages: tuple[str, ...]) -> Glossary | None:
    located = load_yaml_file(root, GLOSSARY_FILE, problems, "abbreviations and defined terms")
    return read_glossary(located, problems, pages) if located is not None else None


def _scan_images(root: Path, images: tuple[str, ...]) -> list[Problem]:
    """Markings in images published as text (SVG): they are copied as they are."""
    return [problem for image in images if image.lower().endswith(markings.PUBLISHED_AS_IS)
            for problem in markings.scan_published_file(image, (root / image).read_bytes())]


def _list_images(folder: Path) -> tuple[str, ...]:
    images = folder / "images"
    if not images.is_dir():
        return ()
    return tuple(sorted(p.relative_to(folder.parent).as_posix()
                        for p in images.rglob("*") if p.is_file()))
