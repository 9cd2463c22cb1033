"""`reviewed:` in content/decks.yaml, or in a deck's own front matter: deck warnings an
editor has acknowledged, with reasons.

The site build reads it with the rest of decks.yaml (`config`). `bulletin deck`
reads it too for a deck that is one of a site's, so a deck says the same on its
own as in the build; it reads this key alone, without the site's readers
(`fields`, the model), as start-up is most of the time a deck takes.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import Problem, error
from ..sources import Located, parse_yaml, read_source
from .lint import KINDS

# Here rather than in `config`, which `bulletin deck` does not import.
FILE = "content/decks.yaml"
FOLDER = "content/decks"

Reviewed = tuple[tuple[str, frozenset[str]], ...]   # (deck file, lint kinds acknowledged)


def read_reviewed(located: Located, root: Path, problems: list[Problem],
                  only: str | None = None) -> Reviewed:
    """reviewed: {deck.md: {no-heading: "why this is fine"}}; with `only`, that deck's alone."""
    raw = located.data.get("reviewed") if isinstance(located.data, dict) else None
    if raw is None:
        return ()
    if not isinstance(raw, dict):
        problems.append(error(located.path, located.line("reviewed"), "'reviewed' must list "
                              "deck files, each with the warnings reviewed and why: 'talk.md:' "
                              "then '  no-heading: the reason'."))
        return ()
    found = []
    for deck, kinds in raw.items():
        if only is None or str(deck) == only:
            found += _deck_entry(located, root, deck, kinds, problems)
    return tuple(found)


def _deck_entry(located: Located, root: Path, deck: object, kinds: object,
                problems: list[Problem]) -> list[tuple[str, frozenset[str]]]:
    """`deck`: the key of its line, as written."""
    def say(message: str, *keys: object) -> None:
        problems.append(error(located.path, located.line("reviewed", deck, *keys), message))

    if not (root / FOLDER / str(deck)).is_file():
        say(f"'{deck}' is not a deck in {FOLDER}/.")
    found = _kinds(kinds, say, f"under '{deck}', write")
    return [] if found is None else [(str(deck), found)]


def _kinds(kinds: object, say, write: str) -> frozenset[str] | None:
    """The kinds of warning acknowledged in `kinds` ({kind: reason}); None, said, when it is
    not written so. `say(message, *keys)` reports a mistake at its line."""
    if not isinstance(kinds, dict) or not all(isinstance(v, str) and v.strip()
                                              for v in kinds.values()):
        say(f"{write} each kind of warning with the reason it is fine: 'no-heading: the "
            "reason'.")
        return None
    for kind in kinds:
        if kind not in KINDS:
            say(f"'{kind}' is not a kind of deck warning; the kinds are {', '.join(KINDS)}.",
                kind)
    return frozenset(k for k in kinds if k in KINDS)


def reviewed_in_front(meta: Located, problems: list[Problem]) -> frozenset[str]:
    """A deck's own `reviewed:` in its front matter, written as decks.yaml writes it for a
    deck (`too-tall: the reason`): a deck built on its own has no decks.yaml to say it in,
    and a slide the linter misjudged failed its --strict build (a council officer's trial)."""
    front = meta.data if isinstance(meta.data, dict) else {}
    if front.get("reviewed") is None:
        return frozenset()

    def say(message: str, *keys: object) -> None:
        problems.append(error(meta.path, meta.line("reviewed", *keys), message))

    return _kinds(front["reviewed"], say, "under 'reviewed:', write") or frozenset()


def reviewed_in_site(site: Path, deck_name: str, shown_root: Path,
                     problems: list[Problem]) -> frozenset[str]:
    """The kinds of warning the site's decks.yaml acknowledges for its deck `deck_name`.
    decks.yaml is named relative to `shown_root`, as the deck is, when it is inside it."""
    config = site / FILE
    if not config.is_file():
        return frozenset()
    source, read_problems = read_source(site, config)
    problems.extend(read_problems)
    if source is None:
        return frozenset()
    located, yaml_problems = parse_yaml(source.text, named_from(config, shown_root))
    problems.extend(yaml_problems)
    if located is None:
        return frozenset()
    return dict(read_reviewed(located, site, problems, only=deck_name)).get(deck_name, frozenset())


def named_from(file: Path, root: Path) -> str:
    """`file` as messages name it: from `root` when it is inside it, else in full."""
    try:
        return file.relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(file)
