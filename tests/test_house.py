"""The house rules a reviewer would otherwise have to remember (README, "How it works").

Each was broken once before a test held it: a module grew to 365 lines, a test helper
was defined twice (the second copy shadowing the first), a moved function lost its import.
"""
from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from pyflakes.api import checkPath
from pyflakes.reporter import Reporter

TOOL_ROOT = Path(__file__).resolve().parents[1]
LONGEST_MODULE = 340   # "about 300 lines at most"


def _tracked_python() -> list[Path]:
    listed = subprocess.run(["git", "ls-files", "*.py"], cwd=TOOL_ROOT, capture_output=True,
                            text=True, check=False).stdout.split()
    if listed:
        return [TOOL_ROOT / name for name in listed]
    # Not a git checkout (an unpacked archive): the project's own folders.
    return [p for folder in ("builder", "tests", "bench") for p in (TOOL_ROOT / folder).rglob("*.py")
            if ".peers" not in p.parts]


class _Collected:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def write(self, text: str) -> None:
        self.lines += [line for line in text.splitlines() if line.strip()]

    def flush(self) -> None:
        pass


def test_no_python_file_has_an_unused_import_an_undefined_name_or_a_shadowed_definition():
    found = _Collected()
    reporter = Reporter(found, found)
    for path in _tracked_python():
        checkPath(str(path), reporter)
    assert found.lines == []


def test_every_module_of_the_package_stays_small():
    long = {p.relative_to(TOOL_ROOT).as_posix(): n for p in (TOOL_ROOT / "builder").rglob("*.py")
            if (n := len(p.read_text("utf-8").splitlines())) > LONGEST_MODULE}
    assert long == {}, f"split these by what they do: {long}"


def test_only_the_command_turns_problems_into_exit_codes():
    exits = [f"{p.relative_to(TOOL_ROOT)}:{i}" for p in (TOOL_ROOT / "builder").rglob("*.py")
             if p.name not in ("cli.py", "__main__.py")
             for i, line in enumerate(p.read_text("utf-8").splitlines(), 1)
             if "sys.exit(" in line or "SystemExit" in line]
    assert exits == []


def test_the_model_imports_nothing_that_reads_files_or_renders():
    code = ("import sys, builder.model\n"
            "print(sorted(m for m in sys.modules if m.startswith(('builder.', 'jinja2', "
            "'markdown_it', 'nh3', 'yaml'))))\n")
    run = subprocess.run([sys.executable, "-c", code], cwd=TOOL_ROOT, capture_output=True,
                         text=True, check=True)
    assert run.stdout.strip() == ("['builder.model', 'builder.model_plans', 'builder.model_site', "
                                  "'builder.model_tables', 'builder.texts']")


# The county this repository publishes for, its districts and its unit: an example in a
# message (`name@hertfordshire.gov.uk`) read to another council's editors as a setting left over.
_COUNTY_WORDS = re.compile(r"hertfordshire|herts\b|ccsu|hertsmere|dacorum|broxbourne", re.I)


def test_no_message_of_the_tool_names_the_county_whose_site_this_is():
    named = [f"{p.relative_to(TOOL_ROOT)}:{node.lineno}: {node.value!r}"
             for p in (TOOL_ROOT / "builder").rglob("*.py")
             for node in _strings_but_docstrings(ast.parse(p.read_text("utf-8")))
             if _COUNTY_WORDS.search(node.value)]
    assert named == [], "write a neutral example, like name@yourcouncil.gov.uk"


def _strings_but_docstrings(tree: ast.AST) -> list[ast.Constant]:
    documented = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, documented) and node.body
                  and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    return [node for node in ast.walk(tree) if isinstance(node, ast.Constant)
            and isinstance(node.value, str) and id(node) not in docstrings]
