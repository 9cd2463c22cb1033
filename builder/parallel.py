"""Spread independent work of one stage over every core, results in input order.

A stage hands `ordered_map` a function of (state, item), the state every item
shares (the content, the Markdown renderer, the template environment), and
the items. Workers are forked, so the state is inherited, never pickled: only
items and results cross between processes. Results are put back in the order
of the items, so the output does not depend on which process finished first
and a parallel build writes the same bytes as a single-process one.

This process takes chunks too, from the same counter as its `jobs - 1`
workers: it would otherwise only wait, and every forked worker soon holds
its own copy of the state (touching an object copies its page), so one
worker fewer is one copy of the whole model fewer at the build's peak.

Forking a process that runs other threads can deadlock the child, so callers
that run threads (`bulletin serve`) ask for one job; small batches are not
worth a pool's start-up and run in-process too.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many items the pool's start-up (tens of ms) costs more than it saves.
MIN_ITEMS = 64
# Chunks per worker: enough to even out uneven items, few enough to keep pickling cheap.
CHUNKS_PER_JOB = 4
# How often this process's running thread hands the GIL to another that waits for it,
# while a pool runs. The pool's thread that reads a worker's results waits for the GIL
# after every read of the pipe (64 KB), and this process is busy with chunks of its own:
# at Python's 5 ms a chunk of 10 MB took ~0.75 s to cross, and the worker stood still.
POOL_SWITCH_INTERVAL = 0.0002
# The pipe the workers send results through holds 64 KB, so a worker sending a chunk of
# 10 MB waited for that thread some 150 times a chunk; at 1 MB (Linux's limit for a
# process that is not privileged) the fragments stage of 10,000 entries kept both
# cores busy (1.78 -> 1.94 of 2) and took 0.15 s less.
RESULT_PIPE_BYTES = 1 << 20

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
    size = -(-len(items) // (jobs * CHUNKS_PER_JOB))
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    context = multiprocessing.get_context("fork")
    _STATE = (work, state, chunks, context.Value("i", 0))  # the value: next chunk to take
    try:
        with context.Pool(jobs - 1) as pool, _switching_often():
            _widen_result_pipe(pool)
            theirs = pool.map_async(_take_chunk, range(len(chunks)), chunksize=1)
            done = dict(_take_chunks())
            done.update(taken for taken in theirs.get() if taken is not None)
    finally:
        _STATE = None
    in_order = [done[i] for i in range(len(chunks))]
    for chunk in in_order:
        if isinstance(chunk, _Raised):
            raise chunk.rebuild()
    return [result for chunk in in_order for result in chunk]


def _widen_result_pipe(pool) -> None:
    """Let the pool's result pipe hold RESULT_PIPE_BYTES. Only for speed: where the pool
    or the system does not allow it, the pipe stays as it is."""
    try:
        import fcntl
        fcntl.fcntl(pool._outqueue._reader.fileno(), fcntl.F_SETPIPE_SZ, RESULT_PIPE_BYTES)
    except (AttributeError, ImportError, OSError):
        pass


class SharedWalk:
    """Items that several forked processes all walk in the same order, each done by just
    one of them: a process that has finished its item claims the next one nobody has
    (from a counter made before the fork), so a long item keeps only its own process
    busy. For items made as they are walked, whose cost shows only once made (pages
    drawn by generators that share their state); `ordered_map` shares out a list."""

    def __init__(self) -> None:
        self._next = multiprocessing.get_context("fork").Value("i", 0)

    def walker(self) -> "Walker":
        return Walker(self._next)


class Walker:
    """One process's walk of a `SharedWalk`: ask `mine()` of each item, in order."""

    def __init__(self, counter) -> None:
        self._counter, self._seen, self._claimed = counter, 0, -1

    def mine(self) -> bool:
        index, self._seen = self._seen, self._seen + 1
        if self._claimed < index:
            # Every item before the counter is claimed, and this walk's last claim was
            # before `index`: the counter is at `index` or beyond, never behind it.
            with self._counter.get_lock():
                self._claimed = self._counter.value
                self._counter.value += 1
        return index == self._claimed

    def took_last(self) -> bool:
        """Whether the item `mine()` was last asked about is this walk's."""
        return self._claimed == self._seen - 1


@contextmanager
def _switching_often():
    before = sys.getswitchinterval()
    sys.setswitchinterval(POOL_SWITCH_INTERVAL)
    try:
        yield
    finally:
        sys.setswitchinterval(before)


def _take_chunks() -> "list[tuple[int, list | _Raised]]":
    """This process's share: chunks until none is left."""
    taken = []
    while (one := _take_chunk(None)) is not None:
        taken.append(one)
    return taken


def _take_chunk(_token) -> "tuple[int, list | _Raised] | None":
    """(index, results) of the next chunk nobody has taken, or None when all are taken.
    The pool is handed one token per chunk, so a worker asks at most that many times."""
    work, state, chunks, next_chunk = _STATE
    with next_chunk.get_lock():
        index = next_chunk.value
        next_chunk.value += 1
    if index >= len(chunks):
        return None
    return index, _run_chunk(work, state, chunks[index])


def _run_chunk(work: Callable[[Any, T], R], state: Any, items: Sequence[T]
               ) -> "list[R] | _Raised":
    try:
        return [work(state, item) for item in items]
    except Exception as exc:  # a content or template problem: the parent raises it
        return _Raised(type(exc), exc.args, dict(getattr(exc, "__dict__", {})))


@dataclass(frozen=True)
class _Raised:
    """An exception from a chunk, carried by its parts (the same whichever process ran it). Pool would pickle the exception
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
