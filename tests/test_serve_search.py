"""The search index while serving (builder/serve/search.py), with a stand-in for Pagefind.

test_serve_rebuild.py runs the real Pagefind (the index swapped in, a burst
of requests giving one run, a failing or missing Pagefind, stop ending a run);
test_serve_equivalence.py compares the served index with `bulletin build`'s.
Here, what the indexer hands Pagefind and what it does with the answer: the
snapshot holds the build's files only and keeps their bytes, the index
replaces the old one whole or not at all, and a save during a run is indexed.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from builder.serve.search import (FAILED, INDEX, INDEXING, READY, UNAVAILABLE, WAITING,
                                  SearchIndexer, _link_files, _swap_in)
from builder.serve.sync import ReadWriteLock

# Pagefind's arguments, as the indexer passes them: --site DIR --output-path DIR --quiet.
LISTS_THE_SNAPSHOT = """\
mkdir -p "$4"
(cd "$2" && find . -type f | sort) > "$4/listing.txt"
cat "$2/index.html" > "$4/seen.html"
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "bulletins/2026-01").mkdir(parents=True)
    (site / "index.html").write_text("<h1>Home</h1>")
    (site / "bulletins/2026-01/index.html").write_text("<h1>January</h1>")
    return site


BUILT = ["bulletins/2026-01/index.html", "index.html"]


def pagefind(tmp_path: Path, script: str) -> Path:
    tool = tmp_path / "pagefind"
    tool.write_text(f"#!/bin/sh\n{script}\n")
    tool.chmod(0o755)
    return tool


def indexer(site: Path, tool: Path | None, files=lambda: list(BUILT), **options) -> SearchIndexer:
    options.setdefault("settle", 0.01)
    return SearchIndexer(site, site.parent / "scratch", ReadWriteLock(), tool, files, **options)


def run_once(indexer: SearchIndexer) -> None:
    indexer.start()
    try:
        indexer.request()
        assert indexer.wait_idle(30)
    finally:
        indexer.stop()


# --- states ---------------------------------------------------------------------------------------

def test_an_indexer_with_pagefind_waits_for_a_request_and_starts_no_run_of_its_own(tmp_path, site):
    waiting = indexer(site, pagefind(tmp_path, LISTS_THE_SNAPSHOT))
    assert waiting.state == WAITING
    waiting.start()
    try:
        time.sleep(0.1)
        assert waiting.runs == 0 and not (site / INDEX).exists()
    finally:
        waiting.stop()


def test_without_pagefind_no_thread_is_started_and_a_request_is_ignored(site):
    missing = indexer(site, None)
    missing.start()
    missing.request()
    assert missing.state == UNAVAILABLE and not missing._thread.is_alive()
    assert missing.wait_idle(0.1)


# --- what Pagefind is given ---------------------------------------------------------------------------

def test_pagefind_reads_the_build_s_files_only_and_its_index_is_swapped_in(tmp_path, site):
    (site / ".index.html.123.tmp").write_text("half written")    # not one of the build's files
    (site / INDEX).mkdir()
    (site / INDEX / "old.pf_meta").write_text("the last index")
    done = indexer(site, pagefind(tmp_path, LISTS_THE_SNAPSHOT))
    run_once(done)
    assert (done.state, done.runs) == (READY, 1)
    assert (site / INDEX / "listing.txt").read_text().split() == [f"./{f}" for f in BUILT]
    assert sorted(p.name for p in (site / INDEX).iterdir()) == ["listing.txt", "seen.html"]
    assert [p.name for p in site.iterdir() if p.name.startswith(".")] == [".index.html.123.tmp"]
    assert not (tmp_path / "scratch/snapshot").exists() and not (tmp_path / "scratch/index").exists()


def test_a_failed_run_leaves_the_last_index_in_place_and_says_why(tmp_path, site):
    (site / INDEX).mkdir()
    (site / INDEX / "old.pf_meta").write_text("the last index")
    said: list[str] = []
    failed = indexer(site, pagefind(tmp_path, 'mkdir -p "$4"\necho "no pages found" >&2\nexit 3'),
                     on_error=said.append)
    run_once(failed)
    assert (failed.state, failed.runs) == (FAILED, 0)
    assert said == ["Pagefind could not index the preview: no pages found"]
    assert [p.name for p in (site / INDEX).iterdir()] == ["old.pf_meta"]


def test_a_pagefind_that_cannot_be_run_is_reported_not_raised(tmp_path, site):
    tool = pagefind(tmp_path, LISTS_THE_SNAPSHOT)
    tool.chmod(0o644)   # there, but not a program
    said: list[str] = []
    broken = indexer(site, tool, on_error=said.append)
    run_once(broken)
    assert broken.state == FAILED
    assert len(said) == 1 and said[0].startswith("The search index could not be built: ")


def test_a_save_during_a_run_lets_it_finish_then_indexes_again(tmp_path, site):
    slow = indexer(site, pagefind(tmp_path, "sleep 0.5\n" + LISTS_THE_SNAPSHOT))
    slow.start()
    try:
        slow.request()
        deadline = time.monotonic() + 10
        while slow.state != INDEXING and time.monotonic() < deadline:
            time.sleep(0.01)
        assert slow.state == INDEXING
        (site / "index.html").write_text("<h1>Home, saved again</h1>")
        slow.request()
        assert slow.state == WAITING
        assert slow.wait_idle(30)
    finally:
        slow.stop()
    assert (slow.state, slow.runs) == (READY, 2)
    assert (site / INDEX / "seen.html").read_text() == "<h1>Home, saved again</h1>"


# --- the snapshot and the swap ---------------------------------------------------------------------------

def test_the_snapshot_keeps_the_bytes_of_its_build_when_a_file_is_replaced_by_renaming(tmp_path,
                                                                                      site):
    snapshot = tmp_path / "snapshot"
    _link_files(site, snapshot, BUILT)
    newer = site / ".index.html.new"
    newer.write_text("<h1>Next build</h1>")
    os.replace(newer, site / "index.html")      # as the site sync replaces a file
    assert (snapshot / "index.html").read_text() == "<h1>Home</h1>"
    assert (snapshot / "bulletins/2026-01/index.html").read_text() == "<h1>January</h1>"


def test_where_a_hard_link_is_refused_the_file_is_copied(tmp_path, site, monkeypatch):
    def refuse(src, dst):
        raise OSError("links not allowed here")

    monkeypatch.setattr(os, "link", refuse)
    _link_files(site, tmp_path / "snapshot", BUILT)
    copied = tmp_path / "snapshot/index.html"
    assert copied.read_text() == "<h1>Home</h1>"
    assert copied.stat().st_ino != (site / "index.html").stat().st_ino


def test_the_new_index_takes_the_old_one_s_place_and_the_old_one_is_handed_back(tmp_path):
    new, current = tmp_path / "scratch-index", tmp_path / "site" / INDEX
    new.mkdir()
    (new / "pagefind.js").write_text("new")
    current.mkdir(parents=True)
    (current / "pagefind.js").write_text("old")
    old = _swap_in(new, current)
    assert (current / "pagefind.js").read_text() == "new" and not new.exists()
    assert old.parent == current.parent and old.name.startswith(f".{INDEX}.old-")
    assert (old / "pagefind.js").read_text() == "old"


def test_the_first_index_is_swapped_in_with_nothing_to_hand_back(tmp_path):
    new, current = tmp_path / "scratch-index", tmp_path / "site" / INDEX
    new.mkdir()
    current.parent.mkdir()
    old = _swap_in(new, current)
    assert current.is_dir() and not old.exists()


def test_the_swap_waits_for_readers_of_the_site_to_finish(tmp_path, site):
    """The server reads under the read lock; the index must not change under a request."""
    lock = ReadWriteLock()
    done = SearchIndexer(site, tmp_path / "scratch", lock, pagefind(tmp_path, LISTS_THE_SNAPSHOT),
                         lambda: list(BUILT), settle=0.01)
    done.start()
    try:
        with lock.reading():
            done.request()
            time.sleep(0.5)
            assert not (site / INDEX).exists()   # Pagefind ran; the swap waits for the reader
        assert done.wait_idle(30)
    finally:
        done.stop()
    assert (site / INDEX / "listing.txt").is_file()

