"""What grouping events into happenings (and finding near-duplicate articles) adds to a corpus run.

1. Extracts the first ``--docs`` articles of a JSON Lines corpus (default the
   Lee corpus, ``bench/corpus/lee.jsonl``; 60 articles) with one worker, to learn
   what a corpus run costs per event on this machine (model load excluded).
2. Makes 30,000 events from the real ones: copies of them spread over
   ``--articles`` articles and a year of dates, with a quarter of the copies
   re-reporting an earlier copy's happening (same participants, the next day)
   so that clusters of several reports occur, as in a real news stream.
3. Times :func:`graphbuild.cluster.assign_clusters` on them (median of 5).
4. Times :class:`graphbuild.dedup.DuplicateFinder` on as many articles as a
   run with 30,000 events has: the corpus texts over and over, each copy with
   a number added, so nearly every article is found to repeat an earlier one
   (every check meets candidates in the index: the slow case).

It prints the clustering time, the time of a corpus run with 30,000 events
(per-event cost x 30,000) and the share clustering adds.

Usage::

    .venv/bin/python bench/bench_cluster.py                  # ~1 minute
    .venv/bin/python bench/bench_cluster.py --docs 300 --events 30000
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graphbuild.cluster import assign_clusters  # noqa: E402
from graphbuild.corpus import extract  # noqa: E402
from graphbuild.dedup import DuplicateFinder  # noqa: E402
from graphbuild.nlp import load_pipeline  # noqa: E402
from graphbuild.types import Document, Extraction  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", help="JSON Lines with 'text' (and 'id'); default: the Lee articles")
    ap.add_argument("--docs", type=int, default=60, help="articles to extract (default: %(default)s)")
    ap.add_argument("--events", type=int, default=30_000, help="events to cluster (default: %(default)s)")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    if args.corpus is None:
        import bench_extract

        args.corpus = bench_extract.lee_jsonl()
    lines = Path(args.corpus).read_text(encoding="utf-8").splitlines()[: args.docs]
    docs = []
    for i, line in enumerate(lines):
        rec = json.loads(line)
        docs.append(Document(id=rec.get("id") or f"doc-{i:05d}", text=rec["text"], date="2001-06-01"))
    pipeline = load_pipeline()
    t0 = time.perf_counter()
    x = extract(documents=docs, pipeline=pipeline, workers=1, duplicates=False)
    run = time.perf_counter() - t0
    per_event = run / max(1, len(x.events))
    per_doc = run / len(docs)

    rng = random.Random(0)
    events = []
    base = [e for e in x.events]
    n_articles = max(1, round(args.events * len(docs) / max(1, len(x.events))))
    while len(events) < args.events:
        e = rng.choice(base)
        if events and rng.random() < 0.25:  # another report of an earlier happening
            prev = rng.choice(events)
            e = replace(prev, doc=f"a{rng.randrange(n_articles):06d}", id="", start=rng.randrange(5000))
        else:
            day = 1 + rng.randrange(28)
            e = replace(e, doc=f"a{rng.randrange(n_articles):06d}", id="",
                        date=f"2001-{1 + rng.randrange(12):02d}-{day:02d}", start=rng.randrange(5000))
        e.__post_init__()
        events.append(e)
    times = []
    for _ in range(args.repeat):
        copy = Extraction(events=[replace(e) for e in events])
        t0 = time.perf_counter()
        assign_clusters(copy)
        times.append(time.perf_counter() - t0)
    cluster_s = statistics.median(times)
    happenings = len({e.cluster for e in copy.events})

    texts = [d.text for d in docs]
    t0 = time.perf_counter()
    finder = DuplicateFinder()
    for i in range(n_articles):
        finder.check(f"a{i:06d}", f"{i} " + texts[i % len(texts)] + f" {i}")
    dedup_s = time.perf_counter() - t0

    corpus_s = per_event * args.events
    print(f"extraction: {len(docs)} articles, {len(x.events)} events in {run:.1f} s "
          f"({per_doc * 1000:.0f} ms/article, {per_event * 1000:.1f} ms/event, one worker)")
    print(f"a corpus run with {args.events:,} events: ~{n_articles:,} articles, ~{corpus_s:.0f} s")
    print(f"assign_clusters on {args.events:,} events -> {happenings:,} happenings: "
          f"{cluster_s * 1000:.0f} ms (median of {args.repeat}; runs "
          + ", ".join(f"{t * 1000:.0f}" for t in times) + f" ms) = {100 * cluster_s / corpus_s:.2f}% of the run")
    print(f"DuplicateFinder on {n_articles:,} articles: {dedup_s:.1f} s = {100 * dedup_s / corpus_s:.2f}% of the run "
          f"(duplicates found: {len(finder.duplicates)})")


if __name__ == "__main__":
    main()
