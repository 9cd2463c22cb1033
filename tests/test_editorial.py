"""The editorial checks `bulletin check` adds: placeholders, glossary gaps, emails, dates."""
from __future__ import annotations

import re
from datetime import date

from builder.checking import run_check

TODAY = date(2026, 11, 21)


def messages(site):
    return [str(p) for p in run_check(site.root, TODAY).problems]


def test_a_placeholder_in_a_published_issue_is_an_error_with_its_column(site):
    site.write("content/bulletins/2026-01/hate-crime.md",
               "---\nrag: green\n---\n## Reporting\n\nSo far [[to do: the figures]].\n")
    found = [m for m in messages(site) if "placeholder" in m]
    assert found == [m for m in found if m.startswith(
        "content/bulletins/2026-01/hate-crime.md:6:8: error: '[[to do: the figures]]' is a "
        "placeholder left by 'bulletin new'")] and len(found) == 1


def test_a_placeholder_in_a_draft_is_listed_as_a_warning(site):
    """`bulletin new` says 'bulletin check' lists them; it once said nothing of a draft's."""
    site.write("content/bulletins/2026-01/issue.yaml", "title: T\nmonth: 2026-01\nstatus: draft\n")
    site.write("content/bulletins/2026-01/hate-crime.md",
               "---\nrag: green\n---\n## Reporting\n\n[[to do: the figures]]\n")
    assert [m for m in messages(site) if "to do" in m] == [
        "content/bulletins/2026-01/hate-crime.md:6:1: warning: '[[to do: the figures]]' is still "
        "to write; this month is a draft, so it is not published until its issue.yaml says "
        "'status: published'."]


def test_abbreviations_missing_from_the_glossary_are_reported_once_with_a_count(site):
    site.write("content/pages/about.md", "---\ntitle: About\n---\nThe ABC and the ABC's ABCs.\n")
    found = [m for m in messages(site) if "'ABC'" in m]
    assert len(found) == 1
    assert found[0].startswith("content/pages/about.md:4:5: warning: 'ABC' looks like an "
                               "abbreviation but is not in content/glossary.yaml (used 3 times")


def test_not_abbreviations_silences_a_word(site):
    site.write("content/pages/about.md", "---\ntitle: About\n---\nThe UK.\n")
    assert any("'UK'" in m for m in messages(site))
    glossary = site.read("content/glossary.yaml")
    site.write("content/glossary.yaml", glossary + "not_abbreviations: [UK]\n")
    assert not any("'UK'" in m for m in messages(site))


def test_capitals_in_addresses_code_and_shouted_phrases_are_not_abbreviations(site):
    site.write("content/pages/about.md", "---\ntitle: About\n---\nSee [it](https://x.org/ABC) "
               "and `XYZ` at GOV.UK, FOR HERTFORDSHIRE.\n")
    assert not any("looks like an abbreviation" in m for m in messages(site))


def test_plain_text_emails_and_broken_mailto_links(site):
    site.write("content/bulletins/2026-01/hate-crime.md",
               "---\nrag: green\n---\n## Reporting\n\nEmail ann@minimalshire.gov.uk or "
               "[bob@example.org](mailto:bob@example.org) or [me](mailto:not-an-address) or "
               "[carl@example.org](mailto:dave@example.org).\n")
    found = messages(site)
    assert any(m.startswith("content/bulletins/2026-01/hate-crime.md:6:7: warning: the address "
                            "ann@minimalshire.gov.uk is plain text") for m in found)
    assert any(":6:" in m and "error: 'mailto:not-an-address' is not an email address" in m
               for m in found)
    assert any("the link text 'carl@example.org' is not the address it sends to" in m
               for m in found)
    assert not any("bob@example.org is plain text" in m for m in found)


def test_an_email_address_a_deck_links_itself_is_not_called_plain_text(site):
    """A deck links bare addresses as reveal-md did; the check still told its author
    readers could not click one. A broken mailto: link in a deck is still an error."""
    site.write("content/decks/talk.md", "---\ntitle: Talk\n---\n## Contact\n\n"
               "Email ann@minimalshire.gov.uk or [me](mailto:not-an-address).\n")
    found = messages(site)
    assert not any("plain text" in m for m in found), found
    assert any(m.startswith("content/decks/talk.md:6:") and "'mailto:not-an-address' is not "
               "an email address" in m for m in found), found


def test_publication_dates_that_cannot_be_right(site):
    for published, message in [("2025-12-31", "is before January 2026 begins"),
                               ("2026-06-01", "is more than three months after January 2026"),
                               ("2026-12-01", "is in the future but the issue is published")]:
        site.write("content/bulletins/2026-01/issue.yaml",
                   f"title: T\nmonth: 2026-01\npublished: {published}\nstatus: published\n")
        assert any(m.startswith("content/bulletins/2026-01/issue.yaml:3: warning: "
                                f"'published: {published}' {message}") for m in messages(site))


def test_a_correction_dated_before_its_issue_was_published_is_a_warning(site):
    """A trial's year typed wrong was published as "Corrected on 5 March 2025", and the
    feed never told its readers of the correction."""
    hate = "content/bulletins/2026-01/hate-crime.md"
    site.write(hate, site.read(hate).replace(
        "rag: green\n", "rag: green\ncorrections:\n  - date: 2025-03-05\n    note: Was 12.\n"
                        "  - date: 2026-03-05\n    note: Was 21.\n"))
    assert [m for m in messages(site) if "correction" in m] == [
        f"{hate}:4: warning: this correction's 'date: 2025-03-05' is before the issue was "
        "published (20 January 2026), and a correction comes after; check the date (the year, "
        "say)."]


def test_a_new_months_table_left_with_last_months_rows_is_a_warning(site):
    """`bulletin new` copies a table under a placeholder comment; deleting the comment alone
    would publish the month before's figures as this month's."""
    from builder.newmonth import create_month
    create_month(site.root, "2026-03")
    table = "content/bulletins/2026-03/patrols.yaml"
    site.write(table, "\n".join(l for l in site.read(table).splitlines() if "to do" not in l))
    assert [m for m in messages(site) if "same as" in m] == [
        f"{table}:5: warning: these rows are the same as January 2026's "
        "(content/bulletins/2026-01/patrols.yaml); update the figures for March 2026, or "
        "check that none changed."]
    site.write(table, site.read(table).replace("[South, 800]", "[South, 812]"))
    assert not [m for m in messages(site) if "same as" in m]


def test_a_table_with_a_row_added_wrongly_is_not_said_to_be_last_months(site):
    """An editor's trial: a row with a cell too few was left out as a mistake, and the rows
    left were last month's, so check said no row had changed beside the row's error."""
    from builder.newmonth import create_month
    create_month(site.root, "2026-03")
    table = "content/bulletins/2026-03/patrols.yaml"
    site.write(table, site.read(table).replace("[South, 800]", "[South, 800]\n  - [West]"))
    said = messages(site)
    assert any(m.startswith(f"{table}:") and "row 3 (West) has 1 cell" in m for m in said), said
    assert not [m for m in said if "same as" in m]


def test_a_settled_months_table_is_not_compared_with_the_month_before(site):
    site.write("content/bulletins/2025-12/issue.yaml", "title: T\nmonth: 2025-12\n")
    site.write("content/bulletins/2025-12/hate-crime.md", "---\nrag: green\ntables: [patrols]\n---\nText.\n")
    site.write("content/bulletins/2025-12/patrols.yaml",
               site.read("content/bulletins/2026-01/patrols.yaml"))
    site.write("content/bulletins/2026-02/issue.yaml", "title: T\nmonth: 2026-02\n")
    site.write("content/bulletins/2026-02/hate-crime.md", "---\nrag: green\n---\nText.\n")
    assert not [m for m in messages(site) if "same as" in m]


def test_settings_written_in_capitals_are_not_called_abbreviations(site):
    """'rag: AMBER' is read as amber; check then called AMBER an abbreviation."""
    site.write("content/bulletins/2026-01/hate-crime.md", "---\nrag: AMBER\n---\nText.\n")
    assert not any("'AMBER'" in m for m in messages(site))
    site.write("content/pages/about.md", "---\ntitle: About\n---\nAn AMBER alert.\n")
    assert any("'AMBER'" in m for m in messages(site))   # in prose it still is one


def test_front_matter_never_closed_is_not_read_for_plain_text_emails(site):
    """Its contacts' addresses were told to become Markdown links inside the YAML."""
    site.write("content/bulletins/2026-01/hate-crime.md",
               "---\nrag: green\ncontacts:\n  - name: Ann\n    email: ann@minimalshire.gov.uk\n"
               "## Reporting\n\nText.\n")
    found = messages(site)
    assert any("front matter" in m and "never closed" in m for m in found), found
    assert not any("plain text" in m for m in found), found


def test_an_example_base_url_is_a_warning_until_the_real_address_is_written(site):
    """Every canonical link, the feed and the sitemap pointed at example.org, and neither
    build nor check said so (a reader's trial)."""
    assert not any("example address" in m for m in messages(site))
    text = site.read("content/site.yaml")
    site.write("content/site.yaml", re.sub(r"base_url: \S+", "base_url: https://example.org/b/", text))
    found = [m for m in messages(site) if "example address" in m]
    assert len(found) == 1 and found[0].startswith("content/site.yaml:3: warning: base_url is "
                                                   "still an example address"), found


def test_a_date_check_names_the_line_of_a_published_key_written_in_quotes(site):
    """The check looked for 'published:' at a line's start in the file's text, so a key
    written in quotes (as a tool that writes JSON-like YAML writes it) was put on line 1."""
    site.write("content/bulletins/2026-01/issue.yaml",
               '"title": T\n"month": 2026-01\n"published": 2025-12-31\n"status": published\n')
    assert [m for m in messages(site) if "'published: 2025-12-31'" in m] == [
        "content/bulletins/2026-01/issue.yaml:3: warning: 'published: 2025-12-31' is before "
        "January 2026 begins; check the date."]


def test_repeated_rows_are_reported_at_a_quoted_rows_key(site):
    """As with 'published': the line of a quoted 'rows' key was not found in the text."""
    from builder.newmonth import create_month
    create_month(site.root, "2026-03")
    table = "content/bulletins/2026-03/patrols.yaml"
    site.write(table, "\n".join(l for l in site.read(table).splitlines()
                                if "to do" not in l).replace("rows:", "'rows':"))
    assert [m.split(" warning:")[0] for m in messages(site) if "same as" in m] == [f"{table}:5:"]


def test_an_example_base_url_is_reported_at_its_key_written_in_quotes(site):
    text = site.read("content/site.yaml")
    site.write("content/site.yaml", re.sub(r"base_url: \S+", '"base_url": https://example.org/b/',
                                           text))
    assert [m.split(" warning:")[0] for m in messages(site) if "example address" in m] == [
        "content/site.yaml:3:"]


def test_an_email_address_at_an_example_domain_is_a_warning_once_a_line(site):
    """bulletin init's contacts are at example.org; check said nothing of them, so a site
    could be published asking readers to write to no one."""
    theme = "content/bulletins/2026-01/hate-crime.md"
    site.write(theme, site.read(theme) + "\nWrite to [x@example.com](mailto:x@example.com) or "
               "y@sub.example.net, not z@example.org.uk.\n")
    found = [m for m in messages(site) if "domain kept for examples" in m]
    assert [m.partition(" warning: ")[2].partition(" is at")[0] for m in found] == [
        "'x@example.com'", "'y@sub.example.net'"], found
    assert found[0].startswith(theme + ":")
