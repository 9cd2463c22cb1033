"""Reading a deck file the way reveal-md reads it: front matter, options, body.

Options come, key by key, from the front matter, else `reveal-md.json`
beside the deck, else reveal-md's defaults. `revealOptions` (passed to
`Reveal.initialize`) is then laid over `reveal.json` beside the deck, and
both over this tool's own defaults (`hash: true` with one-based numbers).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import markings
from ..errors import Problem, error, warning
from ..sources import Located, Source, not_keys, parse_yaml, read_source
from .jsregex import compile_js
from .model import HIGHLIGHT_THEMES, THEMES, DeckOptions
from .revealconfig import script_loaders, unknown_options
from .reviewed import reviewed_in_front

DEFAULTS: dict[str, Any] = {
    "title": None,
    "theme": "black",
    "highlightTheme": "zenburn",
    "separator": "\\r?\\n---\\r?\\n",
    "verticalSeparator": "\\r?\\n----\\r?\\n",
    "notesSeparator": "^\\s*notes?:",
    "revealOptions": {},
    "css": [],
    "scripts": [],
}
# Reveal.initialize options every deck gets unless it says otherwise: slide
# addresses a person can read out ("#/3/2") and come back to.
REVEAL_DEFAULTS: dict[str, Any] = {"hash": True, "hashOneBasedIndex": True}
# reveal-md options that only matter to reveal-md's own server or templates.
IGNORED = {"static", "staticDirs", "assetsDir", "preprocessor", "template", "listingTemplate",
           "port", "host", "watch", "disableAutoOpen", "print", "printSize", "absoluteUrl",
           "featuredSlide", "glob", "puppeteerLaunchArgs", "puppeteerChromiumExecutable"}
OWN_KEYS = {"month", "description", "markings_reviewed", "classification", "exit_this_page",
            "reviewed"}
_FRONT = re.compile(r"\A---(?:\r\n|\n|\r)(.*?)(?:\r\n|\n|\r)---", re.S)
_HIGHLIGHT_ALIASES = {"base16/zenburn": "zenburn", "monokai-sublime": "monokai",
                      "base16/monokai": "monokai"}


@dataclass(frozen=True)
class DeckSource:
    """A deck file as read: its text, its body after the front matter, its options."""

    path: str          # relative to the site root (or as given on the command line)
    file: Path
    text: str          # the whole file
    body: str          # what follows the front matter, from the end of its closing '---'
    body_line: int     # the file line on which body[0] stands
    options: DeckOptions


def read_deck(root: Path, file: Path, problems: list[Problem]) -> DeckSource | None:
    source, read_problems = read_source(root, file, line_ends_as_written=True) if _inside(file, root) else _read_outside(file)
    problems.extend(read_problems)
    if source is None:
        return None
    front = _FRONT.match(source.text)
    meta = Located({}, source.path)
    body, body_line = source.text, 1
    if front:
        parsed, yaml_problems = parse_yaml(front.group(1), source.path, offset=1)
        problems.extend(yaml_problems)
        if parsed is not None and isinstance(parsed.data, dict):
            meta = parsed
        elif parsed is not None and parsed.data is not None:
            problems.extend(not_keys(parsed, "the front matter must be 'key: value' lines "
                                             "(title:, theme:, revealOptions: ...)."))
        body = source.text[front.end():]
        body_line = source.text.count("\n", 0, front.end()) + 1
    problems.extend(_markings(source, meta))
    local = _json_beside(file, "reveal-md.json", root, problems)
    reveal_json = _json_beside(file, "reveal.json", root, problems)
    options = merge_options(meta, local, reveal_json, problems)
    return DeckSource(source.path, file, source.text, body, body_line, options)


def _markings(source: Source, meta: Located) -> list[Problem]:
    """Slides and speaker notes are published as written, so the whole file is scanned as a
    theme file is; front matter too broken to read turns nothing off."""
    front: dict = meta.data if isinstance(meta.data, dict) else {}
    reviewed = front.get("markings_reviewed")
    if reviewed is not None and not isinstance(reviewed, str):
        reviewed = ""  # not a reason: markings.scan asks for one
    return markings.scan(source, reviewed, front.get("classification"))


def _inside(file: Path, root: Path) -> bool:
    try:
        file.resolve().relative_to(root.resolve())
        return True
    except ValueError:
        return False


def _read_outside(file: Path):
    return read_source(file.resolve().parent, file.resolve(), line_ends_as_written=True)


def _json_beside(file: Path, name: str, root: Path, problems: list[Problem]) -> dict:
    path = file.parent / name
    if not path.is_file():
        return {}
    shown = path.resolve().relative_to(root.resolve()).as_posix() if _inside(path, root) else str(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(error(shown, 0, f"cannot read this file ({exc})."))
        return {}
    except json.JSONDecodeError as exc:
        problems.append(error(shown, exc.lineno, f"this is not valid JSON ({exc.msg}).", exc.colno))
        return {}
    if not isinstance(data, dict):
        problems.append(error(shown, 1, "this file must hold one JSON object: { \"key\": value }."))
        return {}
    return data


def merge_options(meta: Located, local: dict, reveal_json: dict, problems: list[Problem]
                  ) -> DeckOptions:
    front: dict = meta.data if isinstance(meta.data, dict) else {}
    for key in front:
        if key in IGNORED:
            problems.append(warning(meta.path, meta.line(key), f"'{key}' is a reveal-md option "
                                    "for its own server; this build does not use it."))
        elif key not in DEFAULTS and key not in OWN_KEYS:
            problems.append(warning(meta.path, meta.line(key), f"'{key}' is not a deck option; "
                                    f"the options are {', '.join(sorted(DEFAULTS))}, month, "
                                    "exit_this_page and reviewed."))

    def pick(key: str) -> Any:
        for layer in (front, local):
            if key in layer and layer[key] is not None:
                return layer[key]
        return DEFAULTS[key]

    def say(key: str, message: str) -> None:
        problems.append(error(meta.path, meta.line(key), message))

    reveal = pick("revealOptions")
    problems.extend(unknown_options(meta, front.get("revealOptions")))
    problems.extend(script_loaders(meta, front.get("revealOptions"), reveal_json))
    if not isinstance(reveal, dict):
        say("revealOptions", "'revealOptions' must be 'key: value' lines, indented under it "
                             "(transition: fade, controls: true ...).")
        reveal = {}
    return DeckOptions(
        title=_text(pick("title"), "title", say),
        theme=_theme(pick("theme"), say),
        highlight_theme=_highlight(pick("highlightTheme"), meta, problems),
        separator=_pattern(pick("separator"), "separator", say) or DEFAULTS["separator"],
        vertical_separator=_pattern(pick("verticalSeparator"), "verticalSeparator", say),
        notes_separator=_pattern(pick("notesSeparator"), "notesSeparator", say, ignore_case=True)
        or DEFAULTS["notesSeparator"],
        reveal_options={**REVEAL_DEFAULTS, **reveal_json, **reveal},
        css=_paths(pick("css"), "css", say),
        scripts=_paths(pick("scripts"), "scripts", say),
        month=_month(front.get("month"), say),
        exit_this_page=_switch(front.get("exit_this_page"), "exit_this_page", say),
        reviewed=reviewed_in_front(meta, problems),
        lines={key: meta.line(key) for key in front},
    )


def _text(value: Any, key: str, say) -> str | None:
    if value is None:
        return None
    if not isinstance(value, (str, int, float)):
        say(key, f"'{key}' must be text.")
        return None
    return str(value)


def _theme(value: Any, say) -> str:
    theme = str(value).strip()
    if theme in THEMES or theme.endswith(".css") and "://" not in theme:
        return theme
    say("theme", f"'theme: {theme}' is not a reveal.js theme; write one of {', '.join(THEMES)}, "
                 "or the path of your own .css file beside the deck.")
    return DEFAULTS["theme"]


def _highlight(value: Any, meta: Located, problems: list[Problem]) -> str:
    name = _HIGHLIGHT_ALIASES.get(str(value).strip(), str(value).strip())
    if name in HIGHLIGHT_THEMES:
        return name
    problems.append(warning(meta.path, meta.line("highlightTheme"), f"'highlightTheme: {value}' "
                            f"is not shipped with reveal.js; code is shown with zenburn "
                            f"(or write {' or '.join(HIGHLIGHT_THEMES)})."))
    return "zenburn"


def _pattern(value: Any, key: str, say, *, ignore_case: bool = False) -> str | None:
    if value is None or value == "":
        return None
    text = str(value)
    try:
        pattern = compile_js(text, ignore_case=ignore_case)
    except Exception as exc:  # re.error, or a pattern too odd to translate
        say(key, f"'{key}' is not a regular expression reveal.js can use ({exc}).")
        return None
    if pattern.fullmatch(""):
        say(key, f"'{key}: {text}' can match nothing at all, which would split the deck "
                 "everywhere; make it match at least one character, like ^---$.")
        return None
    return text


def _paths(value: Any, key: str, say) -> tuple[str, ...]:
    if isinstance(value, str):
        items = [v.strip() for v in value.split(",")]
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        items = [v.strip() for v in value]
    else:
        say(key, f"'{key}' must be a file name, names separated by commas, or a list of them.")
        return ()
    return tuple(item for item in items if item)


def _switch(value: Any, key: str, say) -> bool:
    if value is None or isinstance(value, bool):
        return bool(value)
    say(key, f"'{key}: {value}' must be true or false; write '{key}: true' or "
             f"'{key}: false' (without quotes).")
    return False


def _month(value: Any, say):
    if value is None:
        return None
    # Here, not at the top: builder.bulletins brings the whole site model, which a deck
    # without 'month:' (any deck built on its own) has no use for.
    from ..bulletins import parse_month
    month = parse_month(str(value).strip())
    if month is None:
        say("month", f"'month: {value}' is not a month; write the issue's month as YYYY-MM, "
                     "like 2026-02.")
    return month
