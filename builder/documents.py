"""Action plans (`content/plans/*.yaml`) and standalone pages (`content/pages/*.md`)."""
from __future__ import annotations

from pathlib import Path

from .errors import Problem, error
from .fields import SLUG, Fields, read_mapping
from .model import Markdown, Origin, Page, Rag, SetAside
from .model_plans import Action, Plan, Priority, Update
from .sources import body_below_front_matter, read_source, split_front_matter
from .strayfiles import unread_files
from . import markings

PLAN_KEYS = {"title", "period", "summary", "aims_intro", "aims", "risks_intro", "risks",
             "emerging_intro", "priorities", "editor_notes", "markings_reviewed", "classification"}
PAGE_KEYS = {"title", "summary", "exit_this_page", "order", "editor_notes",
             "markings_reviewed", "classification"}
# Pages the site makes itself; a content page with one of these names would clash.
RESERVED = {"index", "bulletins", "themes", "plans", "rag", "archive", "glossary",
            "accessibility", "search", "assets", "images", "404", "feed", "sitemap",
            "pagefind", "decks", "pages"}


def _files(root: Path, folder: str, pattern: str, problems: list[Problem]) -> list[Path]:
    base = root / "content" / folder
    if not base.is_dir():
        return []
    problems.extend(unread_files(root, base, pattern.removeprefix("*")))
    example = "about.md" if folder == "pages" else "community-safety-2025-26.yaml"
    files = []
    for file in sorted(base.glob(pattern)):
        rel = file.relative_to(root).as_posix()
        if not SLUG.match(file.stem):
            problems.append(error(rel, 0, f"the file name '{file.name}' must be lower-case "
                                          f"letters, digits and hyphens, like '{example}'."))
        elif file.stem in RESERVED:
            problems.append(error(rel, 0, f"'{file.stem}' is a name the site uses itself; "
                                          "rename the file."))
        else:
            files.append(file)
    return files


def read_plans(root: Path, problems: list[Problem]) -> tuple[Plan, ...]:
    plans = []
    for file in _files(root, "plans", "*.yaml", problems):
        source, read_problems = read_source(root, file)
        problems.extend(read_problems)
        located = read_mapping(source, problems, "an action plan") if source else None
        if located is not None:
            meta = Fields(located, problems=[])
            problems.extend(markings.scan(source, meta.text("markings_reviewed", required=False),
                                          meta.raw("classification", None)))
            plans.append(_read_plan(file.stem, Fields(located, problems=problems)))
    return tuple(plans)


def _read_plan(slug: str, f: Fields) -> Plan:
    f.unknown_keys(PLAN_KEYS)
    summary = f.text("summary", required=False)
    indexes = f.list_of_mappings("priorities", required=True, what="priorities")
    priorities = tuple(_read_priority(f.child("priorities", i)) for i in indexes)
    _check_numbers(f, indexes, priorities)
    return Plan(slug, f.text("title", example="Community Safety Action Plan") or slug,
                f.text("period", example="2019-2020") or "",
                Markdown(summary, Origin(f.path, f.line("summary"))) if summary else None,
                f.text("aims_intro", required=False), f.strings("aims"),
                f.text("risks_intro", required=False), f.strings("risks"),
                f.text("emerging_intro", required=False), priorities,
                f.strings("editor_notes"), Origin(f.path, 1))


def _check_numbers(f: Fields, indexes: list[int], priorities: tuple[Priority, ...]) -> None:
    """Each repeated number, where it is repeated."""
    seen: set[int] = set()
    for index, priority in zip(indexes, priorities):
        if priority.number in seen:
            f.child("priorities", index).error("number", f"priority number {priority.number} is "
                                               "used twice; number the priorities 1, 2, 3 ...")
        seen.add(priority.number)


def _read_priority(p: Fields) -> Priority:
    p.unknown_keys({"number", "title", "actions"})
    actions = tuple(_read_action(p.child("actions", i))
                    for i in p.list_of_mappings("actions", what="actions"))
    return Priority(p.integer("number", required=True), p.text("title", example="Tackle ASB") or "",
                    actions)


def _read_action(a: Fields) -> Action:
    a.unknown_keys({"issue", "action", "owner", "rag", "updates"})
    updates = []
    for index in a.list_of_mappings("updates", what="updates"):
        u = a.child("updates", index)
        u.unknown_keys({"date", "text"})
        text = u.text("text", example="What happened")
        if text:
            updates.append(Update(u.day("date", required=False), text))
    return Action(a.text("issue", required=False) or "", a.text("action", required=False) or "",
                  a.text("owner", required=False) or "",
                  a.choice("rag", Rag, default=Rag.NOT_RATED) or Rag.NOT_RATED,
                  tuple(updates), Origin(a.path, a.line()))


def read_pages(root: Path, problems: list[Problem]
               ) -> tuple[tuple[Page, ...], tuple[SetAside, ...]]:
    """The pages, in their order, and the texts of those whose front matter cannot be
    read (`SetAside`, checked but not published)."""
    pages, set_aside = [], []
    for file in _files(root, "pages", "*.md", problems):
        source, read_problems = read_source(root, file)
        problems.extend(read_problems)
        doc, split_problems = (split_front_matter(source, "title:, summary:") if source
                               else (None, []))
        problems.extend(split_problems)
        if doc is None:
            problems.extend(markings.in_unreadable(source) if source else [])
            body = body_below_front_matter(source) if source else None
            set_aside.extend([SetAside(body)] if body else [])
            continue
        f = Fields(doc.meta, problems=problems)
        f.unknown_keys(PAGE_KEYS)
        problems.extend(markings.scan(source, f.text("markings_reviewed", required=False),
                                      f.raw("classification", None)))
        pages.append(Page(file.stem, f.text("title", example="About this bulletin") or file.stem,
                          f.text("summary", required=False), f.boolean("exit_this_page"),
                          f.integer("order", default=100), f.strings("editor_notes"),
                          Markdown(doc.body, Origin(source.path, doc.body_line)),
                          Origin(source.path, 1)))
    return tuple(sorted(pages, key=lambda page: (page.order, page.slug))), tuple(set_aside)
