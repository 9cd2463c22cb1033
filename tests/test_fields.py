"""builder.fields: typed values out of YAML, each mistake a message with the key and an example.

Each test parses a few lines of YAML and reads them through `Fields`, as the
content readers do; no file or build is involved.
"""
from __future__ import annotations

from datetime import date

import pytest

from builder.errors import Severity
from builder.fields import Fields, read_mapping, require_mapping
from builder.model import Contact, Rag
from builder.sources import Source, parse_yaml

PATH = "content/bulletins/2026-01/issue.yaml"


def fields(text: str, *prefix) -> Fields:
    located, problems = parse_yaml(text, PATH)
    assert problems == [], problems
    f = Fields(located)
    return f.child(*prefix) if prefix else f


def said(f: Fields) -> list[str]:
    return [str(p) for p in f.problems]


# --- text ------------------------------------------------------------------------------------

def test_text_is_stripped():
    f = fields("title: '  Monthly Update  '\n")
    assert f.text("title") == "Monthly Update" and f.problems == []


@pytest.mark.parametrize("yaml_text", ["other: x\n", "title:\n", "title: ''\n", "title: ~\n"])
def test_missing_required_text_names_the_key_and_an_example(yaml_text):
    f = fields(yaml_text)
    assert f.text("title", example="CCSU Monthly RAG Update") is None
    assert said(f) == [f"{PATH}:1: error: 'title' is missing; add a line like "
                       "'title: CCSU Monthly RAG Update'."]


def test_a_key_written_with_a_slip_is_not_also_called_missing():
    """An editor's trial: 'row:' for 'rows:' was told both that 'rows' is missing and
    'did you mean rows?'; the second says it all."""
    f = fields("titel: CCSU Monthly RAG Update\n")
    f.unknown_keys({"title"})
    assert f.text("title", example="CCSU Monthly RAG Update") is None
    assert said(f) == [f"{PATH}:1: error: 'titel' is not a key this file uses; did you mean "
                       "'title'? As it is written, what it says is left out."]


def test_a_required_key_is_still_missing_beside_a_slip_meant_for_another_key():
    """'totle:' beside 'total:' may be either's slip: 'title' missing stays an error."""
    f = fields("totle: 2026\ntotal: 5\n")
    f.unknown_keys({"title", "total"})
    f.text("title")
    assert f"{PATH}:1: error: 'title' is missing; add a line like 'title: some text'." in said(f)


def test_missing_optional_text_is_none_without_a_problem():
    f = fields("other: x\n")
    assert f.text("summary", required=False) is None and f.problems == []


def test_a_list_where_text_belongs_names_the_key_and_an_example():
    f = fields("month: 2026-01\ntitle:\n  - Monthly\n  - Update\n")
    assert f.text("title", example="Monthly Update") is None
    assert said(f) == [f"{PATH}:2: error: 'title' must be text, not a list; write "
                       "'title: Monthly Update'."]


def test_keys_under_a_text_key_name_the_key_and_an_example():
    f = fields("title:\n  name: Monthly\n")
    f.text("title", example="Monthly Update")
    assert said(f) == [f"{PATH}:1: error: 'title' must be text, not a set of keys; write "
                       "'title: Monthly Update'."]


@pytest.mark.parametrize("word, shown", [("yes", "yes"), ("no", "no"), ("off", "no")])
def test_a_yes_no_word_where_text_belongs_asks_for_quotes(word, shown):
    f = fields(f"summary: {word}\n")
    assert f.text("summary") is None
    assert said(f) == [f"{PATH}:1: error: 'summary' must be text; put the value in quotes, "
                       f"like summary: \"{shown}\"."]


@pytest.mark.parametrize("written", ["2026", "01707123456", "2019.20", "1e3", "10:30", "0x1F",
                                     "2026-02-20", "1_000"])
def test_a_number_or_date_where_text_belongs_is_kept_exactly_as_written(written):
    # YAML reads these as numbers (01707123456 as octal 253536046) or dates; as text they
    # must read as the editor wrote them, without a complaint.
    f = fields(f"contact_phone: {written}\n")
    assert f.text("contact_phone") == written
    assert f.problems == []


def test_a_number_in_a_nested_text_field_is_kept_as_written():
    f = fields("accessibility:\n  contact_phone: 01707123456\n", "accessibility")
    assert f.text("contact_phone") == "01707123456"


# --- whole numbers ------------------------------------------------------------------------

def test_integer_reads_a_whole_number():
    f = fields("order: 3\n")
    assert f.integer("order") == 3 and f.problems == []


@pytest.mark.parametrize("written, shown", [("first", "first"), ('"3"', "3"), ("2.5", "2.5"),
                                            ("true", "True"), ("1,200", "1,200")])
def test_wrong_type_for_a_whole_number_names_the_key_and_an_example(written, shown):
    f = fields(f"title: x\norder: {written}\n")
    assert f.integer("order", default=100) == 100
    assert said(f) == [f"{PATH}:2: error: 'order' must be a whole number, not '{shown}'; write "
                       "it without quotes or commas, like 'order: 1'."]


def test_missing_required_whole_number_names_the_key_and_an_example():
    f = fields("priorities:\n  - title: Tackle ASB\n", "priorities", 0)
    assert f.integer("number", required=True) == 0
    assert said(f) == [f"{PATH}:2: error: 'priorities.number' is missing; write a whole number, "
                       "like 'number: 1'."]


# --- dates ------------------------------------------------------------------------------------

def test_day_reads_a_date_and_a_datetime():
    f = fields("published: 2026-02-20\nprepared: 2026-02-20 10:30:00\n")
    assert f.day("published") == date(2026, 2, 20)
    assert f.day("prepared") == date(2026, 2, 20)
    assert f.problems == []


@pytest.mark.parametrize("written, meant", [("20/03/2026", "2026-03-20"),
                                            ("5.3.2026", "2026-03-05"),
                                            ("05-03-2026", "2026-03-05"),
                                            ("3 March 2026", "2026-03-03"),
                                            ("3rd March 2026", "2026-03-03"),
                                            ("March 3, 2026", "2026-03-03"),
                                            ("3 Mar 2026", "2026-03-03")])
def test_a_date_written_day_first_or_in_words_is_given_back_year_first(written, meant):
    """An editor's trial wrote '20/03/2026', and another '3 March 2026', and each was shown
    2026-02-20, not its own date."""
    f = fields(f"title: x\npublished: {written}\n")
    assert f.day("published") is None
    assert said(f) == [f"{PATH}:2: error: 'published' is not a date: write it as YYYY-MM-DD, "
                       f"like 'published: {meant}', the year first (got '{written}')."]


@pytest.mark.parametrize("written", ["31/02/2026", "February 2026", "2026-02", "20th Feb"])
def test_a_date_in_another_format_names_the_key_the_format_and_an_example(written):
    f = fields(f"title: x\npublished: {written}\n")
    assert f.day("published") is None
    assert said(f) == [f"{PATH}:2: error: 'published' is not a date: write it as YYYY-MM-DD, "
                       f"like 'published: 2026-02-20' (got '{written}')."]


@pytest.mark.parametrize("written", ["2026-02-30", "2026-13-01", "2026-04-31"])
def test_an_impossible_date_says_it_is_not_a_real_date(written):
    f = fields(f"title: x\npublished: {written}\n")
    assert f.day("published") is None
    assert said(f) == [f"{PATH}:2: error: 'published: {written}' is not a real date; check the "
                       "day and the month (YYYY-MM-DD, like 2026-02-20)."]


@pytest.mark.parametrize("written, meant", [("2026-3-20", "2026-03-20"), ("2026-03-5", "2026-03-05"),
                                            ("2026-1-1", "2026-01-01")])
def test_a_real_date_with_one_digit_month_or_day_says_how_to_write_it(written, meant):
    """It was told 'is not a real date', and it is one (an editor's trial)."""
    f = fields(f"title: x\npublished: {written}\n")
    assert f.day("published") is None
    assert said(f) == [f"{PATH}:2: error: 'published: {written}' must have two digits for the "
                       f"month and the day; write 'published: {meant}'."]


@pytest.mark.parametrize("written", ['"2026-02-20"', "'2026-02-20'"])
def test_a_date_in_quotes_is_read_as_the_date(written):
    """It was told to write the very date it was (an editor's trial)."""
    f = fields(f"title: x\npublished: {written}\n")
    assert f.day("published") == date(2026, 2, 20) and f.problems == []


def test_missing_required_date_names_the_key_and_an_example():
    f = fields("accessibility:\n  prepared: 2026-01-10\n", "accessibility")
    assert f.day("reviewed") is None
    assert said(f) == [f"{PATH}:1: error: 'accessibility.reviewed' is missing; write a date like "
                       "'reviewed: 2026-02-20'."]


def test_missing_optional_date_is_none_without_a_problem():
    f = fields("title: x\n")
    assert f.day("published", required=False) is None and f.problems == []


# --- choices ------------------------------------------------------------------------------------

@pytest.mark.parametrize("written, rag", [("red", Rag.RED), ("Amber", Rag.AMBER),
                                          ("GREEN ", Rag.GREEN), ("not-rated", Rag.NOT_RATED)])
def test_choice_accepts_any_case(written, rag):
    f = fields(f"rag: {written}\n")
    assert f.choice("rag", Rag) is rag and f.problems == []


def test_rag_amberish_lists_red_amber_green_not_rated():
    f = fields("summary: x\nrag: amberish\n")
    assert f.choice("rag", Rag) is None
    assert said(f) == [f"{PATH}:2: error: 'rag: amberish' is not allowed; write one of: red, "
                       "amber, green, not-rated."]


PASTED = "often pasted from Word or a web page"


@pytest.mark.parametrize("char, name", [
    ("\u200b", "a zero-width space"), ("\u200c", "a zero-width non-joiner"),
    ("\u200d", "a zero-width joiner"), ("\u2060", "a word joiner"),
    ("\ufeff", "a zero-width no-break space"),
])
def test_an_invisible_character_after_a_choice_is_named_not_the_choice_it_hides(char, name):
    """A new-user trial: 'rag: amber' and a zero-width space was told 'rag: amber' is not
    allowed, and to write amber."""
    f = fields(f"summary: x\nrag: amber{char}\n")
    assert f.choice("rag", Rag) is None
    assert said(f) == [f"{PATH}:2:11: error: 'amber' is followed by an invisible character "
                       f"(U+{ord(char):04X}, {name}, {PASTED}): delete it."]


@pytest.mark.parametrize("opening, closing", [("\u2018", "\u2019"), ("\u201c", "\u201d")])
def test_a_choice_in_word_s_curly_quotes_is_told_the_quotes_are_the_mistake(opening, closing):
    """An editor's trial: 'rag: ‘amber’' was told only that it is not allowed, and to
    write one of red, amber, green, which it seemed to be."""
    f = fields(f"summary: x\nrag: {opening}amber{closing}\n")
    assert f.choice("rag", Rag) is None
    assert said(f) == [f"{PATH}:2:6: error: {opening} and {closing} (curly quotes, as Word "
                       "writes them) are not quote marks in YAML, so they are read as part of "
                       "'amber'; type it without them: 'amber'."]


def test_curly_quotes_that_are_the_text_s_own_are_not_called_the_mistake():
    """A review: 'rag: “amber” or “red”' was told to type 'amber” or “red' without them."""
    f = fields("summary: x\nrag: \u201camber\u201d or \u201cred\u201d\n")
    assert f.choice("rag", Rag) is None
    assert said(f)[0].startswith(f"{PATH}:2: error: 'rag: \u201camber\u201d or \u201cred\u201d' is "
                                 "not allowed")


@pytest.mark.parametrize("written, column, words", [
    ("am\u200bber", 8, f"'amber' has an invisible character (U+200B, a zero-width space, {PASTED}) "
                      "after 'am': delete it."),
    ("\u200bamber", 6, f"'amber' has an invisible character in front of it (U+200B, a zero-width "
                       f"space, {PASTED}): delete it."),
    ("am\u200bber\u200b", 8, "'amber' has 2 invisible characters in it (such as U+200B, a "
                             f"zero-width space, {PASTED}): delete them."),
    ("not\u2011rated", 9, "'not\u2011rated' has a non-breaking hyphen (Word puts these in) "
                          "after 'not'; it looks like a hyphen but is another character: type "
                          "an ordinary hyphen (-) in its place."),
])
def test_a_choice_that_looks_right_says_which_character_is_not(written, column, words):
    f = fields(f"summary: x\nrag: {written}\n")
    assert f.choice("rag", Rag) is None
    assert said(f) == [f"{PATH}:2:{column}: error: {words}"]


def test_an_invisible_character_in_a_date_an_email_or_true_is_named_too():
    f = fields("published: 2026-02-20\u200b\ncontact_email: a@example.org\u200b\n"
               "no_update: true\u200b\ncount: 3\u200b\n")
    f.day("published"), f.email("contact_email"), f.boolean("no_update"), f.integer("count")
    assert said(f) == [
        f"{PATH}:1:22: error: '2026-02-20' is followed by an invisible character (U+200B, a "
        f"zero-width space, {PASTED}): delete it.",
        f"{PATH}:2:29: error: 'a@example.org' is followed by an invisible character (U+200B, a "
        f"zero-width space, {PASTED}): delete it.",
        f"{PATH}:3:16: error: 'true' is followed by an invisible character (U+200B, a zero-width "
        f"space, {PASTED}): delete it.",
        f"{PATH}:4:9: error: '3' is followed by an invisible character (U+200B, a zero-width "
        f"space, {PASTED}): delete it."]


def test_missing_choice_without_default_lists_the_choices():
    f = fields("summary: x\n")
    assert f.choice("rag", Rag) is None
    assert said(f) == [f"{PATH}:1: error: 'rag' is missing; write one of: red, amber, green, "
                       "not-rated."]


def test_missing_choice_with_default_is_the_default_silently():
    f = fields("summary: x\n")
    assert f.choice("rag", Rag, default=Rag.NOT_RATED) is Rag.NOT_RATED and f.problems == []


# --- true or false -----------------------------------------------------------------------------

@pytest.mark.parametrize("written, value", [("true", True), ("false", False), ("yes", True)])
def test_boolean_reads_true_and_false(written, value):
    f = fields(f"no_update: {written}\n")
    assert f.boolean("no_update") is value and f.problems == []


@pytest.mark.parametrize("written, shown", [("yes please", "yes please"), ('"true"', "true"),
                                            ("1", "1")])
def test_wrong_type_for_true_or_false_names_the_key_and_an_example(written, shown):
    f = fields(f"rag: red\nno_update: {written}\n")
    assert f.boolean("no_update", default=False) is False
    assert said(f) == [f"{PATH}:2: error: 'no_update' must be true or false, not '{shown}'; "
                       "write 'no_update: true' or 'no_update: false' (without quotes)."]


# --- email and slug -----------------------------------------------------------------------------

@pytest.mark.parametrize("written, value", [("a.b@example.org", "a.b@example.org"),
                                            ("mailto:a@example.org", "a@example.org"),
                                            ("o'neil@herts.gov.uk", "o'neil@herts.gov.uk")])
def test_email_accepts_addresses(written, value):
    f = fields(f"contact_email: \"{written}\"\n")
    assert f.email("contact_email") == value and f.problems == []


@pytest.mark.parametrize("written", ["ann at example.org", "ann@example", "Ann <ann@minimalshire.gov.uk>",
                                     "ann@@example.org"])
def test_bad_email_names_the_key_and_an_example(written):
    f = fields(f"title: x\ncontact_email: {written}\n")
    assert f.email("contact_email") is None
    assert said(f) == [f"{PATH}:2: error: 'contact_email: {written}' is not an email address; "
                       "write it like 'contact_email: name@yourcouncil.gov.uk'."]


def test_a_number_where_an_email_belongs_is_not_an_email():
    f = fields("contact_email: 01707123456\n")
    assert f.email("contact_email") is None
    assert said(f) == [f"{PATH}:1: error: 'contact_email: 01707123456' is not an email address; "
                       "write it like 'contact_email: name@yourcouncil.gov.uk'."]


def test_missing_email_names_the_key_and_an_example():
    f = fields("title: x\n")
    assert f.email("contact_email") is None
    assert said(f) == [f"{PATH}:1: error: 'contact_email' is missing; add a line like "
                       "'contact_email: name@example.org'."]


@pytest.mark.parametrize("written", ["Hate Crime", "hate_crime", "Hate-Crime", "-hate", "hate--crime"])
def test_bad_slug_names_the_key_and_an_example(written):
    f = fields(f"title: x\nslug: {written}\n")
    assert f.slug("slug", example="hate-crime") is None
    assert said(f) == [f"{PATH}:2: error: 'slug: {written}' must be lower-case letters, digits "
                       "and hyphens, like 'slug: hate-crime'."]


def test_good_slug_and_a_number_slug_are_accepted():
    assert fields("slug: serious-violence\n").slug("slug") == "serious-violence"
    assert fields("slug: 2026\n").slug("slug") == "2026"


# --- https addresses ---------------------------------------------------------------------------

@pytest.mark.parametrize("written", ["https://www.bbc.co.uk/weather", "HTTPS://example.org",
                                     "https://example.org/a?b=c#d"])
def test_an_https_address_is_kept_as_written(written):
    f = fields(f"exit: '{written}'\n")
    assert f.https_address("exit", example="https://www.bbc.co.uk/weather") == written
    assert f.problems == []


def test_a_missing_https_address_is_none_without_a_problem():
    f = fields("other: x\n")
    assert f.https_address("exit", example="https://www.bbc.co.uk/weather") is None
    assert f.problems == []


@pytest.mark.parametrize("written", ["http://www.bbc.co.uk/weather", "www.bbc.co.uk",
                                     "https://bbc", "https:// bbc.co.uk", "/weather"])
def test_anything_but_a_full_https_address_says_what_to_write(written):
    f = fields(f"month: 2026-01\nexit: '{written}'\n")
    assert f.https_address("exit", example="https://www.bbc.co.uk/weather") is None
    assert said(f) == [f"{PATH}:2: error: 'exit: {written}' is not a full https:// address; "
                       "write it like 'exit: https://www.bbc.co.uk/weather'."]


# --- contacts -------------------------------------------------------------------------------------

CONTACTS = """\
contacts:
  - name: Vicki Doyle
    email: vicki.doyle@hertfordshire.gov.uk
  - name: Alex Kweller
    email: alex.kweller@hertfordshire.gov.uk
"""


def test_contacts_read_in_order():
    f = fields(CONTACTS)
    assert f.contacts("contacts") == (
        Contact("Vicki Doyle", "vicki.doyle@hertfordshire.gov.uk"),
        Contact("Alex Kweller", "alex.kweller@hertfordshire.gov.uk"))
    assert f.problems == []


def test_contacts_that_are_not_a_list_say_how_to_write_them():
    f = fields("title: x\ncontacts: Vicki Doyle\n")
    assert f.contacts("contacts") == ()
    assert said(f) == [f"{PATH}:2: error: 'contacts' must be a list of contacts, each written "
                       "'- name: Full Name' with 'email: name@example.org' below it."]


def test_a_contact_that_is_only_a_name_names_its_number_on_its_own_line():
    """A trial's third contact was said to be wrong on the 'contacts:' line."""
    f = fields("contacts:\n  - name: Sam\n    email: sam@example.org\n  - Vicki Doyle\n")
    assert f.contacts("contacts") == (Contact("Sam", "sam@example.org"),)
    assert said(f) == [f"{PATH}:4: error: contact 2 must be written '- name: Full Name' with "
                       "'email: name@example.org' on the line below it, lined up under 'name'."]


def test_a_key_written_in_capitals_is_told_to_be_written_small_and_not_called_missing():
    """'RAG: Amber' was ignored with a warning and 'rag' called missing: a trial's editor
    was told to add a line the file had."""
    f = fields('RAG: Amber\nSummary: "Knife crime: down"  # note\n')
    f.unknown_keys({"rag", "summary"})
    assert f.choice("rag", Rag) is None and f.text("summary") is None
    assert said(f) == [
        f"{PATH}:1: error: 'RAG' must be written in small letters, as every key is, or what it "
        "says is left out; write the line as: rag: Amber",
        # the line as written, not as YAML read it: 'summary: Knife crime: down' would not load
        f"{PATH}:2: error: 'Summary' must be written in small letters, as every key is, or what "
        "it says is left out; write the line as: summary: \"Knife crime: down\"  # note"]


def test_a_key_in_capitals_written_with_a_space_or_quotes_keeps_its_value_in_the_line_given():
    """'write the line as: rag:' told the editor to drop 'amber'."""
    for written, fixed in (("RAG : amber", "rag : amber"), ('"RAG": amber', '"rag": amber')):
        f = fields(written + "\n")
        f.unknown_keys({"rag"})
        assert said(f)[0].endswith(f"write the line as: {fixed}"), said(f)


def test_a_key_with_a_character_pasted_from_word_is_not_also_called_missing():
    f = fields("rag\u200b: amber\n")
    f.unknown_keys({"rag"})
    assert f.choice("rag", Rag) is None
    assert len(said(f)) == 1 and "missing" not in said(f)[0], said(f)


def test_a_contact_with_a_bad_or_missing_email_names_the_contact_line():
    f = fields(CONTACTS.replace("alex.kweller@hertfordshire.gov.uk", "alex kweller")
               + "  - name: No Email\n")
    assert f.contacts("contacts") == (Contact("Vicki Doyle", "vicki.doyle@hertfordshire.gov.uk"),)
    assert said(f) == [
        f"{PATH}:5: error: 'contacts.email: alex kweller' is not an email address; write it like "
        "'email: name@yourcouncil.gov.uk'.",
        f"{PATH}:6: error: contact 3 (No Email) has no email: add a line under its name, lined "
        "up with it, like 'email: name@example.org'."]


def test_a_contact_without_a_name_or_with_an_empty_email_is_named_by_its_number():
    """'contacts.name' is missing' was a trial's jargon."""
    f = fields("contacts:\n  - email: sam@example.org\n  - name: Jo\n    email: ''\n")
    assert f.contacts("contacts") == ()
    assert said(f) == [
        f"{PATH}:2: error: contact 1 has no name: write its first line as '- name: Full "
        "Name', and its email under it, lined up with 'name:'.",
        f"{PATH}:4: error: contact 2 (Jo) has no email: write it after 'email:', like "
        "'email: name@example.org'."]


def test_a_misspelt_contact_key_is_an_error_with_did_you_mean():
    f = fields("contacts:\n  - name: Vicki Doyle\n    emial: vicki@example.org\n")
    f.contacts("contacts")
    assert f"{PATH}:3: error: 'emial' is not a key this file uses; did you mean 'email'? As " \
           "it is written, what it says is left out." in said(f)


def test_nested_contacts_name_the_whole_path():
    f = fields("footer:\n  contacts:\n    - name: Team\n      email: team at example\n", "footer")
    f.contacts("contacts")
    assert said(f) == [f"{PATH}:4: error: 'footer.contacts.email: team at example' is not an "
                       "email address; write it like 'email: name@yourcouncil.gov.uk'."]


# --- unknown keys, lists ----------------------------------------------------------------------------

def test_a_misspelt_key_whose_value_would_be_lost_is_an_error():
    """'abbreviation:' for 'abbreviations:' in glossary.yaml took every explanation off the
    site with a warning and exit 0 (an editor's trial)."""
    f = fields("title: x\nsumary: y\n")
    f.unknown_keys({"title", "summary", "status"})
    assert said(f) == [f"{PATH}:2: error: 'sumary' is not a key this file uses; did you mean "
                       "'summary'? As it is written, what it says is left out."]
    assert f.problems[0].severity is Severity.ERROR


def test_a_key_run_into_its_value_in_braces_is_an_error_and_not_also_missing():
    """'{key: csp, label:CSP}' is read as a key 'label:CSP': the column's label was lost
    with a warning that 'label:CSP' is not a key."""
    f = fields("columns:\n  - {key: csp, label:CSP}\n", "columns", 0)
    f.unknown_keys({"key", "label", "type"})
    assert f.text("label") is None
    assert said(f) == [f"{PATH}:2: error: 'label:CSP' has no space after its ':', so it is not "
                       "read as 'label' and what it says is left out; write 'label: CSP'."]


def test_a_key_close_to_one_also_written_warns_did_you_mean():
    f = fields("summary: x\nsumary: y\n")
    f.unknown_keys({"title", "summary", "status"})
    assert said(f) == [f"{PATH}:2: warning: 'sumary' is not a key this file uses, so it is "
                       "ignored. Did you mean 'summary'?"]


def test_unknown_key_far_from_any_lists_the_known_keys():
    f = fields("title: x\ncolour: red\n")
    f.unknown_keys({"title", "summary"})
    assert said(f) == [f"{PATH}:2: warning: 'colour' is not a key this file uses, so it is "
                       "ignored. Known keys here: summary, title."]


@pytest.mark.parametrize("written, allowed", [
    ("updated", {"rag", "summary", "no_update"}),          # a date, not 'no_update'
    ("last_updated", {"rag", "summary", "no_update"}),
    ("renamed", {"slug", "title", "ended"}),               # following it would end the theme
])
def test_a_different_word_is_not_offered_as_the_key_meant(written, allowed):
    """An editor's trial: 'updated:' was told 'did you mean no_update?' and 'renamed:' in
    themes.yaml 'did you mean ended?', each an error whose advice would change the meaning."""
    f = fields(f"{written}: 2026-04\n")
    f.unknown_keys(allowed)
    [problem] = f.problems
    assert problem.severity is Severity.WARNING and "Did you mean" not in problem.message
    assert "Known keys here:" in problem.message


@pytest.mark.parametrize("line, column, words", [
    ("rag\u200b: red", 4, "'rag' is followed by an invisible character (U+200B, a zero-width "
                          f"space, {PASTED}): delete it."),
    ("\u200brag: red", 1, "there is an invisible character (U+200B, a zero-width space, "
                          f"{PASTED}) at the start of this line: delete it."),
    ("\u00a0\u00a0rag: red", 1, "this line is indented with a non-breaking space (U+00A0: Word "
                                "puts these in; it looks like a space but YAML does not read it as "
                                "one): delete the indentation and indent with ordinary spaces."),
])
def test_a_key_holding_a_character_pasted_from_word_names_it_as_an_error(line, column, words):
    """'rag' and a zero-width space was told 'did you mean rag?'; an 'email:' line under a
    contact, indented with non-breaking spaces, read as a key of its own and was ignored."""
    f = fields(f"title: x\n{line}\n")
    f.unknown_keys({"title", "rag"})
    assert said(f) == [f"{PATH}:2:{column}: error: {words}"]


@pytest.mark.parametrize("line, key", [
    ("yes: 3", "yes"), ("on:", "on"), ("2026: x", "2026"), ("null: x", "null"), ("~: x", "~"),
    ("Yes: 3", "Yes"), ("NO: x", "NO"), ('"yes": 3', "yes"), ("'Null': x", "Null"),
])
def test_a_key_yaml_reads_as_true_nothing_or_a_number_is_named_as_written(line, key):
    """'yes: 3' was "'True' is not a key this file uses", and 'null:' "'None' ..."."""
    f = fields(f"title: x\n{line}\n")
    f.unknown_keys({"title", "summary"})
    assert said(f) == [f"{PATH}:2: warning: '{key}' is not a key this file uses, so it is "
                       "ignored. Known keys here: summary, title."]


def test_a_list_where_one_value_belongs_is_shown_as_written_in_yaml():
    """It said "'rag: ['green']' is not allowed", Python's way of printing a list."""
    f = fields("rag: [green]\n")
    assert f.choice("rag", Rag) is None
    assert said(f) == [f"{PATH}:1: error: 'rag: [green]' is not allowed; write one of: red, "
                       "amber, green, not-rated."]


def test_known_keys_give_no_warning():
    f = fields("title: x\nsummary: y\n")
    f.unknown_keys({"title", "summary"})
    assert f.problems == []


def test_strings_accepts_a_list_or_one_line_and_refuses_keys():
    assert fields("notes:\n  - one\n  - two\n").strings("notes") == ("one", "two")
    assert fields("notes: just one\n").strings("notes") == ("just one",)
    f = fields("notes:\n  a: b\n")
    assert f.strings("notes") == ()
    assert said(f) == [f"{PATH}:1: error: 'notes' must be a list of text lines, each starting '- '."]


def test_list_of_mappings_reports_items_that_are_not_mappings_on_their_line():
    f = fields("themes:\n  - slug: a\n  - just-a-slug\n")
    assert f.list_of_mappings("themes", what="themes") == [0]
    assert said(f) == [f"{PATH}:3: error: item 2 of 'themes' must be a set of 'key: value' lines."]


@pytest.mark.parametrize("yaml_text, word", [("other: 1\n", "missing"), ("themes: []\n", "empty")])
def test_a_required_list_that_is_missing_or_empty_is_an_error(yaml_text, word):
    f = fields(yaml_text)
    assert f.list_of_mappings("themes", required=True, what="themes") == []
    assert said(f) == [f"{PATH}:1: error: 'themes' is {word}; add the themes as a list, each "
                       "starting '- '."]


def test_an_optional_empty_list_is_fine():
    f = fields("terms: []\n")
    assert f.list_of_mappings("terms") == [] and f.problems == []


# --- whole files --------------------------------------------------------------------------------------

def test_read_mapping_refuses_an_empty_file_and_a_list():
    problems: list = []
    assert read_mapping(Source(PATH, "  \n"), problems, "the issue's title") is None
    assert read_mapping(Source(PATH, "- a\n- b\n"), problems, "the issue's title") is None
    assert [str(p) for p in problems] == [
        f"{PATH}:1: error: this file is empty; it should hold the issue's title.",
        f"{PATH}:1: error: this file must hold the issue's title as 'key: value' lines."]


def test_a_file_of_a_key_run_into_its_value_is_told_to_write_the_space():
    """'status:published' alone in issue.yaml is read as text, not a key."""
    problems: list = []
    assert read_mapping(Source(PATH, "status:published\n"), problems, "the issue") is None
    assert [str(p) for p in problems] == [
        f"{PATH}:1:1: error: this line has no space after its ':'; write 'status: published' (a "
        "key, a colon and a space, then the value)."]


def test_require_mapping_accepts_keys():
    located, _ = parse_yaml("a: 1\n", PATH)
    assert require_mapping(located, "x") == []
