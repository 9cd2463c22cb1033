"""builder.sources: bytes on disk into text, YAML with the line of every key, front matter.

Everything here works on strings or a temporary folder; no build runs. How a YAML
mistake is told to the editor (`builder.yamlmistakes`) is tested in test_yamlmistakes.py.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.errors import Severity
from builder.sources import Source, parse_yaml, read_source, split_front_matter

YAML_PATH = "content/site.yaml"
MD_PATH = "content/bulletins/2026-01/hate-crime.md"


def messages(problems) -> list[str]:
    return [str(p) for p in problems]


# --- YAML: the line of each key --------------------------------------------------------------

NESTED = """\
title: Test Bulletin
footer:
  contacts:
    - name: Test Team
      email: team@minimalshire.gov.uk
    - name: Second Team

      email: second@example.org
accessibility:
  prepared: 2026-01-10
"""


def test_yaml_keeps_the_line_of_top_level_nested_and_list_keys():
    located, problems = parse_yaml(NESTED, YAML_PATH)
    assert problems == []
    assert located.data["footer"]["contacts"][1]["email"] == "second@example.org"
    assert located.line("title") == 1
    assert located.line("footer") == 2
    assert located.line("footer", "contacts") == 3
    assert located.line("footer", "contacts", 0) == 4
    assert located.line("footer", "contacts", 0, "email") == 5
    assert located.line("footer", "contacts", 1) == 6
    assert located.line("footer", "contacts", 1, "email") == 8  # after the blank line
    assert located.line("accessibility", "prepared") == 10


def test_line_of_an_unwritten_key_is_its_deepest_written_parent_or_the_file_start():
    located, _ = parse_yaml(NESTED, YAML_PATH)
    assert located.line("footer", "contacts", 1, "phone") == 6
    assert located.line("footer", "nonsense") == 2
    assert located.line("missing") == 1


def test_yaml_lines_count_from_the_file_start_when_offset_by_front_matter():
    located, _ = parse_yaml("rag: green\nsummary: Two.\n", MD_PATH, offset=1)
    assert located.line("rag") == 2
    assert located.line("summary") == 3
    assert located.line("absent") == 2  # the first line of the front matter


# --- YAML: duplicate keys and malformed text ---------------------------------------------------

def test_duplicate_top_level_key_is_an_error_naming_the_second_line():
    _, problems = parse_yaml("title: One\nlanguage: en-GB\ntitle: Two\n", YAML_PATH)
    assert messages(problems) == ["content/site.yaml:3: error: 'title' is written twice; keep one."]
    assert problems[0].severity is Severity.ERROR


def test_duplicate_nested_key_is_an_error_naming_its_line():
    text = "footer:\n  contacts:\n    - name: A\n      email: a@example.org\n      name: B\n"
    _, problems = parse_yaml(text, YAML_PATH)
    assert messages(problems) == ["content/site.yaml:5: error: 'name' is written twice; keep one."]


def test_duplicate_key_in_front_matter_names_the_file_line():
    _, problems = parse_yaml("rag: green\nsummary: A\nrag: red\n", MD_PATH, offset=1)
    assert messages(problems) == [f"{MD_PATH}:4: error: 'rag' is written twice; keep one."]


@pytest.mark.parametrize("written", ["yes", "on", "Yes", "OFF", "null", "NULL", "~", "2026",
                                     "0x1A", "1.50", "2026-02-20"])
def test_a_key_yaml_reads_as_true_nothing_a_number_or_a_date_is_kept_as_written(written):
    """YAML reads 'yes' as true, 'null' as nothing and '0x1A' as 26: messages named such a
    key 'True', 'None' or 26, which the editor had not written and could not find."""
    located, problems = parse_yaml(f"rag: green\n{written}: 3\n", MD_PATH, offset=1)
    assert problems == []
    assert located.data == {"rag": "green", written: 3} and located.line(written) == 3


def test_two_keys_yaml_reads_alike_are_not_said_to_be_written_twice():
    """'yes:' and 'on:' (each true, and true is 1) were "'True' is written twice"."""
    located, problems = parse_yaml("yes: a\non: b\n1: c\n", YAML_PATH)
    assert problems == [] and located.data == {"yes": "a", "on": "b", "1": "c"}


def test_a_key_written_once_in_quotes_and_once_without_is_written_twice():
    _, problems = parse_yaml("2026: a\n'2026': b\n", YAML_PATH)
    assert messages(problems) == ["content/site.yaml:2: error: '2026' is written twice; keep one."]


def test_malformed_yaml_gives_path_line_column_and_a_hint():
    located, problems = parse_yaml("title: Test\norganisation: Unit: County\n", YAML_PATH)
    assert located is None
    assert messages(problems) == [
        "content/site.yaml:2:19: error: the YAML here is malformed: a value that contains ': ' "
        "must be in quotes; write the line as: organisation: \"Unit: County\""]


def test_malformed_front_matter_yaml_gives_the_file_line_not_the_yaml_line():
    _, problems = parse_yaml("rag: green\nsummary: Patrols: up\n", MD_PATH, offset=1)
    assert str(problems[0]).startswith(f"{MD_PATH}:3:17: error: the YAML here is malformed")


def test_an_impossible_date_stays_text_instead_of_crashing():
    # PyYAML raises ValueError building date(2026, 2, 30); the date field reports it instead.
    located, problems = parse_yaml("published: 2026-02-30\nprepared: 2026-02-20\n", YAML_PATH)
    assert problems == []
    assert located.data["published"] == "2026-02-30"
    assert str(located.data["prepared"]) == "2026-02-20"


@pytest.mark.parametrize("value, shown", [
    ("!foo bar", "!foo"),
    ("!!python/object:os.system x", "!!python/object:os.system"),
    ("!!int twelve", "!!int"),
])
def test_a_yaml_tag_that_cannot_be_built_is_an_error_not_an_exception(value, shown):
    located, problems = parse_yaml(f"title: ok\nsummary: {value}\n", YAML_PATH)
    assert located is not None
    assert messages(problems) == [
        f"content/site.yaml:2:10: error: the tag '{shown}' cannot be used here; remove it, or "
        "put text that starts with '!' in quotes."]


def test_numbers_and_dates_remember_how_they_were_written():
    located, _ = parse_yaml("phone: 01707123456\nperiod: 2019.20\ncount: 12\nquoted: '0170'\n",
                            YAML_PATH)
    assert located.data["phone"] == 0o1707123456  # YAML 1.1 reads a leading 0 as octal
    assert located.written[("phone",)] == "01707123456"
    assert located.written[("period",)] == "2019.20"
    assert located.written[("count",)] == "12"
    assert ("quoted",) not in located.written


def test_empty_yaml_is_none_data_without_problems():
    located, problems = parse_yaml("# only a comment\n", YAML_PATH)
    assert problems == [] and located.data is None


# --- Front matter -------------------------------------------------------------------------------

def source(text: str, path: str = MD_PATH) -> Source:
    return Source(path, text)


def test_front_matter_split_gives_meta_lines_body_and_body_line():
    doc, problems = split_front_matter(source("---\nrag: amber\nsummary: Up.\n---\n## Patrols\n\nText.\n"))
    assert problems == []
    assert doc.meta.data == {"rag": "amber", "summary": "Up."}
    assert doc.meta.line("summary") == 3
    assert doc.body == "## Patrols\n\nText.\n"
    assert doc.body_line == 5


def test_front_matter_may_close_with_three_dots_and_have_spaces_after_the_dashes():
    doc, problems = split_front_matter(source("---  \nrag: red\n...\nBody\n"))
    assert problems == [] and doc.meta.data == {"rag": "red"}
    assert doc.body == "Body\n" and doc.body_line == 4


def test_empty_front_matter_is_an_empty_mapping():
    doc, problems = split_front_matter(source("---\n---\nBody\n"))
    assert problems == []
    assert doc.meta.data == {} and doc.body_line == 3
    assert doc.meta.line("rag") == 2


def test_front_matter_never_closed_is_an_error_with_the_fix():
    doc, problems = split_front_matter(source("---\nrag: green\n## Reporting\n\nText.\n"))
    assert doc is None
    assert messages(problems) == [
        f"{MD_PATH}:1: error: the front matter is never closed: add a line '---' after the last "
        "front-matter key."]


def test_missing_opening_dashes_is_an_error_with_the_fix():
    doc, problems = split_front_matter(source("rag: green\n---\nText.\n"))
    assert doc is None
    assert messages(problems) == [
        f"{MD_PATH}:1: error: the file must start with a line '---', then the front matter "
        "(rag:, summary:, ...), then another '---'."]


@pytest.mark.parametrize("text", ["", "\n\n", "   \n"])
def test_empty_markdown_file_is_an_error(text):
    doc, problems = split_front_matter(source(text))
    assert doc is None
    assert messages(problems) == [
        f"{MD_PATH}:1: error: this file is empty; it needs front matter between two '---' "
        "lines, then the text."]


@pytest.mark.parametrize("front", ["- rag\n- green\n",
                                   "https://x.org/a\n"])   # not a key run into its value
def test_front_matter_that_is_a_list_or_text_is_an_error_on_its_first_line(front):
    doc, problems = split_front_matter(source(f"---\n{front}---\nText\n"))
    assert doc is None
    assert messages(problems) == [
        f"{MD_PATH}:2: error: the front matter must be 'key: value' lines (rag:, summary:, ...)."]


@pytest.mark.parametrize("written, fixed", [("rag:green", "rag: green"),
                                            ('rag:"green"', 'rag: "green"')])
def test_front_matter_of_a_key_run_into_its_value_is_told_to_write_the_space(written, fixed):
    """An editor's trial: 'rag:green', alone in the front matter, is read as text, and was
    told only that the front matter must be 'key: value' lines."""
    doc, problems = split_front_matter(source(f"---\n{written}\n---\nText\n"))
    assert doc is None
    assert messages(problems) == [
        f"{MD_PATH}:2:1: error: this line has no space after its ':'; write '{fixed}' (a key, "
        "a colon and a space, then the value)."]


def test_malformed_front_matter_is_reported_at_its_file_line():
    doc, problems = split_front_matter(source("---\nrag: green\nsummary: a: b\n---\nText\n"))
    assert doc is None
    assert len(problems) == 1
    assert str(problems[0]).startswith(f"{MD_PATH}:3:11: error: the YAML here is malformed")


# --- Reading bytes --------------------------------------------------------------------------

def write(tmp_path: Path, rel: str, data: bytes) -> Path:
    file = tmp_path / rel
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_bytes(data)
    return file


def test_file_that_is_not_utf8_is_an_error_naming_the_line(tmp_path):
    file = write(tmp_path, "content/site.yaml", b"title: ok\nrag: \xff\xfe rag\n")
    src, problems = read_source(tmp_path, file)
    assert src is None
    assert messages(problems) == [
        "content/site.yaml:2: error: this file is not UTF-8 text; save it as UTF-8 (in Word or "
        "Notepad choose 'UTF-8' when saving)."]


def test_file_starting_with_non_utf8_bytes_is_an_error_on_line_1(tmp_path):
    file = write(tmp_path, "content/bulletins/2026-01/hate-crime.md", b"\xff\xfe rag")
    src, problems = read_source(tmp_path, file)
    assert src is None
    assert [(p.path, p.line, p.severity) for p in problems] == [
        ("content/bulletins/2026-01/hate-crime.md", 1, Severity.ERROR)]
    assert "not UTF-8" in problems[0].message


def test_binary_file_is_an_error_not_an_exception(tmp_path):
    file = write(tmp_path, "content/themes.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    src, problems = read_source(tmp_path, file)
    assert src is None
    assert messages(problems) == [
        "content/themes.yaml: error: this is not a text file (it contains binary data); content "
        "files must be UTF-8 text."]


def test_a_utf16_file_is_told_to_be_saved_as_utf8_not_called_binary(tmp_path):
    """An editor's trial: Notepad's 'Unicode' was called 'not a text file (binary data)'."""
    for encoding in ("utf-16", "utf-16-be"):
        data = "title: Test\n".encode(encoding)
        if not data.startswith(b"\xfe\xff") and encoding == "utf-16-be":
            data = b"\xfe\xff" + data
        file = write(tmp_path, "content/site.yaml", data)
        src, problems = read_source(tmp_path, file)
        assert src is None
        assert messages(problems) == [
            "content/site.yaml: error: this file is saved as UTF-16 (Notepad calls it "
            "'Unicode'); save it as UTF-8 (in Notepad choose 'UTF-8' when saving)."]


def test_windows_line_ends_are_read_as_every_other_file_s(tmp_path):
    """Texts compare equal whatever the editor's system: `new` looks for paragraphs
    written word for word in two months."""
    file = write(tmp_path, "content/pages/about.md", b"---\r\ntitle: A\r\n---\r\nOne.\r\n\r\nTwo.\r")
    src, problems = read_source(tmp_path, file)
    assert problems == [] and src.text == "---\ntitle: A\n---\nOne.\n\nTwo.\n"


def test_a_folder_where_a_file_belongs_is_an_error(tmp_path):
    (tmp_path / "content" / "pages" / "about.md").mkdir(parents=True)
    src, problems = read_source(tmp_path, tmp_path / "content" / "pages" / "about.md")
    assert src is None
    assert str(problems[0]).startswith("content/pages/about.md: error: cannot read this file (")


def test_utf8_bom_is_accepted_and_removed(tmp_path):
    file = write(tmp_path, "content/bulletins/2026-01/hate-crime.md",
                 b"\xef\xbb\xbf---\nrag: green\n---\nText \xe2\x80\x93 dash\n")
    src, problems = read_source(tmp_path, file)
    assert problems == []
    assert src.text.startswith("---\n")
    doc, problems = split_front_matter(src)
    assert problems == [] and doc.meta.data == {"rag": "green"}
    assert doc.body == "Text \u2013 dash\n"


def test_utf8_bom_in_yaml_is_accepted(tmp_path):
    file = write(tmp_path, "content/site.yaml", b"\xef\xbb\xbftitle: Test\n")
    src, _ = read_source(tmp_path, file)
    located, problems = parse_yaml(src.text, src.path)
    assert problems == [] and located.data == {"title": "Test"}


def test_crlf_line_endings_split_front_matter_with_correct_lines(tmp_path):
    file = write(tmp_path, "content/bulletins/2026-01/hate-crime.md",
                 b"---\r\nrag: amber\r\nsummary: Up.\r\n---\r\n## Patrols\r\n\r\nText.\r\n")
    src, problems = read_source(tmp_path, file)
    doc, problems = split_front_matter(src)
    assert problems == []
    assert doc.meta.data == {"rag": "amber", "summary": "Up."}
    assert doc.meta.line("summary") == 3
    assert doc.body_line == 5
    assert doc.body.startswith("## Patrols")


def test_crlf_yaml_keeps_lines_and_reports_duplicates_on_the_right_line():
    located, problems = parse_yaml("title: A\r\nlanguage: en\r\ntitle: B\r\n", YAML_PATH)
    assert located.data["language"] == "en"
    assert messages(problems) == ["content/site.yaml:3: error: 'title' is written twice; keep one."]


def test_parsing_keeps_no_node_of_a_file_once_its_values_are_built():
    """The build parses every content file with one PyYAML constructor, which would
    otherwise remember each node (and its value) to the end of the build."""
    from builder import sources
    for n in range(3):
        located, _ = parse_yaml(NESTED + f"n: {n}\n", YAML_PATH)
        assert located.data["footer"]["contacts"][1]["name"] == "Second Team"
    assert not sources._constructor.constructed_objects
    assert not sources._constructor.recursive_objects
