"""The search index while serving: rebuilt in the background, after the reload.

Pagefind reads every page, so running it inside each rebuild would put its
time between a save and the reload. Instead, a short while after a rebuild
(when saves have paused), the indexer

1. takes a snapshot of the files of the latest build by hard-linking them
   into a scratch folder, in the order `bulletin build` writes them, holding
   the read lock so the snapshot is one build (the sync replaces files by
   renaming, so the links keep the old bytes);
2. runs Pagefind on the snapshot, at low priority, writing the index into
   another scratch folder;
3. holding the write lock, renames the new index into place as `pagefind/`.

A save during indexing lets the run finish, then indexes again. The index
says what `bulletin build` makes of the same pages. (Not always byte for
byte: Pagefind 1.5 writes each filter's values in a random order, so two
runs of `bulletin build` differ there too; the equivalence tests compare
those files by content and every other file byte for byte.)
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path
from typing import Callable

from .sync import ReadWriteLock, wait_until_idle

INDEX = "pagefind"

READY, WAITING, INDEXING, FAILED, UNAVAILABLE = "ready", "waiting", "indexing", "failed", "unavailable"


class SearchIndexer:
    def __init__(self, site: Path, scratch: Path, lock: ReadWriteLock, pagefind: Path | None,
                 files: Callable[[], list[str]], *, settle: float = 0.5,
                 on_error: Callable[[str], None] = lambda message: None):
        self.site = site
        self.files = files  # the site's files in build order, read under the lock
        self.scratch = scratch
        self.lock = lock
        self.pagefind = pagefind
        self.settle = settle
        self.on_error = on_error
        self.state = UNAVAILABLE if pagefind is None or not pagefind.exists() else WAITING
        self.runs = 0
        self._cond = threading.Condition()
        self._requested = 0.0       # when the last request came; 0 when none is waiting
        self._busy = False
        self._stopping = False
        self._process: subprocess.Popen | None = None
        self._thread = threading.Thread(target=self._loop, name="bulletin-search", daemon=True)

    def start(self) -> None:
        if self.state != UNAVAILABLE:
            self._thread.start()

    def request(self) -> None:
        """The site changed: index it again once saves pause for `settle` seconds."""
        if self.state == UNAVAILABLE:
            return
        with self._cond:
            self._requested = time.monotonic()
            self.state = WAITING
            self._cond.notify_all()

    def stop(self) -> None:
        with self._cond:
            self._stopping = True
            process = self._process
            self._cond.notify_all()
        if process is not None and process.poll() is None:
            _kill(process)
        if self._thread.is_alive():
            self._thread.join(timeout=10)

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """True once no request is waiting and no run is going (for tests and the bench)."""
        return wait_until_idle(self._cond, lambda: bool(self._requested or self._busy), timeout)

    def _loop(self) -> None:
        while True:
            with self._cond:
                while not self._requested and not self._stopping:
                    self._cond.wait()
                if self._stopping:
                    return
                while self._requested and not self._stopping:
                    left = self._requested + self.settle - time.monotonic()
                    if left <= 0:
                        break
                    self._cond.wait(left)
                if self._stopping:
                    return
                self._requested = 0.0
                self._busy = True
                self.state = INDEXING
            try:
                ok = self._index()
            finally:
                with self._cond:
                    self._busy = False
                    if not self._requested:
                        self.state = READY if ok else FAILED
                    self._cond.notify_all()

    def _index(self) -> bool:
        self.scratch.mkdir(parents=True, exist_ok=True)
        snapshot = self.scratch / "snapshot"
        output = self.scratch / "index"
        for folder in (snapshot, output):
            shutil.rmtree(folder, ignore_errors=True)
        try:
            with self.lock.reading():
                _link_files(self.site, snapshot, self.files())
            with self._cond:
                if self._stopping:
                    return False
                self._process = subprocess.Popen(
                    [str(self.pagefind), "--site", str(snapshot), "--output-path", str(output),
                     "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                    stdin=subprocess.DEVNULL, preexec_fn=_lower_priority,
                    start_new_session=True)
            out, err = self._process.communicate()
            code = self._process.returncode
            with self._cond:
                self._process = None
                if self._stopping:
                    return False
            if code != 0:
                self.on_error("Pagefind could not index the preview: "
                              + (err or out).decode("utf-8", "replace").strip())
                return False
            self.runs += 1
            with self.lock.writing():
                replaced = _swap_in(output, self.site / INDEX)
            shutil.rmtree(replaced, ignore_errors=True)
            return True
        except OSError as exc:
            self.on_error(f"The search index could not be built: {exc}")
            return False
        finally:
            shutil.rmtree(snapshot, ignore_errors=True)
            shutil.rmtree(output, ignore_errors=True)


def _kill(process: subprocess.Popen) -> None:
    """Pagefind's npm launcher runs the real binary as a child: end the whole group."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except OSError:
        process.kill()


def _lower_priority() -> None:  # pragma: no cover - runs in the child
    try:
        os.nice(10)
    except OSError:
        pass


def _link_files(source: Path, target: Path, files: list[str]) -> None:
    """Hard-link `files` of `source` under `target`, in order, as `bulletin build` writes
    them (copy where links are refused)."""
    target.mkdir(parents=True)
    for rel in files:
        src, dst = source / rel, target / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)


def _swap_in(new: Path, current: Path) -> Path:
    """Rename `new` to `current`; returns where the previous one went, to delete later."""
    old = current.with_name(f".{current.name}.old-{time.monotonic_ns()}")
    if current.exists():
        os.rename(current, old)
    os.rename(new, current)
    return old
