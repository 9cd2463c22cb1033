"""builder.bulletins: a month's folder into its issue, its theme files into entries.

The unit tests read a copy of tests/fixtures/minimal's months straight through
`read_issues`; the rest break one thing in the fixture and build it, as an editor
would, to see the message at its line (`content_support.fails`).
"""
from __future__ import annotations

import pytest

from builder.bulletins import parse_month, read_issues
from builder.cache import Memo
from builder.model import Markdown, Month, Origin, SetAside, Theme
from content_support import HATE, ISSUE, MONTH, edit, fails

THEMES = tuple(Theme(slug, slug, "", (), False, Origin("content/themes.yaml", n))
               for n, slug in enumerate(("community-safety-asb", "hate-crime"), 1))


def read(root, *, drafts: bool = False, cache: Memo | None = None):
    """(issues, draft months, problems as text) of the site at `root`."""
    problems: list = []
    issues, left_out, _ = read_issues(root, THEMES, problems, include_drafts=drafts, cache=cache)
    return issues, left_out, [str(p) for p in problems]


def test_a_month_folder_s_name_is_read_as_its_month():
    assert parse_month("2026-02") == Month(2026, 2)
    assert parse_month("2000-12") == Month(2000, 12)


@pytest.mark.parametrize("name", ["2026-13", "2026-00", "1999-01", "2101-01", "2026-2", "26-01",
                                  "2026-02 (1)", "January-2026"])
def test_a_folder_name_that_is_not_a_month_of_this_century_is_none(name):
    assert parse_month(name) is None


def test_a_month_is_read_into_its_issue_with_entries_in_theme_order(site):
    [issue], left_out, problems = read(site.root)
    assert (problems, left_out) == ([], ())
    assert (issue.month, issue.title, issue.published_line) == (Month(2026, 1), "Monthly Update", 3)
    assert [e.theme for e in issue.entries] == ["community-safety-asb", "hate-crime"]
    asb = issue.entries[0]
    assert (asb.summary, asb.tables, [t.slug for t in issue.tables]) == (
        "Patrols increased in two towns.", ("patrols",), ["patrols"])
    assert asb.body.origin == Origin(f"{MONTH}/community-safety-asb.md", 6)
    assert issue.missing_themes == ()


def test_an_issue_s_summary_keeps_the_line_it_is_written_on(site):
    site.write(ISSUE, site.read(ISSUE) + "summary: A quiet month.\n")
    [issue], _, _ = read(site.root)
    assert issue.summary == Markdown("A quiet month.", Origin(ISSUE, 5))


def test_a_draft_month_is_left_out_as_its_month_unless_drafts_are_asked_for(site):
    site.write("content/bulletins/2026-02/issue.yaml",
               "title: Next\nmonth: 2026-02\nstatus: draft\n")
    issues, left_out, _ = read(site.root)
    assert [i.month for i in issues] == [Month(2026, 1)] and left_out == (Month(2026, 2),)
    issues, left_out, _ = read(site.root, drafts=True)
    assert [(i.month, i.is_draft) for i in issues] == [(Month(2026, 1), False),
                                                       (Month(2026, 2), True)]
    assert left_out == ()


def test_a_theme_with_no_file_in_the_month_is_named_as_missing(site):
    site.remove(f"{MONTH}/community-safety-asb.md")
    [issue], _, _ = read(site.root)
    assert [e.theme for e in issue.entries] == ["hate-crime"]
    assert issue.missing_themes == ("community-safety-asb",)


def test_a_site_without_months_has_no_issues_and_no_problems(tmp_path):
    (tmp_path / "content").mkdir()
    assert read(tmp_path) == ((), (), [])


def test_a_month_unchanged_since_the_last_read_is_taken_from_the_cache(site):
    cache = Memo()
    [first], _, _ = read(site.root, cache=cache)
    [again], _, _ = read(site.root, cache=cache)
    assert again is first and cache.hits == 1
    assert first.made_from and all(e.made_from for e in first.entries)
    edit(site, HATE, "rag: green", "rag: red")
    [edited], _, _ = read(site.root, cache=cache)
    assert cache.hits == 1 and edited.made_from != first.made_from
    assert edited.entry("hate-crime").rag.value == "red"
    unedited = "community-safety-asb"
    assert edited.entry(unedited).made_from == first.entry(unedited).made_from


def test_an_issue_title_too_long_for_the_deck_s_title_slide_is_a_warning(site, capsys):
    """An editor's trial: a 330-character title built in silence and ran off its slide."""
    edit(site, ISSUE, "title: Monthly Update", "title: " + "Update " * 30)
    run = site.build(capsys=capsys)
    assert run.code == 0
    assert (f"{ISSUE}:1: warning: this title is 209 characters long, and past 200 it no longer "
            "fits the deck's title slide; keep it short and put the rest in 'summary:'.") in run.err


def test_no_update_with_an_update_below_is_an_error_naming_the_key(site, capsys):
    """The page showed "No update this month" above the update."""
    edit(site, HATE, "rag: green\n", "rag: green\nno_update: true\n")
    run = site.build(capsys=capsys)
    fails(run, site, f"{HATE}:3: error: this file says 'no_update: true' but has an update below "
                     "its front matter, and the page would show both; remove 'no_update: true' to "
                     "publish the update, or remove the text.")


@pytest.mark.parametrize("folder", ["2026-13", "26-01", "Spring update"])
def test_month_folder_not_named_yyyy_mm(site, capsys, folder):
    site.write(f"content/bulletins/{folder}/issue.yaml",
               f"title: Update\nmonth: {folder}\nstatus: published\n")
    run = site.build(capsys=capsys)
    fails(run, site, f"content/bulletins/{folder}: error: the folder name '{folder}' is not a "
                     "month; name month folders YYYY-MM, like 2026-02.")


@pytest.mark.parametrize("folder", ["2026-1", "January-2026", "March 2026"])
def test_a_month_folder_named_for_its_month_otherwise_is_told_its_name(site, capsys, folder):
    """An editor's trial named a month's folder 'March 2026'."""
    site.write(f"content/bulletins/{folder}/issue.yaml",
               f"title: Update\nmonth: {folder}\nstatus: published\n")
    meant = "2026-03" if folder.startswith("March") else "2026-01"
    fails(site.build(capsys=capsys), site,
          f"content/bulletins/{folder}: error: the folder name '{folder}' is not a month; "
          f"rename it {meant}: month folders are named YYYY-MM.")


def test_issue_month_not_matching_its_folder(site, capsys):
    edit(site, ISSUE, "month: 2026-01", "month: 2026-02")
    run = site.build(capsys=capsys)
    fails(run, site, f"{ISSUE}:2: error: 'month: 2026-02' does not match the folder '2026-01'; "
                     "write 'month: 2026-01' (or rename the folder).")


def test_issue_month_missing(site, capsys):
    edit(site, ISSUE, "month: 2026-01\n", "")
    run = site.build(capsys=capsys)
    fails(run, site, f"{ISSUE}:1: error: 'month' is missing; write 'month: 2026-01'.")


def test_missing_issue_yaml(site, capsys):
    site.remove(ISSUE)
    run = site.build(capsys=capsys)
    fails(run, site, f"{ISSUE}: error: this month has no issue.yaml; copy one from another month "
                     "and change 'month:' and 'status:'.")


def test_bad_status_lists_the_choices(site, capsys):
    edit(site, ISSUE, "status: published", "status: live")
    run = site.build(capsys=capsys)
    fails(run, site, f"{ISSUE}:4: error: 'status: live' is not allowed; write one of: draft, published.")


@pytest.mark.parametrize("key", ["updated", "amended"])
def test_a_key_written_to_say_what_changed_points_to_corrections(site, capsys, key):
    """A fresh clone's editor wrote 'updated: 2026-03-01', and was shown every key."""
    edit(site, HATE, "rag: green\n", f"rag: green\n{key}: 2026-03-01\n")
    run = site.build(capsys=capsys)
    assert run.code == 0
    assert (f"{HATE}:3: warning: '{key}' is not a key this file uses, so it is ignored; to tell "
            "readers what was changed after publishing, write 'corrections:' with a '- date:' "
            "line and a 'note:' line below it.") in run.err


def test_correction_for_corrections_is_an_error_as_its_note_would_reach_no_reader(site, capsys):
    """An editor's trial: 'correction:' was a warning, and the page published without the
    correction it was written to show."""
    edit(site, HATE, "rag: green\n", "rag: green\ncorrection:\n  - date: 2026-02-03\n"
                                      "    note: The figure was 12, not 21.\n")
    run = site.build(capsys=capsys)
    fails(run, site, f"{HATE}:3: error: 'correction' is not a key this file uses, so what it "
                     "says is left out; to tell readers what was changed after publishing, "
                     "write 'corrections:' with a '- date:' line and a 'note:' line below it.")


def test_a_draft_issue_is_checked_when_built_with_drafts(site, capsys):
    edit(site, ISSUE, "status: published", "status: draft")
    edit(site, HATE, "rag: green", "rag: amberish")
    run = site.build("--drafts", capsys=capsys)
    fails(run, site, f"{HATE}:2: error: 'rag: amberish' is not allowed")


def test_a_month_whose_issue_yaml_is_broken_still_has_its_theme_files_checked(site, capsys):
    """The theme files' own mistakes waited for the issue.yaml to be fixed, so an editor met
    them one run later (found while trying a fresh clone)."""
    edit(site, ISSUE, "title: ", "title: [")
    edit(site, HATE, "rag: green", "rag: greenish")
    run = site.build(capsys=capsys)
    fails(run, site, f"{ISSUE}:1:", f"{HATE}:2: error: 'rag: greenish' is not allowed")


BODY_MISTAKES = ("\n<script>alert(1)</script>\n\n![Map](../../images/gone.png)\n\n"
                 "See [last month](../2025-12/hate-crime.md).\n")


def body_mistakes_reported(run, path: str, first_line: int) -> None:
    for line, start in ((first_line, "<script> is not allowed"),
                        (first_line + 2, "the image '../../images/gone.png'"),
                        (first_line + 4, "the link '../2025-12/hate-crime.md'")):
        assert f"{path}:{line}: error: {start}" in run.err, run.err


def test_a_theme_file_whose_front_matter_is_broken_still_has_its_text_checked(site, capsys):
    """An editor's trial: a tab in the front matter gave one error, and the script, missing
    image and broken link below it came out only once that was fixed."""
    edit(site, HATE, "rag: green\n", "\trag: green\n")
    site.write(HATE, site.read(HATE) + BODY_MISTAKES)
    run = site.build(capsys=capsys)
    fails(run, site, f"{HATE}:2:1: error: the YAML here is malformed: this line is indented "
                     "with a tab")
    body_mistakes_reported(run, HATE, 8)


def test_a_month_whose_issue_yaml_is_broken_still_has_its_theme_files_texts_checked(
        site, capsys):
    edit(site, ISSUE, "title: ", "title: [")
    site.write(HATE, site.read(HATE) + BODY_MISTAKES)
    run = site.build(capsys=capsys)
    fails(run, site, f"{ISSUE}:1:")
    body_mistakes_reported(run, HATE, 8)


def test_a_set_aside_text_is_kept_apart_from_the_issues_and_is_read_again_from_the_cache(site):
    """A set-aside text is never an entry, so nothing publishes it and `bulletin new` does
    not carry it on; a month read from the cache sets it aside again."""
    edit(site, HATE, "rag: green\n", "rag: [green\n")
    cache = Memo()
    for _ in range(2):
        issues, _, set_aside = read_issues(site.root, THEMES, [], include_drafts=False, cache=cache)
        assert [e.theme for e in issues[0].entries] == ["community-safety-asb"]
        assert set_aside == (SetAside(Markdown("## Reporting\n\nThird-party reporting centres "
                                               "opened.\n", Origin(HATE, 4)), Month(2026, 1),
                                      "hate-crime"),)
    assert cache.hits == 1


def test_months_read_on_several_processes_give_one_process_s_content_and_problems(
        months, monkeypatch):
    from builder import bulletins
    from builder.cache import Memo
    from builder.content import read_content
    from serve_support import replace_in
    folder = months / "content/bulletins"
    replace_in(folder / "2025-11/hate-crime.md", "rag: green", "rag: amberish")
    replace_in(folder / "2025-12/issue.yaml", "month: 2025-12", "month: 2025-10")
    (folder / "2026-01/knife-crime.md").write_text("---\nrag: red\n---\nText.\n", "utf-8")
    monkeypatch.setattr(bulletins, "MIN_MONTHS", 2)   # three months are enough for the pool
    alone = read_content(months, jobs=1)
    cache = Memo()
    for run in range(2):   # the cache empty, then holding every month
        together = read_content(months, jobs=2, cache=cache)
        assert [issue.month.slug for issue in together[0].issues] == ["2025-11", "2025-12", "2026-01"]
        assert [strip_keys(i) for i in together[0].issues] == list(alone[0].issues)
        assert together[1] == alone[1], run
        assert len(alone[1]) == 3
    assert cache.hits == 3


def strip_keys(issue):
    """The issue without the cache keys a cached read gives it and its entries."""
    from dataclasses import replace
    return replace(issue, made_from="", entries=tuple(replace(e, made_from="") for e in issue.entries),
                   tables=tuple(replace(t, made_from="") for t in issue.tables))
