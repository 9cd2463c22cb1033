"""builder.atomicfile: one way to replace a file in place, used by the caches and decks."""
from __future__ import annotations

import stat

import pytest

from builder.atomicfile import write_atomically


def test_the_file_is_replaced_whole_with_the_mode_asked_for(tmp_path):
    target = tmp_path / "deep" / "talk.html"
    write_atomically(target, b"one")
    write_atomically(target, b"two", 0o644)
    assert target.read_bytes() == b"two"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert sorted(p.name for p in target.parent.iterdir()) == ["talk.html"]


def test_a_write_that_fails_leaves_no_temporary_file_behind(tmp_path):
    """`bulletin deck --single-file` into a folder where NAME.html was a folder left a
    '.talk.html.xxxx' beside it (the deck's own copy of this function kept it)."""
    (tmp_path / "talk.html").mkdir()
    with pytest.raises(OSError):
        write_atomically(tmp_path / "talk.html", b"deck")
    assert [p.name for p in tmp_path.iterdir()] == ["talk.html"]
