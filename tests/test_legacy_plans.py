"""builder.legacy_plans: an action plan export (`002_…`) into content/plans/<slug>.yaml.

test_importer.py compares the real plan's import with the shipped plan (when
the seed exports are beside the repository), and test_legacy_dates.py which
update texts give a date; here, a short export of the same shape, with its
page breaks, continued rows, attachments and introduction, read back by the
build's own plan reader.
"""
from __future__ import annotations

from datetime import date

import pytest
import yaml

from builder.documents import read_plans
from builder.legacy_plans import NO_RAG, convert_plan, is_header, looks_like_plan
from builder.sources import Source

PATH = "exports/002_plan.txt"
HEADER = "<b>Issue</b>\t<b>Action</b>\t<b>Owner</b>\t<b>Update</b>\t<b>RAG Rating</b>"
FIRST = "<b>1. Reduce knife crime</b>\t\t\t\t"
INTRODUCTION = [
    "## **Westshire Community Safety Action Plan 2019 - 2020**",
    "",
    "The strategic aims for 2016-2020 are to:",
    "",
    "- Tackle crime",
    "- Support victims",
    "",
    "The Strategic Assessment identified the top risks as:",
    "",
    "- Assaults",
    "- Burglary",
    "",
    "The partnership have identified the emerging risks; the action plan tackles them:",
    "",
    "- Reduce knife crime",
    "- Tackle drugs",
    "",
]
TABLES = [
    FIRST, HEADER,
    "Raise awareness of knife crime\tArrange events\tCommunity Safety Team\t<ul> <li>• 06/10/2019 "
    "Event at the football club</li> <li>Posters &amp; leaflets printed</li> </ul>\tGreen",
    "\tRun workshops in schools\tCommunity Safety\t<ul> <li>13/08/19 Op Sceptre</li> </ul>\t",
    "",
    FIRST, HEADER,                      # a page break repeats both header lines
    "\tand colleges\tTeam\tand patrols\t",
    "Remove weapons\tKnife amnesties\tWestshire SNT\t<p>Meeting notes.docx</p>\tAmber",
    "",
    "**2. Tackle drugs**",
    "",
    "Issue\tAction\tOwner\tUpdate\tRAG Rating",
    "Protect the vulnerable\tRefer people\tOutreach\tBetween 1/4/19 – 10/12/2019 65 referrals\t",
]
FILE = "content/plans/westshire-2019-20.yaml"


def converted(lines: list[str]) -> tuple[dict, list[str], str]:
    files, warnings = convert_plan(Source(PATH, "\n".join(lines) + "\n"))
    [(path, text)] = files.items()
    return yaml.safe_load(text), [str(w) for w in warnings], path


@pytest.fixture(scope="module")
def plan():
    data, warnings, path = converted(INTRODUCTION + TABLES)
    assert path == FILE
    return data, warnings


def actions(data: dict, number: int = 1) -> list[dict]:
    return next(p for p in data["priorities"] if p["number"] == number)["actions"]


# --- telling a plan and its header rows -----------------------------------------------------------

@pytest.mark.parametrize("line", [HEADER, "Issue\tAction\tOwner\tUpdate\tRAG Rating",
                                  "**Issue**\t**Action**\t**Owner**\t\t"])
def test_the_column_names_are_known_however_the_export_marked_them_up(line):
    assert is_header(line)


def test_a_monthly_update_is_not_a_plan():
    update = "Monthly RAG Update\n\nFebruary 2026\nHate Crime\t<p>Reports rose.</p>\n"
    assert not looks_like_plan(update) and not is_header("Action\tIssue\tOwner")
    assert looks_like_plan("\n".join(INTRODUCTION + TABLES))


# --- the plan's heading and introduction ------------------------------------------------------------

def test_the_title_loses_its_markup_and_the_file_is_named_by_place_and_years(plan):
    data, _ = plan
    assert (data["title"], data["period"]) == ("Westshire Community Safety Action Plan 2019-2020",
                                               "2019-2020")


def test_the_introduction_s_lists_are_the_aims_and_risks_and_the_emerging_ones_are_the_priorities(
        plan):
    data, _ = plan
    assert data["aims_intro"] == "The strategic aims for 2016-2020 are to:"
    assert data["aims"] == ["Tackle crime", "Support victims"]
    assert data["risks_intro"] == "The Strategic Assessment identified the top risks as:"
    assert data["risks"] == ["Assaults", "Burglary"]
    assert data["emerging_intro"].startswith("The partnership have identified the emerging risks")
    assert "emerging" not in data


def test_the_file_says_how_it_was_converted():
    files, _ = convert_plan(Source(PATH, "\n".join(INTRODUCTION + TABLES)))
    assert files[FILE].startswith("# Converted from the export of the Westshire Community Safety "
                                  "Action Plan 2019-2020.\n# Repeated page headers removed;")


# --- the tables ----------------------------------------------------------------------------------

def test_page_breaks_give_one_priority_each_and_their_repeated_headers_are_dropped(plan):
    data, _ = plan
    assert [(p["number"], p["title"]) for p in data["priorities"]] == [
        (1, "Reduce knife crime"), (2, "Tackle drugs")]
    assert [a["action"] for a in actions(data)] == [
        "Arrange events", "Run workshops in schools and colleges", "Knife amnesties"]


def test_an_empty_issue_cell_continues_the_issue_above(plan):
    data, _ = plan
    assert [a["issue"] for a in actions(data)] == [
        "Raise awareness of knife crime", "Raise awareness of knife crime", "Remove weapons"]


def test_a_row_split_by_a_page_break_is_joined_owner_and_update_too(plan):
    data, _ = plan
    split = actions(data)[1]
    assert split["owner"] == "Community Safety Team"
    assert split["updates"] == [{"date": date(2019, 8, 13), "text": "13/08/19 Op Sceptre and patrols"}]


def test_each_listed_update_is_its_own_with_a_date_only_where_it_gives_one(plan):
    data, _ = plan
    assert actions(data)[0]["updates"] == [
        {"date": date(2019, 10, 6), "text": "06/10/2019 Event at the football club"},
        {"text": "Posters & leaflets printed"}]
    assert actions(data, 2)[0]["updates"] == [{"text": "Between 1/4/19 – 10/12/2019 65 referrals"}]


def test_rag_ratings_are_lower_case_and_an_empty_one_is_not_rated(plan):
    data, _ = plan
    assert [a["rag"] for a in actions(data)] == ["green", "not-rated", "amber"]
    assert "editor_notes" not in data


def test_a_plan_with_no_rag_rating_anywhere_says_they_were_lost():
    unrated = [line.replace("\tGreen", "\t").replace("\tAmber", "\t") for line in TABLES]
    data, _, _ = converted(INTRODUCTION + unrated)
    assert data["editor_notes"] == [NO_RAG]
    assert {a["rag"] for p in data["priorities"] for a in p["actions"]} == {"not-rated"}


def test_an_attachment_is_said_not_to_be_published_with_a_warning_on_its_line(plan):
    data, warnings = plan
    assert actions(data)[2]["updates"] == [
        {"text": "An attached document (Meeting notes) is not published."}]
    assert f"{PATH}:26: warning: an attached document ('Meeting notes.docx') is not in the " \
        "export, so the plan says it is not published." in warnings


def test_an_attachment_named_with_a_protective_marking_asks_for_a_review():
    marked = [line.replace("<p>Meeting notes.docx</p>", "<p>OFFICIAL SENSITIVE - OPERATIONAL.msg</p>")
              for line in TABLES]
    data, warnings, _ = converted(INTRODUCTION + marked)
    assert actions(data)[2]["updates"] == [
        {"text": "An attached email (marked OFFICIAL SENSITIVE - OPERATIONAL) is not published."}]
    assert warnings == [f"{PATH}:26: warning: an attached email ('OFFICIAL SENSITIVE - "
                        "OPERATIONAL.msg') is not in the export, so the plan says it is not "
                        "published; its name is a protective marking: review it, then add "
                        "'markings_reviewed: \"why\"' to the plan."]


def test_a_row_before_any_priority_is_left_out_with_a_warning():
    data, warnings, _ = converted(INTRODUCTION + [HEADER, "Stray issue\tStray action\tNobody\t\t"]
                                  + TABLES)
    assert "Stray action" not in [a["action"] for p in data["priorities"] for a in p["actions"]]
    assert f"{PATH}:19: warning: this row comes before any priority; it is left out: add it to " \
        "the right priority by hand." in warnings


def test_the_plan_reads_back_as_the_build_reads_plans(tmp_path):
    files, _ = convert_plan(Source(PATH, "\n".join(INTRODUCTION + TABLES)))
    (tmp_path / "content/plans").mkdir(parents=True)
    (tmp_path / FILE).write_text(files[FILE], encoding="utf-8")
    problems: list = []
    [read] = read_plans(tmp_path, problems)
    assert [str(p) for p in problems] == []
    assert read.slug == "westshire-2019-20" and read.aims == ("Tackle crime", "Support victims")
    assert [len(p.actions) for p in read.priorities] == [3, 1]
    assert read.priorities[0].actions[0].updates[0].date == date(2019, 10, 6)


def test_an_introduction_line_that_is_no_aim_or_risk_is_kept_as_the_warning_says():
    """The warning said the line was kept as an editor's note, but the plan file left it out."""
    lines = INTRODUCTION + ["Contact the community safety team for more.", ""] + TABLES
    data, warnings, _ = converted(lines)
    assert f"{PATH}:18: warning: this line of the plan's introduction is not an aim or a risk; " \
        "it is kept as an editor's note." in warnings
    assert data["editor_notes"] == ["Contact the community safety team for more."]


def test_an_introduction_note_and_the_lost_ratings_note_are_both_kept_in_export_order(tmp_path):
    """The note that the RAG ratings were lost must not replace the introduction's notes."""
    unrated = [line.replace("\tGreen", "\t").replace("\tAmber", "\t") for line in TABLES]
    lines = INTRODUCTION[:2] + ["Contact the team.", ""] + INTRODUCTION[2:] \
        + ["See also the JSNA.", ""] + unrated
    files, _ = convert_plan(Source(PATH, "\n".join(lines) + "\n"))
    assert yaml.safe_load(files[FILE])["editor_notes"] == [
        "Contact the team.", "See also the JSNA.", NO_RAG]
    (tmp_path / "content/plans").mkdir(parents=True)
    (tmp_path / FILE).write_text(files[FILE], encoding="utf-8")
    problems: list = []
    [read] = read_plans(tmp_path, problems)
    assert [str(p) for p in problems] == []
    assert read.editor_notes == ("Contact the team.", "See also the JSNA.", NO_RAG)
    assert read.aims == ("Tackle crime", "Support victims")


def test_a_fourth_introduction_list_is_kept_as_an_editor_s_note_in_export_order(tmp_path):
    """Only the first three lists (aims, top risks, emerging risks) were kept: a fourth, its
    introduction and its items, was left out of the plan with no word."""
    fourth = ["The partnership will also monitor:", "", "- Fraud", "- Road safety", ""]
    lines = INTRODUCTION + fourth + ["See also the JSNA.", ""] + TABLES
    files, warnings = convert_plan(Source(PATH, "\n".join(lines) + "\n"))
    data = yaml.safe_load(files[FILE])
    assert data["editor_notes"] == ["The partnership will also monitor: Fraud; Road safety",
                                    "See also the JSNA."]
    assert (f"{PATH}:18: warning: this list of the plan's introduction comes after the aims, "
            "the top risks and the emerging risks; it is kept as an editor's note. A plan has "
            "no place of its own for it: move what readers need into a priority's actions, "
            "then delete the note.") in [str(w) for w in warnings]
    assert (data["aims"], data["risks"]) == (["Tackle crime", "Support victims"],
                                             ["Assaults", "Burglary"])
    (tmp_path / "content/plans").mkdir(parents=True)
    (tmp_path / FILE).write_text(files[FILE], encoding="utf-8")
    problems: list = []
    [read] = read_plans(tmp_path, problems)
    assert [str(p) for p in problems] == [] and "Road safety" in read.editor_notes[0]
