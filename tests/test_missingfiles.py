"""builder.missingfiles: what a link or image to a file that is not there should have been."""
from __future__ import annotations

import pytest

from content_support import HATE, edit, fails


@pytest.mark.parametrize("written, what, meant", [
    (r"![Map](..\..\images\map.png)", "image", "../../images/map.png"),
    (r"[ASB](..\2026-01\community-safety-asb.md)", "link", "../2026-01/community-safety-asb.md"),
])
def test_a_path_written_with_windows_backslashes_is_given_with_slashes(site, capsys, written,
                                                                       what, meant):
    """An editor's trial: Markdown reads '\\.' as '.', and wrote the rest as %5C, so the
    message showed '....%5Cimages%5Cmap.png', and called the image outside content/images/."""
    (site.root / "content/images").mkdir()
    (site.root / "content/images/map.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    edit(site, HATE, "Third-party", f"{written}\n\nThird-party")
    shown = meant.replace("/", "\\")
    fails(site.build(capsys=capsys), site,
          f"{HATE}:6: error: the {what} '{shown}' has '\\' between its folders, as Windows writes "
          f"a path; an address has '/' there: write '{meant}'.")


def test_a_windows_path_that_leads_nowhere_with_slashes_is_told_where_it_should_lead(
        site, capsys):
    """A review: '..\\images\\map.png' was told to write '../images/map.png', itself a
    wrong address from a month's folder."""
    (site.root / "content/images").mkdir()
    (site.root / "content/images/map.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    edit(site, HATE, "Third-party", "![Map](..\\images\\map.png)\n\nThird-party")
    fails(site.build(capsys=capsys), site,
          f"{HATE}:6: error: the image '..\\images\\map.png' has '\\' between its folders, as "
          "Windows writes a path; an address has '/' there, and with it the image "
          "'../images/map.png' points to content/bulletins/images/map.png, which does not "
          "exist; did you mean '../../images/map.png'?")


@pytest.mark.parametrize("written, said", [
    ("../../themes/hate-crime/", "points to content/themes/hate-crime, which is no file: the site "
     "makes that page itself; write its address on the site, '/themes/hate-crime/' (an address "
     "starting with '/')."),
    ("../../rag/index.html", "write its address on the site, '/rag/'"),
    ("../../themes/hate-crim/", "'hate-crim' is no theme in content/themes.yaml; a theme's page "
     "is written '/themes/' and its name, so did you mean '/themes/hate-crime/'?"),
    ("../../themes/domestic-abuse/", "like '/themes/community-safety-asb/'."),
    ("../2026-01/", "points to content/bulletins/2026-01, which is no file; link the month's "
     "issue.yaml: 'issue.yaml'."),
    # a year's page, the decks' list and the home page are the site's too (a review)
    ("../../themes/hate-crime/2025/", "write its address on the site, '/themes/hate-crime/2025/'"),
    ("../../rag/2025/", "write its address on the site, '/rag/2025/'"),
    ("../../decks/", "write its address on the site, '/decks/'"),
    ("../../", "write its address on the site, '/'"),
])
def test_a_link_to_a_page_the_site_makes_is_told_its_address_not_an_old_update(
        site, capsys, written, said):
    """An editor's trial: '../../themes/hate-crime/' was asked "did you mean
    '../2025-05/hate-crime.md'?", the theme's oldest update."""
    edit(site, HATE, "Third-party", f"[the theme]({written})\n\nThird-party")
    lines = fails(site.build(capsys=capsys), site, f"{HATE}:6: error: the link '{written}' ")
    assert any(said in line for line in lines), lines


@pytest.mark.parametrize("written", ["www.hertfordshire.gov.uk", "herts.police.uk/report",
                                     "WWW.Example.org/page"])
def test_a_web_address_written_without_https_is_told_to_start_with_it(site, capsys, written):
    """An editor's trial: 'www.hertfordshire.gov.uk' was offered a page of content/."""
    edit(site, HATE, "Third-party", f"[The council]({written})\n\nThird-party")
    fails(site.build(capsys=capsys), site,
          f"{HATE}:6: error: the link '{written}' is a web address without 'https://' before "
          f"it, so it is read as a file of content/; write 'https://{written}'.")


def test_a_file_named_like_a_site_is_not_taken_for_a_web_address(site, capsys):
    edit(site, HATE, "Third-party", "[Notes](notes.md)\n\nThird-party")
    run = site.build(capsys=capsys)
    assert run.code == 1 and "without 'https://'" not in run.out + run.err
