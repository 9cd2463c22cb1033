"""Where a clean build's time goes: wall time of each stage of `pipeline.build`, per entry.

    .venv/bin/python bench/stages.py bench/out/corpus-1000 [--jobs 1] [--profile out.prof]
    .venv/bin/python bench/stages.py bench/out/corpus-10000 --no-gc

Wraps the stage functions `build()` calls (the names in its table of
contents) with timers, runs one build without the search index (clean, or with
--cached the on-disk cache as it is), and
prints seconds and microseconds per theme entry for each, and how many cores
it kept busy (the CPU time of this process and of the pool's workers, over
its wall time; with --no-gc the build runs without the cycle collector, as
`bulletin build` does). --profile also
writes a cProfile of the whole build, for `python -m pstats` or snakeviz.
"""
from __future__ import annotations

import argparse
import cProfile
import functools
import gc
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

TOOL_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TOOL_ROOT))

from builder import pipeline  # noqa: E402
from builder.diskcache import persistent_cache  # noqa: E402

# (module, function name as `pipeline` and `render_site` call it)
STAGES = [
    (pipeline, "read_content"), (pipeline, "render_fragments"), (pipeline, "check_content"),
    (pipeline, "read_site_decks"), (pipeline, "render_pages"), (pipeline, "deck_outputs"),
    (pipeline, "render_feeds"), (pipeline, "check_links"), (pipeline, "collect_files"),
]


def timed(seconds: dict[str, float], name: str, fn, cpu: dict[str, float] | None = None):
    """`fn` adding its wall time to seconds[name] and, given `cpu`, the CPU time of this
    process and of the workers it forked (counted once a pool has ended) to cpu[name]."""
    @functools.wraps(fn)   # so a timed write_site is still taken for it (pipeline)
    def wrapper(*args, **kwargs):
        started, before = time.perf_counter(), os.times()
        try:
            return fn(*args, **kwargs)
        finally:
            seconds[name] += time.perf_counter() - started
            if cpu is not None:
                after = os.times()
                cpu[name] += sum(getattr(after, f) - getattr(before, f) for f in (
                    "user", "system", "children_user", "children_system"))
    return wrapper


def run(root: Path, jobs: int, profile: Path | None, cached: bool = False,
        cpu: dict[str, float] | None = None) -> tuple[dict[str, float], float, int]:
    seconds: dict[str, float] = defaultdict(float)
    for module, name in STAGES:
        setattr(module, name, timed(seconds, name, getattr(module, name), cpu))
    writer = pipeline.write_site
    options = pipeline.BuildOptions(root, root / "site", search=False, jobs=jobs)
    started = time.perf_counter()
    profiler = cProfile.Profile() if profile else None
    if profiler:
        profiler.enable()
    cache = persistent_cache(root) if cached else None
    pipeline.build(options, write=timed(seconds, "write_site", writer, cpu), cache=cache)
    if profiler:
        profiler.disable()
        profiler.dump_stats(str(profile))
    total = time.perf_counter() - started
    entries = sum(1 for f in (root / "content/bulletins").rglob("*.md")
                  if "no_update: true" not in f.read_text("utf-8")[:64])
    return dict(seconds), total, entries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--jobs", type=int, default=0, help="0: every core")
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--cached", action="store_true",
                        help="with the on-disk cache, as `bulletin build` runs (default: none)")
    parser.add_argument("--no-gc", action="store_true",
                        help="without the cycle collector, as `bulletin build` runs")
    args = parser.parse_args()
    if args.no_gc:
        gc.disable()
    cpu: dict[str, float] = defaultdict(float)
    seconds, total, entries = run(args.root.resolve(), args.jobs, args.profile,
                                   args.cached, cpu)
    print(f"{entries} entries, jobs={args.jobs or 'all'}, cache={args.cached}, "
          f"gc={'off' if args.no_gc else 'on'}, load {os.getloadavg()[0]:.2f}")
    print(f"{'stage':20} {'s':>8} {'us/entry':>10} {'cores busy':>11}")
    for name, s in seconds.items():
        # the CPU times count in ticks of 10 ms: a shorter stage's share says nothing
        busy = f"{cpu[name] / s:11.2f}" if s >= 0.1 else ""
        print(f"{name:20} {s:8.2f} {s / entries * 1e6:10.0f} {busy}")
    rest = total - sum(seconds.values())
    print(f"{'(other)':20} {rest:8.2f} {rest / entries * 1e6:10.0f}")
    print(f"{'total':20} {total:8.2f} {total / entries * 1e6:10.0f}")


if __name__ == "__main__":
    main()
