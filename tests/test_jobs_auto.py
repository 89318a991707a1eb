"""``attribution audit --jobs auto`` (issue 15): processes only when there is enough to parse."""
from __future__ import annotations

import subprocess
import sys

import pytest

from attribution import batch
from attribution.model import Block, Source


def _source(path: str, chars: int) -> Source:
    """An input of about ``chars`` characters in paragraphs of ~2,000."""
    text, blocks, n = "", [], 0
    while len(text) < chars:
        para = " ".join(f"w{path}x{n}x{i}" for i in range(200))[:1999] + "."
        n += 1
        blocks.append(Block(len(text), len(text) + len(para), para))
        text += para + "\n\n"
    return Source(path=path, text=text, blocks=tuple(blocks))


@pytest.fixture(autouse=True)
def _cpus_and_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("ATTRIBUTION_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(batch.os, "sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)


def test_small_runs_stay_in_process():
    assert batch.auto_jobs([_source("a", 900_000)]) == 1                   # one input
    assert batch.auto_jobs([_source("a", 9_000), _source("b", 9_000)]) == 1


def test_large_runs_get_one_process_per_share_up_to_cpus_and_inputs():
    big = [_source(str(i), 170_000) for i in range(8)]
    assert batch.auto_jobs(big) == 4                                 # the 4 CPUs
    assert batch.auto_jobs(big[:2]) == 2                             # 2 inputs
    assert batch.auto_jobs([big[0], _source("s", 4_000)]) == 1       # one share of characters
    assert batch.auto_jobs([big[0], _source("s", 140_000)]) == 2
    assert batch.auto_jobs(["not a source"] * 8 + big[:1]) == 1


def test_one_cpu_means_one_process(monkeypatch):
    monkeypatch.setattr(batch.os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert batch.auto_jobs([_source(str(i), 170_000) for i in range(8)]) == 1


@pytest.mark.stanza
def test_paragraphs_in_the_parse_cache_do_not_count(monkeypatch):
    monkeypatch.setattr(batch, "AUTO_CHARS_PER_JOB", 40)
    texts = ["The mayor said the bridge would reopen in May.", "Officials denied that the repairs were late."]
    sources = [Source(path=f"{i}.txt", text=t, blocks=(Block(0, len(t), t),)) for i, t in enumerate(texts)]
    assert batch.auto_jobs(sources) == 2
    list(batch.audit_many(sources[:1], jobs=1, progress=False))    # the first paragraph is now cached
    assert batch.auto_jobs(sources) == 1
    assert batch.auto_jobs(sources, use_cache=False) == 2


def test_cli_accepts_auto_and_refuses_other_words(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("Nothing here.\n")
    bad = subprocess.run([sys.executable, "-m", "attribution", "audit", str(draft), "--jobs", "many"],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2
    assert "--jobs" in bad.stderr and "Traceback" not in bad.stderr
    ok = subprocess.run([sys.executable, "-m", "attribution", "audit", str(draft), "--jobs", "auto",
                         "--no-cache", "--format", "json"], capture_output=True, text=True, timeout=300)
    assert ok.returncode == 0, ok.stderr
    assert '"documents"' in ok.stdout or '"path"' in ok.stdout
