"""Issue 16, point 12 (decoding): one bad byte in a UTF-8 file no longer turns the whole file
into cp1252 mojibake (curly quotes lost, findings gone): it is decoded as UTF-8 with U+FFFD
in the bad place and a notice.  UTF-16 and UTF-32 without a byte-order mark are detected when
mostly ASCII, instead of refused as binary.  A real cp1252 file is still read as cp1252.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from attribution.cli import main
from attribution.load import LoadError, load_bytes

ROOT = Path(__file__).resolve().parents[2]
# the sample article with its quotation marks made curly, as a word processor writes them
CURLY = "".join(("“" if i % 2 == 0 else "”") + part if i else part
                for i, part in enumerate((ROOT / "corpus" / "russia-sdf-syria.txt")
                                         .read_text(encoding="utf-8").split('"'))).encode("utf-8")
TEXT = "“We are ready,” the general said.\n\nHe added: “We will not retreat.”\n"


def test_one_bad_byte_keeps_utf8_and_says_where():
    data = TEXT.encode("utf-8").replace(b"general", b"gen\xe9ral")
    src = load_bytes(data, "story.txt")
    assert src.encoding == "utf-8"
    assert src.text == TEXT.replace("general", "gen\ufffdral")  # curly quotes intact
    assert src.notices == ("not valid UTF-8 in 1 place (first bad byte at offset 27), "
                           "shown as \ufffd; the rest decoded as UTF-8",)


def test_a_real_cp1252_file_is_still_cp1252():
    src = load_bytes(b"\x93We are ready,\x94 he said. Caf\xe9.", "word.txt")
    assert src.encoding == "cp1252" and src.text == "“We are ready,” he said. Café."


def test_mostly_bad_bytes_are_not_utf8():
    # more bad places than characters that decode: cp1252, as before
    src = load_bytes("“ok”".encode("utf-8") + b" \x93a\x94 \x93b\x94 \x93c\x94", "x.txt")
    assert src.encoding in ("cp1252", "latin-1")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_encodings_without_bom_are_detected(codec):
    src = load_bytes(TEXT.encode(codec), "wide.txt")
    assert src.encoding == codec and src.text == TEXT
    assert src.notices == (f"decoded as {codec.upper()}: no byte-order mark, but the bytes are "
                           f"{codec[:6].upper()}",)
    assert [b.text for b in src.blocks] == ["“We are ready,” the general said.",
                                             "He added: “We will not retreat.”"]


def test_nul_bytes_that_are_no_wide_encoding_stay_binary():
    with pytest.raises(LoadError) as exc:
        load_bytes(b"ab\x00\x00\x00\x01\x02\x00\xff\xfe\x00\x00" * 20, "x.txt")
    assert exc.value.code == "binary"


def test_findings_survive_a_stray_byte(tmp_path, capsys):
    clean = tmp_path / "clean.txt"
    clean.write_bytes(CURLY)
    stray = tmp_path / "stray.txt"
    stray.write_bytes(CURLY + b"\nEnd\xff.\n")  # cp1252 used to read it all as mojibake
    assert main(["audit", str(clean), str(stray), "--format", "json", "--fail-on", "never"]) == 0
    captured = capsys.readouterr()
    docs = json.loads(captured.out)["documents"]
    assert "“" in CURLY.decode() and any(a["type"] in ("direct", "mixed") for a in docs[0]["attributions"])
    assert any("not valid UTF-8 in 1 place" in n for n in docs[1]["notices"])
    assert [f["rule"] for f in docs[0]["findings"]] == [f["rule"] for f in docs[1]["findings"]]
    assert docs[0]["findings"] and docs[0]["attributions"] == docs[1]["attributions"]
    assert "stray.txt: not valid UTF-8 in 1 place" in captured.err
