"""``attribution cache info|clear``: the cache's place and size, or its removal (the parse cache's
paragraphs and the result cache's documents: one directory)."""
from __future__ import annotations

from ..errors import EXIT_OK, UsageError


def run(args) -> int:
    from ..cache import CacheError, ParseCache
    from ..report.safe import path as safe_path

    cache = ParseCache()
    where = safe_path(str(cache.dir))
    if args.action == "clear":
        try:
            n = cache.clear()
        except CacheError as exc:  # no CACHEDIR.TAG: a mistyped ATTRIBUTION_CACHE_DIR loses nothing
            raise UsageError(safe_path(str(exc))) from None
        print(f"removed {n} cache entries from {where}")
    else:
        info = cache.info()
        print(f"cache: {where}\nentries: {info['entries']}\nsize: {info['bytes'] / 1e6:.1f} MB")
    return EXIT_OK
