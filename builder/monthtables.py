"""A month's data tables: reading each table file of its folder, and checking that its
theme files show every table and name no other.

`bulletins` reads a month with these; a table's own columns, rows and total are read
by `tables`.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Collection

from .cache import TABLE_VERSION, digest
from .errors import Problem, error, warning
from .fields import SLUG, Fields, read_mapping
from .model import DataTable, Entry
from .placeholders import placeholders
from .sources import Source, read_source
from .strayfiles import table_slug
from .tablemarks import PLACED_TABLE, TABLE_PLACEHOLDER
from .tables import read_table
from . import markings


def read_tables(root: Path, month_dir: Path, problems: list[Problem], keyed: bool = False,
                published: bool = False) -> tuple[DataTable, ...]:
    """The tables of a month's folder (every .yaml file but issue.yaml) that read without
    an error. `keyed`: each carries the digest of its file (`made_from`), for the cache;
    `published`: placeholders left in one are errors."""
    tables = []
    for file in sorted(month_dir.glob("*.yaml")):
        if file.name == "issue.yaml":
            continue
        if not SLUG.match(file.stem):  # named once the theme files are read: misnamed_tables
            continue
        source, read_problems = read_source(root, file)
        problems.extend(read_problems + (placeholders(source) if source and published else []))
        table = _read_table(source, problems) if source else None
        if table and keyed:
            table = replace(table, made_from=digest(TABLE_VERSION, source.path, source.text))
        if table:
            tables.append(table)
    return tuple(tables)


def _read_table(source: Source, problems: list[Problem]) -> DataTable | None:
    located = read_mapping(source, problems, "a data table (columns and rows)")
    if located is None:
        return None
    problems.extend(markings.scan(source, None))
    return read_table(Path(source.path).stem, located, problems)


def listed_tables(f: Fields, tables: tuple[DataTable, ...], table_files: set[str],
                  told: set[str]) -> tuple[str, ...]:
    """The slugs of a theme file's 'tables:' that name a table read; one with no file in
    the month is an error (one whose file has errors of its own is left to those). A
    table file this tells to rename, as 'asb_calls' for 'asb-calls', is added to `told`,
    and one already there (another theme file told it) is not told again."""
    known = {t.slug for t in tables}
    listed = f.strings("tables")
    for slug in listed:
        if slug in known or slug in table_files:
            continue
        misnamed = _misnamed_file(slug, table_files)
        if misnamed in told:   # one mistake, one message: renamed, the file is this table
            continue
        if misnamed:   # and its file's name is not told apart
            told.add(misnamed)
        # Word's quotes round the name, or a character pasted in it, named as such
        f.not_allowed("tables", slug, f"the table '{slug}' has no file {slug}.yaml in this "
                      f"month's folder{_what_to_do(slug, known, misnamed)}.")
    return tuple(slug for slug in listed if slug in known)


def _what_to_do(slug: str, known: set[str], misnamed: str | None) -> str:
    if misnamed:
        return f"; rename {misnamed}.yaml to {slug}.yaml"
    names = ", ".join(sorted(known)) or "there are none in this month"
    return (f" (tables here: {names}); save it here, beside this file, or take '{slug}' out "
            "of 'tables:'")


def misnamed_tables(root: Path, month_dir: Path, stems: set[str]) -> list[Problem]:
    """Errors for the table files among `stems` whose name is not a slug, and so not read:
    the name becomes the table's id and its [table: name]. A theme file's 'tables:' that
    told one to rename is not told again."""
    problems = []
    for stem in sorted(stems):
        if SLUG.match(stem):
            continue
        meant = table_slug(stem)
        # renamed onto a table the month has, it would replace that table
        advice = (f"; rename it {meant}.yaml" if meant and meant not in stems
                  else ", like 'drug-tests.yaml'")
        problems.append(error((month_dir / f"{stem}.yaml").relative_to(root).as_posix(), 0,
                              f"the file name '{stem}.yaml' must be lower-case letters, digits "
                              f"and hyphens{advice}."))
    return problems


def misplaced_tables(path: str, body: str, body_line: int, tables: tuple[DataTable, ...],
                     table_files: set[str], told: set[str]) -> list[Problem]:
    """A '[table: slug]' paragraph must name a table of this month, or the table is lost.
    One whose file is named otherwise is told to rename it, unless 'tables:' was: `told`
    holds the files told to, which are not told again for their names."""
    known = {t.slug for t in tables}
    problems = []
    lines = body.splitlines()
    for number, line in enumerate(lines, start=body_line):
        placed = PLACED_TABLE.match(line)
        if placed and not TABLE_PLACEHOLDER.match(line.strip()):
            problems.append(error(path, number, f"'{line.strip()}' is shown as text, not as the "
                                  f"table; write it [table: {placed.group(1).lower()}], in small "
                                  "letters with the table's file name."))
        elif placed and not _apart(lines, number - body_line):
            problems.append(error(path, number, f"'{line.strip()}' runs on from the line next to "
                                  "it, so it is shown as text, not as the table; leave an empty "
                                  "line above and below it."))
        elif placed and placed.group(1) not in known | table_files:
            problems.extend(_no_such_table(path, number, line.strip(), placed.group(1), known,
                                           table_files, told))
    return problems


def _no_such_table(path: str, number: int, line: str, slug: str, known: set[str],
                   table_files: set[str], told: set[str]) -> list[Problem]:
    misnamed = _misnamed_file(slug, table_files)
    if misnamed in told:   # one mistake, one message: renamed, the file is this table
        return []
    if misnamed:
        told.add(misnamed)
        return [error(path, number, f"'{line}' names no table of this month; rename "
                                    f"{misnamed}.yaml to {slug}.yaml.")]
    names = ", ".join(sorted(known | {s for s in table_files if SLUG.match(s)})) \
        or "there are none in this month"
    return [error(path, number, f"'{line}' names no table of this month; write [table: name] "
                                f"with the name of a .yaml file in this month's folder (tables "
                                f"here: {names}).")]


def _misnamed_file(slug: str, table_files: set[str]) -> str | None:
    """The table file that would be `slug`'s once renamed ('asb_calls' for 'asb-calls')."""
    return next((stem for stem in sorted(table_files) if table_slug(stem) == slug), None)


def _apart(lines: list[str], index: int) -> bool:
    """Whether the line is a paragraph of its own: a line of text just above or below
    joins it to that paragraph (a heading does not)."""
    above = lines[index - 1].strip() if index > 0 else ""
    below = lines[index + 1].strip() if index + 1 < len(lines) else ""
    return all(not near or near.startswith("#") for near in (above, below))


def unshown_tables(entries: Collection[Entry], tables: tuple[DataTable, ...]) -> list[Problem]:
    """A table no theme file lists or places would be left off every page."""
    shown = {slug for entry in entries for slug in entry.tables}
    if all(table.slug in shown for table in tables):
        return []   # as in most months: no text need be read for a [table: ...] line
    shown |= {placed.group(1) for entry in entries for line in entry.body.text.splitlines()
              if (placed := PLACED_TABLE.match(line))}
    return [warning(table.origin.path, 0, f"this table is not shown: list it in the front "
                    f"matter of the theme it belongs to ('tables: [{table.slug}]'), or write "
                    f"[table: {table.slug}] on a line of its own where it should appear; if "
                    "it belongs to another month, move it into that month's folder.")
            for table in tables if table.slug not in shown]
