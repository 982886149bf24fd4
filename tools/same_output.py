"""Check that a change is a pure refactor: same inputs, byte-identical outputs.

    .venv/bin/python tools/same_output.py                  # working tree against HEAD
    .venv/bin/python tools/same_output.py --base main --only samples,seed
    .venv/bin/python tools/same_output.py --keep /tmp/out  # keep both sides' files to inspect

For every input set it runs ``graphbuild extract`` (the extraction JSON) and then
``graphbuild build --extraction`` on that JSON (the HTML page, GraphML and
node-link JSON), once with the code of a base revision and once with the working
tree, and compares the files byte for byte. The base revision is checked out into
a temporary ``git worktree`` and run with ``PYTHONPATH`` pointing at it, with the
Python that runs this script (so both sides use the same installed spaCy and
model). Both sides read the very same input files, so paths recorded in the
output agree.

Input sets (``--only``, comma-separated; all by default):

- ``samples``: the bundled sample article, and the bundled corpus as one run
- ``seed``:    shared/corpus/seed (or ``--seed DIR``); skipped when absent
- ``peer``:    the 400 peer-suite sentences, written by shared/eval/score_peer.py
  ``--write-texts``; skipped when absent

``shared/`` is the folder beside the repository (or beside the folder holding it).
- ``lee``:     the 300 Lee articles: ``--lee FILE`` (default bench/corpus/lee.jsonl), else the
  copy bench/bench_extract.py fetches

The base side's outputs are cached per commit (and per installed packages and
input bytes) under the temporary directory, so repeated runs against one base only
run the working tree; ``--no-cache`` turns that off.

Exit status: 0 when everything is byte-identical, 1 when some file differs, 2 when
a run failed or the arguments are wrong. Prints the first differing files with a
short diff.
"""
from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# the project's shared folder: beside the repository (../shared), or beside the worktrees' parent
SHARED = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()),
              ROOT.parent / "shared")
SEED_DIR = SHARED / "corpus" / "seed"
LEE_FILE = ROOT / "bench" / "corpus" / "lee.jsonl"
SETS = ("samples", "seed", "peer", "lee")
RUN_CLI = "import sys; from graphbuild.cli import main; sys.exit(main())"
OUTPUTS = ("extraction.json", "network.html", "network.graphml", "network.json")
CACHE = Path(tempfile.gettempdir()) / f"graphbuild-same-output-{os.getuid()}"


class Failed(Exception):
    """A run could not be done (git, a graphbuild command, a missing input)."""


@dataclass(frozen=True)
class Case:
    """One input set: a name and the INPUT arguments given to ``graphbuild extract``."""

    name: str
    inputs: tuple[str, ...]


# --------------------------------------------------------------------------- #
# Inputs
# --------------------------------------------------------------------------- #


def _peer_dir(work: Path) -> Path | None:
    score_peer = SHARED / "eval" / "score_peer.py"
    if not score_peer.exists():
        return None
    out = work / "peer"
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run([sys.executable, str(score_peer), "--write-texts", str(out)], check=True,
                   stdout=subprocess.DEVNULL)
    return out


def _lee_file(path: Path) -> Path:
    if path.exists():
        return path
    sys.path.insert(0, str(ROOT / "bench"))
    import bench_extract  # fetches gensim's wheel from PyPI once, into bench/corpus/

    return bench_extract.lee_jsonl()


def cases(only: list[str], seed: Path, lee: Path, work: Path) -> list[Case]:
    """The input sets to run, in a fixed order; absent optional ones are reported and left out.

    Inputs this script writes (the peer texts, a Lee JSONL) go to ``work``, a fixed folder, so
    the paths recorded in the outputs stay the same from run to run and the cache can be used.
    """
    samples = ROOT / "graphbuild" / "data" / "samples"
    out: list[Case] = []
    if "samples" in only:
        out.append(Case("samples-article", (str(samples / "kerry_geneva.txt"),)))
        out.append(Case("samples-corpus", (str(samples / "corpus"),)))
    if "seed" in only:
        if seed.is_dir():
            out.append(Case("seed", (str(seed),)))
        else:
            print(f"seed: {seed} is absent, skipped")
    if "peer" in only:
        peer = _peer_dir(work)
        if peer is None:
            print(f"peer: {SHARED / 'eval' / 'score_peer.py'} is absent, skipped")
        else:
            out.append(Case("peer", (str(peer),)))
    if "lee" in only:
        out.append(Case("lee", (str(_lee_file(lee)),)))
    return out


def _input_digest(case: Case) -> str:
    h = hashlib.sha1()
    for arg in case.inputs:
        p = Path(arg)
        files = sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p]
        for f in files:
            h.update(str(f).encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


def _store(out: Path, cached: Path) -> None:
    """Copy one base side's outputs into the cache atomically (a whole folder or nothing)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=CACHE, prefix=".tmp-"))
    shutil.copytree(out, tmp / "x")
    try:
        os.replace(tmp / "x", cached)
    except OSError:  # another run stored the same outputs first
        pass
    shutil.rmtree(tmp, ignore_errors=True)


def _environment_digest() -> str:
    """Installed distributions and their versions: a new spaCy or model invalidates the cache."""
    names = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())
    return hashlib.sha1(("\n".join(names) + sys.executable).encode()).hexdigest()


# --------------------------------------------------------------------------- #
# Running one side
# --------------------------------------------------------------------------- #


def _git(*args: str) -> str:
    r = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)
    if r.returncode != 0:
        raise Failed(f"git {' '.join(args)}: {r.stderr.strip()}")
    return r.stdout.strip()


def _graphbuild(code: Path, out: Path, *args: str) -> None:
    env = dict(os.environ, PYTHONPATH=str(code), PYTHONHASHSEED="0")
    r = subprocess.run([sys.executable, "-c", RUN_CLI, *args], cwd=out, env=env,
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise Failed(f"graphbuild {' '.join(args)} (code from {code}) exited {r.returncode}:\n"
                     + r.stderr.strip()[-2000:])


def _check_imports_from(code: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(code))
    r = subprocess.run([sys.executable, "-c", "import graphbuild; print(graphbuild.__file__)"],
                       cwd=tempfile.gettempdir(), env=env, capture_output=True, text=True)
    where = Path(r.stdout.strip() or "?").resolve()
    if r.returncode != 0 or code.resolve() not in where.parents:
        raise Failed(f"graphbuild imports from {where}, not from {code}: {r.stderr.strip()}")


def run_side(code: Path, case: Case, out: Path, workers: int) -> None:
    """Write the four output files of ``case`` into ``out`` with the code under ``code``."""
    out.mkdir(parents=True, exist_ok=True)
    ex = out / OUTPUTS[0]
    _graphbuild(code, out, "extract", "-q", "--workers", str(workers), *case.inputs, "-o", str(ex))
    _graphbuild(code, out, "build", "-q", "--extraction", str(ex), "-o", str(out / OUTPUTS[1]),
                "--graphml", str(out / OUTPUTS[2]), "--json", str(out / OUTPUTS[3]))


# --------------------------------------------------------------------------- #
# Comparing
# --------------------------------------------------------------------------- #


def _clip(line: str, at: int, width: int = 150) -> str:
    """At most ``width`` characters of ``line`` around column ``at``, with ellipses where cut."""
    start = max(0, min(at - width // 2, len(line) - width))
    s = line[start:start + width]
    return ("…" if start else "") + s + ("…" if start + width < len(line) else "")


def short_diff(a: bytes, b: bytes, max_lines: int = 20) -> str:
    """Where two files first differ (byte, line, column) and a unified diff clipped around it."""
    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    line = a.count(b"\n", 0, at) + 1
    col = len(a[a.rfind(b"\n", 0, at) + 1:at].decode("utf-8", "replace"))
    head = f"first difference at byte {at}, line {line}, column {col + 1} (sizes {len(a)} and {len(b)})"
    body = []
    for d in difflib.unified_diff(a.decode("utf-8", "replace").splitlines(),
                                  b.decode("utf-8", "replace").splitlines(),
                                  "base", "working", n=1, lineterm=""):
        if len(body) >= max_lines:
            body.append("…")
            break
        body.append(d if d[:3] in ("---", "+++", "@@ ") else d[:1] + " " + _clip(d[1:], col))
    return head + "\n" + "\n".join("      " + x for x in body)


def compare(base: Path, work: Path) -> list[tuple[str, str]]:
    """``(file name, short diff)`` for every output file that differs, in OUTPUTS order."""
    diffs = []
    for name in OUTPUTS:
        a, b = (base / name).read_bytes(), (work / name).read_bytes()
        if a != b:
            diffs.append((name, short_diff(a, b)))
    return diffs


# --------------------------------------------------------------------------- #
# Main
# --------------------------------------------------------------------------- #


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog=__doc__.split("\n\n", 1)[1],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", default="HEAD", help="git revision to compare against (default HEAD)")
    ap.add_argument("--only", default=",".join(SETS), help=f"input sets (default {','.join(SETS)})")
    ap.add_argument("--seed", type=Path, default=SEED_DIR, help=f"seed folder (default {SEED_DIR})")
    ap.add_argument("--lee", type=Path, default=LEE_FILE, help=f"Lee JSONL (default {LEE_FILE})")
    ap.add_argument("--workers", type=int, default=1, help="graphbuild --workers (default 1)")
    ap.add_argument("--keep", type=Path, help="copy both sides' outputs here (DIR/base, DIR/working)")
    ap.add_argument("--no-cache", action="store_true", help="always rerun the base side")
    args = ap.parse_args(argv)
    only = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = sorted(set(only) - set(SETS))
    if unknown:
        ap.error(f"--only: unknown input set(s) {', '.join(unknown)}; choose from {', '.join(SETS)}")

    try:
        sha = _git("rev-parse", "--verify", f"{args.base}^{{commit}}")
    except Failed as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    dirty = bool(_git("status", "--porcelain", "--untracked-files=no"))
    print(f"base {args.base} = {sha[:12]}; working tree {ROOT}{' (uncommitted changes)' if dirty else ''}")

    scratch = Path(tempfile.mkdtemp(prefix="same-output-"))
    checkout = scratch / "base"
    failures = differing = 0
    try:
        todo = cases(only, args.seed, args.lee, CACHE / "inputs")
        env_key = _environment_digest()
        base_ready = False
        for case in todo:
            t0 = time.perf_counter()
            key = hashlib.sha1(f"{sha} {env_key} {args.workers} {_input_digest(case)}".encode()).hexdigest()
            cached = CACHE / f"{case.name}-{key[:16]}"
            base_out, work_out = scratch / "out" / "base" / case.name, scratch / "out" / "working" / case.name
            try:
                if not args.no_cache and all((cached / n).exists() for n in OUTPUTS):
                    shutil.copytree(cached, base_out)
                else:
                    if not base_ready:
                        _git("worktree", "add", "--detach", "--quiet", str(checkout), sha)
                        _check_imports_from(checkout)
                        base_ready = True
                    run_side(checkout, case, base_out, args.workers)
                    if not args.no_cache:
                        _store(base_out, cached)
                if case is todo[0]:
                    _check_imports_from(ROOT)
                run_side(ROOT, case, work_out, args.workers)
            except Failed as e:
                failures += 1
                print(f"{case.name}: FAILED\n{e}")
                continue
            diffs = compare(base_out, work_out)
            took = time.perf_counter() - t0
            if not diffs:
                print(f"{case.name}: byte-identical ({', '.join(OUTPUTS)}) [{took:.0f}s]")
            else:
                differing += 1
                print(f"{case.name}: DIFFERS in {', '.join(n for n, _ in diffs)} [{took:.0f}s]")
                for name, diff in diffs[:2]:
                    print(f"  {name}: {diff}")
        if args.keep:
            shutil.copytree(scratch / "out", args.keep, dirs_exist_ok=True)
            print(f"outputs kept in {args.keep}/base and {args.keep}/working")
    except Failed as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    finally:
        if checkout.exists():
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(checkout)],
                           capture_output=True)
        shutil.rmtree(scratch, ignore_errors=True)
    if failures:
        print(f"{failures} input set(s) could not be run")
        return 2
    print("all byte-identical" if not differing else f"{differing} input set(s) differ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
