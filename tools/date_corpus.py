"""Give every record of a JSONL corpus a deterministic date, for trying the page's timeline.

    python tools/date_corpus.py bench/corpus/lee.jsonl /tmp/lee-dated.jsonl --year 2001

The Lee corpus (300 ABC news articles of 2001) carries no dates.  Record ``i``
of ``n`` gets day ``floor(i * days / n)`` of the year (so the dates rise with
the line number and spread over the whole year); a record that already has a
``date`` keeps it.  The same input always gives the same file.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path


def date_records(records: list[dict], year: int) -> list[dict]:
    start = dt.date(year, 1, 1)
    days = (dt.date(year + 1, 1, 1) - start).days
    out = []
    for i, rec in enumerate(records):
        rec = dict(rec)
        rec.setdefault("date", (start + dt.timedelta(days=i * days // max(len(records), 1))).isoformat())
        out.append(rec)
    return out


def date_file(source: Path, target: Path, year: int = 2001) -> list[dict]:
    """Write the JSONL corpus ``source`` to ``target`` with :func:`date_records`; returns the records."""
    lines = [line for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = date_records([json.loads(line) for line in lines], year)
    target.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return records


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path)
    ap.add_argument("target", type=Path)
    ap.add_argument("--year", type=int, default=2001)
    args = ap.parse_args(argv)
    records = date_file(args.source, args.target, args.year)
    print(f"{args.target}: {len(records)} records, {records[0]['date']} .. {records[-1]['date']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
