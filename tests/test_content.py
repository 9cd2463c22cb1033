"""Loading content/, end to end: a broken fixture site, built in-process.

Each test breaks one thing in a copy of tests/fixtures/minimal and runs
`bulletin build` as an editor would, then checks the exit code, the exact
`path:line:` of the message, its key words, and that nothing was written.
A build that fails stops before Sass, so these are fast; the few that succeed
share one compiled stylesheet. What is plainly one module's (a month's issue, its
tables, plans and pages) is tested beside that module's own tests: tests/test_bulletins.py,
test_monthtables.py, test_documents.py.
"""
from __future__ import annotations

from pathlib import Path

import shutil
import pytest

from content_support import ASB, HATE, ISSUE, MONTH, PATROLS, edit, fails

from builder import checking


TOOL_ROOT = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "minimal"


@pytest.fixture
def buildable(site, sass_cache):
    """The fixture site, for the tests whose build gets as far as writing."""
    shutil.copytree(sass_cache, site.root / ".cache", dirs_exist_ok=True)
    return site


def line_starting(run, start: str) -> str:
    return next(line for line in run.err.splitlines() if line.startswith(start))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# --- the fixture is good ---------------------------------------------------------------------------

def test_the_unbroken_fixture_builds_without_problems(buildable, capsys):
    run = buildable.build(capsys=capsys)
    assert run.code == 0, run.err
    assert run.err == ""
    assert (buildable.out / "index.html").is_file()


def test_a_failed_build_leaves_the_previous_site_byte_for_byte(buildable, capsys):
    assert buildable.build(capsys=capsys).code == 0
    before = snapshot(buildable.out)
    edit(buildable, HATE, "rag: green", "rag: greenish")
    run = buildable.build(capsys=capsys)
    assert run.code == 1
    assert f"{HATE}:2: error: 'rag: greenish' is not allowed" in run.err
    assert snapshot(buildable.out) == before


# --- malformed YAML in each kind of file -------------------------------------------------------

def test_malformed_yaml_in_site_yaml(site, capsys):
    edit(site, "content/site.yaml", "title: Test Bulletin", "title: Test: Bulletin")
    run = site.build(capsys=capsys)
    fails(run, site, "content/site.yaml:1:12: error: the YAML here is malformed: a value that "
                     "contains ': ' must be in quotes; write the line as: title: \"Test: Bulletin\"")


def test_malformed_site_yaml_does_not_hide_the_other_files_errors(site, capsys):
    """The site's settings once stopped the build before the Markdown and the decks were
    checked, so an adopter fixing site.yaml met a new round of errors (a council's trial)."""
    edit(site, "content/site.yaml", "title: Test Bulletin", "title: Test: Bulletin: 2026")
    edit(site, HATE, "rag: green\n---\n", "rag: green\n---\n<script>x</script>\n")
    site.write("content/decks/talk.md", "# Talk\n\n<script>x</script>\n")
    lines = fails(site.build(capsys=capsys), site,
                  "content/site.yaml:1:12: error: the YAML here is malformed",
                  f"{HATE}:4: error: <script> is not allowed on public pages",
                  "content/decks/talk.md:3: error: <script> is not allowed in a deck's slides")
    # a site of no settings stands in: none of its missing keys is reported
    assert len(lines) == 4, lines


def test_malformed_glossary_does_not_hide_the_other_files_errors(site, capsys):
    """An editor adding an abbreviation as a warning asked, one space out, lost every
    Markdown check until the glossary was mended. With no glossary read, no abbreviation
    is called missing from it, and no link into it is called broken."""
    from builder import cli
    edit(site, "content/glossary.yaml", "    expansion: anti-social behaviour",
         "   expansion: anti-social behaviour")
    edit(site, HATE, "rag: green\n---\n", "rag: green\n---\n<script>x</script>\n\n"
         "[Lines](../../glossary.yaml#county-lines), [lines](/glossary/#county-lines), "
         "the XYZ team.\n")
    lines = fails(site.build(capsys=capsys), site,
                  "content/glossary.yaml:3:4: error: 'expansion:' is indented 3 spaces",
                  f"{HATE}:4: error: <script> is not allowed on public pages")
    assert len(lines) == 3, lines
    assert cli.main(["check"]) == 1
    checked = capsys.readouterr().out.splitlines()
    assert checked[:2] == lines[:2] and "XYZ" not in "".join(checked), checked


def test_a_glossary_read_despite_a_mistake_still_names_the_abbreviations_missing_from_it(
        site, capsys):
    """A review: any glossary error silenced every missing-abbreviation warning, just as
    an editor was adding abbreviations; only a glossary that could not be read does."""
    from builder import cli
    site.write("content/glossary.yaml", site.read("content/glossary.yaml")
               + "  - term: cuckooing\n    slug: cuckooing\n")
    edit(site, HATE, "Third-party", "The XYZ team opened. Third-party")
    assert cli.main(["check"]) == 1
    checked = capsys.readouterr().out
    assert "content/glossary.yaml:" in checked and "definition" in checked   # its own error
    assert "'XYZ' looks like an abbreviation" in checked


def test_malformed_yaml_in_themes_yaml_does_not_also_call_every_theme_file_unknown(site, capsys):
    edit(site, "content/themes.yaml", "    title: Hate Crime", "   title: Hate Crime")
    run = site.build(capsys=capsys)
    lines = fails(run, site, "content/themes.yaml:9:4: error: 'title:' is indented 3 spaces")
    # themes.yaml could not be read, so the theme files cannot be checked against it.
    assert "is not a theme" not in run.err
    assert len(lines) == 2


def test_malformed_yaml_in_issue_yaml(site, capsys):
    edit(site, ISSUE, "title: Monthly Update", "title: Update: January")
    run = site.build(capsys=capsys)
    fails(run, site, f"{ISSUE}:1:14: error: the YAML here is malformed: a value that contains "
                     "': ' must be in quotes; write the line as: title: \"Update: January\"")


def test_malformed_front_matter_in_a_theme_file_is_not_also_a_missing_theme(site, capsys):
    edit(site, HATE, "rag: green", "rag: green\nsummary: Centres: opened")
    run = site.build(capsys=capsys)
    lines = fails(run, site, f"{HATE}:3:17: error: the YAML here is malformed: a value "
                                 "that contains ': ' must be in quotes; write the line "
                                 "as: summary: \"Centres: opened\"")
    # The file exists; saying "there is no file for the theme" would send the editor astray.
    assert "there is no file for the theme" not in run.err
    assert len(lines) == 2


NEVER_CLOSED = 'that is never closed; end it with " on the same line.'
NO_COLON = "(a key, a colon and a space, then the value)."


@pytest.mark.parametrize("old, new, expected", [
    ("summary: Patrols increased in two towns.",
     'summary: "Patrols increased in two towns.\nrag_note: "Shading was lost."',
     f'{ASB}:3:10: error: this text opens a quote (") {NEVER_CLOSED}'),
    ("rag: amber", 'rag: "amber\nrag_note: "Shading was lost."',
     f'{ASB}:2:6: error: this text opens a quote (") {NEVER_CLOSED}'),
    ("rag: amber", "rag amber",
     f"{ASB}:2:1: error: this line has no ':' after its key; write 'rag: amber' {NO_COLON}"),
    ("rag: amber", "rag:amber",
     f"{ASB}:2:1: error: this line has no space after its ':'; write 'rag: amber' {NO_COLON}"),
    ("summary: Patrols increased in two towns.", "summary: 'It's up in two towns.'",
     f"{ASB}:3:13: error: this ' ends the quoted text early, as more text follows it; write "
     "\"It's up in two towns.\" (in double quotes), or 'It''s up in two towns.' (an apostrophe "
     "inside single quotes is written twice)."),
])
def test_a_front_matter_mistake_is_reported_on_the_editor_s_line_with_what_to_write(
        site, capsys, old, new, expected):
    """PyYAML noticed each of these a line or more below, and for a key without its ':'
    advised quotes; an editor sent there finds nothing wrong."""
    edit(site, ASB, old, new)
    lines = fails(site.build(capsys=capsys), site, expected)
    assert lines[0] == expected and len(lines) == 2


def test_tab_indentation_says_to_use_spaces(site, capsys):
    edit(site, "content/site.yaml", "  contact_email:", "\tcontact_email:")
    run = site.build(capsys=capsys)
    fails(run, site, "content/site.yaml:12:1: error: the YAML here is malformed: this line is "
                     "indented with a tab; indent with spaces.")


def test_duplicate_key_in_issue_yaml(site, capsys):
    site.write(ISSUE, site.read(ISSUE) + "title: Again\n")
    run = site.build(capsys=capsys)
    fails(run, site, f"{ISSUE}:5: error: 'title' is written twice; keep one.")


# --- theme files and issues ---------------------------------------------------------------------

def test_unknown_theme_file_suggests_the_nearest_theme(site, capsys):
    site.write(f"{MONTH}/hate-crimes.md", site.read(HATE))
    site.remove(HATE)
    run = site.build(capsys=capsys)
    fails(run, site, f"{MONTH}/hate-crimes.md: error: 'hate-crimes' is not a theme; did you mean "
                     "'hate-crime.md'? theme files are named after a slug in content/themes.yaml: "
                     "community-safety-asb, hate-crime. If it is a new theme, add it to "
                     "content/themes.yaml first: '- slug: hate-crimes', with a 'title:' line "
                     "and 'started: 2026-01' (its first month) under it.")


def test_a_theme_file_like_one_the_month_has_is_not_told_to_take_its_name(site, capsys):
    """A trial's new knife-crime.md was asked whether it meant hate-crime.md: renamed, it
    would have replaced the month's Hate Crime update."""
    site.write(f"{MONTH}/knife-crime.md", site.read(HATE))
    run = site.build(capsys=capsys)
    fails(run, site, f"{MONTH}/knife-crime.md: error: 'knife-crime' is not a theme; theme files "
                     "are named after a slug in content/themes.yaml: community-safety-asb, "
                     "hate-crime. If it is a new theme, add it to content/themes.yaml first: "
                     "'- slug: knife-crime', with a 'title:' line and 'started: 2026-01' (its "
                     "first month) under it. If its text is for hate-crime.md, which this month has already, "
                     "move the text there and delete this file.")


def test_bad_rag_value_lists_the_choices(site, capsys):
    edit(site, HATE, "rag: green", "rag: amberish")
    run = site.build(capsys=capsys)
    fails(run, site, f"{HATE}:2: error: 'rag: amberish' is not allowed; write one of: red, amber, "
                     "green, not-rated.")


def test_missing_rag_lists_the_choices(site, capsys):
    edit(site, HATE, "rag: green\n", "summary: Centres opened.\n")
    run = site.build(capsys=capsys)
    fails(run, site, f"{HATE}:2: error: 'rag' is missing; write one of: red, amber, green, not-rated.")


def test_impossible_published_date_is_a_message_not_a_crash(site, capsys):
    edit(site, ISSUE, "published: 2026-01-20", "published: 2026-02-30")
    run = site.build(capsys=capsys)
    fails(run, site, f"{ISSUE}:3: error: 'published: 2026-02-30' is not a real date; check the "
                     "day and the month (YYYY-MM-DD, like 2026-02-20).")


def test_a_yaml_tag_is_a_message_not_a_crash(site, capsys):
    edit(site, ISSUE, "title: Monthly Update", "title: !Monthly Update")
    run = site.build(capsys=capsys)
    fails(run, site, f"{ISSUE}:1:8: error: the tag '!Monthly' cannot be used here; remove it, or "
                     "put text that starts with '!' in quotes.")


# --- tables -----------------------------------------------------------------------------------------

def test_data_table_row_with_the_wrong_number_of_cells(site, capsys):
    edit(site, PATROLS, "[South, 800]", "[South, 800, 12]")
    run = site.build(capsys=capsys)
    fails(run, site, f"{PATROLS}:7: error: row 2 (South) has 3 cells but the table has 2 "
                     "columns (area, patrols).")


def test_data_table_row_with_too_few_cells_names_the_row_and_how_its_cells_are_read(site, capsys):
    """'row 1 has 1 cell' left an editor to count rows and guess what to write; and an
    example filled at the end put a figure under the wrong column where the cell left out
    was in the middle (a reader's trial)."""
    edit(site, PATROLS, "[North, 1200]", "[North]")
    run = site.build(capsys=capsys)
    line = line_starting(run, f"{PATROLS}:6: error: row 1 (North) has 1 cell but the table has "
                              "2 columns (area, patrols): read in order, that is area North, "
                              "and nothing for patrols. Write a cell for each column, in that "
                              "order, with ~ for one not known.")
    assert "comma" not in line
    fails(run, site)


def test_quoted_number_with_commas_in_a_number_column(site, capsys):
    edit(site, PATROLS, "[North, 1200]", '[North, "1,200"]')
    run = site.build(capsys=capsys)
    fails(run, site, f"{PATROLS}:6: error: in row 1 (North), the Patrols cell ('patrols') must be a number, not '1,200' "
                     "(write numbers without commas or spaces); write ~ for a figure not known.")


def test_unquoted_number_with_commas_explains_the_extra_cell(site, capsys):
    # In [North, 1,200] YAML sees three cells: North, 1 and 200.
    edit(site, PATROLS, "[North, 1200]", "[North, 1,200]")
    run = site.build(capsys=capsys)
    fails(run, site, f"{PATROLS}:6: error: row 1 (North) has 3 cells but the table has 2 "
                     "columns (area, patrols). If a number is written with a comma, like 1,200, write it 1200.")


def test_number_with_commas_in_a_block_list_row(site, capsys):
    edit(site, PATROLS, "  - [North, 1200]", "  -\n    - North\n    - 1,200")
    run = site.build(capsys=capsys)
    fails(run, site, f"{PATROLS}:7: error: in row 1 (North), the Patrols cell ('patrols') must be a number, not '1,200' "
                     "(write numbers without commas or spaces)")


def test_infinite_number_in_a_table_is_a_message_not_a_crash(site, capsys):
    edit(site, PATROLS, "[South, 800]", "[South, .inf]")
    run = site.build(capsys=capsys)
    fails(run, site, f"{PATROLS}:7: error: in row 2 (South), the Patrols cell ('patrols') must be a number, not 'inf'")


def test_table_with_no_columns_is_an_error(site, capsys):
    site.write(PATROLS, "title: Patrols\ncolumns: []\nrows:\n  - [North, 1200]\n")
    run = site.build(capsys=capsys)
    fails(run, site, f"{PATROLS}:2: error: 'columns' is empty; add the columns as a list, each "
                     "starting '- '.")


# --- required keys, emails, slugs ------------------------------------------------------------------

def test_missing_required_keys_in_site_yaml(site, capsys):
    site.write("content/site.yaml", "base_url: https://example.org/\n")
    run = site.build(capsys=capsys)
    fails(run, site,
          "content/site.yaml:1: error: 'title' is missing; add a line like "
          "'title: Community Safety Bulletin'.",
          "content/site.yaml:1: error: 'organisation' is missing; add a line like "
          "'organisation: County Community Safety Unit'.",
          "content/site.yaml:1: error: 'accessibility' is missing; the accessibility statement "
          "needs contact_email, enforcement_url, prepared and reviewed dates.")


def test_missing_required_keys_in_accessibility(site, capsys):
    edit(site, "content/site.yaml", "  reviewed: 2026-02-10\n", "")
    edit(site, "content/site.yaml", "  contact_email: access@minimalshire.gov.uk\n", "")
    run = site.build(capsys=capsys)
    fails(run, site,
          "content/site.yaml:10: error: 'accessibility.contact_email' is missing; add a line like "
          "'contact_email: name@example.org'.",
          "content/site.yaml:10: error: 'accessibility.reviewed' is missing; write a date like "
          "'reviewed: 2026-02-20'.")


def test_missing_site_yaml(site, capsys):
    site.remove("content/site.yaml")
    run = site.build(capsys=capsys)
    fails(run, site, "content/site.yaml: error: this file is missing; it holds the site's title "
                     "and settings.")


def test_missing_table_title_and_rows(site, capsys):
    site.write(PATROLS, "columns:\n  - {key: area, label: Area}\n")
    run = site.build(capsys=capsys)
    fails(run, site,
          f"{PATROLS}:1: error: 'rows' is missing; add one line per row like "
          "'- [North, 219, 228]'.",
          f"{PATROLS}:1: error: 'title' is missing; add a line like 'title: Drug tests by CSP'.")


def test_bad_email_in_a_theme_contact(site, capsys):
    edit(site, "content/themes.yaml", "ann@minimalshire.gov.uk", "ann at example.org")
    run = site.build(capsys=capsys)
    fails(run, site, "content/themes.yaml:7: error: 'themes.contacts.email: ann at example.org' is "
                     "not an email address; write it like 'email: name@yourcouncil.gov.uk'.")


def test_bad_email_in_a_monthly_contact(site, capsys):
    edit(site, HATE, "rag: green", "rag: green\ncontacts:\n  - name: Alex\n    email: alex@")
    run = site.build(capsys=capsys)
    fails(run, site, f"{HATE}:5: error: 'contacts.email: alex@' is not an email address; write it "
                     "like 'email: name@yourcouncil.gov.uk'.")


def test_duplicate_theme_slug(site, capsys):
    """The second was kept too, so its pages clashed: 'content:1:1: error: two items would
    both be published at /themes/...' (no file to open) came before the real error."""
    edit(site, "content/themes.yaml", "slug: hate-crime", "slug: community-safety-asb")
    run = site.build(capsys=capsys)
    lines = fails(run, site, "content/themes.yaml:8: error: the theme slug 'community-safety-asb' "
                             "is used twice; each theme needs its own.")
    assert lines[0].startswith("content/themes.yaml:8:")
    assert "would both be published" not in run.err


def test_empty_theme_list(site, capsys):
    site.write("content/themes.yaml", "themes: []\n")
    run = site.build(capsys=capsys)
    lines = fails(run, site, "content/themes.yaml:1: error: 'themes' is empty; add the themes as a "
                             "list, each starting '- '.")
    assert "is not a theme" not in run.err
    assert len(lines) == 2


def test_bad_base_url(site, capsys):
    edit(site, "content/site.yaml", "https://bulletin.testshire.gov.uk/test-bulletin/", "example.org/bulletin")
    run = site.build(capsys=capsys)
    fails(run, site, "content/site.yaml:3: error: 'base_url' must be the full address the site is "
                     "published at, like 'https://example.org/bulletin/'.")


def test_a_missing_base_url_is_one_error_saying_what_to_add(site, capsys):
    edit(site, "content/site.yaml", "base_url: https://bulletin.testshire.gov.uk/test-bulletin/\n", "")
    run = site.build(capsys=capsys)
    fails(run, site, "content/site.yaml:1: error: 'base_url' is missing; add a line like "
                     "'base_url: https://example.org/bulletin/'.")
    assert run.err.count("base_url") == 2, run.err   # the message, and its example


@pytest.mark.parametrize("written", ["footer: 5\n", "footer:\n  - name: Ann\n    email: ann@minimalshire.gov.uk\n"])
def test_a_footer_not_written_as_contacts_is_an_error(site, capsys, written):
    """It was dropped without a word, and with it the footer's contacts (a developer's trial)."""
    edit(site, "content/site.yaml", "footer:\n  contacts:\n    - name: Test Team\n"
                                    "      email: team@minimalshire.gov.uk\n", written)
    run = site.build(capsys=capsys)
    fails(run, site, "content/site.yaml:6: error: 'footer' must hold a 'contacts:' line, indented "
                     "under it, with the list of contacts below that, each starting '- name:' "
                     "with an 'email:' line.")


@pytest.mark.parametrize("written, at, message", [
    ("corrections: Fixed the figure.\n", 3, "'corrections' must be a list of corrections (a "
     "'- date:' line and a 'note:' line below it), each starting '- '."),
    ("corrections:\n  - date: 5 March 2026\n    note: Fixed.\n", 4, "'corrections.date' is not "
     "a date: write it as YYYY-MM-DD, like 'date: 2026-03-05', the year first (got '5 March "
     "2026')."),
    ("corrections:\n  - date: 2026-03-05\n", 4, "'corrections.note' is missing; add a line like "
     "'note: The number of centres was given as 11; it is 18.'."),
])
def test_a_correction_written_wrongly_says_what_to_write(site, capsys, written, at, message):
    edit(site, HATE, "rag: green\n", "rag: green\n" + written)
    run = site.build(capsys=capsys)
    fails(run, site, f"{HATE}:{at}: error: {message}")


def test_theme_file_that_is_not_utf8(site, capsys):
    (site.root / HATE).write_bytes(b"---\nrag: green\n---\nCaf\xe9 opened.\n")
    run = site.build(capsys=capsys)
    lines = fails(run, site, f"{HATE}:4: error: this file is not UTF-8 text; save it as UTF-8")
    assert "there is no file for the theme" not in run.err
    assert len(lines) == 2


def test_binary_data_table(site, capsys):
    (site.root / PATROLS).write_bytes(b"\x00\x01\x02 not yaml")
    run = site.build(capsys=capsys)
    lines = fails(run, site, f"{PATROLS}: error: this is not a text file (it contains binary data)")
    assert "has no file patrols.yaml" not in run.err and "names no table" not in run.err
    assert len(lines) == 2


# --- all at once, in file order ---------------------------------------------------------------------

def test_every_problem_in_every_file_is_reported_in_one_run_in_file_order(site, capsys):
    """The site's settings first (a mistake there may be why a month's file is reported:
    an editor's trial read twenty month errors before the themes.yaml one that caused
    them), then every other file by path."""
    edit(site, "content/themes.yaml", "ann@minimalshire.gov.uk", "ann at example.org")   # 2nd
    edit(site, "content/site.yaml", "title: Test Bulletin\n", "")                 # 1st
    edit(site, HATE, "rag: green", "rag: amberish")                               # 3rd
    run = site.build(capsys=capsys)
    lines = fails(run, site)
    starts = ["content/site.yaml:1: error: 'title' is missing",
              "content/themes.yaml:7: error: 'themes.contacts.email: ann at example.org'",
              f"{HATE}:2: error: 'rag: amberish'"]
    found = [next(i for i, line in enumerate(lines) if line.startswith(s)) for s in starts]
    assert found == sorted(found)
    assert lines[-1].startswith("Build failed: 3 errors, 0 warnings.")


def test_problems_in_one_file_are_in_line_order(site, capsys):
    edit(site, ISSUE, "status: published", "status: live")
    edit(site, ISSUE, "month: 2026-01", "month: 2026-02")
    run = site.build(capsys=capsys)
    lines = fails(run, site)
    assert lines[0].startswith(f"{ISSUE}:2: error: 'month: 2026-02'")
    assert lines[1].startswith(f"{ISSUE}:4: error: 'status: live'")


# --- warnings ----------------------------------------------------------------------------------------

def test_warnings_alone_build_and_exit_0(buildable, capsys):
    site = buildable
    site.write("content/site.yaml", site.read("content/site.yaml") + "colour: red\n")
    run = site.build(capsys=capsys)
    assert run.code == 0, run.err
    assert run.err.splitlines() == [
        "content/site.yaml:19: warning: 'colour' is not a key this file uses, so it is ignored. "
        "Known keys here: accessibility, base_url, description, exit_this_page_url, footer, "
        "language, logo, organisation, phase, title."]
    assert "with 1 warning." in run.out
    assert (site.out / "index.html").is_file()


def test_strict_makes_warnings_fail_and_write_nothing(site, capsys):
    site.write("content/site.yaml", site.read("content/site.yaml") + "colour: red\n")
    run = site.build("--strict", capsys=capsys)
    lines = fails(run, site, "content/site.yaml:19: warning: 'colour' is not a key this file uses, "
                             "so it is ignored.")
    assert lines[-1].startswith("Build failed: 0 errors, 1 warning (--strict fails on warnings).")


def test_a_misspelt_glossary_list_fails_the_build(site, capsys):
    """It took every abbreviation's explanation off the site with a warning."""
    edit(site, "content/glossary.yaml", "abbreviations:", "abbreviation:")
    run = site.build(capsys=capsys)
    fails(run, site, "content/glossary.yaml:1: error: 'abbreviation' is not a key this file "
                     "uses; did you mean 'abbreviations'?")


def test_a_theme_file_missing_from_the_first_month_is_a_warning(buildable, capsys):
    """Before a theme's first file, a month without one is not a mistake for certain
    (test_coverage: after it, a published month without one fails)."""
    site = buildable
    site.remove(ASB)
    run = site.build(capsys=capsys)
    assert run.code == 0, run.err
    assert run.err.splitlines() == [
        f"{MONTH}: warning: there is no file for the theme 'Community Safety & ASB'; add "
        "community-safety-asb.md (with 'no_update: true' in its front matter if there is no "
        "update this month). If the theme starts later, write 'started: YYYY-MM' (its first "
        "month) under it in content/themes.yaml.",
        # the removed file was the one that showed the month's table
        f"{PATROLS}: warning: this table is not shown: list it in the front matter of the "
        "theme it belongs to ('tables: [patrols]'), or write [table: patrols] on a line of its "
        "own where it should appear; if it belongs to another month, move it into that "
        "month's folder."]
    assert (site.out / "index.html").is_file()


def test_a_missing_theme_file_fails_under_strict(site, capsys):
    site.remove(ASB)
    run = site.build("--strict", capsys=capsys)
    fails(run, site, f"{MONTH}: warning: there is no file for the theme 'Community Safety & ASB'")


# --- stray files and the glossary ------------------------------------------------------------------

def test_files_the_build_ignores_in_a_month_folder_are_warnings(site, capsys):
    site.write(f"{MONTH}/drug-tests.yml", "title: x\n")
    site.write(f"{MONTH}/hate-crime.md.txt", "---\nrag: red\n---\n")
    site.write(f"{MONTH}/serious-violence.md.txt", "---\nrag: red\n---\n")
    site.write(f"{MONTH}/minutes.docx", "x")
    site.write(f"{MONTH}/.DS_Store", "x")
    run = site.build("--strict", capsys=capsys)
    lines = fails(run, site)
    copy = "that an editing program left, and is not published; delete it once you no longer need it."
    assert lines[:-1] == [
        f"{MONTH}/drug-tests.yml: warning: this file is not used: rename it drug-tests.yaml.",
        f"{MONTH}/hate-crime.md.txt: warning: this file is not used: it looks like a copy of "
        f"hate-crime.md {copy}",
        f"{MONTH}/minutes.docx: warning: this file is not used: the build cannot read a .docx "
        "document; copy its text into the theme's .md file (written in Markdown, see "
        "docs/editors-guide.md), then move the document out of content/.",
        f"{MONTH}/serious-violence.md.txt: warning: this file is not used: rename it "
        "serious-violence.md."]


def test_an_editor_s_backup_copy_is_not_to_be_renamed_over_the_file(site, capsys):
    """'hate-crime.md~: rename it hate-crime.md' would have replaced the editor's work."""
    site.write(f"{MONTH}/hate-crime.md~", "---\nrag: red\n---\nAn older draft.\n")
    site.write(f"{MONTH}/#community-safety-asb.md#", "---\nrag: red\n---\n")
    run = site.build("--strict", capsys=capsys)
    lines = fails(run, site)
    said = [line.split(": this file is not used: ")[1] for line in lines[:-1]]
    assert said == [f"it looks like a copy of {name} that an editing program left, and is not "
                    "published; delete it once you no longer need it."
                    for name in ("community-safety-asb.md", "hate-crime.md")]


def test_duplicate_glossary_abbreviation_and_term_slug(site, capsys):
    text = site.read("content/glossary.yaml").replace("abbr: CSP", "abbr: asb")
    site.write("content/glossary.yaml", text + "  - term: county line\n    slug: county-lines\n"
                                               "    definition: Again.\n")
    run = site.build(capsys=capsys)
    fails(run, site,
          "content/glossary.yaml:4: error: the abbreviation 'asb' is listed twice; keep one.",
          "content/glossary.yaml:11: error: the term slug 'county-lines' is used twice; each term "
          "needs its own.")


def test_a_theme_slug_written_as_a_title_gives_one_error_not_one_per_month_file(site, capsys):
    """'slug: Hate Crime' was taken as 'theme-2', and every hate-crime.md was then 'not a
    theme' before the one message that said what was wrong."""
    edit(site, "content/themes.yaml", "slug: hate-crime", "slug: Hate Crime")
    run = site.build(capsys=capsys)
    lines = fails(run, site, "content/themes.yaml:")
    assert len(lines) == 2, run.err
    assert "'themes.slug: Hate Crime' must be lower-case letters, digits and hyphens" in lines[0]


def test_a_glossary_source_that_names_no_page_is_an_error_with_the_page_meant(site, capsys):
    """'source: serious-violence-strat' built with exit 0 and a link to a missing page
    (an editor's trial)."""
    site.write("content/glossary.yaml", site.read("content/glossary.yaml") + "    source: abot\n")
    run = site.build(capsys=capsys)
    fails(run, site, "content/glossary.yaml:10: error: 'terms.source: abot' names no page, and "
                     "the glossary would link to one; write the name of a file in content/pages/ "
                     "without .md (about), or leave 'source:' out. Did you mean 'about'?")


def test_a_glossary_source_is_linked_by_its_page_s_title(buildable, capsys):
    site = buildable
    site.write("content/glossary.yaml", site.read("content/glossary.yaml") + "    source: about\n")
    run = site.build(capsys=capsys)
    assert run.code == 0, run.err
    title = site.read("content/pages/about.md").split("title: ", 1)[1].splitlines()[0]
    assert f'Source: <a class="govuk-link" href="../about/index.html">{title}</a>' in \
        site.page("glossary/index.html")


@pytest.mark.parametrize("written", ["English", "en_GB", "EN-gb"])
def test_a_language_that_is_not_a_language_tag_is_an_error(site, capsys, written):
    """'language: English' became <html lang="English">, which screen readers cannot use
    (WCAG 3.1.1; an editor's trial)."""
    edit(site, "content/site.yaml", "language: en-GB", f"language: {written}")
    run = site.build(capsys=capsys)
    fails(run, site, f"content/site.yaml:4: error: 'language: {written}' is not a language "
                     "tag; write en-GB for English")


def test_a_theme_with_no_text_in_a_published_month_fails_the_build(site, capsys):
    """An editor's trial: a file of front matter alone published its theme's status and
    nothing else, with a warning, where a placeholder left there is an error."""
    site.write(HATE, "---\nrag: red\n---\n")
    edit(site, ASB, "[hate crime update](hate-crime.md#reporting)", "[hate crime update](hate-crime.md)")
    fails(site.build(capsys=capsys), site,
          f"{HATE}:4: error: this theme has no text, in a month that is published; write the "
          "update below the front matter, or set 'no_update: true' if there is none this month.")


def test_a_theme_with_no_text_in_a_draft_month_is_still_to_write(site):
    site.write(HATE, "---\nrag: red\n---\n")
    edit(site, ISSUE, "status: published", "status: draft")
    problems = [str(p) for p in checking.run_check(site.root).problems if "no text" in str(p)]
    assert problems == [f"{HATE}:4: warning: this theme has no text; write the update below "
                        "the front matter, or set 'no_update: true'."]


def test_not_rated_in_a_published_month_without_a_reason_is_a_warning(site):
    """An editor's trial published a month with a theme 'not-rated' and no reason: 'bulletin
    new' carries the status on, not its reason; the editor's guide asks for one."""
    edit(site, HATE, "rag: green", "rag: not-rated")
    said = [str(p) for p in checking.run_check(site.root).problems if "not-rated" in str(p)]
    assert said == [f"{HATE}:2: warning: this theme is 'not-rated' and does not say why; "
                    "readers see 'Not rated' alone. Say why in 'rag_note:' (like 'rag_note: "
                    "The board rates it in April.'), or rate it red, amber or green."]
    edit(site, HATE, "rag: not-rated", "rag: not-rated\nrag_note: Rated by the board in April.")
    assert not [p for p in checking.run_check(site.root).problems if "not-rated" in str(p)]


def test_not_rated_in_a_draft_month_is_left_to_the_editor(site):
    edit(site, HATE, "rag: green", "rag: not-rated")
    edit(site, ISSUE, "status: published", "status: draft")
    assert not [p for p in checking.run_check(site.root).problems if "does not say why" in str(p)]
