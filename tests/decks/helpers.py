"""Building a deck from text in a test's own folder."""
from __future__ import annotations

from pathlib import Path

from builder.decks.handwritten import read_handwritten


def deck_from(tmp_path: Path, text: str, name: str = "talk.md"):
    file = tmp_path / name
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    problems: list = []
    deck = read_handwritten(tmp_path, file, file.stem, problems)
    return deck, problems


def messages(problems, severity: str | None = None) -> list[str]:
    return [f"{p.path}:{p.line}: {p.message}" for p in problems
            if severity is None or p.severity.value == severity]
