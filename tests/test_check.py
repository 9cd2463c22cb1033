"""`bulletin check`: every build validation and the editorial checks, exit codes, formats."""
from __future__ import annotations

import json

import pytest

from builder import cli
from builder.checking import run_check

from conftest import TOOL_ROOT


def check(site, capsys, *args: str):
    code = cli.main(["check", "--root", str(site.root), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_shipped_content_passes(capsys):
    code = cli.main(["check", "--root", str(TOOL_ROOT)])
    out = capsys.readouterr().out
    assert code == 0
    assert "0 errors" in out.splitlines()[-1]


def test_the_fixture_site_is_clean(site, capsys):
    code, out, _ = check(site, capsys)
    assert code == 0
    assert out.strip() == "Checked content/: 0 errors, 0 warnings."


def test_check_writes_nothing(site, capsys):
    before = sorted(p.relative_to(site.root) for p in site.root.rglob("*"))
    check(site, capsys)
    assert sorted(p.relative_to(site.root) for p in site.root.rglob("*")) == before


def test_problems_are_located_as_the_build_locates_them_then_a_summary(site, capsys):
    site.write("content/bulletins/2026-01/hate-crime.md",
               "---\nrag: amberish\n---\n## Reporting\n\nText.\n")
    code, out, _ = check(site, capsys)
    lines = out.splitlines()
    assert code == 1
    # as `bulletin build` writes them (an editor's trial: one wrote ':2:', the other ':2:1:')
    assert lines[0].startswith("content/bulletins/2026-01/hate-crime.md:2: error: "
                               "'rag: amberish' is not allowed; write one of: red, amber")
    assert lines[-1] == "Checked content/: 1 error, 0 warnings. Fix the errors before publishing."


def test_json_lists_every_problem_with_a_summary(site, capsys):
    site.write("content/bulletins/2026-01/hate-crime.md",
               "---\nrag: amberish\n---\n## Reporting\n\nText.\n")
    code, out, _ = check(site, capsys, "--format", "json")
    report = json.loads(out)
    assert code == 1
    assert report["summary"]["errors"] == 1 and report["summary"]["ok"] is False
    problem = report["problems"][0]
    assert {k: problem[k] for k in ("path", "line", "severity")} == {
        "path": "content/bulletins/2026-01/hate-crime.md", "line": 2, "severity": "error"}
    assert set(problem) == {"path", "line", "col", "severity", "message"}


def test_only_warnings_exit_zero(site, capsys):
    site.write("content/bulletins/2026-01/hate-crime.md", "---\nrag: green\n---\n## Reporting\n\nThe NCA helped.\n")
    code, out, _ = check(site, capsys)
    assert code == 0
    assert "warning: 'NCA' looks like an abbreviation but is not in content/glossary.yaml" in out


def test_strict_makes_warnings_fail_the_check_and_says_so(site, capsys):
    """'bulletin check --strict' was refused as an unknown option, though build has it (an
    editor's trial)."""
    site.write("content/bulletins/2026-01/hate-crime.md", "---\nrag: green\n---\n## Reporting\n\nThe NCA helped.\n")
    code = cli.main(["check", "--root", str(site.root), "--strict"])
    out = capsys.readouterr().out
    assert code == 1
    assert out.splitlines()[-1] == ("Checked content/: 0 errors, 1 warning. With --strict, "
                                    "warnings fail the check too.")


@pytest.mark.parametrize("args, message", [
    (["--format", "xml"], "invalid choice: 'xml'"),
    (["--root", "/no/such/folder"], "is not a folder"),
])
def test_usage_errors_exit_two(capsys, args, message):
    code = cli.main(["check", *args])
    assert code == 2
    assert message in capsys.readouterr().err


BAD_FILES = [
    ("content/bulletins/2026-01/hate-crime.md", "---\nrag: [green\n---\nText\n", ":2:",
     "the YAML here is malformed"),
    ("content/bulletins/2026-01/hate-crime.md", b"---\nrag: green\n---\n\xff\xfe caf\xe9\n", ":4:",
     "this file is not UTF-8 text"),
    ("content/bulletins/2026-01/hate-crime.md", "", ":1:", "this file is empty"),
    ("content/bulletins/2026-01/hate-crime.md", b"\x89PNG\r\n\x1a\n\x00\x00", ": error:",
     "this is not a text file"),
    ("content/bulletins/2026-01/hate-crime.md", "---\nrag: green\nText without a closing line\n",
     ":1:", "the front matter is never closed"),
    ("content/bulletins/2026-01/issue.yaml", "title: [a, b]\nmonth: 2026-01\nstatus: published\n",
     ":1:", "'title' must be text, not a list"),
    ("content/bulletins/2026-01/issue.yaml", "title: X\nmonth: 2026-01\nstatus: published\n"
     "published: 2026\n", ":4:", "'published' is not a date"),
    ("content/bulletins/2026-01/hate-crime.md", "---\nrag: 5\n---\nText\n", ":2:",
     "'rag: 5' is not allowed"),
    ("content/bulletins/2026-01/patrols.yaml", "title: T\ncolumns: 5\nrows: []\n", ":2:",
     "'columns' must be a list of columns"),
    ("content/bulletins/2026-01/hate-crime.md", "---\ncontacts:\n  - name: 12\n    email: 34\n---\nT\n",
     ":4:", "'contacts.email: 34' is not an email address"),
    ("content/themes.yaml", "themes: 7\n", ":1:", "'themes' must be a list of themes"),
    ("content/glossary.yaml", "- just a list\n", ":1:", "this file must hold abbreviations"),
]


@pytest.mark.parametrize("rel, data, where, message", BAD_FILES,
                         ids=[f"{i}-{m[:30]}" for i, (_, _, _, m) in enumerate(BAD_FILES)])
def test_bad_content_is_a_located_error_never_a_traceback(site, capsys, rel, data, where, message):
    path = site.root / rel
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    code, out, err = check(site, capsys)
    assert code == 1, out
    assert "Traceback" not in out + err
    line = next(line for line in out.splitlines() if message in line)
    assert line.startswith(rel + where) and ": error: " in line


def test_a_missing_theme_file_is_a_warning_naming_no_update(site, capsys):
    site.remove("content/bulletins/2026-01/hate-crime.md")
    site.write("content/bulletins/2026-01/community-safety-asb.md",
               "---\nrag: green\n---\nNo links here.\n")
    site.remove("content/bulletins/2026-01/patrols.yaml")
    code, out, _ = check(site, capsys)
    assert code == 0
    assert ("content/bulletins/2026-01: warning: there is no file for the theme 'Hate Crime'; "
            "add hate-crime.md (with 'no_update: true'") in out
    # JSON says there is no line or column, where the text writes 1 to stay clickable
    _, out, _ = check(site, capsys, "--format", "json")
    [month] = [p for p in json.loads(out)["problems"] if p["path"] == "content/bulletins/2026-01"]
    assert (month["line"], month["col"]) == (0, 0)


def test_a_broken_anchor_is_found_by_rendering_in_memory(site, capsys):
    text = site.read("content/bulletins/2026-01/community-safety-asb.md")
    site.write("content/bulletins/2026-01/community-safety-asb.md",
               text.replace("hate-crime.md#reporting", "hate-crime.md#nowhere"))
    code, out, _ = check(site, capsys)
    assert code == 1
    assert "community-safety-asb.md:8: error: the link 'hate-crime.md#nowhere' points to" in out


def test_check_compiles_no_sass_the_site_did_not_write(site, monkeypatch):
    import builder.pipeline as pipeline
    import builder.assets as assets
    for module in (pipeline, assets):
        monkeypatch.setattr(module, "build_assets",
                            lambda *a, **k: pytest.fail("check must not compile the tool's Sass"))
    assert run_check(site.root).errors == 0


def test_a_sass_mistake_in_the_sites_own_partial_is_found_by_check(site, capsys):
    site.write("assets/scss/_site.scss", "// the council's colours\n.a {\n  color: $brand-red;\n}\n")
    code, out, _ = check(site, capsys)
    assert code == 1
    assert ("assets/scss/_site.scss:3:10: error: Sass could not compile the stylesheet: "
            "Undefined variable: $brand-red.") in out
    assert not (site.root / "site").exists()


def test_a_stylesheet_url_to_no_file_is_found_by_check(site, capsys):
    site.write("assets/scss/_site.scss", '.logo { background: url("images/crest.svg"); }\n')
    code, out, _ = check(site, capsys)
    assert code == 1
    assert "'images/crest.svg', which is not a file under assets/" in out


def test_check_of_the_sites_own_sass_writes_no_cache(site, capsys):
    site.write("assets/scss/_site.scss", ".only-here { color: #123456; }\n")
    before = sorted(p.relative_to(site.root) for p in site.root.rglob("*"))
    code, out, _ = check(site, capsys)
    assert (code, out.strip()) == (0, "Checked content/: 0 errors, 0 warnings.")
    assert sorted(p.relative_to(site.root) for p in site.root.rglob("*")) == before


def _a_warning_in_a_month_and_a_page_and_an_error_in_the_page(site) -> None:
    theme = "content/bulletins/2026-01/hate-crime.md"
    site.write(theme, site.read(theme) + "\nWrite to c@d.org about it.\n")
    page = "content/pages/about.md"
    site.write(page, site.read(page) + "\nWrite to a@b.org, or see [x](nowhere.md).\n")


def test_check_of_a_month_lists_its_warnings_and_every_error_and_counts_the_rest(site, capsys):
    """An editor checking March read eight warnings about an old plan before March's own
    (a reader's trial). An error elsewhere is still listed: it stops the build."""
    _a_warning_in_a_month_and_a_page_and_an_error_in_the_page(site)
    code, whole, _ = check(site, capsys)
    code_month, out, _ = check(site, capsys, "2026-01")
    assert code == code_month == 1
    lines = out.splitlines()
    assert [line.split(": ")[:2] for line in lines[:-1]] == [
        ["content/bulletins/2026-01/hate-crime.md:8:10", "warning"],
        ["content/pages/about.md:11", "error"]], out
    assert "content/pages/about.md:11:10: warning:" in whole
    assert lines[-1] == ("Checked content/bulletins/2026-01/: 1 error, 1 warning (and 1 warning "
                         "elsewhere, which 'bulletin check' lists). Fix the errors before "
                         "publishing.")


def test_check_of_a_month_the_site_has_not_says_which_it_has(site, capsys):
    code, _, err = check(site, capsys, "2026-04")
    assert code == 2
    assert ("there is no month 2026-04 in content/bulletins/ (its months are 2026-01). To "
            "start it: bulletin new 2026-04\n") in err


def test_check_of_a_month_whose_folder_is_named_otherwise_says_to_rename_it(site, capsys):
    """An editor's trial: with the month's work in 'March 2026', it was told to start
    the month with 'bulletin new', which would make a second, empty one beside it."""
    (site.root / "content/bulletins/2026-01").rename(site.root / "content/bulletins/March 2026")
    code, _, err = check(site, capsys, "2026-03")
    assert code == 2
    assert ("there is no folder content/bulletins/2026-03, but the folder 'March 2026' is "
            "named for that month otherwise; rename it 2026-03, as month folders are named "
            "YYYY-MM.") in err


def test_check_of_a_month_lists_the_latest_six_of_a_long_run(site, capsys):
    """Every month was listed: a site of 400 months filled the screen."""
    for month in range(2, 10):
        (site.root / f"content/bulletins/2026-{month:02d}").mkdir()
    assert "its months are 2026-04, 2026-05, 2026-06, 2026-07, 2026-08, 2026-09 and 3 before " \
           "them)" in check(site, capsys, "2026-11")[2]


def test_check_of_a_month_written_otherwise_says_how_to_write_it(site, capsys):
    code, _, err = check(site, capsys, "2026-4")
    assert code == 2
    assert "like bulletin check 2026-04" in err


@pytest.mark.parametrize("given", ["1999-02", "March"])
def test_check_refuses_a_month_new_and_deck_refuse_with_the_same_words(site, capsys, given):
    code, _, err = check(site, capsys, given)
    assert code == 2
    assert f"'{given}' is not a month: " in err and "like bulletin check 2026-03" in err, err


def test_check_of_a_month_as_json_counts_the_warnings_it_left_out(site, capsys):
    _a_warning_in_a_month_and_a_page_and_an_error_in_the_page(site)
    _, out, _ = check(site, capsys, "2026-01", "--format", "json")
    summary = json.loads(out)["summary"]
    assert (summary["errors"], summary["warnings"], summary["warnings_elsewhere"]) == (1, 1, 1)
    _, out, _ = check(site, capsys, "--format", "json")
    assert json.loads(out)["summary"]["warnings_elsewhere"] == 0


def test_check_of_a_month_lists_its_own_missing_theme_file_warning(site, capsys):
    """The month's warning names its folder, not a file in it, and was counted elsewhere."""
    site.remove("content/bulletins/2026-01/hate-crime.md")
    _, out, _ = check(site, capsys, "2026-01")
    assert "content/bulletins/2026-01: warning: there is no file for the theme 'Hate Crime'" in out
    _, out, _ = check(site, capsys, "2026-01", "--format", "json")
    assert json.loads(out)["summary"]["warnings_elsewhere"] == 0


def test_a_skipped_heading_level_is_a_warning_at_its_file_and_line_but_not_in_a_deck(site, capsys):
    """A new editor's '#### Primary schools' under '## Schools training' was published as an
    <h5> under an <h3>, with no word from the check (WCAG 1.3.1)."""
    site.write("content/bulletins/2026-01/hate-crime.md",
               "---\nrag: green\n---\n## Reporting\n\nText.\n\n#### Primary schools\n")
    site.write("content/pages/about.md", "---\ntitle: About\n---\n### Who publishes it\n")
    site.write("content/decks/talk.md", "---\ntitle: Talk\n---\n# Talk\n\n#### Small print\n")
    code, out, _ = check(site, capsys)
    assert code == 0, out
    assert out.splitlines() == [
        "content/bulletins/2026-01/hate-crime.md:8:1: warning: '#### Primary schools' skips a "
        "level: it comes under '## Reporting', so write '### Primary schools' (screen readers "
        "list headings by level, and a skipped one reads as a missing section).",
        "content/pages/about.md:4:1: warning: '### Who publishes it' skips a level: it is the "
        "first heading, straight under the page's title, so write '## Who publishes it' "
        "(screen readers list headings by level, and a skipped one reads as a missing section).",
        "Checked content/: 0 errors, 2 warnings."]


def test_check_run_in_a_month_s_folder_checks_its_site_and_names_files_from_there(
        site, capsys, monkeypatch):
    """An editor's trial: in content/bulletins/2026-03, 'bulletin check' said there was no
    content/ folder there, where 'bulletin deck' finds the site by itself."""
    hate = site.root / "content/bulletins/2026-01/hate-crime.md"
    hate.write_text(hate.read_text("utf-8").replace("rag: green", "rag: greenish"), "utf-8")
    monkeypatch.chdir(site.root / "content/bulletins/2026-01")
    assert cli.main(["check"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("hate-crime.md:2: error: 'rag: greenish' is not allowed"), out
    assert "Checked ../../: 1 error" in out


def test_check_run_outside_any_site_still_says_there_is_no_content_folder(tmp_path, capsys,
                                                                         monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["check"]) == 1
    assert "there is no content folder" in capsys.readouterr().out
