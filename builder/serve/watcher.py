"""Notice saves: watchdog events, debounced so a burst of them gives one rebuild.

Watched: the site's `content/`, `templates/`, `assets/` and `decks/`, the
default `templates/` and `assets/` the tool brings (when the site overrides
only some of them), and configuration files at the top of the site folder.
The site folder itself is watched without its subfolders, so a watched
folder that is created, deleted or replaced (a `git checkout`) is picked up.

Nothing is filtered by name inside watched folders: an event that turns out
to change nothing costs one quick rebuild that writes nothing, while a
filter that guessed wrong would leave the preview stale.
"""
from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Callable, Iterable

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch
from watchdog.observers.polling import PollingObserver

from .sync import wait_until_idle

WATCHED = ("content", "templates", "assets", "decks")
CONFIG_SUFFIXES = (".yaml", ".yml")
# Reading a file is not changing it (the build itself opens every file).
IGNORED_EVENTS = {"opened", "closed_no_write"}
POLL_INTERVAL = 0.5


class Debouncer:
    """Calls `action` once saves have paused for `quiet` seconds.

    Events during a run of `action` make it run once more afterwards, so the
    last change is never missed and two runs never overlap.
    """

    def __init__(self, action: Callable[[], None], quiet: float = 0.05, name: str = "bulletin-rebuild"):
        self.action = action
        self.quiet = quiet
        self._cond = threading.Condition()
        self._last = 0.0
        self._pending = False
        self._running = False
        self._stopping = False
        self.runs = 0
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def poke(self) -> None:
        with self._cond:
            self._pending = True
            self._last = time.monotonic()
            self._cond.notify_all()

    def stop(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout=30)

    def idle(self) -> bool:
        with self._cond:
            return not self._pending and not self._running

    def wait_idle(self, timeout: float = 30.0) -> bool:
        return wait_until_idle(self._cond, lambda: bool(self._pending or self._running), timeout)

    def _loop(self) -> None:
        while True:
            with self._cond:
                while not self._pending and not self._stopping:
                    self._cond.wait()
                while not self._stopping:
                    left = self._last + self.quiet - time.monotonic()
                    if left <= 0:
                        break
                    self._cond.wait(left)
                if self._stopping:
                    return
                self._pending = False
                self._running = True
            try:
                self.action()
            finally:
                with self._cond:
                    self._running = False
                    self.runs += 1
                    self._cond.notify_all()


class _Handler(FileSystemEventHandler):
    def __init__(self, watcher: "Watcher"):
        self.watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in IGNORED_EVENTS:
            return
        self.watcher._event(event)


class Watcher:
    """Calls `on_change()` for every change under the watched folders of `roots`.

    `roots` are the site folder and, if different, the tool's folder (for
    its default templates and assets); `ignore` are folders whose events are
    dropped (the served folder, caches).
    """

    def __init__(self, roots: Iterable[Path], on_change: Callable[[], None], *,
                 poll: bool = False, ignore: Iterable[Path] = (),
                 on_problem: Callable[[str], None] = lambda message: None):
        self.roots = list(dict.fromkeys(Path(r).resolve() for r in roots))
        self.on_change = on_change
        self.on_problem = on_problem
        self.ignore = [Path(i).resolve() for i in ignore]
        self.observer: BaseObserver = PollingObserver(timeout=POLL_INTERVAL) if poll else Observer()
        self._handler = _Handler(self)
        self._watches: dict[Path, ObservedWatch] = {}
        self._lock = threading.Lock()

    def start(self) -> None:
        for root in self.roots:
            self.observer.schedule(self._handler, str(root), recursive=False)
            for name in WATCHED:
                self._watch(root / name)
        self.observer.start()

    def stop(self) -> None:
        self.observer.stop()
        if self.observer.is_alive():
            self.observer.join(timeout=10)

    def watched(self) -> list[Path]:
        with self._lock:
            return sorted(self._watches)

    def _watch(self, folder: Path) -> None:
        with self._lock:
            old = self._watches.pop(folder, None)
            if old is not None:
                try:
                    self.observer.unschedule(old)
                except (KeyError, OSError):
                    pass
            if folder.is_dir():
                try:
                    self._watches[folder] = self.observer.schedule(self._handler, str(folder),
                                                                   recursive=True)
                except OSError as exc:
                    if folder.is_dir():  # not merely gone again (the next event retries then)
                        self.on_problem(f"Cannot watch {folder} for changes ({exc.strerror or exc});"
                                        " saves there are not seen. Restart with --poll.")

    def _event(self, event: FileSystemEvent) -> None:
        paths = [_path(event.src_path)]
        if getattr(event, "dest_path", None):
            paths.append(_path(event.dest_path))
        relevant = False
        for path in paths:
            if any(path == i or i in path.parents for i in self.ignore):
                continue
            root = next((r for r in self.roots if path.parent == r or path == r), None)
            if root is not None and path != root:
                # Directly in a site folder: a watched folder came or went, or configuration.
                if path.name in WATCHED:
                    if event.event_type in ("created", "deleted", "moved"):
                        self._watch(path)
                    relevant = True
                elif path.suffix in CONFIG_SUFFIXES and not event.is_directory:
                    relevant = True
                continue
            if root is None:
                relevant = True
        if relevant:
            self.on_change()


def _path(raw: str | bytes) -> Path:
    return Path(os.fsdecode(raw))
