#!/usr/bin/env python3
"""Figures for looking back at big archives (issue 13). Measurements, not tests.

    bench/history [SIZES...]          (builds the release binary first; sizes default 1000 5000 20000)
    BIN=/path/to/tafel bench/history.py 1000 5000   (another binary, e.g. the code before a change)

For each size: generates the archive (bench/gen_sessions.py), then times the whole process of
  - `sessions` on a cold archive (no index yet), once;
  - `sessions --limit 20`, the full listing, `--search` a rare and a common word (index warm);
  - one new session added, then `sessions --limit 20` (the index catches up);
and reads the peak memory (/usr/bin/time -v) and the size of the index.
Archives are kept in BENCH_DIR (default a temporary directory, removed afterwards).
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = os.environ.get("BIN") or os.path.join(HERE, "..", "target", "release", "tafel")
RUNS = int(os.environ.get("RUNS", "9"))


def run(args, env):
    return subprocess.run([BIN] + args, env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, check=False)


def timed(args, env, runs=RUNS, before=None):
    """Median wall time in ms of `runs` runs; `before` runs untimed before each."""
    times = []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        run(args, env)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def peak_kib(args, env):
    out = subprocess.run(["/usr/bin/time", "-v", BIN] + args, env=env, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True, check=False).stderr
    for line in out.splitlines():
        if "Maximum resident set size" in line:
            return int(line.split(":")[1])
    return 0


def size_of(path):
    total = 0
    for root, _, files in os.walk(path):
        total += sum(os.path.getsize(os.path.join(root, f)) for f in files)
    return total


def main():
    sizes = [int(s) for s in sys.argv[1:]] or [1000, 5000, 20000]
    base = os.environ.get("BENCH_DIR") or tempfile.mkdtemp(prefix="tafel-bench-")
    keep = "BENCH_DIR" in os.environ
    print("binary: %s" % BIN)
    print("| sessions | cold | --limit 20 | full listing | --search rare | --search common "
          "| new session + --limit 20 | memory (full listing) | memory (common search) | index |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    try:
        for n in sizes:
            archive = os.path.join(base, "archive-%d" % n)
            if not os.path.isdir(archive):
                subprocess.run([sys.executable, os.path.join(HERE, "gen_sessions.py"), str(n),
                                archive], check=True)
            cache = os.path.join(base, "cache-%d" % n)
            shutil.rmtree(cache, ignore_errors=True)
            old_index = os.path.join(archive, ".tafel-index.json")
            if os.path.exists(old_index):
                os.remove(old_index)
            env = dict(os.environ, TAFEL_CONFIG_DIR=os.path.join(base, "config"),
                       TAFEL_CACHE_DIR=cache, TAFEL_LANG="nl")
            env.pop("TAFEL_DECKS_DIR", None)
            d = ["--sessions-dir", archive]
            cold = timed(["sessions", "--limit", "20"] + d, env, runs=1)
            limit = timed(["sessions", "--limit", "20"] + d, env)
            full = timed(["sessions"] + d, env, runs=max(3, RUNS // 3))
            rare = timed(["sessions", "--search", "doorzettingsmacht"] + d, env)
            common = timed(["sessions", "--search", "twijfel"] + d, env, runs=max(3, RUNS // 3))
            extra = os.path.join(base, "extra-%d" % n)
            shutil.rmtree(extra, ignore_errors=True)
            subprocess.run([sys.executable, os.path.join(HERE, "gen_sessions.py"), str(RUNS),
                            extra, str(0xF0000 + n)], check=True)
            pending = sorted(os.listdir(extra))

            def add_one():
                name = pending.pop()
                shutil.move(os.path.join(extra, name), os.path.join(archive, name))

            new = timed(["sessions", "--limit", "20"] + d, env, before=add_one)
            mem_full = peak_kib(["sessions"] + d, env)
            mem_search = peak_kib(["sessions", "--search", "twijfel"] + d, env)
            index = size_of(cache) + (os.path.getsize(old_index) if os.path.exists(old_index) else 0)
            # Take the added sessions out again, so the archive can be reused.
            for name in os.listdir(archive):
                if "-gesprek-f" in name:
                    os.remove(os.path.join(archive, name))
            print("| %d | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.0f MB | %.0f MB | %.1f MB |"
                  % (n, cold, limit, full, rare, common, new, mem_full / 1024, mem_search / 1024,
                     index / 1e6), flush=True)
    finally:
        if not keep:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
