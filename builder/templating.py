"""The Jinja2 environment: the site's own templates first, then the defaults.

A site overrides any template by putting a file of the same name in its own
`templates/` folder. Template mistakes become `TemplateProblem`s naming the
template and line, never a traceback.
"""
from __future__ import annotations

import hashlib
import traceback
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache

from .errors import TemplateProblem


def format_number(value) -> str:
    """A table's number as the bulletin prints it: 1,234 and 12.5."""
    if value is None:
        return ""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.1f}"
    return f"{int(value):,}"


def template_folders(site_root: Path, tool_root: Path) -> list[Path]:
    """Where templates are looked up, the site's own first."""
    return [site_root / "templates", tool_root / "templates"]


def templates_digest(site_root: Path, tool_root: Path) -> str:
    """A digest of every file in the template folders, names and bytes, in lookup order:
    any change to what a template could include or extend changes it."""
    h = hashlib.sha256()
    for index, folder in enumerate(template_folders(site_root, tool_root)):
        if not folder.is_dir():
            continue
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            try:
                data = path.read_bytes()
            except OSError:
                data = b"\0unreadable"
            name = f"{index}/{path.relative_to(folder).as_posix()}".encode("utf-8", "surrogatepass")
            h.update(b"%d:%s%d:" % (len(name), name, len(data)))
            h.update(data)
    return h.hexdigest()


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory between environments made here, which all have
    the same settings. Jinja files each one under its name and file and checks the
    source's checksum when loading, so an edited template is always compiled again.
    `bulletin serve` makes a new environment for every rebuild; this spares it compiling
    every template each time."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()


def make_environment(site_root: Path, tool_root: Path) -> jinja2.Environment:
    folders = template_folders(site_root, tool_root)
    env = jinja2.Environment(
        bytecode_cache=_COMPILED,
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(f)) for f in folders
                                    if f.is_dir()]),
        autoescape=jinja2.select_autoescape(["html", "xml"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["number"] = format_number
    return env


def render_template(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateProblem(_template_path(env, exc.name or name), exc.lineno or 0,
                              f"template syntax error: {exc.message}") from None
    except jinja2.TemplateNotFound as exc:
        raise TemplateProblem(name, 0, f"the template '{exc.name}' was not found in "
                                       "templates/ (the site's or the default ones).") from None
    except Exception as exc:  # an undefined variable or a failing filter, inside a template
        template, line = _failing_template(exc, env, name)
        raise TemplateProblem(template, line, f"{type(exc).__name__}: {exc}") from None


def _failing_template(exc: BaseException, env: jinja2.Environment, name: str) -> tuple[str, int]:
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith((".html", ".xml", ".txt")):
            return frame.filename, frame.lineno or 0
    return _template_path(env, name), 0


def _template_path(env: jinja2.Environment, name: str) -> str:
    try:
        source = env.loader.get_source(env, name)  # type: ignore[union-attr]
        return source[1] or name
    except jinja2.TemplateNotFound:
        return name
