"""Files in a month's folder that are not its theme files or tables, and what each was meant to be.

An editor's stray file is usually a theme or a table saved with the wrong ending
(`hate-crime.MD`, `drug-tests.yml`), a copy an editing program or Windows made
(`hate-crime.md~`, `hate-crime (1).md`), or an image put beside the text. Each
message says which, and what to do; renaming a copy over the file it copies
would replace the editor's work, so a copy is told to be deleted instead.
"""
from __future__ import annotations

import difflib
import mimetypes
import os
import re
from pathlib import Path

from .errors import Problem, error, warning
from .fields import SLUG
from .folders import SETTINGS_FILES, new_month_command

# What Windows, Word and file managers add to a copy's name: "x (1)", "x - Copy", "Copy of x"
_COPY_NAME = re.compile(r"^(?:copy of\s+)?(?P<stem>.+?)(?:\s*\(\d+\)|\s*-\s*copy(?:\s*\(\d+\))?|"
                        r"[\s_-]+copy\d*)?$", re.IGNORECASE)


def not_a_theme(root: Path, file: Path, slugs: list[str], draft: bool = False) -> Problem:
    """`file`, a .md file in a month's folder of the site at `root`, whose name is no
    theme's slug; `draft`: the month is."""
    rel, stem, month_dir = file.relative_to(root).as_posix(), file.stem, file.parent
    original = _copied(stem, slugs, month_dir)
    if original:
        return error(rel, 0, f"this looks like a copy of {original}, and is not a theme file; "
                             f"delete it (if it holds text to publish, move that text into "
                             f"{original} first).")
    # The names as they are: where a disk ignores capitals (Windows, macOS), Hate-Crime.md
    # "exists" as hate-crime.md, and was told to move its text there and delete itself.
    names = {entry.name for entry in month_dir.iterdir()}
    if stem.lower() in slugs and f"{stem.lower()}.md" not in names:
        return error(rel, 0, f"'{stem}' is not a theme: theme files are named in small "
                             f"letters; rename it {stem.lower()}.md.")
    guess = difflib.get_close_matches(stem, slugs, n=1)
    named = f"theme files are named after a slug in content/themes.yaml: {', '.join(slugs)}"
    if guess and f"{guess[0]}.md" in names:
        return error(rel, 0, f"'{stem}' is not a theme; {named}. {_new_theme(stem, month_dir)} "
                             f"If its text is for {guess[0]}.md, which this month has already, "
                             "move the text there and delete this file.")
    if guess:
        return error(rel, 0, f"'{stem}' is not a theme; did you mean '{guess[0]}.md'? {named}. "
                             f"{_new_theme(stem, month_dir)}")
    return error(rel, 0, f"'{stem}' is not a theme; {named}. {_new_theme(stem, month_dir)} "
                         f"{_left_over(root, rel, slugs, month_dir, names, draft)}")


def _new_theme(stem: str, month_dir: Path) -> str:
    """A name like a theme's may be a new theme (a trial's knife-crime.md was asked
    whether it meant hate-crime.md, which renaming would have overwritten)."""
    slug = stem if SLUG.fullmatch(stem) else "its-name"
    return (f"If it is a new theme, add it to content/themes.yaml first: '- slug: {slug}', "
            f"with a 'title:' line and 'started: {month_dir.name}' (its first month) under it.")


def _left_over(root: Path, rel: str, slugs: list[str], month_dir: Path, names: set[str],
               draft: bool) -> str:
    """A theme file left from themes since replaced (an adopting council's trial, after
    replacing the two examples `bulletin init` writes): no name alike to guess from. It
    is told to take only a name the month has no file of: renamed onto one, it would
    replace that theme's update."""
    free = [slug for slug in slugs if f"{slug}.md" not in names]
    advice = (f"Otherwise rename it after the theme its text is for, like {free[0]}.md, or "
              "delete it") if free else \
        "Otherwise move its text into the theme file it belongs to, and delete it"
    month = month_dir.name
    if not draft:
        return advice + "."
    folder = rel.rpartition("/")[0]
    # `bulletin new` writes a file for each theme in themes.yaml as it is now
    command = new_month_command(root, month)
    return (f"{advice}; if nothing is written in this draft month yet, delete {folder}/ and "
            f"write it again with a file for each theme: in the bulletin tool's folder, run "
            f"{command}")


def unused_files(root: Path, month_dir: Path, slugs: list[str]) -> list[Problem]:
    """Warnings for the files the build ignores in a month's folder."""
    problems = []
    # scandir's entries know their kind from the listing: a month's every theme file and
    # table was asked of the disk again on each build
    for entry in sorted(os.scandir(month_dir), key=lambda e: e.name):
        # a month's theme files and tables are passed first: a path made for each of them
        # was a tenth of a millisecond a month
        if entry.name.startswith(".") or (entry.name.endswith((".md", ".yaml"))
                                          and entry.is_file()):
            continue
        file = Path(entry.path)
        rel = file.relative_to(root).as_posix()
        if entry.is_dir():
            problems.append(warning(rel + "/", 0, f"this folder is not used: {_folder_advice()}."))
        elif entry.is_file() and file.suffix not in (".md", ".yaml"):
            problems.append(warning(rel, 0,
                                    f"this file is not used: {_advice(file, month_dir, slugs)}."))
    return problems


def _folder_advice() -> str:
    """A trial kept a month's images in an images/ folder beside its theme files: nothing
    in it was published, and nothing was said of it."""
    return ("the build reads no folder inside a month's folder; images go in content/images/ "
            "(move them there and show one from a theme file with "
            "![what it shows](../../images/name.png)), and theme files and tables in the "
            "month's folder itself")


# Endings a page or plan is saved with by mistake, and the one it needs.
_MEANT = {".md": (".markdown", ".mdown", ".txt", ".md.txt"), ".yaml": (".yml", ".yaml.txt", ".txt")}


def unread_files(root: Path, folder: Path, suffix: str) -> list[Problem]:
    """Warnings for the files in content/pages/ or content/plans/ that are not read: one
    saved as 'help.MD' or 'dacorum.yml' was left off the site in silence."""
    problems = []
    for file in sorted(folder.iterdir()):
        if file.name.startswith(".") or file.suffix == suffix or not file.is_file():
            continue
        name, stem = file.name.lower(), file.name.split(".")[0].strip("#~")
        misnamed = name.endswith((suffix, *_MEANT[suffix])) or name.endswith(suffix + "~")
        advice = (_copy_or_rename(f"{stem}{suffix}", folder) if misnamed else
                  f"only files ending {suffix} are read here; move or delete it")
        problems.append(warning(file.relative_to(root).as_posix(), 0,
                                f"this file is not used: {advice}."))
    return problems


def _copy_or_rename(meant: str, folder: Path, left: str = "") -> str:
    """A file that should be called `meant`: renamed over one already there (hate-crime.md~,
    #about.md#), it would replace the editor's work, so it is a copy to delete."""
    if (folder / meant).is_file():
        return (f"it looks like a copy of {meant} that an editing program left{left}; delete "
                "it once you no longer need it")
    return f"rename it {meant}"


def table_slug(stem: str) -> str | None:
    """The table a .yaml file named `stem` would be once renamed, if its name is a table's
    written otherwise: 'asb_calls', 'ASB calls' and 'Asb-Calls' are all 'asb-calls'."""
    slug = re.sub(r"[\s_-]+", "-", stem.strip().lower())
    return slug if slug != stem and SLUG.match(slug) else None


# Documents an editor drafts in: told to rename 'hate-crime.docx' to hate-crime.md, an
# editor got 'this is not a text file' next (an editor's trial).
_DOCUMENTS = (".docx", ".doc", ".odt", ".rtf", ".pdf", ".pages")
_SPREADSHEETS = (".xlsx", ".xls", ".ods", ".csv")


def _advice(file: Path, month_dir: Path, slugs: list[str]) -> str:
    stem, name = file.name.split(".")[0].strip("#~"), file.name.lower()
    if name.endswith(_SPREADSHEETS):
        return (f"the build does not read a {file.suffix} spreadsheet; copy its figures into "
                "a data table, a .yaml file in this folder (docs/editors-guide.md, 'Add a data "
                "table'), then move the spreadsheet out of content/")
    if name.endswith(_DOCUMENTS):
        theme = f"{stem}.md" if stem in slugs else "the theme's .md file"
        return (f"the build cannot read a {file.suffix} document; copy its text into "
                f"{theme} (written in Markdown, see docs/editors-guide.md), then move the "
                "document out of content/")
    meant = (f"{table_slug(stem) or stem}.yaml" if name.endswith((".yml", ".yaml")) else
             f"{stem}.md" if ".md" in name or name.endswith(".markdown") or stem in slugs
             else None)
    if meant:
        return _copy_or_rename(meant, month_dir, ", and is not published")
    if (mimetypes.guess_type(file.name)[0] or "").startswith("image/"):
        return (f"images go in content/images/; move it there and show it from a theme file "
                f"with ![what it shows](../../images/{file.name})")
    return "theme files end .md and data tables .yaml; move or delete it"


def _copied(stem: str, slugs: list[str], month_dir: Path) -> str | None:
    named = _COPY_NAME.match(stem)
    original = named.group("stem").strip() if named else ""
    if original != stem and original in slugs and (month_dir / f"{original}.md").is_file():
        return f"{original}.md"
    return None


def loose_files(root: Path) -> list[Problem]:
    """Warnings for the files saved in content/ or content/bulletins/ itself, which the
    build never reads: a table saved in content/bulletins/ was reported only as missing
    from its month, and a theme file there not at all (an editor's trial)."""
    bulletins = root / "content/bulletins"
    loose = [entry for folder in (root / "content", bulletins) if folder.is_dir()
             for entry in sorted(os.scandir(folder), key=lambda e: e.name)
             if _loose(entry, folder.name == "content")]
    if not loose:
        return []   # most builds: the months are not listed again for an example
    months = sorted(e.name for e in os.scandir(bulletins) if e.is_dir()) \
        if bulletins.is_dir() else []
    month = f"content/bulletins/{months[-1] if months else 'YYYY-MM'}/"
    return [warning(Path(entry.path).relative_to(root).as_posix(), 0, "this file is not used: "
                    f"{_loose_advice(entry.name, month, Path(entry.path).parent)}.")
            for entry in loose]


def _loose(entry: os.DirEntry, in_content: bool) -> bool:
    name = entry.name
    return not (name.startswith(".") or name.lower().startswith("readme") or
                not entry.is_file() or (in_content and name in SETTINGS_FILES))


def _loose_advice(name: str, month: str, folder: Path) -> str:
    lower = name.lower()
    setting = _setting_meant(name)
    if setting is not None:
        return _where_a_setting_goes(setting, folder)
    if (mimetypes.guess_type(name)[0] or "").startswith("image/"):
        return "images go in content/images/; move it there"
    if lower.endswith((".md", ".yaml", ".yml")):
        return (f"theme files and data tables go in the folder of their month; move it into "
                f"the month it belongs to, like {month}{name} (a page goes in content/pages/, "
                "a plan in content/plans/)")
    return "move or delete it"


def _setting_meant(name: str) -> str | None:
    """The settings file `name` looks like ('Glossary.yml', 'site (1).yaml'), if any."""
    stem, lower = name.split(".")[0], name.lower()
    named = _COPY_NAME.match(stem)
    meant = f"{(named.group('stem') if named else stem).strip().lower()}.yaml"
    return meant if lower.endswith((".yml", ".yaml", ".txt")) and meant in SETTINGS_FILES \
        else None


def _where_a_setting_goes(meant: str, folder: Path) -> str:
    """A settings file is read in content/ alone; one there already may be its original,
    which a rename or a move would replace."""
    content = folder if folder.name == "content" else folder.parent
    if (content / meant).is_file():
        return (f"it looks like a copy of content/{meant}, which is the one the build reads; "
                "delete it once you no longer need it")
    return f"rename it {meant}" if folder == content else f"move it to content/{meant}"
