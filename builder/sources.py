"""Reading content files: text, YAML with the line of every key, front matter.

Everything here turns bad bytes into `Problem`s with a file and line, so no
later stage sees a traceback-shaped surprise from the file system or PyYAML.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem, error
from .texts import Markdown, Origin
from .yamlcolons import keys_run_into_values
from .yamlcomments import lost_to_comments
from .yamlindents import DASHED_KEY
from .yamlmistakes import mistakes, split_rows
from .yamlvalues import as_yaml

try:  # the C loader is several times faster; fall back where it is not built
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

KeyPath = tuple[Any, ...]


@dataclass(frozen=True)
class Source:
    """One content file as read from disk."""

    path: str  # relative to the site root, forward slashes
    text: str


@dataclass(frozen=True)
class Located:
    """Plain YAML data, each key its text as written, plus the line on which each key or
    item starts."""

    data: Any
    path: str
    lines: dict[KeyPath, int] = field(default_factory=dict)
    offset: int = 0  # lines before the YAML starts (front matter sits after a ---)
    # How unquoted values that YAML read as something other than text (numbers, dates)
    # were written, so a text field keeps 01707123456 rather than the octal 253536046.
    written: dict[KeyPath, str] = field(default_factory=dict)
    # The YAML as written, for a message that names a column on a key's line; not compared,
    # as two readings of one text are the same data.
    text: str = field(default="", compare=False, repr=False)

    def line(self, *keys: Any) -> int:
        """The line of the deepest of `keys` that was written; the file start otherwise."""
        for end in range(len(keys), 0, -1):
            found = self.lines.get(tuple(keys[:end]))
            if found:
                return found
        return self.offset + 1

    def row(self, line: int) -> str:
        """The file's line `line` as written ('' when it is not in this YAML)."""
        index = line - self.offset - 1
        return self.rows[index] if 0 <= index < len(self.rows) else ""

    @cached_property
    def rows(self) -> list[str]:
        """The YAML's lines as written, split once (messages ask for several)."""
        return split_rows(self.text)


def position(text: str, offset: int) -> tuple[int, int]:
    """The line and column (both counted from 1) of `offset` in `text`."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def read_source(root: Path, file: Path, *, line_ends_as_written: bool = False
                ) -> tuple[Source | None, list[Problem]]:
    """The file as text, Windows' line ends read as '\\n' unless `line_ends_as_written`
    (a deck is split as reveal.js splits it, which keeps them)."""
    rel = file.relative_to(root).as_posix()
    try:
        raw = file.read_bytes()
    except OSError as exc:
        return None, [error(rel, 0, f"cannot read this file ({exc.strerror}).")]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) and b"\x00" in raw:
        return None, [error(rel, 0, "this file is saved as UTF-16 (Notepad calls it 'Unicode'); "
                                    "save it as UTF-8 (in Notepad choose 'UTF-8' when saving).")]
    if b"\x00" in raw:
        return None, [error(rel, 0, "this is not a text file (it contains binary data); "
                                    "content files must be UTF-8 text.")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [error(rel, line, "this file is not UTF-8 text; save it as UTF-8 "
                                       "(in Word or Notepad choose 'UTF-8' when saving).")]
    if "\r" in text and not line_ends_as_written:   # so texts compare equal across systems
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Source(rel, text), []


def parse_yaml(text: str, path: str, offset: int = 0) -> tuple[Located | None, list[Problem]]:
    """Parse YAML, keeping the line of every key; duplicate keys are an error."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return None, [error(path, offset + line, message, col)
                      for line, col, message in mistakes(text, exc, _Loader)]
    except yaml.YAMLError as exc:
        return None, [error(path, offset + 1, f"the YAML could not be read ({exc}).")]
    problems: list[Problem] = []
    lines: dict[KeyPath, int] = {}
    written: dict[KeyPath, str] = {}
    data = _to_plain(node, (), lines, problems, path, offset, written) if node is not None else None
    _forget_constructed()
    problems += lost_to_comments(text, path, offset, set(lines.values()))
    return Located(data, path, lines, offset, written, text), problems


_constructor = yaml.SafeLoader.__new__(yaml.SafeLoader)
yaml.constructor.SafeConstructor.__init__(_constructor)


def _forget_constructed() -> None:
    """PyYAML's constructor remembers every node it built, and its value, until its
    document ends; ours builds single nodes of every file and so never ends one. Left
    alone, it held every content file's nodes to the build's end (40 MB at 10,000
    entries, copied again into each forked worker)."""
    _constructor.constructed_objects.clear()
    _constructor.recursive_objects.clear()


def _to_plain(node, keys: KeyPath, lines, problems, path: str, offset: int, written: dict):
    lines[keys] = offset + node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _key(key_node, problems, path, offset)
            # '-name:' for each contact is a list's '- ' without its space, which the list's
            # reader names line by line (`Fields.not_a_list`): "keep one" would lose a contact
            if key in out and not DASHED_KEY.match(key):
                problems.append(error(path, offset + key_node.start_mark.line + 1,
                                      f"'{key}' is written twice; keep one."))
            out[key] = _to_plain(value_node, keys + (key,), lines, problems, path, offset, written)
            lines[keys + (key,)] = offset + key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_to_plain(item, keys + (i,), lines, problems, path, offset, written)
                for i, item in enumerate(node.value)]
    value = _construct(node, problems, path, offset)
    if isinstance(node, yaml.ScalarNode) and not node.style and value is not None \
            and not isinstance(value, (str, bool)):
        written[keys] = node.value
    return value


def _key(node, problems: list[Problem], path: str, offset: int) -> str:
    """A key as the editor wrote it. YAML reads 'yes', 'on', 'null' and '0x1A' as true,
    nothing and 26: messages named such a key 'True', 'None' or 26, and 'yes:' and 'on:'
    were one key written twice. No key of a content file means anything but its text."""
    key = _construct(node, problems, path, offset)
    if isinstance(key, str):
        return key
    return node.value if isinstance(node, yaml.ScalarNode) else as_yaml(key)


def _construct(node, problems: list[Problem], path: str, offset: int) -> Any:
    """One value; a value PyYAML cannot build (2026-02-30, an unknown !tag) stays as its text."""
    try:
        return _constructor.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError):
        if node.tag != "tag:yaml.org,2002:timestamp":  # an impossible date: the date field says so
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            problems.append(error(path, offset + node.start_mark.line + 1,
                                  f"the tag '{tag}' cannot be used here; remove it, or put text "
                                  "that starts with '!' in quotes.", node.start_mark.column + 1))
        return node.value if isinstance(node, yaml.ScalarNode) else None


@dataclass(frozen=True)
class FrontMatterDoc:
    """A Markdown file's front matter, and its body below it."""

    meta: Located
    body: str
    body_line: int  # the file line on which the body starts


def split_front_matter(source: Source, keys: str = "rag:, summary:"
                       ) -> tuple[FrontMatterDoc | None, list[Problem]]:
    """Split `---` YAML front matter from a Markdown body. `keys`: the first keys of
    this kind of file's front matter, for the messages' examples (a theme file's)."""
    text = source.text
    if not text.strip():
        return None, [error(source.path, 1, "this file is empty; it needs front matter "
                                            "between two '---' lines, then the text.")]
    lines = text.splitlines(keepends=True)
    if not _is_fence(lines[0]):
        return None, [error(source.path, 1, "the file must start with a line '---', then the "
                                            f"front matter ({keys}, ...), then another '---'.")]
    end = _closing_fence(lines)
    if end is None:
        return None, [error(source.path, 1, "the front matter is never closed: add a line "
                                            "'---' after the last front-matter key.")]
    meta, problems = parse_yaml("".join(lines[1:end]), source.path, offset=1)
    if meta is None:
        return None, problems
    if meta.data is None:
        meta = Located({}, source.path, {}, 1)
    if not isinstance(meta.data, dict):
        return None, problems + not_keys(meta, f"the front matter must be 'key: value' lines "
                                               f"({keys}, ...).")
    return FrontMatterDoc(meta, "".join(lines[end + 1:]), end + 2), problems


def not_keys(located: Located, message: str) -> list[Problem]:
    """For YAML that must be 'key: value' lines and is not: each line whose key runs into
    its value ('rag:green'), which is why it is not, or else `message`."""
    return [error(located.path, located.offset + line, advice, col)
            for line, col, advice in keys_run_into_values(located.rows)] or \
        [error(located.path, located.offset + 1, message)]


def body_below_front_matter(source: Source) -> Markdown | None:
    """The text below a file's front matter, whether or not the front matter can be
    read, so that a mistake in it does not hide the text's own; None if the file has no
    front matter that closes."""
    lines = source.text.splitlines(keepends=True)
    end = _closing_fence(lines) if lines and _is_fence(lines[0]) else None
    if end is None:
        return None
    return Markdown("".join(lines[end + 1:]), Origin(source.path, end + 2))


def _is_fence(line: str) -> bool:
    return line.rstrip("\r\n").strip() == "---"


def _closing_fence(lines: list[str]) -> int | None:
    """The index of the line that closes front matter opened on the first line."""
    for index in range(1, len(lines)):
        if lines[index].rstrip("\r\n").strip() in ("---", "..."):
            return index
    return None
