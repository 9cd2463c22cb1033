"""Monthly RAG update exports (`000_…`, `001_…`) into an issue folder.

The export's shape: a title line, a month line, then one row per theme,
`Theme<TAB>HTML`. A row whose first cell is empty, and plain lines after it,
continue the theme above; a tab-separated block is a data table; a theme's
name followed by a line 'Continued' carries on that theme after a page break.
A theme with a second row (or a title that makes the same file name) has the
rows' text joined in the export's order, with a warning naming both lines.
The RAG colour was cell shading and is not in the text, so every theme is
imported as not rated, and says why.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from .errors import BulletinError, Problem, warning
from .htmltext import emails_in, html_to_markdown, link_bare_addresses, link_emails, name_from_email
from .legacy_notes import editor_notes
from .legacy_tables import Table, parse_table, table_yaml
from .markdown import slugify
from .model import Contact, Month, Theme
from .sources import Source
from .writing import contacts_block, front_matter, quoted, quoted_list, scalar

LOST_RAG = "The RAG colour was cell shading in the original document and was lost in the export."
_TAGS = re.compile(r"<[^>]+>")


@dataclass
class Block:
    kind: str          # html | text | table
    line: int
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Section:
    title: str
    line: int
    theme: Theme | None
    blocks: list[Block] = field(default_factory=list)


def looks_like_update(text: str) -> bool:
    return bool(re.search(r"RAG Update", text[:300])) or \
        bool(re.search(r"(?m)^(<p>)?[^\t<]+(</p>)?\t<p>", text))


def convert_update(source: Source, themes: tuple[Theme, ...]) -> tuple[dict[str, str], list[Problem]]:
    lines = source.text.splitlines()
    warnings: list[Problem] = []
    title, month, start = _heading(lines, source, warnings)
    folder = f"content/bulletins/{month.slug}"
    sections, unplaced = _sections(lines, start, themes, folder, source, warnings)
    files = {f"{folder}/issue.yaml": _issue_yaml(title, month, unplaced)}
    for theme in themes:
        found = next((s for s in sections if s.theme is theme), None)
        files[f"{folder}/{theme.slug}.md"] = (_theme_file(found, title, month, folder, files,
                                                          source, warnings)
                                              if found else _missing_theme(month))
    for section in (s for s in sections if s.theme is None):
        slug = slugify(section.title)
        warnings.append(warning(source.path, section.line, f"'{section.title}' is not a theme in "
                                f"content/themes.yaml; its text is kept in {folder}/{slug}.md. "
                                "Add the theme, or move the text into a theme's file."))
        files[f"{folder}/{slug}.md"] = _theme_file(section, title, month, folder, files,
                                                    source, warnings)
    return files, warnings


def _heading(lines: list[str], source: Source, warnings: list[Problem]) -> tuple[str, Month, int]:
    filled = [(i, line.strip()) for i, line in enumerate(lines) if line.strip()]
    title = filled[0][1] if filled else "Monthly RAG Update"
    for index, text in filled[1:3]:
        try:
            when = datetime.strptime(_TAGS.sub("", text).strip(), "%B %Y")
            return title, Month(when.year, when.month), index + 1
        except ValueError:
            continue
    raise BulletinError(f"{source.path}: no month line like 'February 2026' after the title, "
                        "so the issue's month is unknown; add it to the export and import again.")


def _sections(lines, start, themes, folder, source, warnings) -> tuple[list[Section], list[str]]:
    by_title = {_key(t.title): t for t in themes}
    sections: list[Section] = []
    unplaced: list[str] = []
    index = start
    while index < len(lines):
        line, number = lines[index], index + 1
        cells = line.split("\t")
        first = _TAGS.sub("", cells[0]).strip()
        if _is_table_row(cells):
            rows, index = _table_rows(lines, index)
            _current(sections, unplaced, source, number, warnings, Block("table", number, rows=rows))
            continue
        if len(cells) > 1 and first:
            _start_row(sections, first, by_title.get(_key(first)), number, folder, source, warnings)
            _add_html(sections[-1], "\t".join(cells[1:]), number)
        elif len(cells) > 1:
            _current(sections, unplaced, source, number, warnings,
                     Block("html", number, "\t".join(cells[1:])))
        elif line.strip() and _key(line) in by_title and _next_text(lines, index) == "Continued":
            theme = by_title[_key(line)]
            page = Section(theme.title, number, theme)
            earlier = _same_file(sections, page)
            _carry_on(sections, earlier or page)
            index = _skip_to_continued(lines, index)
        elif line.strip():
            _current(sections, unplaced, source, number, warnings, Block("text", number, line.strip()))
        index += 1
    return sections, unplaced


def _slug(section: Section) -> str:
    """The name of the file the section is written to."""
    return section.theme.slug if section.theme else slugify(section.title)


def _start_row(sections, title, theme, number, folder, source, warnings) -> None:
    """A row naming a theme: a new section, or more of an earlier one that would be written to
    the same file, joined after it (and carried on by the lines that follow), with a warning."""
    row = Section(title, number, theme)
    earlier = _same_file(sections, row)
    if earlier is None:
        sections.append(row)
        return
    which = f"both '{title}'" if _key(title) == _key(earlier.title) else \
        f"'{earlier.title}' and '{title}', which make the same file name"
    warnings.append(warning(source.path, number, f"the rows at lines {earlier.line} and {number} "
                            f"are {which}; the second row's text follows the first's in "
                            f"{folder}/{_slug(row)}.md. Check that they belong together and "
                            "delete any text they repeat."))
    earlier.theme = earlier.theme or theme
    _carry_on(sections, earlier)


def _same_file(sections: list[Section], section: Section) -> Section | None:
    """The earlier section written to the file `section` would be."""
    return next((s for s in sections if _slug(s) == _slug(section)), None)


def _carry_on(sections: list[Section], section: Section) -> None:
    """`section` last, so that the lines which follow carry it on."""
    if section in sections:
        sections.remove(section)
    sections.append(section)


def _key(title: str) -> str:
    return re.sub(r"\s+", " ", title.replace("&amp;", "&")).strip().lower()


def _add_html(section: Section, html: str, line: int) -> None:
    if html.strip():
        section.blocks.append(Block("html", line, html))


def _current(sections, unplaced, source, line, warnings, block: Block) -> None:
    if sections:
        sections[-1].blocks.append(block)
        return
    text = block.text if block.kind != "table" else " / ".join(" ".join(r) for r in block.rows)
    unplaced.append(_TAGS.sub("", text).strip())
    warnings.append(warning(source.path, line, "this text comes before the first theme, so "
                            "it belongs to no theme; it is kept as an editor's note in "
                            "issue.yaml. Move it where it belongs."))


def _is_table_row(cells: list[str]) -> bool:
    return len(cells) >= 3 and not any("<" in c for c in cells) and all(c.strip() for c in cells)


def _table_rows(lines: list[str], index: int) -> tuple[list[list[str]], int]:
    rows = []
    while index < len(lines) and _is_table_row(lines[index].split("\t")):
        rows.append([c.strip() for c in lines[index].split("\t")])
        index += 1
    return rows, index


def _next_text(lines: list[str], index: int) -> str:
    return next((line.strip() for line in lines[index + 1:] if line.strip()), "")


def _skip_to_continued(lines: list[str], index: int) -> int:
    index += 1
    while lines[index].strip() != "Continued":
        index += 1
    return index


def _theme_file(section, title, month: Month, folder, files, source, warnings) -> str:
    parts, tables = [], []
    for position, block in enumerate(section.blocks):
        if block.kind == "html":
            parts.append(html_to_markdown(block.text))
        elif block.kind == "table":
            table = parse_table(block.rows, f"table-{_table_count(files) + 1}", title, month,
                                source, block.line, warnings)
            files[f"{folder}/{table.slug}.yaml"] = table_yaml(table)
            tables.append(table)
            parts.append(f"[table: {table.slug}]")
        else:
            following = section.blocks[position + 1] if position + 1 < len(section.blocks) else None
            parts.append(_text_block(block.text, following))
    body, made = link_bare_addresses("\n\n".join(parts))
    for label, url in made:
        warnings.append(warning(source.path, line_of(source, url, section.line),
                                f"the link text '{label}' was made from the address, which the "
                                "export gives bare; check it reads well."))
    body = link_emails(body)
    found = editor_notes(body, tables)
    for note, evidence in found:
        warnings.append(warning(source.path, line_of(source, evidence, section.line),
                                f"{section.title}: {note} (kept as an editor's note)"))
    notes = [note for note, _ in found]
    contacts = tuple(Contact(name_from_email(e), e) for e in emails_in(body))
    return front_matter(_meta(contacts, tables, notes), body + "\n")


def line_of(source: Source, evidence: str, default: int) -> int:
    """The export line holding `evidence` (its first words), for warnings an editor can find."""
    needle = evidence.strip()[:40]
    for number, line in enumerate(source.text.splitlines(), start=1):
        if needle and needle in line:
            return number
    return default


def _table_count(files: dict[str, str]) -> int:
    return sum(1 for path in files if re.search(r"/table-\d+\.yaml$", path))


def _text_block(text: str, following: Block | None) -> str:
    """A plain line from a continued page: a short unpunctuated line before text is a heading."""
    short = len(text) <= 60 and not re.search(r"[.:;,!?]$", text) and text[:1].isupper()
    if short and following is not None and following.kind == "text" and "@" not in text:
        return f"## {text}"
    return text


def _meta(contacts, tables: list[Table], notes: list[str]) -> list[str]:
    meta = ["rag: not-rated", f"rag_note: {quoted(LOST_RAG)}"]
    if contacts:
        meta += contacts_block(contacts)
    if tables:
        meta.append(f"tables: [{', '.join(t.slug for t in tables)}]")
    if notes:
        meta += quoted_list("editor_notes", notes)
    return meta


def _missing_theme(month: Month) -> str:
    lost = f"The {month.label} export has no section for this theme."
    return front_matter(["rag: not-rated",
                         f"rag_note: {quoted(lost[:-1] + ', so no RAG rating is given.')}",
                         "no_update: true"] + quoted_list("editor_notes", [lost]), "")


def _issue_yaml(title: str, month: Month, unplaced: list[str]) -> str:
    lines = [f"title: {scalar(title)}", f"month: {month.slug}",
             '# No "published" date: the export gives no publication date, so it is left out.',
             "status: published"]
    if unplaced:
        lines += quoted_list("editor_notes", [f"Text before the first theme in the export: {t}"
                                              for t in unplaced])
    return "\n".join(lines) + "\n"
