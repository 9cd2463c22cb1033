"""Spread independent work of one stage over every core, results in input order.

A stage hands `ordered_map` a function of (state, item), the state every item
shares (the content, the Markdown renderer, the template environment), and
the items. Workers are forked, so the state is inherited, never pickled: only
items and results cross between processes. `Pool.map` returns results in the
order of the items, so the output does not depend on which worker finished
first and a parallel build writes the same bytes as a single-process one.

Forking a process that runs other threads can deadlock the child, so callers
that run threads (`bulletin serve`) ask for one job; small batches are not
worth a pool's start-up and run in-process too.
"""
from __future__ import annotations

import multiprocessing
import os
from dataclasses import dataclass
from typing import Any, Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many items the pool's start-up (tens of ms) costs more than it saves.
MIN_ITEMS = 64
# Chunks per worker: enough to even out uneven items, few enough to keep pickling cheap.
CHUNKS_PER_JOB = 4

_STATE: Any = None  # what the forked workers inherit; set only while a pool is running


def available_jobs() -> int:
    """The cores this process may run on (cgroup and affinity limits included)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def ordered_map(work: Callable[[Any, T], R], state: Any, items: Sequence[T], jobs: int, *,
                min_items: int | None = None) -> list[R]:
    """[work(state, item) for item in items], on up to `jobs` processes (in this one when
    there are fewer than `min_items`, by default MIN_ITEMS, items)."""
    least = MIN_ITEMS if min_items is None else min_items
    if jobs <= 1 or len(items) < max(least, 2) or "fork" not in multiprocessing.get_all_start_methods():
        return [work(state, item) for item in items]
    global _STATE
    _STATE = state
    try:
        size = -(-len(items) // (jobs * CHUNKS_PER_JOB))
        chunks = [(work, items[i:i + size]) for i in range(0, len(items), size)]
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            done = pool.map(_run_chunk, chunks, chunksize=1)
    finally:
        _STATE = None
    for chunk in done:
        if isinstance(chunk, _Raised):
            raise chunk.rebuild()
    return [result for chunk in done for result in chunk]


def _run_chunk(job: tuple[Callable[[Any, T], R], Sequence[T]]) -> "list[R] | _Raised":
    work, items = job
    try:
        return [work(_STATE, item) for item in items]
    except Exception as exc:  # a content or template problem: the parent raises it
        return _Raised(type(exc), exc.args, dict(getattr(exc, "__dict__", {})))


@dataclass(frozen=True)
class _Raised:
    """An exception from a worker, carried by its parts. Pool would pickle the exception
    itself, and one whose __init__ takes other arguments than its args (such as
    `TemplateProblem`) cannot be unpickled: the pool would wait for ever."""

    kind: type
    args: tuple
    state: dict

    def rebuild(self) -> Exception:
        exc = self.kind.__new__(self.kind)
        Exception.__init__(exc, *self.args)
        exc.__dict__.update(self.state)
        return exc
