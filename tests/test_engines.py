"""attribution.engines.pool_map, the process pool of ``audit --jobs`` and ``archive --jobs``:
order, pass-through, a failing task, and a worker that dies (the pool is rebuilt; only the
item that keeps killing it is given up)."""
from __future__ import annotations

from concurrent.futures.process import BrokenProcessPool

from attribution.engines import pool_map

from . import engine_tasks


def test_in_input_order_with_items_passed_through_in_place():
    items = [0, 1, "skip", 2, 3, 4, 5, "skip2", 6]
    out = list(pool_map(engine_tasks.square, items, jobs=2, inline=lambda x: isinstance(x, str)))
    assert [item for item, _, _ in out] == items
    assert [r if isinstance(i, str) else r[0] for i, r, _ in out] == [
        0, 1, "skip", 4, 9, 16, 25, "skip2", 36]
    assert all(e is None for *_, e in out)
    assert len({r[1] for i, r, _ in out if not isinstance(i, str)}) >= 1


def test_a_failing_task_is_reported_and_the_pool_goes_on():
    out = {i: (r, e) for i, r, e in pool_map(engine_tasks.fail_on_three, range(7), jobs=2, ordered=False)}
    assert set(out) == set(range(7))
    assert isinstance(out[3][1], ValueError) and out[3][0] is None
    assert {i: r for i, (r, e) in out.items() if i != 3} == {i: i * i for i in range(7) if i != 3}


def test_a_worker_that_dies_costs_a_restart_in_order():
    """In input order only the item waited on counts a break: the item that kills its worker is
    given up, and so may be an earlier one still running in another worker at both breaks
    (never a later one); every other item comes back with its result, in its place."""
    out = list(pool_map(engine_tasks.die_on_three, range(8), jobs=2))
    assert [i for i, _, _ in out] == list(range(8))
    given_up = {i for i, _, e in out if e is not None}
    assert 3 in given_up and given_up <= {0, 1, 2, 3}
    assert all(isinstance(e, BrokenProcessPool) for _, _, e in out if e is not None)
    assert all(r == i * i for i, r, e in out if e is None) and {4, 5, 6, 7} <= {i for i, _, e in out if e is None}


def test_a_worker_that_dies_costs_a_restart_as_finished():
    """Unordered (the archive): every item in flight counts a break, so the item that kills
    its worker is given up (and so may be others in flight beside it at both breaks); no item
    is lost or reported twice."""
    out = list(pool_map(engine_tasks.die_on_three, range(10), jobs=2, ordered=False))
    assert sorted(i for i, _, _ in out) == list(range(10))
    failed = {i for i, _, e in out if e is not None}
    assert 3 in failed and all(isinstance(e, BrokenProcessPool) for _, _, e in out if e is not None)
    assert all(r == i * i for i, r, e in out if e is None)
