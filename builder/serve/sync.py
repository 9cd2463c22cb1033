"""Keep the served folder equal to the latest build, writing only the files that changed.

`bulletin build` swaps a whole new site in (builder.output). While serving,
most saves change a handful of pages, so `SiteSync.write` (the writer handed
to `pipeline.build`) compares each file with what it wrote last time, writes
each changed file to a hidden temporary name beside it, and then, holding the
folder's write lock, renames them all into place (`os.replace`, atomic per
file) and removes the files the build no longer makes. The HTTP server reads
files under the read lock, so a request never sees a half-written file, nor a
mix of two builds.

The search index (`pagefind/`) is not written here: `search.SearchIndexer`
swaps it in separately, and the sync leaves it alone.
"""
from __future__ import annotations

import os
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

KEEP = ("pagefind",)  # top-level folders the build does not write while serving


class ReadWriteLock:
    """Many readers or one writer; a waiting writer goes before new readers."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writer = False
        self._writers_waiting = 0

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._cond:
            while self._writer or self._writers_waiting:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                if not self._readers:
                    self._cond.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        with self._cond:
            self._writers_waiting += 1
            while self._writer or self._readers:
                self._cond.wait()
            self._writers_waiting -= 1
            self._writer = True
        try:
            yield
        finally:
            with self._cond:
                self._writer = False
                self._cond.notify_all()


@dataclass(frozen=True)
class Changes:
    written: tuple[str, ...]
    removed: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.written or self.removed)


class SiteSync:
    """A folder kept equal to the files of the latest successful build."""

    def __init__(self, folder: Path, lock: ReadWriteLock):
        self.folder = folder
        self.lock = lock
        self._written: dict[str, bytes] = {}
        self.last = Changes((), ())

    def write(self, files: dict[str, bytes], out_dir: Path | None = None, *,
              search_tool: Path | None = None) -> None:
        """The pipeline's writer: bring the folder to `files` (relative path -> bytes)."""
        del out_dir, search_tool  # always self.folder; the index is built in the background
        changed = [rel for rel, data in files.items() if not self._same(rel, data)]
        removed = [rel for rel in self._written if rel not in files]
        staged: list[tuple[Path, Path]] = []
        try:
            for rel in changed:
                target = self._target(rel)
                target.parent.mkdir(parents=True, exist_ok=True)
                temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
                temp.write_bytes(files[rel])
                staged.append((temp, target))
            with self.lock.writing():
                for temp, target in staged:
                    os.replace(temp, target)
                staged = []
                for rel in removed:
                    self._remove(rel)
                self._written = dict(files)  # under the lock: readers see files and list agree
        finally:
            for temp, _ in staged:  # a failed write leaves no temporary files behind
                try:
                    temp.unlink()
                except OSError:
                    pass
        self.last = Changes(tuple(sorted(changed)), tuple(sorted(removed)))

    def files(self) -> list[str]:
        """The files of the latest build, in the order the build made them (hold the read
        lock while using the list, so it matches the folder)."""
        return list(self._written)

    def _same(self, rel: str, data: bytes) -> bool:
        old = self._written.get(rel)
        return old is not None and (old is data or old == data)

    def _target(self, rel: str) -> Path:
        parts = rel.split("/")
        if not rel or rel.startswith("/") or any(p in ("", ".", "..") for p in parts):
            raise ValueError(f"refusing to write outside the served folder: {rel!r}")
        if parts[0] in KEEP:
            raise ValueError(f"{rel!r} is inside {parts[0]}/, which the search index owns")
        return self.folder.joinpath(*parts)

    def _remove(self, rel: str) -> None:
        path = self._target(rel)
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        parent = path.parent
        while parent != self.folder:
            try:
                parent.rmdir()  # only when empty
            except OSError:
                break
            parent = parent.parent


def wait_until_idle(cond: threading.Condition, busy: Callable[[], bool], timeout: float) -> bool:
    """Wait on `cond` until `busy()` is false; False if `timeout` seconds pass first."""
    deadline = time.monotonic() + timeout
    with cond:
        while busy():
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            cond.wait(min(left, 0.05))
    return True
