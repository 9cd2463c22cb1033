"""The disk cache's stored pages: written once, linked into sites, never trusted when changed."""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from builder import blobs, diskcache
from builder.blobs import BlobStore, Stored, bytes_of
from builder.errors import ToolError
from builder.output import write_site
from builder.pipeline import BuildOptions, build

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def test_the_same_bytes_are_stored_once_under_their_digest(tmp_path):
    store = BlobStore(tmp_path / "blobs")
    first = store.put(b"<p>A page</p>")
    again = store.put(b"<p>A page</p>")
    assert first == again and first.read() == b"<p>A page</p>"
    assert Path(first.path).name == first.sha[2:]
    assert len(list((tmp_path / "blobs").rglob("*"))) == 2   # one shard folder, one file
    assert bytes_of(first) == bytes_of(b"<p>A page</p>") == b"<p>A page</p>"


def test_a_stored_file_changed_or_removed_is_not_intact(tmp_path):
    store = BlobStore(tmp_path)
    stored = store.put(b"original")
    assert stored.intact()
    Path(stored.path).write_bytes(b"edited in place")
    assert not stored.intact()
    Path(stored.path).unlink()
    assert not stored.intact()


def test_unused_files_are_removed_only_after_the_grace_period(tmp_path, monkeypatch):
    store = BlobStore(tmp_path)
    kept, dropped, recent = store.put(b"kept"), store.put(b"dropped"), store.put(b"recent")
    monkeypatch.setattr(blobs, "GRACE_SECONDS", 0)
    monkeypatch.setattr(blobs, "_untouched_since",
                        lambda file, cutoff: file.name != Path(recent.path).name)
    store.collect_garbage({kept.sha})
    assert Path(kept.path).exists() and Path(recent.path).exists()
    assert not Path(dropped.path).exists()


def test_the_site_writer_links_stored_pages_instead_of_copying_them(tmp_path):
    stored = BlobStore(tmp_path / "blobs").put(b"<html>reused</html>")
    write_site({"index.html": stored, "new.html": b"fresh"}, tmp_path / "site", search_tool=None)
    page = tmp_path / "site" / "index.html"
    assert page.read_bytes() == b"<html>reused</html>"
    assert os.path.samefile(page, stored.path)


def test_a_stored_page_removed_during_the_build_is_a_clear_error(tmp_path):
    stored = BlobStore(tmp_path / "blobs").put(b"<html>reused</html>")
    Path(stored.path).unlink()
    with pytest.raises(ToolError, match="build again"):
        write_site({"index.html": stored}, tmp_path / "site", search_tool=None)
    assert not (tmp_path / "site").exists()


@pytest.fixture
def root(tmp_path, sass_cache) -> Path:
    root = tmp_path / "minimal"
    shutil.copytree(FIXTURES / "minimal", root)
    shutil.copytree(sass_cache, root / ".cache", dirs_exist_ok=True)
    return root


def _build(root: Path, out: str) -> dict[str, bytes]:
    build(BuildOptions(root, root / out, search=False), cache=diskcache.persistent_cache(root))
    return {p.relative_to(root / out).as_posix(): p.read_bytes()
            for p in sorted((root / out).rglob("*")) if p.is_file()}


def test_a_page_whose_stored_copy_was_edited_in_the_site_is_rendered_again(root):
    clean = _build(root, "clean")
    _build(root, "site")
    home = root / "site" / "index.html"
    assert home.stat().st_nlink > 1           # the page is the cache's stored copy
    time.sleep(0.01)
    home.write_bytes(b"someone edited the built page")   # and so the stored copy too
    assert _build(root, "site") == clean


def test_a_warm_build_keeps_page_bytes_out_of_the_memo_files(root):
    _build(root, "site")
    cache = diskcache.persistent_cache(root)
    cache.pages.get("nothing")   # loads the memo
    bodies = [o.body for o in cache.pages._previous.values()]
    assert bodies and all(isinstance(body, Stored) for body in bodies)
