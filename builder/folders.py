"""A site's own folders: those a build reads, and the one it keeps its caches in.

Named apart from what reads or writes them, so that a deck on its own knows them
without importing the build's cache or its writers.
"""
from __future__ import annotations

import os
import shlex
from pathlib import Path

from . import TOOL_ROOT

# The site's own folders, which a build reads: nothing is ever written into them.
INPUT_FOLDERS = ("content", "templates", "assets")
# The files content/ itself holds, the site's settings; everything else sits in a folder.
SETTINGS_FILES = ("site.yaml", "themes.yaml", "glossary.yaml", "decks.yaml")


def is_settings_file(path: str) -> bool:
    """Whether `path` ("content/site.yaml") is one of the site's settings files."""
    return path.startswith("content/") and path[len("content/"):] in SETTINGS_FILES


# Where a site keeps what one run hands the next (the Sass, build, template and preview
# caches, each in a folder of its own under it): safe to delete, never published.
CACHE_FOLDER = Path(".cache")


def site_folder_holding(out: Path, root: Path) -> str | None:
    """Which of the site's own folders (content, templates, assets) `out` is in, if any:
    what is written there, the next build reads as the editors' and designers' files."""
    out = out.resolve()
    return next((own for own in INPUT_FOLDERS if out.is_relative_to(root.resolve() / own)), None)


def new_month_command(site: Path, month: str) -> str:
    """`bulletin new` as it must be typed, from the tool's folder as the README runs every
    command: 'bulletin new' alone was not found in a site's own folder, as the command
    lives in the tool's .venv/ (an adopting council's trial). A site beside the tool is
    named as the README names it, one elsewhere in full, quoted if it has a space."""
    site = site.resolve()
    if site == TOOL_ROOT:
        return f".venv/bin/bulletin new {month}"
    root = os.path.relpath(site, TOOL_ROOT) if site.is_relative_to(TOOL_ROOT.parent) \
        else site.as_posix()
    return f".venv/bin/bulletin new {month} --root {shlex.quote(root)}"   # as root_option
