"""Install and distribution (issue 14): the distribution name, versions as tags, the CPU
torch install, and the documented GitHub workflow and pre-commit files, checked offline."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import attribution

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
VERSION = attribution.__version__
DOCS = {name: (ROOT / name).read_text(encoding="utf-8")
        for name in ("README.md", "docs/ci.md", "Makefile", ".pre-commit-hooks.yaml")}
BIN = Path(sys.executable).parent


def _yaml_blocks(text: str) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", text, flags=re.S)


def _workflows():
    for name in ("README.md", "docs/ci.md"):
        for block in _yaml_blocks(DOCS[name]):
            if block.startswith("# .github/workflows/"):
                yield name, block


def _precommit_configs():
    for name in ("README.md", "docs/ci.md"):
        for block in _yaml_blocks(DOCS[name]):
            if "repos:" in block:
                yield name, block


# ------------------------------------------------------------- name and version

def test_distribution_name_and_version():
    project = PYPROJECT["project"]
    assert project["name"] == "attribution-lint"  # `attribution` on PyPI is another project
    assert project["scripts"] == {"attribution": "attribution.cli:entry"}
    assert project["version"] == VERSION
    assert (ROOT / "attribution" / "__init__.py").is_file()


def test_install_lines_name_the_distribution_and_the_release_tag():
    text = DOCS["README.md"] + DOCS["docs/ci.md"]
    # never the unrelated PyPI project
    assert not re.search(r"pip install\s+['\"]?attribution(\[|['\"\s]|$)", text, flags=re.M)
    assert not re.search(r"['\"]attribution(\[[a-z,]+\])? @ git\+", text)
    urls = re.findall(r"git\+https://[^\s'\"]+", text)
    assert urls and all(u.endswith(f"@v{VERSION}") for u in urls), urls
    revs = re.findall(r"^\s*rev:\s*(\S+)", text, flags=re.M)
    assert revs and set(revs) == {f"v{VERSION}"}


def test_owner_placeholder_is_explained():
    for name in ("README.md", "docs/ci.md"):
        text = DOCS[name]
        if "OWNER" in text:
            assert re.search(r"(replace|Replace) `OWNER`|`OWNER`:", text), name


def test_sarif_information_uri_is_ours():
    from attribution.report import sarif

    assert "attribution-lint" in sarif.DEFAULT_URI and sarif.DEFAULT_URI.startswith("https://")


def test_ci_runs_exactly_make_test():
    lines = [ln.strip() for ln in (ROOT / ".ci" / "run").read_text().splitlines()
             if ln.strip() and not ln.lstrip().startswith("#")]
    assert lines[-1] == "make test"
    assert sum("make" in ln for ln in lines) == 1


# ------------------------------------------------------------- CPU torch

def test_makefile_installs_the_pinned_cpu_torch_first():
    pins = [d for d in PYPROJECT["project"]["dependencies"] if d.replace(" ", "").startswith("torch==")]
    assert len(pins) == 1
    m = re.search(r"^TORCH\s*\?=\s*(\S+)", DOCS["Makefile"], flags=re.M)
    assert m and m.group(1) == pins[0].replace(" ", "")
    recipe = DOCS["Makefile"].split("$(BIN)/attribution:", 1)[1].split("\n\n", 1)[0]
    assert recipe.index("scripts/install_torch.py") < recipe.index("-e '.[test,archive]'")


def _fake_pip(tmp_path: Path, *, cpu_index_ok: bool, version: str) -> str:
    """A pip stand-in: fails with --index-url unless told otherwise, writes a --report."""
    log = tmp_path / "pip.log"
    script = tmp_path / "fakepip.py"
    script.write_text(f"""
import json, sys
args = sys.argv[1:]
open({str(log)!r}, "a").write(" ".join(args) + "\\n")
if "--index-url" in args and not {cpu_index_ok!r}:
    sys.exit(1)
report = args[args.index("--report") + 1]
url = (args[args.index("--index-url") + 1] + "/torch/torch.whl") if "--index-url" in args else "https://example.invalid/pypi/torch.whl"
json.dump({{"install": [{{"metadata": {{"name": "torch", "version": {version!r}}},
                          "download_info": {{"url": url}}}}]}}, open(report, "w"))
""")
    return f"{sys.executable} {script}"


def _fake_python(tmp_path: Path, cuda: str | None) -> str:
    exe = tmp_path / "fakepython"
    exe.write_text(f"#!/bin/sh\necho '{json.dumps(['2.13.0', cuda])}'\n")
    exe.chmod(0o755)
    return str(exe)


def _install_torch(tmp_path, **fake):
    pip = _fake_pip(tmp_path, cpu_index_ok=fake["cpu_index_ok"], version=fake["version"])
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "install_torch.py"), "--pip", pip,
         "--python", _fake_python(tmp_path, fake["cuda"]), "--timeout", "3", "--retries", "1"],
        capture_output=True, text=True, timeout=60)


def test_install_torch_cpu_index_first(tmp_path):
    proc = _install_torch(tmp_path, cpu_index_ok=True, version="2.13.0+cpu", cuda=None)
    assert proc.returncode == 0, proc.stderr
    calls = (tmp_path / "pip.log").read_text().splitlines()
    assert len(calls) == 1
    assert "--index-url https://download.pytorch.org/whl/cpu --timeout 3 --retries 1 torch==2.13.0" in calls[0]
    assert ("installed torch 2.13.0+cpu from https://download.pytorch.org/whl/cpu/torch/torch.whl "
            "(the PyTorch CPU index)") in proc.stderr
    assert "CPU-only build" in proc.stderr and "warning" not in proc.stderr


def test_install_torch_falls_back_to_the_default_index_and_says_so(tmp_path):
    proc = _install_torch(tmp_path, cpu_index_ok=False, version="2.13.0", cuda="12.8")
    assert proc.returncode == 0, proc.stderr
    calls = (tmp_path / "pip.log").read_text().splitlines()
    assert len(calls) == 2 and "--index-url" in calls[0] and "--index-url" not in calls[1]
    assert "falling back to the default index" in proc.stderr
    assert "from https://example.invalid/pypi/torch.whl (from the default index)" in proc.stderr
    assert "warning: torch 2.13.0 is a CUDA 12.8 build" in proc.stderr


# ------------------------------------------------------------- GitHub workflow

def test_documented_workflows_pass_the_github_workflow_schema(tmp_path):
    pytest.importorskip("check_jsonschema")
    files = []
    for i, (name, block) in enumerate(_workflows()):
        f = tmp_path / f"workflow{i}.yml"
        f.write_text(block, encoding="utf-8")
        files.append(f)
    assert len(files) == 2  # README and docs/ci.md
    proc = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                           "vendor.github-workflows", *map(str, files)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # and the check can fail: a step with neither `run` nor `uses` is refused
    bad = tmp_path / "bad.yml"
    bad.write_text(files[0].read_text().replace("      - uses: actions/checkout@v4\n",
                                                "      - with: {a: b}\n"), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                           "vendor.github-workflows", str(bad)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1


def test_documented_workflows_work_in_a_drafts_only_repository():
    yaml = pytest.importorskip("yaml")
    for name, block in _workflows():
        wf = yaml.safe_load(block)
        path = block.splitlines()[0].removeprefix("# ").strip()
        steps = wf["jobs"]["attribution"]["steps"]
        for step in steps:
            if step.get("uses", "").startswith("actions/setup-python") and "cache" in step.get("with", {}):
                # no requirements.txt/pyproject.toml in a drafts repository: key on this workflow
                assert step["with"].get("cache-dependency-path") == path, name
        run = "\n".join(s.get("run", "") for s in steps)
        torch = run.index("download.pytorch.org/whl/cpu")
        assert torch < run.index("attribution-lint @ git+"), name
        assert wf["permissions"]["security-events"] == "write"


# ------------------------------------------------------------- pre-commit

def _pre_commit(*args, **kw):
    exe = BIN / "pre-commit"
    if not exe.exists():
        pytest.skip("pre-commit is not installed (test extra)")
    return subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=900, **kw)


def test_hook_manifest_is_valid():
    proc = _pre_commit("validate-manifest", str(ROOT / ".pre-commit-hooks.yaml"))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_documented_precommit_configs_are_valid(tmp_path):
    yaml = pytest.importorskip("yaml")
    manifest_ids = {h["id"] for h in yaml.safe_load(DOCS[".pre-commit-hooks.yaml"])}
    configs = list(_precommit_configs())
    assert len(configs) >= 3
    for i, (name, block) in enumerate(configs):
        f = tmp_path / f"config{i}.yaml"
        f.write_text(block, encoding="utf-8")
        proc = _pre_commit("validate-config", str(f))
        assert proc.returncode == 0, (name, proc.stdout + proc.stderr)
        for repo in yaml.safe_load(block)["repos"]:
            if repo["repo"] != "local":
                assert {h["id"] for h in repo["hooks"]} <= manifest_ids, name
    bad = tmp_path / "bad.yaml"
    bad.write_text("repos:\n  - repo: https://example.invalid/x\n    hooks: [{id: x}]\n")
    assert _pre_commit("validate-config", str(bad)).returncode != 0  # rev missing


@pytest.mark.stanza
def test_system_hook_runs_and_shows_findings(tmp_path):
    """A real pre-commit run of this repository's `attribution-system` hook (try-repo uses the
    working tree) in a newsroom repository: the findings are shown though the hook passes."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "newsroom"
    (repo / "drafts").mkdir(parents=True)
    (repo / "drafts" / "story.md").write_text(
        "# Council\n\nAn official said the budget would pass on Tuesday.\n", encoding="utf-8")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pc-home"), NO_COLOR="1",
               ATTRIBUTION_CACHE_DIR=str(tmp_path / "cache"), GIT_AUTHOR_NAME="t",
               GIT_AUTHOR_EMAIL="t@example.invalid", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.invalid")
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    subprocess.run(["git", "add", "drafts/story.md"], cwd=repo, check=True, env=env)
    proc = _pre_commit("try-repo", str(ROOT), "attribution-system", "--files", "drafts/story.md",
                       "--color", "never", cwd=repo, env=env)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    assert "Passed" in out
    assert "drafts/story.md:3:1: warning anonymous-source" in out  # verbose: shown on a pass
