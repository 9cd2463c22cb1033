"""`bulletin import FILE...`: legacy exports into content files.

Each export is recognised by its shape: a monthly RAG update, an action plan
(its Issue/Action/Owner/Update table), a slide deck (not imported: decks are
written as Markdown already), or else a document, imported as a page. Every
file to be written is made first; nothing is written if any of them exists
already (unless --force), so an import never half-happens.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .content import read_content
from .errors import BulletinError, ContentErrors, Problem, UsageError
from .legacy_pages import convert_page
from .legacy_plans import convert_plan, looks_like_plan
from .legacy_updates import convert_update, looks_like_update
from .sources import Source


@dataclass(frozen=True)
class ImportResult:
    written: tuple[str, ...]
    warnings: tuple[Problem, ...]


def import_files(root: Path, files: list[Path], *, force: bool = False) -> ImportResult:
    content, problems = read_content(root, include_drafts=True)
    if content is None:
        raise ContentErrors(problems)
    outputs: dict[str, str] = {}
    warnings: list[Problem] = []
    for file in files:
        made, found = convert(read_export(file), content.themes)
        clash = set(made) & set(outputs)
        if clash:
            raise BulletinError(f"{file} and an earlier file would both write {sorted(clash)[0]}; "
                                "import them one at a time.")
        outputs.update(made)
        warnings += found
    existing = [rel for rel in outputs if (root / rel).exists()]
    if existing and not force:
        raise BulletinError(f"{existing[0]} already exists" +
                            (f" (and {len(existing) - 1} more)" if len(existing) > 1 else "") +
                            "; nothing was written. Import with --force to replace them.")
    for rel, text in outputs.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return ImportResult(tuple(outputs), tuple(warnings))


def read_export(file: Path) -> Source:
    if not file.is_file():
        raise UsageError(f"{file} is not a file")
    raw = file.read_bytes()
    if not raw.strip():
        raise BulletinError(f"{file} is empty; there is nothing to import.")
    if b"\x00" in raw:
        raise BulletinError(f"{file} is not a text export (it holds binary data); export the "
                            "document as plain text (.txt, UTF-8) and import that.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise BulletinError(f"{file}:{line}: this export is not UTF-8 text; save it again "
                            "choosing UTF-8.") from None
    return Source(str(file), text.replace("\r\n", "\n"))


def convert(source: Source, themes) -> tuple[dict[str, str], list[Problem]]:
    if _looks_like_deck(source.text):
        raise BulletinError(f"{source.path} is a slide deck (reveal-md Markdown), which needs "
                            "no conversion; copy it into the site's decks folder instead.")
    if looks_like_plan(source.text):
        return convert_plan(source)
    if looks_like_update(source.text):
        return convert_update(source, themes)
    return convert_page(source)


def _looks_like_deck(text: str) -> bool:
    head = text.lstrip()[:600]
    return head.startswith("---") and bool(re.search(r"(?m)^(revealOptions|verticalSeparator)\s*:",
                                                     head))
