"""The HTML allow-list for slide decks: wider than public pages', never scripts.

Decks use inline styles, `<style>` blocks, video and iframes, and reveal.js
reads `data-*` attributes on slides and elements. Still nothing runs a
script: no `<script>` (scripts come only through the `scripts` option), no
`on*` attributes, and no `javascript:` in any attribute, `data-*` included,
as reveal.js turns some of those (data-background-iframe, data-src) into
addresses it loads.
"""
from __future__ import annotations

import re

import nh3

from .. import safety
from ..safety import RawHtmlChecker

TAGS = frozenset(safety.TAGS | {
    "aside", "article", "audio", "footer", "header", "iframe", "nav", "picture", "source",
    "style", "track", "video", "wbr",
})
GLOBAL_ATTRIBUTES = frozenset(safety.GLOBAL_ATTRIBUTES | {"style", "dir", "hidden", "role",
                                                         "tabindex"})
ATTRIBUTES: dict[str, set[str]] = {
    **{tag: set(names) for tag, names in safety.ATTRIBUTES.items()},
    "*": set(GLOBAL_ATTRIBUTES),
    "a": {"href", "hreflang", "target", "rel", "download"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "video": {"src", "poster", "controls", "autoplay", "muted", "loop", "playsinline", "preload",
              "width", "height"},
    "audio": {"src", "controls", "autoplay", "muted", "loop", "preload"},
    "source": {"src", "type", "media"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "iframe": {"src", "width", "height", "allow", "allowfullscreen", "loading", "title",
               "referrerpolicy", "sandbox"},
    "style": {"media"},
}
PREFIXES = {"data-", "aria-"}
URL_SCHEMES = frozenset(safety.URL_SCHEMES)
# Tags whose content goes with them when cleaned (kept as text otherwise).
DROPPED = {"script", "object", "embed", "form", "input", "button", "textarea", "select", "link",
           "meta", "base", "frame", "frameset", "noscript", "template"}
# As text, compiled (and kept by `re`) when a deck first has raw HTML or an attribute comment.
_NAME = r"^[a-z][a-z0-9._:-]*$"


def allowed_attribute(tag: str, name: str) -> bool:
    name = name.lower()
    if name.startswith("on") or not re.match(_NAME, name):
        return False
    if any(name.startswith(p) for p in PREFIXES):
        return True
    return name in ATTRIBUTES["*"] or name in ATTRIBUTES.get(tag, set())


def unsafe_value(value: str) -> bool:
    """True when a value would run a script if reveal.js or the browser loaded it."""
    compact = re.sub(r"[\x00-\x20]+", "", value).lower()
    return compact.startswith(("javascript:", "vbscript:", "data:text/html", "data:image/svg"))


def clean(html: str) -> str:
    """nh3 with the deck list. Comments stay: `<!-- .slide: -->` is read afterwards."""
    return _CLEANER.clean(html)


def _filter(tag: str, name: str, value: str) -> str | None:
    return None if unsafe_value(value) else value


# Made once: nh3.clean would build the same sanitiser again for every slide and its notes.
_CLEANER = nh3.Cleaner(tags=set(TAGS), attributes={k: set(v) for k, v in ATTRIBUTES.items()},
                       generic_attribute_prefixes=set(PREFIXES), url_schemes=set(URL_SCHEMES),
                       link_rel=None, strip_comments=False, clean_content_tags=set(DROPPED),
                       attribute_filter=_filter)


def check_raw_html(fragment: str) -> list[tuple[int, str]]:
    """(line within `fragment`, from 1; message) for each tag, attribute or address in raw
    HTML outside the deck list."""
    return _Checker.problems_in(fragment)


class _Checker(RawHtmlChecker):
    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "script":
            self.report("<script> is not allowed in a deck's slides; put the script in "
                        "a file and list it under 'scripts:' in the front matter.")
            return
        if tag not in TAGS:
            self.report(f"the HTML tag <{tag}> is not allowed in decks; use Markdown, "
                        "an image or a video instead.")
            return
        for name, value in attrs:
            self._attribute(tag, name, value or "")

    def _attribute(self, tag: str, name: str, value: str) -> None:
        if name.startswith("on"):
            self.report(f"the HTML attribute '{name}' runs a script, which is not "
                        f"allowed in decks; remove it from the <{tag}> tag.")
        elif not allowed_attribute(tag, name):
            self.report(f"the HTML attribute '{name}' is not allowed on <{tag}> in "
                        "decks; remove it.")
        elif unsafe_value(value) or name in ("href", "src") and not safety.safe_url(value):
            self.report(f"the address '{value}' in '{name}' is not allowed; addresses "
                        "must be files beside the deck or start with https://, "
                        "http://, mailto: or tel:.")

    def handle_comment(self, data: str) -> None:
        pass  # comments carry .slide: and .element: attributes, read after rendering

