"""Action-plan views: priorities, actions with their latest update, RAG counts."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from . import urls
from .fragments import Fragments
from .model import Rag
from .model_plans import Plan
from .views import RagView, format_date


@dataclass(frozen=True)
class UpdateView:
    date: str | None
    date_iso: str | None
    text: str


@dataclass(frozen=True)
class ActionView:
    issue: str
    issue_first: bool      # the first action of a run sharing one issue
    issue_rows: int        # how many actions share it (for rowspan)
    action: str
    owner: str
    rag: RagView
    latest: UpdateView | None
    earlier: tuple[UpdateView, ...]


@dataclass(frozen=True)
class PriorityView:
    number: int
    title: str
    id: str
    actions: tuple[ActionView, ...]


@dataclass(frozen=True)
class RagCount:
    rag: RagView
    count: int


@dataclass(frozen=True)
class PlanView:
    slug: str
    title: str
    period: str
    href: str
    summary: Markup | None
    aims_intro: str | None
    aims: tuple[str, ...]
    risks_intro: str | None
    risks: tuple[str, ...]
    emerging_intro: str | None
    priorities: tuple[PriorityView, ...]
    rag_counts: tuple[RagCount, ...]
    action_count: int
    editor_notes: tuple[str, ...]


def plan_view(plan: Plan, fragments: Fragments) -> PlanView:
    summary = fragments.plan_summaries.get(plan.slug)
    counts = Counter(a.rag for p in plan.priorities for a in p.actions)
    return PlanView(
        plan.slug, plan.title, plan.period, urls.plan(plan.slug),
        Markup(summary.html) if summary else None, plan.aims_intro, plan.aims,
        plan.risks_intro, plan.risks, plan.emerging_intro,
        tuple(_priority(p) for p in plan.priorities),
        tuple(RagCount(RagView.of(rag), counts[rag]) for rag in
              (Rag.RED, Rag.AMBER, Rag.GREEN, Rag.NOT_RATED) if counts[rag]),
        sum(counts.values()), plan.editor_notes)


def _priority(priority) -> PriorityView:
    actions = []
    runs = _issue_runs([a.issue for a in priority.actions])
    for action, (first, rows) in zip(priority.actions, runs):
        updates = [UpdateView(format_date(u.date) if u.date else None,
                              u.date.isoformat() if u.date else None, _after_its_date(u.text, u.date))
                   for u in action.updates]
        actions.append(ActionView(action.issue, first, rows, action.action, action.owner,
                                  RagView.of(action.rag), updates[-1] if updates else None,
                                  tuple(reversed(updates[:-1]))))
    return PriorityView(priority.number, priority.title, urls.priority_id(priority.number),
                        tuple(actions))


# An update as a plan's spreadsheet has it starts with its own date: '10/02/2020', or
# '06/02/2019 St Giles training...'. Shown after the date in words, it was said twice
# ("6 February 2019: 06/02/2019 St Giles training", a reader's trial).
_LEADING_DATE = re.compile(r"\s*(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b[\s:–-]*")


def _after_its_date(text: str, day: date | None) -> str:
    """`text` without the date it starts with, where that is its update's own date."""
    found = _LEADING_DATE.match(text)
    if day is None or found is None:
        return text
    written_day, month, year = (int(part) for part in found.groups())
    year += 2000 if year < 100 else 0
    return text[found.end():] if (year, month, written_day) == (day.year, day.month,
                                                                 day.day) else text


def _issue_runs(issues: list[str]) -> list[tuple[bool, int]]:
    """For each action: does it start a run of the same issue, and how long is the run."""
    runs: list[tuple[bool, int]] = []
    index = 0
    while index < len(issues):
        end = index
        while end + 1 < len(issues) and issues[end + 1] == issues[index]:
            end += 1
        length = end - index + 1
        runs.append((True, length))
        runs.extend((False, length) for _ in range(length - 1))
        index = end + 1
    return runs
