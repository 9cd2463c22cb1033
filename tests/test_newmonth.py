"""`bulletin new YYYY-MM`: a draft month from the latest issue, and every refusal."""
from __future__ import annotations

import shutil

import pytest

from builder import cli
from builder.newmonth import create_month

from conftest import TOOL_ROOT


def new(site, capsys, month):
    code = cli.main(["new", month, "--root", str(site.root)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_new_makes_a_draft_with_every_theme_and_the_tables(site, capsys):
    code, out, _ = new(site, capsys, "2026-02")
    folder = site.root / "content/bulletins/2026-02"
    assert code == 0
    assert sorted(p.name for p in folder.iterdir()) == [
        "community-safety-asb.md", "hate-crime.md", "issue.yaml", "patrols.yaml"]
    assert "status: draft" in site.read("content/bulletins/2026-02/issue.yaml")
    asb = site.read("content/bulletins/2026-02/community-safety-asb.md")
    assert asb.startswith("---\nrag: amber\nsummary: \"[[to do: one line on this month’s "
                          "update]]\"\ntables: [patrols]\n---\n")
    assert "[[to do: write the February 2026 update for Community Safety & ASB" in asb
    assert "[table: patrols]" in asb and "Patrols increased" not in asb
    assert "created content/bulletins/2026-02/issue.yaml" in out


def test_a_month_started_past_a_gap_is_warned_with_the_month_it_may_have_meant(site, capsys):
    """2026-04 typed for 2026-02 was started in silence, and found when February was missing."""
    code, out, err = new(site, capsys, "2026-04")
    assert code == 0 and "Started 2026-04 as a draft from 2026-01." in out
    assert err == ("content/bulletins/2026-04: warning: 2026-02 and 2026-03 have no issue, so "
                   "this month was started from 2026-01. If you meant 2026-02, delete "
                   "content/bulletins/2026-04 and run 'bulletin new 2026-02'.\n")


def test_the_month_after_the_latest_is_started_without_a_warning(site, capsys):
    assert new(site, capsys, "2026-02")[2] == ""


def test_the_new_month_builds_as_a_draft_and_check_blocks_publishing_it(site, capsys):
    new(site, capsys, "2026-02")
    assert site.build("--drafts", capsys=capsys).code == 0
    assert cli.main(["check", "--root", str(site.root)]) == 0
    issue = site.read("content/bulletins/2026-02/issue.yaml")
    site.write("content/bulletins/2026-02/issue.yaml", issue.replace("draft", "published"))
    assert cli.main(["check", "--root", str(site.root)]) == 1
    assert "is a placeholder left by 'bulletin new'" in capsys.readouterr().out


def test_standing_paragraphs_carry_forward_from_the_last_two_issues(tmp_path):
    shutil.copytree(TOOL_ROOT / "content", tmp_path / "content")
    create_month(tmp_path, "2026-03")
    drugs = (tmp_path / "content/bulletins/2026-03/drugs-alcohol-criminal-justice.md").read_text()
    body = drugs.split("---\n", 2)[2]
    paragraphs = body.strip().split("\n\n")
    assert paragraphs[0].startswith("*All detainees that are arrested")
    assert paragraphs[1].startswith("[[to do: write the March 2026 update")
    assert paragraphs[2] == "[table: drug-tests]"
    assert "Alex Kweller" in drugs and "tables: [drug-tests]" in drugs
    asb = (tmp_path / "content/bulletins/2026-03/community-safety-asb.md").read_text()
    assert "The CCSU work regularly" not in asb  # changed between the two issues


def test_standing_paragraphs_carry_forward_from_a_file_saved_with_windows_line_ends(tmp_path):
    """An editor's trial: last month's file saved with CRLF lost its standing paragraph
    and its [table: ...] line in the new month, with no message."""
    shutil.copytree(TOOL_ROOT / "content", tmp_path / "content")
    feb = tmp_path / "content/bulletins/2026-02/drugs-alcohol-criminal-justice.md"
    feb.write_bytes(feb.read_bytes().replace(b"\n", b"\r\n"))
    create_month(tmp_path, "2026-03")
    drugs = (tmp_path / "content/bulletins/2026-03/drugs-alcohol-criminal-justice.md").read_text()
    paragraphs = drugs.split("---\n", 2)[2].strip().split("\n\n")
    assert paragraphs[0].startswith("*All detainees that are arrested")
    assert paragraphs[2] == "[table: drug-tests]"


def test_a_theme_that_has_ended_gets_no_file_in_a_later_month(tmp_path):
    """An editor's trial: every `new` after a theme's `ended:` month wrote its file again,
    carrying its last status, and building it published the ended theme."""
    shutil.copytree(TOOL_ROOT / "content", tmp_path / "content")
    themes = tmp_path / "content/themes.yaml"
    themes.write_text(themes.read_text().replace("- slug: hate-crime\n",
                                                 "- slug: hate-crime\n    ended: 2026-02\n"))
    created = create_month(tmp_path, "2026-03")
    assert "content/bulletins/2026-03/hate-crime.md" not in created.files
    assert not (tmp_path / "content/bulletins/2026-03/hate-crime.md").exists()
    assert "content/bulletins/2026-03/serious-violence.md" in created.files


def test_a_theme_that_starts_later_gets_no_file_before_it(tmp_path):
    shutil.copytree(TOOL_ROOT / "content", tmp_path / "content")
    themes = tmp_path / "content/themes.yaml"
    themes.write_text(themes.read_text().replace("- slug: hate-crime\n",
                                                 "- slug: hate-crime\n    started: 2026-04\n"))
    assert "content/bulletins/2026-03/hate-crime.md" not in create_month(tmp_path, "2026-03").files


def test_a_copied_table_leaves_last_months_total_note_behind(tmp_path):
    """The note explained February's figures; copied, it told readers so of March's."""
    shutil.copytree(TOOL_ROOT / "content", tmp_path / "content")
    create_month(tmp_path, "2026-03")
    table = (tmp_path / "content/bulletins/2026-03/drug-tests.yaml").read_text()
    assert _note() not in table and "11,560" not in table
    shipped = (TOOL_ROOT / "content/bulletins/2026-02/drug-tests.yaml").read_text()
    assert _without_note(table.split("\n", 1)[1]) == _without_note(shipped)


def test_a_copied_table_whose_note_explained_its_totals_checks_without_total_warnings(
        tmp_path, capsys):
    """An editor's trial: with February's note left behind, 'bulletin check' on the new
    March warned three times that totals differ, a difference the copy made, not the
    editor; the note is still to write, so no explanation of February's reaches readers."""
    shutil.copytree(TOOL_ROOT / "content", tmp_path / "content")
    create_month(tmp_path, "2026-03")
    assert cli.main(["check", "2026-03", "--root", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "the total for" not in out
    table = (tmp_path / "content/bulletins/2026-03/drug-tests.yaml").read_text()
    note = next(line for line in table.splitlines() if line.startswith("total_note:"))
    assert note.startswith('total_note: "[[to do:') and "11,560" not in note
    assert "Positive, Negative and Total" in note and "March 2026" in note


def test_the_total_note_left_to_write_stops_the_month_being_published(tmp_path, capsys):
    """Left as it is, the to-do would reach readers as the table's explanation."""
    shutil.copytree(TOOL_ROOT / "content", tmp_path / "content")
    create_month(tmp_path, "2026-03")
    issue = tmp_path / "content/bulletins/2026-03/issue.yaml"
    issue.write_text(issue.read_text().replace("status: draft", "status: published"))
    assert cli.main(["check", "2026-03", "--root", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "content/bulletins/2026-03/drug-tests.yaml:5:14: error: '[[to do: say to readers " \
           "why the total row differs" in out


def test_a_copied_table_is_asked_for_a_source_line_only_if_it_has_one(site, tmp_path):
    """'update these figures and the source: line' was said of a table with no source."""
    shutil.copytree(TOOL_ROOT / "content", tmp_path / "content")
    create_month(tmp_path, "2026-03")
    shipped = (tmp_path / "content/bulletins/2026-03/drug-tests.yaml").read_text()
    assert shipped.startswith("# [[to do: update these figures and the 'source:' line for "
                              "March 2026,")
    create_month(site.root, "2026-02")
    fixture = (site.root / "content/bulletins/2026-02/patrols.yaml").read_text()
    assert fixture.startswith("# [[to do: update these figures for February 2026, or delete")


def _without_note(table: str) -> list[str]:
    return [line for line in table.splitlines() if not line.startswith("total_note:")]


def _note() -> str:
    shipped = (TOOL_ROOT / "content/bulletins/2026-02/drug-tests.yaml").read_text()
    return next(line + "\n" for line in shipped.splitlines() if line.startswith("total_note:"))


def test_a_theme_without_an_update_keeps_its_last_rating(tmp_path):
    shutil.copytree(TOOL_ROOT / "content", tmp_path / "content")
    (tmp_path / "content/bulletins/2025-05/hate-crime.md").write_text(
        "---\nrag: green\n---\nText.\n")
    create_month(tmp_path, "2026-03")
    hate = (tmp_path / "content/bulletins/2026-03/hate-crime.md").read_text()
    assert hate.startswith("---\nrag: green\n---\n")   # not carried over as no_update: true


@pytest.mark.parametrize("month, code, message", [
    ("2026-13", 2, "'2026-13' is not a month: the month must be 01 to 12, like bulletin new "
                   "2026-03"),
    ("26-03", 2, "'26-03' is not a month: write YYYY-MM, the year in full, then the month"),
    ("1999-03", 2, "'1999-03' is not a month: the year must be 2000 to 2100"),
    ("March", 2, "'March' is not a month"),
    ("2025-12", 2, "2025-12 is before the first issue (2026-01)"),
    ("2027-02", 2, "2027-02 is more than 12 months after the latest issue (2026-01)"),
    ("2026-01", 1, "content/bulletins/2026-01 already exists"),
])
def test_malformed_implausible_and_existing_months_are_refused(site, capsys, month, code, message):
    before = sorted(p.name for p in (site.root / "content/bulletins").iterdir())
    result, _, err = new(site, capsys, month)
    assert result == code
    assert message in err
    assert sorted(p.name for p in (site.root / "content/bulletins").iterdir()) == before


def test_a_year_ahead_is_allowed(site, capsys):
    assert new(site, capsys, "2027-01")[0] == 0


def test_the_first_month_is_started_from_the_themes(site, capsys):
    """An adopter's trial: with no issue yet, `new` said to copy a folder by hand, from
    another site, with that site's news in it."""
    shutil.rmtree(site.root / "content/bulletins")
    code, out, _ = new(site, capsys, "2026-02")
    folder = site.root / "content/bulletins/2026-02"
    assert code == 0, out
    assert sorted(p.name for p in folder.iterdir()) == [
        "community-safety-asb.md", "hate-crime.md", "issue.yaml"]
    assert "from content/themes.yaml, as the first month" in out
    issue = site.read("content/bulletins/2026-02/issue.yaml")
    assert "\ntitle: Monthly Update\nmonth: 2026-02\n" in issue and "status: draft" in issue
    hate = site.read("content/bulletins/2026-02/hate-crime.md")
    assert hate == ("---\n# [[to do: set 'rag:' to red, amber or green for February 2026, or "
                    "keep not-rated and say why in 'rag_note:']]\nrag: not-rated\n---\n"
                    "[[to do: write the February 2026 update for Hate Crime; start each "
                    "sub-item with a '## Heading' line. Nothing new this month? Delete the text "
                    "below the second '---' and add the line 'no_update: true' after 'rag:']]\n")


def test_the_first_month_builds_as_a_draft_and_check_lists_what_is_to_write(site, capsys):
    shutil.rmtree(site.root / "content/bulletins")
    new(site, capsys, "2026-02")
    assert site.build("--drafts", capsys=capsys).code == 0
    assert cli.main(["check", "--root", str(site.root)]) == 0
    assert capsys.readouterr().out.count("is still to write") == 4   # a status and a text each
    issue = site.read("content/bulletins/2026-02/issue.yaml")
    site.write("content/bulletins/2026-02/issue.yaml", issue.replace("draft", "published"))
    assert cli.main(["check", "--root", str(site.root)]) == 1
    assert capsys.readouterr().out.count("is a placeholder left by 'bulletin new'") == 4


def test_new_refuses_content_it_cannot_read(site, capsys):
    site.write("content/themes.yaml", "themes: [\n")
    code, _, err = new(site, capsys, "2026-02")
    assert code == 1
    assert "content/themes.yaml:2" in err and "The month was not started" in err


def _two_months_of_hate_crime(root, news: tuple[str, str], standing: str):
    """The minimal site with December 2025 and January 2026, whose hate crime updates
    share `standing` and differ in `news`."""
    shutil.copytree(TOOL_ROOT / "tests/fixtures/minimal/content", root / "content")
    shutil.copytree(root / "content/bulletins/2026-01", root / "content/bulletins/2025-12")
    for month, text in zip(("2025-12", "2026-01"), news):
        (root / f"content/bulletins/{month}/hate-crime.md").write_text(
            f"---\nrag: green\n---\n## Reporting\n\n{text}\n\n{standing}\n")


def _body(root, month: str, slug: str) -> str:
    return (root / f"content/bulletins/{month}/{slug}.md").read_text().split("---\n", 2)[2]


def test_a_standing_paragraph_carries_the_heading_it_sits_under(tmp_path):
    """An adopter's trial: the paragraph under '## Support' came into the next month
    below the placeholder, with no heading, as if it were part of the month's news."""
    support = "Anyone affected can call the support line, free, at any hour."
    _two_months_of_hate_crime(tmp_path, ("Two centres opened.", "Three centres opened."),
                              f"## Support\n\n{support}")
    create_month(tmp_path, "2026-02")
    paragraphs = _body(tmp_path, "2026-02", "hate-crime").strip().split("\n\n")
    assert paragraphs[0].startswith("[[to do: write the February 2026 update for Hate Crime")
    assert paragraphs[1:] == ["## Support", support]


def test_a_standing_paragraph_carries_every_heading_above_it_once(tmp_path):
    """A '###' heading is carried with the '##' it is part of, a heading written on the
    line above its paragraph as well as one a blank line above, and neither twice."""
    first, second = "Call the support line.", "Or write to the team."
    _two_months_of_hate_crime(tmp_path, ("Two centres opened.", "Three centres opened."),
                              f"## Support\n\n### Out of hours\n{first}\n\n{second}")
    create_month(tmp_path, "2026-02")
    paragraphs = _body(tmp_path, "2026-02", "hate-crime").strip().split("\n\n")
    assert paragraphs[1:] == ["## Support", "### Out of hours", first, second]
