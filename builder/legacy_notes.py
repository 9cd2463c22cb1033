"""Editor's notes an importer can justify from the export itself.

Each note records something the export lost, found by a rule that reads the
text, never a guess at what the text should have said: a paragraph that
starts mid-sentence, a link whose address is missing, a '(see below)' whose
subject never comes, a total that is not the sum of its rows.
"""
from __future__ import annotations

import re

from .legacy_tables import Table, total_note

_TITLE_WITH_HOST = re.compile(r"(?:^|: )([^:()\[\]]+?) \(((?:[a-z0-9-]+\.)+[a-z]{2,})\)")
_SEE_BELOW = re.compile(r"\(see below\)", re.IGNORECASE)


def editor_notes(body: str, tables: list[Table]) -> list[tuple[str, str]]:
    """(note, evidence) pairs: the evidence is export text that locates the note's cause."""
    notes = [(n, t.header_text) for t in tables if (n := total_note(t))]
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
    for index, paragraph in enumerate(paragraphs):
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
        notes += _mid_sentence(paragraph)
        notes += _lost_links(paragraph, following)
        notes += _unanswered_see_below(paragraph, "\n".join(paragraphs[index + 1:]))
    return notes


def _mid_sentence(paragraph: str) -> list[tuple[str, str]]:
    if not paragraph[:1].islower():
        return []
    start = " ".join(paragraph.split()[:6])
    return [(f"Part of this section is missing from the export: the paragraph starting "
             f"'{start}' begins mid-sentence.", start)]


def _lost_links(paragraph: str, following: str) -> list[tuple[str, str]]:
    lost = [f"{m.group(1)} ({m.group(2)})" for m in _TITLE_WITH_HOST.finditer(paragraph)
            if "](" not in m.group(0)]
    if (paragraph.rstrip().endswith("below:") and "link" in paragraph.lower()
            and following and len(following) <= 80 and "](" not in following):
        lost.append(following)
    return [(f"The export gives '{text}' as plain text: the link was not in the export.", text)
            for text in lost]


def _unanswered_see_below(paragraph: str, rest: str) -> list[tuple[str, str]]:
    notes = []
    for match in _SEE_BELOW.finditer(paragraph):
        before = paragraph[:match.start()].rstrip()
        subject = before.rsplit(" the ", 1)[-1] if " the " in before else before.split()[-1]
        key = re.sub(r"^\d{4}\s+", "", subject).lower()
        if key and key not in rest.lower():
            notes.append((f"The text refers to the {subject} with '(see below)', but nothing "
                          "about it follows in the export.", f"{subject} (see below)"))
    return notes
