"""build() and check share one validate(): what one finds, the other finds."""
from __future__ import annotations

import pytest

from builder import cli, pipeline
from conftest import Run


def test_build_and_check_both_go_through_validate(site, capsys, monkeypatch):
    calls = []
    real = pipeline.validate
    monkeypatch.setattr(pipeline, "validate", lambda *a, **k: calls.append(k) or real(*a, **k))
    import builder.checking as checking
    monkeypatch.setattr(checking, "validate", pipeline.validate)
    assert site.build(capsys=capsys).code == 0
    assert cli.main(["check", "--root", str(site.root)]) == 0
    assert [c["drafts"] for c in calls] == [False, True]


def test_a_failed_validation_writes_nothing(site, capsys):
    site.write("content/bulletins/2026-01/hate-crime.md",
               "---\nrag: amberish\n---\n## Reporting\n\nText.\n")
    run = site.build(capsys=capsys)
    assert run.code == 1 and not site.out.exists()
    assert "Build failed: 1 error" in run.err


def test_strict_fails_on_warnings(site, capsys):
    site.write("content/bulletins/2026-01/patrols.yaml",
               site.read("content/bulletins/2026-01/patrols.yaml").replace("[Total, 2000]",
                                                                           "[Total, 2001]"))
    assert site.build(capsys=capsys).code == 0
    assert site.build("--strict", capsys=capsys).code == 1


def test_write_site_wrapped_with_functools_wraps_is_still_taken_for_it():
    # bench/stages.py times the writer so; a writer of its own (serve's) is handed bytes.
    import functools
    from builder.output import write_site
    from builder.pipeline import _writes_site_folder

    @functools.wraps(write_site)
    def timed(*args, **kwargs):
        return write_site(*args, **kwargs)

    assert _writes_site_folder(write_site) and _writes_site_folder(timed)
    assert not _writes_site_folder(lambda files, out, **kwargs: None)


ABOUT = "---\ntitle: About\n---\nThe bulletin.\n\n"


def test_a_files_own_error_does_not_hide_another_files_markdown_problems(site, capsys):
    # An editor sees every mistake in one run: a bad YAML value in one theme file used
    # to stop the build before any Markdown was rendered.
    site.write("content/bulletins/2026-01/hate-crime.md",
               "---\nrag: amberish\n---\n## Reporting\n\nText.\n")
    site.write("content/pages/about.md", ABOUT + "See [the plan](../plans/nowhere.yaml) and "
               "<script>alert(1)</script>\n")
    run = site.build(capsys=capsys)
    assert run.code == 1
    assert "hate-crime.md:2" in run.err and "amberish" in run.err
    assert "about.md:6" in run.err and "nowhere.yaml" in run.err
    assert "<script>" in run.err
    assert "Build failed: 3 errors" in run.err


@pytest.mark.parametrize("broken, text", [
    ("hate-crime.md", "---\nrag: [amber\n---\nText.\n"),   # the file linked to
    ("issue.yaml", "month: [2026-01\n"),                      # its month's issue
])
@pytest.mark.parametrize("heading", ["", "#reporting"])
def test_a_link_into_a_file_that_did_not_load_is_not_called_missing(site, capsys, broken, text,
                                                                   heading):
    site.write(f"content/bulletins/2026-01/{broken}", text)
    site.write("content/pages/about.md", ABOUT + "See [hate crime]"
               f"(../bulletins/2026-01/hate-crime.md{heading}).\n")
    run = site.build(capsys=capsys)
    assert run.code == 1 and f"{broken}:" in run.err
    assert "about.md" not in run.err


def test_a_broken_heading_or_address_link_is_reported_beside_another_files_error(
        site, capsys):
    """These links are followed on drawn pages, which a failing build did not draw: each
    showed only on the build after every other error was fixed."""
    site.write("content/bulletins/2026-01/hate-crime.md", "---\nrag: amberish\n---\nText.\n")
    site.write("content/pages/about.md", ABOUT + "See [patrols](../bulletins/2026-01/"
               "community-safety-asb.md#no-such-heading), [last year](/bulletins/2019-01/) "
               "and [the page](#also-missing).\n")
    built = site.build(capsys=capsys)
    checked = cli.main(["check", "--root", str(site.root)]), capsys.readouterr()
    for run in (built, Run(checked[0], checked[1].out, checked[1].err)):
        assert run.code == 1
        assert "hate-crime.md:2" in run.err + run.out
        said = [line for line in (run.err + run.out).splitlines() if "about.md:6" in line]
        assert len(said) == 3, said
        assert "'#no-such-heading', which is not a heading" in said[0]
        assert "/bulletins/2019-01/" in said[1] and "#also-missing" in said[2]


def test_a_link_into_a_file_held_despite_its_error_is_followed_to_its_text(site, capsys):
    """A bad RAG value leaves the file's text in the site: fixing the value would not
    mend a link to a heading the text lacks, so it is reported in the same run."""
    site.write("content/bulletins/2026-01/hate-crime.md",
               "---\nrag: orange\n---\n## Reports\n\nText.\n")
    run = site.build(capsys=capsys)
    assert run.code == 1 and "'rag: orange' is not allowed" in run.err
    assert ("community-safety-asb.md:8: error: the link 'hate-crime.md#reporting' points to "
            "'#reporting', which is not a heading") in run.err


def test_a_template_mistake_met_following_links_is_reported_with_the_rest(site, capsys):
    """The pages a doubtful link points into are drawn while another file fails: a
    template's mistake met there is listed beside the content's errors."""
    site.write("content/bulletins/2026-01/hate-crime.md", "---\nrag: amberish\n---\nText.\n")
    site.write("templates/issue.html", '{% extends "base.html" %}\n{% block content %}\n'
               "{{ no_such_thing }}\n{% endblock %}\n")
    run = site.build(capsys=capsys)
    assert run.code == 1 and "'rag: amberish' is not allowed" in run.err
    assert "templates/issue.html:3: error: UndefinedError: 'no_such_thing' is undefined" in run.err


def test_a_good_heading_link_is_not_reported_while_another_file_fails(site, capsys):
    site.write("content/bulletins/2026-01/hate-crime.md", "---\nrag: amberish\n---\nText.\n")
    site.write("content/pages/about.md", ABOUT + "See [patrols](../bulletins/2026-01/"
               "community-safety-asb.md#patrols) and [the top](#main-content) and "
               "[the month](/bulletins/2026-01/).\n")
    run = site.build(capsys=capsys)
    assert run.code == 1 and "about.md" not in run.err


def test_a_build_without_its_cache_keeps_compiled_templates_in_the_tools_folder(
        site, capsys, monkeypatch):
    """As `bulletin deck` does: compiling them was a tenth of a clean build of 1,000
    entries. With the build cache they are kept in it (see test_diskcache)."""
    from builder import TOOL_ROOT, templating
    folders = []
    real = pipeline.make_environment
    monkeypatch.setattr(pipeline, "make_environment",
                        lambda *a, **k: folders.append(k.get("keep_compiled")) or real(*a, **k))
    assert site.build("--no-cache", capsys=capsys).code == 0
    assert folders and set(folders) == {TOOL_ROOT / templating.KEPT_TEMPLATES}
    assert any((TOOL_ROOT / templating.KEPT_TEMPLATES).glob("*.jinja"))
