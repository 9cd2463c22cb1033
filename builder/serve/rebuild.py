"""One rebuild: the same `pipeline.build()` as `bulletin build`, into the served folder.

Everything is read from disk again on every rebuild, so nothing can go
stale; `BuildCache` only saves re-rendering what has the same inputs as
before. A failed rebuild changes nothing on disk (the pipeline stops before
writing), and its problems are kept so the browser and the terminal can
show them.
"""
from __future__ import annotations

import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from ..cache import BuildCache
from ..errors import BulletinError, ContentErrors, Problem, Severity, TemplateProblem
from ..pipeline import BuildOptions, build
from .sync import Changes, ReadWriteLock, SiteSync


@dataclass(frozen=True)
class Outcome:
    ok: bool
    problems: tuple[Problem, ...]     # on failure, what stopped it; on success, the warnings
    changes: Changes = Changes((), ())
    seconds: float = 0.0
    base_url: str = "/"
    trace: str = field(default="", compare=False)  # an unexpected failure's traceback
    drafts: tuple[str, ...] = ()     # the draft months left out (YYYY-MM)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)


class Rebuilder:
    def __init__(self, root: Path, site: Path, lock: ReadWriteLock, *, drafts: bool = False):
        # One process: the server runs threads, and forking beside them is unsafe
        # (builder.parallel); its cache makes most rebuilds small anyway.
        self.options = BuildOptions(root=root, out=site, drafts=drafts, search=False, jobs=1)
        self.cache = BuildCache()
        self.sync = SiteSync(site, lock)
        self.last_good: Outcome | None = None

    def rebuild(self) -> Outcome:
        started = time.perf_counter()
        try:
            result = build(self.options, cache=self.cache, write=self.sync.write)
        except ContentErrors as exc:
            return self._failed(exc.problems, started)
        except TemplateProblem as exc:
            return self._failed((exc.problem,), started)
        except BulletinError as exc:  # Sass, a missing tool, the disk
            return self._failed((Problem("", 0, Severity.ERROR, str(exc)),), started)
        except Exception as exc:  # a bug: keep serving, say so, keep the traceback
            problem = Problem("", 0, Severity.ERROR,
                              f"bulletin failed unexpectedly ({type(exc).__name__}: {exc}); "
                              "this is a bug in bulletin, not in the content.")
            return self._failed((problem,), started, trace=traceback.format_exc())
        outcome = Outcome(True, result.problems, self.sync.last,
                          time.perf_counter() - started, result.base_url, drafts=result.drafts)
        self.last_good = outcome
        return outcome

    def _failed(self, problems, started: float, trace: str = "") -> Outcome:
        base_url = self.last_good.base_url if self.last_good else "/"
        return Outcome(False, tuple(problems), Changes((), ()), time.perf_counter() - started,
                       base_url, trace)
