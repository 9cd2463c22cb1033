"""builder.legacy_notes: editor's notes an importer can justify from the export's own text.

The shipped 2025-05 and 2026-02 issues hold one note of each kind, and
test_importer.py compares a whole import with them (when the seed exports are
beside the repository); here, each rule on a few paragraphs, including where
it must stay quiet.
"""
from __future__ import annotations

from builder.legacy_notes import editor_notes
from builder.legacy_tables import Table


def notes(body: str, tables: list[Table] = ()) -> list[tuple[str, str]]:
    return editor_notes(body, list(tables))


def test_a_paragraph_starting_in_lower_case_began_on_a_page_the_export_lost():
    found = notes("Patrols continued.\n\nlaunched, having gone through rigorous assessment by "
                  "the panel in March.\n")
    assert found == [("Part of this section is missing from the export: the paragraph starting "
                      "'launched, having gone through rigorous assessment' begins mid-sentence.",
                      "launched, having gone through rigorous assessment")]


def test_a_paragraph_starting_with_a_capital_or_a_figure_is_whole():
    assert notes("Patrols continued.\n\n12 patrols ran in March.\n\n*Note:* all areas.\n") == []


def test_a_title_followed_by_its_web_host_is_a_link_the_export_dropped():
    found = notes("Read more: Serious Violence Duty - Statutory Guidance "
                  "(publishing.service.gov.uk)\n")
    assert found == [("The export gives 'Serious Violence Duty - Statutory Guidance "
                      "(publishing.service.gov.uk)' as plain text: the link was not in the "
                      "export.", "Serious Violence Duty - Statutory Guidance "
                                 "(publishing.service.gov.uk)")]


def test_a_title_with_its_host_that_is_still_a_link_needs_no_note():
    assert notes("[Serious Violence Duty (publishing.service.gov.uk)]"
                 "(https://www.gov.uk/government/publications/serious-violence-duty)\n") == []


def test_a_short_line_after_a_link_promised_below_is_the_lost_link():
    found = notes("The newsletter is available at the link below:\n\n"
                  "JSNA newsletter (December edition)\n\nThe JSNA will be refreshed.\n")
    assert [text for _, text in found] == ["JSNA newsletter (December edition)"]


def test_text_after_a_promised_link_that_is_a_link_or_a_paragraph_is_not_flagged():
    kept = "The newsletter is available at the link below:\n\n[JSNA newsletter](https://e.org/j)\n"
    long = ("The newsletter is available at the link below:\n\nThe newsletter covers violence "
            "against women and girls across every district this year.\n")
    assert notes(kept) == [] and notes(long) == []


def test_see_below_with_nothing_about_its_subject_afterwards_is_noted():
    found = notes("Officers shared the 2022 cuckooing intelligence briefing (see below) with "
                  "partners.\n\nPatrols continued.\n")
    assert found == [("The text refers to the 2022 cuckooing intelligence briefing with '(see "
                      "below)', but nothing about it follows in the export.",
                      "2022 cuckooing intelligence briefing (see below)")]


def test_see_below_answered_later_even_without_its_year_is_not_noted():
    assert notes("Officers shared the 2022 cuckooing intelligence briefing (See below).\n\n"
                 "The Cuckooing Intelligence Briefing sets out the signs.\n") == []


def test_see_below_answered_only_before_it_is_still_noted():
    found = notes("The hub opened.\n\nFunding for the hub (see below) was agreed.\n")
    assert [text for _, text in found] == ["hub (see below)"]


def test_a_table_whose_total_does_not_add_up_is_noted_by_its_header_row():
    adds_up = Table("table-1", "Tests by CSP", "Update, February 2026", ("CSP", "Tests"),
                    ("csp", "tests"), (False, True), (("North", "10"), ("South", "5")),
                    ("Total", "15"))
    does_not = Table("table-2", "Tests by CSP", "Update, February 2026", ("CSP", "Tests"),
                     ("csp", "tests"), (False, True), (("North", "10"), ("South", "5")),
                     ("Total", "16"))
    found = notes("Tests rose.\n", [adds_up, does_not])
    assert found == [("The Total row of the table below is shown exactly as in the export. It is "
                      "higher than the sum of the rows above it (for example, in the Tests column "
                      "the rows add up to 15, but the Total row gives 16).", "CSP\tTests")]
