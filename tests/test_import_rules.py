"""The import rules of the package, read from the source with ``ast`` (nothing is imported).

* no import cycle inside ``attribution/``: neither at import time (module-level imports) nor
  through the imports made inside functions, except the edges listed in ``ALLOWED_LAZY``;
* the stages (load, parse, extract, resolve, check) never import the pipeline, the engines
  or the commands: they know nothing of who runs them;
* only ``__main__`` imports ``cli`` (commands take exit codes and errors from ``errors``);
* a command (``attribution.commands.*``) never imports another command, and the engines
  and the pipeline never import a command;
* ``cli`` imports nothing heavy at import time: no stage, engine or command module;
* ``errors`` imports nothing;
* no module in ``attribution/`` is over 400 lines.
"""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "attribution"

STAGES = ("attribution.load", "attribution.parse", "attribution.extract", "attribution.resolve",
          "attribution.check")
ENGINES = ("attribution.pipeline", "attribution.audit", "attribution.batch", "attribution.archive",
           "attribution.engines", "attribution.evaluate", "attribution.progress")
COMMANDS = ("attribution.commands", "attribution.cli", "attribution.__main__")
RUNNERS = ENGINES + COMMANDS

MAX_LINES = 400

# Lazy imports that close a cycle, each with its reason.  An entry that no longer exists
# fails test_allowed_lazy_edges_still_exist, so this list can only shrink.
ALLOWED_LAZY = {
    # the rule registry imports the rule families on first lookup (plugin registration);
    # each family imports the registry's @rule decorator at import time
    ("attribution.check.registry", "attribution.check.rules"),
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports(name: str, path: Path, known: set[str], *, lazy: bool) -> set[str]:
    """The ``attribution`` modules that ``name`` imports: at module level only, or anywhere
    (``lazy``, which includes imports inside functions and ``if`` blocks)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    nodes = ast.walk(tree) if lazy else _top_level(tree.body)
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:  # `from . import rules` imports the module attribution.check.rules
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in known else target)
    return {m for m in found if m in known and m != name}


def _top_level(body):
    """Statements run at import time: the module body, and ``try``/``if`` blocks in it."""
    for node in body:
        yield node
        if isinstance(node, (ast.Try, ast.If)):
            yield from _top_level(node.body + node.orelse
                                  + [s for h in getattr(node, "handlers", []) for s in h.body])


def graph(*, lazy: bool) -> dict[str, set[str]]:
    mods = modules()
    return {m: imports(m, p, set(mods), lazy=lazy) for m, p in mods.items()}


def cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(g):
        if root in index:
            continue
        work = [(root, iter(sorted(g[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            v, it = work[-1]
            w = next(it, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = len(index)
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(sorted(g.get(w, ())))))
                elif w in on_stack:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1:
                    found.append(sorted(comp))
    return found


def _under(module: str, prefixes) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


# ---------------------------------------------------------------- the checker itself

def test_the_graph_sees_relative_absolute_lazy_and_submodule_imports():
    lazy, eager = graph(lazy=True), graph(lazy=False)
    assert "attribution.model" in eager["attribution.pipeline"]         # from .model import ...
    assert "attribution.parse" in eager["attribution.pipeline"]         # module level
    assert "attribution.check" not in eager["attribution.pipeline"]     # only inside a function
    assert "attribution.check" in lazy["attribution.pipeline"]
    assert "attribution.errors" in eager["attribution.archive.run"]     # from ..errors import ...
    assert "attribution.check.rules" in lazy["attribution.check.registry"]  # from . import rules
    assert "attribution.cli" in eager["attribution.__main__"]


def test_cycles_finds_a_cycle_and_only_cycles():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set(), "c": {"a", "b"}}) == []


# ---------------------------------------------------------------- the rules

def test_no_import_cycle_at_import_time():
    assert cycles(graph(lazy=False)) == []


def test_no_import_cycle_through_lazy_imports():
    g = graph(lazy=True)
    for a, b in ALLOWED_LAZY:
        g[a].discard(b)
    assert cycles(g) == []


def test_allowed_lazy_edges_still_exist():
    g = graph(lazy=True)
    assert [edge for edge in sorted(ALLOWED_LAZY) if edge[1] not in g.get(edge[0], ())] == []


def test_stages_never_import_the_pipeline_engines_or_commands():
    bad = sorted((m, t) for m, targets in graph(lazy=True).items() if _under(m, STAGES)
                 for t in targets if _under(t, RUNNERS))
    assert bad == []


def test_only_main_imports_cli():
    importers = sorted(m for m, targets in graph(lazy=True).items() if "attribution.cli" in targets)
    assert importers == ["attribution.__main__"]


def test_errors_imports_nothing():
    tree = ast.parse((PACKAGE / "errors.py").read_text(encoding="utf-8"))
    assert [n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))] == []


def test_engines_never_import_the_commands():
    bad = sorted((m, t) for m, targets in graph(lazy=True).items() if _under(m, ENGINES)
                 for t in targets if _under(t, COMMANDS))
    assert bad == []


def test_a_command_never_imports_another_command():
    g = graph(lazy=True)
    commands = sorted(m for m in g if m.startswith("attribution.commands."))
    assert "attribution.commands.audit" in commands
    bad = sorted((m, t) for m in commands for t in g[m] if t in commands)
    assert bad == []


def test_cli_imports_no_stage_engine_or_command_module_at_import_time():
    eager = graph(lazy=False)["attribution.cli"]
    assert sorted(t for t in eager if _under(t, STAGES + ENGINES)
                  or t.startswith("attribution.commands.")) == []


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_over_400_lines():
    over = sorted(p.relative_to(PACKAGE.parent).as_posix() for p in modules().values()
                  if _lines(p) > MAX_LINES)
    assert over == [], f"split these modules (at most {MAX_LINES} lines each; see README 'How it works')"
