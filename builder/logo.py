"""The header's logo (content/site.yaml `logo:`): a file of the site's assets/images/,
published with a digest in its name as every asset is (`builder.assets`).

A logo that names no file is an error of site.yaml, where it was written: the build
would otherwise stop in a template with an asset name it does not know, or draw a
header with a broken image.
"""
from __future__ import annotations

import difflib
import posixpath
from pathlib import Path

from . import TOOL_ROOT
from .fields import Fields

FOLDER = "images"
EXAMPLE = "images/westshire.svg"


def read_logo(f: Fields, root: Path) -> str | None:
    """The logo's path under assets/ ("images/westshire.svg"), or None."""
    written = f.text("logo", required=False, example=EXAMPLE)
    if written is None:
        return None
    mistake = _mistake(written, root)
    if mistake:
        f.error("logo", f"'logo: {written}' {mistake}")
        return None
    return written


def _mistake(written: str, root: Path) -> str | None:
    # only for a site that names a logo: reading content imports nothing that renders
    from .assets import ASSETS_DIR, overlay
    from .safety import is_remote
    from .urls import IMAGE_SUFFIXES
    if is_remote(written):
        return ("loads from another host, and no page of the site requests anything from "
                f"another host; save the file in {ASSETS_DIR}/{FOLDER}/ beside content/ and "
                f"write its name, like 'logo: {EXAMPLE}'.")
    under = written.removeprefix(f"{ASSETS_DIR}/").lstrip("/")
    if not (under.startswith(f"{FOLDER}/") and posixpath.normpath(under) == under):
        under = f"{FOLDER}/{posixpath.basename(written)}"
    if under != written:
        return (f"is not written as a file of {ASSETS_DIR}/{FOLDER}/; write its path from "
                f"{ASSETS_DIR}/, like 'logo: {under}'.")
    if not under.lower().endswith(IMAGE_SUFFIXES):
        return "is not an image; the logo is an .svg file (sharp at any zoom) or a .png."
    files = overlay(root, TOOL_ROOT)
    if under in files:
        return None
    return (f"names no file: there is no {ASSETS_DIR}/{under} beside content/; put the logo "
            f"there, correct the name, or leave 'logo:' out.{_nearest(under, files)}")


def _nearest(path: str, files: dict[str, Path]) -> str:
    """The image whose name is most like the one written (their folder is alike)."""
    images = {posixpath.basename(name): name for name in files if name.startswith(f"{FOLDER}/")}
    near = difflib.get_close_matches(posixpath.basename(path), images, n=1, cutoff=0.75)
    return f" Did you mean 'logo: {images[near[0]]}'?" if near else ""


def logo_alt(title: str, organisation: str) -> str:
    """The logo's text alternative: the organisation's name, which the logo shows. The
    logo and the title are one link, and a screen reader says both as its name, so
    where the title already names the organisation the logo says nothing more."""
    if not organisation or organisation.casefold() in title.casefold():
        return ""
    return organisation
