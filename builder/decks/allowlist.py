"""The HTML allow-list for slide decks: wider than public pages', never scripts.

Decks use inline styles, `<style>` blocks, video and iframes, inline SVG drawings
(`builder.decks.svg`), and the presentational HTML reveal-md decks were written
with (`align`, `border`, `width`, `<center>`, `<font color>`), and reveal.js reads
`data-*` attributes on slides and elements. Still nothing runs a script: no
`<script>` (scripts come only through the `scripts` option), no `on*`
attributes, and no `javascript:` in any attribute, `data-*` included, as
reveal.js turns some of those (data-background-iframe, data-src) into addresses
it loads. What is refused is listed in docs/content-model.md, with what to
write instead; `_INSTEAD` below says it in each message.
"""
from __future__ import annotations

import re

import nh3

from .. import safety
from ..safety import RawHtmlChecker
from . import svg

TAGS = frozenset(safety.TAGS | svg.TAGS | {
    "aside", "article", "audio", "center", "col", "colgroup", "font", "footer", "header",
    "iframe", "nav", "picture", "source", "style", "track", "video", "wbr",
})
GLOBAL_ATTRIBUTES = frozenset(safety.GLOBAL_ATTRIBUTES | {"style", "dir", "hidden", "role",
                                                         "tabindex", "align"})
_CELL = {"width", "height", "valign", "bgcolor", "nowrap"}
ATTRIBUTES: dict[str, set[str]] = {
    **{tag: set(names) for tag, names in safety.ATTRIBUTES.items()},
    **svg.nh3_attributes(),
    "*": set(GLOBAL_ATTRIBUTES),
    "a": {"href", "hreflang", "target", "rel", "download"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "border"},
    "video": {"src", "poster", "controls", "autoplay", "muted", "loop", "playsinline", "preload",
              "width", "height"},
    "audio": {"src", "controls", "autoplay", "muted", "loop", "preload"},
    "source": {"src", "type", "media"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "iframe": {"src", "width", "height", "allow", "allowfullscreen", "loading", "title",
               "referrerpolicy", "sandbox"},
    "style": {"media"},
    "font": {"color", "size", "face"},
    "table": {"border", "cellpadding", "cellspacing", "width", "height", "bgcolor"},
    "tr": {"valign", "height", "bgcolor"},
    "td": safety.ATTRIBUTES["td"] | _CELL,
    "th": safety.ATTRIBUTES["th"] | _CELL,
    "col": {"span", "width"},
    "colgroup": {"span", "width"},
    "hr": {"width"},
    **{part: {"valign"} for part in ("thead", "tbody", "tfoot")},
}
PREFIXES = {"data-", "aria-"}
URL_SCHEMES = frozenset(safety.URL_SCHEMES)
# Tags whose content goes with them when cleaned (kept as text otherwise).
DROPPED = {"script", "object", "embed", "form", "button", "textarea", "select", "link",
           "meta", "base", "frame", "frameset", "noscript", "template", "foreignObject",
           "canvas", "math"}
# Made by Markdown only (a task list's box, labelled by its item: `builder.decks.gfm`), so
# cleaning keeps them while raw HTML may not have them. Any <input> that gets through
# cleaning is disabled, whatever it was written as, and a checkbox if it has a type: it
# takes nothing in. (Only one attribute is set: ammonia adds those it sets in no fixed
# order, and a deck's bytes must not change from build to build.)
MADE_BY_MARKDOWN = {"input": {"checked"}, "label": set()}
_ONLY = {"input": {"type": {"checkbox"}}}
_ALWAYS = {"input": {"disabled": ""}}
# What to write instead of a tag a deck may not have (docs/content-model.md lists them).
_FORM = "a deck has no forms; link to the form instead: [the form](https://...)"
_INSTEAD = {
    "math": "write the formula as text, or save it as an image beside the deck and show it "
            "with ![what it says](formula.svg)",
    "canvas": "a canvas draws only with a script; save the drawing as an image beside the deck "
              "and show it with ![what it shows](drawing.png)",
    "object": "link to the file ([the report](report.pdf)), or show a video with <video> or a "
              "page with <iframe>",
    "embed": "link to the file ([the report](report.pdf)), or show a video with <video> or a "
             "page with <iframe>",
    "foreignobject": "an SVG may not hold HTML; write the text with SVG's <text>, or save the "
                     "drawing as a file beside the deck and show it with ![what it shows](chart.svg)",
    "image": "an SVG's <image> may load from anywhere; show the picture with "
             "![what it shows](picture.png) beside the drawing, or save the whole drawing as a "
             "file and show it that way",
    "animate": "SVG animation may set an attribute to a script; save the drawing as a file "
               "beside the deck and show it with ![what it shows](chart.svg)",
    "button": _FORM, "input": _FORM, "textarea": _FORM, "select": _FORM, "form": _FORM,
    "link": "list a stylesheet under 'css:' in the front matter",
}
for _tag in ("set", "animatetransform", "animatemotion"):
    _INSTEAD[_tag] = _INSTEAD["animate"]
# The refused tags whose content goes with them; not those with no end tag (void), nor a
# script (its text is never read as HTML): a void tag left here hid every later problem.
_WITH_CONTENT = {tag.lower() for tag in DROPPED} - {"script", "link", "meta", "base", "embed",
                                                    "frame"}
_LOWER = {tag.lower(): {name.lower() for name in names} for tag, names in ATTRIBUTES.items()}
_LOWER_TAGS = frozenset(tag.lower() for tag in TAGS)
# As text, compiled (and kept by `re`) when a deck first has raw HTML or an attribute comment.
_NAME = r"^[a-z][a-z0-9._:-]*$"


def allowed_attribute(tag: str, name: str) -> bool:
    name = name.lower()
    if name.startswith("on") or not re.match(_NAME, name):
        return False
    if any(name.startswith(p) for p in PREFIXES):
        return True
    return name in _LOWER["*"] or name in _LOWER.get(tag.lower(), set())


def unsafe_value(value: str) -> bool:
    """True when a value would run a script if reveal.js or the browser loaded it."""
    compact = re.sub(r"[\x00-\x20]+", "", value).lower()
    return compact.startswith(("javascript:", "vbscript:", "data:text/html", "data:image/svg"))


def clean(html: str) -> str:
    """nh3 with the deck list. Comments stay: `<!-- .slide: -->` is read afterwards."""
    return _CLEANER.clean(html)


def _filter(tag: str, name: str, value: str) -> str | None:
    if unsafe_value(value) or tag in svg.TAGS and svg.reference_out(tag, name, value):
        return None
    return value


# Made once: nh3.clean would build the same sanitiser again for every slide and its notes.
_CLEANER = nh3.Cleaner(tags=set(TAGS) | set(MADE_BY_MARKDOWN),
                       attributes={k: set(v) for k, v in {**ATTRIBUTES, **MADE_BY_MARKDOWN}.items()},
                       tag_attribute_values=_ONLY, set_tag_attribute_values=_ALWAYS,
                       generic_attribute_prefixes=set(PREFIXES), url_schemes=set(URL_SCHEMES),
                       link_rel=None, strip_comments=False, clean_content_tags=set(DROPPED),
                       attribute_filter=_filter)


def check_raw_html(fragment: str) -> list[tuple[int, str]]:
    """(line within `fragment`, from 1; message) for each tag, attribute or address in raw
    HTML outside the deck list."""
    return _Checker.problems_in(fragment)


class _Checker(RawHtmlChecker):
    def __init__(self) -> None:
        super().__init__()
        # A refused element whose content is refused with it (a <math>'s <mi>, ...): one
        # message for the element, not one for each of its parts.
        self.refused: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if self.refused:
            self.refused += [tag] if tag == self.refused[0] else []
            return
        if tag == "script":
            self.report("<script> is not allowed in a deck's slides; put the script in "
                        "a file and list it under 'scripts:' in the front matter.")
            return
        if tag not in _LOWER_TAGS:
            instead = _INSTEAD.get(tag, "use Markdown, an image or a video instead")
            self.report(f"the HTML tag <{tag}> is not allowed in decks; {instead}.")
            self.refused += [tag] if tag in _WITH_CONTENT else []
            return
        for name, value in attrs:
            self._attribute(tag, name, value or "")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if not self.refused:
            self.handle_starttag(tag, attrs)
            self.refused = [t for t in self.refused if t != tag]

    def handle_endtag(self, tag: str) -> None:
        if self.refused and tag == self.refused[0]:
            self.refused.pop()

    def _attribute(self, tag: str, name: str, value: str) -> None:
        if name.startswith("on"):
            self.report(f"the HTML attribute '{name}' runs a script, which is not "
                        f"allowed in decks; remove it from the <{tag}> tag.")
        elif not allowed_attribute(tag, name):
            self.report(f"the HTML attribute '{name}' is not allowed on <{tag}> in "
                        "decks; remove it.")
        elif tag in svg.LOWER_TAGS and svg.reference_out(tag, name, value):
            self.report(f"'{name}=\"{value}\"' points out of this SVG drawing, which is not "
                        "allowed; point only to an id within it (#name), or save the drawing as "
                        "a file beside the deck and show it with ![what it shows](chart.svg).")
        elif unsafe_value(value) or name in ("href", "src") and not safety.safe_url(value):
            self.report(f"the address '{value}' in '{name}' is not allowed; addresses "
                        "must be files beside the deck or start with https://, "
                        "http://, mailto: or tel:.")

    def handle_comment(self, data: str) -> None:
        pass  # comments carry .slide: and .element: attributes, read after rendering

