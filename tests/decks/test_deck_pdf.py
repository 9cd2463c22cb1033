"""builder.decks.pdf without a browser: what it does to the PDF Chromium prints
(tests/decks/test_deck_browser.py prints decks)."""
from __future__ import annotations

from builder.decks.pdf import count_pages, sheets_cut_to

PRINTED = (b"%PDF-1.4\n3 0 obj\n<</Type /Page\n/MediaBox [0 0 749.03998 546]\n>>\nendobj\n"
           b"4 0 obj\n<</Type /Page\n/MediaBox [0 0 749.03998 546]\n>>\nendobj\nxref\n")


def test_a_sheet_chromium_made_wider_than_its_page_is_cut_to_the_page_in_as_many_bytes():
    """998 px of slide (748.5 pt) was printed on a sheet 749.04 pt across: the strip
    nothing painted ran white down each dark slide. The file's offsets must still hold."""
    cut = sheets_cut_to(PRINTED, 998, 728)
    assert cut == PRINTED.replace(b"749.03998 546]", b"748.5 546    ]")
    assert len(cut) == len(PRINTED) and count_pages(cut) == 2


def test_a_sheet_no_larger_than_its_page_is_left_as_it_is():
    assert sheets_cut_to(PRINTED, 1000, 728) == PRINTED
    assert sheets_cut_to(PRINTED, 998.72, 800) == PRINTED
