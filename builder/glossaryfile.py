"""content/glossary.yaml into the `Glossary`: its abbreviations, defined terms and the
words in capitals that are not abbreviations."""
from __future__ import annotations

import difflib

from .errors import Problem
from .fields import Fields
from .model import Abbreviation, Glossary, Markdown, Origin, Term
from .sources import Located


def read_glossary(located: Located, problems: list[Problem], pages: tuple[str, ...]) -> Glossary:
    """`pages`: the slugs of the standalone pages, which a term's `source:` names."""
    f = Fields(located, problems=problems)
    f.unknown_keys({"abbreviations", "terms", "not_abbreviations"})
    return Glossary(_abbreviations(f), _terms(f, pages), f.strings("not_abbreviations"))


def _abbreviations(f: Fields) -> tuple[Abbreviation, ...]:
    found, seen = [], set()
    for index in f.list_of_mappings("abbreviations", what="abbreviations"):
        a = f.child("abbreviations", index)
        if _misfiled(f, a, "abbreviations"):
            continue
        a.unknown_keys({"abbr", "expansion", "editor_note"})
        abbr = a.text("abbr", example="ASB")
        if abbr and abbr.lower() in seen:  # one entry, one anchor on the glossary page
            a.error("abbr", f"the abbreviation '{abbr}' is listed twice; keep one.")
        elif abbr:
            seen.add(abbr.lower())
            found.append(Abbreviation(abbr, a.text("expansion", required=False),
                                      a.text("editor_note", required=False)))
    return tuple(found)


def _terms(f: Fields, pages: tuple[str, ...]) -> tuple[Term, ...]:
    found, slugs = [], set()
    for index in f.list_of_mappings("terms", what="defined terms"):
        t = f.child("terms", index)
        if _misfiled(f, t, "terms"):
            continue
        t.unknown_keys({"term", "slug", "definition", "source"})
        term, slug = t.text("term", example="county lines"), t.slug("slug", example="county-lines")
        definition = t.text("definition", example="What the term means.")
        if slug in slugs:
            t.error("slug", f"the term slug '{slug}' is used twice; each term needs its own.")
        elif term and slug and definition:
            slugs.add(slug)
            found.append(Term(term, slug, Markdown(definition, Origin(f.path, t.line("definition"))),
                              _term_source(t, pages)))
    return tuple(found)


# Each list, the key its items start with, and what an item of it is
_LISTS = {"abbreviations": ("abbr", "an abbreviation"), "terms": ("term", "a defined term")}


def _misfiled(f: Fields, item: Fields, listed: str) -> bool:
    """An item of the other list, written under `listed`: an abbreviation added at the end
    of the file, under 'terms:', was told that 'abbr' is no key of the file and that a
    term, a slug and a definition were missing (an editor's trial)."""
    belongs = next(name for name in _LISTS if name != listed)
    own, (other, what) = _LISTS[listed][0], _LISTS[belongs]
    if not item.has(other) or item.has(own):
        return False
    there = f"(line {f.line(belongs)})" if f.has(belongs) else "(add that line, if it is not there)"
    item.error(other, f"this is {what}, but it is listed under '{listed}:'; move it under "
                      f"'{belongs}:' {there}, indented as the items there are.")
    return True


def _term_source(t: Fields, pages: tuple[str, ...]) -> str | None:
    """The page a term's definition comes from: the glossary links it, so it must be one."""
    source = t.text("source", required=False)
    if source is None or source in pages:
        return source
    guess = difflib.get_close_matches(source, pages, n=1)
    hint = f" Did you mean '{guess[0]}'?" if guess else ""
    t.error("source", f"'{t.where('source')}: {source}' names no page, and the glossary would "
                      f"link to one; write the name of a file in content/pages/ without .md "
                      f"({', '.join(pages) or 'there are none yet'}), or leave 'source:' "
                      f"out.{hint}")
    return None
