"""builder.strayfiles: what each stray file in a month's folder was meant to be.

Unit tests on a bare folder; `test_content` builds a site with stray files.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.errors import Severity
from builder.strayfiles import not_a_theme, unused_files

SLUGS = ["community-safety-asb", "hate-crime"]


@pytest.fixture
def month(tmp_path: Path) -> Path:
    folder = tmp_path / "content/bulletins/2026-03"
    folder.mkdir(parents=True)
    (folder / "hate-crime.md").write_text("---\nrag: red\n---\n", "utf-8")
    return folder


def stray(month: Path, name: str, draft: bool = False):
    problem = not_a_theme(month.parents[2], month / name, SLUGS, draft)
    assert problem.path == f"content/bulletins/2026-03/{name}"
    return problem


def advice(month: Path, name: str) -> str:
    (month / name).write_bytes(b"x")
    [problem] = [p for p in unused_files(month.parents[2], month, SLUGS)
                 if p.path.endswith("/" + name)]
    assert problem.severity is Severity.WARNING
    return problem.message.removeprefix("this file is not used: ").removesuffix(".")


@pytest.mark.parametrize("stem", ["hate-crime (1)", "hate-crime - Copy", "Copy of hate-crime",
                                  "hate-crime copy", "hate-crime - Copy (2)"])
def test_a_copy_windows_or_word_named_is_told_to_be_deleted_not_renamed(month, stem):
    """It was asked "did you mean 'hate-crime.md'?", a file that was there already."""
    problem = stray(month, f"{stem}.md")
    assert problem.severity is Severity.ERROR
    assert problem.message == ("this looks like a copy of hate-crime.md, and is not a theme "
                               "file; delete it (if it holds text to publish, move that text "
                               "into hate-crime.md first).")


def test_a_copy_of_a_theme_file_not_written_is_a_mistyped_name(month):
    problem = stray(month, "community-safety-asb (1).md")
    assert "did you mean 'community-safety-asb.md'?" in problem.message


def test_a_name_like_no_slug_lists_the_slugs_in_lower_case_after_the_semicolon(month):
    assert stray(month, "minutes.md").message == (
        "'minutes' is not a theme; theme files are named after a slug in content/themes.yaml: "
        "community-safety-asb, hate-crime. If it is a new theme, add it to content/themes.yaml "
        "first: '- slug: minutes', with a 'title:' line and 'started: 2026-03' (its first month) under it. "
        "Otherwise rename it after the theme its text is for, like community-safety-asb.md, or "
        "delete it.")


def test_a_theme_file_left_from_replaced_themes_says_how_to_write_the_draft_month_again(month):
    """After the example themes were replaced, the month 'bulletin init' wrote was told its
    files were no themes, and not what to do (an adopting council's trial)."""
    assert stray(month, "domestic-abuse.md", draft=True).message.endswith(
        "Otherwise rename it after the theme its text is for, like community-safety-asb.md, or "
        "delete it; if nothing is written in this draft month yet, delete content/bulletins/2026-03/ "
        "and write it again with a file for each theme: in the bulletin tool's folder, run "
        f".venv/bin/bulletin new 2026-03 --root {month.parents[2]}")


def test_a_theme_saved_with_another_ending_is_told_its_name(month):
    assert advice(month, "community-safety-asb.txt") == "rename it community-safety-asb.md"
    assert advice(month, "community-safety-asb.MD") == "rename it community-safety-asb.md"
    assert advice(month, "drug-tests.yml") == "rename it drug-tests.yaml"


@pytest.mark.parametrize("name", ["Drug Tests.yml", "drug_tests.yml", "Drug-Tests.yml"])
def test_a_table_saved_as_yml_and_named_otherwise_is_told_the_name_it_is_read_by(month, name):
    """'Drug Tests.yml' was told to be renamed 'Drug Tests.yaml', a name then refused."""
    assert advice(month, name) == "rename it drug-tests.yaml"


def test_a_theme_file_s_double_saved_with_another_ending_is_a_copy(month):
    assert advice(month, "hate-crime.txt").startswith("it looks like a copy of hate-crime.md")


def test_an_image_in_a_month_folder_is_sent_to_content_images(month):
    assert advice(month, "TRPC-Map.png") == (
        "images go in content/images/; move it there and show it from a theme file with "
        "![what it shows](../../images/TRPC-Map.png)")


def test_any_other_file_is_to_be_moved_or_deleted(month):
    assert advice(month, "minutes.zip") == ("theme files end .md and data tables .yaml; move "
                                            "or delete it")


def test_a_theme_s_word_document_is_told_to_give_its_text_not_its_name(month):
    """An editor's trial: 'hate-crime.docx' was told to rename it hate-crime.md, and got
    'this is not a text file' next."""
    assert advice(month, "hate-crime.docx") == (
        "the build cannot read a .docx document; copy its text into hate-crime.md (written "
        "in Markdown, see docs/editors-guide.md), then move the document out of content/")
    assert "into the theme's .md file" in advice(month, "minutes.docx")


def test_a_spreadsheet_is_told_to_give_its_figures_to_a_data_table(month):
    assert advice(month, "drug-tests.xlsx").startswith(
        "the build does not read a .xlsx spreadsheet; copy its figures into a data table")


# --- pages, plans and decks saved with another ending (an editor's trial) -----------------

@pytest.mark.parametrize("rel, advice", [
    ("content/plans/dacorum-2026.yml", "rename it dacorum-2026.yaml."),
    ("content/pages/contact-us.markdown", "rename it contact-us.md."),
    ("content/pages/help.MD", "rename it help.md."),
    ("content/pages/help.txt", "rename it help.md."),
    ("content/pages/map.png", "only files ending .md are read here; move or delete it."),
    # renamed, the editor's backup would replace the page itself
    ("content/pages/about.md~", "it looks like a copy of about.md that an editing program "
                                "left; delete it once you no longer need it."),
])
def test_a_page_or_plan_saved_with_another_ending_is_a_warning_not_left_out_in_silence(
        site, capsys, rel, advice):
    site.write(rel, "title: x\n")
    run = site.build(capsys=capsys)
    assert f"{rel}: warning: this file is not used: {advice}" in run.err, run.err


@pytest.mark.parametrize("name", ["talk.markdown", "talk.MD"])
def test_a_deck_saved_with_another_ending_is_a_warning(site, capsys, name):
    site.write(f"content/decks/{name}", "## Talk\n")
    run = site.build(capsys=capsys)
    assert f"content/decks/{name}: warning: this deck is not read: decks are files ending .md; " \
           "rename it talk.md." in run.err, run.err


def test_a_plan_with_a_space_in_its_name_is_given_a_plan_s_name_as_example(site, capsys):
    site.write("content/plans/Dacorum 2026.yaml", "title: x\n")
    run = site.build(capsys=capsys)
    assert "like 'community-safety-2025-26.yaml'" in run.err, run.err


def test_a_folder_in_a_month_s_folder_is_said_to_be_unused(month):
    """A trial kept a month's images in an images/ folder beside its theme files: none was
    published, and nothing was said."""
    (month / "images").mkdir()
    (month / "images" / "map.svg").write_text("<svg/>", "utf-8")
    [problem] = unused_files(month.parents[2], month, SLUGS)
    assert problem.path == "content/bulletins/2026-03/images/"
    assert problem.message.startswith("this folder is not used: the build reads no folder inside "
                                      "a month's folder; images go in content/images/")



def test_a_left_over_file_is_told_to_take_only_a_name_the_month_has_no_file_of(month):
    """Told to rename itself after the first theme, whose file the month had already (as
    `bulletin new` writes one for each), it would have replaced that theme's update."""
    assert "like community-safety-asb.md, or delete it" in stray(month, "minutes.md").message
    (month / "community-safety-asb.md").write_text("---\nrag: red\n---\n", "utf-8")
    assert stray(month, "minutes.md").message.endswith(
        "Otherwise move its text into the theme file it belongs to, and delete it.")


def test_a_theme_file_named_in_capitals_is_told_to_take_small_letters_not_to_be_deleted(month):
    """Where a disk ignores capitals, Hate-Crime.md 'existed' as hate-crime.md, and the
    only copy of the update was told to move its text there and delete itself."""
    (month / "hate-crime.md").unlink()
    assert stray(month, "Hate-Crime.md").message == (
        "'Hate-Crime' is not a theme: theme files are named in small letters; rename it "
        "hate-crime.md.")


def test_a_file_saved_in_content_or_bulletins_itself_is_named_with_where_it_goes(tmp_path):
    """A trial's table saved in content/bulletins/ was reported only as missing from its
    month, and a theme file saved there, or in content/, not at all."""
    from builder.strayfiles import loose_files
    for rel in ("content/bulletins/2026-01/hate-crime.md", "content/bulletins/knife-crime.yaml",
                "content/hate-crime.md", "content/glossary.yaml", "content/glossary.yml",
                "content/themes.yml", "content/photo.jpg", "content/README.md",
                "content/.DS_Store"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", "utf-8")
    said = {p.path: p.message for p in loose_files(tmp_path)}
    month = "theme files and data tables go in the folder of their month; move it into the " \
            "month it belongs to, like content/bulletins/2026-01/"
    assert said == {
        "content/bulletins/knife-crime.yaml": f"this file is not used: {month}knife-crime.yaml "
                                              "(a page goes in content/pages/, a plan in "
                                              "content/plans/).",
        "content/hate-crime.md": f"this file is not used: {month}hate-crime.md (a page goes in "
                                 "content/pages/, a plan in content/plans/).",
        "content/glossary.yml": "this file is not used: it looks like a copy of "
                                "content/glossary.yaml, which is the one the build reads; "
                                "delete it once you no longer need it.",
        "content/themes.yml": "this file is not used: rename it themes.yaml.",
        "content/photo.jpg": "this file is not used: images go in content/images/; move it "
                             "there."}


@pytest.mark.parametrize("rel, advice", [
    # the build's own glossary is not the copy: a review found this one told to be deleted
    ("content/bulletins/glossary.yaml", "move it to content/glossary.yaml"),
    ("content/bulletins/themes.yml", "move it to content/themes.yaml"),
    ("content/Site.yaml", "rename it site.yaml"),
    ("content/decks (1).yaml", "rename it decks.yaml"),
])
def test_a_settings_file_saved_elsewhere_or_named_otherwise_is_sent_to_its_place(tmp_path, rel,
                                                                                 advice):
    from builder.strayfiles import loose_files
    (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / rel).write_text("x", "utf-8")
    assert [p.message for p in loose_files(tmp_path)] == [f"this file is not used: {advice}."]
