"""Cold start for the command line: modules that ``import stanza`` drags in and an audit never
uses, imported only if something reads them; and no garbage collection while the model loads.

``torch`` imports ``torch._meta_registrations`` (Python kernels for the meta device, which
``torch.compile`` and ``torch.export`` trace with: a quarter of torch's import time), and
stanza imports ``networkx`` (graphs of enhanced dependencies), ``requests`` (model
downloads), ``emoji`` (the language identifier's text cleaning) and ``udtools`` (the UD
validator, for its scorer's module) at the top of modules the pipeline needs.  :func:`defer`
puts a stand-in module in ``sys.modules`` for each: ``import name`` finds it and binds it
without running anything, and the first attribute anyone reads runs the real module into that
same object (``from udtools import udeval`` imports that submodule alone).  For the torch
release ``pyproject.toml`` pins, :data:`TORCH_UNUSED` names more of torch's own subpackages
that ``import torch`` runs and an audit never reads (export, nested and masked tensors,
distributions, testing, the quantization-aware and fused ``nn`` variants, the compiler front
end, multiprocessing's tensor sharing): about a hundred modules.  Which ones can wait depends
on the order torch imports itself in (deferring ``torch.quantization`` or ``torch.fx`` there
is a circular import), so another torch release defers only :data:`DEFERRED`.

While the model loads, ``inspect.getmodule`` answers a frame from the frame's own namespace
(:func:`_frame_module`): torch's import registers two custom operators, and each registration
looked for its caller's module by file, through the real path of every module imported so far.

Importing torch and stanza and building the pipeline leave about 200,000 objects that live as
long as the process; Python's collector walked them again and again (over 300 collections,
~0.13 s of a cold audit), then every full collection during the parse walked them once more
(~0.07 s).  :func:`model_loading` turns collection off while the model loads and then moves
everything alive into the permanent generation (``gc.freeze``), so later collections look
only at what the audit allocates.

Opening torch's operator library (``libtorch_cpu.so``, over 400 MB: relocating it and running
its static initialisers, which register some two thousand operators) is a third of ``import
torch``, and the import system holds the interpreter lock while it runs.  :func:`open_torch_libraries`
opens it, and the global dependencies ``torch/__init__.py`` opens first, from a thread that calls
the C library's ``dlopen`` itself (through ``ctypes``, which lets go of the lock), with the flags
torch's own import uses; the command line prepares the audit's stages meanwhile, and ``import
torch`` then finds the library loaded.

Only the program (``attribution.cli.entry``: the ``attribution`` command, ``python -m
attribution``) and ``--jobs`` workers call :func:`cold_start` (a program that imports
attribution as a library, or calls ``cli.main`` in its own process, keeps torch as torch ships
it, and its collector as it set it);
nothing here changes a parse (``tests/test_parse_speed.py``).
"""
from __future__ import annotations

import contextlib
import gc
import importlib.machinery
import importlib.util
import os
import sys
import types

# what is deferred: each is either side effects nobody in an audit needs (meta kernels) or a
# library stanza reaches only for work an audit does not do
DEFERRED = ("torch._meta_registrations", "networkx", "requests", "emoji", "udtools")
# torch's subpackages an audit never reads, for the torch release below only (the import order
# decides which can wait); each spares modules that nothing else imports on the way
TORCH_UNUSED = ("torch.distributions", "torch.export", "torch.nested", "torch.masked", "torch.testing",
                "torch.nn.intrinsic", "torch.nn.qat", "torch.compiler", "torch.multiprocessing")
TORCH_RELEASE = "2.13."
# deferred packages whose submodules are imported alone by ``from package import submodule``
# (stanza's scorer reads ``udtools.udeval`` and nothing else of the UD validator); any other
# name read still runs the package's own code
SUBMODULES_ALONE = frozenset({"udtools"})

_freeze_after_load = False


def cold_start() -> list[str]:
    """What the command line does before an audit: :func:`defer` (with :data:`TORCH_UNUSED`
    when the installed torch is the release they were checked on) and no garbage
    collection while the model loads (:func:`model_loading`).  Returns the names deferred."""
    global _freeze_after_load
    _freeze_after_load = True
    return defer(DEFERRED + (TORCH_UNUSED if _torch_release().startswith(TORCH_RELEASE) else ()))


def cold_started() -> bool:
    """Has :func:`cold_start` run in this process (the command line, a ``--jobs`` worker)?"""
    return _freeze_after_load


def _torch_release() -> str:
    """The installed torch's version, read from its ``version.py`` (importing nothing:
    ``importlib.metadata`` alone costs more than the commands that need no torch take)."""
    try:
        spec = importlib.util.find_spec("torch")
        with open(os.path.join(os.path.dirname(spec.origin), "version.py"), encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("__version__"):
                    return line.partition("=")[2].strip().strip("'\"")
    except (ImportError, ValueError, AttributeError, TypeError, OSError):
        pass  # no torch, or not laid out as a wheel installs it: defer nothing of torch's own
    return ""


@contextlib.contextmanager
def model_loading():
    """Around building the parser: after :func:`cold_start`, no collection while the model
    loads, and what is alive then (modules, weights) frozen out of later collections, and
    :func:`inspect.getmodule` answering a frame from the frame itself (:func:`_frame_module`);
    otherwise nothing."""
    if not _freeze_after_load:
        yield
        return
    import inspect

    enabled = gc.isenabled()
    gc.disable()
    getmodule = inspect.getmodule
    inspect.getmodule = _frame_module(getmodule)
    try:
        yield
    finally:
        inspect.getmodule = getmodule
        gc.freeze()
        if enabled:
            gc.enable()


def _frame_module(getmodule):
    """``inspect.getmodule`` that gives a frame the module whose namespace it runs in.  torch's
    import registers two custom operators, and each registration asks ``inspect`` for its
    caller's source line and module; for a frame, ``inspect`` finds the module by its file,
    computing the real path of every module imported so far (over a thousand, each a stat per
    path component): 0.06-0.08 s of a cold audit.  Anything else, or a frame whose namespace is
    no imported module's, goes to ``inspect`` itself."""

    def frame_module(obj, _filename=None):
        if isinstance(obj, types.FrameType):
            module = sys.modules.get(obj.f_globals.get("__name__"))
            if module is not None and vars(module) is obj.f_globals:
                return module
        return getmodule(obj, _filename)

    return frame_module


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


# what ``import torch`` opens that is worth opening ahead, in its order: the global dependencies
# (``torch/__init__.py``: ``ctypes.CDLL(path, mode=RTLD_GLOBAL)``, and ctypes adds RTLD_NOW), then
# the operator library, which ``torch._C``'s extension module needs and the import system opens
# with the interpreter's flags (``sys.getdlopenflags()``)
TORCH_LIBRARIES = (("libtorch_global_deps.so", "global"), ("libtorch_cpu.so", "import"))


def open_torch_libraries():
    """After :func:`cold_start`, before torch is imported, on Linux: a started daemon thread
    that opens :data:`TORCH_LIBRARIES` with the C library's ``dlopen`` (the interpreter lock let
    go), so that this thread can do other work until :meth:`~threading.Thread.join`; ``None``
    where there is nothing to open ahead.  A library that fails to open is left for torch's own
    import to report."""
    if not _freeze_after_load or "torch" in sys.modules or not sys.platform.startswith("linux"):
        return None
    try:
        spec = importlib.util.find_spec("torch")
        lib = os.path.join(os.path.dirname(spec.origin), "lib")
    except (ImportError, ValueError, AttributeError, TypeError):
        return None
    flags = {"global": os.RTLD_GLOBAL | os.RTLD_NOW, "import": sys.getdlopenflags()}
    todo = [(os.path.join(lib, name), flags[how]) for name, how in TORCH_LIBRARIES]
    if not all(os.path.isfile(path) for path, _ in todo):
        return None
    import threading

    thread = threading.Thread(target=_dlopen, args=(todo,), name="attribution-open-torch", daemon=True)
    thread.start()
    return thread


def _dlopen(todo) -> None:
    try:
        import ctypes

        dlopen = ctypes.CDLL(None).dlopen  # a foreign call: ctypes releases the interpreter lock
        dlopen.restype = ctypes.c_void_p
        dlopen.argtypes = (ctypes.c_char_p, ctypes.c_int)
        for path, mode in todo:
            if not dlopen(os.fsencode(path), mode):
                return  # torch's own import meets the error and says what it is
    except (OSError, AttributeError):
        pass  # no dlopen to call: torch opens its libraries itself


def _stand_in(name: str, spec) -> types.ModuleType:
    module = importlib.util.module_from_spec(spec)  # __spec__, __path__, ... set; code not run

    def __getattr__(attr: str):
        # the import system probes dunders (``__path__`` of a plain module, ...): answer them
        # as a module that has not run yet would, without running it
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)
        if name in SUBMODULES_ALONE and spec.submodule_search_locations is not None and \
                importlib.machinery.PathFinder.find_spec(f"{name}.{attr}", list(spec.submodule_search_locations)):
            # ``from package import submodule`` reads the name first: import just that
            # submodule (which binds it here), not the package's own code
            return importlib.import_module(f"{name}.{attr}")
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
