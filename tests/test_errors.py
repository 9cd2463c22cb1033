"""builder.errors: the one family of errors, and a problem as an editor reads it."""
from __future__ import annotations

from pathlib import PurePosixPath

import pytest

from builder.errors import (BulletinError, ContentErrors, ServeError, Severity, TemplateProblem,
                            ToolError, UsageError, error, warning)


@pytest.mark.parametrize("line, col, shown", [
    (4, 7, "a.md:4:7: error: x"), (4, 0, "a.md:4: error: x"), (0, 0, "a.md: error: x"),
    (0, 7, "a.md: error: x"),   # a column means nothing without its line
])
def test_a_problem_reads_path_line_column_then_what_is_wrong(line, col, shown):
    assert str(error("a.md", line, "x", col)) == shown


def test_error_and_warning_differ_only_in_severity():
    said, advised = error(PurePosixPath("content/a.md"), 3, "x"), warning("content/a.md", 3, "x")
    assert (said.path, said.severity, said.is_error) == ("content/a.md", Severity.ERROR, True)
    assert (advised.severity, advised.is_error) == (Severity.WARNING, False)
    assert str(advised) == "content/a.md:3: warning: x"


def test_problems_sort_by_file_then_line():
    problems = [error("b.md", 1, "x"), warning("a.md", 9, "y"), error("a.md", 2, "z")]
    assert [(p.path, p.line) for p in sorted(problems)] == [("a.md", 2), ("a.md", 9), ("b.md", 1)]


def test_content_errors_keep_every_problem_and_count_the_errors():
    failed = ContentErrors([error("a.md", 1, "x"), warning("a.md", 2, "y"), error("b.md", 0, "z")])
    assert len(failed.problems) == 3 and str(failed) == "2 error(s) in the content"


def test_a_template_problem_is_an_error_at_the_template_s_line():
    failed = TemplateProblem("templates/page.html", 3, "template syntax error")
    assert failed.problem == error("templates/page.html", 3, "template syntax error")
    assert str(failed) == "templates/page.html:3: error: template syntax error"


@pytest.mark.parametrize("kind, code", [(ContentErrors([]), 1), (ToolError("x"), 1),
                                        (UsageError("x"), 2), (ServeError("x"), 3)])
def test_each_kind_of_error_has_its_exit_code(kind, code):
    assert isinstance(kind, BulletinError) and kind.exit_code == code
