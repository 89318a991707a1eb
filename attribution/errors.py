"""Exit codes and the errors the tool reports to the user.  Imports nothing.

Every error a user can fix is an :class:`AttributionError`: the command line prints
its message as one line (``attribution: error: MESSAGE``, controls neutralised) and
exits with its ``exit_code``, never with a traceback.  Each stage raises its own
subclass, so a caller can catch one kind without string matching:

    AttributionError
    ├── UsageError     bad arguments or a refused request (was ``cli.CliError``)
    ├── InputError     an input that cannot be audited (``load.LoadError``)
    ├── ConfigError    a bad configuration file or value
    ├── ModelError     no usable model set (missing or unreadable files)
    ├── CacheError     ``cache clear`` refused (not a cache directory)
    ├── OutputError    the report cannot be written there
    └── ArchiveError   an archive run cannot go on (bad arguments, unreadable results)
        └── ArchiveBusy    another run holds the same --out (exit 3; in archive.results)
"""

EXIT_OK = 0           # nothing at or above --fail-on
EXIT_FINDINGS = 1     # findings at or above --fail-on
EXIT_ERROR = 2        # usage or runtime error: one line on stderr
EXIT_BUSY = 3         # archive: another run is writing into the same --out directory
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT, as a shell reports it)


class AttributionError(Exception):
    """A problem the user can fix; the message is one line that names the file or option."""

    exit_code = EXIT_ERROR


class UsageError(AttributionError):
    """Bad arguments, or a request the tool refuses (``-o`` onto an audited input, ...)."""


class InputError(AttributionError):
    """An input that cannot be audited (see :class:`attribution.load.LoadError`)."""


class ConfigError(AttributionError):
    """A bad configuration file or value; the message is one line naming file and key."""


class ModelError(AttributionError):
    """No usable model set (missing or unreadable files)."""


class CacheError(AttributionError):
    """``cache clear`` refused (not a cache directory); the message is one line."""


class OutputError(AttributionError):
    """The report cannot be written there (one line, names the file)."""


class ArchiveError(AttributionError):
    """A user-facing problem with an archive run (bad arguments, unreadable output)."""
