"""`bulletin serve`: build, serve, watch, rebuild on save, reload the browser.

    watchdog events ──> Debouncer ──> Rebuilder (pipeline.build + SiteSync)
                                          │  success: files swapped in, one by one, under the lock
                                          │  failure: nothing written, problems kept
                                          ▼
                               state (generation, problems) ──> reload every open page
                                          │
                                          └──> SearchIndexer (Pagefind, in the background)

A reload is sent only after a rebuild has finished and its files are in
place, and only when what a page shows changed: the files, or the problems
the overlay lists. Each page carries the generation it was served at and
asks, once its live-reload socket is connected, whether it is current, so a
save that lands while a page is loading is not missed either.
"""
from __future__ import annotations

import os
import secrets
import shutil
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from ..errors import Problem, ServeError
from ..folders import CACHE_FOLDER
from ..output import process_running
from ..pipeline import TOOL_ROOT, search_tool
from . import addresses, server
from .rebuild import Outcome, Rebuilder
from .search import SearchIndexer, UNAVAILABLE
from .sync import ReadWriteLock
from .watcher import Debouncer, Watcher

WORK = CACHE_FOLDER / "serve"


@dataclass(frozen=True)
class State:
    generation: str
    errors: tuple[Problem, ...]  # the failed rebuild's problems, shown over the page; () when fine
    has_site: bool               # a build has succeeded: there is a last good site to show
    base_path: str               # the site is served under this path, as it is published


class Preview:
    def __init__(self, root: Path, *, host: str = "127.0.0.1", port: int = 8000,
                 drafts: bool = False, poll: bool = False, search: bool = True,
                 report: Callable[[Outcome], None] = lambda outcome: None,
                 notify: Callable[[str], None] = lambda message: None,
                 quiet: float = 0.05, search_settle: float = 0.5, tool_root: Path = TOOL_ROOT):
        self.root = Path(root).resolve()
        self.host = host
        self.requested_port = port
        self.drafts = drafts
        self.poll = poll
        self.search = search
        self.report = report
        self.notify = notify
        self.quiet = quiet
        self.search_settle = search_settle
        self.tool_root = tool_root
        self.loopback_only = addresses.is_loopback(host)
        self.lock = ReadWriteLock()
        self.hub = server.Hub()
        self._token = secrets.token_hex(4)
        self._count = 0
        self.state = State(self._generation(), (), False, "/")
        self.rebuilds = 0
        self.port = 0
        self.work: Path | None = None
        self.site_dir = Path()
        self.http: server.ServerThread | None = None
        self.debouncer: Debouncer | None = None
        self.watcher: Watcher | None = None
        self.indexer: SearchIndexer | None = None
        self.first: Outcome | None = None

    # ---------------------------------------------------------------- life

    def start(self) -> "Preview":
        sockets = addresses.bind(self.host, self.requested_port)  # fails early: port in use
        try:
            self.port = sockets[0].getsockname()[1]
            self.work = _work_folder(self.root)
            self.site_dir = (self.work / "site").resolve()
            self.site_dir.mkdir(parents=True)
            self.rebuilder = Rebuilder(self.root, self.site_dir, self.lock, drafts=self.drafts)
            self.indexer = SearchIndexer(self.site_dir, self.work / "search", self.lock,
                                         search_tool() if self.search else None,
                                         self.rebuilder.sync.files,
                                         settle=self.search_settle, on_error=self.notify)
            # Watch before the first build, so a save made while it runs is not missed;
            # the debouncer starts after it, so the two never run at once.
            self.debouncer = Debouncer(self._rebuild, quiet=self.quiet)
            self.watcher = Watcher([self.root, self.tool_root], self.debouncer.poke,
                                   poll=self.poll, ignore=[self.work], on_problem=self.notify)
            try:
                self.watcher.start()
            except OSError as exc:  # the system's limit on watched folders, say
                raise ServeError(f"cannot watch the site's files for changes "
                                 f"({exc.strerror or exc}); run with --poll instead.") from None
            self.first = self._rebuild()
            self.http = server.ServerThread(self, sockets)
            self.http.start()
            self.debouncer.start()
            self.indexer.start()
        except BaseException:
            for sock in sockets:
                sock.close()
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """Stop every thread this preview started and remove its folder. Safe to call twice."""
        for part in (self.watcher, self.debouncer, self.indexer, self.http):
            if part is not None:
                part.stop()
        self.watcher = self.debouncer = self.http = None
        if self.work is not None:
            shutil.rmtree(self.work, ignore_errors=True)
            self.work = None

    def __enter__(self) -> "Preview":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # ---------------------------------------------------------------- facts

    @property
    def url(self) -> str:
        """The address of the site's home page."""
        host = self.host
        if host in ("0.0.0.0", "", "::"):
            host = "127.0.0.1"
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}{self.state.base_path}"

    @property
    def search_state(self) -> str:
        return self.indexer.state if self.indexer is not None else UNAVAILABLE

    # ---------------------------------------------------------------- rebuilding

    def _generation(self) -> str:
        self._count += 1
        return f"{self._token}-{self._count}"

    def _rebuild(self) -> Outcome:
        outcome = self.rebuilder.rebuild()
        before = self.state
        if outcome.ok:
            base_path = urlsplit(outcome.base_url).path or "/"
            changed = (bool(outcome.changes) or bool(before.errors) or not before.has_site
                       or base_path != before.base_path)
            after = State(before.generation, (), True, base_path)
        else:
            changed = outcome.problems != before.errors
            after = replace(before, errors=outcome.problems)
        if changed:
            after = replace(after, generation=self._generation())
        with self.lock.writing():
            self.state = after
        self.rebuilds += 1
        self.report(outcome)
        if changed and self.http is not None:
            self.http.call(self.hub.reload)
        if outcome.ok and outcome.changes and self.indexer is not None:
            self.indexer.request()
        return outcome

    # ---------------------------------------------------------------- waiting (tests, bench)

    def wait_for_rebuild(self, after: int, timeout: float = 30.0, calm: float = 0.25) -> bool:
        """Wait until a rebuild after the `after`-th has finished and no more are coming."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.rebuilds > after and self.debouncer is not None and self.debouncer.idle():
                seen = self.rebuilds
                time.sleep(calm)
                if self.rebuilds == seen and self.debouncer.idle():
                    return True
                continue
            time.sleep(0.01)
        return False

    def wait_for_search(self, timeout: float = 60.0) -> bool:
        return self.indexer is None or self.indexer.wait_idle(timeout)


def _work_folder(root: Path) -> Path:
    """A folder of our own under ROOT/.cache/serve, clearing ones dead previews left."""
    base = root / WORK
    base.mkdir(parents=True, exist_ok=True)
    for old in base.iterdir():
        pid = old.name.split("-", 1)[0]
        if pid.isdigit() and not process_running(int(pid)):
            shutil.rmtree(old, ignore_errors=True)
    folder = base / f"{os.getpid()}-{secrets.token_hex(4)}"
    folder.mkdir()
    return folder
