"""`bulletin init DIR`: a new site's folder, which builds at once and says what to fill in.

It writes the least a site needs: `content/site.yaml`, `content/themes.yaml` with
two example themes, `content/glossary.yaml`, the first month (by `bulletin new`'s
own rule, from the themes) and a `.gitignore` for what the tools write beside
`content/`. No `decks.yaml`: every key of it is optional, and the one this
repository's has (`presenter:`) put its county's name on another council's slides.
What must change before publishing is what `bulletin check` already reports:
`base_url` is an example address, and each theme's status and text a placeholder.
Nothing here names the county whose site this repository also is.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .errors import UsageError
from .folders import new_month_command
from .newmonth import create_month, month_argument

# What the tools write in a site's folder: the built site, the folders a build swaps it
# through (`.site.build-*`, `.site.old-*`, `.site.spare`), the build's and the
# preview's caches, and `bulletin deck`'s default output.
GITIGNORE = """\
# Written by bulletin; never commit them.
/site/
/.site.*
/.cache/
/_static/
"""

SITE = """\
# The site's settings; every key: docs/content-model.md, "site.yaml" (in the
# bulletin repository). Replace each example below with your own.
title: Community Safety Bulletin
organisation: Your Community Safety Partnership
# Where the site is published, with its sub-path; 'bulletin check' warns while it is
# this example address, as canonical links, the feed and the sitemap are made from it.
base_url: https://example.org/bulletin/
language: en-GB
description: Monthly updates on community safety from Your Community Safety Partnership.
phase: beta
# Your logo, in the header before the title and on the monthly decks' title slides:
# a file you put in assets/images/ beside content/, drawn for the header's black (a
# white logo). Take out the '#' to use it.
# logo: images/your-logo.svg
# Where "Exit this page" goes; GOV.UK's default, this one, unless you say otherwise.
# exit_this_page_url: https://www.bbc.co.uk/weather
footer:
  contacts:
    - name: Community Safety Team
      email: community.safety@example.org
  # Your postal address, a line each, and links after the footer's own (another site's
  # with https://, a page of this site by its file, like pages/privacy.md).
  # address:
  #   - County Hall
  #   - Your Town AB1 2CD
  # links:
  #   - title: Privacy notice
  #     href: https://www.example.org/privacy
# The facts of the site's accessibility statement (/accessibility/).
accessibility:
  organisation: Your Council
  contact_email: community.safety@example.org
  response_days: 5
  enforcement_url: https://www.equalityadvisoryservice.com/
  compliance: partially
  prepared: {today}
  reviewed: {today}
"""

THEMES = """\
# The themes, in the order pages list them; every key: docs/content-model.md,
# "themes.yaml". These two are examples: rename them, replace them, add your own.
# A slug names the theme's file in each month, so before writing the first month,
# change the slugs here, delete content/bulletins/{month}/ and write it again: in
# the bulletin tool's folder, run
#   {new}
themes:
  - slug: community-safety
    title: Community Safety
    description: Anti-social behaviour, neighbourhood crime and the work of the community safety partnership.
    exit_this_page: false
    contacts:                  # used by every month whose theme file names none
      - name: Community Safety Team
        email: community.safety@example.org
  - slug: domestic-abuse
    title: Domestic Abuse
    description: Support for people affected by domestic abuse, and the work of the partnership against it.
    exit_this_page: true       # a sensitive theme: its pages show "Exit this page"
"""

GLOSSARY = """\
# Abbreviations and defined terms; every key: docs/content-model.md, "glossary.yaml".
# The first use of each on a page is explained; 'bulletin check' names the words in
# capitals that are not here.
abbreviations:
  - abbr: ASB
    expansion: anti-social behaviour
not_abbreviations: [UK]
terms:
  - term: county lines
    slug: county-lines
    definition: Drug dealing networks that use a dedicated phone line to supply drugs from one area to another, often exploiting children.
"""


@dataclass(frozen=True)
class Started:
    month: str                 # the first month, a draft
    files: tuple[str, ...]     # written, relative to the site's folder


def start_site(folder: Path, month: str | None, today: date) -> Started:
    """Write a new site into `folder`, which must be new or empty; its first month is
    `month` (YYYY-MM), or this one."""
    first = month_argument(month or f"{today:%Y-%m}", f"bulletin init {folder} --month")
    _refuse_to_overwrite(folder)
    try:
        written = [_write(folder, ".gitignore", GITIGNORE),
                   _write(folder, "content/site.yaml", SITE.format(today=today.isoformat())),
                   _write(folder, "content/themes.yaml",
                          THEMES.format(month=first.slug, new=new_month_command(folder, first.slug))),
                   _write(folder, "content/glossary.yaml", GLOSSARY)]
        created = create_month(folder, first.slug)
    except OSError as exc:   # a parent that is a file, a folder not ours to write in
        raise UsageError(f"{folder} could not be written ({exc.strerror}: {exc.filename}); "
                         "name a folder you can write in, like 'bulletin init "
                         "our-bulletin'.") from None
    return Started(first.slug, tuple(written) + created.files)


# A folder holding only these was just made for the site (`git init our-bulletin`).
_ALLOWED = {".git"}


def _refuse_to_overwrite(folder: Path) -> None:
    """Into a folder with files in it, a starter would mix with (or replace) what is there."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is a file; name a new folder for the site, like "
                         "'bulletin init our-bulletin'.")
    held = sorted(p.name for p in folder.iterdir() if p.name not in _ALLOWED) \
        if folder.is_dir() else []
    if held:
        shown = ", ".join(held[:3]) + (f" and {len(held) - 3} more" if len(held) > 3 else "")
        raise UsageError(f"{folder} is not empty (it holds {shown}), and 'bulletin init' "
                         "writes only into a new or empty folder, so that it overwrites "
                         "nothing; name a new folder, like 'bulletin init our-bulletin'.")


def _write(folder: Path, rel: str, text: str) -> str:
    path = folder / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return rel
