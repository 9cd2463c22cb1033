"""builder.parallel: work spread over processes comes back in the order it went out."""
from __future__ import annotations

import os
import sys
import time

import pytest

from builder import parallel


def _tag(state: str, item: int) -> tuple[str, int, int]:
    return state, item * item, os.getpid()


def _slow_tag(state: str, item: int) -> tuple[str, int, int]:
    time.sleep(0.01)  # long enough for the worker to start before this process took it all
    return _tag(state, item)


def test_results_come_back_in_item_order_from_several_processes(monkeypatch):
    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)
    results = parallel.ordered_map(_slow_tag, "shared", list(range(40)), 2)
    assert [(s, sq) for s, sq, _ in results] == [("shared", i * i) for i in range(40)]
    assert {pid for _, _, pid in results} - {os.getpid()}  # a forked worker did some of it


def test_one_job_or_few_items_stay_in_this_process():
    assert {pid for _, _, pid in parallel.ordered_map(_tag, "s", [1, 2, 3], 2)} == {os.getpid()}
    assert {pid for *_, pid in parallel.ordered_map(_tag, "s", list(range(100)), 1)} == {
        os.getpid()}


def test_the_shared_state_is_not_left_behind(monkeypatch):
    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)
    parallel.ordered_map(_tag, object(), list(range(8)), 2)
    assert parallel._STATE is None


def test_available_jobs_is_at_least_one():
    assert parallel.available_jobs() >= 1


class _Odd(Exception):
    def __init__(self, where: str, line: int):
        super().__init__(f"{where}:{line}")
        self.where, self.line = where, line


def _fail_on_seven(state, item: int) -> int:
    if item == 7:
        raise _Odd("templates/page.html", 3)
    return item


def test_a_worker_s_exception_is_raised_here_with_its_fields(monkeypatch):
    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)
    with pytest.raises(_Odd) as raised:
        parallel.ordered_map(_fail_on_seven, None, list(range(20)), 2)
    assert (raised.value.where, raised.value.line, str(raised.value)) == (
        "templates/page.html", 3, "templates/page.html:3")


def test_this_process_takes_chunks_beside_one_worker_fewer(monkeypatch):
    """jobs=2 forks one worker, not two: this process would only wait, and every worker
    soon holds its own copy of the state."""
    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)
    results = parallel.ordered_map(_slow_tag, "shared", list(range(40)), 2)
    pids = {pid for *_, pid in results}
    assert os.getpid() in pids and len(pids) == 2


def _switch_interval(state, item: int) -> tuple[int, float]:
    time.sleep(0.01)
    return os.getpid(), sys.getswitchinterval()


def test_this_process_hands_over_the_gil_often_while_a_pool_runs(monkeypatch):
    # The pool's thread that reads a worker's results needs the GIL after every 64 KB
    # of pipe; at Python's 5 ms interval a busy parent left the worker blocked.
    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)
    before = sys.getswitchinterval()
    results = parallel.ordered_map(_switch_interval, None, list(range(16)), 2)
    here = {interval for pid, interval in results if pid == os.getpid()}
    assert here and all(interval == pytest.approx(parallel.POOL_SWITCH_INTERVAL) for interval in here)
    assert sys.getswitchinterval() == before


def test_the_switch_interval_is_restored_when_a_chunk_fails(monkeypatch):
    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)
    before = sys.getswitchinterval()
    with pytest.raises(_Odd):
        parallel.ordered_map(_fail_on_seven, None, list(range(20)), 2)
    assert sys.getswitchinterval() == before


def test_workers_send_their_results_through_a_pipe_of_a_megabyte(monkeypatch):
    """At 64 KB a worker sending 10 MB of fragments waited for this process's
    result thread some 150 times a chunk (see RESULT_PIPE_BYTES)."""
    fcntl = pytest.importorskip("fcntl")
    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)
    sizes, widen = [], parallel._widen_result_pipe

    def widen_and_measure(pool) -> None:
        widen(pool)
        sizes.append(fcntl.fcntl(pool._outqueue._reader.fileno(), fcntl.F_GETPIPE_SZ))

    monkeypatch.setattr(parallel, "_widen_result_pipe", widen_and_measure)
    parallel.ordered_map(_tag, "s", list(range(16)), 2)
    assert sizes == [parallel.RESULT_PIPE_BYTES]


def test_walkers_of_one_shared_walk_take_each_item_once_in_turn():
    walk = parallel.SharedWalk()
    first, second = walk.walker(), walk.walker()
    taken = {"first": [], "second": []}
    for index in range(6):  # as two processes would, the first a step ahead
        for name, walker in (("first", first), ("second", second)):
            if walker.mine():
                assert walker.took_last()
                taken[name].append(index)
            else:
                assert not walker.took_last()
    assert sorted(taken["first"] + taken["second"]) == list(range(6))
    assert taken["first"] and taken["second"]


def _walk_slow_first(walk: "parallel.SharedWalk", _k: int) -> tuple[int, list[int]]:
    walker, mine = walk.walker(), []
    for index in range(60):
        if walker.mine():
            time.sleep(0.6 if index == 0 else 0.005)
            mine.append(index)
    return os.getpid(), mine


def test_a_process_busy_with_a_long_item_leaves_the_others_to_the_rest():
    """Pages were shared out every other one: a process given the RAG overview (as long
    as a hundred pages) finished last while the other stood idle."""
    shares = parallel.ordered_map(_walk_slow_first, parallel.SharedWalk(), range(2), 2,
                                  min_items=2)
    taken = sorted(i for _, mine in shares for i in mine)
    assert taken == list(range(60))
    slow = next(mine for _, mine in shares if 0 in mine)
    assert len(slow) < 30 and len({pid for pid, _ in shares}) == 2
