"""SiteSync writes only changed files, atomically; the lock keeps readers on one build."""
from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from builder.serve.sync import ReadWriteLock, SiteSync


@pytest.fixture
def sync(tmp_path) -> SiteSync:
    folder = tmp_path / "site"
    folder.mkdir()
    return SiteSync(folder, ReadWriteLock())


def test_writes_only_the_files_whose_bytes_changed(sync):
    sync.write({"index.html": b"home", "a/index.html": b"a", "feed.xml": b"feed"})
    assert set(sync.last.written) == {"index.html", "a/index.html", "feed.xml"}
    inode = (sync.folder / "feed.xml").stat().st_ino
    sync.write({"index.html": b"home 2", "a/index.html": b"a", "feed.xml": b"feed"})
    assert sync.last.written == ("index.html",) and sync.last.removed == ()
    assert (sync.folder / "feed.xml").stat().st_ino == inode  # untouched
    assert (sync.folder / "index.html").read_bytes() == b"home 2"
    sync.write({"index.html": b"home 2", "a/index.html": b"a", "feed.xml": b"feed"})
    assert not sync.last


def test_removes_what_the_build_no_longer_makes_and_empty_folders(sync):
    sync.write({"index.html": b"home", "old/deep/index.html": b"old"})
    sync.write({"index.html": b"home"})
    assert sync.last.removed == ("old/deep/index.html",)
    assert not (sync.folder / "old").exists()


def test_leaves_the_search_index_alone(sync):
    (sync.folder / "pagefind").mkdir()
    (sync.folder / "pagefind/index.pf_meta").write_bytes(b"index")
    sync.write({"index.html": b"home"})
    sync.write({"search/index.html": b"search"})
    assert (sync.folder / "pagefind/index.pf_meta").read_bytes() == b"index"
    with pytest.raises(ValueError):
        sync.write({"pagefind/x": b"no"})


@pytest.mark.parametrize("bad", ["../x", "/etc/x", "a/../../x", "a//b", ""])
def test_refuses_paths_outside_the_folder(sync, bad):
    with pytest.raises(ValueError):
        sync.write({bad: b"x"})


def test_a_failed_write_leaves_no_temporary_file_and_changes_nothing(sync, monkeypatch):
    sync.write({"a.html": b"1", "b.html": b"1"})
    real = Path.write_bytes
    calls = []

    def failing(self, data):
        calls.append(self.name)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", failing)
    with pytest.raises(OSError):
        sync.write({"a.html": b"2", "b.html": b"2"})
    monkeypatch.undo()
    assert sorted(os.listdir(sync.folder)) == ["a.html", "b.html"]
    assert (sync.folder / "a.html").read_bytes() == b"1"  # renamed only once all were written
    sync.write({"a.html": b"2", "b.html": b"2"})      # and the next build catches up
    assert (sync.folder / "b.html").read_bytes() == b"2"


def test_temporary_files_are_hidden_names_beside_their_target(sync, monkeypatch):
    seen = []
    real = os.replace

    def spy(src, dst):
        seen.append((Path(src).name, Path(dst).name, Path(src).parent == Path(dst).parent))
        return real(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    sync.write({"a/index.html": b"x"})
    (temp, target, same_folder), = seen
    assert temp.startswith(".") and target == "index.html" and same_folder


def test_readers_only_ever_see_one_whole_build(sync):
    """Two files written together are always read together, from the same build."""
    versions = [{"a.html": bytes([n]) * 200_000, "b.html": bytes([n]) * 100_000} for n in range(2)]
    sync.write(versions[0])
    stop = threading.Event()
    mixed: list[tuple[int, int]] = []

    def read():
        while not stop.is_set():
            with sync.lock.reading():
                a = (sync.folder / "a.html").read_bytes()
                b = (sync.folder / "b.html").read_bytes()
            if len(a) != 200_000 or len(b) != 100_000 or a[0] != b[0] or len(set(a)) != 1:
                mixed.append((a[0], b[0]))

    readers = [threading.Thread(target=read) for _ in range(3)]
    for t in readers:
        t.start()
    for n in range(100):
        sync.write(versions[n % 2])
    stop.set()
    for t in readers:
        t.join()
    assert mixed == []


def test_the_lock_lets_one_writer_in_alone():
    lock = ReadWriteLock()
    inside: list[str] = []
    order: list[str] = []
    entered = threading.Event()

    def writer():
        with lock.writing():
            inside.append("w")
            order.append("writer in")

    with lock.reading():
        t = threading.Thread(target=writer)
        t.start()
        entered.wait(0.2)
        assert inside == []  # waits for the reader
        order.append("reader out")
    t.join(5)
    assert order == ["reader out", "writer in"]
