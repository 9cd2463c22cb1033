"""One family of errors. The CLI alone turns them into messages and exit codes.

A `Problem` is one thing wrong with the content, located by file and line, and
worded for an editor: what is wrong and what to write instead. Stages collect
problems rather than stopping at the first, so an editor sees them all at once.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, where it is, and what to do about it."""

    path: str          # relative to the site root, with forward slashes
    line: int          # 1-based; 0 when the whole file is meant
    severity: Severity
    message: str
    col: int = 0       # 1-based; 0 when unknown

    def __str__(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}"
            if self.col:
                where += f":{self.col}"
        return f"{where}: {self.severity.value}: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def error(path: str | Path, line: int, message: str, col: int = 0) -> Problem:
    return Problem(str(path), line or 0, Severity.ERROR, message, col)


def warning(path: str | Path, line: int, message: str, col: int = 0) -> Problem:
    return Problem(str(path), line or 0, Severity.WARNING, message, col)


class BulletinError(Exception):
    """Base of every error the tool reports to a person instead of a traceback."""

    exit_code = 1


class ContentErrors(BulletinError):
    """The content has problems, at least one of them an error."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self.problems = tuple(problems)
        errors = sum(1 for p in self.problems if p.is_error)
        super().__init__(f"{errors} error(s) in the content")


class UsageError(BulletinError):
    """The command line itself is wrong (a bad flag, a missing folder)."""

    exit_code = 2


class ToolError(BulletinError):
    """Something the tool needs is missing or failed (Sass, Pagefind, the disk)."""


class ServeError(BulletinError):
    """The preview server cannot start (the port is taken, the address is not ours)."""

    exit_code = 3


class TemplateProblem(BulletinError):
    """A template failed to render; names the template and line."""

    def __init__(self, template: str, line: int, message: str):
        self.problem = error(template, line, message)
        super().__init__(str(self.problem))
