"""``attribution models [list|download]``: the stanza model sets, and which one the audit uses."""
from __future__ import annotations

from ..errors import EXIT_ERROR, EXIT_OK
from . import err


def run(args) -> int:
    from ..report.screens import print_models

    if args.action == "download":
        from ..models_download import download

        return download()
    from ..modelset import ModelError, available, resolve

    try:
        in_use = resolve(getattr(args, "models", None))
    except ModelError as exc:
        in_use = None
        err(str(exc))
    print_models(available(), in_use)
    return EXIT_OK if in_use else EXIT_ERROR
