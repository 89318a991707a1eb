"""The load stage: a file (or stdin) in, a :class:`~attribution.model.Source` out.

A ``Source`` holds the decoded text of the input exactly as the user has it and
the prose *blocks* (paragraphs) the parser will see.  Every offset is a
code-point offset into ``Source.text``, so ``line:column`` computed from it is
what the user's editor shows.

Inputs
    Plain text (``.txt`` and anything else), Markdown (``.md``, ``.markdown``) and
    HTML (``.html``, ``.htm``), Word (``.docx``, with python-docx) and OpenDocument
    text (``.odt``), see :func:`load_word`; stdin is HTML when it starts with ``<!doctype html``
    or ``<html``, plain text otherwise.  :func:`iter_inputs` expands directories
    (recursively, sorted by name, hidden entries skipped) to the files with those
    suffixes and detects symbolic-link loops.

Encodings
    A byte-order mark selects UTF-8, UTF-16 (LE/BE) or UTF-32 (LE/BE); the BOM is
    *not* part of ``Source.text`` and offsets count from the first character after
    it.  Without a BOM, UTF-16 and UTF-32 are recognised by their NUL bytes when the
    text is mostly ASCII; otherwise the bytes should be UTF-8.  UTF-8 with a few bad
    bytes (fewer bad places than characters beyond ASCII that decode) stays UTF-8, each
    bad place a U+FFFD, with a notice.  Otherwise the documented fallback is to decode them as cp1252 (Windows Western, a superset of the
    printable Latin-1) or, when even that fails, as Latin-1, with a notice such as
    ``decoded as cp1252: not valid UTF-8`` in ``Source.notices`` and the codec in
    ``Source.encoding``.  (HTML that declares a ``charset`` is decoded with that
    charset instead when it is not UTF-8.)  Binary files (NUL bytes, or the magic
    number of a PNG, JPEG, GIF, PDF, ZIP/Office, gzip, ... file) are refused with
    a :class:`LoadError`.  Line endings are kept as they are (CRLF stays CRLF).

Limits
    Files larger than :data:`MAX_BYTES` (10 MiB) are refused with a clear
    ``too-large`` error.  Paragraphs longer than :data:`MAX_BLOCK_CHARS` are split
    (at a line break, a sentence end or a space) with a notice, so the parser's
    memory stays bounded; so are runs of more than :data:`MAX_RUN_WORDS` words
    without a sentence end (a 3,000-word "sentence" with no punctuation) and of more
    than :data:`MAX_RUN_TOKENS` tokens as stanza counts them (50,000 ``"`` in a row),
    and no block holds more than :data:`MAX_PIECE_TOKENS` tokens.

Blocks
    Paragraphs are separated by blank lines.  Plain-text blocks are exact slices
    of the file (``Block.offsets is None`` and ``block.text ==
    source.text[block.start:block.end]``).  In Markdown, markup that is not prose
    -- YAML/TOML front matter, fenced and indented code blocks, HTML comments and
    tags, heading hashes, list and blockquote markers, emphasis markers, link
    targets, images -- is replaced by spaces of equal length, so offsets stay the
    identity (``block.text[i]`` is either ``source.text[block.start + i]`` or a
    blanked space); headings and list items are blocks of their own.  In HTML,
    trafilatura decides which text is the article (no navigation, scripts,
    styles, footers); each extracted paragraph is then located in the raw HTML
    (whitespace and entities normalised) and ``Block.offsets`` carries the file
    offset of every character.  A paragraph that cannot be located is skipped
    with a notice, never guessed.

Boilerplate
    Navigation lines, "XS SM MD LG", "Share this story", "Skip to main content",
    bylines and datelines standing alone, photo captions ("FILE - ..." or ending
    "(AP Photo...)") and copyright lines are dropped, so they produce no
    attributions.  The patterns are data: ``attribution/data/boilerplate.toml``.
    Headlines are kept.

Inline suppression
    In Markdown and HTML, a comment ``<!-- attribution: ignore[rule-id, other-rule] -->``
    suppresses those rules for the next paragraph (for the paragraph it sits in,
    when it is inside one); ``<!-- attribution: ignore -->`` suppresses every rule
    there.  ``<!-- attribution: off -->`` ... ``<!-- attribution: on -->`` suppresses
    every rule (``"*"``) for the paragraphs between them (to the end of the file
    when ``on`` never comes).  In plain text (and Markdown) the same directives are
    written on a line of their own: ``[attribution: ignore[rule-id]]``,
    ``[attribution: off]``, ``[attribution: on]``; such a line is never part of a
    block.  The rule ids land in ``Block.suppress``; the check stage applies them.
"""
from __future__ import annotations

from .blocks import BLANK, HEADING, ITEM, MAX_BLOCK_CHARS, PROSE, SEP
from .boilerplate import BOILERPLATE_FILE, BoilerplatePattern, boilerplate_match, load_boilerplate
from .decode import decode
from .inputs import SUFFIXES, LoadError, iter_inputs
from .read import MAX_BYTES, detect_format, load, load_bytes, load_stdin, load_text
from .runs import MAX_PIECE_TOKENS, MAX_RUN_TOKENS, MAX_RUN_WORDS
from .word import MAX_UNPACKED, WORD_FORMATS, load_word

__all__ = ["BLANK", "BOILERPLATE_FILE", "HEADING", "ITEM", "MAX_BLOCK_CHARS", "MAX_BYTES",
           "MAX_PIECE_TOKENS", "MAX_RUN_TOKENS", "MAX_RUN_WORDS", "MAX_UNPACKED", "PROSE", "SEP",
           "SUFFIXES", "WORD_FORMATS", "BoilerplatePattern", "LoadError",
           "boilerplate_match", "decode", "detect_format", "iter_inputs", "load", "load_boilerplate",
           "load_bytes", "load_stdin", "load_text", "load_word"]
