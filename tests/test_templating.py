"""builder.templating: the Jinja environment every build and deck renders with."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from builder.errors import TemplateProblem
from builder.templating import decimal_places, format_number, make_environment, render_template

TOOL_ROOT = Path(__file__).resolve().parents[1]


def test_a_template_saved_during_a_build_does_not_change_that_build(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    page = templates / "page.html"
    page.write_text("first {{ n }}", "utf-8")
    env = make_environment(tmp_path, TOOL_ROOT)
    assert render_template(env, "page.html", {"n": 1}) == "first 1"
    page.write_text("second {{ n }}", "utf-8")
    later = page.stat().st_mtime_ns + 5_000_000_000
    os.utime(page, ns=(later, later))
    assert render_template(env, "page.html", {"n": 2}) == "first 2"     # the same build
    assert render_template(make_environment(tmp_path, TOOL_ROOT), "page.html",
                           {"n": 3}) == "second 3"                       # the next one


def test_a_template_mistake_names_the_site_s_own_file_from_its_folder_and_a_default_in_full(
        tmp_path):
    tool, site = tmp_path / "tool", tmp_path / "site"
    (tool / "templates").mkdir(parents=True)
    (tool / "templates/page.html").write_text("a\n{{ nothing_here }}\n")
    site.mkdir()
    with pytest.raises(TemplateProblem) as raised:   # the site has no templates/ of its own
        render_template(make_environment(site, tool), "page.html", {})
    assert raised.value.problem.path == str(tool / "templates/page.html")
    (site / "templates").mkdir()
    (site / "templates/page.html").write_text("{{ nothing_here }}\n")
    with pytest.raises(TemplateProblem) as raised:
        render_template(make_environment(site, tool), "page.html", {})
    assert (raised.value.problem.path, raised.value.problem.line) == ("templates/page.html", 1)


def test_a_mistyped_field_of_a_view_is_named_by_the_template_s_word_for_it(site, capsys):
    """A designer was told "'builder.renderer.SiteView object' has no attribute 'titel'"
    (a trial of the preview)."""
    base = TOOL_ROOT / "templates" / "base.html"
    site.write("templates/base.html", base.read_text("utf-8").replace("{{ site.title }}",
                                                                      "{{ site.titel }}", 1))
    run = site.build(capsys=capsys)
    assert "UndefinedError: 'site' has no attribute 'titel'" in run.err, run.err
    assert "builder." not in run.err


def test_a_missing_macro_and_a_missing_parent_are_named_plainly_with_their_line(site, capsys):
    """'jinja2.environment.TemplateModule object' has no attribute ..., and a missing
    {% extends %} named without its folder or line (a designer's trial)."""
    site.write("templates/index.html", '{% extends "base.html" %}\n{% import "macros.html" as m %}\n'
                                       "{% block content %}{{ m.rag_label(1) }}{% endblock %}\n")
    run = site.build(capsys=capsys)
    assert "templates/index.html:3: error: UndefinedError: the imported macros have no macro " \
           "'rag_label'" in run.err, run.err
    site.write("templates/index.html", '\n{% extends "layout.html" %}\n')
    run = site.build(capsys=capsys)
    assert "templates/index.html:2: error: the template 'layout.html' was not found" in run.err, \
        run.err


@pytest.mark.parametrize("values, places", [
    ([1, 2, 300], 0), ([22.0, 14], 1), ([36.6, 22.0], 1), ([1.25, 3], 2), ([0.125], 2),
    ([1e-05], 2), ([None, 4.5], 1), ([12.50, 3.10], 1)])
def test_a_columns_decimal_places_are_the_most_any_value_was_written_with(values, places):
    assert decimal_places(values) == places


def test_a_number_is_written_with_thousands_and_its_unit():
    assert format_number(1234) == "1,234" and format_number(12.5) == "12.5"
    assert format_number(1234.5, 2, "%") == "1,234.50%" and format_number(None, 1, "%") == ""
