"""Paths as seen from the folder a command was run in, for messages: a site named with
--root is under another folder, and an editor's tools open what is written from there."""
from __future__ import annotations

import os
import shlex
from pathlib import Path, PurePosixPath


def seen_from_here(path: str, root: Path) -> str:
    base = shown(root.resolve()).rstrip("/")
    if base == "." or PurePosixPath(path).is_absolute():
        return path
    if base.startswith(".."):   # run inside the site: 'hate-crime.md', not '../../content/...'
        return Path(os.path.relpath(root.resolve() / path)).as_posix()
    return str(PurePosixPath(base, path))


def root_option(root: Path) -> str:
    """' --root FOLDER' for a command a message says to run, quoted as a shell needs a
    folder with a space ('--root Jo Bloggs/site' ran as two words)."""
    return "" if shown(root) == "./" else f" --root {shlex.quote(shown(root).rstrip('/'))}"


def of_folder(root: Path) -> str:
    """' of ../our-site/' when the site is not the folder the command was run in."""
    return "" if shown(root) == "./" else f" of {shown(root)}"


def shown(path: Path) -> str:
    """A folder as seen from where the command was run, with a final '/': 'site/'."""
    here = Path.cwd()
    try:
        return path.relative_to(here).as_posix() + "/"
    except ValueError:
        pass
    if path.is_absolute() and here.is_relative_to(path):   # run in a folder inside it
        return Path(os.path.relpath(path, here)).as_posix() + "/"
    return path.as_posix() + "/"
