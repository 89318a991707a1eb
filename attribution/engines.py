"""The process pool every engine uses: ``attribution audit --jobs N`` (:mod:`attribution.batch`)
and ``attribution archive --jobs N`` (:mod:`attribution.archive.engines`).

:func:`pool_map` runs a task over a stream of items on a spawn pool (never fork: the parent may
hold torch's thread pools), with at most ``2 * jobs`` items in flight, and survives a worker
that dies (killed, out of memory): the pool is rebuilt and what was in flight is submitted again.
An item is given up, and yielded with the error, once it has been in flight when ``breaks``
pools broke: in input order (``ordered``) only the item waited on counts a break; as finished,
every item in flight does.
"""
from __future__ import annotations

from typing import Callable, Iterable, Iterator

_END = object()


def pool_map(task: Callable, items: Iterable, *, jobs: int, initializer: Callable | None = None,
             initargs: tuple = (), ordered: bool = True, inline: Callable | None = None,
             breaks: int = 2) -> Iterator[tuple[object, object, BaseException | None]]:
    """``(item, task(item), None)`` per item, or ``(item, None, error)`` when the task raised or
    the item was given up; ``inline(item)`` true: the item is not submitted and comes back as
    ``(item, item, None)`` in its place."""
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    ctx = multiprocessing.get_context("spawn")
    window = 2 * jobs  # keeps the workers busy without loading every input
    source = iter(items)
    pending: list[list] = []  # [item, future, breaks seen, inline], in input order
    exhausted = False
    while True:
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=initializer,
                                   initargs=initargs)
        try:
            for entry in pending:  # after a break: what was in flight, again
                if not entry[3]:
                    entry[1] = pool.submit(task, entry[0])
            while True:
                while not exhausted and len(pending) < window:
                    item = next(source, _END)
                    if item is _END:
                        exhausted = True
                        break
                    entry = [item, None, 0, inline is not None and bool(inline(item))]
                    pending.append(entry)  # before the submit: a pool that broke must not lose it
                    if not entry[3]:
                        entry[1] = pool.submit(task, item)
                if not pending:
                    return
                if ordered or any(e[3] for e in pending):
                    finished = [pending[0] if ordered else next(e for e in pending if e[3])]
                else:
                    done, _ = wait([e[1] for e in pending], return_when=FIRST_COMPLETED)
                    finished = [e for e in pending if e[1] in done]
                for entry in finished:
                    item, fut, _, local = entry
                    if local:
                        pending.remove(entry)
                        yield item, item, None
                        continue
                    try:
                        result = fut.result()
                    except BrokenProcessPool:
                        raise
                    except Exception as exc:  # the task failed: the pool still works
                        pending.remove(entry)
                        yield item, None, exc
                        continue
                    pending.remove(entry)
                    yield item, result, None
        except BrokenProcessPool as exc:
            struck = pending[:1] if ordered else [e for e in pending if not e[3]]
            for entry in struck:
                entry[2] += 1
            for entry in [e for e in struck if e[2] >= breaks]:
                pending.remove(entry)
                yield entry[0], None, exc
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
