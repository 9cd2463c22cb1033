"""builder.writing: content files written as editors write them, quoted only when needed.
Each value written is read back by PyYAML, as the build will read it."""
from __future__ import annotations

import pytest
import yaml

from builder.model import Contact
from builder.writing import contacts_block, front_matter, quoted, quoted_list, scalar


@pytest.mark.parametrize("text", ["Patrols rose", "Ann Example", "ann@minimalshire.gov.uk", "It's up",
                                  "café", "2026 figures"])
def test_text_yaml_reads_back_as_itself_is_written_plain(text):
    assert scalar(text) == text and yaml.safe_load(f"k: {scalar(text)}")["k"] == text


@pytest.mark.parametrize("text", ["", "yes", "no", "12", "1.5", "2026-01-20", "null", "~",
                                  "Note: later", "#1 priority", "a # b", "- item", "[x]", "*New*",
                                  "@police", "'quoted'", "ends with: ", "two\nlines", "trailing "])
def test_text_yaml_would_read_otherwise_is_double_quoted_and_reads_back(text):
    written = scalar(text)
    assert written == quoted(text) and written.startswith('"')
    assert yaml.safe_load(f"k: {written}")["k"] == text


def test_quoting_keeps_letters_as_they_are():
    assert quoted('The "hub" — café') == '"The \\"hub\\" — café"'


def test_contacts_are_written_as_a_list_of_name_and_email_lines():
    lines = contacts_block([Contact("Ann: Lead", "ann@minimalshire.gov.uk")], indent="  ")
    assert lines == ["  contacts:", '    - name: "Ann: Lead"', "      email: ann@minimalshire.gov.uk"]
    assert yaml.safe_load("\n".join(lines)) == {
        "contacts": [{"name": "Ann: Lead", "email": "ann@minimalshire.gov.uk"}]}


def test_a_contact_s_phone_is_carried_on_a_line_of_its_own_as_written():
    """`bulletin new` copies last month's contacts: a phone number was dropped."""
    lines = contacts_block([Contact("Ann", "ann@minimalshire.gov.uk", "+441992555555")])
    assert lines[-1] == '    phone: "+441992555555"'   # quoted: YAML would read a number
    assert yaml.safe_load("\n".join(lines))["contacts"][0]["phone"] == "+441992555555"


def test_a_list_of_notes_is_written_quoted_one_a_line():
    assert quoted_list("editor_notes", ["Check: figures", "Ask Ann"]) == [
        "editor_notes:", '  - "Check: figures"', '  - "Ask Ann"']


def test_front_matter_is_its_lines_between_dashes_then_the_body():
    assert front_matter(["rag: green", "summary: Up"], "## Text\n") == \
        "---\nrag: green\nsummary: Up\n---\n## Text\n"
