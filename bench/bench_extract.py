"""Benchmark ``graphbuild extract`` against a bare spaCy ``nlp.pipe`` on real news.

The texts are the Lee corpus (``lee_background.cor``: 300 Australian news
articles, one per line) from gensim's test data.  It is fetched at bench time
with ``pip download gensim --no-deps`` and read out of the wheel; the file is
cached under ``bench/corpus/`` (git-ignored) and never committed, as are the
JSON Lines and huge-article files made from it there.

Every measurement runs in a fresh Python process so that its peak memory is
its own.  In one run this measures:

1. bare ``nlp.pipe`` of the same model with its full default pipeline
   (lemmatizer included, default batch size), one process, 300 articles;
   and the same with its matrix products on numpy's BLAS, as graphbuild runs
   them (:mod:`graphbuild.blas`);
2. ``graphbuild.corpus.extract`` with one worker, 300 articles, read from a
   JSON Lines file; and the same on spaCy's default BLIS, so that the gain of
   the BLAS and of graphbuild's own pipeline changes can be told apart;
3. the same with the default number of workers (the cores available), on
   300 articles, and 1 vs default workers on 3,000 articles (the 300 ten
   times, each copy changed a little so that every text hash differs);
4. peak RSS at 1x and 10x corpus size for one worker;
5. one 10 MB article (the Lee articles as paragraphs, repeated) with the
   default workers.

The five 300-article cases run ``--repeat`` times (default 3), taking
turns, and the run with the median wall time is reported (every run's time
is listed): on a shared machine one run of each is too noisy to compare.
Times exclude loading the model (about a second, the same for both) and
include reading, parsing, extracting and merging.  "peak RSS, largest" is the
largest process of the run's tree (``ru_maxrss`` from ``wait4``); "peak RSS,
tree" is the largest sum over the tree seen by sampling every 250 ms (forked
workers share the model's pages, which this counts once per process).
Results go to stdout and ``bench/results/extract.md`` (git-ignored).

Usage::

    .venv/bin/python bench/bench_extract.py                 # everything (~15 min on 2 idle cores)
    .venv/bin/python bench/bench_extract.py --no-huge       # skip the 10 MB article
    .venv/bin/python bench/bench_extract.py --short         # only the 300-article cases (~4 min)
    .venv/bin/python bench/bench_extract.py --huge-mb 2     # a smaller huge article
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPUS_DIR = ROOT / "bench" / "corpus"
RESULTS = ROOT / "bench" / "results" / "extract.md"
LEE_MEMBER = "gensim/test/test_data/lee_background.cor"
LEE_FILE = CORPUS_DIR / "lee_background.cor"
# Sampling the tree costs the driver CPU; every 250 ms is ~1% of a core.
SAMPLE_SECONDS = 0.25


# --------------------------------------------------------------------------- #
# The corpus
# --------------------------------------------------------------------------- #


def fetch_lee() -> Path:
    """``bench/corpus/lee_background.cor``, downloaded from PyPI (gensim's wheel) if missing."""
    if LEE_FILE.exists():
        return LEE_FILE
    CORPUS_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "gensim", "--no-deps",
                        "--only-binary", ":all:", "-d", tmp, "-q"], check=True)
        wheel = next(Path(tmp).glob("gensim-*.whl"))
        with zipfile.ZipFile(wheel) as zf:
            data = zf.read(LEE_MEMBER)
    LEE_FILE.write_bytes(data)
    return LEE_FILE


def lee_jsonl() -> Path:
    """``bench/corpus/lee.jsonl``: the 300 articles as JSON Lines (ids ``lee-000`` ...), written once."""
    out = CORPUS_DIR / "lee.jsonl"
    if not out.exists():
        fetch_lee()
        tmp = out.with_suffix(".jsonl.part")
        with tmp.open("w", encoding="utf-8") as fh:
            for i, text in enumerate(lee_texts()):
                fh.write(json.dumps({"id": f"lee-{i:03d}", "text": text}) + "\n")
        tmp.replace(out)
    return out


def lee_texts(copies: int = 1) -> list[str]:
    """The 300 articles, ``copies`` times; copy k > 0 ends with " Ref k." so every hash differs."""
    base = [t.strip() for t in LEE_FILE.read_text(encoding="utf-8").splitlines() if t.strip()]
    out = list(base)
    for k in range(1, copies):
        out.extend(f"{t} Ref {k}." for t in base)
    return out


def huge_text(megabytes: float) -> str:
    """One article of ``megabytes`` million characters: Lee articles as paragraphs, repeated."""
    base = lee_texts()
    parts: list[str] = []
    size, k = 0, 0
    target = int(megabytes * 1_000_000)
    while size < target:
        t = base[k % len(base)] + (f" Ref {k // len(base)}." if k >= len(base) else "")
        parts.append(t)
        size += len(t) + 2
        k += 1
    return "\n\n".join(parts)[:target]


# --------------------------------------------------------------------------- #
# One measurement (runs in its own process)
# --------------------------------------------------------------------------- #


def _cpu_seconds(who: int | None = None) -> float:
    """CPU seconds of this process and its reaped children (or only ``who``)."""
    total = 0.0
    for w in ([who] if who is not None else [resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN]):
        usage = resource.getrusage(w)
        total += usage.ru_utime + usage.ru_stime
    return total


def run_case(kind: str, copies: int, workers: int, huge_mb: float, result_path: str) -> None:
    """Measure one case and write its numbers as JSON to ``result_path``."""
    from graphbuild.nlp import choose_model, load_pipeline

    out: dict[str, Any] = {}
    if kind in ("bare", "bare-numpy"):
        import spacy

        from graphbuild.blas import use_numpy_blas

        texts = lee_texts(copies)
        nlp = spacy.load(choose_model())
        if kind == "bare-numpy":
            use_numpy_blas(nlp, "numpy")
        t0, c0 = time.perf_counter(), _cpu_seconds()
        n = sum(1 for _ in nlp.pipe(texts))
        out.update(wall=time.perf_counter() - t0, cpu=_cpu_seconds() - c0, docs=n,
                   chars=sum(map(len, texts)), pipeline=",".join(nlp.pipe_names),
                   batch_size=nlp.batch_size)
    else:
        from graphbuild.corpus import extract

        # A fixed path: documents record their source file, and runs must compare equal.
        if kind == "huge":
            text = huge_text(huge_mb)
            path = CORPUS_DIR / f"huge_{huge_mb:g}MB.txt"
            path.write_text(text, encoding="utf-8")
            chars = len(text)
            del text
        else:
            texts = lee_texts(copies)
            path = CORPUS_DIR / f"lee_{copies}x.jsonl"
            with path.open("w", encoding="utf-8") as fh:
                for i, t in enumerate(texts):
                    fh.write(json.dumps({"id": f"lee-{i:05d}", "text": t}) + "\n")
            chars = sum(map(len, texts))
            del texts
        pipeline = load_pipeline(blas="blis" if kind == "graphbuild-blis" else "auto")
        t0, c0, p0 = time.perf_counter(), _cpu_seconds(), _cpu_seconds(resource.RUSAGE_SELF)
        x = extract([str(path)], pipeline=pipeline, workers=workers)
        wall, cpu = time.perf_counter() - t0, _cpu_seconds() - c0
        # The calling process's share: reading, merging, feeding workers (serial work).
        out["parent_cpu"] = _cpu_seconds(resource.RUSAGE_SELF) - p0
        blob = json.dumps(x.to_dict(), sort_keys=True).encode("utf-8")
        out.update(wall=wall, cpu=cpu, docs=len(x.documents), chars=chars, events=len(x.events),
                   actors=len(x.actors), skipped=len(x.skipped),
                   output_sha1=hashlib.sha1(blob).hexdigest(), blas=pipeline.blas,
                   pipeline=",".join(pipeline.nlp.pipe_names))
    Path(result_path).write_text(json.dumps(out), encoding="utf-8")


# --------------------------------------------------------------------------- #
# The driver
# --------------------------------------------------------------------------- #


@dataclass
class Row:
    """One case; ``runs`` holds each repetition's numbers."""

    name: str
    kind: str
    copies: int
    workers: int
    runs: list[dict[str, Any]] = field(default_factory=list)

    @property
    def numbers(self) -> dict[str, Any]:
        """The run with the median wall time (the lower middle one for an even count)."""
        ordered = sorted(self.runs, key=lambda n: n["wall"])
        return ordered[(len(ordered) - 1) // 2]


def _tree_rss(pid: int) -> int:
    import psutil

    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def measure(row: Row, huge_mb: float) -> None:
    """Run ``row`` once in a fresh interpreter; add peak RSS (largest process and tree sum)."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as fh:
        result_path = fh.name
    load_before = os.getloadavg()[0]
    proc = subprocess.Popen([sys.executable, __file__, "--case", row.kind, "--copies", str(row.copies),
                             "--workers", str(row.workers), "--huge-mb", str(huge_mb),
                             "--result", result_path])
    peak_tree = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_tree
        while not done.is_set():
            peak_tree = max(peak_tree, _tree_rss(proc.pid))
            done.wait(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"case {row.name} failed with exit code {proc.returncode}")
    n = json.loads(Path(result_path).read_text(encoding="utf-8"))
    os.unlink(result_path)
    n.update(rss_max_mb=usage.ru_maxrss / 1024, rss_tree_mb=peak_tree / 2**20,
             load_before=load_before, load_after=os.getloadavg()[0])
    row.runs.append(n)
    print(f"  {row.name}: {n['wall']:.1f} s wall, {n['cpu']:.1f} s CPU, {n['rss_max_mb']:.0f} MB, "
          f"load {load_before:.1f} -> {n['load_after']:.1f}", file=sys.stderr, flush=True)


def _speedup_line(size: str, workers: int, one: dict[str, Any], many: dict[str, Any],
                  target: float | None) -> str:
    speedup = one["wall"] / many["wall"]
    verdict = "" if target is None else f" (target >= {target}x): {'met' if speedup >= target else 'MISSED'}"
    same = "yes" if one["output_sha1"] == many["output_sha1"] else "NO"
    return (f"{workers} workers vs 1 on {int(size):,} articles: {speedup:.2f}x faster{verdict}; "
            f"identical output: {same}")


def table(rows: list[Row], default_workers: int) -> str:
    by = {r.name: r.numbers for r in rows}
    bare = by.get("bare-300", {}).get("wall")
    lines = [
        "| run | docs | chars | workers | wall s (median) | vs bare nlp.pipe | k chars/s | CPU s (parent) | "
        "peak RSS, largest MB | peak RSS, tree MB | load avg before/after | events | every run, wall s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---|",
    ]
    for r in rows:
        n = r.numbers
        ratio = f"{n['wall'] / bare:.2f}x" if bare and r.copies == 1 and r.kind != "huge" else ""
        walls = ", ".join(f"{m['wall']:.1f}" for m in r.runs)
        lines.append(
            f"| {r.name} | {n['docs']:,} | {n['chars']:,} | {r.workers} | {n['wall']:.1f} | {ratio} | "
            f"{n['chars'] / n['wall'] / 1000:.1f} | {n['cpu']:.1f} ({n.get('parent_cpu', n['cpu']):.1f}) | "
            f"{n['rss_max_mb']:.0f} | {n['rss_tree_mb']:.0f} | "
            f"{n['load_before']:.1f} / {n['load_after']:.1f} | {n.get('events', '')} | {walls} |"
        )
    lines.append("")
    targets = []
    hashes = {m["output_sha1"] for r in rows if r.kind.startswith("graphbuild") and r.copies == 1 for m in r.runs}
    if hashes:
        same = "yes" if len(hashes) == 1 else "NO"
        targets.append(f"every 300-article graphbuild run gave the same output: {same}")
    if bare and "graphbuild-300-w1" in by:
        ratio = by["graphbuild-300-w1"]["wall"] / bare
        cpu_ratio = by["graphbuild-300-w1"]["cpu"] / by["bare-300"]["cpu"]
        targets.append(f"graphbuild, 1 worker / bare nlp.pipe: {ratio:.2f}x wall, {cpu_ratio:.2f}x CPU "
                       f"(target <= 1.0x, moonshot 0.8x): {'met' if ratio <= 1.0 else 'MISSED'}")
        # The same comparison with both sides on one BLAS: what graphbuild's own
        # pipeline work costs, apart from the faster matrix products.
        for name, other, label in (("graphbuild-300-w1-blis", "bare-300", "both on BLIS"),
                                   ("graphbuild-300-w1", "bare-300-numpy-blas", "both on numpy's BLAS")):
            if name in by and other in by:
                targets.append(f"{label}: graphbuild, 1 worker / bare nlp.pipe: "
                               f"{by[name]['wall'] / by[other]['wall']:.2f}x wall")
    if default_workers > 1:
        for size, target in (("300", None), ("3000", 1.7)):
            one, many = by.get(f"graphbuild-{size}-w1"), by.get(f"graphbuild-{size}-w{default_workers}")
            if one and many:
                targets.append(_speedup_line(size, default_workers, one, many, target))
    if "graphbuild-300-w1" in by and "graphbuild-3000-w1" in by:
        growth = by["graphbuild-3000-w1"]["rss_max_mb"] / by["graphbuild-300-w1"]["rss_max_mb"]
        targets.append(f"peak RSS, 1 worker, 10x corpus / 1x: {growth:.2f}x (target <= 1.5x): "
                       f"{'met' if growth <= 1.5 else 'MISSED'}")
    return "\n".join(lines + [f"- {t}" for t in targets])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-huge", action="store_true", help="skip the huge article")
    parser.add_argument("--huge-mb", type=float, default=10.0, help="size of the huge article (default 10)")
    parser.add_argument("--workers", type=int, default=None, help="the 'default workers' (default: cores)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each 300-article case, interleaved; the median is reported (default 3)")
    parser.add_argument("--short", action="store_true",
                        help="only the 300-article cases (bare, 1 worker, default workers)")
    parser.add_argument("--out", default=str(RESULTS), help="Markdown file to write")
    # Internal: run one measurement in this process.
    parser.add_argument("--case", help=argparse.SUPPRESS)
    parser.add_argument("--copies", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    fetch_lee()
    if args.case:
        run_case(args.case, args.copies, args.workers or 1, args.huge_mb, args.result)
        return 0

    from graphbuild.corpus import DEFAULT_BATCH_SIZE, MAX_DOC_CHARS, default_workers

    wd = args.workers or default_workers()
    short = [
        Row("bare-300", "bare", 1, 1),
        Row("bare-300-numpy-blas", "bare-numpy", 1, 1),
        Row("graphbuild-300-w1-blis", "graphbuild-blis", 1, 1),
        Row("graphbuild-300-w1", "graphbuild", 1, 1),
        Row(f"graphbuild-300-w{wd}", "graphbuild", 1, wd),
    ]
    long = [
        Row("graphbuild-3000-w1", "graphbuild", 10, 1),
        Row(f"graphbuild-3000-w{wd}", "graphbuild", 10, wd),
    ]
    if args.short:
        long = []
    elif not args.no_huge:
        long.append(Row(f"huge-{args.huge_mb:g}MB-w{wd}", "huge", 1, wd))
    rows = short + long
    print(f"bench_extract: {len(short) * args.repeat + len(long)} runs", file=sys.stderr)
    # The short cases take turns, so that a burst of load on a shared machine
    # hits every case alike rather than one of them.
    for _ in range(args.repeat):
        for row in short:
            measure(row, args.huge_mb)
    for row in long:
        measure(row, args.huge_mb)

    import spacy

    from graphbuild.blas import numpy_blas
    from graphbuild.nlp import choose_model

    gb = next(r for r in rows if r.name == "graphbuild-300-w1").numbers
    header = [
        "# graphbuild extract: speed and memory",
        "",
        f"Corpus: Lee news corpus (gensim test data, 300 articles, "
        f"{sum(map(len, lee_texts())):,} characters); model {choose_model()} (spaCy {spacy.__version__}); "
        f"graphbuild batch size {DEFAULT_BATCH_SIZE}, pieces of {MAX_DOC_CHARS:,} characters; "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs "
        f"({default_workers()} available), Python {platform.python_version()}.",
        "",
        f"bare pipeline: {rows[0].numbers['pipeline']} (spaCy's default batch size, "
        f"{rows[0].numbers['batch_size']}); graphbuild pipeline: {gb['pipeline']}; graphbuild's matrix "
        f"products: {gb['blas']} ({numpy_blas() or 'no tuned BLAS'} in numpy; bare-300 uses BLIS, spaCy's default).",
        "",
        "Command: `" + " ".join([".venv/bin/python", "bench/bench_extract.py", *sys.argv[1:]]) + "`",
        "",
    ]
    text = "\n".join(header) + "\n" + table(rows, wd) + "\n"
    print(text)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
