"""`bulletin deck 2026-02`: a month's deck on its own, the one `bulletin build` publishes,
as a folder, one file or a PDF (a council officer's trial: only a hand-written deck could
be made into a single file or a handout)."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder import cli
from builder.decks.carried import carry_links
from builder.decks.pdf import count_pages
from builder.decks.single import single_file

from .decksupport import SEED

TOOL_ROOT = Path(__file__).resolve().parents[2]


def run(capsys, *args):
    code = cli.main(["deck", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def folder_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_month_s_deck_folder_is_byte_for_byte_the_one_the_site_build_publishes(
        shipped_site, tmp_path, capsys):
    code, out, err = run(capsys, "2026-02", "--root", TOOL_ROOT, "--out", tmp_path / "out")
    assert code == 0 and "Built 15 slides into" in out, err   # the drug tests table on two
    assert folder_files(tmp_path / "out") == folder_files(shipped_site / "decks" / "2026-02")


def test_an_adopting_council_s_month_deck_has_its_logo_and_brand_as_the_build_gives_them(
        council_site, tmp_path, capsys):
    code, _, err = run(capsys, "2026-01", "--root", council_site.parent, "--out", tmp_path / "o")
    assert code == 0, err
    made = folder_files(tmp_path / "o")
    assert made == folder_files(council_site / "decks" / "2026-01")
    assert b"#00703c" in made["bulletin-deck.css"] and any("westshire" in f for f in made)


@pytest.mark.parametrize("given", ["month", "content folder", "built folder"])
def test_a_month_s_single_file_is_the_published_folder_in_one_file_whichever_way_it_is_named(
        shipped_site, tmp_path, capsys, given):
    """As a month, its folder of content (what the officer tried), or the deck folder a
    build wrote: each is the month's deck, written OUT/2026-02.html, with the links a file
    carried away cannot follow as they would be (builder.decks.carried)."""
    named = {"month": ["2026-02", "--root", TOOL_ROOT],
             "content folder": [TOOL_ROOT / "content/bulletins/2026-02"],
             "built folder": [shipped_site / "decks" / "2026-02", "--root", TOOL_ROOT]}[given]
    code, out, err = run(capsys, *named, "--single-file", "--out", tmp_path / "out")
    assert code == 0, err
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["2026-02.html"]
    # the shipped content's base_url is an example: its feed's link is left out
    published = single_file(carry_links(folder_files(shipped_site / "decks" / "2026-02"),
                                        "decks/2026-02/", None).files)
    assert (tmp_path / "out" / "2026-02.html").read_bytes() == published


def test_an_update_s_image_goes_with_the_deck_wherever_it_is_taken(root, tmp_path, capsys):
    """The trial's map was '../../images/map.png' in the deck's notes: right in the site,
    broken in the folder copied to a USB stick, in _static/ and in the single file."""
    png = b"\x89PNG\r\n\x1a\n"
    (root / "content/images").mkdir(exist_ok=True)
    (root / "content/images/map.png").write_bytes(png)
    hate = root / "content/bulletins/2026-01/hate-crime.md"
    hate.write_text(hate.read_text("utf-8") + "\n![Map of reports](../../images/map.png)\n",
                    "utf-8")
    code, _, err = run(capsys, "2026-01", "--root", root, "--out", tmp_path / "usb")
    assert code == 0, err
    page = (tmp_path / "usb/index.html").read_text("utf-8")
    assert '<img src="site-images/map.png" alt="Map of reports"' in page
    assert "images/map.png" not in page.replace("site-images/map.png", "")
    assert (tmp_path / "usb/site-images/map.png").read_bytes() == png
    code, _, err = run(capsys, "2026-01", "--root", root, "--single-file", "--out", tmp_path / "one")
    assert code == 0, err
    assert 'src="data:image/png;base64,' in (tmp_path / "one/2026-01.html").read_text("utf-8")
    # the folder the README says to copy, from the site build, is the same
    assert cli.main(["build", "--root", str(root)]) == 0, capsys.readouterr().err
    assert folder_files(root / "site/decks/2026-01") == folder_files(tmp_path / "usb")


def test_an_image_named_with_a_space_is_published_and_goes_with_the_deck(root, capsys):
    """'Hate crime map.png', as Windows names a file, was never found: the address the
    Markdown reader gives has '%20' where the file's name has a space."""
    (root / "content/images").mkdir(exist_ok=True)
    (root / "content/images/Hate crime map.png").write_bytes(b"\x89PNG")
    hate = root / "content/bulletins/2026-01/hate-crime.md"
    hate.write_text(hate.read_text("utf-8") + "\n![Map](<../../images/Hate crime map.png>)\n",
                    "utf-8")
    assert cli.main(["build", "--root", str(root)]) == 0, capsys.readouterr().err
    page = (root / "site/bulletins/2026-01/index.html").read_text("utf-8")
    assert '<img src="../../images/Hate%20crime%20map.png" alt="Map"' in page
    assert (root / "site/images/Hate crime map.png").is_file()
    deck = root / "site/decks/2026-01"
    assert '<img src="site-images/Hate%20crime%20map.png"' in (deck / "index.html").read_text("utf-8")
    assert (deck / "site-images/Hate crime map.png").read_bytes() == b"\x89PNG"


def test_a_site_copied_with_its_cache_makes_its_decks_copies_from_its_own_images(root, capsys):
    """A review: a kept deck was known without the site's folder, so a copy of the site and
    its cache published the first folder's image in its deck."""
    import shutil
    (root / "content/images").mkdir(exist_ok=True)
    (root / "content/images/map.png").write_bytes(b"\x89PNG old")
    hate = root / "content/bulletins/2026-01/hate-crime.md"
    hate.write_text(hate.read_text("utf-8") + "\n![Map](../../images/map.png)\n", "utf-8")
    assert cli.main(["build", "--root", str(root)]) == 0, capsys.readouterr().err
    copy = root.parent / "copy"
    shutil.copytree(root, copy)
    (copy / "content/images/map.png").write_bytes(b"\x89PNG new")
    assert cli.main(["build", "--root", str(copy)]) == 0, capsys.readouterr().err
    assert (copy / "site/decks/2026-01/site-images/map.png").read_bytes() == b"\x89PNG new"


def test_an_image_missing_from_the_site_is_reported_by_the_build_not_copied_into_the_deck(
        root, capsys):
    """A review: the deck's copy of '/images/nothere.png' stopped the build with a
    traceback, where it had said the image is no file of the site."""
    hate = root / "content/bulletins/2026-01/hate-crime.md"
    hate.write_text(hate.read_text("utf-8") + "\n![Gone](/images/nothere.png)\n", "utf-8")
    assert cli.main(["build", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "the image '/images/nothere.png' leads to /images/nothere.png, which is not a file" in err


def test_a_loose_file_in_content_is_the_build_s_to_report_not_a_strict_deck_s(root, tmp_path,
                                                                               capsys):
    """A review: every problem of a file in content/ itself was counted as the deck's, so a
    stray notes.docx there failed 'bulletin deck 2026-01 --strict'."""
    (root / "content/notes.docx").write_bytes(b"x")
    code, _, err = run(capsys, "2026-01", "--root", root, "--strict", "--out", tmp_path / "out")
    assert code == 0 and "notes.docx" not in err, err


def test_a_draft_month_s_deck_needs_drafts_and_says_so(root, tmp_path, capsys):
    assert cli.main(["new", "2026-02", "--root", str(root)]) == 0
    capsys.readouterr()
    code, _, err = run(capsys, "2026-02", "--root", root, "--out", tmp_path / "out")
    assert code == 2 and "2026-02 is a draft" in err and "--drafts" in err, err
    assert not (tmp_path / "out").exists()
    code, out, err = run(capsys, "2026-02", "--root", root, "--drafts", "--out", tmp_path / "out")
    assert code == 0 and (tmp_path / "out" / "index.html").is_file(), err
    # marked a draft as the --drafts build's copy is
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert '<p class="deck-draft-mark" aria-hidden="true">Draft</p>' in page
    assert '<meta name="robots" content="noindex">' in page and "<title>Draft: " in page


@pytest.mark.parametrize("given, words", [
    ("2031-01", "there is no issue for 2031-01: content/bulletins/2031-01/issue.yaml does not "
                "exist (the months with an issue are 2026-01). To start it: bulletin new 2031-01"),
    ("2026-1", "'2026-1' is not a month: write YYYY-MM, the year, a hyphen, then the month in "
               "two digits, like bulletin deck 2026-01"),
    ("01/2026", "like bulletin deck 2026-01"),
    ("2026-13", "the month must be 01 to 12, like bulletin deck 2026-03"),
    ("1999-02", "'1999-02' is not a month: the year must be 2000 to 2100, like bulletin deck "
                "2026-03"),
])
def test_a_month_with_no_issue_or_written_otherwise_is_a_usage_error_saying_what_to_write(
        root, tmp_path, capsys, given, words):
    code, _, err = run(capsys, given, "--root", root, "--out", tmp_path / "out")
    assert code == 2 and words in err, err
    assert not (tmp_path / "out").exists()


def test_a_month_folder_without_its_issue_yaml_is_not_told_to_start_the_month(root, tmp_path,
                                                                             capsys):
    """`bulletin new` refuses a month whose folder is there, as it was told to run it."""
    (root / "content/bulletins/2026-01/issue.yaml").unlink()
    code, _, err = run(capsys, "2026-01", "--root", root, "--out", tmp_path / "out")
    assert code == 2 and "content/bulletins/2026-01/ has no issue.yaml" in err, err
    assert "bulletin new" not in err and "then run 'bulletin check 2026-01" in err, err


def test_a_month_outside_a_site_says_to_name_the_site(tmp_path, capsys):
    code, _, err = run(capsys, "2026-02", "--root", tmp_path, "--out", tmp_path / "out")
    assert code == 2 and "has no content/ folder" in err and "--root DIR" in err, err


def test_root_and_drafts_go_with_a_month_and_a_deck_s_own_file_is_as_before(tmp_path, capsys):
    for extra in (["--root", tmp_path], ["--drafts"]):
        code, _, err = run(capsys, SEED, *extra, "--out", tmp_path / "out")
        assert code == 2 and "go with a month's deck" in err, err


def test_another_month_s_mistake_is_the_site_build_s_to_report_not_this_deck_s(
        months, tmp_path, capsys):
    broken = months / "content/bulletins/2025-11/hate-crime.md"
    broken.write_text(broken.read_text("utf-8").replace("rag: green", "rag: purple"), "utf-8")
    code, _, err = run(capsys, "2026-01", "--root", months, "--out", tmp_path / "a", "--strict")
    assert code == 0 and "2025-11" not in err, err
    code, _, err = run(capsys, "2025-11", "--root", months, "--out", tmp_path / "b")
    assert code == 1 and "content/bulletins/2025-11/hate-crime.md" in err, err
    assert not (tmp_path / "b").exists()


def test_a_month_s_deck_is_not_written_among_the_site_s_own_files(months, capsys):
    code, _, err = run(capsys, "2026-01", "--root", months, "--out", months / "content" / "deck")
    assert code == 2 and "inside the site's own files" in err


def test_messages_name_the_month_s_files_from_where_the_command_was_run(months, capsys,
                                                                       monkeypatch):
    broken = months / "content/bulletins/2026-01/hate-crime.md"
    broken.write_text(broken.read_text("utf-8").replace("rag: green", "rag: purple"), "utf-8")
    monkeypatch.chdir(months.parent)
    code, _, err = run(capsys, Path(months.name) / "content/bulletins/2026-01", "--out",
                       months.parent / "out")
    assert code == 1 and f"{months.name}/content/bulletins/2026-01/hate-crime.md:" in err, err


@pytest.mark.browser
def test_a_month_s_pdf_and_handout_are_named_for_the_month(shipped_site, tmp_path, capsys):
    """One PDF a run, as for a hand-written deck: the slides', or the handout instead."""
    out = tmp_path / "out"
    assert run(capsys, "2026-02", "--root", TOOL_ROOT, "--pdf", "--out", out)[0] == 0
    code, said, _ = run(capsys, "2026-02", "--root", TOOL_ROOT, "--pdf", "--handout", "--out", out)
    assert code == 0 and "PDF pages into" in said
    assert sorted(p.name for p in out.iterdir()) == ["2026-02-handout.pdf", "2026-02.pdf"]
    assert count_pages((out / "2026-02.pdf").read_bytes()) == 15   # the drug tests on two
    assert count_pages((out / "2026-02-handout.pdf").read_bytes()) > 15   # notes pages too


def test_the_readme_s_browser_handout_address_is_the_one_the_tool_prints_with():
    """?print-pdf alone gives the slides without their notes; the officer had to guess
    the handout's address."""
    from builder.decks.pdf import print_url
    readme = (TOOL_ROOT / "README.md").read_text("utf-8")
    assert "`?print-pdf&showNotes=separate-page` adds each slide's notes" in readme
    assert "&showNotes=separate-page" in print_url(TOOL_ROOT / "index.html", handout=True)
    for line in ("bulletin deck 2026-02 --pdf --handout", "bulletin deck 2026-02 --single-file",
                 "bulletin deck   YYYY-MM [--root DIR] [--drafts]"):
        assert line in readme, line
