"""``attribution archive PATH... --out DIR``: audit a large set of documents to JSONL."""
from __future__ import annotations


def run(args) -> int:
    from ..archive import run_archive

    return run_archive(args)
