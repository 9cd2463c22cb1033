"""`[[to do: ...]]` placeholders: refused by the build in a published month."""
from __future__ import annotations

from builder.placeholders import placeholders
from builder.sources import Source

MONTH = "content/bulletins/2026-01"


def test_each_placeholder_is_found_with_its_line_and_column():
    source = Source("content/x.md", "intro\nSo far [[to do: the figures]] and [[TO DO]].\n")
    found = placeholders(source)
    assert [(p.line, p.col, p.is_error) for p in found] == [(2, 8, True), (2, 35, True)]
    assert "'[[to do: the figures]]' is a placeholder left by 'bulletin new'" in found[0].message
    assert [p.is_error for p in placeholders(source, draft=True)] == [False, False]
    assert placeholders(Source("content/y.md", "[to do] and [[table: x]]\n")) == []


def test_a_published_month_with_placeholders_is_not_built(site, capsys):
    """The build published `bulletin new`'s placeholders with exit 0 once the month said
    'status: published': only `bulletin check` refused them."""
    site.write(f"{MONTH}/hate-crime.md", "---\nrag: green\n---\n## Reporting\n\n"
               "[[to do: write the January update]]\n")
    site.write(f"{MONTH}/issue.yaml", site.read(f"{MONTH}/issue.yaml")
               + 'summary: "[[to do: a summary]]"\n')
    site.write(f"{MONTH}/patrols.yaml", "# [[to do: update these figures]]\n"
               + site.read(f"{MONTH}/patrols.yaml"))
    run = site.build(capsys=capsys)
    assert run.code == 1 and not site.out.exists()
    for where in ("hate-crime.md:6", "issue.yaml:5", "patrols.yaml:1"):
        assert f"{MONTH}/{where}:" in run.err and run.err.count("error: '[[to do") == 3, where


def test_a_draft_month_with_placeholders_builds_as_a_preview(site, capsys):
    site.write(f"{MONTH}/issue.yaml", site.read(f"{MONTH}/issue.yaml").replace(
        "status: published", "status: draft"))
    site.write(f"{MONTH}/hate-crime.md", "---\nrag: green\n---\n## Reporting\n\n"
               "[[to do: the update]]\n")
    assert site.build("--drafts", capsys=capsys).code == 0


def test_check_reports_a_published_placeholder_once(site, capsys):
    from builder import cli
    site.write(f"{MONTH}/hate-crime.md", "---\nrag: green\n---\n[[to do: the update]]\n")
    code = cli.main(["check", "--root", str(site.root)])
    out = capsys.readouterr().out
    assert code == 1 and out.count("'[[to do: the update]]'") == 1


def test_check_still_calls_a_placeholder_outside_the_months_an_error(site, capsys):
    """The build reads placeholders only in months, where `bulletin new` writes them;
    `check` went on reporting any in a page when the months' moved to the build."""
    from builder import cli
    site.write("content/pages/about.md", "---\ntitle: About\n---\n[[to do: who we are]]\n")
    code = cli.main(["check", "--root", str(site.root)])
    out = capsys.readouterr().out
    assert code == 1 and "about.md:4:1: error: '[[to do: who we are]]'" in out
