"""Tasks for tests/test_engines.py, importable by spawned pool workers."""
from __future__ import annotations

import os


def square(x: int) -> tuple[int, int]:
    return x * x, os.getpid()


def fail_on_three(x: int) -> int:
    if x == 3:
        raise ValueError("three")
    return x * x


def die_on_three(x: int) -> int:
    if x == 3:
        os._exit(1)  # a worker killed mid-task (as by the OOM killer): the pool breaks
    return x * x
