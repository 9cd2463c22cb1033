"""Rebuilds keep the last good site on every kind of failure; the search index follows."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from builder import parallel
from builder.pipeline import search_tool
from builder.serve.rebuild import Rebuilder
from builder.serve.search import FAILED, READY, UNAVAILABLE, SearchIndexer
from builder.serve.sync import ReadWriteLock
from serve_support import TOOL_ROOT, replace_in, tree

ENTRY = "content/bulletins/2026-01/community-safety-asb.md"


@pytest.fixture
def rebuilder(root, tmp_path) -> Rebuilder:
    site = tmp_path / "served"
    site.mkdir()
    return Rebuilder(root, site, ReadWriteLock())


def test_the_first_rebuild_writes_everything_the_next_only_changes(rebuilder, root):
    first = rebuilder.rebuild()
    assert first.ok and "bulletins/2026-01/index.html" in first.changes.written
    assert set(first.changes.written) == set(tree(rebuilder.sync.folder))
    assert [p.severity for p in first.problems] == []
    replace_in(root / ENTRY, "ASB patrols rose", "ASB patrols fell")
    second = rebuilder.rebuild()
    # Only the issue page, the theme page and the month's generated deck show the entry's text.
    assert set(second.changes.written) == {"bulletins/2026-01/index.html",
                                           "themes/community-safety-asb/index.html",
                                           "decks/2026-01/index.html"}


def test_serve_builds_in_its_own_process_with_no_workers(rebuilder, root, monkeypatch):
    """serve's watcher and server are threads, and forking beside threads can copy a held
    lock into the child: each of its builds takes every stage on one process."""
    forks = []
    monkeypatch.setattr(parallel.multiprocessing, "get_context",
                        lambda method: forks.append(method) or pytest.fail("a pool was started"))
    first = rebuilder.rebuild()
    replace_in(root / ENTRY, "ASB patrols rose", "ASB patrols fell")
    second = rebuilder.rebuild()
    assert (first.ok, second.ok, forks) == (True, True, [])


FAILURES = {
    "bad YAML": ("rag: amber", "rag: [amber", 2),
    "unknown value": ("rag: amber", "rag: amberish", 2),
    "protective marking": ("Work on county lines continued.",
                           "Work on county lines continued. OFFICIAL-SENSITIVE", 14),
}


@pytest.mark.parametrize("name", FAILURES)
def test_a_content_error_keeps_the_last_good_site(rebuilder, root, name):
    old, new, line = FAILURES[name]
    rebuilder.rebuild()
    before = tree(rebuilder.sync.folder)
    replace_in(root / ENTRY, old, new)
    outcome = rebuilder.rebuild()
    assert not outcome.ok and not outcome.changes
    assert any(p.path == ENTRY and p.line == line and p.is_error for p in outcome.problems), \
        outcome.problems
    assert tree(rebuilder.sync.folder) == before


def test_an_unknown_theme_is_reported_against_its_file(rebuilder, root):
    rebuilder.rebuild()
    shutil.copy(root / ENTRY, root / "content/bulletins/2026-01/hate-crimes.md")
    outcome = rebuilder.rebuild()
    assert not outcome.ok
    assert any(p.path.endswith("hate-crimes.md") and "If its text is for hate-crime.md" in p.message
               for p in outcome.problems)


def test_a_template_error_names_the_template_and_line(rebuilder, root):
    rebuilder.rebuild()
    (root / "templates").mkdir()
    (root / "templates/404.html").write_text('{% extends "base.html" %}\n{% block content %}\n'
                                             "{{ page.nonexistent }}\n{% endblock %}\n", "utf-8")
    outcome = rebuilder.rebuild()
    assert not outcome.ok
    (problem,) = outcome.problems
    assert problem.path.endswith("templates/404.html") and problem.line == 3
    assert "nonexistent" in problem.message


def test_a_stylesheet_error_is_reported_not_raised(rebuilder, root):
    rebuilder.rebuild()
    (root / "assets/scss").mkdir(parents=True)
    (root / "assets/scss/_bulletin.scss").write_text(".a { color: ; }\n", "utf-8")
    outcome = rebuilder.rebuild()
    assert not outcome.ok
    problem = outcome.problems[0]
    assert "Sass could not compile the stylesheet" in problem.message
    # named where the overlay and an editor's tools can open it
    assert (problem.path, problem.line, problem.col) == ("assets/scss/_bulletin.scss", 1, 13)


def test_a_bug_is_reported_with_its_traceback_and_serving_goes_on(rebuilder, monkeypatch):
    rebuilder.rebuild()
    import builder.serve.rebuild as module

    def broken(*args, **kwargs):
        raise KeyError("boom")

    monkeypatch.setattr(module, "build", broken)
    outcome = rebuilder.rebuild()
    assert not outcome.ok and "this is a bug in bulletin" in outcome.problems[0].message
    assert "Traceback" in outcome.trace and "KeyError" in outcome.trace


# ---------------------------------------------------------------- the search index

def test_the_index_is_built_in_the_background_and_swapped_in(tmp_path, rebuilder):
    rebuilder.rebuild()
    site = rebuilder.sync.folder
    indexer = SearchIndexer(site, tmp_path / "scratch", rebuilder.sync.lock, search_tool(),
                            rebuilder.sync.files, settle=0.01)
    indexer.start()
    try:
        indexer.request()
        assert indexer.wait_idle(60)
        assert indexer.state == READY and indexer.runs == 1
        assert (site / "pagefind/pagefind.js").is_file()
        assert not any(p.name.startswith(".") for p in site.iterdir())
        assert not (tmp_path / "scratch/snapshot").exists()
    finally:
        indexer.stop()


def test_a_burst_of_requests_gives_one_index_run(tmp_path, rebuilder):
    rebuilder.rebuild()
    indexer = SearchIndexer(rebuilder.sync.folder, tmp_path / "scratch", rebuilder.sync.lock,
                            search_tool(), rebuilder.sync.files, settle=0.3)
    indexer.start()
    try:
        for _ in range(20):
            indexer.request()
        assert indexer.wait_idle(60) and indexer.runs == 1
    finally:
        indexer.stop()


def test_without_pagefind_search_is_unavailable_not_an_error(tmp_path):
    indexer = SearchIndexer(tmp_path, tmp_path / "scratch", ReadWriteLock(), tmp_path / "missing",
                            list)
    indexer.start()
    indexer.request()
    assert indexer.state == UNAVAILABLE and indexer.wait_idle(1)
    indexer.stop()


def indexer_running(tmp_path: Path, rebuilder, script: str, **options) -> SearchIndexer:
    """A search indexer over a rebuilt site whose Pagefind is the shell `script`."""
    rebuilder.rebuild()
    tool = tmp_path / "pagefind"
    tool.write_text(f"#!/bin/sh\n{script}\n")
    tool.chmod(0o755)
    return SearchIndexer(rebuilder.sync.folder, tmp_path / "scratch", rebuilder.sync.lock, tool,
                         rebuilder.sync.files, settle=0.01, **options)


def test_a_failing_pagefind_is_reported(tmp_path, rebuilder):
    messages = []
    indexer = indexer_running(tmp_path, rebuilder, "echo 'index broke' >&2\nexit 1",
                              on_error=messages.append)
    indexer.start()
    try:
        indexer.request()
        assert indexer.wait_idle(30)
        assert indexer.state == FAILED and "index broke" in messages[0]
    finally:
        indexer.stop()


def test_stop_ends_a_running_index(tmp_path, rebuilder):
    indexer = indexer_running(tmp_path, rebuilder, "sleep 30")
    indexer.start()
    indexer.request()
    deadline = time.monotonic() + 10
    while indexer._process is None and time.monotonic() < deadline:
        time.sleep(0.01)
    started = time.monotonic()
    indexer.stop()
    assert time.monotonic() - started < 5 and not indexer._thread.is_alive()


def test_tool_root_is_the_repository():
    assert (TOOL_ROOT / "builder" / "serve").is_dir()


def test_nothing_that_renders_imports_the_server_or_the_command():
    import subprocess
    import sys
    code = ("import pkgutil, importlib, sys, builder\n"
            "for m in pkgutil.iter_modules(builder.__path__):\n"
            "    if m.name not in ('cli', '__main__', 'serve'):\n"
            "        importlib.import_module('builder.' + m.name)\n"
            "bad = [m for m in sys.modules if m.startswith(('builder.serve', 'builder.cli',"
            " 'tornado', 'watchdog', 'livereload'))]\n"
            "assert not bad, bad\n")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=TOOL_ROOT)
