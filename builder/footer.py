"""The site's footer (content/site.yaml `footer:`): its contacts, postal address and links.

Read where site.yaml is read (`read_footer`), importing nothing that renders. A link to
a page of the site is written as content links are (its file, counted from content/, or
a site address), so it is resolved only once every page is known, and followed on the
drawn pages with the content's links (`fragments.Fragments.footer` and `links`).
"""
from __future__ import annotations

from urllib.parse import urlsplit

from .fields import HTTPS, Fields
from .model_site import Footer, FooterLink
from .texts import Origin

EXAMPLE_HREF = "https://www.westshire.gov.uk/privacy"


def read_footer(f: Fields) -> Footer:
    written = f.raw("footer", None)
    if written is None:
        return Footer()
    if not isinstance(written, dict):
        # a list of contacts, or a name, under 'footer:' would leave the footer without them
        f.error("footer", "'footer' must hold a 'contacts:' line, indented under it, with the "
                          "list of contacts below that, each starting '- name:' with an "
                          "'email:' line.")
        return Footer()
    footer = f.child("footer")
    footer.unknown_keys({"contacts", "address", "links"})
    return Footer(footer.contacts("contacts"), _address(footer), _links(footer))


def _address(footer: Fields) -> tuple[str, ...]:
    """Its lines: a list, or text with a line break after each (`address: |`)."""
    return tuple(line.strip() for written in footer.strings("address")
                 for line in written.splitlines() if line.strip())


def _links(footer: Fields) -> tuple[FooterLink, ...]:
    found = []
    for index in footer.list_of_mappings("links", what="links (a '- title:' line and an "
                                                        "'href:' line below it)"):
        link = footer.child("links", index)
        link.unknown_keys({"title", "href"})
        title, href = link.text("title", example="Privacy notice"), _href(link)
        if title and href:
            found.append(FooterLink(title, href, Origin(link.path, link.line("href"))))
    return tuple(found)


def _href(link: Fields) -> str | None:
    """https:// to another site; anything without a scheme names a page of this one."""
    href = link.text("href", example=EXAMPLE_HREF)
    if href is None:
        return None
    if HTTPS.fullmatch(href) or not (urlsplit(href).scheme or href.startswith(("//", "#"))):
        return href
    link.error("href", f"'{link.where('href')}: {href}' is not an address a footer link can "
                       f"have; write a full https:// address ('href: {EXAMPLE_HREF}'), or a "
                       "page of this site as its file, counted from content/ ('href: "
                       "pages/privacy.md'), or its address ('href: /glossary/').")
    return None
