"""`bulletin new YYYY-MM`: start a month as a draft from the latest issue before it.

With no issue yet, the first month is written from `content/themes.yaml`: a file
per theme, not rated, each with a placeholder for its text and one for its status.

What carries forward, theme by theme: the RAG status (from the last month the
theme had an update), its contacts, its data tables, and its standing
paragraphs. A *standing paragraph* is one that appears word for word in the
theme's last two issues (the drug-testing explanation, say); nothing has to be
marked. It comes with the headings it sits under (its `## Support`), or it
would read as this month's news. Everything that is this month's news becomes a
placeholder `[[to do: ...]]`, which `bulletin check` reports as an error once the
issue is published, so none can reach the site.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .bulletins import FOLDER, parse_month
from .content import read_content
from .errors import BulletinError, ContentErrors, UsageError
from .model import Content, DataTable, Entry, Issue, Month, Rag, Theme
from .monthnames import not_a_month
from .tablemarks import TABLE_PLACEHOLDER
from .texts import joined
from .tables import noted_differences
from .writing import contacts_block, front_matter, quoted, scalar

# Further ahead than this is more likely a typing slip (2062 for 2026) than a plan.
MONTHS_AHEAD = 12
# The first month's title, which later months copy; the site's own title names the bulletin.
FIRST_TITLE = "Monthly Update"
_PARAGRAPHS = re.compile(r"\n[ \t]*\n")
# An ATX heading line ('## Support'); the group keeps it when a paragraph is split around it.
_HEADING_LINE = re.compile(r"(?m)^([ ]{0,3}#{1,6}(?:[ \t].*)?)$")
# A top-level `total_note:` and the lines that continue its value (indented, or blank).
_TOTAL_NOTE = re.compile(r"(?m)^total_note[ \t]*:.*\n(?:(?:[ \t]+.*)?\n)*?(?=\S|\Z)")


@dataclass(frozen=True)
class Created:
    month: str
    source: str | None   # the month it started from; None for the first month
    files: tuple[str, ...]
    # the months between `source` and this one with no folder: a month left out, or a
    # slip of the keyboard (2026-05 for 2026-03), which the editor is told
    skipped: tuple[str, ...] = ()


def create_month(root: Path, text: str) -> Created:
    month = month_argument(text)
    folder = root / FOLDER / month.slug
    if folder.exists():
        raise BulletinError(f"{FOLDER}/{month.slug} already exists; edit it, or delete the "
                            "folder first if you want to start it again.")
    content, problems = read_content(root, include_drafts=True)
    if content is None:
        raise ContentErrors(problems)
    base = _base_issue(content, month)
    folder.mkdir(parents=True)
    files = [_write(folder / "issue.yaml", _issue_yaml(base, month))]
    copied = base.tables if base else ()
    tables = {t.slug for t in copied}
    for theme in content.themes:
        if not theme.runs_in(month):
            continue
        files.append(_write(folder / f"{theme.slug}.md",
                            _theme_file(content, theme, month, tables)))
    for table in copied:
        files.append(_copy_table(root, table, folder, month))
    return Created(month.slug, base.month.slug if base else None,
                   tuple(f.relative_to(root).as_posix() for f in files),
                   _skipped(root, base, month))


def month_argument(text: str, command: str = "bulletin new") -> Month:
    """The month `command` was given, or a usage error saying how to write one."""
    month = parse_month(text.strip())
    if month is None:
        raise not_a_month(text, command)
    return month


def _base_issue(content: Content, month: Month) -> Issue | None:
    """The latest issue before `month`; None when there is no issue yet."""
    issues = sorted(content.issues, key=lambda i: i.month)
    if not issues:
        return None
    first, last = issues[0].month, issues[-1].month
    if month < first:
        raise UsageError(f"{month.slug} is before the first issue ({first.slug}); new months "
                         "start from an earlier issue, so there is none to start from.")
    if _months_between(last, month) > MONTHS_AHEAD:
        raise UsageError(f"{month.slug} is more than {MONTHS_AHEAD} months after the latest "
                         f"issue ({last.slug}); check the year.")
    return [i for i in issues if i.month < month][-1]


def _months_between(a: Month, b: Month) -> int:
    return (b.year - a.year) * 12 + b.month - a.month


def _skipped(root: Path, base: Issue | None, month: Month) -> tuple[str, ...]:
    """The months after `base` and before `month` that have no folder."""
    if base is None:
        return ()
    start = base.month.year * 12 + base.month.month - 1   # months since January of year 0
    between = (Month(n // 12, n % 12 + 1)
               for n in range(start + 1, start + _months_between(base.month, month)))
    return tuple(m.slug for m in between if not (root / FOLDER / m.slug).exists())


def _issue_yaml(base: Issue | None, month: Month) -> str:
    lines = [] if base else [f"# Each issue's title, shown before its month ('{FIRST_TITLE}: "
                             f"{month.label}');", "# 'bulletin new' copies it to the next month."]
    lines += [f"title: {scalar(base.title if base else FIRST_TITLE)}", f"month: {month.slug}",
              "# Add 'published: YYYY-MM-DD' when you know the date, and set 'status: published'",
              "# when no 'to do' placeholder is left in this folder ('bulletin check' lists them).",
              "status: draft"]
    if base is not None and base.summary is not None:
        lines.append(f"summary: {quoted(f'[[to do: a summary of {month.label}]]')}")
    return "\n".join(lines) + "\n"


def _theme_file(content: Content, theme: Theme, month: Month, tables: set[str]) -> str:
    history = [i.entry(theme.slug) for i in sorted(content.issues, key=lambda i: i.month)
               if i.month < month and i.entry(theme.slug) is not None]
    updates = [e for e in history if not e.no_update]
    latest = updates[-1] if updates else None
    # With no update to take it from, the status is the editor's to give, not ours to guess.
    meta = [] if latest else [f"# [[to do: set 'rag:' to red, amber or green for {month.label}, "
                              "or keep not-rated and say why in 'rag_note:']]"]
    meta.append(f"rag: {(latest.rag if latest else Rag.NOT_RATED).value}")
    if latest and latest.summary:
        meta.append(f"summary: {quoted('[[to do: one line on this month’s update]]')}")
    if latest and latest.contacts:
        meta += contacts_block(latest.contacts)
    carried = [t for t in (latest.tables if latest else ()) if t in tables]
    if carried:
        meta.append(f"tables: [{', '.join(carried)}]")
    return front_matter(meta, _body(theme, month, updates))


def _body(theme: Theme, month: Month, updates: list[Entry]) -> str:
    # An editor's trial: a theme with nothing new was left at this, and neither it nor
    # the error for a published placeholder said how to say so.
    placeholder = (f"[[to do: write the {month.label} update for {theme.title}; start each "
                   "sub-item with a '## Heading' line. Nothing new this month? Delete the text "
                   "below the second '---' and add the line 'no_update: true' after 'rag:']]")
    if not updates:
        return placeholder + "\n"
    kept = _carried(_blocks(updates[-1].body.text), _standing(updates), placeholder)
    if placeholder not in kept:
        kept.append(placeholder)
    return "\n\n".join(kept) + "\n"


def _carried(blocks: list[str], standing: set[str], placeholder: str) -> list[str]:
    """The standing paragraphs and table lines, each under the headings it sat under
    (a paragraph carried without its '## Support' reads as this month's news), and the
    placeholder where the first of last month's news was."""
    kept: list[str] = []
    above: list[int] = []      # the headings over the block being read, outermost first
    written: set[int] = set()  # of those, the ones already kept
    for index, block in enumerate(blocks):
        level = _heading_level(block)
        if level:
            above = [h for h in above if _heading_level(blocks[h]) < level] + [index]
        elif block in standing or TABLE_PLACEHOLDER.match(block):
            kept += [blocks[h] for h in above if h not in written]
            written.update(above)
            kept.append(block)
        elif placeholder not in kept:
            kept.append(placeholder)
    return kept


def _standing(updates: list[Entry]) -> set[str]:
    """Paragraphs (not headings) written word for word in the last two updates."""
    if len(updates) < 2:
        return set()
    last, before = (set(_blocks(e.body.text)) for e in updates[-2:][::-1])
    return {p for p in last & before if not _heading_level(p)}


def _blocks(text: str) -> list[str]:
    """The paragraphs and headings of a text; a heading is a block of its own even when
    its paragraph starts on the next line, so the paragraph can be found standing."""
    blocks = []
    for paragraph in _PARAGRAPHS.split(text):
        blocks += [b.strip() for b in _HEADING_LINE.split(paragraph) if b.strip()]
    return blocks


def _heading_level(block: str) -> int:
    """1 for '# ...', 2 for '## ...'; 0 for a block that is not a heading."""
    if not _HEADING_LINE.fullmatch(block):
        return 0
    return len(block) - len(block.lstrip("#"))


def _copy_table(root: Path, table: DataTable, folder: Path, month: Month) -> Path:
    """The table under a placeholder, without its `total_note`: a note explains last
    month's figures, and copied it would tell readers so of this month's."""
    target = folder / Path(table.origin.path).name
    text = _TOTAL_NOTE.sub(lambda _: _note_to_write(table, month),
                           (root / table.origin.path).read_text(encoding="utf-8"))
    figures = ("these figures and the 'source:' line" if re.search(r"(?m)^source:", text)
               else "these figures")
    target.write_text(f"# [[to do: update {figures} for {month.label}, or delete this table "
                      "and its name from the theme's 'tables:']]\n" + text, encoding="utf-8")
    return target


def _note_to_write(table: DataTable, month: Month) -> str:
    """In place of the note, a placeholder naming the columns it explained. The copied
    figures still differ from their rows there, and without a note naming them `bulletin
    check` would warn of differences the copy made, not the editor."""
    labels = noted_differences(table)
    if not labels:
        return ""
    named = joined(labels)
    return "total_note: " + quoted(f"[[to do: say to readers why the total row differs from "
                                   f"the sum of the rows in {named} in {month.label}, or "
                                   "delete this note if they add up]]") + "\n"


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
