"""Run the stages over a corpus: read -> parse -> extract -> merge, streaming.

This is the module the CLI and :func:`graphbuild.extract` call.  Documents flow
one way and are never all held at once::

    read.iter_documents  ->  pieces (a huge text is split)  ->  batches
        ->  nlp.pipe + extract_document  (in this process, in forked worker
            processes, or on Dask workers)
        ->  one DocExtraction per document, in input order
        ->  resolve.merge_into  (incremental: memory grows with the graph)

Only the small :class:`~graphbuild.types.DocExtraction` records survive a
batch; texts and spaCy ``Doc`` objects are dropped as soon as they are
extracted.  Whatever the engine and the number of workers, documents reach the
merge in input order and batches are cut the same way, so the output is the
same byte for byte.

Examples
--------
>>> from graphbuild.corpus import extract, extract_text
>>> x = extract(["articles/"], workers=2)              # doctest: +SKIP
>>> x = extract_text("Kerry met Lavrov in Geneva.")   # doctest: +SKIP
>>> [(e.type, e.source, e.targets) for e in x.events]  # doctest: +SKIP
[('meeting', 'Kerry', ['Lavrov'])]
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
import signal
import sys
import threading
import time
import warnings
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

from .cluster import assign_clusters
from .dedup import DuplicateFinder, mark_duplicates
from .extraction import extract_document
from .geocode import geocode_extraction
from .lexicon import default_lexicon
from .read import ReadProblem, check_date, document_from_text, iter_documents
from .resolve import merge_into, resolve
from .types import DocExtraction, Document, Extraction, GraphbuildError

if TYPE_CHECKING:  # pragma: no cover
    from .lexicon import Lexicon
    from .nlp import Pipeline

__all__ = [
    "extract",
    "extract_text",
    "iter_doc_extractions",
    "default_workers",
    "split_text",
    "content_hash",
    "ENGINES",
    "DEFAULT_BATCH_SIZE",
    "MAX_BATCH_CHARS",
    "MAX_DOC_CHARS",
]

#: Engines :func:`extract` knows.
ENGINES = ("local", "dask")

#: Texts per ``nlp.pipe`` batch.  On the Lee news corpus (300 articles of
#: ~1,200 characters) batches of 16 to 256 parse at the same speed within the
#: machine's noise (15.2-17.4 s CPU, best of three); 8 was slower.  A small
#: batch keeps fewer Docs alive and spreads work evenly over workers.
DEFAULT_BATCH_SIZE = 32

#: A document longer than this is parsed in pieces, cut at paragraph breaks.
#: spaCy's own limit (``nlp.max_length``) is 1,000,000 characters, but a parse
#: holds activations for every token it is given at once, so a worker's peak
#: memory follows the characters per parse: on a 2 MB article with two
#: workers, parses of 100,000 characters peaked at 471 MB per worker and
#: parses of 50,000 at 304 MB, in the same time (136 s and 130 s).  50,000
#: characters is longer than nearly every news article, so articles are not
#: cut and keep their in-document name linking.
MAX_DOC_CHARS = 50_000

#: A batch is also closed when its texts reach this many characters, for the
#: same reason; short articles are unaffected (32 Lee articles are ~38,000
#: characters).
MAX_BATCH_CHARS = MAX_DOC_CHARS

#: Batches handed to workers ahead of the one being merged: enough to keep
#: every worker busy, few enough that in-flight text stays small.
_BATCHES_PER_WORKER = 2

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_SENTENCE_BREAK = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")
_WHITESPACE = re.compile(r"\s+")

Progress = Callable[[str, int], None]
ProblemHandler = Callable[[ReadProblem], None]


# --------------------------------------------------------------------------- #
# Small public helpers
# --------------------------------------------------------------------------- #


def default_workers() -> int:
    """Number of CPU cores this process may run on.

    Uses :func:`os.sched_getaffinity`, which honours ``taskset`` and container
    CPU sets, and falls back to :func:`os.cpu_count` where it is missing
    (macOS, Windows).

    Returns
    -------
    int
        At least 1.
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def content_hash(text: str) -> str:
    """SHA-1 of a document's text (UTF-8), as recorded in ``Extraction.documents[i]["sha1"]``.

    Examples
    --------
    >>> content_hash("Kerry met Lavrov.")[:12]
    'b4c521b88426'
    """
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def split_text(text: str, max_chars: int = MAX_DOC_CHARS) -> Iterator[tuple[int, str]]:
    """Cut a long text into pieces of at most ``max_chars`` characters.

    Each cut is made at the last paragraph break (a blank line) in the second
    half of the window; failing that at the last sentence end (``". "``,
    ``"? "``, ...); failing that at the last whitespace; failing that exactly
    at ``max_chars``.  Pieces are contiguous and cover the whole text, so
    ``"".join(piece for _, piece in split_text(t)) == t``.

    Parameters
    ----------
    text : str
        The document text.
    max_chars : int
        Largest piece, in characters (at least 2).

    Yields
    ------
    (offset, piece) : tuple of int and str
        ``piece == text[offset:offset + len(piece)]``.

    Examples
    --------
    >>> list(split_text("One. Two.\\n\\nThree.", max_chars=12))
    [(0, 'One. Two.\\n\\n'), (11, 'Three.')]
    """
    if max_chars < 2:
        raise GraphbuildError("max_chars must be at least 2")
    n = len(text)
    pos = 0
    while n - pos > max_chars:
        end = pos + max_chars
        floor = pos + max_chars // 2  # never cut so early that pieces become tiny
        cut = (
            _last_break(_PARAGRAPH_BREAK, text, floor, end)
            or _last_break(_SENTENCE_BREAK, text, floor, end)
            or _last_break(_WHITESPACE, text, floor, end)
            or end
        )
        yield pos, text[pos:cut]
        pos = cut
    if pos < n or n == 0:
        yield pos, text[pos:]


def _last_break(pattern: re.Pattern[str], text: str, start: int, end: int) -> int | None:
    """End of the last match of ``pattern`` that ends within ``(start, end]``, or None."""
    last = None
    for m in pattern.finditer(text, start, end):
        last = m.end()
    return last if last is not None and last > start else None


# --------------------------------------------------------------------------- #
# Pieces and batches: the unit of work every engine runs
# --------------------------------------------------------------------------- #


@dataclass(frozen=True)
class _Piece:
    """A text to parse: a whole document, or one piece of a huge one.

    ``document`` carries the metadata only (empty text), so that sending a
    piece to a worker process does not send the whole document again.
    """

    document: Document
    offset: int
    text: str
    last: bool  # the document's final piece: its result can be merged


@dataclass(frozen=True)
class _PieceResult:
    """What a worker sends back for one piece: a record or why it failed."""

    document: Document  # metadata only
    last: bool
    extraction: DocExtraction | None
    error: str | None = None


def _metadata(document: Document) -> Document:
    return Document(id=document.id, text="", title=document.title, date=document.date,
                    source=document.source, dateline=document.dateline)


def _pieces(documents: Iterable[Document], max_chars: int) -> Iterator[_Piece]:
    for document in documents:
        meta = _metadata(document)
        previous: tuple[int, str] | None = None
        for part in split_text(document.text, max_chars):
            if previous is not None:
                yield _Piece(meta, previous[0], previous[1], last=False)
            previous = part
        if previous is not None:
            yield _Piece(meta, previous[0], previous[1], last=True)


def _batches(pieces: Iterable[_Piece], batch_size: int, max_chars: int) -> Iterator[list[_Piece]]:
    """Group pieces into batches of at most ``batch_size`` texts and ``max_chars`` characters."""
    batch: list[_Piece] = []
    chars = 0
    for piece in pieces:
        if batch and (len(batch) >= batch_size or chars + len(piece.text) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(piece)
        chars += len(piece.text)
    if batch:
        yield batch


def _describe(exc: BaseException) -> str:
    return f"extraction failed ({type(exc).__name__}: {exc})"


def _run_batch(pipeline: "Pipeline", batch: Sequence[_Piece]) -> list[_PieceResult]:
    """Parse a batch with ``nlp.pipe`` and extract each Doc as soon as it is parsed.

    This is the pure per-batch work that runs unchanged in this process, in a
    forked worker and on a Dask worker.  One bad text does not sink its batch:
    when the batched parse fails the texts are parsed one by one, and a text
    whose parse or extraction fails comes back as an error.
    """
    try:
        docs = pipeline.pipe([p.text for p in batch], batch_size=max(1, len(batch)))
        return [_extract_piece(pipeline, p, doc) for p, doc in zip(batch, docs, strict=True)]
    except Exception:  # noqa: BLE001 - isolate the failing text below
        pass
    results = []
    for piece in batch:
        try:
            doc = pipeline.parse(piece.text)
        except Exception as exc:  # noqa: BLE001 - reported as a skipped document
            results.append(_PieceResult(piece.document, piece.last, None, _describe(exc)))
            continue
        results.append(_extract_piece(pipeline, piece, doc))
    return results


def _extract_piece(pipeline: "Pipeline", piece: _Piece, doc: Any) -> _PieceResult:
    try:
        record = extract_document(doc, piece.document, lexicon=pipeline.lexicon, offset=piece.offset)
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop a corpus run
        return _PieceResult(piece.document, piece.last, None, _describe(exc))
    return _PieceResult(piece.document, piece.last, record)


def _combine(document: Document, parts: list[DocExtraction], lexicon: "Lexicon | None") -> DocExtraction:
    """One document's result from the results of its pieces.

    The pieces share the document id, so :func:`resolve` merges their actors
    (a "Kerry" in piece 3 joins "John Kerry" of piece 1) and keeps every
    event, whose offsets already point into the whole text.
    """
    if len(parts) == 1:
        return parts[0]
    merged = resolve(parts, lexicon=lexicon)
    return DocExtraction(document=document, actors=merged.actors, places=merged.places,
                         events=merged.events)


@dataclass
class _Outcome:
    """One document's end: its extraction, or the reason it failed."""

    document: Document
    extraction: DocExtraction | None
    error: str | None


def _assemble(results: Iterable[_PieceResult], lexicon: "Lexicon | None") -> Iterator[_Outcome]:
    """Regroup piece results (in input order) into one outcome per document, its places geocoded
    (``lexicon``: the pieces' lexicon, which merging their actors and geocoding read)."""
    parts: list[DocExtraction] = []
    error: str | None = None
    for r in results:
        if r.extraction is not None:
            parts.append(r.extraction)
        error = error or r.error
        if not r.last:
            continue
        if error is None:
            yield _Outcome(r.document, geocode_extraction(_combine(r.document, parts, lexicon), lexicon), None)
        else:
            yield _Outcome(r.document, None, error)
        parts, error = [], None


# --------------------------------------------------------------------------- #
# Engines
# --------------------------------------------------------------------------- #


def _fork_context() -> multiprocessing.context.BaseContext | None:
    """The "fork" start method where it is safe, else None (run in one process).

    spaCy's multiprocessing hangs where workers are spawned rather than forked
    (explosion/spaCy#13345 on Windows, #12585 on macOS), and forking inside a
    Jupyter kernel is unreliable, so only Linux outside Jupyter gets workers.
    """
    if not sys.platform.startswith("linux") or "ipykernel" in sys.modules:
        return None
    if "fork" not in multiprocessing.get_all_start_methods():
        return None  # pragma: no cover
    return multiprocessing.get_context("fork")


#: The Pipeline of a *worker* process: under ``""`` the one :func:`_init_worker`
#: gives a forked pool, under ``(model, lexicon)`` those :func:`_worker_pipeline`
#: loads on first use (Dask workers), so that each worker loads the model once,
#: not once per batch.  The calling process never fills it (unless a Dask cluster
#: runs its workers in-process, in which case it caches one pipeline per model
#: and lexicon there).
_WORKER_PIPELINES: dict[Any, "Pipeline"] = {}


#: How often a worker checks that the process that started it is alive.
_PARENT_POLL_SECONDS = 0.5
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _init_worker(pipeline: "Pipeline", parent: int) -> None:
    # Forked: ``pipeline`` is the parent's object, inherited, not pickled.
    _die_with_parent(parent)
    _WORKER_PIPELINES[""] = pipeline


def _die_with_parent(parent: int) -> None:
    """Make this worker end when ``parent`` (the process that forked it) ends, however it ends.

    A parent killed with ``kill -9`` runs no clean-up, so the worker takes
    care of itself: Linux sends it SIGKILL when the parent dies
    (``PR_SET_PDEATHSIG``), and a watchdog thread exits it once it has been
    handed to another parent (covering a parent that died before the signal
    was set, and kernels without prctl).  Ctrl-C reaches the whole process
    group; it is the parent's to handle, so a worker ignores it rather than
    print its own traceback.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the CLI's handler, inherited by fork
    _set_parent_death_signal()
    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="graphbuild-parent-watch",
                     daemon=True).start()


def _set_parent_death_signal() -> None:
    if not sys.platform.startswith("linux"):  # pragma: no cover
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # pragma: no cover - the watchdog still covers it
        pass


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_PARENT_POLL_SECONDS)
    os._exit(1)


def _stop_workers(executor: ProcessPoolExecutor) -> None:
    """End a pool now: queued batches dropped, running ones killed (used when the run is abandoned)."""
    # The executor offers no public way to stop running tasks; its process table is the only handle.
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.kill()
    for process in processes:
        process.join(timeout=5)
    # The pool's manager thread notices the killed workers and closes its wake-up pipe; wait for it,
    # or the interpreter's exit hook may write to that pipe while it closes and print a traceback
    # ("Bad file descriptor") after "graphbuild: interrupted".
    manager = getattr(executor, "_executor_manager_thread", None)
    if manager is not None:
        manager.join(timeout=5)


def _pool_task(batch: list[_Piece]) -> list[_PieceResult]:
    return _run_batch(_WORKER_PIPELINES[""], batch)


def _worker_pipeline(model: str, lexicon: "Lexicon") -> "Pipeline":
    pipeline = _WORKER_PIPELINES.get((model, lexicon))
    if pipeline is None:
        from .nlp import load_pipeline

        pipeline = _WORKER_PIPELINES[(model, lexicon)] = load_pipeline(model, lexicon=lexicon)
    return pipeline


def _dask_task(model: str, lexicon: "Lexicon", batch: list[_Piece]) -> list[_PieceResult]:
    return _run_batch(_worker_pipeline(model, lexicon), batch)


def _in_order(submit: Callable[[list[_Piece]], Any], batches: Iterable[list[_Piece]],
              window: int, result: Callable[[Any], list[_PieceResult]]) -> Iterator[_PieceResult]:
    """Submit batches keeping at most ``window`` in flight; yield results in submission order.

    Bounding the window is what keeps memory flat: ``Pool.imap`` and
    ``Client.map`` would read the whole corpus ahead of the workers.
    """
    pending: deque[Any] = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield from result(pending.popleft())
    while pending:
        yield from result(pending.popleft())


def _local_results(batches: Iterable[list[_Piece]], pipeline: "Pipeline",
                   n_process: int) -> Iterator[_PieceResult]:
    context = _fork_context() if n_process > 1 else None
    if context is None:
        for batch in batches:
            yield from _run_batch(pipeline, batch)
        return
    executor = ProcessPoolExecutor(max_workers=n_process, mp_context=context,
                                   initializer=_init_worker, initargs=(pipeline, os.getpid()))
    finished = False
    try:
        yield from _in_order(lambda b: executor.submit(_pool_task, b), batches,
                             n_process * _BATCHES_PER_WORKER, Future.result)
        finished = True
    except BrokenProcessPool as exc:
        raise GraphbuildError("a worker process died (out of memory?); try fewer workers") from exc
    finally:
        if finished:
            executor.shutdown(wait=True)
        else:
            # Interrupted (Ctrl-C, SIGTERM), failed, or the consumer stopped early:
            # nobody wants the batches in flight, so do not wait for them.
            _stop_workers(executor)


def _import_dask() -> Any:
    try:
        import dask.distributed as distributed
    except ImportError as exc:
        raise GraphbuildError("the dask engine needs 'pip install graphbuild[dask]'") from exc
    return distributed


def _dask_results(batches: Iterable[list[_Piece]], model: str, lexicon: "Lexicon", workers: int,
                  scheduler: str | None) -> Iterator[_PieceResult]:
    distributed = _import_dask()
    cluster = None
    if scheduler:
        client = distributed.Client(scheduler)
    else:
        cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                           dashboard_address=None)
        client = distributed.Client(cluster)
    try:
        window = max(2, sum(client.nthreads().values()) * _BATCHES_PER_WORKER)
        # The lexicon travels once to every worker (as its files' texts: see Lexicon.files),
        # and each worker loads the model with it once.
        words = client.scatter(lexicon, broadcast=True, hash=False)
        # pure=False: identical batches must not be deduplicated by key, and
        # hashing every text for a key would cost more than it saves.
        yield from _in_order(lambda b: client.submit(_dask_task, model, words, b, pure=False), batches,
                             window, lambda f: f.result())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# --------------------------------------------------------------------------- #
# Public entry points
# --------------------------------------------------------------------------- #


def iter_doc_extractions(
    documents: Iterable[Document],
    pipeline: "Pipeline",
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
    max_chars: int = MAX_DOC_CHARS,
    on_problem: ProblemHandler | None = None,
) -> Iterator[DocExtraction]:
    """Parse and extract documents as a stream, one :class:`DocExtraction` each, in input order.

    Documents are read lazily, parsed in batches and extracted one Doc at a
    time; only the records are yielded.  A text longer than ``max_chars`` is
    parsed in pieces (:func:`split_text`) whose results are merged into one
    record with offsets into the whole text.

    Parameters
    ----------
    documents : iterable of Document
        Consumed lazily.
    pipeline : Pipeline
        From :func:`graphbuild.nlp.load_pipeline`.
    batch_size : int
        Texts per ``nlp.pipe`` batch (a batch also stops at :data:`MAX_BATCH_CHARS`).
    n_process : int
        Worker processes.  Above 1, batches go to forked processes that
        inherit ``pipeline``; where forking is not safe (not Linux, or inside
        Jupyter) this runs in one process instead, with a ``RuntimeWarning``.
    max_chars : int
        Longest text parsed in one piece.
    on_problem : callable, optional
        Called with a :class:`~graphbuild.read.ReadProblem` (path = document
        id) for a document whose parse or extraction failed; that document is
        skipped.  When None, such a failure raises :class:`GraphbuildError`.

    Yields
    ------
    DocExtraction
        In the order of ``documents``.  With ``n_process > 1`` the record's
        ``document`` carries metadata only (its text stays behind).
    """
    if batch_size < 1:
        raise GraphbuildError("batch_size must be at least 1")
    if n_process > 1 and _fork_context() is None:
        warnings.warn("graphbuild runs in one process here: worker processes need the 'fork' start "
                      "method (Linux, outside Jupyter)", RuntimeWarning, stacklevel=2)
        n_process = 1
    originals: deque[Document] | None = deque() if n_process == 1 else None

    def remember(docs: Iterable[Document]) -> Iterator[Document]:
        # In one process the caller's Document (with its text) goes back in
        # the record; the deque holds only the documents of batches in flight.
        for d in docs:
            if originals is not None:
                originals.append(d)
            yield d

    batches = _batches(_pieces(remember(documents), max_chars), batch_size, MAX_BATCH_CHARS)
    for outcome in _assemble(_local_results(batches, pipeline, n_process), pipeline.lexicon):
        original = originals.popleft() if originals is not None else None
        if outcome.extraction is None:
            _fail(outcome, on_problem)
            continue
        if original is not None:
            outcome.extraction.document = original
        yield outcome.extraction


def _fail(outcome: _Outcome, on_problem: ProblemHandler | None) -> None:
    reason = outcome.error or "extraction failed"
    if on_problem is None:
        raise GraphbuildError(f"{outcome.document.id}: {reason}")
    on_problem(ReadProblem(outcome.document.id, reason))


def _one_or_many(items: Any, single: type | tuple[type, ...]) -> Iterable[Any]:
    """``items`` as an iterable: one ``single`` item alone is one item, not its characters."""
    if isinstance(items, single):
        return [items]
    try:
        return iter(items)
    except TypeError:
        return [items]  # not iterable: reported as one bad item


def _document_problem(document: Any) -> str | None:
    """Why a ready document cannot be used, or None."""
    if not isinstance(document, Document):
        return f"not a Document but {type(document).__name__}"
    if not isinstance(document.id, str) or not document.id:
        return "its id is not a non-empty string"
    try:
        document.id.encode("utf-8")
    except UnicodeEncodeError:
        return "its id is not valid text (lone surrogate)"
    if not isinstance(document.text, str) or not document.text.strip():
        return "its text is not a non-empty string"
    return None


def _all_documents(inputs: Iterable[Any], texts: Iterable[str], documents: Iterable[Document],
                   date: str | None, report: ProblemHandler) -> Iterator[Document]:
    """Documents from files, then raw strings, then ready ones; a repeated id is reported.

    A text that is not a string and a document that is not a usable
    :class:`Document` are reported (as ``text-<i>`` and ``documents[<i>]``)
    and skipped; the others are kept.
    """
    seen: set[str] = set()

    def sources() -> Iterator[Document]:
        yield from iter_documents(inputs, date=date, on_problem=report)
        for i, text in enumerate(_one_or_many(texts, (str, bytes)), 1):
            try:
                yield document_from_text(text, id=f"text-{i}", date=date)
            except GraphbuildError as exc:
                report(ReadProblem(f"text-{i}", str(exc)))
        for i, document in enumerate(_one_or_many(documents, Document)):
            problem = _document_problem(document)
            if problem is not None:
                report(ReadProblem(f"documents[{i}]", problem))
                continue
            yield replace(document, date=date) if date and not document.date else document

    for document in sources():
        if document.id in seen:
            report(ReadProblem(document.id, f"duplicate id {document.id!r}"))
            continue
        seen.add(document.id)
        yield document


def extract(
    inputs: Iterable[str | os.PathLike[str]] = (),
    *,
    texts: Iterable[str] = (),
    documents: Iterable[Document] = (),
    model: str | None = None,
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    date: str | None = None,
    batch_size: int | None = None,
    progress: Progress | None = None,
    on_problem: ProblemHandler | None = None,
    existing: Extraction | None = None,
    pipeline: "Pipeline | None" = None,
    duplicates: bool = True,
    lexicon: "Lexicon | None" = None,
) -> Extraction:
    """Read, parse and extract a corpus into one merged :class:`Extraction`.

    Parameters
    ----------
    inputs : iterable of str or path
        Files, folders, globs and ``-`` (stdin), as :func:`graphbuild.read.iter_documents` takes.
    texts : iterable of str
        Raw article texts; their ids are ``text-1``, ``text-2``, ...  One
        string is one text.  An item that is not a string is reported as a
        problem (``text-<i>``) and the others are kept.
    documents : iterable of Document
        Ready documents.
    model : str, optional
        spaCy model (see :func:`graphbuild.nlp.choose_model`); ignored when ``pipeline`` is given.
    workers : int, optional
        Processes that parse (default :func:`default_workers`).  With the
        local engine they are forked and inherit the pipeline; where that is
        not safe (not Linux, or inside Jupyter) the work runs in one process
        (quietly by default, with a ``RuntimeWarning`` if ``workers > 1`` was
        asked for).
    engine : {"local", "dask"}
        ``"dask"`` runs the per-batch work on ``dask.distributed``: on the
        cluster at ``scheduler`` or on a new ``LocalCluster`` of ``workers``
        single-threaded processes (shut down at the end).  Each Dask worker
        loads the model once, by name, with the lexicon of ``pipeline``: a
        custom lexicon travels as the texts of its files, so workers that do
        not share its folder read the same words.
    scheduler : str, optional
        ``"tcp://host:port"`` of a running Dask scheduler.
    date : str, optional
        Date for documents (from any source) that carry none; it must name
        one day (``2016-05-02``).
    batch_size : int, optional
        Texts per ``nlp.pipe`` batch (default :data:`DEFAULT_BATCH_SIZE`).
    progress : callable, optional
        ``progress(doc_id, n_done)`` once per document parsed (extracted or
        failed).  Documents skipped because ``existing`` knows their text are
        not reported.
    on_problem : callable, optional
        Called with each :class:`~graphbuild.read.ReadProblem`; problems are
        also recorded in ``Extraction.skipped``.
    existing : Extraction, optional
        A previous result to add to (it is updated in place and returned).
        A document whose text's SHA-1 is recorded in ``existing.documents``
        (key ``"sha1"``) is skipped without parsing.  Any other document is
        added, even under an id ``existing`` already has: its entry in
        ``documents`` is replaced, but events from the old text are kept.
    pipeline : Pipeline, optional
        An already loaded pipeline to use instead of loading ``model``.
    duplicates : bool
        Find articles whose text repeats another's, in this run or in
        ``existing`` (:mod:`graphbuild.dedup`): each copy is listed in
        ``documents`` with ``duplicate_of`` and adds no events.  Of a group
        of copies the one with the smallest document id is kept (documents
        of ``existing`` come first), whatever the input order.  False
        extracts every document.
    lexicon : Lexicon, optional
        The word lists (:func:`graphbuild.lexicon.load_lexicon`) of the
        pipeline that is loaded (default: the package's); with ``pipeline``,
        leave it out (the pipeline's lexicon is used) or give that lexicon.

    Returns
    -------
    Extraction
        Each ``documents`` entry carries the ``"sha1"`` of its text, and
        ``"minhash"`` (its near-duplicate signature) or ``"duplicate_of"``.

    Raises
    ------
    GraphbuildError
        Unknown engine, missing model, a ``date`` that is no date, or the dask
        engine without dask installed.
    """
    check_date(date)
    if engine not in ENGINES:
        raise GraphbuildError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
    if workers is None:
        # Asked for nothing: use every core where workers are safe, else quietly one.
        workers = default_workers() if engine == "dask" or _fork_context() else 1
    if workers < 1:
        raise GraphbuildError("workers must be at least 1")
    batch_size = DEFAULT_BATCH_SIZE if batch_size is None else batch_size
    if batch_size < 1:
        raise GraphbuildError("batch_size must be at least 1")
    if engine == "dask":
        _import_dask()  # fail before reading anything
    if pipeline is not None and lexicon is not None and lexicon is not pipeline.lexicon:
        raise GraphbuildError("the lexicon is the pipeline's: give it to load_pipeline, not to extract")
    if pipeline is None and engine == "local":
        from .nlp import load_pipeline

        pipeline = load_pipeline(model, lexicon=lexicon)
    lexicon = pipeline.lexicon if pipeline is not None else lexicon or default_lexicon()

    result = existing if existing is not None else Extraction()
    known = {d["sha1"] for d in result.documents if d.get("sha1")}
    problems: list[dict[str, str]] = []
    hashes: dict[str, str] = {}
    finder = DuplicateFinder() if duplicates else None
    if finder is not None:
        finder.load(result.documents)
    copies: dict[str, dict[str, Any]] = {}

    def report(problem: ReadProblem) -> None:
        problems.append(problem.to_dict())
        if on_problem is not None:
            on_problem(problem)

    def fresh() -> Iterator[Document]:
        for document in _all_documents(inputs, texts, documents, date, report):
            digest = content_hash(document.text)
            if digest in known:
                continue
            hashes[document.id] = digest
            if finder is not None and finder.check(document.id, document.text).duplicate_of:
                copies[document.id] = {**document.meta(), "sha1": digest}
                continue
            yield document

    n_done = 0

    def tick(doc_id: str) -> None:
        nonlocal n_done
        n_done += 1
        if progress is not None:
            progress(doc_id, n_done)

    def on_failure(problem: ReadProblem) -> None:
        tick(problem.path)
        report(problem)

    if engine == "local":
        assert pipeline is not None
        records = iter_doc_extractions(fresh(), pipeline, batch_size=batch_size, n_process=workers,
                                       on_problem=on_failure)
    else:
        records = _dask_doc_extractions(fresh(), pipeline.model if pipeline else _model_name(model),
                                        lexicon, workers, scheduler, batch_size, on_failure)

    def counted() -> Iterator[DocExtraction]:
        for record in records:
            tick(record.document.id)
            yield record

    merged = merge_into(result, counted(), lexicon=lexicon)
    for entry in merged.documents:
        if entry["id"] in hashes:
            entry["sha1"] = hashes[entry["id"]]
    if finder is not None:
        mark_duplicates(merged, finder, copies)
    assign_clusters(merged)
    seen = {(s.get("path"), s.get("reason")) for s in merged.skipped}
    for p in problems:
        if (p["path"], p["reason"]) not in seen:
            seen.add((p["path"], p["reason"]))
            merged.skipped.append(p)
    return merged


def _model_name(model: str | None) -> str:
    from .nlp import choose_model

    return choose_model(model)


def _dask_doc_extractions(documents: Iterable[Document], model: str, lexicon: "Lexicon", workers: int,
                          scheduler: str | None, batch_size: int,
                          on_problem: ProblemHandler) -> Iterator[DocExtraction]:
    batches = _batches(_pieces(documents, MAX_DOC_CHARS), batch_size, MAX_BATCH_CHARS)
    for outcome in _assemble(_dask_results(batches, model, lexicon, workers, scheduler), lexicon):
        if outcome.extraction is None:
            _fail(outcome, on_problem)
        else:
            yield outcome.extraction


def extract_text(text: str, *, id: str = "text", date: str | None = None, model: str | None = None,
                 pipeline: "Pipeline | None" = None) -> Extraction:
    """Extract one article given as a string, in this process.

    Parameters
    ----------
    text : str
        The article (boilerplate is removed as for files).
    id : str
        Its document id.
    date : str, optional
        Its publication date (resolves "on Monday").
    model, pipeline
        As for :func:`extract`.

    Returns
    -------
    Extraction

    Raises
    ------
    GraphbuildError
        If the text is empty or holds only boilerplate.

    Examples
    --------
    >>> x = extract_text("Kerry met Lavrov in Geneva on Monday.", date="2016-05-02")  # doctest: +SKIP
    >>> x.events[0].type                                                              # doctest: +SKIP
    'meeting'
    """
    document = document_from_text(text, id=id, date=date)
    return extract(documents=[document], model=model, pipeline=pipeline, workers=1,
                   on_problem=_raise)


def _raise(problem: ReadProblem) -> None:
    raise GraphbuildError(f"{problem.path}: {problem.reason}")
