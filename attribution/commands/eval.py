"""``attribution eval JSONL --predictions OUT``: predictions for a PolNeAR-shaped file."""
from __future__ import annotations

import os

from ..errors import EXIT_OK, UsageError


def run(args) -> int:
    from ..evaluate import write_predictions

    if not os.path.isfile(args.gold):
        raise UsageError(f"{args.gold}: no such file (a PolNeAR-shaped JSONL file is expected)")
    write_predictions(args.gold, args.predictions, models=args.models, limit=args.limit,
                      use_cache=not args.no_cache)
    return EXIT_OK
