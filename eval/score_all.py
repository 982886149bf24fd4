#!/usr/bin/env python3
"""Extract and score every evaluation article: one `graphbuild extract` run per article.

Usage (from the repository root):
    python eval/score_all.py                      # extract, score, print the table
    python eval/score_all.py --dry-run            # only show the commands it would run
    python eval/score_all.py --score PATH/score.py --graphbuild "/path/to/venv/bin/graphbuild"
    python eval/score_all.py --out extractions/   # keep each article's extraction JSON
    python eval/score_all.py --errors             # also print the scorer's error lines
    python eval/score_all.py --round 2            # only the articles whose gold says "round": 2
    python eval/score_all.py --ids 006,009        # only these articles (id or its number)

Every article eval/articles/ID.txt is paired with its gold eval/gold/ID.json.
When the gold carries a "date" (ISO), it is passed to graphbuild as --date.
A gold's "round" (an integer, 1 when absent) says in which round of annotation
the article was written; --round N runs that round only, --ids a list of articles.
Without either, every article is run.
The scorer (score.py) is not shipped with graphbuild: by default it is looked
for at ../shared/eval/score.py relative to the repository root.  The table
gives each article's F1 in the scorer's five areas and its overall F1 (the
mean of the five), then the mean over the articles.

Exit status: 0 when every article was extracted and scored, 1 when some
extraction or scoring failed, 2 for a problem found before anything ran
(missing scorer, missing gold, unknown ids in a gold file, an --ids or --round
that selects no article).

Only the standard library is used.
"""
from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_SCORE = REPO.parent / "shared" / "eval" / "score.py"
AREAS = ("actors", "places", "meetings", "speakers", "directed")
DIRECTED_KINDS = {"accuse", "appeal", "threaten"}


class Problem(Exception):
    """Something found before any extraction ran; the message names the file."""


def graphbuild_command(spec: str | None) -> list[str]:
    """The graphbuild command to run: --graphbuild, else the one beside this Python, else PATH."""
    if spec:
        return shlex.split(spec)
    beside = Path(sys.executable).with_name("graphbuild")
    if beside.is_file() and os.access(beside, os.X_OK):
        return [str(beside)]
    found = shutil.which("graphbuild")
    if found:
        return [found]
    raise Problem("no graphbuild command found beside this Python or on PATH; give --graphbuild")


def gold_problems(gold: dict) -> list[str]:
    """Ids that a gold file uses without defining them (so the scorer would silently miss them)."""
    problems = []
    actors = {a["id"] for a in gold.get("actors", [])}
    places = {p["id"] for p in gold.get("places", [])}
    for m in gold.get("meetings", []):
        problems += [f"meeting names unknown actor {x!r}" for x in m["between"] if x not in actors]
        if m.get("place") and m["place"] not in places:
            problems.append(f"meeting names unknown place {m['place']!r}")
    for s in gold.get("speakers", []):
        if s["actor"] not in actors:
            problems.append(f"speaker is an unknown actor {s['actor']!r}")
    for d in gold.get("directed", []):
        problems += [f"directed act names unknown actor {d[k]!r}" for k in ("source", "target")
                     if d[k] not in actors]
        if d["kind"] not in DIRECTED_KINDS:
            problems.append(f"directed act has unknown kind {d['kind']!r}")
    if "round" in gold and (not isinstance(gold["round"], int) or isinstance(gold["round"], bool)):
        problems.append(f"round is not an integer: {gold['round']!r}")
    return problems


def gold_round(gold: dict) -> int:
    """The annotation round of an article (1 when its gold names none)."""
    return gold.get("round", 1)


def select(pairs: list[tuple[Path, Path, dict]], ids: str | None,
           round_: int | None) -> list[tuple[Path, Path, dict]]:
    """The articles named by --ids (full ids or their number before the '_') and in --round."""
    chosen = pairs
    if ids:
        wanted = [w.strip() for w in ids.split(",") if w.strip()]
        if not wanted:
            raise Problem(f"--ids {ids!r} names no article")
        unknown = [w for w in wanted
                   if not any(w in (t.stem, t.stem.split("_", 1)[0]) for t, _, _ in pairs)]
        if unknown:
            raise Problem(f"--ids: no article {', '.join(unknown)} (known: "
                          + ", ".join(t.stem for t, _, _ in pairs) + ")")
        chosen = [p for p in chosen if p[0].stem in wanted or p[0].stem.split("_", 1)[0] in wanted]
    if round_ is not None:
        chosen = [p for p in chosen if gold_round(p[2]) == round_]
        if not chosen:
            rounds = sorted({gold_round(g) for _, _, g in pairs})
            raise Problem(f"--round {round_}: no article selected (rounds in the gold: "
                          + ", ".join(map(str, rounds)) + ")")
    return chosen


def load_pairs(articles: Path, gold_dir: Path) -> list[tuple[Path, Path, dict]]:
    """(article, gold path, gold) for every article, in name order."""
    texts = sorted(articles.glob("*.txt"))
    if not texts:
        raise Problem(f"{articles}: no .txt articles")
    pairs = []
    for text in texts:
        gpath = gold_dir / (text.stem + ".json")
        if not gpath.is_file():
            raise Problem(f"{text}: no gold file {gpath}")
        try:
            gold = json.loads(gpath.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise Problem(f"{gpath}: not valid JSON ({exc})") from exc
        bad = gold_problems(gold)
        if bad:
            raise Problem(f"{gpath}: " + "; ".join(bad))
        pairs.append((text, gpath, gold))
    return pairs


def extract_command(graphbuild: list[str], article: Path, gold: dict, pred: Path) -> list[str]:
    cmd = graphbuild + ["extract", "-q", str(article), "-o", str(pred)]
    if gold.get("date"):
        cmd += ["--date", gold["date"]]
    return cmd


def score_command(score: Path, gpath: Path, pred: Path, errors: bool) -> list[str]:
    return [sys.executable, str(score), str(gpath), str(pred)] + ([] if errors else ["--json"])


def table(rows: list[tuple[str, dict]]) -> str:
    """Per-article F1 in each area and overall, and the mean over the articles."""
    head = f"{'article':24} " + " ".join(f"{a:>9}" for a in AREAS) + f" {'overall':>8}"
    lines = [head, "-" * len(head)]
    for name, total in rows:
        lines.append(f"{name:24} " + " ".join(f"{total[a]['f1']:9.3f}" for a in AREAS)
                     + f" {total['overall_f1']:8.3f}")
    if rows:
        n = len(rows)
        lines.append("-" * len(head))
        lines.append(f"{'mean of ' + str(n) + ' articles':24} "
                     + " ".join(f"{sum(t[a]['f1'] for _, t in rows) / n:9.3f}" for a in AREAS)
                     + f" {sum(t['overall_f1'] for _, t in rows) / n:8.3f}")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=Path, default=HERE / "articles", help="folder of ID.txt articles")
    ap.add_argument("--gold", type=Path, default=HERE / "gold", help="folder of ID.json gold files")
    ap.add_argument("--score", type=Path, default=DEFAULT_SCORE,
                    help="path of score.py (default: ../shared/eval/score.py beside the repository)")
    ap.add_argument("--graphbuild", help="graphbuild command to run (default: the one beside this "
                    "Python, else the one on PATH)")
    ap.add_argument("--out", type=Path, help="keep each article's extraction as OUT/ID.json")
    ap.add_argument("--errors", action="store_true", help="print the scorer's error lines per article")
    ap.add_argument("--dry-run", action="store_true", help="show the commands; run nothing")
    ap.add_argument("--ids", help="comma-separated articles to run: ids or their numbers (006,007)")
    ap.add_argument("--round", type=int, help="run only the articles whose gold has this \"round\" "
                    "(1 when a gold names none)")
    args = ap.parse_args(argv)

    try:
        pairs = select(load_pairs(args.articles, args.gold), args.ids, args.round)
        graphbuild = graphbuild_command(args.graphbuild)
    except Problem as exc:
        print(f"score_all: {exc}", file=sys.stderr)
        return 2
    score_missing = not args.score.is_file()
    if score_missing:
        msg = (f"score_all: the scorer is missing: {args.score} does not exist. It is not shipped "
               "with graphbuild; give its path with --score PATH/score.py")
        if not args.dry_run:
            print(msg, file=sys.stderr)
            return 2
        print(f"# {msg}")

    out = args.out
    with tempfile.TemporaryDirectory(prefix="graphbuild-eval-") as tmp:
        preds = out or Path(tmp)
        if args.dry_run:
            print(f"# {len(pairs)} article(s); extractions would go to "
                  f"{out if out else 'a temporary folder'}")
            for article, gpath, gold in pairs:
                pred = preds / (article.stem + ".json")
                print(shlex.join(extract_command(graphbuild, article, gold, pred)))
                if args.errors:
                    print(shlex.join(score_command(args.score, gpath, pred, True)))
                print(shlex.join(score_command(args.score, gpath, pred, False)))
            return 0
        preds.mkdir(parents=True, exist_ok=True)
        rows, failed = [], []
        for article, gpath, gold in pairs:
            pred = preds / (article.stem + ".json")
            run = subprocess.run(extract_command(graphbuild, article, gold, pred),
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            if run.returncode != 0 or not pred.is_file():
                failed.append(f"{article.name}: graphbuild extract failed "
                              f"(exit {run.returncode}): {run.stderr.strip()[-500:]}")
                continue
            if args.errors:
                shown = subprocess.run(score_command(args.score, gpath, pred, True),
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                print(shown.stdout.rstrip())
            scored = subprocess.run(score_command(args.score, gpath, pred, False),
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            try:
                total = json.loads(scored.stdout.strip().splitlines()[-1])
                rows.append((article.stem, total))
            except (ValueError, IndexError):
                failed.append(f"{article.name}: the scorer gave no result (exit {scored.returncode}): "
                              f"{scored.stderr.strip()[-500:]}")
        print(table(rows))
    for f in failed:
        print(f"score_all: {f}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
