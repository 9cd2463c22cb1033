"""builder.plans: an action plan as its page shows it (priorities, actions, RAG counts).

The plans are made here; reading them from YAML is tested in test_documents.py.
"""
from __future__ import annotations

from datetime import date

from markupsafe import Markup

from builder.fragments import Fragments
from builder.markdown import Fragment
from builder.model import Markdown, Origin, Rag
from builder.model_plans import Action, Plan, Priority, Update
from builder.plans import RagCount, UpdateView, plan_view
from builder.views import RagView

PATH = "content/plans/dacorum.yaml"


def action(issue: str, rag: Rag = Rag.GREEN, *updates: Update) -> Action:
    return Action(issue, f"Act on {issue}", "Police", rag, updates, Origin(PATH, 8))


def plan(*priorities: Priority, summary: str | None = None) -> Plan:
    return Plan("dacorum", "Dacorum Plan", "2024-2025",
                Markdown(summary, Origin(PATH, 3)) if summary else None, None,
                ("Fewer burglaries",), None, (), None, priorities, ("Check owners",), Origin(PATH))


def fragments(**summaries: str) -> Fragments:
    return Fragments({}, {}, {}, {slug: Fragment(html, (), (), frozenset(), ())
                                  for slug, html in summaries.items()}, {})


def test_a_plan_s_view_has_its_address_summary_and_notes():
    view = plan_view(plan(summary="What we will do."),
                     fragments(dacorum="<p>What we will do.</p>\n"))
    assert (view.slug, view.href, view.period, view.aims, view.editor_notes) == (
        "dacorum", "/plans/dacorum/", "2024-2025", ("Fewer burglaries",), ("Check owners",))
    assert view.summary == Markup("<p>What we will do.</p>\n")
    assert plan_view(plan(), fragments()).summary is None


def test_rag_counts_go_red_amber_green_not_rated_leaving_out_none():
    view = plan_view(plan(Priority(1, "Burglary", (action("a", Rag.GREEN), action("b", Rag.RED))),
                          Priority(2, "ASB", (action("c", Rag.NOT_RATED), action("d", Rag.RED)))),
                     fragments())
    assert view.rag_counts == (RagCount(RagView("red", "Red"), 2),
                               RagCount(RagView("green", "Green"), 1),
                               RagCount(RagView("not-rated", "Not rated"), 1))
    assert view.action_count == 4


def test_actions_sharing_an_issue_in_a_run_share_its_cell():
    priority = Priority(3, "Drugs", tuple(action(i) for i in ("a", "a", "a", "b", "a")))
    [view] = plan_view(plan(priority), fragments()).priorities
    assert (view.number, view.id) == (3, "priority-3")
    assert [(a.issue, a.issue_first, a.issue_rows) for a in view.actions] == [
        ("a", True, 3), ("a", False, 3), ("a", False, 3), ("b", True, 1), ("a", True, 1)]


def test_an_action_shows_its_latest_update_and_the_earlier_ones_newest_first():
    updates = (Update(date(2024, 6, 1), "Began."), Update(None, "Halfway."),
               Update(date(2024, 9, 30), "Done."))
    [priority] = plan_view(plan(Priority(1, "B", (action("a", Rag.AMBER, *updates),))),
                           fragments()).priorities
    [shown] = priority.actions
    assert shown.latest == UpdateView("30 September 2024", "2024-09-30", "Done.")
    assert shown.earlier == (UpdateView(None, None, "Halfway."),
                             UpdateView("1 June 2024", "2024-06-01", "Began."))
    assert shown.rag == RagView("amber", "Amber")


def test_an_action_without_updates_has_no_latest():
    [priority] = plan_view(plan(Priority(1, "B", (action("a"),))), fragments()).priorities
    assert (priority.actions[0].latest, priority.actions[0].earlier) == (None, ())


def test_an_update_s_own_date_at_the_start_of_its_text_is_not_said_twice():
    """A reader's trial: '6 February 2019: 06/02/2019 St Giles training' and
    '10 February 2020: 10/02/2020', as the spreadsheet's texts start with their dates."""
    updates = (Update(date(2019, 2, 6), "06/02/2019 St Giles training – 70 came"),
               Update(date(2019, 3, 1), "1/3/19: sessions held"),
               Update(date(2019, 4, 1), "01/05/2019 a later date, kept"),
               Update(date(2020, 2, 10), "10/02/2020"))
    [view] = plan_view(plan(Priority(1, "Drugs", (action("a", Rag.RED, *updates),))),
                       fragments()).priorities
    (shown,) = view.actions
    assert shown.latest == UpdateView("10 February 2020", "2020-02-10", "")
    assert [u.text for u in shown.earlier] == ["01/05/2019 a later date, kept", "sessions held",
                                               "St Giles training – 70 came"]
