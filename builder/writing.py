"""Writing content files the way editors write them: plain YAML, quoted only when needed.

Shared by `bulletin new` and `bulletin import`, so the files they make look
like the hand-written ones and the content model's examples.
"""
from __future__ import annotations

import json
import re

import yaml

from .model import Contact

_PLAIN_UNSAFE = re.compile(r"^[\s\-?:,\[\]{}#&*!|>'\"%@`]|: | #|:$|\s$")


def quoted(text: str) -> str:
    """A double-quoted YAML string (JSON's quoting is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def scalar(text: str) -> str:
    """Plain when YAML reads it back as the same text, double-quoted otherwise."""
    if not text or _PLAIN_UNSAFE.search(text) or "\n" in text:
        return quoted(text)
    try:
        same = yaml.safe_load(text) == text
    except yaml.YAMLError:
        same = False
    return text if same else quoted(text)


def contacts_block(contacts: tuple[Contact, ...] | list[Contact], indent: str = "") -> list[str]:
    lines = [f"{indent}contacts:"]
    for contact in contacts:
        lines += [f"{indent}  - name: {scalar(contact.name)}",
                  f"{indent}    email: {scalar(contact.email)}"]
        if contact.phone:
            lines.append(f"{indent}    phone: {scalar(contact.phone)}")
    return lines


def quoted_list(key: str, items: list[str] | tuple[str, ...]) -> list[str]:
    return [f"{key}:"] + [f"  - {quoted(item)}" for item in items]


def front_matter(lines: list[str], body: str) -> str:
    text = "---\n" + "".join(line + "\n" for line in lines) + "---\n"
    return text + body
