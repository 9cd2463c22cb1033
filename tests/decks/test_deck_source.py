"""builder.decks.source: reveal-md's options, defaults and precedence."""
from __future__ import annotations

import json

from builder.decks.source import read_deck


def read(tmp_path, front: str, body: str = "## Slide\n", **json_files):
    deck = tmp_path / "deck.md"
    deck.write_text(f"---\n{front}---\n{body}" if front else body, encoding="utf-8")
    for name, data in json_files.items():
        (tmp_path / name.replace("_", "-").replace("-json", ".json")).write_text(
            data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    problems: list = []
    source = read_deck(tmp_path, deck, problems)
    return source, problems


def test_reveal_md_defaults(tmp_path):
    source, problems = read(tmp_path, "")
    o = source.options
    assert (o.theme, o.highlight_theme) == ("black", "zenburn")
    assert o.separator == "\\r?\\n---\\r?\\n" and o.vertical_separator == "\\r?\\n----\\r?\\n"
    assert o.notes_separator == "^\\s*notes?:"
    assert o.reveal_options == {"hash": True, "hashOneBasedIndex": True}
    assert problems == []


def test_front_matter_wins_over_reveal_md_json_which_wins_over_defaults(tmp_path):
    source, _ = read(tmp_path, "theme: night\n",
                     reveal_md_json={"theme": "sky", "highlightTheme": "monokai",
                                     "separator": "^===$"})
    o = source.options
    assert o.theme == "night" and o.highlight_theme == "monokai" and o.separator == "^===$"


def test_reveal_options_lie_over_reveal_json(tmp_path):
    source, _ = read(tmp_path, "revealOptions:\n  transition: fade\n",
                     reveal_json={"transition": "zoom", "controls": False})
    assert source.options.reveal_options == {"hash": True, "hashOneBasedIndex": True,
                                             "transition": "fade", "controls": False}


def test_css_and_scripts_may_be_comma_separated(tmp_path):
    source, _ = read(tmp_path, "css: a.css, b.css\nscripts: [x.js]\n")
    assert source.options.css == ("a.css", "b.css") and source.options.scripts == ("x.js",)


def test_all_14_themes_and_an_unknown_one(tmp_path):
    for theme in ("white-contrast", "dracula", "solarized"):
        assert read(tmp_path, f"theme: {theme}\n")[0].options.theme == theme
    _, problems = read(tmp_path, "title: T\ntheme: neon\n")
    assert [(p.line, p.severity.value) for p in problems] == [(3, "error")]
    assert "not a reveal.js theme" in problems[0].message


def test_a_broken_separator_is_an_error_on_its_line(tmp_path):
    _, problems = read(tmp_path, "title: T\nseparator: \"([\"\n")
    assert [(p.path, p.line) for p in problems] == [("deck.md", 3)]


def test_a_separator_that_matches_nothing_is_refused(tmp_path):
    _, problems = read(tmp_path, "separator: \"x*\"\n")
    assert "can match nothing" in problems[0].message


def test_reveal_md_server_options_are_ignored_with_a_warning(tmp_path):
    _, problems = read(tmp_path, "static: _site\nfoo: 1\n")
    assert [p.severity.value for p in problems] == ["warning", "warning"]


def test_bad_json_beside_the_deck_names_its_line(tmp_path):
    _, problems = read(tmp_path, "", reveal_json='{\n  "a": 1,\n}')
    assert problems[0].path == "reveal.json" and problems[0].line == 3


def test_body_starts_after_the_closing_dashes(tmp_path):
    source, _ = read(tmp_path, "title: T\n", body="\n## One\n")
    assert source.body == "\n\n## One\n" and source.body_line == 3


def test_month_is_read_as_the_issue_month_and_a_wrong_one_is_an_error(tmp_path):
    source, problems = read(tmp_path, "month: 2026-02\n")
    assert source.options.month.slug == "2026-02" and problems == []
    source, problems = read(tmp_path, "month: February\n")
    assert source.options.month is None
    assert ["'month: February' is not a month" in p.message for p in problems] == [True]


# --- protective markings: a deck's slides and notes are published as written -----------------

MARKED = "## Briefing\n\nOFFICIAL-SENSITIVE\n\nNote: the notes say Official Sensitive too\n"


def test_official_sensitive_on_a_slide_or_in_its_notes_is_an_error_on_its_line(tmp_path):
    _, problems = read(tmp_path, "title: Briefing\n", body=MARKED)
    assert [(p.line, p.col, p.severity.value) for p in problems] == [
        (6, 1, "error"), (8, 21, "error")]
    assert "'OFFICIAL-SENSITIVE' is a protective marking" in problems[0].message


def test_markings_reviewed_in_a_decks_front_matter_lets_it_through(tmp_path):
    reason = "markings_reviewed: \"says which attachments are not shown\"\n"
    source, problems = read(tmp_path, reason, body=MARKED)
    assert problems == [] and "OFFICIAL-SENSITIVE" in source.body


def test_a_short_or_non_text_markings_reviewed_does_not_silence(tmp_path):
    for written in ("ok", "[a, b]"):
        _, problems = read(tmp_path, f"markings_reviewed: {written}\n", body=MARKED)
        assert [(p.line, p.severity.value) for p in problems] == [
            (2, "warning"), (6, "error"), (8, "error")]


def test_a_sensitive_classification_in_a_decks_front_matter_is_an_error(tmp_path):
    _, problems = read(tmp_path, "classification: OFFICIAL-SENSITIVE\n")
    assert [(p.line, p.severity.value) for p in problems] == [(2, "error")]   # told once
    assert "marks this file as not for publication" in problems[0].message


def test_a_marking_in_a_deck_with_broken_front_matter_is_still_refused(tmp_path):
    _, problems = read(tmp_path, "title: \"never closed\nmarkings_reviewed: a long reason\n",
                       body=MARKED)
    assert [p.line for p in problems if "protective marking" in p.message] == [7, 9]


def test_exit_this_page_is_off_unless_the_front_matter_says_true(tmp_path):
    assert read(tmp_path, "")[0].options.exit_this_page is False
    source, problems = read(tmp_path, "exit_this_page: true\n")
    assert source.options.exit_this_page is True and problems == []


def test_exit_this_page_that_is_not_true_or_false_is_an_error_on_its_line(tmp_path):
    """A quoted 'no' is text, which a reading of it by truth would take as on."""
    source, problems = read(tmp_path, "title: T\nexit_this_page: 'no'\n")
    assert source.options.exit_this_page is False
    assert [(p.line, p.severity.value) for p in problems] == [(3, "error")]
    assert "must be true or false" in problems[0].message


def test_front_matter_of_a_key_run_into_its_value_is_told_to_write_the_space(tmp_path):
    _, problems = read(tmp_path, "theme:night\n")
    assert [str(p) for p in problems] == [
        "deck.md:2:1: error: this line has no space after its ':'; write 'theme: night' (a key, "
        "a colon and a space, then the value)."]
