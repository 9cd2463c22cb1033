"""Action plan exports (`002_…`) into `content/plans/<slug>.yaml`.

The export: a title, the strategic aims, top risks and emerging risks as
lists, then per priority a table `Issue / Action / Owner / Update / RAG
Rating` whose two header lines repeat at every page break. An empty Issue cell
continues the issue above; the first row after a page break that starts in
lower case, or lacks an action or an owner, is the rest of the row before it.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

import yaml

from .errors import Problem, warning
from .htmltext import html_to_markdown
from .legacy_dates import update_date
from .markings import OTHER_MARKINGS, official_sensitive
from .sources import Source

_MARKUP = re.compile(r"<[^>]+>|\*\*")
PRIORITY = re.compile(r"^(?:#+\s*)?(?:<b>|\*\*)?\s*(\d+)\.\s+(.+?)\s*(?:</b>|\*\*)?\s*$")
_ATTACHMENT = re.compile(r"^(.*?)\s*\.(msg|docx?|pdf|xlsx?|pptx?)$", re.IGNORECASE)
NO_RAG = ("The RAG ratings were not in the export: the RAG Rating column is empty for every "
          "action, so every action is shown as not rated.")


@dataclass
class Action:
    issue: str
    action: str
    owner: str
    rag: str
    updates: list[dict] = field(default_factory=list)


@dataclass
class Priority:
    number: int
    title: str
    actions: list[Action] = field(default_factory=list)


def looks_like_plan(text: str) -> bool:
    return any(is_header(line) for line in text.splitlines())


def is_header(line: str) -> bool:
    """The table's column names, repeated at the top of every page."""
    return [_MARKUP.sub("", c).strip() for c in line.split("\t")[:2]] == ["Issue", "Action"]


def convert_plan(source: Source) -> tuple[dict[str, str], list[Problem]]:
    lines = source.text.splitlines()
    warnings: list[Problem] = []
    first_table = next(i for i, line in enumerate(lines) if PRIORITY.match(line.strip())
                       and "\t" in line or is_header(line))
    title, intro = _introduction(lines[:first_table], source, warnings)
    priorities = _priorities(lines, first_table, source, warnings)
    period = re.search(r"(\d{4})\s*[-–]\s*(\d{4})", title)
    plan = {"title": re.sub(r"(\d{4})\s+[-–]\s+(\d{4})", r"\1-\2", title),
            "period": f"{period.group(1)}-{period.group(2)}" if period else ""}
    notes = intro.pop("editor_notes", [])
    plan.update(intro)
    plan["priorities"] = [_priority_yaml(p) for p in priorities]
    if all(not a.rag for p in priorities for a in p.actions):
        notes.append(NO_RAG)
    if notes:
        plan["editor_notes"] = notes
    slug = _slug(title, period)
    header = (f"# Converted from the export of the {plan['title']}.\n"
              "# Repeated page headers removed; rows split across page breaks joined; an empty "
              "Issue cell\n# continues the issue above. Update dates are given only where the "
              "text has one full date.\n")
    return {f"content/plans/{slug}.yaml": header + dump(plan)}, warnings


# What the introduction's lists are, in the order the export gives them; the emerging
# risks' items are the priorities' titles, which the tables give again.
_LISTS = ("aims", "risks", "emerging")


def _introduction(lines: list[str], source: Source, warnings) -> tuple[str, dict]:
    title, intro, lists, current, notes = "", {}, [], None, []
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text:
            continue
        if not title:
            title = re.sub(r"^#+\s*|\*\*", "", text).strip()
        elif text.startswith("- ") and current is not None:
            current[1].append(text[2:].strip())
        elif text.endswith(":"):
            current = (text, [], number)
            lists.append(current)
            if len(lists) > len(_LISTS):
                warnings.append(warning(source.path, number, "this list of the plan's "
                                        "introduction comes after the aims, the top risks and "
                                        "the emerging risks; it is kept as an editor's note. A "
                                        "plan has no place of its own for it: move what readers "
                                        "need into a priority's actions, then delete the note."))
        else:
            warnings.append(warning(source.path, number, "this line of the plan's introduction "
                                    "is not an aim or a risk; it is kept as an editor's note."))
            notes.append((number, text))
    for key, found in zip(_LISTS, lists):
        intro[f"{key}_intro"] = found[0]
        if key != "emerging":
            intro[key] = found[1]
    # A plan has no place for a list after the emerging risks: each is kept as an editor's
    # note (its introduction, then its items), among the others in the export's order.
    notes += [(number, f"{text} {'; '.join(items)}" if items else text)
              for text, items, number in lists[len(_LISTS):]]
    if notes:
        intro["editor_notes"] = [text for _, text in sorted(notes)]
    return title, {k: intro[k] for k in ("aims_intro", "aims", "risks_intro", "risks",
                                         "emerging_intro", "editor_notes") if k in intro}


def _priorities(lines, start, source, warnings) -> list[Priority]:
    priorities: list[Priority] = []
    after_break = False
    for number, line in enumerate(lines[start:], start=start + 1):
        text = line.strip()
        heading = PRIORITY.match(text)
        if heading and "\t" not in text.strip("\t"):
            index = int(heading.group(1))
            if priorities and priorities[-1].number == index:
                after_break = True
            else:
                priorities.append(Priority(index, heading.group(2).strip()))
                after_break = False
            continue
        if not text or is_header(line) or set(text) <= set("-\t "):
            continue
        if not priorities:
            warnings.append(warning(source.path, number, "this row comes before any priority; "
                                    "it is left out: add it to the right priority by hand."))
            continue
        _add_row(priorities[-1], (line.split("\t") + [""] * 5)[:5], after_break, source, number,
                 warnings)
        after_break = False
    return priorities


def _add_row(priority: Priority, cells, after_break, source, number, warnings) -> None:
    issue, action, owner, update, rag = (c.strip() for c in cells)
    last = priority.actions[-1] if priority.actions else None
    if last and after_break and _continues(issue, action, owner):
        last.issue = _join(last.issue, issue)
        last.action = _join(last.action, action)
        last.owner = _join(last.owner, owner)
        _add_updates(last, update, source, number, warnings, continued=True)
        last.rag = last.rag or rag
        return
    row = Action(issue or (last.issue if last else ""), action, owner, rag)
    _add_updates(row, update, source, number, warnings, continued=False)
    priority.actions.append(row)


def _continues(issue: str, action: str, owner: str) -> bool:
    return (issue[:1].islower() or not action or action[:1].islower() or not owner)


def _join(a: str, b: str) -> str:
    return f"{a} {b}".strip() if b else a


def _add_updates(row: Action, cell: str, source, number, warnings, *, continued: bool) -> None:
    if not cell:
        return
    if "<" not in cell:  # the rest of the last update's text, after a page break
        if continued and row.updates:
            row.updates[-1]["text"] = f"{row.updates[-1]['text']} {html.unescape(cell)}"
            row.updates[-1] = _dated(row.updates[-1]["text"])
        else:
            row.updates.append(_dated(html.unescape(cell)))
        return
    for kind, inner in re.findall(r"<(li|p)[^>]*>(.*?)</\1>", cell, re.DOTALL):
        text = html_to_markdown(inner).lstrip("•").strip()
        if not text:
            continue
        attachment = _ATTACHMENT.match(text) if kind == "p" else None
        if attachment:
            text = _attachment_note(attachment, source, number, warnings)
        row.updates.append(_dated(text))


def _attachment_note(match: re.Match, source, number, warnings) -> str:
    name, ext = match.group(1).strip(), match.group(2).lower()
    what = "email" if ext == "msg" else "document"
    marked = official_sensitive().search(name) or OTHER_MARKINGS.search(name)
    warnings.append(warning(source.path, number, f"an attached {what} ('{name}.{ext}') is not in "
                            "the export, so the plan says it is not published" +
                            ("; its name is a protective marking: review it, then add "
                             "'markings_reviewed: \"why\"' to the plan." if marked else ".")))
    described = f"marked {name}" if marked else name
    return f"An attached {what} ({described}) is not published."


def _dated(text: str) -> dict:
    when = update_date(text)
    return {"date": when, "text": text} if when else {"text": text}


def _priority_yaml(priority: Priority) -> dict:
    return {"number": priority.number, "title": priority.title,
            "actions": [{"issue": a.issue, "action": a.action, "owner": a.owner,
                         "rag": a.rag.lower() if a.rag else "not-rated",
                         "updates": a.updates} for a in priority.actions]}


def _slug(title: str, period: re.Match | None) -> str:
    place = re.sub(r"[^a-z0-9]+", "-", title.split()[0].lower()).strip("-") if title else "plan"
    return f"{place}-{period.group(1)}-{period.group(2)[2:]}" if period else place


class _Dumper(yaml.SafeDumper):
    """Block lists indented under their key, as the content model's examples are."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def dump(data: dict) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False)
