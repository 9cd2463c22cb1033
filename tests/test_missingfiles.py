"""builder.missingfiles: what a link or image to a file that is not there should have been."""
from __future__ import annotations

import pytest

from content_support import HATE, edit, fails


@pytest.mark.parametrize("written, what, meant", [
    (r"![Map](..\..\images\map.png)", "image", "../../images/map.png"),
    (r"[December](..\2025-12\hate-crime.md)", "link", "../2025-12/hate-crime.md"),
])
def test_a_path_written_with_windows_backslashes_is_given_with_slashes(site, capsys, written,
                                                                       what, meant):
    """An editor's trial: Markdown reads '\\.' as '.', and wrote the rest as %5C, so the
    message showed '....%5Cimages%5Cmap.png', and called the image outside content/images/."""
    edit(site, HATE, "Third-party", f"{written}\n\nThird-party")
    shown = meant.replace("/", "\\")
    fails(site.build(capsys=capsys), site,
          f"{HATE}:6: error: the {what} '{shown}' has '\\' between its folders, as Windows writes "
          f"a path; an address has '/' there: write '{meant}'.")
