"""Cold start: modules that ``import stanza`` drags in and an audit never uses, imported
only if something reads them.

``torch`` imports ``torch._meta_registrations`` (Python kernels for the meta device, which
``torch.compile`` and ``torch.export`` trace with: a quarter of torch's import time), and
stanza imports ``networkx`` (graphs of enhanced dependencies) and ``requests`` (model
downloads) at the top of modules the pipeline needs.  :func:`defer` puts a stand-in module in
``sys.modules`` for each: ``import name`` finds it and binds it without running anything, and
the first attribute anyone reads runs the real module into that same object.  Only the
command line calls it (a program that imports attribution as a library keeps torch as torch
ships it); nothing here changes a parse (``tests/test_parse_speed.py``).
"""
from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import sys
import types

# what is deferred: each is either side effects nobody in an audit needs (meta kernels) or a
# library stanza reaches only for work an audit does not do
DEFERRED = ("torch._meta_registrations", "networkx", "requests")


def defer(names=DEFERRED) -> list[str]:
    """Install stand-ins for ``names`` not imported yet; return the names deferred.

    Does nothing for a module already imported, or whose package is (torch imported before
    this runs loaded its meta registrations already), or that cannot be found."""
    done = []
    for name in names:
        if name in sys.modules:
            continue
        top, _, rest = name.partition(".")
        if rest and top in sys.modules:
            continue
        try:
            if rest:
                pkg = importlib.util.find_spec(top)  # a top-level spec: imports nothing
                if pkg is None or not pkg.submodule_search_locations:
                    continue
                where = [os.path.join(p, *rest.split(".")[:-1]) for p in pkg.submodule_search_locations]
                spec = importlib.machinery.PathFinder.find_spec(name, where)
            else:
                spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            continue
        if spec is None or spec.loader is None:
            continue
        sys.modules[name] = _stand_in(name, spec)
        done.append(name)
    return done


def _stand_in(name: str, spec) -> types.ModuleType:
    module = importlib.util.module_from_spec(spec)  # __spec__, __path__, ... set; code not run

    def __getattr__(attr: str):
        # the import system probes dunders (``__path__`` of a plain module, ...): answer them
        # as a module that has not run yet would, without running it
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)
        vars(module).pop("__getattr__", None)
        vars(module).pop("__attribution_deferred__", None)
        try:
            spec.loader.exec_module(module)
        except BaseException:
            sys.modules.pop(name, None)
            raise
        return getattr(module, attr)

    module.__getattr__ = __getattr__
    module.__attribution_deferred__ = True
    return module
