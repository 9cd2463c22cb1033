"""`bulletin serve`'s preview (builder/serve/preview.py): its address, its folder, and when a
rebuild reloads the browser.

A running preview is tested end to end in test_serve_server.py (a reload only
after the files are in place, none when nothing changed, errors shown and
cleared, a port in use) and test_serve_equivalence.py (served equals built).
Here, with stand-ins for the rebuilder, the server and the indexer, each
rule of `_rebuild` on its own, the address printed for each host, and the
working folder under .cache/serve.
"""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from builder.errors import Problem, Severity
from builder.serve.preview import WORK, Preview, _work_folder
from builder.serve.rebuild import Outcome
from builder.serve.search import UNAVAILABLE
from builder.serve.sync import Changes

WRITTEN = Changes(("bulletins/2026-01/index.html",), ())
NOTHING = Changes((), ())
BROKEN = (Problem("content/bulletins/2026-01/hate-crime.md", 2, Severity.ERROR, "bad rag"),)
BASE = "https://example.org/test-bulletin/"


def ok(changes: Changes = WRITTEN, base_url: str = BASE) -> Outcome:
    return Outcome(True, (), changes, base_url=base_url)


def failed(problems=BROKEN) -> Outcome:
    return Outcome(False, tuple(problems))


class Rebuilds:
    """Hands out the outcomes given, one a rebuild."""

    def __init__(self) -> None:
        self.next: list[Outcome] = []

    def rebuild(self) -> Outcome:
        return self.next.pop(0)


class Server:
    def __init__(self) -> None:
        self.calls: list = []

    def call(self, fn) -> None:
        self.calls.append(fn)


class Indexer:
    def __init__(self) -> None:
        self.requests = 0

    def request(self) -> None:
        self.requests += 1


@pytest.fixture
def preview(tmp_path: Path) -> Preview:
    """A preview never started: its rebuilder, server and indexer are stand-ins."""
    reported: list[Outcome] = []
    preview = Preview(tmp_path, report=reported.append)
    preview.rebuilder = Rebuilds()
    preview.http = Server()
    preview.indexer = Indexer()
    preview.reported = reported
    return preview


def rebuild(preview: Preview, outcome: Outcome) -> str:
    """The generation after a rebuild that gives `outcome`."""
    preview.rebuilder.next.append(outcome)
    assert preview._rebuild() is outcome
    return preview.state.generation


# --- when a reload is sent ----------------------------------------------------------------------

def test_the_first_good_build_has_a_site_under_its_base_path_and_reloads(preview):
    before = preview.state.generation
    after = rebuild(preview, ok(NOTHING))
    assert after != before
    assert (preview.state.has_site, preview.state.base_path, preview.state.errors) == (
        True, "/test-bulletin/", ())
    assert preview.http.calls == [preview.hub.reload]


def test_a_rebuild_that_changes_no_file_sends_no_reload(preview):
    first = rebuild(preview, ok())
    assert rebuild(preview, ok(NOTHING)) == first
    assert len(preview.http.calls) == 1


def test_a_rebuild_that_changes_files_reloads_and_asks_for_the_index_again(preview):
    first = rebuild(preview, ok())
    assert rebuild(preview, ok()) != first
    assert len(preview.http.calls) == 2 and preview.indexer.requests == 2


def test_a_failed_rebuild_shows_its_errors_over_the_last_good_site(preview):
    good = rebuild(preview, ok())
    broken = rebuild(preview, failed())
    assert broken != good
    assert preview.state.errors == BROKEN
    assert preview.state.has_site and preview.state.base_path == "/test-bulletin/"
    assert preview.indexer.requests == 1     # nothing new to index


def test_the_same_errors_again_send_no_reload_other_errors_do(preview):
    rebuild(preview, ok())
    broken = rebuild(preview, failed())
    assert rebuild(preview, failed()) == broken
    other = (Problem("content/site.yaml", 1, Severity.ERROR, "bad title"),)
    assert rebuild(preview, failed(other)) != broken
    assert preview.state.errors == other


def test_a_fix_that_changes_no_file_still_reloads_to_clear_the_errors(preview):
    rebuild(preview, ok())
    broken = rebuild(preview, failed())
    assert rebuild(preview, ok(NOTHING)) != broken
    assert preview.state.errors == ()


def test_a_new_base_url_reloads_even_when_no_file_changed(preview):
    first = rebuild(preview, ok())
    assert rebuild(preview, ok(NOTHING, base_url="https://example.org/")) != first
    assert preview.state.base_path == "/"


def test_every_rebuild_is_counted_and_reported(preview):
    outcomes = [ok(), ok(NOTHING), failed()]
    for outcome in outcomes:
        rebuild(preview, outcome)
    assert preview.rebuilds == 3 and preview.reported == outcomes


def test_before_the_server_runs_a_rebuild_sends_nothing(preview):
    preview.http = None
    rebuild(preview, ok())      # the first build, made before the server starts
    assert preview.state.has_site


# --- the address ---------------------------------------------------------------------------------

@pytest.mark.parametrize("host, url", [
    ("127.0.0.1", "http://127.0.0.1:8123/test-bulletin/"),
    ("localhost", "http://localhost:8123/test-bulletin/"),
    ("0.0.0.0", "http://127.0.0.1:8123/test-bulletin/"),   # every address: this computer's
    ("::", "http://127.0.0.1:8123/test-bulletin/"),
    ("::1", "http://[::1]:8123/test-bulletin/"),
])
def test_the_address_printed_can_be_opened_on_this_computer(preview, host, url):
    preview.host, preview.port = host, 8123
    rebuild(preview, ok())
    assert preview.url == url


def test_before_a_build_the_address_is_the_root_and_search_is_unavailable(tmp_path):
    preview = Preview(tmp_path)
    preview.port = 8123   # as start() sets it once the socket is bound
    assert preview.url == "http://127.0.0.1:8123/"
    assert preview.search_state == UNAVAILABLE


# --- its folder ----------------------------------------------------------------------------------

def test_each_preview_works_in_a_folder_of_its_own_named_by_its_process(tmp_path):
    first, second = _work_folder(tmp_path), _work_folder(tmp_path)
    assert first != second and first.parent == second.parent == tmp_path / WORK
    assert first.name.startswith(f"{os.getpid()}-") and first.is_dir() and second.is_dir()


def test_folders_of_previews_that_died_are_cleared_others_kept(tmp_path):
    ended = subprocess.Popen(["true"])
    ended.wait()
    base = tmp_path / WORK
    dead, alive, other = base / f"{ended.pid}-0a1b2c3d", base / f"{os.getpid()}-5e6f7a8b", base / "notes"
    for folder in (dead, alive, other):
        (folder / "site").mkdir(parents=True)
    _work_folder(tmp_path)
    assert not dead.exists() and alive.is_dir() and other.is_dir()


def test_stop_removes_the_preview_s_folder_and_may_be_called_twice(tmp_path):
    preview = Preview(tmp_path)
    preview.work = _work_folder(tmp_path)
    preview.stop()
    assert not preview.work and not any((tmp_path / WORK).iterdir())
    preview.stop()
