"""The reveal.js files a deck uses, copied from node_modules (pinned in package-lock.json).

Only what the deck needs goes into its folder, under `reveal.js/` as in the
npm package, with reveal.js's licence: the core, its stylesheet, the deck's
theme, the notes plugin (speaker view), and the highlight plugin with one
style when a slide has code. Themes that `@import` Google Fonts lose the
import, so no request leaves the machine: their font stacks already end in
fonts every computer has, and an installed copy of the named font is used.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import ToolError
from .model import THEMES, Deck, FileCopy

PACKAGE = "reveal.js"
OUT = "reveal.js"   # folder inside each deck's output
# On bytes: a theme is copied as the package has it but for these imports, and decoding
# and encoding its half a megabyte of inlined fonts cost more than the search.
_REMOTE_IMPORT = re.compile(rb"""@import\s+(?:url\()?\s*["']?https?://[^;]*;""", re.I)
_BACKGROUND = re.compile(rb"--r-background-color:\s*(#[0-9a-fA-F]{3,6})\b")
_STRIPPED = (b"/* bulletin: the import of web fonts from another host was removed here, so the "
             b"deck makes no request off the machine; the font stack below falls back to "
             b"fonts installed locally. */")


@dataclass(frozen=True)
class RevealFiles:
    """The reveal.js files a deck uses, and how its page loads them."""

    files: tuple[FileCopy, ...]
    stylesheets: tuple[str, ...]   # in order, relative to the deck folder
    scripts: tuple[str, ...]
    plugins: tuple[str, ...]       # the plugins' global names, for Reveal.initialize


def reveal_files(node_modules: Path, deck: Deck) -> RevealFiles:
    package = node_modules / PACKAGE
    if not (package / "dist" / "reveal.js").is_file():
        raise ToolError(f"reveal.js is not installed ({package} is missing): run `make build`, "
                        "which installs it from package-lock.json.")
    files = [_copy(package, "LICENSE"), _copy(package, "dist/reveal.js"),
             _copy(package, "dist/reveal.css"), _copy(package, "dist/plugin/notes.js")]
    stylesheets = [f"{OUT}/dist/reveal.css"]
    theme = deck.options.theme
    if theme in THEMES:
        path = f"{OUT}/dist/theme/{theme}.css"
        files.append(FileCopy(path, data=_theme_css(package / "dist" / "theme" / f"{theme}.css")))
        stylesheets.append(path)
    else:
        stylesheets.append(theme)  # the deck's own theme file, copied with its other files
    scripts = [f"{OUT}/dist/reveal.js", f"{OUT}/dist/plugin/notes.js"]
    plugins = ["RevealNotes"]
    if deck.has_code:
        style = f"dist/plugin/highlight/{deck.options.highlight_theme}.css"
        files += [_copy(package, "dist/plugin/highlight.js"), _copy(package, style)]
        stylesheets.append(f"{OUT}/{style}")
        scripts.append(f"{OUT}/dist/plugin/highlight.js")
        plugins.append("RevealHighlight")
    return RevealFiles(tuple(files), tuple(stylesheets), tuple(scripts), tuple(plugins))


def theme_background(node_modules: Path, theme: str) -> str | None:
    """A reveal.js theme's slides' background colour, for what must stand out from it
    (`brand.deck_style`); None where it cannot be read."""
    path = node_modules / PACKAGE / "dist" / "theme" / f"{theme}.css"
    if theme not in THEMES or not path.is_file():
        return None
    match = _BACKGROUND.search(_theme_css(path))
    return match.group(1).decode("ascii") if match else None


def strip_remote_imports(css: bytes) -> bytes:
    return _REMOTE_IMPORT.sub(_STRIPPED, css)


def _copy(package: Path, rel: str) -> FileCopy:
    source = package / rel
    if not source.is_file():
        raise ToolError(f"{source} is missing from the installed reveal.js; run `make build`.")
    return FileCopy(f"{OUT}/{rel}", source, _read(source, file_stamp(source)))


# A site has a deck a month, all using the same few reveal.js files: each is read
# (and a theme's imports stripped) once, and every deck holds the same bytes,
# which the site writer then stores once (`output.write_site`). Keyed by the
# file's size and time, so a long-running `bulletin serve` sees a reinstall.
def file_stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


@functools.lru_cache(maxsize=32)
def _read(path: Path, stamp: tuple[int, int]) -> bytes:
    return path.read_bytes()


def _theme_css(path: Path) -> bytes:
    return _stripped_css(path, file_stamp(path))


@functools.lru_cache(maxsize=8)
def _stripped_css(path: Path, stamp: tuple[int, int]) -> bytes:
    return strip_remote_imports(path.read_bytes())
