"""The Jinja2 environment: the site's own templates first, then the defaults.

A site overrides any template by putting a file of the same name in its own
`templates/` folder. Template mistakes become `TemplateProblem`s naming the
template and line, never a traceback.
"""
from __future__ import annotations

import hashlib
import re
import sys
import traceback
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache

from .errors import TemplateProblem
from .folders import CACHE_FOLDER


def format_number(value, places: int | None = None, unit: str = "") -> str:
    """A table's number as the bulletin prints it: 1,234 and 12.5; with `places`, to that
    many decimal places (a column's numbers all to the same), then `unit` ('%')."""
    if value is None:
        return ""
    if places is not None:
        return f"{value:,.{places}f}{unit}"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.1f}{unit}"
    return f"{int(value):,}{unit}"


def tel_link(phone: str) -> str:
    """A phone number as written ('+44 (0)1992 555555') as the tel: address a phone dials
    when it is tapped."""
    # '+44 (0)1992 ...': the 0 in brackets is dialled only from within the country
    number = phone.replace("(0)", "") if phone.startswith("+") else phone
    return "tel:" + "".join(c for c in number if c.isdigit() or c == "+")


def decimal_places(values) -> int:
    """The places a column's numbers have: the most of any of them, up to 2, so 22 stands
    as 22.0 beside 14.6 and their points line up. YAML has read trailing zeros away
    (12.50 is 12.5), so a float has as many as its shortest spelling."""
    return min(2, max((_places_written(v) for v in values if isinstance(v, float)), default=0))


def _places_written(value: float) -> int:
    # YAML reads '22.0' as a float and '22' as an int: a float was written with a point
    written = repr(value)
    if "e" in written:
        return 2
    return max(1, len(written.partition(".")[2].rstrip("0")))


def template_folders(site_root: Path, tool_root: Path) -> list[Path]:
    """Where templates are looked up, the site's own first."""
    return [site_root / "templates", tool_root / "templates"]


def draws_own_templates(env: jinja2.Environment) -> bool:
    """Whether the site's own folder holds templates, which the tool's tests never see.
    (Its loaders are the template folders that exist, the site's first.)"""
    folders = [Path(loader.searchpath[0]).resolve() for loader in env.loader.loaders]
    return (len(folders) == 2 and folders[0] != folders[1]
            and any(path.is_file() for path in folders[0].rglob("*")))


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


# Where `bulletin deck`, and `bulletin build` without its build cache, keep compiled
# templates between runs: in the tool's own folder (beside node_modules/), never the
# site's or the deck's. Compiling the templates was a tenth of a clean build of 1,000
# entries and a twentieth of a deck's time. Safe to delete (see _KeptTemplates).
KEPT_TEMPLATES = CACHE_FOLDER / "templates"


class _KeptTemplates(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept in a folder between processes: `bulletin deck` and
    `bulletin build` would otherwise compile every template they use afresh each time
    they run.

    Jinja files each one under a digest of its name and file, and loads it only when the
    magic bytes (Jinja's bytecode format and Python's version) and the digest of the
    template's source match, so an edited template is always compiled again. The file
    names here add a digest of Jinja's version, Python's, and this module's own text,
    where the environment's settings (which change what a template compiles to) are
    written: a kept template is never read by another version of any of them.
    Writes are atomic (a temporary file renamed into place), so two runs at once are
    safe; the folder can be deleted at any time; a folder that cannot be written only
    means templates are compiled every time."""

    def __init__(self, folder: Path) -> None:
        salt = hashlib.sha256(f"{jinja2.__version__}\0{sys.implementation.cache_tag}\0".encode()
                              + Path(__file__).read_bytes()).hexdigest()[:16]
        super().__init__(str(folder), f"{salt}-%s.jinja")
        self._folder = folder

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        # Jinja reads a truncated or garbled file as far as it can and then raises, and
        # raises for a file where the folder should be: either way, compile afresh.
        try:
            super().load_bytecode(bucket)
        except Exception:
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            self._folder.mkdir(parents=True, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass


def make_environment(site_root: Path, tool_root: Path, *,
                     keep_compiled: Path | None = None) -> jinja2.Environment:
    """`keep_compiled`: a folder to keep compiled templates in between processes; without
    it they are kept in memory, for this process only."""
    folders = template_folders(site_root, tool_root)
    env = jinja2.Environment(
        bytecode_cache=_COMPILED if keep_compiled is None else _KeptTemplates(keep_compiled),
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(f)) for f in folders
                                    if f.is_dir()]),
        autoescape=jinja2.select_autoescape(["html", "xml"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # An environment serves one build (or one deck), so each template is read once:
        # a template saved mid-build cannot put two versions of itself into one site,
        # and Jinja does not ask the system for its file's time at every render.
        auto_reload=False,
    )
    env.filters["number"] = format_number
    env.filters["tel"] = tel_link
    return env


def render_template(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateProblem(_template_path(env, exc.name or name), exc.lineno or 0,
                              f"template syntax error: {exc.message}") from None
    except jinja2.TemplateNotFound as exc:   # extended or included by the one drawn
        template, line = _failing_template(exc, env, name)
        raise TemplateProblem(template, line, f"the template '{exc.name}' was not found in "
                                              "templates/ (the site's or the default ones).") from None
    except Exception as exc:  # an undefined variable or a failing filter, inside a template
        template, line = _failing_template(exc, env, name)
        raise TemplateProblem(template, line, _plainly(exc)) from None


def _plainly(exc: Exception) -> str:
    """Jinja's message, naming a view by the word a template knows it by: a designer was
    told of "'builder.renderer.SiteView object'" for a mistyped `site.titel`."""
    message = re.sub(r"'builder\.[\w.]+\.(\w+?)(?:View)? object'",
                     lambda m: f"'{_words(m.group(1))}'", str(exc))
    message = message.replace("'jinja2.environment.TemplateModule object' has no attribute",
                              "the imported macros have no macro").replace("'dict object'",
                                                                            "the mapping")
    return f"{type(exc).__name__}: {message}"


def _words(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", " ", name).lower()   # "IssueListing" -> "issue listing"


def _failing_template(exc: BaseException, env: jinja2.Environment, name: str) -> tuple[str, int]:
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith((".html", ".xml", ".txt")):
            return _as_named(env, frame.filename), frame.lineno or 0
    return _template_path(env, name), 0


def _template_path(env: jinja2.Environment, name: str) -> str:
    try:
        source = env.loader.get_source(env, name)  # type: ignore[union-attr]
        return _as_named(env, source[1]) if source[1] else name
    except jinja2.TemplateNotFound:
        return name


def _as_named(env: jinja2.Environment, file: str) -> str:
    """A template of the site's own folder as its content files are named, from the site's
    folder ("templates/partials/entry.html"); one of the tool's defaults in full, since
    the site has no such file to open."""
    loaders = getattr(env.loader, "loaders", [])
    # make_environment gives a loader to the site's folder, then the tool's, leaving out
    # a folder that does not exist: with one loader, the site has none of its own
    own = Path(loaders[0].searchpath[0]) if len(loaders) == 2 else None
    try:
        return (Path("templates") / Path(file).relative_to(own)).as_posix() if own else file
    except ValueError:
        return file
