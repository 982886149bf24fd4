"""Draw events at random, with a fixed seed, from an extraction for a reader's check.

    python tools/reader_check.py lee.json                 # 50 events, seed 2001, as a Markdown table
    python tools/reader_check.py lee.json -n 40 --seed 7
    python tools/reader_check.py lee.json --verdicts verdicts.tsv   # add a reader's verdicts and the totals

The sample is drawn from every event of the extraction (``graphbuild extract ... -o lee.json``),
sorted by id first, so the same extraction and seed always give the same events. Each row shows
the event's type, CAMEO code, source, targets, trigger and sentence, for a reader to judge: is
the type right, and are the source and targets right?

A verdicts file has one line per drawn event, in the order drawn: ``event id<TAB>type ok (y/n)
<TAB>parties ok (y/n)<TAB>note``. With it the table gets the verdicts and the script prints the
totals.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path


def draw(events: list[dict], n: int, seed: int) -> list[dict]:
    """``n`` events drawn without replacement, the same ones for the same events and seed."""
    pool = sorted(events, key=lambda e: e["id"])
    return random.Random(seed).sample(pool, min(n, len(pool)))


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def table(sample: list[dict], verdicts: dict[str, list[str]] | None = None) -> str:
    head = "| # | type (code) | source | targets | trigger | sentence |"
    rule = "|---|---|---|---|---|---|"
    if verdicts is not None:
        head += " type ok | parties ok | note |"
        rule += "---|---|---|"
    rows = [head, rule]
    for i, e in enumerate(sample, 1):
        row = (f"| {i} | {e['type']} ({e.get('cameo') or '-'}) | {_cell(e.get('source'))} | "
               f"{_cell('; '.join(e.get('targets') or []))} | {_cell(e.get('trigger'))} | "
               f"{_cell(e.get('sentence'))} |")
        if verdicts is not None:
            v = verdicts.get(e["id"], ["", "", ""])
            row += f" {v[0]} | {v[1]} | {_cell(v[2] if len(v) > 2 else '')} |"
        rows.append(row)
    return "\n".join(rows)


def read_verdicts(path: Path) -> dict[str, list[str]]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            parts = line.split("\t")
            out[parts[0]] = [p.strip() for p in parts[1:]] + [""] * (4 - len(parts))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("extraction", help="the JSON written by graphbuild extract")
    ap.add_argument("-n", type=int, default=50, help="how many events (default 50)")
    ap.add_argument("--seed", type=int, default=2001, help="random seed (default 2001)")
    ap.add_argument("--verdicts", help="a reader's verdicts, one tab-separated line per event")
    ap.add_argument("--ids", action="store_true", help="print only the ids drawn, one a line")
    args = ap.parse_args(argv)
    events = json.loads(Path(args.extraction).read_text(encoding="utf-8"))["events"]
    sample = draw(events, args.n, args.seed)
    if args.ids:
        print("\n".join(e["id"] for e in sample))
        return 0
    verdicts = read_verdicts(Path(args.verdicts)) if args.verdicts else None
    print(table(sample, verdicts))
    if verdicts is not None:
        judged = [verdicts[e["id"]] for e in sample if e["id"] in verdicts]
        types = sum(v[0] == "y" for v in judged)
        parties = sum(v[1] == "y" for v in judged)
        both = sum(v[0] == "y" and v[1] == "y" for v in judged)
        print(f"\n{len(judged)} of {len(sample)} events judged: type right {types} "
              f"({types / max(len(judged), 1):.0%}), source and targets right {parties} "
              f"({parties / max(len(judged), 1):.0%}), both {both} ({both / max(len(judged), 1):.0%})",
              file=sys.stderr if args.ids else sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
