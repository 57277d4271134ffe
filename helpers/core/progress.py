"""Timing and progress for long steps (the pipeline's): wall and CPU time per step, progress
bars that are a comfort, never a requirement, and the CPUs this process may use."""

from __future__ import annotations

import os
import time
from contextlib import contextmanager


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


class Clock:
    """``with clock("step"):`` adds the block's wall and CPU time to ``stats``."""

    def __init__(self, stats: dict):
        self.wall, self.cpu = stats["seconds"], stats["cpu_seconds"]

    @contextmanager
    def __call__(self, name: str):
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.wall[name] = self.wall.get(name, 0.0) + time.perf_counter() - wall
            self.cpu[name] = self.cpu.get(name, 0.0) + time.process_time() - cpu


class _NoBar:
    def update(self, n=1):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def progress_bar(show: bool, total: int, desc: str):
    if not show or total <= 0:
        return _NoBar()
    try:
        from tqdm.auto import tqdm
    except ImportError:  # progress bars are a comfort, not a requirement
        return _NoBar()
    return tqdm(total=total, desc=desc, unit="article")
