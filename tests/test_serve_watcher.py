"""The watcher notices every kind of change; the debouncer turns bursts into one run."""
from __future__ import annotations

import os
import threading
import time

import pytest

from builder.serve.watcher import Debouncer, Watcher


class Counter:
    def __init__(self) -> None:
        self.count = 0
        self.event = threading.Event()

    def __call__(self) -> None:
        self.count += 1
        self.event.set()

    def wait(self, timeout: float = 10.0) -> bool:
        ok = self.event.wait(timeout)
        self.event.clear()
        return ok


def test_a_burst_gives_one_run():
    runs = Counter()
    debouncer = Debouncer(runs, quiet=0.3)
    debouncer.start()
    try:
        for _ in range(50):
            debouncer.poke()
        assert debouncer.wait_idle(10)
        assert runs.count == 1
    finally:
        debouncer.stop()


def test_a_change_during_a_run_gives_exactly_one_more_run():
    started, release = threading.Event(), threading.Event()
    calls = []

    def action():
        calls.append(time.monotonic())
        if len(calls) == 1:
            started.set()
            release.wait(10)

    debouncer = Debouncer(action, quiet=0.01)
    debouncer.start()
    try:
        debouncer.poke()
        assert started.wait(10)
        for _ in range(10):
            debouncer.poke()  # saved while the first rebuild runs
        release.set()
        assert debouncer.wait_idle(10)
        assert len(calls) == 2
    finally:
        debouncer.stop()


def test_stop_ends_the_thread():
    debouncer = Debouncer(lambda: None)
    debouncer.start()
    debouncer.stop()
    assert not debouncer._thread.is_alive()


@pytest.fixture(params=[False, True], ids=["events", "poll"])
def watched(request, tmp_path):
    site = tmp_path / "site"
    (site / "content/bulletins/2026-01").mkdir(parents=True)
    (site / "content/site.yaml").write_text("title: x\n")
    tool = tmp_path / "tool"
    (tool / "templates").mkdir(parents=True)
    (tool / "templates/base.html").write_text("<html>")
    ignored = site / ".cache"
    ignored.mkdir()
    changes = Counter()
    watcher = Watcher([site, tool], changes, poll=request.param, ignore=[ignored])
    watcher.start()
    yield site, tool, changes, watcher
    watcher.stop()


def expect_change(changes: Counter, timeout: float = 5.0) -> None:
    assert changes.wait(timeout), "the change was not noticed"


def expect_quiet(changes: Counter, seconds: float = 1.2) -> None:
    assert not changes.wait(seconds), "an event that is not a change was reported"


def test_notices_edits_additions_renames_and_deletions(watched):
    site, tool, changes, _ = watched
    entry = site / "content/bulletins/2026-01/hate-crime.md"
    entry.write_text("one")
    expect_change(changes)
    time.sleep(0.05)
    entry.write_text("two, longer")
    expect_change(changes)
    os.rename(entry, entry.with_name("serious-violence.md"))
    expect_change(changes)
    entry.with_name("serious-violence.md").unlink()
    expect_change(changes)
    (tool / "templates/base.html").write_text("<html lang=en>")  # a default template
    expect_change(changes)


def test_reading_a_file_is_not_a_change(watched):
    site, _, changes, _ = watched
    (site / "content/site.yaml").read_text()
    expect_quiet(changes)


def test_a_watched_folder_created_later_is_watched(watched):
    site, _, changes, watcher = watched
    (site / "templates").mkdir()
    expect_change(changes)
    deadline = time.monotonic() + 5
    while site / "templates" not in watcher.watched() and time.monotonic() < deadline:
        time.sleep(0.02)
    (site / "templates/page.html").write_text("{% extends 'base.html' %}")
    expect_change(changes)


def test_configuration_at_the_top_counts_other_files_do_not(watched):
    site, _, changes, _ = watched
    (site / "README.md").write_text("notes")
    (site / ".cache/main.css").write_text("x")  # the cache and served folder are ignored
    expect_quiet(changes)
    (site / "bulletin.yaml").write_text("x: 1")
    expect_change(changes)


def test_a_folder_that_cannot_be_watched_is_reported(tmp_path, monkeypatch):
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    problems: list[str] = []
    watcher = Watcher([site], lambda: None, on_problem=problems.append)

    def refuse(*args, **kwargs):
        raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr(watcher.observer, "schedule", refuse)
    watcher._watch(site / "content")
    assert problems and "--poll" in problems[0] and "content" in problems[0]


def test_a_preview_that_cannot_watch_says_to_poll(tmp_path, monkeypatch):
    from builder.errors import ServeError
    from builder.serve import Preview
    from serve_support import make_site
    root = make_site(tmp_path / "site")

    def refuse(self):
        raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr(Watcher, "start", refuse)
    with pytest.raises(ServeError, match="--poll"):
        Preview(root, port=0, search=False).start()
    assert not any((root / ".cache/serve").iterdir())
