"""Lists of small mappings an editor writes in YAML, read by `fields.Fields`: contacts
(name, email and perhaps phone) and corrections (date and note). Kept apart from the single values
`Fields` reads, for its size; each item's mistakes name it by its number, as the
editor reads the list.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import error
from .model import Contact, Correction
from .yamlindents import DASHED_KEY, no_space_after_dash

if TYPE_CHECKING:   # fields.py, whose Fields reads these, imports this module
    from .fields import Fields

# How a correction is written, told both where one is written wrong and where another key
# ('updated:') was written in its place: the two once could have come to say different things.
CORRECTION_LINES = "a '- date:' line and a 'note:' line below it"


class ListsOfMappings:
    """What `Fields` reads of a list of small mappings; a base of `Fields`, whose other
    readers (text, email, day, child, ...) these use."""

    def contacts(self: Fields, key: str) -> tuple[Contact, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.not_a_list(key, f"'{self.where(key)}' must be a list of contacts, each "
                                 "written '- name: Full Name' with 'email: name@example.org' "
                                 "below it.")
            return ()
        found = []
        for index, item in enumerate(value):
            if not isinstance(item, dict):   # on its own line: a trial was sent to 'contacts:'
                self.problems.append(error(self.path, self.line(key, index), (
                    f"contact {index + 1} must be written '- name: Full Name' with "
                    "'email: name@example.org' on the line below it, lined up under 'name'.")))
                continue
            person = self.child(key, index)
            person.unknown_keys({"name", "email", "phone"})
            person._lacks_a_line(index, "name", "Full Name", "write its first line as '- name: "
                                "Full Name', and its email under it, lined up with 'name:'")
            person._lacks_a_line(index, "email", "name@example.org", "add a line under its "
                                "name, lined up with it, like 'email: name@example.org'")
            name = person.text("name", required=False)
            email = person.email("email", required=False)
            phone = person.phone("phone")
            if name and email:
                found.append(Contact(name, email, phone))
        return tuple(found)

    def not_a_list(self: Fields, key: str, message: str) -> None:
        """`message` for a value that is not a list, unless its items were written with no
        space after their '-': YAML reads '-name: Sam' as a key, a line to name. The lines
        are read as written: a key written twice ('-name' for each contact) is one key."""
        value = self.data.get(key)
        dashed = _dashed_lines(self, key) if isinstance(value, dict) else []
        if not dashed:
            self.error(key, message)
        first = dashed[0][1].split(":")[0] if dashed else ""
        for at, line in dashed:
            name = line.split(":")[0]
            # only an item's first line starts with '- ': this one may be its second
            said = no_space_after_dash(f"-{name}", f"- {line}") if name == first else (
                f"'-{name}' starts with '-', but only an item's first line does; write "
                f"'{line}' lined up under '{first}:' above it, if it belongs to that item.")
            self.problems.append(error(self.path, at, said))

    def _lacks_a_line(self: Fields, index: int, key: str, example: str, absent: str) -> None:
        """Contact `index` (this Fields) has no `key`: named by its number and its name, as
        the editor reads the list ("'contacts.email' is missing" was a trial's jargon);
        `absent`: what to write where there is no such line at all."""
        written = self.data.get(key)
        if (written is not None and written != "") or self.said_otherwise(key):
            return
        advice = f"write it after '{key}:', like '{key}: {example}'" if key in self.data \
            else absent
        name = self.data.get("name")
        who = f"contact {index + 1}" + (f" ({name})" if isinstance(name, str) else "")
        self.problems.append(error(self.path, self.line(key), f"{who} has no {key}: {advice}."))

    def corrections(self: Fields, key: str) -> tuple[Correction, ...]:
        """Dated notes of what was changed after publishing, oldest first."""
        found = []
        for index in self.list_of_mappings(key, what=f"corrections ({CORRECTION_LINES})"):
            item = self.child(key, index)
            item.unknown_keys({"date", "note"})
            day, note = item.day("date"), item.text("note", example="The number of centres "
                                                                   "was given as 11; it is 18.")
            if day and note:
                found.append(Correction(day, note, item.line("date")))
        return tuple(sorted(found, key=lambda c: c.day))


def _dashed_lines(f: Fields, key: str) -> list[tuple[int, str]]:
    """Each line under `key` (more indented, or blank) written '-name: ...', with its
    number and what follows the '-'."""
    start = f.line(key)
    indent = len(f.located.row(start)) - len(f.located.row(start).lstrip())
    found = []
    for at in range(start + 1, f.located.offset + len(f.located.rows) + 1):
        row = f.located.row(at)
        if row.strip() and len(row) - len(row.lstrip()) <= indent:
            break
        if DASHED_KEY.match(row.lstrip()):
            found.append((at, row.strip()[1:].strip()))
    return found
