"""Reading typed values out of YAML, with editor-friendly messages.

A `Fields` wraps one YAML mapping; each accessor returns a value or a safe
default and records a `Problem` naming the file, the key's line and what to
write instead. Validation never stops at the first problem.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar

from .errors import Problem, error, warning
from .fieldlists import ListsOfMappings
from .pasted import written_otherwise
from . import invisibles, markings, texts, unknownkeys
from .sources import Located, Source, not_keys, parse_yaml
from .writtendates import year_first
from .yamlvalues import as_yaml

E = TypeVar("E", bound=Enum)

EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# 01992 555555, (01992) 555-555, +44 (0)1992 555555: one class, so no value can make it
# backtrack (a nested pattern took minutes over 30 digits and an 'x')
PHONE = re.compile(r"\+?[(0-9][0-9 ()-]*")
PHONE_EXAMPLE = "01992 555555"
# A full address on another site, as a page links to it: https, a host with a dot, no spaces.
HTTPS = texts.HTTPS
_MISSING = object()


class Fields(ListsOfMappings):
    def __init__(self, located: Located, prefix: tuple = (), problems: list[Problem] | None = None):
        self.located = located
        self.prefix = prefix
        self.problems = problems if problems is not None else []
        data = located.data
        for key in prefix:
            data = data[key]
        self.data = data if isinstance(data, dict) else {}

    @property
    def path(self) -> str:
        return self.located.path

    def line(self, *keys: Any) -> int:
        return self.located.line(*self.prefix, *keys)

    def child(self, *keys: Any) -> "Fields":
        return Fields(self.located, self.prefix + keys, self.problems)

    def where(self, key: str) -> str:
        return ".".join(str(k) for k in (*self.prefix, key) if not isinstance(k, int)) or key

    def error(self, key: Any, message: str) -> None:
        self.problems.append(error(self.path, self.line(key), message))

    def warn(self, key: Any, message: str) -> None:
        self.problems.append(warning(self.path, self.line(key), message))

    def not_allowed(self, key: Any, value: Any, message: str) -> None:
        """`message` for a value of the wrong form, unless an invisible character in it (or
        one that looks like a hyphen) is why: the message would show the value the editor
        meant, and tell them to write what they wrote."""
        self.not_allowed_at(self.line(key), value, message)

    def not_allowed_at(self, line: int, value: Any, message: str) -> None:
        """`not_allowed` for a value on `line` with no key of its own: a table's cell."""
        spot = invisibles.in_value(value, self.located.row(line))
        self.problems.append(error(self.path, line, message) if spot is None
                             else error(self.path, line, spot.message, spot.column))

    def raw(self, key: str, default: Any = _MISSING) -> Any:
        return self.data.get(key, default)

    def has(self, key: str) -> bool:
        return self.data.get(key) is not None

    def text(self, key: str, *, required: bool = True, example: str = "some text") -> str | None:
        value = self.data.get(key)
        if value is None or value == "":
            if required:
                self.missing(key, f"add a line like '{key}: {example}'.")
            return None
        if isinstance(value, (dict, list)):
            self.error(key, f"'{self.where(key)}' must be text, not a "
                            f"{'list' if isinstance(value, list) else 'set of keys'}; "
                            f"write '{key}: {example}'.")
            return None
        if isinstance(value, bool):
            self.error(key, f"'{self.where(key)}' must be text; put the value in quotes, "
                            f"like {key}: \"{'yes' if value else 'no'}\".")
            return None
        if not isinstance(value, str):  # a number or date: keep it as written (01707 ..., 1.50)
            return self.located.written.get((*self.prefix, key), str(value)).strip()
        return value.strip()

    def missing(self, key: str, advice: str) -> None:
        if not self.said_otherwise(key):
            self.error(key, f"'{self.where(key)}' is missing; {advice}")

    def said_otherwise(self, key: str) -> bool:
        """Whether `key` is written in capitals, with a character pasted from Word, with a
        slip of its letters or run into its value: it has its own error (`unknown_keys`)
        saying how to write it, and is not to be called missing too."""
        return written_otherwise(key, self.data) or unknownkeys.misspelt_in(key, self.data) \
            or unknownkeys.run_into_its_value(key, self.data)

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self.data.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.not_allowed(key, value, f"'{self.where(key)}' must be true or false, not "
                             f"'{value}'; write '{key}: true' or '{key}: false' (without quotes).")
            return default
        return value

    def integer(self, key: str, *, required: bool = False, default: int = 0) -> int:
        value = self.data.get(key)
        if value is None:
            if required:
                self.missing(key, f"write a whole number, like '{key}: 1'.")
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self.not_allowed(key, value, f"'{self.where(key)}' must be a whole number, not "
                             f"'{value}'; write it without quotes or commas, like '{key}: 1'.")
            return default
        return value

    def day(self, key: str, *, required: bool = True) -> date | None:
        value = self.data.get(key)
        if value is None:
            if required:
                self.missing(key, f"write a date like '{key}: 2026-02-20'.")
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", value.strip()):
            written = value.strip()
            if re.fullmatch(r"\d{4}-\d\d-\d\d", written):   # a date in quotes is still one
                try:
                    return date.fromisoformat(written)
                except ValueError:
                    pass
            self.error(key, _not_a_day(self.where(key), key, written))
            return None
        meant = year_first(value)
        example = f"'{key}: {meant}', the year first" if meant else f"'{key}: 2026-02-20'"
        self.not_allowed(key, value, f"'{self.where(key)}' is not a date: write it as "
                         f"YYYY-MM-DD, like {example} (got '{value}').")
        return None

    def choice(self, key: str, enum: type[E], *, default: E | None = None) -> E | None:
        value = self.data.get(key)
        allowed = ", ".join(m.value for m in enum)
        if value is None:
            if default is None:
                self.missing(key, f"write one of: {allowed}.")
            return default
        text = str(value).strip().lower()
        for member in enum:
            if member.value == text:
                return member
        shown = value if isinstance(value, str) else as_yaml(value)
        self.not_allowed(key, value, f"'{self.where(key)}: {shown}' is not allowed; write "
                         f"one of: {allowed}.")
        return default

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            return (value.strip(),)
        if not isinstance(value, list) or any(isinstance(v, (dict, list)) for v in value):
            self.error(key, f"'{self.where(key)}' must be a list of text lines, each starting '- '.")
            return ()
        return tuple(str(v).strip() for v in value if v is not None)

    def email(self, key: str, *, required: bool = True) -> str | None:
        value = self.text(key, required=required, example="name@example.org")
        if value is None:
            return None
        if value.lower().startswith("mailto:"):
            value = value[7:]
        if not EMAIL.match(value):
            self.not_allowed(key, value, f"'{self.where(key)}: {value}' is not an email "
                             f"address; write it like '{key}: name@yourcouncil.gov.uk'.")
            return None
        return value

    def phone(self, key: str) -> str | None:
        """An optional phone number, as written: digits, with spaces, brackets or hyphens
        between them and '+' before a country's code."""
        value = self.text(key, required=False, example=PHONE_EXAMPLE)
        if value is None:
            return None
        if not (PHONE.fullmatch(value) and 7 <= sum(c.isdigit() for c in value) <= 15
                and _paired(value)):
            self.not_allowed(key, value, f"'{self.where(key)}: {value}' is not a phone "
                             f"number; write its digits, with spaces if you like, like "
                             f"'{key}: {PHONE_EXAMPLE}'.")
            return None
        return value

    def https_address(self, key: str, *, example: str) -> str | None:
        """An optional address on another site that pages link to: https only, as
        browsers warn of a page sent without it."""
        value = self.text(key, required=False, example=example)
        if value is None:
            return None
        if not HTTPS.fullmatch(value):
            self.not_allowed(key, value, f"'{self.where(key)}: {value}' is not a full "
                             f"https:// address; write it like '{key}: {example}'.")
            return None
        return value

    def slug(self, key: str, *, example: str = "hate-crime") -> str | None:
        value = self.text(key, example=example)
        if value is not None and not SLUG.match(value):
            self.not_allowed(key, value, f"'{self.where(key)}: {value}' must be lower-case "
                             f"letters, digits and hyphens, like '{key}: {example}'.")
            return None
        return value

    def unknown_keys(self, allowed: set[str], meant: dict[str, str] | None = None) -> None:
        """Reports keys not `allowed`; `meant` gives advice for a key written for another
        purpose ('updated' where 'corrections' says what changed): `unknownkeys` says how."""
        for key in self.data:
            if key not in allowed:
                line = self.line(key)
                report, message, col = unknownkeys.said_of(key, allowed, meant or {}, self.data,
                                                           self.located.row(line))
                self.problems.append(report(self.path, line, message, col))

    def list_of_mappings(self, key: str, *, required: bool = False, what: str = "items") -> list[int]:
        """Indexes of the items of a list of mappings; reports anything else."""
        value = self.data.get(key)
        if value is None or (required and value == []):
            if required:
                self.error(key, f"'{self.where(key)}' is {'empty' if value == [] else 'missing'}; "
                                f"add the {what} as a list, each starting '- '.")
            return []
        if not isinstance(value, list):
            self.not_a_list(key, f"'{self.where(key)}' must be a list of {what}, each starting "
                                 "'- '.")
            return []
        good = []
        for index, item in enumerate(value):
            if isinstance(item, dict):
                good.append(index)
            else:
                self.problems.append(error(self.path, self.line(key, index),
                                           f"item {index + 1} of '{self.where(key)}' must be a "
                                           f"set of 'key: value' lines."))
        return good


def _paired(value: str) -> bool:
    """Whether each '(' in `value` is closed by a ')' before the next opens."""
    return re.fullmatch(r"[^()]*(?:\([^()]*\)[^()]*)*", value) is not None


def _not_a_day(where: str, key: str, value: str) -> str:
    """YAML reads only YYYY-MM-DD with two-digit months and days as a date."""
    year, month, day = (int(part) for part in value.split("-"))
    try:
        padded = date(year, month, day).isoformat()
    except ValueError:
        return (f"'{where}: {value}' is not a real date; check the day and the month "
                "(YYYY-MM-DD, like 2026-02-20).")
    return (f"'{where}: {value}' must have two digits for the month and the day; write "
            f"'{key}: {padded}'.")


def require_mapping(located: Located, what: str) -> list[Problem]:
    if isinstance(located.data, dict):
        return []
    return not_keys(located, f"this file must hold {what} as 'key: value' lines.")


def read_mapping(source: Source, problems: list[Problem], what: str) -> Located | None:
    """Parse a YAML file that must be a set of keys; None (with problems) otherwise."""
    if not source.text.strip():
        problems.append(error(source.path, 1, f"this file is empty; it should hold {what}."))
        return None
    located, parse_problems = parse_yaml(source.text, source.path)
    problems.extend(parse_problems)
    shape = require_mapping(located, what) if located else []
    problems.extend(shape)
    if located is None or shape:
        problems.extend(markings.in_unreadable(source))
        return None
    return located
