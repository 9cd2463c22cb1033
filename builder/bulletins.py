"""Monthly issues: `content/bulletins/YYYY-MM/` into `Issue`s with their entries and tables
(a month's tables, and where its theme files show them, are read by `monthtables`)."""
from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

from .cache import ENTRY_VERSION, ISSUE_VERSION, Memo, digest, spelled
from .errors import Problem, error, warning
from .filedigests import file_digest
from .fieldlists import CORRECTION_LINES
from .fields import Fields, read_mapping
from .model import Entry, Issue, Markdown, Month, Origin, Rag, SetAside, Status, Theme
from .monthnames import year_and_month
from .placeholders import placeholders
from .sources import Source, body_below_front_matter, read_source, split_front_matter
from .strayfiles import not_a_theme, unused_files
from . import markings, monthtables, parallel
from .writtendates import month_written

FOLDER = "content/bulletins"
ISSUE_KEYS = {"title", "month", "published", "status", "summary", "editor_notes", "markings_reviewed"}
# A month's files take a few milliseconds to read; fewer months are read in this process.
MIN_MONTHS = 16
LONGEST_TITLE = 200   # characters the monthly deck's title slide fits (measured in Chromium)
# Keys editors write to say an update was changed after publishing (an editor's trial).
CORRECTION_KEYS = dict.fromkeys(
    ("updated", "last_updated", "correction", "corrected", "amended", "changed"),
    f"to tell readers what was changed after publishing, write 'corrections:' with "
    f"{CORRECTION_LINES}.")
ENTRY_KEYS = {"rag", "rag_note", "summary", "contacts", "tables", "editor_notes",
              "markings_reviewed", "no_update", "classification", "corrections"}


def read_issues(root: Path, themes: tuple[Theme, ...], problems: list[Problem], *,
                include_drafts: bool, cache: Memo | None = None,
                known_files: Memo | None = None, jobs: int = 1
                ) -> tuple[tuple[Issue, ...], tuple[Month, ...], tuple[SetAside, ...]]:
    """Every month's issue, the draft months left out, and the texts of theme files set
    aside for a mistake above them (`SetAside`), read on up to `jobs` processes
    (`builder.parallel`); each month's problems are added in the order of the months,
    whichever process read it."""
    folder = root / FOLDER
    if not folder.is_dir():
        return (), (), ()
    month_dirs = sorted(p for p in folder.iterdir() if p.is_dir())
    salt = digest(ISSUE_VERSION, include_drafts, spelled(themes)) if cache is not None else ""
    keys = [_month_key(root, d, salt, known_files) if cache is not None else None
            for d in month_dirs]
    read = [cache.get(key) if cache is not None and key is not None else None for key in keys]
    missing = [i for i, found in enumerate(read) if found is None]
    fresh = parallel.ordered_map(_read_month, (root, themes, include_drafts),
                                 [(month_dirs[i], keys[i]) for i in missing], jobs,
                                 min_items=MIN_MONTHS)
    for i, found in zip(missing, fresh):
        read[i] = found
        if cache is not None and keys[i] is not None:
            cache.put(keys[i], found)
    issues, drafts, set_aside = [], [], []
    for issue, own, aside in read:  # type: ignore[misc]  # every month is read by now
        problems.extend(own)
        set_aside.extend(aside)
        if isinstance(issue, Issue):
            issues.append(issue)
        elif issue is not None:
            drafts.append(issue)
    return tuple(issues), tuple(drafts), tuple(set_aside)


def parse_month(text: str) -> Month | None:
    found = year_and_month(text)
    return Month(*found) if found else None


def _month_key(root: Path, month_dir: Path, salt: str, known_files: Memo | None) -> str | None:
    """What a month's issue is kept under: the month's folder, the names in it and each
    file's bytes (and the themes and `include_drafts`: `salt`), as `_read_issue` reads
    nothing else; None if a file cannot be read, for `_read_issue` to say why.
    `known_files` spares reading the files that are as they were (`filedigests`)."""
    files = _month_files(month_dir, known_files)
    if files is None:
        return None
    return digest(salt, month_dir.relative_to(root).as_posix(), *files)


def _read_month(state: tuple[Path, tuple[Theme, ...], bool], job: tuple[Path, str | None]
                ) -> tuple[Issue | Month | None, tuple[Problem, ...], tuple[SetAside, ...]]:
    """One month's issue (or its month, if it is a draft left out), its problems and the
    texts it set aside. With the key it is kept under (`_month_key`), the issue carries
    that key, and its entries and tables keys of their own inputs (`made_from`)."""
    root, themes, include_drafts = state
    month_dir, key = job
    own: list[Problem] = []
    aside: list[SetAside] = []
    issue = _read_issue(root, month_dir, themes, own, aside, include_drafts,
                        keyed=key is not None)
    if isinstance(issue, Issue) and key is not None:
        issue = replace(issue, made_from=key)
    return issue, tuple(own), tuple(aside)


def _month_files(month_dir: Path, known_files: Memo | None) -> list[bytes | str] | None:
    """Each name in the folder (but hidden ones, which are never read) and each file's
    SHA-256; None if one cannot be read, for `_read_issue` to say why."""
    parts = []
    try:
        with os.scandir(month_dir) as listing:
            for item in sorted(listing, key=lambda item: item.name):
                if item.name.startswith("."):
                    continue
                if not item.is_file():
                    parts += [b"folder:" + os.fsencode(item.name), b""]
                    continue
                parts += [b"file:" + os.fsencode(item.name), file_digest(item.path, known_files)]
    except OSError:
        return None
    return parts


def _read_issue(root: Path, month_dir: Path, themes, problems, set_aside: list[SetAside],
                include_drafts, keyed: bool = False) -> Issue | Month | None:
    """The month's issue; its month alone if it is a draft and drafts are left out (links
    to it are told so); None if it cannot be read (its problems say why, and the texts
    of its theme files are `set_aside` to be checked)."""
    rel_dir = month_dir.relative_to(root).as_posix()
    month = parse_month(month_dir.name)
    if month is None:
        meant = month_written(month_dir.name)
        problems.append(error(rel_dir, 0, f"the folder name '{month_dir.name}' is not a month; "
                              + (f"rename it {meant}: month folders are named YYYY-MM."
                                 if meant else "name month folders YYYY-MM, like 2026-02.")))
        return None
    issue_file = month_dir / "issue.yaml"
    if not issue_file.is_file():
        problems.append(error(f"{rel_dir}/issue.yaml", 0, "this month has no issue.yaml; copy "
                              "one from another month and change 'month:' and 'status:'."))
        return _without_issue(root, month_dir, month, themes, problems, set_aside)
    source, read_problems = read_source(root, issue_file)
    problems.extend(read_problems)
    located = read_mapping(source, problems, "the issue's title, month and status") if source else None
    if located is None:
        return _without_issue(root, month_dir, month, themes, problems, set_aside)
    f = Fields(located, problems=problems)
    f.unknown_keys(ISSUE_KEYS)
    problems.extend(markings.scan(source, f.text("markings_reviewed", required=False)))
    status = f.choice("status", Status, default=None) or Status.DRAFT
    _check_month_key(f, month, month_dir.name)
    if status is Status.DRAFT and not include_drafts:
        return month
    published = status is not Status.DRAFT
    if published:
        problems.extend(placeholders(source))
    summary = f.text("summary", required=False)
    problems.extend(unused_files(root, month_dir, [t.slug for t in themes]))
    tables = monthtables.read_tables(root, month_dir, problems, keyed, published)
    entries, missing = _read_entries(root, month_dir, month, themes, tables, problems,
                                     set_aside, keyed, status)
    title = f.text("title", example="Monthly Update")
    if title and len(title) > LONGEST_TITLE:
        f.warn("title", f"this title is {len(title)} characters long, and past {LONGEST_TITLE} it "
                        "no longer fits the deck's title slide; keep it short and put the rest "
                        "in 'summary:'.")
    return Issue(month, title or month.label,
                 f.day("published", required=False), status,
                 Markdown(summary, Origin(f.path, f.line("summary"))) if summary else None,
                 f.strings("editor_notes"), entries, tables, Origin(f.path, 1),
                 missing_themes=missing, published_line=f.line("published"))


def _without_issue(root: Path, month_dir: Path, month: Month, themes, problems,
                   set_aside: list[SetAside]) -> None:
    """A month whose issue.yaml cannot be read is left out, but its theme files and tables
    are still read for their own mistakes, and their texts set aside to be checked, so
    that one run lists them all. Whether the month is published is not known, so
    placeholders are left to the run after."""
    tables = monthtables.read_tables(root, month_dir, problems)
    entries, _ = _read_entries(root, month_dir, month, themes, tables, problems, set_aside)
    set_aside.extend(SetAside(e.body, month, e.theme) for e in entries)
    return None


def _check_month_key(f: Fields, month: Month, folder: str) -> None:
    raw = f.raw("month", None)
    if raw is None:
        f.error("month", f"'month' is missing; write 'month: {folder}'.")
    elif str(raw).strip() != folder:
        f.error("month", f"'month: {raw}' does not match the folder '{folder}'; write "
                         f"'month: {folder}' (or rename the folder).")


def _read_entries(root: Path, month_dir: Path, month: Month, themes, tables, problems,
                  set_aside: list[SetAside], keyed: bool = False, status: Status | None = None
                  ) -> tuple[tuple[Entry, ...], tuple[str, ...]]:
    """The month's entries, in theme order, and the themes it has no file for; the text
    of a file whose front matter cannot be read is `set_aside`. `status` is None where it
    is not known (issue.yaml unread): neither a draft's advice nor a published month's
    placeholders apply."""
    published = status not in (None, Status.DRAFT)
    by_slug = {t.slug: t for t in themes}
    found: dict[str, Entry] = {}
    # Table files written in this folder, read or not: one with mistakes is not "missing".
    table_files = {p.stem for p in month_dir.glob("*.yaml")} - {"issue"}
    told: set[str] = set()   # table files a theme file told to rename, not told again
    files = sorted(month_dir.glob("*.md"))
    for file in files:
        if by_slug and file.stem not in by_slug:  # no themes: themes.yaml has its own error
            problems.append(not_a_theme(root, file, list(by_slug), status is Status.DRAFT))
            continue
        source, read_problems = read_source(root, file)
        problems.extend(read_problems + (placeholders(source) if source and published else []))
        entry = (_read_entry_keyed(keyed, source, file.stem, month, tables, problems,
                                   table_files, told) if source else None)
        if isinstance(entry, SetAside):
            set_aside.append(entry)
        elif entry:
            found[entry.theme] = entry
            if not entry.body.text.strip() and not entry.no_update:
                problems.append(_no_text(entry, published))
            # the file read again only for an entry read as not rated, so seldom
            unsaid = published and entry.rag is Rag.NOT_RATED and not (entry.no_update
                                                                          or entry.rag_note)
            line = _written_not_rated(source) if unsaid else None
            if line:
                problems.append(warning(source.path, line,
                                        "this theme is 'not-rated' and does not say why; "
                                        "readers see 'Not rated' alone. Say why in 'rag_note:' "
                                        "(like 'rag_note: The board rates it in April.'), or "
                                        "rate it red, amber or green."))
    problems.extend(monthtables.misnamed_tables(root, month_dir, table_files - told))
    named = {file.stem for file in files}
    missing = tuple(theme.slug for theme in themes if theme.slug not in named)
    if len(found) == len(files):   # a file that did not read may be the one showing a table
        problems.extend(monthtables.unshown_tables(found.values(), tables))
    return tuple(found[t.slug] for t in themes if t.slug in found), missing


# 'rag: not-rated' as written (a value refused is read as not rated, and has its own error).
_NOT_RATED = re.compile(r"^rag[ \t]*:[ \t]*[\"']?not-rated[\"']?[ \t]*(#.*)?$",
                        re.MULTILINE | re.IGNORECASE)


def _written_not_rated(source: Source) -> int | None:
    """The line of 'rag: not-rated', if the file says so. Said without a reason in a
    published month, readers saw 'Not rated' alone: 'bulletin new' carries a month's status
    on but not its reason, and a month was published so (an editor's trial); the editor's
    guide asks for the reason."""
    found = _NOT_RATED.search(source.text)
    return source.text.count("\n", 0, found.start()) + 1 if found else None


def _no_text(entry: Entry, published: bool) -> Problem:
    """A theme file with nothing below its front matter: in a published month an error, as
    a placeholder left there is; the page showed the theme's status and nothing else (an
    editor's trial)."""
    where = (entry.body.origin.path, entry.body.origin.line)
    if published:
        return error(*where, "this theme has no text, in a month that is published; write the "
                     "update below the front matter, or set 'no_update: true' if there is "
                     "none this month.")
    return warning(*where, "this theme has no text; write the update below the front matter, "
                   "or set 'no_update: true'.")


def _read_entry_keyed(keyed: bool, source: Source, theme: str, month: Month, tables,
                      problems: list[Problem], table_files: set[str], told: set[str]
                      ) -> Entry | SetAside | None:
    """`_read_entry`, with the digest of what it depends on when `keyed`: the text, the
    file's path, theme and month, the slugs of the month's tables and the names of its
    table files."""
    entry = _read_entry(source, theme, month, tables, problems, table_files, told)
    if not isinstance(entry, Entry) or not keyed:
        return entry
    return replace(entry, made_from=digest(
        ENTRY_VERSION, source.path, theme, month.slug, repr(sorted(t.slug for t in tables)),
        repr(sorted(table_files)), source.text))


def _read_entry(source: Source, theme: str, month: Month, tables, problems,
                table_files: set[str], told: set[str]) -> Entry | SetAside | None:
    """The theme's update; its text alone (`SetAside`) if its front matter cannot be
    read; None if the file has no text to find."""
    doc, split_problems = split_front_matter(source)
    problems.extend(split_problems)
    if doc is None:
        problems.extend(markings.in_unreadable(source))
        body = body_below_front_matter(source)
        return SetAside(body, month, theme) if body is not None else None
    f = Fields(doc.meta, problems=problems)
    f.unknown_keys(ENTRY_KEYS, CORRECTION_KEYS)
    problems.extend(markings.scan(source, f.text("markings_reviewed", required=False),
                                  f.raw("classification", None)))
    no_update = f.boolean("no_update")
    rag = f.choice("rag", Rag, default=Rag.NOT_RATED if no_update else None) or Rag.NOT_RATED
    listed = monthtables.listed_tables(f, tables, table_files, told)
    problems.extend(monthtables.misplaced_tables(source.path, doc.body, doc.body_line, tables,
                                                 table_files, told))
    if doc.body.strip() and no_update:
        f.error("no_update", "this file says 'no_update: true' but has an update below its "
                "front matter, and the page would show both; remove 'no_update: true' to "
                "publish the update, or remove the text.")
    return Entry(theme, month, rag, f.text("rag_note", required=False),
                 f.text("summary", required=False), f.contacts("contacts"), listed,
                 f.strings("editor_notes"), no_update,
                 Markdown(doc.body, Origin(source.path, doc.body_line)), Origin(source.path, 1),
                 f.corrections("corrections"))
