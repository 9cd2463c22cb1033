"""builder.fieldlists: the lists of small mappings an editor writes (contacts, and any
list `Fields.list_of_mappings` reads), and what is said when one is not a list."""
from __future__ import annotations

import pytest

from builder.fields import Fields
from builder.sources import parse_yaml
from builder.templating import tel_link

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


def test_a_contact_s_key_with_two_letters_swapped_is_told_the_key_it_means_and_no_more():
    """An editor's trial: 'nmae:' (0.75 alike 'name' by difflib's count) was a warning
    listing the known keys, beside an error saying the contact had no name."""
    text = "contacts:\n  - nmae: Vicki Doyle\n    email: vicki@example.org\n"
    assert said(text, lambda f: f.contacts("contacts")) == [
        f"{PATH}:2: error: 'nmae' is not a key this file uses; did you mean 'name'? As it is "
        "written, what it says is left out."]


def contacts(text: str):
    located, problems = parse_yaml(text, PATH)
    assert problems == [], problems
    f = Fields(located)
    return f.contacts("contacts"), [str(p) for p in f.problems]


def test_a_contact_may_have_a_phone_number_which_is_dialled_when_tapped():
    """Councils list a phone number beside the email; 'phone:' was an unknown key."""
    found, problems = contacts("contacts:\n  - name: Sam Jones\n    email: sam@example.org\n"
                               "    phone: 01992 555555\n  - name: Pat Lee\n"
                               "    email: pat@example.org\n    phone: +44 (0)1992 555-555\n"
                               "  - name: Lee Ray\n    email: lee@example.org\n")
    assert problems == []
    assert [c.phone for c in found] == ["01992 555555", "+44 (0)1992 555-555", None]
    assert [tel_link(c.phone) for c in found[:2]] == ["tel:01992555555", "tel:+441992555555"]


def test_a_phone_number_written_as_a_yaml_number_is_kept_as_written():
    # YAML reads 01234567 as a number in base 8, 342391
    found, problems = contacts("contacts:\n  - name: Sam Jones\n    email: sam@example.org\n"
                               "    phone: 01234567\n")
    assert problems == [] and found[0].phone == "01234567"


def test_a_phone_number_that_is_none_is_an_error_saying_how_to_write_one():
    found, problems = contacts("contacts:\n  - name: Sam Jones\n    email: sam@example.org\n"
                               "    phone: ask at reception\n")
    assert found[0].phone is None
    assert problems == [
        f"{PATH}:4: error: 'contacts.phone: ask at reception' is not a phone number; write its "
        "digits, with spaces if you like, like 'phone: 01992 555555'."]


@pytest.mark.parametrize("written", ["(01992) 555555", "01992-555-555", "+44 1992 555555"])
def test_a_phone_number_may_be_written_with_brackets_hyphens_or_a_country_s_code(written):
    found, problems = contacts("contacts:\n  - name: Sam Jones\n    email: sam@example.org\n"
                               f"    phone: {written}\n")
    assert problems == [] and found[0].phone == written


@pytest.mark.parametrize("written", ["01992) 555555", "(01992 555555", "0199 5555 x",
                                     "1" * 30 + "x", "123"])
def test_a_phone_number_written_wrong_is_told_at_once(written):
    """A review: the first pattern backtracked for minutes over 30 digits and an 'x'."""
    found, problems = contacts("contacts:\n  - name: Sam Jones\n    email: sam@example.org\n"
                               f"    phone: \"{written}\"\n")
    assert found[0].phone is None and "is not a phone number" in problems[0]
