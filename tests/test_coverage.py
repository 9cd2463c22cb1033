"""builder.coverage: a theme without a file in a month, judged against the other months.

Found by an editor's trial: `hate-crime.md` renamed `hate-crime.MD` in a published month
built with a warning and exit 0, publishing the issue without its Hate Crime section.
"""
from __future__ import annotations

from pathlib import Path

from builder.coverage import missing_themes
from builder.errors import Severity
from builder.model import Content, Issue, Month, Origin, Status, Theme

MARCH = "content/bulletins/2026-03"


def theme(slug: str, ended: Month | None = None, started: Month | None = None) -> Theme:
    return Theme(slug, slug.replace("-", " ").title(), "", (), False, Origin("t", 1), ended,
                 started)


def issue(month: int, missing: tuple[str, ...] = (), status: Status = Status.PUBLISHED) -> Issue:
    return Issue(Month(2026, month), "Update", None, status, None, (), (), (),
                 Origin(f"content/bulletins/2026-{month:02d}/issue.yaml", 1),
                 missing_themes=missing)


def content(themes: list[Theme], issues: list[Issue]) -> Content:
    return Content(None, tuple(themes), None, tuple(issues), (), (), ())


def test_a_published_month_without_a_theme_earlier_months_have_is_an_error():
    problems = missing_themes(content([theme("hate-crime")],
                                      [issue(1), issue(2), issue(3, ("hate-crime",))]))
    assert [(p.path, p.severity) for p in problems] == [(MARCH, Severity.ERROR)]
    assert "add hate-crime.md" in problems[0].message
    # the suggested last month is the theme's latest month with a file
    assert "write 'ended: 2026-02' (its last month) under it in content/themes.yaml" in \
        problems[0].message


def test_a_draft_month_without_it_is_a_warning():
    problems = missing_themes(content([theme("hate-crime")],
                                      [issue(2), issue(3, ("hate-crime",), Status.DRAFT)]))
    assert [(p.path, p.severity) for p in problems] == [(MARCH, Severity.WARNING)]


def test_months_before_a_theme_s_first_file_are_warnings():
    """A theme added this year has no file in the months before it began."""
    problems = missing_themes(content([theme("domestic-abuse")],
                                      [issue(1, ("domestic-abuse",)), issue(2)]))
    assert [(p.path, p.severity) for p in problems] == [
        ("content/bulletins/2026-01", Severity.WARNING)]


def test_months_after_a_theme_ended_need_no_file():
    ended = theme("hate-crime", ended=Month(2026, 2))
    assert missing_themes(content([ended], [issue(2), issue(3, ("hate-crime",))])) == []
    # up to its last month it is still expected
    problems = missing_themes(content([ended], [issue(1), issue(2, ("hate-crime",))]))
    assert [p.severity for p in problems] == [Severity.ERROR]


def test_a_file_for_a_theme_after_it_ended_is_a_warning_naming_the_file():
    """Published all the same, with no word (an editor's trial in the preview)."""
    ended = theme("hate-crime", ended=Month(2026, 2))
    problems = missing_themes(content([ended], [issue(2), issue(3)]))
    assert [(p.path, p.severity) for p in problems] == [
        (f"{MARCH}/hate-crime.md", Severity.WARNING)]
    assert "ended in February 2026" in problems[0].message
    assert "which is published;" in problems[0].message


def test_a_file_for_an_ended_theme_in_a_draft_month_is_not_called_published():
    ended = theme("hate-crime", ended=Month(2026, 2))
    [problem] = missing_themes(content([ended], [issue(2), issue(3, status=Status.DRAFT)]))
    assert "which will be published with the month;" in problem.message


def test_months_before_a_theme_started_need_no_file_and_a_file_there_is_a_warning():
    """An editor's trial: a theme added in April gave a warning for every earlier month
    for ever, or a 'No update this month' for a theme that did not yet exist."""
    started = theme("domestic-abuse", started=Month(2026, 3))
    assert missing_themes(content([started], [issue(1, ("domestic-abuse",)),
                                              issue(2, ("domestic-abuse",)), issue(3)])) == []
    problems = missing_themes(content([started], [issue(2), issue(3)]))
    assert [p.severity for p in problems] == [Severity.WARNING]
    assert "the theme 'Domestic Abuse' starts in March 2026" in problems[0].message
    assert "change 'started:' to the theme's real first month" in problems[0].message


def test_a_theme_s_ended_month_written_wrongly_is_the_one_error(site, capsys):
    """An editor's trial: 'ended: March 2026' gave the error for it last, after one
    'this month is published but has no file for the theme' per later month."""
    site.write("content/bulletins/2025-12/issue.yaml",
               "title: Monthly Update\nmonth: 2025-12\npublished: 2025-12-18\nstatus: published\n")
    for slug in ("community-safety-asb", "hate-crime"):
        site.write(f"content/bulletins/2025-12/{slug}.md", "---\nrag: green\n---\nText.\n")
    (site.root / "content/bulletins/2026-01/hate-crime.md").unlink()
    themes = site.read("content/themes.yaml")
    site.write("content/themes.yaml", themes.replace("    title: Hate Crime\n",
                                                     "    title: Hate Crime\n    ended: December 2025\n"))
    run = site.build(capsys=capsys)
    assert run.code == 1
    errors = [line for line in run.err.splitlines() if ": error: " in line]
    assert errors[0].startswith("content/themes.yaml:10:"), run.err
    assert "has no file for the theme" not in run.err


def test_a_renamed_theme_file_fails_the_build_and_says_which_file(site, capsys):
    site.write("content/bulletins/2025-12/issue.yaml",
               "title: Monthly Update\nmonth: 2025-12\npublished: 2025-12-18\nstatus: published\n")
    for slug in ("community-safety-asb", "hate-crime"):
        site.write(f"content/bulletins/2025-12/{slug}.md", "---\nrag: green\n---\nText.\n")
    month = Path(site.root / "content/bulletins/2026-01")
    text = (month / "hate-crime.md").read_text(encoding="utf-8")
    (month / "hate-crime.md").unlink()
    (month / "hate-crime.MD").write_text(text, encoding="utf-8")
    run = site.build(capsys=capsys)
    assert run.code == 1
    assert ("content/bulletins/2026-01: error: this month is published but has no file for the "
            "theme 'Hate Crime', which earlier months have;") in run.err
    assert "content/bulletins/2026-01/hate-crime.MD: warning: this file is not used: rename it " \
           "hate-crime.md." in run.err


def test_an_ended_month_that_is_not_a_month_is_an_error_naming_its_line(site, capsys):
    themes = site.root / "content/themes.yaml"
    text = themes.read_text(encoding="utf-8")
    themes.write_text(text.replace("  - slug: hate-crime\n", "  - slug: hate-crime\n"
                                   "    ended: March 2026\n"), encoding="utf-8")
    run = site.build(capsys=capsys)
    assert run.code == 1
    assert "content/themes.yaml:9: error: 'themes.ended: March 2026' is not a month; write " \
           "the theme's last month as YYYY-MM, like 'ended: 2026-02'." in run.err
