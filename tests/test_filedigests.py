"""builder.filedigests: a file's digest is reused only while the file is as it was."""
from __future__ import annotations

import hashlib
import os

import pytest

from builder import filedigests
from builder.cache import Memo
from builder.filedigests import file_digest


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def settled_at_once(monkeypatch):
    """Files written by a test are a moment old; count them as settled."""
    monkeypatch.setattr(filedigests, "RACY_NS", -10**12)


def test_a_file_is_read_once_while_it_is_unchanged(tmp_path, settled_at_once):
    file = tmp_path / "hate-crime.md"
    file.write_bytes(b"rag: green\n")
    known = Memo()
    assert file_digest(str(file), known) == sha(b"rag: green\n")
    assert (known.hits, known.misses) == (0, 1)
    assert file_digest(str(file), known) == sha(b"rag: green\n")
    assert (known.hits, known.misses) == (1, 1)


def test_an_edit_of_the_same_size_with_its_time_put_back_is_read_again(tmp_path,
                                                                        settled_at_once):
    """Putting the modification time back (as some copy tools do) still changes the
    change time, which no tool can set."""
    file = tmp_path / "hate-crime.md"
    file.write_bytes(b"rag: green\n")
    before = file.stat()
    known = Memo()
    file_digest(str(file), known)
    file.write_bytes(b"rag: amber\n")
    os.utime(file, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert file_digest(str(file), known) == sha(b"rag: amber\n")


def test_a_file_replaced_by_another_is_read_again(tmp_path, settled_at_once):
    file, other = tmp_path / "hate-crime.md", tmp_path / "other.md"
    file.write_bytes(b"rag: green\n")
    known = Memo()
    file_digest(str(file), known)
    other.write_bytes(b"rag: amber\n")
    os.replace(other, file)
    assert file_digest(str(file), known) == sha(b"rag: amber\n")


def test_a_file_edited_moments_ago_is_not_trusted_next_time(tmp_path):
    """Two edits within one clock tick can leave a file's times as they were."""
    file = tmp_path / "hate-crime.md"
    file.write_bytes(b"rag: green\n")
    known = Memo()
    file_digest(str(file), known)
    assert len(known) == 0


def test_without_a_memo_the_file_is_simply_read(tmp_path):
    file = tmp_path / "hate-crime.md"
    file.write_bytes(b"rag: red\n")
    assert file_digest(str(file), None) == sha(b"rag: red\n")


def test_a_missing_file_raises_oserror(tmp_path):
    with pytest.raises(OSError):
        file_digest(str(tmp_path / "gone.md"), Memo())
