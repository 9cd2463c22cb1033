"""builder.checking: `run_check`, every validation the build makes plus the editorial
checks, with drafts, writing nothing.

The command's output and exit codes are tested in test_check.py; the editorial checks
themselves in test_editorial.py.
"""
from __future__ import annotations

from datetime import date

from builder import checking, cli
from builder.checking import CheckResult, run_check
from builder.errors import ContentErrors, error, warning
from content_support import HATE, ISSUE, edit

TODAY = date(2026, 2, 1)


def said(result: CheckResult) -> list[str]:
    return [str(p) for p in result.problems]


def test_a_result_counts_its_errors_and_its_warnings():
    result = CheckResult((error("a.md", 1, "x"), warning("a.md", 2, "y"), warning("b.md", 1, "z")))
    assert (result.errors, result.warnings) == (1, 2)
    assert (CheckResult(()).errors, CheckResult(()).warnings) == (0, 0)


def test_the_fixture_site_has_nothing_to_say(site):
    assert run_check(site.root, TODAY) == CheckResult(())


def test_a_draft_month_is_checked_as_editors_check_it_before_publishing(site):
    edit(site, ISSUE, "status: published", "status: draft")
    edit(site, HATE, "rag: green", "rag: greenish")
    assert [p for p in said(run_check(site.root, TODAY)) if "greenish" in p] == [
        f"{HATE}:2: error: 'rag: greenish' is not allowed; write one of: red, amber, green, "
        "not-rated."]


def test_the_build_s_problems_and_the_editorial_advice_come_together_settings_first(site):
    edit(site, HATE, "rag: green", "rag: greenish")
    edit(site, "content/site.yaml", "bulletin.testshire.gov.uk", "example.org")
    assert [p.split(": ")[0] for p in said(run_check(site.root, TODAY))] == [
        "content/site.yaml:3", f"{HATE}:2"]


def test_the_day_of_the_check_decides_what_is_in_the_future(site):
    # the fixture's issue is published on 2026-01-20
    assert not run_check(site.root, date(2026, 1, 20)).problems
    [future] = said(run_check(site.root, date(2026, 1, 19)))
    assert future.startswith(f"{ISSUE}:3: warning: 'published: 2026-01-20' is in the future")


def test_a_problem_found_by_the_build_and_the_editorial_checks_is_listed_once(site, monkeypatch):
    edit(site, HATE, "rag: green", "rag: greenish")
    [found] = run_check(site.root, TODAY).problems
    monkeypatch.setattr(checking.editorial, "check", lambda root, content, today: [found])
    assert run_check(site.root, TODAY).problems == (found,)


def test_two_items_at_one_address_are_the_check_s_problems_not_an_exception(site, monkeypatch):
    clash = error("content", 0, "two items would both be published at /about/; rename one.")

    def clashing(*args, **kwargs):
        raise ContentErrors([clash])
    monkeypatch.setattr(checking, "validate", clashing)
    assert run_check(site.root, TODAY) == CheckResult((clash,))


def test_a_template_mistake_is_the_check_s_problem_at_its_line(site):
    site.write("templates/page.html", '{% extends "base.html" %}\n{% block content %}\n'
                                      "<h1>{{ page.title }</h1>\n{% endblock %}\n")
    assert said(run_check(site.root, TODAY)) == [
        "templates/page.html:3: error: template syntax error: unexpected '}'"]


def test_a_link_from_a_published_month_into_a_draft_fails_the_check_as_it_fails_the_build(
        site, capsys):
    """An editor's trial: `bulletin check` reads drafts as if published, so it passed a
    link the build then refused. Both now say the same, for a file and an address."""
    assert cli.main(["new", "2026-02", "--root", str(site.root)]) == 0
    edit(site, HATE, "Third-party reporting centres opened.",
         "See [February](../2026-02/hate-crime.md) and [its page](/bulletins/2026-02/).")
    checked = [p for p in said(run_check(site.root, TODAY)) if "draft month" in p]
    assert checked == [
        f"{HATE}:6: error: the link '{link}' points into February 2026, a draft month, which "
        "is not published, so the link would be broken; link to it once that month's "
        "issue.yaml says 'status: published' (`bulletin serve --drafts` previews both)."
        for link in ("../2026-02/hate-crime.md", "/bulletins/2026-02/")]
    capsys.readouterr()
    built = site.build(capsys=capsys)
    assert built.code == 1 and all(line in built.out + built.err for line in checked)


def test_a_draft_month_s_own_links_within_it_pass_the_check(site):
    assert cli.main(["new", "2026-02", "--root", str(site.root)]) == 0
    edit(site, "content/bulletins/2026-02/hate-crime.md", "## ", "See [its page](/bulletins/2026-02/).\n\n## ")
    assert [p for p in said(run_check(site.root, TODAY)) if "draft month" in p] == []
