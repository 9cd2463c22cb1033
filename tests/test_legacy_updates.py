"""builder.legacy_updates: a monthly RAG update export (`000_…`, `001_…`) into an issue folder.

test_importer.py compares the May 2025 and February 2026 imports with the
shipped issues, and runs `bulletin import` on bad exports (when the seed
exports are beside the repository); the notes and tables it writes are
test_legacy_notes.py's and test_legacy_tables.py's. Here, a short export of the
same shape: its heading, theme rows, tables, a page break's 'Continued', text
that belongs to no theme, and the files read back as a build reads a month.
"""
from __future__ import annotations

import shutil

import pytest

from builder.content import read_content
from builder.errors import BulletinError
from builder.legacy_updates import LOST_RAG, convert_update, line_of, looks_like_update
from builder.model import Origin, Theme
from builder.sources import Source

from conftest import FIXTURES

PATH = "exports/000_mar.txt"
THEMES = (Theme("community-safety-asb", "Community Safety & ASB", "ASB.", (), False,
                Origin("content/themes.yaml", 2)),
          Theme("hate-crime", "Hate Crime", "Hate crime.", (), True, Origin("content/themes.yaml", 8)))
EXPORT = """\

CCSU Monthly RAG Update

March 2026\t
<p>Community Safety & ASB</p>\t<p>Patrols rose in March. Contact ann.example@minimalshire.gov.uk for details.</p>

Since October the following patrols ran:

Area\tPatrols\tTotal
North\t10\t10
South\t5\t5
Total\t15\t15

Community Safety & ASB

Continued

Drug Strategy

The strategy was published at <https://www.example.gov.uk/drug-strategy-2025-30.pdf> today.
"""
FOLDER = "content/bulletins/2026-03"


def converted(text: str = EXPORT, themes=THEMES) -> tuple[dict[str, str], list[str]]:
    files, warnings = convert_update(Source(PATH, text), themes)
    return files, [str(w) for w in warnings]


# --- what is an update, and its month ---------------------------------------------------------------

def test_an_update_is_told_by_its_title_or_by_its_theme_rows():
    assert looks_like_update(EXPORT)
    assert looks_like_update("Partnership news\n\nMarch 2026\nHate Crime\t<p>Reports rose.</p>\n")
    assert not looks_like_update("Westshire Strategy\n\nThis strategy sets out our plans.\n")
    assert not looks_like_update("Plan\n\nIssue\tAction\tOwner\tUpdate\tRAG Rating\n")


def test_the_issue_takes_the_export_s_title_and_month_and_no_publication_date():
    files, _ = converted()
    assert files[f"{FOLDER}/issue.yaml"] == (
        "title: CCSU Monthly RAG Update\nmonth: 2026-03\n"
        '# No "published" date: the export gives no publication date, so it is left out.\n'
        "status: published\n")


def test_an_export_without_a_month_line_after_its_title_is_refused_saying_what_to_add():
    with pytest.raises(BulletinError) as refused:
        converted("CCSU Monthly RAG Update\n\nSpring\nHate Crime\t<p>x</p>\n")
    assert str(refused.value) == (f"{PATH}: no month line like 'February 2026' after the title, "
                                  "so the issue's month is unknown; add it to the export and "
                                  "import again.")


# --- the themes -------------------------------------------------------------------------------------

def test_every_theme_gets_a_file_and_one_the_export_leaves_out_says_so():
    files, _ = converted()
    assert sorted(files) == [f"{FOLDER}/community-safety-asb.md", f"{FOLDER}/hate-crime.md",
                             f"{FOLDER}/issue.yaml", f"{FOLDER}/table-1.yaml"]
    assert files[f"{FOLDER}/hate-crime.md"] == (
        '---\nrag: not-rated\nrag_note: "The March 2026 export has no section for this theme, so '
        'no RAG rating is given."\nno_update: true\neditor_notes:\n  - "The March 2026 export has '
        'no section for this theme."\n---\n')


def test_a_theme_is_not_rated_and_says_its_colour_was_lost_in_the_export():
    files, _ = converted()
    asb = files[f"{FOLDER}/community-safety-asb.md"]
    assert asb.startswith(f'---\nrag: not-rated\nrag_note: "{LOST_RAG}"\n')


def test_an_address_in_a_theme_s_text_is_linked_and_named_as_its_contact():
    asb = converted()[0][f"{FOLDER}/community-safety-asb.md"]
    assert ("Contact [ann.example@minimalshire.gov.uk](mailto:ann.example@minimalshire.gov.uk) for "
            "details.") in asb
    assert "contacts:\n  - name: Ann Example\n    email: ann.example@minimalshire.gov.uk\n" in asb


def test_a_tab_separated_block_is_a_table_placed_where_it_was():
    files, _ = converted()
    asb = files[f"{FOLDER}/community-safety-asb.md"]
    assert "tables: [table-1]\n" in asb
    assert "Since October the following patrols ran:\n\n[table: table-1]\n\n## Drug Strategy" in asb
    assert files[f"{FOLDER}/table-1.yaml"].startswith("title: Patrols and Total by Area\n"
                                                      "source: CCSU Monthly RAG Update, March 2026\n")


def test_tables_are_numbered_through_the_issue_not_per_theme():
    export = EXPORT + "<p>Hate Crime</p>\t<p>Reports by area:</p>\nArea\tReports\tTotal\nNorth\t3\t3\n"
    files, _ = converted(export)
    assert "tables: [table-2]\n" in files[f"{FOLDER}/hate-crime.md"]
    assert "rows:\n  - [North, 3, 3]\n" in files[f"{FOLDER}/table-2.yaml"]


def test_continued_after_a_page_break_carries_on_the_theme_with_its_subheading():
    asb = converted()[0][f"{FOLDER}/community-safety-asb.md"]
    assert asb.endswith("## Drug Strategy\n\nThe strategy was published at [Drug Strategy 2025-30 "
                        "(PDF)](https://www.example.gov.uk/drug-strategy-2025-30.pdf) today.\n")


def test_a_link_made_from_a_bare_address_is_named_on_its_export_line():
    _, warnings = converted()
    assert (f"{PATH}:20: warning: the link text 'Drug Strategy 2025-30 (PDF)' was made from the "
            "address, which the export gives bare; check it reads well.") in warnings


def test_text_before_the_first_theme_is_an_editor_s_note_of_the_issue():
    export = EXPORT.replace("March 2026\t\n", "March 2026\t\nRead this first.\n")
    files, warnings = converted(export)
    assert files[f"{FOLDER}/issue.yaml"].endswith(
        'editor_notes:\n  - "Text before the first theme in the export: Read this first."\n')
    assert (f"{PATH}:5: warning: this text comes before the first theme, so it belongs to no "
            "theme; it is kept as an editor's note in issue.yaml. Move it where it belongs.") \
        in warnings


def test_a_row_for_a_theme_the_site_does_not_have_is_kept_in_a_file_of_its_own():
    files, warnings = converted(EXPORT + "<p>Road Safety</p>\t<p>Speed checks ran.</p>\n")
    assert files[f"{FOLDER}/road-safety.md"].endswith("---\nSpeed checks ran.\n")
    assert (f"{PATH}:21: warning: 'Road Safety' is not a theme in content/themes.yaml; its text is "
            f"kept in {FOLDER}/road-safety.md. Add the theme, or move the text into a theme's "
            "file.") in warnings


def test_an_editor_s_note_is_warned_about_on_the_line_of_its_evidence():
    files, warnings = converted(EXPORT.replace("Total\t15\t15", "Total\t15\t16"))
    assert any(w.startswith(f"{PATH}:9: warning: Community Safety & ASB: The Total row of the "
                            "table below is shown exactly as in the export.") for w in warnings)


def test_line_of_finds_the_first_export_line_holding_the_evidence_or_falls_back():
    source = Source(PATH, EXPORT)
    assert line_of(source, "Drug Strategy", 1) == 18
    assert line_of(source, "  Since October the following patrols ran: and more words", 1) == 7
    assert line_of(source, "Nowhere in the export", 42) == 42
    assert line_of(source, "   ", 42) == 42


def read_back(tmp_path, files: dict[str, str]):
    """The minimal site with the converted `files` written into it, read as a build reads it."""
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "minimal", root)
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return read_content(root)


def test_the_issue_reads_back_as_a_build_reads_a_month(tmp_path):
    content, problems = read_back(tmp_path, converted()[0])
    assert [str(p) for p in problems if p.is_error] == []
    [issue] = [i for i in content.issues if i.month.slug == "2026-03"]
    assert sorted(e.theme for e in issue.entries) == ["community-safety-asb", "hate-crime"]


def joined(first: int, second: int, which: str, slug: str) -> str:
    return (f"{PATH}:{second}: warning: the rows at lines {first} and {second} are {which}; the "
            f"second row's text follows the first's in {FOLDER}/{slug}.md. Check that they belong "
            "together and delete any text they repeat.")


def test_a_theme_s_second_row_in_the_export_is_not_dropped_without_a_word():
    """Only a theme's first row reached its file: a second row of the same theme (not a
    'Continued' page) was left out, and no warning said so. Its text now follows the
    first row's, and a warning names both lines for the editor to check."""
    export = EXPORT + "<p>Hate Crime</p>\t<p>Reports rose.</p>\n" \
                      "<p>Hate Crime</p>\t<p>Third-party reporting centres opened.</p>\n"
    files, warnings = converted(export)
    assert files[f"{FOLDER}/hate-crime.md"].endswith(
        "---\nReports rose.\n\nThird-party reporting centres opened.\n")
    assert joined(21, 22, "both 'Hate Crime'", "hate-crime") in warnings


def test_a_repeated_theme_the_site_does_not_have_keeps_both_rows_in_its_one_file():
    """Both rows of an unknown theme were written to the same file name, the second
    replacing the first."""
    export = EXPORT + "<p>Road Safety</p>\t<p>Speed checks ran.</p>\n" \
                      "<p>Road Safety</p>\t<p>Cameras were installed.</p>\n"
    files, warnings = converted(export)
    assert files[f"{FOLDER}/road-safety.md"].endswith(
        "---\nSpeed checks ran.\n\nCameras were installed.\n")
    assert joined(21, 22, "both 'Road Safety'", "road-safety") in warnings
    assert [w for w in warnings if "is not a theme" in w] == [
        f"{PATH}:21: warning: 'Road Safety' is not a theme in content/themes.yaml; its text is "
        f"kept in {FOLDER}/road-safety.md. Add the theme, or move the text into a theme's file."]


def test_rows_of_two_themes_taking_turns_each_keep_their_own_text_in_the_export_s_order():
    export = EXPORT + ("<p>Hate Crime</p>\t<p>Reports rose.</p>\n"
                       "<p>Road Safety</p>\t<p>Speed checks ran.</p>\n"
                       "\t<p>More checks are planned.</p>\n"
                       "<p>Hate Crime</p>\t<p>Centres opened.</p>\n"
                       "A plain line after it.\n"
                       "<p>Road Safety</p>\t<p>Cameras were installed.</p>\n")
    files, warnings = converted(export)
    assert files[f"{FOLDER}/hate-crime.md"].endswith(
        "---\nReports rose.\n\nCentres opened.\n\nA plain line after it.\n")
    assert files[f"{FOLDER}/road-safety.md"].endswith(
        "---\nSpeed checks ran.\n\nMore checks are planned.\n\nCameras were installed.\n")
    assert joined(21, 24, "both 'Hate Crime'", "hate-crime") in warnings
    assert joined(22, 26, "both 'Road Safety'", "road-safety") in warnings


def test_a_title_that_is_no_theme_but_makes_a_theme_s_file_name_joins_that_theme():
    """'Hate-Crime' is not the theme 'Hate Crime', but both make hate-crime.md: the
    unknown row's file replaced the theme's."""
    export = EXPORT + "<p>Hate Crime</p>\t<p>Reports rose.</p>\n" \
                      "<p>Hate-Crime</p>\t<p>Centres opened.</p>\n"
    files, warnings = converted(export)
    assert files[f"{FOLDER}/hate-crime.md"].endswith("---\nReports rose.\n\nCentres opened.\n")
    assert joined(21, 22, "'Hate Crime' and 'Hate-Crime', which make the same file name",
                  "hate-crime") in warnings
    assert not any("is not a theme" in w for w in warnings)


def test_a_second_row_s_text_reads_back_as_a_build_reads_a_month(tmp_path):
    files, _ = converted(EXPORT + "<p>Hate Crime</p>\t<p>Reports rose.</p>\n"
                                  "<p>Hate Crime</p>\t<p>Centres opened.</p>\n")
    content, problems = read_back(tmp_path, files)
    assert [str(p) for p in problems if p.is_error] == []
    [issue] = [i for i in content.issues if i.month.slug == "2026-03"]
    [entry] = [e for e in issue.entries if e.theme == "hate-crime"]
    assert entry.body.text == "Reports rose.\n\nCentres opened.\n"
