"""builder.decks.page: a deck's page and the files of its folder."""
from __future__ import annotations

from pathlib import Path

from builder.decks.model import FileCopy
from builder.decks.page import shared_reads


def test_the_site_s_decks_read_a_shared_file_once_and_hold_one_copy(tmp_path, monkeypatch):
    """Every month's deck has the site's logo: read and held once a deck, a 30 KB logo was
    12 MB at 400 months."""
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG logo")
    reads: list[Path] = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(self) or real(self))
    read = shared_reads()
    copies = [read(FileCopy("../assets/images/logo.png", logo)) for _ in range(3)]
    assert copies[0] == b"\x89PNG logo" and all(c is copies[0] for c in copies)
    assert reads == [logo]


def test_a_file_made_in_memory_is_handed_over_as_made():
    made = b"made, not read"
    assert shared_reads()(FileCopy("chart.svg", None, made)) is made
