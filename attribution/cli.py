"""Command-line interface: the argument parser and the dispatch to the commands.

Only ``__main__`` (and the ``attribution`` console script) import this module.  Each
command is a module of :mod:`attribution.commands` with ``run(args)``, imported only when
that command runs; the commands take their exit codes and errors from
:mod:`attribution.errors`, never from here.

Imports are lazy: ``attribution --help``, ``--version`` and ``rules`` never load
torch or stanza.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it;
2 usage or runtime error (one line on stderr, no traceback); see :mod:`attribution.errors`.
"""
from __future__ import annotations

import argparse
import os
import sys

from . import __version__
from .commands import did_you_mean, err
from .commands import run as run_command
from .errors import EXIT_ERROR, EXIT_INTERRUPTED, AttributionError

FORMATS = ("text", "json", "line", "github", "sarif", "markdown", "html")

def _positive_int(text: str) -> int:
    """argparse type: an integer >= 1 (``--jobs 0`` and negatives are usage errors)."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {n}")
    return n


def _jobs(text: str):
    """argparse type for ``audit --jobs``: ``auto`` or an integer >= 1."""
    return "auto" if text.strip().lower() == "auto" else _positive_int(text)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="attribution",
        description="A sourcing auditor for news copy: every quote and reported claim, "
                    "who said it, and what an editor must fix before publication.",
    )
    p.add_argument("--version", action="version", version=f"attribution {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    a = sub.add_parser("audit", help="audit articles (files, directories, - for stdin)")
    a.add_argument("paths", nargs="*", metavar="PATH",
                   help="files, directories, or - for stdin (default: - when --stdin-filename is given)")
    a.add_argument("-f", "--format", choices=FORMATS, default=None,
                   help="output format (default: text)")
    a.add_argument("--fail-on", choices=("error", "warning", "info", "never"), default=None,
                   help="exit 1 when a finding is at or above this severity (default: error)")
    a.add_argument("--config", metavar="FILE", help="configuration file (default: nearest "
                   ".attribution.toml or pyproject.toml [tool.attribution])")
    a.add_argument("--select", metavar="RULES", help="comma-separated rule ids to run")
    a.add_argument("--ignore", metavar="RULES", help="comma-separated rule ids to skip")
    a.add_argument("--models", metavar="DIR", help="stanza model directory (or ATTRIBUTION_MODELS)")
    a.add_argument("--no-cache", action="store_true", help="do not read or write the cache (paragraph parses, document results)")
    a.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                   help="parse with N processes (default 1); auto: one per ~150,000 characters "
                        "still to parse, up to the CPUs")
    a.add_argument("--unreadable", choices=("error", "warn"), default="error",
                   help="unreadable/undecodable inputs: exit 2 at the end (error, default) "
                        "or only report them (warn)")
    a.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout")
    a.add_argument("--show", choices=("sources", "attributions", "all"), default="sources",
                   help="text report: what follows the findings: the sources roster (default), "
                        "every attribution, or both")
    a.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="colour in the text report: auto (default: on a terminal, unless NO_COLOR "
                        "is set), always, never")
    a.add_argument("--stdin-filename", metavar="NAME",
                   help="the name stdin's text is reported under; its suffix picks the format "
                        "(.md, .html) and configuration is looked up from it")
    a.add_argument("--follow-links", action="store_true",
                   help="follow symbolic links that lead out of an audited directory "
                        "(default: skip them with a warning)")
    a.add_argument("--allow-empty", action="store_true",
                   help="a directory with no .txt/.md/.markdown/.html/.htm file is not an error")

    r = sub.add_parser("rules", help="list the rules with id, code, severity and rationale")
    r.add_argument("-f", "--format", choices=("text", "json"), default="text")
    e = sub.add_parser("explain", help="explain one rule, with an example")
    e.add_argument("rule", metavar="RULE")

    m = sub.add_parser("models", help="show the stanza model sets (or: models download)")
    m.add_argument("action", nargs="?", choices=("list", "download"), default="list")
    m.add_argument("--models", metavar="DIR", help=argparse.SUPPRESS)

    c = sub.add_parser("cache", help="the cache (paragraph parses, document results): info | clear")
    c.add_argument("action", choices=("info", "clear"))

    v = sub.add_parser("eval", help="write predictions for a PolNeAR-shaped JSONL file")
    v.add_argument("gold", metavar="JSONL")
    v.add_argument("--predictions", required=True, metavar="OUT")
    v.add_argument("--models", metavar="DIR")
    v.add_argument("--limit", type=int, default=None, help="only the first N articles")
    v.add_argument("--no-cache", action="store_true")

    ar = sub.add_parser("archive", help="audit a large set of documents to JSONL (in-process, pool or Dask)")
    ar.add_argument("paths", nargs="+", metavar="PATH")
    ar.add_argument("--out", required=True, metavar="DIR")
    ar.add_argument("--jobs", type=_positive_int, default=None, metavar="N", help="local process pool of N workers")
    ar.add_argument("--dask", metavar="ADDRESS", help="tcp://scheduler:8786 or local:N")
    ar.add_argument("--batch-size", type=_positive_int, default=8, metavar="N", help="documents per task")
    ar.add_argument("--models", metavar="DIR")
    ar.add_argument("--no-cache", action="store_true")

    rp = sub.add_parser("archive-report", help="aggregate statistics over an archive run")
    rp.add_argument("results", metavar="DIR")
    rp.add_argument("--format", choices=("text", "json", "csv"), default="text")
    rp.add_argument("--chart", metavar="PNG", help="write a chart (default: DIR/anonymous-share.png)")
    p.set_defaults(_commands=sub.choices)
    return p


def _parse(parser: argparse.ArgumentParser, argv: list[str] | None) -> argparse.Namespace:
    """``parse_args`` with suggestions: a mistyped command gets the closest one, and a
    mistyped option after a command is reported with that command's usage."""
    argv = list(sys.argv[1:] if argv is None else argv)
    commands = parser.get_default("_commands")
    first = next((a for a in argv if not a.startswith("-")), None)
    if first is not None and first not in commands and argv.index(first) == 0:
        parser.print_usage(sys.stderr)
        parser.exit(EXIT_ERROR, f"attribution: error: unknown command {first!r}"
                                f"{did_you_mean(first, commands)} (see 'attribution --help')\n")
    args, extra = parser.parse_known_args(argv)
    if extra:
        sp = commands.get(args.command) if args.command else None
        target = sp or parser
        options = [o for act in target._actions for o in act.option_strings]
        first_bad = extra[0]
        hint = did_you_mean(first_bad.split("=", 1)[0], options) if first_bad.startswith("-") else ""
        target.error(f"unrecognized arguments: {' '.join(extra)}{hint}")
    if args.command == "audit" and not args.paths and not args.stdin_filename:
        commands["audit"].error("the following arguments are required: PATH (or - with --stdin-filename NAME)")
    return args


def entry() -> int:
    """The ``attribution`` program and ``python -m attribution``: :func:`main` with the
    command line's cold start."""
    return main(cold_start=True)


def main(argv: list[str] | None = None, *, cold_start: bool = False) -> int:
    """Runs one command; ``cold_start`` (the program only, see :func:`entry`) defers what stanza
    imports and an audit never reads.  A program calling ``main`` in its own process keeps
    torch's imports as torch ships them: the deferral changes the order torch imports itself in,
    which torch's compiler (reached, for one, by building an optimiser) cannot always follow."""
    parser = build_parser()
    args = _parse(parser, argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    if cold_start:
        from .parse import lazy

        lazy.cold_start()  # what stanza imports and an audit never reads: imported only if read
    try:
        return run_command(args)
    except AttributionError as exc:
        err(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        err("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return EXIT_ERROR
    except Exception as exc:  # last resort: never a traceback for the user
        if os.environ.get("ATTRIBUTION_DEBUG"):
            raise
        err(f"internal error: {type(exc).__name__}: {exc} (set ATTRIBUTION_DEBUG=1 for a traceback)")
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
