"""Words in capitals that look like abbreviations but are not in the glossary.

The site explains each abbreviation from `content/glossary.yaml` on first use;
one missing from it reaches readers unexplained. A word counts as a possible
abbreviation when it is 2 to 6 capital letters standing alone (`JSNA`,
`ABAs`, `ACE's`). Words an editor knows are not abbreviations (`COVID`, `UK`)
go in the glossary's `not_abbreviations:` list and are skipped from then on.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import Problem, warning
from .model import Glossary
from .placeholders import PLACEHOLDER
from .sources import Source, position

CAPITALS = re.compile(r"(?<![\w&/.@#-])([A-Z]{2,6})(?:'?s)?(?![\w&@-])(?!\.\w)")
# Masked before scanning: addresses, code and comments are not read as prose.
_NOT_PROSE = [
    re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"),       # a link's address
    re.compile(r"<[a-z]+:[^>\s]*>|<[^>\s@]+@[^>\s]+>"),   # autolinks
    re.compile(r"https?://\S+|www\.\S+"),
    re.compile(r"`[^`\n]*`"),
    re.compile(r"[\w.%+'-]+@[\w-]+(?:\.[\w-]+)+"),          # email addresses
    PLACEHOLDER,                                            # placeholders from `new`
    # values that are settings, not text readers see as written ('rag: AMBER' is amber)
    re.compile(r"(?m)^[ \t]*(?:-[ \t]+)?(?:rag|status|slug|key|type|month|published|email|"
               r"tables|no_update|exit_this_page|ended|align):.*$"),
]
_YAML_COMMENT = re.compile(r"(?m)(^|\s)#.*$")
_SHOUTED_NEIGHBOUR = re.compile(r"[A-Z]{7,}")
# Roman numerals and the protective-marking words (reported by their own check).
_NEVER = {"II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "SECRET"}
_SMALL_WORDS = {"and", "of", "for", "the", "to", "in", "on", "&", "with", "a"}


@dataclass(frozen=True)
class Use:
    word: str
    source: Source
    offset: int


def missing_abbreviations(sources: list[Source], glossary: Glossary) -> list[Problem]:
    """One warning per unknown abbreviation, at its first use, counting the others."""
    known = {a.abbr for a in glossary.abbreviations} | set(glossary.not_abbreviations) | _NEVER
    uses: dict[str, list[Use]] = {}
    for source in sources:
        for use in _uses(source):
            if use.word not in known:
                uses.setdefault(use.word, []).append(use)
    return [_warn(word, found) for word, found in uses.items()]


def _uses(source: Source) -> list[Use]:
    text = _prose_only(source)
    found = []
    for match in CAPITALS.finditer(text):
        if _shouted(text, match.start(1), match.end()):
            continue
        found.append(Use(match.group(1), source, match.start(1)))
    return found


def _prose_only(source: Source) -> str:
    """The file's text with everything that is not prose blanked out, keeping positions."""
    text = source.text
    if source.path.endswith(".yaml"):
        text = _YAML_COMMENT.sub(lambda m: " " * len(m.group(0)), text)
    for pattern in _NOT_PROSE:
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return text


def _shouted(text: str, start: int, end: int) -> bool:
    """Part of a phrase in capitals (a logo, 'FOR HERTFORDSHIRE'), not an abbreviation."""
    before = text[max(0, start - 20):start].split()
    after = text[end:end + 20].split()
    return any(_SHOUTED_NEIGHBOUR.fullmatch(w.strip(".,;:")) for w in before[-1:] + after[:1])


def _warn(word: str, found: list[Use]) -> Problem:
    first = found[0]
    line, col = position(first.source.text, first.offset)
    files = len({u.source.path for u in found})
    where = (f" (used {len(found)} times in {files} file{'s' if files > 1 else ''})"
             if len(found) > 1 else "")
    expansion = next((e for u in found if (e := spelled_out(u.source.text, word))), None)
    entry = f"'- abbr: {word}' with 'expansion: {expansion}' (as the text spells it out)" \
        if expansion else f"'- abbr: {word}' with 'expansion: what it stands for'"
    return warning(first.source.path, line,
                   f"'{word}' looks like an abbreviation but is not in content/glossary.yaml"
                   f"{where}; add {entry} under 'abbreviations:', or, if it is not an "
                   f"abbreviation, add it to the list 'not_abbreviations:' there.", col)


def spelled_out(text: str, abbr: str) -> str | None:
    """'Multi Agency Public Protection Arrangements (MAPPA)' or 'MACE (Multi-Agency ...)'."""
    for match in re.finditer(rf"\(\s*{re.escape(abbr)}(?:'?s)?\s*\)", text):
        words = re.findall(r"[\w&'-]+", text[max(0, match.start() - 120):match.start()])
        for size in range(len(abbr), 3 * len(abbr) + 1):
            if size <= len(words) and _initials(words[-size:]) == abbr:
                return " ".join(words[-size:])
    for match in re.finditer(rf"\b{re.escape(abbr)}\s*\(([^()]{{3,120}})\)", text):
        if _initials(re.findall(r"[\w&'-]+", match.group(1))) == abbr:
            return match.group(1).strip()
    return None


def _initials(words: list[str]) -> str:
    letters = []
    for word in words:
        if word.lower() in _SMALL_WORDS:
            continue
        letters.extend(part[0].upper() for part in word.split("-") if part)
    return "".join(letters)

