"""The console every terminal screen prints on, with rich (imported only when a function runs).

Colour only on a terminal: ``NO_COLOR`` (https://no-color.org) or piped output gives plain
text with no escape codes at all.  Width follows the terminal (``COLUMNS``), 80 when piped.
"""
from __future__ import annotations

import io
import os
import shutil
import sys

MIN_WIDTH = 20
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def use_color(stream=None) -> bool:
    """Colour when writing to a terminal, unless ``NO_COLOR`` is set or ``TERM=dumb``."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    stream = stream or sys.stdout
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _width(width: int | None) -> int:
    """The terminal's width (``COLUMNS`` when set), 80 when not a terminal; at least 20."""
    if width:
        return max(MIN_WIDTH, width)
    return max(MIN_WIDTH, shutil.get_terminal_size((80, 24)).columns)


def make_console(file=None, *, color: bool | None = None, width: int | None = None):
    from rich.console import Console

    if color is None:
        color = use_color(file)
    return Console(file=file, width=_width(width), force_terminal=color, no_color=not color,
                   color_system="standard" if color else None, highlight=False, emoji=False,
                   markup=False, soft_wrap=False, legacy_windows=False, force_jupyter=False,
                   force_interactive=False)


class _Screen:
    """A console that renders into a buffer; ``close()`` writes it out without trailing blanks."""

    def __init__(self, file=None, *, color: bool | None = None, width: int | None = None):
        self.file = file
        self.buffer = io.StringIO()
        target = file if file is not None else sys.stdout
        self.console = make_console(self.buffer, color=use_color(target) if color is None else color,
                                    width=width)

    def close(self) -> None:
        out = self.file if self.file is not None else sys.stdout
        out.write(_strip_lines(self.buffer.getvalue()))
        out.flush()


def _strip_lines(text: str) -> str:
    return "".join(line.rstrip() + "\n" for line in text.splitlines())


def _t(*parts):
    """Text from (string, style) pairs or plain strings; never markup."""
    from rich.text import Text

    return Text.assemble(*parts)
