"""`attribution models download`: fetch the official stanza English models.

The only code path in the product that opens a network connection.
"""
from __future__ import annotations

import sys


def download() -> int:
    import socket

    from .modelset import stanza_resources_dir

    target = stanza_resources_dir()
    try:  # fail fast and clearly when offline instead of a long stack of retries
        socket.create_connection(("raw.githubusercontent.com", 443), timeout=5).close()
    except OSError as exc:
        sys.stderr.write(f"attribution: error: cannot reach the stanza model hub ({exc.__class__.__name__}); "
                         f"offline? The embedded compact model is used meanwhile.\n")
        return 2
    import logging

    import stanza
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    logging.getLogger("stanza").setLevel(logging.WARNING)
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  transient=False) as progress:
        task = progress.add_task(f"downloading stanza English models to {target}", total=None)
        try:
            stanza.download("en", model_dir=str(target),
                            processors="tokenize,mwt,pos,lemma,depparse,ner", verbose=False)
        except Exception as exc:  # network errors surface as many types inside stanza/requests
            progress.stop()
            sys.stderr.write(f"attribution: error: download failed: {exc.__class__.__name__}: "
                             f"{str(exc).splitlines()[0] if str(exc) else ''}\n")
            return 2
        progress.update(task, description=f"stanza English models installed in {target}")
    return 0
