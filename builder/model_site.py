"""The site's settings in the model (content/site.yaml): its title, address, footer and
accessibility statement, and the contacts a footer or an update lists. Part of
`builder.model`, which names them all."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .texts import EXIT_THIS_PAGE_URL, Origin


@dataclass(frozen=True)
class Contact:
    name: str
    email: str
    phone: str | None = None   # as written: "01992 555555"


@dataclass(frozen=True)
class Accessibility:
    organisation: str
    contact_email: str
    contact_phone: str | None
    response_days: int
    enforcement_url: str
    compliance: str  # fully | partially | not
    known_issues: tuple[str, ...]
    improvements: tuple[str, ...]   # what the organisation is doing, in its words
    prepared: date
    reviewed: date
    tested: date | None
    tested_by: str | None


@dataclass(frozen=True)
class FooterLink:
    """A link of the site's own in the footer (a privacy notice, the council's home)."""

    title: str
    href: str   # as written: https://..., a site address (/glossary/) or a content file
    origin: Origin


@dataclass(frozen=True)
class Footer:
    contacts: tuple[Contact, ...] = ()
    address: tuple[str, ...] = ()   # the organisation's postal address, a line each
    links: tuple[FooterLink, ...] = ()


@dataclass(frozen=True)
class Site:
    title: str
    organisation: str
    base_url: str  # always ends with "/"
    language: str
    description: str
    phase: str | None
    footer: Footer
    accessibility: Accessibility
    base_url_line: int = 0   # for `bulletin check`'s advice on it
    logo: str | None = None   # a file under assets/, as written: "images/westshire.svg"
    exit_this_page_url: str = EXIT_THIS_PAGE_URL
