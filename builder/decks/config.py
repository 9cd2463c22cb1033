"""`content/decks.yaml`: how the deck generated for each month looks.

Optional; without it every theme is shown, with no presenter line and no
backgrounds. Paths are relative to `content/decks/`, as a hand-written deck's are:
`css: [westshire.css]` names the same file in either.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import markings
from ..errors import Problem
from ..fields import Fields, read_mapping
from ..sources import read_source
from .model import THEMES
from .reviewed import FILE, Reviewed, read_reviewed

POSITIONS = ("title", "agenda", "themes", "contacts")
BACKGROUNDS = ("title", "sections", "closing")


@dataclass(frozen=True)
class ExtraSlides:
    file: str         # relative to content/decks/
    after: str        # one of POSITIONS
    line: int


@dataclass(frozen=True)
class DecksConfig:
    presenter: str | None = None
    presenter_role: str | None = None
    theme: str = "white"
    themes: tuple[str, ...] | None = None         # theme slugs to include, in order; None: all
    backgrounds: tuple[tuple[str, str], ...] = ()  # (title|sections|closing, path)
    background_opacity: float = 0.3
    extra: tuple[ExtraSlides, ...] = ()
    reviewed: Reviewed = ()
    path: str = FILE
    css: tuple[str, ...] = ()   # the site's own stylesheets, laid over the theme
    css_line: int = 0

    def background(self, where: str) -> str | None:
        return dict(self.backgrounds).get(where)

    def reviewed_for(self, deck_file: str) -> frozenset[str]:
        return dict(self.reviewed).get(deck_file, frozenset())


def read_config(root: Path, theme_slugs: tuple[str, ...], problems: list[Problem]) -> DecksConfig:
    file = root / FILE
    if not file.is_file():
        return DecksConfig()
    source, read_problems = read_source(root, file)
    problems.extend(read_problems)
    located = read_mapping(source, problems, "the settings of generated decks") if source else None
    if located is None:
        return DecksConfig()
    # the presenter's name and role are on every generated deck's title slide
    problems.extend(markings.scan(source, None))
    f = Fields(located, problems=problems)
    f.unknown_keys({"presenter", "presenter_role", "theme", "themes", "backgrounds",
                    "background_opacity", "extra_slides", "reviewed", "css"})
    return DecksConfig(f.text("presenter", required=False), f.text("presenter_role", required=False),
                       _theme(f), _themes(f, theme_slugs), _backgrounds(f), _opacity(f),
                       _extra(f), read_reviewed(located, root, problems), located.path,
                       _css(f), f.line("css"))


def _theme(f: Fields) -> str:
    theme = f.text("theme", required=False) or "white"
    if theme in THEMES:
        return theme
    if theme.lower().endswith(".css"):
        # A hand-written deck takes its own stylesheet as its theme; a month's deck keeps
        # a reveal.js theme under the site's, so that the brand's contrast can be known.
        f.error("theme", f"'theme: {theme}' is a stylesheet, and 'theme:' here takes one of "
                         f"reveal.js's themes ({', '.join(THEMES)}); name your own stylesheet "
                         f"under css:, which is laid over the theme: 'css: [{theme}]'.")
    else:
        f.error("theme", f"'theme: {theme}' is not a reveal.js theme; write one of "
                         f"{', '.join(THEMES)}, or name a stylesheet of your own under css:.")
    return "white"


def _css(f: Fields) -> tuple[str, ...]:
    """The site's stylesheets for every month's deck, written as a hand-written deck's
    `css:` is: a list, or names with commas. Whether each is there, and the files its
    url()s name, is the deck files' business (`files.Collector`), as for any deck."""
    names = [name.strip() for written in f.strings("css") for name in written.split(",")]
    for name in (n for n in names if n and not n.lower().endswith(".css")):
        f.error("css", f"'{name}' is not a stylesheet; css: names .css files in "
                       f"content/decks/, like 'css: [westshire.css]' (Sass is compiled for "
                       f"the site's pages only).")
    return tuple(name for name in names if name.lower().endswith(".css"))


def _themes(f: Fields, known: tuple[str, ...]) -> tuple[str, ...] | None:
    if not f.has("themes"):
        return None
    chosen = f.strings("themes")
    for slug in chosen:
        if slug not in known:
            f.error("themes", f"'{slug}' is not a theme; the themes are {', '.join(known)}.")
    return tuple(slug for slug in chosen if slug in known)


def _backgrounds(f: Fields) -> tuple[tuple[str, str], ...]:
    raw = f.raw("backgrounds", None)
    if raw is None:
        return ()
    if not isinstance(raw, dict):
        f.error("backgrounds", "'backgrounds' must be lines like 'title: backgrounds/x.jpg'.")
        return ()
    b = f.child("backgrounds")
    b.unknown_keys(set(BACKGROUNDS))
    return tuple((where, b.text(where)) for where in BACKGROUNDS if b.has(where) and b.text(where))


def _opacity(f: Fields) -> float:
    value = f.raw("background_opacity", 0.3)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        f.error("background_opacity", "'background_opacity' must be a number from 0 to 1.")
        return 0.3
    return float(value)


def _extra(f: Fields) -> tuple[ExtraSlides, ...]:
    found = []
    for index in f.list_of_mappings("extra_slides", what="files of extra slides"):
        e = f.child("extra_slides", index)
        e.unknown_keys({"file", "after"})
        after = e.text("after", required=False) or "themes"
        if after not in POSITIONS:
            e.error("after", f"'after: {after}' is not a place in the deck; write one of "
                             f"{', '.join(POSITIONS)}.")
            after = "themes"
        file = e.text("file", example="extra/portfolio.md")
        if file:
            found.append(ExtraSlides(file, after, e.line("file")))
    return tuple(found)
