"""The HTML allow-list for public pages, and the checks that explain it to editors.

`check_raw_html` reads raw HTML an editor typed into Markdown and says, for
each thing outside the list, what is wrong. `clean` applies the same list with
nh3 to everything rendered, so the list is the single source of truth. (A text
the fast writer wrote whole, with no raw HTML and every address `kept_as_is`,
is already as `clean` would leave it, and skips it: `markdown.render`.)

A link or image in raw HTML may only point to another site: the build turns a
Markdown address into the page's and checks it leads somewhere, and raw HTML's
would be published unchecked, so the editor is asked for Markdown instead.
"""
from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser

import nh3

from .texts import link_not_allowed

TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details",
    "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "section", "small",
    "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
    "time", "tr", "u", "ul",
})
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "lang", "title", "aria-label", "aria-hidden"})
ATTRIBUTES = {
    "*": set(GLOBAL_ATTRIBUTES),
    "a": {"href", "hreflang"},
    "abbr": {"title"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "scope"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start", "reversed"},
    "time": {"datetime"},
    "details": {"open"},
}
# Made by Markdown only: a table's scroll box (`builder.markdowntables`). Cleaning keeps these
# values, and only these; an editor's own HTML may not have them (`check_raw_html` refuses
# them): a focusable region is the tool's to name and place, not a page's to imitate.
MADE_BY_MARKDOWN = {"div": {"role": {"region"}, "tabindex": {"0"}}}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
URL_ATTRIBUTES = {"href", "src"}
# Tags whose content is dropped with them, rather than kept as text.
DROP_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "textarea", "select",
                     "noscript", "template"}


# Made once: nh3.clean would build the same sanitiser again for every fragment.
_CLEANER = nh3.Cleaner(tags=set(TAGS), attributes={k: set(v) for k, v in ATTRIBUTES.items()},
                       tag_attribute_values={tag: {name: set(values) for name, values
                                                   in names.items()}
                                             for tag, names in MADE_BY_MARKDOWN.items()},
                       url_schemes=set(URL_SCHEMES), link_rel=None, strip_comments=True,
                       clean_content_tags=set(DROP_WITH_CONTENT))


def clean(html: str) -> str:
    return _CLEANER.clean(html)


def check_raw_html(fragment: str) -> list[tuple[int, str]]:
    """(line within `fragment`, from 1; message) for each tag, attribute or URL in it
    outside the allow-list."""
    return _Checker.problems_in(fragment)


class RawHtmlChecker(HTMLParser):
    """Reads raw HTML and collects a message for each thing a subclass refuses, with the
    line of the tag it is about: a block of raw HTML may run over many lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []

    def report(self, message: str) -> None:
        self.found.append((self.getpos()[0], message))

    @classmethod
    def problems_in(cls, fragment: str) -> list[tuple[int, str]]:
        checker = cls()
        checker.feed(fragment)
        checker.close()
        return checker.found

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)  # <br/> is checked like <br>


class _Checker(RawHtmlChecker):
    def handle_starttag(self, tag: str, attrs) -> None:
        if tag not in TAGS:
            self.report(_tag_message(tag))
            return
        allowed = ATTRIBUTES["*"] | ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            if name.startswith("on"):
                self.report(f"the HTML attribute '{name}' runs a script, which is not "
                            f"allowed; remove it from the <{tag}> tag.")
            elif name not in allowed:
                hint = (" The site's own styles set how text looks; for bold or italic text "
                        "write **bold** or *italic*.") if name == "style" else ""
                self.report(f"the HTML attribute '{name}' is not allowed on <{tag}>; "
                            f"remove it.{hint}")
            elif name == "src" and value and (refused := refused_image(value)):
                self.report(refused)   # only <img> may have a src
            elif name in URL_ATTRIBUTES and value and not safe_url(value):
                self.report(link_not_allowed(value))
        if tag in ("a", "img"):
            for message in _address_messages(tag, dict(attrs)):
                self.report(message)

    def handle_comment(self, data: str) -> None:
        pass  # comments are dropped from output; editors use them for notes


def _address_messages(tag: str, attrs: dict[str, str | None]) -> list[str]:
    """What is wrong with an <a> or <img>'s address and text alternative. A scheme the
    list refuses, or an image from another host, is already reported."""
    if tag == "a":
        href = attrs.get("href")
        return [] if href is None or _scheme(href) is not None else [_html_link_message(href)]
    src, alt = attrs.get("src") or "", (attrs.get("alt") or "").strip()
    messages = [] if alt else [undescribed_image_message(src)]
    if _scheme(src) is None and not is_remote(src):
        messages.append(_html_image_message(src, alt))
    return messages


def _html_link_message(href: str) -> str:
    what = f"the link '{href}'" if href.strip() else "a link with no address"
    return (f"{what} is written as an HTML <a> tag, which the build cannot check or turn into "
            "a page's address; write it in Markdown instead: "
            f"[the words to click]({href.strip() or 'address'}). In HTML only an address "
            "starting https://, http://, mailto: or tel: may stay.")


def _html_image_message(src: str, alt: str) -> str:
    what = f"the image '{src}'" if src.strip() else "an image with no address"
    return (f"{what} is written as an HTML <img> tag, which the build cannot check; write it "
            f"in Markdown instead: ![{alt or 'what it shows'}]({src.strip() or 'file.png'}).")


def _tag_message(tag: str) -> str:
    if tag in ("script", "style", "iframe", "object", "embed"):
        return (f"<{tag}> is not allowed on public pages: scripts, styles and embedded content "
                "could harm readers or break the page. Remove it.")
    if tag in ("font", "center"):
        return f"<{tag}> is not allowed; remove it and use Markdown for emphasis."
    return f"the HTML tag <{tag}> is not allowed on public pages; use Markdown instead."


def is_remote(url: str) -> bool:
    """Whether `url` loads from another host: http(s)://… or //…"""
    return _compact(url).startswith(("http:", "https:", "//"))


def refused_image(src: str, source: str | None = None) -> str | None:
    """Why a public page may not show the image at `src`, written in the file `source`, or
    None for an address on this site (the build follows it: `urls.resolver`). An image's own
    words: told a link's rules ('start with https://, mailto: or tel:'), an editor was sent
    to addresses no image may have."""
    if is_remote(src):
        return remote_image_message(src)
    if _scheme(src) is not None:   # ftp:, data:, file:, javascript:, C:\, mailto: ...
        return (f"the image '{src}' cannot be published: an image must be a file of this "
                f"site; {saved_in_images(source)}.")
    return None


def remote_image_message(url: str) -> str:
    return (f"the image '{url}' is on another site, and public pages load nothing from another "
            "host (it would tell that site who reads the bulletin, and leave a gap in decks "
            f"shown offline); {saved_in_images()}.")


def saved_in_images(source: str | None = None) -> str:
    """Where an image is saved and how its address is written, for every message about one
    that cannot be shown: counted from the folder of `source`, the file it is written in,
    or, for raw HTML (checked apart from its file), shown as from a bulletin file."""
    if source is None:
        return ("save it in content/images/ and point to it there, as "
                "![what it shows](../../images/name.png) from a bulletin file")
    example = posixpath.relpath("content/images/name.png", posixpath.dirname(source))
    return ("save the image in content/images/ and write its address from this file's "
            f"folder, like '{example}'")


def undescribed_image_message(src: str, *, public: bool = True) -> str:
    return (f"the image '{src}' has no text alternative; write what it shows between the "
            "square brackets: ![what it shows](file.png)."
            + (" A public page describes every image to readers who cannot see it "
               "(WCAG 1.1.1); leave out one that is only decoration." if public else ""))


def safe_url(url: str) -> bool:
    """Relative, or one of the allowed schemes (spaces and case cannot hide a scheme)."""
    scheme = _scheme(url)
    return scheme is None or scheme in URL_SCHEMES


# Addresses `clean` keeps as they are, by a narrower rule than nh3's (which parses each
# as a URL and drops one that will not parse, such as a host of 1.2.3.999 or a port
# of 99999): printable ASCII, and either relative, with no ':' before its path, or
# http(s) to a plain host name (whose last label starts with a letter: not an IPv4
# address) with a short port, or mailto: or tel:.
_KEPT_ABSOLUTE = re.compile(r"(?:https?://(?!xn--)[a-z0-9-]+(?:\.(?!xn--)[a-z0-9-]+)*"
                            r"\.[a-z][a-z0-9-]*(?::[0-9]{1,4})?(?:[/?#]|\Z)|mailto:|tel:)",
                            re.IGNORECASE)
_PATH_START = re.compile(r"[/?#]")


def kept_as_is(url: str) -> bool:
    """Whether `clean` surely keeps an address (an href or src) as it is: the fast
    writer's output needs no cleaning when each of its addresses passes."""
    if not url.isascii() or not url.isprintable() or " " in url:
        return False
    return ":" not in _PATH_START.split(url, 1)[0] or _KEPT_ABSOLUTE.match(url) is not None


def _scheme(url: str) -> str | None:
    """`url`'s scheme, lowered; None for an address on this site (relative, /…, #…, //…)."""
    compact = _compact(url)
    if ":" not in compact.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]:
        return None
    return compact.split(":", 1)[0]


def _compact(url: str) -> str:
    """`url` without whitespace, lowered: what a browser reads a scheme from."""
    return "".join(url.split()).lower()
