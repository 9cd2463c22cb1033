"""builder.monthtables: a month's data tables, and the checks that its theme files show
each one and name no other.

The unit tests call the checks with tables and text written here; the rest break
the fixture site's table or its placing and build it (`content_support.fails`).
"""
from __future__ import annotations

import pytest

from builder.fields import Fields
from builder.model import DataTable, Entry, Markdown, Month, Origin, Rag
from builder.monthtables import (listed_tables, misnamed_tables, misplaced_tables, read_tables,
                                  unshown_tables)
from builder.sources import parse_yaml
from content_support import ASB, HATE, MONTH, PATROLS, edit, fails

THEME_FILE = f"{MONTH}/hate-crime.md"


def table(slug: str) -> DataTable:
    return DataTable(slug, slug, None, None, (), (), None, None, Origin(f"{MONTH}/{slug}.yaml"))


def entry(theme: str, listed: tuple[str, ...] = (), body: str = "Text.\n") -> Entry:
    return Entry(theme, Month(2026, 1), Rag.GREEN, None, None, (), listed, (), False,
                 Markdown(body, Origin(f"{MONTH}/{theme}.md", 4)), Origin(f"{MONTH}/{theme}.md"))


def test_a_month_s_tables_are_its_yaml_files_but_the_issue(site):
    problems: list = []
    tables = read_tables(site.root, site.root / MONTH, problems)
    assert problems == [] and [(t.slug, t.title, t.made_from) for t in tables] == [
        ("patrols", "Patrols by area", "")]


def test_a_table_read_for_the_cache_carries_the_digest_of_its_file(site):
    [first] = read_tables(site.root, site.root / MONTH, [], keyed=True)
    edit(site, PATROLS, "[South, 800]", "[South, 812]")
    [edited] = read_tables(site.root, site.root / MONTH, [], keyed=True)
    assert first.made_from and edited.made_from and first.made_from != edited.made_from


def test_a_table_file_named_otherwise_than_a_slug_or_with_broken_yaml_is_not_read(site):
    site.write(f"{MONTH}/Arrests.yaml", site.read(PATROLS))
    site.write(f"{MONTH}/stops.yaml", "title: [Stops\n")
    problems: list = []
    tables = read_tables(site.root, site.root / MONTH, problems)
    assert [t.slug for t in tables] == ["patrols"]
    # the name is told once the theme files are read (misnamed_tables)
    assert [(p.path, p.is_error) for p in problems] == [(f"{MONTH}/stops.yaml", True)]


def test_a_table_file_named_otherwise_than_a_slug_is_told_the_name_it_is_read_by(site):
    assert [str(p) for p in misnamed_tables(site.root, site.root / MONTH,
                                            {"patrols", "Stop_Searches", "stops (2)"})] == [
        f"{MONTH}/Stop_Searches.yaml: error: the file name 'Stop_Searches.yaml' must be "
        "lower-case letters, digits and hyphens; rename it stop-searches.yaml.",
        f"{MONTH}/stops (2).yaml: error: the file name 'stops (2).yaml' must be lower-case "
        "letters, digits and hyphens, like 'drug-tests.yaml'."]


def test_a_misnamed_table_file_is_not_told_to_rename_over_the_table_it_copies(site):
    [problem] = misnamed_tables(site.root, site.root / MONTH, {"patrols", "Patrols"})
    assert problem.message.endswith("hyphens, like 'drug-tests.yaml'.")


def test_a_placeholder_in_a_table_is_an_error_only_in_a_published_month(site):
    site.write(PATROLS, site.read(PATROLS).replace("Patrols by area", '"[[to do: a title]]"'))
    unpublished: list = []
    read_tables(site.root, site.root / MONTH, unpublished)
    published: list = []
    read_tables(site.root, site.root / MONTH, published, published=True)
    assert unpublished == [] and [p.path for p in published] == [PATROLS]


def test_a_listed_table_is_kept_and_one_with_no_file_is_an_error_at_tables():
    located, _ = parse_yaml("rag: green\ntables: [patrols, arrests, stops]\n", THEME_FILE, 1)
    problems: list = []
    # stops.yaml is written but did not read: its own errors say so
    listed = listed_tables(Fields(located, problems=problems), (table("patrols"),),
                           {"patrols", "stops"}, set())
    assert listed == ("patrols",)
    assert [str(p) for p in problems] == [
        f"{THEME_FILE}:3: error: the table 'arrests' has no file arrests.yaml in this month's "
        "folder (tables here: patrols); save it here, beside this file, or take 'arrests' out "
        "of 'tables:'."]


def test_a_listed_table_whose_file_is_named_otherwise_is_told_to_rename_it():
    located, problems = parse_yaml("rag: green\ntables: [stop-searches]\n", THEME_FILE)
    told: set[str] = set()
    assert listed_tables(Fields(located, problems=problems), (table("patrols"),),
                         {"patrols", "Stop_Searches"}, told) == ()
    assert [str(p) for p in problems] == [
        f"{THEME_FILE}:2: error: the table 'stop-searches' has no file stop-searches.yaml in "
        "this month's folder; rename Stop_Searches.yaml to stop-searches.yaml."]
    assert told == {"Stop_Searches"}


def test_a_table_named_in_word_s_curly_quotes_is_told_the_quotes_are_the_mistake():
    located, problems = parse_yaml("rag: red\ntables: [\u2018patrols\u2019]\n", THEME_FILE)
    assert listed_tables(Fields(located, problems=problems), (table("patrols"),),
                         {"patrols"}, set()) == ()
    assert [str(p) for p in problems] == [
        f"{THEME_FILE}:2:10: error: \u2018 and \u2019 (curly quotes, as Word writes them) are "
        "not quote marks in YAML, so they are read as part of 'patrols'; type it without "
        "them: 'patrols'."]


@pytest.mark.parametrize("body", [
    "Intro.\n\n[table: patrols]\n\nMore.\n",
    "## Patrols\n[table: patrols]\n",              # a heading does not join it to a paragraph
    "[table: stops]\n",                            # its file has errors of its own
])
def test_a_table_placed_on_a_line_of_its_own_by_its_name_is_placed(body):
    assert misplaced_tables(THEME_FILE, body, 5, (table("patrols"),), {"patrols", "stops"},
                            set()) == []


@pytest.mark.parametrize("body, line, words", [
    ("Intro.\n\n[Table: patrols]\n", 7, "is shown as text, not as the table; write it "
                                          "[table: patrols], in small letters"),
    ("Intro.\n[table: patrols]\n", 6, "runs on from the line next to it"),
    ("[table: patrol]\n", 5, "names no table of this month; write [table: name] with the name "
                             "of a .yaml file in this month's folder (tables here: patrols)."),
])
def test_a_table_line_the_pages_would_show_as_text_is_an_error_at_its_line(body, line, words):
    [problem] = misplaced_tables(THEME_FILE, body, 5, (table("patrols"),), {"patrols"}, set())
    assert (problem.path, problem.line, problem.is_error) == (THEME_FILE, line, True)
    assert words in problem.message


def test_a_table_no_theme_lists_or_places_is_a_warning():
    tables = (table("patrols"), table("stops"), table("arrests"))
    entries = [entry("hate-crime", listed=("patrols",)),
               entry("community-safety-asb", body="Text.\n\n[table: stops]\n")]
    assert [(p.path, p.is_error) for p in unshown_tables(entries, tables)] == [
        (f"{MONTH}/arrests.yaml", False)]
    assert unshown_tables(entries, tables[:2]) == []


def test_tables_entry_with_no_table_file(site, capsys):
    edit(site, HATE, "rag: green", "rag: green\ntables: [arrests]")
    run = site.build(capsys=capsys)
    fails(run, site, f"{HATE}:3: error: the table 'arrests' has no file arrests.yaml in this "
                     "month's folder (tables here: patrols); save it here")


def test_table_placed_in_the_text_with_no_table_file(site, capsys):
    edit(site, ASB, "[table: patrols]", "[table: patrol]")
    run = site.build(capsys=capsys)
    fails(run, site, f"{ASB}:10: error: '[table: patrol]' names no table of this month; write "
                     "[table: name] with the name of a .yaml file in this month's folder (tables "
                     "here: patrols).")


@pytest.mark.parametrize("written", ["[Table: patrols]", "[TABLE: Patrols]"])
def test_a_table_line_in_other_capitals_is_told_how_to_write_it(site, capsys, written):
    """It passed the check, and the page showed '[Table: patrols]' as text without the
    table (a developer's trial): the check and the renderers read it differently."""
    edit(site, ASB, "[table: patrols]", written)
    run = site.build(capsys=capsys)
    fails(run, site, f"{ASB}:10: error: '{written}' is shown as text, not as the table; write it "
                     "[table: patrols], in small letters with the table's file name.")


def test_a_table_line_run_on_from_a_paragraph_is_told_to_stand_apart(site, capsys):
    edit(site, ASB, "the [about page](../../pages/about.md).\n\n[table: patrols]",
         "the [about page](../../pages/about.md).\n[table: patrols]")
    run = site.build(capsys=capsys)
    fails(run, site, f"{ASB}:9: error: '[table: patrols]' runs on from the line next to it, so it "
                     "is shown as text, not as the table; leave an empty line above and below it.")


def test_a_table_line_under_a_heading_is_placed(site, capsys):
    edit(site, ASB, "## Patrols\n", "## Patrols\n[table: patrols]\n")
    edit(site, ASB, "[about page](../../pages/about.md).\n\n[table: patrols]\n",
         "[about page](../../pages/about.md).\n")
    run = site.build(capsys=capsys)
    assert run.code == 0, run.err


def test_a_table_placed_in_a_theme_s_text_is_shown_without_being_listed(site, capsys):
    edit(site, ASB, "tables: [patrols]", "")
    site.write(ASB, site.read(ASB) + "\n[table: patrols]\n")
    run = site.build(capsys=capsys)
    assert "this table is not shown" not in run.err, run.err


def test_table_file_name_that_is_not_a_slug(site, capsys):
    site.write(f"{MONTH}/Patrols Table.yaml", site.read(PATROLS))
    run = site.build(capsys=capsys)
    fails(run, site, f"{MONTH}/Patrols Table.yaml: error: the file name 'Patrols Table.yaml' must "
                     "be lower-case letters, digits and hyphens; rename it patrols-table.yaml.")


@pytest.mark.parametrize("name", ["stop_searches.yaml", "Stop Searches.yaml", "Stop-Searches.yaml"])
def test_a_listed_table_saved_under_another_spelling_is_one_error_saying_to_rename_it(
        site, capsys, name):
    """An editor's trial: two errors, the file's name and the table's missing file, and
    neither said to rename it."""
    site.write(f"{MONTH}/{name}", site.read(PATROLS).replace("Patrols by area", "Stop searches"))
    edit(site, HATE, "rag: green", "rag: green\ntables: [stop-searches]")
    run = site.build(capsys=capsys)
    lines = fails(run, site, f"{HATE}:3: error: the table 'stop-searches' has no file "
                             f"stop-searches.yaml in this month's folder; rename {name} to "
                             "stop-searches.yaml.")
    assert "the file name" not in run.err and len(lines) == 2


@pytest.mark.parametrize("listed", [True, False])
def test_a_placed_table_saved_under_another_spelling_is_one_error_saying_to_rename_it(
        site, capsys, listed):
    """'[table: stop-searches]' beside Stop_Searches.yaml was also told "names no table
    (tables here: Stop_Searches)", a name it may not have; or, placed and not listed,
    told so beside the file's own name."""
    site.write(f"{MONTH}/Stop_Searches.yaml", site.read(PATROLS))
    if listed:
        edit(site, HATE, "rag: green", "rag: green\ntables: [stop-searches]")
    site.write(HATE, site.read(HATE) + "\n[table: stop-searches]\n")
    run = site.build(capsys=capsys)
    lines = fails(run, site)
    errors = [line for line in lines if ": error: " in line]
    assert len(errors) == 1 and "rename Stop_Searches.yaml to stop-searches.yaml." in errors[0], \
        errors


def test_a_table_file_named_otherwise_is_told_to_rename_once_for_the_whole_month(site, capsys):
    """A review: a second theme file listing the same table was told to rename it again."""
    site.write(f"{MONTH}/Stop_Searches.yaml", site.read(PATROLS))
    edit(site, HATE, "rag: green", "rag: green\ntables: [stop-searches]")
    site.write(HATE, site.read(HATE) + "\n[table: stop-searches]\n")
    asb = f"{MONTH}/community-safety-asb.md"
    site.write(asb, site.read(asb).replace("tables: [patrols]", "tables: [patrols, stop-searches]"))
    run = site.build(capsys=capsys)
    errors = [line for line in fails(run, site) if ": error: " in line]
    assert len(errors) == 1 and "rename Stop_Searches.yaml to stop-searches.yaml." in errors[0], \
        errors


def test_malformed_data_table_is_not_also_a_missing_table(site, capsys):
    edit(site, PATROLS, "  - [South, 800]", "  - [South, 800")
    run = site.build(capsys=capsys)
    lines = fails(run, site, f"{PATROLS}:7:5: error: the YAML here is malformed: a list that opens with '[' is not closed with ']'")
    assert "has no file patrols.yaml" not in run.err
    assert "names no table" not in run.err
    assert len(lines) == 2
