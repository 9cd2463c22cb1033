"""The model of an action plan: its priorities, their actions and the actions' updates,
as `builder.documents` reads them.

Part of the model (`builder.model`), kept apart for its size; like it, it imports
nothing that renders.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .texts import Markdown, Origin

if TYPE_CHECKING:   # model.py, which defines Rag, imports this module
    from .model import Rag


@dataclass(frozen=True)
class Update:
    date: datetime.date | None
    text: str


@dataclass(frozen=True)
class Action:
    issue: str
    action: str
    owner: str
    rag: Rag
    updates: tuple[Update, ...]
    origin: Origin


@dataclass(frozen=True)
class Priority:
    number: int
    title: str
    actions: tuple[Action, ...]


@dataclass(frozen=True)
class Plan:
    slug: str
    title: str
    period: str
    summary: Markdown | None
    aims_intro: str | None
    aims: tuple[str, ...]
    risks_intro: str | None
    risks: tuple[str, ...]
    emerging_intro: str | None
    priorities: tuple[Priority, ...]
    editor_notes: tuple[str, ...]
    origin: Origin
