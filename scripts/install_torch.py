"""Install the CPU-only torch wheel into the running virtual environment, and say how.

``make install`` (and so ``make audit`` / ``make test``) runs this before installing the
project.  A bare ``pip install torch`` on Linux pulls the CUDA build (torch ~530 MB plus
~2 GB of nvidia packages and triton), so:

1. the PyTorch CPU index first (``--index-url``), with a short timeout and few retries;
2. if that fails (index unreachable, a proxy that only passes PyPI), the default index
   (``pip``'s own configuration: PyPI, a mirror, local find-links) as the fallback.

Either way it prints one line naming the wheel it installed and where it came from (from
``pip install --report``), and warns when the torch it ended with is a CUDA build.

    python scripts/install_torch.py [--requirement torch==2.13.0] [--index URL]
                                    [--timeout S] [--retries N] [--pip "python -m pip"]

Environment: ``TORCH_CPU_INDEX`` overrides the index ("" skips it), ``TORCH_INDEX_TIMEOUT``,
``TORCH_INDEX_RETRIES``.  Exit status: 0 installed (or already there), 1 both attempts failed.
"""
from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile

CPU_INDEX = "https://download.pytorch.org/whl/cpu"
REQUIREMENT = "torch==2.13.0"


def _say(msg: str) -> None:
    print(f"install_torch: {msg}", file=sys.stderr, flush=True)


def _pip(pip: list[str], args: list[str], quiet: tuple[str, ...] = ("--quiet",)) -> tuple[int, list[dict]]:
    """Run ``pip install ARGS --report``; return (exit status, the report's install list)."""
    fd, report = tempfile.mkstemp(prefix="install-torch-", suffix=".json")
    os.close(fd)
    try:
        rc = subprocess.call([*pip, "install", *quiet, "--report", report, *args])
        try:
            with open(report, encoding="utf-8") as fh:
                installed = json.load(fh).get("install", [])
        except (OSError, ValueError):
            installed = []
        return rc, installed
    finally:
        os.unlink(report)


def _describe(installed: list[dict], name: str = "torch") -> str:
    for item in installed:
        meta = item.get("metadata", {})
        if meta.get("name", "").lower() == name:
            url = item.get("download_info", {}).get("url", "?")
            return f"installed {name} {meta.get('version', '?')} from {url}"
    return f"{name} was already installed: nothing to do"


def _torch_build(python: str) -> tuple[str, str | None] | None:
    """(version, CUDA version or None) of the torch the environment now has."""
    code = "import json, torch; print(json.dumps([torch.__version__, torch.version.cuda]))"
    try:
        out = subprocess.run([python, "-c", code], capture_output=True, text=True, timeout=600)
        version, cuda = json.loads(out.stdout.strip().splitlines()[-1])
        return version, cuda
    except (OSError, ValueError, IndexError, subprocess.SubprocessError):
        return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--requirement", default=REQUIREMENT)
    ap.add_argument("--index", default=os.environ.get("TORCH_CPU_INDEX", CPU_INDEX),
                    help="the CPU wheel index tried first ('' skips it)")
    ap.add_argument("--timeout", default=os.environ.get("TORCH_INDEX_TIMEOUT", "15"),
                    help="seconds pip waits on the CPU index (default 15)")
    ap.add_argument("--retries", default=os.environ.get("TORCH_INDEX_RETRIES", "2"),
                    help="pip's retries on the CPU index (default 2)")
    ap.add_argument("--pip", default=f"{shlex.quote(sys.executable)} -m pip",
                    help="the pip command (default: this Python's)")
    ap.add_argument("--python", default=sys.executable, help="the Python whose torch is checked")
    args = ap.parse_args(argv)
    pip = shlex.split(args.pip)
    req = args.requirement

    how = None
    if args.index:
        _say(f"trying {req} from the PyTorch CPU index {args.index} "
             f"(timeout {args.timeout}s, {args.retries} retries)")
        # -qq: not one retry warning per package when the index does not answer
        rc, installed = _pip(pip, ["--index-url", args.index, "--timeout", str(args.timeout),
                                   "--retries", str(args.retries), req], quiet=("-qq",))
        if rc == 0:
            how = _describe(installed)
            if how.startswith("installed") and args.index not in how:
                # pip's configured find-links or extra index had it (the CPU index may not answer)
                how += " (the CPU index was given first; pip took it from this other configured source)"
            elif how.startswith("installed"):
                how += " (the PyTorch CPU index)"
        else:
            _say(f"the CPU index did not give {req}; falling back to the default index")
    if how is None:
        rc, installed = _pip(pip, [req])
        if rc != 0:
            _say(f"error: {req} could not be installed from the CPU index or the default index")
            return 1
        how = _describe(installed)
        how += " (from the default index)" if how.startswith("installed") else ""
    _say(how)
    build = _torch_build(args.python)
    if build is None:
        _say("warning: torch does not import in this environment")
    elif build[1]:
        _say(f"warning: torch {build[0]} is a CUDA {build[1]} build (about 2.5 GB with its nvidia "
             f"packages); for the CPU wheel: pip install --force-reinstall {req} --index-url {CPU_INDEX}")
    else:
        _say(f"torch {build[0]} is a CPU-only build")
    return 0


if __name__ == "__main__":
    sys.exit(main())
