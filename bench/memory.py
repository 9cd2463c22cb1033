"""Where a build's memory goes: peak RSS and PSS of each stage, for this process and its children.

    .venv/bin/python bench/memory.py bench/out/corpus-1000 [--cache] [--search] [--tracemalloc]
    .venv/bin/python bench/memory.py bench/out/corpus-10000 --warm template

Runs one clean build (the site and .cache/build removed first) of `root` in
this process, with the stages `bench/stages.py` names wrapped so that a
sampler thread (every 20 ms, as bench/run.py samples) knows which one is
running. For each stage it prints the largest resident memory (RSS) of this
process, of its children (the process pool's workers, Pagefind) and of the
whole tree, which is what bench/run.py reports, and the largest proportional
set size (PSS: a page shared by n processes counts 1/n in each), which does
not count twice what forked workers share with their parent. --warm ("one theme file",
glossary or template) measures instead a rebuild with the disk cache after that
edit, as `make bench` makes it: the cache is filled first by `bulletin build`
in a process of its own, and the edit is undone afterwards. --tracemalloc
adds the parent's Python allocations when each stage ended and at its peak
(slow: twice the time or more). The build runs as `bulletin build` runs it:
pages spilled to disk as they are made, and without the cycle collector (--gc
keeps it on, as `bulletin serve` does).
"""
from __future__ import annotations

import argparse
import gc
import os
import shutil
import subprocess
import sys
import threading
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from builder import output, pipeline  # noqa: E402
from builder.diskcache import persistent_cache  # noqa: E402
import edits  # noqa: E402
from stages import STAGES  # noqa: E402

MB = 2**20
EXTRA = [(output, "build_search_index")]


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = defaultdict(list)
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                children[int(stat.rsplit(")", 1)[1].split()[1])].append(int(entry))
            except (OSError, ValueError, IndexError):
                pass
    found, todo = [], list(children.get(pid, []))
    while todo:
        p = todo.pop()
        found.append(p)
        todo += children.get(p, [])
    return found


def _rss_pss(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in bytes from /proc/PID/smaps_rollup; (0, 0) once the process is gone."""
    rss = pss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss = int(line.split()[1]) * 1024
            elif line.startswith("Pss:"):
                pss = int(line.split()[1]) * 1024
    except OSError:
        pass
    return rss, pss


class Sampler:
    """Samples the tree every 20 ms and keeps each stage's peaks."""

    def __init__(self) -> None:
        self.stage = ["(between stages)"]
        self.peaks: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self.order: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.is_set():
            self.sample(me)
            time.sleep(0.02)

    def sample(self, me: int) -> None:
        name = self.stage[-1]
        rss, pss = _rss_pss(me)
        kids = [_rss_pss(p) for p in _descendants(me)]
        figures = {"parent rss": rss, "parent pss": pss,
                   "children rss": sum(k[0] for k in kids), "children pss": sum(k[1] for k in kids),
                   "tree rss": rss + sum(k[0] for k in kids), "tree pss": pss + sum(k[1] for k in kids),
                   "children": len(kids)}
        if name not in self.peaks:
            self.order.append(name)
        peaks = self.peaks[name]
        for key, value in figures.items():
            peaks[key] = max(peaks[key], value)


def wrap(sampler: Sampler, traced: dict, name: str, fn):
    def wrapper(*args, **kwargs):
        sampler.stage.append(name)
        if tracemalloc.is_tracing():
            tracemalloc.reset_peak()
        try:
            return fn(*args, **kwargs)
        finally:
            if tracemalloc.is_tracing():
                traced[name] = tracemalloc.get_traced_memory()
            sampler.stage.pop()
    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--cache", action="store_true", help="with the disk cache (emptied first)")
    parser.add_argument("--search", action="store_true", help="build the Pagefind index too")
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument("--jobs", type=int, default=0)
    parser.add_argument("--gc", action="store_true", help="keep the cycle collector on")
    parser.add_argument("--warm", choices=edits.KINDS,
                        help="a rebuild with the disk cache after this edit")
    args = parser.parse_args()
    if not args.gc:
        gc.disable()
    root = args.root.resolve()
    if args.warm:
        args.cache = True
        subprocess.run([str(BENCH.parent / ".venv/bin/bulletin"), "build", "--root", str(root),
                        "--no-search"], check=True, stdout=subprocess.DEVNULL)
        with edits.editing(root, args.warm) as edit:
            edit(0)
            measure(root, args)
    else:
        shutil.rmtree(root / "site", ignore_errors=True)
        shutil.rmtree(root / ".cache" / "build", ignore_errors=True)
        measure(root, args)


def measure(root: Path, args) -> None:
    sampler, traced = Sampler(), {}
    for module, name in STAGES + EXTRA:
        setattr(module, name, wrap(sampler, traced, name, getattr(module, name)))
    if args.tracemalloc:
        tracemalloc.start()
    sampler.start()
    started = time.perf_counter()
    cache = persistent_cache(root) if args.cache else None
    # build() spills pages only for its own site writer: the wrapped one stands in for it
    pipeline.write_site = wrap(sampler, traced, "write_site", pipeline.write_site)
    pipeline.build(pipeline.BuildOptions(root, root / "site", search=args.search, jobs=args.jobs),
                   cache=cache, write=pipeline.write_site)
    took = time.perf_counter() - started
    sampler.sample(os.getpid())
    sampler.stop()
    print(f"{root.name}: {took:.1f} s, cache={args.cache}, search={args.search}, "
          f"warm={args.warm}")
    print(f"{'stage (peak MB while running)':30} {'tree rss':>9} {'tree pss':>9} {'parent rss':>10} "
          f"{'parent pss':>10} {'kids rss':>9} {'kids pss':>9} {'kids':>5} {'py now':>7} {'py peak':>7}")
    for name in sampler.order:
        p = sampler.peaks[name]
        now, peak = traced.get(name, (0, 0))
        print(f"{name:30} {p['tree rss'] / MB:9.0f} {p['tree pss'] / MB:9.0f} "
              f"{p['parent rss'] / MB:10.0f} {p['parent pss'] / MB:10.0f} "
              f"{p['children rss'] / MB:9.0f} {p['children pss'] / MB:9.0f} {p['children']:5} "
              f"{now / MB:7.0f} {peak / MB:7.0f}")


if __name__ == "__main__":
    main()
