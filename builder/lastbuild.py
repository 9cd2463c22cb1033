"""A no-op rebuild at a glance: what the last `bulletin build` read and wrote.

After a build has swapped the site in, the size and modification time of
every file it could have read (the site's content, templates and assets, the
tool's templates and assets, the lock file of the installed front-end
packages) and of every file it wrote are saved beside the disk cache, with
the build's result. The next build with the same options looks again: when
every input and every output is as recorded, the folder already holds what the
build would write, and it reports the recorded result instead of building.

What keeps this safe:

* It lives in the disk cache's folder, which is named by a digest of the
  builder's code and libraries (`diskcache.code_version`), so other code never
  reads it.
* Inputs are looked at before the build reads them. A file edited while the
  build runs has a newer time by the next build; a file modified less than
  `filedigests.RACY_NS` (2 s) before the build began is recorded as unknown, as
  a second edit in the same clock tick would not change its time.
* Any difference at all (an edited, added, removed or touched file, in the
  inputs or in the output folder) means a full build: the content-keyed memos
  of the disk cache make that a warm one.
"""
from __future__ import annotations

import os
import pickle
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import filedigests
from .atomicfile import write_atomically
from .folders import INPUT_FOLDERS

INPUT_FILES = ("package-lock.json",)     # of the tool: the pinned reveal.js, Pagefind, Sass

Stats = dict[str, tuple[int, int, int]]  # path -> (size, mtime in ns, inode)


@dataclass(frozen=True)
class Snapshot:
    """The inputs of a build as they were when it started."""

    key: tuple[Any, ...]                 # the options that change what is written
    inputs: Stats
    started_ns: int


@dataclass(frozen=True)
class Record:
    key: tuple[Any, ...]
    inputs: Stats
    outputs: Stats
    result: Any                          # the recorded pipeline.BuildResult


def take_snapshot(key: tuple[Any, ...], site_root: Path, tool_root: Path) -> Snapshot:
    """The site's own folders and the tool's templates, assets and package lock. The
    tool's content/ is the county's site, which a build of another site never reads:
    watched, an edit to it made that site's next build a full one."""
    started = time.time_ns()
    inputs: Stats = {}
    for folder in INPUT_FOLDERS:
        inputs.update(_stats(site_root / folder))
    if tool_root.resolve() != site_root.resolve():
        for folder in INPUT_FOLDERS:
            if folder != "content":
                inputs.update(_stats(tool_root / folder))
    for name in INPUT_FILES:
        inputs.update(_file_stat(tool_root / name))
    return Snapshot(key, inputs, started)


def unchanged_result(file: Path, snapshot: Snapshot, out: Path) -> Any | None:
    """The recorded result, when the inputs and the output folder are as recorded."""
    record = _load(file)
    if (record is None or record.key != snapshot.key or record.inputs != snapshot.inputs
            or record.outputs != _stats(out)):
        return None
    return record.result


def save(file: Path, snapshot: Snapshot, out: Path, result: Any) -> None:
    racy_after = snapshot.started_ns - filedigests.RACY_NS
    inputs = {path: (size, mtime if mtime < racy_after else -1, inode)
              for path, (size, mtime, inode) in snapshot.inputs.items()}
    record = Record(snapshot.key, inputs, _stats(out), result)
    write_atomically(file, pickle.dumps(record, protocol=5))


def _stats(folder: Path) -> Stats:
    found: Stats = {}
    todo = [str(folder)]
    while todo:
        try:
            entries = os.scandir(todo.pop())
        except (FileNotFoundError, NotADirectoryError):
            continue
        with entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    todo.append(entry.path)
                else:
                    stat = entry.stat()
                    found[entry.path] = (stat.st_size, stat.st_mtime_ns, stat.st_ino)
    return found


def _file_stat(file: Path) -> Stats:
    try:
        stat = file.stat()
    except OSError:
        return {}
    return {str(file): (stat.st_size, stat.st_mtime_ns, stat.st_ino)}


def _load(file: Path) -> Record | None:
    try:
        with file.open("rb") as source:
            record = pickle.load(source)
    except Exception:  # missing, cut short, or not ours: build
        return None
    return record if isinstance(record, Record) else None
