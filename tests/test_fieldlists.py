"""builder.fieldlists: the lists of small mappings an editor writes (contacts, and any
list `Fields.list_of_mappings` reads), and what is said when one is not a list."""
from __future__ import annotations

from builder.fields import Fields
from builder.sources import parse_yaml

PATH = "content/bulletins/2026-01/hate-crime.md"


def said(text: str, read) -> list[str]:
    located, problems = parse_yaml(text, PATH)
    assert problems == [], problems
    f = Fields(located)
    read(f)
    return [str(p) for p in f.problems]


def test_a_contact_written_with_no_space_after_its_dashes_is_named_line_by_line():
    """'-name:' and '-email:' make a mapping of two odd keys, which was told only that
    'contacts' must be a list, at 'contacts:'."""
    text = "contacts:\n  -name: Sam Jones\n  -email: sam@example.org\n"
    assert said(text, lambda f: f.contacts("contacts")) == [
        f"{PATH}:2: error: this '-' has no space after it, so '-name' reads as a key, not a "
        "list item; write '- name: Sam Jones', with a space after the '-'.",
        f"{PATH}:3: error: '-email' starts with '-', but only an item's first line does; "
        "write 'email: sam@example.org' lined up under 'name:' above it, if it belongs to "
        "that item."]


def test_any_list_of_items_written_with_no_space_after_its_dash_names_the_line():
    text = "corrections:\n  -date: 2026-02-01\n"
    assert said(text, lambda f: f.list_of_mappings("corrections")) == [
        f"{PATH}:2: error: this '-' has no space after it, so '-date' reads as a key, not a "
        "list item; write '- date: 2026-02-01', with a space after the '-'."]


def test_a_mapping_where_a_list_belongs_is_still_told_to_be_a_list():
    assert said("contacts:\n  name: Sam\n", lambda f: f.contacts("contacts")) == [
        f"{PATH}:1: error: 'contacts' must be a list of contacts, each written '- name: Full "
        "Name' with 'email: name@example.org' below it."]


def test_two_contacts_written_with_no_space_after_their_dashes_are_both_named():
    """A review: YAML read '-name' twice as one key, which was told 'written twice; keep
    one', and only the second contact's lines were named."""
    text = ("contacts:\n  -name: Sam Jones\n  -email: sam@example.org\n"
            "  -name: Jo Bloggs\n  -email: jo@example.org\n")
    assert [p.split(": error: ")[1][:40] for p in said(text, lambda f: f.contacts("contacts"))] == [
        "this '-' has no space after it, so '-nam", "'-email' starts with '-', but only an it",
        "this '-' has no space after it, so '-nam", "'-email' starts with '-', but only an it"]


def test_a_contact_s_key_written_with_a_slip_is_not_also_said_to_be_missing():
    """A review: 'emial:' was told 'did you mean email?' and that the contact has no email,
    which asked for a line the editor had written."""
    text = "contacts:\n  - name: Sam Jones\n    emial: sam@example.org\n"
    assert said(text, lambda f: f.contacts("contacts")) == [
        f"{PATH}:3: error: 'emial' is not a key this file uses; did you mean 'email'? As it is "
        "written, what it says is left out."]
