"""Inputs -> sources -> documents: files, folders, globs and stdin, each read by its format."""
from __future__ import annotations

import glob
import os
import sys
from collections import abc
from typing import Callable, Iterable, Iterator, TextIO

from ..types import Document, GraphbuildError
from .decode import _check_text, _decode
from .document import check_date
from .formats import KNOWN_SUFFIXES, READ_SUFFIXES, format_of
from .jsonl import looks_like_jsonl, records_from_lines
from .problems import ReadProblem, _os_error_reason, printable_path
from .records import Record, Source, whole_file

__all__ = ["iter_documents", "STDIN_ID"]

#: Id (and problem path) of the document read from standard input.
STDIN_ID = "<stdin>"

_GLOB_CHARS = frozenset("*?[")


def _posix(path: str) -> str:
    return printable_path(os.path.normpath(path).replace(os.sep, "/"))


def _named_source(path: str) -> Source:
    """A file the user named (directly or through a glob): its id is the path as typed."""
    shown = _posix(path)
    return Source(path=path, name=printable_path(path), id=shown, alt_id=shown,
                   key=os.path.realpath(path))


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(folder: str, relative: str, on_problem: Callable[[ReadProblem], None]) -> Iterator[Source]:
    """Readable files under ``folder`` in sorted order, one directory listed at a time."""
    here = os.path.join(folder, relative) if relative else folder
    try:
        entries = sorted(os.scandir(here), key=lambda e: e.name)
    except OSError as exc:
        on_problem(ReadProblem(printable_path(here), _os_error_reason(exc)))
        return
    for entry in entries:
        if _is_hidden(entry.name):
            continue
        rel = f"{relative}/{entry.name}" if relative else entry.name
        try:
            # Linked folders are not entered: a link back up would loop forever.
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(folder, rel, on_problem)
        elif entry.name.lower().endswith(KNOWN_SUFFIXES):
            path = os.path.join(folder, rel)
            yield Source(path=path, name=printable_path(path), id=printable_path(rel),
                          alt_id=_posix(path), key=os.path.realpath(path))


def _folder_sources(folder: str, on_problem: Callable[[ReadProblem], None]) -> Iterator[Source]:
    found = False
    for source in _walk(folder, "", on_problem):
        found = True
        yield source
    if not found:
        suffixes = ", ".join(READ_SUFFIXES)
        on_problem(ReadProblem(printable_path(folder), f"folder has no readable files (looked for {suffixes})"))


def _glob_sources(pattern: str, on_problem: Callable[[ReadProblem], None]) -> Iterator[Source]:
    """Files matching ``pattern``; folders it matches are not entered (write ``**`` for that)."""
    found = False
    for path in sorted(glob.iglob(pattern, recursive=True)):
        if os.path.isdir(path):
            continue
        found = True
        yield _named_source(path)
    if not found:
        on_problem(ReadProblem(printable_path(pattern), "no files match this pattern"))


def _sources(raw: str, on_problem: Callable[[ReadProblem], None]) -> Iterator[Source]:
    """What one command-line input stands for."""
    if raw == "-":
        yield Source(path=STDIN_ID, name=STDIN_ID, id=STDIN_ID, alt_id=STDIN_ID, key=STDIN_ID)
    elif os.path.isdir(raw):
        yield from _folder_sources(raw, on_problem)
    elif os.path.lexists(raw) or not _GLOB_CHARS.intersection(raw):
        # A missing path is still a source: reading it reports "no such file".
        yield _named_source(raw)
    else:
        yield from _glob_sources(raw, on_problem)



def _read_stdin(stream: TextIO) -> str:
    """Standard input as checked text; raw bytes are decoded like a file when available."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        data = buffer.read()
        if not data:
            raise GraphbuildError("empty input")
        return _decode(data)
    text = stream.read()
    if not text:
        raise GraphbuildError("empty input")
    return _check_text(text)


def _read_source(
    source: Source, default_date: str | None, stdin: TextIO | None
) -> Iterator[Record | ReadProblem]:
    """Documents (or problems) from one source; raises GraphbuildError for a whole-source problem."""
    if source.key == STDIN_ID:
        text = _read_stdin(stdin if stdin is not None else sys.stdin)
        if looks_like_jsonl(text):
            yield from records_from_lines(text.split("\n"), source, default_date)
        else:
            yield from whole_file(source, text, None, None, default_date)
        return
    found = format_of(source.path)
    if found.read is None:
        raise GraphbuildError(found.refused or f"{found.name} files are not supported")
    yield from found.read(source, default_date)


def _ignore(problem: ReadProblem) -> None:
    """The ``on_problem`` used when the caller passes none: skip silently."""


def iter_documents(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    date: str | None = None,
    on_problem: Callable[[ReadProblem], None] | None = None,
    stdin: TextIO | None = None,
) -> Iterator[Document]:
    """Yield one :class:`Document` per article found in ``inputs``, lazily.

    Parameters
    ----------
    inputs : iterable of str or os.PathLike
        File paths, folders (read recursively, sorted; hidden files and
        folders and suffixes not in :data:`~graphbuild.read.formats.FORMATS`
        skipped), glob patterns (``*``, ``?``, ``[...]``, ``**``; sorted;
        matching files are read whatever their suffix) and ``-`` for
        standard input.  A file named explicitly is read by the format of its
        suffix, as text when the suffix is unknown; a format the table
        refuses (PDF, ...) is reported with its reason.
    date : str, optional
        Date given to documents that carry none (the CLI's ``--date``); it
        must name one day (``2016-05-02``).  A document's own date (JSONL
        ``date``, an HTML page's date) that is no date is reported (reason
        starting :data:`IGNORED_DATE`) and replaced by ``date``; the document
        is kept.
    on_problem : callable, optional
        Called once with a :class:`ReadProblem` for each input (or JSONL line)
        that cannot be used; the input is skipped and reading continues.  When
        None, problems are skipped silently.  An item of ``inputs`` that is
        not a path (None, a number) is such an input, named ``inputs[i]``.
    stdin : file-like, optional
        Stream read for ``-`` (default ``sys.stdin``).  Its content is read as
        JSON Lines when the first non-blank line is a JSON object with
        ``text``, otherwise as one document with id ``"<stdin>"``.

    Yields
    ------
    Document
        Ids: a file found under a folder gets its path relative to the folder
        (``"sub/a.txt"``); a file named directly gets the path as typed
        (forward slashes); a JSONL record gets its ``id`` or
        ``"<file id>:<line>"``.  A file named twice is yielded once; when two
        different files would share an id the later takes its full path, and
        a JSONL id already used is reported as a problem.

    Examples
    --------
    >>> import io
    >>> problems = []
    >>> docs = iter_documents(["-", "missing.txt"], on_problem=problems.append,
    ...                       stdin=io.StringIO("Kerry met Lavrov in Geneva on Monday."))
    >>> [(d.id, d.text) for d in docs]
    [('<stdin>', 'Kerry met Lavrov in Geneva on Monday.')]
    >>> problems
    [ReadProblem(path='missing.txt', reason='no such file or directory')]
    """
    report = on_problem or _ignore
    check_date(date)
    if isinstance(inputs, (str, bytes, os.PathLike)) or not isinstance(inputs, abc.Iterable):
        inputs = [inputs]  # one path, not an iterable of characters
    read_keys: set[str] = set()
    used_ids: dict[str, str] = {}
    for i, raw in enumerate(inputs):
        try:
            path = os.fsdecode(raw)
        except TypeError:
            report(ReadProblem(f"inputs[{i}]", f"not a file name but {type(raw).__name__}"))
            continue
        for source in _sources(path, report):
            if source.key in read_keys:
                continue  # the same file reached twice (named and matched by a glob, say)
            read_keys.add(source.key)
            try:
                for item in _read_source(source, date, stdin):
                    if isinstance(item, ReadProblem):
                        report(item)
                        continue
                    document = _claim_id(item, used_ids, report)
                    if document is not None:
                        yield document
            except GraphbuildError as exc:
                report(ReadProblem(source.name, str(exc)))


def _claim_id(
    record: Record, used_ids: dict[str, str], report: Callable[[ReadProblem], None]
) -> Document | None:
    """The record's document under an id no earlier document has, or None (reported)."""
    document = record.document
    if document.id in used_ids and record.alt_id and record.alt_id not in used_ids:
        document.id = record.alt_id
    if document.id in used_ids:
        report(
            ReadProblem(
                record.problem_path,
                f"duplicate id {document.id!r} (already used by {used_ids[document.id]})",
            )
        )
        return None
    used_ids[document.id] = record.problem_path
    return document

