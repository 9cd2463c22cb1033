"""builder.terminal and builder.seenpaths: what the command prints, with paths as seen
from where it was run."""
from __future__ import annotations

from pathlib import Path

from builder.errors import Problem, Severity
from builder.serve.rebuild import Outcome
from builder.serve.sync import Changes
from builder.seenpaths import seen_from_here, shown
from builder.terminal import RebuildReporter, from_here

ENTRY = "content/bulletins/2026-01/community-safety-asb.md"


def test_a_problems_path_is_put_under_the_site_folder_named_from_here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "our-site").mkdir()
    problem = Problem(ENTRY, 2, Severity.ERROR, "x")
    [moved] = from_here((problem,), tmp_path / "our-site")
    assert moved.path == "our-site/" + ENTRY
    assert from_here((problem,), tmp_path) == (problem,)
    assert from_here((problem,), None) == (problem,)


def test_a_tool_file_named_in_full_stays_in_full(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert seen_from_here("/opt/bulletin/templates/base.html", tmp_path / "x") == \
        "/opt/bulletin/templates/base.html"


def test_a_folder_outside_the_one_run_from_is_shown_in_full(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert shown(tmp_path / "site") == "site/"
    assert shown(Path("/elsewhere/site")) == "/elsewhere/site/"


def test_a_failing_first_build_is_called_a_build_with_nothing_to_serve(capsys):
    """It said 'Rebuild failed' before anything had been built (an editor's trial)."""
    report = RebuildReporter(Path("."))
    report(Outcome(False, (Problem(ENTRY, 2, Severity.ERROR, "'rag: amberish' is not allowed"),)))
    assert "Build failed: 1 error. Nothing to serve yet" in capsys.readouterr().err


def test_the_terminal_shows_each_failure_once_without_a_traceback(capsys):
    report = RebuildReporter(Path("."))
    report.live = True
    problem = Problem(ENTRY, 2, Severity.ERROR, "'rag: amberish' is not allowed")
    report(Outcome(False, (problem,)))
    err = capsys.readouterr().err
    assert err.count("community-safety-asb.md:2: error: 'rag: amberish' is not allowed") == 1
    assert "Rebuild failed: 1 error. Still serving the last good site" in err
    assert "Traceback" not in err
    warning = Problem("content/x.yaml", 3, Severity.WARNING, "a total differs")
    report(Outcome(True, (warning,), Changes(("index.html",), ())))
    report(Outcome(True, (warning,), Changes(("index.html",), ())))
    captured = capsys.readouterr()
    assert captured.err.count("a total differs") == 1  # warnings again only when they change
    assert captured.out.count("Rebuilt in") == 2 and "1 file changed" in captured.out
    assert captured.out.count("the problems are fixed") == 1


def test_the_preview_says_which_draft_months_it_left_out_and_how_to_see_them(capsys):
    """An editor's trial: `bulletin serve` without --drafts showed 'Page not found' for the
    month being written and said nothing, where `bulletin build` names it."""
    report = RebuildReporter(Path("."))
    report(Outcome(True, (), drafts=("2026-03",)))
    said = capsys.readouterr().out
    assert ("Left out the draft month 2026-03: a month is published once its issue.yaml says "
            "'status: published'. Run 'bulletin check 2026-03' to list what is still to "
            "write; 'bulletin serve --drafts' previews it.") in said
    report(Outcome(True, (), drafts=("2026-03",)))
    assert "Left out" not in capsys.readouterr().out   # said again only when it changes
