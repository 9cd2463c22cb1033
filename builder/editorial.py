"""Editorial checks: what `bulletin check` adds to the build's own validation.

The build asks "can this be published?"; these ask "should it be, yet?":
placeholders left by `bulletin new` in a draft month, and any outside the
months (the build refuses those of a published month),
abbreviations the glossary does not explain, email addresses readers cannot
click, and dates that cannot be right (the decks' own lint is the build's). They read the content files as text, after the model has
loaded, so every problem has a line and column; a check of a value the
model holds (a date, a table's rows) takes its line from the model, where the
one parse of the file put it.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from .abbreviations import missing_abbreviations
from .baseurl import MEANT, is_example_address, is_example_host
from .content import GLOSSARY_FILE, SITE_FILE
from .decks.reviewed import FOLDER as DECKS_FOLDER   # every Markdown file in it is a deck
from .errors import Problem, error, warning
from .fields import EMAIL
from .model import Content
from .placeholders import placeholders
from .sources import Source, position, read_source
from .views import format_date

_MAILTO_LINK = re.compile(r"\[([^\]]*)\]\(\s*<?mailto:([^)\s>]*)>?\s*\)", re.IGNORECASE)
_LINK_OR_AUTOLINK = re.compile(r"\[[^\]]*\]\([^)]*\)|<[^>\s]+>")
_BARE_EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# An issue reports on its month; one published long after is more likely a typing slip.
_LATEST_PUBLICATION = timedelta(days=92)


def check(root: Path, content: Content, today: date) -> list[Problem]:
    sources = _content_sources(root)
    drafts = {i.month.slug for i in content.issues if i.is_draft}
    # with no glossary read, every abbreviation would be called missing from it
    problems = ([] if content.glossary.stand_in else
                missing_abbreviations([s for s in sources if not _is_glossary(s)],
                                      content.glossary))
    for source in sources:
        month = _issue_month(source.path)
        if month is None or month in drafts:   # the build reports a published month's
            problems += placeholders(source, draft=month is not None)
        if source.path.endswith(".md"):
            # a deck links a bare address itself, as reveal-md did (builder.decks.gfm)
            problems += emails(source, bare=not source.path.startswith(f"{DECKS_FOLDER}/"))
    return (problems + issue_dates(content, today) + correction_dates(content)
            + repeated_tables(content)
            + example_address(content) + [p for s in sources for p in example_emails(s)])


def example_address(content: Content) -> list[Problem]:
    """Every canonical link, the feed and the sitemap are written from base_url: left at
    the example address, a published site would send search engines there."""
    if not is_example_address(content.site.base_url):
        return []
    return [warning(SITE_FILE, content.site.base_url_line,
                    f"base_url is still an example address ({content.site.base_url}); before "
                    f"publishing, write the address the site is published at, like '{MEANT}': "
                    "canonical links, the feed and the sitemap are made from it.")]


def example_emails(source: Source) -> list[Problem]:
    """An address at a host kept for examples, as `bulletin init` writes them: mail to it
    reaches no one, so a reader's question would go unanswered."""
    problems, seen = [], set()
    for match in _BARE_EMAIL.finditer(source.text):
        line, col = position(source.text, match.start())
        if (is_example_host(match.group(0).rpartition("@")[2])
                and (line, match.group(0)) not in seen):   # [a@x](mailto:a@x) is one mistake
            seen.add((line, match.group(0)))
            problems.append(warning(source.path, line, f"'{match.group(0)}' is at a "
                                    "domain kept for examples, where no one reads mail; before "
                                    "publishing, write the team's own address, like "
                                    "'name@yourcouncil.gov.uk'.", col))
    return problems


def _content_sources(root: Path) -> list[Source]:
    """Every text file under content/ that reads as UTF-8 (the build reports the others)."""
    found = []
    for file in sorted((root / "content").rglob("*")):
        if file.suffix in (".md", ".yaml") and file.is_file():
            source, problems = read_source(root, file)
            if source is not None and not problems:
                found.append(source)
    return found


def _is_glossary(source: Source) -> bool:
    return source.path == GLOSSARY_FILE


def _issue_month(path: str) -> str | None:
    parts = path.split("/")
    return parts[2] if len(parts) == 4 and parts[1] == "bulletins" else None


def emails(source: Source, *, bare: bool = True) -> list[Problem]:
    """Email links that cannot work, and (with `bare`) addresses written as plain text."""
    text = source.text
    body_start = _body_offset(text)
    if body_start is None:   # the build reports the missing '---'; its YAML is not prose
        return []
    problems = []
    for match in _MAILTO_LINK.finditer(text, body_start):
        label, address = match.group(1).strip(), match.group(2)
        line, col = position(text, match.start())
        if not EMAIL.match(address):
            problems.append(error(source.path, line, f"'mailto:{address}' is not an email "
                                  "address; write it like [name@yourcouncil.gov.uk]"
                                  "(mailto:name@yourcouncil.gov.uk).", col))
        elif EMAIL.match(label) and label.lower() != address.lower():
            problems.append(warning(source.path, line, f"the link text '{label}' is not the "
                                    f"address it sends to ({address}); make them the same.", col))
    linked = [(m.start(), m.end()) for m in _LINK_OR_AUTOLINK.finditer(text)]
    for match in _BARE_EMAIL.finditer(text, body_start) if bare else ():
        if any(start <= match.start() < end for start, end in linked):
            continue
        line, col = position(text, match.start())
        address = match.group(0).rstrip(".")
        problems.append(warning(source.path, line, f"the address {address} is plain text, so "
                                f"readers cannot click it; write [{address}](mailto:{address}).",
                                col))
    return problems


def _body_offset(text: str) -> int | None:
    """Where a Markdown file's body starts: after its front matter, if it has one; None
    if its front matter is never closed."""
    match = re.match(r"---[ \t]*\r?\n(?:.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)", text, re.DOTALL)
    if match:
        return match.end()
    return None if re.match(r"---[ \t]*\r?\n", text) else 0


def issue_dates(content: Content, today: date) -> list[Problem]:
    """Publication dates before the issue's month, long after it, or in the future."""
    problems = []
    for issue in content.issues:
        if issue.published is None:
            continue
        path, line = issue.origin.path, issue.published_line
        start = issue.month.first_day
        if issue.published < start:
            problems.append(warning(path, line, f"'published: {issue.published}' is before "
                                    f"{issue.month.label} begins; check the date."))
        elif issue.published > start + _LATEST_PUBLICATION:
            problems.append(warning(path, line, f"'published: {issue.published}' is more than "
                                    f"three months after {issue.month.label}; check the date."))
        if not issue.is_draft and issue.published > today:
            problems.append(warning(path, line, f"'published: {issue.published}' is in the "
                                    "future but the issue is published; correct the date, or "
                                    "set 'status: draft' until then."))
    return problems


def correction_dates(content: Content) -> list[Problem]:
    """Corrections dated before their issue was published: a trial's year typed wrong
    (2025 for 2026) was published as "Corrected on 5 March 2025", and the feed, which
    dates an issue by its latest correction, never told its readers."""
    problems = []
    for issue in content.issues:
        start = issue.published or issue.month.first_day
        early = [(entry.origin.path, fixed) for entry in issue.entries
                 for fixed in entry.corrections if fixed.day < start]
        since = (f"the issue was published ({format_date(start)})" if issue.published
                 else f"{issue.month.label} begins") if early else ""
        problems += [warning(path, fixed.line, f"this correction's 'date: {fixed.day}' is "
                             f"before {since}, and a correction comes after; check the date "
                             "(the year, say).") for path, fixed in early]
    return problems


def repeated_tables(content: Content) -> list[Problem]:
    """A table of the newest or a draft month whose rows are the month before's: `bulletin
    new` copies each table with a placeholder comment, and deleting only the comment would
    publish last month's figures as this month's. Older months are settled, so not asked,
    and a table with a mistake is not: a row it could not read is left out, and the rest
    could be last month's though the editor added a row (an editor's trial)."""
    last = len(content.issues) - 1
    problems = []
    for issue in (i for n, i in enumerate(content.issues) if i.is_draft or n == last):
        before = content.neighbours(issue)[0]
        for table in issue.tables:
            earlier = before.table(table.slug) if before is not None else None
            if (earlier is not None and earlier.rows == table.rows
                    and not content.unreadable(table.origin.path)):
                problems.append(warning(table.origin.path, table.rows_line,
                                        f"these rows are the same as {before.month.label}'s "
                                        f"({earlier.origin.path}); update the figures for "
                                        f"{issue.month.label}, or check that none changed."))
    return problems
